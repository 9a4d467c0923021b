"""toolkit.casefile.rules: the rules that span keys (references, minors, closure, evidence paths)."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest

from toolkit.casefile.rules import PathProblem, case_problems, dotted, evidence_path_problem

BASE: dict[str, Any] = {
    "reference": "KHA-2026-0950",
    "received": "2026-03-01T22:15",
    "status": "open",
    "parties": [
        {"id": "V1", "role": "victim", "name": "Agnieszka Wiśniewska"},
        {"id": "P1", "role": "perpetrator", "name": "Craig Denton", "date_of_birth": "1988-10-12"},
        {"id": "G1", "role": "parent_guardian", "name": "Sandra Denton"},
        {"id": "W1", "role": "witness", "name": "Olu Bankole"},
    ],
    "incidents": [{"id": "I1", "perpetrators": ["P1"], "victims": ["V1"], "witnesses": ["W1"], "evidence": ["E1"]}],
    "evidence": [{"id": "E1", "kind": "photo"}, {"id": "E2", "kind": "photo"}],
}


def data(**changes: Any) -> dict[str, Any]:
    result = copy.deepcopy(BASE)
    result.update(changes)
    return result


def problems(value: dict[str, Any], source: Path | None = None) -> list[tuple[tuple[Any, ...], str]]:
    return [(p.path, p.render()) for p in case_problems(value, source)]


def test_a_consistent_case_has_no_problems() -> None:
    assert problems(data()) == []


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


# -- reference and file name --------------------------------------------------------------
def test_the_reference_must_match_the_file_name(tmp_path: Path) -> None:
    assert problems(data(), tmp_path / "KHA-2026-0950.yaml") == []
    assert problems(data(), tmp_path / "KHA-2026-0950.yml") == []
    assert problems(data(), tmp_path / "KHA-2026-0951.yaml") == [
        (
            ("reference",),
            "the reference 'KHA-2026-0950' does not match the file name 'KHA-2026-0951.yaml': "
            "rename the file to KHA-2026-0950.yaml or correct the reference",
        )
    ]


@pytest.mark.parametrize("reference", ["KHA-26-1", "kha-2026-0950", None, ["KHA-2026-0950"]])
def test_a_malformed_reference_is_the_models_to_report(tmp_path: Path, reference: Any) -> None:
    value = data(reference=reference, evidence=[{"id": "E1", "file": "/etc/passwd"}])
    assert problems(value, tmp_path / "KHA-2026-0950.yaml") == []


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


# -- evidence paths ---------------------------------------------------------------------
@pytest.fixture
def evidence_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "case_files" / "evidence" / "KHA-2026-0950"
    (folder / "photos").mkdir(parents=True)
    (folder / "door.jpg").write_bytes(b"\xff\xd8")
    (folder / "photos" / "landing.PNG").write_bytes(b"\x89PNG")
    (folder / "notes.odt").write_bytes(b"PK")
    (tmp_path / "case_files" / "outside.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "case_files" / "evidence" / "KHA-2026-0001").mkdir()
    (tmp_path / "case_files" / "evidence" / "KHA-2026-0001" / "other.jpg").write_bytes(b"\xff\xd8")
    return folder


@pytest.mark.parametrize(
    "file", ["evidence/KHA-2026-0950/door.jpg", "evidence/KHA-2026-0950/photos/landing.PNG", "evidence\\KHA-2026-0950\\door.jpg", "./evidence/KHA-2026-0950/door.jpg"]
)
def test_files_inside_the_evidence_folder_are_accepted(evidence_dir: Path, file: str) -> None:
    assert evidence_path_problem(file, evidence_dir) is None


@pytest.mark.parametrize(
    "file, words",
    [
        ("../outside.jpg", "goes up a folder with '..': evidence must stay inside evidence/KHA-2026-0950/"),
        ("evidence/KHA-2026-0950/../KHA-2026-0950/door.jpg", "goes up a folder with '..'"),
        ("evidence\\KHA-2026-0950\\..\\..\\outside.jpg", "goes up a folder with '..'"),
        ("/etc/passwd", "is an absolute path: give the path from the case file's folder, e.g. evidence/KHA-2026-0950/photo.jpg"),
        ("C:\\Users\\priya\\door.jpg", "is an absolute path"),
        ("C:door.jpg", "is an absolute path"),
        ("\\\\server\\share\\door.jpg", "is an absolute path"),
        ("outside.jpg", "is not inside this case's evidence folder: put it under evidence/KHA-2026-0950/"),
        ("evidence/KHA-2026-0001/other.jpg", "is not inside this case's evidence folder"),
        ("evidence/KHA-2026-0950/missing.jpg", "does not exist: check the spelling, or put the file in evidence/KHA-2026-0950/"),
        ("evidence/KHA-2026-0950/photos", "is a folder: name the evidence file inside it"),
        ("evidence/KHA-2026-0950", "is a folder"),
        ("evidence/KHA-2026-0950/notes.odt", "is not a kind of file the toolkit can put in a bundle"),
        ("evidence/KHA-2026-0950/\x00.jpg", "contains a NUL character"),
        ("evidence/KHA-2026-0950/" + "x" * 5000 + ".jpg", "does not exist"),
    ],
)
def test_files_that_are_refused(evidence_dir: Path, file: str, words: str) -> None:
    problem = evidence_path_problem(file, evidence_dir)
    assert problem is not None and words in problem


def test_a_symlink_out_of_the_evidence_folder_is_refused(evidence_dir: Path) -> None:
    os.symlink("../../outside.jpg", evidence_dir / "link.jpg")
    os.symlink(evidence_dir.parent / "KHA-2026-0001", evidence_dir / "other-case")
    assert evidence_path_problem("evidence/KHA-2026-0950/link.jpg", evidence_dir) == (
        "'evidence/KHA-2026-0950/link.jpg' is a symbolic link that leads outside evidence/KHA-2026-0950/: copy the file into the folder instead"
    )
    assert "symbolic link that leads outside" in (evidence_path_problem("evidence/KHA-2026-0950/other-case/other.jpg", evidence_dir) or "")


def test_a_symlink_that_stays_inside_is_accepted(evidence_dir: Path) -> None:
    os.symlink("photos/landing.PNG", evidence_dir / "same.png")
    assert evidence_path_problem("evidence/KHA-2026-0950/same.png", evidence_dir) is None


def test_a_symlink_loop_is_refused(evidence_dir: Path) -> None:
    os.symlink("loop-b.jpg", evidence_dir / "loop-a.jpg")
    os.symlink("loop-a.jpg", evidence_dir / "loop-b.jpg")
    problem = evidence_path_problem("evidence/KHA-2026-0950/loop-a.jpg", evidence_dir)
    assert problem is not None


def test_a_symlinked_evidence_folder_is_the_case_evidence_folder(tmp_path: Path) -> None:
    """An office may keep evidence on another disk and link the case's folder to it."""
    store = tmp_path / "store" / "KHA-2026-0950"
    store.mkdir(parents=True)
    (store / "door.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "case_files" / "evidence").mkdir(parents=True)
    os.symlink(store, tmp_path / "case_files" / "evidence" / "KHA-2026-0950")
    assert evidence_path_problem("evidence/KHA-2026-0950/door.jpg", tmp_path / "case_files" / "evidence" / "KHA-2026-0950") is None


def test_evidence_rules_run_only_with_a_source(tmp_path: Path) -> None:
    value = data(evidence=[{"id": "E1", "file": "/etc/passwd"}])
    assert problems(value) == []
    assert problems(value, tmp_path / "KHA-2026-0950.yaml") == [
        (("evidence", 0, "file"), "'/etc/passwd' is an absolute path: give the path from the case file's folder, e.g. evidence/KHA-2026-0950/photo.jpg")
    ]


def test_arrest_terms_must_name_existing_terms_of_an_order_with_a_power_of_arrest() -> None:
    from toolkit.casefile.rules import PathProblem, case_problems

    data = {
        "parties": [{"id": "P1", "role": "perpetrator", "name": "A B"}],
        "injunction": {"respondent": "P1", "court": "x", "power_of_arrest": "false", "terms": ["a", "b"], "arrest_terms": ["1", "3"]},
    }
    assert [(p.path, p.message) for p in case_problems(data, None)] == [(p.path, p.message) for p in [
        PathProblem(("injunction", "arrest_terms"), "'arrest_terms' needs 'power_of_arrest: true' (s.4 of the 2014 Act)"),
        PathProblem(("injunction", "arrest_terms", 1), "there is no term 3: the injunction has 2 terms (1 is the first)"),
    ]]
