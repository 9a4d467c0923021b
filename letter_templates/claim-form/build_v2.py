"""Version 2 of the application for an injunction: the county court's claim form particulars
(form N16A; CPR Part 8 as modified by r.65.43 and PD 65), or, for a respondent under 18,
the youth court's complaint.

Why a new version: version 1 called the youth court application form N16A's particulars and
kept CPR wording (the r.8.2 matters, the r.65.43(2)(d) statement, a PD 22 statement of truth)
that does not apply there. For a respondent under 18 the application is made to a youth
court (2014 Act s.1(8)(a)) by complaint in writing (Magistrates' Courts (Injunctions:
Anti-Social Behaviour) Rules 2015, SI 2015/423, r.2), which must state the respondent's name,
address and date of birth and the name and address of a parent or guardian (r.3(1)(a), (b)),
be supported by evidence of the s.1 conditions (r.3(1)(c)), state the terms applied for and,
on notice, state that the youth offending team was consulted (s.14(1)); without notice the
team is consulted before the first hearing on notice (s.14(2)). The county court version is
version 1's, with the court's number labelled by court.

One document serves both courts: the parts that differ are conditional on ``title.youth``,
and the shared wording (terms, grounds, power of arrest, without notice) is written once.
"""

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from courtstyle import boxed, centred, court_document, finish, keep_together, numbered_para, rule, title_block
from letterhead import heading, para, save, tag

N = "List Number"
NUMBER = "{{ title.number_label }}"
LEGAL_AID = (
    "the respondent is entitled to a reasonable opportunity to obtain legal representation and to apply "
    "for legal aid, which may be available without any means test"
)
RULES = "the Magistrates' Courts (Injunctions: Anti-Social Behaviour) Rules 2015 (SI 2015/423)"


def youth(text: str, county: str) -> str:
    """Inline wording that differs by court."""
    return "{% if title.youth %}" + text + "{% else %}" + county + "{% endif %}"


def only(condition: str) -> None:
    tag(doc, "{%p if " + condition + " %}")


def end() -> None:
    tag(doc, "{%p endif %}")


doc = court_document(line_spacing=1.3, number_label=NUMBER)
title_block(doc, claimant_label="{{ title.claimant_label }}", defendant_label="{{ title.defendant_label }}", number_label=NUMBER)
rule(doc)
centred(doc, youth("COMPLAINT: APPLICATION FOR AN INJUNCTION", "CLAIM FORM (N16A): PARTICULARS OF CLAIM"), size=13, space_after=2)
centred(doc, "Application for an injunction under section 1 of the Anti-social Behaviour, Crime and Policing Act 2014 (\"the Act\")" + youth(", made by complaint in writing under rules 2 and 3 of " + RULES, ", CPR Part 8 as modified by rule 65.43 and Practice Direction 65"), bold=False, size=10, space_after=2)
rule(doc)
only("title.youth")
boxed(doc, [
    ("NOTICE TO THE RESPONDENT AND THEIR PARENT OR GUARDIAN", True),
    ("{{ respondent_name }}: you and your parent or guardian should get advice from a solicitor as soon as possible. Legal aid is available for advice and representation on an application for an injunction under the Act. You can find a legal aid solicitor at www.gov.uk/find-legal-advice.", False),
])
tag(doc, "{%p else %}")
boxed(doc, [
    ("NOTICE TO THE {{ title.defendant_label|upper }} (CPR 65.43(2)(d))", True),
    ("Legal representation and legal aid: " + LEGAL_AID + ".", True),
    ("{{ respondent_name }}: you should get advice from a solicitor as soon as possible. You can find a legal aid solicitor at www.gov.uk/find-legal-advice.", False),
])
end()

only("title.youth")
heading(doc, "The complaint", 2)
para(doc, "{{ association.name }} (\"the Applicant\") complains that the Respondent, {{ respondent_name }}, has engaged and threatens to engage in anti-social behaviour, and applies to the youth court for an injunction under section 1 of the Act. This complaint is made in writing (rule 2 of " + RULES + ").", style=N)
end()
heading(doc, "The parties", 2)
para(doc, "The {{ title.claimant_label }} is {{ association.name }} of {{ association.address|join(', ') }}, {{ association.postcode }}, a housing provider and so a person who may apply for an injunction under section 1 of the Act (section 5(1)(a)). Its address for service is that address; the officer dealing with the application is {{ officer.name }}, {{ officer.job_title }} ({{ officer.phone }}, {{ officer.email }}).", style=N)
para(doc, "The {{ title.defendant_label }} is {{ respondent_name }}{% if respondent.date_of_birth %}, born on {{ respondent.date_of_birth|date }} (aged {{ respondent_age }}){% endif %}{% if respondent_address %}, of {{ respondent_address }}{% endif %}{% if respondent.tenancy and respondent.tenancy.type and respondent.tenancy.type != 'none' %}, the {{ respondent.tenancy.type|words }} tenant of that home under a tenancy granted by the {{ title.claimant_label }}{% endif %}" + youth(" (rule 3(1)(a))", "") + ".", style=N)
only("title.youth")
para(doc, "{% if guardians|length > 1 %}The Respondent's parents or guardians (rule 3(1)(b)) are{% else %}The Respondent's parent or guardian (rule 3(1)(b)) is{% endif %}:", style=N).paragraph_format.keep_with_next = True
tag(doc, "{%p for g in guardians %}")
numbered_para(doc, "({{ loop.index }})", "{{ g.name }}{% if g.address %}, of {{ g.address }}{% endif %}.", level=2)
tag(doc, "{%p else %}")
numbered_para(doc, "(1)", "Name: ........................................ Address: ........................................", level=2)
tag(doc, "{%p endfor %}")
para(doc, "The Respondent is under 18, so this application is made to the youth court (section 1(8)(a) of the Act), and the injunction applied for states a period of no more than 12 months (section 1(6)).", style=N)
end()

