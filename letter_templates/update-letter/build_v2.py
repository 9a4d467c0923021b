"""Version 2 of the update letter to a victim (policy 8.10: regular contact, updated with actions).

It says what version 1 says, but the sentence for each thing done is the template's own
wording, chosen in the "What we did" table from the step's structured data (``step.kind``,
the action's type; ``step.agency``, a referral's organisation; ``step.outcome``, the
officer's words written for the victim, printed as written). Each sentence is a paragraph
of its own, so ``casedocs templates strings`` offers each as one message and a translation
or the Easy Read version words every step in its own language. Which actions a victim is
told about is still decided in ``toolkit/documents/victim_letters.py``; version 1's
sentences (``step.text``) are taken from there word for word, so the two versions agree.

Recorded with ``casedocs templates new-version`` (``letterhead.record``): run once.
"""

import sys
from datetime import date
from pathlib import Path

from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from forms import cant_split
from letterhead import address_block, heading, new_document, para, record, repeat_header, set_widths, signature, tag

from toolkit.documents.victim_letters import V1_SENTENCES

doc = new_document()
address_block(doc)
para(doc, "{{ recipient.salutation }},")
heading(doc, "An update on {% if minor %}{{ party.name }}'s{% else %}your{% endif %} case", 0)
para(doc, "We promised to keep {% if minor %}you and {{ party.name }}{% else %}you{% endif %} up to date with what we are doing about the harassment {% if minor %}{{ party.name }} has{% else %}you have{% endif %} reported (our reference {{ case.reference }}). {% if previous_contact %}This letter tells you what we have done since we were last in touch on {{ previous_contact|date }}.{% else %}This letter tells you what we have done since you reported it on {{ case.received|date }}.{% endif %}")
tag(doc, "{%p if new_incidents %}")
heading(doc, "What you have told us")
para(doc, "We have added {% if new_incidents|length > 1 %}these incidents{% else %}this incident{% endif %} to the case: {% for incident in new_incidents %}{{ incident.occurred|date }}{% if incident.location %} ({{ incident.location }}){% endif %}{% if not loop.last %}; {% endif %}{% endfor %}.")
tag(doc, "{%p endif %}")
heading(doc, "What we have done")
tag(doc, "{%p if steps %}")
table = doc.add_table(rows=2, cols=2)
table.style = "Table Grid"
for cell, text in zip(table.rows[0].cells, ("Date", "What we did")):
    cell.paragraphs[0].add_run(text).bold = True
table.rows[1].cells[0].paragraphs[0].add_run("{%tr for step in steps %}")
steps_row = table.add_row()
cant_split(steps_row)  # a step is never split over a page (LibreOffice left an empty row at the top of the next)
row = steps_row.cells
row[0].paragraphs[0].add_run("{{ step.day|date }}")
# one paragraph per sentence, chosen by the step: the outcome written for the victim first
said = row[1]
said.paragraphs[0].add_run("{%p if step.outcome %}")
said.add_paragraph("{{ step.outcome }}")
for kind, sentence in V1_SENTENCES.items():
    said.add_paragraph(f"{{%p elif step.kind == '{kind}' %}}")
    said.add_paragraph(sentence.replace("{agency}", "{{ step.agency }}"))
said.add_paragraph("{%p endif %}")
table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
set_widths(table, (Mm(40), Mm(126)))
repeat_header(table)
doc.add_paragraph()
tag(doc, "{%p else %}")
para(doc, "There has been no new action on the case since then. We are still watching for any further incidents and checking with our partners.")
tag(doc, "{%p endif %}")
tag(doc, "{%p if news %}")
heading(doc, "Latest news")
para(doc, "{{ news }}")
tag(doc, "{%p endif %}")
heading(doc, "What happens next")
tag(doc, "{%p if still_open %}")
para(doc, "The case stays open. {{ officer.name }} will be in touch again by {{ next_contact|date }}, sooner if there is news. If you would like us to do anything differently, or to contact you in another way, please tell us: we act in consultation with you and fully consider your views in whatever we do.")
tag(doc, "{%p else %}")
para(doc, "The case has now been closed. We will write to you separately about what this means and to ask what you thought of our service.")
tag(doc, "{%p endif %}")
para(doc, "Please tell us straight away if anything else happens, and keep a note of what happened, when and where, and who was there. If you are in danger, call the police on 999. To report a crime that is not an emergency, call 101, or report hate crime online at www.report-it.org.uk.", bold=True)
heading(doc, "How to contact us")
para(doc, "Please contact {{ officer.name }} on {{ officer.phone }} or at {{ officer.email }}. Outside office hours you can leave a message on our harassment line, {{ association.harassment_line }}. If you would like this letter in another language or format, or an interpreter, please tell us. It is free of charge.")
signature(doc)
print(record(
    doc, "update-letter",
    title="An update on your case",
    approved_by="Joanna Okafor, Housing Services Manager",
    effective_from=date(2026, 11, 30),
    change_note="What was done is worded in the template, one sentence a paragraph chosen by the action's type "
    "(its agency, or the outcome written for the victim), so that translations and Easy Read word it too; "
    "the same words as version 1.",
))
