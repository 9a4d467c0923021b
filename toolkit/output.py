"""Writing documents: whole or not at all, never over an issued document, owner-only.

An issued letter is a record: if a regenerated document has the same bytes, writing it
again is a no-op; if its bytes differ, it gets a new name (``-2``, ``-3``...) and the
issued file stays as it was. Files hold special category data, so they are readable by
their owner only (0600, folders 0700).
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterator

FILE_MODE = 0o600
DIR_MODE = 0o700
# os.link fails with these where a file system has no hard links (some network shares, FAT)
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV, errno.EMLINK}


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


def _candidates(target: Path) -> Iterator[Path]:
    """``name.docx``, ``name-2.docx``, ... made lazily (building all 10,000 cost ~30 ms a write)."""
    yield target
    for n in range(2, 10_000):
        yield target.with_name(f"{target.stem}-{n}{target.suffix}")


def write_issued(target: Path, data: bytes) -> tuple[Path, bool]:
    """Write ``data`` at ``target`` or the first free ``-N`` name; (path, whether written).

    Uses a hard link from a temporary file so that the final name appears atomically and
    only if nothing is there (no check-then-write race between two runs).
    """
    ensure_dir(target.parent)
    temp: Path | None = None

    def holds_data(candidate: Path) -> bool:
        return candidate.is_file() and candidate.read_bytes() == data

    try:
        for candidate in _candidates(target):
            if candidate.exists():
                if holds_data(candidate):
                    return candidate, False
                continue
            if temp is None:
                temp = _temp_beside(target, data)
            try:
                os.link(temp, candidate)
            except FileExistsError:  # another run got there first: perhaps with these very bytes
                if holds_data(candidate):
                    return candidate, False
                continue
            except OSError as error:
                if error.errno not in _NO_HARD_LINKS:
                    raise
                # no hard links here: claim the name exclusively, then rename the whole file onto it
                try:
                    os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
                except FileExistsError:
                    if holds_data(candidate):
                        return candidate, False
                    continue
                try:
                    os.replace(temp, candidate)
                except BaseException:
                    candidate.unlink(missing_ok=True)  # the empty claim, not an issued document
                    raise
                temp = None
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
