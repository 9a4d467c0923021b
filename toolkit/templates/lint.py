"""``casedocs templates check``: find a template's mistakes before a letter does.

For every registered version: the hash matches, the .docx parses, every Jinja tag
survives Word's habit of splitting text into runs, and every variable it uses exists in
the context its kind provides. The last is checked *statically* against the types in
:data:`toolkit.documents.kinds.KINDS` (Pydantic fields, properties and method return types),
following ``for`` loops into list element types, so ``{{ party.nmae }}`` is caught
even inside a branch no example case reaches.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from html import unescape
from dataclasses import dataclass
from datetime import date
from typing import Any
from collections.abc import Iterator

from jinja2 import TemplateSyntaxError, meta, nodes
from pydantic import BaseModel

from toolkit.errors import InputError
from toolkit.templates.registry import Registry, TemplateVersion
from toolkit.templates.engine import CompiledTemplate
from toolkit.templates.filters import ENV
from toolkit.templates.source import paragraph_text

_UNKNOWN = object()


@dataclass(frozen=True)
class Finding:
    template: str
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        return f"{self.template}: {self.severity}: {self.message}"


def _unwrap(annotation: Any) -> Any:
    """``X | None`` -> X; ``Annotated[X, ...]`` -> X; leaves ``list[X]`` alone."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(options[0]) if len(options) == 1 else _UNKNOWN
    return annotation


def _element(annotation: Any) -> Any:
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) in (list, tuple) and typing.get_args(annotation):
        return _unwrap(typing.get_args(annotation)[0])
    return _UNKNOWN


def _attributes(cls: type) -> dict[str, Any] | None:
    """Known attributes of a class and their types; ``None`` if it can't be known."""
    if isinstance(cls, type) and issubclass(cls, BaseModel):
        found: dict[str, Any] = {name: info.annotation for name, info in cls.model_fields.items()}
    elif dataclasses.is_dataclass(cls):
        found = dict(typing.get_type_hints(cls))
    elif cls in (str, int, bool, float, date):
        found = {name: _UNKNOWN for name in dir(cls) if not name.startswith("_")}
    else:
        return None
    for name in dir(cls):
        if name.startswith("_") or name in found or (isinstance(cls, type) and issubclass(cls, BaseModel) and name.startswith("model_")):
            continue
        member = getattr(cls, name, None)
        target = member.fget if isinstance(member, property) else member
        if callable(target):
            try:
                hints = typing.get_type_hints(target)
            except Exception:  # noqa: BLE001 - an unresolvable hint only weakens the check
                hints = {}
            returned = hints.get("return", _UNKNOWN)
            found[name] = returned if isinstance(member, property) else ("method", returned)
    return found


class _Checker:
    def __init__(self, label: str, types: dict[str, Any]) -> None:
        self.label, self.problems = label, []  # type: tuple[str, list[tuple[int, str]]]
        self.scopes: list[dict[str, Any]] = [dict(types)]

    def lookup(self, name: str) -> Any:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return _UNKNOWN

    def type_of(self, node: nodes.Node) -> Any:
        if isinstance(node, nodes.Name):
            return self.lookup(node.name)
        if isinstance(node, nodes.Getattr):
            return self.attribute(self.type_of(node.node), node.attr, node)
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
            member = self.type_of(node.node)
            return member[1] if isinstance(member, tuple) else _UNKNOWN
        return _UNKNOWN

    def attribute(self, owner: Any, attr: str, node: nodes.Node) -> Any:
        owner = _unwrap(owner)
        if owner is _UNKNOWN or isinstance(owner, tuple):
            return _UNKNOWN
        known = _attributes(owner) if isinstance(owner, type) else None
        if known is None:
            return _UNKNOWN
        if attr not in known:
            close = difflib.get_close_matches(attr, list(known), n=1, cutoff=0.6)
            hint = f": did you mean '{close[0]}'?" if close else ""
            self.problems.append((node.lineno, f"'{_dotted(node)}': {owner.__name__} has no '{attr}'{hint}"))
            return _UNKNOWN
        return known[attr]

    def visit(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.For):
            self.visit(node.iter)
            element = _element(self.type_of(node.iter))
            scope = {n.name: element for n in _targets(node.target)}
            scope["loop"] = _UNKNOWN
            self.scopes.append(scope)
            for child in [*node.body, *((node.test and [node.test]) or [])]:
                self.visit(child)
            self.scopes.pop()
            for child in node.else_:
                self.visit(child)
            return
        if isinstance(node, nodes.Assign):
            self.visit(node.node)
            for target in _targets(node.target):
                self.scopes[-1][target.name] = self.type_of(node.node)
            return
        if isinstance(node, nodes.Getattr):
            self.type_of(node)  # records a problem if the chain breaks
            return
        for child in node.iter_child_nodes():
            self.visit(child)


