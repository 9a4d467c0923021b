"""casedocs: Keniston Housing Association's harassment case documents from YAML case files.

The library is the product; the ``casedocs`` command is a thin layer over it. A script uses
only the names in ``__all__``, imported from ``toolkit`` itself::

    from toolkit import generate, load_case

    case = load_case("case_files/KHA-2026-0001.yaml")
    written = generate("acknowledgement", case, party="V1", out=Path("out"))

Everything else (the subpackages and their modules) is private by convention, so that files
can move without breaking anyone. The names are imported when first used (PEP 562), so
``import toolkit`` and the command line stay quick.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("casedocs")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"

#: Each public name and the module it lives in (a pair: the module and the name there).
#: The mail merge is ``mail_merge``: ``toolkit.merge`` is the subpackage, and importing it
#: would replace a function of that name on this module.
_PUBLIC: dict[str, str | tuple[str, str]] = {
    # the case file: load one (validated, every problem located) or all of a folder
    "Case": "toolkit.casefile.model",
    "load_case": "toolkit.casefile.loader",
    "load_all": "toolkit.casefile.loader",
    # case documents
    "generate": "toolkit.documents.generate",
    "generate_letters": "toolkit.documents.generate",
    "verify": "toolkit.documents.generate",
    "Verdict": "toolkit.documents.generate",
    "to_pdf": "toolkit.documents.generate",
    # the injunction bundle, mail merge, deadlines, the annual documents
    "make_bundle": "toolkit.bundle.plan",
    "mail_merge": ("toolkit.merge.run", "merge"),
    "MergeResult": "toolkit.merge.result",
    "check_cases": "toolkit.deadlines.check",
    "CheckReport": "toolkit.deadlines.check",
    "generate_annual": "toolkit.annual.generate",
    # any .docx template outside the registry, through the same engine (docxtpl's objects accepted),
    # a picture for any part of it, and a filter for every template
    "render_file": "toolkit.templates.standalone",
    "Picture": "toolkit.templates.package",
    "add_filter": "toolkit.templates.filters",
    # the errors and the warning class
    "CasedocsError": "toolkit.errors",
    "InputError": "toolkit.errors",
    "TemplateInputError": "toolkit.errors",
    "UsageError": "toolkit.errors",
    "ToolError": "toolkit.errors",
    "OutputError": "toolkit.errors",
    "Problem": "toolkit.errors",
    "CasedocsWarning": "toolkit.errors",
}

__all__ = [  # the same names as _PUBLIC (a test checks), listed for readers and linters
    "Case", "CasedocsError", "CasedocsWarning", "CheckReport", "InputError", "MergeResult", "OutputError", "Picture", "Problem",
    "TemplateInputError", "ToolError", "UsageError", "Verdict", "__version__", "add_filter", "check_cases", "generate",
    "generate_annual", "generate_letters", "load_all", "load_case", "mail_merge", "make_bundle", "render_file", "to_pdf", "verify",
]

if TYPE_CHECKING:
    from toolkit.annual.generate import generate_annual as generate_annual
    from toolkit.bundle.plan import make_bundle as make_bundle
    from toolkit.casefile.loader import load_all as load_all, load_case as load_case
    from toolkit.casefile.model import Case as Case
    from toolkit.deadlines.check import CheckReport as CheckReport, check_cases as check_cases
    from toolkit.documents.generate import Verdict as Verdict, generate as generate, generate_letters as generate_letters, to_pdf as to_pdf, verify as verify
    from toolkit.errors import CasedocsError as CasedocsError, CasedocsWarning as CasedocsWarning, InputError as InputError, OutputError as OutputError, Problem as Problem, ToolError as ToolError, UsageError as UsageError
    from toolkit.errors import TemplateInputError as TemplateInputError
    from toolkit.merge.result import MergeResult as MergeResult
    from toolkit.merge.run import merge as mail_merge
    from toolkit.templates.filters import add_filter as add_filter
    from toolkit.templates.package import Picture as Picture
    from toolkit.templates.standalone import render_file as render_file


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is used."""
    if name not in _PUBLIC:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    where = _PUBLIC[name]
    module, attribute = where if isinstance(where, tuple) else (where, name)
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
