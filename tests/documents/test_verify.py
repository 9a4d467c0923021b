"""`casedocs verify`: regenerate a document from what it records and compare the bytes."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from helpers import CASES, add_version, fixture_case, real_template, replace_part
from toolkit.cli.main import main
from toolkit.errors import InputError
from toolkit.documents.generate import generate, verify
from toolkit.templates.registry import TEMPLATES_DIR, TEMPLATES_ENV, Registry


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture()
def issued(tmp_path: Path) -> tuple[Path, Path]:
    """(case file, the warning letter issued from it), both in tmp_path."""
    case = fixture_case(tmp_path / "cases")
    (document,) = generate("warning-letter", case, party="P1", stage="first", on=date(2026, 6, 3), out=tmp_path / "out")
    return case, document


def test_an_untouched_document_is_identical(issued: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    case, document = issued
    code, out, err = run(capsys, "verify", str(document))
    assert code == 0, err
    assert out == f"{document}: identical (regenerated from {case}, warning-letter v1 (en))\n"


def test_the_real_letters_verify(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(CASES.parent)
    assert main(["letters", "KHA-2026-0002", "--out", str(tmp_path)]) == 0
    documents = capsys.readouterr().out.splitlines()
    assert len(documents) >= 3  # acknowledgement for V1; verbal and first warnings to P1's mother; ...
    code, out, err = run(capsys, "verify", *documents)
    assert code == 0, err
    assert [line.split(": identical (regenerated from ")[0] for line in out.splitlines()] == documents


def test_a_modified_document_is_detected(issued: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    _, document = issued
    original = document.read_bytes()
    document.write_bytes(replace_part(original, "word/document.xml", lambda xml: xml.replace("within 14 days", "within 28 days")))
    assert document.read_bytes() != original
    code, out, _ = run(capsys, "verify", str(document))
    assert code == 4
    case = issued[0]
    assert out.splitlines()[0] == f"{document}: differs from what its recorded inputs give now (regenerated from {case}):"
    # a short unified diff of the text: the paragraph as issued, then as made again
    changed = [line.strip() for line in out.splitlines()[1:] if line.strip()[:1] in "-+" and not line.strip().startswith(("---", "+++"))]
    assert len(changed) == 2 and "within 28 days" in changed[0] and changed[0].startswith("-")
    assert changed[1].startswith("+") and changed[1][1:] == changed[0][1:].replace("within 28 days", "within 14 days")


def test_a_document_saved_again_by_word_is_detected(issued: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document

    _, document = issued
    buffer = io.BytesIO()
    Document(str(document)).save(buffer)  # same text, same properties, a different file
    edited = document.with_name("edited.docx")
    edited.write_bytes(buffer.getvalue())
    code, out, _ = run(capsys, "verify", str(edited))
    assert code == 4
    assert out.startswith(f"{edited}: differs from what its recorded inputs give now")
    assert "the text and the properties are the same; the file differs in " in out and "word/document.xml" in out


def test_a_changed_case_file_is_detected(issued: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    case, document = issued
    case.write_text(case.read_text() + "# a note added later\n", encoding="utf-8")
    code, out, _ = run(capsys, "verify", str(document))
    assert code == 4
    assert out.startswith(f"{document}: the case file {case} has changed since this document was made, and no version of it in its git history ")
    assert out.endswith("so it cannot be regenerated\n")


def test_one_bad_document_among_several_fails_the_run(issued: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, document = issued
    broken = document.with_name("broken.docx")
    broken.write_bytes(replace_part(document.read_bytes(), "word/document.xml", lambda xml: xml.replace("Stop", "Please stop")))
    code, out, _ = run(capsys, "verify", str(document), str(broken))
    assert code == 4
    assert out.splitlines()[0].endswith("identical (regenerated from " + str(issued[0]) + ", warning-letter v1 (en))")
    assert out.splitlines()[1] == f"{broken}: differs from what its recorded inputs give now (regenerated from {issued[0]}):"


def test_a_document_not_made_by_casedocs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "plain.docx"
    plain.write_bytes(real_template("acknowledgement"))
    code, out, err = run(capsys, "verify", str(plain))
    assert (code, out, err) == (1, "", f"{plain}:1:1: this document was not made by casedocs (it records no template or case)\n")
    not_docx = tmp_path / "letter.pdf"
    not_docx.write_bytes(b"%PDF-1.7\n")
    code, out, err = run(capsys, "verify", str(not_docx))
    assert (code, out) == (1, "")
    assert err.startswith(f"{not_docx}:1:1: cannot be read as a .docx")
    code, out, err = run(capsys, "verify", str(tmp_path / "missing.docx"))
    assert (code, out) == (1, "")
    assert err.startswith(f"{tmp_path / 'missing.docx'}:1:1: cannot be read as a .docx")


def test_a_template_edited_since_is_reported(issued: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _, document = issued
    root = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR / "warning-letter", root / "warning-letter")
    monkeypatch.setenv(TEMPLATES_ENV, str(root))
    assert run(capsys, "verify", str(document))[0] == 0  # a faithful copy of the registry is fine
    path = root / "warning-letter" / "warning-letter-v1-en.docx"
    path.write_bytes(replace_part(path.read_bytes(), "word/document.xml", lambda xml: xml.replace("Stop this", "Cease this")))
    code, out, err = run(capsys, "verify", str(document))
    assert (code, out) == (1, "")
    assert "was edited without a new version" in err


def test_a_later_template_version_does_not_change_an_issued_document(issued: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _, document = issued
    root = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR / "warning-letter", root / "warning-letter")
    v2 = replace_part(real_template("warning-letter"), "word/document.xml", lambda xml: xml.replace("Stop this", "Cease this"))
    add_version(root, "warning-letter", 2, v2, effective_from=date(2026, 6, 1))
    assert Registry(root).select("warning-letter", date(2026, 6, 3)).template.version == 2
    monkeypatch.setenv(TEMPLATES_ENV, str(root))
    code, out, _ = run(capsys, "verify", str(document))  # made with v1, remade with v1
    assert code == 0
    assert out.endswith("warning-letter v1 (en))\n")


def test_verify_as_a_library_call(issued: tuple[Path, Path]) -> None:
    case, document = issued
    verdict = verify(document)
    assert verdict.identical
    elsewhere = case.parent.parent / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(case, elsewhere / case.name)
    assert verify(document, case_path=elsewhere / case.name).identical
    case.unlink()  # the recorded path is gone, and the reference is not in ./case_files either
    with pytest.raises(InputError, match="no such case file"):
        verify(document)


def test_a_case_moved_to_another_folder_still_verifies(issued: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    case, document = issued
    moved = tmp_path / "moved"
    (moved / "case_files").mkdir(parents=True)
    shutil.move(case, moved / "case_files" / case.name)
    monkeypatch.chdir(moved)  # found by its reference in ./case_files
    code, out, err = run(capsys, "verify", str(document))
    assert code == 0, err
    assert out == f"{document}: identical (regenerated from case_files/{case.name}, warning-letter v1 (en))\n"


def test_the_same_case_through_another_path_gives_the_same_document(
    issued: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case, document = issued
    monkeypatch.chdir(case.parent)
    (again,) = generate("warning-letter", Path(case.name), party="P1", stage="first", on=date(2026, 6, 3), out=tmp_path / "out")
    assert again == document  # not a "-2" copy: the recorded case is named, not located


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), "-c", "user.name=Priya Sharma", "-c", "user.email=ps@example.org", *args],
        check=True, capture_output=True, text=True,
    ).stdout.strip()


def test_a_document_made_before_the_case_file_changed_verifies_against_its_commit(
    issued: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    case, document = issued
    folder = case.parent
    _git(folder, "init", "-q")
    _git(folder, "add", case.name)
    _git(folder, "commit", "-q", "-m", "the case as the letter was made")
    made_from = _git(folder, "rev-parse", "HEAD")
    for note in ("# a later note\n", "# and another\n"):  # the case goes on, in later commits
        case.write_text(case.read_text(encoding="utf-8") + note, encoding="utf-8")
        _git(folder, "commit", "-q", "-am", "later")
    code, out, err = run(capsys, "verify", str(document))
    assert code == 0, err
    day = _git(folder, "log", "-1", "--format=%cs", made_from)
    assert out == f"{document}: identical (regenerated from {case} as in commit {made_from[:10]} of {day}, warning-letter v1 (en))\n"
    # a document edited since is still caught, against that same commit
    document.write_bytes(replace_part(document.read_bytes(), "word/document.xml", lambda xml: xml.replace("within 14 days", "within 28 days")))
    code, out, _ = run(capsys, "verify", str(document))
    assert code == 4 and f"(regenerated from {case} as in commit {made_from[:10]} of {day}):" in out.splitlines()[0]


def test_a_changed_property_is_named(issued: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    _, document = issued
    document.write_bytes(replace_part(document.read_bytes(), "docProps/core.xml", lambda xml: xml.replace("Priya Sharma", "Someone Else")))
    code, out, _ = run(capsys, "verify", str(document))
    assert code == 4
    assert "    property creator: 'Someone Else, Keniston Housing Association' in the document, 'Priya Sharma, Keniston Housing Association' made again" in out.splitlines()
