"""The versioned template registry: which version and language a document gets, and refusals."""

from __future__ import annotations

import shutil
import hashlib
import warnings
import zipfile
from datetime import date
from pathlib import Path

import pytest

from helpers import CASES, add_version, docx_bytes, real_template, replace_part
from toolkit.documents import generate as gen
from toolkit.cli.main import main
from toolkit.errors import CasedocsWarning, InputError
from toolkit.templates.registry import TEMPLATES_DIR, TEMPLATES_ENV, Registry, _language_chain, warn_about
from toolkit.templates.engine import read_custom_properties


# -- version selection ------------------------------------------------------------------
@pytest.fixture()
def two_versions(tmp_path: Path) -> Registry:
    """acknowledgement v1 (in force from 2020-04-06) and v2 (from 2026-06-01)."""
    root = tmp_path / "templates"
    add_version(root, "acknowledgement", 1, real_template("acknowledgement"))
    v2 = replace_part(
        real_template("acknowledgement"), "word/document.xml",
        lambda xml: xml.replace("We have received your report", "VERSION TWO: we have received your report"),
    )
    add_version(root, "acknowledgement", 2, v2, effective_from=date(2026, 6, 1))
    return Registry(root)


def test_the_version_in_force_on_the_document_date_is_used(two_versions: Registry) -> None:
    assert two_versions.select("acknowledgement", date(2026, 5, 31)).template.version == 1
    assert two_versions.select("acknowledgement", date(2026, 6, 1)).template.version == 2
    assert two_versions.select("acknowledgement", date(2030, 1, 1)).template.version == 2


def test_a_pinned_version_wins_over_the_date(two_versions: Registry) -> None:
    assert two_versions.select("acknowledgement", date(2027, 1, 1), version=1).template.version == 1
    assert two_versions.select("acknowledgement", date(2021, 1, 1), version=2).template.version == 2
    with pytest.raises(InputError, match=r"acknowledgement has no version 7: its versions are 1, 2"):
        two_versions.select("acknowledgement", date(2027, 1, 1), version=7)


def test_no_version_in_force_before_the_first(two_versions: Registry) -> None:
    with pytest.raises(InputError, match=r"no version of the acknowledgement template was in force on 2019-01-01 \(the first took effect on 2020-04-06\)"):
        two_versions.select("acknowledgement", date(2019, 1, 1))


def test_an_unknown_kind_lists_the_kinds(two_versions: Registry) -> None:
    with pytest.raises(InputError, match=r"there is no template kind 'nonsense' .*: the kinds are acknowledgement"):
        two_versions.select("nonsense", date(2026, 1, 1))


def test_the_document_records_and_prints_the_version_chosen(two_versions: Registry, tmp_path: Path) -> None:
    case = CASES / "KHA-2026-0003.yaml"
    early, late, pinned = (
        gen.generate("acknowledgement", case, party="V1", on=on, template_version=v, out=tmp_path / "out", registry=two_versions)[0]
        for on, v in ((date(2026, 5, 1), None), (date(2026, 9, 7), None), (date(2026, 9, 8), 1))
    )
    versions = [read_custom_properties(p.read_bytes())["casedocs.template_version"] for p in (early, late, pinned)]
    assert versions == ["1", "2", "1"]
    texts = [zipfile.ZipFile(p).read("word/document.xml").decode() for p in (early, late, pinned)]
    assert ["VERSION TWO" in t for t in texts] == [False, True, False]


