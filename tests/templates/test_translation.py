"""The translation kit: templates strings -> .po -> templates translate -> a recorded, linted version."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po, write_po
from docx import Document

from helpers import CASES, replace_part
from toolkit.casefile.loader import load_case
from toolkit.cli.main import main
from toolkit.cli.templates import language_table
from toolkit.documents.generate import generate
from toolkit.errors import CasedocsWarning, InputError
from toolkit.templates.registry import TEMPLATES_DIR, Registry
from toolkit.templates.translation import strings, translate
from toolkit.templates.versions import add_version

TODAY = date(2026, 11, 30)


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    """A copy of the real templates to record translations into."""
    root = tmp_path / "letter_templates"
    shutil.copytree(TEMPLATES_DIR, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return Registry(root)


def fill(po: Path, translate_text, *, skip: int = 0) -> None:  # type: ignore[no-untyped-def]
    """A translator at work: every message translated by ``translate_text`` (placeholders kept)."""
    catalog = read_po(io.BytesIO(po.read_bytes()))
    for n, message in enumerate(m for m in catalog if m.id):
        if n >= skip:
            message.string = translate_text(message.id)
            message.flags.discard("fuzzy")
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100)
    stamp = next(line for line in po.read_text(encoding="utf-8").splitlines() if line.startswith('"X-Casedocs-Template'))
    po.write_text(buffer.getvalue().decode("utf-8").replace('"Generated-By:', stamp + '\n"Generated-By:', 1), encoding="utf-8")


def welsh(text: str) -> str:
    """A stand-in translation that keeps placeholders and markers and changes every word."""
    return re.sub(r"(\{[a-z0-9_]+\}|</?\d+>)|([^{}<>]+)", lambda m: m.group(1) or f"CY[{m.group(2)}]", text)


def test_po_round_trip_for_a_new_language(registry: Registry, tmp_path: Path) -> None:
    po = strings("acknowledgement", "cy", tmp_path / "ack-cy.po", registry=registry, on=TODAY)
    text = po.read_text(encoding="utf-8")
    assert '"Language: cy\\n"' in text and "X-Casedocs-Template: acknowledgement v1 " in text
    # placeholders, with a comment saying what each is
    assert "#. {case_received_date} = a date, printed in the reader's language (case.received)" in text
    assert 'msgid "We have received your report"' in text
    assert "{{" not in text.split("msgid", 1)[1].replace("(", "")  # no raw template tags offered
    with pytest.raises(InputError, match="exists already"):
        strings("acknowledgement", "cy", po, registry=registry, on=TODAY)

    fill(po, welsh)
    recorded = translate("acknowledgement", po, registry=registry, today=TODAY)
    entry = recorded.template.entry
    assert (entry.language, entry.version, entry.translation_status, entry.effective_from) == ("cy", 1, "unreviewed", TODAY)
    manifest = yaml.safe_load((registry.root / "acknowledgement" / "manifest.yaml").read_text())
    assert manifest["versions"][-1]["file"] == "acknowledgement-v1-cy.docx"

    # the same paragraphs, in the same order, with the same styles; tags kept
    english = Document(str(TEMPLATES_DIR / "acknowledgement" / "acknowledgement-v1-en.docx"))
    welsh_doc = Document(str(recorded.template.path))
    assert [p.style.name for p in english.paragraphs] == [p.style.name for p in welsh_doc.paragraphs]
    assert [len(t.rows) for t in english.tables] == [len(t.rows) for t in welsh_doc.tables]
    body = "\n".join(p.text for p in welsh_doc.paragraphs)
    assert "CY[We have received your report]" in body
    assert "{{ case.received|date }}" in body and "{%p if party.interpreter %}" in body
    footer = welsh_doc.sections[0].footer._element.xml
    assert "NUMPAGES" in footer and "CY[Ref ]" in footer  # fields kept around the translated words

    # a letter to a Welsh reader uses it, and the tags are filled in
    case = load_case(CASES / "KHA-2026-0003.yaml")
    case.party("V1").language = "cy"
    with pytest.warns(CasedocsWarning, match="cy translation of acknowledgement v1 .* not been reviewed"):
        (docx,) = generate("acknowledgement", case, party="V1", on=TODAY, out=tmp_path / "out", registry=Registry(registry.root))
    letter = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "CY[Thank you for telling us what has been happening. We received your report on ]" in letter
    assert "7 Medi 2026" in letter  # the date filled in, in Welsh (Babel)
    assert "{{" not in letter and "{case_" not in letter

    # templates list: kinds x languages with the review status
    table = language_table(Registry(registry.root), TODAY)
    row = next(line for line in table.splitlines() if line.strip().startswith("acknowledgement"))
    header = next(line for line in table.splitlines() if line.strip().startswith("kind"))
    columns = header.split()
    assert "cy" in columns and "v1 unreviewed" in row


def test_gaps_fuzzy_strings_and_lost_placeholders_are_refused_with_a_list(registry: Registry, tmp_path: Path) -> None:
    po = strings("acknowledgement", "cy", tmp_path / "ack-cy.po", registry=registry, on=TODAY)
    fill(po, welsh, skip=3)  # the first three (the title, the date block, the greeting) left untranslated
    with pytest.raises(InputError) as refused:
        translate("acknowledgement", po, registry=registry, today=TODAY)
    problems = refused.value.problems
    assert len(problems) == 3 and all("not translated" in p.message and p.line > 0 for p in problems)
    assert 'not translated: "Acknowledgement of your report"' in problems[0].message
    assert "Date: {doc_date_date}" in str(refused.value) and "{recipient_salutation}," in str(refused.value)

    fill(po, welsh)
    catalog = read_po(io.BytesIO(po.read_bytes()))
    catalog["What happens next"].flags.add("fuzzy")
    message = next(m for m in catalog if m.id and "{officer_name}" in m.id and m.id.startswith("Your case officer"))
    message.string = message.string.replace("{officer_name}", "")
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100)
    stamp = next(line for line in po.read_text(encoding="utf-8").splitlines() if line.startswith('"X-Casedocs-Template'))
    po.write_text(buffer.getvalue().decode("utf-8").replace('"Generated-By:', stamp + '\n"Generated-By:', 1), encoding="utf-8")
    with pytest.raises(InputError) as refused:
        translate("acknowledgement", po, registry=registry, today=TODAY)
    messages = [p.message for p in refused.value.problems]
    assert any("marked fuzzy" in m and "What happens next" in m for m in messages)
    assert any("keep {officer_name}" in m for m in messages)
    assert not (registry.root / "acknowledgement" / "acknowledgement-v1-cy.docx").exists()  # nothing recorded


def test_a_changed_english_version_carries_translations_over_and_marks_changes_fuzzy(registry: Registry, tmp_path: Path) -> None:
    po = strings("acknowledgement", "cy", tmp_path / "v1.po", registry=registry, on=TODAY)
    fill(po, welsh)
    translate("acknowledgement", po, registry=registry, today=TODAY)
    english = (registry.root / "acknowledgement" / "acknowledgement-v1-en.docx").read_bytes()
    changed = replace_part(english, "word/document.xml", lambda xml: xml.replace("Keeping a record", "Keeping a diary"))
    add_version("acknowledgement", changed, registry=Registry(registry.root), approved_by="Test Approver",
                effective_from=date(2026, 12, 1), today=TODAY)
    po2 = strings("acknowledgement", "cy", tmp_path / "v2.po", registry=Registry(registry.root), on=date(2026, 12, 1))
    catalog = read_po(io.BytesIO(po2.read_bytes()))
    assert catalog["What happens next"].string == "CY[What happens next]" and not catalog["What happens next"].fuzzy
    diary = catalog["Keeping a diary"]
    assert diary.fuzzy and diary.string == "CY[Keeping a record]"
    assert '#| msgid "Keeping a record"\nmsgid "Keeping a diary"' in po2.read_text(encoding="utf-8")  # what changed, for the translator
    assert "X-Casedocs-Template: acknowledgement v2 " in po2.read_text(encoding="utf-8")


def test_cli_strings_and_translate(registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CASEDOCS_TEMPLATES", str(registry.root))
    po = tmp_path / "notice-cy.po"
    assert main(["templates", "strings", "policy-notice", "--language", "cy", "--output", str(po)]) == 0
    assert capsys.readouterr().out == f"{po}\n"
    fill(po, welsh)
    assert main(["templates", "translate", "policy-notice", str(po), "--reviewed-by", "Rhian Jones, ITI"]) == 0
    out, err = capsys.readouterr()
    assert out.strip().endswith("policy-notice-v1-cy.docx") and "(reviewed)" in err
    entry = Registry(registry.root).versions("policy-notice")[-1].entry
    assert entry.translation_status == "reviewed" and "reviewed by Rhian Jones, ITI" in entry.change_note
    assert main(["templates", "translate", "policy-notice", str(tmp_path / "missing.po")]) == 1
    assert "missing.po:1:1: cannot be read (No such file or directory)" in capsys.readouterr().err


@pytest.mark.libreoffice
def test_urdu_follows_arabic_with_no_code_change(registry: Registry, tmp_path: Path) -> None:
    """A short Urdu catalogue for a short template: right to left, Arabic script, shaped in the PDF."""
    root = registry.root
    short = Document()
    short.add_heading("We have received your report", level=1)
    short.add_paragraph("Your case officer is {{ officer.name }}.")
    buffer = io.BytesIO()
    short.save(buffer)
    add_version("acknowledgement", buffer.getvalue(), registry=registry, approved_by="Test Approver", effective_from=TODAY, today=TODAY)
    po = strings("acknowledgement", "ur", tmp_path / "ur.po", registry=Registry(root), on=TODAY)
    urdu = {"We have received your report": "ہمیں آپ کی رپورٹ مل گئی ہے", "Your case officer is {officer_name}.": "آپ کے کیس افسر {officer_name} ہیں۔"}
    fill(po, lambda text: urdu[text])
    recorded = translate("acknowledgement", po, registry=Registry(root), today=TODAY)
    xml = Document(str(recorded.template.path)).element.xml
    assert "<w:bidi/>" in xml and "<w:rtl/>" in xml and 'w:cs="Noto Naskh Arabic"' in xml
    case = load_case(CASES / "KHA-2026-0003.yaml")
    case.party("V1").language = "ur"
    with pytest.warns(CasedocsWarning):
        docx, pdf = generate("acknowledgement", case, party="V1", on=TODAY, out=tmp_path / "out", registry=Registry(root), pdf=True)
    text = pdf_text(pdf)
    assert "ہمیں آپ کی رپورٹ مل گئی ہے" in text and "Priya Sharma" in text


def pdf_text(pdf: Path) -> str:
    """pdftotext's text without the bidi embedding marks it adds: Arabic script in logical order."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"[\u202a-\u202e\u200e\u200f]", "", out)


