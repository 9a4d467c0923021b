"""Only what pyproject.toml cannot say: the package list = toolkit's subpackages (found) plus the
templates folder, mapped in pyproject.toml from letter_templates/ to ``toolkit.letter_templates``."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["toolkit", "toolkit.*"]), "toolkit.letter_templates"])
