"""Version 1 of the Acceptable Behaviour Contract (policy 9.2; domain.md "ABC").

Voluntary and not legally binding; a breach is evidence for an injunction (Anti-social
Behaviour, Crime and Policing Act 2014, Part 1) or possession proceedings. The parents
or guardians of a person under 18 are parties and sign; every signatory gets a copy.
"""

import sys
from datetime import date
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from forms import fact_table, signature_table
from letterhead import bullet, heading, new_document, numbered, para, save, tag

doc = new_document()
heading(doc, "Acceptable Behaviour Contract", 0)
para(doc, "This is a written agreement about {{ party.name }}'s behaviour in and around {{ case.location.address[0] }}{% if case.location.estate %} on the {{ case.location.estate }}{% endif %}. Please read it carefully before you sign it.")
fact_table(doc, [
    ("Case reference", "{{ case.reference }}"),
    ("Contract made with", "{{ party.name }}{% if minor %} (aged {{ party.age_on(doc.date) }}){% endif %}"),
    ("Starts on", "{{ start|date }}"),
    ("Review on", "{{ review|date }} (after {{ abc.review_after_months }} months)"),
    ("Ends on", "{{ end|date }} ({{ abc.months }} months after it starts)"),
])

heading(doc, "Who this contract is between")
bullet(doc, "{{ party.name }}{% if party.address %}, {{ party.address|join(', ') }}{% if party.postcode %}, {{ party.postcode }}{% endif %}{% endif %}. In this contract, “I” means {{ party.name }}.")
tag(doc, "{%p for guardian in guardians %}")
bullet(doc, "{{ guardian.name }}, parent or guardian of {{ party.name }}.")
tag(doc, "{%p endfor %}")
bullet(doc, "{{ association.name }} (“Keniston”), represented by {{ officer.name }}, {{ officer.job_title }}.")
tag(doc, "{%p for partner in partners %}")
bullet(doc, "{% if partner.title %}{{ partner.title }} {% endif %}{{ partner.name }}{% if partner.address %}, {{ partner.address|join(', ') }}{% endif %}.")
tag(doc, "{%p endfor %}")
tag(doc, "{%p if minor %}")
para(doc, "Because {{ party.name }} is under 18, {{ guardians|map(attribute='name')|join(' and ') }} {% if guardians|length > 1 %}are parties to this contract as parents or guardians and sign it too. They agree{% else %}is a party to this contract as parent or guardian and signs it too, agreeing{% endif %} to help {{ party.name }} keep to it.")
tag(doc, "{%p endif %}")

heading(doc, "What I agree not to do")
tag(doc, "{%p for term in abc.prohibitions %}")
numbered(doc, "{{ term }}")
tag(doc, "{%p endfor %}")

tag(doc, "{%p if abc.requirements %}")
heading(doc, "What I agree to do")
tag(doc, "{%p for term in abc.requirements %}")
numbered(doc, "{{ term }}")
tag(doc, "{%p endfor %}")
tag(doc, "{%p endif %}")

heading(doc, "The support we will give")
tag(doc, "{%p for item in abc.support %}")
bullet(doc, "{{ item }}")
tag(doc, "{%p endfor %}")
bullet(doc, "{{ officer.name }} is the contact at Keniston for everything about this contract: {{ officer.phone }}, {{ officer.email }}.")

heading(doc, "How long the contract lasts and when it is reviewed")
para(doc, "This contract starts on {{ start|date }} and lasts for {{ abc.months }} months, until {{ end|date }}. We will review it on or around {{ review|date }} at a meeting with everyone who signs it{% if minor %}, including {{ party.name }}'s parent or guardian{% endif %}. At the review we can agree to keep the contract as it is, change its terms, or end it, and we will confirm in writing what was agreed.")

heading(doc, "What this contract means, and what happens if it is broken")
para(doc, "This contract is voluntary and is not legally binding in itself. But if it is broken, Keniston may use the breach, and the behaviour that led to this contract, as evidence in court. We may then take the next steps in our harassment policy:")
bullet(doc, "an application to the court for an injunction under Part 1 of the Anti-social Behaviour, Crime and Policing Act 2014. An injunction can forbid specific behaviour, require positive steps, exclude a person from an area and carry a power of arrest, and breaking it is contempt of court;")
tag(doc, "{%p if tenancy and tenancy.type in ['assured', 'assured_shorthold', 'starter'] %}")
bullet(doc, "proceedings for possession of {% if minor %}the family's{% else %}your{% endif %} home (tenancy {{ tenancy.reference or '' }}) under Ground 14 of Schedule 2 to the Housing Act 1988 (nuisance, annoyance and harassment) and, after a relevant conviction or a breach of an injunction, the absolute ground for possession (Ground 7A of Schedule 2 to the Housing Act 1988). A tenant is responsible for the behaviour of everyone who lives in or visits their home.")
tag(doc, "{%p elif tenancy and tenancy.type == 'secure' %}")
bullet(doc, "proceedings for possession of {% if minor %}the family's{% else %}your{% endif %} home (tenancy {{ tenancy.reference or '' }}) under Ground 2 of Schedule 2 to the Housing Act 1985 (nuisance, annoyance and harassment) and, after a relevant conviction or a breach of an injunction, the absolute ground for possession in section 84A of the Housing Act 1985. A tenant is responsible for the behaviour of everyone who lives in or visits their home.")
tag(doc, "{%p elif tenancy and tenancy.type == 'leaseholder' %}")
bullet(doc, "action for breach of the covenants of the lease, which can lead to proceedings for forfeiture of the lease.")
tag(doc, "{%p else %}")
bullet(doc, "where the person responsible is a tenant or lives in a tenant's home, proceedings for possession of that home.")
tag(doc, "{%p endif %}")
para(doc, "The police may also take action over any crime, whether or not this contract is kept. We would normally talk to everyone who signed this contract before taking any of these steps, but we will act straight away if anyone is at risk of harm.")

heading(doc, "Signatures")
para(doc, "By signing, each of us agrees to keep to our part of this contract. Each person who signs it will be given a copy: {% for signer in signatories %}{{ signer.name }}{% if loop.revindex == 2 %} and {% elif not loop.last %}, {% endif %}{% endfor %}.").paragraph_format.keep_with_next = True
signature_table(
    doc, ("Signed by", "Name", "Signature", "Date"), "signer in signatories",
    "{% if signer.role == 'individual' %}The person making this contract{% elif signer.role == 'guardian' %}Parent or guardian{% elif signer.role == 'keniston' %}For {{ association.name }}{% else %}Partner{% endif %}{% if signer.organisation %} ({{ signer.organisation }}){% endif %}",
    "{{ signer.name }}",
)
save(
    doc, "abc",
    title="Acceptable Behaviour Contract",
    description="A voluntary written agreement with a perpetrator (policy 9.2): prohibitions, requirements, support, dates, "
    "consequences of a breach, signatures of every party (parents or guardians for under-18s).",
    effective_from=date(2021, 1, 1),
    change_note="First version.",
)
