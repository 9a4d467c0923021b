"""Version 1 of the draft injunction order (Anti-social Behaviour, Crime and Policing Act 2014, Part 1).

Court layout, no letterhead. The penal notice is displayed prominently on the front (CPR
81.9). Every term is a numbered paragraph; terms with a power of arrest (s.4) come first,
each in its own paragraph, and the power-of-arrest paragraph names them by number; the
paragraph numbers come from the toolkit (``para``), so that they can refer to each other.
Made without notice (s.6): the respondent's right to apply to vary or discharge, and the
return date.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from courtstyle import boxed, centred, court_document, numbered_para, rule, title_block
from letterhead import heading, para, save, tag

doc = court_document(line_spacing=1.3)
boxed(doc, [
    ("PENAL NOTICE", True),
    ("IMPORTANT NOTICE TO THE RESPONDENT, {{ names[respondent.id]|upper }}", True),
    ("If you do not comply with this order you may be held in contempt of court and imprisoned or fined, or your assets may be seized.", True),
    ("You should read this order carefully. You are advised to consult a solicitor as soon as possible. You have the right to ask the court to vary or discharge this order.", False),
])
title_block(doc, defendant_label="Defendant (Respondent)")
rule(doc)
centred(doc, "DRAFT", size=11, space_after=0)
centred(doc, "INJUNCTION ORDER", size=14, space_after=0)
centred(doc, "Section 1 of the Anti-social Behaviour, Crime and Policing Act 2014 (\"the Act\")", bold=False, size=10, space_after=2)
rule(doc)

para(doc, "Before District Judge ........................................ sitting at the {{ injunction.court }} on ........................................")
para(doc, "UPON the application of the Claimant{% if injunction.without_notice %}, made without notice to the Respondent under section 6 of the Act{% endif %}")
para(doc, "AND UPON reading the witness statement of {{ officer.name }} dated {{ doc.date|date }} and its exhibits")
para(doc, "AND UPON the court being satisfied, on the balance of probabilities, that the Respondent, who is aged 10 or over, has engaged or threatens to engage in anti-social behaviour, and that it is just and convenient to grant this injunction for the purpose of preventing the Respondent from engaging in anti-social behaviour (section 1 of the Act)")
tag(doc, "{%p if arrest_terms %}")
para(doc, "AND UPON the court being satisfied that the anti-social behaviour in which the Respondent has engaged or threatens to engage consists of or includes the use or threatened use of violence against other persons, or that there is a significant risk of harm to other persons from the Respondent (section 4(1) of the Act)")
tag(doc, "{%p endif %}")
para(doc, "IN THIS ORDER “the Respondent” means the Defendant, {{ names[respondent.id] }}{% if respondent.date_of_birth %}, born on {{ respondent.date_of_birth|date }}{% endif %}{% if respondent_address %}, of {{ respondent_address }}{% endif %}.")
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
numbered_para(doc, "{{ para.zone }}.", "In this order the exclusion zone is {{ exclusion_zone }}")
tag(doc, "{%p endif %}")

heading(doc, "How long this order lasts", 2)
numbered_para(doc, "{{ para.duration }}.", "Paragraph{% if terms|length > 1 %}s{% endif %} {{ all_terms }} of this order last{% if terms|length == 1 %}s{% endif %} {{ duration }}, unless the court varies or discharges {% if terms|length > 1 %}them{% else %}it{% endif %} earlier.")

tag(doc, "{%p if para.arrest %}")
heading(doc, "Power of arrest", 2)
numbered_para(doc, "{{ para.arrest }}.", "Under section 4 of the Act, a power of arrest is attached to paragraph{% if ',' in arrest_terms or ' and ' in arrest_terms or ' to ' in arrest_terms %}s{% endif %} {{ arrest_terms }} of this order, for as long as those paragraphs last. A constable may arrest the Respondent without warrant if the constable has reasonable cause to suspect that the Respondent is in breach of any of those paragraphs (section 9 of the Act).")
tag(doc, "{%p endif %}")

heading(doc, "The Respondent's right to apply to the court", 2)
numbered_para(doc, "{{ para.vary }}.", "{% if injunction.without_notice %}This order was made without notice to the Respondent, and the Respondent has not yet had the chance to be heard. {% endif %}The Respondent may apply to the court to vary or discharge this order (section 8 of the Act){% if injunction.without_notice %} at any time, without waiting for the return date{% endif %}. Anyone who wishes to do so should first tell the Claimant, {{ association.name }} ({{ officer.name }}, {{ officer.phone }}, {{ officer.email }}), in writing.")
tag(doc, "{%p if para.return_date %}")
numbered_para(doc, "{{ para.return_date }}.", "The court will consider this order again at a hearing (the return date) on ……………………… at ………… at the {{ injunction.court }}. The Respondent may attend that hearing and give evidence. If the Respondent does not attend, the court may make an order in the Respondent's absence.")
tag(doc, "{%p endif %}")

heading(doc, "Service and costs", 2)
numbered_para(doc, "{{ para.service }}.", "This order must be served on the Respondent personally.{% if para.arrest %} A copy of paragraphs {{ arrest_terms }} and {{ para.arrest }} of this order must be delivered to the officer in charge of the police station for the area where the Respondent lives.{% endif %}")
numbered_para(doc, "{{ para.costs }}.", "Costs reserved.")

doc.add_paragraph()
para(doc, "Dated: ........................................").paragraph_format.keep_with_next = True
para(doc, "This draft order was prepared by the Claimant, {{ association.name }}, {{ association.address|join(', ') }}, {{ association.postcode }}; contact {{ officer.name }}, {{ officer.job_title }}, {{ officer.phone }}, {{ officer.email }}.")
save(
    doc, "draft-order",
    title="Draft injunction order",
    description="The draft order for an injunction under Part 1 of the Anti-social Behaviour, Crime and Policing Act 2014: numbered terms, exclusion zone, duration, power of arrest (s.4) in paragraphs of their own, without-notice wording and return date (s.6), penal notice.",
)
