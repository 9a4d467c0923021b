"""``casedocs bundle``: the injunction bundle for a case (domain.md, "Injunction bundle").

Builds the plan from the case and hands it to :mod:`toolkit.bundle.assemble`, which makes the
one paginated, indexed, bookmarked PDF and its index JSON. Sections, in the usual order
(the statement of case first, then applications, orders, statements, then contemporaneous
documents in date order):

1. Claim form -- the particulars of claim (``claim-form``), tab 1; in the youth court (a
   respondent under 18) the application is a complaint, and the section, the index entry,
   the statement's party and the case number say so;
2. Applications -- the application to withhold a witness's identity
   (``anonymity-application``, when a witness is anonymous), and, in the court's copy only,
   its sealed schedule of names for the judge (a withheld row in the respondent's copy);
3. Draft order -- the draft order (``draft-order``) with the exclusion-zone plan attached
   behind it as the order's schedule;
4. Witness statements -- the case officer's statement (``witness-statement``), by number;
5. Exhibits -- every evidence item in date order, the tenancy agreement in its date place
   (the earliest contemporaneous document, so normally first), each with a cover page
   carrying its mark (PDFs, images, .docx and .txt are all accepted);
6. Previous correspondence -- the warning letters and ABC documents already issued to the
   respondent, as recorded in ``out/<reference>/audit.jsonl`` (their PDFs; a .docx is
   converted beside itself first, as ``generate --pdf`` would).

File names: ``<claim number> <short case name> - Bundle <letter>.pdf`` (plus ``.json``)
under ``out/<reference>/``; `` - Respondent copy`` for the copy served on the respondent;
`` - Supplement N`` for a supplement. Only letters, digits, spaces and ``.,()-`` are kept
(``&`` becomes "and"; ``/``, ``:``, quotes and the like become spaces), so the name is
safe on Windows, in e-mail and on the court's upload portal.

The copy for the respondent (``for_respondent``) uses the respondent's versions of the
court papers (anonymous witnesses as "Witness A", ..., each incident as its allegation),
and is page for page the court's (:mod:`toolkit.bundle.respondent`): evidence an anonymous
witness provided or marked ``withhold_from_respondent``, and the sealed schedule of names,
keep their index rows and pages, each page saying it is withheld; every paper is padded
to the longer of its two versions. Both copies are made from the case as known on the
bundle's date (:func:`~toolkit.casefile.asof.as_known_on`).

A bundle once written is never overwritten: building again gives the same file when
nothing changed (same bytes: nothing is written) or a new name (``... (2).pdf``) when
something did. Documents added after a bundle was served go in a supplement
(``supplement=True``): the previous bundle's pages are kept exactly as they were, and the
new exhibits and letters -- those whose files are not in the previous index -- follow
with their own index, numbered on (:mod:`toolkit.bundle.supplement`; the respondent's
supplement N is the court's supplement N page for page, checked as the bundle is).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import warnings
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from toolkit.casefile.asof import as_known_on
from toolkit.casefile.youth import respondent_under_18
from toolkit.documents.application import YOUTH_APPLICATION_TITLE
from toolkit.documents.court import Redactor, require_injunction
from toolkit.documents.disclosure import respondent_case, withheld_from_respondent
from toolkit.errors import CasedocsWarning, InputError
from toolkit.documents.generate import AUDIT_LOG, to_pdf
from toolkit.records import recover_unrecorded
from toolkit.casefile.loader import load_case, resolve_case
from toolkit.casefile.model import Case, Injunction
from toolkit.bundle.ocr import cache_for, with_text_layers
from toolkit.output import ensure_dir, write_issued

CORRESPONDENCE_KINDS = ("warning-letter", "abc", "abc-review")
STAGE_TITLES = {
    "verbal": "Letter confirming verbal warning",
    "first": "First warning letter",
    "final": "Final warning letter",
}
KIND_TITLES = {"abc": "Acceptable Behaviour Contract", "abc-review": "Review of Acceptable Behaviour Contract"}
CONVERTED = "converted"  # out/<ref>/converted/<sha>/<name>.pdf: .docx evidence, converted once

SECTION_CLAIM = "Claim form"
SECTION_YOUTH_APPLICATION = "Complaint"
SECTION_APPLICATIONS = "Applications"
SECTION_ORDER = "Draft order"
SECTION_STATEMENTS = "Witness statements"
SECTION_EXHIBITS = "Exhibits"
SECTION_CORRESPONDENCE = "Previous correspondence"


def safe_file_name(text: str) -> str:
    """Letters, digits, spaces and ``.,()-`` only; ``&`` as "and"; runs of spaces collapsed."""
    text = text.replace("&", " and ")
    text = re.sub(r"[^\w .,()\-]", " ", text, flags=re.ASCII)
    text = re.sub(r"_", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    return text or "bundle"


def short_case_name(case: Case, injunction: Injunction) -> str:
    if injunction.short_name:
        return injunction.short_name
    return f"Keniston HA v {case.party(injunction.respondent).surname}"


def bundle_stem(case: Case, *, for_respondent: bool = False, supplement: int = 0) -> str:
    injunction = require_injunction(case, "injunction bundles")
    claim = injunction.claim_number or case.reference
    stem = f"{claim} {short_case_name(case, injunction)} - Bundle {injunction.bundle_letter}"
    if for_respondent:
        stem += " - Respondent copy"
    if supplement:
        stem += f" - Supplement {supplement}"
    return safe_file_name(stem)


def statement_date(case: Case, on: date | None) -> date:
    """The date the statement and order carry: ``on``, else the day the case log records the
    application, else today."""
    if on:
        return on
    applied = [a.done.date() for a in case.actions if a.type == "injunction_application" and a.done]
    return min(applied) if applied else date.today()


# -- the plan --------------------------------------------------------------------------
@dataclass
class Plan:
    sections: list[Any]  # list[BundleSection]
    title: str
    subtitle: str
    withheld: dict[str, str]  # exhibit mark (or paper) -> what the respondent's copy holds instead


def evidence_file(case: Case, relative: str, folder: Path) -> Path:
    """An evidence file named in the case, as a bundle takes it (a .docx converted to PDF)."""
    base = case.source_path.parent if case.source_path else Path("case_files")
    path = base / relative
    return _converted(path, folder) if path.suffix.lower() == ".docx" and path.is_file() else path


def _converted(path: Path, folder: Path) -> Path:
    """A .docx exhibit as PDF, converted once and kept under ``out/<ref>/converted/`` (keyed by
    its SHA-256), so that building the bundle again gives the same bytes."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    target = folder / CONVERTED / digest / (path.stem + ".pdf")
    if not target.exists():
        from toolkit.pdf.convert import ConverterPool
        from toolkit.pdf.convert import check_docx

        problem = check_docx(path)
        if problem:
            raise InputError([problem])
        ensure_dir(target.parent)
        with ConverterPool(jobs=1) as pool:
            pool.convert([(path, target)])
    return target


