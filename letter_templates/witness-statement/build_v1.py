"""Version 1 of the case officer's witness statement (CPR Part 32 and PD 32; PD 22 statement of truth).

Court layout, no letterhead. Top right (PD 32 17.1): the party, the witness's initials and
surname, the statement's number, the exhibit marks and the date. Numbered paragraphs (Word's
own numbering, "List Number"), numbered pages. Every name comes from the ``names`` mapping,
so that the respondent's copy says "Witness A" for an anonymous witness.
"""

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from courtstyle import centred, court_document, finish, keep_together, rule, runs, title_block
from letterhead import heading, para, save, tag

doc = court_document()

corner = doc.add_paragraph()
corner.alignment = WD_ALIGN_PARAGRAPH.RIGHT
corner.paragraph_format.line_spacing = 1.0
corner.add_run(
    "Claimant\n{{ witness_short }}\n{{ statement_number }} statement\nExhibits {{ exhibit_marks }}\n{{ doc.date|date }}"
).font.size = Pt(11)

title_block(doc)
rule(doc)
centred(doc, "WITNESS STATEMENT OF {{ officer.name|upper }}", size=13, space_after=2)
tag(doc, "{%p if respondent_copy %}")
centred(doc, "Copy served on the Defendant: witnesses whose identity is protected are referred to as “Witness A” (and so on), not by name", bold=False, size=9, space_after=2)
tag(doc, "{%p endif %}")
rule(doc)

N = "List Number"
heading(doc, "Introduction", 2)
para(doc, "I, {{ officer.name }}, am employed by the Claimant, {{ association.name }}, as {{ officer.job_title }}. I work at {{ association.address|join(', ') }}, {{ association.postcode }}. I am the Claimant's case officer for its case {{ case.reference }}, about harassment in and around {{ case.location.address|join(', ') }}{% if case.location.estate %} on the {{ case.location.estate }}{% endif %}, and I am authorised to make this statement on the Claimant's behalf.", style=N)
para(doc, "I make this statement in support of the Claimant's application{% if injunction.without_notice %}, made without notice to the Defendant,{% endif %} for an injunction against {{ names[respondent.id] }} under section 1 of the Anti-social Behaviour, Crime and Policing Act 2014 (\"the Act\"){% if injunction.power_of_arrest %}, with a power of arrest under section 4 of the Act{% endif %}.", style=N)
para(doc, "The facts in this statement are within my own knowledge, or come from the Claimant's records of this case, which I keep, unless I say otherwise. Where I repeat what someone else has told me, I say who told me, and I believe what they told me to be true.", style=N)
para(doc, "I refer in this statement to documents exhibited to it, each marked with my initials and a number ({{ exhibit_marks }}).{% if respondent_copy %} Exhibits that would identify a witness whose identity is protected are not in the copy served on the Defendant; they are in the copy filed with the court.{% endif %}", style=N)

heading(doc, "The Defendant", 2)
tag(doc, "{%p if respondent_tenancy %}")
para(doc, "The Defendant, {{ names[respondent.id] }}{% if respondent.date_of_birth %}, who was born on {{ respondent.date_of_birth|date }} and is {{ respondent_age }} years old{% endif %}, is {% if respondent_tenancy.type and respondent_tenancy.type != 'none' %}the {{ respondent_tenancy.type|words }} tenant{% else %}the occupier{% endif %}{% if respondent_address %} of {{ respondent_address }}{% else %} of a home let by the Claimant{% endif %}{% if respondent_tenancy.start %}, under a tenancy that began on {{ respondent_tenancy.start|date }}{% endif %}{% if respondent_tenancy.reference %} (tenancy reference {{ respondent_tenancy.reference }}){% endif %}. {{ tenancy_sentence }}", style=N)
tag(doc, "{%p for clause in respondent_tenancy.clauses %}")
para(doc, "Clause {{ clause.number }} of the tenancy agreement says: “{{ clause.text }}”", style=N)
tag(doc, "{%p endfor %}")
tag(doc, "{%p else %}")
para(doc, "The Defendant, {{ names[respondent.id] }}{% if respondent.date_of_birth %}, who was born on {{ respondent.date_of_birth|date }} and is {{ respondent_age }} years old{% endif %}, {% if respondent_address %}lives at {{ respondent_address }}{% else %}is the person the Claimant seeks the injunction against{% endif %}. {{ tenancy_sentence }}", style=N)
tag(doc, "{%p endif %}")

