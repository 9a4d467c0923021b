"""The Acceptable Behaviour Contract and its review letter (issue 5): parties, terms, dates,
signatures, the named escalation, `casedocs letters`, and large print through LibreOffice."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import warnings
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from toolkit.cli.main import main
from toolkit.documents.base import Request
from toolkit.documents.generate import letter_date, letters_for, reader_of, render_request
from toolkit.casefile.loader import load_case, resolve_case
from toolkit.casefile.values import add_months

CASE = "KHA-2026-0002"


def case(reference: str = CASE):
    return load_case(resolve_case(reference))


def render(c, kind: str, on: date, party: str | None = "P1", options: dict | None = None) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return render_request(Request(c, kind, on, party, None, options or {})).data


def paragraphs(data: bytes) -> list[str]:
    """Every paragraph's text in document order, table cells included."""
    body = Document(io.BytesIO(data)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


def text(data: bytes) -> str:
    return "\n".join(paragraphs(data))


def table_rows(data: bytes) -> list[list[str]]:
    rows = []
    for table in Document(io.BytesIO(data)).tables:
        for row in table.rows:
            rows.append([cell.text for cell in row.cells])
    return rows


def facts(data: bytes) -> dict[str, str]:
    return {row[0]: row[1] for row in table_rows(data) if len(row) == 2}


# -- the contract -------------------------------------------------------------------
def test_minor_guardian_is_a_party_and_signs():
    data = render(case(), "abc", date(2026, 5, 11))
    body = text(data)
    assert "Siobhán O'Brien, parent or guardian of Tyler Brennan." in body
    assert "Because Tyler Brennan is under 18, Siobhán O'Brien is a party to this contract as parent or guardian and signs it too" in body
    signers = [row for row in table_rows(data) if len(row) == 4 and row[0] != "Signed by"]
    assert [(r[0], r[1]) for r in signers] == [
        ("The person making this contract", "Tyler Brennan"),
        ("Parent or guardian", "Siobhán O'Brien"),
        ("For Keniston Housing Association (Neighbourhood Housing Officer)", "Daniel Okafor"),
        ("Partner (Orpington Safer Neighbourhoods Team, Metropolitan Police Service)", "PC Rebecca Lowe"),
    ]
    assert all(r[2] == "" and r[3] == "" for r in signers), "signature and date are left for the pen"
    assert "Each person who signs it will be given a copy: Tyler Brennan, Siobhán O'Brien, Daniel Okafor and PC Rebecca Lowe." in body


def test_dates_review_after_three_months_end_after_six():
    data = render(case(), "abc", date(2026, 5, 11))
    f = facts(data)
    assert f["Starts on"] == "11 May 2026"
    assert f["Review on"] == "11 August 2026 (after 3 months)"
    assert f["Ends on"] == "11 November 2026 (6 months after it starts)"
    c = case()
    assert c.abc.review(c.abc.start) == add_months(c.abc.start, 3) == date(2026, 8, 11)
    assert c.abc.end(c.abc.start) == add_months(c.abc.start, 6) == date(2026, 11, 11)


def test_start_defaults_to_the_document_date_and_months_clamp():
    c = case()
    c.abc.start = None
    f = facts(render(c, "abc", date(2026, 8, 31)))
    assert f["Starts on"] == "31 August 2026"
    assert f["Review on"] == "30 November 2026 (after 3 months)"
    assert f["Ends on"] == "28 February 2027 (6 months after it starts)"


def test_terms_support_and_escalation():
    c = case()
    body = text(render(c, "abc", date(2026, 5, 11)))
    for term in [*c.abc.prohibitions, *c.abc.requirements, *c.abc.support]:
        assert term in body
    assert "This contract is voluntary and is not legally binding" in body
    assert "injunction under Part 1 of the Anti-social Behaviour, Crime and Policing Act 2014" in body
    # Tyler's mother holds an assured tenancy: Ground 14 and the absolute ground
    assert "Ground 14 of Schedule 2 to the Housing Act 1988" in body and "Ground 7A" in body
    assert "tenancy KHA/T/03527" in body


def test_adult_has_no_guardian_lines():
    c = case()
    c.party("P1").date_of_birth = date(1990, 1, 1)
    data = render(c, "abc", date(2026, 5, 11))
    assert "parent or guardian" not in text(data).lower()
    assert [r[0] for r in table_rows(data) if len(r) == 4][1] == "The person making this contract"


def test_cli_defaults_to_the_abc_party(tmp_path, capsys):
    assert main(["generate", "abc", CASE, "--date", "2026-05-11", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out.strip()
    assert out == str(tmp_path / CASE / f"{CASE}-abc-P1-2026-05-11.docx")


def test_cli_refuses_other_party_and_missing_abc(tmp_path, capsys):
    assert main(["generate", "abc", CASE, "--party", "V1", "--out", str(tmp_path)]) == 1
    assert "the Acceptable Behaviour Contract in KHA-2026-0002 is with P1 (Tyler Brennan), not V1 (Harold Pennington)" in capsys.readouterr().err
    assert main(["generate", "abc", "KHA-2026-0001", "--out", str(tmp_path)]) == 1
    assert "KHA-2026-0001 has no 'abc' section" in capsys.readouterr().err
    assert not list(tmp_path.rglob("*.docx"))


def test_letters_include_the_abc_when_the_log_records_one():
    assert ("abc", "P1", None) in letters_for(case())
    assert letter_date(case(), "abc", "P1", None) == date(2026, 5, 11)
    assert not any(kind == "abc" for kind, _, _ in letters_for(case("KHA-2026-0001")))


# -- the review letter --------------------------------------------------------------
def test_review_letter_goes_to_the_guardian_of_a_minor():
    c = case()
    request = Request(c, "abc-review", date(2026, 7, 28), "P1")
    assert reader_of(request).id == "G1"
    data = render(c, "abc-review", date(2026, 7, 28))
    body = paragraphs(data)
    assert body[0].startswith("Siobhán O'Brien") or "Siobhán O'Brien" in text(data).split("Dear")[0]
    assert "Dear Ms O'Brien," in body
    assert "Review of Tyler Brennan's Acceptable Behaviour Contract" in body
    assert any("11 August 2026" in p and "review" in p for p in body)
    assert any("until 11 November 2026" in p for p in body)
    assert any("PC Rebecca Lowe will also be invited" in p for p in body)


def test_review_letter_to_an_adult_is_to_them():
    c = case()
    c.party("P1").date_of_birth = date(1990, 1, 1)
    body = text(render(c, "abc-review", date(2026, 7, 28)))
    assert "Dear Tyler Brennan," in body and "Review of your Acceptable Behaviour Contract" in body


# -- large print, through LibreOffice -----------------------------------------------
def _pdfs_and_pngs(docxs: list[Path]) -> list[tuple[str, int, list[Path]]]:
    """Convert with LibreOffice (one warm pool), then every page to a PNG with pdftoppm."""
    from toolkit.pdf.convert import ConverterPool

    with ConverterPool(jobs=1) as pool:
        pdfs = pool.convert([(d, d.with_suffix(".pdf")) for d in docxs])
    results = []
    for docx, pdf in zip(docxs, pdfs):
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(docx.with_suffix(""))], check=True)
        reader = PdfReader(pdf)
        pngs = sorted(docx.parent.glob(docx.stem + "-*.png"))
        results.append(("\n".join(page.extract_text() for page in reader.pages), len(reader.pages), pngs))
    return results


@pytest.mark.libreoffice
def test_large_print_abc_renders_with_its_tables(tmp_path):
    assert shutil.which("pdftoppm"), "poppler-utils is needed (make system-deps)"
    standard, large = case(), case()
    large.party("P1").format = "large_print"
    paths = {}
    for name, c in (("standard", standard), ("large", large)):
        paths[name] = tmp_path / f"abc-{name}.docx"
        paths[name].write_bytes(render(c, "abc", date(2026, 5, 11)))
    sizes = [int(s) for part in ("word/styles.xml", "word/document.xml") for s in re.findall(rb'<w:sz w:val="(\d+)"', _part(paths["large"], part))]
    assert sizes and min(sizes) >= 32, "every size at least 16 pt"
    (_, standard_pages, _), (pdf_text, pages, pngs) = _pdfs_and_pngs([paths["standard"], paths["large"]])
    flat = " ".join(pdf_text.split())
    assert "Acceptable Behaviour Contract" in flat
    assert "I will not go into the front garden or onto the front path of 4 Mallard Walk." in flat
    assert "Siobhán O'Brien" in flat and "PC Rebecca Lowe" in flat and "Signature" in flat
    assert "Anti-social Behaviour, Crime and Policing Act 2014" in flat
    assert len(pngs) == pages > standard_pages >= 2


def _part(docx: Path, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(docx) as archive:
        return archive.read(name)
