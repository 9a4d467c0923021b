"""The versioned template registry in ``letter_templates/<kind>/manifest.yaml``.

A letter that went to a tenant must be reproducible years later, by a court if need
be, so templates are never edited in place: each approved wording is a *version* with
an effective-from date, an approver, a review date and the SHA-256 of its .docx. A
document uses the version in force on its document date. A .docx whose bytes no longer
match its recorded hash was edited without a new version, and is refused.

The templates ship with casedocs: an installed package has them as package data
(``toolkit/letter_templates/``, read through :mod:`importlib.resources`); a source checkout
or an editable install reads the repository's ``letter_templates/``. ``$CASEDOCS_TEMPLATES``
points at another folder. A folder that is missing or holds no template is an error, so
that ``templates check`` can never pass having checked nothing.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import os
import warnings
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from toolkit.errors import CasedocsWarning, InputError
from toolkit.templates.language import base_language



def shipped_templates() -> Path:
    """The templates that came with casedocs: package data when installed, else the repository's."""
    try:
        shipped = importlib.resources.files("toolkit.letter_templates")
    except ModuleNotFoundError:  # a source checkout or an editable install
        return Path(__file__).resolve().parents[2] / "letter_templates"
    return Path(str(shipped))  # pip unpacks packages: package data is a real folder


TEMPLATES_DIR = shipped_templates()
TEMPLATES_ENV = "CASEDOCS_TEMPLATES"  # another templates folder (tests, a trial of new wording)
MANIFEST = "manifest.yaml"
SOURCE_LANGUAGE = "en"

TranslationStatus = Literal["source", "reviewed", "unreviewed"]
#: Easy Read versions are recorded as a private-use variant of their language (BCP 47
#: ``-x-``): ``en-x-easyread``. Versions, review status and fallback then work as for a language.
EASY_READ = "x-easyread"


def easy_read(language: str) -> str:
    """The Easy Read variant of a language: ``en`` -> ``en-x-easyread``."""
    return f"{language}-{EASY_READ}"


def is_easy_read(language: str) -> bool:
    return language.lower().endswith(f"-{EASY_READ}")


def plain_language(language: str) -> str:
    """The language without a private-use variant: ``en-x-easyread`` -> ``en``."""
    return language.lower().split("-x-")[0]


class VersionEntry(BaseModel):
    """One approved .docx: a version of a kind in one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(ge=1)
    language: str = SOURCE_LANGUAGE
    file: str
    effective_from: date
    approved_by: str
    review_due: date
    change_note: str
    translation_status: TranslationStatus = "source"
    translated_by: str | None = None
    #: A translation (or Easy Read version) revised without a change to the English it
    #: translates: 2, 3... (absent: the first). The newest revision in force is used; the
    #: earlier ones stay for the documents made with them.
    revision: int | None = Field(default=None, ge=2)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str
    title: str
    description: str
    versions: list[VersionEntry] = Field(min_length=1)


@dataclass(frozen=True)
class TemplateVersion:
    """A template file the registry vouches for (its hash was checked when it was read)."""

    kind: str
    entry: VersionEntry
    path: Path

    @property
    def version(self) -> int:
        return self.entry.version

    @property
    def language(self) -> str:
        return self.entry.language

    @property
    def sha256(self) -> str:
        return self.entry.sha256

    @property
    def revision(self) -> int:
        return self.entry.revision or 1

    @property
    def newness(self) -> tuple[date, int, int]:
        """Which of two versions in force is the newer: the later date, then version, then revision."""
        return (self.entry.effective_from, self.version, self.revision)

    @property
    def label(self) -> str:
        """How messages name it: ``warning-letter v2 (pl)``, ``consent-form v1 (ar) revision 2``."""
        return f"{self.kind} v{self.version} ({self.language})" + (f" revision {self.revision}" if self.revision > 1 else "")

    def read_bytes(self) -> bytes:
        try:
            data = self.path.read_bytes()
        except OSError as error:
            raise InputError.at(
                self.path, 0, 0,
                f"version {self.version} ({self.language}) in {self.path.parent.name}/{MANIFEST} names this file, "
                f"which cannot be read ({error.strerror or error})",
            ) from None
        if hashlib.sha256(data).hexdigest() != self.sha256:
            raise InputError.at(
                self.path, 0, 0,
                f"this template was edited without a new version: its SHA-256 no longer matches "
                f"version {self.version} in {self.path.parent.name}/{MANIFEST}. Restore the approved file "
                f"(git checkout), or save your changes as a new version and record it in the manifest",
            )
        return data


@dataclass(frozen=True)
class Selection:
    """The template chosen for a document, and whether the reader's language was missing."""

    template: TemplateVersion
    requested_language: str

    @property
    def fell_back(self) -> bool:
        """The reader does not get their language: ``pt-BR`` served by ``pt``, or ``en-GB`` by
        ``en``, did not fall back (the primary language subtag decides); ``fr`` served by
        ``en`` did, and so did ``ar-x-easyread`` by the English Easy Read."""
        return base_language(self.template.language) != base_language(self.requested_language)


