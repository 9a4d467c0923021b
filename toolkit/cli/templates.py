"""``casedocs templates list|check|text|new-version|strings|translate|preview``: the registry for
people, the lint for CI, text for git, recording a new version without editing the manifest by
hand, the translation kit (toolkit/templates/translation.py), and a draft filled in before it
is approved."""

from __future__ import annotations

import argparse
import sys
import zipfile
from datetime import date
from pathlib import Path

from toolkit.documents.compare import docx_text
from toolkit.errors import InputError, UsageError
from toolkit.templates.lint import check_all, context_types
from toolkit.templates.registry import SOURCE_LANGUAGE, Registry, TemplateVersion
from toolkit.templates.standalone import preview
from toolkit.templates.versions import Recorded, add_version


def list_text(registry: Registry) -> str:
    """Each kind, then one line per version: its date, its languages, approver and review."""
    rows = []
    for kind in registry.kinds():
        rows.append(f"{kind}: {registry.manifest(kind).title}")
        by_version: dict[int, list[TemplateVersion]] = {}
        for t in registry.versions(kind):
            by_version.setdefault(t.version, []).append(t)
        for number, entries in sorted(by_version.items()):
            first = min(entries, key=lambda t: (t.language.lower() != SOURCE_LANGUAGE, t.entry.effective_from))
            languages = ", ".join(_language_note(t, first) for t in entries)
            e = first.entry
            rows.append(
                f"  v{number}  from {e.effective_from}  {languages}\n"
                f"      approved by {e.approved_by}; review due {e.review_due}; {e.change_note}"
            )
            rows += [
                f"      {t.language:<5} {t.entry.file}  sha256 {t.sha256[:12]}…" + (f"  (revision {t.revision}, from {t.entry.effective_from})" if t.revision > 1 else "")
                for t in entries
            ]
    return "\n".join(rows)


def language_table(registry: Registry, today: date) -> str:
    """Kinds by languages: the version each reader would get today and its translation status
    (``-``: none, so English; ``old``: only a translation of an earlier wording)."""
    versions = {kind: registry.versions(kind) for kind in registry.kinds()}
    languages = sorted({t.language for ts in versions.values() for t in ts}, key=lambda lang: (lang != SOURCE_LANGUAGE, lang))
    cells: dict[str, list[str]] = {}
    for kind, entries in versions.items():
        in_force = [t for t in entries if t.entry.effective_from <= today]
        english = [t for t in in_force if t.language == SOURCE_LANGUAGE]
        current = max(english, key=lambda t: t.newness).version if english else None
        row = []
        for language in languages:
            mine = [t for t in in_force if t.language == language]
            now = [t for t in mine if t.version == current]
            if now:
                status = max(now, key=lambda t: t.newness).entry.translation_status
                row.append(f"v{current}" + ("" if status == "source" else f" {status}"))
            else:
                row.append("old" if mine else "-")
        cells[kind] = row
    width = [max(len(language), *(len(r[i]) for r in cells.values())) for i, language in enumerate(languages)]
    name = max(len(k) for k in cells) if cells else 4
    lines = [f"Languages in force on {today}: the version a reader gets, and whether its translation was reviewed"]
    lines.append("  " + "kind".ljust(name) + "  " + "  ".join(lang.ljust(w) for lang, w in zip(languages, width)))
    lines += ["  " + kind.ljust(name) + "  " + "  ".join(c.ljust(w) for c, w in zip(row, width)) for kind, row in cells.items()]
    return "\n".join(line.rstrip() for line in lines)


def _language_note(t: TemplateVersion, first: TemplateVersion) -> str:
    notes: list[str] = [] if t.entry.translation_status == "source" else [t.entry.translation_status]
    if t.revision > 1:
        notes.append(f"revision {t.revision}")
    if t.entry.effective_from != first.entry.effective_from:
        notes.append(f"from {t.entry.effective_from}")
    return t.language + (f" ({', '.join(notes)})" if notes else "")


def _report_recorded(recorded: Recorded, status: str = "") -> int:
    """What ``new-version`` and ``translate`` say: the lint's findings and what was recorded on
    stderr, the new file's path on stdout (the only thing there, for scripts)."""
    for finding in recorded.warnings:
        print(finding, file=sys.stderr)
    print(f"recorded {recorded.template.label}{status}, in force from {recorded.template.entry.effective_from}", file=sys.stderr)
    print(recorded.template.path)
    return 0


def run(args: argparse.Namespace) -> int:
    registry = Registry()
    if args.templates_command == "list":
        print(list_text(registry))
        print()
        print(language_table(registry, date.today()))
        return 0
    if args.templates_command == "text":
        try:
            print(docx_text(Path(args.file).read_bytes()), end="")
        except (OSError, zipfile.BadZipFile) as error:
            raise InputError.at(args.file, 0, 0, f"cannot be read as a .docx ({error})") from None
        return 0
    if args.templates_command == "new-version":
        recorded = add_version(
            args.kind, args.file, registry=registry, language=args.language, effective_from=args.effective_from,
            approved_by=args.approved_by, change_note=args.change_note, review_due=args.review_due,
        )
        return _report_recorded(recorded)
    if args.templates_command == "strings":
        from toolkit.templates.translation import strings

        output = args.output or Path(f"{args.kind}-{args.language}.po")
        print(strings(args.kind, args.language, output, registry=registry, on=args.date))
        return 0
    if args.templates_command == "translate":
        from toolkit.templates.translation import translate

        recorded = translate(args.kind, args.file, reviewed_by=args.reviewed_by, effective_from=args.effective_from, registry=registry)
        return _report_recorded(recorded, f" ({recorded.template.entry.translation_status})")
    if args.templates_command == "preview":
        if args.data is not None and (args.case or args.party or args.stage):
            raise UsageError("preview takes either --data SAMPLE.yaml or --case CASE --kind KIND [--party ID], not both")
        if args.data is None and not (args.case and args.kind):
            raise UsageError("preview needs --data SAMPLE.yaml, or --case CASE and --kind KIND")
        made = preview(args.file, args.out, data=args.data, case=args.case, kind=args.kind, party=args.party, stage=args.stage, on=args.date)
        for finding in made.findings:
            print(finding, file=sys.stderr)
        if made.errors:
            raise InputError(f"{args.file}: {len(made.errors)} template problem{'s' if len(made.errors) != 1 else ''} found; no preview was made")
        print(made.path)
        return 0
    findings = check_all(registry, args.today or date.today(), context_types())
    for finding in findings:  # problems go to stderr (docs/cli.md): stdout is for files written
        print(finding, file=sys.stderr)
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise InputError(f"{len(errors)} template problem{'s' if len(errors) != 1 else ''} found")
    return 0
