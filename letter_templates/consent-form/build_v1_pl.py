"""Version 1 of the consent to share information form, in Polish (policy 8.2, 8.5, 12.1):
the same form as ``build_v1.py``, translated. Unreviewed until a qualified translator has
checked it. The purposes come from the case file and stay in English (the form says so).

The macro ``ty(female, male, either)`` picks the forms that agree with the reader's
gender from the party's title; the declaration is in the first person present tense,
which Polish does not mark for gender.
"""

import sys
from datetime import date
from pathlib import Path

from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from forms import POLISH_LETTERHEAD, fact_table, localise, signature_table, tick_table
from letterhead import bullet, heading, new_document, para, save, tag

TY = (
    "{% macro ty(female, male, either) %}{% if party.title in ['Ms', 'Mrs', 'Miss'] %}{{ female }}"
    "{% elif party.title == 'Mr' %}{{ male }}{% else %}{{ either }}{% endif %}{% endmacro %}"
)

doc = new_document(reference="Nr sprawy {{ case.reference }} · ")
localise(doc, POLISH_LETTERHEAD)
heading(doc, TY + "Zgoda na udostępnianie informacji", 0)
fact_table(doc, [
    ("Imię i nazwisko", "{{ party.name }}"),
    ("Adres", "{% if party.address %}{{ party.address|join(', ') }}{% if party.postcode %}, {{ party.postcode }}{% endif %}{% else %}{{ case.location.address|join(', ') }}, {{ case.location.postcode }}{% endif %}"),
    ("Numer sprawy", "{{ case.reference }}"),
    ("Pracownik Keniston", "{{ officer.name }}, {{ officer.job_title }}, tel. {{ officer.phone }}"),
])
para(doc, "{{ association.name }} („Keniston”) chce udostępnić informacje o {{ ty('Pani', 'Panu', 'Pani/Panu') }} i o sprawie nr {{ case.reference }} organizacjom wymienionym poniżej, aby mogły udzielić {{ ty('Pani', 'Panu', 'Pani/Panu') }} wsparcia i abyśmy wspólnie mogli przeciwdziałać nękaniu. Udostępnimy je wyłącznie organizacjom wskazanym przez {{ ty('Panią', 'Pana', 'Panią/Pana') }} i wyłącznie w podanych celach.")

heading(doc, "Decyzja należy do {{ ty('Pani', 'Pana', 'Pani/Pana') }}")
bullet(doc, "Wyrażenie zgody jest dobrowolne. Ani odmowa, ani późniejsza zmiana decyzji nie wpłyną na pomoc, którą {{ ty('Pani', 'Pan', 'Pani/Pan') }} od nas otrzymuje{% if party.tenancy %}, ani na {{ ty('Pani', 'Pana', 'Pani/Pana') }} umowę najmu{% endif %}.")
bullet(doc, "Można wyrazić zgodę na udostępnienie informacji niektórym organizacjom, a innym nie.")
bullet(doc, "Zgodę można wycofać w każdej chwili, wobec jednej organizacji lub wszystkich, bez podawania przyczyny. Wystarczy powiedzieć o tym osobie prowadzącej sprawę ({{ officer.name }}, tel. {{ officer.phone }}), zadzwonić na naszą linię ds. nękania ({{ association.harassment_line }}), napisać e-mail na adres {{ association.email }} albo list na adres {{ association.address_line }}. Wtedy przestaniemy udostępniać informacje i powiadomimy o tym te organizacje. Wycofanie zgody nie wpływa na zgodność z prawem udostępnienia, którego dokonano przed jej wycofaniem.")

heading(doc, "Komu udostępnimy informacje")
para(doc, "Prosimy zaznaczyć kratkę przy każdej organizacji, której {{ ty('Pani', 'Pan', 'Pani/Pan') }} zgadza się udostępnić swoje informacje. Jeśli {{ ty('Pani', 'Pan', 'Pani/Pan') }} się nie zgadza, prosimy pozostawić kratkę pustą.").paragraph_format.keep_with_next = True
tick_table(doc, ("Zaznacz", "Organizacja"), "agency in agencies", ("{{ agency.name }}",), (Mm(28), Mm(138)))

