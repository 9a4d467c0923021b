"""Consent done right (issue 14): one form per person (joint tenants are two parties), each
organisation with its own purposes, an interpreted consent with the interpreter's declaration
and no leftover prompt, and a child's ABC-required referral on a basis other than consent."""

from __future__ import annotations

import io
import warnings
from datetime import date

from docx import Document

from toolkit.casefile.loader import load_case, resolve_case
from toolkit.casefile.model import Case
from toolkit.documents.generate import render_request
from toolkit.documents.base import Request

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def case(reference: str) -> Case:
    return load_case(resolve_case(reference))


def form(c: Case, party: str, on: date) -> tuple[str, list[list[str]]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = render_request(Request(c, "consent-form", on, party)).data
    document = Document(io.BytesIO(data))
    text = "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in document.element.body.iter(f"{W}p"))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    return text, rows


def test_joint_tenants_each_have_their_own_form_and_signature():
    c = case("KHA-2025-0003")
    assert [p.name for p in c.victims] == ["Kwame Mensah", "Abena Mensah"]
    for party, name in (("V1", "Kwame Mensah"), ("V2", "Abena Mensah")):
        _, rows = form(c, party, date(2025, 5, 19))
        signers = [r for r in rows if r[0] == "The person consenting"]
        assert [r[1] for r in signers] == [name]  # one person, one signature line


def test_each_organisation_has_its_own_purposes():
    _, rows = form(case("KHA-2026-0002"), "V1", date(2026, 4, 20))
    purposes = {r[1]: r[2] for r in rows if len(r) == 3 and r[0] == "☐"}
    assert purposes["Age UK Bromley & Greenwich"] == "To arrange befriending and practical help after the fall"
    assert "police" not in purposes["Age UK Bromley & Greenwich"]
    assert purposes["Metropolitan Police Service"] == "To report the disability hate incidents to the police"


def test_interpreted_consent_has_the_interpreters_declaration_and_no_prompt():
    text, rows = form(case("KHA-2026-0001"), "V1", date(2026, 3, 3))
    assert "Interpreter's declaration" in text
    assert "I, Katarzyna Nowak, interpreted this form from English into Polish for Agnieszka Wiśniewska" in text
    assert ["Interpreter", "Katarzyna Nowak", "", ""] in rows  # the interpreter signs
    assert "if an interpreter was used" not in text


def test_a_form_without_an_interpreter_prints_no_interpreter_lines():
    text, rows = form(case("KHA-2026-0002"), "V1", date(2026, 4, 20))
    assert "Interpreter" not in text and not any(r[0] == "Interpreter" for r in rows)


def test_a_childs_abc_required_referral_is_not_put_as_consent():
    text, rows = form(case("KHA-2026-0002"), "P1", date(2026, 5, 5))
    assert "Sharing your information: what we will do and why" in text
    assert "We are not asking for consent" in text and "UK GDPR Article 6(1)(e)" in text
    assert "Siobhán O'Brien as Tyler Brennan's parent or guardian" in text
    assert "Consent to share your information" not in text and "I agree to the sharing" not in text
    assert not any(r[0] == "☐" for r in rows)  # nothing to tick: it is not a choice
    assert [r[1] for r in rows if r[0] in ("The person", "Parent or guardian")] == ["Tyler Brennan", "Siobhán O'Brien"]


def test_the_referral_states_the_basis_it_rests_on():
    c = case("KHA-2026-0002")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = render_request(Request(c, "referral", date(2026, 5, 5), "P1", None, {"agency": "Bromley Youth Service"})).data
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "This referral is not made on the basis of consent" in text and "Article 6(1)(e)" in text
    assert "gave consent" not in text
