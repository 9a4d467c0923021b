"""Helpers shared by the tests: paths in the repository, throwaway template registries, small .docx
files, the special-characters fixture case and the words checked against ``docs/domain.md``.

Tests import them (``from helpers import ...``); ``tests/`` is on the path (``pythonpath`` in
pyproject.toml), so no test imports another test module.
"""

from __future__ import annotations

import copy
import hashlib
import io
import re
import subprocess
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from docx import Document

from toolkit.casefile.model import Case
from toolkit.casefile.rules import case_problems
from toolkit.pdf.convert import find_soffice
from toolkit.templates.registry import TEMPLATES_DIR

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
DOCS = ROOT / "docs"
FIXTURES = TESTS / "fixtures"
FIXTURE = FIXTURES / "KHA-2026-0900.yaml"  # the full, valid case every loader test starts from
CASES = ROOT / "case_files"  # the example cases


def docx_bytes(*paragraphs: str | list[str]) -> bytes:
    """A small .docx: one paragraph per argument; a list makes one paragraph of several runs."""
    document = Document()
    for paragraph in paragraphs:
        p = document.add_paragraph()
        for i, text in enumerate([paragraph] if isinstance(paragraph, str) else paragraph):
            p.add_run(text).bold = bool(i % 2)  # alternate formatting, as Word splits runs
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def real_template(kind: str, version: int = 1, language: str = "en") -> bytes:
    return (TEMPLATES_DIR / kind / f"{kind}-v{version}-{language}.docx").read_bytes()


def add_version(
    root: Path,
    kind: str,
    version: int,
    data: bytes,
    *,
    language: str = "en",
    effective_from: date = date(2020, 4, 6),
    review_due: date = date(2030, 12, 31),
    translation_status: str = "source",
    sha256: str | None = None,
) -> Path:
    """Put ``data`` in a registry under ``root`` as a version, recording it in the manifest."""
    folder = root / kind
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}-v{version}-{language}.docx"
    path.write_bytes(data)
    manifest_path = folder / "manifest.yaml"
    manifest = yaml.safe_load(manifest_path.read_text()) if manifest_path.exists() else {
        "kind": kind, "title": f"Test {kind}", "description": "made by the tests", "versions": [],
    }
    manifest["versions"].append({
        "version": version, "language": language, "file": path.name, "effective_from": effective_from,
        "approved_by": "Test Approver", "review_due": review_due, "change_note": f"v{version} for a test",
        "translation_status": translation_status, "sha256": sha256 or hashlib.sha256(data).hexdigest(),
    })
    manifest_path.write_text(yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True))
    return path


def replace_part(docx: bytes, part: str, change: Callable[[str], str]) -> bytes:
    """The same .docx with one part's text changed by ``change(str) -> str``."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            out.writestr(info, data)
    return buffer.getvalue()


FIXTURE_CASE = """\
schema_version: 1
reference: KHA-2026-0950
received: 2026-06-01T09:00
status: open
officer:
  name: Priya Sharma
  job_title: Housing Officer (Community Safety)
  phone: 020 7946 0314
  email: priya.sharma@keniston-ha.org.uk
location:
  address: [Birchfield Close, Petts Wood]
  postcode: BR5 1QN
categories: [verbal_abuse]
motivation: []
parties:
  - id: V1
    role: victim
    title: Mr
    name: Amir Haddad
    address: [3 Birchfield Close, Petts Wood]
    postcode: BR5 1QN
  - id: P1
    role: perpetrator
    name: "Zoë O'Brien & <Sons>"
    address: ["Flat 2, \\"The Limes\\" & <Annexe>", Petts Wood]
    postcode: BR5 1QP
    date_of_birth: 1980-05-05
    tenancy:
      reference: KHA/T/09999
      type: assured
      clauses:
        - number: "4.1"
          text: "You must not cause nuisance & annoyance to \\"neighbours\\" or <anyone> else."
incidents:
  - id: I1
    occurred: 2026-05-30T20:15
    reported: 2026-06-01T09:00
    location: "Outside No. 3 & No. 5"
    category: verbal_abuse
    description: "Shouted \\"get out\\" & banged on the door of <No. 3>."
    allegation: "It is reported that you shouted \\"get out\\" & banged on the door of <No. 3>."
    clauses: ["4.1"]
    perpetrators: [P1]
    victims: [V1]
actions:
  - id: L1
    type: initial_contact
    party: V1
    done: 2026-06-01T15:00
  - id: L2
    type: warning_letter
    party: P1
    done: 2026-06-03T12:00
"""


def fixture_case(folder: Path, text: str = FIXTURE_CASE) -> Path:
    """The special-characters case, written into ``folder`` (it must be named as its reference)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "KHA-2026-0950.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# -- a case's plain data, as the loader reads it from YAML -----------------------------
