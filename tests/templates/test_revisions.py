"""Revisions of a translation: the English unchanged, the translation corrected.

The newest revision in force is used; the earlier ones stay, so that documents made with
them are reproduced exactly (``verify`` finds the template by its SHA-256)."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from docx import Document

from helpers import CASES, add_version as put_version, real_template, replace_part
from toolkit.casefile.loader import load_case
from toolkit.cli.main import main
from toolkit.documents.generate import generate, verify
from toolkit.errors import CasedocsWarning, InputError
from toolkit.templates.registry import TEMPLATES_ENV, Registry
from toolkit.templates.title import own_title, with_title
from toolkit.templates.versions import add_version

DRAFT, REVIEWED = date(2026, 11, 25), date(2026, 12, 7)


def titled(docx: bytes, title: str, change: tuple[str, str] = ("", "")) -> bytes:
    """The Polish acknowledgement with ``title``, and a word changed in its body."""
    body = replace_part(docx, "word/document.xml", lambda xml: xml.replace(*change) if change[0] else xml)
    return replace_part(body, "docProps/core.xml", lambda xml: with_title(xml, title))


@pytest.fixture()
def registry(tmp_path: Path) -> Registry:
    """English acknowledgement v1 and its Polish translation (revision 1), dated ``DRAFT``."""
    root = tmp_path / "templates"
    put_version(root, "acknowledgement", 1, real_template("acknowledgement"))
    first = titled(real_template("acknowledgement", language="pl"), "Potwierdzenie zgłoszenia")
    add_version("acknowledgement", first, registry=Registry(root), language="pl", effective_from=DRAFT, today=DRAFT)
    return Registry(root)


def polish_letter(registry: Registry, on: date, out: Path) -> Path:
    case = load_case(CASES / "KHA-2026-0003.yaml")
    case.party("V1").language = "pl"
    with pytest.warns(CasedocsWarning, match="pl translation of acknowledgement v1"):
        (docx,) = generate("acknowledgement", case, party="V1", on=on, out=out, registry=Registry(registry.root))
    return docx


def test_a_second_translation_of_the_same_english_is_its_next_revision(registry: Registry) -> None:
    corrected = titled(real_template("acknowledgement", language="pl"), "Potwierdzenie przyjęcia zgłoszenia", ("Szanowna", "Szanowny"))
    recorded = add_version("acknowledgement", corrected, registry=registry, language="pl", today=REVIEWED)
    entry = recorded.template.entry
    assert (entry.version, entry.revision, entry.file, entry.effective_from) == (1, 2, "acknowledgement-v1-pl-r2.docx", REVIEWED)
    assert entry.change_note == "pl translation of version 1, revision 2."
    assert recorded.template.label == "acknowledgement v1 (pl) revision 2"
    manifest = yaml.safe_load((registry.root / "acknowledgement" / "manifest.yaml").read_text())
    assert [(v["language"], v.get("revision"), v["file"]) for v in manifest["versions"]] == [
        ("en", None, "acknowledgement-v1-en.docx"), ("pl", None, "acknowledgement-v1-pl.docx"), ("pl", 2, "acknowledgement-v1-pl-r2.docx"),
    ]
    fresh = Registry(registry.root)
    # before the revision took effect the first one is used, from its date the revision; a pinned version too
    assert fresh.select("acknowledgement", REVIEWED.replace(day=6), "pl").template.revision == 1
    assert fresh.select("acknowledgement", REVIEWED, "pl").template.revision == 2
    assert fresh.select("acknowledgement", REVIEWED, "pl", version=1).template.entry.file == "acknowledgement-v1-pl-r2.docx"
    assert fresh.select("acknowledgement", REVIEWED, "en").template.language == "en"
    third = titled(real_template("acknowledgement", language="pl"), "Potwierdzenie przyjęcia zgłoszenia", ("Szanowna", "Szanowni"))
    assert add_version("acknowledgement", third, registry=fresh, language="pl", today=REVIEWED).template.entry.file == "acknowledgement-v1-pl-r3.docx"
    assert Registry(registry.root).select("acknowledgement", REVIEWED, "pl").template.revision == 3  # same day: the newer revision


def test_refusals_nothing_written(registry: Registry, tmp_path: Path) -> None:
    manifest = registry.root / "acknowledgement" / "manifest.yaml"
    before = manifest.read_bytes()
    same = (registry.root / "acknowledgement" / "acknowledgement-v1-pl.docx").read_bytes()
    with pytest.raises(InputError, match=r"this file is acknowledgement v1 \(pl\) already \(acknowledgement-v1-pl.docx\): nothing to record"):
        add_version("acknowledgement", same, registry=registry, language="pl", today=REVIEWED)
    corrected = titled(real_template("acknowledgement", language="pl"), "Potwierdzenie przyjęcia zgłoszenia")
    with pytest.raises(InputError, match=r"cannot take effect on 2026-11-24, before the revision it replaces \(2026-11-25\)"):
        add_version("acknowledgement", corrected, registry=registry, language="pl", effective_from=date(2026, 11, 24), today=REVIEWED)
    english_title = real_template("acknowledgement", language="pl")  # its title is the English one
    with pytest.raises(InputError, match=r"the pl acknowledgement has no title in pl \(its title is 'Acknowledgement of your report'\)"):
        add_version("acknowledgement", english_title, registry=registry, language="pl", today=REVIEWED)
    untitled = replace_part(english_title, "docProps/core.xml", lambda xml: with_title(xml, ""))
    with pytest.raises(InputError, match=r"has no title in pl \(its title is 'empty'\)"):
        add_version("acknowledgement", untitled, registry=registry, language="pl", today=REVIEWED)
    assert manifest.read_bytes() == before
    assert sorted(p.name for p in (registry.root / "acknowledgement").glob("*.docx")) == ["acknowledgement-v1-en.docx", "acknowledgement-v1-pl.docx"]


def test_documents_made_with_an_earlier_revision_still_verify(registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A revision recorded on the day a letter was made: the letter verifies against the file it was made with."""
    before = polish_letter(registry, DRAFT, tmp_path / "out")
    corrected = titled(real_template("acknowledgement", language="pl"), "Potwierdzenie przyjęcia zgłoszenia", ("Szanowna", "Szanowny"))
    add_version("acknowledgement", corrected, registry=registry, language="pl", effective_from=DRAFT, today=DRAFT)
    after = polish_letter(registry, DRAFT, tmp_path / "again")  # the same day: the revision now
    assert before.read_bytes() != after.read_bytes()
    properties = {p: Document(str(d)).core_properties.title for p, d in (("before", before), ("after", after))}
    assert properties == {"before": "Potwierdzenie zgłoszenia — KHA-2026-0003", "after": "Potwierdzenie przyjęcia zgłoszenia — KHA-2026-0003"}
    fresh = Registry(registry.root)
    first, second = verify(before, registry=fresh), verify(after, registry=fresh)
    assert first.identical and first.message.endswith("acknowledgement v1 (pl))"), first.message
    assert second.identical and second.message.endswith("acknowledgement v1 (pl) revision 2)"), second.message


