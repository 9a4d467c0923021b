"""``casedocs merge``: recipients, languages, large print, bad rows, resume, byte identity, print PDF.

No timing assertions here (see ``benchmarks/merge.py`` for the numbers).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import signal
import subprocess
import sys
import threading
import zipfile
from datetime import date
from html import unescape
from pathlib import Path

import pytest
import yaml

from benchmarks.merge import write_recipients
from toolkit.cli.main import main
from toolkit.merge.kinds import MERGE_KINDS
from toolkit.merge.letter import doc_info, file_name, recipient_context, recipient_properties, render_recipient
from toolkit.merge.progress import ProgressBar
from toolkit.merge.run import merge
from toolkit.merge.recipients import read_rows
from toolkit.templates.registry import Registry, TEMPLATES_DIR
from toolkit.templates.engine import CompiledTemplate, read_custom_properties
from toolkit.cli.templates import context_types, docx_text

ON = date(2026, 11, 25)
KIND = "policy-notice"
HEADER = ["name", "address_line_1", "address_line_2", "postcode", "language", "format", "tenancy_reference", "ward"]
SPECIAL = "Zoë O'Brien & <Sons>"


def folder_of(out: Path) -> Path:
    return out / "merge" / f"{KIND}-{ON.isoformat()}"


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def big_run(tmp_path_factory: pytest.TempPathFactory):
    """300 synthetic recipients (every 10th large print, some pl and ur) plus one with a difficult name."""
    work = tmp_path_factory.mktemp("merge")
    recipients = write_recipients(work / "recipients.csv", 299)
    with recipients.open("a", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerow([SPECIAL, "1 <High> & Low Street", "", "br6 0ja", "en", "Large Print", "T-&<>", "North & <South>"])
    out = work / "out"
    result = merge(KIND, recipients, on=ON, out=out, jobs=2, keep_paths=True, progress=False)
    return work, recipients, out, result


def text_of(path: Path) -> str:
    return unescape(docx_text(path.read_bytes()))


# -- the run ------------------------------------------------------------------------
def test_one_document_per_recipient_with_stable_unique_names(big_run):
    work, recipients, out, result = big_run
    assert result.count == 300 and result.written == 300 and result.already_done == 0
    assert len(set(result.documents)) == 300
    assert sorted(p.name for p in folder_of(out).glob("*.docx")) == sorted(p.name for p in result.documents)
    # names depend on the row's values only: the same recipient gets the same name wherever it is
    rows = [r.recipient for r in read_rows(recipients)]
    assert [p.name for p in result.documents] == [file_name(r) for r in rows]
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in result.documents[:5])


def test_names_and_values_are_printed_exactly(big_run):
    _, _, out, result = big_run
    special = next(p for p in result.documents if p.name.startswith("zoe-obrien-sons-br6-0ja-"))
    text = text_of(special)
    assert SPECIAL in text and f"Dear {SPECIAL}," in text
    assert "1 <High> & Low Street" in text and "BR6 0JA" in text  # postcode normalised
    assert "Your tenancy: T-&<>" in text
    props = read_custom_properties(special.read_bytes())
    assert props["casedocs.large_print"] == "yes" and props["casedocs.kind"] == KIND


def test_languages_fall_back_to_english_and_are_counted(big_run):
    _, recipients, _, result = big_run
    wanted = [r.recipient.language for r in read_rows(recipients)]
    assert result.fell_back == {lang: wanted.count(lang) for lang in ("pl", "ur")}
    assert result.fell_back["pl"] > 0
    pl = next(p for p, lang in zip(result.documents, wanted) if lang == "pl")
    props = read_custom_properties(pl.read_bytes())
    assert props["casedocs.requested_language"] == "pl" and props["casedocs.template_language"] == "en"
    assert any("fell back to English" in note and "pl: " in note for note in result.notes())


def test_large_print_where_asked_only(big_run):
    _, recipients, _, result = big_run
    formats = [r.recipient.format for r in read_rows(recipients)]
    large = result.documents[formats.index("large_print")]
    standard = result.documents[formats.index("standard")]

    def sizes(path: Path) -> set[int]:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml").decode() + archive.read("word/styles.xml").decode()
        import re

        return {int(v) for v in re.findall(r'<w:sz w:val="(\d+)"', xml)}

    assert min(sizes(large)) >= 32  # 16 pt
    assert min(sizes(standard)) < 32


def test_byte_identical_to_the_single_document_path(big_run, tmp_path):
    """The pooled merge writes exactly what a fresh, uncached CompiledTemplate renders for the same data."""
    _, recipients, out, result = big_run
    rows = [r.recipient for r in read_rows(recipients)]
    registry = Registry()
    kind = MERGE_KINDS[KIND]
    # large print and standard ones, in and out of English, and the difficult name (last)
    for index in [*range(0, len(rows), 23), len(rows) - 1]:
        recipient = rows[index]
        template = registry.select(KIND, ON, recipient.language).template
        fresh = CompiledTemplate(template)  # not the lru_cache'd one the workers use
        info = doc_info(kind, recipient, template, ON)
        data = fresh.render(recipient_context(kind, recipient, info), recipient_properties(kind, recipient, template, ON),
                            large_print=recipient.large_print)
        assert result.documents[index].read_bytes() == data
        assert render_recipient(KIND, recipient, template, ON) == data
    # one recipient through the command on its own, in one process: the same bytes again
    single = write_csv(tmp_path / "one.csv", [[SPECIAL, "1 <High> & Low Street", "", "br6 0ja", "en", "Large Print", "T-&<>", "North & <South>"]])
    alone = merge(KIND, single, on=ON, out=tmp_path / "out", jobs=1, keep_paths=True, progress=False)
    assert alone.documents[0].name == result.documents[-1].name
    assert alone.documents[0].read_bytes() == result.documents[-1].read_bytes()


def test_running_again_renders_nothing_and_writes_nothing(big_run, monkeypatch):
    work, recipients, out, first = big_run
    import toolkit.merge.workers as workers_module

    def boom(*args, **kwargs):
        raise AssertionError("rendered although the audit log says it is done")

    monkeypatch.setattr(workers_module, "render_recipient", boom)
    again = merge(KIND, recipients, on=ON, out=out, jobs=1, keep_paths=True, progress=False)
    assert again.count == 300 and again.written == 0 and again.already_done == 300
    assert again.documents == first.documents


# -- the command line ------------------------------------------------------------------
def test_cli_prints_every_file_and_nothing_else(tmp_path, capsys):
    recipients = write_recipients(tmp_path / "r.csv", 40)
    code = main(["merge", KIND, str(recipients), "--date", ON.isoformat(), "--out", str(tmp_path / "out"), "--jobs", "2"])
    captured = capsys.readouterr()
    assert code == 0
    lines = captured.out.splitlines()
    assert len(lines) == 40 and all(Path(line).is_file() and line.endswith(".docx") for line in lines)
    assert "fell back to English" in captured.err
    assert "40 policy-notice documents" in captured.err


def test_bad_rows_are_reported_exactly_and_nothing_is_made(tmp_path, capsys):
    good = ["Amira Haddad", "2 Low Road", "", "SE1 7AA", "en", "", "", ""]
    path = write_csv(tmp_path / "bad.csv", [
        good,
        ["", "3 Low Road", "", "SE1 7AB", "en", "", "", ""],
        ["Tom Smith", "4 Low Road", "", "XYZ", "", "", "", ""],
        ["Jan Kowalski", "5 Low Road", "", "SE1 7AD", "Polish", "", "", ""],
        ["Grace Lee", "6 Low Road", "", "SE1 7AE", "en", "big print", "", ""],
        ["Wei Chen", "7 Low Road", "Flat 1, Block A", "SE1 7AF", "en", "standard", "", "", "extra"],
        good,
        ["Olu Adeyemi", "", "", "SE1 7AG", "en", "", "", ""],
    ])
    code = main(["merge", KIND, str(path), "--date", ON.isoformat(), "--out", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert captured.err.splitlines() == [
        f"{path}:3: 'name' is empty: every recipient needs a name",
        f"{path}:4: 'XYZ' is not a UK postcode: write it like BR6 0JA",
        f"{path}:5: 'Polish' is not a language tag: write 'pl' for Polish",
        f"{path}:6: 'big print' is not a format: did you mean 'large_print'?",
        f"{path}:7: this row has 9 values but the header has 8 columns: a value with a comma in it needs double quotes around it",
        f"{path}:8: this is the same recipient as line 2 (every value the same): remove one, or they get two letters",
        f"{path}:9: 'address_line_1' is empty: every letter needs the first line of an address",
        f"7 rows of {path} have problems, so nothing was made: correct them, or run again with --skip-bad-rows "
        "to make the letters for the other rows",
    ]
    assert not (tmp_path / "out").exists()

    code = main(["merge", KIND, str(path), "--date", ON.isoformat(), "--out", str(tmp_path / "out"), "--skip-bad-rows"])
    captured = capsys.readouterr()
    assert code == 0
    assert len(captured.out.splitlines()) == 1 and "amira-haddad-se1-7aa-" in captured.out
    assert f"skipped: {path}:4: 'XYZ' is not a UK postcode: write it like BR6 0JA" in captured.err.splitlines()
    assert "7 bad rows skipped" in captured.err


def test_jobs_must_be_a_positive_number(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["merge", KIND, "x.csv", "--jobs", "0"])
    assert stop.value.code == 2


# -- languages that do exist ---------------------------------------------------------------
def test_a_recipient_gets_their_language_where_a_variant_exists(tmp_path):
    """A registry with an (unreviewed) pl variant: the pl recipient gets it, and the run says it is unreviewed."""
    root = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR / KIND, root / KIND)
    manifest = yaml.safe_load((root / KIND / "manifest.yaml").read_text())
    english = next(v for v in manifest["versions"] if v["language"] == "en")
    shutil.copy(root / KIND / english["file"], root / KIND / "policy-notice-v1-pl.docx")
    manifest["versions"].append({**english, "language": "pl", "file": "policy-notice-v1-pl.docx",
                                 "translation_status": "unreviewed", "translated_by": "test"})
    (root / KIND / "manifest.yaml").write_text(yaml.safe_dump(manifest))
    path = write_csv(tmp_path / "r.csv", [
        ["Jan Kowalski", "5 Low Road", "", "SE1 7AD", "pl-PL", "", "", ""],
        ["Shirin Karimi", "2 Low Road", "", "SE1 7AA", "fa", "", "", ""],
    ])
    result = merge(KIND, path, on=ON, out=tmp_path / "out", registry=Registry(root), keep_paths=True, progress=False)
    props = [read_custom_properties(p.read_bytes()) for p in result.documents]
    assert [p["casedocs.template_language"] for p in props] == ["pl", "en"]
    assert result.fell_back == {"fa": 1} and result.unreviewed == {"pl": 1}


# -- interrupted runs ------------------------------------------------------------------
STOP_AT = 100  # letters recorded (and printed) before the run is stopped


def _run_and_stop(tmp_path: Path, recipients: Path, sig: int) -> tuple[int, Path]:
    """Stop a merge with ``sig`` once it has recorded exactly ``STOP_AT`` letters, at a known point.

    The command prints each letter's path (flushed) only after its audit record is written, so
    reading ``STOP_AT`` lines from its stdout is an event, not a guess: the SIGTERM handler is in
    place, the workers are rendering, and ``STOP_AT`` letters are recorded -- whereas the files on
    disk run ahead of the records (a worker writes its batch before the parent records it), and
    waiting for them left, under load, a killed run with files but no record. Nor can the run
    finish before the signal: the rest of its output is far more than a pipe holds, and nothing
    more is read until the signal is sent.
    """
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "toolkit", "merge", KIND, str(recipients), "--date", ON.isoformat(), "--out", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    watchdog = threading.Timer(600, proc.kill)  # a hung merge fails the test rather than hanging it
    watchdog.start()
    try:
        printed = 0
        while printed < STOP_AT and proc.stdout.readline():
            printed += 1
        assert printed == STOP_AT, f"the run ended after {printed} letters, before it could be stopped"
        proc.send_signal(sig)
        # communicate() returns at end of file on stdout and stderr: when every process holding
        # them has exited, the workers a kill -9 orphans included (each finishes its batch first)
        proc.communicate()
    finally:
        watchdog.cancel()
    return proc.returncode, folder_of(out)


def _check_complete_and_identical(folder: Path, recipients: Path) -> None:
    registry = Registry()
    rows = [r.recipient for r in read_rows(recipients)]
    names = {file_name(r): r for r in rows}
    present = sorted(folder.glob("*.docx"))
    assert all(p.name in names for p in present), "an unexpected (or -2) file appeared"
    for p in present[:: max(1, len(present) // 25)]:
        r = names[p.name]
        assert p.read_bytes() == render_recipient(KIND, r, registry.select(KIND, ON, r.language).template, ON)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_an_interrupted_run_leaves_no_partial_file_and_the_next_completes_it(tmp_path, sig):
    total = 3000  # its paths are far more than a pipe holds: it cannot end before it is stopped
    recipients = write_recipients(tmp_path / "r.csv", total)
    code, folder = _run_and_stop(tmp_path, recipients, sig)
    made = len(list(folder.glob("*.docx")))
    assert code != 0, "the run finished before it could be stopped"
    if sig != signal.SIGKILL:
        assert code == 130
        assert not list(folder.glob(".*.part")), "a temporary file was left behind"
    for p in folder.glob("*.docx"):
        zipfile.ZipFile(p).testzip()  # every file that exists is whole
    _check_complete_and_identical(folder, recipients)

    again = merge(KIND, recipients, on=ON, out=folder.parent.parent, jobs=2, progress=False)
    # (after a kill -9 the orphaned workers may finish their batch: those files are there but not
    # in the audit log, so they are rendered again and found identical -- neither written nor done)
    assert again.count == total and again.written + again.already_done <= total
    assert STOP_AT <= again.already_done <= made  # what was recorded before the stop is kept
    assert len(list(folder.glob("*.docx"))) == total
    assert not list(folder.glob(".*.part"))
    _check_complete_and_identical(folder, recipients)


def test_a_partly_done_folder_is_completed_without_rendering_the_done_ones(tmp_path):
    recipients = write_recipients(tmp_path / "r.csv", 120)
    with recipients.open(encoding="utf-8") as handle:
        lines = handle.readlines()
    first_half = tmp_path / "half.csv"
    first_half.write_text("".join(lines[:61]), encoding="utf-8")
    out = tmp_path / "out"
    assert merge(KIND, first_half, on=ON, out=out, jobs=2, progress=False).written == 60
    rest = merge(KIND, recipients, on=ON, out=out, jobs=2, progress=False)
    assert (rest.already_done, rest.written) == (60, 60)
    log = [json.loads(line) for line in (folder_of(out) / "audit.jsonl").read_text().splitlines()]
    assert len(log) == 120 and len({r["file"] for r in log}) == 120


# -- PDF (the print file's own tests: test_printing.py) ----------------------------------
@pytest.mark.libreoffice
def test_pdf_print_file_in_postcode_order_with_odd_page_starts(tmp_path, capsys):
    from pypdf import PdfReader

    path = write_csv(tmp_path / "r.csv", [
        ["Tom Smith", "4 Low Road", "", "SE9 4AB", "en", "", "", ""],
        ["Amira Haddad", "2 Low Road", "", "BR6 0JA", "en", "large_print", "", ""],
        [SPECIAL, "1 High Street", "", "BR1 3AB", "en", "", "", ""],
        ["Jan Kowalski", "5 Low Road", "", "BR10 1AA", "pl", "", "", ""],
    ])
    code = main(["merge", KIND, str(path), "--date", ON.isoformat(), "--out", str(tmp_path / "out"), "--pdf", "--jobs", "2"])
    captured = capsys.readouterr()
    assert code == 0
    written = [Path(line) for line in captured.out.splitlines()]
    assert len([p for p in written if p.suffix == ".docx"]) == 4
    assert len([p for p in written if p.suffix == ".pdf"]) == 5
    printed = written[-1]
    assert printed.name == f"{KIND}-{ON.isoformat()}-print.pdf"
    order = ["BR1 3AB", "BR6 0JA", "BR10 1AA", "SE9 4AB"]
    names = {"BR1 3AB": SPECIAL, "BR6 0JA": "Amira Haddad", "BR10 1AA": "Jan Kowalski", "SE9 4AB": "Tom Smith"}
    singles = {r.recipient.postcode: folder_of(tmp_path / "out") / file_name(r.recipient).replace(".docx", ".pdf") for r in read_rows(path)}
    reader = PdfReader(printed)
    start = 0
    for postcode in order:
        pages = len(PdfReader(singles[postcode]).pages)
        assert start % 2 == 0, "a letter starts on an even (back) page"
        assert names[postcode] in reader.pages[start].extract_text()
        start += pages + pages % 2
    assert start == len(reader.pages)


# -- templates and helpers ---------------------------------------------------------------
def test_templates_check_lints_the_merge_kind_and_gives_it_no_case():
    from toolkit.templates.lint import check_version

    types = context_types()[KIND]
    assert "recipient" in types and "case" not in types and "officer" not in types
    for template in Registry().versions(KIND):
        assert check_version(template, types) == []


def test_progress_bar_only_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        bar = ProgressBar("letters", 3, stream)
        for _ in range(3):
            bar.advance()
        bar.close()
    assert tty.getvalue().endswith("letters [##############################] 3/3\n")
    assert pipe.getvalue() == ""


def test_the_engine_caches_change_no_byte(tmp_path):
    """Deflating unchanged parts once, and remembering headers and enlarged styles, gives the same bytes
    as rendering every letter from scratch with nothing cached."""
    recipients = write_recipients(tmp_path / "r.csv", 24, large_print_every=3)
    kind = MERGE_KINDS[KIND]
    registry = Registry()
    template = registry.select(KIND, ON).template
    shared = CompiledTemplate(template)
    for row in read_rows(recipients):
        r = row.recipient
        info = doc_info(kind, r, template, ON)
        args = (recipient_context(kind, r, info), recipient_properties(kind, r, template, ON))
        plain = CompiledTemplate(template)
        plain.deflated = {}
        data = shared.render(*args, large_print=r.large_print)
        assert data == plain.render(*args, large_print=r.large_print)
