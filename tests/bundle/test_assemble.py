"""toolkit.bundle.assemble: the court e-bundle (domain.md, "Injunction bundle").

Inputs are made here: PDFs with ReportLab (one with its own "Page 1 of 3" footer, a
landscape one, one shown landscape through /Rotate 90), images with Pillow, a .docx
with python-docx converted by the real LibreOffice, a .txt file.  Independent readers
check the result: pypdf, and poppler's pdftotext/pdfimages for where the stamp sits on
the page as displayed and for image resolution.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from toolkit.bundle import assemble as pdfbundle
from toolkit.errors import InputError
from toolkit.bundle.assemble import build_bundle, build_supplement
from toolkit.bundle.items import BundleCheckError, BundleDocument as Doc, BundleSection as Section
from toolkit.bundle.verify import verify_bundle

TITLE = "Keniston Housing Association v John Doe — claim K00XX123 — Bundle A"


# ----------------------------------------------------------------------------- inputs
def text_pdf(path: Path, pages: int, label: str, size=A4, footer: bool = True, image: Path | None = None) -> Path:
    c = Canvas(str(path), pagesize=size)
    for p in range(pages):
        c.setFont("Helvetica", 11)
        for k in range(30):
            c.drawString(72, size[1] - 72 - 15 * k, f"{label} page {p + 1} line {k + 1}")
        if image is not None:
            c.drawImage(str(image), 300, 100, 200, 150)
        if footer:
            c.drawRightString(size[0] - 72, 40, f"Page {p + 1} of {pages}")
        c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("inputs")
    f: dict[str, Path] = {}
    f["claim"] = text_pdf(d / "claim.pdf", 3, "Claim form N16A")
    f["wide"] = text_pdf(d / "wide.pdf", 2, "Landscape schedule", size=landscape(A4))
    text_pdf(d / "portrait.pdf", 1, "Rotated rota")
    w = PdfWriter(clone_from=d / "portrait.pdf")
    w.pages[0].rotate(90)
    w.write(d / "rot90.pdf")
    f["rot90"] = d / "rot90.pdf"
    w = PdfWriter(clone_from=f["claim"])
    for page in w.pages:  # a visible area smaller than, and offset in, the media box
        page.cropbox = page.cropbox.__class__((40, 60, 540, 800))
    w.write(d / "cropped.pdf")
    f["cropped"] = d / "cropped.pdf"
    photo = Image.new("RGB", (4000, 3000), (120, 160, 200))
    draw = ImageDraw.Draw(photo)
    for k in range(0, 4000, 250):
        draw.line([(k, 0), (4000 - k, 3000)], fill=(200, 40, 40), width=12)
    photo.save(d / "door.jpg", quality=90)
    f["photo"] = d / "door.jpg"
    Image.new("RGB", (500, 800), (230, 230, 230)).save(d / "screenshot.png")
    f["png"] = d / "screenshot.png"
    frames = [Image.new("L", (850, 1100), v) for v in (255, 200)]
    frames[0].save(d / "scan.tiff", save_all=True, append_images=frames[1:], dpi=(100, 100))
    f["tiff"] = d / "scan.tiff"
    (d / "log.txt").write_text(
        "Incident log\n" + "\n".join(f"2026-02-{k % 28 + 1:02d}\tNoise reported, entry {k}" for k in range(70)),
        encoding="utf-8",
    )
    f["txt"] = d / "log.txt"
    doc = Document()
    doc.add_paragraph("Witness statement of Pat Smith")
    for k in range(8):
        doc.add_paragraph(f"{k + 1}. I refer to the photograph marked PS3. Paragraph {k + 1}.")
    doc.save(d / "statement.docx")
    f["docx"] = d / "statement.docx"
    # a PDF with a big image, to see that a second copy costs (almost) nothing
    big = Image.effect_noise((1200, 900), 60).convert("RGB")
    big.save(d / "noise.jpg", quality=92)
    f["heavy"] = text_pdf(d / "heavy.pdf", 1, "Heavy", image=d / "noise.jpg")
    w = PdfWriter(clone_from=f["claim"])
    w.encrypt("secret")
    w.write(d / "locked.pdf")
    f["locked"] = d / "locked.pdf"
    (d / "corrupt.pdf").write_bytes(f["claim"].read_bytes()[:300])
    f["corrupt"] = d / "corrupt.pdf"
    return f


def plan(f: dict[str, Path]) -> list[Section]:
    return [
        Section("A. Statements of case", [
            Doc("Claim form N16A", f["claim"], dt.date(2026, 3, 1)),
            Doc("Particulars of claim (cropped pages)", f["cropped"], dt.date(2026, 3, 1)),
        ]),
        Section("B. Witness statements and exhibits", [
            Doc("Witness statement of Pat Smith", f["docx"], dt.date(2026, 3, 3)),
            Doc("Photograph of front door", f["photo"], dt.date(2026, 2, 14), exhibit="PS3",
                note="Taken by the housing officer",
                cover_text="This is the exhibit marked PS3 referred to in the witness statement of Pat Smith"),
            Doc("Screenshot of messages", f["png"], exhibit="PS4"),
            Doc("Evidence of Witness A", None,
                note="Evidence provided by Witness A is withheld from the respondent's copy"),
        ]),
        Section("C. Contemporaneous documents", [
            Doc("Rota of incidents", f["rot90"], dt.date(2026, 2, 1)),
            Doc("Schedule of incidents " + "with a very long description " * 6, f["wide"], dt.date(2026, 1, 5)),
            Doc("Incident log", f["txt"], dt.date(2026, 1, 20)),
            Doc("Scanned letter from the tenant", f["tiff"], None),
        ], chronological=True),
    ]


@pytest.fixture(scope="module")
def bundle(inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("bundle") / "K00XX123 Doe Bundle A.pdf"
    result = build_bundle(plan(inputs), out, title=TITLE, subtitle="Hearing on 20 March 2026")
    return result, PdfReader(result.pdf), json.loads(result.index.read_text(encoding="utf-8"))


def entries(data) -> list[dict]:
    return [e for s in data["sections"] for e in s["entries"]]


def documents(data) -> dict[str, dict]:
    return {e["title"]: e for e in entries(data) if e["kind"] == "document"}


def page_words(pdf: Path, page: int) -> tuple[float, float, list[tuple[str, float, float, float, float]]]:
    """Words on a page as displayed (rotation applied), from poppler: (w, h, words)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-cropbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout
    m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    assert m
    width, height = float(m.group(1)), float(m.group(2))
    if PdfReader(pdf).pages[page - 1].rotation % 180:  # poppler gives the unrotated size
        width, height = height, width
    words = [
        (w, float(a), float(b), float(c), float(e))
        for a, b, c, e, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html
        )
    ]
    return width, height, words


