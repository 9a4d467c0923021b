"""Writing issued documents: whole or not at all, never overwritten, owner-only."""

from __future__ import annotations

import errno
import json
import os
import stat
import threading
from pathlib import Path

import pytest

from toolkit import output
from toolkit.output import append_jsonl, replace_atomically, write_issued
from toolkit.errors import OutputError


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_new_document_is_written_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "out" / "KHA-2026-0001" / "letter.docx"
    path, written = write_issued(target, b"first")
    assert (path, written) == (target, True)
    assert target.read_bytes() == b"first"
    assert _mode(target) == 0o600
    assert _mode(target.parent) == 0o700
    assert _names(target.parent) == ["letter.docx"]  # no temporary file left behind


def test_the_same_bytes_again_are_a_no_op(tmp_path: Path) -> None:
    target = tmp_path / "letter.docx"
    write_issued(target, b"first")
    before = target.stat()
    assert write_issued(target, b"first") == (target, False)
    after = target.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert _names(tmp_path) == ["letter.docx"]


def test_different_bytes_get_a_new_name_and_the_issued_file_stays(tmp_path: Path) -> None:
    target = tmp_path / "letter.docx"
    write_issued(target, b"first")
    assert write_issued(target, b"second") == (tmp_path / "letter-2.docx", True)
    assert write_issued(target, b"third") == (tmp_path / "letter-3.docx", True)
    # each earlier version is recognised under its own name
    assert write_issued(target, b"second") == (tmp_path / "letter-2.docx", False)
    assert write_issued(target, b"first") == (target, False)
    assert [(tmp_path / n).read_bytes() for n in ("letter.docx", "letter-2.docx", "letter-3.docx")] == [b"first", b"second", b"third"]
    assert _names(tmp_path) == ["letter-2.docx", "letter-3.docx", "letter.docx"]
    assert all(_mode(tmp_path / n) == 0o600 for n in _names(tmp_path))


def test_a_read_only_issued_file_is_not_touched(tmp_path: Path) -> None:
    target = tmp_path / "letter.docx"
    write_issued(target, b"first")
    target.chmod(0o400)
    assert write_issued(target, b"second")[0] == tmp_path / "letter-2.docx"
    assert target.read_bytes() == b"first" and _mode(target) == 0o400


def test_a_dangling_symlink_is_not_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.docx"
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "letter.docx").symlink_to(elsewhere)
    path, written = write_issued(folder / "letter.docx", b"data")
    assert (path.name, written) == ("letter-2.docx", True)
    assert not elsewhere.exists()


def test_a_write_that_fails_midway_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OutputError, match=f"no space left on {tmp_path}: free some space"):
        write_issued(tmp_path / "letter.docx", b"x" * 100_000)
    assert _names(tmp_path) == []


def test_a_failure_while_an_issued_file_exists_leaves_it_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "letter.docx"
    write_issued(target, b"first")

    class Interrupted(BaseException):
        pass

    real_write = os.write

    def half_then_interrupted(fd: int, data: bytes) -> int:
        real_write(fd, bytes(data[: len(data) // 2]))
        raise Interrupted  # e.g. Ctrl-C halfway through

    monkeypatch.setattr(os, "write", half_then_interrupted)
    with pytest.raises(Interrupted):
        write_issued(target, b"second" * 1000)
    assert _names(tmp_path) == ["letter.docx"]
    assert target.read_bytes() == b"first"


def test_a_failure_to_link_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_link(src: object, dst: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "link", broken_link)
    with pytest.raises(OutputError, match="Input/output error"):
        write_issued(tmp_path / "letter.docx", b"data")
    assert _names(tmp_path) == []


@pytest.mark.parametrize("code", [errno.EPERM, errno.ENOTSUP])
def test_without_hard_links_the_rules_still_hold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Some network shares refuse hard links: still atomic, never overwriting, 0600."""

    def no_hard_links(src: object, dst: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "link", no_hard_links)
    target = tmp_path / "letter.docx"
    assert write_issued(target, b"first") == (target, True)
    assert write_issued(target, b"first") == (target, False)
    assert write_issued(target, b"second") == (tmp_path / "letter-2.docx", True)
    assert target.read_bytes() == b"first" and (tmp_path / "letter-2.docx").read_bytes() == b"second"
    assert _names(tmp_path) == ["letter-2.docx", "letter.docx"]
    assert _mode(target) == 0o600


def test_two_writers_at_once_never_overwrite_each_other(tmp_path: Path) -> None:
    target = tmp_path / "letter.docx"
    results: list[tuple[Path, bool]] = []
    barrier = threading.Barrier(8)

    def writer(n: int) -> None:
        barrier.wait()
        results.append(write_issued(target, f"version {n % 2}".encode()))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert sorted(files.values()) == [b"version 0", b"version 1"]  # each content once, none lost
    assert sum(written for _, written in results) == 2
    assert not [n for n in files if n.endswith(".part")]


def test_replace_atomically_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "index.json"
    replace_atomically(target, b"one")
    replace_atomically(target, b"two")
    assert target.read_bytes() == b"two"
    assert _names(tmp_path) == ["index.json"]
    assert _mode(target) == 0o600


def test_append_jsonl_appends_whole_lines_owner_only(tmp_path: Path) -> None:
    log = tmp_path / "ref" / "audit.jsonl"
    append_jsonl(log, {"b": 2, "a": "Zoë & <x>"})
    append_jsonl(log, {"c": [1]})
    lines = log.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [{"a": "Zoë & <x>", "b": 2}, {"c": [1]}]
    assert lines[0] == '{"a": "Zoë & <x>", "b": 2}'
    assert _mode(log) == 0o600


def test_output_constants() -> None:
    assert (output.FILE_MODE, output.DIR_MODE) == (0o600, 0o700)
