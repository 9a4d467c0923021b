"""Properties of the loader: whatever it is fed, a Case or located InputError, quickly.

(a) arbitrary bytes and text, (b) arbitrary YAML built by Hypothesis and dumped with PyYAML,
(c) valid cases mutated at random (keys deleted or renamed, values retyped, list items
duplicated, odd characters inserted, dates swapped or broken), plus a round trip of every
example case through the model and back to YAML.

The loader must only ever return a Case or raise InputError whose every problem is on a
line and column >= 1 with a one-line, non-empty message: never another exception. The
deadline is generous (a hostile file must be refused in far less); on CI the examples are
derandomized so a run is repeatable; CASEDOCS_FUZZ=10 searches ten times longer.
"""

from __future__ import annotations

import copy
import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import CASES, FIXTURE
from toolkit.errors import InputError
from toolkit.casefile.loader import load_bytes, load_case
from toolkit.casefile.model import Case
from toolkit.deadlines.clocks import twenty_four_hour_clocks
from toolkit.casefile.source import parse_text

EXAMPLES = sorted(CASES.glob("*.yaml"))
PLAIN = parse_text(FIXTURE.read_bytes(), str(FIXTURE)).data

# CASEDOCS_FUZZ=10 runs ten times as many examples (a deeper local search).
SCALE = int(os.environ.get("CASEDOCS_FUZZ", "1"))
FUZZ = settings(
    max_examples=200 * SCALE,
    deadline=timedelta(seconds=2),
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def check(raw: bytes, path: Path = FIXTURE) -> Case | None:
    """Load ``raw`` as if it were ``path``: a Case, or None after checking every problem."""
    try:
        case = load_bytes(raw, path)
    except InputError as error:
        assert error.problems, str(error)
        for problem in error.problems:
            assert problem.file == str(path)
            assert problem.line >= 1 and problem.col >= 1, problem
            assert problem.message.strip() and len(problem.message.splitlines()) == 1, problem
            assert "Traceback" not in problem.message and "pydantic" not in problem.message.lower(), problem
        return None
    assert isinstance(case, Case)
    return case


# -- (a) anything at all -------------------------------------------------------------------
YAMLISH = st.text(alphabet=":-[]{}&*!|>'\"#%@`, ?~\n\t abcxyz019.\\<", max_size=300)


@FUZZ
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(raw: bytes) -> None:
    check(raw)


@FUZZ
@given(st.text(max_size=1000))
def test_arbitrary_text(text: str) -> None:
    check(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(YAMLISH)
def test_yaml_punctuation_soup(text: str) -> None:
    check(text.encode("utf-8"))


@FUZZ
@given(YAMLISH, st.integers(min_value=0, max_value=len(FIXTURE.read_text())))
def test_yaml_punctuation_inside_a_valid_case(soup: str, at: int) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    check((text[:at] + soup + text[at:]).encode("utf-8"))


# -- (b) arbitrary YAML documents --------------------------------------------------------
KNOWN_KEYS = sorted(
    {"schema_version", "reference", "received", "status", "officer", "location", "categories", "motivation",
     "parties", "incidents", "actions", "evidence", "consents", "abc", "injunction", "feedback", "id", "role",
     "name", "occurred", "category", "description", "date_of_birth", "guardians", "file", "kind", "party",
     "perpetrators", "victims", "address", "postcode", "email", "phone", "job_title", "closed", "<<"}
)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
    st.sampled_from(["KHA-2026-0900", "2026-02-30", "2026-03-01", "2026-03-01T22:15", "V1", "P1", "open", "closed",
                     "graffiti", "victim", "perpetrator", "1", "yes", "no", "~", "../x", "/etc/passwd"]),
)
KEYS = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=12))
DOCUMENTS = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(KEYS, children, max_size=6)),
    max_leaves=40,
)


@FUZZ
@given(DOCUMENTS, st.booleans(), st.booleans())
def test_arbitrary_yaml_documents(document: Any, flow: bool, unicode: bool) -> None:
    check(yaml.safe_dump(document, default_flow_style=flow, allow_unicode=unicode).encode("utf-8"))


@FUZZ
@given(st.dictionaries(st.sampled_from(sorted(PLAIN)), DOCUMENTS, max_size=8))
def test_the_valid_case_with_sections_replaced_by_arbitrary_yaml(sections: dict[str, Any]) -> None:
    data = {**copy.deepcopy(PLAIN), **sections}
    check(yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))


