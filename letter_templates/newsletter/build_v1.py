"""Version 1 of the annual newsletter article (policy 6.1): anonymised, small counts suppressed."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from letterhead import bullet, heading, new_document, para, save, tag

doc = new_document(reference="", marking="")
para(doc, "For the residents' newsletter · {{ year }}", italic=True)
heading(doc, "{{ title }}", 0)
para(doc, "{{ standfirst }}", bold=True)
tag(doc, "{%p for section in sections %}")
heading(doc, "{{ section.heading }}")
tag(doc, "{%p for paragraph in section.paragraphs %}")
para(doc, "{{ paragraph }}")
tag(doc, "{%p endfor %}")
tag(doc, "{%p endfor %}")
heading(doc, "{{ figures.title }}", 2)
para(doc, "{{p figures|docx_table }}")
tag(doc, "{%p for note in figures.notes %}")
para(doc, "{{ note }}", italic=True)
tag(doc, "{%p endfor %}")
heading(doc, "{{ how_to_report.heading }}")
para(doc, "{{ how_to_report.intro }}")
tag(doc, "{%p for line in how_to_report.lines %}")
bullet(doc, "{{ line }}")
tag(doc, "{%p endfor %}")
para(doc, "{{ how_to_report.emergency }}", bold=True)
para(doc, "This article is available in other languages, in large print and in easy read: ask us on {{ association.phone }}.", italic=True)
save(
    doc, "newsletter",
    title="Newsletter article on harassment",
    description="The annual article for the residents' newsletter (policy 6.1): Keniston's position, the action taken against perpetrators that year in suppressed figures, and how to report. Identifies no one.",
)
