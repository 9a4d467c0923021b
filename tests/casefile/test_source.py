"""toolkit.casefile.source: safe YAML to plain values with positions, and every refusal located."""

from __future__ import annotations

import pytest

from toolkit.errors import InputError, Problem
from toolkit.casefile.source import MAX_BYTES, MAX_DEPTH, MAX_NODES, Located, parse_text


def parse(text: str | bytes) -> Located:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_text(raw, "case.yaml")


def refusal(text: str | bytes) -> Problem:
    with pytest.raises(InputError) as caught:
        parse(text)
    (problem,) = caught.value.problems
    assert problem.file == "case.yaml"
    assert problem.line >= 1 and problem.col >= 1 and problem.message
    return problem


# -- values ---------------------------------------------------------------------------
def test_scalars_stay_strings_so_nothing_is_guessed() -> None:
    data = parse(
        "language: no\nphone: 0123 456\nsatisfied: yes\nnumber: 4.10\nwhen: 2026-03-01\n"
        "on: on\nversion: 1\nhex: 0x1F\n"
    ).data
    assert data == {
        "language": "no", "phone": "0123 456", "satisfied": "yes", "number": "4.10",
        "when": "2026-03-01", "on": "on", "version": "1", "hex": "0x1F",
    }


@pytest.mark.parametrize("written", ["", "~", "null", "Null", "NULL", "!!null ''"])
def test_plain_nulls_are_none(written: str) -> None:
    assert parse(f"withdrawn: {written}\n").data == {"withdrawn": None}


@pytest.mark.parametrize("written, value", [("'null'", "null"), ('"~"', "~"), ("''", ""), ("!!str null", "null")])
def test_quoted_or_tagged_nulls_are_text(written: str, value: str) -> None:
    assert parse(f"name: {written}\n").data == {"name": value}


def test_special_characters_survive() -> None:
    data = parse("name: \"Agnieszka Wiśniewska & <O'Brien>\"\nnote: |\n  line 1\n  line 2\n").data
    assert data == {"name": "Agnieszka Wiśniewska & <O'Brien>", "note": "line 1\nline 2\n"}


def test_nested_lists_and_mappings() -> None:
    data = parse("parties:\n  - id: V1\n    address: [a, b]\n  - {id: P1, guardians: []}\n").data
    assert data == {"parties": [{"id": "V1", "address": ["a", "b"]}, {"id": "P1", "guardians": []}]}


# -- positions --------------------------------------------------------------------------
def test_positions_of_values_and_keys_are_one_based() -> None:
    located = parse("# comment\nreference: KHA-2026-0001\nparties:\n  - id: V1\n    role: victim\n")
    assert located.values[("reference",)] == (2, 12)
    assert located.keys[("reference",)] == (2, 1)
    assert located.values[("parties", 0)] == (4, 5)
    assert located.values[("parties", 0, "role")] == (5, 11)
    assert located.keys[("parties", 0, "role")] == (5, 5)


def test_flow_positions() -> None:
    located = parse("categories: [graffiti, arson]\n")
    assert located.values[("categories", 1)] == (1, 24)


def test_columns_count_characters_not_bytes() -> None:
    located = parse("name: Wiśniewska € 😀\nrole: victim\nx: [ś, 😀, y]\n")
    assert located.values[("role",)] == (2, 7)
    assert located.values[("x", 2)] == (3, 11)


def test_a_byte_order_mark_does_not_shift_positions() -> None:
    located = parse(b"\xef\xbb\xbfreference: KHA-2026-0001\n")
    assert located.data == {"reference": "KHA-2026-0001"}
    assert located.values[("reference",)] == (1, 12)


def test_locate_falls_back_to_the_nearest_ancestor() -> None:
    located = parse("officer:\n  name: Priya\n")
    assert located.locate(("officer", "email")) == (2, 3)  # a block mapping starts at its first key
    assert located.locate(("officer", "name"), key=True) == (2, 3)
    assert located.locate(("nowhere", 3, "x")) == (1, 1)


def test_a_missing_value_is_located_after_its_key() -> None:
    located = parse("description:\nnext: 1\n")
    assert located.data == {"description": None, "next": "1"}
    assert located.values[("description",)] == (1, 13)


