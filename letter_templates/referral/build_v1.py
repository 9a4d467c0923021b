"""Version 1 of the referral letter to a partner agency (policy 8.5, 8.6).

Made only when the party has a consent naming the agency that is in force on the
document date (the toolkit refuses otherwise); the letter states that consent, its
purposes, and how the agency must treat the information.
"""

import sys
from datetime import date
from pathlib import Path

from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from forms import fact_table, repeat_header
from letterhead import address_block, bullet, heading, new_document, para, save, set_widths, signature, tag

doc = new_document()
address_block(doc)
para(doc, "{{ recipient.salutation }},")
heading(doc, "Referral: {{ party.name }} (our case {{ case.reference }})", 0)
tag(doc, "{%p if as_perpetrator %}")
para(doc, "We are referring {{ party.name }} to {{ agency }} for support. {{ party.name }} has been involved in behaviour towards neighbours in and around {{ case.location.address[0] }} that we are dealing with under our harassment policy, and we believe that your support could help to prevent it happening again.")
tag(doc, "{%p else %}")
para(doc, "We are referring {{ party.name }} to {{ agency }}. {{ party.name }} has reported harassment in and around {{ case.location.address[0] }}{% if case.location.estate %} on the {{ case.location.estate }}{% endif %}{% if case.motivation %}, which has been reported as motivated by hostility related to {{ case.motivation|words }}{% endif %}.")
tag(doc, "{%p endif %}")

heading(doc, "{% if consent.basis == 'consent' %}Consent{% else %}Why we may share this{% endif %}")
tag(doc, "{%p if consent.basis != 'consent' %}")
para(doc, "This referral is not made on the basis of consent, because {{ party.name }} is not free to refuse it{% if minor %} ({{ party.name }} is under 18){% endif %}: it is part of the Acceptable Behaviour Contract or other action we are taking. We share this information under the UK GDPR and the Data Protection Act 2018 because {% if consent.basis == 'public_task' %}it is needed for a task in the public interest, preventing anti-social behaviour and harassment (Article 6(1)(e)){% elif consent.basis == 'legitimate_interests' %}it is in our legitimate interest in preventing anti-social behaviour and harassment (Article 6(1)(f)){% elif consent.basis == 'vital_interests' %}it is needed to protect someone's life (Article 6(1)(d)){% else %}the law requires it (Article 6(1)(c)){% endif %}. {{ party.name }}{% if minor %} and their parent or guardian{% endif %} were told on {{ consent.given|date }} what would be shared, with whom and why. The purposes:")
tag(doc, "{%p for purpose in consent.purposes %}")
bullet(doc, "{{ purpose }}")
tag(doc, "{%p endfor %}")
para(doc, "Please use it only for these purposes, keep it secure, and do not pass it on.")
tag(doc, "{%p else %}")
para(doc, "{{ party.name }} gave consent on {{ consent.given|date }} ({% if consent.method == 'written' %}in writing{% elif consent.method == 'verbal' %}verbally, recorded by the officer{% else %}through an interpreter{% if consent.interpreter_name %}, {{ consent.interpreter_name }}{% endif %}{% endif %}) for Keniston to share information with {{ agency }} for these purposes:")
tag(doc, "{%p for purpose in consent.purposes %}")
bullet(doc, "{{ purpose }}")
tag(doc, "{%p endfor %}")
para(doc, "We share this information under the UK GDPR and the Data Protection Act 2018, on the basis of that consent. Please use it only for these purposes, keep it secure, and do not pass it on without {{ party.name }}'s consent. Consent can be withdrawn at any time: if it is, we will tell you straight away, and we ask you to stop using the information from then on.")
tag(doc, "{%p endif %}")

heading(doc, "About {{ party.name }}")
fact_table(doc, [
    ("Name", "{{ party.name }}{% if minor %} (aged {{ party.age_on(doc.date) }}){% endif %}"),
    ("Address", "{% if party.address %}{{ party.address|join(', ') }}{% if party.postcode %}, {{ party.postcode }}{% endif %}{% else %}{{ case.location.address|join(', ') }}, {{ case.location.postcode }}{% endif %}"),
    ("Telephone", "{{ party.phone or 'not recorded' }}"),
    ("Email", "{{ party.email or 'not recorded' }}"),
    ("Language", "{{ party.language|language }}{% if party.interpreter %}: needs an interpreter{% endif %}"),
    ("Format", "{% if party.format == 'large_print' %}Large print{% elif party.format == 'easy_read' %}Easy read{% else %}Standard{% endif %}"),
    ("{%tr if minor %}", ""),
    ("Parent or guardian", "{% for guardian in guardians %}{{ guardian.name }}{% if guardian.phone %}, {{ guardian.phone }}{% endif %}{% if not loop.last %}; {% endif %}{% endfor %}"),
    ("{%tr endif %}", ""),
])

heading(doc, "What has happened")
tag(doc, "{%p if as_perpetrator %}")
para(doc, "To protect the privacy of the people affected, we give only the dates and the kind of behaviour reported.")
tag(doc, "{%p endif %}")
table = doc.add_table(rows=1, cols=3)
table.style = "Table Grid"
for cell, text in zip(table.rows[0].cells, ("Date", "Where", "What happened")):
    cell.paragraphs[0].add_run(text).bold = True
repeat_header(table)
table.add_row().cells[0].paragraphs[0].add_run("{%tr for incident in incidents %}")
row = table.add_row().cells
row[0].paragraphs[0].add_run("{{ incident.occurred|date }}")
row[1].paragraphs[0].add_run("{% if as_perpetrator %}{{ case.location.estate or case.location.address[0] }}{% else %}{{ incident.location or case.location.address[0] }}{% endif %}")
row[2].paragraphs[0].add_run("{% if as_perpetrator %}{{ incident.category|words|capitalize }}{% else %}{{ incident.description }}{% endif %}{% if incident.police_reference %} (Police reference: {{ incident.police_reference }}){% endif %}")
table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
set_widths(table, (Mm(30), Mm(42), Mm(94)))
doc.add_paragraph()

heading(doc, "What we are asking you to do")
bullet(doc, "Please contact {{ party.name }}{% if minor %} and their parent or guardian{% endif %} to offer your service{% if party.interpreter %}, using an interpreter in {{ party.language|language }}{% endif %}{% if party.format == 'large_print' %}, and send anything in writing in large print{% endif %}.")
bullet(doc, "Let {{ officer.name }} know when you have made contact, and tell us at once about any risk to anyone's safety.")
para(doc, "If you have any questions about this referral, please contact {{ officer.name }} on {{ officer.phone }} or at {{ officer.email }}.")
signature(doc)
save(
    doc, "referral",
    title="Referral to a partner agency",
    description="To a partner agency, only under the party's consent naming it (policy 8.5, 8.6): the consent and its "
    "purposes, the person's details and needs, what happened, what we ask the agency to do.",
    effective_from=date(2021, 1, 1),
)
