"""The audit log as a list of records, and documents on disk that it does not know.

Every document casedocs issues is recorded in ``audit.jsonl`` beside it, in the same
step that makes it visible (:func:`toolkit.output.publish_recorded`). A run killed
between the two, or a disk that filled during a merge, can still leave a document with
no record; then a bundle would silently leave it out of "Previous correspondence" and
``verify`` could not find its case. :func:`recover_unrecorded` finds such documents: a
casedocs .docx records how it was made in its own custom properties, so its record is
rebuilt from them (marked ``recovered``); anything else is reported, not guessed at.
"""

from __future__ import annotations

import hashlib
import json
import warnings
import zipfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Iterator

from toolkit.errors import CasedocsWarning
from toolkit.output import append_jsonl

if TYPE_CHECKING:
    from toolkit.templates.registry import TemplateVersion

AUDIT_LOG = "audit.jsonl"
PROP = "casedocs."


def made_with(kind: str, template: TemplateVersion) -> dict[str, str]:
    """The start of what a case document or a merge letter records about its making: its kind and
    the exact template (``verify`` and :func:`recover_unrecorded` read these back), in this order."""
    return {
        "kind": kind,
        "template_kind": template.kind,
        "template_version": str(template.version),
        "template_language": template.language,
        "template_sha256": template.sha256,
    }


def read_records(log: Path) -> Iterator[dict[str, Any]]:
    """Every whole record of an audit log (a torn or foreign line is skipped)."""
    if not log.is_file():
        return
    with log.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                yield record


def unrecorded(folder: Path, since: float | None = None) -> list[Path]:
    """The .docx documents in ``folder`` that its audit log does not name (modified at or after ``since``)."""
    if not folder.is_dir():
        return []
    named = {record.get("file") for record in read_records(folder / AUDIT_LOG)}
    found = []
    for path in sorted(folder.glob("*.docx")):
        if path.name.startswith(".") or path.name in named:
            continue
        if since is None or path.stat().st_mtime >= since:
            found.append(path)
    return found


def _own_record(path: Path) -> dict[str, Any] | None:
    from toolkit.templates.engine import read_custom_properties

    try:
        data = path.read_bytes()
        properties = read_custom_properties(data)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return None
    record = {key.removeprefix(PROP): value for key, value in properties.items() if key.startswith(PROP)}
    if "template_sha256" not in record:
        return None
    return {
        **record,
        "file": path.name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "generated_at": datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="seconds"),
        "recovered": True,
        "notes": ["found on disk without a record (an interrupted run?): recorded from the document's own properties"],
    }


def recover_unrecorded(folder: Path) -> list[Path]:
    """Record the casedocs documents in ``folder`` that have no record; warn about the rest.

    Returns the documents recorded now.
    """
    recovered: list[Path] = []
    records = []
    for path in unrecorded(folder):
        record = _own_record(path)
        if record is None:
            warnings.warn(
                f"{path} has no record in {AUDIT_LOG} and does not say how it was made: "
                "it was left as it is, and is not counted as issued",
                CasedocsWarning, stacklevel=2,
            )
            continue
        records.append(record)
        recovered.append(path)
    if records:
        append_jsonl(folder / AUDIT_LOG, *records)
        names = ", ".join(p.name for p in recovered)
        warnings.warn(
            f"{len(recovered)} document{'s' if len(recovered) != 1 else ''} in {folder} had no record "
            f"(an interrupted run?) and {'were' if len(recovered) != 1 else 'was'} recorded now from {'their' if len(recovered) != 1 else 'its'} own properties: {names}",
            CasedocsWarning, stacklevel=2,
        )
    return recovered