only("title.youth")
heading(doc, "Consultation with the youth offending team (section 14 of the Act)", 2)
only("injunction.without_notice")
para(doc, "This application is made without notice, so section 14(1) does not require the local youth offending team to be consulted before it is made.{% if yot.consulted %} The Applicant has nevertheless consulted {{ yot.name or 'the local youth offending team' }} about it, on {{ yot.consulted }}.{% endif %} If the court adjourns the application, the Applicant will consult {{ yot.name or 'the local youth offending team' }} about it, and inform any other body or person it thinks appropriate, before the first hearing on notice (section 14(2)).", style=N)
tag(doc, "{%p else %}")
para(doc, "The consultation required by section 14(1)(a) of the Act has been undertaken: before making this application the Applicant consulted {% if yot.name %}{{ yot.name }}, the local youth offending team,{% else %}the local youth offending team (........................................){% endif %} about it on {{ yot.consulted or '..............................' }}.", style=N)
end()
end()

only("not title.youth")
heading(doc, "The claim (CPR 8.2)", 2)
para(doc, "Part 8 of the Civil Procedure Rules applies to this claim, as modified by rule 65.43 and Practice Direction 65 (rule 8.2(a)). The claim is made under section 1 of the Anti-social Behaviour, Crime and Policing Act 2014 (rule 8.2(c)). Neither party claims or is sued in a representative capacity (rule 8.2(d)).", style=N)
end()
para(doc, youth("The Applicant asks the court to grant ", "The remedy the Claimant seeks, and its legal basis (rule 8.2(b)): ") + "an injunction under section 1 of the Act {{ period }}{% if injunction.without_notice %}, and, until the application is heard on notice, an interim injunction under section 7 of the Act{% endif %}, in the terms below{% if injunction.power_of_arrest %}, with a power of arrest under section 4 of the Act{% endif %}, to prevent the {{ title.defendant_label }} from engaging in anti-social behaviour.", style=N)

heading(doc, "The terms of the injunction applied for " + youth("(rule 3(1))", "(CPR 65.43(3)(b))"), 2)
para(doc, "The {{ title.claimant_label }} asks the court to order that:", style=N)
tag(doc, "{%p for t in all_terms_applied_for %}")
numbered_para(doc, "({{ loop.index }})", "{{ t }}", level=2)
tag(doc, "{%p endfor %}")
only("exclusion_zone")
para(doc, "The exclusion zone is {{ exclusion_zone }}{% if zone_plan %} The plan is exhibit {{ zone_plan }} to {{ statement }}, and is attached to the draft order.{% endif %}", style=N)
end()
para(doc, "The {{ title.claimant_label }} asks for the injunction {{ period }}{% if injunction.without_notice %}; until the return date, the {{ title.claimant_label }} asks for an interim injunction in the same terms{% if requirements_left_out %}, except the requirement{% if requirements_left_out|length > 1 %}s{% endif %}, which an interim injunction made without notice cannot include (section 7(2) of the Act){% endif %}{% endif %}. A draft order is filed with this " + youth("application", "claim form") + ".", style=N)

