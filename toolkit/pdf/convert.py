""".docx -> PDF with real LibreOffice, through a small pool of warm workers.

How the workers are kept warm, and why this way
-----------------------------------------------
Starting LibreOffice costs about a second (measured here, LibreOffice 7.4, 2 cores:
0.95 s with an existing profile, 1.25 s when it has to create the profile); converting
a one-page letter once it is running costs about 0.05 s.  So what matters is not
starting it once per document.  Two ways were considered:

* A persistent ``soffice --headless --accept=...`` per worker, driven over UNO (what
  unoserver does).  The ``uno`` module is the Python binding that LibreOffice's own
  interpreter carries; on Debian it is the ``python3-uno`` package, built for the
  *system* Python.  It is not importable from the project's virtualenv (another
  interpreter, no ``--system-site-packages``), so this design would need a second
  interpreter and a helper process speaking to it, plus an extra apt package -- more
  moving parts for about one second saved per worker per run.
* **One ``soffice --convert-to pdf`` invocation per worker for a whole batch of files**
  (chosen).  LibreOffice loads once and converts the files one after another; with two
  workers, 100 letters take a few seconds instead of two minutes.  Only the LibreOffice
  binary is needed.

Each worker has its own profile (``-env:UserInstallation=file:///...``): two
LibreOffice processes on one profile do not run side by side -- the second hands its
arguments to the first and exits 0 having converted nothing ("fails silently").  A
profile lives as long as the :class:`ConverterPool`, so every batch after the first one
starts with a warm profile.

Every conversion has a timeout although a batch is one process: LibreOffice prints a
``convert A -> B`` line on stdout as it goes through the files, and a watchdog kills
the process (its whole process group) when no line has come for ``timeout`` seconds
(plus ``startup_timeout`` for the first).  The document that was being converted is
named in the :class:`~toolkit.errors.ToolError`.

Every output is checked to exist and to be a PDF that pypdf opens with at least one
page; results are published only when the whole batch succeeded, each by writing a
temporary file beside the destination and renaming it (a file is there whole or not at
all).  Inputs are checked before LibreOffice starts: a missing file or one that is not
a Word ``.docx`` (a ZIP with ``word/document.xml``) raises :class:`InputError` naming
it -- LibreOffice itself would happily "convert" garbage as plain text.

The binary is found on ``PATH`` (``soffice``, then ``libreoffice``) or in the usual
install folders; ``CASEDOCS_SOFFICE`` overrides it.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
import weakref
import zipfile
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO

from toolkit.errors import InputError, Problem, ToolError
from toolkit.limits import docx_bomb_problem
from toolkit.output import output_errors, temp_prefix
from toolkit.pdf import guard
from toolkit.scratch import scratch_dir

log = logging.getLogger(__name__)

#: Seconds one document may take (measured between LibreOffice's progress lines).
DEFAULT_TIMEOUT = 120.0
#: Extra seconds allowed for LibreOffice to start (and create a profile) before the first file.
DEFAULT_STARTUP_TIMEOUT = 60.0
#: At most this many files per LibreOffice process (bounds memory growth in long runs).
MAX_BATCH = 200

INSTALL_HINT = (
    "run `make demo` as root, or `sudo apt-get install libreoffice-writer-nogui "
    "fonts-liberation2 fonts-crosextra-carlito fonts-noto-core fonts-dejavu-core`"
)

# Writer's PDF export (LibreOffice >= 7.4 reads its options as JSON on the command line):
# - UseTaggedPDF: the structure tree (headings, lists, tables, reading order) a screen reader
#   follows; the document language (/Lang) comes from the .docx's w:lang, which the renderer
#   sets from the template's language, and the title from its core properties;
# - SelectPdfVersion 2: PDF/A-2b, for records kept six years after a case closes (fonts
#   embedded, XMP identification, an output intent);
# - images capped at 300 dpi (the judiciary's e-bundle guidance).
# Every PDF casedocs converts gets these; the bundle assembled from them with pypdf is not
# itself PDF/A and stays as it was.
PDF_EXPORT_OPTIONS: dict[str, tuple[str, str]] = {
    "UseTaggedPDF": ("boolean", "true"),
    "SelectPdfVersion": ("long", "2"),
    "ExportBookmarks": ("boolean", "true"),
    "ReduceImageResolution": ("boolean", "true"),
    "MaxImageResolution": ("long", "300"),
}
PDF_FILTER = "pdf:writer_pdf_Export:" + json.dumps(
    {name: {"type": kind, "value": value} for name, (kind, value) in PDF_EXPORT_OPTIONS.items()}, separators=(",", ":")
)

_CANDIDATES = (
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/usr/local/lib/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)

Progress = Callable[[Path], None]


def find_soffice() -> str:
    """Return the LibreOffice executable, or raise :class:`ToolError` saying what to do."""
    override = os.environ.get("CASEDOCS_SOFFICE", "").strip()
    if override:
        found = shutil.which(override)
        if found is None:
            raise ToolError(
                f"LibreOffice (soffice) was not found at CASEDOCS_SOFFICE={override!r}: "
                "point it at the soffice executable, or unset it to search PATH"
            )
        return found
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in _CANDIDATES:
        if os.access(candidate, os.X_OK):
            return candidate
    raise ToolError(f"LibreOffice (soffice) was not found: {INSTALL_HINT}")


def check_docx(path: Path) -> Problem | None:
    """A :class:`Problem` if ``path`` is not a readable Word .docx file, else ``None``."""
    if not path.is_file():
        return Problem(str(path), 0, 0, "file not found")
    try:
        with zipfile.ZipFile(path) as zf:
            if "word/document.xml" not in set(zf.namelist()):
                return Problem(str(path), 0, 0, "not a Word .docx file (no word/document.xml inside)")
            bomb = docx_bomb_problem(zf)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError, zlib.error) as exc:
        return Problem(
            str(path), 0, 0,
            f"not a Word .docx file ({exc.__class__.__name__}: {exc}); save it from Word as .docx",
        )
    return Problem(str(path), 0, 0, bomb) if bomb else None


def check_pdf_output(path: Path) -> str | None:
    """Why ``path`` is not a usable PDF (``None`` if it is one with >= 1 page)."""
    from pypdf import PdfReader

    if not path.is_file() or path.stat().st_size == 0:
        return "no PDF was written"
    try:
        pages = len(PdfReader(path).pages)
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a broken file
        return f"the PDF written is not valid ({exc.__class__.__name__}: {exc})"
    if pages < 1:
        return "the PDF written has no pages"
    return None


def _publish(src: Path, dst: Path) -> None:
    """Copy ``src`` to ``dst`` atomically (temp file beside ``dst``, then rename)."""
    with output_errors(dst.parent):
        dst.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(dst), suffix=".tmp", dir=dst.parent)
        try:
            with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
                shutil.copyfileobj(inp, out, 1 << 20)
            os.replace(tmp, dst)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _tail(lines: list[str], n: int = 5) -> str:
    useful = [ln for ln in lines if ln.strip() and "javaldx" not in ln]
    return " | ".join(useful[-n:])


class _Cancelled(Exception):
    pass


class ConverterPool:
    """A pool of ``jobs`` LibreOffice workers, each with its own profile.

    Use as a context manager; the profiles (and any staging files) are removed on exit::

        with ConverterPool(jobs=2) as pool:
            pdfs = pool.convert_many(docx_files, out_dir)
            more = pool.convert([(a_docx, a_pdf), (b_docx, b_pdf)])
    """

    def __init__(
        self,
        jobs: int = 2,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        startup_timeout: float = DEFAULT_STARTUP_TIMEOUT,
        soffice: str | None = None,
        max_batch: int = MAX_BATCH,
    ) -> None:
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.jobs = jobs
        self.timeout = float(timeout)
        self.startup_timeout = float(startup_timeout)
        self.max_batch = max(1, max_batch)
        self.soffice = soffice or find_soffice()
        self._root = scratch_dir("lo")
        self._profiles = [self._root / f"profile-{i}" for i in range(jobs)]
        self._cancel = threading.Event()
        self._closed = False
        # profiles are removed even if a caller forgets close() (or the `with`)
        self._cleanup = weakref.finalize(self, shutil.rmtree, self._root, True)

    # -- lifecycle -----------------------------------------------------------------
    def __enter__(self) -> ConverterPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._cleanup()

    # -- public API ----------------------------------------------------------------
    def convert_many(
        self, docx_paths: Sequence[Path], out_dir: Path, *, progress: Progress | None = None
    ) -> list[Path]:
        """Convert each ``docx`` to ``out_dir/<stem>.pdf``; returns the PDFs in input order."""
        out_dir = Path(out_dir)
        pairs = [(Path(p), out_dir / (Path(p).stem + ".pdf")) for p in docx_paths]
        return self.convert(pairs, progress=progress)

    def convert(
        self, pairs: Sequence[tuple[Path, Path]], *, progress: Progress | None = None
    ) -> list[Path]:
        """Convert ``(docx, pdf)`` pairs; returns the PDF paths in input order.

        Raises :class:`InputError` (before starting LibreOffice) when an input is missing
        or not a .docx, and :class:`ToolError` when LibreOffice is missing, times out or
        produces nothing usable.  Nothing is written unless every conversion succeeded.
        """
        if self._closed:
            raise RuntimeError("ConverterPool is closed")
        pairs = [(Path(s), Path(d)) for s, d in pairs]
        if not pairs:
            return []
        problems = [p for p in (check_docx(s) for s, _ in pairs) if p is not None]
        if problems:
            raise InputError(problems)
        seen: dict[Path, Path] = {}
        dup: list[Problem] = []
        for src, dst in pairs:
            key = dst.resolve()
            if key in seen:
                dup.append(Problem(str(src), 0, 0, f"would write the same PDF as {seen[key]} ({dst})"))
            seen[key] = src
        if dup:
            raise InputError(dup)

        batches = self._plan(pairs)
        self._cancel.clear()
        results: dict[int, Path] = {}
        errors: list[BaseException] = []
        lock = threading.Lock()

        def run_worker(worker: int, work: list[list[int]]) -> None:
            try:
                for batch in work:
                    done = self._run_batch(worker, [(i, pairs[i][0]) for i in batch], progress)
                    with lock:
                        results.update(done)
            except _Cancelled:
                pass
            except BaseException as exc:  # noqa: BLE001 - re-raised below, in order
                with lock:
                    errors.append(exc)
                self._cancel.set()

        with ThreadPoolExecutor(max_workers=len(batches)) as ex:
            for f in [ex.submit(run_worker, w, work) for w, work in enumerate(batches)]:
                f.result()
        if errors:
            # InputError before ToolError: the person can fix their input themselves.
            errors.sort(key=lambda e: 0 if isinstance(e, InputError) else 1)
            raise errors[0]
        try:
            for i, (_, dst) in enumerate(pairs):
                _publish(results[i], dst)
        finally:
            for staged in results.values():
                staged.unlink(missing_ok=True)
        return [dst for _, dst in pairs]

    # -- internals -----------------------------------------------------------------
    def _plan(self, pairs: list[tuple[Path, Path]]) -> list[list[list[int]]]:
        """Split the work over the workers (largest files first to the least loaded)."""
        workers = min(self.jobs, len(pairs))
        load = [0] * workers
        assigned: list[list[int]] = [[] for _ in range(workers)]
        order = sorted(range(len(pairs)), key=lambda i: -pairs[i][0].stat().st_size)
        for i in order:
            w = load.index(min(load))
            assigned[w].append(i)
            load[w] += pairs[i][0].stat().st_size + 20_000  # fixed cost per document
        plan = []
        for items in assigned:
            items.sort()
            plan.append([items[k : k + self.max_batch] for k in range(0, len(items), self.max_batch)])
        return plan

    def _stage(self, worker: int, items: list[tuple[int, Path]]) -> tuple[list[Path], Path]:
        """The batch's inputs under plain names (``d0000.docx``, ...) and an empty output folder."""
        stage = Path(tempfile.mkdtemp(prefix=f"w{worker}-", dir=self._root))
        indir, outdir = stage / "in", stage / "out"
        indir.mkdir()
        outdir.mkdir()
        links: list[Path] = []
        for k, (_, src) in enumerate(items):
            link = indir / f"d{k:04d}.docx"
            try:
                link.symlink_to(src.resolve())
            except OSError:
                shutil.copyfile(src, link)
            links.append(link)
        return links, outdir

    def _run_batch(
        self, worker: int, items: list[tuple[int, Path]], progress: Progress | None
    ) -> dict[int, Path]:
        """One LibreOffice process converting ``items``; returns index -> staged PDF."""
        links, outdir = self._stage(worker, items)
        profile = self._profiles[worker]
        cmd = [
            self.soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
            "--nofirststartwizard",
            "--convert-to", PDF_FILTER,
            "--outdir", str(outdir),
            *map(str, links),
        ]
        log.debug("worker %d: LibreOffice on %d file(s)", worker, len(items))
        out_lines: list[str] = []
        err_lines: list[str] = []
        events: queue.Queue[tuple[str, str | None]] = queue.Queue()
        try:
            proc = subprocess.Popen(
                guard.command(cmd), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True, errors="replace", start_new_session=True,
            )
        except OSError as exc:
            raise ToolError(
                f"LibreOffice (soffice) could not be started ({self.soffice}: {exc}): {INSTALL_HINT}"
            ) from exc

        def pump(stream: IO[str], name: str) -> None:
            for line in stream:
                events.put((name, line.rstrip("\n")))
            events.put((name, None))

        threads = [
            threading.Thread(target=pump, args=(proc.stdout, "out"), daemon=True),
            threading.Thread(target=pump, args=(proc.stderr, "err"), daemon=True),
        ]
        for t in threads:
            t.start()
        started = 0  # files LibreOffice has announced
        deadline = time.monotonic() + self.startup_timeout + self.timeout
        open_streams = 2
        try:
            while open_streams:
                if self._cancel.is_set():
                    raise _Cancelled()
                wait = min(0.2, max(0.0, deadline - time.monotonic()))
                try:
                    name, line = events.get(timeout=wait)
                except queue.Empty:
                    if time.monotonic() >= deadline:
                        raise self._timed_out(items, outdir) from None
                    continue
                if line is None:
                    open_streams -= 1
                    continue
                if name == "out":
                    out_lines.append(line)
                    if line.startswith("convert "):
                        if started and progress is not None:
                            progress(items[started - 1][1])
                        started += 1
                        deadline = time.monotonic() + self.timeout
                else:
                    err_lines.append(line)
            try:
                rc = proc.wait(timeout=max(5.0, self.timeout))
            except subprocess.TimeoutExpired:
                raise ToolError(
                    f"LibreOffice (soffice) did not exit after converting {len(items)} file(s): "
                    "check for a stuck soffice process"
                ) from None
        except BaseException:
            guard.stop(proc)
            # a killed LibreOffice may leave its profile half-written: start the next afresh
            shutil.rmtree(profile, ignore_errors=True)
            raise
        finally:
            for t in threads:
                t.join(timeout=5)
        if started and progress is not None:
            progress(items[started - 1][1])

        done: dict[int, Path] = {}
        for k, (index, src) in enumerate(items):
            staged = outdir / f"d{k:04d}.pdf"
            why = check_pdf_output(staged)
            if why is not None:
                detail = _tail(err_lines) or _tail(out_lines) or f"exit status {rc}"
                raise ToolError(
                    f"LibreOffice (soffice) failed to convert {src}: {why} ({detail}); "
                    "check that the document opens in LibreOffice"
                )
            done[index] = staged
        for link in links:
            link.unlink(missing_ok=True)
        return done


    def _timed_out(self, items: list[tuple[int, Path]], outdir: Path) -> ToolError:
        # the file being worked on is the first one without a finished PDF
        current = items[0][1]
        for k, (_, src) in enumerate(items):
            if check_pdf_output(outdir / f"d{k:04d}.pdf") is not None:
                current = src
                break
        return ToolError(
            f"LibreOffice (soffice) timed out after {self.timeout:g} s converting {current}: "
            "check that the document opens in LibreOffice, or raise the timeout"
        )


def convert_many(
    docx_paths: Sequence[Path],
    out_dir: Path,
    jobs: int = 2,
    timeout: float = DEFAULT_TIMEOUT,
    *,
    progress: Progress | None = None,
) -> list[Path]:
    """Convert many .docx files to ``out_dir/<stem>.pdf`` with a pool of ``jobs`` workers."""
    if not docx_paths:
        return []
    with ConverterPool(jobs=jobs, timeout=timeout) as pool:
        return pool.convert_many(docx_paths, out_dir, progress=progress)


def convert_one(
    docx_path: Path, out_pdf: Path | None = None, *, timeout: float = DEFAULT_TIMEOUT
) -> Path:
    """Convert one .docx to ``out_pdf`` (default: beside it, ``.pdf``)."""
    docx_path = Path(docx_path)
    out_pdf = Path(out_pdf) if out_pdf is not None else docx_path.with_suffix(".pdf")
    with ConverterPool(jobs=1, timeout=timeout) as pool:
        return pool.convert([(docx_path, out_pdf)])[0]
