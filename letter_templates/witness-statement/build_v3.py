"""Version 3 of the case officer's witness statement: in the county court to CPR PD 32 with
the PD 22 statement of truth (version 2's wording, unchanged); in the youth court without
the CPR, and with the notice of hearsay evidence the magistrates' courts' rules require.

Why version 3: in the youth court (a respondent under 18, 2014 Act s.1(8)(a)) the
application is a complaint under the Magistrates' Courts (Injunctions: Anti-Social
Behaviour) Rules 2015 (SI 2015/423), which require it to be "supported by evidence" of the
s.1 conditions (r.3(1)(c)) but prescribe no form of witness statement; the Civil Procedure
Rules (PD 22, PD 32, r.33.2, r.39.2) are the county court's and High Court's and do not
apply in a magistrates' court. So in the youth court:

* the statement ends with a plain declaration signed by the officer, not the PD 22
  statement of truth (whose contempt warning is the CPR's, r.32.14);
* the court's number is a "Case No." and the parties the Applicant and the Respondent;
* the protected witnesses paragraph names no CPR rule (the application says what power
  the court is asked to use);
* where the statement repeats what others told the officer (hearsay, Civil Evidence Act
  1995 s.1), a HEARSAY NOTICE follows it on a page of its own: the Magistrates' Courts
  (Hearsay Evidence in Civil Proceedings) Rules 1999 (SI 1999/681) apply to hearsay in
  civil proceedings in magistrates' courts (r.2(3)); a party who wants to give hearsay
  evidence must serve a hearsay notice (a notice under s.2 of the 1995 Act) on every other
  party and file a copy with the justices' clerk not less than 21 days before the hearing,
  unless the court directs a different period (r.3(1)-(3)); the notice must state that it
  is a hearsay notice (r.3(4)(a)) and identifies the evidence, who made each statement and
  why they will not be called; the other party may apply within 7 days of service to call
  and cross-examine the maker (r.4). (In the county court CPR r.33.2(1) makes the witness
  statement itself the notice, so none is added there.)

Version 2's account of what it changed from version 1: version 1 recited the case log, credited sources mechanically, said
nothing on the s.1 tests or proportionality, had no full and frank disclosure for a
without-notice application and no bold exhibit marks. Version 2: A4 with a 3.5 cm margin
(PD 32 19.1(1)); the corner heading with the statement's number from the case; the
behaviour in date order, each account from the officer's own knowledge or from its named
source (PD 32 18.2); the officer's steps in the first person; the s.1 tests,
proportionality and s.1(5); the power of arrest (s.4); for a without-notice application,
why notice was not given and what the respondent might say; exhibit marks in bold
(PD 32 19.1(7)); "in the youth court" for a respondent under 18 (s.1(8)(a)).
"""

import sys
from datetime import date
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from courtstyle import centred, court_document, finish, keep_together, numbered_para, rule, runs, title_block
from letterhead import heading, para, save, tag

N = "List Number"
NUMBER = "{{ title.number_label }}"
HEARSAY_RULES = "the Magistrates' Courts (Hearsay Evidence in Civil Proceedings) Rules 1999 (SI 1999/681)"


def marks(var: str) -> list[tuple[str, bool]]:
    """Runs that print a list of segments, each exhibit mark in bold."""
    return [
        (f"{{%r for s in {var} %}}", False), ("{%r if s.bold %}", False), ("{{ s.text }}", True),
        ("{%r else %}", False), ("{{ s.text }}", False), ("{%r endif %}", False), ("{%r endfor %}", False),
    ]


DESCRIPTION = (
    "The case officer's witness statement for an injunction under Part 1 of the Anti-social Behaviour, Crime and Policing Act 2014: "
    "county court, CPR PD 32 form and PD 22 statement of truth; youth court, a signed declaration and a hearsay notice "
    "(SI 1999/681 r.3); options {for_respondent: yes} for the copy served on the respondent."
)

