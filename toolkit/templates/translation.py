"""The translation kit: a template's text as a gettext catalogue, and a translated template from one.

``casedocs templates strings KIND --language L`` (:func:`strings`) writes the English
version in force as a ``.po`` file, the format Poedit, Weblate and every translator's tool
reads (Babel's catalogue support writes and reads it). Each paragraph is one message (see
:mod:`toolkit.templates.segments` for the placeholders), with a translator comment saying
what each placeholder stands for. Where a translation of an earlier English version exists,
its strings are carried over: unchanged English keeps its translation; changed English gets
the old translation marked fuzzy (Babel's own matching), for the translator to revise.

``casedocs templates translate KIND FILE.po`` (:func:`translate`) builds the translated
.docx from the English one -- every paragraph's properties, every tag, table, field and
picture kept, only the words changed -- refusing a catalogue with untranslated or fuzzy
strings, or a translation that loses a placeholder, and records it as a new version through
:func:`toolkit.templates.versions.add_version` (status ``unreviewed`` until
``--reviewed-by``; a second translation of the same English is that translation's next
revision). A right-to-left language gets its paragraphs, runs and tables set right to left
and a font for its script.

The document's title (:mod:`toolkit.templates.title`) is the catalogue's first message: a
translation names the document in its reader's language, so it is refused untranslated or
left in English. The catalogues kept beside the templates offer their finished messages
again, so English corrected in place is offered with only its changed paragraphs to do.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, UTC
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from toolkit.errors import InputError, Problem
from toolkit.templates.language import is_right_to_left, make_right_to_left, script_font, set_document_language
from toolkit.templates.registry import SOURCE_LANGUAGE, Registry, TemplateVersion
from toolkit.templates.segments import TRANSLATED_PARTS, Segment, check_translation, segments_of, translate_part
from toolkit.templates.title import CORE_PROPS, title_in, with_title
from toolkit.templates.versions import Recorded, add_version

_PLACEHOLDER_NAME = re.compile(r"\{([a-z][a-z0-9_]*)\}")
HEADER_TEMPLATE = "X-Casedocs-Template"  # "kind vN sha256", the English the catalogue translates
_FILTER_WORDS = {
    "date": "a date, printed in the reader's language", "datetime": "a date and time, printed in the reader's language",
    "time": "a time of day", "number": "a number, printed in the reader's language", "language": "the name of a language",
    "words": "words from the case file", "join": "a list of lines or items",
}


def _describe(tag: str) -> str:
    """What a placeholder stands for, in words a translator can use."""
    if tag.startswith("<"):
        if "PAGE" in tag and "NUMPAGES" not in tag:
            return "the page number"
        if "NUMPAGES" in tag:
            return "the number of pages"
        return "a link, field or picture: keep it as it is"
    inside = tag[2:-2].strip()
    if re.fullmatch(r"recipient\.salutation", inside):
        return ("the English greeting with the reader's name (\"Dear Mrs Haddad\"): keep it, or leave it out "
                "and write your language's own greeting")
    if tag.startswith("{%"):
        return f"template logic ({inside}): keep it, in the same order as the other logic placeholders"
    expression = inside.split("|")[0].strip()
    filters = [f.split("(")[0].strip() for f in inside.split("|")[1:]]
    kind = next((_FILTER_WORDS[f] for f in filters if f in _FILTER_WORDS), "a value filled in for each document")
    return f"{kind} ({expression})"


def english_version(registry: Registry, kind: str, on: date) -> TemplateVersion:
    """The English version in force on ``on``."""
    return registry.select(kind, on, SOURCE_LANGUAGE).template


def template_segments(data: bytes) -> list[Segment]:
    """The title (:mod:`toolkit.templates.title`), then every paragraph with words."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = sorted(n for n in archive.namelist() if TRANSLATED_PARTS.match(n))
        # the body first, then the letterhead and footers, as a translator reads a letter
        names.sort(key=lambda n: (not n.startswith("word/document"), n))
        title = title_in(archive.read(CORE_PROPS).decode("utf-8")) if CORE_PROPS in archive.namelist() else ""
        found = [Segment(CORE_PROPS, 0, title)] if title else []
        for name in names:
            found += segments_of(name, archive.read(name).decode("utf-8"))
    return found


