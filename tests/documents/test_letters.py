"""The letters word for word: each generated .docx, read back with python-docx, against a golden file.

The golden files in tests/golden/ hold the text of each letter as python-docx reads it: the
header, the body (paragraphs and table rows, in order) and the footer; a line break inside a
paragraph is shown as a new line indented by two spaces. A fixed --date keeps them stable.

After an intended change to a template or to the case files, regenerate them with

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/documents/test_letters.py

and review the diff of tests/golden/ like any other change to a letter's wording.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from helpers import CASES, ROOT, TESTS, fixture_case
from toolkit.cli.main import main
from toolkit.documents.generate import AUDIT_LOG, letter_date, letters_for
from toolkit.casefile.loader import load_case
from toolkit.cli.templates import docx_text as textconv

GOLDEN = TESTS / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


# -- reading a letter back -----------------------------------------------------------
def _lines(text: str) -> list[str]:
    first, *rest = text.split("\n")
    return [first, *(f"  {line}" for line in rest)]


def _blocks(container) -> list[str]:  # type: ignore[no-untyped-def]
    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip():
                lines += _lines(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:  # a merged cell is listed once per column it spans
                        seen.add(id(cell._tc))
                        cells.append(cell.text)
                if any(c.strip() for c in cells):
                    lines += _lines(" | ".join(cells))
    return lines


def letter_text(data: bytes) -> str:
    """What a reader sees, as python-docx reads the file (not as we wrote it)."""
    document = Document(io.BytesIO(data))
    out: list[str] = []
    for number, section in enumerate(document.sections, start=1):
        out += [f"=== header (section {number})", *_blocks(section.header)]
    out += ["=== body", *_blocks(document)]
    for number, section in enumerate(document.sections, start=1):
        out += [f"=== footer (section {number})", *_blocks(section.footer)]
    return "\n".join(out) + "\n"


def assert_golden(name: str, data: bytes) -> str:
    text = letter_text(data)
    path = GOLDEN / f"{name}.txt"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with UPDATE_GOLDEN=1 to make it, then review it"
    assert text == path.read_text(encoding="utf-8")
    return text


def assert_well_formed(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                ElementTree.fromstring(archive.read(name))


def generate(capsys: pytest.CaptureFixture[str], out: Path, *args: str) -> tuple[bytes, str]:
    """`casedocs generate ARGS --out OUT`: (the document's bytes, stderr)."""
    code = main(["generate", *args, "--out", str(out)])
    stdout, stderr = capsys.readouterr()
    assert code == 0, stderr
    (path,) = stdout.splitlines()
    data = Path(path).read_bytes()
    assert_well_formed(data)
    return data, stderr


def body(text: str) -> str:
    return text.split("=== body\n", 1)[1].split("=== footer", 1)[0]


def paragraphs(text: str) -> list[str]:
    """The body's lines (a paragraph, a table row, or a line of a multi-line one)."""
    return body(text).splitlines()


# -- acknowledgements --------------------------------------------------------------------
def test_acknowledgement_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, err = generate(capsys, tmp_path, "acknowledgement", str(CASES / "KHA-2026-0003.yaml"), "--party", "V1", "--date", "2026-09-07")
    assert err == ""
    text = assert_golden("acknowledgement-KHA-2026-0003-V1", data)
    lines = paragraphs(text)
    assert "Dear Mr Hargreaves," in lines
    assert "We have received your report" in lines
    assert "Other languages and formats" in lines and "Interpreter" not in lines


def test_acknowledgement_for_a_polish_speaker_falls_back_to_english_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, err = generate(capsys, tmp_path, "acknowledgement", str(CASES / "KHA-2026-0001.yaml"), "--party", "V1", "--date", "2026-03-02")
    assert err.splitlines() == [
        "warning: no pl version of the acknowledgement template: the document is in English; arrange an interpreter or a translation for the reader"
    ]
    text = assert_golden("acknowledgement-KHA-2026-0001-V1-pl-fallback", data)
    lines = paragraphs(text)
    assert "Dear Ms Wiśniewska," in lines
    assert "Date: 2 March 2026" in text  # English, as the letter is
    assert "Interpreter" in lines
    assert any(line.startswith("We will arrange a professional interpreter in Polish for our meetings") for line in lines)
    audit = (tmp_path / "KHA-2026-0001" / AUDIT_LOG).read_text(encoding="utf-8")
    assert "no pl version of the acknowledgement template" in audit


# -- warning letters ---------------------------------------------------------------------
STAGE_DATES = {"verbal": "2026-09-09", "first": "2026-09-23", "final": "2026-10-13"}  # as the case log records


@pytest.mark.parametrize("stage", ["verbal", "first", "final"])
def test_warning_letter_at_each_stage(tmp_path: Path, capsys: pytest.CaptureFixture[str], stage: str) -> None:
    data, err = generate(capsys, tmp_path, "warning-letter", str(CASES / "KHA-2026-0003.yaml"), "--party", "P1", "--stage", stage, "--date", STAGE_DATES[stage])
    assert err == ""
    text = assert_golden(f"warning-letter-KHA-2026-0003-P1-{stage}", data)
    lines = paragraphs(text)
    assert body(text).startswith("Mr Shane Doyle\n  14 Rowan Court\n  Kestrel Park Road\n  Petts Wood\n  BR5 1QP | Date: ")
    assert "Dear Mr Doyle," in lines
    heading = {
        "verbal": "Confirmation of the verbal warning we gave you",
        "first": "Warning: your behaviour must stop",
        "final": "FINAL WARNING: your behaviour must stop now",
    }
    assert [h for h in heading.values() if h in lines] == [heading[stage]]
    final_words = [line for line in lines if "This is your final warning" in line]
    assert len(final_words) == (2 if stage == "final" else 0)
    assert ("This letter confirms in writing the verbal warning that Priya Sharma gave you about this behaviour." in lines) == (stage == "verbal")
    assert ("A written warning." in lines, "A final warning." in lines) == (stage == "verbal", stage == "first")
    # only the clauses the incidents up to the letter's date engage, quoted word for word
    case = load_case(CASES / "KHA-2026-0003.yaml")
    clauses = case.party("P1").tenancy.clauses  # type: ignore[union-attr]
    engaged = {"verbal": {"4.1", "4.3"}, "first": {"4.1", "4.3"}, "final": {"4.1", "4.3", "4.5"}}[stage]
    for clause in clauses:
        assert (f"Clause {clause.number}: “{clause.text}”" in lines) == (clause.number in engaged)
    assert "Your tenancy agreement (KHA/T/04417) says:" in lines
    assert "The behaviour described above breaks these conditions of the tenancy. A tenant is responsible for the behaviour of everyone who lives in or visits their home." in lines
    # put as allegations: nobody named who has not agreed, no case-log wording
    assert "It is reported that on 6 September 2026 at about 23:10, in the residents' car park at Birchfield Close, you shouted homophobic abuse" in text
    assert "Mr Doyle" not in body(text).split("Dear Mr Doyle,", 1)[1]
    assert "Nwosu" not in text and "witness" not in text.lower()
    reply = {"verbal": "within 14 days, by 23 September 2026", "first": "within 14 days, by 7 October 2026", "final": "within 7 days, by 20 October 2026"}
    assert any(reply[stage] in line for line in lines)


def test_warning_letter_about_a_14_year_old_goes_to_the_parent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, err = generate(capsys, tmp_path, "warning-letter", str(CASES / "KHA-2026-0002.yaml"), "--party", "P1", "--stage", "first", "--date", "2026-05-01")
    assert err == ""
    text = assert_golden("warning-letter-KHA-2026-0002-P1-first-guardian", data)
    lines = paragraphs(text)
    assert body(text).startswith("Ms Siobhán O'Brien\n  22 Heron Way\n  Crofton Vale\n  Orpington\n  BR6 8PX | Date: 1 May 2026\n")
    assert "Tyler" not in body(text).split("Dear", 1)[0]  # not addressed to the child
    assert "Dear Ms O'Brien," in lines
    assert any(line.startswith("We are writing to you as the parent or guardian of Tyler Brennan, who is 14, because of") for line in lines)
    assert "The tenancy agreement (KHA/T/03527) says:" in lines  # the mother's tenancy
    assert any(line.startswith("Clause 4.3: “You, members of your household and your visitors must not harass") for line in lines)
    assert any(line.startswith("Make sure that Tyler Brennan stops this behaviour immediately") for line in lines)


def test_a_name_with_special_characters_prints_exactly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = fixture_case(tmp_path / "cases")
    data, err = generate(capsys, tmp_path / "out", "warning-letter", str(case), "--party", "P1", "--stage", "first", "--date", "2026-06-03")
    assert err == ""
    text = assert_golden("warning-letter-KHA-2026-0950-P1-first-special-characters", data)
    name = "Zoë O'Brien & <Sons>"
    lines = paragraphs(text)
    assert body(text).startswith(f"{name}\n  Flat 2, \"The Limes\" & <Annexe>\n  Petts Wood\n  BR5 1QP | Date: 3 June 2026\n")
    assert f"Dear {name}," in lines
    assert "Clause 4.1: “You must not cause nuisance & annoyance to \"neighbours\" or <anyone> else.”" in lines
    assert any("It is reported that you shouted \"get out\" & banged on the door of <No. 3>." in line for line in lines)
    assert "Haddad" not in text  # the victim has not agreed to be named
    assert "&amp;" not in text and "&lt;" not in text and "&#" not in text
    # the text git diff shows (casedocs templates text) prints it exactly too
    shown = textconv(data)
    assert f"Dear {name}," in shown and "&amp;" not in shown and "&#39;" not in shown


# -- the letters a case calls for ---------------------------------------------------------
def test_letters_for_and_their_dates() -> None:
    case = load_case(CASES / "KHA-2026-0003.yaml")
    wanted = letters_for(case)
    assert wanted[:5] == [
        ("acknowledgement", "V1", None), ("acknowledgement", "V2", None),
        ("warning-letter", "P1", "verbal"), ("warning-letter", "P1", "first"), ("warning-letter", "P1", "final"),
    ]
    dates = [letter_date(case, *letter) for letter in wanted[:5]]
    assert dates == [date(2026, 9, 7), date(2026, 9, 7), date(2026, 9, 9), date(2026, 9, 23), date(2026, 10, 13)]


def test_casedocs_letters_reproduces_what_was_issued(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["letters", "KHA-2026-0003", "--out", str(tmp_path)]) == 0
    first, _ = capsys.readouterr()
    names = [Path(p).name for p in first.splitlines()]
    assert names[:5] == [
        "KHA-2026-0003-acknowledgement-V1-2026-09-07.docx", "KHA-2026-0003-acknowledgement-V2-2026-09-07.docx",
        "KHA-2026-0003-warning-letter-verbal-P1-2026-09-09.docx", "KHA-2026-0003-warning-letter-first-P1-2026-09-23.docx",
        "KHA-2026-0003-warning-letter-final-P1-2026-10-13.docx",
    ]
    # the same letters as made one by one with the dates the log records
    folder = tmp_path / "KHA-2026-0003"
    for stage, day in STAGE_DATES.items():
        data, _ = generate(capsys, tmp_path / "single", "warning-letter", str(ROOT / "case_files" / "KHA-2026-0003.yaml"), "--party", "P1", "--stage", stage, "--date", day)
        assert letter_text(data) == letter_text((folder / f"KHA-2026-0003-warning-letter-{stage}-P1-{day}.docx").read_bytes())
    audit_before = (folder / AUDIT_LOG).read_text()
    assert main(["letters", "KHA-2026-0003", "--out", str(tmp_path)]) == 0
    second, _ = capsys.readouterr()
    assert second == first  # same paths, nothing new
    assert (folder / AUDIT_LOG).read_text() == audit_before


def test_every_golden_file_is_used() -> None:
    used = {
        "acknowledgement-KHA-2026-0003-V1", "acknowledgement-KHA-2026-0001-V1-pl-fallback",
        "warning-letter-KHA-2026-0003-P1-verbal", "warning-letter-KHA-2026-0003-P1-first", "warning-letter-KHA-2026-0003-P1-final",
        "warning-letter-KHA-2026-0002-P1-first-guardian", "warning-letter-KHA-2026-0950-P1-first-special-characters",
    }
    assert {p.stem for p in GOLDEN.glob("*.txt")} == used


def test_a_warning_letter_cites_only_incidents_up_to_its_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, _ = generate(capsys, tmp_path, "warning-letter", str(CASES / "KHA-2026-0003.yaml"), "--party", "P1", "--stage", "first", "--date", "2026-09-23")
    rows = [line.split(" | ")[0] for line in paragraphs(letter_text(data)) if " | " in line and line[:1].isdigit()]
    assert rows == ["6 September 2026", "19 September 2026"]


def test_a_letter_in_polish_once_the_translation_is_in_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from toolkit.templates.registry import Registry

    on = date(2026, 11, 25)
    assert Registry().select("acknowledgement", on, "pl").template.language == "pl"
    data, err = generate(capsys, tmp_path, "acknowledgement", str(CASES / "KHA-2026-0001.yaml"), "--party", "V1", "--date", on.isoformat())
    text = letter_text(data)
    assert "25 listopada 2026" in text  # the date filter in the reader's locale
    assert "1 marca 2026" in text
    assert "Agnieszka Wiśniewska" in text
    status = [v.entry.translation_status for v in Registry().versions("acknowledgement") if v.language == "pl"][-1]
    assert ("has not been reviewed" in err) == (status == "unreviewed")


def test_a_warning_letter_never_names_an_anonymous_witness(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = tmp_path / "case_files"
    shutil.copytree(CASES / "evidence" / "KHA-2026-0003", cases / "evidence" / "KHA-2026-0003")
    text = (CASES / "KHA-2026-0003.yaml").read_text(encoding="utf-8").replace("The witness saw Mr Doyle", "Mrs Nwosu saw Mr Doyle")
    (cases / "KHA-2026-0003.yaml").write_text(text, encoding="utf-8")
    data, _ = generate(capsys, tmp_path / "out", "warning-letter", str(cases / "KHA-2026-0003.yaml"), "--party", "P1", "--stage", "final", "--date", "2026-11-20")
    letter = letter_text(data)
    assert "It is reported that at about 01:30 on 19 September 2026 you pushed a handwritten note" in letter
    assert "Nwosu" not in letter and "Patricia" not in letter and "saw Mr Doyle" not in letter and "doorbell" not in letter


def test_an_allegation_naming_someone_who_has_not_agreed_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = tmp_path / "case_files"
    text = (CASES / "KHA-2026-0001.yaml").read_text(encoding="utf-8").replace(
        "on her front door, said", "on her front door, with Mr Bankole watching, said")
    (cases).mkdir()
    (cases / "KHA-2026-0001.yaml").write_text(text, encoding="utf-8")
    shutil.copytree(CASES / "evidence" / "KHA-2026-0001", cases / "evidence" / "KHA-2026-0001")
    code = main(["generate", "warning-letter", str(cases / "KHA-2026-0001.yaml"), "--party", "P1", "--stage", "first", "--date", "2026-03-20", "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "Mr Bankole watching" in row)
    assert err.startswith(f"{cases / 'KHA-2026-0001.yaml'}:")
    assert "the allegation of incident I3 names Mr Bankole (W1), who has not agreed to be named" in err
    assert int(err.split(":")[1]) in range(line - 3, line + 1)
