"""Version 1 of the acknowledgement, in Polish (policy 8.2, 12.1): the same letter as
``build_v1.py``, translated. Unreviewed until a qualified translator has checked it.

Polish verbs and pronouns agree with the reader's gender; the macro ``ty(female, male,
either)`` picks the form from the party's title (Ms/Mrs/Miss, Mr, anything else).
Personal names are not declined, so sentences are built to keep them in the nominative.
"""

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from forms import POLISH_LETTERHEAD, localise
from letterhead import address_block, bullet, heading, new_document, para, save, tag

TY = (
    "{% macro ty(female, male, either) %}{% if party.title in ['Ms', 'Mrs', 'Miss'] %}{{ female }}"
    "{% elif party.title == 'Mr' %}{{ male }}{% else %}{{ either }}{% endif %}{% endmacro %}"
)

doc = new_document(reference="Nr sprawy {{ case.reference }} · ")
address_block(doc)
localise(doc, POLISH_LETTERHEAD)
para(doc, TY + "{{ ty('Szanowna Pani', 'Szanowny Panie', 'Szanowna Pani / Szanowny Panie') }},")
heading(doc, "Potwierdzenie przyjęcia zgłoszenia", 0)
para(doc, "Dziękujemy za poinformowanie nas o tym, co się dzieje. {{ ty('Pani', 'Pana', 'Pani/Pana') }} zgłoszenie otrzymaliśmy {{ case.received|date }} o godz. {{ case.received.strftime('%H:%M') }} i założyliśmy sprawę nr {{ case.reference }}. Nękanie i przestępstwa z nienawiści są zawsze niedopuszczalne, a każde zgłoszenie traktujemy poważnie. O dalszych krokach będziemy decydować, szanując {{ ty('Pani', 'Pana', 'Pani/Pana') }} wolę.")
heading(doc, "Co będzie dalej")
bullet(doc, "Sprawę prowadzi {{ officer.name }}, {{ officer.job_title }}. Skontaktujemy się z {{ ty('Panią', 'Panem', 'Panią/Panem') }} w ciągu 24 godzin od zgłoszenia, aby porozmawiać o tym, co się wydarzyło, i wspólnie ustalić, co zrobimy.")
bullet(doc, "Sprawę zbadamy szybko i rzetelnie, a co najmniej raz na 10 dni roboczych będziemy informować {{ ty('Panią', 'Pana', 'Panią/Pana') }} o tym, co zrobiliśmy.")
bullet(doc, "Obraźliwe napisy (graffiti) usuniemy w ciągu 24 godzin od ich zgłoszenia, a pilne naprawy potrzebne do zabezpieczenia mieszkania wykonamy w pierwszej kolejności.")
bullet(doc, "Za {{ ty('Pani', 'Pana', 'Pani/Pana') }} zgodą przekażemy informacje o tym, co się wydarzyło, naszym partnerom, na przykład policji, abyśmy wspólnie mogli zebrać dowody. Bez {{ ty('Pani', 'Pana', 'Pani/Pana') }} zgody nie udostępnimy nikomu informacji o {{ ty('Pani', 'Panu', 'Pani/Panu') }}, chyba że wymaga tego prawo.")
heading(doc, "Wsparcie i ochrona, które możemy zaoferować")
bullet(doc, "Zabezpieczenie mieszkania, na przykład nowe zamki, wzmocniona skrzynka lub otwór na listy, oświetlenie albo ogrodzenie.")
bullet(doc, "Skontaktowanie {{ ty('Pani', 'Pana', 'Pani/Pana') }} i rodziny z organizacjami, które udzielają specjalistycznego wsparcia, na przykład z Victim Support (organizacją pomagającą ofiarom przestępstw).")
bullet(doc, "Rozmowę o możliwościach mieszkaniowych. Nikt nie powinien czuć się zmuszony do przeprowadzki; zrobimy wszystko, co w naszej mocy, aby pomóc {{ ty('Pani', 'Panu', 'Pani/Panu') }} bezpiecznie pozostać we własnym domu.")
para(doc, "W razie zagrożenia prosimy dzwonić na policję pod numer 999. Aby zgłosić przestępstwo, które nie wymaga natychmiastowej interwencji, prosimy dzwonić pod numer 101. Przestępstwo z nienawiści można też zgłosić przez internet na stronie www.report-it.org.uk.", bold=True)
heading(doc, "Zapisywanie zdarzeń")
para(doc, "Warto zapisywać, co się dzieje, kiedy i gdzie, oraz kto był obecny, a także zachowywać zdjęcia, wiadomości i listy. Możemy przekazać {{ ty('Pani', 'Panu', 'Pani/Panu') }} formularze dziennika zdarzeń, które to ułatwią.")
tag(doc, "{%p if party.interpreter %}")
heading(doc, "Tłumacz")
para(doc, "Na nasze spotkania i rozmowy telefoniczne bezpłatnie zapewnimy profesjonalnego tłumacza (język: {{ party.language|language }}). Nie trzeba prosić o tłumaczenie członków rodziny ani znajomych.")
tag(doc, "{%p else %}")
heading(doc, "Inne języki i formaty")
para(doc, "Jeśli potrzebuje {{ ty('Pani', 'Pan', 'Pani/Pan') }} tłumacza albo tego listu w innym języku lub formacie, na przykład dużym drukiem lub w wersji łatwej do czytania, prosimy nam o tym powiedzieć. Jest to bezpłatne.")
tag(doc, "{%p endif %}")
heading(doc, "Kontakt z nami")
para(doc, "Sprawę prowadzi {{ officer.name }}: tel. {{ officer.phone }}, e-mail {{ officer.email }}. Poza godzinami pracy biura można zostawić wiadomość na naszej linii ds. nękania: {{ association.harassment_line }}.")
para(doc, "Z poważaniem")
doc.add_paragraph()
para(doc, "{{ officer.name }}", bold=True)
para(doc, "{{ officer.job_title }}, {{ association.name }}")
save(
    doc, "acknowledgement",
    title="Acknowledgement of your report",
    description="To a victim or complainant within 24 hours of the report (policy 8.1): next steps, support and protection, interpreter.",
    language="pl",
    effective_from=date(2026, 11, 25),
    change_note="Polish translation of version 1.",
    translation_status="unreviewed",
    translated_by="Draft translation prepared with the casedocs tooling (AI-assisted) on 2026-11-25; to be reviewed by a qualified Polish translator before it is marked reviewed",
)
