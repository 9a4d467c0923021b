"""Version 1 of the ABC review letter: the review due about 3 months into the contract
(to the individual, or to the parents or guardians of one under 18, policy 9.1)."""

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from letterhead import address_block, bullet, heading, new_document, numbered, para, save, signature, tag

doc = new_document()
address_block(doc)
para(doc, "{{ recipient.salutation }},")
tag(doc, "{%p if minor %}")
heading(doc, "Review of {{ party.name }}'s Acceptable Behaviour Contract", 0)
para(doc, "On {{ start|date }}, {{ party.name }} made an Acceptable Behaviour Contract with {{ association.name }}, and you signed it as {{ party.name }}'s parent or guardian. The contract lasts for {{ abc.months }} months, until {{ end|date }}, and we agreed to review it after {{ abc.review_after_months }} months.")
tag(doc, "{%p else %}")
heading(doc, "Review of your Acceptable Behaviour Contract", 0)
para(doc, "On {{ start|date }}, you made an Acceptable Behaviour Contract with {{ association.name }}. The contract lasts for {{ abc.months }} months, until {{ end|date }}, and we agreed to review it after {{ abc.review_after_months }} months.")
tag(doc, "{%p endif %}")
heading(doc, "The review meeting")
para(doc, "The review is due on {{ review|date }}. {{ officer.name }} will contact you to arrange a meeting on or around that date{% if minor %} with you and {{ party.name }}{% endif %}{% if partners %}. {% for partner in partners %}{% if partner.title %}{{ partner.title }} {% endif %}{{ partner.name }}{% if not loop.last %} and {% endif %}{% endfor %} will also be invited{% endif %}. If that date is not convenient, please tell us and we will agree another one.")
para(doc, "At the meeting we will talk about:")
bullet(doc, "whether the terms of the contract have been kept, and any incidents reported to us or to the police since it was signed;")
bullet(doc, "whether the support set out in the contract has been given and has helped, and whether anything else is needed;")
bullet(doc, "whether the contract should continue as it is, be changed, or end.")
heading(doc, "What can happen after the review")
numbered(doc, "If the contract has been kept, it continues until {{ end|date }}, when it ends. We may agree to end it early, or to extend it if that would help.")
numbered(doc, "If something in the contract needs to change, we will agree the new terms with everyone who signed it and everyone will sign the changed contract.")
numbered(doc, "If the contract has been broken, we may use the breach as evidence to apply to the court for an injunction under Part 1 of the Anti-social Behaviour, Crime and Policing Act 2014 or, where there is a tenancy, to start possession proceedings. The contract itself is voluntary and not legally binding, but it is evidence that the behaviour was known about and that help was offered.")
heading(doc, "A reminder of what {% if minor %}{{ party.name }}{% else %}you{% endif %} agreed")
tag(doc, "{%p for term in abc.prohibitions %}")
bullet(doc, "{{ term }}")
tag(doc, "{%p endfor %}")
tag(doc, "{%p for term in abc.requirements %}")
bullet(doc, "{{ term }}")
tag(doc, "{%p endfor %}")
para(doc, "If you need this letter in another language or format, or an interpreter at the meeting, please tell us. To talk about the review, please contact {{ officer.name }} on {{ officer.phone }} or at {{ officer.email }}.")
signature(doc)
save(
    doc, "abc-review",
    title="Review of your Acceptable Behaviour Contract",
    description="The letter for an ABC's review date (about 3 months in): the meeting, what is reviewed, the possible "
    "outcomes, a reminder of the terms; to the parents or guardians of a person under 18.",
    effective_from=date(2021, 1, 1),
)
