"""What a merge run made, and what a person should know or do about it (for stderr).

The run counts rather than warns letter by letter: a list of 3,000 in Polish would otherwise
print 3,000 fallback warnings; :meth:`MergeResult.notes` says each thing once, with its count.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.merge.recipients import RowProblem
from toolkit.templates.registry import is_easy_read


@dataclass
class MergeResult:
    """The files a run made or found done, its bad rows, and the counts behind its notes."""

    folder: Path
    documents: list[Path] = field(default_factory=list)  # in file order (kept only when asked)
    count: int = 0
    written: int = 0
    already_done: int = 0
    found_unrecorded: int = 0  # on disk from an interrupted run, recorded now
    bad: list[RowProblem] = field(default_factory=list)
    fell_back: Counter = field(default_factory=Counter)  # requested language -> letters in English
    unreviewed: Counter = field(default_factory=Counter)  # template language -> letters
    easy_read: int = 0  # asked for easy read, had the standard letter
    no_braille: Counter = field(default_factory=Counter)  # template language without a braille table -> letters
    pdfs: list[Path] = field(default_factory=list)
    print_pdfs: list[Path] = field(default_factory=list)  # one, or volumes of PRINT_VOLUME letters

    def notes(self) -> list[str]:
        """What a person should know or do, for stderr."""
        notes = []
        if self.fell_back:
            langs = ", ".join(f"{lang}: {n}" for lang, n in sorted(self.fell_back.items()))
            total = sum(self.fell_back.values())
            notes.append(
                f"{total} letter{'s' if total != 1 else ''} fell back to English because there is no version in the "
                f"recipient's language ({langs}); arrange translations or interpreters for them"
            )
        for lang, n in sorted(self.unreviewed.items()):
            what = "Easy Read version, not yet checked with readers" if is_easy_read(lang) else f"{lang} translation"
            notes.append(f"{n} letter{'s' if n != 1 else ''} used the unreviewed {what}: have it checked before sending")
        for lang, n in sorted(self.no_braille.items()):
            notes.append(f"{n} recipient{'s' if n != 1 else ''} read braille, but liblouis has no braille table for '{lang}': only print was made; arrange a transcription")
        if self.easy_read:
            notes.append(
                f"{self.easy_read} recipient{'s' if self.easy_read != 1 else ''} asked for easy read: there is no easy read "
                "version, so the standard one was made; arrange an easy read explanation"
            )
        return notes
