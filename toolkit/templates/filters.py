"""The filters templates use, and the one sandboxed Jinja environment every template compiles in.

Dates and numbers print in the reader's locale (policy 12.1) through Babel; ``words``,
``language`` and ``yesno`` put case-file values into words; ``docx_table`` makes a table
whose columns are known only at run time. An author or a program can add a filter with
:func:`add_filter` (for instance from a plug-in module run before rendering); it is then
available to every template, registered or not.
"""

from __future__ import annotations

import keyword
from datetime import date, datetime
from decimal import Decimal
from collections.abc import Callable, Mapping
from typing import Any, Literal
from xml.sax.saxutils import escape as xml_escape

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_datetime_format
from babel.numbers import format_decimal
from jinja2 import StrictUndefined, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment
from markupsafe import Markup


# -- locale-aware filters (policy 12.1: dates and numbers in the reader's locale) -----
def babel_locale(language: str) -> Locale:
    """The Babel locale for a BCP 47 tag; British English for ``en`` and unknown tags."""
    tag = language.replace("-", "_")
    if tag.lower() == "en":
        tag = "en_GB"
    try:
        return Locale.parse(tag)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en_GB")


def _locale(ctx: Context) -> Locale:
    return babel_locale(str(ctx.get("locale", "en")))


DateStyle = Literal["full", "long", "medium", "short"]  # CLDR's date lengths


@pass_context
def _f_date(ctx: Context, value: date | datetime | None, style: DateStyle = "long") -> str:
    if value is None:
        return ""
    day = value.date() if isinstance(value, datetime) else value
    return format_date(day, format=style, locale=_locale(ctx))


@pass_context
def _f_datetime(ctx: Context, value: datetime | date | None, style: DateStyle = "long") -> str:
    if value is None:
        return ""
    if not isinstance(value, datetime):
        return _f_date(ctx, value, style)
    locale = _locale(ctx)
    day = format_date(value.date(), format=style, locale=locale)
    clock = format_time(value.time(), format="short", locale=locale)
    # the locale's own way of joining them (CLDR): "20 April 2026, 10:05", "20 kwietnia 2026 10:05"
    pattern = str(get_datetime_format(style, locale=locale))
    return pattern.replace("{1}", day).replace("{0}", clock).replace("'", "")


@pass_context
def _f_time(ctx: Context, value: datetime | None) -> str:
    return "" if value is None else format_time(value.time(), format="short", locale=_locale(ctx))


@pass_context
def _f_number(ctx: Context, value: int | float | Decimal) -> str:
    return format_decimal(value, locale=_locale(ctx))


def _f_yesno(value: object, yes: str = "Yes", no: str = "No") -> str:
    return yes if value else no


@pass_context
def _f_language(ctx: Context, tag: str) -> str:
    """A language's name in the reader's language: ``pl`` -> "Polish" (or "polski")."""
    try:
        return Locale.parse(tag.replace("-", "_")).get_display_name(_locale(ctx)) or tag
    except (UnknownLocaleError, ValueError):
        return tag


def _f_words(value: str | list[str], conjunction: str = "and") -> str:
    """Case-file values in words: ``sexual_orientation`` -> "sexual orientation"."""
    items = [value] if isinstance(value, str) else list(value)
    words = [str(v).replace("_", " ") for v in items]
    if not words:
        return ""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


_CONTENT_WIDTH_TWIPS = 9412  # A4 less 22 mm margins each side (letterhead.py)


