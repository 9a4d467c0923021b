"""Version 1 of the application to withhold a witness's identity (CPR 39.2(4)).

Made whenever a witness is anonymous: the court is asked to order that the witness's
identity not be disclosed, because disclosure would expose them to reprisal, and that they
be called "Witness A" (and so on) in every document served and at any hearing. The court's
copy ends, on a page of its own, with the sealed schedule of the real names, for the judge
only; the copy served on the respondent (``respondent_copy``) has no schedule and says only
that one is held by the court.
"""

import sys
from pathlib import Path

from docx.enum.text import WD_BREAK
from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from courtstyle import centred, court_document, finish, keep_together, numbered_para, rule, title_block
from forms import fact_table
from letterhead import heading, para, save, tag

N = "List Number"
doc = court_document(line_spacing=1.3)
title_block(doc, claimant_label="{{ title.claimant_label }}", defendant_label="{{ title.defendant_label }}")
rule(doc)
centred(doc, "APPLICATION FOR AN ORDER THAT A WITNESS'S IDENTITY NOT BE DISCLOSED", size=13, space_after=2)
centred(doc, "CPR 39.2(4){% if title.youth %}; in the youth court{% endif %}", bold=False, size=10, space_after=2)
rule(doc)

heading(doc, "What the {{ title.claimant_label }} asks the court to order", 2)
para(doc, "The {{ title.claimant_label }}, {{ association.name }}, applies for an order under CPR 39.2(4) that:", style=N)
numbered_para(doc, "(a)", "the identity of {{ labels }} (the witness{% if protected|length > 1 %}es{% endif %} whose evidence is in {{ statement }}) must not be disclosed to the {{ title.defendant_label }} or to anyone else, and no one may publish any information likely to identify {% if protected|length > 1 %}them{% else %}that witness{% endif %};", level=2)
numbered_para(doc, "(b)", "in every document served on the {{ title.defendant_label }}, and at any hearing, the witness{% if protected|length > 1 %}es are{% else %} is{% endif %} referred to as {{ labels }}, and the details that would identify {% if protected|length > 1 %}them{% else %}the witness{% endif %} (name, address, where they were, the device they used) are left out;", level=2)
numbered_para(doc, "(c)", "the schedule of real names filed with this application is sealed, kept on the court file for the judge only, and not opened or copied without the court's permission;", level=2)
numbered_para(doc, "(d)", "exhibits that would identify the witness are filed with the court and withheld from the copy served on the {{ title.defendant_label }}.", level=2)

heading(doc, "Why", 2)
para(doc, "The {{ title.claimant_label }} relies on evidence from {{ labels }}, set out in {{ statement }}. {{ labels }} fear{% if protected|length == 1 %}s{% endif %} violence or reprisal from the {{ title.defendant_label }} if identified. The behaviour complained of includes the use or threat of violence{% if violent_dates %} (on {{ violent_dates }}){% endif %}. Without this order the witness{% if protected|length > 1 %}es{% endif %} would not give evidence, and the court would not have it.", style=N)
para(doc, "Non-disclosure is necessary to protect the interests of the witness{% if protected|length > 1 %}es{% endif %} (CPR 39.2(4)), and it goes no further than is needed: the {{ title.defendant_label }} is given the substance of the evidence, and the court sees it all.", style=N)
para(doc, "The {{ title.claimant_label }} asks for this application to be dealt with {% if injunction.without_notice %}without notice, at the same time as the application for the injunction{% else %}at the hearing of the application for the injunction{% endif %}, and relies on {{ statement }}.", style=N)
tag(doc, "{%p if respondent_copy %}")
para(doc, "The schedule of names is held by the court, sealed, and is not part of this copy.", italic=True)
tag(doc, "{%p endif %}")

sign = [heading(doc, "Statement of truth", 2)]
sign += [para(doc, "The {{ title.claimant_label }} believes that the facts stated in this application are true. The {{ title.claimant_label }} understands that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a document verified by a statement of truth without an honest belief in its truth. I am duly authorised by the {{ title.claimant_label }} to sign this statement.")]
sign += [para(doc, "Signed: ..................................................")]
sign += [para(doc, "Name: {{ officer.name }}, {{ officer.job_title }}, for and on behalf of {{ association.name }}")]
sign += [para(doc, "Date: {{ doc.date|date }}")]
keep_together(sign)

tag(doc, "{%p if not respondent_copy %}")
breaker = doc.add_paragraph()
breaker.add_run().add_break(WD_BREAK.PAGE)
centred(doc, "SEALED SCHEDULE: FOR THE JUDGE ONLY", size=13, space_after=2)
centred(doc, "Not to be served on the {{ title.defendant_label }} or copied without the court's permission (CPR 39.2(4))", bold=False, size=10, space_after=8)
tag(doc, "{%p for w in protected %}")
heading(doc, "{{ w.label }}", 2)
fact_table(doc, [
    ("Name", "{{ w.name }}"),
    ("Address", "{{ w.address }}"),
    ("Exhibits provided", "{{ w.exhibits or 'none' }}"),
], widths=(Mm(45), Mm(108)))
tag(doc, "{%p endfor %}")
tag(doc, "{%p endif %}")
finish(doc)
save(
    doc, "anonymity-application",
    title="Application to withhold a witness's identity",
    description="The application under CPR 39.2(4) that an anonymous witness's identity not be disclosed, with the sealed schedule of real names for the judge only (left out of the copy served on the respondent, options {for_respondent: yes}).",
)
