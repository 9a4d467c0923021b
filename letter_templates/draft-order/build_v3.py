"""Version 3 of the draft injunction order (Anti-social Behaviour, Crime and Policing Act 2014, Part 1).

Why version 3: in the youth court version 2 still carried county court wording: "Claim No.",
the claim form, the legal aid statement cited as CPR 65.43(2)(d) (the Civil Procedure Rules
do not apply in a magistrates' court; the application there is a complaint under SI 2015/423
r.2), "Respondent (Respondent)", and a youth offending team recital that named neither the
team nor the day. Version 3, in the youth court: "Case No.", the complaint, the legal aid
note without a CPR reference (to the Respondent and parent or guardian, as the complaint
has it), the justices or District Judge (Magistrates' Courts) to fill in, and the s.14
consultation from ``injunction.youth_offending_team`` and ``yot_consulted``: on notice, the
team consulted and the day (s.14(1)(a)); without notice, that s.14(1) did not require it
and that the team is to be consulted before the return date (s.14(2)(a)). Breach is dealt
with under Schedule 2 to the Act (supervision order, or detention order from 14), as the
penal notice already said. The county court order is version 2's.

Version 2's account of what it changed from version 1: version 1 asked, without notice, for the final injunction for its full
period and a return date at once. Without notice the court must adjourn and can grant only
an interim injunction under s.7 (s.6(2)), until the return date or further order; the
injunction under s.1 for its period is made on notice. Version 2 follows that
(``interim``), leaves the return date blank for the court unless the case records it,
leaves positive requirements out of an interim order (s.7(2)), attaches the exclusion-zone
plan as the order's schedule, tells the respondent about legal representation and legal
aid (CPR 65.43(2)(d)), and in the youth court (s.1(8)(a)) names the parties Applicant and
Respondent, explains breach under Schedule 2 and records the youth offending team
consultation (s.14).
"""

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from courtstyle import boxed, centred, court_document, numbered_para, rule, title_block
from letterhead import heading, para, save, tag

NUMBER = "{{ title.number_label }}"
APPLICATION = "{% if title.youth %}complaint{% else %}claim form{% endif %}"
YOT = "{% if yot.name %}{{ yot.name }}, the local youth offending team,{% else %}the local youth offending team{% endif %}"
LEGAL_AID = (
    "the respondent is entitled to a reasonable opportunity to obtain legal representation and to apply "
    "for legal aid, which may be available without any means test"
)

doc = court_document(line_spacing=1.3, number_label=NUMBER)
boxed(doc, [
    ("PENAL NOTICE", True),
    ("IMPORTANT NOTICE TO THE RESPONDENT, {{ names[respondent.id]|upper }}", True),
    ("{% if title.youth %}If you do not comply with this order, the youth court may make a supervision order or, if you are 14 or over, a detention order (Schedule 2 to the Anti-social Behaviour, Crime and Policing Act 2014).{% else %}If you do not comply with this order you may be held in contempt of court and imprisoned or fined, or your assets may be seized.{% endif %}", True),
    ("You should read this order carefully. You have the right to ask the court to vary or discharge this order. {% if title.youth %}Legal aid is available for advice and representation on an application for an injunction under the Act. You and your parent or guardian are advised to consult a solicitor as soon as possible.{% else %}Legal representation and legal aid: " + LEGAL_AID + " (CPR 65.43(2)(d)). You are advised to consult a solicitor as soon as possible.{% endif %}", False),
])
title_block(doc, claimant_label="{{ title.claimant_label }}", defendant_label="{{ title.defendant_label }}{% if not title.youth %} (Respondent){% endif %}", number_label=NUMBER)
rule(doc)
centred(doc, "DRAFT", size=11, space_after=0)
centred(doc, "{% if interim %}INTERIM INJUNCTION ORDER{% else %}INJUNCTION ORDER{% endif %}", size=14, space_after=0)
centred(doc, "{% if interim %}Section 7 of the Anti-social Behaviour, Crime and Policing Act 2014 (\"the Act\"): interim injunction on an application made without notice{% else %}Section 1 of the Anti-social Behaviour, Crime and Policing Act 2014 (\"the Act\"){% endif %}", bold=False, size=10, space_after=2)
rule(doc)

