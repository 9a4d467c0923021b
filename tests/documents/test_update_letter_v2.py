"""Update letter version 2 (issue 16): what was done is worded in the template, one sentence a
paragraph chosen by the step's type, agency or outcome, so that its Arabic and Easy Read
versions word every step in their own language; in English it says what version 1 says."""

from __future__ import annotations

import io
import re
import warnings
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from docx import Document
from pypdf import PdfReader

from helpers import CASES, a_case_with_every_action

from toolkit.casefile.loader import load_case, resolve_case
from toolkit.casefile.model import Case
from toolkit.documents.base import Request
from toolkit.documents.generate import generate, planned_letters, render_request
from toolkit.documents.victim_letters import ABOUT_THE_CASE, ABOUT_THE_VICTIM, V1_SENTENCES
from toolkit.errors import CasedocsWarning
from toolkit.templates.registry import TEMPLATES_DIR, Registry
from toolkit.templates.translation import build_catalog, template_segments

EXAMPLES = sorted(p.stem for p in CASES.glob("KHA-*.yaml"))
V2_FROM = date(2026, 11, 30)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def case(reference: str) -> Case:
    return load_case(resolve_case(reference))


def render(c: Case, on: date, party: str, version: int | None = None) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return render_request(Request(c, "update-letter", on, party, None, {}), template_version=version).data


def paragraphs(data: bytes) -> list[str]:
    """Every paragraph in document order, table cells included."""
    body = Document(io.BytesIO(data)).element.body
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]


def step_rows(data: bytes) -> list[list[str]]:
    """The 'What we did' rows: (date, the paragraphs of the sentence cell)."""
    rows = []
    for table in Document(io.BytesIO(data)).tables:
        for row in table.rows[1:]:
            if len(row.cells) == 2 and row.cells[0].text[:1].isdigit():
                rows.append([row.cells[0].text, *(p.text for p in row.cells[1].paragraphs)])
    return rows


def test_every_told_action_has_a_version_1_sentence() -> None:
    assert set(V1_SENTENCES) == ABOUT_THE_CASE | ABOUT_THE_VICTIM
    assert not ABOUT_THE_CASE & ABOUT_THE_VICTIM


@pytest.mark.parametrize("reference", EXAMPLES)
def test_version_2_says_what_version_1_says_in_the_example_cases(reference: str) -> None:
    c = case(reference)
    for victim in c.victims:  # English: a reader of another language would get its translation of version 2
        victim.language = "en"
    planned = [(p.party, p.on) for p in planned_letters(c) if p.kind == "update-letter" and p.party]
    planned += [(v.id, V2_FROM) for v in c.victims]  # and a letter made today, when version 2 is in force
    assert planned
    for party, on in planned:
        one, two = render(c, on, party, 1), render(c, on, party, 2)
        assert paragraphs(two) == paragraphs(one), (reference, party, on)
        assert all(len(row) == 2 for row in step_rows(two))  # one sentence paragraph a step, the rest gone
    today = render(c, V2_FROM, c.victims[0].id)
    assert Document(io.BytesIO(today)).core_properties.title.startswith("An update on your case")


def test_each_action_type_is_worded_by_version_2_as_by_version_1() -> None:
    c, kinds = a_case_with_every_action()
    one, two = render(c, V2_FROM, "V1", 1), render(c, V2_FROM, "V1", 2)
    rows = step_rows(two)
    assert rows == step_rows(one)
    sentences = [row[1] for row in rows]
    assert len(sentences) == len(kinds) + 1
    for kind in kinds:
        assert V1_SENTENCES[kind].format(agency="Victim Support") in sentences, kind
    assert "You and your neighbour met at the community centre." in sentences  # her own outcome, as written
    assert not any("Youth Offending" in s for s in sentences)  # the perpetrator's referral is not hers to read


def test_each_sentence_of_version_2_is_its_own_message_for_translators() -> None:
    english = Registry().select("update-letter", V2_FROM).template
    assert english.version == 2
    messages = {s.text for s in template_segments(english.read_bytes())}
    for kind, sentence in V1_SENTENCES.items():
        assert sentence.replace("{agency}", "{step_agency}") in messages, kind
    assert "{step_outcome}" not in messages  # no words of its own: the officer's text is printed as written


# -- Arabic (KHA-2026-0006: Mrs Al-Sayed reads Arabic) ---------------------------------------

ARABIC_MARKS = re.compile(r"[\u202a-\u202e\u200e\u200f\u064b-\u0652]")  # bidi controls, vowel marks


