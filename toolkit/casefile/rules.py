"""Rules that span more than one key, and the order every cross-key rule runs in.

They run on the case's plain data (as read from YAML; :mod:`toolkit.casefile.plain`), not
on the validated model, so that a file with a typo in one section *and* a dangling id in
another gets both reported in one run. Each rule tolerates data of the wrong shape: shape
errors are the model's to report.

Here: dates that contradict each other, perpetrators under 18 (policy 9.1), the youth
court (2014 Act s.1(6), s.1(8)), the injunction's arrest terms and a closed case's
closure. Ids and references are in :mod:`toolkit.casefile.references`, the rules that
look at the disk in :mod:`toolkit.casefile.on_disk`; :func:`case_problems` runs them all.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from toolkit.casefile.on_disk import evidence_problems, reference_name_problems
from toolkit.casefile.plain import Loc, PathProblem, items, parse_day, party_name, str_list
from toolkit.casefile.references import clause_problems, duplicates, reference_problems
from toolkit.casefile.youth import MAX_MONTHS_FOR_UNDER_18, age_on, application_day, duration_months, is_youth_court


def _parse_moment(value: Any) -> date | datetime | None:
    """A date-time where the value has a time, else a date (the model reports bad values)."""
    day = parse_day(value)
    if day is None or isinstance(value, date):
        return day
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return day
    return moment.replace(tzinfo=None) if len(value.strip()) > 10 else day


def _before(earlier: date | datetime, later: date | datetime) -> bool:
    """Whether ``earlier`` is strictly before ``later``, by time where both have one, else by day."""
    if isinstance(earlier, datetime) and isinstance(later, datetime):
        return earlier < later
    day = earlier.date() if isinstance(earlier, datetime) else earlier
    return day < (later.date() if isinstance(later, datetime) else later)


def _shown(value: Any) -> str:
    return str(value).strip()


def _out_of_order(first: Any, then: Any, path: Loc, message: str) -> list[PathProblem]:
    """A problem at ``path`` when ``then`` is before ``first`` (a value that cannot be read is the
    model's to report); ``message`` shows both as written, as ``{then}`` and ``{first}``."""
    earlier, later = _parse_moment(first), _parse_moment(then)
    if earlier is None or later is None or not _before(later, earlier):
        return []
    return [PathProblem(path, message.format(then=_shown(then), first=_shown(first)))]


def _chronology_problems(data: dict[str, Any]) -> list[PathProblem]:
    """Dates that contradict each other: each is wrong somewhere, so none can be trusted in a letter.

    A case cannot close before it was received, nor an action be done before it; an
    incident cannot be reported before it happened; a consent cannot be withdrawn before
    it was given. (A date of birth after the complaint is checked with the minors.)
    """
    received = data.get("received")
    problems = _out_of_order(
        received, data.get("closed"), ("closed",), "the case is closed on {then}, before it was received ({first}): check both dates",
    )
    for index, incident in items(data, "incidents"):
        problems += _out_of_order(
            incident.get("occurred"), incident.get("reported"), ("incidents", index, "reported"),
            "the incident is reported at {then}, before it occurred ({first}): check both times",
        )
    for index, consent in items(data, "consents"):
        problems += _out_of_order(
            consent.get("given"), consent.get("withdrawn"), ("consents", index, "withdrawn"),
            "the consent is withdrawn on {then}, before it was given ({first}): check both dates",
        )
    for index, action in items(data, "actions"):
        problems += _out_of_order(
            received, action.get("done"), ("actions", index, "done"),
            "this action is done at {then}, before the case was received ({first}): check the date (or the case's 'received')",
        )
    return problems


def _minor_problems(data: dict[str, Any]) -> list[PathProblem]:
    """Policy 9.1: letters about a perpetrator under 18 go to their parents or guardians.

    Age is taken on the day the complaint was received: documents are dated later, so a
    perpetrator who is an adult then is an adult in every document.
    """
    received = parse_day(data.get("received"))
    if received is None:
        return []
    named = {pid for _, i in items(data, "incidents") for _, pid in str_list(i.get("perpetrators"))}
    problems = []
    for index, party in items(data, "parties"):
        born = parse_day(party.get("date_of_birth"))
        if born is None:
            continue
        if born > received:
            problems.append(
                PathProblem(
                    ("parties", index, "date_of_birth"),
                    f"the date of birth {born.isoformat()} is after the complaint was received ({received.isoformat()}): check the year",
                )
            )
            continue
        ident = party.get("id")
        if party.get("role") != "perpetrator" and not (isinstance(ident, str) and ident in named):
            continue
        if party.get("guardians"):
            continue
        age = received.year - born.year - ((received.month, received.day) < (born.month, born.day))
        if age < 18:
            problems.append(
                PathProblem(
                    ("parties", index, "date_of_birth"),
                    f"{party_name(party)} was {age} when the complaint was received ({received.isoformat()}): a perpetrator under 18 needs 'guardians' (the ids of parent_guardian parties, policy 9.1)",
                )
            )
    return problems


def _arrest_term_problems(data: dict[str, Any]) -> list[PathProblem]:
    """``injunction.arrest_terms`` numbers terms that exist, in an order that asks for a power of arrest."""
    block = data.get("injunction")
    if not isinstance(block, dict) or not isinstance(block.get("arrest_terms"), list):
        return []
    listed = block.get("terms")
    terms = listed if isinstance(listed, list) else []
    problems = []
    if str(block.get("power_of_arrest")).lower() not in ("true", "yes", "on", "1"):
        problems.append(PathProblem(("injunction", "arrest_terms"), "'arrest_terms' needs 'power_of_arrest: true' (s.4 of the 2014 Act)"))
    for index, number in enumerate(block["arrest_terms"]):
        if str(number).isdigit() and not 1 <= int(number) <= len(terms):
            problems.append(PathProblem(("injunction", "arrest_terms", index), f"there is no term {number}: the injunction has {len(terms)} terms (1 is the first)"))
    return problems


def _youth_court_problems(data: dict[str, Any]) -> list[PathProblem]:
    """2014 Act s.1(8)(a) and s.1(6): a respondent under 18 on the application date is taken
    to a youth court, for a stated period of at most 12 months."""
    block = data.get("injunction")
    if not isinstance(block, dict):
        return []
    respondent = next((p for _, p in items(data, "parties") if p.get("id") == block.get("respondent")), None)
    born = parse_day(respondent.get("date_of_birth")) if respondent else None
    if respondent is None or born is None:
        return []
    applied = [d for _, a in items(data, "actions") if a.get("type") == "injunction_application" and (d := parse_day(a.get("done")))]
    on = application_day(applied, parse_day(block.get("hearing")))
    age = age_on(born, on)
    if age >= 18:
        return []
    who = f"{party_name(respondent)} is {age} on the application date ({on.isoformat()})"
    problems = []
    court = block.get("court")
    if isinstance(court, str) and not is_youth_court(court):
        problems.append(PathProblem(
            ("injunction", "court"),
            f"{who}: an application against a respondent under 18 is made to a youth court, not the '{court.strip()}' "
            "(2014 Act s.1(8)(a)); write the youth court, e.g. 'Youth Court at Bromley'",
        ))
    duration = block.get("duration")
    months = duration_months(duration) if isinstance(duration, str) else None
    if months is None or months > MAX_MONTHS_FOR_UNDER_18:
        said = f"'{duration.strip()}'" if isinstance(duration, str) and duration.strip() else "no period"
        problems.append(PathProblem(
            ("injunction", "duration") if "duration" in block else ("injunction",),
            f"{who}: the injunction must state a period of at most 12 months (2014 Act s.1(6)), not {said}; "
            "write e.g. 'duration: 6 months'",
        ))
    return problems


def _status_problems(data: dict[str, Any]) -> list[PathProblem]:
    status = data.get("status")
    if status == "closed":
        wanted = {"closed": "'closed' (the date it was closed, YYYY-MM-DD)", "closure_reason": "'closure_reason' (why it was closed)"}
        missing = [words for key, words in wanted.items() if data.get(key) is None]
        if missing:
            return [PathProblem(("status",), f"the case is closed, so it needs {' and '.join(missing)}")]
        return []
    if status == "open" and data.get("closed") is not None:
        return [PathProblem(("closed",), "the case is open but has a 'closed' date: set 'status: closed' or remove the date")]
    return []


def case_problems(data: dict[str, Any], source: Path | None) -> list[PathProblem]:
    """Every cross-key problem in ``data``; ``source`` enables the file-system rules."""
    problems = reference_name_problems(data, source)
    for key, singular in (("parties", "party"), ("incidents", "incident"), ("evidence", "evidence item"), ("actions", "action")):
        problems += duplicates(data, key, singular)
    problems += duplicates(data, "evidence", "evidence item", field="exhibit")
    problems += reference_problems(data)
    problems += _minor_problems(data)
    problems += _status_problems(data)
    problems += _chronology_problems(data)
    problems += _arrest_term_problems(data)
    problems += clause_problems(data)
    problems += _youth_court_problems(data)
    problems += evidence_problems(data, source)
    return problems
