"""The annual newsletter article (policy 6.1): what the template for it receives.

Policy 6.1 asks for an article once a year that promotes Keniston's position on
harassment and publicises the action taken against perpetrators. It goes to every
household, so it must identify no one (domain.md): it is built only from counts, never
from a case's text. It names no person, address, estate, date (only the year) or case,
and every count goes through :mod:`toolkit.annual.stats` (below 5 is "fewer than 5", and the
total cannot give a hidden figure away).

:func:`newsletter_context` returns plain data; the ``newsletter`` template lays it out.
"""

from __future__ import annotations

from typing import Any
from collections.abc import Iterable

from toolkit.association import KENISTON
from toolkit.casefile.model import Case
from toolkit.annual.stats import FEWER_THAN, Table, count_list, headline

# each step of the escalation (policy 9.1, 9.2), in order. The monitoring report's table of
# action against perpetrators has exactly these rows, so that the two documents print the
# same figures and hide the same ones: a figure hidden in one and printed in the other
# would let a reader subtract their way to a small count.
ENFORCEMENT: dict[str, tuple[str, ...]] = {
    "Verbal warnings": ("verbal_warning",),
    "Warning letters": ("warning_letter",),
    "Final warning letters": ("final_warning",),
    "Acceptable Behaviour Contracts": ("abc",),
    "Injunctions applied for": ("injunction_application",),
    "Possession proceedings started": ("notice_seeking_possession",),
}
# each figure in a sentence: with a number, without one (hidden), and its name when it is 0
PHRASES = {
    "Verbal warnings": ("gave {n} verbal warnings", "gave verbal warnings", "verbal warnings"),
    "Warning letters": ("sent {n} warning letters", "sent warning letters", "warning letters"),
    "Final warning letters": ("sent {n} final warning letters", "sent final warning letters", "final warning letters"),
    "Acceptable Behaviour Contracts": (
        "agreed {n} Acceptable Behaviour Contracts", "agreed Acceptable Behaviour Contracts", "Acceptable Behaviour Contracts"),
    "Injunctions applied for": ("applied to the court for {n} injunctions", "applied to the court for injunctions", "injunctions"),
    "Possession proceedings started": (
        "started possession proceedings in {n} cases", "started possession proceedings", "possession proceedings"),
}


def enforcement_counts(cases: Iterable[Case], year: int) -> dict[str, int]:
    """Actions against perpetrators *done* in ``year``, whichever year the case began."""
    counts = dict.fromkeys(ENFORCEMENT, 0)
    for case in cases:
        for action in case.actions:
            if action.done is None or action.done.year != year:
                continue
            for label, types in ENFORCEMENT.items():
                if action.type in types:
                    counts[label] += 1
    return counts


def enforcement_table(cases: Iterable[Case], year: int) -> Table:
    """The action against perpetrators done in ``year``, suppressed."""
    return count_list(
        f"Action taken against perpetrators in {year}", enforcement_counts(cases, year), ENFORCEMENT,
        column=f"Number in {year}", row_header="Action", total_label="All formal action",
    )


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def action_sentence(figures: Table, year: int) -> str:
    """The figures in words, without a number where one had to be hidden."""
    parts, none = [], []
    for n, label in enumerate(figures.rows):
        numbered, bare, name = PHRASES[label]
        cell = figures.cells[n][0]
        if cell.shown and cell.value == 0:
            none.append(name)
        elif cell.shown or cell.hidden == "small":
            parts.append(numbered.format(n=cell.text))  # "12" or "fewer than 5"
        else:
            parts.append(bare)  # hidden to protect another figure: no number at all
    if not parts:
        return f"In {year} we did not need to take formal action against anyone for harassment."
    sentence = f"In {year} we {_join(parts)}."
    if none:
        sentence += f" We did not need to use {_join(none)} this year."
    return sentence


