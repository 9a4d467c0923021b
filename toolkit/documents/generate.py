"""The orchestrator: load -> choose template -> build context -> render -> write -> record.

This is the library's entry point for documents (the CLI only parses arguments and
calls :func:`generate` and :func:`verify`). Every document records how it was made, in
its own custom properties and in ``out/<reference>/audit.jsonl``, so that
:func:`verify` can make it again from the same inputs and compare the bytes.
"""

from __future__ import annotations

import hashlib
import json
import warnings
import zipfile
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from toolkit import __version__
from toolkit.documents.base import DocInfo, DocumentKind, Request, article, common_context
from toolkit.documents.kinds import kind as lookup_kind
from toolkit.documents.letters import STAGE_ACTIONS
from toolkit.errors import CasedocsWarning, InputError
from toolkit.formats.braille import BrailleUnavailable, to_brf
from toolkit.casefile.asof import as_known_on
from toolkit.documents.disclosure import reader_of_kind
from toolkit.casefile.history import find_version
from toolkit.casefile.loader import load_bytes, load_case, resolve_case
from toolkit.documents.compare import differences
from toolkit.casefile.model import Case, Party
from toolkit.documents.notices import firm_contact
from toolkit.output import publish_recorded
from toolkit.records import AUDIT_LOG, PROP, made_with, recover_unrecorded
from toolkit.templates.registry import Registry, Selection, is_easy_read, warn_about
from toolkit.templates.engine import Properties, compiled, read_custom_properties



@dataclass
class Rendered:
    """A document in memory, with everything needed to record and reproduce it."""

    request: Request
    selection: Selection
    data: bytes
    record: dict[str, str]
    notes: list[str] = field(default_factory=list)
    braille: bytes | None = None  # the .brf for a reader who reads braille (formats/braille.py)

    @property
    def file_name(self) -> str:
        r = self.request
        flags = (key.replace("_", "-") if value == "yes" else value for key, value in sorted(r.options.items()))
        parts = [r.case.reference, r.kind, r.stage, r.party_id, *flags, r.document_date.isoformat()]
        return "-".join(_slug(p) for p in parts if p) + ".docx"


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in text)


def reader_of(request: Request) -> Party | None:
    """Whose language and format the document follows: the addressee's."""
    party = request.party
    if party is None or request.kind == "referral":  # a referral is read by the agency: English, standard print
        return None
    if request.kind == "consent-withdrawn" and request.options.get("agency"):
        return None  # the notice to the organisation, read there
    if request.kind in ("warning-letter", "abc-review", "abc-review-outcome", "abc-breach", "update-letter", "closure-letter") and party.is_minor_on(request.document_date) and party.guardians:
        return request.case.party(party.guardians[0])
    return party


