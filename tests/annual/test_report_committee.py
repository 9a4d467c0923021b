"""A report the Committee can act on (issue 14): Keniston's own misses shown in full and listed by
case even below 5, trends in words without percentages, the action plan from the Housing
Services Manager's file (or the points the figures raise), every age band, comments that point
to no one, and a newsletter that promises only what the policy promises."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from helpers import CASES
from toolkit.annual.newsletter import newsletter_context
from toolkit.annual.redact import Redactor
from toolkit.annual.report import report_context
from toolkit.annual.stats import FEWER_THAN, NOT_SHOWN, suppress
from toolkit.casefile.loader import load_all
from toolkit.casefile.model import Case
from toolkit.errors import InputError

ON = date(2026, 11, 30)


@pytest.fixture(scope="module")
def examples() -> list[Case]:
    return load_all([CASES])


@pytest.fixture(scope="module")
def report(examples: list[Case]) -> dict[str, Any]:
    return report_context(examples, 2026, on=ON, charts=False, plan_folders=[CASES])


def row(report: dict[str, Any], clause: str) -> list[Any]:
    return next(r for r in report["performance"]["rows"] if r[0].endswith(f"({clause})"))


def test_own_misses_below_five_are_shown_and_listed_by_case(report: dict[str, Any]) -> None:
    assert row(report, "10.1")[4] == 1  # the late incident form: a count of 1, printed as 1
    assert row(report, "9.2")[4] == 1  # the late ABC review
    missed = {m["promise"]: m["cases"] for m in report["missed"]}
    assert "KHA-2026-0005" in missed["Incident form within 24 hours (10.1)"]
    assert "KHA-2026-0002 (2 days late)" in missed["ABC reviewed on time (9.2)"]
    contacts = missed["Victim contacted every 10 working days (8.10)"]
    assert "KHA-2026-0002" in contacts and "not done" in contacts  # the update of 15 September never made
    for cell in (c for r in report["performance"]["rows"] for c in r[1:]):
        assert cell not in (FEWER_THAN, NOT_SHOWN)


def test_last_years_late_graffiti_removal_is_not_hidden(examples: list[Case]) -> None:
    previous = report_context(examples, 2025, on=ON, charts=False)
    graffiti = next(r for r in previous["performance"]["rows"] if r[0].endswith("(6.2)"))
    assert graffiti[4] == 1 and "KHA-2025-0003" in next(m["cases"] for m in previous["missed"] if m["promise"].endswith("(6.2)"))


def test_no_percentage_beside_too_small_to_compare(report: dict[str, Any]) -> None:
    for line in [*report["summary"], *report["trends"]]:
        assert "%" not in line or "kept" in line, line
        if "too small to compare" in line:
            assert not re.search(r"[+-]?\d+%", line), line
    assert any("too small to compare" in line for line in report["trends"])
    assert any("rose" in line for line in report["trends"])


def test_the_action_plan_is_read_from_the_managers_file(report: dict[str, Any]) -> None:
    plan = report["action_plan"]
    assert plan["written"] and plan["source"] == "Written by Joanna Okafor, Housing Services Manager."
    assert plan["rows"][0]["owner"] == "Neighbourhood Services Team Leader" and plan["rows"][0]["by"] == "31 January 2027"


def test_without_a_plan_the_figures_raise_the_points(examples: list[Case]) -> None:
    plan = report_context(examples, 2026, on=ON, charts=False)["action_plan"]
    assert not plan["written"] and "No action plan has been written for 2026" in plan["source"]
    issues = " ".join(r["issue"] for r in plan["rows"])
    assert "Incident form within 24 hours (policy 10.1): missed 1 time (KHA-2026-0005)" in issues


def test_a_bad_plan_is_a_located_error(tmp_path: Path, examples: list[Case]) -> None:
    (tmp_path / "action-plans").mkdir()
    (tmp_path / "action-plans" / "2026.yaml").write_text(
        "year: 2026\nwritten_by: J Okafor\nactions:\n  - issue: x\n    action: y\n    owner: z\n    by: 2027-02-30\n"
    )
    with pytest.raises(InputError) as error:
        report_context(examples, 2026, on=ON, charts=False, plan_folders=[tmp_path])
    assert "2026.yaml:7:" in str(error.value) and "not a date" in str(error.value)


def test_every_age_band_is_listed(report: dict[str, Any]) -> None:
    age = next(t for t in report["characteristics"] if t["title"].startswith("Age"))
    labels = [r[0] for r in age["rows"]]
    assert labels[:9] == ["Under 10", "10-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75 and over"]


def test_comments_point_to_no_one(examples: list[Case], report: dict[str, Any]) -> None:
    texts = " ".join(c["text"] for c in report["comments"])
    assert "Translated" not in texts and "Polish" not in texts
    redact = Redactor(examples)
    assert redact("(Translated from Urdu.) My son was born in Pakistan.") == "My son was born in [place]."


def test_newsletter_promises_only_what_the_policy_promises(examples: list[Case]) -> None:
    article = newsletter_context(examples, 2026)
    words = " ".join(p for s in article["sections"] for p in s["paragraphs"])
    assert "nothing is done without talking it through" not in words
    assert "act in consultation with you and fully consider your views" in words  # policy 8.5


def test_a_marker_is_explained_only_when_it_appears() -> None:
    only_small = suppress("t", ["a", "b"], ["2026"], {("a", "2026"): 3, ("b", "2026"): 0}, row_header="", column_totals=False)
    notes = " ".join(only_small.as_context()["notes"])
    assert FEWER_THAN in notes and f'"{NOT_SHOWN}"' not in notes