para(doc, "Before {% if title.youth %}........................................ (District Judge (Magistrates' Courts), or justices) sitting in the {{ title.court_name }}{% else %}District Judge ........................................ sitting at the {{ title.court_name }}{% endif %} on ........................................")
tag(doc, "{%p if title.youth %}")
para(doc, "This application is made in the youth court because the Respondent is under 18 (section 1(8)(a) of the Act).")
tag(doc, "{%p endif %}")
para(doc, "UPON the application of the {{ title.claimant_label }}{% if interim %}, made without notice to the Respondent under section 6 of the Act{% endif %}")
para(doc, "AND UPON reading the " + APPLICATION + " and {{ statement }} dated {{ doc.date|date }} and its exhibits")
tag(doc, "{%p if interim %}")
tag(doc, "{%p if title.youth %}")
para(doc, "AND UPON the application having been made without notice, so that section 14(1) of the Act did not require the Applicant to consult the local youth offending team before making it{% if yot.consulted %}, the Applicant having nevertheless consulted " + YOT + " about it on {{ yot.consulted }}{% endif %}")
tag(doc, "{%p endif %}")
para(doc, "AND UPON the court adjourning the hearing of the application (section 6(2)(a) of the Act) and thinking it just to grant an interim injunction until the final hearing of the application (section 7 of the Act)")
tag(doc, "{%p else %}")
para(doc, "AND UPON hearing the {{ title.claimant_label }} and the Respondent (or the Respondent not attending, having been given notice of the hearing)")
para(doc, "AND UPON the court being satisfied, on the balance of probabilities, that the Respondent, who is aged 10 or over, has engaged or threatens to engage in anti-social behaviour, and that it is just and convenient to grant this injunction for the purpose of preventing the Respondent from engaging in anti-social behaviour (section 1(2) and (3) of the Act)")
tag(doc, "{%p if title.youth %}")
para(doc, "AND UPON the Applicant having consulted {% if yot.name %}{{ yot.name }}, the local youth offending team,{% else %}the local youth offending team (........................................){% endif %} about the application on {{ yot.consulted or '..............................' }}, before making it (section 14(1)(a) of the Act)")
tag(doc, "{%p endif %}")
tag(doc, "{%p endif %}")
tag(doc, "{%p if arrest_terms %}")
para(doc, "AND UPON the court being satisfied that the anti-social behaviour in which the Respondent has engaged or threatens to engage consists of or includes the use or threatened use of violence against other persons, or that there is a significant risk of harm to other persons from the Respondent (section 4(1) of the Act)")
tag(doc, "{%p endif %}")
para(doc, "IN THIS ORDER “the Respondent” means the {{ title.defendant_label }}, {{ names[respondent.id] }}{% if respondent.date_of_birth %}, born on {{ respondent.date_of_birth|date }}{% endif %}{% if respondent_address %}, of {{ respondent_address }}{% endif %}.")
para(doc, "IT IS ORDERED THAT:", bold=True)

tag(doc, "{%p if arrest_terms %}")
heading(doc, "Prohibitions to which a power of arrest is attached", 2)
tag(doc, "{%p endif %}")
tag(doc, "{%p for t in terms if t.power_of_arrest %}")
numbered_para(doc, "{{ t.number }}.", "{{ t.text }} [Power of arrest: see paragraph {{ para.arrest }}.]")
tag(doc, "{%p endfor %}")
tag(doc, "{%p if arrest_terms and terms|rejectattr('power_of_arrest')|list %}")
heading(doc, "Other terms (no power of arrest)", 2)
tag(doc, "{%p elif not arrest_terms %}")
heading(doc, "Terms", 2)
tag(doc, "{%p endif %}")
tag(doc, "{%p for t in terms if not t.power_of_arrest %}")
numbered_para(doc, "{{ t.number }}.", "{{ t.text }}")
tag(doc, "{%p endfor %}")

tag(doc, "{%p if para.zone %}")
heading(doc, "The exclusion zone", 2)
numbered_para(doc, "{{ para.zone }}.", "In this order the exclusion zone is {{ exclusion_zone }}{% if zone_plan %} The plan is attached to this order as its Schedule (exhibit {{ zone_plan }} to {{ statement }}).{% endif %}")
tag(doc, "{%p endif %}")

heading(doc, "How long this order lasts", 2)
numbered_para(doc, "{{ para.duration }}.", "Paragraph{% if terms|length > 1 %}s{% endif %} {{ all_terms }} of this order last{% if terms|length == 1 %}s{% endif %} {% if interim %}until the final hearing of the application on the return date (paragraph {{ para.return_date }}) or further order (section 7 of the Act){% else %}{{ duration }}{% endif %}, unless the court varies or discharges {% if terms|length > 1 %}them{% else %}it{% endif %} earlier.")