heading(doc, "The grounds (section 1 of the Act)", 2)
para(doc, "The {{ title.defendant_label }} is aged 10 or over (section 1(1)){% if respondent_age %}: {{ respondent_age }} on the date of this " + youth("application", "claim") + "{% endif %}.", style=N)
para(doc, "The {{ title.defendant_label }} has engaged and threatens to engage in anti-social behaviour (section 1(2)): conduct that has caused, or is likely to cause, harassment, alarm or distress to {{ victim_names or 'others' }} (section 2(1)(a)), and conduct capable of causing nuisance or annoyance to them in relation to their occupation of residential premises (section 2(1)(b)) and housing-related nuisance or annoyance (section 2(1)(c)). In summary, the {{ title.claimant_label }} relies on these incidents, set out in {{ statement }}:", style=N)
tag(doc, "{%p for g in grounds %}")
numbered_para(doc, "({{ loop.index }})", "{{ g.when }}{% if g.place %}, {{ g.place }}{% endif %}: {{ g.what }}.", level=2)
tag(doc, "{%p endfor %}")
para(doc, "It is just and convenient to grant the injunction for the purpose of preventing the {{ title.defendant_label }} from engaging in anti-social behaviour (section 1(3)): the behaviour has continued despite the warnings given, and the terms asked for are no wider than needed to protect {{ victim_names or 'those affected' }} and, so far as practicable, avoid interfering with the {{ title.defendant_label }}'s work or education and any other court order (section 1(5)).", style=N)
only("injunction.power_of_arrest")
heading(doc, "Power of arrest (section 4 of the Act)", 2)
para(doc, "The {{ title.claimant_label }} asks the court to attach a power of arrest to the prohibitions numbered {{ arrest_terms }} in the draft order, because the anti-social behaviour consists of or includes the use or threatened use of violence against other persons{% if violent_dates %} (on {{ violent_dates }}){% endif %}, and there is a significant risk of harm to {{ victim_names or 'other persons' }} from the {{ title.defendant_label }} (section 4(1)).", style=N)
end()
only("injunction.without_notice")
heading(doc, "Without notice (section 6 of the Act)", 2)
para(doc, "This application is made without notice to the {{ title.defendant_label }} under section 6 of the Act, because there is a real risk that, if the {{ title.defendant_label }} were told of it before the court can act, {{ victim_names or 'those affected' }} would suffer violence, intimidation or reprisal{% if violent_dates %}, given the threats of violence on {{ violent_dates }}{% endif %}. Why notice was not given, and what the {{ title.defendant_label }} might say against the application, are set out in {{ statement }}. The {{ title.claimant_label }} asks the court to adjourn the application to a hearing on notice and to grant an interim injunction until then (sections 6(2)(a) and 7).", style=N)
end()

heading(doc, "Evidence", 2)
para(doc, "This " + youth("application", "claim") + " is supported by {{ statement }}, with exhibits {{ exhibit_marks }}, " + youth("which gives the evidence of the matters of which the court must be satisfied for the first and second conditions under section 1 of the Act (rule 3(1)(c))", "filed with this claim form (CPR 65.43(2)(c))") + ".{% if anonymous_witnesses %} The {{ title.claimant_label }} also applies for an order that the identity of {% if anonymous_witnesses > 1 %}witnesses who fear{% else %}a witness who fears{% endif %} reprisal not be disclosed" + youth("", " (CPR 39.2(4))") + "; their names are in a sealed schedule for the " + youth("court", "judge") + " only.{% endif %}{% if hearing %} The court has listed a hearing on {{ hearing }}.{% endif %}", style=N)

only("not title.youth")
heading(doc, "Legal representation and legal aid (CPR 65.43(2)(d))", 2)
para(doc, "Statement under rule 65.43(2)(d): " + LEGAL_AID + ".", style=N)
end()

only("title.youth")
truth = [heading(doc, "Signature", 2)]
truth += [para(doc, "The Applicant believes that the facts stated in this complaint are true. I am authorised by the Applicant to make this complaint on its behalf.")]
tag(doc, "{%p else %}")
truth += [heading(doc, "Statement of truth", 2)]
truth += [para(doc, "The {{ title.claimant_label }} believes that the facts stated in these particulars are true. The {{ title.claimant_label }} understands that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a document verified by a statement of truth without an honest belief in its truth. I am duly authorised by the {{ title.claimant_label }} to sign this statement.")]
end()
truth += [doc.add_paragraph()]
truth += [para(doc, "Signed: ..................................................")]
truth += [para(doc, "Name: {{ officer.name }}, {{ officer.job_title }}, for and on behalf of {{ association.name }}")]
truth += [para(doc, "Date: {{ doc.date|date }}")]
keep_together(truth)
finish(doc)
save(
    doc, "claim-form",
    title="Application for an injunction: claim form (N16A) particulars, or the youth court complaint",
    description="The application for an injunction under section 1 of the Anti-social Behaviour, Crime and Policing Act 2014. County court: the particulars to transfer to or attach to form N16A (parties, CPR 8.2 matters, terms (r.65.43(3)), grounds, without notice and power of arrest, evidence, the r.65.43(2)(d) statement, statement of truth). Youth court (respondent under 18, s.1(8)(a)): the complaint in writing under SI 2015/423 rr.2-3 (the respondent's name, address and date of birth, a parent or guardian, the terms, the evidence, the youth offending team consultation under s.14).",
    version=2,
    effective_from=date(2020, 4, 6),
    change_note="The youth court application is a complaint under SI 2015/423 (rules 2 and 3), not form N16A: parent or guardian, the s.14 youth offending team consultation (or, without notice, consultation before the first hearing on notice), no CPR wording; the court's number is a Case No. there. The county court particulars are unchanged. Supersedes version 1 for every date.",
)