def stamp_bbox(pdf: Path, page: int) -> tuple[float, float, tuple[float, float, float, float]]:
    """Where "Page N" (our stamp: the last such pair on the page) is, as displayed."""
    w, h, words = page_words(pdf, page)
    hits = [
        (words[i][1], min(words[i][2], words[i + 1][2]), words[i + 1][3], max(words[i][4], words[i + 1][4]))
        for i in range(len(words) - 1)
        if words[i][0] == "Page" and words[i + 1][0] == str(page)
        and (i + 2 >= len(words) or words[i + 2][0] != "of")
    ]
    assert hits, f"no stamp found on page {page}"
    return w, h, hits[-1]


# ----------------------------------------------------------------------------- the bundle
def test_index_comes_first_and_lists_everything(bundle) -> None:
    result, reader, data = bundle
    docs = documents(data)
    index_pages = data["parts"][0]["index_pages"]
    assert index_pages == [1]
    text = reader.pages[0].extract_text()
    assert "Index" in text and TITLE in text.replace("\n", " ")
    for title in ("Claim form N16A", "Witness statement of Pat Smith", "Exhibit PS3 — Photograph of front door",
                  "Exhibit PS4 — Screenshot of messages", "Incident log", "Evidence of Witness A",
                  "Evidence provided by Witness A is withheld from the respondent's copy",
                  "Taken by the housing officer", "1 Mar 2026", "14 Feb 2026"):
        assert title in text, title
    claim = docs["Claim form N16A"]
    assert claim["first_page"] == 2 and claim["last_page"] == 4
    assert "2–4" in text
    note = next(e for e in entries(data) if e["kind"] == "note")
    assert "first_page" not in note  # a note has no pages
    assert result.page_count == len(reader.pages) == data["page_count"]


def test_contemporaneous_documents_in_date_order(bundle) -> None:
    _, _, data = bundle
    section = data["sections"][2]
    assert [e["date"] for e in section["entries"]] == ["2026-01-05", "2026-01-20", "2026-02-01", None]
    firsts = [e["first_page"] for e in section["entries"]]
    assert firsts == sorted(firsts)


