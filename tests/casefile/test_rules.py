"""toolkit.casefile.rules: the rules of dates and ages (minors), the closure and the injunction's
arrest terms, and every rule tolerating data of the wrong shape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import rule_problems as problems, rules_data as data
from toolkit.casefile.plain import PathProblem
from toolkit.casefile.rules import case_problems


def test_a_consistent_case_has_no_problems() -> None:
    assert problems(data()) == []


# -- minors (policy 9.1) ------------------------------------------------------------------
def with_perpetrator(**fields: Any) -> dict[str, Any]:
    value = data()
    value["parties"][1].update(fields)
    return value


@pytest.mark.parametrize(
    "born, age",
    [("2008-03-02", 17), ("2010-05-04", 15), ("2026-03-01", 0)],
)
def test_a_minor_perpetrator_needs_guardians(born: str, age: int) -> None:
    assert problems(with_perpetrator(date_of_birth=born)) == [
        (
            ("parties", 1, "date_of_birth"),
            f"Craig Denton was {age} when the complaint was received (2026-03-01): a perpetrator under 18 needs "
            "'guardians' (the ids of parent_guardian parties, policy 9.1)",
        )
    ]


@pytest.mark.parametrize("born", ["2008-03-01", "2008-02-29", "1950-01-01"])
def test_eighteen_on_the_day_received_is_an_adult(born: str) -> None:
    assert problems(with_perpetrator(date_of_birth=born)) == []


def test_a_minor_with_guardians_is_fine() -> None:
    assert problems(with_perpetrator(date_of_birth="2010-05-04", guardians=["G1"])) == []


def test_an_empty_guardians_list_is_no_guardians() -> None:
    assert len(problems(with_perpetrator(date_of_birth="2010-05-04", guardians=[]))) == 1


def test_a_party_named_as_perpetrator_in_an_incident_counts_whatever_the_role() -> None:
    value = data()
    value["parties"][3]["date_of_birth"] = "2012-01-01"
    value["incidents"][0]["perpetrators"] = ["P1", "W1"]
    assert [p for p, _ in problems(value)] == [("parties", 3, "date_of_birth")]


def test_a_minor_victim_needs_no_guardians() -> None:
    value = data()
    value["parties"][0]["date_of_birth"] = "2012-01-01"
    assert problems(value) == []


def test_a_date_of_birth_after_the_complaint() -> None:
    assert problems(with_perpetrator(date_of_birth="2027-01-01")) == [
        (("parties", 1, "date_of_birth"), "the date of birth 2027-01-01 is after the complaint was received (2026-03-01): check the year")
    ]


@pytest.mark.parametrize("born", ["not a date", "2026-02-30", None, ["2010-01-01"], "20100101"])
def test_unreadable_dates_of_birth_are_left_to_the_model(born: Any) -> None:
    assert problems(with_perpetrator(date_of_birth=born)) == []


# -- status --------------------------------------------------------------------------------
def test_a_closed_case_needs_its_date_and_reason() -> None:
    assert problems(data(status="closed")) == [
        (("status",), "the case is closed, so it needs 'closed' (the date it was closed, YYYY-MM-DD) and 'closure_reason' (why it was closed)")
    ]
    assert problems(data(status="closed", closed="2026-05-01")) == [
        (("status",), "the case is closed, so it needs 'closure_reason' (why it was closed)")
    ]
    assert problems(data(status="closed", closed="2026-05-01", closure_reason="Resolved")) == []


def test_an_open_case_with_a_closed_date() -> None:
    assert problems(data(closed="2026-05-01")) == [
        (("closed",), "the case is open but has a 'closed' date: set 'status: closed' or remove the date")
    ]


# -- wrong shapes never crash ----------------------------------------------------------------
@pytest.mark.parametrize(
    "value",
    [
        {},
        {"parties": "V1", "incidents": {"id": "I1"}, "evidence": None},
        {"parties": [None, 3, "x", [], {"id": ["V1"], "role": "perpetrator", "date_of_birth": "2010-01-01"}]},
        {"parties": [{"id": {"a": 1}, "guardians": "G1"}], "incidents": [{"perpetrators": [None, ["P1"], {"x": 1}]}]},
        {"received": ["2026-03-01"], "status": ["closed"], "abc": "P1", "injunction": [], "consents": {"party": "X"}},
        {"reference": "KHA-2026-0950", "evidence": [{"file": 7}, {"file": ["a"]}, {"file": None}, {"file": ""}]},
    ],
)
def test_data_of_the_wrong_shape_is_left_to_the_model(value: dict[str, Any], tmp_path: Path) -> None:
    case_problems(value, tmp_path / "KHA-2026-0950.yaml")  # no exception


def test_arrest_terms_must_name_existing_terms_of_an_order_with_a_power_of_arrest() -> None:
    data = {
        "parties": [{"id": "P1", "role": "perpetrator", "name": "A B"}],
        "injunction": {"respondent": "P1", "court": "x", "power_of_arrest": "false", "terms": ["a", "b"], "arrest_terms": ["1", "3"]},
    }
    assert [(p.path, p.message) for p in case_problems(data, None)] == [(p.path, p.message) for p in [
        PathProblem(("injunction", "arrest_terms"), "'arrest_terms' needs 'power_of_arrest: true' (s.4 of the 2014 Act)"),
        PathProblem(("injunction", "arrest_terms", 1), "there is no term 3: the injunction has 2 terms (1 is the first)"),
    ]]