heading(doc, "W jakim celu")
tag(doc, "{%p if purposes %}")
para(doc, "Cele zapisane w dokumentacji sprawy (w języku angielskim; na prośbę przetłumaczymy je lub objaśnimy z pomocą tłumacza):")
tag(doc, "{%p endif %}")
tag(doc, "{%p for purpose in purposes %}")
bullet(doc, "{{ purpose }}")
tag(doc, "{%p else %}")
bullet(doc, "Udzielenie {{ ty('Pani', 'Panu', 'Pani/Panu') }} wsparcia i przeciwdziałanie nękaniu, którego {{ ty('Pani', 'Pan', 'Pani/Pan') }} doświadcza.")
tag(doc, "{%p endfor %}")
para(doc, "Nie wykorzystamy tych informacji w żadnym innym celu bez ponownego zapytania o zgodę.")

heading(doc, "Jakie informacje udostępnimy")
bullet(doc, "Imię i nazwisko, adres, numer telefonu i adres e-mail oraz preferowany sposób kontaktu.")
bullet(doc, "Co się wydarzyło: daty, miejsca i szczegóły zdarzeń oraz dane osób, które miały się ich dopuścić.")
bullet(doc, "Dowody, takie jak zdjęcia, oświadczenia, dziennik zdarzeń i raporty.")
bullet(doc, "Działania podjęte przez Keniston i inne organizacje.")
bullet(doc, "Jakiej pomocy {{ ty('Pani', 'Pan', 'Pani/Pan') }} potrzebuje, na przykład tłumacza lub informacji w innym formacie.")

heading(doc, "Informacje szczególnie chronione (szczególne kategorie danych)")
para(doc, "Niektóre informacje są szczególnie chronione: prawo nazywa je szczególnymi kategoriami danych osobowych. Informacje wymienione poniżej udostępnimy tylko wtedy, gdy {{ ty('Pani', 'Pan', 'Pani/Pan') }} wyrazi na to wyraźną zgodę, zaznaczając odpowiednią kratkę. Udostępnimy je wyłącznie organizacjom zaznaczonym powyżej i tylko wtedy, gdy mają związek z nękaniem.").paragraph_format.keep_with_next = True
tick_table(
    doc, ("Zaznacz", "Wyrażam wyraźną zgodę na udostępnienie przez Keniston informacji o"), "category in special_categories",
    ("{% if category == 'health' %}moim zdrowiu, w tym o niepełnosprawności i odniesionych obrażeniach{% elif category == 'race' %}moim pochodzeniu rasowym lub etnicznym, w tym o narodowości{% elif category == 'religion' %}moim wyznaniu lub przekonaniach{% elif category == 'sexual_orientation' %}mojej orientacji seksualnej{% elif category == 'gender_identity' %}mojej tożsamości płciowej, w tym o tym, czy jestem osobą transpłciową{% else %}{{ category|words }}{% endif %}",),
    (Mm(28), Mm(138)),
)

heading(doc, "Jak długo przechowujemy informacje")
para(doc, "Dokumentację sprawy, w tym ten formularz, przechowujemy przez {{ retention_years }} lat od zamknięcia sprawy, a następnie bezpiecznie ją niszczymy. Każda organizacja, której informacje zostaną udostępnione, przechowuje je zgodnie z własnymi zasadami ochrony prywatności, o których sama {{ ty('Panią', 'Pana', 'Panią/Pana') }} poinformuje.")

heading(doc, "Podstawa prawna i {{ ty('Pani', 'Pana', 'Pani/Pana') }} prawa")
para(doc, "Informacje przetwarzamy zgodnie z brytyjskim ogólnym rozporządzeniem o ochronie danych (UK GDPR) oraz brytyjską ustawą o ochronie danych z 2018 r. (Data Protection Act 2018). Wymienionym organizacjom udostępnimy informacje na podstawie {{ ty('Pani', 'Pana', 'Pani/Pana') }} zgody (art. 6 ust. 1 lit. a UK GDPR), a informacje szczególnie chronione wyłącznie na podstawie wyraźnej zgody (art. 9 ust. 2 lit. a UK GDPR).")
para(doc, "Sekcja 115 brytyjskiej ustawy o przestępczości i zakłócaniu porządku z 1998 r. (Crime and Disorder Act 1998) daje nam uprawnienie, ale nie nakłada obowiązku, udostępniania informacji policji, władzom lokalnym i innym właściwym organom w celu zapobiegania przestępczości i zakłóceniom porządku. Uprawnienie to nie ma pierwszeństwa przed przepisami o ochronie danych, dlatego prosimy o zgodę. Bez zgody możemy udostępnić informacje tylko wtedy, gdy wymaga tego prawo albo gdy jest to konieczne, aby chronić kogoś przed poważną krzywdą; poinformujemy o tym {{ ty('Panią', 'Pana', 'Panią/Pana') }}, chyba że naraziłoby to kogoś na niebezpieczeństwo.")
para(doc, "Ma {{ ty('Pani', 'Pan', 'Pani/Pan') }} prawo dostępu do informacji, które o {{ ty('Pani', 'Panu', 'Pani/Panu') }} przechowujemy, prawo do ich sprostowania oraz prawo wniesienia skargi do brytyjskiego organu ochrony danych, Information Commissioner's Office (www.ico.org.uk, tel. 0303 123 1113). Z naszym inspektorem ochrony danych można się skontaktować pod adresem {{ association.data_protection_officer }}.")

