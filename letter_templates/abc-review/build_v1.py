"""Version 1 of the ABC review invitation: written before the review (about 3 months into the
contract), to the individual or to the parents or guardians of one under 18 (policy 9.1)."""

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from abc_parts import contact, if_broken, opening, terms_reminder
from letterhead import address_block, bullet, heading, new_document, numbered, para, save, signature, tag

doc = new_document()
address_block(doc)
opening(doc, "Review of your Acceptable Behaviour Contract", "Review of {{ party.name }}'s Acceptable Behaviour Contract")
tag(doc, "{%p if minor %}")
para(doc, "On {{ start|date }}, {{ party.name }} made an Acceptable Behaviour Contract with {{ association.name }}, and you signed it as {{ party.name }}'s parent or guardian. The contract lasts for {{ abc.months }} months, until {{ end|date }}, and we agreed to review it after {{ abc.review_after_months }} months.")
tag(doc, "{%p else %}")
para(doc, "On {{ start|date }}, you made an Acceptable Behaviour Contract with {{ association.name }}. The contract lasts for {{ abc.months }} months, until {{ end|date }}, and we agreed to review it after {{ abc.review_after_months }} months.")
tag(doc, "{%p endif %}")
heading(doc, "You are invited to the review meeting")
tag(doc, "{%p if meeting %}")
para(doc, "The review meeting will be on {{ meeting|datetime }}{% if minor %}, with you and {{ party.name }}{% endif %}. {{ officer.name }} will confirm where it will be held{% if partners %}; {% for partner in partners %}{% if partner.title %}{{ partner.title }} {% endif %}{{ partner.name }}{% if not loop.last %} and {% endif %}{% endfor %} will also be invited{% endif %}. If that time is not convenient, please tell us by return and we will agree another one.", bold=True)
tag(doc, "{%p elif review_passed %}")
para(doc, "The review was due on {{ review|date }}. {{ officer.name }} will contact you within the next few days to arrange the meeting as soon as possible{% if minor %}, with you and {{ party.name }}{% endif %}{% if partners %}; {% for partner in partners %}{% if partner.title %}{{ partner.title }} {% endif %}{{ partner.name }}{% if not loop.last %} and {% endif %}{% endfor %} will also be invited{% endif %}.")
tag(doc, "{%p else %}")
para(doc, "The review is due on {{ review|date }}. {{ officer.name }} will contact you to arrange a meeting on or around that date{% if minor %} with you and {{ party.name }}{% endif %}{% if partners %}; {% for partner in partners %}{% if partner.title %}{{ partner.title }} {% endif %}{{ partner.name }}{% if not loop.last %} and {% endif %}{% endfor %} will also be invited{% endif %}. If that date is not convenient, please tell us and we will agree another one.")
tag(doc, "{%p endif %}")
para(doc, "At the meeting we will talk about:")
bullet(doc, "whether the terms of the contract have been kept, and any incidents reported to us or to the police since it was signed;")
bullet(doc, "whether the support set out in the contract has been given and has helped, and whether anything else is needed;")
bullet(doc, "whether the contract should continue as it is, be changed, or end.")
para(doc, "We will write to you after the meeting to confirm what was decided.")
heading(doc, "What can happen after the review")
numbered(doc, "If the contract has been kept, it continues until {{ end|date }}, when it ends. We may agree to end it early, or to extend it if that would help.")
numbered(doc, "If something in the contract needs to change, we will agree the new terms with everyone who signed it and everyone will sign the changed contract.")
numbered(doc, "If the contract has been broken, we will decide what further action to take.")
if_broken(doc)
terms_reminder(doc)
contact(doc, "the review")
signature(doc)
save(
    doc, "abc-review",
    title="Review of your Acceptable Behaviour Contract",
    description="The invitation to an ABC's review (about 3 months in), written before it: the meeting, what is reviewed, "
    "the possible outcomes, a reminder of the terms; to the parents or guardians of a person under 18.",
    effective_from=date(2021, 1, 1),
)
