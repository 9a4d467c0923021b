"""Templates outside the registry: :func:`render_file` for programs, :func:`preview` for authors.

``render_file`` is the engine a registered letter uses (sandbox, autoescape, strict
undefined, deterministic bytes), for any .docx, with docxtpl's context objects. Code
written for docxtpl moves over by replacing ``tpl.render(context); tpl.save(path)`` with
``render_file(path_of_template, context, template=tpl)``: ``tpl`` (optional) is the
``DocxTemplate`` whose ``build_url_id()``/``new_subdoc()`` made links and sub-documents in
the context, and whose ``replace_pic``/``replace_media``/``replace_embedded``/
``replace_zipname`` requests are carried out.

``preview`` shows an author a draft filled in before it is approved: with sample data
from a YAML file, or with a real case as the toolkit would fill it for a kind.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import tempfile
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from collections.abc import Callable, Mapping

import yaml
from docxtpl import DocxTemplate

from toolkit.errors import InputError
from toolkit.output import replace_atomically
from toolkit.templates.engine import CompiledTemplate, TemplateFile, compiled, docxtpl_objects
from toolkit.templates.filters import environment_with
from toolkit.templates.lint import Finding, check_version, context_types
from toolkit.templates.package import rels_name
from toolkit.templates.registry import MANIFEST, Registry, TemplateVersion, VersionEntry

_PIC = r'<pic:cNvPr\b([^>]*)>.*?<a:blip\b[^>]*?r:embed="([^"]+)"'


def render_file(
    path: str | Path,
    context: Mapping[str, Any],
    *,
    template: DocxTemplate | None = None,
    filters: Mapping[str, Callable[..., Any]] | None = None,
) -> bytes:
    """The .docx at ``path`` filled in from ``context``, as bytes (nothing is written).

    ``filters`` are extra Jinja filters for this template only (see also
    :func:`toolkit.templates.filters.add_filter`). Raises
    :class:`~toolkit.errors.TemplateInputError` (also a ``jinja2.TemplateError``) for a
    template error or an undefined variable.
    """
    for value in docxtpl_objects(context):
        owner = value.tpl
        if owner is not template and _replacements(owner) is not None:
            raise InputError(
                f"{Path(path).name}: replace_pic/replace_media/replace_embedded/replace_zipname were asked of a DocxTemplate "
                "the context's InlineImage or Subdoc was made with; pass it: render_file(path, context, template=tpl)"
            )
    source = TemplateFile(Path(path))
    engine = CompiledTemplate(source, environment_with(filters)) if filters else compiled(source)
    donors = [template.get_docx()] if template is not None else []
    finish = _replacements(template) if template is not None else None
    return engine.render(context, None, donors=donors, finish=finish)


def _replacements(tpl: Any) -> Callable[[dict[str, bytes]], None] | None:
    """docxtpl's replace_* requests on ``tpl`` (a DocxTemplate), as a last change to the parts."""
    pics, media = dict(getattr(tpl, "pics_to_replace", {})), dict(getattr(tpl, "crc_to_new_media", {}))
    embedded, zipnames = dict(getattr(tpl, "crc_to_new_embedded", {})), dict(getattr(tpl, "zipname_to_replace", {}))
    if not (pics or media or embedded or zipnames):
        return None

    def finish(parts: dict[str, bytes]) -> None:
        found = dict.fromkeys(pics, False)
        for part in [p for p in parts if re.match(r"word/(document|header\d*|footer\d*)\.xml$", p)]:
            rels = parts.get(rels_name(part), b"").decode("utf-8")
            for attributes, rel_id in re.findall(_PIC, parts[part].decode("utf-8"), re.S):
                names = set(re.findall(r'\b(?:name|title|descr)="([^"]*)"', attributes))
                target = re.search(rf'<Relationship\b[^>]*?Id="{re.escape(rel_id)}"[^>]*?Target="([^"]+)"', rels) or re.search(
                    rf'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="{re.escape(rel_id)}"', rels)
                for name in names & set(pics):
                    if target:
                        parts[posixpath.normpath(posixpath.join(posixpath.dirname(part), target.group(1)))] = pics[name]
                        found[name] = True
        missing = [n for n, done in found.items() if not done]
        if missing and not tpl.allow_missing_pics:
            raise InputError(f"replace_pic: no picture named {', '.join(missing)} in the template (its name, title or description)")
        for name in list(parts):
            crc = zlib.crc32(parts[name]) & 0xFFFFFFFF
            if name in zipnames:
                parts[name] = zipnames[name]
            elif name.startswith("word/media/") and crc in media:
                parts[name] = media[crc]
            elif name.startswith("word/embeddings/") and crc in embedded:
                parts[name] = embedded[crc]

    return finish


