"""toolkit.casefile.references: ids used once, and every party, evidence item and duplicate found where it is written."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import rule_problems as problems, rules_data as data
from toolkit.casefile.plain import PathProblem, dotted
from toolkit.casefile.rules import case_problems


# -- cross references ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "section, value, path",
    [
        ("actions", [{"type": "other", "party": "V2"}], ("actions", 0, "party")),
        ("consents", [{"party": "V2", "agencies": ["x"]}], ("consents", 0, "party")),
        ("feedback", [{"party": "V2"}], ("feedback", 0, "party")),
        ("evidence", [{"id": "E1", "provided_by": "V2"}], ("evidence", 0, "provided_by")),
        ("abc", {"party": "V2"}, ("abc", "party")),
        ("abc", {"party": "P1", "witnesses": ["W1", "V2"]}, ("abc", "witnesses", 1)),
        ("injunction", {"respondent": "V2"}, ("injunction", "respondent")),
    ],
)
def test_dangling_party_ids_are_reported_where_used(section: str, value: Any, path: tuple[Any, ...]) -> None:
    assert problems(data(**{section: value})) == [(path, "there is no party with id 'V2': did you mean 'V1'?")]


@pytest.mark.parametrize("key", ["perpetrators", "victims", "witnesses"])
def test_dangling_ids_in_incidents(key: str) -> None:
    value = data()
    value["incidents"][0][key] = ["V1", "Q7"]
    assert problems(value) == [
        (("incidents", 0, key, 1), "there is no party with id 'Q7': the parties in this case are: G1, P1, V1, W1")
    ]


def test_dangling_evidence_ids() -> None:
    value = data()
    value["incidents"][0]["evidence"] = ["E3", "X"]
    assert problems(value) == [
        (("incidents", 0, "evidence", 0), "there is no evidence item with id 'E3': did you mean 'E2'?"),
        (("incidents", 0, "evidence", 1), "there is no evidence item with id 'X': the evidence items in this case are: E1, E2"),
    ]
    assert problems(data(evidence=[]))[0][1] == "there is no evidence item with id 'E1': this case has no evidence items"


def test_guardians_must_exist_and_be_parent_guardians() -> None:
    value = data()
    value["parties"][1]["guardians"] = ["G1", "W1", "G2"]
    assert problems(value) == [
        (("parties", 1, "guardians", 1), "guardian 'W1' must be a party with role 'parent_guardian', not 'witness'"),
        (("parties", 1, "guardians", 2), "there is no party with id 'G2': did you mean 'G1'?"),
    ]


# -- duplicates ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "key, singular", [("parties", "party"), ("incidents", "incident"), ("evidence", "evidence item"), ("actions", "action")]
)
def test_duplicate_ids(key: str, singular: str) -> None:
    value = data()
    value[key] = [{"id": "A1"}, {"id": "B1"}, {"id": "A1"}, {"id": None}, {"id": None}]
    found = [p for p in case_problems(value, None) if p.path == (key, 2, "id")]
    assert [(p.message, p.first) for p in found] == [
        (f"the {singular} id 'A1' is used twice: each {singular} needs its own id", (key, 0, "id"))
    ]


def test_duplicate_exhibit_marks() -> None:
    found = problems(data(evidence=[{"id": "E1", "exhibit": "PS1"}, {"id": "E2", "exhibit": "PS1"}]))
    assert found == [
        (("evidence", 1, "exhibit"), "the exhibit mark 'PS1' is used twice: each evidence item needs its own mark (the first is evidence[0].exhibit)")
    ]


def test_render_names_the_first_by_line_when_lines_are_known() -> None:
    problem = PathProblem(("parties", 2, "id"), "used twice", first=("parties", 0, "id"))
    assert problem.render(lambda path: 22) == "used twice (the first is at line 22)"
    assert problem.render() == "used twice (the first is parties[0].id)"
    assert PathProblem(("x",), "plain").render(lambda path: 1) == "plain"
    assert dotted(()) == "" and dotted(("a", 0, "b", 1)) == "a[0].b[1]"
