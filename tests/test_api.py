"""The public API: ``toolkit.__all__`` is what a script may use, imported from ``toolkit`` itself."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from docx import Document

import toolkit
from helpers import CASES, ROOT


def test_every_public_name_resolves_and_is_documented_where_it_lives() -> None:
    for name in toolkit.__all__:
        value = getattr(toolkit, name)
        assert value is not None, name
        if callable(value):
            assert value.__doc__, f"{name} has no docstring"
    assert sorted(dir(toolkit)) == sorted(toolkit.__all__)
    assert set(toolkit.__all__) == {"__version__", *toolkit._PUBLIC}


def test_the_mail_merge_is_the_function_even_after_its_subpackage_is_imported() -> None:
    import toolkit.merge.run

    assert callable(toolkit.mail_merge) and toolkit.mail_merge.__module__ == "toolkit.merge.run"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'render'"):
        toolkit.render


def test_the_api_covers_what_the_command_line_does() -> None:
    wanted = {
        "load_case", "load_all", "generate", "generate_letters", "verify", "make_bundle", "mail_merge",
        "check_cases", "generate_annual", "CasedocsError", "InputError", "UsageError", "ToolError", "Problem",
    }
    assert wanted <= set(toolkit.__all__)


def test_importing_toolkit_loads_no_stage() -> None:
    """``import toolkit`` stays quick: the stages (and matplotlib, pypdf) load when first used."""
    probe = "import sys, toolkit; print(sorted(m for m in sys.modules if m.startswith(('toolkit.', 'matplotlib', 'pypdf'))))"
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert shown.strip() == "[]"


def test_a_script_loads_a_case_and_makes_a_letter(tmp_path: Path) -> None:
    case = toolkit.load_case(CASES / "KHA-2026-0003.yaml")
    (written,) = toolkit.generate("acknowledgement", case, party="V1", on=date(2026, 11, 25), out=tmp_path)
    assert written.suffix == ".docx"
    assert any("We have received your report" in p.text for p in Document(str(written)).paragraphs)
    assert toolkit.verify(written).identical
    with pytest.raises(toolkit.InputError):
        toolkit.load_case(tmp_path / "KHA-2026-0999.yaml")