# -- preview -------------------------------------------------------------------------
@dataclass(frozen=True)
class Preview:
    """A draft filled in, and what the lint found in it."""

    path: Path | None
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def preview(
    draft: Path,
    out: Path,
    *,
    data: Path | None = None,
    case: str | None = None,
    kind: str | None = None,
    party: str | None = None,
    stage: str | None = None,
    on: date | None = None,
) -> Preview:
    """Lint ``draft`` and fill it in: from the YAML mapping in ``data``, or as the toolkit
    fills ``kind`` for ``case`` (and ``party``). Writes ``<out>/preview/<name>-preview.docx``
    (a draft, replaced each time); nothing is written when it cannot be filled in."""
    if (data is None) == (case is None):
        raise InputError("give either --data SAMPLE.yaml or --case CASE --kind KIND")
    entry = VersionEntry(version=1, file=draft.name, effective_from=date(1900, 1, 1), approved_by="(draft)",
                         review_due=date(9999, 12, 31), change_note="draft", sha256="0" * 64)
    findings = check_version(_Draft(kind or "draft", entry, draft), context_types().get(kind) if kind else None)
    if any(f.severity == "error" for f in findings):
        return Preview(None, findings)
    if data is not None:
        filled = render_file(draft, _sample(data))
    else:
        if kind is None:
            raise InputError("--case needs --kind KIND: which document the draft is a template for")
        filled = _fill_for_case(draft, kind, case or "", party, stage, on or date.today())
    target = replace_atomically(out / "preview" / f"{draft.stem}-preview.docx", filled)
    return Preview(target, findings)


class _Draft(TemplateVersion):
    """A draft named like a version for the lint's messages; its bytes are not hash-checked."""

    def read_bytes(self) -> bytes:
        return TemplateFile(self.path).read_bytes()


def _sample(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError.at(path, 0, 0, f"cannot be read ({error.strerror or error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError.at(path, mark.line + 1 if mark else 0, mark.column + 1 if mark else 0, f"this is not valid YAML ({error})") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise InputError.at(path, 1, 1, "sample data must be a mapping of names to values (name: value), as the template uses them")
    return data


def _fill_for_case(draft: Path, kind: str, case: str, party: str | None, stage: str | None, on: date) -> bytes:
    """The draft as version 1 of ``kind`` in a throwaway registry, made as ``generate`` makes it."""
    from toolkit.documents.generate import generate

    with tempfile.TemporaryDirectory(prefix="casedocs-preview-") as scratch:
        root = Path(scratch) / "templates"
        (root / kind).mkdir(parents=True)
        data = TemplateFile(draft).read_bytes()
        (root / kind / draft.name).write_bytes(data)
        manifest = {"kind": kind, "title": f"Draft {kind}", "description": "a draft being previewed", "versions": [{
            "version": 1, "language": "en", "file": draft.name, "effective_from": date(1900, 1, 1), "approved_by": "(draft)",
            "review_due": date(9999, 12, 31), "change_note": "draft", "sha256": hashlib.sha256(data).hexdigest(),
        }]}
        (root / kind / MANIFEST).write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
        (made,) = generate(kind, case, party=party, stage=stage, on=on, out=Path(scratch) / "out", registry=Registry(root))
        return made.read_bytes()
