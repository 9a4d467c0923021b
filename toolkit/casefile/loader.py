"""Load stage: a case file on disk becomes a validated :class:`~toolkit.casefile.model.Case`.

Every problem in a file is collected and reported at once, each as ``file:line:col:
message``. Shape errors come from the model, cross-key rules from :mod:`toolkit.casefile.rules`;
both are located through the positions :mod:`toolkit.casefile.source` recorded.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any
from collections.abc import Iterable

from pydantic import ValidationError

from toolkit.casefile.references import case_warnings
from toolkit.casefile.rules import case_problems
from toolkit.errors import InputError, Problem
from toolkit.casefile.messages import one_line, plain_message, unknown_key_suggestion
from toolkit.casefile.model import Case
from toolkit.casefile.values import REFERENCE_PATTERN
from toolkit.casefile.source import Located, parse_text

CASE_SUFFIXES = (".yaml", ".yml")


def _data_loc(loc: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    """``loc`` cut back to a path that exists in ``data`` (plus one missing last key).

    Pydantic adds the member of a union to the location (``('occurred', 'date')``);
    those parts name no key in the file, so they are dropped.
    """
    kept: list[Any] = []
    for part in loc:
        if isinstance(data, dict) and isinstance(part, str):
            kept.append(part)
            if part not in data:
                break
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int):
            kept.append(part)
            if not 0 <= part < len(data):
                break
            data = data[part]
        else:
            break
    return tuple(kept)


def _validation_problems(error: ValidationError, located: Located, filename: str) -> list[Problem]:
    items: list[dict[str, Any]] = []
    for detail in error.errors(include_url=False):
        items.append({**detail, "loc": _data_loc(tuple(detail["loc"]), located.data)})
    # A near-miss key explains its missing twin: 'incidnets' needs no "'incidents' is missing".
    explained = set()
    for item in items:
        if item["type"] == "extra_forbidden" and item["loc"]:
            close = unknown_key_suggestion(Case, item["loc"])
            if close:
                explained.add((*item["loc"][:-1], close))
    problems = []
    for item in items:
        if item["type"] == "missing" and item["loc"] in explained:
            continue
        message, at_key = plain_message(Case, item, located.data)
        line, col = located.locate(item["loc"], key=at_key)
        problems.append(Problem(filename, line, col, one_line(message)))
    return problems


def load_bytes(raw: bytes, path: Path) -> Case:
    """Validate a case file's bytes as if they were read from ``path``."""
    filename = str(path)
    located = parse_text(raw, filename)
    problems: list[Problem] = []
    case: Case | None = None
    try:
        case = Case.model_validate(located.data, context={"located_checks": True})
    except ValidationError as error:
        problems += _validation_problems(error, located, filename)
    for found in case_problems(located.data, path):
        line, col = located.locate(found.path)
        problems.append(Problem(filename, line, col, one_line(found.render(lambda at: located.locate(at)[0]))))
    if problems or case is None:
        raise InputError(sorted(set(problems)))
    case.attach_source(path, hashlib.sha256(raw).hexdigest())
    case.attach_advisories(
        [Problem(filename, *located.locate(found.path), one_line(found.render())) for found in case_warnings(located.data)]
    )
    return case


def located(case: Case, problems: list[tuple[tuple[Any, ...], str]]) -> list[Problem]:
    """Problems found in a loaded case (key path, message), at their lines in its file.

    For rules that only a document can apply (what its reader may be told), found long
    after loading: the file is read again for positions; a case not read from a file (or
    changed since) gives line 0.
    """
    where = str(case.source_path or case.reference)
    positions = None
    if case.source_path is not None:
        try:
            raw = case.source_path.read_bytes()
            if hashlib.sha256(raw).hexdigest() == case.source_sha256:
                positions = parse_text(raw, where)
        except (OSError, InputError):
            positions = None
    return [Problem(where, *(positions.locate(path) if positions else (0, 0)), message) for path, message in problems]


def load_case(path: str | Path) -> Case:
    """Read and validate one case file; raises :class:`InputError` listing every problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise InputError.at(path, 0, 0, "this is a folder, not a case file") from None
    except FileNotFoundError:
        raise InputError.at(path, 0, 0, "no such case file") from None
    except OSError as error:
        raise InputError.at(path, 0, 0, f"cannot be read: {error.strerror or error}") from None
    return load_bytes(raw, path)


def case_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, plus the ``*.yaml``/``*.yml`` files directly inside folders named."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in CASE_SUFFIXES and p.is_file())
        else:
            found.append(path)
    return found


def resolve_case(case: str | Path, case_dir: Path = Path("case_files")) -> Path:
    """A case given as a path, or as a bare reference looked up in ``case_dir``."""
    text = str(case)
    if re.match(REFERENCE_PATTERN, text) and not Path(text).exists():
        for suffix in CASE_SUFFIXES:
            candidate = case_dir / f"{text}{suffix}"
            if candidate.exists():
                return candidate
        return case_dir / f"{text}.yaml"
    return Path(case)


def _reference_at(path: Path) -> tuple[int, int]:
    """Where a (valid, loaded) case file writes its reference."""
    return parse_text(path.read_bytes(), str(path)).locate(("reference",))


def load_all(paths: Iterable[str | Path]) -> list[Case]:
    """Load every case under ``paths``; raises one :class:`InputError` with all problems.

    A file named twice (a folder and a file in it) is read once. Two files with the same
    reference (a copy left in another folder) are an error naming both: counted twice,
    a case would be checked, reported and published twice.
    """
    cases: list[Case] = []
    problems: list[Problem] = []
    seen_files: set[Path] = set()
    first_of: dict[str, Path] = {}
    for path in case_paths(paths):
        resolved = path.resolve()
        if resolved in seen_files:
            continue
        seen_files.add(resolved)
        try:
            case = load_case(path)
        except InputError as error:
            problems += error.problems or [Problem(str(path), 0, 0, str(error))]
            continue
        first = first_of.setdefault(case.reference, path)
        if first is not path:
            line, col = _reference_at(path)
            problems.append(Problem(
                str(path), line, col,
                f"the reference {case.reference} is also the reference of {first}: one case is one file, "
                "so remove the copy (or give this case its own reference)",
            ))
            continue
        cases.append(case)
    if problems:
        raise InputError(problems)
    return cases
