"""Update letter version 2 (issue 16): what was done is worded in the template, one sentence a
paragraph chosen by the step's type, agency or outcome, so that its Arabic and Easy Read
versions word every step in their own language; in English it says what version 1 says."""

from __future__ import annotations

import io
import warnings
from datetime import date, datetime

import pytest
from docx import Document

from toolkit.casefile.loader import load_case, resolve_case
from toolkit.casefile.model import Action, Case
from toolkit.documents.base import Request
from toolkit.documents.generate import planned_letters, render_request
from toolkit.documents.victim_letters import ABOUT_THE_CASE, ABOUT_THE_VICTIM, V1_SENTENCES
from toolkit.templates.registry import Registry
from toolkit.templates.translation import template_segments

EXAMPLES = ["KHA-2025-0003", "KHA-2025-0007", "KHA-2026-0001", "KHA-2026-0002", "KHA-2026-0003", "KHA-2026-0004", "KHA-2026-0005"]
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
    planned = [(p.party, p.on) for p in planned_letters(c) if p.kind == "update-letter" and p.party]
    planned += [(v.id, V2_FROM) for v in c.victims]  # and a letter made today, when version 2 is in force
    assert planned
    for party, on in planned:
        one, two = render(c, on, party, 1), render(c, on, party, 2)
        assert paragraphs(two) == paragraphs(one), (reference, party, on)
        assert all(len(row) == 2 for row in step_rows(two))  # one sentence paragraph a step, the rest gone
    today = render(c, V2_FROM, c.victims[0].id)
    assert Document(io.BytesIO(today)).core_properties.title.startswith("An update on your case")


def a_case_with_every_action() -> tuple[Case, list[str]]:
    """KHA-2026-0003 with one action of each told type after the last contact with V1,
    plus one the victim is not told about (the perpetrator's own referral)."""
    c = case("KHA-2026-0003")
    kinds = sorted(ABOUT_THE_CASE | ABOUT_THE_VICTIM)
    added = []
    for n, kind in enumerate(kinds):
        party = "V1" if kind in ABOUT_THE_VICTIM else ("P1" if kind != "case_review" else None)
        agency = "Victim Support" if kind == "referral" else None
        added.append(Action(type=kind, party=party, agency=agency, done=datetime(2026, 11, 25, 8 + n // 6, (n % 6) * 10)))
    added.append(Action(type="referral", party="P1", agency="Bromley Youth Offending Team", done=datetime(2026, 11, 26, 9, 0)))
    added.append(Action(type="mediation", party="V1", outcome="You and your neighbour met at the community centre.", done=datetime(2026, 11, 26, 10, 0)))
    return c.model_copy(update={"actions": [*c.actions, *added]}), kinds


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