doc = court_document(margins_mm=(35, 35, 35, 35), number_label=NUMBER)
corner = doc.add_paragraph()
corner.alignment = WD_ALIGN_PARAGRAPH.RIGHT
corner.paragraph_format.line_spacing = 1.0
corner.add_run(
    "{{ title.claimant_label }}\n{{ witness_short }}\n{{ statement_number }} statement\nExhibits {{ exhibit_marks }}\n{{ doc.date|date }}"
).font.size = Pt(11)

title_block(doc, claimant_label="{{ title.claimant_label }}", defendant_label="{{ title.defendant_label }}", width_mm=140, number_label=NUMBER)
rule(doc)
centred(doc, "{{ statement_number|upper }} WITNESS STATEMENT OF {{ officer.name|upper }}", size=13, space_after=2)
tag(doc, "{%p if respondent_copy %}")
centred(doc, "Copy served on the {{ title.defendant_label }}: witnesses whose identity is protected are referred to as “Witness A” (and so on), not by name", bold=False, size=9, space_after=2)
tag(doc, "{%p endif %}")
rule(doc)

heading(doc, "Introduction", 2)
para(doc, "I, {{ officer.name }}, am employed by the {{ title.claimant_label }}, {{ association.name }}, as {{ officer.job_title }}. I work at {{ association.address|join(', ') }}, {{ association.postcode }}. I am the {{ title.claimant_label }}'s case officer for its case {{ case.reference }}, about harassment in and around {{ case.location.address|join(', ') }}{% if case.location.estate %} on the {{ case.location.estate }}{% endif %}, and I am authorised to make this statement on its behalf.", style=N)
para(doc, "I make this statement in support of the {{ title.claimant_label }}'s application{% if title.youth %} in the youth court (the {{ title.defendant_label }} is under 18: section 1(8)(a) of the Act){% endif %} for an injunction against {{ names[respondent.id] }} under section 1 of the Anti-social Behaviour, Crime and Policing Act 2014 (\"the Act\"){% if injunction.without_notice %}, made without notice to the {{ title.defendant_label }} under section 6 of the Act, and for an interim injunction under section 7 until the hearing on notice{% endif %}{% if injunction.power_of_arrest %}, with a power of arrest under section 4 of the Act{% endif %}.{% if injunction.statement_number > 1 %} This is my {{ statement_number }} statement in these proceedings.{% endif %}", style=N)
para(doc, "Where I describe what I saw or did myself, that is from my own knowledge. Where I repeat what someone else told me, I say who told me, and I believe what they told me to be true. Other facts come from the {{ title.claimant_label }}'s records of this case, which I keep.", style=N)
para(doc, "I refer to documents exhibited to this statement, each marked with my initials and a number ({{ exhibit_marks }}).{% if respondent_copy %} Exhibits that would identify a witness whose identity is protected are not in the copy served on the {{ title.defendant_label }}; they are in the copy filed with the court.{% endif %}", style=N)

heading(doc, "The {{ title.defendant_label }}", 2)
runs(doc, ("The {{ title.defendant_label }}, {{ names[respondent.id] }}{% if respondent.date_of_birth %}, who was born on {{ respondent.date_of_birth|date }} and is {{ respondent_age }} years old{% endif %}, {% if respondent_tenancy and respondent_tenancy.type and respondent_tenancy.type != 'none' %}is the {{ respondent_tenancy.type|words }} tenant{% if respondent_address %} of {{ respondent_address }}{% endif %}{% if respondent_tenancy.start %}, under a tenancy that began on {{ respondent_tenancy.start|date }}{% endif %}{% if respondent_tenancy.reference %} (tenancy reference {{ respondent_tenancy.reference }}){% endif %}{% elif respondent_address %}lives at {{ respondent_address }}{% else %}is the person the {{ title.claimant_label }} seeks the injunction against{% endif %}. ", False), *marks("tenancy_segments"), style=N)
tag(doc, "{%p if respondent_tenancy %}")
tag(doc, "{%p for clause in respondent_tenancy.clauses %}")
para(doc, "Clause {{ clause.number }} of the tenancy agreement says: “{{ clause.text }}”", style=N)
tag(doc, "{%p endfor %}")
tag(doc, "{%p endif %}")

