"""Languages (policy 8.2, 12.1): Polish variants of the acknowledgement and the consent form
in the same registry, Polish dates from Babel, the unreviewed-translation warning, and the
English fallback -- on stderr and in the audit log."""

from __future__ import annotations

import io
import json
import warnings
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn

from toolkit.cli.main import main
from toolkit.documents.base import Request
from toolkit.errors import CasedocsWarning
from toolkit.documents.generate import generate, render_request, verify
from toolkit.casefile.loader import load_case, resolve_case
from toolkit.templates.registry import Registry
from toolkit.templates.engine import ENV

CASE = "KHA-2026-0001"  # Ms Wiśniewska reads Polish and uses an interpreter
POLISH_FROM = date(2026, 11, 25)


def case(reference: str = CASE):
    return load_case(resolve_case(reference))


def paragraphs(data: bytes, part: str = "body") -> list[str]:
    doc = Document(io.BytesIO(data))
    element = doc.element.body if part == "body" else getattr(doc.sections[0], part)._element
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in element.iter(qn("w:p"))]


def rendered(c, kind: str, on: date, party: str = "V1"):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = render_request(Request(c, kind, on, party))
    return result, [str(w.message) for w in caught if issubclass(w.category, CasedocsWarning)]


def test_polish_variants_are_registered_as_version_1_unreviewed():
    registry = Registry()
    for kind in ("acknowledgement", "consent-form"):
        entries = {(t.version, t.language): t.entry for t in registry.versions(kind) if t.revision == 1}
        polish = entries[(1, "pl")]
        assert (1, "en") in entries
        assert polish.translation_status == "unreviewed" and polish.translated_by
        assert polish.effective_from == POLISH_FROM
        selection = registry.select(kind, POLISH_FROM, "pl")
        assert selection.template.language == "pl" and not selection.fell_back
        assert registry.select(kind, POLISH_FROM, "pl-PL").template.language == "pl"
        # revision 2 (the title in Polish; the consent form made again from the English as it is now) from 30 November
        assert selection.template.revision == 1 and registry.select(kind, date(2026, 11, 30), "pl").template.revision == 2


def test_polish_dates_from_babel():
    assert ENV.from_string("{{ d|date }}").render(d=date(2026, 11, 20), locale="pl") == "20 listopada 2026"
    assert ENV.from_string("{{ d|date }}").render(d=date(2026, 11, 20), locale="en") == "20 November 2026"


def test_polish_acknowledgement_text():
    result, notes = rendered(case(), "acknowledgement", date(2026, 11, 30))
    body = paragraphs(result.data)
    assert result.record["template_language"] == "pl"
    assert "Data: 30 listopada 2026" in "\n".join(body)
    assert "Szanowna Pani," in body
    assert "Potwierdzenie przyjęcia zgłoszenia" in body
    joined = "\n".join(body)
    assert "Pani zgłoszenie otrzymaliśmy 1 marca 2026 o godz. 22:15 i założyliśmy sprawę nr KHA-2026-0001." in joined
    assert "profesjonalnego tłumacza (język: polski)" in joined  # she needs an interpreter
    assert "Z poważaniem" in body
    assert any(p.startswith("Nr sprawy KHA-2026-0001 · Strona") for p in paragraphs(result.data, "footer"))
    assert notes == ["the pl translation of acknowledgement v1 (pl) revision 2 has not been reviewed: have it checked before relying on it"]
    assert result.notes == notes


def test_polish_forms_of_address_follow_the_title():
    c = case()
    c.party("V1").title = "Mr"
    body = "\n".join(paragraphs(rendered(c, "acknowledgement", POLISH_FROM)[0].data))
    assert "Szanowny Panie," in body and "Skontaktujemy się z Panem" in body
    c.party("V1").title = None
    body = "\n".join(paragraphs(rendered(c, "acknowledgement", POLISH_FROM)[0].data))
    assert "Szanowna Pani / Szanowny Panie," in body and "z Panią/Panem" in body


def test_polish_consent_form_text():
    result, notes = rendered(case(), "consent-form", POLISH_FROM)
    body = "\n".join(paragraphs(result.data))
    assert result.record["template_language"] == "pl"
    assert "Zgoda na udostępnianie informacji" in body
    assert "Wyrażenie zgody jest dobrowolne." in body
    assert "Zgodę można wycofać w każdej chwili" in body
    assert "przez 6 lat od zamknięcia sprawy" in body
    assert "(UK GDPR)" in body and "(Data Protection Act 2018)" in body and "Data Protection Act 1998" not in body
    assert "daje nam uprawnienie, ale nie nakłada obowiązku" in body and "nie ma pierwszeństwa przed przepisami o ochronie danych" in body
    table = [[c.text for c in row.cells] for t in Document(io.BytesIO(result.data)).tables for row in t.rows]
    boxes = [row[1] for row in table if row[0] == "☐"]
    assert boxes[:3] == ["Metropolitan Police Service", "Victim Support", "London Borough of Bromley Community Safety Team"]
    assert {row[0]: row[1] for row in table if len(row) == 2}["Język"] == "polski"
    assert any("has not been reviewed" in n for n in notes)


def test_unreviewed_warning_on_stderr_and_in_the_audit_log(tmp_path, capsys):
    code = main(["generate", "acknowledgement", CASE, "--party", "V1", "--date", "2026-11-25", "--out", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 0
    assert "warning: the pl translation of acknowledgement v1 (pl) has not been reviewed" in captured.err
    record = json.loads((tmp_path / CASE / "audit.jsonl").read_text().splitlines()[-1])
    assert record["template_language"] == "pl"
    assert record["notes"] == ["the pl translation of acknowledgement v1 (pl) has not been reviewed: have it checked before relying on it"]


def test_english_fallback_warning_on_stderr_and_in_the_audit_log(tmp_path, capsys):
    # the Polish acknowledgement did not exist on 2 March 2026: that letter went out in English
    code = main(["generate", "acknowledgement", CASE, "--party", "V1", "--date", "2026-03-02", "--out", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 0
    expected = "no pl version of the acknowledgement template: the document is in English; arrange an interpreter or a translation for the reader"
    assert f"warning: {expected}" in captured.err
    path = tmp_path / CASE / "KHA-2026-0001-acknowledgement-V1-2026-03-02.docx"
    record = json.loads((tmp_path / CASE / "audit.jsonl").read_text().splitlines()[-1])
    assert record["file"] == path.name and record["template_language"] == "en" and record["notes"] == [expected]
    assert "Dear Ms Wiśniewska," in paragraphs(path.read_bytes())
    # adding the translation later does not change how that letter regenerates
    assert verify(path).identical


def test_language_without_any_variant_falls_back_to_english(tmp_path):
    c = case("KHA-2026-0005")
    c.party("V1").language = "so"
    with pytest.warns(CasedocsWarning, match="no so version of the consent-form template"):
        (path,) = generate("consent-form", c, party="V1", on=POLISH_FROM, out=tmp_path)
    record = json.loads((path.parent / "audit.jsonl").read_text().splitlines()[-1])
    assert record["template_language"] == "en"
    assert record["notes"] == ["no so version of the consent-form template: the document is in English; arrange an interpreter or a translation for the reader"]
    assert "Consent to share your information" in paragraphs(path.read_bytes())
    record_rows = {r.cells[0].text: r.cells[1].text for t in Document(path).tables for r in t.rows if len(r.cells) == 2}
    assert record_rows["Language used"] == "Somali"


def test_templates_check_passes(capsys):
    assert main(["templates", "check", "--today", "2026-11-25"]) == 0
    assert "error" not in capsys.readouterr().out
