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
from letterhead import bullet, heading, new_document, para, save, set_widths, tag

doc = new_document()
tag(doc, "{%p if basis == 'consent' %}")
heading(doc, "Consent to share your information", 0)
tag(doc, "{%p else %}")
heading(doc, "Sharing your information: what we will do and why", 0)
tag(doc, "{%p endif %}")
fact_table(doc, [
    ("Your name", "{{ party.name }}"),
    ("Address", "{% if party.address %}{{ party.address|join(', ') }}{% if party.postcode %}, {{ party.postcode }}{% endif %}{% else %}{{ case.location.address|join(', ') }}, {{ case.location.postcode }}{% endif %}"),
    ("Case reference", "{{ case.reference }}"),
    ("Keniston officer", "{{ officer.name }}, {{ officer.job_title }}, {{ officer.phone }}"),
])
tag(doc, "{%p if basis != 'consent' %}")
para(doc, "{{ association.name }} (“Keniston”) will share information about {% if minor %}{{ party.name }}{% else %}you{% endif %} and about case {{ case.reference }} with the organisations named below, for the reasons given beside each. We are not asking for consent, because {% if minor %}{{ party.name }} is{% else %}you are{% endif %} not free to refuse: {% if minor %}{{ party.name }} is under 18, and {% endif %}this sharing is part of the Acceptable Behaviour Contract or other action we are taking. Consent that cannot freely be refused is not real consent, so we rely on another lawful basis, explained below{% if minor %}, and we have involved {% for guardian in guardians %}{{ guardian.name }}{% if not loop.last %} and {% endif %}{% endfor %} as {{ party.name }}'s parent or guardian{% endif %}.")
heading(doc, "Your rights")
bullet(doc, "You can ask us why the information is needed, and object to the sharing: tell {{ officer.name }} on {{ officer.phone }}. We will consider your objection, and stop unless there is a strong reason to continue, which we will explain to you.")
bullet(doc, "We will share only what each organisation needs for the reason given, and nothing else.")
tag(doc, "{%p else %}")
para(doc, "{{ association.name }} (“Keniston”) would like to share information about you and about case {{ case.reference }} with the organisations named below, {% if party.role in ['perpetrator', 'contractor'] %}so that they can offer you support to change the behaviour that has been reported, and so that together we can bring the harassment to an end{% else %}so that they can support you and so that together we can deal with the harassment{% endif %}. We will share it only with the organisations you agree to, and only for the reasons given.")

heading(doc, "It is your choice")
bullet(doc, "Giving consent is optional. If you say no, or change your mind later, it will not affect the help you get from us{% if party.tenancy %} or your tenancy{% endif %}.")
bullet(doc, "You can agree to some organisations and not to others.")
bullet(doc, "You can withdraw your consent at any time, for one organisation or for all of them, without giving a reason: tell {{ officer.name }} on {{ officer.phone }}, call our harassment line on {{ association.harassment_line }}, email {{ association.email }}, or write to us at {{ association.address_line }}. We will then stop sharing and tell the organisations. Withdrawing does not undo sharing that took place before.")

heading(doc, "Who we would share with, and why")
para(doc, "Tick the box next to each organisation you agree that we may share your information with, for the reasons given beside it. Leave the box empty if you do not agree.").paragraph_format.keep_with_next = True
tick_table(
    doc, ("Tick", "Organisation", "Why we would share with it"), "agency in agencies",
    ("{{ agency.name }}", "{% for purpose in agency.purposes %}{{ purpose }}{% if not loop.last %}; {% endif %}{% else %}To offer you support, and to help deal with the harassment you have experienced.{% endfor %}"),
    (Mm(16), Mm(60), Mm(90)),
)
para(doc, "We will not use your information for any other purpose, or share it with any other organisation, without asking you again.")
tag(doc, "{%p endif %}")
tag(doc, "{%p if basis != 'consent' %}")
heading(doc, "Who we will share with, and why")
table = doc.add_table(rows=2, cols=2)
table.style = "Table Grid"
for cell, text in zip(table.rows[0].cells, ("Organisation", "Why we will share with it")):
    cell.paragraphs[0].add_run(text).bold = True
table.rows[1].cells[0].paragraphs[0].add_run("{%tr for agency in agencies %}")
for cell, text in zip(table.add_row().cells, ("{{ agency.name }}", "{% for purpose in agency.purposes %}{{ purpose }}{% if not loop.last %}; {% endif %}{% endfor %}")):
    cell.paragraphs[0].add_run(text)
table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
set_widths(table, (Mm(60), Mm(106)))
doc.add_paragraph()
tag(doc, "{%p endif %}")

heading(doc, "What we would share")
bullet(doc, "Your name, address, telephone number and email address, and how you prefer to be contacted.")
bullet(doc, "What has happened: the dates, places and details of the incidents, and who is said to be responsible.")
bullet(doc, "Evidence such as photographs, statements, diary sheets and reports.")
bullet(doc, "What Keniston and other organisations have done about it.")
bullet(doc, "What help you need, for example an interpreter or information in another format.")

