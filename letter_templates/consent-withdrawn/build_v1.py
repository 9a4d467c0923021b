"""Version 1 of the written confirmation that consent to share was withdrawn (policy 8.5; UK
GDPR Art. 7(3)): to the person, or (``to_agency``) the notice to an organisation concerned."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from letterhead import address_block, bullet, heading, new_document, para, save, signature, tag

doc = new_document()
address_block(doc)
para(doc, "{{ recipient.salutation }},")
tag(doc, "{%p if to_agency %}")
heading(doc, "Notice: consent to share information withdrawn", 0)
para(doc, "{{ party.name }} has withdrawn the consent they gave {{ association.name }} to share information about them with {{ withdrawal.agencies[0] }}. The consent was withdrawn on {{ withdrawal.day|date }}. Our reference is {{ case.reference }}.")
heading(doc, "What we ask you to do")
bullet(doc, "Do not ask us for, or accept from us, any further information about {{ party.name }} on the basis of that consent. We will send you none from {{ withdrawal.day|date }}.")
bullet(doc, "Do not contact {{ party.name }} about our referral unless they contact you first.")
bullet(doc, "Review what you already hold about {{ party.name }} from us. Where you hold it only because they consented, consider whether you should keep it, under your own data protection obligations (UK GDPR and the Data Protection Act 2018).")
bullet(doc, "Please confirm to {{ officer.name }}, by email to {{ officer.email }}, that you have received this notice and acted on it.")
para(doc, "This notice tells you only what you need to act on the withdrawal. Please keep it confidential.")
tag(doc, "{%p else %}")
heading(doc, "We have stopped sharing your information", 0)
para(doc, "This letter confirms that on {{ withdrawal.day|date }} you told us that you no longer agree to {{ association.name }} sharing information about you with {{ withdrawal.agencies|words('and') }}. You have every right to do this, and it does not change the help we give you.")
heading(doc, "What this means")
bullet(doc, "From {{ withdrawal.day|date }} we have not shared, and will not share, any more information about you with {{ withdrawal.agencies|words('and') }}.")
bullet(doc, "We have written to {% if withdrawal.agencies|length > 1 %}each of them{% else %}them{% endif %} to say so, and asked them not to contact you about our referral unless you contact them first.")
bullet(doc, "Information we shared before {{ withdrawal.day|date }} was shared with your agreement. {% if withdrawal.agencies|length > 1 %}Each organisation{% else %}The organisation{% endif %} now decides what it keeps under its own data protection duties; you can ask {% if withdrawal.agencies|length > 1 %}them{% else %}it{% endif %} directly to delete it.")
tag(doc, "{%p if still_shared %}")
bullet(doc, "Your consent for us to share information with {{ still_shared|words('and') }} still stands. You can withdraw it at any time in the same way.")
tag(doc, "{%p endif %}")
para(doc, "If you change your mind, you can give your consent again at any time. If you did not ask for this, or we have misunderstood you, please tell us straight away.")
heading(doc, "How to contact us")
para(doc, "Please contact {{ officer.name }} on {{ officer.phone }} or at {{ officer.email }}. If you would like this letter in another language or format, or an interpreter, please tell us. It is free of charge.")
tag(doc, "{%p endif %}")
signature(doc)
save(
    doc, "consent-withdrawn",
    title="Your consent has been withdrawn",
    description="Written confirmation that consent to share was withdrawn (policy 8.5): to the person (what stops, what was "
    "shared before, what consent still stands), or with --agency the notice to that organisation.",
)