def test_arabic_update_letter_words_every_step_in_arabic(tmp_path: Path) -> None:
    c, kinds = a_case_with_every_action()
    c.party("V1").language = "ar"
    with pytest.warns(CasedocsWarning, match="ar translation of update-letter v2 .* not been reviewed"):
        (docx,) = generate("update-letter", c, party="V1", on=V2_FROM, out=tmp_path)
    data = docx.read_bytes()
    rows = step_rows(data)
    assert len(rows) == len(kinds) + 1 and all(len(row) == 2 for row in rows)
    sentences = [row[1] for row in rows]
    english = {V1_SENTENCES[k].format(agency="Victim Support") for k in kinds}
    assert not english & set(sentences) and not any(e in "\n".join(paragraphs(data)) for e in english)
    # the officer's own words, as written, isolated left to right (its full stop stays with it)
    officer_text = "\u2066You and your neighbour met at the community centre.\u2069"
    for sentence in sentences:  # every step in Arabic, except the officer's own words
        assert sentence == officer_text or re.search(r"[\u0600-\u06ff]", sentence), sentence
    assert officer_text in sentences
    assert "أحلناك إلى Victim Support، كما وافقت." in sentences  # the agency's name kept
    assert "25 نوفمبر 2026" in [row[0] for row in rows]  # Babel's Arabic date
    document = Document(io.BytesIO(data))
    steps_table = document.tables[1]
    assert steps_table._tbl.tblPr.find(f"{W}bidiVisual") is not None  # the table reads from the right
    assert all(p._p.pPr is not None and p._p.pPr.find(f"{W}bidi") is not None for p in document.paragraphs if p.text.strip())


def test_the_example_arabic_reader_gets_her_update_in_arabic_from_30_november(tmp_path: Path) -> None:
    planned = [p for p in planned_letters(case("KHA-2026-0006")) if p.kind == "update-letter"]
    assert [p.on for p in planned] == [date(2026, 10, 30), date(2026, 11, 13), V2_FROM]
    earlier = render(case("KHA-2026-0006"), date(2026, 11, 13), "V1")  # before the translation: English
    assert "We have added this incident to the case" in "\n".join(paragraphs(earlier))
    latest = "\n".join(paragraphs(render(case("KHA-2026-0006"), V2_FROM, "V1")))
    assert "مستجدات قضيتك" in latest and "راجعنا قضيتك." in latest and "13 نوفمبر 2026" in latest
    assert "The police are testing the note for fingerprints" in latest  # the update's outcome, as written
    assert "We reviewed your case." not in latest and "Latest news" not in latest


@pytest.mark.libreoffice
def test_arabic_update_letter_pdf_is_arabic_in_logical_order(tmp_path: Path) -> None:
    with pytest.warns(CasedocsWarning):
        _, pdf = generate("update-letter", CASES / "KHA-2026-0006.yaml", party="V1", on=V2_FROM, out=tmp_path, pdf=True)
    reader = PdfReader(pdf)
    text = ARABIC_MARKS.sub("", "\n".join(page.extract_text() for page in reader.pages))
    for phrase in ("مستجدات قضيتك", "الإجراءات التي اتخذناها", "راجعنا قضيتك", "آخر المستجدات", "كيف تتصل بنا"):
        assert phrase in text, phrase
    assert reader.metadata is not None and reader.metadata.title == "مستجدات قضيتك — KHA-2026-0006"  # titled in Arabic
    assert str(reader.trailer["/Root"]["/Lang"]).startswith("ar")
    fonts = {str(f.get_object()["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert any("NotoNaskhArabic" in f for f in fonts), fonts


def test_the_arabic_catalogue_round_trips_through_the_kit() -> None:
    """The .po kept beside the template is what was recorded: a catalogue made again from the
    registry carries every translation over from the Arabic .docx, none missing or fuzzy."""
    kept = read_po(io.BytesIO((TEMPLATES_DIR / "update-letter" / "update-letter-v2-ar-r2.po").read_bytes()))
    again, english = build_catalog(Registry(), "update-letter", "ar", V2_FROM)
    assert english.version == 2
    kept_strings = {m.id: m.string for m in kept if m.id}
    again_strings = {m.id: m.string for m in again if m.id}
    # revision 2 titles the letter in Arabic (the PDF's title, read first by a screen reader)
    assert again_strings["An update on your case"] == kept_strings["An update on your case"] == "مستجدات قضيتك"
    assert again_strings == kept_strings
    assert all(m.string and not m.fuzzy for m in again if m.id in kept_strings)
    recorded = Registry().select("update-letter", V2_FROM, "ar").template
    assert recorded.entry.translation_status == "unreviewed" and "qualified Arabic translator" in (recorded.entry.translated_by or "")
