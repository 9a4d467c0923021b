"""Version 1 of the letter to a contractor's firm about harassment by its operative (policy 11.2;
Maintenance Code of Conduct, item 12): what is reported, what Keniston requires and by when."""

import sys
from pathlib import Path

from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from letterhead import address_block, heading, new_document, numbered, para, repeat_header, save, set_widths, signature, tag

doc = new_document()
address_block(doc)
para(doc, "{{ recipient.salutation }},")
heading(doc, "Harassment of a tenant by your operative: action required", 0)
para(doc, "We have received reports that {% for operative in operatives %}{{ operative.full_name }}{% if not loop.last %} and {% endif %}{% endfor %}, while working for you on a {{ association.name }} contract, behaved towards one of our tenants in the ways set out below. {{ association.name }} does not tolerate harassment by contractors or other service providers towards tenants or staff. Under our harassment policy (clause 11.2) and item 12 of our Maintenance Code of Conduct, we expect you to take appropriate action to deal with it. Our reference is {{ case.reference }}.")
heading(doc, "What has been reported")
table = doc.add_table(rows=2, cols=2)
table.style = "Table Grid"
for cell, text in zip(table.rows[0].cells, ("Date", "What is reported, as it is put to your operative")):
    cell.paragraphs[0].add_run(text).bold = True
table.rows[1].cells[0].paragraphs[0].add_run("{%tr for report in reports %}")
row = table.add_row().cells
row[0].paragraphs[0].add_run("{{ report.occurred|date }}")
row[1].paragraphs[0].add_run("{{ report.allegation }}")
table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
set_widths(table, (Mm(40), Mm(126)))
repeat_header(table)
doc.add_paragraph()
para(doc, "These are allegations: we have not reached a finding. The tenant's details are not given here; please do not contact the tenant about this.")
tag(doc, "{%p if measure %}")
heading(doc, "What we require now")
para(doc, "{{ measure }}", bold=True)
tag(doc, "{%p endif %}")
heading(doc, "What we expect you to do, by {{ report_by|date }}")
numbered(doc, "Make sure that {% if operatives|length > 1 %}these operatives do{% else %}this operative does{% endif %} not attend any {{ association.name }} property or contact the tenant while you investigate, unless we agree otherwise in writing.")
numbered(doc, "Investigate the report promptly and thoroughly, under your own disciplinary procedures.")
numbered(doc, "Send {{ officer.name }} a written report by {{ report_by|date }}: what you found, the action you have taken, and what you will change so that it does not happen again (for example, how tenants' personal details on job sheets are protected).")
numbered(doc, "Co-operate fully with the police if they contact you.")
heading(doc, "If the necessary action is not taken")
para(doc, "If you do not take the necessary action, {{ association.name }} will take action itself, depending on the circumstances. This may include no longer using your firm.")
para(doc, "Please contact {{ officer.name }} on {{ officer.phone }} or at {{ officer.email }} if you have any questions. Please treat this letter as confidential.")
signature(doc)
save(
    doc, "contractor-letter",
    title="Harassment by your operative",
    description="To a contractor's firm (policy 11.2; Maintenance Code of Conduct item 12): the reported behaviour of its "
    "operative as allegations, the measure required now (from the outcome logged for the firm), what Keniston expects "
    "and by when, the consequence of not acting.",
)
