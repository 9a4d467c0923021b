"""Bombs are refused before they are unpacked or decoded; LibreOffice runs with bounded memory."""

from __future__ import annotations

import resource
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document
from PIL import Image

from toolkit import limits
from toolkit.bundle.assemble import build_bundle
from toolkit.bundle.items import BundleDocument as Doc, BundleSection as Section
from toolkit.errors import InputError
from toolkit.pdf.convert import check_docx


def docx_with_padding(path: Path, padding: int) -> Path:
    """A real .docx plus a part of ``padding`` zero bytes (a few KB once deflated)."""
    Document().save(str(path))
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive, archive.open("word/media/padding.bin", "w", force_zip64=True) as part:
        block = b"\0" * (1 << 20)
        for _ in range(padding >> 20):
            part.write(block)
    return path


def png_header(path: Path, width: int, height: int) -> Path:
    """A PNG that declares ``width`` x ``height`` pixels (its data is never reached)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )
    return path


def test_a_docx_that_unpacks_too_far_is_refused_naming_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_DOCX_INFLATED", 8 << 20)  # the same check, at a size a test can make quickly
    small = docx_with_padding(tmp_path / "small.docx", 4 << 20)
    bomb = docx_with_padding(tmp_path / "bomb.docx", 12 << 20)
    assert bomb.stat().st_size < 100_000
    assert check_docx(small) is None
    problem = check_docx(bomb)
    assert problem is not None and problem.file == str(bomb)
    assert problem.message.startswith("it unpacks to more than 8 MB (a 'zip bomb', or a document that must be split)")


def test_declared_sizes_are_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = docx_with_padding(tmp_path / "bomb.docx", 12 << 20)
    monkeypatch.setattr(limits, "MAX_DOCX_INFLATED", 8 << 20)
    with zipfile.ZipFile(bomb) as archive:
        for member in archive.infolist():
            member.file_size = 1  # as a crafted file could declare
        # the parts are inflated, not measured by what they declare: one that unpacks to
        # more than it says is not a readable zip (check_docx reports it so)
        with pytest.raises(zipfile.BadZipFile):
            limits.docx_bomb_problem(archive)


def test_an_image_with_too_many_pixels_is_refused_before_decoding(tmp_path: Path) -> None:
    huge = png_header(tmp_path / "huge.png", 13_000, 13_000)
    bigger = png_header(tmp_path / "bigger.png", 20_000, 20_000)
    with pytest.raises(InputError) as caught:
        build_bundle([Section("Exhibits", [Doc("Photo", huge, exhibit="PS1"), Doc("Another", bigger, exhibit="PS2")])], tmp_path / "b.pdf", title="t")
    assert [str(p) for p in caught.value.problems] == [
        f"{bigger}:1:1: it is over 240 megapixels, far over the limit of 120: it was not decoded; save a smaller copy (no court page needs more)",
        f"{huge}:1:1: it is 13,000 x 13,000 pixels (169 megapixels), over the limit of 120 megapixels: it was not decoded; "
        "save a smaller copy (no court page needs more)",
    ]
    assert not (tmp_path / "b.pdf").exists()


def test_an_ordinary_photo_is_not_refused(tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    Image.new("RGB", (4000, 3000), "white").save(photo)
    assert limits.image_size_problem(limits.open_image(photo)) is None


def test_libreoffice_runs_with_a_bounded_address_space() -> None:
    # the guard each LibreOffice worker runs under, asked to report its own limit
    probe = "import resource; print(resource.getrlimit(resource.RLIMIT_AS)[0])"
    from toolkit.pdf import guard

    out = subprocess.run(guard.command([sys.executable, "-c", probe]), capture_output=True, text=True, check=True).stdout
    assert int(out) == limits.SOFFICE_MEMORY != resource.RLIM_INFINITY