def render_request(
    request: Request, *, registry: Registry | None = None, template_version: int | None = None, template_sha256: str | None = None,
) -> Rendered:
    """Render one document in memory (no file is touched), from the case as it was known
    on the document's date (:func:`as_known_on`). ``template_sha256`` asks for the exact
    template file a document was made with (:func:`verify`: a translation may have been
    revised since, on the same date).

    The document records its case file by name only (its hash identifies the content),
    so the same case read through another path or working directory gives the same bytes.
    """
    registry = registry or Registry()
    request = replace(request, case=as_known_on(request.case, request.document_date))
    kind: DocumentKind = lookup_kind(request.kind)
    if request.party is not None and kind.roles and request.party.role not in kind.roles:
        raise InputError(
            f"{article(kind.name)} {kind.name} is not written to {article(request.party.role)} {request.party.role.replace('_', ' ')} ({request.party_id}): "
            f"it is for {', '.join(r.replace('_', ' ') for r in kind.roles)}"
        )
    reader = reader_of(request)
    language = reader.language if reader else "en"
    large_print = bool(reader and reader.format == "large_print")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CasedocsWarning)
        wants_easy_read = bool(reader and reader.format == "easy_read")
        selection = registry.select_for_reader(
            kind.name, request.document_date, language, wants_easy_read=wants_easy_read, version=template_version
        )
        exact = registry.by_sha256(kind.name, template_sha256) if template_sha256 else None
        if exact is not None:
            selection = Selection(exact, selection.requested_language)
        warn_about(selection)
        if reader and wants_easy_read and not is_easy_read(selection.template.language):
            warnings.warn(
                f"{reader.name} asked for easy read: there is no easy read version of the {kind.name}, so the standard one was made; arrange an easy read explanation",
                CasedocsWarning,
                stacklevel=2,
            )
    notes = [str(w.message) for w in caught]
    for note in notes:
        warnings.warn(note, CasedocsWarning, stacklevel=2)
    template = selection.template
    info = DocInfo(kind.name, kind.title_for(request), request.document_date, template.language, template.version, large_print)
    context = {**common_context(request, info), **kind.build(request)}
    record = {
        **made_with(kind.name, template),
        "case_reference": request.case.reference,
        "case_file": request.case.source_path.name if request.case.source_path else "",
        "case_sha256": request.case.source_sha256 or "",
        "document_date": request.document_date.isoformat(),
        "casedocs_version": __version__,
        "party": request.party_id or "",
        "stage": request.stage or "",
        "options": json.dumps(request.options, sort_keys=True),
        "large_print": "yes" if large_print else "no",
        "reader": reader_of_kind(kind.name, str(request.options.get("for_respondent", "")) == "yes"),  # whom it was shaped for
    }
    properties = Properties(
        title=info.title,
        reference=request.case.reference,
        author=f"{request.case.officer.name}, Keniston Housing Association",
        document_date=request.document_date,
        custom={PROP + key: value for key, value in record.items()},
    )
    data = compiled(template).render(context, properties, large_print=large_print)
    braille = None
    if reader and reader.format == "braille":
        try:
            braille = to_brf(data, template.language)
        except BrailleUnavailable as why:
            notes.append(
                f"{reader.name} reads braille, but {why}: only the print version was made; arrange a transcription"
            )
            warnings.warn(notes[-1], CasedocsWarning, stacklevel=2)
    return Rendered(request, selection, data, record, notes, braille)


def write_rendered(rendered: Rendered, out: Path) -> list[Path]:
    """Write without overwriting an issued document (and its braille beside it), with its
    audit record in the same step; returns the .docx's path, then the .brf's."""
    folder = out / rendered.request.case.reference
    target = folder / rendered.file_name
    items = [(target, rendered.data)]
    if rendered.braille is not None:
        items.append((target.with_suffix(".brf"), rendered.braille))

    def records(results: list[tuple[Path, bool]]) -> list[dict[str, object]]:
        (path, written), braille = results[0], results[1:]
        if not written:
            return []
        return [{
            **rendered.record,
            "file": path.name,
            "case_path": str(rendered.request.case.source_path.resolve()) if rendered.request.case.source_path else "",
            "sha256": hashlib.sha256(rendered.data).hexdigest(),
            **({"braille_file": braille[0][0].name} if braille else {}),
            "generated_at": datetime.now().isoformat(timespec="seconds"),
            "notes": rendered.notes,
        }]

    return [path for path, _ in publish_recorded(items, folder / AUDIT_LOG, records)]


def generate(
    kind: str,
    case: str | Path | Case,
    *,
    party: str | None = None,
    stage: str | None = None,
    on: date | None = None,
    template_version: int | None = None,
    options: dict[str, str] | None = None,
    pdf: bool = False,
    out: Path = Path("out"),
    registry: Registry | None = None,
) -> list[Path]:
    """Make one document for one case; returns its path (and its PDF's, with ``pdf``)."""
    loaded = case if isinstance(case, Case) else load_case(resolve_case(case))
    party = party or lookup_kind(kind).default_party(loaded)
    if party is not None:
        try:
            loaded.party(party)
        except KeyError:
            raise InputError(f"{loaded.reference} has no party '{party}': the parties are {', '.join(p.id for p in loaded.parties)}") from None
    request = Request(loaded, kind, on or date.today(), party, stage, dict(options or {}))
    paths = write_rendered(render_request(request, registry=registry, template_version=template_version), out)
    return [*paths, *to_pdf(paths[:1])] if pdf else paths


