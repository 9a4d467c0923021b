"""Version 1 of the claim form's particulars (form N16A; CPR Part 8 as modified by r.65.43 and PD 65).

What an officer transfers to form N16A, or attaches to it as its particulars: the parties,
the matters r.8.2 requires, the terms applied for (r.65.43(3)), the grounds (the s.1
conditions and s.2 conduct), whether the application is made without notice and why (s.6),
the power of arrest and why (s.4), the evidence filed with it (r.65.43(2)(c)), and the
statement r.65.43(2)(d) requires, in full. Court layout (courtstyle), numbered paragraphs;
in the youth court (s.1(8)(a)) the parties are the Applicant and the Respondent.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from courtstyle import boxed, centred, court_document, finish, keep_together, numbered_para, rule, title_block
from letterhead import heading, para, save, tag

N = "List Number"
LEGAL_AID = (
    "the respondent is entitled to a reasonable opportunity to obtain legal representation and to apply "
    "for legal aid, which may be available without any means test"
)

doc = court_document(line_spacing=1.3)
title_block(doc, claimant_label="{{ title.claimant_label }}", defendant_label="{{ title.defendant_label }}")
rule(doc)
centred(doc, "{% if title.youth %}APPLICATION FOR AN INJUNCTION: PARTICULARS{% else %}CLAIM FORM (N16A): PARTICULARS OF CLAIM{% endif %}", size=13, space_after=2)
centred(doc, "Application for an injunction under section 1 of the Anti-social Behaviour, Crime and Policing Act 2014 (\"the Act\"){% if not title.youth %}, CPR Part 8 as modified by rule 65.43 and Practice Direction 65{% endif %}", bold=False, size=10, space_after=2)
rule(doc)
boxed(doc, [
    ("NOTICE TO THE {{ title.defendant_label|upper }} (CPR 65.43(2)(d))", True),
    ("Legal representation and legal aid: " + LEGAL_AID + ".", True),
    ("{{ respondent_name }}: you should get advice from a solicitor as soon as possible. You can find a legal aid solicitor at www.gov.uk/find-legal-advice.", False),
])

heading(doc, "The parties", 2)
para(doc, "The {{ title.claimant_label }} is {{ association.name }} of {{ association.address|join(', ') }}, {{ association.postcode }}, a housing provider and so a person who may apply for an injunction under section 1 of the Act (section 5(1)(a)). Its address for service is that address; the officer dealing with the application is {{ officer.name }}, {{ officer.job_title }} ({{ officer.phone }}, {{ officer.email }}).", style=N)
para(doc, "The {{ title.defendant_label }} is {{ respondent_name }}{% if respondent.date_of_birth %}, born on {{ respondent.date_of_birth|date }} (aged {{ respondent_age }}){% endif %}{% if respondent_address %}, of {{ respondent_address }}{% endif %}{% if respondent.tenancy and respondent.tenancy.type and respondent.tenancy.type != 'none' %}, the {{ respondent.tenancy.type|words }} tenant of that home under a tenancy granted by the {{ title.claimant_label }}{% endif %}.", style=N)
tag(doc, "{%p if title.youth %}")
para(doc, "The {{ title.defendant_label }} is under 18, so this application is made in the youth court (section 1(8)(a) of the Act), and the injunction applied for states a period of no more than 12 months (section 1(6)).{% if injunction.without_notice %} The application is made without notice, so the local youth offending team will be consulted before the first hearing on notice (section 14(2)(a)).{% else %} The {{ title.claimant_label }} consulted the local youth offending team before making it (section 14(1)(a)).{% endif %}", style=N)
tag(doc, "{%p endif %}")

heading(doc, "The claim (CPR 8.2)", 2)
para(doc, "{% if title.youth %}This application is made under section 1 of the Act, to the youth court.{% else %}Part 8 of the Civil Procedure Rules applies to this claim, as modified by rule 65.43 and Practice Direction 65 (rule 8.2(a)).{% endif %} The claim is made under section 1 of the Anti-social Behaviour, Crime and Policing Act 2014 (rule 8.2(c)). Neither party claims or is sued in a representative capacity (rule 8.2(d)).", style=N)
para(doc, "The remedy the {{ title.claimant_label }} seeks, and its legal basis (rule 8.2(b)): an injunction under section 1 of the Act {{ period }}{% if injunction.without_notice %}, and, until the application is heard on notice, an interim injunction under section 7 of the Act{% endif %}, in the terms below{% if injunction.power_of_arrest %}, with a power of arrest under section 4 of the Act{% endif %}, to prevent the {{ title.defendant_label }} from engaging in anti-social behaviour.", style=N)

heading(doc, "The terms of the injunction applied for (CPR 65.43(3)(b))", 2)
para(doc, "The {{ title.claimant_label }} asks the court to order that:", style=N)
tag(doc, "{%p for t in all_terms_applied_for %}")
numbered_para(doc, "({{ loop.index }})", "{{ t }}", level=2)
tag(doc, "{%p endfor %}")
tag(doc, "{%p if exclusion_zone %}")
para(doc, "The exclusion zone is {{ exclusion_zone }}{% if zone_plan %} The plan is exhibit {{ zone_plan }} to {{ statement }}, and is attached to the draft order.{% endif %}", style=N)
tag(doc, "{%p endif %}")
para(doc, "The {{ title.claimant_label }} asks for the injunction {{ period }}{% if injunction.without_notice %}; until the return date, the {{ title.claimant_label }} asks for an interim injunction in the same terms{% if requirements_left_out %}, except the requirement{% if requirements_left_out|length > 1 %}s{% endif %}, which an interim injunction made without notice cannot include (section 7(2) of the Act){% endif %}{% endif %}. A draft order is filed with this claim form.", style=N)

heading(doc, "The grounds (section 1 of the Act)", 2)
para(doc, "The {{ title.defendant_label }} is aged 10 or over (section 1(1)){% if respondent_age %}: {{ respondent_age }} on the date of this claim{% endif %}.", style=N)
para(doc, "The {{ title.defendant_label }} has engaged and threatens to engage in anti-social behaviour (section 1(2)): conduct that has caused, or is likely to cause, harassment, alarm or distress to {{ victim_names or 'others' }} (section 2(1)(a)), and conduct capable of causing nuisance or annoyance to them in relation to their occupation of residential premises (section 2(1)(b)) and housing-related nuisance or annoyance (section 2(1)(c)). In summary, the {{ title.claimant_label }} relies on these incidents, set out in {{ statement }}:", style=N)
tag(doc, "{%p for g in grounds %}")
numbered_para(doc, "({{ loop.index }})", "{{ g.when }}{% if g.place %}, {{ g.place }}{% endif %}: {{ g.what }}.", level=2)
tag(doc, "{%p endfor %}")
para(doc, "It is just and convenient to grant the injunction for the purpose of preventing the {{ title.defendant_label }} from engaging in anti-social behaviour (section 1(3)): the behaviour has continued despite the warnings given, and the terms asked for are no wider than needed to protect {{ victim_names or 'those affected' }} and, so far as practicable, avoid interfering with the {{ title.defendant_label }}'s work or education and any other court order (section 1(5)).", style=N)
tag(doc, "{%p if injunction.power_of_arrest %}")
heading(doc, "Power of arrest (section 4 of the Act)", 2)
para(doc, "The {{ title.claimant_label }} asks the court to attach a power of arrest to the prohibitions numbered {{ arrest_terms }} in the draft order, because the anti-social behaviour consists of or includes the use or threatened use of violence against other persons{% if violent_dates %} (on {{ violent_dates }}){% endif %}, and there is a significant risk of harm to {{ victim_names or 'other persons' }} from the {{ title.defendant_label }} (section 4(1)).", style=N)
tag(doc, "{%p endif %}")
tag(doc, "{%p if injunction.without_notice %}")
heading(doc, "Without notice (section 6 of the Act)", 2)
para(doc, "This application is made without notice to the {{ title.defendant_label }} under section 6 of the Act, because there is a real risk that, if the {{ title.defendant_label }} were told of it before the court can act, {{ victim_names or 'those affected' }} would suffer violence, intimidation or reprisal{% if violent_dates %}, given the threats of violence on {{ violent_dates }}{% endif %}. Why notice was not given, and what the {{ title.defendant_label }} might say against the application, are set out in {{ statement }}. The {{ title.claimant_label }} asks the court to adjourn the application to a hearing on notice and to grant an interim injunction until then (sections 6(2)(a) and 7).", style=N)
tag(doc, "{%p endif %}")

heading(doc, "Evidence", 2)
para(doc, "This claim is supported by {{ statement }}, with exhibits {{ exhibit_marks }}, filed with this claim form (CPR 65.43(2)(c)).{% if anonymous_witnesses %} The {{ title.claimant_label }} also applies for an order that the identity of {% if anonymous_witnesses > 1 %}witnesses who fear{% else %}a witness who fears{% endif %} reprisal not be disclosed (CPR 39.2(4)); their names are in a sealed schedule for the judge only.{% endif %}{% if hearing %} The court has listed a hearing on {{ hearing }}.{% endif %}", style=N)

heading(doc, "Legal representation and legal aid (CPR 65.43(2)(d))", 2)
para(doc, "Statement under rule 65.43(2)(d): " + LEGAL_AID + ".", style=N)

truth = [heading(doc, "Statement of truth", 2)]
truth += [para(doc, "The {{ title.claimant_label }} believes that the facts stated in these particulars are true. The {{ title.claimant_label }} understands that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a document verified by a statement of truth without an honest belief in its truth. I am duly authorised by the {{ title.claimant_label }} to sign this statement.")]
truth += [doc.add_paragraph()]
truth += [para(doc, "Signed: ..................................................")]
truth += [para(doc, "Name: {{ officer.name }}, {{ officer.job_title }}, for and on behalf of {{ association.name }}")]
truth += [para(doc, "Date: {{ doc.date|date }}")]
keep_together(truth)
finish(doc)
save(
    doc, "claim-form",
    title="Claim form (N16A): particulars",
    description="The particulars of an application for an injunction under section 1 of the Anti-social Behaviour, Crime and Policing Act 2014, to transfer to or attach to form N16A: parties, CPR 8.2 matters, terms (r.65.43(3)), grounds, without notice and power of arrest, evidence, the r.65.43(2)(d) statement, statement of truth; youth court wording for an under-18.",
)