# -- (c) valid cases mutated at random ----------------------------------------------------
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
ODD_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from("&<>'\"\\:#{}[]*!%@`\t\u200b\u202e\ufeffśł€😀"), st.characters()), min_size=1, max_size=12
)
BAD_DATES = st.sampled_from(
    ["2026-02-30", "2026-13-01", "2026-00-10", "31/12/2026", "2026-03-01T25:00", "2026-03-01T10:00Z", "22:15", "2026-3-1", "", "0000-01-01"]
)
OTHER_VALUES = st.sampled_from([None, "", "text", 7, 3.5, True, [], ["x"], {}, {"a": "b"}, [{"id": "V1"}], "V1", "P1"])


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _get(root: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        root = root[part]
    return root


def _mutate(data: Any, draw: st.DrawFn) -> Any:
    paths = _paths(data)[1:]
    if not paths:
        return data
    path = draw(st.sampled_from(paths))
    parent, last = _get(data, path[:-1]), path[-1]
    kind = draw(st.sampled_from(["delete", "retype", "rename", "duplicate", "odd-text", "dates"]))
    if kind == "delete":
        del parent[last]
    elif kind == "retype":
        parent[last] = copy.deepcopy(draw(OTHER_VALUES))
    elif kind == "rename" and isinstance(parent, dict):
        new = draw(st.one_of(st.just(str(last)[:-1]), st.just(str(last) + "s"), st.just(str(last).upper()), st.text(max_size=10)))
        parent[new] = parent.pop(last)
    elif kind == "duplicate":
        lists = [p for p in _paths(data) if isinstance(_get(data, p), list) and _get(data, p)]
        if lists:
            items = _get(data, draw(st.sampled_from(lists)))
            items.insert(draw(st.integers(0, len(items))), copy.deepcopy(draw(st.sampled_from(items))))
    elif kind == "odd-text" and isinstance(parent[last], str):
        value = parent[last]
        at = draw(st.integers(0, len(value)))
        parent[last] = value[:at] + draw(ODD_TEXT) + value[at:]
    elif kind == "dates":
        dated = [p for p in _paths(data) if isinstance(_get(data, p), str) and _DATE.match(_get(data, p))]
        if len(dated) >= 2 and draw(st.booleans()):
            a, b = draw(st.sampled_from(dated)), draw(st.sampled_from(dated))
            pa, pb = _get(data, a[:-1]), _get(data, b[:-1])
            pa[a[-1]], pb[b[-1]] = pb[b[-1]], pa[a[-1]]
        elif dated:
            p = draw(st.sampled_from(dated))
            _get(data, p[:-1])[p[-1]] = draw(BAD_DATES)
    return data


@st.composite
def mutated_cases(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(PLAIN)
    for _ in range(draw(st.integers(1, 4))):
        data = _mutate(data, draw)
    return data


@settings(FUZZ, max_examples=400 * SCALE)
@given(mutated_cases(), st.booleans())
def test_mutated_valid_cases(data: Any, unicode: bool) -> None:
    check(yaml.safe_dump(data, allow_unicode=unicode, sort_keys=False).encode("utf-8"))


@st.composite
def mutated_texts(draw: st.DrawFn) -> str:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "tab", "dedent", "indent", "insert"]))
        if kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "tab":
            lines[at] = "\t" + lines[at].lstrip(" ")
        elif kind == "dedent":
            lines[at] = lines[at][1:]
        elif kind == "indent":
            lines[at] = " " + lines[at]
        else:
            lines.insert(at, draw(ODD_TEXT) + "\n")
        if not lines:
            break
    return "".join(lines)


@FUZZ
@given(mutated_texts())
def test_mutated_case_texts(text: str) -> None:
    check(text.encode("utf-8", "surrogatepass"))


# -- hostile shapes, at random sizes --------------------------------------------------------
@FUZZ
@given(st.integers(1, 12), st.integers(2, 12), st.booleans())
def test_nested_aliases_of_any_size_end_quickly(levels: int, width: int, flow: bool) -> None:
    rows = ["a0: &a0 [lol, lol]"]
    for n in range(1, levels + 1):
        refs = [f"*a{n - 1}"] * width
        rows.append(f"a{n}: &a{n} [{', '.join(refs)}]" if flow else f"a{n}: &a{n}\n" + "".join(f"  - {r}\n" for r in refs).rstrip("\n"))
    check(("\n".join(rows) + "\n").encode())


@FUZZ
@given(st.integers(1, 20_000), st.sampled_from(["[", "{a: ", "- ", "? "]))
def test_nesting_of_any_depth_ends_quickly(depth: int, opener: str) -> None:
    check((opener * depth).encode())


# -- round trip --------------------------------------------------------------------------
@pytest.mark.parametrize("path", [FIXTURE, *EXAMPLES], ids=lambda p: p.name)
def test_round_trip_through_the_model(path: Path) -> None:
    """Every example case loads; its model dumped to YAML loads again to an equal model."""
    case = load_case(path)
    dumped = case.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    again = load_bytes(yaml.safe_dump(dumped, allow_unicode=True, sort_keys=False).encode("utf-8"), path)
    assert again.model_dump() == case.model_dump()
    assert again.exhibit_marks() == case.exhibit_marks()
    assert twenty_four_hour_clocks(again) == twenty_four_hour_clocks(case)


@pytest.mark.parametrize("path", [FIXTURE, *EXAMPLES], ids=lambda p: p.name)
def test_round_trip_keeps_every_default_too(path: Path) -> None:
    case = load_case(path)
    dumped = case.model_dump(mode="json")
    again = load_bytes(yaml.safe_dump(dumped, allow_unicode=False).encode("utf-8"), path)
    assert again.model_dump() == case.model_dump()


def test_there_are_example_cases() -> None:
    assert EXAMPLES, "case_files/ should hold example cases"