def case_data(**sections: Any) -> dict[str, Any]:
    """A case file's plain data: the keys every case starts with (KHA-2026-0950, received late on
    Sunday 1 March 2026, Priya Sharma's), then ``sections`` in the order given (the order the
    lines of a dumped file follow, so a test can name the line of a problem)."""
    return {
        "schema_version": 1,
        "reference": "KHA-2026-0950",
        "received": "2026-03-01T22:15",
        "status": "open",
        "officer": {"name": "Priya Sharma", "job_title": "Housing Officer", "phone": "020 7946 0314", "email": "p.sharma@example.org"},
        "location": {"address": ["Larkspur Court"], "postcode": "BR6 9QT"},
        "categories": ["verbal_abuse"],
        "motivation": [],
        **copy.deepcopy(sections),
    }


def rules_data(**changes: Any) -> dict[str, Any]:
    """The consistent case the cross-key rule tests start from (a guardian, a witness and a
    second evidence item to refer to), with top-level keys replaced."""
    data = case_data(
        parties=[
            {"id": "V1", "role": "victim", "name": "Agnieszka Wiśniewska"},
            {"id": "P1", "role": "perpetrator", "name": "Craig Denton", "date_of_birth": "1988-10-12"},
            {"id": "G1", "role": "parent_guardian", "name": "Sandra Denton"},
            {"id": "W1", "role": "witness", "name": "Olu Bankole"},
        ],
        incidents=[{"id": "I1", "perpetrators": ["P1"], "victims": ["V1"], "witnesses": ["W1"], "evidence": ["E1"]}],
        evidence=[{"id": "E1", "kind": "photo"}, {"id": "E2", "kind": "photo"}],
    )
    data.update(changes)
    return data


def rule_problems(value: dict[str, Any], source: Path | None = None) -> list[tuple[tuple[Any, ...], str]]:
    """(key path, message) of every cross-key problem, as ``validate`` words it without lines."""
    return [(p.path, p.render()) for p in case_problems(value, source)]


#: PD 22's statement of truth, word for word (tests/documents/test_court.py checks it against docs/domain.md).
STATEMENT_OF_TRUTH = (
    "I believe that the facts stated in this witness statement are true. I understand that "
    "proceedings for contempt of court may be brought against anyone who makes, or causes to be "
    "made, a false statement in a document verified by a statement of truth without an honest "
    "belief in its truth."
)
#: The anonymous witness of KHA-2026-0003: her name and address must not reach the respondent.
ANONYMOUS = ("Patricia", "Nwosu", "9 Birchfield Close")


# -- reading a rendered .docx as its reader would -------------------------------------
def paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph, body and table cells, in order."""
    doc = Document(io.BytesIO(data))
    found = []

    def walk(container) -> None:  # type: ignore[no-untyped-def]
        for block in container.iter_inner_content():
            if hasattr(block, "rows"):
                for row in block.rows:
                    for cell in row.cells:
                        walk(cell)
            else:
                found.append((block.style.name if block.style is not None else "", block.text))

    walk(doc)
    return found


def all_text(data: bytes) -> str:
    """Every piece of text in every part of the .docx (headers, footers, properties too)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(
            re.sub(r"<[^>]+>", "", archive.read(name).decode("utf-8"))
            for name in archive.namelist() if name.endswith(".xml")
        )


def texts(data: bytes) -> list[str]:
    return [t for _, t in paragraphs(data)]


def resave_with_libreoffice(data: bytes, folder: Path) -> bytes:
    """``data`` opened and saved as .docx by the installed LibreOffice, as an author using it would
    (its own profile, so it runs beside other conversions; the test must be marked ``libreoffice``)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "in").mkdir(exist_ok=True)
    source = folder / "in" / "template.docx"
    source.write_bytes(data)
    subprocess.run(
        [find_soffice(), f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "out"), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    resaved = (folder / "out" / "template.docx").read_bytes()
    assert resaved != data
    return resaved


def a_case_with_every_action() -> tuple[Case, list[str]]:
    """KHA-2026-0003 with one done action of each type a victim is told about, after the last
    contact with V1 (24 November 2026), and the types in order; plus V1's mediation with her
    own outcome and one she is not told about (the perpetrator's own referral)."""
    from toolkit.casefile.loader import load_case
    from toolkit.casefile.model import Action
    from toolkit.documents.victim_letters import ABOUT_THE_CASE, ABOUT_THE_VICTIM

    case = load_case(CASES / "KHA-2026-0003.yaml")
    kinds = sorted(ABOUT_THE_CASE | ABOUT_THE_VICTIM)
    added = []
    for n, kind in enumerate(kinds):
        party = "V1" if kind in ABOUT_THE_VICTIM else ("P1" if kind != "case_review" else None)
        agency = "Victim Support" if kind == "referral" else None
        added.append(Action(type=kind, party=party, agency=agency, done=datetime(2026, 11, 25, 8 + n // 6, (n % 6) * 10)))
    added.append(Action(type="referral", party="P1", agency="Bromley Youth Offending Team", done=datetime(2026, 11, 26, 9, 0)))
    added.append(Action(type="mediation", party="V1", outcome="You and your neighbour met at the community centre.", done=datetime(2026, 11, 26, 10, 0)))
    return case.model_copy(update={"actions": [*case.actions, *added]}), kinds
