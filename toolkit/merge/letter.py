"""One recipient's document: what its template receives, what it records, its bytes and its name.

Every path that makes a merge document -- the pooled run, a single process, ``verify``-style
checks in the tests, the benchmark -- goes through :func:`render_recipient`, so they all give
the same bytes. The file name and the render key depend only on the row's values (and, for
the key, on everything else the bytes depend on), so a run can tell what is already done.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date
from typing import Any

from toolkit import __version__
from toolkit.association import KENISTON
from toolkit.documents.base import DocInfo
from toolkit.merge.kinds import MergeKind, merge_kind
from toolkit.merge.recipients import Recipient
from toolkit.records import PROP, made_with
from toolkit.templates.engine import Properties, compiled
from toolkit.templates.registry import TemplateVersion


def doc_info(kind: MergeKind, recipient: Recipient, template: TemplateVersion, on: date) -> DocInfo:
    return DocInfo(kind.name, kind.title, on, template.language, template.version, recipient.large_print)


def recipient_context(kind: MergeKind, recipient: Recipient, info: DocInfo) -> dict[str, Any]:
    return {"recipient": recipient, "association": KENISTON, "doc": info, "locale": info.language, **kind.build(recipient, info)}


def recipient_record(kind: MergeKind, recipient: Recipient, template: TemplateVersion, on: date) -> dict[str, str]:
    """What the document records about its making (its custom properties)."""
    return {
        **made_with(kind.name, template),
        "requested_language": recipient.language,
        "document_date": on.isoformat(),
        "casedocs_version": __version__,
        "large_print": "yes" if recipient.large_print else "no",
        "recipient_key": recipient.key,
    }


def recipient_properties(kind: MergeKind, recipient: Recipient, template: TemplateVersion, on: date) -> Properties:
    return Properties(
        title=kind.title,
        author=KENISTON.name,
        document_date=on,
        custom={PROP + k: v for k, v in recipient_record(kind, recipient, template, on).items()},
    )


def render_recipient(kind: str | MergeKind, recipient: Recipient, template: TemplateVersion, on: date) -> bytes:
    """One merge document in memory: the same bytes whichever path asks for it."""
    mk = kind if isinstance(kind, MergeKind) else merge_kind(kind)
    info = doc_info(mk, recipient, template, on)
    return compiled(template).render(
        recipient_context(mk, recipient, info), recipient_properties(mk, recipient, template, on), large_print=recipient.large_print
    )


def slug(text: str, limit: int = 40) -> str:
    """File-name-safe ASCII: ``Zoë O'Brien & <Sons>`` -> ``zoe-obrien-sons``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    ascii_text = ascii_text.replace("'", "")
    words = "".join(c if c.isalnum() else " " for c in ascii_text).split()
    return "-".join(words)[:limit].strip("-")


def file_name(recipient: Recipient) -> str:
    name = slug(recipient.name) or "recipient"
    return f"{name}-{slug(recipient.postcode)}-{recipient.key[:8]}.docx"


def render_key(kind: str, recipient: Recipient, template: TemplateVersion, on: date) -> str:
    """Everything a document depends on; a recorded key with its file present means done."""
    parts = [kind, recipient.key, template.sha256, on.isoformat(), __version__]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
