"""`casedocs generate`: exit codes, stdout, the record a document keeps, reproducible bytes."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from datetime import date, datetime, UTC
from pathlib import Path

import pytest
from docx import Document

from helpers import CASES, ROOT, fixture_case
from toolkit import __version__
from toolkit.cli.main import main
from toolkit.documents.base import Request
from toolkit.documents.generate import AUDIT_LOG, generate, planned_letters, render_request
from toolkit.casefile.loader import load_case
from toolkit.templates.registry import TEMPLATES_DIR
from toolkit.templates.engine import read_custom_properties

CASEDOCS = ROOT / ".venv" / "bin" / "casedocs"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The installed command in a fresh process (or ``python -m toolkit`` without the venv)."""
    command = [str(CASEDOCS)] if CASEDOCS.exists() else [sys.executable, "-m", "toolkit"]
    env = {k: v for k, v in os.environ.items() if k != "CASEDOCS_TEMPLATES"}
    return subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


# -- exit codes and streams ------------------------------------------------------------
def test_generate_prints_only_the_path_it_wrote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)  # a bare reference is looked up in case_files/
    code, out, err = run(capsys, "generate", "warning-letter", "KHA-2026-0003", "--party", "P1", "--stage", "first", "--date", "2026-09-20", "--out", str(tmp_path))
    assert code == 0, err
    assert out == f"{tmp_path}/KHA-2026-0003/KHA-2026-0003-warning-letter-first-P1-2026-09-20.docx\n"
    assert err == ""
    assert Path(out.strip()).is_file()


def test_an_unknown_party_is_a_plain_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "generate", "acknowledgement", str(CASES / "KHA-2026-0003.yaml"), "--party", "V9", "--out", str(tmp_path))
    assert (code, out) == (1, "")
    assert err == "KHA-2026-0003 has no party 'V9': the parties are V1, V2, C1, P1, W1, A1\n"
    assert not any(tmp_path.iterdir())


def test_a_missing_party_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "generate", "acknowledgement", str(CASES / "KHA-2026-0003.yaml"), "--out", str(tmp_path))
    assert (code, out) == (1, "")
    assert "is written to one party: add --party ID (the parties are V1, V2, C1, P1, W1, A1)" in err


def test_a_warning_letter_needs_a_stage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "generate", "warning-letter", str(CASES / "KHA-2026-0003.yaml"), "--party", "P1", "--out", str(tmp_path))
    assert (code, out) == (1, "")
    assert "a warning letter needs --stage verbal, first or final" in err


def test_a_document_for_the_wrong_kind_of_party_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "generate", "acknowledgement", str(CASES / "KHA-2026-0003.yaml"), "--party", "P1", "--out", str(tmp_path))
    assert (code, out) == (1, "")
    assert "is not written to a perpetrator (P1)" in err
    code, out, err = run(capsys, "generate", "warning-letter", str(CASES / "KHA-2026-0003.yaml"), "--party", "V1", "--stage", "first", "--out", str(tmp_path))
    assert (code, out) == (1, "")
    assert "Liam Hargreaves (V1) is not named as a perpetrator of any incident in KHA-2026-0003" in err


def test_an_unknown_kind_is_a_usage_error_and_a_missing_case_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["generate", "love-letter", str(CASES / "KHA-2026-0003.yaml"), "--party", "V1", "--out", str(tmp_path)])
    out, err = capsys.readouterr()
    assert (exited.value.code, out) == (2, "")
    assert "argument KIND: invalid choice: 'love-letter' (choose from " in err
    missing = tmp_path / "KHA-2026-9999.yaml"
    code, out, err = run(capsys, "generate", "acknowledgement", str(missing), "--party", "V1", "--out", str(tmp_path))
    assert (code, out, err) == (1, "", f"{missing}:1:1: no such case file\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--stage", "second"], "argument --stage: invalid choice: 'second'"),
        (["--date", "2026-02-30"], "2026-02-30 is not a date: use YYYY-MM-DD"),
        (["--template-version", "two"], "argument --template-version: invalid int value: 'two'"),
        (["--colour", "red"], "unrecognized arguments: --colour red"),
    ],
)
def test_a_bad_command_line_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["generate", "warning-letter", str(CASES / "KHA-2026-0003.yaml"), "--party", "P1", "--out", str(tmp_path), *args])
    out, err = capsys.readouterr()
    assert (exited.value.code, out) == (2, "")
    assert message in err
    assert not any(tmp_path.iterdir())


def test_exit_codes_from_a_real_process(tmp_path: Path) -> None:
    case = str(CASES / "KHA-2026-0003.yaml")
    ok = cli("generate", "acknowledgement", case, "--party", "V2", "--date", "2026-09-08", "--out", str(tmp_path))
    assert (ok.returncode, ok.stderr) == (0, "")
    assert ok.stdout.splitlines() == [str(tmp_path / "KHA-2026-0003" / "KHA-2026-0003-acknowledgement-V2-2026-09-08.docx")]
    bad_party = cli("generate", "acknowledgement", case, "--party", "Z1", "--out", str(tmp_path))
    assert (bad_party.returncode, bad_party.stdout) == (1, "")
    assert "has no party 'Z1'" in bad_party.stderr and "Traceback" not in bad_party.stderr
    bad_stage = cli("generate", "warning-letter", case, "--party", "P1", "--stage", "last", "--out", str(tmp_path))
    assert (bad_stage.returncode, bad_stage.stdout) == (2, "")
    assert "invalid choice: 'last'" in bad_stage.stderr
    no_party = cli("generate", "acknowledgement", case, "--out", str(tmp_path))
    assert (no_party.returncode, no_party.stdout) == (1, "")
    assert "add --party ID" in no_party.stderr


