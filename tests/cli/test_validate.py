"""`casedocs validate`: the bad-case corpus word for word, folders, and exit codes.

Each folder in tests/bad_cases/ holds one case file with one kind of mistake (one holds
many) and expected.txt, the exact stderr of `casedocs validate <file>` run from that
folder. A folder may hold symlinks.txt ("link -> target" per line): the links are made
in a copy at run time, so no symbolic link is committed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURES, TESTS
from toolkit.cli.main import main

CORPUS = TESTS / "bad_cases"
FOLDERS = sorted(d for d in CORPUS.iterdir() if d.is_dir())


def _prepare(folder: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of a corpus folder with its symbolic links made; (folder, case file)."""
    work = tmp_path / folder.name
    shutil.copytree(folder, work)
    links = work / "symlinks.txt"
    if links.exists():
        for line in links.read_text().splitlines():
            if not line.strip():
                continue
            link, target = (part.strip() for part in line.split("->"))
            (work / link).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(target, work / link)
        links.unlink()
    (case_file,) = [p for p in work.iterdir() if p.suffix == ".yaml"]
    return work, case_file


def _validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_corpus_covers_every_kind_of_mistake() -> None:
    assert len(FOLDERS) >= 24
    for folder in FOLDERS:
        cases = [p.name for p in folder.iterdir() if p.suffix == ".yaml"]
        assert len(cases) == 1, folder
        assert (folder / "expected.txt").read_text().strip(), folder


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda d: d.name)
def test_bad_case_messages_word_for_word(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work, case_file = _prepare(folder, tmp_path)
    monkeypatch.chdir(work)
    code, out, err = _validate(capsys, case_file.name)
    assert code == 1
    assert out == ""
    assert "Traceback" not in err
    expected = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert err.splitlines() == expected
    for line in err.splitlines():
        assert line.startswith(f"{case_file.name}:")


def test_many_errors_are_all_reported_in_one_run() -> None:
    lines = (CORPUS / "many-errors" / "expected.txt").read_text().splitlines()
    assert len(lines) >= 6
    # in file order: sorted by line, then column
    positions = [tuple(int(n) for n in line.split(":")[1:3]) for line in lines]
    assert positions == sorted(positions)


def test_every_corpus_file_is_rejected_quickly_as_a_subprocess(tmp_path: Path) -> None:
    """The console script on the whole corpus at once: every file's problems, exit 1, no traceback."""
    paths = []
    for folder in FOLDERS:
        _, case_file = _prepare(folder, tmp_path)
        paths.append(str(case_file))
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "validate", *paths],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    reported = {line.split(":")[0] for line in result.stderr.splitlines()}
    assert reported == set(paths)


def test_a_valid_case_prints_nothing_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert _validate(capsys, str(FIXTURES / "KHA-2026-0900.yaml")) == (0, "", "")


def test_a_folder_is_validated_file_by_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert _validate(capsys, str(FIXTURES)) == (0, "", "")


def test_a_folder_with_a_bad_case_reports_only_that_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(FIXTURES, tmp_path / "cases")
    shutil.copy(CORPUS / "bad-date" / "KHA-2026-0903.yaml", tmp_path / "cases")
    (tmp_path / "cases" / "notes.txt").write_text("not a case file: ignored")
    (tmp_path / "cases" / "casefile.schema.json").write_text("{}")
    code, out, err = _validate(capsys, str(tmp_path / "cases"))
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"{tmp_path / 'cases' / 'KHA-2026-0903.yaml'}:28:20: 12/10/1988 is not a date (write it as YYYY-MM-DD, e.g. 2026-03-01)"
    ]


def test_yml_files_are_case_files_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(FIXTURES / "evidence", tmp_path / "evidence")
    shutil.copy(FIXTURES / "KHA-2026-0900.yaml", tmp_path / "KHA-2026-0900.yml")
    assert _validate(capsys, str(tmp_path)) == (0, "", "")


def test_problems_of_several_files_come_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("bad-date", "bad-enum"):
        shutil.copy(next((CORPUS / name).glob("*.yaml")), tmp_path)
    code, _, err = _validate(capsys, str(tmp_path / "KHA-2026-0903.yaml"), str(tmp_path / "KHA-2026-0906.yaml"))
    assert code == 1
    assert [line.split(":")[0] for line in err.splitlines()] == [
        str(tmp_path / "KHA-2026-0903.yaml"), str(tmp_path / "KHA-2026-0906.yaml")
    ]


def test_a_missing_file_is_a_located_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "KHA-2026-0999.yaml"
    assert _validate(capsys, str(missing)) == (1, "", f"{missing}:1:1: no such case file\n")


def test_an_empty_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _validate(capsys, str(tmp_path))
    assert (code, out) == (2, "")
    assert "no case files" in err


def test_no_arguments_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate"])
    assert exit_info.value.code == 2
    assert "PATH" in capsys.readouterr().err


def test_an_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--frobnicate", str(FIXTURES)])
    assert exit_info.value.code == 2
    capsys.readouterr()


def test_exit_codes_of_the_console_script(tmp_path: Path) -> None:
    casedocs = [sys.executable, "-m", "toolkit"]
    run = lambda *args: subprocess.run([*casedocs, *args], capture_output=True, text=True, timeout=60)  # noqa: E731
    assert run("validate", str(FIXTURES)).returncode == 0
    bad = run("validate", str(CORPUS / "bad-enum" / "KHA-2026-0906.yaml"))
    assert bad.returncode == 1 and bad.stdout == "" and bad.stderr.endswith("did you mean 'victim'?\n")
    assert run("validate").returncode == 2
    assert run().returncode == 2
    assert run("validate", str(tmp_path)).returncode == 2
