"""Version 1 of the consent to share information form in Easy Read (``format: easy_read``).

It asks for the same consent as the standard form (policy 8.5, 8.6; ICO guidance under the
UK GDPR): every organisation with its own empty box, the reasons, what is shared, a box for
each kind of sensitive information, that saying no is fine and consent can be taken back,
how long records are kept, and the record of how consent was given -- in short sentences,
one idea per line, each with a picture.
"""

import sys
from datetime import date
from pathlib import Path

from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from easyread import EASY_READ, easy_document, ideas
from forms import fact_table, signature_table, tick_table
from letterhead import heading, para, save, tag

doc = easy_document()
heading(doc, "Can we share your information?", 0)
fact_table(doc, [
    ("Your name", "{{ party.name }}"),
    ("Your case number", "{{ case.reference }}"),
    ("Who to talk to", "{{ officer.name }}, {{ officer.phone }}"),
])
ideas(doc, None, [
    ("share", "We would like to tell some other groups about you and what happened."),
    ("tr", "{%tr if party.role in ['perpetrator', 'contractor'] %}"),
    ("support", "This is so they can help you change what you do, and so it stops."),
    ("tr", "{%tr else %}"),
    ("support", "This is so they can help you, and so we can stop the harassment."),
    ("tr", "{%tr endif %}"),
])
ideas(doc, "It is up to you", [
    ("tick", "You can say yes or no. Saying no is fine."),
    ("no", "If you say no, we will still help you."),
    ("share", "You can say yes to some groups and no to others."),
    ("phone", "You can change your mind at any time. Call {{ officer.name }} on {{ officer.phone }}, or call {{ association.harassment_line }}."),
    ("letter", "Or email {{ association.email }}. Then we will stop sharing."),
])
heading(doc, "Who we would tell")
para(doc, "Put a tick in the box for each group you say yes to. Leave the box empty for no.").paragraph_format.keep_with_next = True
tick_table(doc, ("Tick", "Group"), "agency in agencies", ("{{ agency.name }}",), (Mm(16), Mm(150)))
ideas(doc, "Why we would tell them", [
    ("tr", "{%tr for purpose in purposes %}"),
    ("support", "{{ purpose }}"),
    ("tr", "{%tr else %}"),
    ("support", "To help you and to stop the harassment."),
    ("tr", "{%tr endfor %}"),
    ("no", "We will not use it for anything else unless we ask you first."),
])
ideas(doc, "What we would tell them", [
    ("person", "Your name, address, phone number and email."),
    ("calendar", "What happened, when and where, and who did it."),
    ("camera", "Things that show what happened, like photos and notes."),
    ("document", "What we and others have done to help."),
    ("interpreter", "What help you need, like someone who speaks your language."),
])
heading(doc, "Private things about you")
para(doc, "Some things about you are very private. We will only share these if you tick the box. We will only tell the groups you ticked above.").paragraph_format.keep_with_next = True
tick_table(
    doc, ("Tick", "Yes, you can share things about"), "category in special_categories",
    ("{% if category == 'health' %}my health, and any disability or injury{% elif category == 'race' %}my race, or where I or my family come from{% elif category == 'religion' %}my religion or what I believe{% elif category == 'sexual_orientation' %}who I love{% elif category == 'gender_identity' %}my gender, and if I am trans{% else %}{{ category|words }}{% endif %}",),
    (Mm(16), Mm(150)),
)
ideas(doc, "How long we keep it", [
    ("clock", "We keep your case notes and this form for {{ retention_years }} years after the case ends. Then we destroy them safely."),
    ("document", "The law says how we must look after your information."),
    ("talk", "You can ask to see it. You can ask us to fix it if it is wrong."),
    ("phone", "You can complain to the Information Commissioner on 0303 123 1113."),
])
heading(doc, "Your answer")
fact_table(doc, [
    ("Language used", "{{ language_used|language }}"),
    ("Helper who read it with you", "{% if interpreter_name %}{{ interpreter_name }}{% else %}Name, if someone helped:{% endif %}"),
    ("How you said yes", "{% if recorded %}{% if recorded.method == 'written' %}In writing{% elif recorded.method == 'verbal' %}You told the officer{% else %}Through an interpreter{% endif %}{% else %}☐ in writing   ☐ told the officer   ☐ through an interpreter{% endif %}"),
    ("Date", "{% if recorded %}{{ recorded.given|date }}{% endif %}"),
])
para(doc, "I have read this form{% if party.interpreter %}, or someone read it with me{% endif %}. I know what will be shared, with who and why. I know I can change my mind. I say yes to what I ticked.").paragraph_format.keep_with_next = True
tag(doc, "{%p if minor %}")
para(doc, "{{ party.name }} is under 18, so a parent or carer signs too.")
tag(doc, "{%p endif %}")
signature_table(
    doc, ("Signed by", "Name", "Signature", "Date"),
    "signer in [party] + guardians",
    "{% if signer.id == party.id %}You{% else %}Parent or carer{% endif %}",
    "{{ signer.name }}",
)
signature_table(
    doc, ("With", "Name", "Signature", "Date"), "person in [officer]",
    "{{ association.name }}", "{{ person.name }}, {{ person.job_title }}",
)
para(doc, "We will give you a copy of this form.")
save(
    doc, "consent-form",
    title="Consent to share information",
    description="Consent to share a party's information with named partner agencies (policy 8.5, 8.6), to the ICO's "
    "guidance under the UK GDPR and the Data Protection Act 2018: one unticked box per organisation.",
    language=EASY_READ,
    effective_from=date(2026, 11, 30),
    review_due=date(2029, 11, 30),
    change_note="Easy Read version of version 1.",
    translation_status="unreviewed",
    translated_by="Easy Read draft written with the casedocs tooling (AI-assisted) on 2026-11-30; to be checked "
    "with people who use Easy Read before it is marked reviewed",
)
