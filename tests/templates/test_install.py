"""The templates ship with the package: a normal (non-editable) install, run from another
folder, lists every template and renders every kind; an empty or missing registry is an error.

The install is real: the project is built into a wheel and installed with pip into a
temporary folder (``--target``, no network: ``--no-deps --no-build-isolation``), which is the
only place ``toolkit`` is imported from; the repository is not on the path.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from helpers import CASES, ROOT
from toolkit.cli.main import main
from toolkit.templates.registry import TEMPLATES_DIR, TEMPLATES_ENV, Registry

# Renders, in the installed copy, what the demo makes for every example case (without PDFs),
# the year's newsletter and report, and a mail merge; prints what it used as JSON.
RENDER_EVERYTHING = """
import json, sys
from pathlib import Path
import toolkit
from scripts.demo import documents_for
from toolkit.annual.generate import ANNUAL, generate_annual
from toolkit.casefile.loader import case_paths
from toolkit.merge.run import merge
from toolkit.templates.engine import read_custom_properties
from toolkit.templates.registry import Registry

cases, out = Path(sys.argv[1]), Path(sys.argv[2])
made = [p for case in case_paths([cases]) for p in documents_for(case, out, pdf=False)]
made += [p for name in ANNUAL for p in generate_annual(name, 2026, [cases], out=out)]
recipients = out / "recipients.csv"
recipients.write_text("name,address_line_1,postcode,language\\nAnna Nowak,1 High Street,BR1 3AB,pl\\nTom Smith,2 High Street,BR1 3AC,en\\n")
made += merge("policy-notice", recipients, out=out / "merge", jobs=1, keep_paths=True, progress=False).documents
kinds = sorted({read_custom_properties(p.read_bytes()).get("casedocs.template_kind") for p in made if p.suffix == ".docx"} - {None})
print(json.dumps({"package": toolkit.__file__, "templates": str(Registry().root), "kinds": kinds, "documents": len(made)}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """casedocs built and installed with pip into a folder of its own; returns that folder."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for folder in ("toolkit", "letter_templates"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", "--target", str(target), str(source)],
        check=True, capture_output=True, text=True, cwd=source,
    )
    return target


def _run(installed: Path, cwd: Path, *args: str, extra_path: Path | None = None) -> subprocess.CompletedProcess[str]:
    path = [str(installed)] + ([str(extra_path)] if extra_path else [])
    env = {k: v for k, v in os.environ.items() if k != TEMPLATES_ENV} | {"PYTHONPATH": os.pathsep.join(path)}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_the_wheel_holds_each_manifest_and_docx_and_nothing_else_of_letter_templates(installed: Path) -> None:
    shipped = installed / "toolkit" / "letter_templates"
    expected = sorted(
        str(p.relative_to(TEMPLATES_DIR)) for p in TEMPLATES_DIR.glob("*/*") if p.name == "manifest.yaml" or p.suffix == ".docx"
    )
    found = sorted(str(p.relative_to(shipped)) for p in shipped.glob("*/*") if p.parent.name != "__pycache__")
    assert found == expected
    assert not list(shipped.glob("*/build_*.py"))


def test_an_installed_copy_lists_and_checks_every_template_from_another_folder(installed: Path, tmp_path: Path) -> None:
    listed = _run(installed, tmp_path, "-m", "toolkit", "templates", "list")
    assert listed.returncode == 0, listed.stderr
    kinds = Registry().kinds()
    assert len(kinds) >= 10
    for kind in kinds:
        assert f"{kind}:" in listed.stdout
    checked = _run(installed, tmp_path, "-m", "toolkit", "templates", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_an_installed_copy_renders_every_template_kind(installed: Path, tmp_path: Path) -> None:
    cases = tmp_path / "case_files"
    shutil.copytree(CASES, cases)
    scripts = tmp_path / "helpers_path"
    shutil.copytree(ROOT / "scripts", scripts / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = _run(installed, elsewhere, "-c", RENDER_EVERYTHING, str(cases), str(tmp_path / "out"), extra_path=scripts)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["package"].startswith(str(installed))  # not the repository's copy
    assert result["templates"] == str(installed / "toolkit" / "letter_templates")
    assert result["kinds"] == Registry().kinds()
    letter = next((tmp_path / "out").glob("KHA-2026-0001/*acknowledgement*.docx"))
    assert "Keniston Housing Association" in "\n".join(p.text for p in Document(str(letter)).paragraphs) + "\n".join(
        p.text for s in Document(str(letter)).sections for p in s.footer.paragraphs
    )


def test_a_missing_templates_folder_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(TEMPLATES_ENV, str(tmp_path / "nowhere"))
    assert main(["templates", "list"]) == 1
    err = capsys.readouterr().err
    assert f"the templates folder {tmp_path / 'nowhere'} (from ${TEMPLATES_ENV}) does not exist" in err


@pytest.mark.parametrize("command", [["templates", "list"], ["templates", "check"]])
def test_an_empty_templates_folder_is_an_error_not_a_pass(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(TEMPLATES_ENV, str(tmp_path))
    assert main(command) == 1
    captured = capsys.readouterr()
    assert f"no templates in {tmp_path} (from ${TEMPLATES_ENV})" in captured.err
