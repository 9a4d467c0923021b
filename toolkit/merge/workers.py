"""The merge's worker processes: each renders a batch of letters and writes it with one disk sync.

The per-template work (unzip, tag repair, Jinja compile) is done once: compiled in the parent
before the pool forks, and again by :func:`init_worker` where the platform does not fork. A
batch of :data:`BATCH` letters is rendered, written with one sync for the batch rather than an
``fsync`` per file (the sync, not the rendering, was the cost), and only paths and hashes go
back to the parent, so memory stays flat however long the list. The parent records them
(:mod:`toolkit.merge.run`); a run in one process calls :func:`render_batch` itself.
"""

from __future__ import annotations

import hashlib
import signal
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from toolkit.formats.braille import BrailleUnavailable, to_brf
from toolkit.merge.kinds import MergeKind, merge_kind
from toolkit.merge.letter import render_recipient
from toolkit.merge.recipients import Recipient
from toolkit.output import write_issued_many
from toolkit.templates.engine import compiled
from toolkit.templates.registry import TemplateVersion

BATCH = 32  # letters a worker renders, syncs and writes together

Task = tuple[int, Recipient, TemplateVersion, str, bool]  # line, recipient, template, target, render?
Done = tuple[int, str, bool, str, bool]  # line, path, written, sha256, rendered

_worker: dict[str, Any] = {}


def prepare(kind: MergeKind, on: date) -> None:
    """What every batch of this process is made for: the kind and the date."""
    _worker.update(kind=kind, on=on)


def init_worker(kind: str, on: date, templates: list[TemplateVersion]) -> None:
    """Once per worker: compile the templates (a no-op when inherited from the parent by fork)."""
    # the parent handles Ctrl-C: it stops the pool (SIGTERM, which ends a worker at once) and
    # then removes the temporary files the workers were writing
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # and not the parent's SIGTERM handler (inherited by fork): Pool.terminate() must end a worker
    # at once, whatever it is waiting on, or joining it can hang
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    prepare(merge_kind(kind), on)
    for template in templates:
        compiled(template)


def render_batch(batch: list[Task]) -> list[Done]:
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


def batches(tasks: Iterator[Task]) -> Iterator[list[Task]]:
    """The tasks in batches of ``BATCH`` (a worker renders, syncs and writes each together)."""
    batch: list[Task] = []
    for task in tasks:
        batch.append(task)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
