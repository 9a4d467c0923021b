"""Referral to a partner agency (policy 8.5): only under an unwithdrawn consent naming the
agency on the document date; otherwise exit 1 with a message saying what is missing."""

from __future__ import annotations

import io
import json
import warnings
from datetime import date

from docx import Document
from docx.oxml.ns import qn

from toolkit.cli.main import main
from toolkit.documents.base import Request
from toolkit.documents.generate import render_request
from toolkit.casefile.loader import load_case, resolve_case

CASE = "KHA-2026-0001"


def run(tmp_path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["generate", "referral", *args, "--out", str(tmp_path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def text(data: bytes) -> str:
    body = Document(io.BytesIO(data)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def test_refused_without_consent(tmp_path, capsys):
    code, out, err = run(tmp_path, capsys, CASE, "--party", "V1", "--agency", "Galop", "--date", "2026-11-25")
    assert code == 1 and out == ""
    assert err.strip() == (
        "V1 (Agnieszka Wiśniewska) has not consented to sharing with Galop: no consent of theirs in KHA-2026-0001 "
        "names Galop (their consents name London Borough of Bromley Community Safety Team, Metropolitan Police Service, "
        "Stop Hate UK, Victim Support); record their consent (the consent form) in 'consents' before making a referral (policy 8.5)"
    )
    assert not list(tmp_path.rglob("*.docx"))


def test_refused_after_withdrawal(tmp_path, capsys):
    code, out, err = run(tmp_path, capsys, CASE, "--party", "V1", "--agency", "Stop Hate UK", "--date", "2026-11-25")
    assert code == 1 and out == ""
    assert err.strip() == (
        "V1 (Agnieszka Wiśniewska) has not consented to sharing with Stop Hate UK: they withdrew consent on 2026-04-02, "
        "so nothing may be shared with Stop Hate UK unless they consent again (policy 8.5)"
    )
    # the day of withdrawal counts as withdrawn; the day before, the consent was in force
    assert run(tmp_path, capsys, CASE, "--party", "V1", "--agency", "Stop Hate UK", "--date", "2026-04-02")[0] == 1
    code, out, _ = run(tmp_path, capsys, CASE, "--party", "V1", "--agency", "Stop Hate UK", "--date", "2026-04-01")
    assert code == 0 and out.strip().endswith("KHA-2026-0001-referral-V1-Stop_Hate_UK-2026-04-01.docx")


def test_refused_before_consent_was_given(tmp_path, capsys):
    code, _, err = run(tmp_path, capsys, CASE, "--party", "V1", "--agency", "Victim Support", "--date", "2026-03-02")
    assert code == 1
    # the referral is made from the case as known on its date: the later consent is not there yet
    assert err.strip().startswith("V1 (Agnieszka Wiśniewska) has not consented to sharing with Victim Support: no consent of theirs in KHA-2026-0001 names Victim Support")


def test_close_spelling_gets_a_hint(tmp_path, capsys):
    _, _, err = run(tmp_path, capsys, CASE, "--party", "V1", "--agency", "Victim Suport", "--date", "2026-11-25")
    assert "(did you mean 'Victim Support'?)" in err


def test_agency_is_required(tmp_path, capsys):
    code, _, err = run(tmp_path, capsys, CASE, "--party", "V1")
    assert code == 1 and "add --agency NAME" in err


def test_written_with_consent_in_english_for_the_agency(tmp_path, capsys):
    code, out, err = run(tmp_path, capsys, CASE, "--party", "V1", "--agency", "Victim Support", "--date", "2026-11-25")
    assert code == 0, err
    path = tmp_path / CASE / "KHA-2026-0001-referral-V1-Victim_Support-2026-11-25.docx"
    assert out.strip() == str(path)
    assert err == ""  # the agency reads it: no Polish fallback warning although V1 reads Polish
    body = text(path.read_bytes())
    assert "Referral: Agnieszka Wiśniewska (our case KHA-2026-0001)" in body
    assert "gave consent on 3 March 2026 (through an interpreter, Katarzyna Nowak) for Keniston to share information with Victim Support" in body
    assert "To arrange emotional and practical support for Ms Wiśniewska and her children" in body
    assert "UK GDPR and the Data Protection Act 2018" in body
    assert "Polish: needs an interpreter" in body
    record = json.loads((tmp_path / CASE / "audit.jsonl").read_text().splitlines()[-1])
    assert record["template_language"] == "en" and record["notes"] == []
    assert json.loads(record["options"]) == {"agency": "Victim Support"}


def test_addressed_to_the_agency_contact_when_the_case_has_one():
    c = load_case(resolve_case("KHA-2026-0002"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = render_request(Request(c, "referral", date(2026, 4, 21), "V1", None, {"agency": "Metropolitan Police Service"})).data
    body = text(data)
    assert "PC Rebecca Lowe" in body and "Dear PC Lowe," in body


def test_perpetrator_referral_does_not_pass_on_the_victims_details():
    c = load_case(resolve_case("KHA-2026-0002"))
    data = render_request(Request(c, "referral", date(2026, 5, 5), "P1", None, {"agency": "Bromley Youth Service"})).data
    body = text(data)
    assert "Tyler Brennan (aged 14)" in body and "Siobhán O'Brien, 07700 900766" in body
    assert "Pennington" not in body and "4 Mallard Walk" not in body
    assert "Verbal abuse" in body and "Threatening behaviour" in body
