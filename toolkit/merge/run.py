"""``casedocs merge KIND RECIPIENTS``: one document per row of a recipient list.

How a run goes
--------------
1. **Validate every row first** (:func:`toolkit.merge.recipients.survey`, a stream): a bad row
   is ``file:line: what is wrong``; without ``--skip-bad-rows`` nothing is made and the
   exit status is 1. An identical row repeated counts as bad (two letters to one person).
2. **Choose the template once per language and format** (``Registry.select_for_reader``): a
   recipient whose language has no variant gets English, one who asked for easy read gets the
   Easy Read version where there is one, and the run says on stderr how many did not. A
   recipient who reads braille also gets a ``.brf`` beside the letter (formats/braille.py).
3. **Render and write** with ``--jobs`` worker processes (default: every core). The
   per-template work -- unzip, tag repair, Jinja compile -- is done once
   (:class:`~toolkit.templates.engine.CompiledTemplate`, compiled in the parent before the pool
   forks, and again by each worker's initializer where the platform does not fork);
   per letter only the context is built, Jinja runs and the zip is written (parts the
   letter does not change are deflated once per template). Rows are streamed to the
   workers in batches of :data:`BATCH` (``imap``); a worker writes its batch itself, with
   one disk sync for the batch rather than an ``fsync`` per file (the sync, not the
   rendering, was the cost), and returns only paths and hashes, so memory stays flat
   however long the list.
4. **Record** each document in ``audit.jsonl`` in the output folder (the template, its
   hash, the document's hash, the row and a *render key*). Running again skips, without
   rendering, every recipient whose render key is recorded and whose file is there; a
   document whose file exists with the same bytes is not written again anyway
   (:func:`~toolkit.output.write_issued`).
5. With ``--pdf``: every letter to PDF through the LibreOffice pool (warm workers, in
   batches), then one **print file** sorted by postcode in which each letter starts on
   an odd page (a blank page is added after a letter with an odd page count), for
   duplex printing; past :data:`PRINT_VOLUME` letters, in numbered volumes.

Output: ``out/merge/<kind>-<date>/<name>-<postcode>-<key8>.docx``. The name depends
only on the row's values (``key8`` is the start of a SHA-256 of all of them), so it is
stable when rows are added, removed or re-sorted, and unique per distinct recipient.

Interrupting (Ctrl-C, ``kill``) leaves no partial file: documents appear by an atomic
hard link from a complete temporary file; the parent stops the pool and then removes the
temporary files its workers were writing; a run also removes stray temporary files left
in its folder by a ``kill -9`` (it holds a lock on the folder, so no other run is using them).
"""

from __future__ import annotations

import fcntl
import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from toolkit import __version__
from toolkit.association import KENISTON, Association
from toolkit.documents.base import DocInfo
from toolkit.errors import CasedocsWarning, InputError
from toolkit.records import AUDIT_LOG, PROP, read_records, recover_unrecorded, unrecorded
from toolkit.output import FILE_MODE, ensure_dir, replace_atomically, withdraw_unless_recorded, write_issued_many
from toolkit.merge.recipients import Recipient, RowProblem, Survey, read_rows, survey
from toolkit.formats.braille import BrailleUnavailable, table_for, to_brf
from toolkit.templates.registry import SOURCE_LANGUAGE, Registry, TemplateVersion, is_easy_read, plain_language
from toolkit.templates.engine import Properties, compiled

BATCH = 32  # letters a worker renders, syncs and writes together
PDF_BATCH = 100
#: Letters per print file: a longer list gets volumes (-print-01.pdf, ...), in postcode order
#: across them, so that neither the file nor the memory to build it grows without bound.
PRINT_VOLUME = 1000


# -- merge kinds ----------------------------------------------------------------------
@dataclass(frozen=True)
class MergeKind:
    """A document kind made from a recipient list rather than a case."""

    name: str
    title: str
    context_types: dict[str, Any] = field(default_factory=dict)
    build: Callable[[Recipient, DocInfo], dict[str, Any]] = lambda recipient, info: {}


#: What every merge template receives (never ``case`` or ``officer``: there is no case).
MERGE_COMMON_TYPES: dict[str, Any] = {"recipient": Recipient, "association": Association, "doc": DocInfo, "locale": str}