def _targets(target: nodes.Node) -> list[nodes.Name]:
    """The names a ``for`` or ``set`` binds: ``x`` itself, or each of ``a, b``."""
    return [target] if isinstance(target, nodes.Name) else list(target.find_all(nodes.Name))


def _dotted(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    return "…"


def _sources(compiled: CompiledTemplate) -> Iterator[tuple[str, str]]:
    """Each rendered part's Jinja source as the renderer compiles it (one paragraph a line)."""
    yield from compiled.sources.items()


_PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.S)


def _split_across_paragraphs(compiled: CompiledTemplate, part: str) -> list[str]:
    """Paragraphs in which a tag opens but does not close before the paragraph ends.

    docxtpl joins such a tag with the following paragraphs, silently removing the
    paragraph breaks in between (and, with ``{%p %}`` tags, the wrong paragraphs)."""
    found = []
    for paragraph in _PARAGRAPH.findall(compiled.parts[part].decode("utf-8")):
        text = unescape(re.sub(r"<[^>]+>", "", paragraph))
        if text.count("{{") > text.count("}}") or text.count("{%") > text.count("%}"):
            found.append(" ".join(text.split())[:80])
    return found


def _near(source: str, lineno: int | None) -> str:
    where = paragraph_text(source, lineno) if lineno else ""
    return f' (in the paragraph "{where}")' if where else ""


def check_version(template: TemplateVersion, context: dict[str, Any] | None) -> list[Finding]:
    label = f"{template.path.parent.name}/{template.path.name} (v{template.version}, {template.language})"
    try:
        compiled = CompiledTemplate(template)
    except InputError as error:
        return [Finding(label, str(error).split(": ", 1)[-1])]
    findings: list[Finding] = []
    for part, source in _sources(compiled):
        for where in _split_across_paragraphs(compiled, part):
            findings.append(Finding(label, f'{part}: a tag starts in one paragraph and ends in another, in "{where}"; retype the whole tag in one paragraph'))
        text = unescape(re.sub(r"<[^>]+>", "", source))
        if text.count("{{") != text.count("}}") or text.count("{%") != text.count("%}"):
            findings.append(Finding(label, f"{part}: a tag is broken ('{{{{' without '}}}}' or '{{%' without '%}}', or the other way round); retype it in one go"))
        try:
            ast = ENV.parse(source)
        except TemplateSyntaxError as error:
            findings.append(Finding(label, f"{part}: {error.message}{_near(source, error.lineno)}"))
            continue
        if context is None:
            continue
        for name in sorted(meta.find_undeclared_variables(ast) - set(context)):
            close = difflib.get_close_matches(name, list(context), n=1, cutoff=0.6)
            hint = f": did you mean '{close[0]}'?" if close else f"; it can use {', '.join(sorted(context))}"
            line = next((n.lineno for n in ast.find_all(nodes.Name) if n.name == name), None)
            findings.append(Finding(label, f"{part}: uses '{name}', which the toolkit does not give this kind{hint}{_near(source, line)}"))
        checker = _Checker(label, context)
        checker.visit(ast)
        findings += [Finding(label, f"{part}: {message}{_near(source, line)}") for line, message in dict.fromkeys(checker.problems)]
    return findings


def context_types() -> dict[str, dict[str, Any]]:
    """The types of the context each kind's template receives (documents, merges, annual)."""
    from toolkit.annual.generate import ANNUAL_TYPES  # these import the engine: not at module level
    from toolkit.documents.base import COMMON_TYPES
    from toolkit.documents.kinds import KINDS
    from toolkit.merge.kinds import merge_context_types

    kinds = {name: {**COMMON_TYPES, **kind.context_types} for name, kind in KINDS.items()}
    return kinds | merge_context_types() | ANNUAL_TYPES


def check_all(registry: Registry, today: date, context_types: dict[str, dict[str, Any]]) -> list[Finding]:
    """Every problem in every registered version, plus reviews that are overdue."""
    findings: list[Finding] = []
    for kind in registry.kinds():
        manifest = registry.manifest(kind)
        if manifest.kind != kind:
            findings.append(Finding(f"{kind}/manifest.yaml", f"says kind '{manifest.kind}', but its folder is '{kind}'"))
        if kind not in context_types:
            findings.append(Finding(f"{kind}/manifest.yaml", f"the toolkit makes no document of kind '{kind}'", "warning"))
        seen: set[tuple[int, str, int]] = set()
        for template in registry.versions(kind):
            key = (template.version, template.language.lower(), template.revision)
            if key in seen:
                findings.append(Finding(f"{kind}/manifest.yaml", f"version {template.version} ({template.language})" + (f" revision {template.revision}" if template.revision > 1 else "") + " is listed twice"))
            seen.add(key)
            findings += check_version(template, context_types.get(kind))
    for template in registry.review_overdue(today):
        findings.append(
            Finding(template.label, f"review was due on {template.entry.review_due.isoformat()}", "warning")
        )
    return findings
