"""Version 1 of the letter about a breach of an ABC: what is reported, the terms, what happens
now; to the individual or to the parents or guardians of one under 18 (policy 9.1, 9.2)."""

import sys
from datetime import date
from pathlib import Path

from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from abc_parts import contact, if_broken, opening, terms_reminder
from letterhead import address_block, bullet, heading, new_document, para, repeat_header, save, set_widths, signature

doc = new_document()
address_block(doc)
opening(doc, "Reported breach of your Acceptable Behaviour Contract", "Reported breach of {{ party.name }}'s Acceptable Behaviour Contract")
para(doc, "On {{ start|date }}, {% if minor %}{{ party.name }}{% else %}you{% endif %} made an Acceptable Behaviour Contract with {{ association.name }}{% if minor %}, which you signed as {{ party.name }}'s parent or guardian{% endif %}. It runs until {{ end|date }}. We have received reports that the contract has been broken.")
heading(doc, "What has been reported")
table = doc.add_table(rows=2, cols=2)
table.style = "Table Grid"
for cell, text in zip(table.rows[0].cells, ("Date", "What is reported")):
    cell.paragraphs[0].add_run(text).bold = True
table.rows[1].cells[0].paragraphs[0].add_run("{%tr for breach in breaches %}")
row = table.add_row().cells
row[0].paragraphs[0].add_run("{{ breach.occurred|date }}")
row[1].paragraphs[0].add_run("{{ breach.allegation }}")
table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
set_widths(table, (Mm(40), Mm(126)))
repeat_header(table)
doc.add_paragraph()
para(doc, "If this is what happened, it goes against what {% if minor %}{{ party.name }}{% else %}you{% endif %} agreed in the contract.")
heading(doc, "What you must do now")
bullet(doc, "{% if minor %}Make sure that {{ party.name }} keeps{% else %}Keep{% endif %} to every term of the contract from now on.")
bullet(doc, "Contact {{ officer.name }} within {{ reply_days }} days, by {{ reply_by|date }}, to arrange a meeting about this letter. If you think any of it is wrong, this is your chance to give {% if minor %}{{ party.name }}'s{% else %}your{% endif %} side.")
heading(doc, "What can happen next")
if_broken(doc)
para(doc, "We will decide what to do after we have heard from you. If we do not hear from you by {{ reply_by|date }}, we will decide without your views.", bold=True)
terms_reminder(doc)
para(doc, "You may wish to get independent advice, for example from Citizens Advice or a solicitor.")
contact(doc, "this letter")
signature(doc)
save(
    doc, "abc-breach",
    title="Breach of your Acceptable Behaviour Contract",
    description="After incidents during an ABC: what is reported (as allegations), the terms, a meeting within 7 days, "
    "the consequences (injunction, possession); to the parents or guardians of a person under 18.",
    effective_from=date(2021, 1, 1),
)
