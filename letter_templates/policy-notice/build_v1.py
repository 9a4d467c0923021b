"""Version 1 of the harassment policy notice to every tenant (policy 6.3, 12.1), for `casedocs merge`.

A merge document belongs to no case: its context is ``recipient`` (a row of the recipient
list: name, address, postcode, language, format, tenancy_reference, extra), ``association``,
``doc`` and ``locale`` -- never ``case`` or ``officer`` (see toolkit/merge/kinds.py, MERGE_KINDS).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from letterhead import address_block, bullet, heading, new_document, para, save

# A notice to every tenant is not case material: no protective marking in the footer.
doc = new_document(reference="", marking="")
address_block(
    doc,
    "Date: {{ doc.date|date }}{% if recipient.tenancy_reference %}\nYour tenancy: {{ recipient.tenancy_reference }}{% endif %}\n"
    "Harassment line: {{ association.harassment_line }}\nEmail: {{ association.email }}",
)

para(doc, "{{ recipient.salutation }},")
heading(doc, "Harassment: what it is, what we do, and how to tell us", 0)
para(doc, "We are writing to every {{ association.short_name }} household about our harassment policy. Everyone has the right to feel safe in their home and neighbourhood. Harassment and hate crime are never acceptable, and we take every report seriously.")

heading(doc, "What harassment is")
para(doc, "Harassment is unwanted behaviour towards someone because of who they are, or who they are thought to be, that upsets, frightens, humiliates or offends them, or is meant to. The law protects people because of their age, disability, gender reassignment, marriage or civil partnership, pregnancy or maternity, race, religion or belief, sex and sexual orientation. It also protects people linked to someone with one of these, such as a carer.")
para(doc, "Harassment can include:")
bullet(doc, "hitting, pushing or any other attack")
bullet(doc, "damaging your home, car or belongings, or setting fire to them")
bullet(doc, "offensive graffiti, such as racist graffiti")
bullet(doc, "shouting abuse, name-calling or threats, face to face, in letters, by phone or online")
bullet(doc, "dumping rubbish or other waste at your home.")
para(doc, "Treating someone badly because they complained about harassment, or helped someone else to complain, is also wrong, and we will act on it.")

heading(doc, "What we will do")
bullet(doc, "Contact you within 24 hours of your report, listen to you and agree with you what happens next. Your wishes will be respected.")
bullet(doc, "Remove offensive graffiti within 24 hours of it being reported, and make any emergency repairs to secure your home as a priority.")
bullet(doc, "Investigate every report promptly and thoroughly, and keep in regular contact to tell you what we have done.")
bullet(doc, "Keep what you tell us confidential. We share it with partners such as the police only with your consent, unless the law requires it.")
bullet(doc, "Offer support and protection, such as new locks, lighting or fencing, and put you in touch with specialist support organisations.")
bullet(doc, "Take action against the people responsible: warnings, Acceptable Behaviour Contracts, injunctions and, where allegations are proven, eviction.")

heading(doc, "How to tell us")
para(doc, "You can report harassment you have experienced or seen, or report for someone else:")
bullet(doc, "Call our harassment line on {{ association.harassment_line }}, or our office on {{ association.phone }}.")
bullet(doc, "Email {{ association.email }}.")
bullet(doc, "Visit or write to us at {{ association.address|join(', ') }}, {{ association.postcode }}.")
para(doc, "If you are in danger, call the police on 999. To report a crime that is not an emergency, call 101. You can also report hate crime online at www.report-it.org.uk.", bold=True)

heading(doc, "Other languages and formats")
para(doc, "This letter and our full harassment policy are available free of charge in other languages and in other formats, such as large print and easy read. We can also arrange an interpreter. Call {{ association.phone }} or email {{ association.email }} to ask. Our policy is also on our website, {{ association.website }}.")

para(doc, "Yours sincerely,")
doc.add_paragraph()
para(doc, "Housing Services", bold=True)
para(doc, "{{ association.name }}")
save(
    doc, "policy-notice",
    title="Harassment: our policy and how to report it",
    description="To every tenant (policy 6.3): what harassment is, what Keniston will do, how to report it, other languages and formats (12.1). A mail-merge document: one per row of a recipient list.",
)