def test_every_page_stamped_continuously(bundle) -> None:
    result, reader, _ = bundle
    for n, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert re.search(rf"Page {n}(?! of)\b", text), f"page {n}: {text[-80:]!r}"


def test_stamp_sits_bottom_right_and_upright_on_every_orientation(bundle) -> None:
    result, reader, data = bundle
    docs = documents(data)
    rota = docs["Rota of incidents"]["first_page"]
    wide = next(e for e in entries(data) if e["title"].startswith("Schedule of incidents"))["first_page"]
    photo = docs["Photograph of front door"]["first_page"] + 1  # after the cover
    for n in range(1, len(reader.pages) + 1):
        w, h, (x0, y0, x1, y1) = stamp_bbox(result.pdf, n)
        assert x1 > w - 60 and x0 > w / 2, (n, w, x0, x1)  # right
        assert y1 > h - 40, (n, h, y1)  # bottom (pdftotext's y grows downwards)
        assert x1 - x0 > y1 - y0, n  # horizontal text: upright
    for n in (rota, wide, photo):
        w, h, _ = stamp_bbox(result.pdf, n)
        assert w > h, f"page {n} should be shown landscape"


def test_landscape_pages_stay_landscape(bundle, inputs) -> None:
    _, reader, data = bundle
    docs = documents(data)
    rota = reader.pages[docs["Rota of incidents"]["first_page"] - 1]
    assert rota.rotation == 90 and rota.mediabox.width < rota.mediabox.height  # kept as it was
    wide = reader.pages[next(e for e in entries(data) if e["title"].startswith("Schedule"))["first_page"] - 1]
    assert wide.rotation == 0 and wide.mediabox.width > wide.mediabox.height
    photo = reader.pages[docs["Photograph of front door"]["first_page"]]
    assert photo.mediabox.width > photo.mediabox.height  # a landscape photo: landscape A4
    assert round(float(photo.mediabox.width)) == 842


def test_index_links_land_on_the_named_pages(bundle) -> None:
    _, reader, data = bundle
    page_no = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(reader.pages)}
    expected = {e["id"]: e["first_page"] for e in entries(data) if e["kind"] == "document"}
    found = {}
    for annot in reader.pages[0]["/Annots"]:
        a = annot.get_object()
        assert a["/Subtype"] == "/Link"
        found[str(a["/NM"])] = page_no[a["/Dest"][0].idnum]
    assert found == expected
    # an exhibit's link lands on its cover page, which carries the mark
    ps3 = documents(data)["Photograph of front door"]
    assert ps3["cover_page"] == ps3["first_page"]
    cover = reader.pages[ps3["first_page"] - 1].extract_text()
    assert "Exhibit" in cover and "PS3" in cover and "Photograph of front door" in cover


def test_bookmarks_for_every_section_and_document_with_page_numbers(bundle) -> None:
    _, reader, data = bundle
    outline = reader.outline
    sections = [o for o in outline if not isinstance(o, list)]
    children = [o for o in outline if isinstance(o, list)]
    assert [s.title for s in sections] == [
        "A. Statements of case (p. 2)",
        f"B. Witness statements and exhibits (p. {data['sections'][1]['first_page']})",
        f"C. Contemporaneous documents (p. {data['sections'][2]['first_page']})",
    ]
    titles = {item.title: reader.get_destination_page_number(item) + 1 for group in children for item in group}
    ps3 = documents(data)["Photograph of front door"]
    assert titles[f"Exhibit PS3 — Photograph of front door, 14 Feb 2026 (p. {ps3['first_page']})"] == ps3["first_page"]
    assert len(titles) == len(documents(data))  # every document, and not the note
    for title, page in titles.items():
        assert title.endswith(f"(p. {page})")


def test_page_labels_mode_and_open_action(bundle) -> None:
    _, reader, _ = bundle
    assert reader.page_labels == [str(n) for n in range(1, len(reader.pages) + 1)]
    root = reader.trailer["/Root"]
    assert root["/PageMode"] == "/UseOutlines"
    action = root["/OpenAction"]
    assert action[0].idnum == reader.pages[0].indirect_reference.idnum
    assert action[1] == "/XYZ" and float(action[4]) == 1.0


def test_text_is_searchable(bundle) -> None:
    _, reader, data = bundle
    statement = documents(data)["Witness statement of Pat Smith"]
    text = reader.pages[statement["first_page"] - 1].extract_text()
    assert "I refer to the photograph marked PS3" in text
    log = documents(data)["Incident log"]
    assert "Noise reported, entry 3" in reader.pages[log["first_page"] - 1].extract_text()


