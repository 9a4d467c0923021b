"""Scratch folders for work in progress: private, one per run, and cleaned after a kill.

LibreOffice's profiles and staged PDFs, and a bundle's converted evidence, hold whole
letters, a victim's diary, a witness statement naming an anonymous witness. They live
under one folder per user, ``$TMPDIR/casedocs-<uid>/`` (0700, checked to be this user's
own and not a link), each run's folder named with its process id
(``lo-<pid>-...``, ``bundle-<pid>-...``). A run removes its own folders when it ends;
one killed (SIGKILL, a power cut) cannot, so every run first removes the folders of
runs whose process is gone.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Iterator

from toolkit.errors import ToolError

_RUN = re.compile(r"^[a-z]+-(\d+)-")


def scratch_root() -> Path:
    """This user's private scratch folder, made (0700) if missing and checked if not."""
    root = Path(tempfile.gettempdir()) / f"casedocs-{os.getuid()}"
    try:
        root.mkdir(mode=0o700)
    except FileExistsError:
        pass
    info = os.lstat(root)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise ToolError(f"{root} is not a folder of this user (a link, or someone else's): remove it and run again")
    if info.st_mode & 0o077:
        os.chmod(root, 0o700)
    return root


def process_alive(pid: int) -> bool:
    """Whether a process with this id is running (of any user)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(root: Path) -> list[Path]:
    """Remove the folders of runs that are no longer running; the folders removed."""
    removed = []
    for entry in root.iterdir():
        found = _RUN.match(entry.name)
        if found and int(found.group(1)) != os.getpid() and not process_alive(int(found.group(1))):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def scratch_dir(kind: str) -> Path:
    """A new private folder for this run's ``kind`` of work (the caller removes it)."""
    root = scratch_root()
    clean_stale(root)
    return Path(tempfile.mkdtemp(prefix=f"{kind}-{os.getpid()}-", dir=root))


@contextmanager
def scratch(kind: str) -> Iterator[Path]:
    """:func:`scratch_dir`, removed when the block ends."""
    folder = scratch_dir(kind)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
