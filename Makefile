# casedocs: `make help` lists every target with its one-line description (the `##` comments).
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      ?= .venv
PYTHON    ?= python3
PY        := $(VENV)/bin/python
CASEDOCS  := $(VENV)/bin/casedocs
CASES     ?= case_files
OUT       ?= out
YEAR      ?= $(shell date +%Y)
CASE      ?=
PARTY     ?=
# Debian/Ubuntu packages for PDF conversion (LibreOffice, headless) and the templates' fonts:
# Liberation (metric-compatible with Arial/Times), Carlito (Calibri), Noto (non-Latin scripts and
# Symbols 2), DejaVu Sans (monochrome emoji and symbols the bundle's own pages fall back to);
# poppler-utils and qpdf are used by the tests and `make bench`; liblouis-bin translates braille
# (lou_translate and its tables: the venv cannot import Debian's python3-louis, so it is not needed);
# OCRmyPDF and Tesseract (English) give scanned exhibits a text layer in the bundle.
# --pdf only where LibreOffice is installed (see system-deps); .docx are made either way
PDF_FLAG  := $(if $(shell command -v soffice 2>/dev/null),--pdf,)
SYSTEM_PACKAGES := libreoffice-writer-nogui fonts-liberation2 fonts-crosextra-carlito fonts-noto-core fonts-dejavu-core poppler-utils qpdf liblouis-bin ocrmypdf tesseract-ocr tesseract-ocr-eng

.PHONY: help demo setup system-deps test validate check letters abc consent bundle newsletter report bench schema clean lint

help: ## show this list
	@awk 'BEGIN {FS = ":.*## "; print "Usage: make TARGET [CASE=KHA-2026-0001] [PARTY=V1] [YEAR=2026]\n"} \
	     /^[a-z-]+:.*## / {printf "  %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

demo: setup ## set everything up on a fresh machine and generate every document for the example cases
	$(CASEDOCS) validate $(CASES)
	$(PY) -m scripts.demo $(CASES) --out $(OUT)

setup: system-deps $(VENV)/.installed ## create .venv and install casedocs and the system packages it needs

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

system-deps: ## install LibreOffice, fonts, liblouis and OCRmyPDF with apt-get when root, else say what to install
	@missing=""; \
	command -v soffice >/dev/null 2>&1 || missing="yes"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="yes"; \
	command -v qpdf >/dev/null 2>&1 || missing="yes"; \
	command -v lou_translate >/dev/null 2>&1 || missing="yes"; \
	command -v ocrmypdf >/dev/null 2>&1 || missing="yes"; \
	tesseract --list-langs 2>/dev/null | grep -qx eng || missing="yes"; \
	fc-list 2>/dev/null | grep -q "Liberation Sans" || missing="yes"; \
	fc-list 2>/dev/null | grep -q "Carlito" || missing="yes"; \
	fc-list 2>/dev/null | grep -q "Noto Sans" || missing="yes"; \
	fc-list 2>/dev/null | grep -q "DejaVu Sans" || missing="yes"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing $(SYSTEM_PACKAGES)" >&2; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; \
	else \
	  echo "LibreOffice and fonts are needed for PDFs. Install them with:" >&2; \
	  echo "  sudo apt-get install --no-install-recommends $(SYSTEM_PACKAGES)" >&2; \
	  echo "(.docx documents are still generated without them)" >&2; \
	fi

lint: $(VENV)/.installed ## ruff (style, bugs, complexity) and mypy (types), as CI runs them
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: setup ## run the test suite (LibreOffice tests included)
	$(PY) -m pytest -q

validate: $(VENV)/.installed ## validate every case file in case_files/
	$(CASEDOCS) validate $(CASES)

check: $(VENV)/.installed ## the policy's deadlines across open cases: overdue and due soon (fails if anything is overdue)
	$(CASEDOCS) check $(CASES)

newsletter: $(VENV)/.installed ## the year's newsletter article, anonymised: make newsletter YEAR=2026
	$(CASEDOCS) newsletter --year $(YEAR) $(CASES) --out $(OUT) $(PDF_FLAG)

report: $(VENV)/.installed ## the year's monitoring report to the Management Committee: make report YEAR=2026
	$(CASEDOCS) report --year $(YEAR) $(CASES) --out $(OUT) $(PDF_FLAG)

letters: $(VENV)/.installed ## every letter a case's log calls for, as .docx and PDF: make letters CASE=KHA-2026-0001
	@test -n "$(CASE)" || { echo "usage: make letters CASE=KHA-2026-0001" >&2; exit 2; }
	$(CASEDOCS) letters $(CASE) --out $(OUT) $(PDF_FLAG)

abc: $(VENV)/.installed ## the Acceptable Behaviour Contract from a case's abc section: make abc CASE=KHA-2026-0002
	@test -n "$(CASE)" || { echo "usage: make abc CASE=KHA-2026-0002" >&2; exit 2; }
	$(CASEDOCS) generate abc $(CASE) --out $(OUT) $(PDF_FLAG)

consent: $(VENV)/.installed ## a consent to share information form for one party: make consent CASE=KHA-2026-0001 PARTY=V1
	@test -n "$(CASE)" -a -n "$(PARTY)" || { echo "usage: make consent CASE=KHA-2026-0001 PARTY=V1" >&2; exit 2; }
	$(CASEDOCS) generate consent-form $(CASE) --party $(PARTY) --out $(OUT) $(PDF_FLAG)

bundle: $(VENV)/.installed ## the injunction bundle, PDF + index JSON: make bundle CASE=KHA-2026-0003 [RESPONDENT=1] [SUPPLEMENT=1]
	@test -n "$(CASE)" || { echo "usage: make bundle CASE=KHA-2026-0003 [RESPONDENT=1] [SUPPLEMENT=1]" >&2; exit 2; }
	$(CASEDOCS) bundle $(CASE) --out $(OUT) $(if $(RESPONDENT),--for-respondent) $(if $(SUPPLEMENT),--supplement)

schema: $(VENV)/.installed ## regenerate case_files/casefile.schema.json for editors
	$(CASEDOCS) schema > $(CASES)/casefile.schema.json.tmp && mv $(CASES)/casefile.schema.json.tmp $(CASES)/casefile.schema.json

bench: $(VENV)/.installed ## performance targets, each a ratio against a baseline measured in the same run
	$(PY) -m benchmarks.bench

clean: ## remove generated documents (out/); issued documents are yours to keep, so this asks first
	@read -p "Delete $(OUT)/ and every document in it? [y/N] " ok && [ "$$ok" = y ] && rm -rf $(OUT) || true
