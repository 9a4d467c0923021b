"""Documents about a whole year of cases: the newsletter article (6.1) and the report (10.2).

They go through the same registry and engine as a case's letters; only the context
differs (built from every case by :mod:`toolkit.annual.newsletter` and :mod:`toolkit.annual.report`,
both anonymised and suppressed). They are written to ``out/annual/`` with an audit
record of every case file they were made from.
"""

from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from collections.abc import Callable

from toolkit import __version__
from toolkit.association import KENISTON, Association
from toolkit.documents.base import DocInfo
from toolkit.errors import CasedocsWarning, InputError
from toolkit.casefile.loader import load_all
from toolkit.casefile.model import Case
from toolkit.output import publish_recorded
from toolkit.annual.commentary import plan_path
from toolkit.templates.registry import Registry
from toolkit.templates.engine import Properties, compiled

FOLDER = "annual"


@dataclass(frozen=True)
class AnnualKind:
    template: str
    title: str
    build: Callable[[list[Case], int, date, list[str | Path]], dict[str, Any]]  # folders: where the action plan is


def _newsletter(cases: list[Case], year: int, on: date, folders: list[str | Path]) -> dict[str, Any]:
    from toolkit.annual.newsletter import newsletter_context

    return newsletter_context(cases, year)


def _report(cases: list[Case], year: int, on: date, folders: list[str | Path]) -> dict[str, Any]:
    from toolkit.annual.report import report_context

    return report_context(cases, year, on=on, plan_folders=folders)


ANNUAL: dict[str, AnnualKind] = {
    "newsletter": AnnualKind("newsletter", "Newsletter article on harassment", _newsletter),
    "report": AnnualKind("monitoring-report", "Harassment monitoring report", _report),
}

#: What the annual templates may use (checked by ``casedocs templates check``). The
#: content is plain dicts and lists of text, so only the names are checked.
ANNUAL_TYPES: dict[str, dict[str, Any]] = {
    "newsletter": {
        "doc": DocInfo, "association": Association, "locale": str, "kind": str, "year": int, "title": str,
        "standfirst": str, "sections": list, "figures": dict, "how_to_report": dict,
    },
    "monitoring-report": {
        "doc": DocInfo, "association": Association, "locale": str, "kind": str, "year": int, "previous_year": int,
        "title": str, "prepared_for": str, "summary": list, "cases": list, "tables": dict, "characteristics": list,
        "deadline_rates": list, "satisfaction_rates": dict, "comments": list, "charts": list, "notes": list,
        "performance": dict, "missed": list, "trends": list, "action_plan": dict,
    },
}


def generate_annual(
    name: str,
    year: int,
    paths: list[str | Path],
    *,
    on: date | None = None,
    pdf: bool = False,
    out: Path = Path("out"),
    registry: Registry | None = None,
) -> list[Path]:
    """Make the year's newsletter article or report from every case under ``paths``."""
    kind = ANNUAL[name]
    on = on or date.today()
    cases = load_all(paths)
    if not cases:
        raise InputError(f"no case files in {', '.join(map(str, paths))}: the {name} is made from all of them")
    registry = registry or Registry()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CasedocsWarning)
        template = registry.select(kind.template, on).template
    for note in caught:
        warnings.warn(str(note.message), CasedocsWarning, stacklevel=2)
    info = DocInfo(kind.template, kind.title, on, template.language, template.version, False)
    context = {"doc": info, "association": KENISTON, "locale": template.language, **kind.build(cases, year, on, list(paths))}
    sources = sorted(f"{c.reference}:{c.source_sha256}" for c in cases)
    plan = plan_path(paths, year) if name == "report" else None
    if plan is not None:  # the Housing Services Manager's plan is an input too
        sources.append(f"{plan.name}:{hashlib.sha256(plan.read_bytes()).hexdigest()}")
    record = {
        "kind": name,
        "year": str(year),
        "template_kind": template.kind,
        "template_version": str(template.version),
        "template_sha256": template.sha256,
        "cases_sha256": hashlib.sha256("\n".join(sources).encode()).hexdigest(),
        "document_date": on.isoformat(),
        "casedocs_version": __version__,
    }
    properties = Properties(
        title=f"{kind.title} {year}", author=KENISTON.name, document_date=on,
        custom={f"casedocs.{key}": value for key, value in record.items()},
    )
    data = compiled(template).render(context, properties)
    folder = out / FOLDER
    ((path, _),) = publish_recorded(
        [(folder / f"{name}-{year}-{on.isoformat()}.docx", data)], folder / "audit.jsonl",
        lambda results: [
            {**record, "file": made.name, "cases": sources, "sha256": hashlib.sha256(data).hexdigest(),
             "generated_at": datetime.now().isoformat(timespec="seconds")}
            for made, written in results if written
        ],
    )
    if not pdf:
        return [path]
    from toolkit.documents.generate import to_pdf

    return [path, *to_pdf([path])]
