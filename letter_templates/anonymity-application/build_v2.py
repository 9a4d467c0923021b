"""Version 2 of the application to withhold a witness's identity: CPR 39.2(4) in the county
court (version 1's wording, unchanged); in the youth court, no CPR rule, and the power left
for the Applicant's solicitor to state.

Why version 2: version 1 cited CPR 39.2(4) in the youth court too, but the Civil Procedure
Rules are the county court's and High Court's, not a magistrates' court's. What was found
for the youth court (a respondent under 18, 2014 Act s.1(8)(a)):

* the Magistrates' Courts (Injunctions: Anti-Social Behaviour) Rules 2015 (SI 2015/423)
  govern the application (r.2 complaint, r.3 contents); no rule in them on withholding a
  witness's identity was found;
* section 16 of the 2014 Act ("Special measures for witnesses") applies the special
  measures of Chapter 1 of Part 2 of the Youth Justice and Criminal Evidence Act 1999
  (screens, live link, ...) to proceedings under Part 1: they shield a witness while giving
  evidence but do not withhold the witness's name from the respondent;
* section 11 of the Contempt of Court Act 1981: where a court (having power to do so)
  allows a name to be withheld from the public, it may direct that it not be published;
  it gives no power of its own;
* section 17 of the 2014 Act ("Children and young persons: disapplication of reporting
  restrictions") disapplies the automatic restriction of s.49 of the Children and Young
  Persons Act 1933 in these proceedings (HL Deb 20 November 2013, on clause 17: details of
  under-18s may be reported unless the court imposes a restriction under s.39 of the 1933
  Act, which since the Criminal Justice and Courts Act 2015 s.79 applies to proceedings
  other than criminal proceedings).

No rule or statute was found that gives the youth court the power the county court has
under CPR 39.2(4), so the youth court application asks for the same order, says that the
power relied on is to be stated by the Applicant's solicitor (a line to complete), and says
what the Act and the 1981 and 1933 Acts do and do not do. The sealed schedule is "for the
court only" there (magistrates or a District Judge, not "the judge").

Version 1's account of itself: made whenever a witness is anonymous: the court is asked to order that the witness's
identity not be disclosed, because disclosure would expose them to reprisal, and that they
be called "Witness A" (and so on) in every document served and at any hearing. The court's
copy ends, on a page of its own, with the sealed schedule of the real names, for the judge
only; the copy served on the respondent (``respondent_copy``) has no schedule and says only
that one is held by the court.
"""

import sys
from datetime import date
from pathlib import Path

from docx.enum.text import WD_BREAK
from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from courtstyle import centred, court_document, finish, keep_together, numbered_para, rule, title_block
from forms import fact_table
from letterhead import heading, para, save, tag

N = "List Number"
NUMBER = "{{ title.number_label }}"
RULE = "{% if not title.youth %} under CPR 39.2(4){% endif %}"  # the county court's power; the youth court's is stated below
READER = "{% if title.youth %}court{% else %}judge{% endif %}"
DESCRIPTION = (
    "The application that an anonymous witness's identity not be disclosed, with the sealed schedule of real names for the "
    "judge (or the youth court) only, left out of the copy served on the respondent (options {for_respondent: yes}): under "
    "CPR 39.2(4) in the county court; in the youth court the power is left for the Applicant's solicitor to state."
)
doc = court_document(line_spacing=1.3, number_label=NUMBER)
title_block(doc, claimant_label="{{ title.claimant_label }}", defendant_label="{{ title.defendant_label }}", number_label=NUMBER)
rule(doc)
centred(doc, "APPLICATION FOR AN ORDER THAT A WITNESS'S IDENTITY NOT BE DISCLOSED", size=13, space_after=2)
centred(doc, "{% if title.youth %}In the youth court: the power relied on is stated in paragraph 1 below{% else %}CPR 39.2(4){% endif %}", bold=False, size=10, space_after=2)
rule(doc)

heading(doc, "What the {{ title.claimant_label }} asks the court to order", 2)
tag(doc, "{%p if title.youth %}")
para(doc, "The power relied on: ........................................................................................ (to be completed by the Applicant's solicitor before this application is filed). The Civil Procedure Rules, whose rule 39.2(4) gives the county court this power, do not apply in the youth court, and the Applicant has found no provision of the Magistrates' Courts (Injunctions: Anti-Social Behaviour) Rules 2015 (SI 2015/423) that does so.", style=N)
tag(doc, "{%p endif %}")
para(doc, "The {{ title.claimant_label }}, {{ association.name }}, applies for an order" + RULE + " that:", style=N)
numbered_para(doc, "(a)", "the identity of {{ labels }} (the witness{% if protected|length > 1 %}es{% endif %} whose evidence is in {{ statement }}) must not be disclosed to the {{ title.defendant_label }} or to anyone else, and no one may publish any information likely to identify {% if protected|length > 1 %}them{% else %}that witness{% endif %};", level=2)
numbered_para(doc, "(b)", "in every document served on the {{ title.defendant_label }}, and at any hearing, the witness{% if protected|length > 1 %}es are{% else %} is{% endif %} referred to as {{ labels }}, and the details that would identify {% if protected|length > 1 %}them{% else %}the witness{% endif %} (name, address, where they were, the device they used) are left out;", level=2)
numbered_para(doc, "(c)", "the schedule of real names filed with this application is sealed, kept on the court file for the " + READER + " only, and not opened or copied without the court's permission;", level=2)
numbered_para(doc, "(d)", "exhibits that would identify the witness are filed with the court and withheld from the copy served on the {{ title.defendant_label }}.", level=2)

