"""A supplement to the respondent's copy keeps every page number of the court's supplement.

KHA-2026-0003 (an injunction, an anonymous witness) is copied with its evidence; the court's
bundle and the respondent's copy are made; then evidence comes in, one item at a time, some
of it from the anonymous witness. Whatever order the supplements are made in, the
respondent's supplement N is the court's supplement N page for page, the anonymous witness's
evidence replaced by pages saying it is withheld.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from helpers import CASES
from toolkit.bundle.assemble import BundleCheckError
from toolkit.bundle.plan import make_bundle
from toolkit.documents.generate import generate_letters

pytestmark = pytest.mark.libreoffice

REF = "KHA-2026-0003"
STEM = "K00BR417 Keniston HA v Doyle - Bundle A"
ON = date(2026, 11, 30)  # the supplements' day: everything added by then


def _pdf(path: Path, pages: int) -> None:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    with path.open("wb") as handle:
        writer.write(handle)


def add_evidence(case: Path, item: str, name: str, pages: int, day: str, provided_by: str) -> None:
    """A new evidence item (a PDF of ``pages`` pages) in the case file, dated ``day``."""
    _pdf(case.parent / "evidence" / REF / name, pages)
    text = case.read_text(encoding="utf-8").replace("\nconsents:\n", (
        f"  - id: {item}\n    kind: document\n    file: evidence/{REF}/{name}\n"
        f"    description: Document {item} received on {day}\n    date: {day}\n    provided_by: {provided_by}\n"
        "\nconsents:\n"
    ), 1)
    case.write_text(text, encoding="utf-8")


def rows(index: dict) -> list[tuple[object, object, object]]:
    return [(e.get("exhibit"), e.get("first_page"), e.get("last_page")) for s in index["sections"] for e in s["entries"]]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The court's bundle and the respondent's copy, made; evidence E10 (from the anonymous
    witness, 2 pages) and the court's supplement 1 made for it; then E11 (from a victim)."""
    folder = tmp_path_factory.mktemp("supplements")
    cases = folder / "case_files"
    (cases / "evidence").mkdir(parents=True)
    shutil.copy(CASES / f"{REF}.yaml", cases)
    shutil.copytree(CASES / "evidence" / REF, cases / "evidence" / REF)
    case = cases / f"{REF}.yaml"
    out = folder / "out"
    generate_letters(case, out=out)
    make_bundle(case, out=out, for_respondent=True)  # the court's bundle first, then the copy
    add_evidence(case, "E10", "witness-letter.pdf", 2, "2026-11-25", "W1")
    make_bundle(case, out=out, supplement=True, on=ON)  # the court's supplement 1: E10 only
    add_evidence(case, "E11", "victim-diary.pdf", 3, "2026-11-26", "V1")
    return {"case": case, "out": out / REF}


def test_the_respondents_supplement_is_the_courts_supplement_page_for_page(served: dict[str, Path]) -> None:
    folder = served["out"]
    made = make_bundle(served["case"], out=folder.parent, supplement=True, for_respondent=True, on=ON)
    assert made[0].name == f"{STEM} - Respondent copy - Supplement 1.pdf"
    court = json.loads((folder / f"{STEM} - Supplement 1.json").read_text(encoding="utf-8"))
    theirs = json.loads(made[1].read_text(encoding="utf-8"))
    # the court's supplement 1 was made before E11 came in: the respondent's supplement 1 is
    # that supplement, not "everything new"
    assert rows(theirs) == rows(court) and theirs["page_count"] == court["page_count"]
    [entry] = theirs["sections"][-1]["entries"]
    assert entry["title"] == "withheld from the Respondent's copy" and entry["last_page"] - entry["first_page"] == 2  # cover + 2 pages
    reader = PdfReader(made[0])
    withheld = " ".join((reader.pages[entry["last_page"] - 1].extract_text() or "").split())
    assert "withheld" in withheld and "Document E10" not in withheld
    report = made[2].read_text(encoding="utf-8")
    assert made[2].name == f"{STEM} - Respondent copy - Supplement 1 - Disclosure report.txt"
    assert f"{court['page_count']} pages in each" in report


def test_the_next_respondents_supplement_makes_the_courts_first_and_matches_it(served: dict[str, Path]) -> None:
    folder = served["out"]
    if not (folder / f"{STEM} - Respondent copy - Supplement 1.pdf").exists():
        make_bundle(served["case"], out=folder.parent, supplement=True, for_respondent=True, on=ON)
    made = make_bundle(served["case"], out=folder.parent, supplement=True, for_respondent=True, on=ON)
    assert made[0].name == f"{STEM} - Respondent copy - Supplement 2.pdf"
    court = json.loads((folder / f"{STEM} - Supplement 2.json").read_text(encoding="utf-8"))  # made for it
    theirs = json.loads(made[1].read_text(encoding="utf-8"))
    assert rows(theirs) == rows(court) and theirs["page_count"] == court["page_count"]
    [entry] = theirs["sections"][-1]["entries"]
    assert entry["title"] == "Document E11 received on 2026-11-26"  # a victim's evidence is served as it is
    # nothing new in either copy now: no third supplement
    assert make_bundle(served["case"], out=folder.parent, supplement=True, for_respondent=True, on=ON) == []


def test_a_respondents_supplement_that_would_not_keep_the_courts_pages_is_refused(tmp_path: Path, served: dict[str, Path]) -> None:
    """The same check as the main bundle's: the court's supplement index is altered to say
    its last entry is one page longer, so the respondent's copy cannot match it."""
    out = tmp_path / "out"
    shutil.copytree(served["out"], out / REF)
    for path in (out / REF).glob(f"{STEM} - Respondent copy - Supplement*"):
        path.unlink()
    court_index = out / REF / f"{STEM} - Supplement 1.json"
    court = json.loads(court_index.read_text(encoding="utf-8"))
    court["sections"][-1]["entries"][-1]["last_page"] += 1
    court["page_count"] += 1
    court_index.write_text(json.dumps(court), encoding="utf-8")
    with pytest.raises(BundleCheckError, match="does not keep the court's page numbers"):
        make_bundle(served["case"], out=out, supplement=True, for_respondent=True, on=ON)
    assert not list((out / REF).glob(f"{STEM} - Respondent copy - Supplement*"))
