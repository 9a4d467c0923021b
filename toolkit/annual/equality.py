"""Equality monitoring in the annual report: the free-text answers about victims and
perpetrators grouped into standard categories, and one table per characteristic.

Case files hold what people said in their own words ("White British", "Mixed - White and
Black Caribbean", "30-39"); printed as written, a rare answer could itself identify
someone. Each answer is put in a standard group, in a fixed order with every group
shown even when empty; an answer that fits none goes to the characteristic's "other"
group, "Prefer not to say" stays as said, and a person with no answer is "Not recorded".
Every table is suppressed by :mod:`toolkit.annual.stats` like every other count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from toolkit.annual.stats import Table, suppress

NOT_RECORDED = "Not recorded"
AGE_BANDS = ("Under 10", "10-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75 and over")  # every band, even when empty
PREFER_NOT = "Prefer not to say"


def _yes_no(text: str) -> str:
    low = text.strip().lower()
    if low.startswith("prefer"):
        return PREFER_NOT
    if low.startswith("yes") or low == "y":
        return "Yes"
    if low.startswith("no") and not low.startswith("not"):
        return "No"
    return "Other answer"


def _keyword(groups: list[tuple[str, tuple[str, ...]]], other: str) -> Callable[[str], str]:
    def group(text: str) -> str:
        low = text.strip().lower()
        if low.startswith("prefer"):
            return PREFER_NOT
        for label, words in groups:
            if any(low.startswith(w) or f" {w}" in f" {low}" for w in words):
                return label
        return other

    return group


def _age_band(text: str) -> str:
    low = text.strip().lower().replace("–", "-").replace(" ", "")
    if low.startswith("prefer"):
        return PREFER_NOT
    if m := re.fullmatch(r"(\d{1,3})-(\d{1,3})", low):
        return f"{int(m.group(1))}-{int(m.group(2))}"
    if m := re.fullmatch(r"(\d{1,3})(\+|andover|orover)", low):
        return f"{int(m.group(1))} and over"
    if m := re.fullmatch(r"(under|below)(\d{1,3})", low):
        return f"Under {int(m.group(2))}"
    return "Other answer"


def _age_order(label: str) -> tuple[int, int]:
    if label.startswith("Under"):
        return (0, int(label.split()[1]))
    if m := re.match(r"(\d+)", label):
        return (1, int(m.group(1)))
    return (2, 0)


@dataclass(frozen=True)
class Characteristic:
    key: str
    title: str
    group: Callable[[str], str]
    order: tuple[str, ...]  # fixed rows (answers seen outside them are added, sorted)


CHARACTERISTICS = (
    Characteristic("age_band", "Age", _age_band, AGE_BANDS),
    Characteristic("sex", "Sex", _keyword([("Female", ("female", "woman", "f")), ("Male", ("male", "man", "m"))], "Another term"),
                   ("Female", "Male", "Another term")),
    Characteristic("ethnicity", "Ethnic group", _keyword([
        # first match wins: "Mixed - White and Black Caribbean" is mixed, not Black or White
        ("Mixed or multiple ethnic groups", ("mixed", "multiple")),
        ("Asian or Asian British", ("asian",)),
        ("Black, Black British, Caribbean or African", ("black", "african", "caribbean")),
        ("White", ("white",)),
        ("Other ethnic group", ("other", "arab", "any other")),
    ], "Other ethnic group"), ("Asian or Asian British", "Black, Black British, Caribbean or African",
                               "Mixed or multiple ethnic groups", "White", "Other ethnic group")),
    Characteristic("disability", "Disability", _yes_no, ("Yes", "No")),
    Characteristic("religion_belief", "Religion or belief", _keyword([
        ("No religion", ("no religion", "none", "atheist", "agnostic")),
        ("Buddhist", ("buddhis",)), ("Christian", ("christian", "catholic", "anglican", "church")),
        ("Hindu", ("hindu",)), ("Jewish", ("jew", "judaism")), ("Muslim", ("muslim", "islam")), ("Sikh", ("sikh",)),
    ], "Any other religion or belief"), ("No religion", "Buddhist", "Christian", "Hindu", "Jewish", "Muslim", "Sikh",
                                          "Any other religion or belief")),
    Characteristic("sexual_orientation", "Sexual orientation", _keyword([
        ("Heterosexual or straight", ("hetero", "straight")), ("Gay or lesbian", ("gay", "lesbian")), ("Bisexual", ("bisexual",)),
    ], "Another sexual orientation"), ("Heterosexual or straight", "Gay or lesbian", "Bisexual", "Another sexual orientation")),
    Characteristic("gender_reassignment", "Gender reassignment", _yes_no, ("Yes", "No")),
    Characteristic("marriage_civil_partnership", "Marriage and civil partnership", _keyword([
        ("Married or in a civil partnership", ("married", "civil partner")), ("Single", ("single", "never")),
        ("Separated, divorced or dissolved", ("separated", "divorced", "dissolved")), ("Widowed", ("widow",)),
    ], "Other answer"), ("Married or in a civil partnership", "Single", "Separated, divorced or dissolved", "Widowed")),
    Characteristic("pregnancy_maternity", "Pregnancy and maternity", _yes_no, ("Yes", "No")),
)



def characteristic_table(spec: Characteristic, victims: list[Any], perpetrators: list[Any], year: int) -> Table:
    counts: dict[tuple[str, str], int] = {}
    seen: set[str] = set()
    for column, people in (("Victims", victims), ("Perpetrators", perpetrators)):
        for person in people:
            answer = getattr(person.characteristics, spec.key, None) if person.characteristics else None
            label = spec.group(answer) if answer else NOT_RECORDED
            seen.add(label)
            counts[(label, column)] = counts.get((label, column), 0) + 1
    extra = sorted((s for s in seen if s not in spec.order and s not in (PREFER_NOT, NOT_RECORDED)),
                   key=_age_order if spec.key == "age_band" else str)
    rows = [*spec.order, *extra, PREFER_NOT, NOT_RECORDED]
    return suppress(
        f"{spec.title} of victims and perpetrators, cases reported in {year}", rows, ["Victims", "Perpetrators"], counts,
        row_header=spec.title, column_totals=True,
    )
