"""Victims' comments cleaned of anything that points to a person, for the monitoring report.

Over-redaction is the safe mistake: a surname that is also a word is taken out too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from babel import Locale

from toolkit.casefile.model import Case

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
# A translator's or interpreter's note says which language the victim speaks: with few cases,
# that is enough to point to one person. The note goes, and so does any language or country name.
_TRANSLATION_NOTE = re.compile(r"[(\[]\s*(?:translated|interpreted)\b[^)\]]*[)\]]\s*|\b(?:translated|interpreted) (?:from|into) [A-Z]\w+\b[.,;]?\s*", re.I)
_ENGLISH = Locale("en")
_LANGUAGES = {name for name in _ENGLISH.languages.values() if len(name) >= 4 and name != "English"}
_COUNTRIES = {name for name in _ENGLISH.territories.values() if len(name) >= 4 and not name[:1].isdigit()} - {"World", "United Kingdom", "England"}


def _named(names: set[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")  # case-sensitive: names are capitalised


_LANGUAGE_NAMES = _named(_LANGUAGES)
_COUNTRY_NAMES = _named(_COUNTRIES)


_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "and", "the", "of"}
_DATE_WORDS = "|".join(MONTHS + tuple(m[:3] for m in MONTHS) + ("Sept",))
_GENERIC = [
    (re.compile(r"[^\s@<>()\[\],;:]+@[^\s@<>()\[\],;:]+\.[A-Za-z]{2,}"), "[email]"),
    (re.compile(r"\bKHA[-/ ]?(?:T[-/ ]?)?\d{2,5}(?:[-/ ]\d{2,5})?\b", re.I), "[reference]"),
    (re.compile(r"\b(?:CAD|crime ref(?:erence)?|claim(?: no\.?| number)?)\s*:?\s*[A-Z0-9][A-Z0-9/\-]*\d[A-Z0-9/\-]*", re.I), "[reference]"),
    (re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)"), "[phone]"),
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.I), "[place]"),
    (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_DATE_WORDS})\b(?:,?\s+\d{{4}})?", re.I), "[date]"),
    (re.compile(rf"\b(?:{_DATE_WORDS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?", re.I), "[date]"),
    (re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"), "[date]"),
    # a title and a capitalised word is a name, whether or not it is in any case
    (re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:[A-Z][\w'’-]*\s+)?[A-Z][\w'’-]+"), "[name]"),
]


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s&,/()]+", text) if w]


def _street(line: str) -> str:
    """"Flat 12, Larkspur Court" -> "Larkspur Court"; "31 Kingfisher Road" -> "Kingfisher Road"."""
    return re.sub(r"^(?:(?:flat|apartment|unit|room|house)\s+)?\d+[a-z]?\s*,?\s*", "", line.strip(), flags=re.I)


def _name_forms(name: str | None) -> set[str]:
    """A name as written, and each of its words and hyphenated parts a reader might see alone."""
    if not name:
        return set()
    forms = {name}
    for word in _words(name):
        if word.lower().strip(".") in _TITLES or len(word) < 2:
            continue
        forms.add(word)
        forms.update(p for p in word.split("-") if len(p) >= 3)
    return forms


def _place_forms(line: str | None) -> set[str]:
    """An address line, each comma-separated part of it, and the street without its number."""
    forms: set[str] = set()
    for part in [line, *line.split(",")] if line else []:
        part = part.strip()
        if len(part) >= 3:
            forms.add(part)
            street = _street(part)
            if len(street) >= 4:
                forms.add(street)
    return forms


class Redactor:
    """Takes out of a text every name, place and reference that appears in any case.

    Built once from all the cases (a comment may name someone from another case), plus
    patterns for any e-mail address, phone number, UK postcode, case or tenancy
    reference and date. Longer strings go first, so "Flat 12, Larkspur Court" becomes
    one "[place]". Over-redaction (a surname that is also a word) is the safe mistake.
    """

    def __init__(self, cases: Iterable[Case]) -> None:
        names: set[str] = set()
        places: set[str] = set()
        references: set[str] = set()
        contacts: set[str] = set()

        def add_name(name: str | None) -> None:
            names.update(_name_forms(name))

        def add_place(line: str | None) -> None:
            places.update(_place_forms(line))

        for case in cases:
            references.add(case.reference)
            add_name(case.officer.name)
            contacts.update((case.officer.phone, case.officer.email))
            for line in case.location.address:
                add_place(line)
            add_place(case.location.postcode)
            add_place(case.location.estate)
            for party in case.parties:
                add_name(party.name)
                for line in party.address:
                    add_place(line)
                add_place(party.postcode)
                contacts.update(v for v in (party.phone, party.email) if v)
                if party.tenancy and party.tenancy.reference:
                    references.add(party.tenancy.reference)
            for incident in case.incidents:
                add_place(incident.location)
                if incident.police_reference:
                    references.update(r.strip() for r in re.split(r"[;,]", incident.police_reference) if r.strip())
            for consent in case.consents:
                add_name(consent.interpreter_name)
            if case.injunction and case.injunction.claim_number:
                references.add(case.injunction.claim_number)

        def pattern(strings: set[str]) -> re.Pattern[str] | None:
            if not strings:
                return None
            ordered = sorted(strings, key=lambda s: (-len(s), s))
            alternatives = "|".join(re.escape(s).replace("'", "['’]").replace(r"\ ", r"\s+") for s in ordered)
            return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)

        self._specific = [(p, token) for p, token in (
            (pattern(contacts), "[contact details]"), (pattern(references), "[reference]"), (pattern(places), "[place]"),
            (pattern(names), "[name]"),
        ) if p is not None]

    def __call__(self, text: str) -> str:
        text = _TRANSLATION_NOTE.sub("", text)
        text = _LANGUAGE_NAMES.sub("[language]", text)
        text = _COUNTRY_NAMES.sub("[place]", text)
        for regex, token in _GENERIC[:1]:
            text = regex.sub(token, text)
        for regex, token in self._specific:
            text = regex.sub(token, text)
        for regex, token in _GENERIC[1:]:
            text = regex.sub(token, text)
        text = re.sub(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+\[name\]", "[name]", text)
        text = re.sub(r"\[name\](?:['’]s)?(?:\s+(?:and\s+)?\[name\])+", "[name]", text)
        text = re.sub(r"\[place\](?:[\s,]+\[place\])+", "[place]", text)
        return re.sub(r"\s+", " ", text).strip()
