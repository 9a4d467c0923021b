"""Exit statuses as in docs/cli.md: 4 "found something to act on", 5 "a bug of ours" (one line)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import CASES
from toolkit.cli import main as cli
from toolkit.errors import EXIT_ACT, EXIT_INTERNAL


def _broken(args: object) -> int:
    raise KeyError("a bug")


def test_an_internal_error_is_exit_5_with_one_line_saying_how_to_see_more(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "cmd_schema", _broken)
    assert cli.main(["schema"]) == EXIT_INTERNAL == 5
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("casedocs: internal error, a bug in casedocs (KeyError: 'a bug')")
    assert "--debug" in err


def test_debug_shows_the_traceback_of_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "cmd_schema", _broken)
    with pytest.raises(KeyError):
        cli.main(["--debug", "schema"])


def test_check_exits_4_from_the_console_script_when_something_is_overdue(tmp_path: Path) -> None:
    """What a scheduler sees: 4 for overdue, distinct from 1 (a bad case file)."""
    example = CASES / "KHA-2026-0001.yaml"
    overdue = subprocess.run(
        [sys.executable, "-m", "toolkit", "check", str(example), "--today", "2030-01-01"], capture_output=True, text=True,
    )
    assert overdue.returncode == EXIT_ACT == 4, overdue.stderr
    assert "overdue" in overdue.stdout
    bad = tmp_path / "KHA-2026-0001.yaml"
    bad.write_text("schema_version: 1\n", encoding="utf-8")
    broken = subprocess.run([sys.executable, "-m", "toolkit", "check", str(bad)], capture_output=True, text=True)
    assert broken.returncode == 1 and f"{bad}:" in broken.stderr
