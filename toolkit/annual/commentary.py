"""The report's words: trends in plain English, and the action plan (policy 10.2: "trends
will be noted and relevant action taken").

Trends compare the two years of a suppressed table row by row: what rose, what fell, what
stayed the same, and what is too small to compare (a hidden count on either side). No
percentage is printed: with numbers this small a percentage says more than the figures do.

The action plan is written by the Housing Services Manager, one small YAML file a year,
``action-plans/<year>.yaml`` beside the case files (the README documents it)::

    year: 2026
    written_by: Joanna Okafor, Housing Services Manager
    actions:
      - issue: Victims were not contacted every 10 working days in five cases
        action: Hand every open case over before an officer's leave; weekly deadline check
        owner: Neighbourhood Services Team Leader
        by: 2027-03-31

It is checked like a case file (unknown keys, dates, ``file:line:col`` errors). Without
one, the report lists the points the figures raise, for the Committee to decide on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterable

from pydantic import ValidationError

from toolkit.annual.performance import PromiseRow
from toolkit.annual.stats import Cell, Table
from toolkit.casefile.model import CaseDate, Strict, Text
from toolkit.casefile.source import parse_text
from toolkit.errors import InputError

PLAN_FOLDER = "action-plans"


def _lower(label: str) -> str:
    """"Verbal abuse" -> "verbal abuse" mid-sentence; a proper name ("Kestrel Park Estate",
    "Acceptable Behaviour Contracts") keeps its capitals."""
    words = label.split()
    if any(w[:1].isupper() for w in words[1:]) or label[:2].isupper():
        return label
    return label[:1].lower() + label[1:]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def trend_sentences(table: Table, what: str) -> list[str]:
    """What rose, fell, stayed the same and is too small to compare, row by row."""
    before_col, after_col = table.columns[0], table.columns[1]
    rose, fell, same, small = [], [], [], []
    for n, label in enumerate(table.rows):
        before, after = table.cells[n][0], table.cells[n][1]
        if before.shown and after.shown:
            a, b = before.value or 0, after.value or 0
            if a == b == 0:
                continue
            name = _lower(label)
            if b > a:
                rose.append(f"{name} (from {a} to {b})")
            elif b < a:
                fell.append(f"{name} (from {a} to {b})")
            else:
                same.append(f"{name} ({a})")
        else:
            small.append(_lower(label))
    sentences = []
    if rose:
        sentences.append(f"{what} that rose from {before_col} to {after_col}: {_join(rose)}.")
    if fell:
        sentences.append(f"{what} that fell: {_join(fell)}.")
    if same:
        sentences.append(f"{what} unchanged: {_join(same)}.")
    if small:
        sentences.append(f"{what} too small to compare: {_join(small)}.")
    return sentences


def change_sentence(before: Cell, after: Cell, what: str, years: tuple[int, int]) -> str:
    """One headline comparison, in words; never a percentage."""
    if not (before.shown and after.shown):
        return f"The numbers of {what} in {years[0]} and {years[1]} are too small to compare."
    a, b = before.value or 0, after.value or 0
    if a == 0 and b:  # nothing in the case files for the year before: say so, claim no trend
        return f"No {what} are recorded for {years[0]} in these case files; {after.text} in {years[1]}."
    if a == b:
        return f"The number of {what} stayed at {after.text} ({years[0]}: {before.text})."
    return f"The number of {what} {'rose' if b > a else 'fell'} from {before.text} in {years[0]} to {after.text} in {years[1]}."


# -- the action plan ---------------------------------------------------------------------------
class PlannedAction(Strict):
    issue: Text
    action: Text
    owner: Text
    by: CaseDate


class ActionPlan(Strict):
    year: int
    written_by: Text
    actions: list[PlannedAction]


@dataclass(frozen=True)
class PlanSection:
    """What the report prints under "Action plan": whose plan it is, and its rows."""

    source: str  # "written by ..." or "points raised by the figures"
    written: bool
    rows: list[dict[str, str]]


def plan_path(folders: Iterable[str | Path], year: int) -> Path | None:
    for folder in folders:
        candidate = Path(folder) / PLAN_FOLDER / f"{year}.yaml"
        if Path(folder).is_dir() and candidate.is_file():
            return candidate
    return None


def load_plan(path: Path, year: int) -> ActionPlan:
    located = parse_text(path.read_bytes(), str(path))
    try:
        plan = ActionPlan.model_validate(located.data)
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(first["loc"])
        line, col = located.values.get(loc) or located.keys.get(loc) or located.values.get(loc[:-1], (1, 1))
        raise InputError.at(path, line, col, f"{'.'.join(map(str, loc)) or 'the plan'}: {first['msg']}") from None
    if plan.year != year:
        line, col = located.values.get(("year",), (1, 1))
        raise InputError.at(path, line, col, f"this action plan is for {plan.year}, but its file name says {year}")
    return plan


def action_plan(folders: Iterable[str | Path], year: int, rows: list[PromiseRow], satisfaction: tuple[str, str],
                trends: list[str]) -> PlanSection:
    """The Housing Services Manager's plan for ``year`` if written, else the points the figures raise."""
    path = plan_path(folders, year)
    if path is not None:
        plan = load_plan(path, year)
        return PlanSection(
            f"Written by {plan.written_by}.", True,
            [{"issue": a.issue, "action": a.action, "owner": a.owner, "by": a.by.strftime("%-d %B %Y")} for a in plan.actions],
        )
    points = []
    for row in rows:
        if row.missed[max(row.missed)]:
            missed = row.missed[max(row.missed)]
            points.append({
                "issue": f"{row.promise} (policy {row.clause}): missed {missed} time{'s' if missed != 1 else ''} "
                         f"({', '.join(c.split(' ')[0] for c in row.missed_cases)}).",
                "action": "Find out why, and agree what will stop it happening again.", "owner": "", "by": "",
            })
    previous, current = satisfaction
    if current.endswith("%") and previous.endswith("%") and int(current[:-1]) < int(previous[:-1]):
        points.append({"issue": f"Fewer victims were satisfied with the service ({current}, down from {previous}).",
                       "action": "Read the comments below and agree what to change.", "owner": "", "by": ""})
    points += [{"issue": line, "action": "Consider whether this needs action.", "owner": "", "by": ""}
               for line in trends if "that rose" in line]
    return PlanSection(
        f"No action plan has been written for {year} yet ({PLAN_FOLDER}/{year}.yaml beside the case files): "
        "these are the points the figures raise, for the Committee to decide on.", False, points,
    )