def _f_docx_table(table: Mapping[str, Any]) -> Markup:
    """A table whose columns are only known at run time (a report's figures), as Word XML.

    Use it alone in a paragraph with docxtpl's paragraph form, ``{{p figures|docx_table }}``,
    which replaces the paragraph with the table. ``table`` has ``header`` (list),
    ``rows`` (lists, label first) and optionally ``footer`` (a list, or None). The
    header repeats on every page; rows do not break across pages.
    """
    header, rows, footer = list(table["header"]), [list(r) for r in table["rows"]], table.get("footer")
    count = len(header)
    first = _CONTENT_WIDTH_TWIPS * (2 if count <= 3 else 1) // (5 if count <= 3 else 3) if count > 1 else _CONTENT_WIDTH_TWIPS
    rest = (_CONTENT_WIDTH_TWIPS - first) // max(count - 1, 1)
    widths = [first] + [rest] * (count - 1)
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
    borders = "".join(border.format(edge) for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))

    def cell(text: object, width: int, *, bold: bool, shade: bool, right: bool, keep: bool) -> str:
        shading = '<w:shd w:val="clear" w:color="auto" w:fill="DCEBEF"/>' if shade else ""
        # keep-with-next on every row but the last holds a short table on one page
        keep_next = "<w:keepNext/>" if keep else ""
        align = '<w:jc w:val="right"/>' if right else ""
        weight = "<w:b/>" if bold else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
            f'<w:p><w:pPr>{keep_next}<w:spacing w:before="40" w:after="40"/>{align}</w:pPr>'
            f'<w:r><w:rPr>{weight}</w:rPr><w:t xml:space="preserve">{xml_escape(str(text))}</w:t></w:r></w:p></w:tc>'
        )

    def row(values: list[Any], *, bold: bool = False, shade: bool = False, heading: bool = False, last: bool = False) -> str:
        props = "<w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if heading else "") + "</w:trPr>"
        cells = "".join(
            cell(v, w, bold=bold, shade=shade, right=i > 0, keep=not last) for i, (v, w) in enumerate(zip(values, widths))
        )
        return f"<w:tr>{props}{cells}</w:tr>"

    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    all_rows = [(list(header), True), *((list(r), False) for r in rows), *([(list(footer), False)] if footer else [])]
    body = "".join(
        row(values, bold=is_header or (footer is not None and n == len(all_rows) - 1), shade=is_header, heading=is_header,
            last=n == len(all_rows) - 1)
        for n, (values, is_header) in enumerate(all_rows)
    )
    return Markup(
        f'<w:tbl><w:tblPr><w:tblW w:w="{_CONTENT_WIDTH_TWIPS}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'
        '<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>'
    )


def build_environment() -> SandboxedEnvironment:
    # immutable: a template can read the case but not change it (no list.append, dict.update)
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters.update(
        date=_f_date, datetime=_f_datetime, time=_f_time, number=_f_number, yesno=_f_yesno, language=_f_language, words=_f_words,
        docx_table=_f_docx_table,
    )
    return env


ENV = build_environment()


_BUILT_IN = frozenset(ENV.filters)


def add_filter(name: str, function: Callable[..., Any]) -> None:
    """Make ``{{ value|name }}`` call ``function(value, ...)`` in every template.

    Like any filter its result is escaped for Word unless it returns
    :class:`markupsafe.Markup` (which must then be valid WordprocessingML). Jinja's and
    casedocs's own filters cannot be replaced (a letter's dates must not change meaning
    because a plug-in was loaded); adding the same function again is harmless.
    """
    if not name.isidentifier() or keyword.iskeyword(name):
        raise ValueError(f"{name!r} cannot be a filter's name: use letters, digits and _, not starting with a digit")
    if not callable(function):
        raise TypeError(f"the filter {name!r} must be a function, not {type(function).__name__}")
    if name in _BUILT_IN or ENV.filters.get(name, function) is not function:
        raise ValueError(f"there is already a filter called {name!r}: choose another name")
    ENV.filters[name] = function


def environment_with(filters: Mapping[str, Callable[..., Any]]) -> SandboxedEnvironment:
    """The shared environment plus some filters for one template only (docxtpl's ``jinja_env``)."""
    if not filters:
        return ENV
    overlay = ENV.overlay()
    overlay.filters = {**ENV.filters, **filters}
    return overlay
