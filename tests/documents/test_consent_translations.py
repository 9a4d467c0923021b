"""The consent form's translations and Easy Read version made again from the English form as
it is now (issue 14: each organisation's own purposes, the record on another lawful basis,
the interpreter's declaration), recorded as revision 2; and every translated document
titled in its own language (the PDF's metadata, read with pypdf)."""

from __future__ import annotations

import io
import warnings
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from readability import check_easy_read, flesch_kincaid_grade, ideas_of
from toolkit.casefile.loader import load_case, resolve_case
from toolkit.casefile.model import Case
from toolkit.documents.base import Request
from toolkit.documents.generate import render_request, to_pdf
from toolkit.merge.recipients import Recipient
from toolkit.merge.letter import render_recipient
from toolkit.templates.registry import Registry

ON = date(2026, 11, 30)  # the revisions are in force from their recording
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def case(reference: str, party: str, *, language: str | None = None, format: str | None = None, recorded_on_the_day: bool = False) -> Case:
    """An example case, the party reading ``language``/``format``; with ``recorded_on_the_day``
    the party's consents are dated ``ON``, so the form reproduces the record (interpreter and all)."""
    c = load_case(resolve_case(reference))
    if language:
        c.party(party).language = language
    if format:
        c.party(party).format = format
    if recorded_on_the_day:
        c.consents = [k.model_copy(update={"given": ON}) if k.party == party else k for k in c.consents]
    return c


