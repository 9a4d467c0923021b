"""Version 1 of the closure letter to a victim, with the satisfaction survey (policy 8.11, 10.3)."""

import sys
from pathlib import Path

from docx.enum.text import WD_BREAK
from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from forms import fact_table, tick_table
from letterhead import address_block, heading, new_document, para, repeat_header, save, set_widths, signature, tag

doc = new_document()
address_block(doc)
para(doc, "{{ recipient.salutation }},")
heading(doc, "{% if minor %}{{ party.name }}'s{% else %}Your{% endif %} case is now closed", 0)
para(doc, "We closed case {{ case.reference }} on {{ closed|date }}. Thank you for telling us what was happening and for working with us.")
tag(doc, "{%p if outcome %}")
heading(doc, "The outcome")
para(doc, "{{ outcome }}")
tag(doc, "{%p endif %}")
tag(doc, "{%p if steps %}")
heading(doc, "What we did")
table = doc.add_table(rows=2, cols=2)
table.style = "Table Grid"
for cell, text in zip(table.rows[0].cells, ("Date", "What we did")):
    cell.paragraphs[0].add_run(text).bold = True
table.rows[1].cells[0].paragraphs[0].add_run("{%tr for step in steps %}")
row = table.add_row().cells
row[0].paragraphs[0].add_run("{{ step.day|date }}")
row[1].paragraphs[0].add_run("{{ step.text }}")
table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
set_widths(table, (Mm(40), Mm(126)))
repeat_header(table)
doc.add_paragraph()
tag(doc, "{%p endif %}")
heading(doc, "If it starts again")
para(doc, "Closing the case does not mean we have stopped caring about what happens to you. If anything happens again, please contact {{ officer.name }} on {{ officer.phone }} or at {{ officer.email }}, or our harassment line, {{ association.harassment_line }}. We can reopen the case, and what happened before will count.")
para(doc, "If you are in danger, call the police on 999. To report a crime that is not an emergency, call 101, or report hate crime online at www.report-it.org.uk.", bold=True)
heading(doc, "Support that is still available")
tag(doc, "{%p if support %}")
para(doc, "You can still go back to the organisations we put you in touch with: {{ support|join(', ') }}.")
tag(doc, "{%p endif %}")
para(doc, "We can still talk with you about security for your home, your housing options and putting you in touch with organisations that give specialist support, such as Victim Support. Just ask.")
heading(doc, "Please tell us what you thought of our service")
para(doc, "Your views help us to improve. Please fill in the short form on the next page and return it by {{ reply_by|date }} to {{ officer.name }} at the address at the top of this letter, by email, or tell us over the phone. It is up to you whether you answer. Your answers go into our annual report to our Management Committee without your name or anything that could identify you.")
para(doc, "If you would like this letter in another language or format, or an interpreter, please tell us. It is free of charge.")
signature(doc)
doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
heading(doc, "How did we do?", 1)
fact_table(doc, [("Case", "{{ case.reference }}"), ("Survey for", "{{ party.name }} ({{ party.id }})"), ("Please return by", "{{ reply_by|date }}")])
para(doc, "1. Overall, were you satisfied with the way we dealt with {% if minor %}{{ party.name }}'s{% else %}your{% endif %} case? Please tick one box.", bold=True)
tick_table(doc, ("Tick", "Answer"), "answer in ['Yes, satisfied', 'Partly satisfied', 'No, not satisfied']", ("{{ answer }}",), (Mm(16), Mm(150)))
para(doc, "2. Is there anything you would like to tell us about our service: what went well, or what we could have done better?", bold=True)
box = doc.add_table(rows=1, cols=1)
box.style = "Table Grid"
box.rows[0].height = Mm(70)
set_widths(box, (Mm(166),))
doc.add_paragraph()
para(doc, "Thank you. For our use: record the answers in the case file under feedback (party, the date received, satisfied yes, partly or no, comment).", italic=True)
save(
    doc, "closure-letter",
    title="Your case is now closed",
    description="To a victim when the case closes: the outcome, what we did, what to do if it starts again, support still "
    "available, and a short satisfaction survey (policy 10.3) whose answers come back as feedback.",
)
