"""Update and closure letters to a victim (issue 14): what was done since the last contact and
up to the letter's date, from the log; notes never printed; the closure letter only once the
case is closed, with its satisfaction survey; `letters` makes one update per victim_update."""

from __future__ import annotations

import io
import warnings
from datetime import date

import pytest
from docx import Document

from toolkit.casefile.loader import load_case, resolve_case
from toolkit.casefile.model import Case
from toolkit.documents.generate import planned_letters, render_request
from toolkit.documents.base import Request
from toolkit.errors import InputError


def case(reference: str) -> Case:
    return load_case(resolve_case(reference))


def render(c: Case, kind: str, on: date, party: str | None, options: dict[str, str] | None = None) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return render_request(Request(c, kind, on, party, None, options or {})).data


def text(data: bytes) -> str:
    """Every paragraph in document order, table cells included."""
    body = Document(io.BytesIO(data)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")) for p in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"))


def table_rows(data: bytes) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for table in Document(io.BytesIO(data)).tables for row in table.rows]


def steps(data: bytes) -> list[list[str]]:
    """The 'What we did' rows (date, text), header left out."""
    return [row for row in table_rows(data) if len(row) == 2 and row[0] and row[0] != "Date" and row[0][0].isdigit()]


def test_update_letter_reports_only_what_was_done_since_the_last_contact():
    c = case("KHA-2026-0001")
    first = render(c, "update-letter", date(2026, 3, 10), "V1")
    second = render(c, "update-letter", date(2026, 3, 24), "V1")
    assert "since we were last in touch on 2 March 2026" in text(first)
    assert ["4 March 2026", "We gave the person concerned a verbal warning and confirmed it in writing."] in steps(first)
    assert not any("written warning." in s[1] and "final" not in s[1] and "verbal" not in s[1] for s in steps(first))
    assert steps(second) == [["17 March 2026", "We sent the person concerned a written warning."]]
    assert "since we were last in touch on 10 March 2026" in text(second)
    assert "14 March 2026" in text(second)  # the incident reported since then is acknowledged


def test_update_letter_stops_at_its_own_date():
    c = case("KHA-2026-0001")
    data = render(c, "update-letter", date(2026, 3, 12), "V1")  # after 10 March, before the 17 March warning
    assert steps(data) == []
    assert "There has been no new action on the case since then" in text(data)
    assert "17 March" not in text(data)


def test_update_letter_never_prints_notes_or_another_readers_outcome():
    c = case("KHA-2026-0004")
    data = text(render(c, "update-letter", date(2026, 8, 20), "S1"))  # the day of the final warning
    assert "We sent the person concerned a final written warning." in data
    assert "must contact us only in writing" not in data  # the perpetrator's outcome is for him
    assert "calls now go to" not in data  # an internal note
    latest = text(render(c, "update-letter", date(2026, 11, 12), "S1"))
    assert "The police have charged the person concerned" in latest  # the update's own outcome, written for her
    assert "Mr Sillitoe" not in latest


def test_letters_makes_one_update_per_done_victim_update():
    planned = planned_letters(case("KHA-2026-0002"))
    updates = [p.on for p in planned if p.kind == "update-letter"]
    assert updates == [date(2026, 5, 12), date(2026, 6, 2), date(2026, 8, 14), date(2026, 9, 1)]  # 15 September: not done


def test_closure_letter_needs_a_closed_case():
    with pytest.raises(InputError, match="not closed on 2026-11-30"):
        render(case("KHA-2026-0001"), "closure-letter", date(2026, 11, 30), "V1")
    with pytest.raises(InputError, match="not closed on 2026-01-29"):
        render(case("KHA-2025-0007"), "closure-letter", date(2026, 1, 29), "V1")


def test_closure_letter_outcome_support_and_survey():
    c = case("KHA-2025-0007")
    data = render(c, "closure-letter", date(2026, 1, 30), "V1")
    body = text(data)
    assert "We closed case KHA-2025-0007 on 30 January 2026" in body
    assert "there has been nothing further since the camera" in body  # the review's outcome
    assert "No further incidents since CCTV installed" not in body  # its notes
    assert "Metropolitan Police Service" in body.split("Support that is still available", 1)[1]
    assert "return it by 27 February 2026" in body
    answers = [row[1] for row in table_rows(data) if len(row) == 2 and row[0] == "☐"]
    assert answers == ["Yes, satisfied", "Partly satisfied", "No, not satisfied"]
    assert ("closure-letter", "V1", date(2026, 1, 30)) in [(p.kind, p.party, p.on) for p in planned_letters(c)]