def made(c: Case, party: str, kind: str = "consent-form") -> tuple[Document, str, list[list[str]], dict[str, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rendered = render_request(Request(c, kind, ON, party))
    document = Document(io.BytesIO(rendered.data))
    text = "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in document.element.body.iter(f"{W}p"))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    return document, text, rows, rendered.record


def test_the_revisions_are_in_force_and_the_first_ones_kept() -> None:
    registry = Registry()
    for language in ("ar", "pl", "en-x-easyread"):
        chosen = registry.select("consent-form", ON, language).template
        assert (chosen.revision, chosen.entry.translation_status) == (2, "unreviewed")
        first = next(t for t in registry.versions("consent-form") if t.language == language and t.revision == 1)
        assert registry.by_sha256("consent-form", first.sha256) == first and first.path.is_file()  # documents made with it still verify
    for language in ("ar", "pl"):  # the translator's catalogue kept beside the template
        assert (registry.root / "consent-form" / f"consent-form-v1-{language}-r2.po").is_file()


def test_arabic_form_interpreted_with_each_organisations_purposes() -> None:
    document, text, rows, record = made(case("KHA-2026-0001", "V1", language="ar", recorded_on_the_day=True), "V1")
    assert record["template_language"] == "ar" and record["template_sha256"] == Registry().select("consent-form", ON, "ar").template.sha256
    assert "إقرار المترجم الشفهي" in text and "أنا، Katarzyna Nowak، ترجمتُ هذا النموذج شفهياً" in text
    assert ["مترجم شفهي", "Katarzyna Nowak", "", ""] in rows  # the interpreter signs
    purposes = {r[1]: r[2] for r in rows if len(r) == 3 and r[0] == "☐"}
    assert purposes["Victim Support"] == "To arrange emotional and practical support for Ms Wiśniewska and her children"
    assert "police" not in purposes["Victim Support"]
    assert "Name, if" not in text and "{{" not in text
    assert document.core_properties.title == "الموافقة على مشاركة المعلومات — KHA-2026-0001"


def test_arabic_form_on_another_lawful_basis() -> None:
    _, text, rows, _ = made(case("KHA-2026-0002", "P1", language="ar"), "P1")
    assert "مشاركة معلوماتك: ما سنفعله ولماذا" in text and "الموافقة على مشاركة معلوماتك" not in text
    assert "ونحن لا نطلب الموافقة، لأنه ليس بوسع Tyler Brennan الرفض بحرية" in text
    assert "(المادة 6(1)(e) من UK GDPR)" in text and "Siobhán O'Brien بصفة الوالد أو الوصي لـTyler Brennan" in text
    assert ["Bromley Youth Service", "To arrange youth support sessions as part of the Acceptable Behaviour Contract"] in rows
    assert not any(r[0] == "☐" for r in rows)  # nothing to tick: no consent is asked for


def test_polish_form_through_the_kit() -> None:
    _, text, rows, _ = made(case("KHA-2026-0001", "V1", recorded_on_the_day=True), "V1")
    assert "Oświadczenie tłumacza" in text
    assert "Ja, Katarzyna Nowak, oświadczam, że ten formularz został w całości i wiernie przetłumaczony ustnie" in text
    assert ["Tłumacz", "Katarzyna Nowak", "", ""] in rows
    assert ["☐", "Victim Support", "To arrange emotional and practical support for Ms Wiśniewska and her children"] in rows
    _, text, rows, _ = made(case("KHA-2026-0002", "P1", language="pl"), "P1")
    assert "Nie prosimy o zgodę, ponieważ Tyler Brennan nie może swobodnie odmówić" in text
    assert "art. 6 ust. 1 lit. e UK GDPR" in text and "Siobhán O'Brien jako rodzica lub opiekuna osoby: Tyler Brennan" in text
    assert "Wyrażam zgodę" not in text


def test_easy_read_on_another_lawful_basis() -> None:
    document, text, rows, _ = made(case("KHA-2026-0002", "P1", format="easy_read"), "P1")
    check_easy_read(document)
    ideas = "\n".join(t for _, t in ideas_of(document))
    assert "We will share your information" in text and "Can we share" not in text
    assert "We are not asking for a yes. Tyler Brennan cannot really say no to this." in ideas
    assert "Tyler Brennan is under 18. We have talked to Siobhán O'Brien too." in ideas
    assert "We share it to stop harassment. That is part of our public job." in ideas and "Article 6(1)(e)" in text
    assert "You can tell us you do not want it." in ideas and "Saying no is fine." not in ideas
    assert ["Bromley Youth Service", "To arrange youth support sessions as part of the Acceptable Behaviour Contract"] in rows
    assert flesch_kincaid_grade([t for _, t in ideas_of(document)]) <= 5


def test_easy_read_interpreted_consent_has_the_interpreters_words_and_each_organisations_purposes() -> None:
    document, text, rows, _ = made(case("KHA-2026-0001", "V1", language="en", format="easy_read", recorded_on_the_day=True), "V1")
    check_easy_read(document)
    assert "Can we share your information?" in text and "Saying no is fine." in text
    assert "I, Katarzyna Nowak, read this form with Agnieszka Wiśniewska in Polish. I said all of it, and I said it right." in text
    assert ["Interpreter", "Katarzyna Nowak", "", ""] in rows and ["Interpreter", "Katarzyna Nowak"] in [r for r in rows if len(r) == 2]
    assert ["☐", "Victim Support", "To arrange emotional and practical support for Ms Wiśniewska and her children"] in rows
    assert "Name, if" not in text
    assert document.core_properties.title == "Sharing your information — KHA-2026-0001"


@pytest.mark.libreoffice
def test_every_translated_pdf_is_titled_in_its_language(tmp_path: Path) -> None:
    made_here: dict[Path, str] = {}
    for kind, reference, party, language, format, title in (
        ("consent-form", "KHA-2026-0005", "N1", "ar", None, "الموافقة على مشاركة المعلومات"),
        ("acknowledgement", "KHA-2026-0005", "N1", "ar", None, "إشعار باستلام بلاغك"),
        ("consent-form", "KHA-2026-0001", "V1", None, None, "Zgoda na udostępnianie informacji"),
        ("acknowledgement", "KHA-2026-0001", "V1", None, None, "Potwierdzenie przyjęcia zgłoszenia"),
        ("consent-form", "KHA-2026-0003", "V1", None, "easy_read", "Sharing your information"),
    ):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = render_request(Request(case(reference, party, language=language, format=format), kind, ON, party)).data
        path = tmp_path / f"{kind}-{language or format or 'pl'}.docx"
        path.write_bytes(data)
        made_here[path] = f"{title} — {reference}"
    notice = Registry().select("policy-notice", ON, "ar").template
    path = tmp_path / "policy-notice-ar.docx"
    path.write_bytes(render_recipient("policy-notice", Recipient(name="ليلى حداد", address_line_1="2 Elm Road", postcode="BR1 1AA", language="ar"), notice, ON))
    made_here[path] = "التحرّش: سياستنا وكيفية الإبلاغ عنه"  # a mail-merge document: no case reference
    for pdf, (docx, title) in zip(to_pdf(list(made_here)), made_here.items()):
        metadata = PdfReader(str(pdf)).metadata
        assert metadata is not None and metadata.title == title, (docx.name, metadata)
