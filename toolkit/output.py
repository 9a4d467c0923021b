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


def _temp_beside(target: Path, data: bytes, *, sync: bool = True) -> Path:
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if sync:
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


def _holds(candidate: Path, data: bytes) -> bool:
    return candidate.is_file() and candidate.stat().st_size == len(data) and candidate.read_bytes() == data


def _already_there(target: Path, data: bytes) -> Path | None:
    """The issued copy of ``data`` among ``target``, ``target-2``... if there is one."""
    for candidate in _candidates(target):
        if not candidate.exists():
            return None
        if _holds(candidate, data):
            return candidate
    return None


def _publish(temp: Path, target: Path, data: bytes) -> tuple[Path, bool]:
    """Give a complete temporary file the first free name; the caller removes ``temp``.

    A hard link makes the name appear atomically and only if nothing is there (no
    check-then-write race between two runs); where a file system has no hard links, the
    name is claimed exclusively and the whole file renamed onto it.
    """
    for candidate in _candidates(target):
        if candidate.exists():
            if _holds(candidate, data):
                return candidate, False
            continue
        try:
            os.link(temp, candidate)
        except FileExistsError:  # another run got there first: perhaps with these very bytes
            if _holds(candidate, data):
                return candidate, False
            continue
        except OSError as error:
            if error.errno not in _NO_HARD_LINKS:
                raise
            try:
                os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
            except FileExistsError:
                if _holds(candidate, data):
                    return candidate, False
                continue
            try:
                os.replace(temp, candidate)  # the whole file onto the claimed (empty) name
            except BaseException:
                candidate.unlink(missing_ok=True)  # the empty claim, not an issued document
                raise
        return candidate, True
    raise OSError(f"too many versions of {target.name}")


def write_issued(target: Path, data: bytes) -> tuple[Path, bool]:
    """Write ``data`` at ``target`` or the first free ``-N`` name; (path, whether written)."""
    return write_issued_many([(target, data)])[0]


def write_issued_many(items: list[tuple[Path, bytes]]) -> list[tuple[Path, bool]]:
    """:func:`write_issued` for many documents with one disk sync for them all (a merge).

    Every name appears only once all the data is on disk, so a crash or a kill leaves
    each document whole or absent.
    """
    results: list[tuple[Path, bool] | None] = [None] * len(items)
    temps: dict[int, Path] = {}
    try:
        for i, (target, data) in enumerate(items):
            ensure_dir(target.parent)
            same = _already_there(target, data)
            if same is not None:
                results[i] = (same, False)
            else:
                temps[i] = _temp_beside(target, data, sync=len(items) == 1)
        if len(temps) > 1:
            _sync(items[0][0].parent, list(temps.values()))
        for i, temp in temps.items():
            results[i] = _publish(temp, *items[i])
    finally:
        for temp in temps.values():
            temp.unlink(missing_ok=True)
    return [r for r in results if r is not None]


def _sync(folder: Path, files: list[Path]) -> None:
    """Make written data durable: one ``syncfs`` for the folder's file system (Linux), else fsync each."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open(folder, os.O_RDONLY)
        try:
            if libc.syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    except (OSError, AttributeError):
        pass
    for file in files:
        fd = os.open(file, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_atomically(target: Path, data: bytes) -> Path:
    """For files that are meant to be replaced (an index, a print file): temp, then rename."""
    ensure_dir(target.parent)
    os.replace(_temp_beside(target, data), target)
    return target


def append_jsonl(target: Path, *records: dict[str, Any]) -> None:
    """One JSON line per event, all in a single O_APPEND write, so concurrent writers don't
    interleave and a kill leaves at most a torn last line (readers skip it)."""
    ensure_dir(target.parent)
    line = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records).encode("utf-8")
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)
