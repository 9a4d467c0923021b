"""The shape of the package: small modules, and no import cycles between them.

A cycle is what forced function-level imports and ``request: Any`` before the restructure;
the graph here is of module-level imports (a function-level import is still allowed, for
a command's own dependencies, but never needed to break a cycle).
"""

from __future__ import annotations

import ast
from pathlib import Path

from helpers import ROOT

PACKAGE = ROOT / "toolkit"
MAX_LINES = 600


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _top_level_imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """toolkit modules imported at module level (not inside functions, not for type checking)."""
    imported = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        imported.update(n for n in names if n in modules)
    return imported


def test_no_module_is_over_600_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_no_import_cycles_between_modules() -> None:
    modules = _modules()
    graph = {name: _top_level_imports(path, modules) - {name} for name, path in modules.items()}
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            raise AssertionError("import cycle: " + " -> ".join([*trail[trail.index(name):], name]))
        if name in done:
            return
        for child in sorted(graph.get(name, ())):
            visit(child, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
