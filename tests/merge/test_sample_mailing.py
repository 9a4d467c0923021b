"""The sample mailing ``make demo`` sends: the policy notice to tenants in every language and format."""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import date
from pathlib import Path

from docx import Document

from helpers import CASES
from toolkit import mail_merge
from toolkit.formats.braille import from_brf

SAMPLE = CASES / "mailings" / "policy-notice-sample.csv"
ON = date(2026, 11, 30)  # the Arabic and Easy Read policy notices are in force from this day


def _by_name(documents: list[Path]) -> dict[str, Path]:
    return {re.sub(r"-[0-9a-f]{8}$", "", p.stem): p for p in documents if p.suffix == ".docx"}


def test_every_tenant_gets_the_notice_in_their_language_and_format(tmp_path: Path) -> None:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["format"] for r in rows} == {"standard", "large_print", "easy_read", "braille"}
    result = mail_merge("policy-notice", SAMPLE, on=ON, out=tmp_path, keep_paths=True, progress=False)
    assert not result.bad and result.count == len(rows)
    docs = _by_name(result.documents)
    assert len(docs) == len(rows)

    def text(name: str) -> str:
        return "\n".join(p.text for p in Document(str(docs[name])).paragraphs)

    def sizes(name: str) -> list[int]:
        xml = zipfile.ZipFile(docs[name]).read("word/document.xml").decode("utf-8")
        return [int(v) for v in re.findall(r'<w:sz w:val="(\d+)"', xml)]

    # Arabic, standard and large print: right to left, the Arabic heading, the phone numbers marked
    for name in ("mrs-salma-darwish-br1-4jd", "mr-yusuf-rahimi-br1-4jd"):
        assert "التحرّش" in text(name) or "التحرش" in text(name), name
        assert "\u200e020\u00a07946\u00a00999" in text(name)
    assert min(sizes("mr-yusuf-rahimi-br1-4jd")) >= 32 > min(sizes("mrs-salma-darwish-br1-4jd"))
    # Easy Read: the pictograms are there, each with its alt text
    easy = zipfile.ZipFile(docs["sam-kettering-br5-1nf"]).read("word/document.xml").decode("utf-8")
    assert easy.count("<pic:pic") >= 10 and re.search(r'<wp:docPr [^>]*descr="[^"]+"', easy)
    # Braille beside the print letter for the reader who asked for it, back-translating to the notice
    brf = docs["mr-owen-lacey-br5-1qr"].with_suffix(".brf")
    assert brf.is_file() and "harassment" in from_brf(brf.read_bytes(), "en").lower()
    assert not any(p.with_suffix(".brf").exists() for n, p in docs.items() if n != "mr-owen-lacey-br5-1qr")
    # an en-GB reader has the English notice with no fallback; Polish, Urdu and Welsh fall back, counted
    assert dict(result.fell_back) == {"pl": 1, "ur": 1, "cy": 1}
    assert "Harassment" in text("mr-owen-lacey-br5-1qr") and "Harassment" in text("mrs-joan-whitfield-br6-8pw")