def test_the_title_is_a_message_that_must_be_translated(registry: Registry, tmp_path: Path) -> None:
    po = strings("acknowledgement", "cy", tmp_path / "ack-cy.po", registry=registry, on=TODAY)
    text = po.read_text(encoding="utf-8")
    assert "#. The document's title: shown in the PDF's properties" in text
    assert "#: docProps/core.xml:1\nmsgid \"Acknowledgement of your report\"" in text
    fill(po, lambda s: s if s == "Acknowledgement of your report" else welsh(s))  # the title left in English
    with pytest.raises(InputError) as refused:
        translate("acknowledgement", po, registry=registry, today=TODAY)
    assert [p.message for p in refused.value.problems] == ['the title is still in English (translate it: it names the document): "Acknowledgement of your report"']
    fill(po, welsh)
    recorded = translate("acknowledgement", po, registry=registry, today=TODAY)
    assert Document(str(recorded.template.path)).core_properties.title == "CY[Acknowledgement of your report]"
    # a second catalogue for the same English carries the title over, and records a revision
    again = strings("acknowledgement", "cy", tmp_path / "ack-cy-2.po", registry=Registry(registry.root), on=TODAY)
    catalog = read_po(io.BytesIO(again.read_bytes()))
    assert catalog["Acknowledgement of your report"].string == "CY[Acknowledgement of your report]"
    fill(again, lambda s: welsh(s).replace("CY[What happens next]", "CY[Beth sy'n digwydd nesaf]"))
    revised = translate("acknowledgement", again, registry=Registry(registry.root), today=TODAY)
    assert (revised.template.revision, revised.template.entry.file) == (2, "acknowledgement-v1-cy-r2.docx")
    assert revised.template.entry.change_note == "cy translation of version 1, revision 2, from ack-cy-2.po."
    case = load_case(CASES / "KHA-2026-0003.yaml")
    case.party("V1").language = "cy"
    with pytest.warns(CasedocsWarning):
        (docx,) = generate("acknowledgement", case, party="V1", on=TODAY, out=tmp_path / "out", registry=Registry(registry.root))
    letter = Document(str(docx))
    assert letter.core_properties.title == "CY[Acknowledgement of your report] — KHA-2026-0003"
    assert "CY[Beth sy'n digwydd nesaf]" in "\n".join(p.text for p in letter.paragraphs)