def _add_previous_translations(catalog: Catalog, registry: Registry, kind: str, language: str) -> None:
    """English -> translation from the catalogues kept beside the templates (``<kind>-vN-<lang>[-rR].po``,
    finished messages only), then from every earlier version translated into ``language``
    where the translated .docx has the same paragraphs as its English (as the kit builds them)."""
    folder = registry.root / kind
    mine = re.compile(rf"{re.escape(kind)}-v(\d+)-{re.escape(language)}(?:-r(\d+))?\.po", re.I)
    # oldest first (version, then revision), so that the latest wording wins
    kept_files = sorted((int(m.group(1)), int(m.group(2) or 1), p) for p in folder.glob("*.po") if (m := mine.fullmatch(p.name)))
    for *_, kept in kept_files:
        try:
            previous = read_po(io.BytesIO(kept.read_bytes()))
        except (OSError, PoFileError, ValueError, UnicodeDecodeError):
            continue  # a damaged old catalogue offers nothing; the translator still gets every message
        for message in previous:
            if message.id and message.string and not message.fuzzy:
                catalog.add(message.id, message.string, locations=message.locations)
    versions = registry.versions(kind)
    # oldest first, so that a later version's or revision's wording wins
    for translated in sorted((t for t in versions if t.language.lower() == language.lower()), key=lambda t: (t.version, t.revision)):
        source = next((t for t in versions if t.version == translated.version and t.language == SOURCE_LANGUAGE), None)
        if source is None:
            continue
        english, foreign = template_segments(source.read_bytes()), template_segments(translated.read_bytes())
        if [(e.part, e.index) for e in english] != [(f.part, f.index) for f in foreign]:
            continue  # built by hand with another layout: nothing can be paired safely
        for e, f in zip(english, foreign):
            if e.part == CORE_PROPS and f.text == e.text:
                continue  # a translation made before titles were translated kept the English one
            catalog.add(e.text, _map_placeholders(f, e), locations=[(e.part, e.index + 1)])


def _map_placeholders(foreign: Segment, english: Segment) -> str:
    """A translated paragraph's text with its placeholders named as in the English one.

    Names are given by position, so the same tag used twice (``{% endif %}`` closes three
    conditions as ``{endif_1}``, ``{endif_2}``, ``{endif_3}``) is paired in order of
    appearance, as the translation keeps the logic placeholders' order; all are renamed at
    once, so a new name is never renamed again."""
    names: dict[str, list[str]] = {}
    for name, value in english.placeholders.items():
        names.setdefault(value, []).append(name)
    renamed: dict[str, str] = {}
    for name, value in foreign.placeholders.items():
        candidates = names.get(value, [])
        used = sum(1 for other in renamed if foreign.placeholders[other] == value)
        if used < len(candidates):
            renamed[name] = candidates[used]
    return _PLACEHOLDER_NAME.sub(lambda m: "{" + renamed.get(m.group(1), m.group(1)) + "}", foreign.text)