heading(doc, "Why", 2)
para(doc, "The {{ title.claimant_label }} relies on evidence from {{ labels }}, set out in {{ statement }}. {{ labels }} fear{% if protected|length == 1 %}s{% endif %} violence or reprisal from the {{ title.defendant_label }} if identified. The behaviour complained of includes the use or threat of violence{% if violent_dates %} (on {{ violent_dates }}){% endif %}. Without this order the witness{% if protected|length > 1 %}es{% endif %} would not give evidence, and the court would not have it.", style=N)
para(doc, "Non-disclosure is necessary to protect the interests of the witness{% if protected|length > 1 %}es{% endif %}{% if not title.youth %} (CPR 39.2(4)){% endif %}, and it goes no further than is needed: the {{ title.defendant_label }} is given the substance of the evidence, and the court sees it all.", style=N)
para(doc, "The {{ title.claimant_label }} asks for this application to be dealt with {% if injunction.without_notice %}without notice, at the same time as the application for the injunction{% else %}at the hearing of the application for the injunction{% endif %}, and relies on {{ statement }}.", style=N)
tag(doc, "{%p if title.youth %}")
heading(doc, "Special measures and reporting in the youth court", 2)
para(doc, "Section 16 of the Act applies the special measures for witnesses in Chapter 1 of Part 2 of the Youth Justice and Criminal Evidence Act 1999 (for example a screen, or evidence by live link) to these proceedings. The {{ title.claimant_label }} asks the court to consider them for {{ labels }} if {% if protected|length > 1 %}they give{% else %}the witness gives{% endif %} evidence in person; they protect a witness while giving evidence but do not by themselves withhold the witness's name from the {{ title.defendant_label }}.", style=N)
para(doc, "If the court allows the name of {{ labels }} to be withheld from the public, it may direct that it not be published in connection with these proceedings (section 11 of the Contempt of Court Act 1981).", style=N)
para(doc, "The automatic restriction on reporting the identity of anyone under 18 concerned in youth court proceedings (section 49 of the Children and Young Persons Act 1933) does not apply to these proceedings (section 17 of the Act); the court may direct under section 39 of the 1933 Act that a child or young person concerned in them not be identified.", style=N)
tag(doc, "{%p endif %}")
tag(doc, "{%p if respondent_copy %}")
para(doc, "The schedule of names is held by the court, sealed, and is not part of this copy.", italic=True)
tag(doc, "{%p endif %}")

tag(doc, "{%p if title.youth %}")
sign = [heading(doc, "Signature", 2)]
sign += [para(doc, "The Applicant believes that the facts stated in this application are true. I am authorised by the Applicant to make this application on its behalf.")]
tag(doc, "{%p else %}")
sign += [heading(doc, "Statement of truth", 2)]
sign += [para(doc, "The {{ title.claimant_label }} believes that the facts stated in this application are true. The {{ title.claimant_label }} understands that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a document verified by a statement of truth without an honest belief in its truth. I am duly authorised by the {{ title.claimant_label }} to sign this statement.")]
tag(doc, "{%p endif %}")
sign += [para(doc, "Signed: ..................................................")]
sign += [para(doc, "Name: {{ officer.name }}, {{ officer.job_title }}, for and on behalf of {{ association.name }}")]
sign += [para(doc, "Date: {{ doc.date|date }}")]
keep_together(sign)

tag(doc, "{%p if not respondent_copy %}")
breaker = doc.add_paragraph()
breaker.add_run().add_break(WD_BREAK.PAGE)
centred(doc, "SEALED SCHEDULE: FOR THE {% if title.youth %}COURT{% else %}JUDGE{% endif %} ONLY", size=13, space_after=2)
centred(doc, "Not to be served on the {{ title.defendant_label }} or copied without the court's permission{% if not title.youth %} (CPR 39.2(4)){% endif %}", bold=False, size=10, space_after=8)
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
    description=DESCRIPTION,
    version=2,
    effective_from=date(2020, 4, 6),
    change_note="Youth court (respondent under 18): no CPR 39.2(4) (the CPR do not apply there); the power relied on is left for the Applicant's solicitor to state; special measures (2014 Act s.16), publication (Contempt of Court Act 1981 s.11) and reporting (s.17 of the Act, s.39 of the 1933 Act); signed for the Applicant, not a CPR statement of truth; the schedule for the court only; Case No. The county court application is version 1's. Supersedes version 1 for every date.",
)
