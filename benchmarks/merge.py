"""Benchmarks for the mail merge (``casedocs merge``); rows ``(name, measured, baseline, ratio, target)``.

Nothing here asserts (timings do not belong in tests). The machine matters: every row
that measures wall time is only meaningful on an otherwise idle machine, so
:func:`run` also returns the load average it started with.

* ``per-letter``: the same template (``policy-notice`` v1) and the same recipient,
  rendered N times by a plain docxtpl loop (``DocxTemplate(path)``, ``render(ctx)``,
  ``save(BytesIO)``, with our Jinja environment so the filters exist) and by casedocs
  (:func:`toolkit.merge.letter.render_recipient`: compiled once, rendered N times). Milliseconds
  per letter; target: casedocs at least 10 times faster.
* ``10k-docx``: ``casedocs merge`` of 10,000 synthetic recipients to .docx with
  ``--jobs`` = every core, run as a child process. Wall seconds (target < 30 s) and
  peak memory of the process tree (target < 1 GB), measured as the parent's peak RSS
  (``VmHWM``; ``RUSAGE_SELF`` where there is no /proc) plus ``jobs`` times the largest
  worker's (``RUSAGE_CHILDREN``), inside the child process -- an upper bound of the sum
  (a forked worker's RSS counts the pages it shares with the parent).
* ``pdf``: the PDF stage of ``casedocs merge --pdf`` (the .docx files made first, then
  timed: the LibreOffice pool plus the print file) against one fresh ``soffice`` process
  per letter, measured on a few letters and extrapolated (the row says so).
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

Row = tuple[str, float, float, float, str]
ON = date(2026, 11, 25)
KIND = "policy-notice"

_FIRST = ["Zoë", "Jan", "Amira", "Tom", "Chloé", "Olu", "Priya", "Seán", "Marek", "Fatima", "Grace", "Wei"]
_LAST = ["O'Brien & <Sons>", "Kowalski", "Haddad", "Smith", "Dupont", "Adeyemi", "Patel", "Murphy", "Nowak", "Begum"]
_AREAS = ["BR6 0", "BR5 1", "SE1 7", "SE9 4", "BR1 3", "DA14 5", "E1 6", "N1 9", "BR2 8", "SW1A 2"]


def write_recipients(path: Path, count: int, *, seed: int = 7, languages: tuple[str, ...] = ("en",) * 8 + ("pl", "ur"),
                     large_print_every: int = 10) -> Path:
    """A synthetic recipient list (CSV) of ``count`` distinct people."""
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "address_line_1", "address_line_2", "postcode", "language", "format", "tenancy_reference", "ward"])
        for i in range(count):
            writer.writerow([
                f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {i}", f"Flat {i % 40 + 1}, {i} Keniston Road", "Orpington",
                f"{rng.choice(_AREAS)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
                rng.choice(languages), "large_print" if large_print_every and i % large_print_every == 0 else "standard",
                f"T{i:05d}", rng.choice(["North", "South"]),
            ])
    return path


def bench_per_letter(letters: int = 200) -> list[Row]:
    from docxtpl import DocxTemplate

    from toolkit.merge.kinds import MERGE_KINDS
    from toolkit.merge.letter import doc_info, recipient_context, render_recipient
    from toolkit.merge.recipients import Recipient
    from toolkit.templates.registry import Registry
    from toolkit.templates.engine import ENV, compiled

    template = Registry().select(KIND, ON).template
    recipient = Recipient(name="Zoë O'Brien & <Sons>", address_line_1="1 High Street", postcode="BR6 0JA", tenancy_reference="T-1")
    context = recipient_context(MERGE_KINDS[KIND], recipient, doc_info(MERGE_KINDS[KIND], recipient, template, ON))
    baseline_n = max(10, letters // 5)
    start = time.perf_counter()
    for _ in range(baseline_n):
        tpl = DocxTemplate(template.path)
        tpl.render(context, ENV)
        tpl.save(io.BytesIO())
    baseline = (time.perf_counter() - start) / baseline_n * 1000
    compiled(template)  # the once-per-template work, outside the per-letter loop
    start = time.perf_counter()
    for _ in range(letters):
        render_recipient(KIND, recipient, template, ON)
    measured = (time.perf_counter() - start) / letters * 1000
    return [(f"per-letter render (ms; baseline: docxtpl load+render+save, {baseline_n} letters; casedocs {letters})",
             measured, baseline, baseline / measured, ">= 10x faster")]


_CHILD = """
import resource, sys, time
from toolkit.cli.main import main
start = time.perf_counter()
code = main(sys.argv[1:])
wall = time.perf_counter() - start
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
peak = me.ru_maxrss
try:  # ru_maxrss survives exec (it would count the benchmark's own memory); VmHWM is this process's
    peak = int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM:")).split()[1])
except (OSError, StopIteration):
    pass
