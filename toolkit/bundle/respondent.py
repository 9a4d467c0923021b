"""The respondent's copy of the bundle, page for page the court's.

The judge and the respondent must be able to use the same page numbers, so nothing in
the respondent's copy may be shorter or longer than in the court's:

- evidence withheld from the respondent (provided by an anonymous witness, or marked
  ``withhold_from_respondent``) keeps its exhibit cover and index row, and each of its
  pages is replaced by a page saying it is withheld; a redacted ``respondent_file`` is
  served instead when the officer has made one, padded to the original's length (and
  refused when it is longer);
- the two versions of the witness statement and of the draft order are padded with
  "intentionally left blank" pages to the longer of the two, in both copies.

The text checks (allegations only, no detail of an anonymous witness) are made when the
respondent's versions of the court documents are made
(:func:`toolkit.documents.disclosure.respondent_case`); :func:`disclosure_report` says what
the respondent's copy holds, from which source, for the officer to sign off.
"""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter

from toolkit.bundle import pages as bp
from toolkit.casefile.model import Case, Evidence
from toolkit.documents.court import anonymous_labels
from toolkit.documents.disclosure import withheld_from_respondent
from toolkit.errors import InputError
from toolkit.output import ensure_dir

MADE = "respondent-copy"  # out/<ref>/respondent-copy/<digest>/...: pages made for the copies, kept for reproducible bytes


def _pages(lines_per_page: list[list[str]], title: str) -> bytes:
    buffer = io.BytesIO()
    canvas = bp.new_canvas(buffer, title)
    for lines in lines_per_page:
        y = bp.PAGE_H * 0.62
        for n, line in enumerate(lines):
            font, size = (bp.SANS_BOLD, 16) if n == 0 else (bp.SANS, 12)
            canvas.setFont(font, size)
            for part in bp.wrap(line, font, size, bp.PAGE_W - 2 * bp.MARGIN_X - 40):
                canvas.drawCentredString(bp.PAGE_W / 2, y, part)
                y -= size + 6
            y -= 10
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _kept(folder: Path, name: str, data: bytes) -> Path:
    """``data`` under a folder named by its hash: the same pages are the same file."""
    target = folder / MADE / hashlib.sha256(data).hexdigest()[:16] / name
    if not target.exists():
        ensure_dir(target.parent)
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
    return target


def withheld_pages(folder: Path, label: str, count: int, reason: str) -> Path:
    """A PDF of ``count`` pages, each saying which page of ``label`` ("Exhibit PS4") it stands for."""
    pages = [
        [
            f"{label}: page {n} of {count} withheld",
            f"This page is withheld from the Respondent's copy of the bundle: {reason}.",
            "The court's copy of the bundle has the page at the same page number.",
        ]
        for n in range(1, count + 1)
    ]
    name = label.removeprefix("Exhibit ")
    return _kept(folder, f"{name} withheld.pdf", _pages(pages, f"{label} (withheld)"))


