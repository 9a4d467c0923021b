"""toolkit.pdf.convert: .docx -> PDF with the real LibreOffice (a hard requirement: never skipped)."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from toolkit.pdf import convert
from toolkit.pdf.convert import ConverterPool, convert_many, convert_one
from toolkit.errors import InputError, ToolError


def make_docx(path: Path, *paragraphs: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(path)
    return path


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def fake_soffice(tmp_path: Path, body: str) -> Path:
    """A stand-in soffice: a shell script (``exec_real`` runs the real one after logging)."""
    script = tmp_path / "fake-soffice"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


@pytest.fixture
def real_soffice() -> str:
    return convert.find_soffice()


@pytest.mark.libreoffice
def test_convert_many_real_libreoffice(tmp_path: Path) -> None:
    docs = [
        make_docx(tmp_path / "in" / f"letter{k}.docx", f"Dear tenant number {k},", f"Marker-{k}-Zoë Ó Briain £50")
        for k in range(5)
    ]
    out = tmp_path / "out"
    pdfs = convert_many(docs, out, jobs=2)
    assert pdfs == [out / f"letter{k}.pdf" for k in range(5)]
    for k, pdf in enumerate(pdfs):
        reader = PdfReader(pdf)
        assert len(reader.pages) >= 1
        text = pdf_text(pdf)
        assert f"Dear tenant number {k}," in text
        assert f"Marker-{k}-Zoë Ó Briain £50" in text
    # nothing but the PDFs (no temp files) is left in the output folder
    assert sorted(p.name for p in out.iterdir()) == [f"letter{k}.pdf" for k in range(5)]


@pytest.mark.libreoffice
def test_convert_one_writes_beside_by_default(tmp_path: Path) -> None:
    doc = make_docx(tmp_path / "notice.docx", "Notice of seeking possession")
    pdf = convert_one(doc)
    assert pdf == tmp_path / "notice.pdf"
    assert "Notice of seeking possession" in pdf_text(pdf)


@pytest.mark.libreoffice
def test_pool_batches_per_worker_with_own_profiles(tmp_path: Path, real_soffice: str, monkeypatch) -> None:
    """Ten documents, two workers: two LibreOffice processes, each with its own profile,
    and the second batch through the same pool reuses the (warm) profiles."""
    log = tmp_path / "calls.log"
    script = fake_soffice(tmp_path, f'echo "$@" >> "{log}"\nexec "{real_soffice}" "$@"')
    monkeypatch.setenv("CASEDOCS_SOFFICE", str(script))
    docs = [make_docx(tmp_path / "in" / f"d{k}.docx", f"Document {k}") for k in range(10)]
    with ConverterPool(jobs=2) as pool:
        pool.convert_many(docs[:6], tmp_path / "out")
        profiles_after_first = {p for p in pool._profiles if p.is_dir()}
        pool.convert_many(docs[6:], tmp_path / "out")
        root = pool._root
    calls = log.read_text().splitlines()
    assert len(calls) == 4  # two workers x two calls, never one process per document
    installs = [a for call in calls for a in call.split() if a.startswith("-env:UserInstallation=")]
    assert len(installs) == 4 and len(set(installs)) == 2  # one profile per worker, reused
    assert len(profiles_after_first) == 2  # created by the first batch, warm for the second
    assert not root.exists()  # profiles removed when the pool closes
    for k in range(10):
        assert f"Document {k}" in pdf_text(tmp_path / "out" / f"d{k}.pdf")


@pytest.mark.libreoffice
def test_same_name_in_different_folders(tmp_path: Path) -> None:
    a = make_docx(tmp_path / "a" / "letter.docx", "Letter from folder A")
    b = make_docx(tmp_path / "b" / "letter.docx", "Letter from folder B")
    with ConverterPool(jobs=1) as pool:
        out = pool.convert([(a, tmp_path / "out" / "a.pdf"), (b, tmp_path / "out" / "b.pdf")])
    assert "folder A" in pdf_text(out[0]) and "folder B" in pdf_text(out[1])
    with pytest.raises(InputError, match="same PDF"):
        convert_many([a, b], tmp_path / "clash")


def test_inputs_checked_before_libreoffice_starts(tmp_path: Path, monkeypatch) -> None:
    marker = tmp_path / "started"
    monkeypatch.setenv("CASEDOCS_SOFFICE", str(fake_soffice(tmp_path, f'touch "{marker}"')))
    good = make_docx(tmp_path / "good.docx", "fine")
    garbage = tmp_path / "garbage.docx"
    garbage.write_text("this is not a Word file")
    missing = tmp_path / "missing.docx"
    with pytest.raises(InputError) as info:
        convert_many([good, garbage, missing], tmp_path / "out")
    message = str(info.value)
    assert f"{garbage}:1:1: not a Word .docx file" in message
    assert f"{missing}:1:1: file not found" in message
    assert info.value.exit_code == 1
    assert not marker.exists()
    assert not (tmp_path / "out").exists()


def test_libreoffice_missing_says_what_to_do(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("CASEDOCS_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(convert, "_CANDIDATES", ())
    with pytest.raises(ToolError) as info:
        convert_one(make_docx(tmp_path / "x.docx", "x"))
    assert info.value.exit_code == 3
    assert "LibreOffice (soffice) was not found" in str(info.value)
    assert "apt-get install libreoffice-writer-nogui" in str(info.value)

    monkeypatch.setenv("CASEDOCS_SOFFICE", str(tmp_path / "no-such-soffice"))
    with pytest.raises(ToolError, match="CASEDOCS_SOFFICE"):
        convert_one(tmp_path / "x.docx")


def test_libreoffice_producing_nothing_is_a_tool_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CASEDOCS_SOFFICE", str(fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2")))
    doc = make_docx(tmp_path / "letter.docx", "x")
    out = tmp_path / "out"
    with pytest.raises(ToolError) as info:
        convert_many([doc], out)
    assert f"failed to convert {doc}" in str(info.value)
    assert "source file could not be loaded" in str(info.value)
    assert not out.exists() or not any(out.iterdir())


def test_invalid_pdf_output_is_rejected(tmp_path: Path, monkeypatch) -> None:
    # writes a file called .pdf that is not a PDF, for every input
    body = (
        'while [ $# -gt 0 ]; do case "$1" in --outdir) out="$2"; shift;; *.docx) '
        'n=$(basename "$1" .docx); echo "convert $1"; echo junk > "$out/$n.pdf";; esac; shift; done'
    )
    monkeypatch.setenv("CASEDOCS_SOFFICE", str(fake_soffice(tmp_path, body)))
    doc = make_docx(tmp_path / "letter.docx", "x")
    with pytest.raises(ToolError, match="not valid"):
        convert_one(doc, tmp_path / "out" / "letter.pdf")
    assert not (tmp_path / "out" / "letter.pdf").exists()


def test_timeout_kills_libreoffice_and_names_the_file(tmp_path: Path, monkeypatch) -> None:
    pidfile = tmp_path / "pid"
    monkeypatch.setenv("CASEDOCS_SOFFICE", str(fake_soffice(tmp_path, f'echo $$ > "{pidfile}"\nexec sleep 60')))
    doc = make_docx(tmp_path / "slow.docx", "x")
    start = time.monotonic()
    with pytest.raises(ToolError) as info, ConverterPool(jobs=1, timeout=0.5, startup_timeout=0.5) as pool:
        pool.convert([(doc, tmp_path / "slow.pdf")])
    assert time.monotonic() - start < 15
    assert "timed out" in str(info.value) and str(doc) in str(info.value)
    pid = int(pidfile.read_text())
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert not (tmp_path / "slow.pdf").exists()


@pytest.mark.libreoffice
def test_existing_output_is_replaced_whole(tmp_path: Path) -> None:
    doc = make_docx(tmp_path / "letter.docx", "The new text")
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old contents")
    convert_one(doc, target)
    assert "The new text" in pdf_text(target)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
