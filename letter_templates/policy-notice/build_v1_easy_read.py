"""Version 1 of the harassment policy notice in Easy Read (``format: easy_read`` in a merge):
the same points as the standard notice (policy 6.3, 12.1), one idea per line, a picture beside each."""

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from easyread import EASY_READ, TEXT_PT, easy_document, ideas
from letterhead import address_block, heading, para, save

doc = easy_document(reference="", marking="")  # a notice to every tenant: no case, no marking
address_block(
    doc,
    "Date: {{ doc.date|date }}{% if recipient.tenancy_reference %}\nYour tenancy: {{ recipient.tenancy_reference }}{% endif %}\n"
    "Harassment line: {{ association.harassment_line }}\nEmail: {{ association.email }}",
    size=TEXT_PT,
)
para(doc, "{{ recipient.salutation }},")
heading(doc, "Harassment: what it is and how to tell us", 0)
ideas(doc, None, [
    ("house", "Everyone should feel safe at home."),
    ("letter", "We are writing to every home we rent out."),
])
ideas(doc, "What harassment is", [
    ("no", "Harassment is when someone hurts you or picks on you because of who you are."),
    ("talk", "For example, because of your race, your religion, a disability, your age, or who you love."),
    ("danger", "It can be hitting or pushing."),
    ("house", "It can be damage to your home or your things."),
    ("document", "It can be rude words written on walls."),
    ("phone", "It can be shouting, name-calling or threats. Face to face, by phone or online."),
    ("no", "It is also wrong to pick on someone for telling us."),
])
ideas(doc, "What we will do", [
    ("clock", "We will talk to you in the next day after you tell us."),
    ("talk", "We will listen. We will do what you want, if we can."),
    ("document", "We will take rude words off walls in 1 day."),
    ("share", "We will only tell the police or others if you say yes. Or if the law says we must."),
    ("lock", "We can make your home safer. For example, new locks or lights."),
    ("police", "We can stop the people who do it. In the end they could lose their home."),
])
ideas(doc, "How to tell us", [
    ("phone", "Call us on {{ association.harassment_line }} or {{ association.phone }}."),
    ("letter", "Email {{ association.email }}."),
    ("house", "Or come and see us at {{ association.address|join(', ') }}, {{ association.postcode }}."),
    ("police", "If you are in danger, call the police on 999."),
])
ideas(doc, "Other ways to read this", [
    ("interpreter", "You can have this in your own language, or in big print. It is free."),
    ("support", "We can get you someone to help you read it. It is free."),
])
para(doc, "From").paragraph_format.keep_with_next = True
para(doc, "Housing Services, {{ association.name }}", bold=True)
save(
    doc, "policy-notice",
    title="Harassment: our policy and how to report it",
    description="To every tenant (policy 6.3): what harassment is, what Keniston will do, how to report it, other languages and formats (12.1). A mail-merge document: one per row of a recipient list.",
    language=EASY_READ,
    effective_from=date(2026, 11, 30),
    review_due=date(2029, 11, 30),
    change_note="Easy Read version of version 1.",
    translation_status="unreviewed",
    translated_by="Easy Read draft written with the casedocs tooling (AI-assisted) on 2026-11-30; to be checked "
    "with people who use Easy Read before it is marked reviewed",
)