def test_template_version_option_pins_through_the_cli(
    two_versions: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(TEMPLATES_ENV, str(two_versions.root))
    case = str(CASES / "KHA-2026-0003.yaml")
    for version in ("1", "2"):
        code = main(["generate", "acknowledgement", case, "--party", "V1", "--date", "2026-09-07",
                     "--template-version", version, "--out", str(tmp_path / version)])
        out, err = capsys.readouterr()
        assert code == 0, err
        (path,) = out.splitlines()
        assert read_custom_properties(Path(path).read_bytes())["casedocs.template_version"] == version
    code = main(["generate", "acknowledgement", case, "--party", "V1", "--template-version", "3", "--out", str(tmp_path)])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert "acknowledgement has no version 3: its versions are 1, 2" in err


# -- languages --------------------------------------------------------------------------
def test_language_chain() -> None:
    assert _language_chain("pt-BR") == ["pt-br", "pt", "en"]
    assert _language_chain("pt_BR") == ["pt-br", "pt", "en"]
    assert _language_chain("en") == ["en"]
    assert _language_chain("pl") == ["pl", "en"]


@pytest.fixture()
def languages(tmp_path: Path) -> Registry:
    root = tmp_path / "templates"
    base = real_template("acknowledgement")
    add_version(root, "acknowledgement", 1, base)
    add_version(root, "acknowledgement", 1, base + b"", language="pt", translation_status="reviewed")
    add_version(root, "acknowledgement", 1, base, language="pl", translation_status="unreviewed")
    return Registry(root)


def test_language_falls_back_to_its_base_then_to_english(languages: Registry) -> None:
    def chosen(tag: str) -> tuple[str, bool]:
        selection = languages.select("acknowledgement", date(2026, 1, 1), tag)
        return selection.template.language, selection.fell_back

    # the reader gets their language from its base: no fallback to warn about
    assert chosen("pt-BR") == ("pt", False)
    assert chosen("pt") == ("pt", False)
    assert chosen("PT-br") == ("pt", False)
    assert chosen("fr") == ("en", True)
    assert chosen("fr-CA") == ("en", True)
    assert chosen("en") == ("en", False)
    assert chosen("en-GB") == ("en", False)


def test_a_regional_version_is_preferred_to_its_base(languages: Registry) -> None:
    add_version(languages.root, "acknowledgement", 1, real_template("acknowledgement"), language="pt-BR", translation_status="reviewed")
    assert Registry(languages.root).select("acknowledgement", date(2026, 1, 1), "pt-BR").template.language == "pt-BR"


def test_fallback_and_unreviewed_translations_warn(languages: Registry) -> None:
    with pytest.warns(CasedocsWarning, match=r"no fr version of the acknowledgement template: the document is in English"):
        notes = warn_about(languages.select("acknowledgement", date(2026, 1, 1), "fr"))
    assert len(notes) == 1
    # an English reader (en-GB) is not told to arrange an interpreter for an English letter
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert warn_about(languages.select("acknowledgement", date(2026, 1, 1), "en-GB")) == []
    with pytest.warns(CasedocsWarning, match=r"the pl translation of acknowledgement v1 \(pl\) has not been reviewed"):
        notes = warn_about(languages.select("acknowledgement", date(2026, 1, 1), "pl"))
    assert len(notes) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert warn_about(languages.select("acknowledgement", date(2026, 1, 1), "pt")) == []


def test_an_unreviewed_translation_is_used_with_a_warning_on_stderr(
    languages: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(TEMPLATES_ENV, str(languages.root))
    code = main(["generate", "acknowledgement", str(CASES / "KHA-2026-0001.yaml"), "--party", "V1",
                 "--date", "2026-03-02", "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == 0
    (path,) = out.splitlines()
    assert read_custom_properties(Path(path).read_bytes())["casedocs.template_language"] == "pl"
    assert "warning: the pl translation of acknowledgement v1 (pl) has not been reviewed: have it checked before relying on it" in err.splitlines()
    audit = (tmp_path / "out" / "KHA-2026-0001" / "audit.jsonl").read_text()
    assert "has not been reviewed" in audit


# -- refusals ---------------------------------------------------------------------------
def test_a_tampered_template_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "templates"
    path = add_version(root, "acknowledgement", 1, real_template("acknowledgement"))
    path.write_bytes(replace_part(path.read_bytes(), "word/document.xml", lambda xml: xml.replace("never acceptable", "not acceptable")))
    registry = Registry(root)
    with pytest.raises(InputError, match="was edited without a new version") as caught:
        registry.versions("acknowledgement")[0].read_bytes()
    assert str(caught.value).startswith(f"{path}:1:1: ")
    assert "version 1 in acknowledgement/manifest.yaml" in str(caught.value)

    monkeypatch.setenv(TEMPLATES_ENV, str(root))
    out_dir = tmp_path / "out"
    code = main(["generate", "acknowledgement", str(CASES / "KHA-2026-0003.yaml"), "--party", "V1", "--out", str(out_dir)])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert "this template was edited without a new version" in err and "Traceback" not in err
    assert not out_dir.exists() or not any(out_dir.rglob("*.docx"))

    assert main(["templates", "check", "--today", "2026-01-01"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "acknowledgement/acknowledgement-v1-en.docx (v1, en): error: this template was edited without a new version" in err


def test_a_template_past_its_review_date_is_reported_by_templates_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "templates"
    add_version(root, "acknowledgement", 1, real_template("acknowledgement"), review_due=date(2022, 1, 1))
    add_version(root, "acknowledgement", 2, real_template("acknowledgement"), effective_from=date(2023, 1, 1), review_due=date(2026, 3, 31))
    monkeypatch.setenv(TEMPLATES_ENV, str(root))
    assert main(["templates", "check", "--today", "2026-03-31"]) == 0  # due today is not yet overdue
    assert capsys.readouterr().err == ""
    assert main(["templates", "check", "--today", "2026-04-01"]) == 0  # a warning, not an error
    out, err = capsys.readouterr()
    assert out == ""
    # v1 was replaced by v2, so only v2's review matters
    assert err.splitlines() == ["acknowledgement v2 (en): warning: review was due on 2026-03-31"]


def test_templates_list_shows_each_kinds_versions_and_languages_at_a_glance(
    two_versions: Registry, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add_version(two_versions.root, "acknowledgement", 2, real_template("acknowledgement", language="pl"), language="pl",
                effective_from=date(2026, 7, 1), translation_status="unreviewed")
    monkeypatch.setenv(TEMPLATES_ENV, str(two_versions.root))
    assert main(["templates", "list"]) == 0
    listing, table = capsys.readouterr().out.split("\n\n")
    lines = listing.splitlines()
    # then the kinds x languages table (toolkit/cli/templates.py language_table)
    assert table.splitlines()[1:] == ["  kind             en  pl", "  acknowledgement  v2  v2 unreviewed"]
    assert [line for line in lines if not line.startswith("      ")] == [
        "acknowledgement: Test acknowledgement",
        "  v1  from 2020-04-06  en",
        "  v2  from 2026-06-01  en, pl (unreviewed, from 2026-07-01)",
    ]
    assert lines[2] == "      approved by Test Approver; review due 2030-12-31; v1 for a test"
    assert lines[3].startswith("      en    acknowledgement-v1-en.docx  sha256 ")
    assert lines[-1].startswith("      pl    acknowledgement-v2-pl.docx  sha256 ")


def test_a_bad_manifest_is_an_input_error_naming_it(tmp_path: Path) -> None:
    root = tmp_path / "templates"
    add_version(root, "acknowledgement", 1, real_template("acknowledgement"), sha256="not-a-hash")
    with pytest.raises(InputError, match=r"manifest.yaml:1:1: versions.0.sha256: String should match pattern"):
        Registry(root).kinds()
    (root / "acknowledgement" / "manifest.yaml").write_text("kind: [unclosed\n")
    with pytest.raises(InputError, match=r"manifest.yaml:\d+:\d+: this manifest is not valid YAML"):
        Registry(root).kinds()


def test_the_real_manifests_match_their_files() -> None:
    registry = Registry()
    assert {"acknowledgement", "warning-letter"} <= set(registry.kinds())
    for kind in registry.kinds():
        for template in registry.versions(kind):
            assert hashlib.sha256(template.path.read_bytes()).hexdigest() == template.sha256, template.label


def test_the_templates_folder_can_be_chosen_by_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TEMPLATES_ENV, str(tmp_path))
    assert Registry().root == tmp_path
    assert Registry(TEMPLATES_DIR).root == TEMPLATES_DIR
    monkeypatch.delenv(TEMPLATES_ENV)
    assert Registry().root == TEMPLATES_DIR


def test_copying_a_registry_keeps_it_valid(tmp_path: Path) -> None:
    shutil.copytree(TEMPLATES_DIR / "acknowledgement", tmp_path / "acknowledgement")
    selection = Registry(tmp_path).select("acknowledgement", date(2026, 1, 1))
    assert selection.template.read_bytes() == real_template("acknowledgement")


def test_a_translation_of_an_older_version_is_not_used_for_a_newer_one(tmp_path: Path) -> None:
    add_version(tmp_path, "notice", 1, docx_bytes("v1 en"))
    add_version(tmp_path, "notice", 1, docx_bytes("v1 pl"), language="pl", translation_status="reviewed")
    add_version(tmp_path, "notice", 2, docx_bytes("v2 en"), effective_from=date(2026, 6, 1))
    registry = Registry(tmp_path)
    before = registry.select("notice", date(2026, 5, 31), "pl")
    after = registry.select("notice", date(2026, 6, 1), "pl")
    assert (before.template.version, before.template.language, before.fell_back) == (1, "pl", False)
    assert (after.template.version, after.template.language, after.fell_back) == (2, "en", True)
