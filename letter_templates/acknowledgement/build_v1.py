"""Version 1 of the acknowledgement to a victim (policy 8.1: initial action within 24 hours)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from letterhead import address_block, bullet, heading, new_document, para, save, signature, tag

doc = new_document()
address_block(doc)
para(doc, "{{ recipient.salutation }},")
heading(doc, "We have received your report", 0)
para(doc, "Thank you for telling us what has been happening. We received your report on {{ case.received|date }} at {{ case.received|time }} and have opened case {{ case.reference }}. Harassment and hate crime are never acceptable, and we take every report seriously. We will respect your wishes about what we do next.")
tag(doc, "{%p if party.role == 'staff_member' %}")
para(doc, "Harassment of our staff by tenants is dealt with in exactly the same way as harassment between tenants (policy 11.3). Your line manager will support you throughout the investigation, and you can talk to them or to Human Resources in confidence at any time.")
tag(doc, "{%p endif %}")
heading(doc, "What happens next")
bullet(doc, "Your case officer, {{ officer.name }}, will contact you within 24 hours of your report to talk about what has happened and agree with you what we will do.")
bullet(doc, "We will investigate promptly and thoroughly, and keep in touch with you at least every 10 working days to tell you what we have done.")
tag(doc, "{%p if party.role != 'staff_member' %}")
bullet(doc, "We will remove offensive graffiti within 24 hours of it being reported, and make any emergency repairs needed to secure your home as a priority.")
tag(doc, "{%p endif %}")
bullet(doc, "With your consent, we will tell our partners, such as the police, about what has happened so that together we can build a case. We will not share your information without your agreement unless the law requires it.")
heading(doc, "Support and protection we can offer")
tag(doc, "{%p if party.role == 'staff_member' %}")
bullet(doc, "Changes at work to keep you safe while the case goes on, agreed with your line manager: for example, another colleague handling this tenant's calls and visits.")
bullet(doc, "Confidential support through our employee assistance programme, and putting you in touch with organisations that give specialist support, such as Victim Support.")
tag(doc, "{%p else %}")
bullet(doc, "Security measures for your home, such as new locks, a vandal-proof letter box, lighting or fencing.")
bullet(doc, "Putting you and your family in touch with organisations that give specialist support, such as Victim Support.")
bullet(doc, "Talking through your housing options. No-one should feel they have to move, and we will do all we can to help you stay safely in your home.")
tag(doc, "{%p endif %}")
para(doc, "If you are in danger, call the police on 999. To report a crime that is not an emergency, call 101. You can also report hate crime online at www.report-it.org.uk.", bold=True)
heading(doc, "Keeping a record")
para(doc, "It helps if you write down what happens, when and where, and who was there, and keep any photographs, messages or letters. Your officer can give you diary sheets to make this easier.")
tag(doc, "{%p if party.interpreter %}")
heading(doc, "Interpreter")
para(doc, "We will arrange a professional interpreter in {{ party.language|language }} for our meetings and telephone calls, free of charge. You do not need to ask a family member or friend to interpret.")
tag(doc, "{%p else %}")
heading(doc, "Other languages and formats")
para(doc, "If you would like an interpreter, or this letter in another language or format such as large print or easy read, please tell us. It is free of charge.")
tag(doc, "{%p endif %}")
heading(doc, "How to contact us")
para(doc, "Please contact {{ officer.name }} on {{ officer.phone }} or at {{ officer.email }}. Outside office hours you can leave a message on our harassment line, {{ association.harassment_line }}.")
signature(doc)
save(
    doc, "acknowledgement",
    title="Acknowledgement of your report",
    description="To a victim or complainant within 24 hours of the report (policy 8.1): next steps, support and protection, interpreter.",
)
