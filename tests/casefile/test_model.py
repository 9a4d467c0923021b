"""toolkit.casefile.model: the facts computed once for every later stage (ages, order, marks, clocks)."""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from helpers import FIXTURE, case_data
from toolkit.casefile.loader import load_case
from toolkit.casefile.model import ABC, Case, Consent, Party
from toolkit.casefile.values import add_months, initials, start_of
from toolkit.deadlines.check import status_of
from toolkit.deadlines.clocks import twenty_four_hour_clocks


BASE: dict[str, Any] = case_data(
    parties=[
        {"id": "V1", "role": "victim", "name": "Agnieszka Wiśniewska"},
        {"id": "P1", "role": "perpetrator", "name": "Craig Denton"},
    ],
    incidents=[{"id": "I1", "occurred": "2026-03-01T21:50", "category": "verbal_abuse", "description": "Abuse."}],
)


def make_case(**changes: Any) -> Case:
    data = copy.deepcopy(BASE)
    data.update(changes)
    return Case.model_validate(data)


def party(born: str | None) -> Party:
    return Party.model_validate({"id": "P1", "role": "perpetrator", "name": "Craig Denton", "date_of_birth": born})


# -- ages ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "born, on, age",
    [
        ("2008-03-02", "2026-03-01", 17),  # the day before the 18th birthday
        ("2008-03-02", "2026-03-02", 18),  # the birthday itself
        ("2008-03-02", "2026-12-31", 18),
        ("2008-02-29", "2026-02-28", 17),  # a leap-day birthday in a common year ...
        ("2008-02-29", "2026-03-01", 18),  # ... comes of age on 1 March
        ("2008-02-29", "2028-02-28", 19),
        ("2008-02-29", "2028-02-29", 20),  # and on the day itself in a leap year
        ("2026-03-01", "2026-03-01", 0),
    ],
)
def test_age_on(born: str, on: str, age: int) -> None:
    assert party(born).age_on(date.fromisoformat(on)) == age


def test_is_minor_on() -> None:
    p = party("2008-03-02")
    assert p.is_minor_on(date(2026, 3, 1))
    assert not p.is_minor_on(date(2026, 3, 2))


def test_no_date_of_birth_means_no_age_and_not_a_minor() -> None:
    p = party(None)
    assert p.age_on(date(2026, 1, 1)) is None
    assert not p.is_minor_on(date(2026, 1, 1))


def test_salutation() -> None:
    assert Party.model_validate({"id": "V1", "role": "victim", "name": "Agnieszka Wiśniewska", "title": "Ms"}).salutation == "Ms Wiśniewska"
    assert party(None).salutation == "Craig Denton"


# -- incidents ----------------------------------------------------------------------------
def test_incidents_by_is_oldest_first_with_a_bare_date_counting_from_midnight() -> None:
    incident = lambda i, when, who: {"id": i, "occurred": when, "category": "other", "description": "x", "perpetrators": who}  # noqa: E731
    case = make_case(
        incidents=[
            incident("I1", "2026-03-05T08:00", ["P1"]),
            incident("I2", "2026-03-05", ["P1"]),
            incident("I3", "2026-02-01T23:59", ["P1"]),
            incident("I4", "2026-01-01", []),
            incident("I5", "2026-03-04T23:59", ["V1", "P1"]),
        ]
    )
    assert [i.id for i in case.incidents_by("P1")] == ["I3", "I5", "I2", "I1"]
    assert [i.id for i in case.incidents_by("V1")] == ["I5"]
    assert case.incidents_by("W9") == []
    assert case.incidents[1].occurred_day == date(2026, 3, 5)
    assert case.incidents[0].occurred_day == date(2026, 3, 5)


def test_start_of() -> None:
    assert start_of(date(2026, 3, 1)) == datetime(2026, 3, 1, 0, 0)
    assert start_of(datetime(2026, 3, 1, 9, 30)) == datetime(2026, 3, 1, 9, 30)


def test_perpetrators_and_victims_include_those_named_in_incidents() -> None:
    case = make_case(
        parties=[*BASE["parties"], {"id": "W1", "role": "witness", "name": "Olu Bankole"}],
        incidents=[{"id": "I1", "occurred": "2026-03-01", "category": "other", "description": "x", "perpetrators": ["W1"], "victims": ["V1"]}],
    )
    assert [p.id for p in case.perpetrators] == ["P1", "W1"]
    assert [p.id for p in case.victims] == ["V1"]
    assert case.party("W1").name == "Olu Bankole"
    with pytest.raises(KeyError):
        case.party("Z9")
    assert [p.id for p in case.parties_with_role("victim", "witness")] == ["V1", "W1"]
    assert case.year == 2026


