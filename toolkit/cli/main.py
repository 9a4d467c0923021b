"""The ``casedocs`` command: a thin layer that parses arguments and calls the library.

Contract (``docs/cli.md``): files written go to stdout one per line and nothing else
does; problems go to stderr as ``file:line:col: message``; exit 0 done, 1 bad input,
2 bad command line, 3 an outside tool failed, 4 something to act on (overdue, differs),
5 a bug of ours. No traceback unless ``--debug``.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
import warnings
from datetime import date, datetime
from pathlib import Path
from collections.abc import Callable, Sequence

from toolkit import __version__
from toolkit.errors import EXIT_ACT, EXIT_INTERNAL, OUTPUT_ERRNOS, CasedocsError, CasedocsWarning, OutputError, UsageError

Handler = Callable[[argparse.Namespace], int]


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a date: use YYYY-MM-DD, e.g. 2026-03-01") from None


def _emit(paths: Sequence[Path]) -> None:
    for path in paths:
        print(path, flush=True)


# -- commands ---------------------------------------------------------------------
def cmd_validate(args: argparse.Namespace) -> int:
    from toolkit.casefile.loader import case_paths, load_all

    if not case_paths(args.paths):
        raise UsageError(f"no case files (*.yaml) found in {' '.join(args.paths)}")
    for case in load_all(args.paths):
        for advisory in case.advisories:
            warnings.warn(str(advisory), CasedocsWarning, stacklevel=1)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from toolkit.casefile.schema import schema_text

    sys.stdout.write(schema_text())
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from toolkit.documents.generate import generate

    _emit(
        generate(
            args.kind, args.case, party=args.party, stage=args.stage, on=args.date,
            template_version=args.template_version, pdf=args.pdf, out=args.out,
            options={**({"agency": args.agency} if args.agency else {}), **({"for_respondent": "yes"} if args.for_respondent else {})} or None,
        )
    )
    return 0


def cmd_letters(args: argparse.Namespace) -> int:
    from toolkit.documents.generate import generate_letters

    _emit(generate_letters(args.case, on=args.date, pdf=args.pdf, out=args.out))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from toolkit.documents.generate import verify

    verdicts = [verify(Path(document), case_path=args.case) for document in args.documents]
    for verdict in verdicts:
        print(verdict.message)
        for line in verdict.details:
            print(f"    {line}")
    return 0 if all(v.identical for v in verdicts) else EXIT_ACT


def cmd_merge(args: argparse.Namespace) -> int:
    from toolkit.merge.run import merge

    result = merge(
        args.kind, args.recipients, on=args.date, out=args.out, jobs=args.jobs, pdf=args.pdf,
        skip_bad_rows=args.skip_bad_rows, emit=lambda path: _emit([path]),
    )
    for problem in result.bad:
        print(f"skipped: {problem}", file=sys.stderr)
    for note in result.notes():
        print(f"warning: {note}", file=sys.stderr)
    skipped = len({p.line for p in result.bad})
    print(
        f"{result.count} {args.kind} document{'s' if result.count != 1 else ''} in {result.folder} "
        f"({result.written} written, {result.already_done} already done"
        + (f", {result.found_unrecorded} found on disk and recorded now" if result.found_unrecorded else "")
        + (f", {skipped} bad row{'s' if skipped != 1 else ''} skipped" if skipped else "") + ")",
        file=sys.stderr,
    )
    return 0


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a number of jobs: use a whole number from 1")
    return value


def cmd_bundle(args: argparse.Namespace) -> int:
    from toolkit.bundle.plan import make_bundle

    _emit(make_bundle(args.case, for_respondent=args.for_respondent, supplement=args.supplement, out=args.out, on=args.date))
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    from toolkit.cli import templates as templates_cli

    return templates_cli.run(args)


def _moment(text: str) -> datetime:
    from toolkit.deadlines.check import parse_moment

    try:
        return parse_moment(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def cmd_check(args: argparse.Namespace) -> int:
    """The deadline check writes no file: its report is its output, on stdout."""
    from toolkit.deadlines.check import check_cases, format_json, format_table
    from toolkit.casefile.loader import case_paths, load_all

    paths = args.paths or ["case_files"]
    if not case_paths(paths):
        raise UsageError(f"no case files (*.yaml) found in {' '.join(map(str, paths))}")
    now = args.today or datetime.now().replace(second=0, microsecond=0)
    report = check_cases(load_all(paths), now, contact_interval=args.contact_interval, soon=args.soon)
    sys.stdout.write(format_json(report) if args.format == "json" else format_table(report, show_all=args.all))
    return EXIT_ACT if report.anything_overdue else 0


def cmd_annual(args: argparse.Namespace) -> int:
    from toolkit.annual.generate import generate_annual

    _emit(generate_annual(args.command, args.year, args.paths or ["case_files"], on=args.date, pdf=args.pdf, out=args.out))
    return 0


# -- parser -----------------------------------------------------------------------
def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", type=_iso_date, help="document date, YYYY-MM-DD (default: today)")
    p.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out/)")
    p.add_argument("--pdf", action="store_true", help="also convert to PDF with LibreOffice")



def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casedocs",
        description="Keniston Housing Association's harassment case documents: letters, "
        "contracts, consent forms, court bundles, reports and mail merges from YAML case files.",
        epilog="Exit status: 0 done, 1 the input is wrong, 2 the command line is wrong, "
        "3 an outside tool (LibreOffice) or the system (disk full, no permission) failed, "
        "4 something to act on was found (check: overdue; verify: a document differs), 5 an internal error.",
    )
    parser.add_argument("--version", action="version", version=f"casedocs {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("validate", help="validate case files (files or folders)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser("schema", help="print the case file's JSON Schema (for editors)")
    p.set_defaults(handler=cmd_schema)

    p = sub.add_parser("generate", help="one document for one case: letters, agreements, court papers (claim form, statement, order, ...)")
    from toolkit.documents.kinds import KINDS

    p.add_argument("kind", metavar="KIND", choices=sorted(KINDS), help=", ".join(sorted(KINDS)))
    p.add_argument("case", metavar="CASE", help="a case file, or a reference looked up in case_files/")
    p.add_argument("--party", metavar="ID", help="the party the document is for (e.g. V1, P1)")
    p.add_argument("--stage", choices=("verbal", "first", "final"), help="warning letter stage")
    p.add_argument("--agency", metavar="NAME", help="referral: the partner agency (the party must have consented to it); consent-form: name only this organisation")
    p.add_argument("--for-respondent", action="store_true", help="court papers (witness-statement, draft-order, claim-form, anonymity-application, ...): the copy served on the respondent (anonymous witnesses as Witness A, ...; no sealed schedule)")
    p.add_argument("--template-version", type=int, metavar="N", help="use this template version, not the one in force")
    _output_options(p)
    p.set_defaults(handler=cmd_generate)

    p = sub.add_parser("letters", help="every letter a case's log calls for (dated as the log records)")
    p.add_argument("case", metavar="CASE")
    _output_options(p)
    p.set_defaults(handler=cmd_letters)

    p = sub.add_parser("verify", help="regenerate documents from their recorded inputs (the case file from git history if edited since); say what differs (exit 4)")
    p.add_argument("documents", nargs="+", metavar="DOCUMENT")
    p.add_argument("--case", type=Path, metavar="PATH", help="the case file (default: case_files/<reference>.yaml)")
    p.set_defaults(handler=cmd_verify)

    p = sub.add_parser(
        "check", help="the policy's deadlines across open cases: overdue, due soon (exit 4 if anything is overdue)",
        description="Check every open case's deadlines (policy 8.1, 8.2, 8.5, 8.10, 10.1, 6.2/8.3, ABC reviews) "
        "and print the result on stdout. Exit 4 when anything is overdue (1 when a case file is wrong).",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="case files or folders (default: case_files/)")
    p.add_argument("--today", type=_moment, metavar="D", help="judge as at YYYY-MM-DD (start of day) or YYYY-MM-DDTHH:MM (default: now)")
    p.add_argument("--format", choices=("table", "json"), default="table", help="table for people (default), json for scripts (every item)")
    p.add_argument("--contact-interval", type=int, default=10, metavar="N", help="working days between updates to each victim (default: 10)")
    p.add_argument("--soon", type=int, default=2, metavar="N", help="working days ahead that count as due soon (default: 2)")
    p.add_argument("--all", action="store_true", help="the table lists everything, not only what is overdue or due soon")
    p.set_defaults(handler=cmd_check)

    for name, what in (
        ("newsletter", "the annual newsletter article (policy 6.1): anonymised, small counts suppressed"),
        ("report", "the annual monitoring report to the Management Committee (policy 10.2, 10.3)"),
    ):
        p = sub.add_parser(name, help=what)
        p.add_argument("--year", type=int, required=True, metavar="Y", help="the year it covers")
        p.add_argument("paths", nargs="*", metavar="PATH", help="case files or folders (default: case_files/)")
        _output_options(p)
        p.set_defaults(handler=cmd_annual)

    p = sub.add_parser("merge", help="mail merge: one document per recipient of a CSV or YAML list")
    from toolkit.merge.kinds import MERGE_KINDS

    p.add_argument("kind", metavar="KIND", choices=sorted(MERGE_KINDS), help=", ".join(sorted(MERGE_KINDS)))
    p.add_argument("recipients", type=Path, metavar="RECIPIENTS", help="a .csv with a header row, or a .yaml list of mappings")
    p.add_argument("--jobs", type=_jobs, metavar="N", help="worker processes (default: every core)")
    p.add_argument("--skip-bad-rows", action="store_true", help="make the good rows' letters and list the bad rows on stderr")
    _output_options(p)
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser("bundle", help="the injunction bundle: one paginated, indexed, bookmarked PDF plus its index as JSON")
    p.add_argument("case", metavar="CASE", help="a case file, or a reference looked up in case_files/")
    p.add_argument("--for-respondent", action="store_true", help="the copy served on the respondent: page for page the court's, allegations only, anonymous witnesses as Witness A, ..., what would identify them withheld; writes a disclosure report beside it")
    p.add_argument("--supplement", action="store_true", help="add what is new since the bundle was served at the end, keeping every earlier page number")
    p.add_argument("--date", type=_iso_date, help="date of the witness statement and draft order (default: the application's date in the case log)")
    p.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out/)")
    p.set_defaults(handler=cmd_bundle)

    p = sub.add_parser("templates", help="the versioned templates: list, check, text, new-version, strings, translate, preview")
    tsub = p.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    tsub.add_parser("list", help="every kind, version and language, with approval, review and hash")
    t = tsub.add_parser("check", help="lint every version against the case model; report overdue reviews")
    t.add_argument("--today", type=_iso_date, help="date to judge review dates by (default: today)")
    t = tsub.add_parser("text", help="a .docx's text, for 'git diff' (textconv)")
    t.add_argument("file", type=Path, metavar="DOCX")
    t = tsub.add_parser("new-version", help="record an edited .docx as the next version: copy, hash, lint, add to the manifest")
    t.add_argument("kind", metavar="KIND", help="the template kind (a folder of letter_templates/)")
    t.add_argument("file", type=Path, metavar="FILE", help="the edited .docx")
    t.add_argument("--language", default="en", help="BCP 47 language of the file (default: en); another language records a translation of the newest English version")
    t.add_argument("--effective-from", type=_iso_date, metavar="D", help="first document date it is used for (default: today)")
    t.add_argument("--approved-by", metavar="NAME", help="who approved the wording (required for an English version)")
    t.add_argument("--change-note", metavar="TEXT", help="what changed, for the manifest")
    t.add_argument("--review-due", type=_iso_date, metavar="D", help="when the wording must be reviewed (default: 3 years after it takes effect)")
    t = tsub.add_parser("strings", help="a template's text as a gettext .po catalogue for a translator (earlier translations carried over)")
    t.add_argument("kind", metavar="KIND", help="the template kind (a folder of letter_templates/)")
    t.add_argument("--language", required=True, metavar="L", help="BCP 47 language to translate into, e.g. ar, ur, pl")
    t.add_argument("--output", "-o", type=Path, metavar="FILE", help="the .po file to write (default: KIND-L.po here; never overwritten)")
    t.add_argument("--date", type=_iso_date, metavar="D", help="translate the English version in force on D (default: today)")
    t = tsub.add_parser("translate", help="build the translated .docx from a .po catalogue, lint it and record it as a new version")
    t.add_argument("kind", metavar="KIND", help="the template kind (a folder of letter_templates/)")
    t.add_argument("file", type=Path, metavar="FILE.po", help="the translated catalogue (from templates strings)")
    t.add_argument("--reviewed-by", metavar="NAME", help="the qualified translator who reviewed it (else it is recorded as unreviewed)")
    t.add_argument("--effective-from", type=_iso_date, metavar="D", help="first document date it is used for (default: today)")
    t = tsub.add_parser("preview", help="a draft template filled in (sample data or a real case) and linted, before it is approved")
    t.add_argument("file", type=Path, metavar="FILE.docx", help="the draft template")
    t.add_argument("--data", type=Path, metavar="SAMPLE.yaml", help="the values to fill in: a YAML mapping of the names the template uses")
    t.add_argument("--case", metavar="CASE", help="fill it in from this case (a path or a reference), as the toolkit fills --kind")
    t.add_argument("--kind", metavar="KIND", help="the document kind the draft is for (with --case; also lints its variables)")
    t.add_argument("--party", metavar="ID", help="the party it is addressed to (with --case)")
    t.add_argument("--stage", choices=["verbal", "first", "final"], help="a warning letter's stage (with --case)")
    t.add_argument("--date", type=_iso_date, help="document date (default: today)")
    t.add_argument("--out", type=Path, default=Path("out"), help="output folder: the draft goes to OUT/preview/ (default: out/)")
    p.set_defaults(handler=cmd_templates)
    return parser


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:  # type: ignore[no-untyped-def]
    prefix = "warning" if issubclass(category, CasedocsWarning) else category.__name__
    print(f"{prefix}: {message}", file=sys.stderr, flush=True)


def guarded(action: Callable[[], int], debug: bool = False, out: Path | None = None) -> int:
    """Run ``action`` the way every command runs: plain messages and exit codes, no traceback."""
    warnings.showwarning = _show_warning
    try:
        return action()
    except CasedocsError as error:
        if debug:
            traceback.print_exc()
        print(str(error), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("interrupted: nothing half-written was left behind", file=sys.stderr)
        return 130
    except Exception as error:  # a bug of ours: still no traceback for an officer
        if isinstance(error, OSError) and error.errno in OUTPUT_ERRNOS and not debug:
            # the system would not take the output (not a bug): exit 3
            failure = OutputError.from_os(error, Path(error.filename).parent if error.filename else out)
            print(str(failure), file=sys.stderr)
            return failure.exit_code
        if debug:
            raise
        print(
            f"casedocs: internal error, a bug in casedocs ({type(error).__name__}: {error}); "
            "run the command again with --debug to see the details, and report it",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(name)s: %(message)s")
    handler: Handler = args.handler
    return guarded(lambda: handler(args), args.debug, getattr(args, "out", None))
