"""Revision 2 of the Easy Read consent form (``format: easy_read``), for version 1 of the English.

The English form changed when consent was done right (issue 14): each organisation with
its own purposes; a record on another lawful basis where the person is not free to refuse
(an Acceptable Behaviour Contract, a child), which informs and asks for no consent; the
interpreter's declaration and signature, with no leftover prompt. Revision 1
(``build_v1_easy_read.py``) was made from the English before that; this one says the same
as the English form now does, in short sentences, one idea a line, each with a picture.
It is recorded through ``letterhead.record`` (``add_version``) as the next revision
of the Easy Read version (``templates new-version --language en-x-easyread`` does the same).
"""

import sys
from datetime import date
from pathlib import Path

from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from easyread import EASY_READ, easy_document, ideas
from forms import fact_table, signature_table, tick_table
from letterhead import heading, para, record, set_widths, tag

PURPOSES = "{% for purpose in agency.purposes %}{{ purpose }}{% if not loop.last %}; {% endif %}{% else %}To help you, and to stop the harassment.{% endfor %}"
WHO = "{% if minor %}{{ party.name }}{% else %}you{% endif %}"

doc = easy_document()
tag(doc, "{%p if basis == 'consent' %}")
heading(doc, "Can we share your information?", 0)
tag(doc, "{%p else %}")
heading(doc, "We will share your information", 0)
tag(doc, "{%p endif %}")
fact_table(doc, [
    ("Your name", "{{ party.name }}"),
    ("Your case number", "{{ case.reference }}"),
    ("Who to talk to", "{{ officer.name }}, {{ officer.phone }}"),
])

# -- another lawful basis: the person is not free to refuse, so no consent is asked for
tag(doc, "{%p if basis != 'consent' %}")
ideas(doc, None, [
    ("share", f"We will tell some other groups about {WHO} and what happened."),
    ("no", "We are not asking for a yes. {% if minor %}{{ party.name }} cannot{% else %}You cannot{% endif %} really say no to this."),
    ("document", "It is part of a promise about how to behave, or other things we are doing."),
    ("tr", "{%tr if minor %}"),
    ("person", "{{ party.name }} is under 18. We have talked to {% for guardian in guardians %}{{ guardian.name }}{% if not loop.last %} and {% endif %}{% endfor %} too."),
    ("tr", "{%tr endif %}"),
])
ideas(doc, "What you can do", [
    ("talk", "You can ask us why we need to share it."),
    ("phone", "You can tell us you do not want it. Call {{ officer.name }} on {{ officer.phone }}."),
    ("no", "We will think about it. We will stop, unless there is a strong reason."),
    ("talk", "If we do not stop, we will tell you why."),
    ("lock", "We will only share what each group needs. Nothing else."),
])
heading(doc, "Who we will tell, and why")
table = doc.add_table(rows=2, cols=2)
table.style = "Table Grid"
for cell, text in zip(table.rows[0].cells, ("Group", "Why we will tell them")):
    cell.paragraphs[0].add_run(text).bold = True
table.rows[1].cells[0].paragraphs[0].add_run("{%tr for agency in agencies %}")
for cell, text in zip(table.add_row().cells, ("{{ agency.name }}", PURPOSES)):
    cell.paragraphs[0].add_run(text)
table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
set_widths(table, (Mm(66), Mm(100)))
doc.add_paragraph()

# -- consent: optional, one box per organisation, withdrawable
tag(doc, "{%p else %}")
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
    ("no", "If you say no, we will still help you.{% if party.tenancy %} It will not change your tenancy.{% endif %}"),
    ("share", "You can say yes to some groups and no to others."),
    ("phone", "You can change your mind at any time. Call {{ officer.name }} on {{ officer.phone }}, or call {{ association.harassment_line }}."),
    ("letter", "Or email {{ association.email }}. Then we will stop sharing."),
])
heading(doc, "Who we would tell, and why")
para(doc, "Put a tick in the box for each group you say yes to. Leave the box empty for no.").paragraph_format.keep_with_next = True
tick_table(doc, ("Tick", "Group", "Why we would tell them"), "agency in agencies", ("{{ agency.name }}", PURPOSES), (Mm(16), Mm(60), Mm(90)))
ideas(doc, None, [
    ("no", "We will not use it for anything else. We will not tell anyone else unless we ask you first."),
])
tag(doc, "{%p endif %}")

