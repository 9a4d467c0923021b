"""Version 2 of the draft injunction order (Anti-social Behaviour, Crime and Policing Act 2014, Part 1).

Why a new version: version 1 asked, without notice, for the final injunction for its full
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

LEGAL_AID = (
    "the respondent is entitled to a reasonable opportunity to obtain legal representation and to apply "
    "for legal aid, which may be available without any means test"
)

doc = court_document(line_spacing=1.3)
boxed(doc, [
    ("PENAL NOTICE", True),
    ("IMPORTANT NOTICE TO THE RESPONDENT, {{ names[respondent.id]|upper }}", True),
    ("{% if title.youth %}If you do not comply with this order, the youth court may make a supervision order or, if you are 14 or over, a detention order (Schedule 2 to the Anti-social Behaviour, Crime and Policing Act 2014).{% else %}If you do not comply with this order you may be held in contempt of court and imprisoned or fined, or your assets may be seized.{% endif %}", True),
    ("You should read this order carefully. You have the right to ask the court to vary or discharge this order. Legal representation and legal aid: " + LEGAL_AID + " (CPR 65.43(2)(d)). You are advised to consult a solicitor as soon as possible.", False),
])
title_block(doc, claimant_label="{{ title.claimant_label }}", defendant_label="{{ title.defendant_label }} (Respondent)")
rule(doc)
centred(doc, "DRAFT", size=11, space_after=0)
centred(doc, "{% if interim %}INTERIM INJUNCTION ORDER{% else %}INJUNCTION ORDER{% endif %}", size=14, space_after=0)
centred(doc, "{% if interim %}Section 7 of the Anti-social Behaviour, Crime and Policing Act 2014 (\"the Act\"): interim injunction on an application made without notice{% else %}Section 1 of the Anti-social Behaviour, Crime and Policing Act 2014 (\"the Act\"){% endif %}", bold=False, size=10, space_after=2)
rule(doc)

para(doc, "Before {% if title.youth %}the youth court{% else %}District Judge ........................................{% endif %} sitting at the {{ title.court_name }} on ........................................")
tag(doc, "{%p if title.youth %}")
para(doc, "This application is made in the youth court because the Respondent is under 18 (section 1(8)(a) of the Act).")
tag(doc, "{%p endif %}")
para(doc, "UPON the application of the {{ title.claimant_label }}{% if interim %}, made without notice to the Respondent under section 6 of the Act{% endif %}")
para(doc, "AND UPON reading the claim form and {{ statement }} dated {{ doc.date|date }} and its exhibits")
tag(doc, "{%p if interim %}")
para(doc, "AND UPON the court adjourning the hearing of the application (section 6(2)(a) of the Act) and thinking it just to grant an interim injunction until the final hearing of the application (section 7 of the Act)")
tag(doc, "{%p else %}")
para(doc, "AND UPON hearing the {{ title.claimant_label }} and the Respondent (or the Respondent not attending, having been given notice of the hearing)")
para(doc, "AND UPON the court being satisfied, on the balance of probabilities, that the Respondent, who is aged 10 or over, has engaged or threatens to engage in anti-social behaviour, and that it is just and convenient to grant this injunction for the purpose of preventing the Respondent from engaging in anti-social behaviour (section 1(2) and (3) of the Act)")
tag(doc, "{%p if title.youth %}")
para(doc, "AND UPON the Applicant having consulted the local youth offending team about the application before making it (section 14(1)(a) of the Act)")
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
numbered_para(doc, "{{ para.yot }}.", "Before the return date the Applicant must consult the local youth offending team about the application (section 14(2)(a) of the Act).")
tag(doc, "{%p endif %}")

heading(doc, "Service and costs", 2)
numbered_para(doc, "{{ para.service }}.", "This order{% if interim %}, the claim form and the evidence in support{% endif %} must be served on the Respondent personally{% if interim %} as soon as practicable{% endif %}.{% if para.arrest %} A copy of paragraphs {{ arrest_terms }} and {{ para.arrest }} of this order must be delivered to the officer in charge of the police station for the area where the Respondent lives.{% endif %}")
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
    version=2,
    effective_from=date(2020, 4, 6),
    change_note="Follows s.6 and s.7: without notice, an interim injunction until the return date (blank unless fixed) or further order; on notice, the s.1 injunction for its period. Legal aid statement (CPR 65.43(2)(d)), plan attached, youth court. Supersedes version 1 for every date.",
)
