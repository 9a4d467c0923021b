"""Rules that span more than one key: cross references, evidence paths, minors, closure.

They run on the case's plain data (as read from YAML), not on the validated model, so
that a file with a typo in one section *and* a dangling id in another gets both
reported in one run. Each rule tolerates data of the wrong shape: shape errors are the
model's to report.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from collections.abc import Callable, Iterator

from toolkit.casefile.values import EVIDENCE_SUFFIXES, REFERENCE_PATTERN
from toolkit.casefile.youth import MAX_MONTHS_FOR_UNDER_18, age_on, application_day, duration_months, is_youth_court

Loc = tuple[str | int, ...]
_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]|$)")


@dataclass(frozen=True)
class PathProblem:
    """A problem at a key path (``('parties', 0, 'guardians', 1)``), located later.

    ``first`` is the path of an earlier value the problem refers to (the first use of a
    duplicated id); :meth:`render` says where it is, by line when lines are known.
    """

    path: Loc
    message: str
    first: Loc = ()

    def render(self, line_of: Callable[[Loc], int] | None = None) -> str:
        if not self.first:
            return self.message
        if line_of is not None:
            return f"{self.message} (the first is at line {line_of(self.first)})"
        return f"{self.message} (the first is {dotted(self.first)})"


def dotted(path: Loc) -> str:
    """``('parties', 2, 'id')`` -> ``parties[2].id``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _items(data: dict[str, Any], key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    value = data.get(key)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _ids(data: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    return {str(item["id"]): item for _, item in _items(data, key) if isinstance(item.get("id"), str)}


def _str_list(value: Any) -> Iterator[tuple[int, str]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield index, item


def _suggest(wrong: str, known: list[str], what: str) -> str:
    close = difflib.get_close_matches(wrong, known, n=1, cutoff=0.5)
    if close:
        return f"did you mean '{close[0]}'?"
    if known:
        return f"the {what} in this case are: {', '.join(sorted(known))}"
    return f"this case has no {what}"


def _dangling(path: Loc, wrong: str, known: dict[str, Any], what: str, singular: str) -> PathProblem:
    return PathProblem(path, f"there is no {singular} with id '{wrong}': {_suggest(wrong, list(known), what)}")


def _duplicates(data: dict[str, Any], key: str, singular: str, field: str = "id") -> list[PathProblem]:
    seen: dict[str, int] = {}
    problems = []
    for index, item in _items(data, key):
        ident = item.get(field)
        if not isinstance(ident, str):
            continue
        if ident in seen:
            if field == "id":
                message = f"the {singular} id '{ident}' is used twice: each {singular} needs its own id"
            else:
                message = f"the exhibit mark '{ident}' is used twice: each evidence item needs its own mark"
            problems.append(PathProblem((key, index, field), message, first=(key, seen[ident], field)))
        else:
            seen[ident] = index
    return problems


def _reference_problems(data: dict[str, Any]) -> list[PathProblem]:
    parties = _ids(data, "parties")
    evidence = _ids(data, "evidence")
    problems: list[PathProblem] = []

    def party_ref(path: Loc, value: Any) -> None:
        if isinstance(value, str) and value not in parties:
            problems.append(_dangling(path, value, parties, "parties", "party"))

    for index, party in _items(data, "parties"):
        for g, gid in _str_list(party.get("guardians")):
            path = ("parties", index, "guardians", g)
            if gid not in parties:
                problems.append(_dangling(path, gid, parties, "parties", "party"))
            elif parties[gid].get("role") != "parent_guardian":
                problems.append(PathProblem(path, f"guardian '{gid}' must be a party with role 'parent_guardian', not '{parties[gid].get('role')}'"))
    for index, incident in _items(data, "incidents"):
        for key in ("perpetrators", "victims", "witnesses", "reported_by"):
            for n, pid in _str_list(incident.get(key)):
                party_ref(("incidents", index, key, n), pid)
        for n, eid in _str_list(incident.get("evidence")):
            if eid not in evidence:
                problems.append(_dangling(("incidents", index, "evidence", n), eid, evidence, "evidence items", "evidence item"))
    for section in ("actions", "consents", "feedback"):
        for index, item in _items(data, section):
            party_ref((section, index, "party"), item.get("party"))
    for index, item in _items(data, "evidence"):
        party_ref(("evidence", index, "provided_by"), item.get("provided_by"))
    for section, key in (("abc", "party"), ("injunction", "respondent")):
        block = data.get(section)
        if isinstance(block, dict):
            party_ref((section, key), block.get(key))
    abc = data.get("abc")
    if isinstance(abc, dict):
        for n, pid in _str_list(abc.get("witnesses")):
            party_ref(("abc", "witnesses", n), pid)
    return problems


def _tenancy_clauses(party: dict[str, Any]) -> list[str]:
    tenancy = party.get("tenancy")
    if not isinstance(tenancy, dict) or not isinstance(tenancy.get("clauses"), list):
        return []
    return [str(c["number"]).strip() for c in tenancy["clauses"] if isinstance(c, dict) and c.get("number") is not None]


def _household_clauses(parties: dict[str, dict[str, Any]], pid: str) -> list[str]:
    """A perpetrator's own tenancy clauses, else (a child's) those of their guardians' tenancy."""
    own = _tenancy_clauses(parties[pid])
    if own:
        return own
    guardians = [g for _, g in _str_list(parties[pid].get("guardians")) if g in parties]
    return [number for g in guardians for number in _tenancy_clauses(parties[g])]


def _clause_problems(data: dict[str, Any]) -> list[PathProblem]:
    """``incidents[].clauses`` name clauses of a perpetrator's own tenancy.

    A letter quotes the clause's words from the tenancy (a child's household's: their
    guardians'), so a number that is in no such tenancy could only be quoted by guessing.
    """
    parties = _ids(data, "parties")
    problems = []
    for index, incident in _items(data, "incidents"):
        numbers = list(_str_list(incident.get("clauses")))
        if not numbers:
            continue
        named = [pid for _, pid in _str_list(incident.get("perpetrators")) if pid in parties]
        known = sorted({number for pid in named for number in _household_clauses(parties, pid)})
        for n, number in numbers:
            number = number.strip()
            if number in known:
                continue
            path = ("incidents", index, "clauses", n)
            if not named:
                why = "the incident names no perpetrator whose tenancy it could engage: add 'perpetrators' or remove 'clauses'"
            elif not known:
                who = ", ".join(named)
                why = f"the tenancy of {who} lists no clauses: add them under the party's 'tenancy: clauses' (number and text)"
            else:
                close = difflib.get_close_matches(number, known, n=1, cutoff=0.5)
                listed = f"the perpetrator's tenancy has {', '.join(known)}"
                why = f"did you mean '{close[0]}'? ({listed})" if close else listed
            problems.append(PathProblem(path, f"there is no tenancy clause '{number}': {why}"))
    return problems


def case_warnings(data: dict[str, Any]) -> list[PathProblem]:
    """What ``validate`` points out although the file is valid: a person should act.

    A tenant perpetrator none of whose incidents names the clauses it engages gets
    letters that quote no clause at all (letters quote only the engaged ones).
    """
    warnings = []
    for index, party in _items(data, "parties"):
        pid = party.get("id")
        if not isinstance(pid, str) or not _tenancy_clauses(party):
            continue
        theirs = [i for _, i in _items(data, "incidents") if pid in [p for _, p in _str_list(i.get("perpetrators"))]]
        if theirs and not any(isinstance(i.get("clauses"), list) and i["clauses"] for i in theirs):
            warnings.append(
                PathProblem(
                    ("parties", index, "tenancy", "clauses"),
                    f"none of the incidents of {_who(party)} says which of these clauses it engages (add 'clauses' to each incident): letters to them will quote no clause",
                )
            )
    return warnings


def _parse_day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DAY_RE.match(value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _parse_moment(value: Any) -> date | datetime | None:
    """A date-time where the value has a time, else a date (the model reports bad values)."""
    day = _parse_day(value)
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
    for index, incident in _items(data, "incidents"):
        problems += _out_of_order(
            incident.get("occurred"), incident.get("reported"), ("incidents", index, "reported"),
            "the incident is reported at {then}, before it occurred ({first}): check both times",
        )
    for index, consent in _items(data, "consents"):
        problems += _out_of_order(
            consent.get("given"), consent.get("withdrawn"), ("consents", index, "withdrawn"),
            "the consent is withdrawn on {then}, before it was given ({first}): check both dates",
        )
    for index, action in _items(data, "actions"):
        problems += _out_of_order(
            received, action.get("done"), ("actions", index, "done"),
            "this action is done at {then}, before the case was received ({first}): check the date (or the case's 'received')",
        )
    return problems


def _who(party: dict[str, Any]) -> str:
    for key in ("name", "id"):
        value = party.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return "this party"


def _minor_problems(data: dict[str, Any]) -> list[PathProblem]:
    """Policy 9.1: letters about a perpetrator under 18 go to their parents or guardians.

    Age is taken on the day the complaint was received: documents are dated later, so a
    perpetrator who is an adult then is an adult in every document.
    """
    received = _parse_day(data.get("received"))
    if received is None:
        return []
    named = {pid for _, i in _items(data, "incidents") for _, pid in _str_list(i.get("perpetrators"))}
    problems = []
    for index, party in _items(data, "parties"):
        born = _parse_day(party.get("date_of_birth"))
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
                    f"{_who(party)} was {age} when the complaint was received ({received.isoformat()}): a perpetrator under 18 needs 'guardians' (the ids of parent_guardian parties, policy 9.1)",
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
    respondent = next((p for _, p in _items(data, "parties") if p.get("id") == block.get("respondent")), None)
    born = _parse_day(respondent.get("date_of_birth")) if respondent else None
    if respondent is None or born is None:
        return []
    applied = [d for _, a in _items(data, "actions") if a.get("type") == "injunction_application" and (d := _parse_day(a.get("done")))]
    on = application_day(applied, _parse_day(block.get("hearing")))
    age = age_on(born, on)
    if age >= 18:
        return []
    who = f"{_who(respondent)} is {age} on the application date ({on.isoformat()})"
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


def evidence_path_problem(file: str, evidence_dir: Path) -> str | None:
    """Why ``file`` (relative to the case file's folder) is not an acceptable evidence file."""
    folder = f"evidence/{evidence_dir.name}/"
    if not file.strip():
        return None  # an empty value is the model's to report
    if "\x00" in file:
        return f"'{file}' contains a NUL character: give the path from the case file's folder, e.g. {folder}photo.jpg"
    if PurePosixPath(file).is_absolute() or PureWindowsPath(file).is_absolute() or PureWindowsPath(file).drive:
        return f"'{file}' is an absolute path: give the path from the case file's folder, e.g. {folder}photo.jpg"
    parts = PurePosixPath(file.replace("\\", "/")).parts
    if ".." in parts:
        return f"'{file}' goes up a folder with '..': evidence must stay inside {folder}"
    base = evidence_dir.parent.parent
    target = base.joinpath(*parts)
    try:
        inside = evidence_dir.resolve()
        resolved = target.resolve()
    except (OSError, RuntimeError, ValueError):
        return f"'{file}' cannot be followed (a symbolic link loop?)"
    if resolved != inside and inside not in resolved.parents:
        lexical = Path(os.path.normpath(target))
        if lexical == evidence_dir or evidence_dir in lexical.parents:
            return f"'{file}' is a symbolic link that leads outside {folder}: copy the file into the folder instead"
        return f"'{file}' is not inside this case's evidence folder: put it under {folder}"
    try:
        is_file, is_dir = resolved.is_file(), resolved.is_dir()
    except (OSError, ValueError):
        is_file = is_dir = False
    if is_dir:
        return f"'{file}' is a folder: name the evidence file inside it, e.g. {folder}photo.jpg"
    if not is_file:
        return f"the evidence file '{file}' does not exist: check the spelling, or put the file in {folder}"
    if resolved.suffix.lower() not in EVIDENCE_SUFFIXES:
        return f"'{file}' is not a kind of file the toolkit can put in a bundle: use PDF, JPEG, PNG, TIFF, DOCX or plain text"
    if not os.access(resolved, os.R_OK):
        return f"the evidence file '{file}' cannot be read (check its permissions)"
    return None


def _valid_reference(data: dict[str, Any]) -> str | None:
    reference = data.get("reference")
    if isinstance(reference, str) and re.match(REFERENCE_PATTERN, reference):
        return reference
    return None  # a malformed reference is the model's to report


def _evidence_problems(data: dict[str, Any], source: Path | None) -> list[PathProblem]:
    reference = _valid_reference(data)
    if source is None or reference is None:
        return []
    evidence_dir = source.parent / "evidence" / reference
    problems = []
    for index, item in _items(data, "evidence"):
        for key in ("file", "respondent_file"):
            file = item.get(key)
            if isinstance(file, str):
                why = evidence_path_problem(file, evidence_dir)
                if why:
                    problems.append(PathProblem(("evidence", index, key), why))
    return problems


def _reference_name_problems(data: dict[str, Any], source: Path | None) -> list[PathProblem]:
    reference = _valid_reference(data)
    if source is None or reference is None or reference == source.stem:
        return []
    return [
        PathProblem(
            ("reference",),
            f"the reference '{reference}' does not match the file name '{source.name}': rename the file to {reference}.yaml or correct the reference",
        )
    ]


def case_problems(data: dict[str, Any], source: Path | None) -> list[PathProblem]:
    """Every cross-key problem in ``data``; ``source`` enables the file-system rules."""
    problems = _reference_name_problems(data, source)
    for key, singular in (("parties", "party"), ("incidents", "incident"), ("evidence", "evidence item"), ("actions", "action")):
        problems += _duplicates(data, key, singular)
    problems += _duplicates(data, "evidence", "evidence item", field="exhibit")
    problems += _reference_problems(data)
    problems += _minor_problems(data)
    problems += _status_problems(data)
    problems += _chronology_problems(data)
    problems += _arrest_term_problems(data)
    problems += _clause_problems(data)
    problems += _youth_court_problems(data)
    problems += _evidence_problems(data, source)
    return problems
