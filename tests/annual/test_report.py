"""toolkit.annual.report and toolkit.annual.charts: the monitoring report's data, on a few hundred synthetic cases.

The synthetic cases (tests/synthetic.py) are written as YAML and loaded through the
real loader, so they are valid case files; their comments name officers, neighbours,
streets, postcodes and references on purpose.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

import pytest

import synthetic
from helpers import CASES
from toolkit.casefile.loader import load_all, load_case
from toolkit.casefile.model import Case
from toolkit.deadlines.clocks import twenty_four_hour_clocks
from toolkit.annual.newsletter import newsletter_context
from toolkit.annual.report import CATEGORY_LABELS, Redactor, report_context
from toolkit.annual.stats import FEWER_THAN, NOT_SHOWN

YEAR = 2026
ON = date(2027, 2, 1)
EXAMPLES = CASES


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> list[Case]:
    folder = tmp_path_factory.mktemp("synthetic")
    paths = synthetic.write_cases(folder, synthetic.cases())
    return [load_case(p) for p in paths]


@pytest.fixture(scope="module")
def report(cases: list[Case]) -> dict[str, Any]:
    return report_context(cases, YEAR, on=ON)


# -- the synthetic cases themselves ---------------------------------------------------------------
def test_the_synthetic_cases_are_valid_and_varied(cases: list[Case]) -> None:
    assert len(cases) >= 300
    assert {c.year for c in cases} == {2025, 2026}
    assert len({c.location.estate for c in cases}) >= 6
    assert len({m for c in cases for m in c.motivation}) == 9
    actions = Counter(a.type for c in cases for a in c.actions)
    for kind in ("verbal_warning", "warning_letter", "final_warning", "abc", "abc_review", "injunction_application", "notice_seeking_possession"):
        assert actions[kind] > 0, kind
    assert {f.satisfied for c in cases for f in c.feedback} == {"yes", "partly", "no"}
    assert any(p.guardians for c in cases for p in c.parties)
    assert any(p.interpreter for c in cases for p in c.parties)
    assert {c.status for c in cases} == {"open", "closed"}


def test_the_synthetic_cases_are_deterministic() -> None:
    first, again, other = (synthetic.cases(seed=seed, per_year=(40, 40)) for seed in (7, 7, 8))
    assert [synthetic.case_yaml(c) for c in first] == [synthetic.case_yaml(c) for c in again]
    assert [synthetic.case_yaml(c) for c in first] != [synthetic.case_yaml(c) for c in other]


# -- nothing identifying ---------------------------------------------------------------------------
# where a case reference may appear: the list of cases, and Keniston's own misses (listed by
# case so that the Committee sees them) and the action points made from them
REFERENCE_PLACES = r"\.cases\[\d+\]\.reference|\.missed\[\d+\]\.cases|\.action_plan\.rows\[\d+\]\.issue"


def leaks(context: dict[str, Any], cases: list[Case], *, allow_references: bool) -> list[str]:
    secret = synthetic.identifying_strings(cases)
    case_refs = {c.reference for c in cases}
    found = []
    for where, text in synthetic.strings_in(context):
        low = text.lower()
        for kind in ("names", "addresses", "postcodes", "references", "contacts"):
            for value in secret[kind]:
                if allow_references and value in case_refs and re.fullmatch(REFERENCE_PLACES, where):
                    continue
                if value.lower() in low:
                    found.append(f"{where}: {kind[:-1]} {value!r}")
        for word in secret["name_words"]:
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text):
                found.append(f"{where}: name word {word!r}")
    return found


def test_the_report_names_no_one(report: dict[str, Any], cases: list[Case]) -> None:
    assert leaks(report, cases, allow_references=True) == []


def test_the_report_names_no_one_from_the_example_cases() -> None:
    examples = load_all([EXAMPLES])
    assert leaks(report_context(examples, 2026, on=ON, charts=False), examples, allow_references=True) == []


def test_case_references_appear_only_in_the_list_of_cases_and_the_misses(report: dict[str, Any]) -> None:
    for where, text in synthetic.strings_in(report):
        if re.search(r"KHA-\d{4}-\d{4}", text):
            assert re.fullmatch(REFERENCE_PLACES, where), where


def test_characteristics_are_grouped_not_copied(report: dict[str, Any]) -> None:
    text = " ".join(t for _, t in synthetic.strings_in(report))
    for free_text in ("Other White (Polish)", "uses a wheelchair", "Asian British - Pakistani"):
        assert free_text not in text
    titles = [t["title"] for t in report["characteristics"]]
    assert titles[0].startswith("Age of victims and perpetrators") and len(titles) == 9
    ethnicity = report["characteristics"][2]
    assert [row[0] for row in ethnicity["rows"]][:5] == [
        "Asian or Asian British", "Black, Black British, Caribbean or African", "Mixed or multiple ethnic groups", "White", "Other ethnic group",
    ]


# -- what the committee is told --------------------------------------------------------------------
def test_every_case_of_the_year_is_listed_with_action_and_outcome(report: dict[str, Any], cases: list[Case]) -> None:
    expected = sorted(c.reference for c in cases if c.received.year == YEAR)
    assert [row["reference"] for row in report["cases"]] == expected
    for row in report["cases"]:
        assert set(row) == {"reference", "received", "categories", "actions", "outcome"}
        assert re.fullmatch(r"[A-Z][a-z]+ 2026", row["received"])  # a month, not a date
        assert row["outcome"] == "Open" or re.fullmatch(r"Closed in [A-Z][a-z]+ 202[67]", row["outcome"])


def shown_or_hidden(text: str, raw: int) -> None:
    if 0 < raw < 5:
        assert text == FEWER_THAN
    elif text != NOT_SHOWN:
        assert text == f"{raw:,}"


def test_incidents_by_category_match_the_cases(report: dict[str, Any], cases: list[Case]) -> None:
    table = report["tables"]["categories"]
    assert table["header"] == ["Form of harassment", "2025", "2026"]
    for y, column in ((2025, 1), (2026, 2)):
        raw = Counter(CATEGORY_LABELS[i.category] for c in cases for i in c.incidents if i.occurred_day.year == y)
        for row in table["rows"]:
            shown_or_hidden(row[column], raw[row[0]])
        assert table["footer"][column] == f"{sum(raw.values()):,}"


def test_small_estates_are_fewer_than_five(report: dict[str, Any], cases: list[Case]) -> None:
    table = report["tables"]["estates"]
    for y, column in ((2025, 1), (2026, 2)):
        raw = Counter(c.location.estate for c in cases for i in c.incidents if i.occurred_day.year == y)
        for row in table["rows"]:
            shown_or_hidden(row[column], raw[row[0]])
    rows = {row[0]: row for row in table["rows"]}
    assert FEWER_THAN in rows["Keston Mark Cottages"]  # one or two cases a year
    assert table["notes"]


def test_motivation_uses_the_nine_characteristics_and_the_five_strands(report: dict[str, Any]) -> None:
    assert len(report["tables"]["motivation"]["rows"]) == 10  # nine and "none recorded"
    assert report["tables"]["motivation"]["footer"] is None  # multi-valued: no total to subtract from
    assert [row[0] for row in report["tables"]["strands"]["rows"]] == [
        "Race", "Religion", "Sexual orientation", "Disability", "Transgender identity",
    ]


def test_initial_action_rates_follow_the_model(report: dict[str, Any], cases: list[Case]) -> None:
    clocks = [d for c in cases for d in twenty_four_hour_clocks(c) if d.clause == "8.1" and d.start.year == YEAR]
    met = sum(1 for d in clocks if d.met)
    table = report["performance"]
    assert table["header"] == ["Promise (policy)", f"Kept {YEAR - 1}", f"Missed {YEAR - 1}", f"Kept {YEAR}", f"Missed {YEAR}"]
    assert table["rows"][0][0] == "Initial action within 24 hours (8.1)"
    assert table["rows"][0][3] + table["rows"][0][4] == len(clocks)
    assert report["deadline_rates"][0]["current"] == f"{round(100 * met / len(clocks))}%"


def test_the_report_and_the_newsletter_print_and_hide_the_same_action_figures(report: dict[str, Any], cases: list[Case]) -> None:
    # a figure hidden in one and printed in the other would let a reader subtract their way to it
    article = newsletter_context(cases, YEAR)["figures"]
    enforcement = report["tables"]["enforcement"]
    assert [row[0] for row in enforcement["rows"]] == [row[0] for row in article["rows"]]
    assert [row[2] for row in enforcement["rows"]] == [row[1] for row in article["rows"]]
    assert enforcement["footer"][2] == article["footer"][1]
    assert any(row[1] in (FEWER_THAN, NOT_SHOWN) for row in article["rows"])  # the test means something


def test_satisfaction_and_comments(report: dict[str, Any], cases: list[Case]) -> None:
    feedback = [f for c in cases for f in c.feedback if f.date.year == YEAR]
    assert report["satisfaction_rates"]["current"] == f"{round(100 * sum(f.satisfied == 'yes' for f in feedback) / len(feedback))}%"
    assert len(report["comments"]) == sum(1 for f in feedback if f.comment)
    texts = [c["text"] for c in report["comments"]]
    assert any("[name]" in t for t in texts) and any("[place]" in t for t in texts)


def test_trends_in_words(report: dict[str, Any], cases: list[Case]) -> None:
    before = sum(1 for c in cases if c.year == 2025)
    after = sum(1 for c in cases if c.year == 2026)
    assert f"The number of cases reported rose from {before} in 2025 to {after} in 2026" in " ".join(report["summary"])


def test_small_years_are_not_compared(cases: list[Case]) -> None:
    few = [c for c in cases if c.year == 2026][:3] + [c for c in cases if c.year == 2025][:30]
    summary = " ".join(report_context(few, YEAR, on=ON, charts=False)["summary"])
    assert "too small to compare" in summary


# -- anonymising comments --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def redact() -> Redactor:
    return Redactor(load_all([EXAMPLES]))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Priya kept us informed.", "[name] kept us informed."),
        ("Mr Denton shouted again.", "[name] shouted again."),
        ("Mrs O'Hara from next door saw it.", "[name] from next door saw it."),  # a titled name in no case
        ("It happened at Flat 12, Larkspur Court.", "It happened at [place]."),
        ("Everyone on Kingfisher Road saw it.", "Everyone on [place] saw it."),
        ("Write to BR6 9QT.", "Write to [place]."),
        ("My reference is KHA-2026-0001.", "My reference is [reference]."),
        ("Crime ref 5201184/26 went nowhere.", "[reference] went nowhere."),
        ("Ring 07700 900184 or mail k.a.mensah@example.org", "Ring [contact details] or mail [email]"),
        ("Call me on 01689 123456 please", "Call me on [phone] please"),
        ("On 1 March and 14th March 2026, and 03/04/2026.", "On [date] and [date], and [date]."),
        ("It was 3 weeks in May.", "It was 3 weeks in May."),  # not a date
    ],
)
def test_redaction(redact: Redactor, text: str, expected: str) -> None:
    assert redact(text) == expected


# -- charts ---------------------------------------------------------------------------------------
def test_charts_are_deterministic_pngs_without_metadata(cases: list[Case], report: dict[str, Any]) -> None:
    again = report_context(cases, YEAR, on=ON)
    assert [c["name"] for c in report["charts"]] == ["categories", "estates", "deadlines"]
    for first, second in zip(report["charts"], again["charts"]):
        png = first["image"].source
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        assert png == second["image"].source
        assert b"tIME" not in png and b"Software" not in png and b"matplotlib" not in png
        assert 100 < first["image"].width.mm <= 170 and first["image"].description.startswith("Bar chart")


def test_charts_can_be_left_out(cases: list[Case]) -> None:
    assert report_context(cases[:20], YEAR, on=ON, charts=False)["charts"] == []