heading(doc, "The behaviour complained of", 2)
para(doc, "I set out below, in date order, the incidents the {{ title.claimant_label }} relies on. For each I say whether I saw it myself or, if not, who told me about it.", style=N)
tag(doc, "{%p for e in incidents %}")
runs(
    doc,
    ("{{ e.when }}{% if e.place %}, {{ e.place }}{% endif %}. ", True),
    ("{% if respondent_copy %}{% if e.hearsay %}I did not see this incident myself; it was reported by {{ e.sources }}.{% else %}I saw this incident myself{% if e.also_seen_by %}, as did {{ e.also_seen_by }}{% endif %}.{% endif %} {{ e.account }}{% elif e.hearsay %}I did not see this incident myself. I am told by {{ e.sources }}, and believe it to be true, that {{ e.account }}{% else %}I saw this incident myself{% if e.also_seen_by %}, as did {{ e.also_seen_by }}{% endif %}. {{ e.account }}{% endif %}{% if e.reported %} It was reported to the {{ title.claimant_label }} on {{ e.reported }}.{% endif %}{% if e.police_reference %} The police reference is {{ e.police_reference }}.{% endif %}{% if e.exhibit_segments %} {% endif %}", False),
    *marks("e.exhibit_segments"),
    style=N,
)
tag(doc, "{%p endfor %}")

tag(doc, "{%p if steps or support %}")
heading(doc, "What I have done about it", 2)
tag(doc, "{%p for s in steps %}")
para(doc, "On {{ s.when }} {{ s.text }}.{% if s.after %} The incident{% if ' and ' in s.after %}s{% endif %} of {{ s.after }} happened after that.{% else %} There has been no incident since.{% endif %}", style=N)
tag(doc, "{%p endfor %}")
tag(doc, "{%p if support %}")
para(doc, "To protect {{ victim_names or 'the victims' }}, the {{ title.claimant_label }} also {{ support }}.", style=N)
tag(doc, "{%p endif %}")
tag(doc, "{%p endif %}")

heading(doc, "The conditions for an injunction (section 1 of the Act)", 2)
para(doc, "The {{ title.defendant_label }} is aged 10 or over (section 1(1)){% if respondent_age %}: {{ respondent_age }} on the date of this statement{% endif %}.", style=N)
para(doc, "I believe that the {{ title.defendant_label }} has engaged and threatens to engage in anti-social behaviour (section 1(2)): the {{ incident_count }} incident{% if incident_count != 1 %}s{% endif %} above{% if first_incident %}, from {{ first_incident }} to {{ last_incident }},{% endif %} caused or were likely to cause harassment, alarm or distress to {{ victim_names or 'others' }} (section 2(1)(a)), and were capable of causing them nuisance or annoyance in relation to their occupation of their home (section 2(1)(b) and (c)).", style=N)
para(doc, "I believe that it is just and convenient to grant the injunction to prevent further anti-social behaviour (section 1(3)){% if steps %}: the behaviour continued after the warnings I have described{% endif %}, and the {{ title.claimant_label }} has no other way of protecting {{ victim_names or 'those affected' }} now.", style=N)
runs(doc, ("The terms asked for are proportionate: each is aimed at the behaviour described above and at protecting {{ victim_names or 'those affected' }}, and none goes further than that.{% if injunction.exclusion_zone %} The exclusion zone is {{ injunction.exclusion_zone }}{% endif %}{% if other_segments %} {% endif %}", False), *marks("other_segments"), style=N)
para(doc, "So far as I know, the terms do not interfere with the times at which the {{ title.defendant_label }} normally works or attends {% if title.youth %}school or {% endif %}any educational establishment, and do not conflict with any other court order or injunction the {{ title.defendant_label }} is subject to (section 1(5)). If the {{ title.defendant_label }} tells the {{ title.claimant_label }} otherwise, it will ask the court to adjust them.", style=N)
para(doc, "The {{ title.claimant_label }} asks for the injunction {% if injunction.duration %}for {{ injunction.duration }}{% else %}until further order{% endif %}{% if title.youth %}, which is no more than the 12 months allowed for a respondent under 18 (section 1(6)){% endif %}.", style=N)

