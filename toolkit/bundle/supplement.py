"""Supplements: documents added after a bundle was served, numbered on from its last page.

The previous bundle's pages are kept exactly as they were; the new exhibits and letters
(those whose files are not in the previous index) follow with their own index. An exhibit
keeps the mark it was served with; a new one whose mark the bundle already uses gets the
next free number, with a warning.

The respondent's copy is supplemented as the court's is: its supplement N is the court's
supplement N page for page. It is built against the court's supplement N (made first when
it is not there yet, as the main bundle builds the court's copy first), holds the same
documents (evidence withheld from the respondent replaced by pages saying so), and is
refused, and nothing is written, unless every index entry has the court's page numbers
(:func:`toolkit.bundle.respondent.page_differences`). Its disclosure report is written
beside it.
"""

from __future__ import annotations

import re
import sys
import warnings
from datetime import date
from pathlib import Path
from typing import Any

from toolkit.bundle.assemble import BundleCheckError, build_supplement, load_index
from toolkit.bundle.plan import bundle_stem, correspondence, exhibit_documents, free_name, keep_courts_pages, statement_date
from toolkit.bundle.respondent import disclosure_report
from toolkit.casefile.model import Case, Evidence
from toolkit.casefile.values import initials
from toolkit.errors import CasedocsWarning, InputError
from toolkit.output import write_issued


def _indexes(folder: Path, case: Case, for_respondent: bool) -> dict[tuple[int, int], Path]:
    """Every index of the bundle (one copy) in ``folder``: (supplement number, 0 for the bundle;
    the ``(n)`` of a name made again, 1 for none) -> its path."""
    base = bundle_stem(case, for_respondent=for_respondent)
    found = {}
    for path in folder.glob("*.json"):
        m = re.fullmatch(re.escape(base) + r"(?: - Supplement (\d+))?(?: \((\d+)\))?\.json", path.name)
        if m:
            found[(int(m.group(1) or 0), int(m.group(2) or 1))] = path
    return found


def latest_index(folder: Path, for_respondent: bool, case: Case) -> tuple[Path, int]:
    """The index of the bundle as last issued: the highest supplement, else the bundle."""
    found = _indexes(folder, case, for_respondent)
    if not found:
        base = bundle_stem(case, for_respondent=for_respondent)
        raise InputError(
            f"{folder / (base + '.json')}: there is no bundle to supplement for {case.reference}: "
            "make the bundle first (casedocs bundle without --supplement)"
        )
    number, variant = max(found)
    return found[(number, variant)], number


def _courts_supplement(case: Case, folder: Path, number: int, *, out: Path, on: date | None) -> dict[str, Any] | None:
    """The index of the court's supplement ``number``, made now when the court's copy has only
    the supplements before it; ``None`` when the court's copy has nothing to add either."""
    from toolkit.bundle.plan import make_bundle

    made = {key: path for key, path in _indexes(folder, case, False).items() if key[0] == number}
    if made:
        return load_index(made[max(made)])
    _path, courts = latest_index(folder, False, case)
    if courts != number - 1:
        raise InputError(
            f"{folder}: the respondent's copy is at supplement {number - 1} and the court's at supplement {courts}: "
            "a respondent's supplement is made after the court's bundle and supplements it follows"
        )
    written = make_bundle(case, out=out, on=on, supplement=True)
    return load_index(written[1]) if written else None


def _key(title: str, exhibit: str | None) -> str:
    """What identifies a document in both copies: its exhibit mark, else its title (a letter)."""
    return exhibit or _note_mark({"title": title}) or title


