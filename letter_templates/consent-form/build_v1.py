"""Version 1 of the consent to share information form (policy 8.5, 8.6).

Written to the ICO's guidance on consent under the UK GDPR and the Data Protection Act
2018 (the policy's "Data Protection Act 1998" is superseded): every organisation named,
each with its own empty tick box; the purposes; what is shared; explicit consent for
special category data, item by item; optional and withdrawable at any time, and how;
how long records are kept; a record of who consented, when, how and in which language
(and the interpreter's name); s.115 Crime and Disorder Act 1998 as a power, not a duty.
"""

import sys
from datetime import date
from pathlib import Path

from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from forms import fact_table, signature_table, tick_table
from letterhead import bullet, heading, new_document, para, save, tag

doc = new_document()
heading(doc, "Consent to share your information", 0)
fact_table(doc, [
    ("Your name", "{{ party.name }}"),
    ("Address", "{% if party.address %}{{ party.address|join(', ') }}{% if party.postcode %}, {{ party.postcode }}{% endif %}{% else %}{{ case.location.address|join(', ') }}, {{ case.location.postcode }}{% endif %}"),
    ("Case reference", "{{ case.reference }}"),
    ("Keniston officer", "{{ officer.name }}, {{ officer.job_title }}, {{ officer.phone }}"),
])
para(doc, "{{ association.name }} (“Keniston”) would like to share information about you and about case {{ case.reference }} with the organisations named below, {% if party.role in ['perpetrator', 'contractor'] %}so that they can offer you support to change the behaviour that has been reported, and so that together we can bring the harassment to an end{% else %}so that they can support you and so that together we can deal with the harassment{% endif %}. We will share it only with the organisations you agree to, and only for the reasons given.")

heading(doc, "It is your choice")
bullet(doc, "Giving consent is optional. If you say no, or change your mind later, it will not affect the help you get from us{% if party.tenancy %} or your tenancy{% endif %}.")
bullet(doc, "You can agree to some organisations and not to others.")
bullet(doc, "You can withdraw your consent at any time, for one organisation or for all of them, without giving a reason: tell {{ officer.name }} on {{ officer.phone }}, call our harassment line on {{ association.harassment_line }}, email {{ association.email }}, or write to us at {{ association.address_line }}. We will then stop sharing and tell the organisations. Withdrawing does not undo sharing that took place before.")

heading(doc, "Who we would share with")
para(doc, "Tick the box next to each organisation you agree that we may share your information with. Leave the box empty if you do not agree.").paragraph_format.keep_with_next = True
tick_table(doc, ("Tick", "Organisation"), "agency in agencies", ("{{ agency.name }}",), (Mm(16), Mm(150)))

heading(doc, "Why we would share it")
tag(doc, "{%p for purpose in purposes %}")
bullet(doc, "{{ purpose }}")
tag(doc, "{%p else %}")
bullet(doc, "To offer you support, and to help deal with the harassment you have experienced.")
tag(doc, "{%p endfor %}")
para(doc, "We will not use your information for any other purpose without asking you again.")

heading(doc, "What we would share")
bullet(doc, "Your name, address, telephone number and email address, and how you prefer to be contacted.")
bullet(doc, "What has happened: the dates, places and details of the incidents, and who is said to be responsible.")
bullet(doc, "Evidence such as photographs, statements, diary sheets and reports.")
bullet(doc, "What Keniston and other organisations have done about it.")
bullet(doc, "What help you need, for example an interpreter or information in another format.")

heading(doc, "Sensitive information (special category data)")
para(doc, "Some information is especially sensitive, and the law calls it special category data. We will share the kinds of sensitive information below only if you give your explicit consent by ticking its box, only with the organisations you have ticked above, and only where it is relevant to the harassment.").paragraph_format.keep_with_next = True
tick_table(
    doc, ("Tick", "I give my explicit consent for Keniston to share information about"), "category in special_categories",
    ("{% if category == 'health' %}my health, including any disability and any injury{% elif category == 'race' %}my racial or ethnic origin, including my nationality{% elif category == 'religion' %}my religion or beliefs{% elif category == 'sexual_orientation' %}my sexual orientation{% elif category == 'gender_identity' %}my gender identity, including whether I am trans{% else %}{{ category|words }}{% endif %}",),
    (Mm(16), Mm(150)),
)

heading(doc, "How long we keep information")
para(doc, "We keep the records of your case, including this form, for {{ retention_years }} years after the case is closed, and then destroy them securely. Each organisation you agree to share with keeps the information under its own privacy notice, which it will give you.")

heading(doc, "The law, and your rights")
para(doc, "We handle your information under the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018. We will share with the organisations above because you consent (UK GDPR Article 6(1)(a)), and sensitive information only with your explicit consent (Article 9(2)(a)).")
para(doc, "Section 115 of the Crime and Disorder Act 1998 gives us a power, not a duty, to share information with the police, the council and other relevant authorities to prevent crime and disorder. That power does not override data protection law, which is why we ask for your consent. Only where the law requires it, or to protect someone from serious harm, might we share information without consent; we would tell you unless that would put someone at risk.")
para(doc, "You have the right to see the information we hold about you, to have it corrected, and to complain to the Information Commissioner's Office (www.ico.org.uk, 0303 123 1113). You can contact our Data Protection Officer at {{ association.data_protection_officer }}.")

heading(doc, "Record of consent")
fact_table(doc, [
    ("Name of the person consenting", "{{ party.name }}"),
    ("Language used", "{{ language_used|language }}"),
    ("Interpreter", "{% if interpreter_name %}{{ interpreter_name }}{% else %}Name, if an interpreter was used:{% endif %}"),
    ("How consent was given", "{% if recorded %}{% if recorded.method == 'written' %}In writing{% elif recorded.method == 'verbal' %}Verbally, recorded by the officer{% else %}Through an interpreter{% endif %}{% else %}☐ in writing   ☐ verbally, recorded by the officer   ☐ through an interpreter{% endif %}"),
    ("Date consent was given", "{% if recorded %}{{ recorded.given|date }}{% endif %}"),
])
para(doc, "I have read this form{% if party.interpreter %}, or had it interpreted for me,{% endif %} and I understand what information will be shared, with whom and why. I understand that I can withdraw my consent at any time. I agree to the sharing I have ticked above.").paragraph_format.keep_with_next = True
tag(doc, "{%p if minor %}")
para(doc, "Because {{ party.name }} is under 18, a parent or guardian signs this form too.")
tag(doc, "{%p endif %}")
signature_table(
    doc, ("Signed by", "Name", "Signature", "Date"),
    "signer in [party] + guardians",
    "{% if signer.id == party.id %}The person consenting{% else %}Parent or guardian{% endif %}",
    "{{ signer.name }}",
)
signature_table(
    doc, ("Completed with", "Name", "Signature", "Date"), "person in [officer]",
    "{{ association.name }}", "{{ person.name }}, {{ person.job_title }}",
)
para(doc, "We will give you a copy of this form.", italic=True)
save(
    doc, "consent-form",
    title="Consent to share information",
    description="Consent to share a party's information with named partner agencies (policy 8.5, 8.6), to the ICO's "
    "guidance under the UK GDPR and the Data Protection Act 2018: one unticked box per organisation.",
    effective_from=date(2021, 1, 1),
)
