"""Run LibreOffice so that it cannot outlive casedocs, nor take the machine.

``python -m toolkit.pdf.guard PARENT_PID COMMAND...`` runs COMMAND (soffice) and waits
for it. LibreOffice's ``soffice`` starts ``oosplash``, which starts ``soffice.bin``: a
death signal set on the first would not reach the last. So the guard is the one told
when casedocs dies (``PR_SET_PDEATHSIG``, Linux; set first thing, not in a
``preexec_fn``, which is unsafe in casedocs' threaded converter pool). On that signal,
or a SIGTERM from casedocs stopping a worker, it kills LibreOffice's whole process
group and reaps every process of it (it is their "subreaper", so none is left as a
zombie where the system's init does not reap), then exits. A SIGKILL of casedocs
therefore leaves no converter running. The guard also bounds the address space
(:func:`toolkit.limits.limit_memory`), which every LibreOffice process inherits.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36


def command(soffice_command: list[str]) -> list[str]:
    """The command that runs ``soffice_command`` under a guard for this process."""
    return [sys.executable, "-m", "toolkit.pdf.guard", str(os.getpid()), *soffice_command]


def _die_with(parent: int) -> None:
    """Ask to be sent SIGTERM when ``parent`` dies, adopt orphans, and bound memory."""
    from toolkit.limits import limit_memory

    limit_memory()
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        libc.prctl(PR_SET_CHILD_SUBREAPER, 1)
    if os.getppid() != parent:  # the parent died before the death signal was set
        os._exit(1)


_child: list[subprocess.Popen[bytes]] = []


def _end(group: int | None) -> None:
    """Kill LibreOffice's process group and reap every child (adopted ones too)."""
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
    parent, cmd = int(argv[0]), argv[1:]
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, _on_signal)
    _die_with(parent)
    _child.append(subprocess.Popen(cmd, start_new_session=True))  # its own group, to kill whole
    rc = _child[0].wait()
    _end(_child[0].pid)  # anything it left running
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