# -- anchors, aliases, merge keys ------------------------------------------------------
def test_aliases_repeat_a_value() -> None:
    located = parse("a: &addr [Flat 1, Larkspur Court]\nb: *addr\n")
    assert located.data == {"a": ["Flat 1", "Larkspur Court"], "b": ["Flat 1", "Larkspur Court"]}
    assert located.values[("b",)] == (2, 4)


def test_merge_keys_merge_and_explicit_keys_win_wherever_they_are() -> None:
    text = (
        "base: &officer {name: Priya, phone: '1'}\n"
        "before:\n  phone: '2'\n  <<: *officer\n"
        "after:\n  <<: *officer\n  phone: '3'\n"
        "several:\n  <<: [*officer, {email: a@b.c}]\n"
    )
    data = parse(text).data
    assert data["before"] == {"phone": "2", "name": "Priya"}
    assert data["after"] == {"name": "Priya", "phone": "3"}
    assert data["several"] == {"name": "Priya", "phone": "1", "email": "a@b.c"}


def test_a_quoted_merge_key_is_an_ordinary_key() -> None:
    assert parse("'<<': x\n").data == {"<<": "x"}


def test_merging_a_non_mapping_is_refused() -> None:
    problem = refusal("c:\n  <<: 3\n")
    assert (problem.line, problem.col) == (2, 7)
    assert "'<<' can only merge mappings" in problem.message


def test_an_undefined_alias_is_refused() -> None:
    problem = refusal("a: *nowhere\n")
    assert (problem.line, problem.col) == (1, 4)
    assert "*nowhere was never defined with &nowhere" in problem.message


@pytest.mark.parametrize(
    "text", ["a: &a [*a]\n", "a: &a\n  b: *a\n", "a: &a\n  - x\n  - [1, [2, *a]]\n", "a: &a {b: &b [*a]}\n"]
)
def test_recursive_aliases_are_refused(text: str) -> None:
    assert "refers to the value that contains it" in refusal(text).message


def test_billion_laughs_is_refused_quickly() -> None:
    rows = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for name, prev in zip("bcdefghij", "abcdefghi"):
        rows.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    problem = refusal("\n".join(rows) + "\n")
    assert f"more than {MAX_NODES:,} values" in problem.message
    assert problem.line < 10


def test_aliases_within_the_budget_are_fine() -> None:
    data = parse("a: &a [x, y]\nb: [*a, *a, *a]\n").data
    assert data["b"] == [["x", "y"]] * 3


# -- duplicates, keys -------------------------------------------------------------------
def test_duplicate_keys_are_refused_with_both_lines() -> None:
    problem = refusal("status: open\nreference: x\nstatus: closed\n")
    assert (problem.line, problem.col) == (3, 1)
    assert problem.message == "the key 'status' appears twice in the same mapping: keep one (the first is at line 1)"


def test_duplicate_keys_in_a_nested_mapping() -> None:
    problem = refusal("parties:\n  - id: V1\n    name: a\n    name: b\n")
    assert (problem.line, problem.col) == (4, 5)


def test_the_same_key_in_different_mappings_is_fine() -> None:
    assert parse("a: {id: 1}\nb: {id: 2}\n").data == {"a": {"id": "1"}, "b": {"id": "2"}}


@pytest.mark.parametrize("text", ["? [a]\n: 1\n", "? {a: 1}\n: 1\n", "a: &k x\n*k : 1\n"])
def test_keys_must_be_plain_text(text: str) -> None:
    assert "a key must be plain text" in refusal(text).message


# -- tags -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "tag, shown",
    [
        ("!!python/object/apply:os.system ['echo hi']", "!!python/object/apply:os.system"),
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {a: null}", "!!set"),
        ("!include other.yaml", "!include"),
    ],
)
def test_tags_that_construct_objects_are_refused(tag: str, shown: str) -> None:
    problem = refusal(f"name: {tag}\n")
    assert problem.message == f"the YAML tag '{shown}' is not allowed in a case file: remove it and write a plain value"
    assert (problem.line, problem.col) == (1, 7)


def test_standard_tags_are_allowed() -> None:
    assert parse("a: !!str 5\nb: !!int '7'\nc: !!seq [x]\nd: !!map {e: f}\n").data == {
        "a": "5", "b": "7", "c": ["x"], "d": {"e": "f"}
    }


# -- files that are not case files at all -------------------------------------------
@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n   \n# and another\n"])
def test_empty_files(text: str) -> None:
    problem = refusal(text)
    assert (problem.line, problem.col) == (1, 1)
    assert problem.message.startswith("the file is empty")


