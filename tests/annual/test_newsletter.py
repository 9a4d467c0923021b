"""toolkit.annual.newsletter: the annual article (policy 6.1) from counts only, and naming no one."""

from __future__ import annotations

import re
from typing import Any

import pytest

import synthetic
from helpers import CASES
from toolkit.association import KENISTON
from toolkit.casefile.loader import load_all
from toolkit.casefile.model import Case
from toolkit.annual.newsletter import ENFORCEMENT, action_sentence, enforcement_counts, newsletter_context
from toolkit.annual.stats import FEWER_THAN, NOT_SHOWN, count_list

YEAR = 2026
EXAMPLES = CASES


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return [Case.model_validate(c) for c in synthetic.cases()]


@pytest.fixture(scope="module")
def article(cases: list[Case]) -> dict[str, Any]:
    return newsletter_context(cases, YEAR)


def texts(context: dict[str, Any]) -> list[str]:
    return [t for _, t in synthetic.strings_in(context)]


def test_the_article_has_a_title_sections_figures_and_how_to_report(article: dict[str, Any]) -> None:
    assert article["kind"] == "newsletter" and article["year"] == YEAR
    assert str(YEAR) in article["title"]
    assert [s["heading"] for s in article["sections"]][1] == f"What we did in {YEAR}"
    assert all(p for s in article["sections"] for p in s["paragraphs"])
    figures = article["figures"]
    assert figures["header"] == ["Action", f"Number in {YEAR}"]
    assert [row[0] for row in figures["rows"]] == list(ENFORCEMENT)
    assert figures["footer"][0] == "All formal action"


def test_how_to_report_uses_the_associations_details(article: dict[str, Any]) -> None:
    how = article["how_to_report"]
    assert how["phone"] == KENISTON.phone == "020 7946 0000"
    assert how["email"] == KENISTON.email
    assert KENISTON.postcode in how["address"] and "Orpington" in how["address"]
    assert how["website"] == KENISTON.website
    assert "999" in how["emergency"]
    assert len(how["lines"]) == 5
    assert article["association"] is KENISTON


def test_figures_count_actions_done_in_the_year(cases: list[Case], article: dict[str, Any]) -> None:
    raw = enforcement_counts(cases, YEAR)
    expected = {
        label: sum(1 for c in cases for a in c.actions if a.done and a.done.year == YEAR and a.type in types)
        for label, types in ENFORCEMENT.items()
    }
    assert raw == expected
    for label, text in article["figures"]["rows"]:
        if 0 < raw[label] < 5:
            assert text == FEWER_THAN
        elif text != NOT_SHOWN:
            assert text == f"{raw[label]:,}"
    assert article["figures"]["footer"][1] == f"{sum(raw.values()):,}"


def test_an_action_counts_in_the_year_it_was_done_not_the_year_of_the_case() -> None:
    actions = [
        {"type": "verbal_warning", "party": "P1", "done": "2026-12-31T16:00"},
        {"type": "warning_letter", "party": "P1", "done": "2027-01-04T10:00"},
        {"type": "final_warning", "party": "P1", "done": "2027-02-01T10:00"},
    ]
    case = Case.model_validate(synthetic.minimal_case(actions=actions))
    assert enforcement_counts([case], 2026)["Verbal warnings"] == 1
    assert enforcement_counts([case], 2027) == {
        "Verbal warnings": 0, "Warning letters": 1, "Final warning letters": 1, "Acceptable Behaviour Contracts": 0,
        "Injunctions applied for": 0, "Possession proceedings started": 0,
    }


def test_the_article_names_no_one_and_no_place(cases: list[Case], article: dict[str, Any]) -> None:
    check_anonymous(article, cases)


def test_the_article_from_the_example_cases_names_no_one() -> None:
    examples = load_all([EXAMPLES])
    check_anonymous(newsletter_context(examples, YEAR), examples)


def check_anonymous(context: dict[str, Any], cases: list[Case]) -> None:
    secret = synthetic.identifying_strings(cases)
    estates = {c.location.estate for c in cases if c.location.estate}
    for text in texts(context):
        low = text.lower()
        for kind in ("names", "addresses", "postcodes", "references", "contacts"):
            for value in secret[kind]:
                assert value.lower() not in low, f"{kind}: {value!r} in {text!r}"
        for word in secret["name_words"]:
            assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text), f"{word!r} in {text!r}"
        for estate in estates:
            assert estate.lower() not in low
        assert not re.search(r"KHA-\d{4}-\d{4}", text)
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}(st|nd|rd|th)? (January|February|March|April|May|June|July|"
                             r"August|September|October|November|December)\b", text), f"a date in {text!r}"


def test_counts_in_words() -> None:
    counts = {"Verbal warnings": 12, "Warning letters": 9, "Final warning letters": 3,
              "Acceptable Behaviour Contracts": 0, "Injunctions applied for": 7, "Possession proceedings started": 0}
    figures = count_list("t", counts, ENFORCEMENT, column="n")
    sentence = action_sentence(figures, 2026)
    # 3 is hidden, and so is the 7 (its complement), so no number for the injunctions
    assert sentence == (
        "In 2026 we gave 12 verbal warnings, sent 9 warning letters, sent fewer than 5 final warning letters and applied to "
        "the court for injunctions. We did not need to use Acceptable Behaviour Contracts and possession proceedings this year."
    )


def test_a_year_without_formal_action() -> None:
    figures = count_list("t", {}, ENFORCEMENT, column="n")
    assert action_sentence(figures, 2030) == "In 2030 we did not need to take formal action against anyone for harassment."
    context = newsletter_context([], 2030)
    assert "no cases of harassment were reported" in context["sections"][1]["paragraphs"][0]


def test_a_year_with_few_reports_says_fewer_than_five(cases: list[Case]) -> None:
    few = [c for c in cases if c.year == YEAR][:3]
    first = newsletter_context(few, YEAR)["sections"][1]["paragraphs"][0]
    assert first == f"In {YEAR}, residents reported fewer than 5 cases of harassment to us."
