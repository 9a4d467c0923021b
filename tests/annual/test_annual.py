"""The newsletter article and the monitoring report as documents: text, anonymity, charts, PDF."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from helpers import CASES
from synthetic import identifying_strings
from toolkit.cli.main import main
from toolkit.casefile.loader import load_all



def run(capsys: pytest.CaptureFixture[str], *args: str) -> list[Path]:
    assert main(list(args)) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return [Path(line) for line in out.splitlines()]


def text_of(docx: Path) -> str:
    document = Document(str(docx))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    out = tmp_path_factory.mktemp("annual")
    found = {}
    for name in ("newsletter", "report"):
        assert main([name, "--year", "2026", str(CASES), "--date", "2026-11-25", "--out", str(out), "--pdf"]) == 0
        found[name] = sorted(out.glob(f"annual/{name}-2026-*"))
    return found


@pytest.mark.libreoffice
def test_both_are_written_as_docx_and_pdf(made: dict[str, list[Path]]) -> None:
    for name, paths in made.items():
        assert [p.name for p in paths] == [f"{name}-2026-2026-11-25.docx", f"{name}-2026-2026-11-25.pdf"]


@pytest.mark.libreoffice
def test_the_newsletter_reads_as_an_article_and_identifies_no_one(made: dict[str, list[Path]]) -> None:
    text = text_of(made["newsletter"][0])
    assert "Harassment has no home here: what we did in 2026" in text
    assert "Action taken against perpetrators in 2026" in text
    assert "How to report harassment" in text and "020 7946 0000" in text
    secrets = identifying_strings(load_all([CASES]))
    for kind in ("names", "addresses", "postcodes", "references", "contacts"):
        leaked = sorted(s for s in secrets[kind] if s in text)
        assert leaked == [], f"{kind}: {leaked}"
    for word in secrets["name_words"]:
        assert not re.search(rf"\b{re.escape(word)}\b", text), word


@pytest.mark.libreoffice
def test_the_report_lists_cases_by_reference_only(made: dict[str, list[Path]]) -> None:
    text = text_of(made["report"][0])
    for reference in ("KHA-2026-0001", "KHA-2026-0002", "KHA-2026-0003", "KHA-2026-0004", "KHA-2026-0005"):
        assert reference in text
    assert "KHA-2025-0003" not in text  # a 2025 case is in the trends, not in 2026's list
    secrets = identifying_strings(load_all([CASES]))
    for kind in ("names", "addresses", "postcodes", "contacts"):
        assert sorted(s for s in secrets[kind] if s in text) == [], kind
    for heading in ("Nature of incidents", "Where incidents happened", "Who was involved", "Our own performance", "Action plan", "What victims told us about our service"):
        assert heading in text


@pytest.mark.libreoffice
def test_the_report_embeds_its_charts(made: dict[str, list[Path]]) -> None:
    with zipfile.ZipFile(made["report"][0]) as archive:
        charts = [n for n in archive.namelist() if n.startswith("word/media/") and n.endswith(".png")]
        document = archive.read("word/document.xml").decode()
    assert len(charts) >= 3
    assert document.count("<wp:inline") == len(charts)
    pdf = PdfReader(made["report"][1])
    assert sum(len(page.images) for page in pdf.pages) >= len(charts)


@pytest.mark.libreoffice
def test_pdf_text_matches(made: dict[str, list[Path]]) -> None:
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(made["newsletter"][1]).pages)
    assert "fewer than 5" in pdf_text
    assert "Page 1 of" in pdf_text


@pytest.mark.libreoffice
def test_making_it_again_writes_nothing_new(made: dict[str, list[Path]], capsys: pytest.CaptureFixture[str]) -> None:
    out = made["report"][0].parent.parent
    again = run(capsys, "report", "--year", "2026", str(CASES), "--date", "2026-11-25", "--out", str(out))
    assert again == [made["report"][0]]


def test_a_year_without_cases_still_makes_a_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (path,) = run(capsys, "newsletter", "--year", "2019", str(CASES), "--date", "2026-11-25", "--out", str(tmp_path))
    assert "In 2019" in text_of(path) or "2019" in text_of(path)


def test_no_case_files_is_a_plain_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "none"
    empty.mkdir()
    assert main(["report", "--year", "2026", str(empty), "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"no case files in {empty}: the report is made from all of them\n"
