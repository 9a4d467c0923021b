"""toolkit.annual.equality: equality monitoring answers, written freely, grouped into standard categories."""

from __future__ import annotations

import pytest

from toolkit.annual.equality import CHARACTERISTICS


@pytest.mark.parametrize(
    ("answer", "group"),
    [("Mixed - White and Black Caribbean", "Mixed or multiple ethnic groups"), ("Mixed: White and Asian", "Mixed or multiple ethnic groups"),
     ("Black British", "Black, Black British, Caribbean or African"), ("White - Polish", "White"), ("Asian - Indian", "Asian or Asian British")],
)
def test_ethnic_groups(answer: str, group: str) -> None:
    ethnicity = next(c for c in CHARACTERISTICS if c.key == "ethnicity")
    assert ethnicity.group(answer) == group