def _exhibit_cover(case: Case, mark: str, on: date) -> str:
    return (
        f"This is the exhibit marked {mark} referred to in the witness statement of "
        f"{case.officer.name} dated {on.day} {on.strftime('%B')} {on.year}."
    )


def exhibit_documents(
    case: Case, folder: Path, on: date, for_respondent: bool, marks: dict[str, str] | None = None, *, supplement: bool = False,
) -> tuple[list[Any], dict[str, str]]:
    """(exhibits in date order, tenancy agreement included; what the respondent's copy holds
    instead of each withheld one) as bundle documents, page for page the same in both copies."""
    from toolkit.bundle.sources import source_page_count
    from toolkit.bundle.items import BundleDocument
    from toolkit.bundle.respondent import respondent_source

    marks = marks or case.exhibit_marks()
    redact = Redactor(case, for_respondent)
    exhibits: list[Any] = []
    withheld: dict[str, str] = {}
    for item in case.evidence:
        mark = marks[item.id]
        hidden = for_respondent and withheld_from_respondent(case, item.id)
        # a withheld item's row has no description or kind: "a neighbour's doorbell camera" would point to the witness
        title = "withheld from the Respondent's copy" if hidden else (
            redact(item.description) or (Path(item.file).name if item.file else item.id))
        if not item.file:
            doc = BundleDocument(title=f"Exhibit {mark} \u2014 {title}", date=item.date, note="No copy of this exhibit is on file.")
        else:
            path = evidence_file(case, item.file, folder)
            if for_respondent and path.is_file():
                path, how = respondent_source(case, item.model_copy(update={"exhibit": mark}), path, source_page_count(path), folder)
                if how != "as in the court's copy":
                    withheld[mark] = how
            cover = (
                f"Exhibit {mark}, added to the bundle in a supplement after the bundle was served."
                if supplement else _exhibit_cover(case, mark, on)
            )
            doc = BundleDocument(title=title, source=path, date=item.date, exhibit=mark, cover_text=cover)
        exhibits.append(doc)
    exhibits.sort(key=lambda d: (d.date is None, d.date or date.min))
    return with_text_layers(exhibits, cache_for(folder)), withheld


