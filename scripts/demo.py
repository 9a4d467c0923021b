"""``make demo``: every document the example cases call for, as an officer would make them,
and the policy notice merged for a sample of tenants who read other languages and formats.

Uses only the library's public entry points, so the demo is also a smoke test of the
whole pipeline. PDFs are made when LibreOffice is installed; without it the .docx
documents are still written and the demo says what to install.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

from toolkit import mail_merge
from toolkit.annual.generate import ANNUAL, generate_annual
from toolkit.documents.generate import generate, generate_letters, to_pdf
from toolkit.casefile.loader import case_paths, load_case


def documents_for(case_path: Path, out: Path, pdf: bool) -> list[Path]:
    case = load_case(case_path)
    written = generate_letters(case_path, out=out)
    extra: list[tuple[str, str | None, date | None]] = []
    if case.abc:
        extra.append(("abc", case.abc.party, case.abc.start))
        start = case.abc.start or date.today()
        reviewed = next((a.done.date() for a in case.actions if a.type == "abc_review" and a.done), None)
        invited = max(start, case.abc.review(start) - timedelta(days=14))  # two weeks before it is due
        if reviewed is None or invited < reviewed:
            extra.append(("abc-review", case.abc.party, invited))
        during = [i for i in case.incidents_by(case.abc.party) if start <= i.occurred_day <= case.abc.end(start)]
        if during:  # a breach is written up on the day it is reported
            first = during[0]
            extra.append(("abc-breach", case.abc.party, first.reported.date() if first.reported else first.occurred_day))
    extra += [("consent-form", c.party, c.given) for c in case.consents]
    if case.injunction:
        applied = next((a.done.date() for a in case.actions if a.type == "injunction_application" and a.done), None)
        court = ["claim-form", "witness-statement", "draft-order", "certificate-of-service"]
        court += ["anonymity-application"] if any(p.anonymous for p in case.parties) else []
        court += ["police-notice"] if case.injunction.power_of_arrest else []
        extra += [(kind, None, applied) for kind in court]
    for kind, party, on in dict.fromkeys(extra):
        written += generate(kind, case, party=party, on=on, out=out)
    for action in case.actions:  # referrals the log records, where the consent allowed them
        if action.type == "referral" and action.party and action.agency and action.done:
            on = action.done.date()
            if case.consent_for(action.party, action.agency, on):
                written += generate("referral", case, party=action.party, on=on, options={"agency": action.agency}, out=out)
    written = list(dict.fromkeys(written))
    if pdf:
        written += to_pdf([p for p in written if p.suffix == ".docx"])
    if case.injunction and pdf:
        from toolkit.bundle.plan import make_bundle

        written += make_bundle(case_path, out=out)
        written += make_bundle(case_path, out=out, for_respondent=True)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.demo", description=__doc__)
    parser.add_argument("cases", nargs="?", default="case_files", type=Path)
    parser.add_argument("--out", default=Path("out"), type=Path)
    args = parser.parse_args(argv)
    pdf = shutil.which("soffice") is not None or shutil.which("libreoffice") is not None
    if not pdf:
        print("LibreOffice is not installed: making .docx only (see 'make system-deps')", file=sys.stderr)
    years: set[int] = set()
    for case_path in case_paths([args.cases]):
        years.add(load_case(case_path).year)
        for path in documents_for(case_path, args.out, pdf):
            print(path)
    sample = args.cases / "mailings" / "policy-notice-sample.csv"  # tenants in every language and format
    if sample.is_file():
        mail_merge("policy-notice", sample, out=args.out, pdf=pdf, emit=print, progress=False)
    for year in sorted(years):
        for name in ANNUAL:
            for path in generate_annual(name, year, [args.cases], out=args.out, pdf=pdf):
                print(path)
    return 0


if __name__ == "__main__":
    from toolkit.cli.main import guarded

    sys.exit(guarded(main))
