"""A run killed with SIGKILL in the middle of LibreOffice or OCR work leaves no process and no readable file.

casedocs cannot clean up after a SIGKILL, so: the guard its helpers run under
(toolkit.pdf.guard) is told by the kernel (PR_SET_PDEATHSIG) and kills LibreOffice, or
OCRmyPDF with its Tesseract workers; its scratch folders are private (0700) and named after
its process id, so the next run removes them.
"""

from __future__ import annotations

import json
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


def staging_documents(scratch: Path) -> bool:
    """LibreOffice is at work: documents are staged in the scratch folder."""
    return bool(list(scratch.rglob("*.docx")))


def reading_a_scan(scratch: Path) -> bool:
    """OCR is at work: OCRmyPDF runs on a page of the test's (in its scratch folder or its cache)."""
    return any("ocrmypdf" in command_line(p) for p in processes_mentioning(str(scratch.parent)))


def command_line(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def kill_when_converting(
    command: list[str], tmp_path: Path, at_work: Callable[[Path], bool] = staging_documents, *, env: dict[str, str] | None = None,
) -> Path:
    """Run casedocs with a private TMPDIR, SIGKILL it once ``at_work`` (LibreOffice, by
    default) holds; the scratch root."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**(env or os.environ), "TMPDIR": str(scratch)}
    run = subprocess.Popen([sys.executable, "-m", "toolkit", *command], cwd=ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_for(lambda: any(p != run.pid for p in processes_mentioning(str(scratch))) or run.poll() is not None, 300)
        assert run.poll() is None, run.stderr.read().decode() if run.stderr else ""
        assert wait_for(lambda: at_work(scratch) or run.poll() is not None, 600)
        assert run.poll() is None, run.stderr.read().decode() if run.stderr else ""
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



def test_a_bundle_killed_during_ocr_leaves_no_ocr_running_and_nothing_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """OCRmyPDF (and every Tesseract it starts) runs under the guard LibreOffice runs under."""
    env = {k: v for k, v in os.environ.items() if k != "CASEDOCS_OCR_CACHE"}  # its own cache: OCR must run
    out = tmp_path / "out"
    root = kill_when_converting(["bundle", "KHA-2026-0003", "--out", str(out)], tmp_path, reading_a_scan, env=env)
    # nothing reading a scan, whether its files are in the scratch folder or the cache
    assert wait_for(lambda: processes_mentioning(str(tmp_path)) == [], 15), [command_line(p) for p in processes_mentioning(str(tmp_path))]
    the_next_run_cleans(root, monkeypatch)
    cache = out / "KHA-2026-0003" / "ocr"
    assert not list(cache.rglob("*.part"))
    for entry in cache.glob("*/ocr.json"):  # an entry finished before the kill is whole
        recorded = json.loads(entry.read_text(encoding="utf-8"))
        assert (entry.parent / recorded["pdf"]).is_file()


def guarded(program: list[str], marker: str, timeout: float) -> subprocess.Popen[bytes]:
    """A stand-in for casedocs: a Python process that runs ``program`` under the guard."""
    code = (
        "import sys; from toolkit.pdf import guard; "
        f"guard.run({program!r}, memory=2 * 1024 ** 3, timeout={timeout})"
    )
    return subprocess.Popen([sys.executable, "-c", code, marker], cwd=ROOT, stderr=subprocess.PIPE)


# a helper that starts a helper of its own, as OCRmyPDF starts Tesseract
SPAWNS = [
    sys.executable, "-c",
    "import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(301)', sys.argv[1]]); time.sleep(300)",
]


def test_the_guard_kills_a_helper_and_its_children_when_its_caller_is_killed(tmp_path: Path) -> None:
    marker = f"guard-test-{tmp_path.name}"
    caller = guarded([*SPAWNS, marker], marker, 600)
    try:
        assert wait_for(lambda: any("sleep(301)" in command_line(p) for p in processes_mentioning(marker)), 60)
        caller.send_signal(signal.SIGKILL)
        caller.wait()
    finally:
        if caller.poll() is None:
            caller.kill()
    assert wait_for(lambda: processes_mentioning(marker) == [], 15), [command_line(p) for p in processes_mentioning(marker)]


def test_a_helper_that_runs_too_long_is_stopped_with_its_children(tmp_path: Path) -> None:
    from toolkit.pdf import guard

    marker = f"guard-timeout-{tmp_path.name}"
    with pytest.raises(subprocess.TimeoutExpired):
        guard.run([*SPAWNS, marker], memory=2 * 1024 ** 3, timeout=2)
    assert wait_for(lambda: processes_mentioning(marker) == [], 15), [command_line(p) for p in processes_mentioning(marker)]


def test_ocr_runs_with_a_bounded_address_space() -> None:
    from toolkit.limits import OCR_MEMORY
    from toolkit.pdf import guard

    probe = "import resource; print(resource.getrlimit(resource.RLIMIT_AS)[0])"
    done = guard.run([sys.executable, "-c", probe], memory=OCR_MEMORY, timeout=60)
    assert int(done.stdout) == OCR_MEMORY
