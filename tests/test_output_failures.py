"""Output failures: a full disk, a read-only folder, a torn audit log, a document without its record.

The disk is a real small tmpfs where the tests can mount one (as root, as in CI); where
they cannot, ``os.write`` under the folder is given a byte budget and fails with ENOSPC
once it is spent, as a full disk does (a short write first). Every casedocs write goes
through ``os.write`` (``toolkit.output.write_all``), so both ways test the same code.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterator

import pytest

from benchmarks.merge import write_recipients
from toolkit.cli.main import main
from toolkit.errors import CasedocsWarning, OutputError
from toolkit.output import append_jsonl
from toolkit.records import read_records

FIXTURE = Path(__file__).parent / "fixtures" / "KHA-2026-0900.yaml"
PAGE = 4096


@dataclass
class Disk:
    """A folder whose free space the test sets."""

    path: Path
    mounted: bool
    budget: list[int] = field(default_factory=lambda: [1 << 40])
    refusal: list[int] = field(default_factory=lambda: [errno.ENOSPC])

    def leave(self, free: int) -> None:
        """Fill the disk so that only ``free`` bytes (rounded up to whole pages on tmpfs) stay free."""
        if self.mounted:
            stats = os.statvfs(self.path)
            filler = stats.f_bavail * stats.f_frsize - -(-free // PAGE) * PAGE
            with (self.path / "filler").open("wb") as handle:
                handle.truncate(0)
                handle.write(b"\0" * filler)
        else:
            self.budget[0] = free

    def free_up(self) -> None:
        (self.path / "filler").unlink(missing_ok=True)
        self.budget[0] = 1 << 40

    def read_only(self) -> None:
        if self.mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True)
        else:  # (root may write in a folder without write permission)
            self.budget[0], self.refusal[0] = 0, errno.EROFS


@pytest.fixture
def disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Disk]:
    path = tmp_path / "disk"
    path.mkdir()
    try:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(path)], capture_output=True).returncode == 0
    except OSError:  # no mount command
        mounted = False
    found = Disk(path, mounted)
    if not mounted:
        real_write = os.write

        def write(fd: int, data: bytes) -> int:
            try:
                inside = os.readlink(f"/proc/self/fd/{fd}").startswith(str(path))
            except OSError:
                inside = False
            if not inside:
                return real_write(fd, data)
            if found.budget[0] <= 0:
                raise OSError(found.refusal[0], os.strerror(found.refusal[0]))
            written = real_write(fd, bytes(data[: found.budget[0]]))
            found.budget[0] -= written
            return written

        monkeypatch.setattr(os, "write", write)
    try:
        yield found
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(path)], check=True)


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name != "filler")


def generate(out: Path, kind: str = "acknowledgement", party: str = "V1") -> list[str]:
    return ["generate", kind, str(FIXTURE), "--party", party, "--date", "2026-03-05", "--out", str(out)]


def test_a_full_disk_is_exit_3_with_one_line_and_nothing_written(disk: Disk, capsys: pytest.CaptureFixture[str]) -> None:
    disk.leave(PAGE)
    out = disk.path / "out"
    assert main(generate(out)) == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    problems = [line for line in captured.err.splitlines() if not line.startswith("warning: ")]
    assert problems == [f"no space left on {out / 'KHA-2026-0900'}: free some space or choose another folder with --out"]
    assert files_in(disk.path) == []


def test_a_document_whose_record_cannot_be_written_is_withdrawn(disk: Disk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(generate(tmp_path / "probe")) == 0
    size = next((tmp_path / "probe").rglob("*.docx")).stat().st_size
    capsys.readouterr()
    disk.leave(size)  # room for the letter, none for its record
    out = disk.path / "out"
    assert main(generate(out)) == 3
    assert "no space left on" in capsys.readouterr().err
    assert [f for f in files_in(disk.path) if f.endswith(".docx")] == []
    disk.free_up()
    assert main(generate(out)) == 0  # once there is room, the letter and its record are made together
    (record,) = read_records(out / "KHA-2026-0900" / "audit.jsonl")
    assert (out / "KHA-2026-0900" / record["file"]).is_file()


def test_a_merge_that_fills_the_disk_stops_with_every_letter_recorded(disk: Disk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recipients = write_recipients(tmp_path / "r.csv", 40)
    command = ["merge", "policy-notice", str(recipients), "--date", "2026-11-25", "--jobs", "1", "--out"]
    assert main([*command, str(tmp_path / "probe")]) == 0
    pages = [-(-p.stat().st_size // PAGE) * PAGE for p in (tmp_path / "probe").rglob("*.docx")]
    capsys.readouterr()
    out = disk.path / "out"
    disk.leave(sum(pages) - 4 * min(pages))  # room for the first batch of 32 letters and their records, not all 40
    command.append(str(out))
    assert main(command) == 3
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines()[-1].startswith("no space left on ")
    folder = out / "merge" / "policy-notice-2026-11-25"
    printed = captured.out.splitlines()
    log_lines = (folder / "audit.jsonl").read_text(encoding="utf-8").splitlines() if (folder / "audit.jsonl").exists() else []
    records = [json.loads(line) for line in log_lines]  # every line whole
    letters = sorted(p.name for p in folder.glob("*.docx"))
    assert 0 < len(letters) < 40
    assert sorted(r["file"] for r in records) == letters == sorted(Path(p).name for p in printed)
    assert not list(folder.glob(".*.part"))
    disk.free_up()
    assert main(command) == 0
    captured = capsys.readouterr()
    assert f"40 policy-notice documents in {folder} ({40 - len(letters)} written, {len(letters)} already done)" in captured.err
    assert len(list(read_records(folder / "audit.jsonl"))) == 40 == len(list(folder.glob("*.docx")))


def test_a_read_only_folder_is_exit_3(disk: Disk, capsys: pytest.CaptureFixture[str]) -> None:
    (disk.path / "out").mkdir()
    disk.read_only()
    assert main(generate(disk.path / "out")) == 3
    err = "\n".join(line for line in capsys.readouterr().err.splitlines() if not line.startswith("warning: "))
    assert err.endswith("choose another folder with --out") and err.count("\n") == 0
    assert "is on a read-only file system" in err
    assert files_in(disk.path) == []


def test_a_torn_last_line_is_cut_before_the_next_record(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    log.write_bytes(b'{"file": "a.docx"}\n{"file": "b.do')
    with pytest.warns(CasedocsWarning, match="its last line was cut short"):
        append_jsonl(log, {"file": "c.docx"})
    assert log.read_bytes() == b'{"file": "a.docx"}\n{"file": "c.docx"}\n'
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        append_jsonl(log, {"file": "d.docx"})  # a whole file is not touched
    assert [r["file"] for r in read_records(log)] == ["a.docx", "c.docx", "d.docx"]


def test_an_append_that_fails_half_way_leaves_the_log_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "audit.jsonl"
    log.write_bytes(b'{"file": "a.docx"}\n')
    real_write = os.write
    calls = []

    def short_then_full(fd: int, data: bytes) -> int:
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, bytes(data[:10]))  # a short write: the disk is filling
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", short_then_full)
    with pytest.raises(OutputError, match=f"no space left on {tmp_path}: free some space"):
        append_jsonl(log, {"file": "b.docx"}, {"file": "c.docx"})
    monkeypatch.undo()
    assert len(calls) == 2 and log.read_bytes() == b'{"file": "a.docx"}\n'


def test_letters_record_a_document_found_on_disk_without_a_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(generate(out)) == 0
    folder = out / "KHA-2026-0900"
    (made,) = folder.glob("*.docx")
    (folder / "audit.jsonl").unlink()  # killed between the document and its record
    assert main(["letters", str(FIXTURE), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"1 document in {folder} had no record (an interrupted run?) and was recorded now" in err
    recovered = [r for r in read_records(folder / "audit.jsonl") if r.get("recovered")]
    assert [(r["file"], r["kind"], r["party"], r["case_reference"]) for r in recovered] == [(made.name, "acknowledgement", "V1", "KHA-2026-0900")]


def test_merge_counts_letters_found_on_disk_without_a_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recipients = write_recipients(tmp_path / "r.csv", 3)
    command = ["merge", "policy-notice", str(recipients), "--date", "2026-11-25", "--out", str(tmp_path / "out"), "--jobs", "1"]
    assert main(command) == 0
    (tmp_path / "out" / "merge" / "policy-notice-2026-11-25" / "audit.jsonl").unlink()
    capsys.readouterr()
    assert main(command) == 0
    assert "(0 written, 0 already done, 3 found on disk and recorded now)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (errno.ENOSPC, "no space left on /srv/out: free some space or choose another folder with --out"),
        (errno.EDQUOT, "no space left on /srv/out: free some space or choose another folder with --out"),
        (errno.EACCES, "no permission to write in /srv/out: choose another folder with --out (or ask for write access)"),
        (errno.EROFS, "/srv/out is on a read-only file system: choose another folder with --out"),
        (errno.EIO, "cannot write in /srv/out (Input/output error): choose another folder with --out"),
    ],
)
def test_each_output_failure_says_what_to_do(code: int, message: str) -> None:
    assert str(OutputError.from_os(OSError(code, os.strerror(code)), "/srv/out")) == message
    assert OutputError(message).exit_code == 3


def test_temporary_files_of_a_killed_write_are_removed_by_the_next_run(tmp_path: Path) -> None:
    folder = tmp_path / "out" / "KHA-2026-0900"
    folder.mkdir(parents=True)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    stale = folder / f".KHA-2026-0900-acknowledgement-V1-2026-03-05.docx.{gone.stdout.strip()}.k3j_x9.part"
    running = folder / f".KHA-2026-0900-acknowledgement-V1-2026-03-05.docx.{os.getppid()}.a1b2c3.part"  # another run's, still going
    for path in (stale, running):
        path.write_bytes(b"half a letter")
    assert main(["generate", "acknowledgement", str(FIXTURE), "--party", "V1", "--date", "2026-03-05", "--out", str(tmp_path / "out")]) == 0
    assert not stale.exists() and running.exists()


@pytest.mark.libreoffice
def test_a_bundle_on_a_full_disk_is_exit_3_and_leaves_no_part_of_itself(disk: Disk, capsys: pytest.CaptureFixture[str]) -> None:
    cases = Path(__file__).parent.parent / "case_files"
    out = disk.path / "out"
    command = ["bundle", str(cases / "KHA-2026-0003.yaml"), "--out", str(out)]
    assert main(command) == 0  # with room: its documents and their PDFs are made
    bundle, index = (Path(line) for line in capsys.readouterr().out.splitlines())
    size = bundle.stat().st_size
    bundle.unlink()
    index.unlink()
    before = files_in(disk.path)
    disk.leave(size // 2)  # room for everything but the bundle itself
    assert main(command) == 3
    problems = [line for line in capsys.readouterr().err.splitlines() if not line.startswith(("warning: ", "note: "))]
    assert problems == [f"no space left on {out / 'KHA-2026-0003'}: free some space or choose another folder with --out"]
    assert files_in(disk.path) == before  # no bundle, no index, no temporary file