def _locale(language: str) -> str:
    try:
        return str(Locale.parse(language.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        raise InputError(f"'{language}' is not a language Babel knows (use a BCP 47 tag such as ar, ur, pl or pt-BR)") from None


def build_catalog(registry: Registry, kind: str, language: str, on: date) -> tuple[Catalog, TemplateVersion]:
    """The catalogue of the English version in force on ``on``, with earlier translations carried over."""
    english = english_version(registry, kind, on)
    catalog = Catalog(
        locale=_locale(language), project=f"casedocs {kind}", version=str(english.version),
        copyright_holder="Keniston Housing Association", msgid_bugs_address="",
        creation_date=datetime.combine(english.entry.effective_from, datetime.min.time(), UTC),
        revision_date=datetime.combine(on, datetime.min.time(), UTC),
        header_comment=(
            f"# {registry.manifest(kind).title}: the {kind} template, version {english.version}, for translation into {language}.\n"
            "# Translate each paragraph. Keep every {placeholder} exactly as written (you may move it),\n"
            "# and keep <1>...</1> markers around the words that carry that formatting.\n"
            f"# Then: casedocs templates translate {kind} THIS-FILE.po"
        ),
    )
    _add_previous_translations(catalog, registry, kind, language)
    template = Catalog(locale=None)
    for segment in template_segments(english.read_bytes()):
        existing = template.get(segment.text)
        if existing is not None:
            existing.locations.append((segment.part, segment.index + 1))
            continue
        comments = [f"{{{name}}} = {_describe(value)}" for name, value in segment.placeholders.items()]
        comments += [f"<{n}>...</{n}> = text in another format (bold, italic...): keep it around the same words" for n in segment.formats]
        template.add(segment.text, locations=[(segment.part, segment.index + 1)], auto_comments=[_where(segment.part), *comments])
    # unchanged English keeps its translation; changed English gets the nearest old one, fuzzy
    catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
    return catalog, english


def _where(part: str) -> str:
    if part == CORE_PROPS:
        return "The document's title: shown in the PDF's properties and read out first by a screen reader. It must be translated."
    return "In the " + {"document": "letter", "header": "letterhead", "footer": "footer"}[re.sub(r"^word/(\D+)\d*\.xml$", r"\1", part)] + "."


def strings(kind: str, language: str, output: Path, *, registry: Registry | None = None, on: date | None = None) -> Path:
    """Write the catalogue for ``kind`` in ``language``; refuses to overwrite a translator's file."""
    registry = registry or Registry()
    if language.lower() == SOURCE_LANGUAGE:
        raise InputError("the templates are written in English: choose the language to translate into (--language ar)")
    catalog, english = build_catalog(registry, kind, language, on or date.today())
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, include_previous=True, ignore_obsolete=True)
    text = buffer.getvalue().decode("utf-8")
    header = f'"{HEADER_TEMPLATE}: {kind} v{english.version} {english.sha256}\\n"\n'
    text = text.replace('"Generated-By:', header + '"Generated-By:', 1)
    try:
        with open(output, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise InputError.at(output, 0, 0, "this file exists already (perhaps a translator's work): choose another name with --output, or move it away") from None
    except OSError as error:
        raise InputError.at(output, 0, 0, f"cannot be written ({error.strerror or error})") from None
    return output


@dataclass(frozen=True)
class Loaded:
    catalog: Catalog
    english: TemplateVersion
    language: str


def load_catalog(path: Path, kind: str, registry: Registry) -> Loaded:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError.at(path, 0, 0, f"cannot be read ({error.strerror or error})") from None
    try:
        catalog = read_po(io.BytesIO(raw), abort_invalid=True)
    except PoFileError as error:
        found = re.search(r"line (\d+)", str(error))
        raise InputError.at(path, int(found.group(1)) if found else 0, 0, f"this is not a valid .po file ({error})") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError.at(path, 0, 0, f"this is not a valid .po file ({error})") from None
    stamp = re.search(rf'"{HEADER_TEMPLATE}: (\S+) v(\d+) ([0-9a-f]{{64}})\\n"', raw.decode("utf-8", "replace"))
    if stamp is None:
        raise InputError.at(path, 1, 1, f"this catalogue does not say which template it translates (no {HEADER_TEMPLATE} header): make it with `casedocs templates strings {kind} --language L`")
    if stamp.group(1) != kind:
        raise InputError.at(path, 1, 1, f"this catalogue translates the {stamp.group(1)} template, not {kind}")
    english = next((t for t in registry.versions(kind) if t.version == int(stamp.group(2)) and t.language == SOURCE_LANGUAGE), None)
    if english is None or english.sha256 != stamp.group(3):
        raise InputError.at(path, 1, 1, f"this catalogue translates {kind} version {stamp.group(2)}, which is not in the registry as it was: make a new catalogue with `casedocs templates strings`")
    language = str(catalog.locale or "").replace("_", "-") if catalog.locale else ""
    if not language:
        raise InputError.at(path, 1, 1, 'the catalogue has no "Language:" header (for example "Language: ar")')
    return Loaded(catalog, english, language)


def translated_docx(english: bytes, translations: dict[str, str], language: str) -> bytes:
    """The English .docx with every paragraph in the other language (and direction)."""
    rtl = is_right_to_left(language)
    with zipfile.ZipFile(io.BytesIO(english)) as archive:
        parts = {info: archive.read(info.filename) for info in archive.infolist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts.items():
            name = info.filename
            if TRANSLATED_PARTS.match(name):
                xml = translate_part(name, data.decode("utf-8"), translations)
                data = (make_right_to_left(xml, script_font(language)) if rtl else xml).encode("utf-8")
            elif name == "word/styles.xml":
                data = set_document_language(data, language, font=script_font(language) if rtl else None)
            elif name == CORE_PROPS and (title := title_in(data.decode("utf-8"))) in translations:
                data = with_title(data.decode("utf-8"), translations[title]).encode("utf-8")
            archive.writestr(info, data)
    return out.getvalue()


def translate(
    kind: str, po_file: Path, *, reviewed_by: str | None = None, effective_from: date | None = None,
    registry: Registry | None = None, today: date | None = None,
) -> Recorded:
    """Build and record the translation in ``po_file``; refuses gaps, fuzzy strings and broken placeholders."""
    registry = registry or Registry()
    loaded = load_catalog(po_file, kind, registry)
    segments = template_segments(loaded.english.read_bytes())
    problems: list[Problem] = []
    translations: dict[str, str] = {}
    for segment in segments:
        if segment.text in translations:
            continue
        message = loaded.catalog.get(segment.text)
        line = message.lineno if message is not None and message.lineno else 0
        short = segment.text if len(segment.text) <= 60 else segment.text[:57] + "..."
        if message is None or not message.string:
            problems.append(Problem(str(po_file), line, 0, f'not translated: "{short}"'))
        elif message.fuzzy:
            problems.append(Problem(str(po_file), line, 0, f'marked fuzzy (check it, then remove the fuzzy flag): "{short}"'))
        elif segment.part == CORE_PROPS and str(message.string).strip() == segment.text:
            problems.append(Problem(str(po_file), line, 0, f'the title is still in English (translate it: it names the document): "{short}"'))
        elif (why := check_translation(segment, str(message.string))) is not None:
            problems.append(Problem(str(po_file), line, 0, f'{why}: "{short}"'))
        else:
            translations[segment.text] = str(message.string)
    if problems:
        raise InputError(problems)
    data = translated_docx(loaded.english.read_bytes(), translations, loaded.language)
    translator = str(loaded.catalog.last_translator or "").strip()
    translator = "" if translator.startswith("FULL NAME") else translator
    return add_version(
        kind, data, registry=registry, language=loaded.language, effective_from=effective_from,
        made_from=f"from {po_file.name}" + (f"; reviewed by {reviewed_by}" if reviewed_by else ""),
        translation_status="reviewed" if reviewed_by else "unreviewed",
        translated_by=translator or None, today=today,
    )