tag(doc, "{%p if para.arrest %}")
heading(doc, "Power of arrest", 2)
numbered_para(doc, "{{ para.arrest }}.", "Under section 4 of the Act, a power of arrest is attached to paragraph{% if ',' in arrest_terms or ' and ' in arrest_terms or ' to ' in arrest_terms %}s{% endif %} {{ arrest_terms }} of this order, for as long as those paragraphs last. A constable may arrest the Respondent without warrant if the constable has reasonable cause to suspect that the Respondent is in breach of any of those paragraphs (section 9 of the Act).")
tag(doc, "{%p endif %}")

heading(doc, "The Respondent's right to apply to the court", 2)
numbered_para(doc, "{{ para.vary }}.", "{% if interim %}This order was made without notice to the Respondent, and the Respondent has not yet had the chance to be heard. {% endif %}The Respondent may apply to the court to vary or discharge this order (section 8 of the Act){% if interim %} at any time, without waiting for the return date{% endif %}. Anyone who wishes to do so should first tell the {{ title.claimant_label }}, {{ association.name }} ({{ officer.name }}, {{ officer.phone }}, {{ officer.email }}), in writing.")
tag(doc, "{%p if para.return_date %}")
numbered_para(doc, "{{ para.return_date }}.", "The application will be heard on notice to the Respondent (the return date) on {% if return_date %}{{ return_date }}{% else %}……………………… at …………{% endif %} at the {{ title.court_name }}, when the court will decide whether to grant the injunction under section 1 of the Act {{ period }}{% if requirements_left_out %} and the requirements the {{ title.claimant_label }} asks for, which an interim order made without notice cannot include (section 7(2) of the Act){% endif %}. The Respondent may attend that hearing and give evidence. If the Respondent does not attend, the court may make an order in the Respondent's absence.")
tag(doc, "{%p endif %}")
tag(doc, "{%p if para.yot %}")
numbered_para(doc, "{{ para.yot }}.", "Before the return date the Applicant must consult {% if yot.name %}{{ yot.name }}, the local youth offending team,{% else %}the local youth offending team{% endif %} about the application, and inform any other body or person it thinks appropriate (section 14(2) of the Act).")
tag(doc, "{%p endif %}")

heading(doc, "Service and costs", 2)
numbered_para(doc, "{{ para.service }}.", "This order{% if interim %}, the " + APPLICATION + " and the evidence in support{% endif %} must be served on the Respondent personally{% if interim %} as soon as practicable{% endif %}.{% if para.arrest %} A copy of paragraphs {{ arrest_terms }} and {{ para.arrest }} of this order must be delivered to the officer in charge of the police station for the area where the Respondent lives.{% endif %}")
numbered_para(doc, "{{ para.costs }}.", "Costs reserved.")

doc.add_paragraph()
para(doc, "Dated: ........................................").paragraph_format.keep_with_next = True
para(doc, "This draft order was prepared by the {{ title.claimant_label }}, {{ association.name }}, {{ association.address|join(', ') }}, {{ association.postcode }}; contact {{ officer.name }}, {{ officer.job_title }}, {{ officer.phone }}, {{ officer.email }}.")
tag(doc, "{%p if zone_plan %}")
heading(doc, "Schedule: plan of the exclusion zone", 2)
para(doc, "The plan of the exclusion zone (exhibit {{ zone_plan }}), with the zone edged red, is attached to this order and forms part of it.")
tag(doc, "{%p endif %}")
save(
    doc, "draft-order",
    title="Draft injunction order",
    description="The draft order for an injunction under Part 1 of the Anti-social Behaviour, Crime and Policing Act 2014: without notice, an interim injunction under s.7 until the return date; on notice, the injunction under s.1 for its period; numbered terms, power of arrest (s.4) in paragraphs of their own, penal notice, exclusion-zone plan as its schedule, youth court (s.1(8), s.14).",
    version=3,
    effective_from=date(2020, 4, 6),
    change_note="Youth court: Case No., the complaint (not the claim form), the legal aid note without CPR 65.43(2)(d), the youth offending team consultation from the case (the team and the day, s.14(1)(a); without notice, s.14(1) not requiring it and s.14(2) before the return date), justices or District Judge (Magistrates' Courts). The county court order is version 2's. Supersedes version 2 for every date.",
)