heading(doc, "The incidents", 2)
para(doc, "I set out below, in date order, the incidents reported to the Claimant. Where I did not see an incident myself, I say who told me about it.", style=N)
tag(doc, "{%p for e in incidents %}")
runs(
    doc,
    ("{{ e.when }}{% if e.place %}, {{ e.place }}{% endif %}. ", True),
    ("{% if e.hearsay %}I did not see this incident myself. I am told by {{ e.sources }}, and believe it to be true, that {{ e.account }}{% else %}I saw this incident myself{% if e.also_seen_by %}, as did {{ e.also_seen_by }}{% endif %}. {{ e.account }}{% endif %}{% if e.reported %} It was reported to the Claimant on {{ e.reported }}.{% endif %}{% if e.police_reference %} The police reference is {{ e.police_reference }}.{% endif %}{% if e.exhibits %} {{ e.exhibit_sentence }}{% endif %}", False),
    style=N,
)
tag(doc, "{%p endfor %}")

tag(doc, "{%p if actions %}")
heading(doc, "What the Claimant has done", 2)
para(doc, "The Claimant has followed its harassment policy, which escalates from warnings to an application to the court. The steps taken, from the Claimant's case log, are these.", style=N)
tag(doc, "{%p for a in actions %}")
para(doc, "On {{ a.when }}, {{ a.text }}.{% if a.note %} The case log records: “{{ a.note }}”{% endif %}", style=N)
tag(doc, "{%p endfor %}")
tag(doc, "{%p endif %}")

heading(doc, "The order the Claimant asks for", 2)
para(doc, "I believe that the Defendant has engaged in anti-social behaviour within section 2 of the Act: conduct that has caused, or is likely to cause, harassment, alarm or distress to {{ victim_names }}, and conduct capable of causing them nuisance or annoyance in relation to their occupation of their home. I believe that it is just and convenient to grant an injunction to prevent the Defendant from engaging in further anti-social behaviour.", style=N)
para(doc, "The Claimant asks the court to make an injunction in the terms of the draft order filed with this statement, lasting {% if injunction.duration %}{{ injunction.duration }}{% else %}until further order{% endif %}.{% if injunction.exclusion_zone %} The exclusion zone it asks for is {{ injunction.exclusion_zone }}{% endif %}{% if other_exhibits %} {{ other_sentence }}{% endif %}", style=N)
tag(doc, "{%p if injunction.power_of_arrest %}")
para(doc, "I ask the court to attach a power of arrest to the prohibitions in the order, under section 4 of the Act, because the Defendant's anti-social behaviour includes the use or threatened use of violence against other persons{% if violent_dates %} (the incidents of {{ violent_dates }}){% endif %}, and I believe there is a significant risk of harm to {{ victim_names }} from the Defendant.", style=N)
tag(doc, "{%p endif %}")
tag(doc, "{%p if injunction.without_notice %}")
para(doc, "I ask the court to deal with this application without notice to the Defendant, under section 6 of the Act. I believe that if the Defendant were told of the application before the court can act, {{ victim_names }} would be at risk of further violence or intimidation{% if violent_dates %}, given the threats of violence described above{% endif %}. The Defendant will be able to apply to the court to vary or discharge any order made{% if injunction.hearing %}, and the court has listed a hearing on {{ injunction.hearing|datetime }}{% endif %}.", style=N)
tag(doc, "{%p endif %}")

truth = [heading(doc, "Statement of truth", 2)]
truth += [para(doc, "I believe that the facts stated in this witness statement are true. I understand that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a document verified by a statement of truth without an honest belief in its truth.")]
truth += [doc.add_paragraph()]
truth += [para(doc, "Signed: ..................................................")]
truth += [para(doc, "Name: {{ officer.name }}")]
truth += [para(doc, "Position: {{ officer.job_title }}, {{ association.name }}")]
truth += [para(doc, "Date: ..................................................")]
keep_together(truth)
finish(doc)
save(
    doc, "witness-statement",
    title="Witness statement",
    description="The case officer's witness statement for an injunction under Part 1 of the Anti-social Behaviour, Crime and Policing Act 2014 (CPR PD 32 form, PD 22 statement of truth); options {for_respondent: yes} for the copy served on the respondent.",
)
