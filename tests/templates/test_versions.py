"""``templates new-version``: an edited .docx becomes the next version without hand-editing."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from helpers import CASES, add_version as put_version, docx_bytes, real_template, replace_part, resave_with_libreoffice

from toolkit.cli.main import main
from toolkit.documents.compare import docx_text
from toolkit.documents import generate as gen
from toolkit.errors import InputError
from toolkit.templates.registry import TEMPLATES_ENV, Registry
from toolkit.templates.title import with_title
from toolkit.templates.versions import add_version


@pytest.fixture()
def registry(tmp_path: Path) -> Registry:
    root = tmp_path / "templates"
    put_version(root, "acknowledgement", 1, real_template("acknowledgement"))
    return Registry(root)


@pytest.mark.libreoffice
def test_a_libreoffice_saved_acknowledgement_recorded_as_v2_renders_the_same_text_as_v1(
    registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = tmp_path / "acknowledgement-edited.docx"
    edited.write_bytes(resave_with_libreoffice(real_template("acknowledgement"), tmp_path / "lo"))
    assert b"&apos;" in _part(edited.read_bytes())  # LibreOffice wrote the tags' quotes as entities
    monkeypatch.setenv(TEMPLATES_ENV, str(registry.root))
    code = main(["templates", "new-version", "acknowledgement", str(edited), "--effective-from", "2026-06-01",
                 "--approved-by", "Joanna Okafor, Housing Services Manager", "--change-note", "Re-saved in LibreOffice."])
    out, err = capsys.readouterr()
    assert code == 0, err
    recorded = registry.root / "acknowledgement" / "acknowledgement-v2-en.docx"
    assert out == f"{recorded}\n"
    assert recorded.read_bytes() == edited.read_bytes()
    entry = yaml.safe_load((registry.root / "acknowledgement" / "manifest.yaml").read_text())["versions"][-1]
    assert entry == {
        "version": 2, "language": "en", "file": "acknowledgement-v2-en.docx", "effective_from": date(2026, 6, 1),
        "approved_by": "Joanna Okafor, Housing Services Manager", "review_due": date(2029, 6, 1),
        "change_note": "Re-saved in LibreOffice.", "translation_status": "source",
        "sha256": hashlib.sha256(edited.read_bytes()).hexdigest(),
    }
    fresh = Registry(registry.root)
    texts = [
        docx_text(gen.generate("acknowledgement", CASES / "KHA-2026-0003.yaml", party="V1", on=date(2026, 9, 7),
                               template_version=v, out=tmp_path / f"out{v}", registry=fresh)[0].read_bytes())
        for v in (1, 2)
    ]
    assert "Dear Mr Hargreaves," in texts[1]
    assert "{{" not in texts[1]
    # the page-number fields keep the value LibreOffice last computed (recomputed on opening)
    same = [re.sub(r"Page \d+ of \d+", "Page X of Y", t) for t in texts]
    assert same[1] == same[0]


def _part(docx: bytes, name: str = "word/document.xml") -> bytes:
    return zipfile.ZipFile(io.BytesIO(docx)).read(name)


def test_a_file_that_fails_the_lint_is_refused_and_nothing_is_written(registry: Registry, tmp_path: Path) -> None:
    manifest = registry.root / "acknowledgement" / "manifest.yaml"
    before = manifest.read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(docx_bytes("Dear {{ party.nmae }},", "{% if x %} never closed"))
    with pytest.raises(InputError) as info:
        add_version("acknowledgement", broken, registry=registry, approved_by="A. Approver")
    message = str(info.value)
    assert message.startswith("acknowledgement version 2 (en) was not recorded: the template fails the check:")
    assert "Unexpected end of template" in message
    assert manifest.read_bytes() == before
    assert sorted(p.name for p in manifest.parent.iterdir()) == ["acknowledgement-v1-en.docx", "manifest.yaml"]


def test_an_undefined_variable_is_refused_through_the_cli(
    registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(TEMPLATES_ENV, str(registry.root))
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes("Dear {{ party.nmae }},"))
    assert main(["templates", "new-version", "acknowledgement", str(draft), "--approved-by", "A. Approver"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "'party.nmae': Party has no 'nmae': did you mean 'name'?" in err


def test_numbers_approvers_and_translations(registry: Registry, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"needs the name of whoever approved it \(--approved-by NAME\)"):
        add_version("acknowledgement", real_template("acknowledgement"), registry=registry)
    v2 = add_version("acknowledgement", real_template("acknowledgement"), registry=registry, approved_by="B. Approver",
                     today=date(2027, 1, 1))
    assert (v2.template.version, v2.template.entry.effective_from, v2.template.entry.change_note) == (2, date(2027, 1, 1), "Version 2.")
    # a translation translates the newest English wording and takes its number and approver
    polish = titled(real_template("acknowledgement", language="pl"), "Potwierdzenie przyjęcia zgłoszenia")
    pl = add_version("acknowledgement", polish, registry=Registry(registry.root), language="pl", translated_by="A Translator")
    entry = pl.template.entry
    assert (entry.version, entry.file, entry.approved_by, entry.translation_status) == (2, "acknowledgement-v2-pl.docx", "B. Approver", "unreviewed")
    assert entry.revision is None and pl.template.revision == 1
    chosen = Registry(registry.root).select("acknowledgement", date(2027, 3, 1), "pl").template
    assert (chosen.version, chosen.language) == (2, "pl")


def titled(docx: bytes, title: str) -> bytes:
    return replace_part(docx, "docProps/core.xml", lambda xml: with_title(xml, title))


def test_an_existing_file_of_that_name_is_never_overwritten(registry: Registry) -> None:
    squatter = registry.root / "acknowledgement" / "acknowledgement-v2-en.docx"
    squatter.write_bytes(b"someone else's work")
    with pytest.raises(InputError, match=r"acknowledgement-v2-en.docx:1:1: this file already exists but is not version 2"):
        add_version("acknowledgement", real_template("acknowledgement"), registry=registry, approved_by="A. Approver")
    assert squatter.read_bytes() == b"someone else's work"
    assert len(Registry(registry.root).versions("acknowledgement")) == 1


def test_an_unreadable_file_or_unknown_kind_is_an_input_error(registry: Registry, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing.docx:1:1: cannot be read"):
        add_version("acknowledgement", tmp_path / "missing.docx", registry=registry, approved_by="A")
    with pytest.raises(InputError, match=r"there is no template kind 'nonsense'"):
        add_version("nonsense", real_template("acknowledgement"), registry=registry, approved_by="A")
