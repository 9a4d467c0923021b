"""The approved templates, shipped inside casedocs as ``toolkit.letter_templates`` (package data).

Each kind's folder holds its ``manifest.yaml`` and one .docx per version and language; only
those are packaged (see pyproject.toml). The ``build_v1*.py`` scripts and the shared
``letterhead``/``courtstyle``/``forms`` helpers record how the first versions were made.
"""
