"""Version 1 of the letter confirming an ABC review's outcome in writing, as the contract
promises: to the individual or to the parents or guardians of one under 18 (policy 9.1)."""

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from abc_parts import contact, if_broken, opening, terms_reminder
from letterhead import address_block, heading, new_document, para, save, signature, tag

doc = new_document()
address_block(doc)
opening(doc, "The outcome of the review of your Acceptable Behaviour Contract", "The outcome of the review of {{ party.name }}'s Acceptable Behaviour Contract")
para(doc, "Thank you for taking part in the review of the Acceptable Behaviour Contract that {% if minor %}{{ party.name }}{% else %}you{% endif %} made with {{ association.name }} on {{ start|date }}. The review took place on {{ reviewed|date }}. As the contract says, we are confirming its outcome in writing.")
heading(doc, "What was decided")
para(doc, "{{ outcome }}")
heading(doc, "What happens next")
tag(doc, "{%p if ended %}")
para(doc, "The contract ended on {{ end|date }}.")
tag(doc, "{%p else %}")
para(doc, "The contract stays in force until {{ end|date }}, unless we agree in writing to change it or end it sooner. Please keep to every term until then{% if minor %}, and help {{ party.name }} to do so{% endif %}. If anything in this letter is not what was agreed at the review, please tell us within 14 days.")
tag(doc, "{%p endif %}")
if_broken(doc)
terms_reminder(doc)
contact(doc, "the contract")
signature(doc)
save(
    doc, "abc-review-outcome",
    title="The outcome of the review of your Acceptable Behaviour Contract",
    description="After a logged ABC review: the outcome in writing (from the review's outcome, never its notes), what "
    "happens next, the terms again; to the parents or guardians of a person under 18.",
    effective_from=date(2021, 1, 1),
)