def test_images_at_most_300_dpi(bundle) -> None:
    result, _, data = bundle
    photo = documents(data)["Photograph of front door"]["first_page"] + 1
    listing = subprocess.run(
        ["pdfimages", "-list", "-f", str(photo), "-l", str(photo), str(result.pdf)],
        check=True, capture_output=True, text=True,
    ).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        cols = line.split()
        x_ppi, y_ppi = int(cols[12]), int(cols[13])
        assert x_ppi <= 301 and y_ppi <= 301, line
        assert int(cols[3]) < 4000  # downsampled from 4000 px


def test_tiff_pages_and_index_json(bundle) -> None:
    _, _, data = bundle
    scan = documents(data)["Scanned letter from the tenant"]
    assert scan["last_page"] - scan["first_page"] == 1  # two frames, two pages
    assert data["format"] == "casedocs-bundle-index" and data["sha256"]
    assert data["file"] == "K00XX123 Doe Bundle A.pdf"


def test_self_check_passes_and_catches_a_wrong_link(bundle, tmp_path) -> None:
    result, _, data = bundle
    assert verify_bundle(result.pdf, data) == []
    writer = PdfWriter(clone_from=result.pdf)
    annot = writer.pages[0]["/Annots"][0].get_object()
    annot["/Dest"][0] = writer.pages[-1].indirect_reference
    broken = tmp_path / "broken.pdf"
    writer.write(broken)
    problems = verify_bundle(broken, data)
    assert any("lands on page" in p for p in problems)


