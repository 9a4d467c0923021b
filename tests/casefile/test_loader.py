"""toolkit.casefile.loader: a case file on disk becomes a Case, or every problem in it, located."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import FIXTURE, FIXTURES
from toolkit.errors import InputError, Problem
from toolkit.casefile.loader import case_paths, load_all, load_bytes, load_case, resolve_case
from toolkit.casefile.model import Case

TEXT = FIXTURE.read_text(encoding="utf-8")


def problems_of(text: str, name: str = "KHA-2026-0900.yaml") -> list[str]:
    """Problems of the fixture changed to ``text``, as 'line:col: message'."""
    with pytest.raises(InputError) as caught:
        load_bytes(text.encode("utf-8"), FIXTURES / name)
    found = caught.value.problems
    assert found == sorted(found)
    return [f"{p.line}:{p.col}: {p.message}" for p in found]


def changed(*pairs: tuple[str, str]) -> str:
    text = TEXT
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def line_of(text: str, needle: str) -> int:
    """The number of the first line containing ``needle`` (or equal to it, when it ends in a newline)."""
    if needle.endswith("\n"):
        return next(n for n, line in enumerate(text.splitlines(), 1) if line == needle[:-1])
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_fixture_loads() -> None:
    case = load_case(FIXTURE)
    assert isinstance(case, Case)
    assert case.reference == "KHA-2026-0900"
    assert case.parties[0].name == 'Agnieszka Wiśniewska & family <"O\'Brien">'
    assert case.parties[0].language == "pl" and case.parties[0].interpreter is True
    assert case.consents[0].form_version == "1"
    assert case.feedback[0].satisfied == "yes"
    assert case.parties[1].tenancy and case.parties[1].tenancy.clauses[0].number == "4.1"


def test_load_bytes_and_load_case_agree() -> None:
    assert load_bytes(FIXTURE.read_bytes(), FIXTURE) == load_case(FIXTURE)


def test_every_problem_in_a_file_is_reported_at_once() -> None:
    text = changed(
        ("status: open", "status: opne"),
        ("category: graffiti", "category: grafitti"),
        ("    guardians: [G1]\n", ""),
        ("  start: 2026-04-01", "  start: 2026-02-30"),
        ("    victims: [V1]\n    evidence: [E1]", "    victims: [V9]\n    evidence: [E1]"),
    )
    assert problems_of(text) == [
        "5:9: 'opne' is not an allowed value for 'status': did you mean 'open'?",
        f"{line_of(text, 'date_of_birth: 2009-03-02')}:20: Craig Denton was 16 when the complaint was received (2026-03-01): "
        "a perpetrator under 18 needs 'guardians' (the ids of parent_guardian parties, policy 9.1)",
        f"{line_of(text, 'grafitti')}:15: 'grafitti' is not an allowed value for 'category': did you mean 'graffiti'?",
        f"{line_of(text, 'victims: [V9]')}:15: there is no party with id 'V9': did you mean 'V1'?",
        f"{line_of(text, '2026-02-30')}:10: 2026-02-30 is not a date (write it as YYYY-MM-DD, e.g. 2026-03-01)",
    ]


def test_an_unknown_key_is_located_at_the_key_and_explains_its_missing_twin() -> None:
    text = changed(("    description: Graffiti sprayed", "    descripton: Graffiti sprayed"))
    assert problems_of(text) == [f"{line_of(text, 'descripton')}:5: unknown key 'descripton': did you mean 'description'?"]


def test_a_missing_key_without_a_near_miss_is_reported_at_its_mapping() -> None:
    text = changed(("    description: Graffiti sprayed on the front door of Flat 12.\n", "    notes_x: Graffiti.\n"))
    lines = problems_of(text)
    assert f"{line_of(text, '  - id: I2')}:5: 'description' is required in incident 'I2' but is missing" in lines
    assert any("unknown key 'notes_x': the keys allowed here are id, occurred," in line for line in lines)


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("    date_of_birth: 1988-02-29\n", "    dob: 1988-02-29\n", "unknown key 'dob': did you mean 'date_of_birth'?"),
        ("    phone: 07700 900184\n", "    telephone: 07700 900184\n", "unknown key 'telephone': did you mean 'phone'?"),
        ("  - id: E1\n    kind: photo", "  - id: E1\n    type: photo", "unknown key 'type': did you mean 'kind'?"),
        ("    role: parent_guardian", "    Role: parent_guardian", "unknown key 'Role': did you mean 'role'?"),
    ],
)
def test_near_miss_and_synonym_keys(old: str, new: str, message: str) -> None:
    assert any(line.endswith(message) for line in problems_of(changed((old, new))))


def test_a_union_value_gives_one_message_at_its_value() -> None:
    text = changed(("    occurred: 2026-03-01\n", "    occurred:\n"))
    line = line_of(text, "    occurred:\n")
    assert problems_of(text) == [
        f"{line}:14: 'occurred' is empty: write a date or date-time here (YYYY-MM-DD, or YYYY-MM-DDTHH:MM when the time is known)"
    ]


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("categories: [graffiti, verbal_abuse]", "categories:", "'categories' is empty: write its items, one '- item' per line (or [a, b]), or remove the key"),
        ("categories: [graffiti, verbal_abuse]", "categories: []", "'categories' needs at least one entry"),
        ("categories: [graffiti, verbal_abuse]", "categories: [graffiti, noise]", "'noise' is not an allowed value for 'categories': use one of: physical_assault, property_damage, graffiti, arson, verbal_abuse, threatening_behaviour, abusive_letters, abusive_calls, dumping, online_abuse, other"),
        ("categories: [graffiti, verbal_abuse]", "categories: {a: b}", "'categories' should be a list (one '- item' per line, or [a, b]), not a mapping"),
        ("  email: priya.sharma@keniston-ha.org.uk", "  email: priya.sharma", "'priya.sharma' is not an email address: write it like name@example.org.uk"),
        ("officer:\n  name: Priya Sharma", "officer:\n  name:", "'name' is empty: it needs a value"),
        ("    title: Ms\n", "    title: ''\n", "'title' is empty: write a value or remove the key"),
        ("    interpreter: true", "    interpreter: perhaps", "'interpreter' should be true or false, not 'perhaps'"),
        ("  start: 2026-04-01", "  start: 2026-04-01\n  months: 36", "'months' must be at most 24, not '36'"),
        ("  start: 2026-04-01", "  start: 2026-04-01\n  months: six", "'months' should be a whole number, not 'six'"),
        ("    language: pl\n    interpreter", "    language: polish\n    interpreter", "'polish' is not a language tag: use a BCP 47 tag such as en, pl, ur or pt-BR"),
        ("    exhibit: PS1", "    exhibit: ps-1", "'ps-1' is not an exhibit mark: use capital initials and a number, e.g. PS3"),
        ("  - id: W1", "  - id: 1W", "'1W' is not a valid id: start with a letter, then letters, digits, '-' or '_' (e.g. V1, P2)"),
        ("parties:\n", "parties:\n  - just a name\n", "each entry of 'parties' should be a mapping of keys and values (like 'name: ...'), not 'just a name'"),
        ("officer:\n", "officer: Priya Sharma\nofficer_details:\n", "'officer' should be a mapping of keys and values (like 'name: ...'), not 'Priya Sharma'"),
        ("    satisfied: \"yes\"", "    satisfied: maybe", "'maybe' is not an allowed value for 'satisfied': use one of: yes, partly, no"),
        ("    satisfied: \"yes\"", "    satisfied: [yes]", "'satisfied' should be one of: yes, partly, no, not a list"),
        ("schema_version: 1", "schema_version: 2", "'schema_version' must be 1 (the only version this toolkit reads), not 2"),
        ("schema_version: 1", "schema_version: one", "'schema_version' should be a whole number, not 'one'"),
        ("reference: KHA-2026-0900", "reference: KHA/2026/900", "'KHA/2026/900' is not a case reference: write it as KHA-YYYY-NNNN, e.g. KHA-2026-0007"),
        ("    description: Graffiti sprayed on the front door of Flat 12.", "    description: " + "A" * 60, "'description' should be"),
    ],
)
def test_messages_say_what_is_wrong_and_what_is_right(old: str, new: str, message: str) -> None:
    if message.endswith("should be"):  # a long valid value is fine; just make sure it loads
        load_bytes(changed((old, new)).encode(), FIXTURE)
        return
    lines = problems_of(changed((old, new)))
    assert any(line.split(": ", 1)[1] == message for line in lines), lines


def test_long_values_are_shortened_in_messages() -> None:
    lines = problems_of(changed(("status: open", "status: " + "x" * 80)))
    assert lines == [f"5:9: '{'x' * 37}...' is not an allowed value for 'status': use one of: open, closed"]


def test_a_bad_reference_does_not_also_complain_about_the_file_name_or_evidence() -> None:
    assert problems_of(changed(("reference: KHA-2026-0900", "reference: KHA-26-9"))) == [
        "3:12: 'KHA-26-9' is not a case reference: write it as KHA-YYYY-NNNN, e.g. KHA-2026-0007"
    ]


def test_duplicate_ids_name_the_line_of_the_first() -> None:
    text = changed(("  - id: W1", "  - id: V1\n    role: complainant\n    name: Anna Nowak\n  - id: W1"))
    first, second = (n for n, line in enumerate(text.splitlines(), 1) if line == "  - id: V1")
    assert problems_of(text) == [f"{second}:9: the party id 'V1' is used twice: each party needs its own id (the first is at line {first})"]


def test_the_problems_carry_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(FIXTURES, tmp_path / "c")
    bad = tmp_path / "c" / "KHA-2026-0900.yaml"
    bad.write_text(changed(("status: open", "status: shut")), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as caught:
        load_case("c/KHA-2026-0900.yaml")
    assert str(caught.value) == "c/KHA-2026-0900.yaml:5:9: 'shut' is not an allowed value for 'status': use one of: open, closed"


# -- files and folders -------------------------------------------------------------------
def test_a_folder_or_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_case(tmp_path)
    assert str(caught.value) == f"{tmp_path}:1:1: this is a folder, not a case file"
    with pytest.raises(InputError) as caught:
        load_case(tmp_path / "KHA-2026-0999.yaml")
    assert caught.value.problems == [Problem(str(tmp_path / "KHA-2026-0999.yaml"), 0, 0, "no such case file")]


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated, because CI runs as root and root can read a file with mode 000."""
    path = tmp_path / "KHA-2026-0900.yaml"
    path.write_text("a: 1")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError) as caught:
        load_case(path)
    assert str(caught.value) == f"{path}:1:1: cannot be read: Permission denied"