MERGE_KINDS: dict[str, MergeKind] = {
    k.name: k for k in (MergeKind("policy-notice", "Harassment: our policy and how to report it"),)
}


def merge_kind(name: str) -> MergeKind:
    try:
        return MERGE_KINDS[name]
    except KeyError:
        raise InputError(f"there is no mail-merge kind '{name}': the kinds are {', '.join(sorted(MERGE_KINDS))}") from None


def merge_context_types() -> dict[str, dict[str, Any]]:
    """For ``casedocs templates check``: what each merge kind's templates may use."""
    return {name: {**MERGE_COMMON_TYPES, **k.context_types} for name, k in MERGE_KINDS.items()}


# -- one document ---------------------------------------------------------------------
def doc_info(kind: MergeKind, recipient: Recipient, template: TemplateVersion, on: date) -> DocInfo:
    return DocInfo(kind.name, kind.title, on, template.language, template.version, recipient.large_print)


def recipient_context(kind: MergeKind, recipient: Recipient, info: DocInfo) -> dict[str, Any]:
    return {"recipient": recipient, "association": KENISTON, "doc": info, "locale": info.language, **kind.build(recipient, info)}


def recipient_record(kind: MergeKind, recipient: Recipient, template: TemplateVersion, on: date) -> dict[str, str]:
    """What the document records about its making (its custom properties)."""
    return {
        "kind": kind.name,
        "template_kind": template.kind,
        "template_version": str(template.version),
        "template_language": template.language,
        "template_sha256": template.sha256,
        "requested_language": recipient.language,
        "document_date": on.isoformat(),
        "casedocs_version": __version__,
        "large_print": "yes" if recipient.large_print else "no",
        "recipient_key": recipient.key,
    }


def recipient_properties(kind: MergeKind, recipient: Recipient, template: TemplateVersion, on: date) -> Properties:
    return Properties(
        title=kind.title,
        author=KENISTON.name,
        document_date=on,
        custom={PROP + k: v for k, v in recipient_record(kind, recipient, template, on).items()},
    )


def render_recipient(kind: str | MergeKind, recipient: Recipient, template: TemplateVersion, on: date) -> bytes:
    """One merge document in memory: the same bytes whichever path asks for it."""
    mk = kind if isinstance(kind, MergeKind) else merge_kind(kind)
    info = doc_info(mk, recipient, template, on)
    return compiled(template).render(
        recipient_context(mk, recipient, info), recipient_properties(mk, recipient, template, on), large_print=recipient.large_print
    )


def fell_back_to_english(template_language: str, wanted: str) -> bool:
    """``pl`` got English; ``pl-PL`` getting ``pl``, or ``en-GB`` getting ``en``, did not fall back."""
    base = wanted.lower().replace("_", "-").split("-")[0]
    return plain_language(template_language) == SOURCE_LANGUAGE and base != SOURCE_LANGUAGE


