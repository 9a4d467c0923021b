"""A run killed with SIGKILL in the middle of LibreOffice work leaves no process and no readable file.

casedocs cannot clean up after a SIGKILL, so: its LibreOffice guard is told by the
kernel (PR_SET_PDEATHSIG) and kills LibreOffice; its scratch folders are private
(0700) and named after its process id, so the next run removes them.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from collections.abc import Callable

import pytest

from benchmarks.merge import write_recipients
from toolkit.scratch import scratch_dir

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.libreoffice


def processes_mentioning(text: str) -> list[int]:
    """Processes whose command line holds ``text`` (our TMPDIR is in LibreOffice's profile path)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if text in cmdline and state != "Z":
            found.append(int(entry.name))
    return found


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    """Poll ``condition`` every 50 ms until it holds (True) or ``timeout`` seconds pass (False)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def kill_when_converting(command: list[str], tmp_path: Path) -> Path:
    """Run casedocs with a private TMPDIR, SIGKILL it once LibreOffice is at work; the scratch root."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    run = subprocess.Popen([sys.executable, "-m", "toolkit", *command], cwd=ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_for(lambda: any(p != run.pid for p in processes_mentioning(str(scratch))) or run.poll() is not None, 300)
        assert run.poll() is None, run.stderr.read().decode() if run.stderr else ""
        assert wait_for(lambda: bool(list(scratch.rglob("*.docx"))), 60)  # documents are staged there
        run.send_signal(signal.SIGKILL)
        run.wait()
    finally:
        if run.poll() is None:
            run.kill()
    assert wait_for(lambda: processes_mentioning(str(scratch)) == [], 15), processes_mentioning(str(scratch))
    root = scratch / f"casedocs-{os.getuid()}"
    assert stat.S_IMODE(root.stat().st_mode) == 0o700  # what was left is readable by its owner only
    return root


def the_next_run_cleans(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert list(root.iterdir()), "the killed run left its scratch folder (it could not remove it)"
    monkeypatch.setenv("TMPDIR", str(root.parent))
    monkeypatch.setattr("tempfile.tempdir", None)
    mine = scratch_dir("lo")  # what every LibreOffice or bundle run does first
    assert list(root.iterdir()) == [mine]


def test_a_killed_pdf_merge_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recipients = write_recipients(tmp_path / "r.csv", 12)
    out = tmp_path / "out"
    root = kill_when_converting(["merge", "policy-notice", str(recipients), "--pdf", "--jobs", "1", "--out", str(out)], tmp_path)
    the_next_run_cleans(root, monkeypatch)


def test_a_killed_bundle_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = kill_when_converting(["bundle", "KHA-2026-0003", "--out", str(tmp_path / "out")], tmp_path)
    the_next_run_cleans(root, monkeypatch)