# -- exhibit marks ------------------------------------------------------------------------
def evidence(i: str, when: str | None = None, exhibit: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"id": i, "kind": "photo"}
    if when:
        item["date"] = when
    if exhibit:
        item["exhibit"] = exhibit
    return item


def test_exhibit_marks_follow_the_file_order_not_the_dates() -> None:
    case = make_case(
        evidence=[evidence("E1"), evidence("E2", "2026-03-05"), evidence("E3"), evidence("E4", "2026-03-02")]
    )
    assert case.exhibit_marks() == {"E1": "PS1", "E2": "PS2", "E3": "PS3", "E4": "PS4"}


def test_evidence_added_later_never_renumbers_a_mark_already_used() -> None:
    before = make_case(evidence=[evidence("E1", "2026-03-05"), evidence("E2", "2026-03-06")]).exhibit_marks()
    after = make_case(
        evidence=[evidence("E1", "2026-03-05"), evidence("E2", "2026-03-06"), evidence("E3", "2026-03-01")]
    ).exhibit_marks()
    assert after == {**before, "E3": "PS3"}


def test_fixed_marks_are_kept_and_skipped() -> None:
    case = make_case(
        evidence=[
            evidence("E1", "2026-03-01"),
            evidence("E2", "2026-03-02", exhibit="PS2"),
            evidence("E3", "2026-03-03"),
            evidence("E4", "2026-03-04", exhibit="PS4"),
            evidence("E5", "2026-03-05"),
            evidence("E6", exhibit="AB1"),
        ]
    )
    assert case.exhibit_marks() == {"E1": "PS1", "E2": "PS2", "E3": "PS3", "E4": "PS4", "E5": "PS5", "E6": "AB1"}


def test_fixed_marks_leave_gaps_that_later_items_do_not_fill_out_of_order() -> None:
    case = make_case(evidence=[evidence("E1", exhibit="PS1"), evidence("E2", exhibit="PS3"), evidence("E3"), evidence("E4")])
    assert case.exhibit_marks() == {"E1": "PS1", "E2": "PS3", "E3": "PS2", "E4": "PS4"}


def test_no_evidence_no_marks() -> None:
    assert make_case().exhibit_marks() == {}


@pytest.mark.parametrize(
    "name, marks",
    [("Priya Sharma", "PS"), ("Priya Anne Sharma", "PS"), ("Mary-Jane Watson", "MW"), ("Cher", "C"), ("  ", "X"), ("Órla Ní Súilleabháin", "ÓS")],
)
def test_initials(name: str, marks: str) -> None:
    assert initials(name) == marks


# -- deadlines --------------------------------------------------------------------------
def deadlines_by_clause(case: Case) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for d in twenty_four_hour_clocks(case):
        found.setdefault(d.clause, []).append(d)
    return found


def test_the_24_hour_clocks_run_from_received() -> None:
    case = make_case(
        actions=[
            {"type": "initial_contact", "done": "2026-03-02T09:40"},
            {"type": "initial_contact", "done": "2026-03-02T08:00"},
            {"type": "incident_form", "done": "2026-03-03T11:20"},
        ]
    )
    clocks = deadlines_by_clause(case)
    (initial,) = clocks["8.1"]
    assert initial.start == datetime(2026, 3, 1, 22, 15)
    assert initial.due == datetime(2026, 3, 2, 22, 15)
    assert initial.done == datetime(2026, 3, 2, 8, 0)  # the first time it was done
    assert initial.met
    (form,) = clocks["10.1"]
    assert form.done == datetime(2026, 3, 3, 11, 20) and not form.met
    assert "6.2" not in clocks and "8.3" not in clocks


def test_a_recorded_due_overrides_the_computed_one() -> None:
    case = make_case(actions=[{"type": "incident_form", "due": "2026-03-04T12:00", "done": "2026-03-03T11:20"}])
    form = deadlines_by_clause(case)["10.1"][0]
    assert form.due == datetime(2026, 3, 4, 12, 0) and form.met


def test_overdue_only_when_not_done_and_past_due() -> None:
    case = make_case()
    initial = deadlines_by_clause(case)["8.1"][0]
    assert initial.done is None and not initial.met
    on_time, late = datetime(2026, 3, 2, 22, 15), datetime(2026, 3, 2, 22, 16)
    assert status_of(initial.due, initial.done, on_time, on_time) == "due_soon"
    assert status_of(initial.due, initial.done, late, late) == "overdue"