tag(doc, "{%p if basis == 'consent' %}")
heading(doc, "Sensitive information (special category data)")
para(doc, "Some information is especially sensitive, and the law calls it special category data. We will share the kinds of sensitive information below only if you give your explicit consent by ticking its box, only with the organisations you have ticked above, and only where it is relevant to the harassment.").paragraph_format.keep_with_next = True
tick_table(
    doc, ("Tick", "I give my explicit consent for Keniston to share information about"), "category in special_categories",
    ("{% if category == 'health' %}my health, including any disability and any injury{% elif category == 'race' %}my racial or ethnic origin, including my nationality{% elif category == 'religion' %}my religion or beliefs{% elif category == 'sexual_orientation' %}my sexual orientation{% elif category == 'gender_identity' %}my gender identity, including whether I am trans{% else %}{{ category|words }}{% endif %}",),
    (Mm(16), Mm(150)),
)

tag(doc, "{%p endif %}")
heading(doc, "How long we keep information")
para(doc, "We keep the records of your case, including this form, for {{ retention_years }} years after the case is closed, and then destroy them securely. Each organisation {% if basis == 'consent' %}you agree to share with{% else %}we share with{% endif %} keeps the information under its own privacy notice, which it will give you.")

heading(doc, "The law, and your rights")
tag(doc, "{%p if basis == 'consent' %}")
para(doc, "We handle your information under the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018. We will share with the organisations above because you consent (UK GDPR Article 6(1)(a)), and sensitive information only with your explicit consent (Article 9(2)(a)).")
tag(doc, "{%p else %}")
para(doc, "We handle this information under the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018. Our lawful basis for this sharing is {% if basis == 'public_task' %}that it is needed for a task in the public interest: preventing anti-social behaviour and harassment (UK GDPR Article 6(1)(e)){% elif basis == 'legitimate_interests' %}our legitimate interest in preventing anti-social behaviour and harassment in our homes, which we have weighed against {% if minor %}{{ party.name }}'s{% else %}your{% endif %} interests (UK GDPR Article 6(1)(f)){% elif basis == 'vital_interests' %}that it is needed to protect someone's life (UK GDPR Article 6(1)(d)){% else %}that the law requires it (UK GDPR Article 6(1)(c)){% endif %}. We will not share sensitive information (such as health) unless the law allows it without consent, and we will tell you if we do.")
tag(doc, "{%p endif %}")
para(doc, "Section 115 of the Crime and Disorder Act 1998 gives us a power, not a duty, to share information with the police, the council and other relevant authorities to prevent crime and disorder. That power does not override data protection law{% if basis == 'consent' %}, which is why we ask for your consent{% else %}, which is why we have explained the lawful basis above{% endif %}. Only where the law requires it, or to protect someone from serious harm, might we share information without consent; we would tell you unless that would put someone at risk.")
para(doc, "You have the right to see the information we hold about you, to have it corrected, and to complain to the Information Commissioner's Office (www.ico.org.uk, 0303 123 1113). You can contact our Data Protection Officer at {{ association.data_protection_officer }}.")

heading(doc, "{% if basis == 'consent' %}Record of consent{% else %}Record{% endif %}")
fact_table(doc, [
    ("{% if basis == 'consent' %}Name of the person consenting{% else %}Whose information{% endif %}", "{{ party.name }}"),
    ("Language used", "{{ language_used|language }}"),
    ("{%tr if interpreter_name or not recorded %}", ""),
    ("Interpreter", "{{ interpreter_name }}"),
    ("{%tr endif %}", ""),
    ("{% if basis == 'consent' %}How consent was given{% else %}How it was explained{% endif %}", "{% if recorded %}{% if recorded.method == 'written' %}In writing{% elif recorded.method == 'verbal' %}Verbally, recorded by the officer{% else %}Through an interpreter{% endif %}{% else %}☐ in writing   ☐ verbally, recorded by the officer   ☐ through an interpreter{% endif %}"),
    ("{% if basis == 'consent' %}Date consent was given{% else %}Date{% endif %}", "{% if recorded %}{{ recorded.given|date }}{% endif %}"),
])
tag(doc, "{%p if basis == 'consent' %}")
para(doc, "I have read this form{% if party.interpreter or interpreter_name %}, or had it interpreted for me,{% endif %} and I understand what information will be shared, with whom and why. I understand that I can withdraw my consent at any time. I agree to the sharing I have ticked above.").paragraph_format.keep_with_next = True
tag(doc, "{%p else %}")
para(doc, "{% if minor %}We{% else %}I{% endif %} have been told what information will be shared, with whom and why, and how to object.").paragraph_format.keep_with_next = True
tag(doc, "{%p endif %}")
tag(doc, "{%p if minor %}")
para(doc, "Because {{ party.name }} is under 18, a parent or guardian signs this form too.")
tag(doc, "{%p endif %}")
signature_table(
    doc, ("Signed by", "Name", "Signature", "Date"),
    "signer in [party] + guardians",
    "{% if signer.id == party.id %}{% if basis == 'consent' %}The person consenting{% else %}The person{% endif %}{% else %}Parent or guardian{% endif %}",
    "{{ signer.name }}",
)
tag(doc, "{%p if interpreter_name %}")
heading(doc, "Interpreter's declaration", 2)
para(doc, "I, {{ interpreter_name }}, interpreted this form {% if doc.language != language_used %}from {{ doc.language|language }} into {{ language_used|language }} {% endif %}for {{ party.name }}, fully and accurately. {{ party.name }} told me that they understood it, and had the chance to ask questions before {% if basis == 'consent' %}deciding{% else %}signing{% endif %}.").paragraph_format.keep_with_next = True
signature_table(doc, ("Interpreter", "Name", "Signature", "Date"), "person in [interpreter_name]", "Interpreter", "{{ person }}")
tag(doc, "{%p endif %}")
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
