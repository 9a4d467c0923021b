"""``casedocs check``: every open case's clocks judged at a moment: overdue, due soon, met late or fine.

The rules (which clocks a case has, when each falls due) are in :mod:`toolkit.deadlines.clocks`;
this module judges them and prints the result for people (a table) or scripts (JSON).

Everything is judged *as at* ``now``: actions done after ``now`` are treated as not done
yet, cases received after it are left out, and a case closed after it still counts as
open. So ``casedocs check --today 2026-03-02`` shows what the check would have shown
that morning.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from collections.abc import Iterable

from toolkit.casefile.model import Case
from toolkit.deadlines.clocks import CONTACT_INTERVAL, Clock, add_working_days, case_clocks, end_of
from toolkit.errors import UsageError

DUE_SOON = 2  # working days ahead that count as "due soon"

STATUSES = ("overdue", "due_soon", "met_late", "ok")
STATUS_WORDS = {"overdue": "overdue", "due_soon": "due soon", "met_late": "met late", "ok": "ok"}


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
@dataclass(frozen=True, kw_only=True)
class CheckItem(Clock):
    """One clock of one case (:class:`~toolkit.deadlines.clocks.Clock`: what, from when, due when,
    done when) and where it stands at ``now``: its case's ``reference`` and its ``status``.

    ``all_day`` items (working-day and date deadlines) fall due at the end of ``due``'s
    day and are shown as dates; the others are shown to the minute.
    """

    reference: str
    status: str

    @classmethod
    def judged(cls, reference: str, clock: Clock, status: str) -> CheckItem:
        return cls(**{f.name: getattr(clock, f.name) for f in fields(Clock)}, reference=reference, status=status)

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
    return [
        CheckItem.judged(case.reference, c, status_of(c.due, c.done, now, soon_until))
        for c in case_clocks(case, now, contact_interval=contact_interval)
    ]


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