def test_each_graffiti_incident_has_its_own_clock() -> None:
    graffiti = lambda i, occurred, reported=None: {  # noqa: E731
        "id": i, "occurred": occurred, "category": "graffiti", "description": "Graffiti.",
        **({"reported": reported} if reported else {}),
    }
    case = make_case(
        categories=["graffiti"],
        incidents=[
            graffiti("I1", "2026-02-20"),  # before the complaint: the clock starts at received
            graffiti("I2", "2026-03-10T07:00", "2026-03-10T08:30"),  # reported: starts then
            graffiti("I3", "2026-03-20T19:00"),  # after received, not reported: starts when it happened
            {"id": "I4", "occurred": "2026-03-21", "category": "verbal_abuse", "description": "x"},
        ],
        actions=[
            {"type": "graffiti_removal", "done": "2026-03-02T13:45"},
            {"type": "graffiti_removal", "done": "2026-03-12T10:00"},
        ],
    )
    clocks = deadlines_by_clause(case)["6.2"]
    assert [(d.subject, d.start, d.due, d.done) for d in clocks] == [
        ("I1", datetime(2026, 3, 1, 22, 15), datetime(2026, 3, 2, 22, 15), datetime(2026, 3, 2, 13, 45)),
        ("I2", datetime(2026, 3, 10, 8, 30), datetime(2026, 3, 11, 8, 30), datetime(2026, 3, 12, 10, 0)),
        ("I3", datetime(2026, 3, 20, 19, 0), datetime(2026, 3, 21, 19, 0), None),
    ]
    assert [d.met for d in clocks] == [True, False, False]
    assert status_of(clocks[2].due, clocks[2].done, datetime(2026, 3, 22), datetime(2026, 3, 22)) == "overdue"


def test_emergency_repairs_have_a_clock_only_when_recorded() -> None:
    case = make_case(actions=[{"type": "emergency_repair", "due": "2026-03-02T12:00"}])
    (repair,) = deadlines_by_clause(case)["8.3"]
    assert repair.due == datetime(2026, 3, 2, 12, 0) and repair.done is None