ideas(doc, "What we {% if basis == 'consent' %}would{% else %}will{% endif %} tell them", [
    ("person", "Your name, address, phone number and email."),
    ("calendar", "What happened, when and where, and who did it."),
    ("camera", "Things that show what happened, like photos and notes."),
    ("document", "What we and others have done to help."),
    ("interpreter", "What help you need, like someone who speaks your language."),
])
tag(doc, "{%p if basis == 'consent' %}")
heading(doc, "Private things about you")
para(doc, "Some things about you are very private. We will only share these if you tick the box. We will only tell the groups you ticked above.").paragraph_format.keep_with_next = True
tick_table(
    doc, ("Tick", "Yes, you can share things about"), "category in special_categories",
    ("{% if category == 'health' %}my health, and any disability or injury{% elif category == 'race' %}my race, or where I or my family come from{% elif category == 'religion' %}my religion or what I believe{% elif category == 'sexual_orientation' %}who I love{% elif category == 'gender_identity' %}my gender, and if I am trans{% else %}{{ category|words }}{% endif %}",),
    (Mm(16), Mm(150)),
)
tag(doc, "{%p endif %}")
ideas(doc, "How long we keep it", [
    ("clock", "We keep your case notes and this form for {{ retention_years }} years after the case ends. Then we destroy them safely."),
    ("document", "Each group keeps it under its own rules. They will tell you about them."),
])
ideas(doc, "The law", [
    ("tr", "{%tr if basis == 'consent' %}"),
    ("tick", "We only share it because you say yes."),
    ("lock", "We only share private things if you tick their box."),
    ("tr", "{%tr else %}"),
    ("document", "{% if basis == 'public_task' %}We share it to stop harassment. That is part of our public job.{% elif basis == 'legitimate_interests' %}We need to share it to stop harassment in our homes. We thought about what is fair to you.{% elif basis == 'vital_interests' %}We need to share it to keep someone safe from great harm.{% else %}The law says we must share it.{% endif %}"),
    ("lock", "We will not share private things, like your health, unless the law lets us. We will tell you if we do."),
    ("tr", "{%tr endif %}"),
    ("police", "The law lets us tell the police and the council, to stop crime. We do not have to."),
    ("danger", "We share without a yes only if the law says so, or to keep someone safe. We will tell you, unless that puts someone in danger."),
    ("talk", "You can ask to see it. You can ask us to fix it if it is wrong."),
    ("phone", "You can complain to the Information Commissioner on 0303 123 1113."),
])
para(doc, "The law: UK GDPR and the Data Protection Act 2018, {% if basis == 'consent' %}Article 6(1)(a) and Article 9(2)(a){% elif basis == 'public_task' %}Article 6(1)(e){% elif basis == 'legitimate_interests' %}Article 6(1)(f){% elif basis == 'vital_interests' %}Article 6(1)(d){% else %}Article 6(1)(c){% endif %}; Crime and Disorder Act 1998, section 115. Our Data Protection Officer: {{ association.data_protection_officer }}.")

heading(doc, "{% if basis == 'consent' %}Your answer{% else %}What we wrote down{% endif %}")
fact_table(doc, [
    ("Language used", "{{ language_used|language }}"),
    ("{%tr if interpreter_name or not recorded %}", ""),
    ("Interpreter", "{{ interpreter_name }}"),
    ("{%tr endif %}", ""),
    ("{% if basis == 'consent' %}How you said yes{% else %}How we told you{% endif %}", "{% if recorded %}{% if recorded.method == 'written' %}In writing{% elif recorded.method == 'verbal' %}{% if basis == 'consent' %}You told the officer{% else %}The officer told you{% endif %}{% else %}Through an interpreter{% endif %}{% else %}☐ in writing   ☐ {% if basis == 'consent' %}told the officer{% else %}the officer told me{% endif %}   ☐ through an interpreter{% endif %}"),
    ("Date", "{% if recorded %}{{ recorded.given|date }}{% endif %}"),
])
tag(doc, "{%p if basis == 'consent' %}")
para(doc, "I have read this form{% if party.interpreter or interpreter_name %}, or someone read it with me{% endif %}. I know what will be shared, with who and why. I know I can change my mind. I say yes to what I ticked.").paragraph_format.keep_with_next = True
tag(doc, "{%p else %}")
para(doc, "{% if minor %}We{% else %}I{% endif %} have been told what will be shared, with who and why, and how to ask for it to stop.").paragraph_format.keep_with_next = True
tag(doc, "{%p endif %}")
tag(doc, "{%p if minor %}")
para(doc, "{{ party.name }} is under 18, so a parent or carer signs too.")
tag(doc, "{%p endif %}")
signature_table(
    doc, ("Signed by", "Name", "Signature", "Date"),
    "signer in [party] + guardians",
    "{% if signer.id == party.id %}You{% else %}Parent or carer{% endif %}",
    "{{ signer.name }}",
)
tag(doc, "{%p if interpreter_name %}")
heading(doc, "What the interpreter says")
para(doc, "I, {{ interpreter_name }}, read this form with {{ party.name }}{% if language_used != 'en' %} in {{ language_used|language }}{% endif %}. I said all of it, and I said it right. {{ party.name }} told me they understood it. They could ask questions before they {% if basis == 'consent' %}decided{% else %}signed{% endif %}.").paragraph_format.keep_with_next = True
signature_table(doc, ("Interpreter", "Name", "Signature", "Date"), "person in [interpreter_name]", "Interpreter", "{{ person }}")
tag(doc, "{%p endif %}")
signature_table(
    doc, ("With", "Name", "Signature", "Date"), "person in [officer]",
    "{{ association.name }}", "{{ person.name }}, {{ person.job_title }}",
)
doc.paragraphs[-1].paragraph_format.keep_with_next = True  # the last line never alone on a page
para(doc, "We will give you a copy of this form.")

record(
    doc, "consent-form", title="Sharing your information",  # the Easy Read title, for the PDF and screen readers
    language=EASY_READ, effective_from=date(2026, 11, 30), today=date(2026, 11, 30),
    change_note="Easy Read version of version 1, revision 2: made from the English form as it is now (each organisation's "
    "own purposes, the record on another lawful basis, the interpreter's declaration).",
    translation_status="unreviewed",
    translated_by="Easy Read draft written with the casedocs tooling (AI-assisted) on 2026-11-30; to be checked "
    "with people who use Easy Read before it is marked reviewed",
)