def to_pdf(documents: list[Path]) -> list[Path]:
    """The PDF beside each .docx, converted only where it is not there yet.

    A .docx name is never reused for other bytes, so an existing PDF beside it is its
    own rendering; converting again would only change LibreOffice's timestamps.
    """
    from toolkit.pdf.convert import ConverterPool

    documents = list(dict.fromkeys(documents))  # the same document asked for twice is converted once
    missing = [(d, d.with_suffix(".pdf")) for d in documents if not d.with_suffix(".pdf").exists()]
    if missing:
        with ConverterPool(jobs=min(2, len(missing))) as pool:
            pool.convert(missing)
    return [d.with_suffix(".pdf") for d in documents]


def generate_letters(case: str | Path, *, on: date | None = None, pdf: bool = False, out: Path = Path("out")) -> list[Path]:
    """Every letter the case's log calls for, each dated as the log records (else ``on``)."""
    loaded = load_case(resolve_case(case))
    recover_unrecorded(out / loaded.reference)
    written = []
    for letter in planned_letters(loaded):
        document_date = letter.on or on or date.today()
        written += generate(letter.kind, loaded, party=letter.party, stage=letter.stage, on=document_date, options=dict(letter.options), out=out)
    return [*written, *to_pdf([p for p in written if p.suffix == ".docx"])] if pdf else written


@dataclass(frozen=True)
class Verdict:
    """Whether a document is what its recorded inputs make, and if not, what differs."""

    identical: bool
    message: str
    details: tuple[str, ...] = ()


def _recorded_case_path(document: Path, reference: str) -> Path | None:
    """Where the case file was when the document was written, from the audit log beside it.

    The document's own record is preferred; failing that (a copy under another name),
    the latest record for the same case.
    """
    log = document.parent / AUDIT_LOG
    if not log.exists():
        return None
    own = same_case = None
    for line in log.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if record.get("case_reference") == reference and record.get("case_path"):
            same_case = Path(record["case_path"])
            if record.get("file") == document.name:
                own = same_case
    found = own or same_case
    return found if found and found.exists() else None


def verify(document: Path, *, case_path: Path | None = None, registry: Registry | None = None) -> Verdict:
    """Regenerate ``document`` from the inputs it records and compare the bytes."""
    try:
        data = document.read_bytes()
        recorded = {k.removeprefix(PROP): v for k, v in read_custom_properties(data).items() if k.startswith(PROP)}
    except (OSError, ValueError, zipfile.BadZipFile) as error:
        raise InputError.at(document, 0, 0, f"cannot be read as a .docx ({error})") from None
    if "template_sha256" not in recorded:
        raise InputError.at(document, 0, 0, "this document was not made by casedocs (it records no template or case)")
    missing = [key for key in ("kind", "case_file", "case_reference", "case_sha256", "document_date", "template_version", "party", "stage") if key not in recorded]
    if missing:
        raise InputError.at(document, 0, 0, f"this document's record of how it was made is incomplete (no {', '.join(missing)})")
    source = case_path or _recorded_case_path(document, recorded["case_reference"]) or resolve_case(recorded["case_reference"])
    case = load_case(source)
    made_from = str(source)
    if case.source_sha256 != recorded["case_sha256"]:
        version = find_version(source, recorded["case_sha256"])
        if version is None:
            return Verdict(False, (
                f"{document}: the case file {source} has changed since this document was made, and no version of it "
                f"in its git history has the SHA-256 the document records ({recorded['case_sha256'][:12]}...), "
                "so it cannot be regenerated"
            ))
        case = load_bytes(version.data, source)
        made_from = f"{source} as in {version.label}"
    request = Request(
        case, recorded["kind"], date.fromisoformat(recorded["document_date"]),
        recorded["party"] or None, recorded["stage"] or None, json.loads(recorded.get("options", "{}")),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CasedocsWarning)
        again = render_request(
            request, registry=registry, template_version=int(recorded["template_version"]), template_sha256=recorded["template_sha256"],
        )
    if again.selection.template.sha256 != recorded["template_sha256"]:
        return Verdict(False, f"{document}: made with a template whose hash is no longer in the registry")
    if again.data == data:
        return Verdict(True, f"{document}: identical (regenerated from {made_from}, {again.selection.template.label})")
    note = "" if recorded["casedocs_version"] == __version__ else f" (made by casedocs {recorded['casedocs_version']}, this is {__version__})"
    return Verdict(
        False, f"{document}: differs from what its recorded inputs give now (regenerated from {made_from}){note}:",
        tuple(differences(data, again.data)),
    )


