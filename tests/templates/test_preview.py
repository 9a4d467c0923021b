"""``templates preview``: a draft template filled in and linted before it is approved."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import CASES, docx_bytes, real_template

import toolkit
from toolkit.cli.main import main
from toolkit.documents.compare import docx_text


def test_render_file_is_public() -> None:
    assert "render_file" in toolkit.__all__
    from toolkit.templates.standalone import render_file

    assert toolkit.render_file is render_file


def test_preview_with_sample_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "notice-draft.docx"
    draft.write_bytes(docx_bytes("Dear {{ name }},", "{% for d in dates %}{{ d|date }}; {% endfor %}"))
    sample = tmp_path / "sample.yaml"
    sample.write_text("name: \"Zoë O'Brien & <Sons>\"\ndates: [2026-11-25, 2026-12-01]\n", encoding="utf-8")
    assert main(["templates", "preview", str(draft), "--data", str(sample), "--out", str(tmp_path / "out")]) == 0
    out, err = capsys.readouterr()
    made = tmp_path / "out" / "preview" / "notice-draft-preview.docx"
    assert (out, err) == (f"{made}\n", "")
    assert "Dear Zoë O'Brien & <Sons>,\n25 November 2026; 1 December 2026;" in docx_text(made.read_bytes())


def test_preview_with_a_real_case_as_the_toolkit_fills_the_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "acknowledgement-draft.docx"
    draft.write_bytes(real_template("acknowledgement"))
    code = main(["templates", "preview", str(draft), "--case", str(CASES / "KHA-2026-0003.yaml"), "--kind", "acknowledgement",
                 "--party", "V1", "--date", "2026-09-07", "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == 0, err
    text = docx_text(Path(out.strip()).read_bytes())
    assert "Dear Mr Hargreaves," in text and "Date: 7 September 2026" in text


def test_a_draft_failing_the_lint_makes_no_preview(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes("Dear {{ party.nmae }},"))
    code = main(["templates", "preview", str(draft), "--case", str(CASES / "KHA-2026-0003.yaml"), "--kind", "acknowledgement",
                 "--party", "V1", "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert "'party.nmae': Party has no 'nmae': did you mean 'name'?" in err
    assert "1 template problem found; no preview was made" in err
    assert not (tmp_path / "out").exists()


def test_sample_data_must_fill_every_tag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes("Dear {{ name }}, {{ other }}"))
    sample = tmp_path / "sample.yaml"
    sample.write_text("name: Ann\n", encoding="utf-8")
    assert main(["templates", "preview", str(draft), "--data", str(sample), "--out", str(tmp_path / "out")]) == 1
    assert "draft.docx uses 'other', which the toolkit does not provide" in capsys.readouterr().err
    sample.write_text("- a list\n", encoding="utf-8")
    assert main(["templates", "preview", str(draft), "--data", str(sample), "--out", str(tmp_path / "out")]) == 1
    assert "sample.yaml:1:1: sample data must be a mapping" in capsys.readouterr().err


def test_preview_needs_data_or_a_case_and_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "preview", str(tmp_path / "x.docx")]) == 2
    assert "preview needs --data SAMPLE.yaml, or --case CASE and --kind KIND" in capsys.readouterr().err
