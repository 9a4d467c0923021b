"""``casedocs templates list|check|text``: the registry for people, the lint for CI, text for git."""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from datetime import date
from html import unescape
from pathlib import Path

from toolkit.documents.kinds import COMMON_TYPES, KINDS
from toolkit.errors import InputError
from toolkit.templates.lint import check_all
from toolkit.templates.registry import Registry


def context_types() -> dict[str, dict[str, object]]:
    from toolkit.annual.generate import ANNUAL_TYPES
    from toolkit.merge.run import merge_context_types

    kinds = {name: {**COMMON_TYPES, **kind.context_types} for name, kind in KINDS.items()}
    return kinds | merge_context_types() | ANNUAL_TYPES


def list_text(registry: Registry) -> str:
    rows = []
    for kind in registry.kinds():
        manifest = registry.manifest(kind)
        rows.append(f"{kind}: {manifest.title}")
        for t in registry.versions(kind):
            e = t.entry
            status = "" if e.translation_status == "source" else f", translation {e.translation_status}"
            rows.append(
                f"  v{e.version} {e.language:<5} in force from {e.effective_from}, approved by {e.approved_by}, "
                f"review due {e.review_due}{status}\n      {e.file}  sha256 {e.sha256[:16]}…  {e.change_note}"
            )
    return "\n".join(rows)


def docx_text(data: bytes) -> str:
    """Paragraph text of every part Word shows, one paragraph a line."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = sorted(n for n in archive.namelist() if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n))
        chunks = []
        for name in names:
            xml = archive.read(name).decode("utf-8")
            paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
            # field codes (PAGE, NUMPAGES) are instructions, not text; entities are characters
            text = [
                unescape(re.sub(r"<[^>]+>", "", re.sub(r"<w:(br|cr|tab)/>", " ", re.sub(r"<w:instrText[ >].*?</w:instrText>", "", p, flags=re.S))))
                for p in paragraphs
            ]
            chunks.append(f"--- {name}\n" + "\n".join(t for t in text if t.strip()))
    return "\n".join(chunks) + "\n"


def run(args: argparse.Namespace) -> int:
    registry = Registry()
    if args.templates_command == "list":
        print(list_text(registry))
        return 0
    if args.templates_command == "text":
        try:
            print(docx_text(Path(args.file).read_bytes()), end="")
        except (OSError, zipfile.BadZipFile) as error:
            raise InputError.at(args.file, 0, 0, f"cannot be read as a .docx ({error})") from None
        return 0
    findings = check_all(registry, args.today or date.today(), context_types())
    for finding in findings:  # problems go to stderr (docs/cli.md): stdout is for files written
        print(finding, file=sys.stderr)
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise InputError(f"{len(errors)} template problem{'s' if len(errors) != 1 else ''} found")
    return 0