def padded(folder: Path, source: Path, count: int) -> Path:
    """``source`` (a PDF) with blank pages added to make ``count`` pages."""
    reader = PdfReader(source)
    missing = count - len(reader.pages)
    if missing <= 0:
        return source
    blank = PdfReader(io.BytesIO(_pages([["This page is intentionally left blank."]] * missing, "Blank pages")))
    writer = PdfWriter()
    for page in [*reader.pages, *blank.pages]:
        writer.add_page(page)
    writer.add_metadata({"/Producer": "casedocs"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return _kept(folder, source.name, buffer.getvalue())


def pad_pair(folder: Path, court: Path, respondent: Path) -> tuple[Path, Path]:
    """The court's and the respondent's version of a document, as long as each other."""
    count = max(len(PdfReader(court).pages), len(PdfReader(respondent).pages))
    return padded(folder, court, count), padded(folder, respondent, count)


def matched_papers(folder: Path, court: dict[str, Path], respondent: dict[str, Path], for_respondent: bool) -> dict[str, Path]:
    """This copy's court papers (PDFs by kind), each padded to the longer of its court and
    respondent versions. The anonymity application is matched by
    :func:`matched_applications`, after its sealed schedule is split off."""
    pick = 1 if for_respondent else 0
    chosen = dict(respondent if for_respondent else court)
    for kind in court:
        if kind != "anonymity-application":
            chosen[kind] = pad_pair(folder, court[kind], respondent[kind])[pick]
    return chosen


def matched_applications(
    folder: Path, court: dict[str, Path], respondent: dict[str, Path], documents: list[Any], for_respondent: bool, youth: bool = False,
) -> list[Any]:
    """The applications section of this copy (:func:`toolkit.bundle.papers.applications_for`),
    page for page the other's: the application padded to the longer version, and in the
    respondent's copy the sealed schedule's pages each replaced by a page saying it is withheld."""
    from dataclasses import replace

    from toolkit.bundle.items import BundleDocument
    from toolkit.bundle.papers import sealed_for, split_schedule

    if not documents:
        return documents
    court_application, schedule = split_schedule(court["anonymity-application"])
    their_application, _ = split_schedule(respondent["anonymity-application"])
    pick = 1 if for_respondent else 0
    matched = [replace(documents[0], source=pad_pair(folder, court_application, their_application)[pick])]
    if for_respondent and schedule is not None:
        count = len(PdfReader(schedule).pages)
        pages = withheld_pages(folder, "Sealed schedule of names", count, f"it is for {sealed_for(youth)}")
        matched.append(BundleDocument("Sealed schedule of names, withheld from the Respondent's copy", pages, documents[0].date))
    else:
        matched += documents[1:]
    return matched


def withheld_reason(case: Case, item: Evidence) -> str:
    labels = anonymous_labels(case)
    if item.provided_by in labels:
        return f"it was provided by {labels[item.provided_by]}, whose identity the court is asked to protect"
    return "it would identify a witness whose identity the court is asked to protect"


def respondent_source(case: Case, item: Evidence, court_source: Path, court_pages: int, folder: Path) -> tuple[Path, str]:
    """What the respondent's copy holds in place of ``item`` (its court pages
    ``court_source``, ``court_pages`` long), and how the report describes it."""
    from toolkit.bundle.sources import source_page_count
    from toolkit.bundle.plan import evidence_file

    if item.respondent_file:
        redacted = evidence_file(case, item.respondent_file, folder)
        count = source_page_count(redacted)
        if count > court_pages or (count < court_pages and redacted.suffix.lower() != ".pdf"):
            raise InputError.at(
                case.source_path or case.reference, 0, 0,
                f"evidence {item.id}: the redacted 'respondent_file' {item.respondent_file} makes {count} page(s) and the original "
                f"{court_pages}: the respondent's copy keeps the court's page numbers, so give a PDF of {court_pages} page(s) or fewer",
            )
        return padded(folder, redacted, court_pages), f"redacted version {item.respondent_file}"
    if withheld_from_respondent(case, item.id):
        reason = withheld_reason(case, item)
        return withheld_pages(folder, f"Exhibit {item.exhibit or item.id}", court_pages, reason), f"withheld ({court_pages} page(s) replaced): {reason}"
    return court_source, "as in the court's copy"


def page_differences(court: dict[str, Any], respondent: dict[str, Any]) -> list[str]:
    """Where the respondent's index does not have the court's page numbers (none, normally)."""
    def rows(index: dict[str, Any]) -> list[tuple[str, Any, Any]]:
        return [(e.get("title", ""), e.get("first_page"), e.get("last_page")) for s in index["sections"] for e in s["entries"]]

    found = [
        f"{theirs[0]}: pages {theirs[1]}-{theirs[2]} in the respondent's copy, {ours[1]}-{ours[2]} in the court's"
        for ours, theirs in zip(rows(court), rows(respondent)) if ours[1:] != theirs[1:]
    ]
    if len(rows(court)) != len(rows(respondent)) or court.get("page_count") != respondent.get("page_count"):
        found.append(f"the court's copy has {court.get('page_count')} pages, the respondent's {respondent.get('page_count')}")
    return found


def disclosure_report(case: Case, on: date, court: dict[str, Any], respondent: dict[str, Any], held: dict[str, str]) -> str:
    """What the respondent's copy holds, page by page and from which source, and how each
    incident and person appears in it: for the case officer to check and sign before service.

    ``held`` maps an exhibit mark to what replaced it (see :func:`respondent_source`).
    """
    labels = anonymous_labels(case)
    lines = [
        f"DISCLOSURE REPORT: {respondent['file']}",
        f"Case {case.reference}, as known on {on.isoformat()}. For the case officer to check before the copy is served.",
        "",
        f"Page numbers: the same as the court's copy ({court['file']}), {respondent['page_count']} pages in each.",
        "",
        "Pages      What the respondent's copy holds, and from where",
    ]
    for section in respondent["sections"]:
        lines.append(f"{section['title']}")
        for entry in section["entries"]:
            pages = f"{entry.get('first_page')}-{entry.get('last_page')}" if entry.get("first_page") else "-"
            mark = entry.get("exhibit")
            if mark in held:
                source = held[mark]
            elif (entry.get("source") or "").endswith(" withheld.pdf"):
                source = "withheld: each of its pages replaced by a page saying so"
            elif "for-respondent" in (entry.get("source") or ""):
                source = "the respondent's version, made by casedocs (see below)"
            else:
                source = f"as in the court's copy ({entry.get('source') or 'no file'})"
            title = f"Exhibit {mark}: {entry['title']}" if mark else entry["title"]
            lines.append(f"  {pages:<9}{title}")
            lines.append(f"           {source}")
    lines += ["", "Incidents in the respondent's witness statement (the court's copy has the officer's full account):"]
    for incident in sorted(case.incidents, key=lambda i: (i.occurred_day, i.id)):
        how = "its allegation, as written in the case file" if incident.allegation else "a neutral sentence from its date, place and category (no allegation written)"
        lines.append(f"  {incident.id} ({incident.occurred_day.isoformat()}): {how}")
    lines += ["", "People:"]
    for party in case.parties:
        if party.id in labels:
            lines.append(f"  {party.id}: anonymous, appears as {labels[party.id]}; evidence they provided is withheld")
        elif party.role in ("victim", "witness", "complainant"):
            agreed = "agreed to be named" if party.may_be_named else "has NOT agreed to be named in letters"
            lines.append(f"  {party.id} ({party.role}): not anonymous, so named where the statement or the order needs it ({agreed})")
    lines += [
        "",
        "Checked: nothing in the respondent's copy identifies a protected witness.",
        "",
        "Signed (case officer): ______________________________   Date: ______________",
        "",
    ]
    return "\n".join(lines)


__all__ = [
    "disclosure_report",
    "matched_applications",
    "matched_papers",
    "pad_pair",
    "padded",
    "page_differences",
    "respondent_source",
    "withheld_pages",
]
