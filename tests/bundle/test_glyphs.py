"""An emoji or symbol Liberation Sans lacks is drawn from a fallback font in the bundle's own pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from toolkit.bundle.assemble import build_bundle
from toolkit.bundle.items import BundleDocument as Doc, BundleSection as Section
from toolkit.bundle.glyphs import MISSING, runs
from toolkit.bundle.pages import register_fonts
from toolkit.errors import CasedocsWarning

OFFICER = "Priya \U0001F600 Sharma \u2605"  # grinning face (DejaVu Sans), black star (DejaVu Sans)


def one_page(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawString(72, 700, "A statement")
    canvas.showPage()
    canvas.save()
    return path


def fonts_of(page: object) -> set[str]:
    return {str(font.get_object()["/BaseFont"]).split("+")[-1] for font in page["/Resources"]["/Font"].values()}


def test_the_index_shows_an_emoji_in_an_officers_name(tmp_path: Path) -> None:
    statement = one_page(tmp_path / "statement.pdf")
    result = build_bundle([Section("Statements", [Doc(f"Witness statement of {OFFICER}", statement)])], tmp_path / "b.pdf", title="t")
    index = PdfReader(result.pdf).pages[0]
    text = index.extract_text()
    # the star round-trips; the emoji is drawn (ReportLab's text map for characters beyond
    # U+FFFF is not one pypdf reads, so it is checked through the font that draws it)
    assert "Witness statement of Priya" in text and "Sharma" in text and "\u2605" in text
    assert {"LiberationSans", "DejaVuSans"} <= fonts_of(index)
    dejavu = next(name for name, font in index["/Resources"]["/Font"].items() if "DejaVuSans" in str(font.get_object()["/BaseFont"]))
    content = b"".join(ref.get_object().get_data() for ref in index["/Contents"])
    assert f"{dejavu} ".encode() in content  # the fallback font is used on the page


def test_a_character_no_font_has_is_shown_as_a_square_and_named(tmp_path: Path) -> None:
    register_fonts()
    melting = "\U0001FAE0"  # melting face (Unicode 14): in no monochrome font installed
    with pytest.warns(CasedocsWarning, match="U\\+1FAE0"):
        parts = runs(f"Priya {melting} Sharma", "CDSans")
    assert "".join(text for _, text in parts) == f"Priya {MISSING} Sharma"
