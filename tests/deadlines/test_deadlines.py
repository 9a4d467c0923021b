"""toolkit.deadlines.check and ``casedocs check``: 24-hour clocks, working days, statuses, exit codes."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from helpers import CASES
from synthetic import minimal_case, write_cases
from toolkit.cli.main import main
from toolkit.deadlines.check import (
    CheckItem,
    case_items,
    check_cases,
    format_table,
    parse_moment,
)
from toolkit.deadlines.clocks import add_working_days, is_working_day
from toolkit.casefile.model import Case

D = date.fromisoformat
T = datetime.fromisoformat


def case(**changes: Any) -> Case:
    return Case.model_validate(minimal_case(**changes))


def items(c: Case, now: str, **options: Any) -> list[CheckItem]:
    return case_items(c, T(now), **options)


def one(found: list[CheckItem], clause: str, party: str | None = None) -> CheckItem:
    matching = [i for i in found if i.clause == clause and (party is None or i.party == party)]
    assert len(matching) == 1, matching
    return matching[0]


# -- working days -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "day, working",
    [
        ("2026-03-06", True),   # a Friday
        ("2026-03-07", False),  # Saturday
        ("2026-03-08", False),  # Sunday
        ("2026-04-03", False),  # Good Friday
        ("2026-04-06", False),  # Easter Monday
        ("2026-05-04", False),  # early May bank holiday
        ("2026-08-31", False),  # summer bank holiday (England and Wales, not Scotland's)
        ("2026-08-03", True),   # Scotland's summer bank holiday is a working day here
        ("2026-12-25", False),
        ("2026-12-28", False),  # Boxing Day falls on a Saturday: substitute day on Monday
        ("2026-12-29", True),
        ("2027-01-01", False),
        ("2026-03-17", True),   # St Patrick's Day is Northern Ireland's only
    ],
)
def test_working_days_are_weekdays_without_england_and_wales_bank_holidays(day: str, working: bool) -> None:
    assert is_working_day(D(day)) is working


@pytest.mark.parametrize(
    "start, count, expected",
    [
        ("2026-03-06", 1, "2026-03-09"),   # Friday + 1 = Monday
        ("2026-03-06", 10, "2026-03-20"),  # two working weeks
        ("2026-03-07", 1, "2026-03-09"),   # from a Saturday the next working day is Monday
        ("2026-03-06", 0, "2026-03-06"),
        ("2026-04-02", 1, "2026-04-07"),   # Maundy Thursday + 1 skips Good Friday to Easter Monday
        ("2026-04-02", 10, "2026-04-20"),  # across Easter: two bank holidays added
        ("2026-12-24", 1, "2026-12-29"),   # Christmas Eve + 1 skips Christmas, the weekend and Boxing Day's substitute
        ("2026-12-24", 10, "2027-01-12"),  # across Christmas and New Year
        ("2026-05-01", 10, "2026-05-18"),  # across the early May bank holiday
    ],
)
def test_add_working_days(start: str, count: int, expected: str) -> None:
    assert add_working_days(D(start), count) == D(expected)


def test_parse_moment() -> None:
    assert parse_moment("2026-03-02") == T("2026-03-02T00:00")
    assert parse_moment("2026-03-02T09:30") == T("2026-03-02T09:30")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_moment("2 March")
    with pytest.raises(ValueError, match="time zone"):
        parse_moment("2026-03-02T09:30+01:00")


# -- 24-hour clocks: real hours, weekends included ------------------------------------------------
def test_a_complaint_late_on_friday_is_due_late_on_saturday() -> None:
    c = case()  # received Friday 6 March 2026 at 23:00
    initial = one(items(c, "2026-03-07T09:00"), "8.1")
    assert initial.due == T("2026-03-07T23:00")
    assert initial.status == "due_soon"
    assert one(items(c, "2026-03-07T23:00"), "8.1").status == "due_soon"  # due *by* 23:00
    assert one(items(c, "2026-03-07T23:01"), "8.1").status == "overdue"
    assert one(items(c, "2026-03-09T09:00"), "10.1").status == "overdue"


def test_an_action_on_monday_meets_a_friday_night_clock_late() -> None:
    c = case(actions=[
        {"type": "initial_contact", "party": "V1", "done": "2026-03-07T10:00"},
        {"type": "incident_form", "done": "2026-03-09T09:15"},
    ])
    found = items(c, "2026-03-10T09:00")
    assert one(found, "8.1").status == "ok"
    form = one(found, "10.1")
    assert form.status == "met_late" and form.done == T("2026-03-09T09:15")


def test_a_24_hour_clock_runs_through_a_bank_holiday() -> None:
    c = case(received="2026-04-02T15:00", incidents=[
        {"id": "I1", "occurred": "2026-04-02T14:00", "reported": "2026-04-02T15:00", "category": "graffiti", "description": "Graffiti."},
    ], categories=["graffiti"])
    graffiti = one(items(c, "2026-04-03T16:00"), "6.2")  # Good Friday afternoon
    assert graffiti.due == T("2026-04-03T15:00")
    assert graffiti.status == "overdue"


def test_emergency_repairs_and_recorded_dues_come_from_the_model() -> None:
    c = case(actions=[{"type": "emergency_repair", "due": "2026-03-07T12:00", "done": "2026-03-07T13:00"}])
    repair = one(items(c, "2026-03-08T09:00"), "8.3")
    assert repair.due == T("2026-03-07T12:00") and repair.status == "met_late"


# -- regular contact with victims: working days ----------------------------------------------------
def test_contact_runs_from_the_complaint_until_the_first_contact() -> None:
    contact = one(items(case(), "2026-03-09T09:00"), "8.10")
    assert contact.all_day and contact.due.date() == D("2026-03-20")  # Friday 6 March + 10 working days
    assert contact.status == "ok"


def test_contact_across_easter_is_due_ten_working_days_later() -> None:
    c = case(actions=[{"type": "victim_update", "party": "V1", "done": "2026-04-02T16:00"}], received="2026-03-30T10:00",
             incidents=[{"id": "I1", "occurred": "2026-03-30T09:00", "category": "verbal_abuse", "description": "Abuse."}])
    assert one(items(c, "2026-04-15T09:00"), "8.10").status == "ok"
    assert one(items(c, "2026-04-16T09:00"), "8.10").status == "due_soon"  # due Monday 20th: 2 working days on
    at_due = one(items(c, "2026-04-20T17:00"), "8.10")
    assert at_due.due.date() == D("2026-04-20") and at_due.status == "due_soon"
    assert one(items(c, "2026-04-21T00:01"), "8.10").status == "overdue"


def test_contact_across_christmas() -> None:
    c = case(actions=[{"type": "victim_update", "party": "V1", "done": "2026-12-24T11:00"}], received="2026-12-01T10:00",
             incidents=[{"id": "I1", "occurred": "2026-12-01T09:00", "category": "verbal_abuse", "description": "Abuse."}])
    contact = one(items(c, "2027-01-05T09:00"), "8.10")
    assert contact.due.date() == D("2027-01-12") and contact.status == "ok"


def test_the_contact_interval_is_configurable() -> None:
    c = case(actions=[{"type": "victim_update", "party": "V1", "done": "2026-03-10T10:00"}])
    assert one(items(c, "2026-03-18T09:00", contact_interval=5), "8.10").due.date() == D("2026-03-17")
    assert one(items(c, "2026-03-18T09:00", contact_interval=5), "8.10").status == "overdue"
    assert one(items(c, "2026-03-18T09:00"), "8.10").status == "ok"


def test_each_victim_has_their_own_contact_clock() -> None:
    parties = minimal_case()["parties"] + [{"id": "V2", "role": "victim", "name": "Kofi Quarshie"}]
    c = case(parties=parties, actions=[
        {"type": "initial_contact", "party": "V1", "done": "2026-03-07T10:00"},
        {"type": "victim_update", "party": "V1", "done": "2026-03-20T10:00"},
    ])
    found = items(c, "2026-03-24T09:00")
    assert one(found, "8.10", "V1").status == "ok"
    assert one(found, "8.10", "V2").status == "overdue"  # never contacted: 10 working days from the complaint


def test_a_planned_update_with_its_own_due_time_overrides_the_interval() -> None:
    c = case(actions=[
        {"type": "victim_update", "party": "V1", "done": "2026-03-10T10:00"},
        {"type": "victim_update", "party": "V1", "due": "2026-03-13T17:00"},
    ])
    planned = one(items(c, "2026-03-13T17:30"), "8.10")
    assert planned.due == T("2026-03-13T17:00") and planned.status == "overdue" and not planned.all_day


def test_actions_after_today_are_not_known_yet() -> None:
    c = case(actions=[{"type": "initial_contact", "party": "V1", "done": "2026-03-07T10:00"}])
    assert one(items(c, "2026-03-07T09:00"), "8.1").status == "due_soon"
    assert one(items(c, "2026-03-07T11:00"), "8.1").status == "ok"


# -- ABC reviews, interpreters, consent before referral -------------------------------------------
ABC_CASE = {"abc": {"party": "P1", "start": "2026-01-15", "review_after_months": 3}}


@pytest.mark.parametrize(
    "review, now, status",
    [
        (None, "2026-04-01T09:00", "ok"),
        (None, "2026-04-14T09:00", "due_soon"),
        (None, "2026-04-16T09:00", "overdue"),
        ("2026-04-10T10:00", "2026-05-01T09:00", "ok"),        # "about 3 months": a few days early counts
        ("2026-04-20T10:00", "2026-05-01T09:00", "met_late"),
        ("2026-02-20T10:00", "2026-05-01T09:00", "overdue"),   # a month after the start is not the 3-month review
    ],
)
def test_abc_review(review: str | None, now: str, status: str) -> None:
    actions = [{"type": "abc", "party": "P1", "done": "2026-01-15T15:00"}]
    if review:
        actions.append({"type": "abc_review", "party": "P1", "done": review})
    c = case(received="2026-01-05T10:00", actions=actions, **ABC_CASE,
             incidents=[{"id": "I1", "occurred": "2026-01-04T21:30", "category": "verbal_abuse", "description": "Abuse.", "perpetrators": ["P1"]}])
    item = one(items(c, now), "9.2")
    assert item.due.date() == D("2026-04-15")
    assert item.status == status


def test_an_agreed_abc_review_time_overrides_the_computed_one() -> None:
    c = case(abc={"party": "P1", "start": "2026-01-15"}, actions=[
        {"type": "abc_review", "party": "P1", "due": "2026-04-29T14:00", "done": "2026-04-29T13:30"},
    ])
    review = one(items(c, "2026-05-01T09:00"), "9.2")
    assert review.due == T("2026-04-29T14:00") and not review.all_day and review.status == "ok"


def test_abc_start_defaults_to_the_abc_action() -> None:
    c = case(abc={"party": "P1"}, actions=[{"type": "abc", "party": "P1", "done": "2026-03-20T15:00"}])
    assert one(items(c, "2026-04-01T09:00"), "9.2").due.date() == D("2026-06-20")


def test_an_interpreter_must_be_booked_for_the_first_contact() -> None:
    parties = minimal_case()["parties"]
    parties[0].update(language="pl", interpreter=True)
    unbooked = case(parties=parties)
    assert one(items(unbooked, "2026-03-09T09:00"), "8.2").status == "overdue"
    booked = case(parties=parties, actions=[{"type": "interpreter_booked", "party": "V1", "done": "2026-03-07T08:00"}])
    assert one(items(booked, "2026-03-09T09:00"), "8.2").status == "ok"
    assert not [i for i in items(case(), "2026-03-09T09:00") if i.clause == "8.2"]


@pytest.mark.parametrize(
    "consent, status",
    [
        ({"agencies": ["Victim Support"], "given": "2026-03-07"}, "ok"),                    # same day counts
        ({"agencies": ["victim support"], "given": "2026-03-01"}, "ok"),                    # names match without case
        ({"agencies": ["Victim Support"], "given": "2026-03-12"}, "met_late"),              # consent after the referral
        ({"agencies": ["Metropolitan Police Service"], "given": "2026-03-01"}, "overdue"),  # a different agency
        ({"agencies": ["Victim Support"], "given": "2026-03-01", "withdrawn": "2026-03-05"}, "overdue"),
        (None, "overdue"),
    ],
)
def test_referral_needs_consent_naming_the_agency(consent: dict[str, Any] | None, status: str) -> None:
    consents = [{"party": "V1", **consent}] if consent else []
    c = case(consents=consents, actions=[{"type": "referral", "party": "V1", "agency": "Victim Support", "done": "2026-03-07T14:00"}])
    assert one(items(c, "2026-03-20T09:00"), "8.5").status == status


# -- across cases --------------------------------------------------------------------------------
def test_only_cases_open_at_today_are_checked() -> None:
    closed_later = case(reference="KHA-2026-0901", status="closed", closed="2026-06-30", closure_reason="Resolved.")
    closed_before = case(reference="KHA-2026-0902", status="closed", closed="2026-03-08", closure_reason="Resolved.")
    not_yet = case(reference="KHA-2026-0903", received="2026-04-01T10:00",
                   incidents=[{"id": "I1", "occurred": "2026-04-01T09:00", "category": "other", "description": "x"}])
    report = check_cases([not_yet, closed_before, closed_later, case()], T("2026-03-20T09:00"))
    assert report.cases_checked == ["KHA-2026-0900", "KHA-2026-0901"]
    assert [i.status for i in report.items] == sorted((i.status for i in report.items), key=["overdue", "due_soon", "met_late", "ok"].index)


def test_the_table_lists_what_needs_doing() -> None:
    report = check_cases([case()], T("2026-03-09T09:00"))
    table = format_table(report)
    assert "overdue" in table and "initial action on the complaint" in table and "KHA-2026-0900" in table
    assert "contact with victim" not in table  # on track: only with --all
    assert "contact with victim V1" in format_table(report, show_all=True)


# -- the command ---------------------------------------------------------------------------------
@pytest.fixture
def folder(tmp_path: Path) -> Path:
    done = [
        {"type": "initial_contact", "party": "V1", "done": "2026-03-07T10:00"},
        {"type": "incident_form", "done": "2026-03-07T11:00"},
    ]
    write_cases(tmp_path, [minimal_case(actions=done), minimal_case(reference="KHA-2026-0901")])
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_exits_4_when_anything_is_overdue(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(folder), "--today", "2026-03-09T09:00")
    assert code == 4  # "found something to act on", not 1 (bad input): a scheduler tells them apart
    assert "KHA-2026-0901" in out and "overdue" in out and err == ""


def test_check_exits_0_when_nothing_is_overdue(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(folder / "KHA-2026-0900.yaml"), "--today", "2026-03-09T09:00")
    assert code == 0
    assert "Nothing is overdue or due soon" in out


def test_check_json_lists_every_item(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(folder), "--today", "2026-03-09", "--format", "json", "--contact-interval", "1")
    assert code == 4
    data = json.loads(out)
    assert data["today"] == "2026-03-09T00:00"
    assert data["contact_interval_working_days"] == 1
    assert data["cases_checked"] == ["KHA-2026-0900", "KHA-2026-0901"]
    assert data["counts"]["overdue"] == sum(1 for i in data["items"] if i["status"] == "overdue") >= 2
    first = next(i for i in data["items"] if i["reference"] == "KHA-2026-0900" and i["clause"] == "8.1")
    assert first == {
        "reference": "KHA-2026-0900", "clause": "8.1", "kind": "initial_contact", "what": "initial action on the complaint",
        "party": None, "subject": None, "start": "2026-03-06T23:00", "due": "2026-03-07T23:00", "done": "2026-03-07T10:00",
        "status": "ok",
    }
    contact = next(i for i in data["items"] if i["reference"] == "KHA-2026-0900" and i["clause"] == "8.10")
    assert contact["due"] == "2026-03-09" and contact["status"] == "due_soon"  # 1 working day after Saturday


def test_check_json_keys_and_their_order_are_fixed(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Scripts read ``check --format json``: its keys, their order and its layout do not change under them."""
    code, out, _ = run(capsys, "check", str(folder), "--today", "2026-03-09", "--format", "json", "--contact-interval", "1")
    assert code == 4 and out.startswith('{\n  "today": "2026-03-09T00:00",\n') and out.endswith("\n}\n")
    data = json.loads(out)
    assert list(data) == ["today", "contact_interval_working_days", "due_soon_working_days", "cases_checked", "counts", "items"]
    assert list(data["counts"]) == ["overdue", "due_soon", "met_late", "ok"]
    keys = ["reference", "clause", "kind", "what", "party", "subject", "start", "due", "done", "status"]
    assert len(data["items"]) > 2 and all(list(item) == keys for item in data["items"])