tag(doc, "{%p if injunction.power_of_arrest %}")
heading(doc, "Power of arrest (section 4 of the Act)", 2)
para(doc, "I ask the court to attach a power of arrest to the prohibitions in the draft order, because the {{ title.defendant_label }}'s anti-social behaviour includes the use or threatened use of violence against other persons{% if violent_dates %} (the incidents of {{ violent_dates }}){% endif %}, and I believe there is a significant risk of harm to {{ victim_names or 'others' }} from the {{ title.defendant_label }}.", style=N)
tag(doc, "{%p endif %}")

tag(doc, "{%p if injunction.without_notice %}")
heading(doc, "Why notice was not given", 2)
para(doc, "I ask the court to deal with this application without notice to the {{ title.defendant_label }}, under section 6 of the Act. I believe that if the {{ title.defendant_label }} were told of the application before the court can act, {{ victim_names or 'those affected' }} would be at risk of further violence or intimidation{% if violent_dates %}, given the threats of violence on {{ violent_dates }}{% endif %}{% if last_incident %}; the most recent incident was on {{ last_incident }}{% endif %}. The {{ title.defendant_label }} will be able to apply to the court to vary or discharge any order made, and to be heard on the return date.", style=N)
heading(doc, "What the {{ title.defendant_label }} might say (full and frank disclosure)", 2)
para(doc, "I am aware of my duty to tell the court of anything the {{ title.defendant_label }} might say against this application. The {{ title.defendant_label }} has not yet had the chance to answer the allegations, and may deny them.", style=N)
tag(doc, "{%p if hearsay_count %}")
para(doc, "I did not see {% if hearsay_count == incidents|length %}any{% else %}{{ hearsay_count }}{% endif %} of the incidents I describe myself: my account of {% if hearsay_count == 1 %}it{% else %}them{% endif %} is what I was told, and the {{ title.defendant_label }} may say the people who told me are mistaken or are not telling the truth.", style=N)
tag(doc, "{%p endif %}")
tag(doc, "{%p if not_seen_dates %}")
para(doc, "No one saw who was responsible for the incident{% if ' and ' in not_seen_dates %}s{% endif %} of {{ not_seen_dates }}, and the {{ title.claimant_label }} does not say that the {{ title.defendant_label }} was seen doing {% if ' and ' in not_seen_dates %}them{% else %}it{% endif %}.", style=N)
tag(doc, "{%p endif %}")
tag(doc, "{%p if anonymous_witnesses %}")
para(doc, "Part of the evidence comes from {% if anonymous_witnesses == 1 %}a witness{% else %}witnesses{% endif %} whose identity the {{ title.claimant_label }} asks the court to protect ({% if title.youth %}see its application to withhold their identity{% else %}CPR 39.2(4){% endif %}). The {{ title.defendant_label }} may say that evidence from someone the {{ title.defendant_label }} cannot identify cannot fairly be answered.", style=N)
tag(doc, "{%p endif %}")
tag(doc, "{%p if police_references %}")
para(doc, "The police have been involved (references {{ police_references }}). The {{ title.defendant_label }} may say that none of these matters has been proved in a criminal court, or that the court should wait for the outcome of any criminal proceedings. This application is civil, decided on the balance of probabilities, and is needed to protect {{ victim_names or 'those affected' }} now.", style=N)
tag(doc, "{%p endif %}")
para(doc, "The {{ title.defendant_label }} may say that the terms restrict the {{ title.defendant_label }}'s freedom of movement and private life (Article 8 of the European Convention on Human Rights).{% if injunction.exclusion_zone %} The exclusion zone is limited to the area described above.{% endif %}{% if title.youth %} The {{ title.defendant_label }} is under 18, and the court will take the {{ title.defendant_label }}'s age and welfare into account.{% endif %}", style=N)
tag(doc, "{%p endif %}")

