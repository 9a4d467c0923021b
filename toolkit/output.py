"""Writing documents: whole or not at all, never over an issued document, owner-only.

An issued letter is a record: if a regenerated document has the same bytes, writing it
again is a no-op; if its bytes differ, it gets a new name (``-2``, ``-3``...) and the
issued file stays as it was. Files hold special category data, so they are readable by
their owner only (0600, folders 0700).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    return path


def _temp_beside(target: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def _candidates(target: Path) -> list[Path]:
    return [target] + [target.with_name(f"{target.stem}-{n}{target.suffix}") for n in range(2, 10_000)]


def write_issued(target: Path, data: bytes) -> tuple[Path, bool]:
    """Write ``data`` at ``target`` or the first free ``-N`` name; (path, whether written).

    Uses a hard link from a temporary file so that the final name appears atomically and
    only if nothing is there (no check-then-write race between two runs).
    """
    ensure_dir(target.parent)
    temp: Path | None = None
    try:
        for candidate in _candidates(target):
            if candidate.exists():
                if candidate.read_bytes() == data:
                    return candidate, False
                continue
            if temp is None:
                temp = _temp_beside(target, data)
            try:
                os.link(temp, candidate)
            except FileExistsError:
                continue
            return candidate, True
        raise OSError(f"too many versions of {target.name}")
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)


def replace_atomically(target: Path, data: bytes) -> Path:
    """For files that are meant to be replaced (an index, a print file): temp, then rename."""
    ensure_dir(target.parent)
    os.replace(_temp_beside(target, data), target)
    return target


def append_jsonl(target: Path, record: dict[str, Any]) -> None:
    """One JSON line per event; a single O_APPEND write, so concurrent writers don't interleave."""
    ensure_dir(target.parent)
    line = (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)
