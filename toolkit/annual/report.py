"""The annual monitoring report to the Management Committee (policy 10.2, 10.3).

What the committee gets, for year Y against year Y-1:

- every case reported in Y by its reference, with the action Keniston took and the
  outcome (no names, places or dates: the month it was received is the finest detail);
- trends, and the nature (forms of harassment; the nine protected characteristics of
  the Equality Act 2010 and the five strands the police monitor for hate crime) and the
  location (estate) of the incidents;
- the characteristics of victims and perpetrators, grouped into standard categories
  (the case files hold free text, which could itself identify someone;
  :mod:`toolkit.annual.equality`);
- victims' comments on the service: satisfaction rates, and their words with every
  name, place, reference, phone number, e-mail address and date taken out;
- Keniston's own performance: every promise (24-hour clocks, contact intervals, the ABC
  review, consent before referral) kept or missed, unsuppressed, misses listed by case
  (:mod:`toolkit.annual.performance`);
- trends in words and the action plan (:mod:`toolkit.annual.commentary`).

Every count goes through :mod:`toolkit.annual.stats`. Counting rules: a case belongs to the
year it was *received*; an incident to the year it *occurred*; an action to the year it
was *done*; a comment to the year it is dated; a promise to the year its clock started.

:func:`report_context` returns plain data (and chart images) for the ``report`` template.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from collections.abc import Iterable

from toolkit.association import KENISTON
from toolkit.casefile.model import Case
from toolkit.annual.newsletter import ENFORCEMENT, enforcement_counts
from toolkit.annual.commentary import action_plan, change_sentence, trend_sentences
from toolkit.annual.equality import CHARACTERISTICS, characteristic_table
from toolkit.annual.performance import PromiseRow, performance, rate
from toolkit.annual.redact import MONTHS, Redactor
from toolkit.annual.stats import FEWER_THAN, Table, percentage, suppress

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
SATISFACTION = {"yes": "Satisfied", "partly": "Partly satisfied", "no": "Not satisfied"}
NOT_KNOWN_ESTATE = "Estate not recorded"


def month(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


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
TABLE_ORDER = ("cases", "categories", "motivation", "strands", "estates", "support", "enforcement", "satisfaction")


def report_context(cases: Iterable[Case], year: int, *, on: date | None = None, charts: bool = True,
                   plan_folders: Iterable[str | Path] = ()) -> dict[str, Any]:
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
          "deadline_rates": [{"deadline", "previous", "current"}, ...],  # "91%" or "none due"
          "performance": {"header", "rows", "footer"},  # every promise, kept and missed, both years, unsuppressed
          "missed": [{"promise", "cases"}, ...],        # this year's misses by case reference
          "trends": [str, ...],                          # what rose, fell, is too small to compare
          "action_plan": {"source", "written", "rows": [{"issue", "action", "owner", "by"}]},
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

    # Keniston's own promises: not about people, so shown in full with every miss listed
    promises = performance(cases, years, as_of)
    performance_table = {
        "header": ["Promise (policy)", f"Kept {year - 1}", f"Missed {year - 1}", f"Kept {year}", f"Missed {year}"],
        "rows": [[f"{r.promise} ({r.clause})", r.kept[year - 1], r.missed[year - 1], r.kept[year], r.missed[year]] for r in promises],
        "footer": None,
    }
    missed = [{"promise": f"{r.promise} ({r.clause})", "cases": "; ".join(r.missed_cases)} for r in promises if r.missed_cases]
    deadline_rates = [{"deadline": r.promise, "previous": rate(r, year - 1), "current": rate(r, year)} for r in promises]

    # victims and perpetrators (people in the cases reported in the year)
    victims = [p for c in reported[year] for p in c.victims]
    perpetrators = [p for c in reported[year] for p in c.perpetrators]
    characteristics = [characteristic_table(spec, victims, perpetrators, year) for spec in CHARACTERISTICS]

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
    trends = [
        *trend_sentences(tables["categories"], "Forms of harassment"),
        *trend_sentences(tables["estates"], "Estates"),
        *trend_sentences(tables["motivation"], "Motivations"),
        *trend_sentences(tables["enforcement"], "Actions against perpetrators"),
    ]
    n_incidents = {y: tables["categories"].column_total(str(y)) for y in years}
    victims_total, perpetrators_total = characteristics[0].column_total("Victims"), characteristics[0].column_total("Perpetrators")
    summary = [
        f"This report covers the harassment and hate crime cases reported to {KENISTON.short_name} in {year}, "
        f"compared with {year - 1}, as policy 10.2 and 10.3 require.",
        change_sentence(n_cases[year - 1], n_cases[year], "cases reported", years),
        change_sentence(n_incidents[year - 1], n_incidents[year], "incidents", years),
        f"The cases reported in {year} involved {victims_total.text} victims and {perpetrators_total.text} perpetrators.",
    ]
    kept, broken = sum(r.kept[year] for r in promises), sum(r.missed[year] for r in promises)
    if kept + broken:
        summary.append(
            f"{KENISTON.short_name} kept {kept} of its {kept + broken} promises to victims that fell due in {year} and missed "
            f"{broken}; every miss is listed by case under \"Our own performance\"."
        )
    if rates["current"] != "too few to show":
        summary.append(f"{rates['current']} of the victims who commented on the service were satisfied ({year - 1}: {rates['previous']}).")

    plan = action_plan(plan_folders, year, promises, (rates["previous"], rates["current"]), trends)
    chart_list = _charts(tables, promises, years) if charts else []
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
        "performance": performance_table,
        "missed": missed,
        "trends": trends,
        "action_plan": {"source": plan.source, "written": plan.written, "rows": plan.rows},
        "satisfaction_rates": rates,
        "comments": comments,
        "charts": chart_list,
        "notes": notes,
    }


def _charts(tables: dict[str, Table], promises: list[PromiseRow], years: tuple[int, int]) -> list[dict[str, Any]]:
    from toolkit.annual import charts
    from docx.shared import Mm

    from toolkit.templates.package import Picture

    def image(png: bytes, description: str) -> Picture:
        width, height = charts.size_mm(png)
        return Picture(png, Mm(width), Mm(height), description)

    def share(row: PromiseRow, year: int) -> float | None:
        total = row.kept[year] + row.missed[year]
        return 100 * row.kept[year] / total if total else None

    made = []
    for name, title in (("categories", "Incidents by form of harassment"), ("estates", "Incidents by estate")):
        png = charts.grouped_bars(tables[name], f"{title}, {years[0]} and {years[1]}")
        made.append({"name": name, "title": title, "image": image(png, f"Bar chart: {title.lower()}, {years[0]} and {years[1]}")})
    png = charts.rate_bars([r.promise for r in promises], {str(y): [share(r, y) for r in promises] for y in years},
                           "Promises kept on time")
    made.append({"name": "deadlines", "title": "Promises kept on time",
                 "image": image(png, f"Bar chart: share of Keniston's promises kept on time, {years[0]} and {years[1]}")})
    return made