def newsletter_context(cases: Iterable[Case], year: int) -> dict[str, Any]:
    """The article for ``year``: title, paragraphs, the figures table and how to report.

    Returns::

        {
          "kind": "newsletter", "year": 2026,
          "title": str, "standfirst": str,
          "sections": [{"heading": str, "paragraphs": [str, ...]}, ...],
          "figures": {"title", "header", "rows", "footer", "notes"},  # stats.Table.as_context()
          "how_to_report": {"heading", "intro", "phone", "email", "address", "website",
                            "hours", "emergency", "lines": [str, ...]},
          "association": toolkit.association.KENISTON,
        }
    """
    cases = list(cases)
    reported = headline(sum(1 for c in cases if c.received.year == year))
    figures = enforcement_table(cases, year)
    if reported.hidden:
        reports = f"In {year}, residents reported {FEWER_THAN} cases of harassment to us."
    elif reported.value == 0:
        reports = f"In {year}, no cases of harassment were reported to us, but we know that harassment often goes unreported."
    else:
        reports = f"In {year}, residents reported {reported.text} cases of harassment and hate crime to us."
    k = KENISTON
    sections = [
        {
            "heading": "No place for harassment in our homes",
            "paragraphs": [
                f"Everyone has the right to feel safe in their home and neighbourhood. {k.short_name} will not tolerate "
                "harassment of any of our residents, whether it is because of someone's race, religion or belief, "
                "disability, sexual orientation, gender reassignment, age, sex, pregnancy and maternity, or marriage "
                "and civil partnership (the characteristics the Equality Act 2010 protects), or any other difference, "
                "real or perceived.",
                "Harassment can be abuse in the street, threats, graffiti, damage to someone's home or car, "
                "abusive letters, calls or messages online, or rubbish and worse left at someone's door. "
                "Whatever form it takes, we take every report seriously.",
            ],
        },
        {
            "heading": f"What we did in {year}",
            "paragraphs": [
                reports,
                action_sentence(figures, year),
                "Our tenancy agreements forbid harassment. We start with a warning, but when it carries on we use "
                "Acceptable Behaviour Contracts, injunctions from the court and, in the most serious cases, "
                "possession proceedings: a tenant who harasses their neighbours can lose their home.",
            ],
        },
        {
            "heading": "If it is happening to you",
            "paragraphs": [
                "Tell us. We will take the first steps within 24 hours of your report, remove graffiti within "
                "24 hours, and treat emergency repairs to secure your home as a priority. We will keep in regular "
                "touch to tell you what we are doing, act in consultation with you and fully consider your views "
                "in whatever we do.",
                "We can arrange an interpreter, and information in other languages, large print and easy read. "
                "With your consent we work with the police, the council and support services such as Victim "
                "Support to stop the harassment and to support you and your family.",
            ],
        },
    ]
    how: dict[str, Any] = {
        "heading": "How to report harassment",
        "intro": "You can report harassment in confidence, for yourself or for someone else:",
        "phone": k.phone,
        "email": k.email,
        "address": k.address_line,
        "website": k.website,
        "hours": "Monday to Friday, 9am to 5pm; outside these hours leave a message on " + k.harassment_line,
        "emergency": "If you are in danger or a crime is happening now, call the police on 999. "
        "For other crimes, call the police on 101.",
    }
    how["lines"] = [
        f"Phone: {how['phone']}",
        f"Email: {how['email']}",
        f"Visit or write: {how['address']}",
        f"Online: {how['website']}",
        how["hours"],
    ]
    return {
        "kind": "newsletter",
        "year": year,
        "title": f"Harassment has no home here: what we did in {year}",
        "standfirst": f"{k.short_name} takes action against harassment and hate crime, and supports the people it is aimed at. "
        "Here is what we did this year, and how to tell us if it is happening to you.",
        "sections": sections,
        "figures": figures.as_context(),
        "how_to_report": how,
        "association": k,
    }