def correspondence(case: Case, folder: Path, until: date | None = None) -> list[Any]:
    """The warning letters and ABC documents already issued to the respondent (audit.jsonl)."""
    from toolkit.bundle.items import BundleDocument

    injunction = require_injunction(case, "injunction bundles")
    log = folder / AUDIT_LOG
    if not log.exists():
        return []
    latest: dict[tuple[str, str, str], dict[str, Any]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if record.get("kind") not in CORRESPONDENCE_KINDS or record.get("party") != injunction.respondent:
            continue
        if until is not None and record.get("document_date", "") > until.isoformat():
            continue  # not sent yet on the bundle's date
        if not (folder / record.get("file", "")).is_file():
            continue
        key = (record["kind"], record.get("party", ""), record.get("stage", ""))
        if key not in latest or record.get("generated_at", "") >= latest[key].get("generated_at", ""):
            latest[key] = record
    records = sorted(latest.values(), key=lambda r: (r.get("document_date", ""), r["kind"], r.get("stage", "")))
    docx = [folder / r["file"] for r in records]
    pdfs = to_pdf(docx) if docx else []
    name = case.party(injunction.respondent).full_name
    documents = []
    for record, pdf in zip(records, pdfs):
        kind, stage = record["kind"], record.get("stage", "")
        what = STAGE_TITLES.get(stage, "Warning letter") if kind == "warning-letter" else KIND_TITLES[kind]
        preposition = "with" if kind == "abc" else "to"
        documents.append(BundleDocument(
            title=f"{what} {preposition} {name}", source=pdf,
            date=date.fromisoformat(record["document_date"]) if record.get("document_date") else None,
        ))
    return documents


def _marks_label(case: Case) -> str:
    from toolkit.documents.court import mark_range

    return mark_range(list(case.exhibit_marks().values()))


def plan_for(case: Case, *, out: Path, on: date | None = None, for_respondent: bool = False) -> Plan:
    """Generate the court papers (if not there yet) and lay out the sections; ``case`` is the
    case as known on the bundle's date."""
    from toolkit.bundle.items import BundleDocument, BundleSection
    from toolkit.bundle.papers import applications_for, court_papers, order_with_plan
    from toolkit.bundle.respondent import matched_applications, matched_papers
    from toolkit.documents.court import ordinal

    injunction = require_injunction(case, "injunction bundles")
    folder = out / case.reference
    when = statement_date(case, on)
    # both copies' papers are made, and each is padded to the longer of its two versions,
    # so that the two bundles have the same page numbers whichever is built
    court, theirs = (court_papers(case, when, options, out) for options in ({}, {"for_respondent": "yes"}))
    papers = matched_papers(folder, court, theirs, for_respondent)
    exhibits, withheld = exhibit_documents(case, folder, when, for_respondent)
    letters = correspondence(case, folder, when)
    officer = case.officer.name
    number = ordinal(injunction.statement_number)
    youth = respondent_under_18(case)  # the youth court: a complaint by the Applicant, not a claim
    sections = [BundleSection(
        SECTION_YOUTH_APPLICATION if youth else SECTION_CLAIM,
        [BundleDocument(YOUTH_APPLICATION_TITLE if youth else "Claim form (N16A): particulars of claim", papers["claim-form"], when)],
    )]
    applications = matched_applications(folder, court, theirs, applications_for(theirs if for_respondent else court, when, for_respondent, youth), for_respondent, youth)
    if applications:
        sections.append(BundleSection(SECTION_APPLICATIONS, applications))
    sections += [
        BundleSection(SECTION_ORDER, order_with_plan(case, papers, when, exhibits)),
        BundleSection(SECTION_STATEMENTS, [BundleDocument(
            f"Witness statement of {officer} ({number} statement, for the {'Applicant' if youth else 'Claimant'}, exhibits {_marks_label(case)})",
            papers["witness-statement"], when,
        )]),
    ]
    if exhibits:
        sections.append(BundleSection(SECTION_EXHIBITS, exhibits, chronological=True))
    if letters:
        sections.append(BundleSection(SECTION_CORRESPONDENCE, letters, chronological=True))
    short = short_case_name(case, injunction)
    number_label = "Case No." if youth else "Claim No."
    title = f"{short} \u2014 {number_label} {injunction.claim_number or 'not yet issued'} \u2014 Bundle {injunction.bundle_letter}"
    parts = [f"In the {re.sub(r'^(the )', '', injunction.court, flags=re.I)}"]
    if injunction.hearing:
        parts.append(f"hearing {injunction.hearing.day} {injunction.hearing.strftime('%B %Y, %H:%M')}")
    parts.append(f"case {case.reference}")
    subtitle = "; ".join(parts) + (". Respondent's copy." if for_respondent else ". Court's copy.")  # the same length: the same index pages
    if not letters:
        print(
            f"note: no warning letters or ABC for {case.reference} are recorded in {folder / AUDIT_LOG}; "
            f"the bundle has no previous correspondence (make them with 'casedocs letters {case.reference}')",
            file=sys.stderr,
        )
    return Plan(sections, title, subtitle, withheld)


# -- writing -----------------------------------------------------------------------------
def free_name(folder: Path, stem: str) -> Path:
    candidate, n = folder / f"{stem}.pdf", 1
    while candidate.exists() or candidate.with_suffix(".json").exists():
        n += 1
        candidate = folder / f"{stem} ({n}).pdf"
    return candidate


def keep_courts_pages(court_index: dict[str, Any], result: Any) -> None:
    """The respondent's copy (a bundle or a supplement, ``result`` a BundleResult) must have
    every page number of the court's (``court_index``): else it is deleted and refused."""
    from toolkit.bundle.assemble import BundleCheckError
    from toolkit.bundle.respondent import page_differences

    differences = page_differences(court_index, result.data)
    if differences:
        result.pdf.unlink()
        result.index.unlink()
        raise BundleCheckError("the respondent's copy does not keep the court's page numbers:\n  " + "\n  ".join(differences))


def _keep_or_discard(new: Path, stem: str) -> Path:
    """The same bytes as a bundle already there: drop the new one and return the old."""
    for old in sorted(new.parent.glob(f"{glob_escape(stem)}*.pdf")):
        if old == new or not re.fullmatch(re.escape(stem) + r"( \(\d+\))?\.pdf", old.name):
            continue
        if _same_bundle(old, new):
            new.unlink()
            new.with_suffix(".json").unlink(missing_ok=True)
            return old
    return new


def _same_bundle(old: Path, new: Path) -> bool:
    return old.read_bytes() == new.read_bytes()


def glob_escape(text: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", text)


def make_bundle(
    case: str | Path | Case,
    *,
    for_respondent: bool = False,
    supplement: bool = False,
    out: Path = Path("out"),
    on: date | None = None,
) -> list[Path]:
    """Write the bundle (or its supplement) and its index; returns [pdf, json], and for the
    respondent's copy its disclosure report too."""
    from toolkit.bundle.assemble import build_bundle, load_index
    from toolkit.bundle.respondent import disclosure_report

    loaded = case if isinstance(case, Case) else load_case(resolve_case(case))
    require_injunction(loaded, "injunction bundles")
    # a supplement adds what has come in since: as known on its own day
    loaded = as_known_on(loaded, (on or date.today()) if supplement else statement_date(loaded, on))
    folder = out / loaded.reference
    if for_respondent:
        respondent_case(loaded)  # stops here, before anything is made, on text that would identify a witness
    recover_unrecorded(folder)  # a letter issued by an interrupted run still belongs in the bundle
    if supplement:
        from toolkit.bundle.supplement import make_supplement

        return make_supplement(loaded, folder, out=out, on=on, for_respondent=for_respondent)
    court_index = None
    if for_respondent:  # built against the court's copy, whose page numbers it must keep
        court_index = json.loads(make_bundle(loaded, out=out, on=on)[1].read_text(encoding="utf-8"))
    plan = plan_for(loaded, out=out, on=on, for_respondent=for_respondent)
    stem = bundle_stem(loaded, for_respondent=for_respondent)
    target = free_name(folder, stem)
    result = build_bundle(plan.sections, target, title=plan.title, subtitle=plan.subtitle)
    if court_index is not None:
        keep_courts_pages(court_index, result)
    kept = _keep_or_discard(result.pdf, stem)
    if kept != result.pdf:
        print(f"note: {kept.name} is already up to date", file=sys.stderr)
    elif kept.name != f"{stem}.pdf":
        warnings.warn(
            f"{stem}.pdf already exists and the case has changed since: the new bundle is {kept.name}. "
            "If the first one has been served, make a supplement instead (--supplement)",
            CasedocsWarning, stacklevel=2,
        )
    if court_index is None:
        return [kept, kept.with_suffix(".json")]
    report = disclosure_report(loaded, statement_date(loaded, on), court_index, load_index(kept.with_suffix(".json")), plan.withheld)
    written, _ = write_issued(folder / f"{kept.stem} - Disclosure report.txt", report.encode("utf-8"))
    return [kept, kept.with_suffix(".json"), written]




__all__ = ["bundle_stem", "free_name", "keep_courts_pages", "make_bundle", "plan_for", "safe_file_name", "short_case_name"]
