"""One exception tree for everything casedocs refuses to do.

The rule (after pypdf's): an *exception* when the requested output cannot be made
correctly; a *warning* (``warnings.warn`` with :class:`CasedocsWarning`, printed by the
CLI on stderr as ``warning: ...``) when the output is made but a person should act (an
unreviewed translation, an English fallback, a template past its review date); a *log*
record (``logging``, shown with ``--debug``) for what only a developer debugging needs.

Every exception a user can cause derives from :class:`CasedocsError`; the CLI prints
its message and exits with its ``exit_code``, never with a traceback (unless ``--debug``).

Exit statuses (``docs/cli.md``), so that a scheduler can tell "overdue" from "broken":

== ===================================================================================
0  done
1  the input is wrong (:class:`InputError`): ``file:line:col: message``
2  the command line is wrong (:class:`UsageError`)
3  an outside tool or the system failed (:class:`ToolError`), with what to do
4  the command ran and found something a person must act on (:data:`EXIT_ACT`):
   ``check`` found something overdue, ``verify`` a document that differs
5  an internal error, a bug in casedocs (:data:`EXIT_INTERNAL`): one line saying so and
   that ``--debug`` shows the details
== ===================================================================================
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateError


EXIT_ACT = 4
EXIT_INTERNAL = 5


class CasedocsWarning(UserWarning):
    """Output was produced, but a person should act on something."""


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in an input file: ``file:line:col: message``.

    ``line`` and ``col`` are 1-based; ``line`` 0 means the problem concerns the whole
    file (it cannot be read at all), printed as ``file:1:1``.
    """

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{max(self.line, 1)}:{max(self.col, 1)}: {self.message}"


class CasedocsError(Exception):
    """Base of every error casedocs reports to a user."""

    exit_code = 1

    def __str__(self) -> str:  # pragma: no cover - subclasses format themselves
        return super().__str__()


class InputError(CasedocsError):
    """The input (case file, template, evidence, recipients) is wrong: exit 1."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | str) -> None:
        if isinstance(problems, str):
            self.problems: list[Problem] = []
            text = problems
        else:
            self.problems = sorted(problems)
            text = "\n".join(str(p) for p in self.problems)
        super().__init__(text)

    @classmethod
    def at(cls, file: str | Path, line: int, col: int, message: str) -> InputError:
        return cls([Problem(str(file), line, col, message)])


class TemplateInputError(InputError, TemplateError):
    """A template is wrong (it does not compile, or uses what the context lacks): exit 1.

    Also a Jinja ``TemplateError``, so code written for docxtpl catches it; ``original``
    is Jinja's own error and ``docx_context`` the text of the paragraphs around it (as
    docxtpl gives)."""

    original: TemplateError | None = None
    docx_context: tuple[str, ...] = ()


class UsageError(CasedocsError):
    """The command line is wrong: exit 2."""

    exit_code = 2


class ToolError(CasedocsError):
    """An outside tool (LibreOffice) is missing, timed out or produced nothing: exit 3."""

    exit_code = 3


class OutputError(ToolError):
    """The system would not take the output (disk full, no permission, read-only): exit 3.

    Built from a message only, so that it crosses process boundaries (a merge's workers)
    intact; :meth:`from_os` words the usual causes with what to do.
    """

    @classmethod
    def from_os(cls, error: OSError, where: str | Path | None) -> OutputError:
        place = where or error.filename or "the output folder"
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return cls(f"no space left on {place}: free some space or choose another folder with --out")
        if error.errno in (errno.EACCES, errno.EPERM):
            return cls(f"no permission to write in {place}: choose another folder with --out (or ask for write access)")
        if error.errno == errno.EROFS:
            return cls(f"{place} is on a read-only file system: choose another folder with --out")
        return cls(f"cannot write in {place} ({error.strerror or error}): choose another folder with --out")


#: the errors of a file system that will not take output, as opposed to a bug of ours
OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS, errno.EFBIG, errno.EIO})