print("BENCH", code, wall, peak, kids.ru_maxrss, me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime, file=sys.stderr)
"""


def _run_merge(args: list[str], cwd: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", _CHILD, *args], cwd=cwd, capture_output=True, text=True, timeout=3600, check=False)
    line = next((ln for ln in done.stderr.splitlines() if ln.startswith("BENCH ")), None)
    if line is None or done.returncode:
        raise RuntimeError(f"casedocs merge failed: {done.stderr[-2000:]}")
    _code, wall, self_kb, kids_kb, self_cpu, kids_cpu = line.split()[1:]
    return {"wall": float(wall), "self_kb": float(self_kb), "kids_kb": float(kids_kb),
            "cpu": float(self_cpu) + float(kids_cpu), "files": done.stdout.count("\n")}


def bench_10k(work: Path, count: int = 10_000, jobs: int | None = None) -> list[Row]:
    jobs = jobs or os.cpu_count() or 1
    recipients = write_recipients(work / "recipients.csv", count)
    stats = _run_merge(["merge", KIND, str(recipients), "--date", ON.isoformat(), "--jobs", str(jobs), "--out", str(work / "out")], work)
    peak_mb = (stats["self_kb"] + jobs * stats["kids_kb"]) / 1024
    return [
        (f"{count} letters .docx, --jobs {jobs} (wall s; baseline: 30 s target; CPU {stats['cpu']:.1f} s)",
         stats["wall"], 30.0, 30.0 / stats["wall"], "< 30 s"),
        (f"{count} letters peak memory (MB: parent {stats['self_kb'] / 1024:.0f} + {jobs} x worker {stats['kids_kb'] / 1024:.0f}; baseline: 1 GB)",
         peak_mb, 1024.0, 1024.0 / peak_mb, "< 1024 MB"),
    ]


def bench_pdf(work: Path, letters: int = 100, sample: int = 5, jobs: int | None = None) -> list[Row]:
    from toolkit.pdf.convert import PDF_FILTER, find_soffice

    jobs = jobs or os.cpu_count() or 1
    recipients = write_recipients(work / "recipients.csv", letters, large_print_every=0)
    common = ["merge", KIND, str(recipients), "--date", ON.isoformat(), "--jobs", str(jobs), "--out", str(work / "out")]
    _run_merge(common, work)  # the .docx files first: the timed run below only converts and prints
    stats = _run_merge([*common, "--pdf"], work)
    docs = sorted((work / "out" / "merge" / f"{KIND}-{ON.isoformat()}").glob("*.docx"))[:sample]
    soffice = find_soffice()
    start = time.perf_counter()
    for doc in docs:
        profile = Path(tempfile.mkdtemp(prefix="bench-profile-", dir=work))
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", PDF_FILTER, "--outdir", str(work / "fresh-out"), str(doc)],
            check=True, capture_output=True, timeout=300,
        )
    per_letter = (time.perf_counter() - start) / len(docs)
    baseline = per_letter * letters
    return [(
        f"{letters} letters to PDF + print file, pool of {jobs} (s; baseline: a fresh soffice per letter, "
        f"measured on {len(docs)}, extrapolated to {letters})",
        stats["wall"], baseline, baseline / stats["wall"], ">= 15x faster",
    )]


def run(work: Path | None = None, *, count: int = 10_000, pdf_letters: int = 100) -> list[Row]:
    """Every merge benchmark; ``work`` (default: a temporary folder) holds the files."""
    if work is None:
        with tempfile.TemporaryDirectory(prefix="casedocs-bench-merge-") as tmp:
            return run(Path(tmp), count=count, pdf_letters=pdf_letters)
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()[0]
    rows = [*bench_per_letter(), *bench_10k(work / "docx", count), *bench_pdf(work / "pdf", pdf_letters)]
    return [*rows, (f"load average when started ({os.cpu_count()} cores; rows above need an idle machine)", load, 0.0, 0.0, "")]


def bench_rows(work: Path | None = None) -> list[tuple[str, str, str, str, str]]:
    """The rows for ``benchmarks.bench``'s table, formatted; each says whether it met its target."""
    out = []
    for name, measured, baseline, ratio, target in run(work):
        if name.startswith("per-letter"):
            ok, cells = ratio >= 10, (f"{measured:.2f} ms", f"{baseline:.2f} ms", f"{ratio:.1f}x faster")
        elif "peak memory" in name:
            ok, cells = measured < 1024, (f"{measured:.0f} MB", f"{baseline:.0f} MB", f"{ratio:.1f}x under")
        elif "letters .docx" in name:
            ok, cells = measured < 30, (f"{measured:.1f} s", f"{baseline:.0f} s", f"{ratio:.2f}x")
        elif "to PDF" in name:
            ok, cells = ratio >= 15, (f"{measured:.1f} s", f"{baseline:.1f} s", f"{ratio:.1f}x faster")
        else:
            out.append((name, f"{measured:.2f}", "", "", ""))
            continue
        out.append((name, *cells, f"{target} ({'met' if ok else 'NOT MET'})"))
    return out


def main() -> None:  # pragma: no cover - `python -m benchmarks.merge`
    for name, measured, baseline, ratio, target in run():
        print(json.dumps({"name": name, "measured": round(measured, 4), "baseline": round(baseline, 4),
                          "ratio": round(ratio, 2), "target": target}, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    main()
