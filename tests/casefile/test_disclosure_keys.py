"""The case-file keys that say what a reader may be told (spec: allegation, reported_by,
clauses, may_be_named, provided_by, withhold_from_respondent, respondent_file).

Checked the way an officer meets them: a wrong id or clause number is reported at its
line with what would be right; a tenant perpetrator whose incidents engage no clause is
a warning from ``validate``, not an error.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import case_data
from toolkit.casefile.loader import load_bytes
from toolkit.casefile.model import Case
from toolkit.casefile.references import case_warnings
from toolkit.casefile.rules import case_problems
from toolkit.cli.main import main
from toolkit.errors import InputError

BASE: dict[str, Any] = case_data(
    parties=[
        {"id": "V1", "role": "victim", "name": "Agnieszka Wiśniewska", "may_be_named": "true"},
        {"id": "W1", "role": "witness", "name": "Olu Bankole", "anonymous": "true"},
        {
            "id": "P1", "role": "perpetrator", "name": "Craig Denton",
            "tenancy": {"type": "assured", "clauses": [{"number": "4.1", "text": "No nuisance."}, {"number": "4.3", "text": "No harassment."}]},
        },
    ],
    incidents=[
        {
            "id": "I1", "occurred": "2026-03-01T21:50", "category": "verbal_abuse", "description": "Mr Denton shouted at Ms Wiśniewska.",
            "allegation": "It is reported that you shouted abuse at a neighbour on the landing.",
            "perpetrators": ["P1"], "victims": ["V1"], "witnesses": ["W1"], "clauses": ["4.3"],
        }
    ],
    evidence=[{"id": "E1", "kind": "photo", "provided_by": "W1", "withhold_from_respondent": "true"}],
)


def data(**incident: Any) -> dict[str, Any]:
    value = copy.deepcopy(BASE)
    value["incidents"][0].update(incident)
    return value


def as_yaml(value: dict[str, Any]) -> bytes:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False).encode()


def test_the_new_keys_are_read() -> None:
    case = Case.model_validate(data())
    incident = case.incidents[0]
    assert incident.allegation == "It is reported that you shouted abuse at a neighbour on the landing."
    assert incident.clauses == ["4.3"]
    assert case.party("V1").may_be_named is True and case.party("P1").may_be_named is False
    assert case.evidence[0].withhold_from_respondent is True and case.evidence[0].respondent_file is None


def test_reported_by_defaults_to_the_victims_and_may_be_given_or_left_empty() -> None:
    assert Case.model_validate(data()).incidents[0].reported_by == ["V1"]
    assert Case.model_validate(data(reported_by=["W1"])).incidents[0].reported_by == ["W1"]
    assert Case.model_validate(data(reported_by=[])).incidents[0].reported_by == []


@pytest.mark.parametrize(
    "incident, path, message",
    [
        ({"reported_by": ["V1", "W2"]}, ("incidents", 0, "reported_by", 1), "there is no party with id 'W2': did you mean 'W1'?"),
        ({"clauses": ["4.3", "4.4"]}, ("incidents", 0, "clauses", 1), "there is no tenancy clause '4.4': did you mean '4.3'? (the perpetrator's tenancy has 4.1, 4.3)"),
        ({"clauses": ["9"]}, ("incidents", 0, "clauses", 0), "there is no tenancy clause '9': the perpetrator's tenancy has 4.1, 4.3"),
        (
            {"clauses": ["4.1"], "perpetrators": []}, ("incidents", 0, "clauses", 0),
            "there is no tenancy clause '4.1': the incident names no perpetrator whose tenancy it could engage: add 'perpetrators' or remove 'clauses'",
        ),
    ],
)
def test_cross_references_resolve(incident: dict[str, Any], path: tuple[Any, ...], message: str) -> None:
    assert [(p.path, p.render()) for p in case_problems(data(**incident), None)] == [(path, message)]


def test_a_clause_of_a_perpetrator_without_listed_clauses() -> None:
    value = data()
    del value["parties"][2]["tenancy"]
    assert [p.render() for p in case_problems(value, None)] == [
        "there is no tenancy clause '4.3': the tenancy of P1 lists no clauses: add them under the party's 'tenancy: clauses' (number and text)"
    ]


def test_errors_are_located_in_the_file() -> None:
    text = as_yaml(data(clauses=["4.3", "7"]))
    with pytest.raises(InputError) as raised:
        load_bytes(text, Path("case_files/KHA-2026-0950.yaml"))
    [problem] = raised.value.problems
    line = text.decode().splitlines()[problem.line - 1]
    assert line.strip() == "- '7'" and "there is no tenancy clause '7'" in problem.message


def test_a_respondent_file_must_be_inside_the_evidence_folder(tmp_path: Path) -> None:
    folder = tmp_path / "evidence" / "KHA-2026-0950"
    folder.mkdir(parents=True)
    (folder / "log.pdf").write_bytes(b"%PDF-1.4\n")
    value = data()
    value["evidence"][0].update(file="evidence/KHA-2026-0950/log.pdf", respondent_file="../log-redacted.pdf")
    found = [(p.path, p.render()) for p in case_problems(value, tmp_path / "KHA-2026-0950.yaml")]
    assert found == [(("evidence", 0, "respondent_file"), "'../log-redacted.pdf' goes up a folder with '..': evidence must stay inside evidence/KHA-2026-0950/")]


def test_validate_warns_when_a_tenant_perpetrators_incidents_engage_no_clause(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert case_warnings(data()) == []
    value = data(clauses=[])
    assert [p.path for p in case_warnings(value)] == [("parties", 2, "tenancy", "clauses")]
    path = tmp_path / "KHA-2026-0950.yaml"
    path.write_bytes(as_yaml(value))
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"warning: {path}:") and "none of the incidents of Craig Denton says which of these clauses it engages" in err


def test_no_warning_for_a_perpetrator_who_is_not_a_tenant() -> None:
    value = data(clauses=[])
    del value["parties"][2]["tenancy"]
    assert case_warnings(value) == []
