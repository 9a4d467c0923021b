"""The README, `casedocs --help`, `make help` and the contracts in docs/ stay in step."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from helpers import DOCS, ROOT
from toolkit.cli.main import build_parser

README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI_SPEC = DOCS / "cli.md"


def _subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)


def _make_targets() -> list[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return re.findall(r"^([a-z][a-z-]*):.*## ", text, re.M)


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["make demo", "make test"]


@pytest.mark.parametrize("command", _subcommands())
def test_every_command_is_documented(command: str) -> None:
    assert f"casedocs {command}" in README


@pytest.mark.parametrize("target", _make_targets())
def test_every_make_target_is_documented(target: str) -> None:
    assert f"make {target}" in README


def test_make_help_lists_every_target() -> None:
    shown = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for target in _make_targets():
        assert re.search(rf"^\s+{re.escape(target)}\s", shown, re.M), target


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_contract_commands_and_targets_exist() -> None:
    spec = CLI_SPEC.read_text(encoding="utf-8")
    promised = set(re.findall(r"^\| `casedocs ([a-z]+)", spec, re.M))
    assert promised <= set(_subcommands())
    targets = set(re.findall(r"`make ([a-z]+)", spec))
    assert targets <= set(_make_targets())


def test_help_mentions_every_command() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "toolkit", "--help"], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    for command in _subcommands():
        assert command in shown


def test_the_readme_map_names_every_module() -> None:
    """The folder -> stage map in "Development" stays accurate as modules are added or split."""
    start = README.index("## Development")
    block = README[start:].split("```text", 1)[1].split("```", 1)[0]
    for module in sorted((ROOT / "toolkit").rglob("*.py")):
        if module.name in ("__init__.py", "__main__.py"):
            continue
        assert module.name in block, f"toolkit/{module.relative_to(ROOT / 'toolkit')} is not in the README's map"
