"""toolkit.casefile.on_disk: the case file named by its reference, and evidence files inside its own folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from helpers import rule_problems as problems, rules_data as data
from toolkit.casefile.on_disk import evidence_path_problem


# -- reference and file name --------------------------------------------------------------
def test_the_reference_must_match_the_file_name(tmp_path: Path) -> None:
    assert problems(data(), tmp_path / "KHA-2026-0950.yaml") == []
    assert problems(data(), tmp_path / "KHA-2026-0950.yml") == []
    assert problems(data(), tmp_path / "KHA-2026-0951.yaml") == [
        (
            ("reference",),
            "the reference 'KHA-2026-0950' does not match the file name 'KHA-2026-0951.yaml': "
            "rename the file to KHA-2026-0950.yaml or correct the reference",
        )
    ]


@pytest.mark.parametrize("reference", ["KHA-26-1", "kha-2026-0950", None, ["KHA-2026-0950"]])
def test_a_malformed_reference_is_the_models_to_report(tmp_path: Path, reference: Any) -> None:
    value = data(reference=reference, evidence=[{"id": "E1", "file": "/etc/passwd"}])
    assert problems(value, tmp_path / "KHA-2026-0950.yaml") == []


# -- evidence paths ---------------------------------------------------------------------
@pytest.fixture
def evidence_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "case_files" / "evidence" / "KHA-2026-0950"
    (folder / "photos").mkdir(parents=True)
    (folder / "door.jpg").write_bytes(b"\xff\xd8")
    (folder / "photos" / "landing.PNG").write_bytes(b"\x89PNG")
    (folder / "notes.odt").write_bytes(b"PK")
    (tmp_path / "case_files" / "outside.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "case_files" / "evidence" / "KHA-2026-0001").mkdir()
    (tmp_path / "case_files" / "evidence" / "KHA-2026-0001" / "other.jpg").write_bytes(b"\xff\xd8")
    return folder


@pytest.mark.parametrize(
    "file", ["evidence/KHA-2026-0950/door.jpg", "evidence/KHA-2026-0950/photos/landing.PNG", "evidence\\KHA-2026-0950\\door.jpg", "./evidence/KHA-2026-0950/door.jpg"]
)
def test_files_inside_the_evidence_folder_are_accepted(evidence_dir: Path, file: str) -> None:
    assert evidence_path_problem(file, evidence_dir) is None


@pytest.mark.parametrize(
    "file, words",
    [
        ("../outside.jpg", "goes up a folder with '..': evidence must stay inside evidence/KHA-2026-0950/"),
        ("evidence/KHA-2026-0950/../KHA-2026-0950/door.jpg", "goes up a folder with '..'"),
        ("evidence\\KHA-2026-0950\\..\\..\\outside.jpg", "goes up a folder with '..'"),
        ("/etc/passwd", "is an absolute path: give the path from the case file's folder, e.g. evidence/KHA-2026-0950/photo.jpg"),
        ("C:\\Users\\priya\\door.jpg", "is an absolute path"),
        ("C:door.jpg", "is an absolute path"),
        ("\\\\server\\share\\door.jpg", "is an absolute path"),
        ("outside.jpg", "is not inside this case's evidence folder: put it under evidence/KHA-2026-0950/"),
        ("evidence/KHA-2026-0001/other.jpg", "is not inside this case's evidence folder"),
        ("evidence/KHA-2026-0950/missing.jpg", "does not exist: check the spelling, or put the file in evidence/KHA-2026-0950/"),
        ("evidence/KHA-2026-0950/photos", "is a folder: name the evidence file inside it"),
        ("evidence/KHA-2026-0950", "is a folder"),
        ("evidence/KHA-2026-0950/notes.odt", "is not a kind of file the toolkit can put in a bundle"),
        ("evidence/KHA-2026-0950/\x00.jpg", "contains a NUL character"),
        ("evidence/KHA-2026-0950/" + "x" * 5000 + ".jpg", "does not exist"),
    ],
)
def test_files_that_are_refused(evidence_dir: Path, file: str, words: str) -> None:
    problem = evidence_path_problem(file, evidence_dir)
    assert problem is not None and words in problem


def test_a_symlink_out_of_the_evidence_folder_is_refused(evidence_dir: Path) -> None:
    os.symlink("../../outside.jpg", evidence_dir / "link.jpg")
    os.symlink(evidence_dir.parent / "KHA-2026-0001", evidence_dir / "other-case")
    assert evidence_path_problem("evidence/KHA-2026-0950/link.jpg", evidence_dir) == (
        "'evidence/KHA-2026-0950/link.jpg' is a symbolic link that leads outside evidence/KHA-2026-0950/: copy the file into the folder instead"
    )
    assert "symbolic link that leads outside" in (evidence_path_problem("evidence/KHA-2026-0950/other-case/other.jpg", evidence_dir) or "")


def test_a_symlink_that_stays_inside_is_accepted(evidence_dir: Path) -> None:
    os.symlink("photos/landing.PNG", evidence_dir / "same.png")
    assert evidence_path_problem("evidence/KHA-2026-0950/same.png", evidence_dir) is None


def test_a_symlink_loop_is_refused(evidence_dir: Path) -> None:
    os.symlink("loop-b.jpg", evidence_dir / "loop-a.jpg")
    os.symlink("loop-a.jpg", evidence_dir / "loop-b.jpg")
    problem = evidence_path_problem("evidence/KHA-2026-0950/loop-a.jpg", evidence_dir)
    assert problem is not None


def test_a_symlinked_evidence_folder_is_the_case_evidence_folder(tmp_path: Path) -> None:
    """An office may keep evidence on another disk and link the case's folder to it."""
    store = tmp_path / "store" / "KHA-2026-0950"
    store.mkdir(parents=True)
    (store / "door.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "case_files" / "evidence").mkdir(parents=True)
    os.symlink(store, tmp_path / "case_files" / "evidence" / "KHA-2026-0950")
    assert evidence_path_problem("evidence/KHA-2026-0950/door.jpg", tmp_path / "case_files" / "evidence" / "KHA-2026-0950") is None


def test_evidence_rules_run_only_with_a_source(tmp_path: Path) -> None:
    value = data(evidence=[{"id": "E1", "file": "/etc/passwd"}])
    assert problems(value) == []
    assert problems(value, tmp_path / "KHA-2026-0950.yaml") == [
        (("evidence", 0, "file"), "'/etc/passwd' is an absolute path: give the path from the case file's folder, e.g. evidence/KHA-2026-0950/photo.jpg")
    ]
