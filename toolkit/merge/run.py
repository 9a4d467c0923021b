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
3. **Render and write** with ``--jobs`` worker processes (default: every core,
   :mod:`toolkit.merge.workers`). The per-template work -- unzip, tag repair, Jinja compile --
   is done once (:class:`~toolkit.templates.engine.CompiledTemplate`); per letter
   (:mod:`toolkit.merge.letter`) only the context is built, Jinja runs and the zip is written
   (parts the letter does not change are deflated once per template). Rows are streamed to
   the workers in batches (``imap``); a worker writes its batch itself, with one disk sync,
   and returns only paths and hashes, so memory stays flat however long the list.
4. **Record** each document in ``audit.jsonl`` in the output folder (the template, its
   hash, the document's hash, the row and a *render key*). Running again skips, without
   rendering, every recipient whose render key is recorded and whose file is there; a
   document whose file exists with the same bytes is not written again anyway
   (:func:`~toolkit.output.write_issued`).
5. With ``--pdf`` (:mod:`toolkit.merge.printing`): every letter to PDF through the LibreOffice
   pool (warm workers, in batches), then one **print file** sorted by postcode in which each
   letter starts on an odd page, for duplex printing; past ``PRINT_VOLUME`` letters, in
   numbered volumes.

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
import multiprocessing
import os
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from toolkit import __version__
from toolkit.errors import CasedocsWarning, InputError
from toolkit.formats.braille import BrailleUnavailable, table_for
from toolkit.merge import workers
from toolkit.merge.kinds import merge_kind
from toolkit.merge.letter import file_name, render_key
from toolkit.merge.printing import PrintItem, make_pdfs
from toolkit.merge.progress import ProgressBar
from toolkit.merge.recipients import Survey, read_rows, survey
from toolkit.merge.result import MergeResult
from toolkit.merge.workers import Done, Task
from toolkit.output import FILE_MODE, ensure_dir, withdraw_unless_recorded
from toolkit.records import AUDIT_LOG, read_records, recover_unrecorded, unrecorded
from toolkit.templates.engine import compiled
from toolkit.templates.registry import Registry, TemplateVersion, is_easy_read


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
    print_items: list[PrintItem] = []  # (postcode, name, line, docx): small, for --pdf
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
                if selection.fell_back:  # pl got English; en-GB getting en, or pl-PL getting pl, did not
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
            return workers.batches(tasks())

        pending: dict[int, tuple[str, TemplateVersion, str]] = {}
        bar = ProgressBar(f"{mk.name}: letters", found.good) if progress else None
        processes = min(jobs, found.good)
        try:
            if processes > 1:
                context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
                try:
                    with context.Pool(processes, initializer=workers.init_worker, initargs=(mk.name, on, templates)) as pool:
                        for outcomes in pool.imap(workers.render_batch, batches()):
                            _record(outcomes, pending, result, folder, emit, keep_paths, bar)
                except BaseException:
                    _remove_strays(folder)  # the pool is stopped (its workers joined): theirs, half-written
                    raise
            else:
                workers.prepare(mk, on)
                for batch in batches():
                    _record(workers.render_batch(batch), pending, result, folder, emit, keep_paths, bar)
        except BaseException:
            _withdraw_unrecorded(folder, started)  # finished by a worker after the failure, never recorded
            raise
        finally:
            if bar:
                bar.close()
        recover_unrecorded(folder)  # left by an earlier interrupted run for rows no longer in the list

        if pdf:
            make_pdfs(mk.name, on, folder, print_items, jobs, result, emit, progress)
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