class Registry:
    """All kinds under a templates folder; manifests are read lazily, once.

    The folder is ``root``, else ``$CASEDOCS_TEMPLATES``, else ``letter_templates/``.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else Path(os.environ.get(TEMPLATES_ENV) or TEMPLATES_DIR)

    @cached_property
    def manifests(self) -> dict[str, Manifest]:
        """Every kind's manifest; a missing or empty folder is an error, never an empty registry."""
        where = f"{self.root}" + (f" (from ${TEMPLATES_ENV})" if os.environ.get(TEMPLATES_ENV) and self.root == Path(os.environ[TEMPLATES_ENV]) else "")
        if not self.root.is_dir():
            raise InputError(f"the templates folder {where} does not exist: point ${TEMPLATES_ENV} at a folder of templates, or unset it")
        found: dict[str, Manifest] = {}
        for manifest_path in sorted(self.root.glob(f"*/{MANIFEST}")):
            found[manifest_path.parent.name] = _read_manifest(manifest_path)
        if not found:
            raise InputError(
                f"no templates in {where}: each kind needs a folder with a {MANIFEST} "
                f"(if casedocs was installed without its templates, reinstall it)"
            )
        return found

    def kinds(self) -> list[str]:
        return sorted(self.manifests)

    def manifest(self, kind: str) -> Manifest:
        try:
            return self.manifests[kind]
        except KeyError:
            raise InputError(
                f"there is no template kind '{kind}' in {self.root}: the kinds are {', '.join(self.kinds())}"
            ) from None

    def versions(self, kind: str) -> list[TemplateVersion]:
        folder = self.root / kind
        return [TemplateVersion(kind, e, folder / e.file) for e in self.manifest(kind).versions]

    def by_sha256(self, kind: str, sha256: str) -> TemplateVersion | None:
        """The exact file a document records it was made with (any version, language or revision)."""
        return next((t for t in self.versions(kind) if t.sha256 == sha256), None)

    def select(self, kind: str, on: date, language: str = SOURCE_LANGUAGE, version: int | None = None) -> Selection:
        """The version in force on ``on`` (or ``version``), in ``language`` where it exists.

        A language falls back first to its base (``pt-BR`` -> ``pt``), then to English;
        only a translation of the version in force counts, and of its revisions the newest
        in force. An unreviewed translation is used, with a warning (the caller records it).
        """
        candidates = self.versions(kind)
        if version is not None:
            pinned = [t for t in candidates if t.version == version]
            if not pinned:
                known = sorted({t.version for t in candidates})
                raise InputError(f"{kind} has no version {version}: its versions are {', '.join(map(str, known))}")
            # a translation added later must not replace the language a document was made in
            candidates = [t for t in pinned if t.entry.effective_from <= on] or pinned
        else:
            in_force = [t for t in candidates if t.entry.effective_from <= on]
            if not in_force:
                first = min(t.entry.effective_from for t in candidates)
                raise InputError(
                    f"no version of the {kind} template was in force on {on.isoformat()} (the first took effect on {first.isoformat()})"
                )
            sources = [t for t in in_force if t.language == SOURCE_LANGUAGE]
            if sources:
                # Translations follow the wording in force: a translation of an older
                # version (perhaps citing superseded law) is not used for a newer one.
                current = max(sources, key=lambda t: t.newness).version
                in_force = [t for t in in_force if t.version == current]
            candidates = in_force
        for wanted in _language_chain(language):
            matching = [t for t in candidates if t.language.lower() == wanted]
            if matching:
                chosen = max(matching, key=lambda t: t.newness)
                return Selection(chosen, language)
        raise InputError(f"the {kind} template has no English ({SOURCE_LANGUAGE}) version to fall back on")

    def select_for_reader(
        self, kind: str, on: date, language: str, *, wants_easy_read: bool = False, version: int | None = None
    ) -> Selection:
        """:meth:`select`, and for a reader who asked for easy read its Easy Read variant where
        one is in force (an English Easy Read rather than the English standard one when their
        language has neither). Without one, the standard version: the caller says so."""
        if wants_easy_read:
            chosen = self.select(kind, on, easy_read(language), version)
            if not is_easy_read(chosen.template.language) and plain_language(chosen.template.language) == SOURCE_LANGUAGE:
                chosen = self.select(kind, on, easy_read(SOURCE_LANGUAGE), version)
            if is_easy_read(chosen.template.language):
                return Selection(chosen.template, easy_read(language))
        return self.select(kind, on, language, version)

    def review_overdue(self, today: date) -> list[TemplateVersion]:
        """Versions still in force (newest of their language) past their review date."""
        overdue = []
        for kind in self.kinds():
            newest: dict[str, TemplateVersion] = {}
            for t in self.versions(kind):
                if t.entry.effective_from <= today:
                    best = newest.get(t.language)
                    if best is None or t.newness > best.newness:
                        newest[t.language] = t
            overdue += [t for t in newest.values() if t.entry.review_due < today]
        return overdue