def make_supplement(case: Case, folder: Path, *, out: Path, on: date | None, for_respondent: bool) -> list[Path]:
    """The next supplement of one copy: [pdf, json], and for the respondent's its disclosure
    report; [] when nothing has been added."""
    previous, number = latest_index(folder, for_respondent, case)
    court = _courts_supplement(case, folder, number + 1, out=out, on=on) if for_respondent else None
    index = load_index(previous)
    if for_respondent and court is None:
        print(f"note: nothing has been added since {index['file']}: no supplement made", file=sys.stderr)
        return []
    entries = [e for s in index["sections"] for e in s["entries"]]
    sources = {e.get("source") for e in entries if e.get("source")}
    titles = {e.get("title") for e in entries}
    marks, used = _supplement_marks(case, entries)
    when = statement_date(case, on)
    exhibits, withheld = exhibit_documents(case, folder, when, for_respondent, marks, supplement=True)
    letters = correspondence(case, folder, when)
    new = []
    for doc in [*exhibits, *letters]:
        if doc.source is not None and Path(doc.source).name in sources:
            continue
        if doc.source is None and doc.title in titles:
            continue
        if doc.source is None and doc.title.split(" \u2014 ")[0].removeprefix("Exhibit ") in used:
            continue
        new.append(doc)
    if court is not None:  # the documents of the court's supplement, no more (what came in since waits for the next)
        wanted = {_key(e["title"], e.get("exhibit")) for e in court["sections"][-1]["entries"]}
        new = [doc for doc in new if _key(doc.title, doc.exhibit) in wanted]
    if not new:
        if court is not None:
            raise BundleCheckError(f"the respondent's copy has none of the documents of the court's {court['file']}")
        print(f"note: nothing has been added since {index['file']}: no supplement made", file=sys.stderr)
        return []
    new.sort(key=lambda d: (d.date is None, d.date or date.min))
    stem = bundle_stem(case, for_respondent=for_respondent, supplement=number + 1)
    result = build_supplement(previous, new, free_name(folder, stem))
    if court is None:
        return [result.pdf, result.index]
    keep_courts_pages(court, result)
    report = disclosure_report(case, when, court, result.data, withheld)
    written, _ = write_issued(folder / f"{result.pdf.stem} - Disclosure report.txt", report.encode("utf-8"))
    return [result.pdf, result.index, written]


def _bundle_names(item: Evidence, mark: str) -> set[str]:
    """The names a bundle index may record the item's pages under: its file's own, or its
    PDF (a .docx converted, an image given a text layer by OCR); in the respondent's copy,
    its redacted version or its withheld pages."""
    names = {f"{mark} withheld.pdf"}
    for file in (item.file, item.respondent_file):
        if file:
            names |= {Path(file).name, Path(file).stem + ".pdf"}
    return names


def _note_mark(entry: dict[str, Any]) -> str | None:
    m = re.match(r"^Exhibit (\S+) \u2014 ", entry.get("title", ""))
    return m.group(1) if m else None


def _supplement_marks(case: Case, entries: list[dict[str, Any]]) -> tuple[dict[str, str], set[str]]:
    """Exhibit marks for a supplement, and the marks the bundle already uses.

    Items already in the bundle keep the mark they were served with; a new item keeps its
    mark unless the bundle already uses it, when it gets the next free number (a mark never
    changes once served)."""
    served = {e["source"]: e["exhibit"] for e in entries if e.get("exhibit") and e.get("source")}
    used = set(served.values()) | {m for e in entries if e.get("kind") == "note" and (m := _note_mark(e))}
    marks = dict(case.exhibit_marks())
    fresh = []
    for item in sorted(case.evidence, key=lambda e: (e.date is None, e.date or date.min)):
        name = next((n for n in sorted(_bundle_names(item, marks[item.id])) if n in served), None)
        if name is not None:
            marks[item.id] = served[name]
        elif marks[item.id] in used and any(_note_mark(e) == marks[item.id] and item.description and item.description in e["title"] for e in entries):
            pass  # an item with no file, already listed
        else:
            fresh.append(item)
    taken = set(used)
    prefix = initials(case.officer.name)
    for item in fresh:
        if marks[item.id] in taken:
            numbers = [int(m[len(prefix):]) for m in taken if m.startswith(prefix) and m[len(prefix):].isdigit()]
            new = f"{prefix}{max(numbers, default=0) + 1}"
            warnings.warn(
                f"exhibit {item.id} would be {marks[item.id]}, which the bundle already uses: it is {new} in the supplement "
                f"(record 'exhibit: {new}' for it in the case file so that every document agrees)",
                CasedocsWarning, stacklevel=2,
            )
            marks[item.id] = new
        taken.add(marks[item.id])
    return marks, used

__all__ = ["latest_index", "make_supplement"]