def letters_for(case: Case) -> list[tuple[str, str, str | None]]:
    """(kind, party, stage) of every letter the case calls for, from its action log.

    An acknowledgement for every victim; a warning letter at each stage the log records
    (``verbal_warning`` -> verbal, ``warning_letter`` -> first, ``final_warning`` ->
    final) for the party the action names, or every perpetrator when it names none; the
    Acceptable Behaviour Contract when the log has an ``abc`` action and the case an ``abc``.
    """
    wanted: list[tuple[str, str, str | None]] = [("acknowledgement", p.id, None) for p in case.victims]
    entry: tuple[str, str, str | None]
    stage_of = {action_type: stage for stage, action_type in STAGE_ACTIONS.items()}
    perpetrators = [p.id for p in case.perpetrators]
    for action in case.actions:
        if action.type in stage_of:
            for pid in [action.party] if action.party in perpetrators else perpetrators:
                if (entry := ("warning-letter", pid, stage_of[action.type])) not in wanted:
                    wanted.append(entry)
        elif action.type == "abc" and case.abc is not None and (entry := ("abc", case.abc.party, None)) not in wanted:
            wanted.append(entry)  # the contract itself, when the log records one was made
        elif action.type == "abc_review" and action.done and case.abc is not None and (entry := ("abc-review-outcome", case.abc.party, None)) not in wanted:
            wanted.append(entry)  # the contract promises the review's outcome in writing
    if case.closed is not None:
        wanted += [("closure-letter", p.id, None) for p in case.victims]
    return wanted


@dataclass(frozen=True)
class PlannedLetter:
    """One letter ``letters`` makes: its kind, reader, stage, date (``None``: the run's) and options."""

    kind: str
    party: str | None
    stage: str | None
    on: date | None
    options: tuple[tuple[str, str], ...] = ()


def planned_letters(case: Case) -> list[PlannedLetter]:
    """Every letter of :func:`letters_for` with its date; then one update letter for each
    done ``victim_update`` (policy 8.10: the update is confirmed in writing), in log order;
    for each withdrawn consent the confirmation to the person and a notice to each
    organisation it named, on the day it was withdrawn; the letter to a contractor's firm on
    the day the log first records an action for it (policy 11.2)."""
    planned = [PlannedLetter(kind, party, stage, letter_date(case, kind, party, stage)) for kind, party, stage in letters_for(case)]
    victims = {p.id for p in case.victims}
    for action in case.actions:
        if action.type == "victim_update" and action.done and action.party in victims:
            planned.append(PlannedLetter("update-letter", action.party, None, action.done.date()))
    for consent in case.consents:
        if consent.withdrawn is not None:
            planned.append(PlannedLetter("consent-withdrawn", consent.party, None, consent.withdrawn))
            planned += [PlannedLetter("consent-withdrawn", consent.party, None, consent.withdrawn, (("agency", a),)) for a in consent.agencies]
    firm = firm_contact(case)
    first = min((a.done for a in case.actions if firm and a.party == firm and a.done), default=None)
    if firm and first:
        planned.append(PlannedLetter("contractor-letter", firm, None, first.date()))
    return list(dict.fromkeys(planned))


def letter_date(case: Case, kind: str, party: str, stage: str | None) -> date | None:
    """The date the case log records for a letter, so regenerating reproduces the issued one."""
    if kind == "closure-letter":
        return case.closed
    wanted = {"acknowledgement": "initial_contact", "abc": "abc", "abc-review-outcome": "abc_review"}.get(kind) or STAGE_ACTIONS.get(stage or "")
    for action in case.actions:
        if action.type == wanted and action.done and action.party in (party, None):
            return action.done.date()
    return None

