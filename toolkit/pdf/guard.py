"""Run a helper program (LibreOffice, OCRmyPDF) so that it cannot outlive casedocs, nor take the machine.

``python -m toolkit.pdf.guard PARENT_PID MEMORY COMMAND...`` runs COMMAND and waits for
it. A helper starts helpers of its own (LibreOffice's ``soffice`` starts ``oosplash``,
which starts ``soffice.bin``; OCRmyPDF starts worker processes that run Tesseract): a death
signal set on the first would not reach the last. So the guard is the one told when
casedocs dies (``PR_SET_PDEATHSIG``, Linux; set first thing, not in a ``preexec_fn``, which
is unsafe in casedocs' threaded converter pool). On that signal, or a SIGTERM from casedocs
stopping it (:func:`stop`), it kills the helper's whole process group and reaps every
process of it (it is their "subreaper", so none is left as a zombie where the system's
init does not reap), then exits. A SIGKILL of casedocs therefore leaves no helper running.
The guard also bounds the address space to MEMORY bytes
(:func:`toolkit.limits.limit_memory`), which every process of the helper inherits.

:func:`command` is the command line for a caller that manages the process itself (the
LibreOffice pool); :func:`run` runs a helper to the end, stopping it on a timeout.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys

from toolkit.limits import SOFFICE_MEMORY

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36


def command(program: list[str], *, memory: int = SOFFICE_MEMORY) -> list[str]:
    """The command that runs ``program`` under a guard for this process, its address space
    bounded to ``memory`` bytes."""
    return [sys.executable, "-m", "toolkit.pdf.guard", str(os.getpid()), str(memory), *program]


def stop(proc: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """Stop a guard started with :func:`command` (in a session of its own): told to end, it
    kills and reaps its helper, then exits; one that does not answer is killed with its group."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:  # pragma: no cover - a guard that does not answer
            pass
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            proc.kill()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover
        pass


def run(
    program: list[str], *, memory: int, timeout: float, env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``program`` under a guard to the end, its output captured.

    Raises :class:`subprocess.CalledProcessError` when it fails and
    :class:`subprocess.TimeoutExpired` when it takes longer than ``timeout`` seconds; on a
    timeout (or an interruption, Ctrl-C) the guard is stopped first, so that nothing of the
    helper is left running (``subprocess.run`` would kill the guard alone)."""
    proc = subprocess.Popen(
        command(program, memory=memory), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True, env=env,  # the terminal's Ctrl-C is casedocs' to handle, not the guard's
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except BaseException:
        stop(proc)
        raise
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, program, out, err)
    return subprocess.CompletedProcess(program, 0, out, err)


def _die_with(parent: int, memory: int) -> None:
    """Ask to be sent SIGTERM when ``parent`` dies, adopt orphans, and bound memory."""
    from toolkit.limits import limit_memory

    limit_memory(memory)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        libc.prctl(PR_SET_CHILD_SUBREAPER, 1)
    if os.getppid() != parent:  # the parent died before the death signal was set
        os._exit(1)


_child: list[subprocess.Popen[bytes]] = []


def _end(group: int | None) -> None:
    """Kill the helper's process group and reap every child (adopted ones too)."""
    if group is not None:
        try:
            os.killpg(group, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return
        except InterruptedError:  # pragma: no cover - a signal during the wait
            continue


def _on_signal(signum: int, frame: object) -> None:
    _end(_child[0].pid if _child else None)
    os._exit(128 + signum)


def main(argv: list[str]) -> int:
    parent, memory, cmd = int(argv[0]), int(argv[1]), argv[2:]
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, _on_signal)
    _die_with(parent, memory)
    _child.append(subprocess.Popen(cmd, start_new_session=True))  # its own group, to kill whole
    rc = _child[0].wait()
    _end(_child[0].pid)  # anything it left running
    return rc


__all__ = ["command", "run", "stop"]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
