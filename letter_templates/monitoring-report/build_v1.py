"""Version 1 of the annual monitoring report to the Management Committee (policy 10.2, 10.3)."""

import sys
from pathlib import Path

from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from letterhead import bullet, heading, new_document, para, repeat_header, save, set_widths, tag


def table_block(doc, expression: str) -> None:  # type: ignore[no-untyped-def]
    """A suppressed figures table: its title, the table, and its notes."""
    heading(doc, "{{ %s.title }}" % expression, 2)
    para(doc, "{{p %s|docx_table }}" % expression)
    tag(doc, "{%%p for note in %s.notes %%}" % expression)
    para(doc, "{{ note }}", italic=True)
    tag(doc, "{%p endfor %}")


doc = new_document(reference="", marking=" · OFFICIAL – for the Management Committee")
para(doc, "OFFICIAL – for the {{ prepared_for }} · {{ doc.date|date }}", italic=True)
heading(doc, "{{ title }}", 0)
heading(doc, "Summary")
tag(doc, "{%p for line in summary %}")
bullet(doc, "{{ line }}")
tag(doc, "{%p endfor %}")

heading(doc, "Cases reported in {{ year }}")
para(doc, "Every case of harassment reported to Keniston in {{ year }}, with the action taken and the outcome (policy 10.2).")
table = doc.add_table(rows=2, cols=5)
table.style = "Table Grid"
for cell, text in zip(table.rows[0].cells, ("Case", "Received", "Forms of harassment", "Action taken", "Outcome")):
    cell.paragraphs[0].add_run(text).bold = True
table.rows[1].cells[0].paragraphs[0].add_run("{%tr for case in cases %}")
for cell, text in zip(table.add_row().cells, ("{{ case.reference }}", "{{ case.received }}", "{{ case.categories }}", "{{ case.actions }}", "{{ case.outcome }}")):
    cell.paragraphs[0].add_run(text)
table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
set_widths(table, (Mm(30), Mm(24), Mm(32), Mm(50), Mm(30)))
repeat_header(table)

heading(doc, "Trends since {{ previous_year }}")
tag(doc, "{%p for line in trends %}")
bullet(doc, "{{ line }}")
tag(doc, "{%p endfor %}")
heading(doc, "Nature of incidents")
for name in ("categories", "motivation", "strands"):
    table_block(doc, f"tables.{name}")
heading(doc, "Where incidents happened")
table_block(doc, "tables.estates")
heading(doc, "Action taken")
for name in ("enforcement", "support"):
    table_block(doc, f"tables.{name}")
heading(doc, "Who was involved")
para(doc, "Equality monitoring answers of victims and perpetrators (policy 10.3), aggregated. Where the numbers are too small, only totals are shown.")
tag(doc, "{%p for characteristic in characteristics %}")
table_block(doc, "characteristic")
tag(doc, "{%p endfor %}")
heading(doc, "Our own performance")
para(doc, "Every promise the policy makes to victims, kept or missed, counted in the year its clock started. These figures are about {{ association.short_name }}, not about people, so no number is hidden.").paragraph_format.keep_with_next = True
para(doc, "{{p performance|docx_table }}")
tag(doc, "{%p for rate in deadline_rates %}")
bullet(doc, "{{ rate.deadline }}: {{ rate.current }} kept in {{ year }} ({{ previous_year }}: {{ rate.previous }}).")
tag(doc, "{%p endfor %}")
tag(doc, "{%p if missed %}")
heading(doc, "Promises missed in {{ year }}, by case", 2)
tag(doc, "{%p for miss in missed %}")
bullet(doc, "{{ miss.promise }}: {{ miss.cases }}.")
tag(doc, "{%p endfor %}")
tag(doc, "{%p else %}")
para(doc, "No promise that fell due in {{ year }} was missed.")
tag(doc, "{%p endif %}")
heading(doc, "What victims told us about our service")
table_block(doc, "tables.satisfaction")
para(doc, "Satisfied with the service: {{ satisfaction_rates.current }} in {{ year }} ({{ previous_year }}: {{ satisfaction_rates.previous }}).")
tag(doc, "{%p for comment in comments %}")
para(doc, "“{{ comment.text }}”", italic=True)
tag(doc, "{%p endfor %}")
heading(doc, "Action plan")
para(doc, "{{ action_plan.source }}")
tag(doc, "{%p if action_plan.rows %}")
plan = doc.add_table(rows=2, cols=4)
plan.style = "Table Grid"
for cell, text in zip(plan.rows[0].cells, ("Issue", "Action", "Who", "By when")):
    cell.paragraphs[0].add_run(text).bold = True
plan.rows[1].cells[0].paragraphs[0].add_run("{%tr for row in action_plan.rows %}")
for cell, text in zip(plan.add_row().cells, ("{{ row.issue }}", "{{ row.action }}", "{{ row.owner }}", "{{ row.by }}")):
    cell.paragraphs[0].add_run(text)
plan.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
set_widths(plan, (Mm(62), Mm(58), Mm(26), Mm(20)))
repeat_header(plan)
doc.add_paragraph()
tag(doc, "{%p endif %}")
tag(doc, "{%p if charts %}")
heading(doc, "Charts")
tag(doc, "{%p endif %}")
tag(doc, "{%p for chart in charts %}")
heading(doc, "{{ chart.title }}", 2)
para(doc, "{{ chart.image }}")
tag(doc, "{%p endfor %}")
heading(doc, "About these figures")
tag(doc, "{%p for note in notes %}")
bullet(doc, "{{ note }}")
tag(doc, "{%p endfor %}")
save(
    doc, "monitoring-report",
    title="Harassment monitoring report",
    description="The annual report to the Management Committee (policy 10.2, 10.3): all cases with action and outcome, trends, nature and location, characteristics (suppressed), victims' views, Keniston's own performance (every promise, unsuppressed, misses by case), trends in words, the action plan, charts.",
)
