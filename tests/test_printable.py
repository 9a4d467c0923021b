"""Characters no document can hold are refused where they are, before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.cli.main import main
from toolkit.casefile.loader import load_bytes
from toolkit.errors import InputError
from toolkit.merge.recipients import survey
from toolkit.printable import describe, first_unprintable

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE = FIXTURES / "KHA-2026-0900.yaml"
TEXT = FIXTURE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("char", "named"),
    [
        ("\x00", "U+0000 (null)"), ("\x07", "U+0007 (bell)"), ("\x0b", "U+000B (vertical tab)"),
        ("\x0c", "U+000C (form feed)"), ("\r", "U+000D (carriage return)"), ("\x1f", "U+001F (unit separator)"),
        ("\x7f", "U+007F (delete)"), ("\x85", "U+0085 (a C1 control character)"),
        ("\ufffe", "U+FFFE (a Unicode non-character)"), ("\ufdd0", "U+FDD0 (a Unicode non-character)"),
        ("\U0010ffff", "U+10FFFF (a Unicode non-character)"), ("\ud800", "U+D800 (half of a surrogate pair, alone)"),
    ],
)
def test_each_unprintable_character_is_found_and_named(char: str, named: str) -> None:
    assert describe(char) == named
    assert first_unprintable(f"Liam{char}Hargreaves") == (4, named)


def test_what_documents_can_hold_is_left_alone() -> None:
    assert first_unprintable("Zoë O'Brien & <Sons>\tgeb. Łódź\n😀 ĀĒĪ 中文 \u00a0\u200b") is None


def problems_of(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_bytes(text.encode("utf-8"), FIXTURE)
    return [f"{p.line}:{p.col}: {p.message}" for p in caught.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "line", "col", "named"),
    [
        ("name: Craig Denton", 'name: "Craig\\x0bDenton"', 44, 11, "value contains U+000B (vertical tab)"),
        ("location: Second-floor landing", 'location: "Second-floor\\x0clanding"', 69, 15, "value contains U+000C (form feed)"),
        ("location: Second-floor landing", 'location: "landing\\a"', 69, 15, "value contains U+0007 (bell)"),
        ("location: Second-floor landing", 'location: "\\0"', 69, 15, "value contains U+0000 (null)"),
        ("location: Second-floor landing", 'location: "x\\uFFFE"', 69, 15, "value contains U+FFFE (a Unicode non-character)"),
        ("location: Second-floor landing", "location: Second\ufdd0floor", 69, 15, "value contains U+FDD0 (a Unicode non-character)"),
        ("    location: Second-floor landing", '    "loca\\x1ftion": Second-floor landing', 69, 5, "key contains U+001F (unit separator)"),
    ],
)
def test_a_case_file_value_or_key_is_refused_at_its_place(old: str, new: str, line: int, col: int, named: str) -> None:
    assert TEXT.count(old) == 1
    text = TEXT.replace(old, new)
    assert new.strip() in text.splitlines()[line - 1]
    assert problems_of(text) == [f"{line}:{col}: this {named}, a character that cannot be printed in a document: delete it or replace it with a space"]


def test_every_such_value_in_a_file_is_reported_at_once() -> None:
    text = TEXT.replace("name: Craig Denton", 'name: "Craig\\x0bDenton"').replace("name: Sandra Denton", 'name: "Sandra\\x7fDenton"')
    assert [p.split(": this")[0] for p in problems_of(text)] == ["44:11", "56:11"]


def test_a_raw_control_character_is_named_at_its_column() -> None:
    text = TEXT.replace("name: Craig Denton", "name: Craig\x0bDenton")
    assert problems_of(text) == [
        "44:16: this file contains U+000B (vertical tab), a character that cannot be printed in a document: delete it or replace it with a space"
    ]


def test_a_lone_surrogate_escape_is_refused_at_the_escape() -> None:
    (problem,) = problems_of(TEXT.replace("name: Craig Denton", 'name: "Craig\\ud800"'))
    assert problem.startswith("44:") and "half of a surrogate pair" in problem


def test_generate_writes_nothing_for_such_a_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "KHA-2026-0900.yaml"
    case.write_text(TEXT.replace("name: Craig Denton", 'name: "Craig\\x0bDenton"'), encoding="utf-8")
    (tmp_path / "evidence").symlink_to(FIXTURES / "evidence")
    out = tmp_path / "out"
    code = main(["generate", "warning-letter", str(case), "--party", "P1", "--stage", "first", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert f"{case}:44:11: this value contains U+000B (vertical tab)" in captured.err
    assert not out.exists()


def test_a_recipients_csv_cell_is_refused_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(
        b"name,address_line_1,postcode\r\nAnn Lee,1 High St,BR6 0JA\r\n"
        b'"Liam\x0bHargreaves",2 High St,BR6 0JA\r\nBob Day,"3 High\r\nSt\x1f",BR6 0JA\r\nCy Ray,4 High St,BR6 0JA\r\n'
    )
    found = survey(path)
    assert found.good == 2
    assert [str(p) for p in found.bad] == [
        f"{path}:3:6: this cell contains U+000B (vertical tab), a character that cannot be printed in a document: delete it or replace it with a space",
        f"{path}:5:3: this cell contains U+001F (unit separator), a character that cannot be printed in a document: delete it or replace it with a space",
    ]


def test_a_recipients_csv_header_is_refused_for_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"na\x07me,address_line_1,postcode\nAnn Lee,1 High St,BR6 0JA\n")
    with pytest.raises(InputError, match=r"r\.csv:1:3: this header contains U\+0007 \(bell\)"):
        survey(path)


def test_a_recipients_yaml_value_is_refused_at_the_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "- name: Ann Lee\n  address_line_1: 1 High St\n  postcode: BR6 0JA\n"
        '- name: Liam Hargreaves\n  address_line_1: "2 High St\\x0b"\n  postcode: BR6 0JA\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["merge", "policy-notice", str(path), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:5:19: this value contains U+000B (vertical tab)" in err
    assert not list(out.rglob("*.docx"))