heading(doc, "Potwierdzenie zgody")
fact_table(doc, [
    ("Imię i nazwisko osoby wyrażającej zgodę", "{{ party.name }}"),
    ("Język", "{{ language_used|language }}"),
    ("{%tr if interpreter_name or not recorded %}", ""),
    ("Tłumacz", "{{ interpreter_name }}"),
    ("{%tr endif %}", ""),
    ("Sposób wyrażenia zgody", "{% if recorded %}{% if recorded.method == 'written' %}Na piśmie{% elif recorded.method == 'verbal' %}Ustnie, odnotowana przez pracownika{% else %}Za pośrednictwem tłumacza{% endif %}{% else %}☐ na piśmie   ☐ ustnie, odnotowana przez pracownika   ☐ za pośrednictwem tłumacza{% endif %}"),
    ("Data wyrażenia zgody", "{% if recorded %}{{ recorded.given|date }}{% endif %}"),
], widths=(Mm(60), Mm(106)))
para(doc, "Treść tego formularza jest dla mnie zrozumiała{% if party.interpreter or interpreter_name %} (także dzięki pomocy tłumacza){% endif %}: wiem, jakie informacje zostaną udostępnione, komu i w jakim celu. Wiem, że mogę w każdej chwili wycofać zgodę. Wyrażam zgodę na udostępnienie informacji w zakresie zaznaczonym powyżej.").paragraph_format.keep_with_next = True
tag(doc, "{%p if minor %}")
para(doc, "Ponieważ osoba wyrażająca zgodę ma mniej niż 18 lat, formularz podpisuje również rodzic lub opiekun.")
tag(doc, "{%p endif %}")
signature_table(
    doc, ("Podpisuje", "Imię i nazwisko", "Podpis", "Data"),
    "signer in [party] + guardians",
    "{% if signer.id == party.id %}Osoba wyrażająca zgodę{% else %}Rodzic lub opiekun{% endif %}",
    "{{ signer.name }}",
)
tag(doc, "{%p if interpreter_name %}")
heading(doc, "Oświadczenie tłumacza", 2)
para(doc, "Ja, {{ interpreter_name }}, oświadczam, że ten formularz został w całości i wiernie przetłumaczony ustnie dla osoby: {{ party.name }}. Osoba ta potwierdziła, że go rozumie, i miała możliwość zadania pytań przed podjęciem decyzji.").paragraph_format.keep_with_next = True
signature_table(doc, ("Tłumacz", "Imię i nazwisko", "Podpis", "Data"), "person in [interpreter_name]", "Tłumacz", "{{ person }}")
tag(doc, "{%p endif %}")
signature_table(
    doc, ("Pracownik", "Imię i nazwisko", "Podpis", "Data"), "person in [officer]",
    "{{ association.name }}", "{{ person.name }}, {{ person.job_title }}",
)
para(doc, "Otrzyma {{ ty('Pani', 'Pan', 'Pani/Pan') }} kopię tego formularza.", italic=True)
save(
    doc, "consent-form",
    title="Consent to share information",
    description="Consent to share a party's information with named partner agencies (policy 8.5, 8.6), to the ICO's "
    "guidance under the UK GDPR and the Data Protection Act 2018: one unticked box per organisation.",
    language="pl",
    effective_from=date(2026, 11, 25),
    change_note="Polish translation of version 1.",
    translation_status="unreviewed",
    translated_by="Draft translation prepared with the casedocs tooling (AI-assisted) on 2026-11-25; to be reviewed by a qualified Polish translator before it is marked reviewed",
)