def _language_chain(language: str) -> list[str]:
    parts = language.lower().replace("_", "-").split("-")
    chain = ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]
    return chain + ([SOURCE_LANGUAGE] if SOURCE_LANGUAGE not in chain else [])


def _read_manifest(path: Path) -> Manifest:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Manifest.model_validate(data)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError.at(path, mark.line + 1 if mark else 0, mark.column + 1 if mark else 0, f"this manifest is not valid YAML ({error})") from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError.at(path, 0, 0, f"{where}: {first['msg']}") from None


def warn_about(selection: Selection) -> list[str]:
    """The notes a person must act on for this choice; also issued as warnings."""
    notes = []
    template = selection.template
    if selection.fell_back and is_easy_read(selection.requested_language):
        notes.append(
            f"no {plain_language(selection.requested_language)} Easy Read version of the {template.kind} template: "
            f"the document is the {template.language} one; arrange an interpreter or a translation for the reader"
        )
    elif selection.fell_back:
        notes.append(
            f"no {selection.requested_language} version of the {template.kind} template: the document is in "
            f"English; arrange an interpreter or a translation for the reader"
        )
    if template.entry.translation_status == "unreviewed" and is_easy_read(template.language):
        notes.append(f"the Easy Read version of the {template.kind} (v{template.version}) has not yet been checked with readers: have it checked before relying on it")
    elif template.entry.translation_status == "unreviewed":
        notes.append(f"the {template.language} translation of {template.label} has not been reviewed: have it checked before relying on it")
    for note in notes:
        warnings.warn(note, CasedocsWarning, stacklevel=2)
    return notes
