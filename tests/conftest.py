"""Shared pytest set-up: the ``libreoffice`` marker, given to every test that converts with LibreOffice.

``make test`` runs everything. For a quick run while developing, leave the conversions out:
``pytest -m "not libreoffice"``. A test that starts
LibreOffice without the marker fails, so the quick run never needs LibreOffice.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from toolkit.pdf import convert


@pytest.fixture(autouse=True)
def _libreoffice_only_when_marked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that starts the real LibreOffice without the ``libreoffice`` marker.

    The marker is what ``pytest -m "not libreoffice"`` relies on; a stand-in soffice named by
    ``CASEDOCS_SOFFICE`` (tests/pdf/test_convert.py) needs no marker.
    """
    if request.node.get_closest_marker("libreoffice") is None:
        real = convert.find_soffice

        def guarded() -> str:
            found = real()  # a test of "LibreOffice missing" still gets its ToolError
            if not os.environ.get("CASEDOCS_SOFFICE", "").strip():
                pytest.fail("this test starts LibreOffice: mark it @pytest.mark.libreoffice")
            return found

        monkeypatch.setattr(convert, "find_soffice", guarded)
    yield


@pytest.fixture(autouse=True, scope="session")
def _one_ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every bundle test reads the same scanned exhibits: OCR them once per run, not once per
    output folder (``CASEDOCS_OCR_CACHE``; tests of the cache itself unset it)."""
    previous = os.environ.get("CASEDOCS_OCR_CACHE")
    os.environ["CASEDOCS_OCR_CACHE"] = str(tmp_path_factory.mktemp("ocr-cache"))
    yield
    if previous is None:
        os.environ.pop("CASEDOCS_OCR_CACHE", None)
    else:
        os.environ["CASEDOCS_OCR_CACHE"] = previous
