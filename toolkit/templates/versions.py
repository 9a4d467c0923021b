"""Recording an edited .docx as the next version of a template (``templates new-version``).

Before this, an author copied the file, edited ``manifest.yaml`` by hand and pasted a
``sha256sum``: a programmer's job, and easy to get subtly wrong. :func:`add_version`
does all of it in one step that either happens completely or not at all: the file is
linted under its final name *before* anything is written, a file that fails the lint is
refused, an existing version file is never overwritten, and the manifest is replaced
atomically (if that fails, the copied .docx is removed again).

The translation kit records its translated .docx through the same function
(``language``, ``translation_status``, ``translated_by``).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from collections.abc import Iterator

import yaml

from toolkit.errors import InputError
from toolkit.output import replace_atomically
from toolkit.templates.lint import Finding, check_version, context_types
from toolkit.templates.title import own_title
from toolkit.templates.registry import MANIFEST, SOURCE_LANGUAGE, Registry, TemplateVersion, TranslationStatus, VersionEntry, plain_language

REVIEW_YEARS = 3  # policy 13: "This policy is reviewed every 3 years"; its letters with it


@dataclass(frozen=True)
class Recorded:
    """What :func:`add_version` did: the version now in the registry and any lint warnings."""

    template: TemplateVersion
    warnings: list[Finding]


def add_version(
    kind: str,
    source: Path | bytes,
    *,
    registry: Registry | None = None,
    language: str = SOURCE_LANGUAGE,
    effective_from: date | None = None,
    approved_by: str | None = None,
    change_note: str | None = None,
    made_from: str | None = None,
    review_due: date | None = None,
    translation_status: TranslationStatus | None = None,
    translated_by: str | None = None,
    today: date | None = None,
) -> Recorded:
    """Copy ``source`` into ``<kind>/`` as the next version, hash it, lint it, record it.

    The number is the next one for English; a translation (any other ``language``) takes
    the number of the newest English version, the wording it translates, as the registry
    only uses a translation of the version in force; a second translation of that
    English into the same language is its next revision (``<kind>-vN-<lang>-r2.docx``),
    and must carry a title in its language. ``effective_from`` defaults to
    ``today``; ``review_due`` to :data:`REVIEW_YEARS` later. An English version needs
    ``approved_by``; a translation defaults to the approver of the English wording, and its
    default change note says which translation and revision it is and ``made_from``.
    Raises :class:`InputError` (nothing written) for a file that cannot be read or fails
    the lint, an unknown kind, a file recorded already, a revision dated before the one it
    follows, or a translation whose title is still the English one.
    """
    registry = registry or Registry()
    today = today or date.today()
    existing = registry.versions(kind)  # an unknown kind is refused here, listing the kinds
    data = _read_source(source)
    language = language.strip() or SOURCE_LANGUAGE
    is_source = language.lower() == SOURCE_LANGUAGE
    english = [t for t in existing if t.language.lower() == SOURCE_LANGUAGE]
    start = effective_from or today
    revision: int | None = None
    if is_source:
        number = max((t.version for t in existing), default=0) + 1
    else:
        if not english:
            raise InputError(f"{kind} has no English version for a {language} translation to translate")
        number = max(english, key=lambda t: t.newness).version
        revision = _next_revision(kind, [t for t in existing if t.version == number and t.language.lower() == language.lower()], data, start)
        _check_title(kind, language, data, next(t for t in english if t.version == number))
    if not approved_by:
        if is_source:
            raise InputError(f"a new version of {kind} needs the name of whoever approved it (--approved-by NAME)")
        approved_by = next(t.entry.approved_by for t in english if t.version == number)
    suffix = f"-r{revision}" if revision else ""
    default_note = f"Version {number}." if is_source else (
        f"{language} translation of version {number}" + (f", revision {revision}" if revision else "") + (f", {made_from}" if made_from else "") + "."
    )
    entry = VersionEntry(
        version=number,
        language=language,
        file=f"{kind}-v{number}-{language}{suffix}.docx",
        effective_from=start,
        approved_by=approved_by,
        review_due=review_due or _years_later(start, REVIEW_YEARS),
        change_note=change_note or default_note,
        translation_status=translation_status or ("source" if is_source else "unreviewed"),
        translated_by=translated_by,
        revision=revision,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    folder = registry.root / kind
    findings = _lint(kind, entry, data)
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        shown = "\n".join(f"  {f.message}" for f in errors)
        raise InputError(f"{kind} version {number} ({language}) was not recorded: the template fails the check:\n{shown}")
    with _locked(folder):
        target = folder / entry.file
        try:
            with open(target, "xb") as handle:  # never over an existing file
                handle.write(data)
        except FileExistsError:
            raise InputError.at(target, 0, 0, f"this file already exists but is not version {number} in {kind}/{MANIFEST}; move it away first") from None
        try:
            _append_entry(folder / MANIFEST, entry)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
    return Recorded(TemplateVersion(kind, entry, target), [f for f in findings if f.severity != "error"])


def _next_revision(kind: str, earlier: list[TemplateVersion], data: bytes, start: date) -> int | None:
    """The revision number for another translation of the same English (None: the first).

    A translation is revised when the English has not changed but the translation must
    (a reviewer's corrections, a draft made from English corrected since): the revision
    takes effect no earlier than the one it follows, so documents already issued keep
    theirs, and is refused when it changes nothing.
    """
    if not earlier:
        return None
    newest = max(earlier, key=lambda t: t.newness)
    if newest.sha256 == hashlib.sha256(data).hexdigest():
        raise InputError(f"this file is {newest.label} already ({newest.entry.file}): nothing to record")
    if start < newest.entry.effective_from:
        raise InputError(
            f"a revision of {newest.label} cannot take effect on {start.isoformat()}, before the revision it "
            f"replaces ({newest.entry.effective_from.isoformat()}): documents made since would change"
        )
    return max(t.revision for t in earlier) + 1


def _check_title(kind: str, language: str, data: bytes, english: TemplateVersion) -> None:
    """A translation names itself in its own language (its title is the PDF's title, read out
    by screen readers); an Easy Read version may keep the English one."""
    if plain_language(language) == SOURCE_LANGUAGE:
        return
    own, original = own_title(data), own_title(english.read_bytes())
    if original and (not own or own == original):  # an untitled English gives nothing to translate
        raise InputError(
            f"the {language} {kind} has no title in {language} (its title is {own or 'empty'!r}): "
            "give the document its translated title (in Word: File > Info > Properties > Title; "
            "in a catalogue: the message of the title), then record it again"
        )


def _read_source(source: Path | bytes) -> bytes:
    if isinstance(source, bytes):
        return source
    try:
        return Path(source).read_bytes()
    except OSError as error:
        raise InputError.at(source, 0, 0, f"cannot be read ({error.strerror or error})") from None


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _lint(kind: str, entry: VersionEntry, data: bytes) -> list[Finding]:
    """The lint, on a copy under the version's final name (so its messages name that file)."""
    with tempfile.TemporaryDirectory(prefix="casedocs-new-version-") as scratch:
        path = Path(scratch) / kind / entry.file
        path.parent.mkdir()
        path.write_bytes(data)
        return check_version(TemplateVersion(kind, entry, path), context_types().get(kind))


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One writer of a kind's manifest at a time (two authors recording at once)."""
    with open(folder / MANIFEST, "rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _entry_yaml(entry: VersionEntry) -> str:
    fields: dict[str, Any] = entry.model_dump(exclude_none=True)
    return yaml.safe_dump([fields], sort_keys=False, allow_unicode=True, width=100)


def _append_entry(manifest_path: Path, entry: VersionEntry) -> None:
    """Add ``entry`` at the end of ``versions:``, keeping the file's comments and layout.

    When ``versions`` is the last key (as the toolkit writes them) the entry is appended
    as text, so the git diff is just the new entry; otherwise the manifest is rewritten.
    Either way the result is read back and checked before it replaces the old one.
    """
    text = manifest_path.read_text(encoding="utf-8")
    before = yaml.safe_load(text)
    appended = text.rstrip("\n") + "\n" + _entry_yaml(entry)
    try:
        after = yaml.safe_load(appended)
    except yaml.YAMLError:
        after = None
    expected = {**before, "versions": [*before["versions"], entry.model_dump(exclude_none=True)]}
    if after != expected:
        comments = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
        appended = comments + yaml.safe_dump(expected, sort_keys=False, allow_unicode=True, width=100)
    mode = manifest_path.stat().st_mode & 0o777
    replace_atomically(manifest_path, appended.encode("utf-8"))
    os.chmod(manifest_path, mode)  # shared project data, not a tenant's letter: keep its permissions

