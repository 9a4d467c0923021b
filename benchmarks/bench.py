"""``make bench``: every performance target as a ratio against a baseline timed in the same run.

Machines here are noisy, so no number is compared with a constant measured elsewhere:
each row times casedocs and a reference way of doing the same work back to back.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import NamedTuple
from collections.abc import Iterable


class Row(NamedTuple):
    name: str
    measured: str
    baseline: str
    ratio: str
    target: str


SUITES = ("benchmarks.cases", "benchmarks.merge", "benchmarks.pdf", "benchmarks.ocr")


def rows(suites: Iterable[str]) -> list[Row]:
    found: list[Row] = []
    for name in suites:
        module = importlib.import_module(name)
        found += [Row(*map(str, row)) for row in module.bench_rows()]
    return found


def table(found: list[Row]) -> str:
    header = Row("benchmark", "casedocs", "baseline (same run)", "ratio", "target")
    widths = [max(len(r[i]) for r in [header, *found]) for i in range(5)]
    line = lambda r: "  ".join(cell.ljust(w) for cell, w in zip(r, widths))  # noqa: E731
    return "\n".join([line(header), "  ".join("-" * w for w in widths), *map(line, found)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__)
    parser.add_argument("suites", nargs="*", default=list(SUITES), help="modules to run (default: all)")
    args = parser.parse_args(argv)
    print(table(rows(args.suites)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