def test_easy_read_revision_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "templates"
    shutil.copytree(registry_root := Path(__file__).resolve().parents[2] / "letter_templates" / "consent-form", root / "consent-form",
                    ignore=shutil.ignore_patterns("*.py", "*.po"))
    monkeypatch.setenv(TEMPLATES_ENV, str(root))
    after = max(t.revision for t in Registry(root).versions("consent-form") if t.language == "en-x-easyread") + 1
    easy = registry_root / "consent-form-v1-en-x-easyread.docx"
    changed = tmp_path / "easy.docx"
    changed.write_bytes(replace_part(easy.read_bytes(), "word/document.xml", lambda xml: xml.replace("Saying no is fine.", "It is fine to say no.")))
    code = main(["templates", "new-version", "consent-form", str(changed), "--language", "en-x-easyread", "--effective-from", "2026-12-07"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.strip().endswith(f"consent-form-v1-en-x-easyread-r{after}.docx")
    assert f"recorded consent-form v1 (en-x-easyread) revision {after}, in force from 2026-12-07" in err
    assert own_title(changed.read_bytes())  # an Easy Read version may keep the English title
    code = main(["templates", "list"])
    listing = capsys.readouterr().out
    assert f"en-x-easyread (unreviewed, revision {after}, from 2026-12-07)" in listing
    assert f"consent-form-v1-en-x-easyread-r{after}.docx" in listing and f"(revision {after}, from 2026-12-07)" in listing
    assert main(["templates", "check", "--today", "2026-12-07"]) == 0, capsys.readouterr().err
    document = Document(io.BytesIO((root / "consent-form" / f"consent-form-v1-en-x-easyread-r{after}.docx").read_bytes()))
    assert "It is fine to say no." in "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
