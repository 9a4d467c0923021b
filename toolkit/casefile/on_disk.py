"""The rules that look at the disk: evidence files inside the case's own evidence folder,
and the case file named by its reference.

They run only when the case was read from a file (``source``): a case built in memory has
no folder to look in. A malformed reference is the model's to report, so these rules wait
for a good one rather than guess the folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from toolkit.casefile.plain import PathProblem, items
from toolkit.casefile.values import EVIDENCE_SUFFIXES, REFERENCE_PATTERN


def evidence_path_problem(file: str, evidence_dir: Path) -> str | None:
    """Why ``file`` (relative to the case file's folder) is not an acceptable evidence file."""
    folder = f"evidence/{evidence_dir.name}/"
    if not file.strip():
        return None  # an empty value is the model's to report
    if "\x00" in file:
        return f"'{file}' contains a NUL character: give the path from the case file's folder, e.g. {folder}photo.jpg"
    if PurePosixPath(file).is_absolute() or PureWindowsPath(file).is_absolute() or PureWindowsPath(file).drive:
        return f"'{file}' is an absolute path: give the path from the case file's folder, e.g. {folder}photo.jpg"
    parts = PurePosixPath(file.replace("\\", "/")).parts
    if ".." in parts:
        return f"'{file}' goes up a folder with '..': evidence must stay inside {folder}"
    base = evidence_dir.parent.parent
    target = base.joinpath(*parts)
    try:
        inside = evidence_dir.resolve()
        resolved = target.resolve()
    except (OSError, RuntimeError, ValueError):
        return f"'{file}' cannot be followed (a symbolic link loop?)"
    if resolved != inside and inside not in resolved.parents:
        lexical = Path(os.path.normpath(target))
        if lexical == evidence_dir or evidence_dir in lexical.parents:
            return f"'{file}' is a symbolic link that leads outside {folder}: copy the file into the folder instead"
        return f"'{file}' is not inside this case's evidence folder: put it under {folder}"
    try:
        is_file, is_dir = resolved.is_file(), resolved.is_dir()
    except (OSError, ValueError):
        is_file = is_dir = False
    if is_dir:
        return f"'{file}' is a folder: name the evidence file inside it, e.g. {folder}photo.jpg"
    if not is_file:
        return f"the evidence file '{file}' does not exist: check the spelling, or put the file in {folder}"
    if resolved.suffix.lower() not in EVIDENCE_SUFFIXES:
        return f"'{file}' is not a kind of file the toolkit can put in a bundle: use PDF, JPEG, PNG, TIFF, DOCX or plain text"
    if not os.access(resolved, os.R_OK):
        return f"the evidence file '{file}' cannot be read (check its permissions)"
    return None


def _valid_reference(data: dict[str, Any]) -> str | None:
    reference = data.get("reference")
    if isinstance(reference, str) and re.match(REFERENCE_PATTERN, reference):
        return reference
    return None  # a malformed reference is the model's to report


def evidence_problems(data: dict[str, Any], source: Path | None) -> list[PathProblem]:
    """Each evidence item's ``file`` and ``respondent_file`` checked by :func:`evidence_path_problem`."""
    reference = _valid_reference(data)
    if source is None or reference is None:
        return []
    evidence_dir = source.parent / "evidence" / reference
    problems = []
    for index, item in items(data, "evidence"):
        for key in ("file", "respondent_file"):
            file = item.get(key)
            if isinstance(file, str):
                why = evidence_path_problem(file, evidence_dir)
                if why:
                    problems.append(PathProblem(("evidence", index, key), why))
    return problems


def reference_name_problems(data: dict[str, Any], source: Path | None) -> list[PathProblem]:
    """The case file is named by its reference (``KHA-2026-0950.yaml``), so it can be found by it."""
    reference = _valid_reference(data)
    if source is None or reference is None or reference == source.stem:
        return []
    return [
        PathProblem(
            ("reference",),
            f"the reference '{reference}' does not match the file name '{source.name}': rename the file to {reference}.yaml or correct the reference",
        )
    ]
