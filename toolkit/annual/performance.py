"""Keniston's own performance for the monitoring report: every promise, met or missed.

Domain rule: counts about *people* are suppressed below 5; figures about the association's
own performance are not about people, so they are shown in full, and every miss is listed
by case reference, so that the Management Committee sees its failures (policy 10.2).

The promises, each counted in the year its clock started:

- the clocks ``casedocs check`` judges (:func:`toolkit.deadlines.clocks.case_clocks`): initial
  action (8.1), the incident form (10.1), graffiti removal (6.2) and emergency repairs (8.3)
  within 24 hours, an interpreter booked within 24 hours (8.2), the ABC review on time
  (9.2), consent in place before each referral (8.5);
- every contact interval with each victim (8.10, every ``CONTACT_INTERVAL`` working days):
  from each contact to the next, and from the last one to the report's date while the
  case is open. ``check`` looks only at the current interval; the report looks at all.

A clock still running on the report's date is neither met nor missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from collections.abc import Iterable

from toolkit.casefile.model import Case
from toolkit.deadlines.clocks import CONTACT_INTERVAL, CONTACT_TYPES, add_working_days, case_clocks, end_of

PROMISES = {
    "8.1": "Initial action within 24 hours",
    "10.1": "Incident form within 24 hours",
    "6.2": "Graffiti removed within 24 hours",
    "8.3": "Emergency repairs within 24 hours",
    "8.2": "Interpreter booked within 24 hours",
    "8.10": f"Victim contacted every {CONTACT_INTERVAL} working days",
    "9.2": "ABC reviewed on time",
    "8.5": "Consent in place before a referral",
}


@dataclass(frozen=True)
class Outcome:
    """One promise in one case: kept or missed, and by how much."""

    reference: str
    clause: str
    started: datetime
    met: bool
    late_by: str  # "" when met; "5 hours late", "12 working days late", "not done"


def _late(due: datetime, done: datetime | None, all_day: bool) -> str:
    if done is None:
        return "not done"
    if all_day:
        days, day = 0, due.date()
        while day < done.date():
            day = add_working_days(day, 1)
            days += 1
        return f"{days} working day{'s' if days != 1 else ''} late"
    hours = max(1, round((done - due).total_seconds() / 3600))
    return f"{hours} hour{'s' if hours != 1 else ''} late" if hours < 48 else f"{round(hours / 24)} days late"


def contact_outcomes(case: Case, now: datetime) -> list[Outcome]:
    """Every interval between contacts with each victim, judged at ``now``."""
    outcomes = []
    closed = end_of(case.closed) if case.closed and end_of(case.closed) <= now else None
    for victim in case.victims:
        contacts = sorted(
            a.done for a in case.actions
            if a.type in CONTACT_TYPES and a.done and a.done <= now and (a.party == victim.id or (a.party is None and len(case.victims) == 1))
        )
        for n, start in enumerate(contacts):
            due = end_of(add_working_days(start.date(), CONTACT_INTERVAL))
            following = contacts[n + 1] if n + 1 < len(contacts) else None
            if following is None and (closed or now) <= due:
                continue  # still running, or the case closed before the next contact fell due
            met = following is not None and following <= due
            outcomes.append(Outcome(case.reference, "8.10", start, met, "" if met else _late(due, following, True)))
    return outcomes


def outcomes(case: Case, now: datetime) -> list[Outcome]:
    """Every promise of one case judged at ``now``: the check's clocks, then the contacts."""
    found = []
    for clock in case_clocks(case, now):
        if clock.clause == "8.10" or clock.clause not in PROMISES or (clock.done is None and now <= clock.due):
            continue  # contacts are judged interval by interval below; a running clock is neither
        found.append(Outcome(case.reference, clock.clause, clock.start, clock.met, "" if clock.met else _late(clock.due, clock.done, clock.all_day)))
    return found + contact_outcomes(case, now)


@dataclass(frozen=True)
class PromiseRow:
    promise: str
    clause: str
    kept: dict[int, int]
    missed: dict[int, int]
    missed_cases: list[str]  # "KHA-2026-0002 (12 working days late)", this year's


def performance(cases: Iterable[Case], years: tuple[int, int], now: datetime) -> list[PromiseRow]:
    """One row per promise with kept and missed counts for both years, unsuppressed."""
    judged = [o for case in cases for o in outcomes(case, now) if o.started.year in years]
    rows = []
    for clause, promise in PROMISES.items():
        mine = [o for o in judged if o.clause == clause]
        if not mine:
            continue
        kept = {y: sum(1 for o in mine if o.met and o.started.year == y) for y in years}
        missed = {y: sum(1 for o in mine if not o.met and o.started.year == y) for y in years}
        listed: dict[str, list[str]] = {}
        for o in sorted((o for o in mine if not o.met and o.started.year == years[1]), key=lambda o: (o.reference, o.started)):
            listed.setdefault(o.reference, []).append(o.late_by)
        names = [f"{ref} ({', '.join(lates)})" for ref, lates in listed.items()]
        rows.append(PromiseRow(promise, clause, kept, missed, names))
    return rows


def rate(row: PromiseRow, year: int) -> str:
    total = row.kept[year] + row.missed[year]
    return f"{round(100 * row.kept[year] / total)}%" if total else "none due"
