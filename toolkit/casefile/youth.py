"""The youth court rule (Anti-social Behaviour, Crime and Policing Act 2014 s.1(6), s.1(8)).

An application for an injunction against a respondent under 18 on the application date is
made to a youth court, and the injunction must state a period of at most 12 months. The
same facts decide what ``validate`` says and what the court documents say, so they live
here once, on plain values (the rule runs on the raw YAML data, the documents on the model).

The application date is the day the case log records the ``injunction_application``
(the first, if there are several); before the application is made, the day of the
hearing asked for; with neither, today (the application is still to be made, and the
respondent is no older than they will be then).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING
from collections.abc import Iterable

if TYPE_CHECKING:
    from toolkit.casefile.model import Case

# "Youth Court at Bromley", "Bromley Youth Court", "the youth court sitting at ..."
_YOUTH_COURT = re.compile(r"\byouth\s+court\b", re.I)
_PERIOD = re.compile(r"^\s*(\d+(?:\.\d+)?)\s+(day|week|month|year)s?\s*$", re.I)
_MONTHS_PER = {"day": 12 / 365, "week": 12 / 52, "month": 1.0, "year": 12.0}
MAX_MONTHS_FOR_UNDER_18 = 12


def is_youth_court(court: str | None) -> bool:
    return bool(court and _YOUTH_COURT.search(court))


def duration_months(duration: str | None) -> float | None:
    """"12 months" -> 12.0, "1 year" -> 12.0, "26 weeks" -> 6.0; ``None`` when the text
    states no period ("until further order", empty, or wording casedocs cannot measure)."""
    if not duration:
        return None
    match = _PERIOD.match(duration)
    if not match:
        return None
    return float(match.group(1)) * _MONTHS_PER[match.group(2).lower()]


def application_day(applications: Iterable[date], hearing: date | None, today: date | None = None) -> date:
    """The application date: the first application the log records, else the hearing, else today."""
    recorded = sorted(applications)
    if recorded:
        return recorded[0]
    if hearing is not None:
        return hearing
    return today or date.today()


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def day_of(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def application_date(case: Case) -> date:
    """The case's application date (see the module's docstring)."""
    injunction = case.injunction
    applied = [a.done.date() for a in case.actions if a.type == "injunction_application" and a.done]
    return application_day(applied, day_of(injunction.hearing) if injunction else None)


def respondent_under_18(case: Case) -> bool:
    """True when the injunction's respondent is under 18 on the application date (s.1(8)(a))."""
    if case.injunction is None:
        return False
    return case.party(case.injunction.respondent).is_minor_on(application_date(case))


__all__ = ["MAX_MONTHS_FOR_UNDER_18", "age_on", "application_date", "application_day", "duration_months", "is_youth_court", "respondent_under_18"]
