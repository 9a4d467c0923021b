"""The policy's deadlines across open cases: what is overdue, due soon, met late or fine.

Two kinds of clock, because the policy has two kinds of promise:

- **24-hour clocks** (8.1 initial action, 10.1 incident form, 6.2/8.3 graffiti and
  emergency repairs) are 24 real hours from the complaint or the report, weekends and
  bank holidays included: a complaint received at 23:00 on a Friday is due by 23:00 on
  the Saturday. They come from :meth:`toolkit.casefile.model.Case.deadlines`, so the deadline
  check and the monitoring report count them the same way.
- **Working-day clocks** (8.9/8.10 regular contact with each victim, every
  ``contact_interval`` working days) count Monday to Friday, leaving out England and
  Wales bank holidays (the maintained list of the ``holidays`` package), and fall due at
  the end of the last working day.

Besides those, the check flags what the policy requires without a clock of its own: an
ABC review at about ``review_after_months`` (9.2), an interpreter for every party who
needs one before the first contact (8.2), and consent naming the agency before a
referral (8.5).

Everything is judged *as at* ``now``: actions done after ``now`` are treated as not done
yet, cases received after it are left out, and a case closed after it still counts as
open. So ``casedocs check --today 2026-03-02`` shows what the check would have shown
that morning.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Iterable

import holidays

from toolkit.errors import UsageError
from toolkit.casefile.model import Case, add_months, start_of

CONTACT_INTERVAL = 10  # working days between updates to a victim (domain.md: peers' practice)
DUE_SOON = 2  # working days ahead that count as "due soon"
ABC_REVIEW_EARLY = timedelta(days=14)  # a review up to two weeks early is "at about 3 months"
END_OF_DAY = time(23, 59, 59)

STATUSES = ("overdue", "due_soon", "met_late", "ok")
STATUS_WORDS = {"overdue": "overdue", "due_soon": "due soon", "met_late": "met late", "ok": "ok"}
CONTACT_TYPES = ("initial_contact", "victim_update")


# -- working days -------------------------------------------------------------------
@lru_cache(maxsize=1)
def bank_holidays() -> holidays.HolidayBase:
    """England and Wales bank holidays (Wales shares England's), filled in year by year."""
    return holidays.country_holidays("GB", subdiv="ENG")


def is_working_day(day: date) -> bool:
    """Monday to Friday and not an England and Wales bank holiday."""
    return day.weekday() < 5 and day not in bank_holidays()


def add_working_days(day: date, count: int) -> date:
    """The ``count``-th working day after ``day`` (``day`` itself is not counted).

    From Thursday 2 April 2026, 10 working days skip Good Friday and Easter Monday and
    land on Monday 20 April.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    current = day
    while count:
        current += timedelta(days=1)
        if is_working_day(current):
            count -= 1
    return current


def end_of(day: date) -> datetime:
    """The last moment of ``day``: a working-day deadline falls due at the end of the day."""
    return datetime.combine(day, END_OF_DAY)


def parse_moment(text: str) -> datetime:
    """``YYYY-MM-DD`` (the start of that day) or ``YYYY-MM-DDTHH:MM`` for ``--today``."""
    value = text.strip()
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time())
        moment = datetime.fromisoformat(value.replace(" ", "T"))
    except ValueError:
        raise ValueError(f"{text} is not a date or date-time: use YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2026-03-02T09:00") from None
    if moment.tzinfo is not None:
        raise ValueError(f"{text}: give UK local time without a time zone, e.g. 2026-03-02T09:00")
    return moment


# -- one item of the check ------------------------------------------------------------
@dataclass(frozen=True)
class CheckItem:
    """One thing the policy asks for in one case, and where it stands at ``now``.

    ``all_day`` items (working-day and date deadlines) fall due at the end of ``due``'s
    day and are shown as dates; the others are shown to the minute.
    """

    reference: str
    clause: str
    kind: str
    what: str
    start: datetime
    due: datetime
    done: datetime | None
    status: str
    party: str | None = None
    subject: str | None = None
    all_day: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "reference": self.reference,
            "clause": self.clause,
            "kind": self.kind,
            "what": self.what,
            "party": self.party,
            "subject": self.subject,
            "start": _iso(self.start),
            "due": self.due.date().isoformat() if self.all_day else _iso(self.due),
            "done": _iso(self.done) if self.done else None,
            "status": self.status,
        }


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def status_of(due: datetime, done: datetime | None, now: datetime, soon_until: datetime) -> str:
    """``ok`` / ``met_late`` once done; ``overdue`` / ``due_soon`` / ``ok`` while not."""
    if done is not None:
        return "ok" if done <= due else "met_late"
    if now > due:
        return "overdue"
    return "due_soon" if due <= soon_until else "ok"


def open_on(case: Case, now: datetime) -> bool:
    """Whether the case was open at ``now`` (received by then, and not yet closed)."""
    if case.received > now:
        return False
    return case.status == "open" or (case.closed is not None and case.closed > now.date())


# -- the checks of one case -----------------------------------------------------------
def case_items(
    case: Case,
    now: datetime,
    *,
    contact_interval: int = CONTACT_INTERVAL,
    soon: int = DUE_SOON,
) -> list[CheckItem]:
    """Every deadline and requirement of one case, judged at ``now`` (open or not)."""
    soon_until = end_of(add_working_days(now.date(), soon))

    def known(moment: datetime | None) -> datetime | None:
        return moment if moment is not None and moment <= now else None

    def item(clause: str, kind: str, what: str, start: datetime, due: datetime, done: datetime | None, **extra: object) -> CheckItem:
        return CheckItem(case.reference, clause, kind, what, start, due, done, status_of(due, done, now, soon_until), **extra)  # type: ignore[arg-type]

    items: list[CheckItem] = []
    # 8.1, 10.1, 6.2, 8.3: the 24-hour clocks, as the model computes them
    for clock in case.deadlines():
        if clock.start > now:
            continue
        what = clock.what + (f" (incident {clock.subject})" if clock.subject else "")
        items.append(item(clock.clause, clock.action_type, what, clock.start, clock.due, known(clock.done), subject=clock.subject))

    # 8.9, 8.10: regular contact with each victim
    victims = case.victims
    for victim in victims:
        contacts = [
            a.done for a in case.actions
            if a.type in CONTACT_TYPES and known(a.done) and (a.party == victim.id or (a.party is None and len(victims) == 1))
        ]
        last = max(contacts, default=case.received)  # type: ignore[type-var]
        since = "since the complaint" if not contacts else f"since {last.date().isoformat()}"
        # a planned update's own ``due`` overrides the interval (an agreed time), as in the model
        planned = sorted(
            a.due for a in case.actions
            if a.type == "victim_update" and a.party == victim.id and a.due and a.due > last and not known(a.done)
        )
        if planned:
            due, all_day, rule = planned[0], False, "planned"
        else:
            due, all_day, rule = end_of(add_working_days(last.date(), contact_interval)), True, f"every {contact_interval} working days"
        items.append(
            item("8.10", "victim_update", f"contact with victim {victim.id} ({since}, {rule})",
                 last, due, None, party=victim.id, all_day=all_day)
        )

    # 9.2: the ABC review at about review_after_months
    abc = case.abc
    if abc is not None:
        started = abc.start or next(
            (a.done.date() for a in sorted(case.actions, key=lambda a: a.done or datetime.max)
             if a.type == "abc" and a.done and a.party in (abc.party, None)),
            None,
        )
        if started is not None and start_of(started) <= now:
            review_day = add_months(started, abc.review_after_months)
            window_opens = start_of(review_day) - ABC_REVIEW_EARLY
            reviews = sorted(
                a.done for a in case.actions
                if a.type == "abc_review" and known(a.done) and a.done >= window_opens and a.party in (abc.party, None)
            )
            # an agreed review time recorded on the abc_review action overrides, as in the model
            agreed = sorted(a.due for a in case.actions if a.type == "abc_review" and a.due and a.party in (abc.party, None))
            items.append(
                item("9.2", "abc_review", f"ABC review for {abc.party} ({abc.review_after_months} months after {started.isoformat()})",
                     start_of(started), agreed[0] if agreed else end_of(review_day), reviews[0] if reviews else None,
                     party=abc.party, all_day=not agreed)
            )

    # 8.2: an interpreter for everyone who needs one, booked in time for the first contact
    for party in case.parties:
        if not party.interpreter:
            continue
        booked = sorted(
            a.done for a in case.actions
            if a.type == "interpreter_booked" and known(a.done) and a.party in (party.id, None)
        )
        items.append(
            item("8.2", "interpreter_booked", f"interpreter booked for {party.id} ({party.language})",
                 case.received, case.received + timedelta(hours=24), booked[0] if booked else None, party=party.id)
        )

    # 8.5: consent naming the agency before any referral
    for action in case.actions:
        if action.type != "referral" or not action.agency or not action.party or not known(action.done):
            continue
        assert action.done is not None
        consent = case.consent_for(action.party, action.agency, action.done.date())
        if consent is not None:
            done: datetime | None = start_of(consent.given)
        else:  # consent recorded later (met late) or never (overdue)
            later = sorted(
                c.given for c in case.consents
                if c.party == action.party and c.given > action.done.date() and start_of(c.given) <= now
                and c.covers(action.agency, c.given)
            )
            done = datetime.combine(later[0], time()) if later else None
        due = end_of(action.done.date())
        items.append(
            item("8.5", "referral", f"consent from {action.party} to share with {action.agency} (referral {action.done.date().isoformat()})",
                 action.done, due, done, party=action.party, all_day=True)
        )
    return items


# -- across cases -----------------------------------------------------------------------
@dataclass(frozen=True)
class CheckReport:
    now: datetime
    contact_interval: int
    soon: int
    cases_checked: list[str]
    items: list[CheckItem]

    @property
    def counts(self) -> dict[str, int]:
        return {status: sum(1 for i in self.items if i.status == status) for status in STATUSES}

    @property
    def anything_overdue(self) -> bool:
        return any(i.status == "overdue" for i in self.items)

    def as_json(self) -> dict[str, object]:
        return {
            "today": _iso(self.now),
            "contact_interval_working_days": self.contact_interval,
            "due_soon_working_days": self.soon,
            "cases_checked": self.cases_checked,
            "counts": self.counts,
            "items": [i.as_json() for i in self.items],
        }


def check_cases(
    cases: Iterable[Case],
    now: datetime,
    *,
    contact_interval: int = CONTACT_INTERVAL,
    soon: int = DUE_SOON,
) -> CheckReport:
    """The check over every case open at ``now``, most urgent first."""
    if contact_interval < 1:
        raise UsageError("--contact-interval must be at least 1 working day")
    if soon < 0:
        raise UsageError("--soon must not be negative")
    checked = sorted((c for c in cases if open_on(c, now)), key=lambda c: c.reference)
    items = [i for case in checked for i in case_items(case, now, contact_interval=contact_interval, soon=soon)]
    items.sort(key=lambda i: (STATUSES.index(i.status), i.due, i.reference, i.clause, i.what))
    return CheckReport(now, contact_interval, soon, [c.reference for c in checked], items)


# -- output ------------------------------------------------------------------------------
def _when(item: CheckItem, now: datetime) -> str:
    if item.status == "overdue":
        return "late by " + _span(now - item.due)
    if item.status == "due_soon":
        return "in " + _span(item.due - now)
    if item.status == "met_late" and item.done is not None:
        return "late by " + _span(item.done - item.due)
    return ""


def _span(delta: timedelta) -> str:
    hours = max(0, int(delta.total_seconds() // 3600))
    if hours < 48:
        return f"{hours} h" if hours else "under 1 h"
    return f"{hours // 24} days"


def _moment(item: CheckItem, value: datetime | None) -> str:
    if value is None:
        return "-"
    return value.date().isoformat() if item.all_day else value.isoformat(sep=" ", timespec="minutes")


def format_table(report: CheckReport, *, show_all: bool = False) -> str:
    """The check as a plain-text table for a terminal (overdue and due soon unless ``show_all``)."""
    shown = [i for i in report.items if show_all or i.status in ("overdue", "due_soon")]
    counts = report.counts
    lines = [
        f"Deadlines at {report.now.isoformat(sep=' ', timespec='minutes')}: {len(report.cases_checked)} open case(s); "
        f"contact every {report.contact_interval} working days; due soon = within {report.soon} working days",
        ", ".join(f"{counts[s]} {STATUS_WORDS[s]}" for s in STATUSES),
        "",
    ]
    if not shown:
        lines.append("Nothing is overdue or due soon." if not show_all else "Nothing to check.")
        return "\n".join(lines) + "\n"
    header = ("STATUS", "CASE", "CLAUSE", "DUE", "DONE", "WHEN", "WHAT")
    rows = [
        (STATUS_WORDS[i.status], i.reference, i.clause, _moment(i, i.due), _moment(i, i.done), _when(i, report.now), i.what)
        for i in shown
    ]
    widths = [max(len(r[n]) for r in [header, *rows]) for n in range(len(header) - 1)]
    for row in [header, *rows]:
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1])
    if not show_all:
        lines += ["", "(--all also lists what was met late and what is on track)"]
    return "\n".join(lines) + "\n"


def format_json(report: CheckReport) -> str:
    """Every item, whatever its status, for scripts."""
    return json.dumps(report.as_json(), indent=2, ensure_ascii=False) + "\n"