@pytest.mark.parametrize("argv", [["--today", "next week"], ["--format", "csv"], ["--contact-interval", "ten"]])
def test_check_command_line_errors_exit_2(folder: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["check", str(folder), *argv])
    assert stopped.value.code == 2


def test_check_refuses_a_zero_interval(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(folder), "--contact-interval", "0")
    assert code == 2 and out == "" and "at least 1" in err


def test_check_reports_a_bad_case_file_as_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "KHA-2026-0900.yaml").write_text("schema_version: 1\nreference: KHA-2026-0900\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path))
    assert code == 1 and out == "" and "KHA-2026-0900.yaml:" in err


def test_check_defaults_to_case_files(monkeypatch: pytest.MonkeyPatch, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "case_files").mkdir()
    for path in folder.glob("*.yaml"):
        path.rename(folder / "case_files" / path.name)
    monkeypatch.chdir(folder)
    code, out, _ = run(capsys, "check", "--today", "2026-03-09T09:00", "--format", "json")
    assert code == 4 and len(json.loads(out)["cases_checked"]) == 2


def test_check_runs_on_the_example_cases(capsys: pytest.CaptureFixture[str]) -> None:
    examples = CASES
    code, out, _ = run(capsys, "check", str(examples), "--format", "json", "--today", "2026-11-25T09:00")
    assert code in (0, 4)
    assert code == (4 if json.loads(out)["counts"]["overdue"] else 0)
