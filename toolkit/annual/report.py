"""The annual monitoring report to the Management Committee (policy 10.2, 10.3).

What the committee gets, for year Y against year Y-1:

- every case reported in Y by its reference, with the action Keniston took and the
  outcome (no names, places or dates: the month it was received is the finest detail);
- trends, and the nature (forms of harassment; the nine protected characteristics of
  the Equality Act 2010 and the five strands the police monitor for hate crime) and the
  location (estate) of the incidents;
- the characteristics of victims and perpetrators, grouped into standard categories
  (the case files hold free text, which could itself identify someone);
- victims' comments on the service: satisfaction rates, and their words with every
  name, place, reference, phone number, e-mail address and date taken out;
- how often each 24-hour deadline was met.

Every count goes through :mod:`toolkit.annual.stats`. Counting rules: a case belongs to the
year it was *received*; an incident to the year it *occurred*; an action to the year it
was *done*; a comment to the year it is dated; a 24-hour clock to the year it started.

:func:`report_context` returns plain data (and chart images) for the ``report`` template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from collections.abc import Callable, Iterable

from toolkit.association import KENISTON
from toolkit.casefile.model import Case
from toolkit.deadlines.clocks import twenty_four_hour_clocks
from toolkit.annual.newsletter import ENFORCEMENT, enforcement_counts
from toolkit.annual.stats import FEWER_THAN, Cell, Table, percentage, suppress

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
CATEGORY_LABELS = {
    "physical_assault": "Physical assault",
    "property_damage": "Damage to property",
    "graffiti": "Graffiti",
    "arson": "Arson",
    "verbal_abuse": "Verbal abuse",
    "threatening_behaviour": "Threatening behaviour",
    "abusive_letters": "Abusive letters",
    "abusive_calls": "Abusive phone calls",
    "dumping": "Dumping of rubbish or excrement",
    "online_abuse": "Online abuse",
    "other": "Other",
}
MOTIVATION_LABELS = {
    "age": "Age",
    "disability": "Disability",
    "gender_reassignment": "Gender reassignment",
    "marriage_civil_partnership": "Marriage and civil partnership",
    "pregnancy_maternity": "Pregnancy and maternity",
    "race": "Race",
    "religion_belief": "Religion or belief",
    "sex": "Sex",
    "sexual_orientation": "Sexual orientation",
}
NO_MOTIVATION = "None recorded"
# the five strands of hate crime the police monitor, and the characteristic each maps from
STRANDS = {
    "Race": "race",
    "Religion": "religion_belief",
    "Sexual orientation": "sexual_orientation",
    "Disability": "disability",
    "Transgender identity": "gender_reassignment",
}
ACTION_LABELS = {
    "initial_contact": "Initial contact with the victim",
    "incident_form": "Incident form completed",
    "interpreter_booked": "Interpreter booked",
    "referral": "Referral to another agency",
    "victim_update": "Update to the victim",
    "graffiti_removal": "Graffiti removed",
    "emergency_repair": "Emergency repair",
    "security_works": "Security works",
    "mediation": "Mediation",
    "case_review": "Case review",
    "other": "Other action",
    "verbal_warning": "Verbal warning",
    "warning_letter": "Warning letter",
    "final_warning": "Final warning letter",
    "abc": "Acceptable Behaviour Contract",
    "abc_review": "ABC review",
    "injunction_application": "Injunction applied for",
    "notice_seeking_possession": "Notice seeking possession",
}
# everything that is not a step of the escalation against a perpetrator (newsletter.ENFORCEMENT)
SUPPORT = ("initial_contact", "incident_form", "interpreter_booked", "referral", "victim_update", "graffiti_removal",
           "emergency_repair", "security_works", "mediation", "case_review", "abc_review", "other")
CLOCKS = {
    "8.1": "Initial action (8.1)",
    "10.1": "Incident form (10.1)",
    "6.2": "Graffiti removed (6.2)",
    "8.3": "Emergency repairs (8.3)",
}
CLOCK_COLUMNS = ("Within 24 hours", "Late", "Not done")
SATISFACTION = {"yes": "Satisfied", "partly": "Partly satisfied", "no": "Not satisfied"}
NOT_RECORDED = "Not recorded"
PREFER_NOT = "Prefer not to say"
NOT_KNOWN_ESTATE = "Estate not recorded"


def month(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


# -- equality monitoring answers, grouped ------------------------------------------------------
def _yes_no(text: str) -> str:
    low = text.strip().lower()
    if low.startswith("prefer"):
        return PREFER_NOT
    if low.startswith("yes") or low == "y":
        return "Yes"
    if low.startswith("no") and not low.startswith("not"):
        return "No"
    return "Other answer"


def _keyword(groups: list[tuple[str, tuple[str, ...]]], other: str) -> Callable[[str], str]:
    def group(text: str) -> str:
        low = text.strip().lower()
        if low.startswith("prefer"):
            return PREFER_NOT
        for label, words in groups:
            if any(low.startswith(w) or f" {w}" in f" {low}" for w in words):
                return label
        return other

    return group


def _age_band(text: str) -> str:
    low = text.strip().lower().replace("–", "-").replace(" ", "")
    if low.startswith("prefer"):
        return PREFER_NOT
    if m := re.fullmatch(r"(\d{1,3})-(\d{1,3})", low):
        return f"{int(m.group(1))}-{int(m.group(2))}"
    if m := re.fullmatch(r"(\d{1,3})(\+|andover|orover)", low):
        return f"{int(m.group(1))} and over"
    if m := re.fullmatch(r"(under|below)(\d{1,3})", low):
        return f"Under {int(m.group(2))}"
    return "Other answer"


def _age_order(label: str) -> tuple[int, int]:
    if label.startswith("Under"):
        return (0, int(label.split()[1]))
    if m := re.match(r"(\d+)", label):
        return (1, int(m.group(1)))
    return (2, 0)


@dataclass(frozen=True)
class Characteristic:
    key: str
    title: str
    group: Callable[[str], str]
    order: tuple[str, ...]  # fixed rows (answers seen outside them are added, sorted)


CHARACTERISTICS = (
    Characteristic("age_band", "Age", _age_band, ()),
    Characteristic("sex", "Sex", _keyword([("Female", ("female", "woman", "f")), ("Male", ("male", "man", "m"))], "Another term"),
                   ("Female", "Male", "Another term")),
    Characteristic("ethnicity", "Ethnic group", _keyword([
        # first match wins: "Mixed - White and Black Caribbean" is mixed, not Black or White
        ("Mixed or multiple ethnic groups", ("mixed", "multiple")),
        ("Asian or Asian British", ("asian",)),
        ("Black, Black British, Caribbean or African", ("black", "african", "caribbean")),
        ("White", ("white",)),
        ("Other ethnic group", ("other", "arab", "any other")),
    ], "Other ethnic group"), ("Asian or Asian British", "Black, Black British, Caribbean or African",
                               "Mixed or multiple ethnic groups", "White", "Other ethnic group")),
    Characteristic("disability", "Disability", _yes_no, ("Yes", "No")),
    Characteristic("religion_belief", "Religion or belief", _keyword([
        ("No religion", ("no religion", "none", "atheist", "agnostic")),
        ("Buddhist", ("buddhis",)), ("Christian", ("christian", "catholic", "anglican", "church")),
        ("Hindu", ("hindu",)), ("Jewish", ("jew", "judaism")), ("Muslim", ("muslim", "islam")), ("Sikh", ("sikh",)),
    ], "Any other religion or belief"), ("No religion", "Buddhist", "Christian", "Hindu", "Jewish", "Muslim", "Sikh",
                                          "Any other religion or belief")),
    Characteristic("sexual_orientation", "Sexual orientation", _keyword([
        ("Heterosexual or straight", ("hetero", "straight")), ("Gay or lesbian", ("gay", "lesbian")), ("Bisexual", ("bisexual",)),
    ], "Another sexual orientation"), ("Heterosexual or straight", "Gay or lesbian", "Bisexual", "Another sexual orientation")),
    Characteristic("gender_reassignment", "Gender reassignment", _yes_no, ("Yes", "No")),
    Characteristic("marriage_civil_partnership", "Marriage and civil partnership", _keyword([
        ("Married or in a civil partnership", ("married", "civil partner")), ("Single", ("single", "never")),
        ("Separated, divorced or dissolved", ("separated", "divorced", "dissolved")), ("Widowed", ("widow",)),
    ], "Other answer"), ("Married or in a civil partnership", "Single", "Separated, divorced or dissolved", "Widowed")),
    Characteristic("pregnancy_maternity", "Pregnancy and maternity", _yes_no, ("Yes", "No")),
)


# -- anonymising victims' comments -------------------------------------------------------------
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


# -- counting ------------------------------------------------------------------------------------
def _in_year(moment: date | datetime | None, year: int) -> bool:
    return moment is not None and moment.year == year


def _incidents(cases: list[Case], year: int) -> list[tuple[Case, Any]]:
    return [(c, i) for c in cases for i in c.incidents if i.occurred_day.year == year]


def _trend(title: str, rows: list[str], counts: dict[int, dict[str, int]], years: tuple[int, int], *,
           row_header: str, totals: bool = True, note: str | None = None) -> Table:
    columns = [str(y) for y in years]
    return suppress(
        title, rows, columns, {(r, str(y)): counts[y].get(r, 0) for y in years for r in rows},
        row_header=row_header, column_totals=totals, note=note,
    )


def _change(before: Cell, after: Cell, what: str, years: tuple[int, int]) -> str:
    if not (before.shown and after.shown):
        return f"The numbers of {what} in {years[0]} and {years[1]} are too small to compare."
    a, b = before.value or 0, after.value or 0
    if a == 0 and b:  # nothing in the case files for the year before: say so, claim no trend
        return f"No {what} are recorded for {years[0]} in these case files; {after.text} in {years[1]}."
    if a == b:
        return f"The number of {what} stayed at {after.text} ({years[0]}: {before.text})."
    verb = "rose" if b > a else "fell"
    change = f", {'+' if b > a else '-'}{round(abs(b - a) * 100 / a)}%" if a else ""
    return f"The number of {what} {verb} from {before.text} in {years[0]} to {after.text} in {years[1]}{change}."


def _clock_counts(cases: list[Case], year: int, on: datetime) -> dict[str, dict[str, int]]:
    """24-hour clocks that started in ``year``: met, late, or not done by their due time."""
    counts: dict[str, dict[str, int]] = {label: {} for label in CLOCKS.values()}
    for case in cases:
        for clock in twenty_four_hour_clocks(case):
            if clock.start.year != year or clock.clause not in CLOCKS:
                continue
            if clock.done is None and clock.due > on:
                continue  # still running on the report's date
            column = CLOCK_COLUMNS[0] if clock.met else CLOCK_COLUMNS[1] if clock.done else CLOCK_COLUMNS[2]
            row = counts[CLOCKS[clock.clause]]
            row[column] = row.get(column, 0) + 1
    return counts


def _clock_table(cases: list[Case], year: int, on: datetime) -> Table:
    counts = _clock_counts(cases, year, on)
    rows = list(CLOCKS.values())
    return suppress(
        f"24-hour deadlines in {year}", rows, list(CLOCK_COLUMNS),
        {(r, c): counts[r].get(c, 0) for r in rows for c in CLOCK_COLUMNS},
        row_header="Deadline", row_totals=True, column_totals=False,
        note="Counted from when each clock started: the complaint for 8.1 and 10.1, the report for 6.2 and 8.3.",
    )


def _clock_rates(table: Table) -> list[float | None]:
    assert table.row_totals is not None
    rates = []
    for n in range(len(table.rows)):
        met, total = table.cells[n][0], table.row_totals[n]
        rates.append(100 * met.value / total.value if met.shown and total.shown and total.value else None)  # type: ignore[operator]
    return rates


def _characteristic_table(spec: Characteristic, victims: list[Any], perpetrators: list[Any], year: int) -> Table:
    counts: dict[tuple[str, str], int] = {}
    seen: set[str] = set()
    for column, people in (("Victims", victims), ("Perpetrators", perpetrators)):
        for person in people:
            answer = getattr(person.characteristics, spec.key, None) if person.characteristics else None
            label = spec.group(answer) if answer else NOT_RECORDED
            seen.add(label)
            counts[(label, column)] = counts.get((label, column), 0) + 1
    extra = sorted((s for s in seen if s not in spec.order and s not in (PREFER_NOT, NOT_RECORDED)),
                   key=_age_order if spec.key == "age_band" else str)
    rows = [*spec.order, *extra, PREFER_NOT, NOT_RECORDED]
    return suppress(
        f"{spec.title} of victims and perpetrators, cases reported in {year}", rows, ["Victims", "Perpetrators"], counts,
        row_header=spec.title, column_totals=True,
    )


def _actions_for(case: Case) -> str:
    seen: list[str] = []
    for action in sorted((a for a in case.actions if a.done), key=lambda a: a.done):  # type: ignore[arg-type, return-value]
        label = ACTION_LABELS[action.type]
        if label not in seen:
            seen.append(label)
    return "; ".join(seen) if seen else "None recorded"


def _outcome(case: Case, on: date) -> str:
    if case.status == "closed" and case.closed is not None and case.closed <= on:
        return f"Closed in {month(case.closed)}"
    return "Open"


# -- the report ---------------------------------------------------------------------------------
TABLE_ORDER = ("cases", "categories", "motivation", "strands", "estates", "support", "enforcement", "satisfaction", "deadlines")


def report_context(cases: Iterable[Case], year: int, *, on: date | None = None, charts: bool = True) -> dict[str, Any]:
    """The monitoring report for ``year`` (compared with ``year - 1``), as of ``on``.

    ``on`` (the document date; default today) decides which cases count as closed and
    which 24-hour clocks were still running. Returns::

        {
          "kind": "report", "year": 2026, "previous_year": 2025, "title": str,
          "prepared_for": "Management Committee", "association": KENISTON,
          "summary": [str, ...],                        # paragraphs
          "cases": [{"reference", "received", "categories", "actions", "outcome"}, ...],
          "tables": {name: Table.as_context(), ...},    # see TABLE_ORDER for names and order
          "characteristics": [Table.as_context(), ...], # victims and perpetrators, one per characteristic
          "deadline_rates": [{"deadline", "previous", "current"}, ...],  # "91%" or "too few to show"
          "satisfaction_rates": {"previous": str, "current": str},
          "comments": [{"satisfied": str, "text": str}, ...],
          "charts": [{"name", "title", "image": render.Image}, ...],  # empty when charts=False
          "notes": [str, ...],
        }
    """
    cases = sorted(cases, key=lambda c: c.reference)
    on = on or date.today()
    as_of = datetime.combine(on, datetime.max.time())
    years = (year - 1, year)
    columns = [str(y) for y in years]

    # cases and incidents
    reported = {y: [c for c in cases if c.received.year == y] for y in years}
    incidents = {y: _incidents(cases, y) for y in years}
    by_category = {y: {} for y in years}  # type: dict[int, dict[str, int]]
    by_estate = {y: {} for y in years}  # type: dict[int, dict[str, int]]
    by_motivation = {y: {} for y in years}  # type: dict[int, dict[str, int]]
    by_strand = {y: {} for y in years}  # type: dict[int, dict[str, int]]
    for y in years:
        for case, incident in incidents[y]:
            label = CATEGORY_LABELS[incident.category]
            by_category[y][label] = by_category[y].get(label, 0) + 1
            estate = case.location.estate or NOT_KNOWN_ESTATE
            by_estate[y][estate] = by_estate[y].get(estate, 0) + 1
            motives = incident.motivation or case.motivation
            for m in motives or []:
                by_motivation[y][MOTIVATION_LABELS[m]] = by_motivation[y].get(MOTIVATION_LABELS[m], 0) + 1
            if not motives:
                by_motivation[y][NO_MOTIVATION] = by_motivation[y].get(NO_MOTIVATION, 0) + 1
            for strand, m in STRANDS.items():
                if m in motives:
                    by_strand[y][strand] = by_strand[y].get(strand, 0) + 1
    estates = sorted({e for y in years for e in by_estate[y]}, key=lambda e: (e == NOT_KNOWN_ESTATE, e))

    cases_table = suppress(
        "Cases reported", ["Cases reported"], columns, {("Cases reported", str(y)): len(reported[y]) for y in years},
        row_header="", column_totals=False,
    )
    multi = "An incident can have more than one motivation, so these figures do not add up to the number of incidents."
    tables: dict[str, Table] = {
        "cases": cases_table,
        "categories": _trend("Incidents by form of harassment", list(CATEGORY_LABELS.values()), by_category, years,
                             row_header="Form of harassment"),
        "estates": _trend("Incidents by estate", estates, by_estate, years, row_header="Estate"),
        "motivation": _trend("Incidents by perceived motivation (protected characteristics, Equality Act 2010)",
                             [*MOTIVATION_LABELS.values(), NO_MOTIVATION], by_motivation, years,
                             row_header="Protected characteristic", totals=False, note=multi),
        "strands": _trend("Incidents by hate crime strand (as monitored by the police)", list(STRANDS), by_strand, years,
                          row_header="Strand", totals=False, note=multi),
    }

    # action taken, by the year it was done
    done: dict[int, dict[str, int]] = {y: {} for y in years}
    for case in cases:
        for action in case.actions:
            if action.done is not None and action.done.year in done:
                label = ACTION_LABELS[action.type]
                done[action.done.year][label] = done[action.done.year].get(label, 0) + 1
    tables["support"] = _trend("Support for victims and case management: actions taken",
                               [ACTION_LABELS[t] for t in SUPPORT], done, years, row_header="Action")
    # the same rows as the newsletter's figures, so both print and hide the same numbers
    tables["enforcement"] = _trend("Action against perpetrators", list(ENFORCEMENT),
                                   {y: enforcement_counts(cases, y) for y in years}, years, row_header="Action")

    # victims' comments
    feedback = {y: [(c, f) for c in cases for f in c.feedback if f.date.year == y] for y in years}
    satisfaction = {y: {} for y in years}  # type: dict[int, dict[str, int]]
    for y in years:
        for _, f in feedback[y]:
            label = SATISFACTION[f.satisfied]
            satisfaction[y][label] = satisfaction[y].get(label, 0) + 1
    tables["satisfaction"] = _trend("Victims' satisfaction with the service", list(SATISFACTION.values()), satisfaction,
                                    years, row_header="Answer", note="Counted by the year each comment was given.")
    sat = tables["satisfaction"]
    rates = {
        key: percentage(sat.cell(SATISFACTION["yes"], str(y)), sat.column_total(str(y))) or "too few to show"
        for key, y in (("previous", year - 1), ("current", year))
    }
    redact = Redactor(cases)
    comments = sorted(
        ({"satisfied": SATISFACTION[f.satisfied], "text": redact(f.comment)} for _, f in feedback[year] if f.comment),
        key=lambda c: (list(SATISFACTION.values()).index(c["satisfied"]), c["text"]),
    )

    # 24-hour deadlines
    clocks = {y: _clock_table(cases, y, as_of) for y in years}
    tables["deadlines"] = clocks[year]
    clock_rates = {y: _clock_rates(clocks[y]) for y in years}
    deadline_rates = [
        {
            "deadline": label,
            "previous": f"{clock_rates[year - 1][n]:.0f}%" if clock_rates[year - 1][n] is not None else "too few to show",
            "current": f"{clock_rates[year][n]:.0f}%" if clock_rates[year][n] is not None else "too few to show",
        }
        for n, label in enumerate(CLOCKS.values())
    ]

    # victims and perpetrators (people in the cases reported in the year)
    victims = [p for c in reported[year] for p in c.victims]
    perpetrators = [p for c in reported[year] for p in c.perpetrators]
    characteristics = [_characteristic_table(spec, victims, perpetrators, year) for spec in CHARACTERISTICS]

    # every case reported in the year
    listing = [
        {
            "reference": c.reference,
            "received": month(c.received.date()),
            "categories": ", ".join(CATEGORY_LABELS[k] for k in c.categories),
            "actions": _actions_for(c),
            "outcome": _outcome(c, on),
        }
        for c in reported[year]
    ]

    # summary in words
    n_cases = {y: cases_table.cell("Cases reported", str(y)) for y in years}
    n_incidents = {y: tables["categories"].column_total(str(y)) for y in years}
    victims_total, perpetrators_total = characteristics[0].column_total("Victims"), characteristics[0].column_total("Perpetrators")
    summary = [
        f"This report covers the harassment and hate crime cases reported to {KENISTON.short_name} in {year}, "
        f"compared with {year - 1}, as policy 10.2 and 10.3 require.",
        _change(n_cases[year - 1], n_cases[year], "cases reported", years),
        _change(n_incidents[year - 1], n_incidents[year], "incidents", years),
        f"The cases reported in {year} involved {victims_total.text} victims and {perpetrators_total.text} perpetrators.",
    ]
    first = deadline_rates[0]
    if first["current"] != "too few to show":
        summary.append(f"Initial action was taken within 24 hours on {first['current']} of complaints ({year - 1}: {first['previous']}).")
    if rates["current"] != "too few to show":
        summary.append(f"{rates['current']} of the victims who commented on the service were satisfied ({year - 1}: {rates['previous']}).")

    chart_list = _charts(tables, deadline_rates, clock_rates, years) if charts else []
    notes = [
        f'Counts from 1 to 4 are shown as "{FEWER_THAN}", and further counts are hidden ("not shown") where a total '
        "would let a reader work a small count out, so that no one can be identified from this report.",
        "Cases are counted in the year they were received, incidents in the year they happened, actions in the year "
        "they were done and comments in the year they were given.",
        "Victims' comments have had every name, place, reference, phone number, e-mail address and date removed.",
    ]
    return {
        "kind": "report",
        "year": year,
        "previous_year": year - 1,
        "title": f"Harassment and hate crime: annual monitoring report {year}",
        "prepared_for": "Management Committee",
        "association": KENISTON,
        "summary": summary,
        "cases": listing,
        "tables": {name: table.as_context() for name, table in tables.items()},
        "characteristics": [t.as_context() for t in characteristics],
        "deadline_rates": deadline_rates,
        "satisfaction_rates": rates,
        "comments": comments,
        "charts": chart_list,
        "notes": notes,
    }


def _charts(tables: dict[str, Table], deadline_rates: list[dict[str, str]], clock_rates: dict[int, list[float | None]],
            years: tuple[int, int]) -> list[dict[str, Any]]:
    from toolkit.annual import charts
    from docx.shared import Mm

    from toolkit.templates.package import Picture

    def image(png: bytes, description: str) -> Picture:
        width, height = charts.size_mm(png)
        return Picture(png, Mm(width), Mm(height), description)

    made = []
    for name, title in (("categories", "Incidents by form of harassment"), ("estates", "Incidents by estate")):
        png = charts.grouped_bars(tables[name], f"{title}, {years[0]} and {years[1]}")
        made.append({"name": name, "title": title, "image": image(png, f"Bar chart: {title.lower()}, {years[0]} and {years[1]}")})
    png = charts.rate_bars([r["deadline"] for r in deadline_rates], {str(y): clock_rates[y] for y in years},
                           "24-hour deadlines met on time")
    made.append({"name": "deadlines", "title": "24-hour deadlines met on time",
                 "image": image(png, f"Bar chart: share of 24-hour deadlines met on time, {years[0]} and {years[1]}")})
    return made