def test_case_paths(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yml", "c.txt", "casefile.schema.json"):
        (tmp_path / name).write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.yaml").write_text("x")
    (tmp_path / "folder.yaml").mkdir()
    assert case_paths([tmp_path]) == [tmp_path / "a.yml", tmp_path / "b.yaml"]
    assert case_paths([tmp_path / "c.txt", str(tmp_path / "sub")]) == [tmp_path / "c.txt", tmp_path / "sub" / "d.yaml"]


def test_resolve_case(tmp_path: Path) -> None:
    (tmp_path / "KHA-2026-0001.yaml").write_text("x")
    (tmp_path / "KHA-2026-0002.yml").write_text("x")
    assert resolve_case("KHA-2026-0001", tmp_path) == tmp_path / "KHA-2026-0001.yaml"
    assert resolve_case("KHA-2026-0002", tmp_path) == tmp_path / "KHA-2026-0002.yml"
    assert resolve_case("KHA-2026-0003", tmp_path) == tmp_path / "KHA-2026-0003.yaml"
    assert resolve_case(str(FIXTURE), tmp_path) == FIXTURE


def test_load_all_returns_every_case_or_every_problem(tmp_path: Path) -> None:
    assert [c.reference for c in load_all([FIXTURES])] == ["KHA-2026-0900"]
    (tmp_path / "KHA-2026-0901.yaml").write_text("- a list\n")
    (tmp_path / "KHA-2026-0902.yaml").write_bytes(b"")
    with pytest.raises(InputError) as caught:
        load_all([FIXTURE, tmp_path, tmp_path / "KHA-2026-0903.yaml"])
    assert [(Path(p.file).name, p.line) for p in caught.value.problems] == [
        ("KHA-2026-0901.yaml", 1), ("KHA-2026-0902.yaml", 1), ("KHA-2026-0903.yaml", 0)
    ]


def test_the_validation_benchmark_runs_on_a_few_files() -> None:
    from benchmarks.cases import bench_rows, bench_validate

    (row,) = bench_validate(n=12, repeats=1)
    name, measured, baseline, ratio, target = row
    assert name == "validate 12 case files (load_all)"
    assert measured > 0 and baseline > 0 and ratio == pytest.approx(measured / baseline)
    assert target == "under 0.06 s for 12 files"
    (formatted,) = bench_rows(n=12)
    assert len(formatted) == 5 and all(isinstance(cell, str) for cell in formatted)


def test_benchmark_copies_stay_valid(tmp_path: Path) -> None:
    from benchmarks.cases import make_cases

    files = make_cases(9, tmp_path)
    assert len({f.name for f in files}) == 9
    assert [c.reference for c in load_all([tmp_path])] == sorted(f.stem for f in files)


def test_a_reference_in_two_files_is_an_error_naming_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "old" / "KHA-2026-0900.yaml"
    copy.parent.mkdir()
    copy.write_text(TEXT.replace("# A complete", "\n\n# A complete"), encoding="utf-8")
    (copy.parent / "evidence").symlink_to(FIXTURES / "evidence")
    assert len(load_all([FIXTURES, FIXTURE])) == 1  # one file named twice is read once
    with pytest.raises(InputError) as caught:
        load_all([FIXTURES, copy.parent])
    assert [str(p) for p in caught.value.problems] == [
        f"{copy}:5:12: the reference KHA-2026-0900 is also the reference of {FIXTURE}: one case is one file, "
        "so remove the copy (or give this case its own reference)"
    ]
    from toolkit.cli.main import main

    for command in (["validate"], ["check", "--today", "2026-03-02"], ["report", "--year", "2026", "--out", str(tmp_path / "o")],
                    ["newsletter", "--year", "2026", "--out", str(tmp_path / "o")]):
        assert main([*command, str(FIXTURES), str(copy.parent)]) == 1
        assert capsys.readouterr().err.startswith(f"{copy}:5:12: the reference KHA-2026-0900 is also"), command
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("pairs", "problem"),
    [
        ((("    reported: 2026-03-01T22:15", "    reported: 2026-03-01T21:49"),), "the incident is reported at 2026-03-01T21:49, before it occurred"),
        ((("status: open", "status: closed\nclosed: 2026-02-28\nclosure_reason: resolved"),), "the case is closed on 2026-02-28, before it was received"),
    ],
)
def test_dates_that_contradict_each_other(pairs: tuple[tuple[str, str], ...], problem: str) -> None:
    (found,) = problems_of(changed(*pairs))
    assert problem in found


def test_dates_on_the_same_day_do_not_contradict_a_time() -> None:
    # an incident on the day it was reported, and a case closed on the day it was received
    load_bytes(changed(("status: open", "status: closed\nclosed: 2026-03-01\nclosure_reason: resolved")).encode(), FIXTURE)
