"""casedocs: Keniston Housing Association's harassment case documents from YAML case files.

The library is the product; the ``casedocs`` command is a thin layer over it.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("casedocs")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"

__all__ = ["__version__"]
