"""The mail-merge kinds: documents made from a recipient list rather than a case.

Each kind names its templates in the registry (``letter_templates/<kind>/``) and says what,
besides what every merge template receives, its templates are given; ``casedocs templates
check`` lints them against exactly that (:func:`merge_context_types`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from toolkit.association import Association
from toolkit.documents.base import DocInfo
from toolkit.errors import InputError
from toolkit.merge.recipients import Recipient


@dataclass(frozen=True)
class MergeKind:
    """A document kind made from a recipient list rather than a case."""

    name: str
    title: str
    context_types: dict[str, Any] = field(default_factory=dict)
    build: Callable[[Recipient, DocInfo], dict[str, Any]] = lambda recipient, info: {}


#: What every merge template receives (never ``case`` or ``officer``: there is no case).
MERGE_COMMON_TYPES: dict[str, Any] = {"recipient": Recipient, "association": Association, "doc": DocInfo, "locale": str}

MERGE_KINDS: dict[str, MergeKind] = {
    k.name: k for k in (MergeKind("policy-notice", "Harassment: our policy and how to report it"),)
}


def merge_kind(name: str) -> MergeKind:
    try:
        return MERGE_KINDS[name]
    except KeyError:
        raise InputError(f"there is no mail-merge kind '{name}': the kinds are {', '.join(sorted(MERGE_KINDS))}") from None


def merge_context_types() -> dict[str, dict[str, Any]]:
    """For ``casedocs templates check``: what each merge kind's templates may use."""
    return {name: {**MERGE_COMMON_TYPES, **k.context_types} for name, k in MERGE_KINDS.items()}
