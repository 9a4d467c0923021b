"""`casedocs templates check` (the template lint), `templates text` and the git diff set-up.

The first test is the one that lints the real templates in the suite: a template change that
breaks a tag or names a field the toolkit doesn't give fails here, not in a letter.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from helpers import ROOT, add_version, docx_bytes, real_template
from toolkit.cli.main import main
from toolkit.templates.lint import check_all
from toolkit.templates.registry import TEMPLATES_DIR, TEMPLATES_ENV, Registry
from toolkit.cli.templates import context_types, docx_text


def test_the_real_templates_pass_the_lint(capsys: pytest.CaptureFixture[str]) -> None:
    findings = check_all(Registry(), date(2026, 11, 25), context_types())
    assert [str(f) for f in findings if f.severity == "error"] == []
    assert main(["templates", "check", "--today", "2026-11-25"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "error" not in err


def _check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *paragraphs: str | list[str]) -> tuple[int, list[str]]:
    """`casedocs templates check` on a registry holding one acknowledgement made of ``paragraphs``."""
    root = tmp_path / "templates"
    add_version(root, "acknowledgement", 1, docx_bytes(*paragraphs))
    monkeypatch.setenv(TEMPLATES_ENV, str(root))
    code = main(["templates", "check", "--today", "2026-01-01"])
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    return code, err.splitlines()


LABEL = "acknowledgement/acknowledgement-v1-en.docx (v1, en): error: word/document.xml: "


def test_a_misspelt_field_names_the_template_version_and_the_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _check(tmp_path, monkeypatch, capsys, "{{ recipient.salutation }},", "Dear {{ party.nmae }}, thank you.")
    assert code == 1
    assert lines == [
        LABEL + "'party.nmae': Party has no 'nmae': did you mean 'name'? (in the paragraph \"Dear {{ party.nmae }}, thank you.\")",
        "1 template problem found",
    ]


def test_a_misspelt_field_is_found_inside_loops_and_branches_no_case_reaches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _check(
        tmp_path, monkeypatch, capsys,
        "{%p if party.interpreter and not party.interpreter %}",
        "{% for incident in incidents %}{{ incident.occured|date }}{% endfor %}",
        "{%p endif %}",
        "{{ case.location.estat }}",
    )
    assert code == 1
    assert any("'incident.occured': Incident has no 'occured': did you mean 'occurred'?" in line for line in lines)
    assert any("'case.location.estat': Location has no 'estat': did you mean 'estate'?" in line for line in lines)
    assert lines[-1] == "2 template problems found"


def test_an_unknown_top_level_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _check(tmp_path, monkeypatch, capsys, "Dear {{ recipent.salutation }},", "{{ victim_name }}")
    assert code == 1
    assert lines[0] == LABEL + "uses 'recipent', which the toolkit does not give this kind: did you mean 'recipient'? (in the paragraph \"Dear {{ recipent.salutation }},\")"
    assert lines[1].startswith(LABEL + "uses 'victim_name', which the toolkit does not give this kind; it can use association, case, doc, ")
    assert lines[1].endswith('(in the paragraph "{{ victim_name }}")')


def test_a_tag_word_split_into_runs_is_repaired_not_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _check(tmp_path, monkeypatch, capsys, ["Dear {", "{ party.", "name }", "}, thank you."])
    assert (code, lines) == (0, [])


def test_a_tag_broken_by_a_split_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # Word split the tag into runs and a space crept in between the braces
    code, lines = _check(tmp_path, monkeypatch, capsys, ["Dear {", " { party.name }}, thank you."])
    assert code == 1
    assert lines[0].startswith(LABEL + "a tag is broken ('{{' without '}}' or '{%' without '%}', or the other way round)")


def test_a_tag_split_across_paragraphs_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # docxtpl would silently glue the two paragraphs together
    code, lines = _check(tmp_path, monkeypatch, capsys, "Dear {{ party.", "name }}, thank you.", "Yours sincerely")
    assert code == 1
    assert lines[0] == LABEL + 'a tag starts in one paragraph and ends in another, in "Dear {{ party."; retype the whole tag in one paragraph'


def test_a_syntax_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _check(tmp_path, monkeypatch, capsys, "Hello", "{% if party.interpreter %}We will book an interpreter.", "Bye")
    assert code == 1
    assert lines[0].startswith("acknowledgement/acknowledgement-v1-en.docx (v1, en): error: acknowledgement v1 (en) has a template error: Unexpected end of template")
    assert "'endif'" in lines[0]


def test_a_syntax_error_points_at_its_paragraph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _check(tmp_path, monkeypatch, capsys, "Hello", "Dear {{ party.name | }}", "Bye")
    assert code == 1
    assert lines[0].endswith('(in the paragraph "Dear {{ party.name | }}")')


def test_every_version_and_language_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "templates"
    add_version(root, "acknowledgement", 1, real_template("acknowledgement"))
    add_version(root, "acknowledgement", 2, docx_bytes("{{ party.nmae }}"), effective_from=date(2026, 6, 1))
    add_version(root, "acknowledgement", 1, docx_bytes("{{ party.titel }}"), language="pl", translation_status="unreviewed")
    add_version(root, "warning-letter", 1, docx_bytes("{{ tenancy.clause }}"))
    monkeypatch.setenv(TEMPLATES_ENV, str(root))
    assert main(["templates", "check", "--today", "2026-01-01"]) == 1
    err = capsys.readouterr().err
    assert "acknowledgement-v2-en.docx (v2, en): error: word/document.xml: 'party.nmae'" in err
    assert "acknowledgement-v1-pl.docx (v1, pl): error: word/document.xml: 'party.titel': Party has no 'titel': did you mean 'title'?" in err
    assert "warning-letter-v1-en.docx (v1, en): error: word/document.xml: 'tenancy.clause': Tenancy has no 'clause': did you mean 'clauses'?" in err
    assert err.splitlines()[-1] == "3 template problems found"


# -- templates text and git --------------------------------------------------------------
def test_templates_text_prints_a_templates_tags(capsys: pytest.CaptureFixture[str]) -> None:
    path = TEMPLATES_DIR / "warning-letter" / "warning-letter-v1-en.docx"
    assert main(["templates", "text", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("--- word/document.xml\n{{ recipient.name }} {{ recipient.address|join('\\n') }} {{ recipient.postcode }}\n")
    for tag in ("{{ recipient.salutation }},", "{%p if stage == 'final' %}", "{%tr for incident in incidents %}",
                "Clause {{ clause.number }}: “{{ clause.text }}”", "--- word/footer1.xml", "--- word/header1.xml"):
        assert tag in out
    assert "&#" not in out and "&amp;" not in out
    assert "Page 1 of 1" in out  # the field's result, not its code
    assert out == docx_text(path.read_bytes())


def test_templates_text_on_something_that_is_not_a_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "letter.docx"
    bad.write_text("not a zip")
    assert main(["templates", "text", str(bad)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"{bad}:1:1: cannot be read as a .docx")


def test_gitattributes_sends_docx_through_the_textconv_the_readme_documents() -> None:
    attributes = (ROOT / ".gitattributes").read_text().splitlines()
    assert "*.docx diff=docx" in attributes
    readme = (ROOT / "README.md").read_text()
    assert 'git config diff.docx.textconv "casedocs templates text"' in readme
    found = subprocess.run(
        ["git", "check-attr", "diff", "letter_templates/acknowledgement/acknowledgement-v1-en.docx"],
        cwd=ROOT, capture_output=True, text=True,
    )
    if found.returncode == 0:  # a git checkout
        assert found.stdout.strip().endswith("diff: docx")


def test_git_diff_of_two_template_versions_shows_the_wording(tmp_path: Path) -> None:
    casedocs = f"{sys.executable} -m toolkit"
    repo = tmp_path / "repo"
    repo.mkdir()
    git = lambda *args: subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True)  # noqa: E731
    git("init", "-q")
    git("config", "diff.docx.textconv", f"{casedocs} templates text")
    (repo / ".gitattributes").write_text((ROOT / ".gitattributes").read_text())
    (repo / "t.docx").write_bytes(docx_bytes("Dear {{ recipient.salutation }},", "The old wording."))
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "v1")
    (repo / "t.docx").write_bytes(docx_bytes("Dear {{ recipient.salutation }},", "The new wording."))
    diff = git("diff").stdout
    assert "-The old wording." in diff and "+The new wording." in diff
    assert "Binary files" not in diff


def test_manifest_mistakes_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "templates"
    add_version(root, "acknowledgement", 1, real_template("acknowledgement"))
    add_version(root, "acknowledgement", 1, real_template("acknowledgement"))  # the same version twice
    manifest = root / "acknowledgement" / "manifest.yaml"
    manifest.write_text(manifest.read_text().replace("kind: acknowledgement", "kind: acknowledgment"))
    add_version(root, "thank-you-card", 1, docx_bytes("Thank you"))
    monkeypatch.setenv(TEMPLATES_ENV, str(root))
    assert main(["templates", "check", "--today", "2026-01-01"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "acknowledgement/manifest.yaml: error: says kind 'acknowledgment', but its folder is 'acknowledgement'" in err
    assert "acknowledgement/manifest.yaml: error: version 1 (en) is listed twice" in err
    assert "thank-you-card/manifest.yaml: warning: the toolkit makes no document of kind 'thank-you-card'" in err
    assert err[-1] == "2 template problems found"


def test_a_missing_template_file_is_a_plain_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "templates"
    add_version(root, "acknowledgement", 1, real_template("acknowledgement")).unlink()
    monkeypatch.setenv(TEMPLATES_ENV, str(root))
    assert main(["templates", "check", "--today", "2026-01-01"]) == 1
    err = capsys.readouterr().err
    assert "version 1 (en) in acknowledgement/manifest.yaml names this file, which cannot be read (No such file or directory)" in err
    code = main(["generate", "acknowledgement", str(ROOT / "case_files" / "KHA-2026-0003.yaml"), "--party", "V1", "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err.startswith(f"{root / 'acknowledgement' / 'acknowledgement-v1-en.docx'}:1:1: version 1 (en) in acknowledgement/manifest.yaml names this file")
    assert "internal error" not in err
