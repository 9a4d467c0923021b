"""Version 1 of the acknowledgement in Easy Read (``format: easy_read``): the same promises
as the standard letter (policy 8.1), one idea per line, a picture beside each."""

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from easyread import EASY_READ, TEXT_PT, easy_document, ideas
from letterhead import address_block, heading, para, save, signature

doc = easy_document()
address_block(doc, size=TEXT_PT)
para(doc, "{{ recipient.salutation }},")
heading(doc, "We got your report", 0)
ideas(doc, None, [
    ("letter", "Thank you for telling us what happened."),
    ("calendar", "You told us on {{ case.received|date }}."),
    ("document", "Your case number is {{ case.reference }}."),
    ("no", "No one should be hurt or picked on because of who they are. We will do something about it."),
])
ideas(doc, "What happens next", [
    ("person", "{{ officer.name }} will help you. They work for us."),
    ("clock", "They will call you in the next day."),
    ("talk", "They will listen to you. You can tell them what you want us to do."),
    ("calendar", "We will tell you what we are doing at least every 2 weeks."),
    ("share", "We will only tell the police or others if you say yes. Or if the law says we must."),
])
ideas(doc, "Help we can give", [
    ("tr", "{%tr if party.role != 'staff_member' %}"),
    ("lock", "We can make your home safer. For example, new locks or lights."),
    ("house", "You do not have to move. We will help you stay safe at home."),
    ("tr", "{%tr endif %}"),
    ("support", "We can put you in touch with people who help."),
])
ideas(doc, "If you are in danger", [
    ("police", "Call the police on 999."),
    ("phone", "If no one is in danger right now, call the police on 101."),
])
ideas(doc, "Keep a record", [
    ("pen", "Write down what happens. Write when and where it happens."),
    ("camera", "Keep photos, texts and letters."),
])
ideas(doc, "Talk to us", [
    ("phone", "Call {{ officer.name }} on {{ officer.phone }}."),
    ("letter", "Or email {{ officer.email }}."),
    ("tr", "{%tr if party.interpreter %}"),
    ("interpreter", "We will get you someone who speaks {{ party.language|language }}. It is free."),
    ("tr", "{%tr else %}"),
    ("interpreter", "Tell us if you want someone to help you read this. It is free."),
    ("tr", "{%tr endif %}"),
])
signature(doc)
save(
    doc, "acknowledgement",
    title="Acknowledgement of your report",
    description="To a victim or complainant within 24 hours of the report (policy 8.1): next steps, support and protection, interpreter.",
    language=EASY_READ,
    effective_from=date(2026, 11, 30),
    review_due=date(2029, 11, 30),
    change_note="Easy Read version of version 1.",
    translation_status="unreviewed",
    translated_by="Easy Read draft written with the casedocs tooling (AI-assisted) on 2026-11-30; to be checked "
    "with people who use Easy Read before it is marked reviewed",
)