tag(doc, "{%p if title.youth %}")
truth = [heading(doc, "Declaration", 2)]
truth += [para(doc, "I believe that the facts stated in this witness statement are true. I make it knowing that it will be put before the youth court as evidence, and I am willing to attend the hearing to give evidence and be cross-examined on it.")]
tag(doc, "{%p else %}")
truth += [heading(doc, "Statement of truth", 2)]
truth += [para(doc, "I believe that the facts stated in this witness statement are true. I understand that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a document verified by a statement of truth without an honest belief in its truth.")]
tag(doc, "{%p endif %}")
truth += [doc.add_paragraph()]
truth += [para(doc, "Signed: ..................................................")]
truth += [para(doc, "Name: {{ officer.name }}")]
truth += [para(doc, "Position: {{ officer.job_title }}, {{ association.name }}")]
truth += [para(doc, "Date: ..................................................")]
keep_together(truth)

# the youth court: the notice of hearsay evidence (SI 1999/681 r.3), on a page of its own
tag(doc, "{%p if title.youth and hearsay_count %}")
breaker = doc.add_paragraph()
breaker.add_run().add_break(WD_BREAK.PAGE)
centred(doc, "HEARSAY NOTICE", size=13, space_after=2)
centred(doc, "Section 2 of the Civil Evidence Act 1995 and rule 3 of " + HEARSAY_RULES, bold=False, size=10, space_after=6)
para(doc, "To the {{ title.defendant_label }}, {{ names[respondent.id] }}, and to the justices' clerk of the {{ title.court_name }}.")
para(doc, "This is a hearsay notice. The {{ title.claimant_label }}, {{ association.name }}, intends to give hearsay evidence at the hearing of its application for an injunction against the {{ title.defendant_label }}: the statements of the people named below, which are repeated in the {{ statement_number }} witness statement of {{ officer.name }} dated {{ doc.date|date }} (above), as evidence of the facts they state.")  # a notice of its own: not numbered on from the statement
tag(doc, "{%p for e in incidents if e.hearsay %}")
numbered_para(doc, "({{ loop.index }})", "The incident of {{ e.when }}{% if e.place %}, {{ e.place }}{% endif %}: what {{ e.sources }} told the {{ title.claimant_label }}. Why {% if ' and ' in e.sources %}they are{% else %}the maker is{% endif %} not being called to give oral evidence: ........................................", level=2)
tag(doc, "{%p endfor %}")
para(doc, "The {{ title.claimant_label }} serves this notice on the {{ title.defendant_label }} and files a copy with the court not less than 21 days before the hearing (rule 3(1)){% if injunction.without_notice %}; because the application is made without notice, it asks the court to direct a different period under rule 3(2) for any hearing sooner than that{% endif %}. The {{ title.defendant_label }} may apply to the court, within 7 days after this notice is served unless the court directs otherwise, for permission to call and cross-examine the person who made any of these statements (rule 4).")
sign = [para(doc, "Signed: ..................................................")]
sign += [para(doc, "For and on behalf of the {{ title.claimant_label }}, {{ association.name }} ({{ officer.name }}, {{ officer.job_title }})")]
sign += [para(doc, "Date: {{ doc.date|date }}")]
keep_together(sign)
tag(doc, "{%p endif %}")
finish(doc)
save(
    doc, "witness-statement",
    title="Witness statement",
    description=DESCRIPTION,
    version=3,
    effective_from=date(2020, 4, 6),
    change_note="Youth court (respondent under 18): no CPR wording (a signed declaration, not the PD 22 statement of truth; Case No.; Applicant and Respondent) and, where the statement repeats what others said, a hearsay notice under SI 1999/681 r.3 on a page of its own. The county court statement is version 2's. Supersedes version 2 for every date.",
)