def slug(text: str, limit: int = 40) -> str:
    """File-name-safe ASCII: ``Zoë O'Brien & <Sons>`` -> ``zoe-obrien-sons``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    ascii_text = ascii_text.replace("'", "")
    words = "".join(c if c.isalnum() else " " for c in ascii_text).split()
    return "-".join(words)[:limit].strip("-")


def file_name(recipient: Recipient) -> str:
    name = slug(recipient.name) or "recipient"
    return f"{name}-{slug(recipient.postcode)}-{recipient.key[:8]}.docx"


def render_key(kind: str, recipient: Recipient, template: TemplateVersion, on: date) -> str:
    """Everything a document depends on; a recorded key with its file present means done."""
    parts = [kind, recipient.key, template.sha256, on.isoformat(), __version__]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


# -- workers --------------------------------------------------------------------------
_worker: dict[str, Any] = {}


def _init_worker(kind: str, on: date, templates: list[TemplateVersion]) -> None:
    """Once per worker: compile the templates (a no-op when inherited from the parent by fork)."""
    # the parent handles Ctrl-C: it stops the pool (SIGTERM, which ends a worker at once) and
    # then removes the temporary files the workers were writing
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # and not the parent's SIGTERM handler (inherited by fork): Pool.terminate() must end a worker
    # at once, whatever it is waiting on, or joining it can hang
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker.update(kind=merge_kind(kind), on=on)
    for template in templates:
        compiled(template)


Task = tuple[int, Recipient, TemplateVersion, str, bool]  # line, recipient, template, target, render?
Done = tuple[int, str, bool, str, bool]  # line, path, written, sha256, rendered


def _render_batch(batch: list[Task]) -> list[Done]:
    """Render a batch of letters and write them (one disk sync for the batch); return only paths and hashes."""
    made: list[tuple[int, Path, bytes]] = []
    done: dict[int, Done] = {}
    braille: list[tuple[Path, bytes]] = []
    for line, recipient, template, target, needed in batch:
        if needed:
            data = render_recipient(_worker["kind"], recipient, template, _worker["on"])
            made.append((line, Path(target), data))
            if recipient.format == "braille":
                try:
                    braille.append((Path(target).with_suffix(".brf"), to_brf(data, template.language)))
                except BrailleUnavailable:
                    pass  # the print letter only; the run's notes say so (MergeResult.no_braille)
        else:
            done[line] = (line, target, False, "", False)
    for (line, _, data), (path, written) in zip(made, write_issued_many([(t, d) for _, t, d in made])):
        done[line] = (line, str(path), written, hashlib.sha256(data).hexdigest(), True)
    write_issued_many(braille)
    return [done[task[0]] for task in batch]


# -- progress -------------------------------------------------------------------------
class ProgressBar:
    """``label [#####.....] 120/400`` on stderr, only when stderr is a terminal."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.enabled = total > 0 and self.stream.isatty()
        self.label, self.total, self.width = label, total, width
        self.done = 0
        self._last = 0.0

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.enabled and (now - self._last >= 0.1 or self.done >= self.total):
            self._last = now
            filled = int(self.width * self.done / self.total)
            self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()


# -- the run --------------------------------------------------------------------------
@dataclass
class MergeResult:
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


def _remove_strays(folder: Path) -> None:
    for stray in [*folder.glob(".*.part"), *folder.glob(".*.tmp")]:
        stray.unlink(missing_ok=True)


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    ensure_dir(folder)
    handle = os.fdopen(os.open(folder / ".merge.lock", os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE), "a")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(f"{folder}: another casedocs merge is writing to this folder: wait for it to finish") from None
        _remove_strays(folder)  # left by a kill -9 (the lock says no other run is using them)
        yield
    finally:
        handle.close()


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """``kill`` stops a run as Ctrl-C does: the pool is stopped, temporary files removed."""
    if threading.current_thread() is threading.main_thread():  # signals can only be set there
        def handler(signum: int, frame: Any) -> None:
            raise KeyboardInterrupt

        previous = signal.signal(signal.SIGTERM, handler)
        try:
            yield
        finally:
            signal.signal(signal.SIGTERM, previous)
    else:
        yield


def _done_keys(folder: Path) -> dict[str, str]:
    """render key -> file name, from the audit log of earlier runs (a torn last line is ignored)."""
    return {
        record["render_key"]: record["file"]
        for record in read_records(folder / AUDIT_LOG)
        if isinstance(record.get("render_key"), str) and isinstance(record.get("file"), str)
    }


def _withdraw_unrecorded(folder: Path, since: float) -> None:
    """After a failed run: its documents that were never recorded (nor printed) are not issued."""
    for path in unrecorded(folder, since):
        path.unlink(missing_ok=True)


def _batches(tasks: Iterator[Task]) -> Iterator[list[Task]]:
    """The tasks in batches of ``BATCH`` (a worker renders, syncs and writes each together)."""
    batch: list[Task] = []
    for task in tasks:
        batch.append(task)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _usable_rows(path: Path, skip_bad_rows: bool) -> Survey:
    """Every row checked before anything is made: bad rows stop the run unless skipped."""
    found = survey(path)
    if found.bad and not skip_bad_rows:
        rows = len(found.bad_lines)
        raise InputError(
            "\n".join(str(p) for p in found.bad)
            + f"\n{rows} row{'s' if rows != 1 else ''} of {path} {'have' if rows != 1 else 'has'} problems, so nothing was made: "
            "correct them, or run again with --skip-bad-rows to make the letters for the other rows"
        )
    if not found.good:
        raise InputError(f"{path}:1: there are no recipients to write to" + (" (every row has a problem)" if found.bad else ""))
    return found


def merge(
    kind: str,
    recipients: str | Path,
    *,
    on: date | None = None,
    out: Path = Path("out"),
    jobs: int | None = None,
    pdf: bool = False,
    skip_bad_rows: bool = False,
    registry: Registry | None = None,
    emit: Callable[[Path], None] | None = None,
    keep_paths: bool = False,
    progress: bool = True,
) -> MergeResult:
    """Make one ``kind`` document per recipient in ``recipients``; see the module docstring.

    ``emit`` is called with every file as soon as it is written or found already done
    (the CLI prints it); ``keep_paths`` also collects them in the result (for tests and
    small runs: a long run should use ``emit``).
    """
    mk = merge_kind(kind)
    registry = registry or Registry()
    on = on or date.today()
    jobs = max(1, jobs or os.cpu_count() or 1)
    path = Path(recipients)
    folder = Path(out) / "merge" / f"{mk.name}-{on.isoformat()}"
    result = MergeResult(folder)

    found = _usable_rows(path, skip_bad_rows)
    result.bad = found.bad
    with warnings.catch_warnings():  # the run reports fallbacks and unreviewed translations once, counted
        warnings.simplefilter("ignore", CasedocsWarning)
        selections = {  # (language, easy read?) -> the template
            (language, easy): registry.select_for_reader(mk.name, on, language, wants_easy_read=easy)
            for language in found.languages for easy in (False, True)
        }
    templates = list({s.template: None for s in selections.values()})
    for template in templates:
        compiled(template)  # once, before the workers fork (they inherit it)

    emit = emit or (lambda p: None)
    print_items: list[tuple[str, str, int, Path]] = []  # (postcode, name, line, docx): small, for --pdf
    with _folder_lock(folder), _sigterm_as_interrupt():
        done = _done_keys(folder)
        started = time.time() - 1  # file times may be rounded down to the second

        def tasks() -> Iterator[Task]:
            for row in read_rows(path):
                if row.line in found.bad_lines or row.recipient is None:
                    continue
                recipient = row.recipient
                selection = selections[recipient.language, recipient.format == "easy_read"]
                template = selection.template
                key = render_key(mk.name, recipient, template, on)
                previous = done.get(key)
                finished = previous is not None and (folder / previous).exists()
                target = folder / (previous if previous is not None and finished else file_name(recipient))
                # bookkeeping before the yield: the pool consumes this generator in its own
                # thread, and a result may come back before the generator is resumed
                pending[row.line] = (key, template, recipient.language)
                if fell_back_to_english(selection.template.language, recipient.language):
                    result.fell_back[recipient.language] += 1
                if template.entry.translation_status == "unreviewed":
                    result.unreviewed[template.language] += 1
                if recipient.format == "easy_read" and not is_easy_read(template.language):
                    result.easy_read += 1
                if recipient.format == "braille" and not _has_braille(template.language):
                    result.no_braille[template.language] += 1
                if pdf:
                    print_items.append((recipient.postcode, recipient.name, row.line, target))
                yield row.line, recipient, template, str(target), not finished

        def batches() -> Iterator[list[Task]]:
            return _batches(tasks())

        pending: dict[int, tuple[str, TemplateVersion, str]] = {}
        bar = ProgressBar(f"{mk.name}: letters", found.good) if progress else None
        workers = min(jobs, found.good)
        try:
            if workers > 1:
                context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
                try:
                    with context.Pool(workers, initializer=_init_worker, initargs=(mk.name, on, templates)) as pool:
                        for outcomes in pool.imap(_render_batch, batches()):
                            _record(outcomes, pending, result, folder, emit, keep_paths, bar)
                except BaseException:
                    _remove_strays(folder)  # the pool is stopped (its workers joined): theirs, half-written
                    raise
            else:
                _worker.update(kind=mk, on=on)
                for batch in batches():
                    _record(_render_batch(batch), pending, result, folder, emit, keep_paths, bar)
        except BaseException:
            _withdraw_unrecorded(folder, started)  # finished by a worker after the failure, never recorded
            raise
        finally:
            if bar:
                bar.close()
        recover_unrecorded(folder)  # left by an earlier interrupted run for rows no longer in the list

        if pdf:
            _make_pdfs(mk.name, on, folder, print_items, jobs, result, emit, progress)
    return result


def _has_braille(language: str) -> bool:
    try:
        return bool(table_for(language))
    except BrailleUnavailable:
        return False


def _record(
    outcomes: list[Done], pending: dict[int, tuple[str, TemplateVersion, str]], result: MergeResult,
    folder: Path, emit: Callable[[Path], None], keep_paths: bool, bar: ProgressBar | None,
) -> None:
    records = []
    paths = []
    fresh = []  # written by this batch: withdrawn if their records cannot be written
    for line, target, written, sha, rendered in outcomes:
        key, template, language = pending.pop(line)
        path = Path(target)
        paths.append(path)
        result.count += 1
        if rendered:
            result.written += int(written)
            result.found_unrecorded += int(not written)
            if written:
                fresh.append(path)
            records.append({
                "row": line, "file": path.name, "sha256": sha, "render_key": key, "written": written,
                "template_kind": template.kind, "template_version": template.version,
                "template_language": template.language, "template_sha256": template.sha256,
                "requested_language": language, "casedocs_version": __version__,
                "generated_at": datetime.now().isoformat(timespec="seconds"),
            })
        else:
            result.already_done += 1
    withdraw_unless_recorded(fresh, folder / AUDIT_LOG, records)
    for path in paths:  # printed only once recorded
        emit(path)
        if path.with_suffix(".brf").exists():  # the braille beside it (formats/braille.py)
            emit(path.with_suffix(".brf"))
        if keep_paths:
            result.documents.append(path)
    if bar:
        bar.advance(len(outcomes))


# -- PDF ------------------------------------------------------------------------------
def _make_pdfs(
    kind: str, on: date, folder: Path, items: list[tuple[str, str, int, Path]], jobs: int,
    result: MergeResult, emit: Callable[[Path], None], progress: bool,
) -> None:
    from toolkit.pdf.convert import ConverterPool

    missing = [(d, d.with_suffix(".pdf")) for _, _, _, d in items if not d.with_suffix(".pdf").exists()]
    bar = ProgressBar(f"{kind}: PDF", len(missing)) if progress else None
    try:
        if missing:
            with ConverterPool(jobs=min(jobs, len(missing))) as pool:
                for start in range(0, len(missing), PDF_BATCH):  # an interrupted run keeps finished batches
                    pool.convert(missing[start : start + PDF_BATCH], progress=(lambda p: bar.advance()) if bar else None)
    finally:
        if bar:
            bar.close()
    for _, _, _, docx in items:
        result.pdfs.append(docx.with_suffix(".pdf"))
        emit(docx.with_suffix(".pdf"))
    items.sort(key=lambda item: (_postcode_order(item[0]), item[1].lower(), item[2]))
    ordered = [d.with_suffix(".pdf") for _, _, _, d in items]
    volumes = [ordered[i : i + PRINT_VOLUME] for i in range(0, len(ordered), PRINT_VOLUME)]
    for number, volume in enumerate(volumes, start=1):
        suffix = "" if len(volumes) == 1 else f"-{number:02d}"
        printed = print_file(volume, folder / f"{kind}-{on.isoformat()}-print{suffix}.pdf")
        result.print_pdfs.append(printed)
        emit(printed)


def _postcode_order(postcode: str) -> tuple[str, int, str, str]:
    """Postcodes in the order the post sorts them: ``BR6 0JA`` before ``BR10 1AA``."""
    outward, _, inward = postcode.partition(" ")
    area = outward[: len(outward) - len(outward.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))]
    rest = outward[len(area):]
    digits = rest[: len(rest) - len(rest.lstrip("0123456789"))]
    return (area, int(digits or 0), rest[len(digits):], inward)


def print_file(pdfs: list[Path], target: Path) -> Path:
    """One PDF of every letter in order, each starting on an odd page (for duplex printing)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for pdf in pdfs:
        reader = PdfReader(pdf)
        for page in reader.pages:
            writer.add_page(page)
        if len(reader.pages) % 2:
            last = reader.pages[-1].mediabox
            writer.add_blank_page(width=float(last.width), height=float(last.height))
    import io

    buffer = io.BytesIO()
    writer.write(buffer)
    return replace_atomically(target, buffer.getvalue())
