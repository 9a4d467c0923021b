"""Benchmark of the load stage: validating many case files, against plain YAML parsing.

``bench_validate(n)`` copies the example cases to ``n`` case files in a temporary folder
(each with its own reference, its evidence folder linked to the example's), then times
:func:`toolkit.casefile.loader.load_all` over them against a baseline measured in the same run on the
same files: reading and parsing each with PyYAML's libyaml ``CSafeLoader`` (the same
parser the loader uses), so the ratio is the cost of positions, validation and the
cross-key rules on top of parsing. The target is under 5 s for 1,000 files.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path
from collections.abc import Callable

import yaml

from toolkit.casefile.loader import case_paths, load_all
from toolkit.casefile.values import REFERENCE_PATTERN

Row = tuple[str, float, float, float, str]

EXAMPLES = Path(__file__).resolve().parent.parent / "case_files"
TARGET_SECONDS_PER_1000 = 5.0

try:
    _FAST_LOADER = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _FAST_LOADER = yaml.SafeLoader


def make_cases(n: int, folder: Path, examples: Path = EXAMPLES) -> list[Path]:
    """``n`` valid case files in ``folder``, copied round-robin from ``examples``."""
    sources = [p for p in case_paths([examples]) if re.match(REFERENCE_PATTERN, p.stem)]
    if not sources:
        raise FileNotFoundError(f"no example case files in {examples}")
    (folder / "evidence").mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(n):
        source = sources[index % len(sources)]
        old = source.stem
        new = f"KHA-{old[4:8]}-{index % 10000:04d}" if n <= 10000 else f"KHA-{1000 + index // 10000:04d}-{index % 10000:04d}"
        target = folder / f"{new}.yaml"
        target.write_bytes(source.read_bytes().replace(old.encode(), new.encode()))
        evidence = (examples / "evidence" / old).resolve()
        if evidence.is_dir():
            os.symlink(evidence, folder / "evidence" / new, target_is_directory=True)
        written.append(target)
    return written


def _best_of(repeats: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def bench_validate(n: int = 1000, repeats: int = 3) -> list[Row]:
    """[(name, measured_seconds, baseline_seconds, ratio, target_text)] for validating ``n`` files."""
    with tempfile.TemporaryDirectory(prefix="casedocs-bench-") as tmp:
        folder = Path(tmp)
        files = make_cases(n, folder)

        def parse_only() -> None:
            for path in files:
                yaml.load(path.read_bytes(), Loader=_FAST_LOADER)

        def validate() -> None:
            cases = load_all([folder])
            assert len(cases) == n

        validate()  # warm up (imports, pydantic's first validation) outside the timings
        baseline = _best_of(repeats, parse_only)
        measured = _best_of(repeats, validate)
    target = f"under {TARGET_SECONDS_PER_1000 * n / 1000:g} s for {n:,} files"
    return [(f"validate {n:,} case files (load_all)", measured, baseline, measured / baseline, target)]


def bench_rows(n: int = 1000) -> list[tuple[str, str, str, str, str]]:
    """The rows for ``benchmarks.bench``'s table, formatted; each says whether it met its target."""
    out = []
    for name, measured, baseline, ratio, target in bench_validate(n):
        ok = measured < TARGET_SECONDS_PER_1000 * n / 1000
        out.append((name, f"{measured:.2f} s", f"{baseline:.2f} s (yaml CSafeLoader)", f"{ratio:.1f}x", f"{target} ({'met' if ok else 'NOT MET'})"))
    return out


def main() -> int:  # pragma: no cover - for `python -m benchmarks.cases`
    for row in bench_rows():
        print("  ".join(row))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
