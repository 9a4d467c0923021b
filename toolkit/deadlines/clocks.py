"""The policy's clocks: for one case, what must be done by when, and when it was done.

This is the one home of the deadline rules. ``casedocs check`` (:mod:`toolkit.deadlines.check`)
judges every clock at a moment; the monitoring report counts the 24-hour clocks kept and
missed from :func:`twenty_four_hour_clocks`, so the two always agree.

Two kinds of clock, because the policy makes two kinds of promise:

- **24-hour clocks** (8.1 initial action, 10.1 incident form, 6.2/8.3 graffiti and
  emergency repairs) are 24 real hours from the complaint or the report, weekends and
  bank holidays included: a complaint received at 23:00 on a Friday is due by 23:00 on
  the Saturday.
- **Working-day clocks** (8.9/8.10 regular contact with each victim, every
  ``contact_interval`` working days) count Monday to Friday, leaving out England and
  Wales bank holidays (the maintained list of the ``holidays`` package), and fall due at
  the end of the last working day.

Besides those, the policy requires things without a clock of its own: an ABC review at
about ``review_after_months`` (9.2), an interpreter for every party who needs one (8.2),
and consent naming the agency before a referral (8.5). An action's own ``due`` overrides a
computed one (an officer may record an agreed time).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays

from toolkit.casefile.model import Action, Case
from toolkit.casefile.values import add_months, start_of

CONTACT_INTERVAL = 10  # working days between updates to a victim (domain.md: peers' practice)
ABC_REVIEW_EARLY = timedelta(days=14)  # a review up to two weeks early is "at about 3 months"
END_OF_DAY = time(23, 59, 59)
DAY = timedelta(hours=24)
CONTACT_TYPES = ("initial_contact", "victim_update")


# -- working days -------------------------------------------------------------------
@lru_cache(maxsize=1)
def bank_holidays() -> holidays.HolidayBase:
    """England and Wales bank holidays (Wales shares England's), filled in year by year."""
    return holidays.country_holidays("GB", subdiv="ENG")


def is_working_day(day: date) -> bool:
    """Monday to Friday and not an England and Wales bank holiday."""
    return day.weekday() < 5 and day not in bank_holidays()


def add_working_days(day: date, count: int) -> date:
    """The ``count``-th working day after ``day`` (``day`` itself is not counted).

    From Thursday 2 April 2026, 10 working days skip Good Friday and Easter Monday and
    land on Monday 20 April.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    current = day
    while count:
        current += timedelta(days=1)
        if is_working_day(current):
            count -= 1
    return current


def end_of(day: date) -> datetime:
    """The last moment of ``day``: a working-day deadline falls due at the end of the day."""
    return datetime.combine(day, END_OF_DAY)


# -- one clock ----------------------------------------------------------------------
@dataclass(frozen=True)
class Clock:
    """One thing the policy asks of a case: started at ``start``, due by ``due``, ``done`` when.

    ``kind`` is the action type that meets it. ``all_day`` clocks (working-day and date
    deadlines) fall due at the end of ``due``'s day and are shown as dates.
    """

    clause: str
    kind: str
    what: str
    start: datetime
    due: datetime
    done: datetime | None
    party: str | None = None
    subject: str | None = None
    all_day: bool = False

    @property
    def met(self) -> bool:
        return self.done is not None and self.done <= self.due


def _first_done(actions: Iterable[Action], kind: str, after: datetime | None = None) -> datetime | None:
    times = sorted(a.done for a in actions if a.type == kind and a.done and (after is None or a.done >= after))
    return times[0] if times else None


def _recorded_due(actions: Iterable[Action], kind: str) -> datetime | None:
    dues = [a.due for a in actions if a.type == kind and a.due]
    return min(dues) if dues else None


def _by(moment: datetime | None, now: datetime) -> datetime | None:
    """``moment`` if it had happened by ``now``: later actions do not count yet."""
    return moment if moment is not None and moment <= now else None


# -- 8.1, 10.1, 6.2, 8.3: the 24-hour clocks ------------------------------------------
def twenty_four_hour_clocks(case: Case) -> list[Clock]:
    """8.1 initial action and 10.1 the incident form from ``received``; 6.2 graffiti removal
    from each graffiti incident's report (or ``received``); 8.3 an emergency repair from
    ``received`` when one is recorded. ``done`` is the first such action in the whole log."""
    log = case.actions
    clocks = [
        Clock(clause, kind, what, case.received, _recorded_due(log, kind) or case.received + DAY, _first_done(log, kind))
        for clause, kind, what in (
            ("8.1", "initial_contact", "initial action on the complaint"),
            ("10.1", "incident_form", "standard incident form completed"),
        )
    ]
    for incident in case.incidents:
        if incident.category == "graffiti":
            reported = incident.reported or max(case.received, start_of(incident.occurred))
            done = _first_done(log, "graffiti_removal", start_of(incident.occurred))
            clocks.append(Clock(
                "6.2", "graffiti_removal", f"offensive graffiti removed (incident {incident.id})",
                reported, reported + DAY, done, subject=incident.id,
            ))
    if any(a.type == "emergency_repair" for a in log):
        due = _recorded_due(log, "emergency_repair") or case.received + DAY
        clocks.append(Clock(
            "8.3", "emergency_repair", "emergency repairs to secure the home", case.received, due, _first_done(log, "emergency_repair"),
        ))
    return clocks


# -- 8.9, 8.10: regular contact with each victim --------------------------------------
def contact_clocks(case: Case, now: datetime, contact_interval: int = CONTACT_INTERVAL) -> list[Clock]:
    """The next contact with each victim, as at ``now``: ``contact_interval`` working days after
    the last ``initial_contact`` or ``victim_update`` for them, or a planned update's own ``due``."""
    victims = case.victims
    clocks = []
    for victim in victims:
        contacts = [
            done for a in case.actions
            if a.type in CONTACT_TYPES and (done := _by(a.done, now)) and (a.party == victim.id or (a.party is None and len(victims) == 1))
        ]
        last = max(contacts, default=case.received)
        since = "since the complaint" if not contacts else f"since {last.date().isoformat()}"
        planned = sorted(
            a.due for a in case.actions
            if a.type == "victim_update" and a.party == victim.id and a.due and a.due > last and not _by(a.done, now)
        )
        if planned:
            due, all_day, rule = planned[0], False, "planned"
        else:
            due, all_day, rule = end_of(add_working_days(last.date(), contact_interval)), True, f"every {contact_interval} working days"
        clocks.append(Clock(
            "8.10", "victim_update", f"contact with victim {victim.id} ({since}, {rule})", last, due, None, party=victim.id, all_day=all_day,
        ))
    return clocks


# -- 9.2: the ABC review at about review_after_months ---------------------------------
def abc_review_clocks(case: Case, now: datetime) -> list[Clock]:
    """The review of the case's ABC, once it has started: due ``review_after_months`` after its
    start (or an agreed time on the ``abc_review`` action); a review up to 14 days early counts."""
    abc = case.abc
    if abc is None:
        return []
    ours = [a for a in case.actions if a.party in (abc.party, None)]
    started = abc.start or next(
        (a.done.date() for a in sorted(ours, key=lambda a: a.done or datetime.max) if a.type == "abc" and a.done), None,
    )
    if started is None or start_of(started) > now:
        return []
    review_day = add_months(started, abc.review_after_months)
    window_opens = start_of(review_day) - ABC_REVIEW_EARLY
    reviews = sorted(done for a in ours if a.type == "abc_review" and (done := _by(a.done, now)) and done >= window_opens)
    agreed = sorted(a.due for a in ours if a.type == "abc_review" and a.due)
    return [Clock(
        "9.2", "abc_review", f"ABC review for {abc.party} ({abc.review_after_months} months after {started.isoformat()})",
        start_of(started), agreed[0] if agreed else end_of(review_day), reviews[0] if reviews else None,
        party=abc.party, all_day=not agreed,
    )]


# -- 8.2: an interpreter for everyone who needs one ----------------------------------
def interpreter_clocks(case: Case, now: datetime) -> list[Clock]:
    """An ``interpreter_booked`` action within 24 hours of the complaint for every party
    with ``interpreter: true`` (in time for the first contact)."""
    clocks = []
    for party in case.parties:
        if party.interpreter:
            booked = sorted(
                done for a in case.actions
                if a.type == "interpreter_booked" and (done := _by(a.done, now)) and a.party in (party.id, None)
            )
            clocks.append(Clock(
                "8.2", "interpreter_booked", f"interpreter booked for {party.id} ({party.language})",
                case.received, case.received + DAY, booked[0] if booked else None, party=party.id,
            ))
    return clocks


# -- 8.5: consent naming the agency before any referral -------------------------------
def consent_clocks(case: Case, now: datetime) -> list[Clock]:
    """For every referral done by ``now``: a consent naming its agency, in force that day
    (met), given later (met late) or never (overdue at the end of the referral's day)."""
    clocks = []
    for action in case.actions:
        referred = _by(action.done, now)
        if action.type != "referral" or not action.agency or not action.party or referred is None:
            continue
        consent = case.consent_for(action.party, action.agency, referred.date())
        if consent is not None:
            done: datetime | None = start_of(consent.given)
        else:
            later = sorted(
                c.given for c in case.consents
                if c.party == action.party and c.given > referred.date() and start_of(c.given) <= now and c.covers(action.agency, c.given)
            )
            done = start_of(later[0]) if later else None
        clocks.append(Clock(
            "8.5", "referral", f"consent from {action.party} to share with {action.agency} (referral {referred.date().isoformat()})",
            referred, end_of(referred.date()), done, party=action.party, all_day=True,
        ))
    return clocks


def case_clocks(case: Case, now: datetime, *, contact_interval: int = CONTACT_INTERVAL) -> list[Clock]:
    """Every clock of one case as at ``now``: clocks not yet started are left out, and what
    was done after ``now`` counts as not done yet."""
    started = [replace(c, done=_by(c.done, now)) for c in twenty_four_hour_clocks(case) if c.start <= now]
    return [
        *started,
        *contact_clocks(case, now, contact_interval),
        *abc_review_clocks(case, now),
        *interpreter_clocks(case, now),
        *consent_clocks(case, now),
    ]
