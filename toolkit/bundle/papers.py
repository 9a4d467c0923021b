"""The court papers a bundle carries, ready for :mod:`toolkit.bundle.plan` to lay out.

The claim form, the draft order and the witness statement, and the application to
withhold a witness's identity when a witness is anonymous, are generated for the bundle's
date (the copy for the respondent where it is the respondent's bundle) and converted to
PDF. The application's sealed schedule of names is split off into a document of its own,
so that the court's copy lists it (for the judge only) and the respondent's copy can show
it as withheld. The exclusion-zone plan goes behind the draft order, as the order's
schedule, as well as among the exhibits.
"""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path
from typing import Any

from toolkit.casefile.model import Case
from toolkit.documents.court import anonymous_labels
from toolkit.documents.generate import generate, to_pdf
from toolkit.errors import CasedocsWarning

# "... FOR THE JUDGE ONLY" in the county court, "... FOR THE COURT ONLY" in the youth court
SEALED_SCHEDULE = "SEALED SCHEDULE: FOR THE"


def court_papers(case: Case, when: date, options: dict[str, str], out: Path) -> dict[str, Path]:
    """The court documents this bundle carries, generated (if not there yet) and as PDF."""
    kinds = ["claim-form", "draft-order", "witness-statement"]
    if anonymous_labels(case):
        kinds.append("anonymity-application")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CasedocsWarning)
        made = [generate(kind, case, on=when, options=options, out=out)[0] for kind in kinds]
    return dict(zip(kinds, to_pdf(made)))


def split_schedule(pdf: Path) -> tuple[Path, Path | None]:
    """The anonymity application's PDF as (application, sealed schedule): the schedule
    starts on the page headed "SEALED SCHEDULE"; both parts are kept beside the PDF."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(pdf)
    start = next((n for n, page in enumerate(reader.pages) if SEALED_SCHEDULE in (page.extract_text() or "")), None)
    if start is None:
        return pdf, None
    parts = []
    for suffix, pages in (("application", range(start)), ("sealed-schedule", range(start, len(reader.pages)))):
        target = pdf.with_name(f"{pdf.stem}-{suffix}.pdf")
        if not target.exists():
            writer = PdfWriter()
            for n in pages:
                writer.add_page(reader.pages[n])
            with open(target, "wb") as handle:
                writer.write(handle)
        parts.append(target)
    return parts[0], parts[1]


def sealed_for(youth: bool) -> str:
    """Who alone may read the sealed schedule: the judge in the county court (CPR 39.2(4));
    the youth court, where the CPR do not apply and the bench may be justices."""
    return "the court only" if youth else "the judge only (CPR 39.2(4))"


def applications_for(papers: dict[str, Path], when: date, for_respondent: bool, youth: bool = False) -> list[Any]:
    """The applications section: the application to withhold a witness's identity (cited as
    CPR 39.2(4) in the county court only) and its sealed schedule (or, in the respondent's
    copy, an entry saying it is withheld)."""
    from toolkit.bundle.items import BundleDocument

    if "anonymity-application" not in papers:
        return []
    title = "Application that a witness's identity not be disclosed" + ("" if youth else " (CPR 39.2(4))")
    application, schedule = split_schedule(papers["anonymity-application"])
    documents = [BundleDocument(title, application, when)]
    if for_respondent:
        documents.append(BundleDocument(
            "Sealed schedule of names", date=when,
            note=f"Withheld from the respondent's copy: for {sealed_for(youth)}. It is in the court's copy of the bundle.",
        ))
    elif schedule is not None:
        documents.append(BundleDocument(f"Sealed schedule of names (for {sealed_for(youth).removesuffix(' (CPR 39.2(4))')})", schedule, when))
    return documents


def order_with_plan(case: Case, papers: dict[str, Path], when: date, exhibits: list[Any]) -> list[Any]:
    """The draft order, and the exclusion-zone plan attached to it as its schedule."""
    from toolkit.bundle.items import BundleDocument
    from toolkit.documents.order import zone_plan

    documents = [BundleDocument("Draft injunction order", papers["draft-order"], when)]
    plan = zone_plan(case)
    if plan is not None:
        mark = case.exhibit_marks()[plan.id]
        exhibit = next((d for d in exhibits if d.exhibit == mark and d.source is not None), None)
        if exhibit is not None:
            documents.append(BundleDocument(f"Schedule to the order: plan of the exclusion zone (exhibit {mark})", exhibit.source, plan.date))
    return documents


__all__ = ["SEALED_SCHEDULE", "applications_for", "court_papers", "order_with_plan", "sealed_for", "split_schedule"]
