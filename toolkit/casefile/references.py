"""Ids and what refers to them: each id used once, every reference to a party, an evidence
item or a tenancy clause names one that exists (with the likely one suggested).

A letter quotes a clause's words and names the parties by the ids an incident gives, so a
reference that points nowhere could only be filled in by guessing; it is an error at the
place it is written. (Run by :func:`toolkit.casefile.rules.case_problems`.)
"""

from __future__ import annotations

import difflib
from typing import Any

from toolkit.casefile.plain import Loc, PathProblem, ids, items, party_name, str_list


def _suggest(wrong: str, known: list[str], what: str) -> str:
    close = difflib.get_close_matches(wrong, known, n=1, cutoff=0.5)
    if close:
        return f"did you mean '{close[0]}'?"
    if known:
        return f"the {what} in this case are: {', '.join(sorted(known))}"
    return f"this case has no {what}"


def _dangling(path: Loc, wrong: str, known: dict[str, Any], what: str, singular: str) -> PathProblem:
    return PathProblem(path, f"there is no {singular} with id '{wrong}': {_suggest(wrong, list(known), what)}")


def duplicates(data: dict[str, Any], key: str, singular: str, field: str = "id") -> list[PathProblem]:
    """An id (or, with ``field="exhibit"``, an exhibit mark) used twice, at its second use."""
    seen: dict[str, int] = {}
    problems = []
    for index, item in items(data, key):
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


def reference_problems(data: dict[str, Any]) -> list[PathProblem]:
    """Every party and evidence id used (guardians, incidents, actions, consents, feedback,
    evidence, the ABC, the injunction) names one the case has."""
    parties = ids(data, "parties")
    evidence = ids(data, "evidence")
    problems: list[PathProblem] = []

    def party_ref(path: Loc, value: Any) -> None:
        if isinstance(value, str) and value not in parties:
            problems.append(_dangling(path, value, parties, "parties", "party"))

    for index, party in items(data, "parties"):
        for g, gid in str_list(party.get("guardians")):
            path = ("parties", index, "guardians", g)
            if gid not in parties:
                problems.append(_dangling(path, gid, parties, "parties", "party"))
            elif parties[gid].get("role") != "parent_guardian":
                problems.append(PathProblem(path, f"guardian '{gid}' must be a party with role 'parent_guardian', not '{parties[gid].get('role')}'"))
    for index, incident in items(data, "incidents"):
        for key in ("perpetrators", "victims", "witnesses", "reported_by"):
            for n, pid in str_list(incident.get(key)):
                party_ref(("incidents", index, key, n), pid)
        for n, eid in str_list(incident.get("evidence")):
            if eid not in evidence:
                problems.append(_dangling(("incidents", index, "evidence", n), eid, evidence, "evidence items", "evidence item"))
    for section in ("actions", "consents", "feedback"):
        for index, item in items(data, section):
            party_ref((section, index, "party"), item.get("party"))
    for index, item in items(data, "evidence"):
        party_ref(("evidence", index, "provided_by"), item.get("provided_by"))
    for section, key in (("abc", "party"), ("injunction", "respondent")):
        block = data.get(section)
        if isinstance(block, dict):
            party_ref((section, key), block.get(key))
    abc = data.get("abc")
    if isinstance(abc, dict):
        for n, pid in str_list(abc.get("witnesses")):
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
    guardians = [g for _, g in str_list(parties[pid].get("guardians")) if g in parties]
    return [number for g in guardians for number in _tenancy_clauses(parties[g])]


def clause_problems(data: dict[str, Any]) -> list[PathProblem]:
    """``incidents[].clauses`` name clauses of a perpetrator's own tenancy.

    A letter quotes the clause's words from the tenancy (a child's household's: their
    guardians'), so a number that is in no such tenancy could only be quoted by guessing.
    """
    parties = ids(data, "parties")
    problems = []
    for index, incident in items(data, "incidents"):
        numbers = list(str_list(incident.get("clauses")))
        if not numbers:
            continue
        named = [pid for _, pid in str_list(incident.get("perpetrators")) if pid in parties]
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
    for index, party in items(data, "parties"):
        pid = party.get("id")
        if not isinstance(pid, str) or not _tenancy_clauses(party):
            continue
        theirs = [i for _, i in items(data, "incidents") if pid in [p for _, p in str_list(i.get("perpetrators"))]]
        if theirs and not any(isinstance(i.get("clauses"), list) and i["clauses"] for i in theirs):
            warnings.append(
                PathProblem(
                    ("parties", index, "tenancy", "clauses"),
                    f"none of the incidents of {party_name(party)} says which of these clauses it engages (add 'clauses' to each incident): letters to them will quote no clause",
                )
            )
    return warnings

