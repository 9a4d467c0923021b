"""Writing documents: whole or not at all, never over an issued document, owner-only.

An issued letter is a record: if a regenerated document has the same bytes, writing it
again is a no-op; if its bytes differ, it gets a new name (``-2``, ``-3``...) and the
issued file stays as it was. Files hold special category data, so they are readable by
their owner only (0600, folders 0700).

A full disk, a folder without write permission or a read-only file system is an
:class:`~toolkit.errors.OutputError` (exit 3) naming the folder, with nothing
half-written left: temporary files are removed, a document whose audit record cannot
be written is withdrawn (:func:`publish_recorded`), and an audit append that fails is
cut back to where it started.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import tempfile
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from collections.abc import Callable, Iterator

from toolkit.errors import CasedocsWarning, OutputError
from toolkit.scratch import process_alive

FILE_MODE = 0o600
DIR_MODE = 0o700
# os.link fails with these where a file system has no hard links (some network shares, FAT)
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV, errno.EMLINK}


@contextmanager
def output_errors(folder: Path) -> Iterator[None]:
    """An ``OSError`` while writing under ``folder`` becomes one plain :class:`OutputError`."""
    try:
        yield
    except OSError as error:
        raise OutputError.from_os(error, folder) from error


def ensure_dir(path: Path) -> Path:
    with output_errors(path):
        path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    _remove_stale_temps(path)
    return path


def temp_prefix(target: Path) -> str:
    """The name a temporary file beside ``target`` starts with: hidden, and naming this process."""
    return f".{target.name}.{os.getpid()}."


_STALE = re.compile(r"^\..+\.(\d+)\.[A-Za-z0-9_]+\.(?:part|tmp)$")
_swept: set[Path] = set()


def _remove_stale_temps(folder: Path) -> None:
    """Once per folder and run: remove temporary files of runs that were killed mid-write."""
    if folder in _swept:
        return
    _swept.add(folder)
    for entry in folder.glob(".*"):
        found = _STALE.match(entry.name)
        if found and int(found.group(1)) != os.getpid() and not process_alive(int(found.group(1))):
            entry.unlink(missing_ok=True)


def temp_beside(target: Path, data: bytes, *, sync: bool = True) -> Path:
    """``data`` in a hidden temporary file beside ``target``, written whole (and synced): rename it into place."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=temp_prefix(target), suffix=".part")
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            write_all(fd, data)
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def write_all(fd: int, data: bytes) -> None:
    """``os.write`` until every byte is written: a write may take only part (a disk filling up)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


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
    if not items:
        return []
    with output_errors(items[0][0].parent):
        return _write_issued_many(items)


def _write_issued_many(items: list[tuple[Path, bytes]]) -> list[tuple[Path, bool]]:
    results: list[tuple[Path, bool] | None] = [None] * len(items)
    temps: dict[int, Path] = {}
    try:
        for i, (target, data) in enumerate(items):
            ensure_dir(target.parent)
            same = _already_there(target, data)
            if same is not None:
                results[i] = (same, False)
            else:
                temps[i] = temp_beside(target, data, sync=len(items) == 1)
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
    with output_errors(target.parent):
        os.replace(temp_beside(target, data), target)
    return target


def append_jsonl(target: Path, *records: dict[str, Any]) -> None:
    """Append one JSON line per record, durably, or nothing at all.

    Under an exclusive lock (concurrent runs take turns): a torn last line left by an
    earlier failure (a full disk, a kill mid-write) is cut off first, so this record does
    not glue onto it; the lines are written in full (a short write is continued) and
    synced; if that fails, the file is cut back to where it was and the error raised.
    """
    ensure_dir(target.parent)
    data = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records).encode("utf-8")
    with output_errors(target.parent):
        fd = os.open(target, os.O_RDWR | os.O_APPEND | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            start = _cut_torn_tail(fd, target)
            try:
                write_all(fd, data)
                os.fsync(fd)
            except BaseException:
                os.ftruncate(fd, start)
                raise
        finally:
            os.close(fd)  # and the lock with it


def _cut_torn_tail(fd: int, target: Path) -> int:
    """Cut a last line that has no newline (it can never be read); the file's size after."""
    size = os.fstat(fd).st_size
    if size == 0 or os.pread(fd, 1, size - 1) == b"\n":
        return size
    end = size
    while end > 0:
        start = max(0, end - 65536)
        chunk = os.pread(fd, end - start, start)
        newline = chunk.rfind(b"\n")
        if newline >= 0:
            end = start + newline + 1
            break
        end = start
    os.ftruncate(fd, end)
    os.fsync(fd)
    warnings.warn(
        f"{target}: its last line was cut short by an earlier failure (a full disk or a killed run) and was removed ({size - end} bytes)",
        CasedocsWarning, stacklevel=3,
    )
    return end


def publish_recorded(
    items: list[tuple[Path, bytes]], log: Path, records_for: Callable[[list[tuple[Path, bool]]], list[dict[str, Any]]]
) -> list[tuple[Path, bool]]:
    """Write documents and their audit records as one step: both, or neither.

    The records are made from where each document landed; if they cannot be appended,
    the documents this call wrote are removed again (they were never issued: the
    command fails), so there is never an issued document without its record.
    """
    results = write_issued_many(items)
    withdraw_unless_recorded([path for path, written in results if written], log, records_for(results))
    return results


def withdraw_unless_recorded(written: list[Path], log: Path, records: list[dict[str, Any]]) -> None:
    """Append ``records`` to ``log``; if that fails, remove the ``written`` files and re-raise."""
    if not records:
        return
    try:
        append_jsonl(log, *records)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