# -- what a document records about itself -------------------------------------------------
def test_a_document_records_how_it_was_made(tmp_path: Path) -> None:
    case_file = CASES / "KHA-2026-0001.yaml"
    (path,) = generate("warning-letter", case_file, party="P1", stage="first", on=date(2026, 3, 20), out=tmp_path)
    data = path.read_bytes()
    props = read_custom_properties(data)
    template = TEMPLATES_DIR / "warning-letter" / "warning-letter-v1-en.docx"
    assert props["casedocs.kind"] == "warning-letter"
    assert props["casedocs.template_kind"] == "warning-letter"
    assert props["casedocs.template_version"] == "1"
    assert props["casedocs.template_language"] == "en"
    assert props["casedocs.template_sha256"] == hashlib.sha256(template.read_bytes()).hexdigest()
    assert props["casedocs.case_reference"] == "KHA-2026-0001"
    assert props["casedocs.case_sha256"] == hashlib.sha256(case_file.read_bytes()).hexdigest()
    assert props["casedocs.document_date"] == "2026-03-20"
    assert props["casedocs.casedocs_version"] == __version__
    assert (props["casedocs.party"], props["casedocs.stage"]) == ("P1", "first")
    core = Document(io.BytesIO(data)).core_properties
    assert core.created == datetime(2026, 3, 20, tzinfo=UTC)
    assert core.title == "Warning about your behaviour (first) — KHA-2026-0001"
    assert core.author == "Priya Sharma, Keniston Housing Association"

    (line,) = (tmp_path / "KHA-2026-0001" / AUDIT_LOG).read_text(encoding="utf-8").splitlines()
    audit = json.loads(line)
    assert audit["file"] == path.name
    assert audit["sha256"] == hashlib.sha256(data).hexdigest()
    for key in ("template_kind", "template_version", "template_sha256", "case_sha256", "document_date", "casedocs_version"):
        assert audit[key] == props[f"casedocs.{key}"]
    assert audit["notes"] == []
    datetime.fromisoformat(audit["generated_at"])


def test_making_a_document_again_is_a_no_op(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["generate", "acknowledgement", str(CASES / "KHA-2026-0003.yaml"), "--party", "V1", "--date", "2026-09-07", "--out", str(tmp_path)]
    first = run(capsys, *args)
    second = run(capsys, *args)
    assert first == second and first[0] == 0
    folder = tmp_path / "KHA-2026-0003"
    assert sorted(p.name for p in folder.iterdir()) == ["KHA-2026-0003-acknowledgement-V1-2026-09-07.docx", AUDIT_LOG]
    assert len((folder / AUDIT_LOG).read_text().splitlines()) == 1  # nothing new was issued


def test_different_bytes_under_the_same_name_go_to_a_new_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = fixture_case(tmp_path / "cases")
    args = ["generate", "warning-letter", str(case), "--party", "P1", "--stage", "first", "--date", "2026-06-03", "--out", str(tmp_path / "out")]
    code, out, _ = run(capsys, *args)
    issued = Path(out.strip())
    before = issued.read_bytes()
    case.write_text(case.read_text().replace("Shouted", "Screamed"), encoding="utf-8")
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert Path(out.strip()) == issued.with_name(issued.stem + "-2.docx")
    assert issued.read_bytes() == before
    assert len((issued.parent / AUDIT_LOG).read_text().splitlines()) == 2


# -- reproducible ---------------------------------------------------------------------------
def test_the_same_inputs_give_the_same_bytes_in_one_process() -> None:
    case = load_case(CASES / "KHA-2026-0002.yaml")
    request = Request(case, "warning-letter", date(2026, 5, 1), "P1", "first")
    assert render_request(request).data == render_request(request).data
    again = Request(load_case(CASES / "KHA-2026-0002.yaml"), "warning-letter", date(2026, 5, 1), "P1", "first")
    assert render_request(again).data == render_request(request).data
    later = Request(case, "warning-letter", date(2026, 5, 2), "P1", "first")
    assert render_request(later).data != render_request(request).data


def test_the_same_inputs_give_the_same_bytes_in_two_processes(tmp_path: Path) -> None:
    outputs = []
    for run_number in (1, 2):
        result = cli("letters", "KHA-2026-0003", "--out", str(tmp_path / str(run_number)))
        assert result.returncode == 0, result.stderr
        outputs.append({Path(p).relative_to(tmp_path / str(run_number)): Path(p).read_bytes() for p in result.stdout.splitlines()})
    assert len(outputs[0]) == len(planned_letters(load_case(CASES / "KHA-2026-0003.yaml"))) == 8
    assert outputs[0] == outputs[1]
    # different times of day, different process, different output folder: same bytes
    for path, data in outputs[0].items():
        archive = zipfile.ZipFile(io.BytesIO(data))
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}, path


def test_an_unwritable_output_folder_is_a_plain_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be")
    code, out, err = run(capsys, "generate", "acknowledgement", str(CASES / "KHA-2026-0003.yaml"), "--party", "V1", "--out", str(blocker))
    assert (code, out) == (3, "")
    assert f"cannot write in {blocker / 'KHA-2026-0003'} (Not a directory): choose another folder with --out" in err
    assert "internal error" not in err