def test_failed_self_check_writes_nothing(inputs, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(pdfbundle, "verify_bundle", lambda pdf, data: ["page 3 is stamped None"])
    out = tmp_path / "b.pdf"
    with pytest.raises(BundleCheckError, match="page 3 is stamped None"):
        build_bundle([Section("A", [Doc("Claim", inputs["claim"])])], out, title="t")
    assert list(tmp_path.iterdir()) == []


def test_identical_content_is_stored_once(inputs, tmp_path) -> None:
    once = build_bundle([Section("A", [Doc("Heavy", inputs["heavy"])])], tmp_path / "once.pdf", title="t")
    twice = build_bundle(
        [Section("A", [Doc("Heavy", inputs["heavy"]), Doc("Heavy again", inputs["heavy"])])],
        tmp_path / "twice.pdf", title="t",
    )
    image_bytes = (inputs["heavy"]).stat().st_size
    assert twice.size < once.size + 0.1 * image_bytes


def test_many_entries_flow_over_index_pages(inputs, tmp_path) -> None:
    docs = [
        Doc(f"Letter {k} to the respondent about the incident at the property" + (" and more" * 20 if k % 17 == 0 else ""),
            inputs["claim"], dt.date(2026, 1, 1) + dt.timedelta(days=k))
        for k in range(150)
    ]
    result = build_bundle([Section("C. Letters", docs)], tmp_path / "long.pdf", title=TITLE)
    data = result.data
    index_pages = data["parts"][0]["index_pages"]
    assert len(index_pages) >= 3
    first = data["sections"][0]["entries"][0]
    assert first["first_page"] == len(index_pages) + 1
    last = data["sections"][0]["entries"][-1]
    assert last["last_page"] == result.page_count
    reader = PdfReader(result.pdf)
    index_text = " ".join(reader.pages[p - 1].extract_text() for p in index_pages)
    for k in range(150):
        assert f"Letter {k} to the respondent" in index_text
    assert "C. Letters (continued)" in index_text
    # nothing on an index page runs into the stamp strip at the bottom
    for p in index_pages:
        w, h, words = page_words(result.pdf, p)
        low = [word for word in words if word[4] > h - 22 * 72 / 25.4 and word[0] not in ("Page", str(p))]
        assert low == [], (p, low[:5])
    assert verify_bundle(result.pdf, data) == []


# ----------------------------------------------------------------------------- supplement
def test_supplement_continues_numbering_without_changing_earlier_pages(bundle, inputs, tmp_path) -> None:
    result, reader, data = bundle
    n = result.page_count
    supp = build_supplement(
        result.index,
        [Doc("Further letter to the respondent", inputs["claim"], dt.date(2026, 3, 10)),
         Doc("Photograph of graffiti", inputs["photo"], exhibit="PS5"),
         Doc("Late evidence", None, note="Withheld from the respondent's copy")],
        tmp_path / "K00XX123 Doe Bundle A (supplemented).pdf",
    )
    new = PdfReader(supp.pdf)
    sdata = supp.data
    # earlier pages exactly as they were
    for k in range(n):
        assert new.pages[k].extract_text() == reader.pages[k].extract_text()
    assert sdata["sections"][:3] == data["sections"]
    section = sdata["sections"][-1]
    assert section["title"] == "Supplement" and section["supplement"]
    assert sdata["parts"][-1] == {"kind": "supplement", "index_pages": [n + 1]}
    letter = section["entries"][0]
    assert letter["first_page"] == n + 2 and letter["tab"] == str(len(documents(data)) + 1)
    assert supp.page_count == len(new.pages) == n + 1 + 3 + 2
    for k in range(n, len(new.pages)):
        assert re.search(rf"Page {k + 1}(?! of)\b", new.pages[k].extract_text())
    assert new.page_labels[-1] == str(supp.page_count)
    supp_index = new.pages[n].extract_text()
    assert "Supplement" in supp_index and "Further letter to the respondent" in supp_index
    assert f"{n + 2}–{n + 4}" in supp_index
    assert new.outline[-2].title == f"Supplement (p. {n + 2})"
    assert verify_bundle(supp.pdf, sdata) == []

    # and again: "Supplement 2", from where the first supplement ended
    again = build_supplement(supp.index, [Doc("Rota", inputs["rot90"])], tmp_path / "again.pdf")
    assert again.data["sections"][-1]["title"] == "Supplement 2"
    assert again.data["sections"][-1]["entries"][0]["first_page"] == supp.page_count + 2


def test_supplement_refuses_a_changed_bundle(bundle, inputs, tmp_path) -> None:
    result, _, _ = bundle
    copy_pdf = tmp_path / result.pdf.name
    copy_json = tmp_path / result.index.name
    shutil.copy(result.index, copy_json)
    copy_pdf.write_bytes(result.pdf.read_bytes() + b"\n% changed\n")
    with pytest.raises(InputError, match="has changed"):
        build_supplement(copy_json, [Doc("x", inputs["claim"])], tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_supplement_refuses_a_reused_exhibit_mark(bundle, inputs, tmp_path) -> None:
    result, _, _ = bundle
    with pytest.raises(InputError, match="PS3 is used twice"):
        build_supplement(result.index, [Doc("Another photo", inputs["photo"], exhibit="PS3")], tmp_path / "o.pdf")


# ----------------------------------------------------------------------------- bad inputs
def test_corrupt_and_encrypted_inputs_named_before_anything_is_written(inputs, tmp_path) -> None:
    out = tmp_path / "out" / "bundle.pdf"
    sections = [Section("A", [
        Doc("Claim", inputs["claim"]),
        Doc("Locked", inputs["locked"]),
        Doc("Broken", inputs["corrupt"]),
        Doc("Missing", tmp_path / "missing.pdf"),
        Doc("Spreadsheet", inputs["claim"].with_suffix(".xlsx")),
    ])]
    (inputs["claim"].with_suffix(".xlsx")).write_bytes(b"PK")
    with pytest.raises(InputError) as info:
        build_bundle(sections, out, title="t")
    message = str(info.value)
    assert f"{inputs['locked']}:1:1: is encrypted (password-protected)" in message
    assert f"{inputs['corrupt']}:1:1: cannot be read as a PDF" in message
    assert f"{tmp_path / 'missing.pdf'}:1:1: file not found" in message
    assert ".xlsx is not one of" in message
    assert info.value.exit_code == 1
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_owner_password_only_pdf_is_accepted(inputs, tmp_path) -> None:
    w = PdfWriter(clone_from=inputs["claim"])
    w.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    w.write(tmp_path / "restricted.pdf")
    result = build_bundle([Section("A", [Doc("Restricted", tmp_path / "restricted.pdf")])],
                          tmp_path / "b.pdf", title="t")
    assert "Claim form N16A page 1" in PdfReader(result.pdf).pages[1].extract_text()


def test_corrupt_image_and_duplicate_marks(inputs, tmp_path) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(InputError) as info:
        build_bundle([Section("A", [
            Doc("Bad photo", bad, exhibit="PS1"),
            Doc("Photo", inputs["photo"], exhibit="PS1"),
        ])], tmp_path / "b.pdf", title="t")
    assert f"{bad}:1:1: cannot be read as an image" in str(info.value)
    assert "exhibit mark PS1 is used twice" in str(info.value)
