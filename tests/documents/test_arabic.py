"""Arabic, right to left: the acknowledgement, consent form and policy notice made through the kit."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from markupsafe import Markup
from pypdf import PdfReader

from helpers import CASES
from toolkit.documents.generate import generate
from toolkit.errors import CasedocsWarning
from toolkit.templates.language import isolate_left_to_right, keep_numbers_left_to_right
from toolkit.templates.registry import Registry

ON = date(2026, 11, 30)  # the Arabic drafts are in force from their recording


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # the bidi marks pdftotext adds around runs, and the vowel marks it may pull out of their words
    return re.sub(r"[\u202a-\u202e\u200e\u200f\u064b-\u0652]", "", out)


def test_the_arabic_drafts_are_recorded_unreviewed_from_their_catalogues() -> None:
    registry = Registry()
    for kind in ("acknowledgement", "consent-form", "policy-notice"):
        selection = registry.select(kind, ON, "ar")
        entry = selection.template.entry
        assert (entry.language, entry.translation_status) == ("ar", "unreviewed")
        assert (selection.template.path.parent / f"{kind}-v1-ar.po").is_file()  # the translator's source
        assert "qualified Arabic translator" in (entry.translated_by or "")


def test_acknowledgement_in_arabic_is_right_to_left_except_the_postal_address(tmp_path: Path) -> None:
    with pytest.warns(CasedocsWarning, match="ar translation of acknowledgement v1 .* not been reviewed"):
        (docx,) = generate("acknowledgement", CASES / "KHA-2026-0005.yaml", party="N1", on=ON, out=tmp_path)
    document = Document(str(docx))
    body = [p for p in document.paragraphs if p.text.strip()]
    assert body and all(p._p.pPr is not None and p._p.pPr.find(_w("bidi")) is not None for p in body)
    text = "\n".join(p.text for p in body)
    assert "لقد تلقّينا بلاغك" in text and "تحية طيبة وبعد،" in text
    assert "24 سبتمبر 2026" in text  # Babel's Arabic month, the case's received date
    assert "Daniel Okafor" in text and "KHA-2026-0005" in text
    address, reference = document.tables[0].rows[0].cells[0], document.tables[0].rows[0].cells[-1]
    assert "Mrs Layla Haddad" in address.text and "BR1 4JD" in address.text
    assert document.tables[0]._tbl.tblPr.find(_w("bidiVisual")) is None  # the window envelope still shows it
    assert "التاريخ" in reference.text
    styles = document.styles.element.xml
    assert 'w:bidi="ar"' in styles and 'w:cs="Noto Naskh Arabic"' in styles


@pytest.mark.libreoffice
def test_arabic_pdf_is_shaped_in_logical_order_tagged_and_in_arabic(tmp_path: Path) -> None:
    with pytest.warns(CasedocsWarning):
        _, pdf = generate("consent-form", CASES / "KHA-2026-0005.yaml", party="N1", on=ON, out=tmp_path, pdf=True)
    text = pdf_text(pdf)
    for phrase in ("الموافقة على مشاركة معلوماتك", "القرار لك", "يمكنك الموافقة على بعض المنظمات دون غيرها."):
        assert phrase in text, phrase
    reader = PdfReader(pdf)
    assert str(reader.trailer["/Root"]["/Lang"]).startswith("ar")
    fonts = {str(f.get_object()["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert any("NotoNaskhArabic" in f for f in fonts), fonts


def test_phone_numbers_in_right_to_left_text_are_marked_left_to_right() -> None:
    assert keep_numbers_left_to_right("<w:t>على الرقم 020 7946 0999، أو</w:t>") == "<w:t>على الرقم \u200e020\u00a07946\u00a00999، أو</w:t>"
    assert keep_numbers_left_to_right('<w:t xml:space="preserve">+44 20 7946 0000 </w:t>') == '<w:t xml:space="preserve">\u200e+44\u00a020\u00a07946\u00a00000 </w:t>'
    # a single number, a date, a reference and a tag's attributes are left as they are
    for same in ("<w:t>24 ساعة</w:t>", "<w:t>30 نوفمبر 2026</w:t>", "<w:t>KHA-2026-0005</w:t>", "<w:t>BR1 4JD</w:t>", "<w:t>BR6 0JA</w:t>", '<w:sz w:val="22 24"/>'):
        assert keep_numbers_left_to_right(same) == same


@pytest.mark.libreoffice
def test_phone_numbers_read_left_to_right_on_the_arabic_page(tmp_path: Path) -> None:
    """Without the mark the page showed the officer's 020 7946 0327 as "0327 7946 020"."""
    with pytest.warns(CasedocsWarning):
        _, pdf = generate("acknowledgement", CASES / "KHA-2026-0005.yaml", party="N1", on=ON, out=tmp_path, pdf=True)
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = [(float(x), float(y), w) for x, y, w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)</word>', boxes)]
    for number in ("020 7946 0327", "020 7946 0000"):  # the officer's and the association's
        groups = number.split()
        lines = {y for x, y, w in words if w == groups[0]}
        placed = [sorted(x for x, y, w in words if w == group and y in lines) for group in groups]
        assert all(placed), (number, placed)
        assert placed[0][0] < placed[1][0] < placed[2][0], f"{number} is not left to right on the page: {placed}"


def test_an_english_value_keeps_its_punctuation_in_right_to_left_text() -> None:
    isolated = "\u2066The police are testing the note.\u2069"
    assert isolate_left_to_right("The police are testing the note.") == isolated
    assert isolate_left_to_right("Kitchen of Flat 3 (repair visit)") == "\u2066Kitchen of Flat 3 (repair visit)\u2069"
    # names, references, Arabic text, markup and other values are left as they are
    for same in ("Daniel Okafor", "KHA-2026-0006", "20 نوفمبر 2026", "راجعنا قضيتك.", Markup("<w:br/>."), 7, ""):
        assert isolate_left_to_right(same) is same


@pytest.mark.libreoffice
def test_the_officers_english_news_ends_with_its_full_stop_on_the_arabic_page(tmp_path: Path) -> None:
    """Without the isolate the full stop of the English outcome showed on the left (".camera")."""
    with pytest.warns(CasedocsWarning):
        docx, pdf = generate("update-letter", CASES / "KHA-2026-0006.yaml", party="V1", on=ON, out=tmp_path, pdf=True)
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "\u2066The police are testing the note for fingerprints" in text and "18 October.\u2069" in text
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = re.findall(r"<word [^>]*>([^<]+)</word>", boxes)
    assert "October." in words and not any(re.match(r"\.[A-Za-z]", w) for w in words)


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag
