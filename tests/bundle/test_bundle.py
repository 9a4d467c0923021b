"""``casedocs bundle`` for the example injunction case (KHA-2026-0003), end to end.

The case and its evidence are copied to a temporary folder, the letters the case log calls
for are generated first (they are the "previous correspondence"), and the bundles are made
with the real LibreOffice. pypdf reads the result back as a court clerk's software would.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpers import ANONYMOUS, ROOT, STATEMENT_OF_TRUTH  # the words checked against domain.md
from toolkit.bundle.plan import make_bundle, safe_file_name
from toolkit.cli.main import main
from toolkit.errors import InputError
from toolkit.documents.generate import generate_letters
from toolkit.bundle.verify import verify_bundle

REF = "KHA-2026-0003"
NAME = "K00BR417 Keniston HA v Doyle - Bundle A"


def copy_case(folder: Path) -> Path:
    cases = folder / "case_files"
    (cases / "evidence").mkdir(parents=True)
    shutil.copy(ROOT / "case_files" / f"{REF}.yaml", cases)
    shutil.copytree(ROOT / "case_files" / "evidence" / REF, cases / "evidence" / REF)
    return cases / f"{REF}.yaml"


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bundle")
    case = copy_case(folder)
    out = folder / "out"
    generate_letters(case, out=out)
    court = make_bundle(case, out=out)
    served = make_bundle(case, out=out, for_respondent=True)
    return {"case": case, "out": out, "pdf": court[0], "json": court[1], "served_pdf": served[0], "served_json": served[1]}


def text_of(reader: PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.libreoffice
def test_the_bundle_stays_an_ordinary_pdf_though_its_letters_are_pdf_a(made) -> None:
    """Letters and court documents are converted as tagged PDF/A-2b (pdf/convert.py); the
    bundle assembled from their pages is not, and claims neither (court bundles unchanged)."""
    letter = next((made["out"] / REF).glob(f"{REF}-warning-letter-*.pdf"))
    assert b"pdfaid:part" in letter.read_bytes()
    catalog = PdfReader(made["pdf"]).trailer["/Root"]
    assert "/Metadata" not in catalog and "/OutputIntents" not in catalog and "/StructTreeRoot" not in catalog


@pytest.mark.libreoffice
def test_file_names_and_sections(made) -> None:
    assert made["pdf"] == made["out"] / REF / f"{NAME}.pdf"
    assert made["json"] == made["out"] / REF / f"{NAME}.json"
    assert made["served_pdf"].name == f"{NAME} - Respondent copy.pdf"
    data = json.loads(made["json"].read_text())
    assert data["file"] == made["pdf"].name
    # the usual order: claim form, applications, draft order, statements, exhibits by date
    assert [s["title"] for s in data["sections"]] == [
        "Claim form", "Applications", "Draft order", "Witness statements", "Exhibits", "Previous correspondence",
    ]
    docs = {s["title"]: list(s["entries"]) for s in data["sections"]}
    assert docs["Claim form"][0]["first_page"] == 2  # tab 1, straight after the index
    assert [e["title"] for e in docs["Applications"]] == [
        "Application that a witness's identity not be disclosed (CPR 39.2(4))", "Sealed schedule of names (for the judge only)",
    ]
    assert [e["title"] for e in docs["Draft order"]] == [
        "Draft injunction order", "Schedule to the order: plan of the exclusion zone (exhibit PS9)",
    ]
    assert docs["Witness statements"][0]["title"].startswith("Witness statement of Priya Sharma (1st statement")
    exhibits = docs["Exhibits"]
    # the tenancy agreement in its date place: signed in 2019, it is the first exhibit
    assert [e["exhibit"] for e in exhibits] == [f"PS{n}" for n in range(1, 10)]
    dates = [e["date"] for e in exhibits]
    assert dates == sorted(dates)
    # the .docx exhibit is converted once, to PDF; images go in with an OCR text layer, as PDF
    assert {e["source_type"] for e in exhibits} == {"pdf", "text"}
    assert [e["source"] for e in exhibits if e["exhibit"] in ("PS2", "PS7")] == ["note-through-letterbox.pdf", "diary-sheet-hargreaves-nov.pdf"]
    assert [e["title"] for e in docs["Previous correspondence"]] == [
        "Letter confirming verbal warning to Mr Shane Doyle", "First warning letter to Mr Shane Doyle",
        "Final warning letter to Mr Shane Doyle",
    ]
    assert exhibits[0]["source"] == "tenancy-agreement-doyle.pdf"


@pytest.mark.parametrize("name", ["K00BR417 Keniston HA v O'Brien & Co/Ltd: A"])
def test_safe_file_name(name: str) -> None:
    assert safe_file_name(name) == "K00BR417 Keniston HA v O Brien and Co Ltd A"


@pytest.mark.libreoffice
def test_index_first_stamps_links_bookmarks_labels(made) -> None:
    data = json.loads(made["json"].read_text())
    assert verify_bundle(made["pdf"], data) == []
    reader = PdfReader(made["pdf"])
    pages = text_of(reader)
    assert len(pages) == data["page_count"]
    assert data["parts"][0]["index_pages"] == [1]
    assert pages[0].startswith("Keniston HA v Doyle — Claim No. K00BR417 — Bundle A") and "Index" in pages[0]
    # every page stamped with its own number, page 1 the index
    for n, text in enumerate(pages, start=1):
        assert f"Page {n}" in text.splitlines()[-1] or re.search(rf"\bPage {n}\s*$", text), n
    assert reader.page_labels == [str(n) for n in range(1, len(pages) + 1)]
    # every index entry links to its first page
    documents = [e for s in data["sections"] for e in s["entries"] if e["kind"] == "document"]
    page_of = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(reader.pages)}
    links = {}
    for annot in reader.pages[0]["/Annots"]:
        a = annot.get_object()
        if a["/Subtype"] == "/Link":
            links[str(a["/NM"])] = page_of[a["/Dest"][0].idnum]
    assert links == {e["id"]: e["first_page"] for e in documents}
    # a bookmark for every section and document, with its page number
    outline = reader.outline
    sections = [item for item in outline if not isinstance(item, list)]
    assert [re.sub(r" \(p\. \d+\)$", "", s.title) for s in sections] == [s["title"] for s in data["sections"]]
    children = [item for group in outline if isinstance(group, list) for item in group]
    assert len(children) == len(documents)
    for item in children:
        page = int(re.search(r"\(p\. (\d+)\)$", item.title).group(1))
        assert reader.get_destination_page_number(item) + 1 == page
    root = reader.trailer["/Root"]
    assert root["/PageMode"] == "/UseOutlines"
    assert float(root["/OpenAction"][4]) == 1.0


@pytest.mark.libreoffice
def test_exhibit_covers_landscape_pages_and_statement_text(made) -> None:
    data = json.loads(made["json"].read_text())
    reader = PdfReader(made["pdf"])
    pages = text_of(reader)
    entries = {e.get("exhibit"): e for s in data["sections"] for e in s["entries"] if e.get("exhibit")}
    for mark, entry in entries.items():
        cover = flat(pages[entry["cover_page"] - 1])
        assert mark in cover and f"This is the exhibit marked {mark} referred to in the witness statement of Priya Sharma dated 24 November 2026" in cover
    # the plan (PS9) and the letterbox note (PS2) are landscape, kept landscape and upright
    for mark in ("PS9", "PS2"):
        page = reader.pages[entries[mark]["cover_page"]]  # the first content page after the cover
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        rotate = int(page.get("/Rotate", 0) or 0) % 360
        shown = (height, width) if rotate in (90, 270) else (width, height)
        assert shown[0] > shown[1], mark
        assert rotate == 0, mark
    # the witness statement: numbered paragraphs and the statement of truth, searchable
    statement = next(e for s in data["sections"] for e in s["entries"] if e["title"].startswith("Witness statement"))
    text = flat(" ".join(pages[statement["first_page"] - 1: statement["last_page"]]))
    assert re.search(r"\b1\.\s*I, Priya Sharma, am employed by the Claimant", text)
    assert re.search(r"\b2\.\s*I make this statement in support", text)
    assert STATEMENT_OF_TRUTH in text
    assert "Exhibits PS1–PS9" in text
    order = next(e for s in data["sections"] for e in s["entries"] if e["title"] == "Draft injunction order")
    order_text = flat(" ".join(pages[order["first_page"] - 1: order["last_page"]]))
    assert "PENAL NOTICE" in order_text and "[Power of arrest: see paragraph 9.]" in order_text
    assert "Patricia Nwosu" in flat(" ".join(pages))  # the court's copy names her, in the sealed schedule
    # the scanned diary sheet (PS7) is searchable: OCR read its printed heading
    diary = entries["PS7"]
    assert "Incident diary sheet" in flat(" ".join(pages[diary["first_page"]: diary["last_page"]]))
    # the photograph of the door has no words: the index says OCR could not read it
    assert "OCR could not read page 1 of this exhibit" in (entries["PS3"].get("note") or "")
    schedule = next(e for s in data["sections"] for e in s["entries"] if e["title"].startswith("Sealed schedule"))
    assert "SEALED SCHEDULE: FOR THE JUDGE ONLY" in pages[schedule["first_page"] - 1]
    claim = flat(pages[1])
    assert "CLAIM FORM (N16A)" in claim and "legal aid, which may be available without any means test" in claim


@pytest.mark.libreoffice
def test_respondent_copy_has_no_anonymous_witness_and_notes_withheld_evidence(made) -> None:
    data = json.loads(made["served_json"].read_text())
    assert verify_bundle(made["served_pdf"], data) == []
    reader = PdfReader(made["served_pdf"])
    everything = "\n".join(text_of(reader)) + json.dumps(data, ensure_ascii=False)
    for word in ANONYMOUS:
        assert word not in everything
    assert "SEALED SCHEDULE" not in everything  # the names are for the judge only
    assert "Witness A" in everything
    exhibits = next(s for s in data["sections"] if s["title"] == "Exhibits")["entries"]
    withheld = [e for e in exhibits if e["title"].endswith("withheld from the Respondent's copy")]
    assert [(e["exhibit"], e["source"]) for e in withheld] == [("PS4", "PS4 withheld.pdf"), ("PS5", "PS5 withheld.pdf"), ("PS6", "PS6 withheld.pdf")]
    # a withheld exhibit's row says nothing that points to the witness (the device, the place)
    assert all(e["title"] == "withheld from the Respondent's copy" for e in withheld)
    assert "doorbell" not in json.dumps(data).lower() and "cctv" not in json.dumps(data).lower()
    sources = {e.get("source") for s in data["sections"] for e in s["entries"]}
    assert "doorbell-cctv-2026-10-31-2241.jpg" not in sources
    assert "file-note-witness-2026-11-14.txt" not in sources
    assert "police-incident-log-CAD6142.pdf" not in sources  # marked withhold_from_respondent
    assert "withheld from the Respondent" in reader.pages[0].extract_text()


@pytest.mark.libreoffice
def test_building_again_is_a_no_op(made) -> None:
    before = sorted(p.name for p in (made["out"] / REF).iterdir())
    again = make_bundle(made["case"], out=made["out"])
    assert again == [made["pdf"], made["json"]]
    assert sorted(p.name for p in (made["out"] / REF).iterdir()) == before


@pytest.mark.libreoffice
def test_supplement_continues_the_numbering(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    out = tmp_path / "out"
    first = make_bundle(case, out=out)
    previous = json.loads(first[1].read_text())
    old_pages = text_of(PdfReader(first[0]))
    evidence = case.parent / "evidence" / REF
    (evidence / "file-note-2026-11-25.txt").write_text("File note: Mr Hargreaves phoned on 25 November 2026.\n")
    text = case.read_text().replace("\nconsents:\n", (
        "  - id: E10\n    kind: document\n    file: evidence/KHA-2026-0003/file-note-2026-11-25.txt\n"
        "    description: File note of a call from Mr Hargreaves on 25 November 2026\n    date: 2026-11-25\n"
        "\nconsents:\n"
    ), 1)
    case.write_text(text)
    pdf, index = make_bundle(case, out=out, supplement=True)
    assert pdf.name == f"{NAME} - Supplement 1.pdf"
    data = json.loads(index.read_text())
    assert verify_bundle(pdf, data) == []
    reader = PdfReader(pdf)
    pages = text_of(reader)
    n = previous["page_count"]
    assert pages[:n] == old_pages  # no earlier page changed
    supplement = data["sections"][-1]
    assert supplement["supplement"] and supplement["title"] == "Supplement"
    assert data["parts"][-1]["index_pages"] == [n + 1]
    [entry] = supplement["entries"]
    assert entry["source"] == "file-note-2026-11-25.txt" and entry["first_page"] == n + 2
    assert entry["exhibit"] not in {e.get("exhibit") for s in previous["sections"] for e in s["entries"]}
    assert f"Page {n + 1}" in pages[n] and f"Page {len(pages)}" in pages[-1]
    assert reader.page_labels[-1] == str(len(pages))
    # nothing new: no second supplement
    assert make_bundle(case, out=out, supplement=True) == []


def test_supplement_needs_a_bundle_first(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    with pytest.raises(InputError, match="no bundle to supplement"):
        make_bundle(case, out=tmp_path / "out", supplement=True)


def test_case_without_injunction_exits_1(capsys) -> None:
    code = main(["bundle", str(ROOT / "case_files" / "KHA-2026-0001.yaml"), "--out", "/nonexistent/never-written"])
    assert code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "has no 'injunction' section" in captured.err and "Traceback" not in captured.err
