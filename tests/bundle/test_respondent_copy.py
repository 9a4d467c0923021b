"""The respondent's copy of the bundle points to no one, and keeps the court's page numbers.

KHA-2026-0003's anonymous witness (Mrs Nwosu of 9 Birchfield Close) appears in the case
log's descriptions, in an exhibit title ("a neighbour's doorbell camera"), in evidence she
provided and in a police log marked ``withhold_from_respondent``; none of it may reach the
respondent, and every index entry and bookmark must carry the court copy's page numbers.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from helpers import CASES
from toolkit.casefile.source import parse_text
from toolkit.cli.main import main

pytestmark = pytest.mark.libreoffice

REFERENCE = "KHA-2026-0003"
STEM = "K00BR417 Keniston HA v Doyle - Bundle A"


def pages_of(index: dict) -> list[tuple[object, object]]:
    return [(e.get("first_page"), e.get("last_page")) for s in index["sections"] for e in s["entries"]]


def bookmarks(reader: PdfReader) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((item.title.split(" (p.")[0][:20], reader.get_destination_page_number(item)))

    walk(reader.outline)
    return found


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    assert main(["letters", REFERENCE, "--out", str(out)]) == 0
    assert main(["bundle", REFERENCE, "--for-respondent", "--out", str(out)]) == 0
    return out / REFERENCE


def test_the_respondents_copy_identifies_no_protected_witness(bundles: Path) -> None:
    text = "\n".join(page.extract_text() for page in PdfReader(bundles / f"{STEM} - Respondent copy.pdf").pages)
    court = "\n".join(page.extract_text() for page in PdfReader(bundles / f"{STEM}.pdf").pages)
    for detail in ("Nwosu", "Patricia", "9 Birchfield", "07700 900958", "doorbell", "The witness", "INDEPENDENT WITNESS"):
        assert detail not in text, detail
    assert "Nwosu" in court or "doorbell" in court  # the court's copy has everything
    assert "Exhibit PS4: page 1 of 1 withheld" in text and "Exhibit PS5: page 1 of 2 withheld" in text
    assert "you kicked the front door of 7 Birchfield Close repeatedly" in " ".join(text.split())  # its allegation
    assert "The witness's doorbell camera recorded him" not in " ".join(text.split())


def test_every_page_number_index_entry_and_bookmark_is_the_courts(bundles: Path) -> None:
    court = json.loads((bundles / f"{STEM}.json").read_text(encoding="utf-8"))
    respondent = json.loads((bundles / f"{STEM} - Respondent copy.json").read_text(encoding="utf-8"))
    assert court["page_count"] == respondent["page_count"]
    assert pages_of(court) == pages_of(respondent)
    ours = [page for _, page in bookmarks(PdfReader(bundles / f"{STEM}.pdf"))]
    theirs = [page for _, page in bookmarks(PdfReader(bundles / f"{STEM} - Respondent copy.pdf"))]
    assert ours == theirs and len(ours) > 10


def test_a_disclosure_report_is_written_beside_it(bundles: Path) -> None:
    report = (bundles / f"{STEM} - Respondent copy - Disclosure report.txt").read_text(encoding="utf-8")
    assert "Exhibit PS4: withheld from the Respondent's copy" in report
    assert "Sealed schedule of names, withheld from the Respondent's copy" in report
    assert "withheld (2 page(s) replaced)" in report  # the police log
    assert "W1: anonymous, appears as Witness A" in report and "Nwosu" not in report
    assert "Signed (case officer):" in report


def test_the_build_stops_and_lists_each_unsafe_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "case_files"
    shutil.copytree(CASES / "evidence" / REFERENCE, folder / "evidence" / REFERENCE)
    source = CASES / f"{REFERENCE}.yaml"
    data = parse_text(source.read_bytes(), str(source)).data
    del next(i for i in data["incidents"] if i["id"] == "I2")["allegation"]
    diary = next(e for e in data["evidence"] if e["id"] == "E5")
    diary["description"] = "Diary sheet of Mr Hargreaves, copied by Mrs Nwosu at 9 Birchfield Close"
    case = folder / f"{REFERENCE}.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code = main(["bundle", str(case), "--for-respondent", "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    lines = [line for line in err.splitlines() if line.startswith(f"{case}:")]
    assert any("incident I2 was reported or witnessed by W1, who is anonymous" in line for line in lines)
    assert any("the description of evidence E5 (the exhibit's title) mentions the name of anonymous witness W1" in line for line in lines)
    assert any("the description of evidence E5 (the exhibit's title) mentions the address of anonymous witness W1" in line for line in lines)
    assert not list((tmp_path / "out").rglob("*.pdf"))


def _blank_pdf(path: Path, pages: int) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    with path.open("wb") as handle:
        writer.write(handle)


@pytest.mark.parametrize("pages", [1, 2, 3])
def test_a_redacted_respondent_file_is_served_at_the_originals_length(tmp_path: Path, pages: int) -> None:
    from toolkit.bundle.respondent import respondent_source
    from toolkit.casefile.loader import load_case
    from toolkit.errors import InputError

    folder = tmp_path / "case_files"
    shutil.copytree(CASES / "evidence" / REFERENCE, folder / "evidence" / REFERENCE)
    _blank_pdf(folder / "evidence" / REFERENCE / "police-log-redacted.pdf", pages)
    text = (CASES / f"{REFERENCE}.yaml").read_text(encoding="utf-8").replace(
        "    withhold_from_respondent: true", "    withhold_from_respondent: true\n    respondent_file: evidence/KHA-2026-0003/police-log-redacted.pdf")
    (folder / f"{REFERENCE}.yaml").write_text(text, encoding="utf-8")
    case = load_case(folder / f"{REFERENCE}.yaml")
    item = case.evidence_item("E4")
    original = folder / "evidence" / REFERENCE / "police-incident-log-CAD6142.pdf"
    out = tmp_path / "out"
    if pages > 2:
        with pytest.raises(InputError, match="makes 3 page\\(s\\) and the original 2"):
            respondent_source(case, item, original, 2, out)
        return
    served, how = respondent_source(case, item, original, 2, out)
    assert how == "redacted version evidence/KHA-2026-0003/police-log-redacted.pdf"
    assert len(PdfReader(served).pages) == 2 and served.name == "police-log-redacted.pdf"