# -- months -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "day, months, expected",
    [
        ("2026-01-31", 1, "2026-02-28"),
        ("2028-01-31", 1, "2028-02-29"),
        ("2026-08-31", 6, "2027-02-28"),
        ("2026-03-31", 3, "2026-06-30"),
        ("2026-11-15", 3, "2027-02-15"),
        ("2026-03-01", 12, "2027-03-01"),
        ("2026-03-31", -1, "2026-02-28"),
        ("2026-01-15", -13, "2024-12-15"),
        ("2026-05-10", 0, "2026-05-10"),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(day: str, months: int, expected: str) -> None:
    assert add_months(date.fromisoformat(day), months) == date.fromisoformat(expected)


def test_abc_end_and_review() -> None:
    abc = ABC.model_validate({"party": "P1", "start": "2026-08-31"})
    assert (abc.months, abc.review_after_months) == (6, 3)
    assert abc.end(date(2026, 8, 31)) == date(2027, 2, 28)
    assert abc.review(date(2026, 8, 31)) == date(2026, 11, 30)


# -- consent ----------------------------------------------------------------------------
def consent(withdrawn: str | None = None) -> Consent:
    return Consent.model_validate(
        {"party": "V1", "agencies": ["Victim Support", "Metropolitan Police Service"], "given": "2026-03-03", "withdrawn": withdrawn}
    )


def test_consent_covers_named_agencies_from_the_day_given() -> None:
    c = consent()
    assert not c.covers("Victim Support", date(2026, 3, 2))
    assert c.covers("Victim Support", date(2026, 3, 3))
    assert c.covers("  victim support ", date(2030, 1, 1))
    assert not c.covers("Stop Hate UK", date(2026, 3, 3))
    assert not c.covers("Victim", date(2026, 3, 3))


def test_withdrawn_consent_covers_nothing_from_that_day() -> None:
    c = consent("2026-04-02")
    assert c.covers("Victim Support", date(2026, 4, 1))
    assert not c.covers("Victim Support", date(2026, 4, 2))
    assert not c.covers("Metropolitan Police Service", date(2026, 5, 1))


def test_consent_for_picks_the_party_and_the_consent_in_force() -> None:
    case = make_case(
        consents=[
            {"party": "V1", "agencies": ["Stop Hate UK"], "given": "2026-03-03", "withdrawn": "2026-04-02"},
            {"party": "V1", "agencies": ["Stop Hate UK"], "given": "2026-05-01"},
            {"party": "P1", "agencies": ["Victim Support"], "given": "2026-03-03"},
        ]
    )
    assert case.consent_for("V1", "Stop Hate UK", date(2026, 3, 10)) is case.consents[0]
    assert case.consent_for("V1", "Stop Hate UK", date(2026, 4, 10)) is None
    assert case.consent_for("V1", "Stop Hate UK", date(2026, 5, 1)) is case.consents[1]
    assert case.consent_for("V1", "Victim Support", date(2026, 5, 1)) is None


# -- validation through the model itself -------------------------------------------------
def test_programmatic_construction_applies_the_cross_key_rules() -> None:
    with pytest.raises(ValidationError) as caught:
        make_case(incidents=[{"id": "I1", "occurred": "2026-03-01", "category": "other", "description": "x", "victims": ["V9"]}])
    assert "there is no party with id 'V9'" in str(caught.value)


def test_duplicate_ids_via_the_model_name_the_first() -> None:
    with pytest.raises(ValidationError) as caught:
        make_case(parties=[*BASE["parties"], {"id": "V1", "role": "witness", "name": "X"}])
    assert "(the first is parties[0].id)" in str(caught.value)


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("received", "2026-03-01", "needs a time as well"),
        ("received", "2026-03-01T22:15Z", "has a time zone"),
        ("received", "2026-02-30T10:00", "is not a date-time"),
        ("received", None, "is empty: write a date-time here"),
        ("closed", "2026-03-01T10:00", "only a date is wanted here: write 2026-03-01"),
        ("closed", ["2026-03-01"], "should be one date"),
    ],
)
def test_date_validators(field: str, value: Any, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make_case(**{field: value})
    assert words in str(caught.value)


def test_dates_and_datetimes_are_typed() -> None:
    case = make_case(incidents=[{"id": "I1", "occurred": "2026-03-01", "reported": "2026-03-01 22:15", "category": "other", "description": "x"}])
    assert case.incidents[0].occurred == date(2026, 3, 1) and not isinstance(case.incidents[0].occurred, datetime)
    assert case.incidents[0].reported == datetime(2026, 3, 1, 22, 15)
    assert make_case().incidents[0].occurred == datetime(2026, 3, 1, 21, 50)


def test_a_loaded_case_knows_its_source_and_evidence_folder() -> None:
    case = load_case(FIXTURE)
    assert case.source_path == FIXTURE
    assert case.source_sha256 and len(case.source_sha256) == 64
    assert case.evidence_dir == FIXTURE.parent / "evidence" / "KHA-2026-0900"
    assert [g.id for g in case.guardians_of("P1")] == ["G1"]
    assert case.evidence_item("E2").exhibit == "PS1"
    assert case.exhibit_marks() == {"E2": "PS1", "E1": "PS2"}
    assert make_case().evidence_dir is None


def test_the_fixture_perpetrator_is_a_minor_with_guardians() -> None:
    case = load_case(FIXTURE)
    p1 = case.party("P1")
    assert p1.age_on(case.received.date()) == 16
    assert p1.is_minor_on(case.received.date())
    assert not p1.is_minor_on(date(2027, 3, 2))
    assert case.received + timedelta(hours=24) == twenty_four_hour_clocks(case)[0].due


@pytest.mark.parametrize(
    ("title", "name", "salutation", "full_name"),
    [
        ("Ms", "Agnieszka Wiśniewska", "Ms Wiśniewska", "Ms Agnieszka Wiśniewska"),
        ("Mr", "Pieter van der Berg", "Mr van der Berg", "Mr Pieter van der Berg"),
        ("Dr", "Siobhán O'Brien", "Dr O'Brien", "Dr Siobhán O'Brien"),
        (None, "Kwame & Abena Mensah", "Kwame & Abena Mensah", "Kwame & Abena Mensah"),
        ("Mx", "Robin", "Mx Robin", "Mx Robin"),
    ],
)
def test_salutation_and_full_name(title: str | None, name: str, salutation: str, full_name: str) -> None:
    person = Party(id="V1", role="victim", name=name, title=title)
    assert (person.salutation, person.full_name) == (salutation, full_name)


@pytest.mark.parametrize(
    ("name", "surname"),
    [("Shane Doyle", "Doyle"), ("Pieter van der Berg", "van der Berg"), ("Acme & Sons <Ltd>", "Acme & Sons <Ltd>"),
     ("Brightwell Repairs Ltd", "Brightwell Repairs Ltd"), ("Kim", "Kim")],
)
def test_surname(name: str, surname: str) -> None:
    assert Party(id="P1", role="perpetrator", name=name).surname == surname