@pytest.mark.parametrize(
    "text, kind", [("- a\n- b\n", "a list"), ("just words\n", "a single value"), ("---\n", "empty"), ("~\n", "empty")]
)
def test_the_top_level_must_be_a_mapping(text: str, kind: str) -> None:
    assert refusal(text).message.endswith(f"but this file is {kind}")


def test_binary_files() -> None:
    assert "it looks binary" in refusal(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00").message
    assert "Word document" in refusal(b"PK\x03\x04\x14\x00\x06\x00word/document.xml").message
    assert "this is a PDF" in refusal(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_files_are_named_as_such(encoding: str) -> None:
    problem = refusal("schema_version: 1\nreference: KHA-2026-0001\n".encode(encoding))
    assert "saved as UTF-16" in problem.message


def test_non_utf8_is_located_at_the_bad_byte_in_characters() -> None:
    problem = refusal("name: Wiś ".encode() + b"Zo\xeb\n")
    assert (problem.line, problem.col) == (1, 13)
    assert "the byte 0xEB here is not UTF-8" in problem.message


def test_control_characters_are_located() -> None:
    problem = refusal("a: b\nc: x\x07y\n")
    assert (problem.line, problem.col) == (2, 5)
    assert problem.message == "this file contains U+0007 (bell), a character that cannot be printed in a document: delete it or replace it with a space"


def test_a_huge_file_is_not_read() -> None:
    problem = refusal(b"a: " + b"x" * (MAX_BYTES + 1))
    assert "at most" in problem.message


def test_two_documents_are_refused_at_the_second() -> None:
    problem = refusal("a: 1\n---\nb: 2\n")
    assert (problem.line, problem.col) == (2, 1)
    assert "more than one YAML document" in problem.message


def test_a_document_end_marker_alone_is_fine() -> None:
    assert parse("---\na: 1\n...\n").data == {"a": "1"}


# -- nesting --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "a: " + "[" * 100_000,
        "{a: " * 100_000,
        "a:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(200)),
        "a:\n" + "".join("  " * (i + 1) + "-\n" for i in range(200)),
    ],
    ids=["brackets", "brackets-in-value", "braces", "block-mappings", "block-lists"],
)
def test_deep_nesting_is_refused(text: str) -> None:
    problem = refusal(text)
    assert "nested more than" in problem.message and str(MAX_DEPTH) in problem.message


def test_nesting_within_the_limit_is_fine() -> None:
    depth = MAX_DEPTH - 2
    data = parse("a: " + "[" * depth + "x" + "]" * depth + "\n").data
    for _ in range(depth):
        data = data["a"] if isinstance(data, dict) else data[0]
    assert data == ["x"] or data == "x"


# -- syntax errors in plain words ------------------------------------------------------
def test_tab_indentation_is_named() -> None:
    problem = refusal("parties:\n\t- id: V1\n")
    assert (problem.line, problem.col) == (2, 1)
    assert problem.message.startswith("this line is indented with a tab")


def test_a_tab_after_spaces_points_at_the_tab() -> None:
    problem = refusal("a:\n  b: 1\n  \tc: 2\n")
    assert (problem.line, problem.col) == (3, 3)
    assert "tab" in problem.message


def test_an_unclosed_quote_points_at_the_opening_quote() -> None:
    problem = refusal('reference: x\nname: "Craig Denton\nrole: perpetrator\n')
    assert (problem.line, problem.col) == (2, 7)
    assert "quote is opened but never closed" in problem.message


def test_an_unclosed_list_points_at_its_bracket() -> None:
    problem = refusal("reference: x\ncategories: [graffiti, arson\nmotivation: []\n")
    assert (problem.line, problem.col) == (2, 13)
    assert "list in [ ] is not closed" in problem.message


def test_a_colon_in_plain_text() -> None:
    problem = refusal("reference: x\ndescription: He said: go away\n")
    assert problem.line == 2
    assert "put text containing ': ' in quotes" in problem.message


def test_bad_indentation() -> None:
    problem = refusal("officer:\n  name: a\n phone: b\n")
    assert problem.line == 3
    assert "indentation" in problem.message


def test_something_that_is_not_yaml_says_so() -> None:
    problem = refusal("Dear Ms Sharma,\n\nRe: the noise. I am writing: again.\n")
    assert problem.message.startswith("this does not look like a case file")
