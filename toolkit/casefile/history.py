"""Earlier versions of a case file, from git, to verify a document made from one of them.

Case files are edited for the whole life of a case, and kept in git. A document
records the SHA-256 of the case file it was made from; when the file has changed since,
:func:`find_version` walks the file's own history (``git log`` and ``git show``, on the
local repository only: no network) for the version with that hash.
"""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import dataclass
from pathlib import Path

_TIMEOUT = 60


@dataclass(frozen=True)
class Version:
    """A committed version of a case file."""

    commit: str
    day: str  # the commit's date, YYYY-MM-DD
    data: bytes

    @property
    def label(self) -> str:
        return f"commit {self.commit[:10]} of {self.day}"


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):  # no git, or a repository too slow to ask
        return None


def find_version(path: Path, sha256: str) -> Version | None:
    """The latest committed version of ``path`` whose bytes hash to ``sha256``, if any."""
    folder = path.resolve().parent
    log = _git(folder, "log", "--format=%H %cs", "--", path.name)
    if log is None or log.returncode != 0:
        return None  # not in a git repository
    for line in log.stdout.decode("utf-8", "replace").splitlines():
        commit, _, day = line.partition(" ")
        shown = _git(folder, "show", f"{commit}:./{path.name}")
        if shown is not None and shown.returncode == 0 and hashlib.sha256(shown.stdout).hexdigest() == sha256:
            return Version(commit, day, shown.stdout)
    return None
