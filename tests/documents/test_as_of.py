"""Every document as of its date: made from the full case file, it is the same text as
made from the file with everything after its date deleted (issue 11).

The truncated file is written here from the spec's words, independently of
``toolkit.casefile.asof``: incidents reported after D, actions done after D, evidence dated
after D, consents given after D (and withdrawals after D), feedback after D are deleted.
Every kind, for every party it is written to, at dates that fall between the events of
the example cases; a refusal (no consent yet, no incident yet) must be the same refusal.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import CASES
from toolkit.casefile.asof import as_known_on
from toolkit.casefile.loader import load_case
from toolkit.casefile.model import Case
from toolkit.casefile.source import parse_text
from toolkit.documents.generate import render_request
from toolkit.documents.base import Request
from toolkit.errors import CasedocsError
from toolkit.templates.registry import Registry

pytestmark = pytest.mark.filterwarnings("ignore::toolkit.errors.CasedocsWarning")  # English fallbacks, said elsewhere


def _day(value: Any) -> date:
    return date.fromisoformat(str(value)[:10])


def truncated(data: dict[str, Any], day: date) -> dict[str, Any]:
    """The case file as an officer would have had it at the end of ``day``."""
    data = dict(data)
    data["evidence"] = [e for e in data.get("evidence") or [] if "date" not in e or _day(e["date"]) <= day]
    kept = {e["id"] for e in data["evidence"]}
    data["incidents"] = [
        {**i, "evidence": [e for e in i.get("evidence") or [] if e in kept]}
        for i in data["incidents"] if _day(i.get("reported") or i["occurred"]) <= day
    ]
    data["actions"] = [a for a in data.get("actions") or [] if not a.get("done") or _day(a["done"]) <= day]
    data["consents"] = [
        {**c, "withdrawn": c["withdrawn"] if c.get("withdrawn") and _day(c["withdrawn"]) <= day else None}
        for c in data.get("consents") or [] if _day(c["given"]) <= day
    ]
    data["feedback"] = [f for f in data.get("feedback") or [] if _day(f["date"]) <= day]
    if data.get("closed") and _day(data["closed"]) > day:
        data.update(status="open")
        data.pop("closed"), data.pop("closure_reason", None)
    return data


def documents(case: Case) -> list[tuple[str, str | None, str | None, dict[str, str]]]:
    """(kind, party, stage, options) of every document the case can have."""
    wanted: list[tuple[str, str | None, str | None, dict[str, str]]] = []
    wanted += [(kind, p.id, None, {}) for kind in ("acknowledgement", "update-letter", "closure-letter") for p in case.victims]
    wanted += [("warning-letter", p.id, stage, {}) for p in case.perpetrators for stage in ("verbal", "first", "final")]
    if case.abc:
        wanted += [("abc", None, None, {}), ("abc-review", None, None, {})]
    wanted += [("consent-form", p.id, None, {}) for p in case.parties if p.role not in ("agency_contact", "contractor")]
    wanted += [("referral", c.party, None, {"agency": a}) for c in case.consents for a in c.agencies]
    if case.injunction:
        wanted += [(k, None, None, o) for k in ("witness-statement", "draft-order") for o in ({}, {"for_respondent": "yes"})]
    return wanted


def text(data: bytes) -> str:
    """The words of the document (not its properties, which name the case file's hash)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(archive.read(n).decode("utf-8") for n in sorted(archive.namelist()) if n.startswith("word/") and n.endswith(".xml"))


def made(case: Case, kind: str, party: str | None, stage: str | None, options: dict[str, str], day: date, registry: Registry) -> str:
    try:
        return text(render_request(Request(case, kind, day, party, stage, options), registry=registry).data)
    except CasedocsError as error:  # the same refusal, said the same way
        return f"refused: {type(error).__name__}: {str(error).split(': ', 1)[-1]}"


DATES = {
    "KHA-2026-0003": ["2026-09-08", "2026-09-23", "2026-10-10", "2026-11-14", "2026-11-24"],
    "KHA-2026-0001": ["2026-03-02", "2026-03-04", "2026-03-14"],
    "KHA-2026-0002": ["2026-04-22", "2026-05-01"],
    "KHA-2026-0004": ["2026-08-04", "2026-08-18"],
    "KHA-2025-0003": ["2025-05-19", "2025-09-29", "2025-09-30"],
}


@pytest.mark.parametrize("reference, day", [(r, d) for r, days in DATES.items() for d in days])
def test_every_document_is_made_from_the_case_as_known_on_its_date(reference: str, day: str, tmp_path: Path) -> None:
    on = date.fromisoformat(day)
    source = CASES / f"{reference}.yaml"
    full = load_case(source)
    shutil.copytree(CASES / "evidence" / reference, tmp_path / "evidence" / reference)
    cut = tmp_path / f"{reference}.yaml"
    cut.write_text(yaml.safe_dump(truncated(parse_text(source.read_bytes(), str(source)).data, on), allow_unicode=True, sort_keys=False), encoding="utf-8")
    past = load_case(cut)
    registry = Registry()
    compared = 0
    for kind, party, stage, options in documents(full):
        if party is not None and party not in {p.id for p in past.parties}:
            continue
        ours, theirs = (made(c, kind, party, stage, options, on, registry) for c in (full, past))
        assert ours == theirs, f"{kind} {party or ''} {stage or ''} {options} on {day} differs"
        compared += not ours.startswith("refused")
    assert compared >= 3


def test_every_kind_has_a_reader() -> None:
    from toolkit.documents.disclosure import READER_OF_KIND
    from toolkit.documents.kinds import KINDS

    assert set(KINDS) == set(READER_OF_KIND)


def test_as_known_on_keeps_exhibit_marks_and_drops_later_facts() -> None:
    case = load_case(CASES / "KHA-2026-0003.yaml")
    then = as_known_on(case, date(2026, 9, 8))
    assert [i.id for i in then.incidents] == ["I1"]
    assert all(a.done is None or a.done.date() <= date(2026, 9, 8) for a in then.actions)
    assert {e.id for e in then.evidence} == {"E8"}
    assert then.exhibit_marks() == {"E8": case.exhibit_marks()["E8"]}
    later = as_known_on(case, date(2026, 11, 24))
    assert {e.id: e.exhibit for e in later.evidence if e.id != "E7"} == {k: v for k, v in case.exhibit_marks().items() if k != "E7"}
    assert later.source_path == case.source_path and later.source_sha256 == case.source_sha256
