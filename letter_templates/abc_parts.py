"""Paragraphs shared by the first versions of the letters about an ABC (review invitation,
review outcome, breach): the salutation and title for an individual or a minor's parents,
what happens if the contract is broken, and the reminder of its terms."""

from __future__ import annotations

from docx import Document

from letterhead import bullet, heading, para, tag


def opening(doc: Document, adult_title: str, minor_title: str) -> None:
    """The greeting and a title that speaks to the individual, or to a minor's parents about them."""
    para(doc, "{{ recipient.salutation }},")
    tag(doc, "{%p if minor %}")
    heading(doc, minor_title, 0)
    tag(doc, "{%p else %}")
    heading(doc, adult_title, 0)
    tag(doc, "{%p endif %}")


def if_broken(doc: Document) -> None:
    """What a breach can lead to: the 2014 Act injunction, possession, and the contract's nature."""
    para(doc, "If the contract is broken, we may use the breach as evidence to apply to the court for an injunction under Part 1 of the Anti-social Behaviour, Crime and Policing Act 2014 or, where there is a tenancy, to start possession proceedings. The contract itself is voluntary and not legally binding, but it is evidence that the behaviour was known about and that help was offered.")


def terms_reminder(doc: Document) -> None:
    heading(doc, "A reminder of what {% if minor %}{{ party.name }}{% else %}you{% endif %} agreed")
    tag(doc, "{%p for term in abc.prohibitions %}")
    bullet(doc, "{{ term }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for term in abc.requirements %}")
    bullet(doc, "{{ term }}")
    tag(doc, "{%p endfor %}")


def contact(doc: Document, about: str) -> None:
    para(doc, "If you need this letter in another language or format, or an interpreter, please tell us. To talk about " + about + ", please contact {{ officer.name }} on {{ officer.phone }} or at {{ officer.email }}.")
