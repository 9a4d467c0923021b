"""Version 2 of the update letter in Easy Read (``format: easy_read``): what the standard letter
says (policy 8.10), one idea per line, a picture beside each.

Each thing done is told as version 2 tells it: the row is chosen in the template by the
step's type (``step.kind``), with a referral's organisation (``step.agency``), or is the
officer's own words written for the victim (``step.outcome``, printed as written); the
code only decides which actions the reader is told about. "The other person" is the
standard letter's "the person concerned": who is said to have done it, named nowhere.

Recorded with ``casedocs templates new-version`` (``letterhead.record``): run once.
"""

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from easyread import EASY_READ, TEXT_PT, easy_document, ideas
from letterhead import address_block, heading, para, record, signature, tag

# How each action is told in Easy Read, with its picture: the same action types as the
# standard letter's sentences (toolkit.documents.victim_letters.V1_SENTENCES).
STEPS = {
    "incident_form": ("document", "We wrote down what you told us."),
    "graffiti_removal": ("house", "We cleaned off the graffiti."),
    "emergency_repair": ("house", "We fixed your home quickly to keep it safe."),
    "verbal_warning": ("talk", "We told the other person to stop. We wrote to them to say this too."),
    "warning_letter": ("letter", "We wrote to the other person. We told them to stop."),
    "final_warning": ("danger", "We wrote to the other person again. We told them this is their last warning."),
    "abc": ("pen", "The other person signed a written promise to behave."),
    "abc_review": ("tick", "We met the other person to check they kept their promise."),
    "injunction_application": ("court", "We asked a court to order the other person to stop."),
    "notice_seeking_possession": ("court", "We sent the other person a legal letter. We may ask a court to take back their home."),
    "case_review": ("document", "We looked at your case again."),
    "security_works": ("lock", "We made your home safer."),
    "interpreter_booked": ("interpreter", "We got you someone who speaks your language."),
    "mediation": ("talk", "We set up a meeting with a helper to sort things out."),
    "referral": ("support", "We asked {{ step.agency }} to help you. You said yes to this."),
}

doc = easy_document()
address_block(doc, size=TEXT_PT)
para(doc, "{{ recipient.salutation }},")
heading(doc, "News about {% if minor %}{{ party.name }}'s{% else %}your{% endif %} case", 0)
ideas(doc, None, [
    ("letter", "We said we would tell you what we are doing."),
    ("document", "The case number is {{ case.reference }}."),
    ("calendar", "{% if previous_contact %}We last gave you news on {{ previous_contact|date }}.{% else %}You told us what happened on {{ case.received|date }}.{% endif %}"),
    ("tick", "This letter says what we did since then."),
])
tag(doc, "{%p if new_incidents %}")
ideas(doc, "What you told us", [
    ("pen", "You told us about {% if new_incidents|length > 1 %}more things that happened{% else %}something else that happened{% endif %}. We added {% if new_incidents|length > 1 %}them{% else %}it{% endif %} to the case."),
    ("tr", "{%tr for incident in new_incidents %}"),
    ("calendar", "{{ incident.occurred|date }}{% if incident.location %}: {{ incident.location }}{% endif %}"),
    ("tr", "{%tr endfor %}"),
])
tag(doc, "{%p endif %}")
heading(doc, "What we did")
tag(doc, "{%p if steps %}")
chosen: list[tuple[str, str]] = [("tr", "{%tr for step in steps %}"), ("tr", "{%tr if step.outcome %}"), ("talk", "{{ step.day|date }}\n{{ step.outcome }}")]
for kind, (picture, sentence) in STEPS.items():
    chosen += [("tr", f"{{%tr elif step.kind == '{kind}' %}}"), (picture, "{{ step.day|date }}\n" + sentence)]
ideas(doc, None, [*chosen, ("tr", "{%tr endif %}"), ("tr", "{%tr endfor %}")])
tag(doc, "{%p else %}")
ideas(doc, None, [
    ("clock", "We have nothing new to tell you since then."),
    ("talk", "We still check with the other groups who help."),
])
tag(doc, "{%p endif %}")
tag(doc, "{%p if news %}")
ideas(doc, "Latest news", [("talk", "{{ news }}")])
tag(doc, "{%p endif %}")
ideas(doc, "What happens next", [
    ("tr", "{%tr if still_open %}"),
    ("calendar", "You will hear from {{ officer.name }} again by {{ next_contact|date }}."),
    ("talk", "Tell us if you want us to do things differently. We will listen to you."),
    ("tr", "{%tr else %}"),
    ("tick", "The case is now closed."),
    ("letter", "We will write to you about this. We will ask what you think of our help."),
    ("tr", "{%tr endif %}"),
])
ideas(doc, "If something else happens", [
    ("phone", "Tell us straight away."),
    ("pen", "Write down what happened. Write when and where it happened, and who was there."),
    ("police", "If you are in danger, call the police on 999."),
    ("phone", "If no one is in danger right now, call the police on 101."),
])
ideas(doc, "Talk to us", [
    ("phone", "Call {{ officer.name }} on {{ officer.phone }}."),
    ("letter", "Or email {{ officer.email }}."),
    ("clock", "When our office is shut, leave a message on {{ association.harassment_line }}."),
    ("interpreter", "Tell us if you want someone to help you read this. It is free."),
])
signature(doc)
print(record(
    doc, "update-letter",
    title="An update on your case",
    language=EASY_READ,
    effective_from=date(2026, 11, 30),
    change_note="Easy Read version of version 2.",
    translation_status="unreviewed",
    translated_by="Easy Read draft written with the casedocs tooling (AI-assisted) on 2026-11-30; to be checked "
    "with people who use Easy Read before it is marked reviewed",
))
