# The front door. `make help` lists the commands.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV    := .venv
PY      := $(VENV)/bin/python
MKDOCS  := $(VENV)/bin/mkdocs
SITE    := site
# The parallel build (build_scripts/site/parallel_build.py) makes the site in $(SITE).parts/
# and replaces $(SITE) only when every step succeeded.
# Reproducible builds: every date the build writes (sitemap, citations' access date) is the
# date of the last commit, so two builds of one commit are byte-identical.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
export NO_MKDOCS_2_WARNING := 1

.PHONY: help public-url site test check lint lint-text bench serve validate generate schemas status translated new links links-external browser fonts java clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

# The pinned libraries, then the pipeline itself (editable: MkDocs finds its plugin through the
# entry point in pyproject.toml, and an edit to build_scripts/ needs no reinstall).
$(VENV)/.site-deps: requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# The citation processor (citeproc-js) at the version package-lock.json pins.
node_modules/.installed: package.json package-lock.json
	command -v npm >/dev/null || { echo "Node.js and npm are needed for the citation processor (Debian: apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

$(VENV)/.test-deps: $(VENV)/.site-deps requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

validate: $(VENV)/.site-deps ## Check all of data/ and report every problem (file:line:column: field: message)
	$(PY) -m build_scripts validate

generate: $(VENV)/.site-deps node_modules/.installed ## Validate, then write the generated pages into .cache/pages/
	$(PY) -m build_scripts generate

schemas: $(VENV)/.site-deps ## Rewrite schemas/*.schema.json from the data model
	$(PY) -m build_scripts schemas

status: $(VENV)/.site-deps ## Translation report: missing, outdated and unchecked texts per dataset and language
	$(PY) -m build_scripts status

translated: $(VENV)/.site-deps ## After checking a translation: make translated FILE=data/<dataset>/<id>.yml TRANSLATION=zh [FIELD=summary]
	@test -n "$(FILE)" -a -n "$(TRANSLATION)" || { echo "usage: make translated FILE=data/<dataset>/<id>.yml TRANSLATION=zh|ru|en [FIELD=summary]"; exit 2; }
	$(PY) -m build_scripts translated "$(FILE)" --lang "$(TRANSLATION)" $(if $(FIELD),--field "$(FIELD)")

new: $(VENV)/.site-deps ## Start a record from a commented template: make new TYPE=statements ID=joint-statement-2024
	@test -n "$(TYPE)" -a -n "$(ID)" || { echo "usage: make new TYPE=<dataset> ID=<id>   (datasets: stages statements exchanges indicators themes people references)"; exit 2; }
	$(PY) -m build_scripts new "$(TYPE)" "$(ID)"

site: $(VENV)/.site-deps node_modules/.installed browser fonts ## Set up, validate and generate once, build the languages side by side into site/
	$(PY) -m build_scripts build --site-dir $(SITE)
	chmod -R a+rX $(SITE)
	@echo "Built $(SITE)/"

# One language by default (the quickest preview): LANGUAGE=zh, or LANGUAGE=all for the three.
serve: validate node_modules/.installed ## Preview with live reload (edit data/ or docs/ and the page refreshes): make serve [LANGUAGE=zh|ru|all]
	$(if $(LANGUAGE),SERVE_LANGUAGE=$(LANGUAGE) )$(MKDOCS) serve --strict

public-url: $(VENV)/.site-deps ## Print the public address every citation carries (CITATION.cff `url`)
	@$(PY) -c 'from build_scripts.core.edition import edition; print(edition().url)'

links: $(VENV)/.test-deps ## Check every internal link and anchor of the built site/ (make site first)
	$(PY) -m tests.check_links $(SITE)

links-external: $(VENV)/.test-deps ## Report broken external links of the built site/ (never fails)
	$(PY) -m tests.check_links --external $(SITE)

browser: ## Install Debian's Chromium for the browser tests, if missing
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

fonts: ## Install Chinese fonts for the PDF edition (Noto CJK) and pdftoppm for its test artefacts, if missing
	@fc-list :lang=zh 2>/dev/null | grep -q . || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk fontconfig; }
	@command -v pdftoppm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils; }

java: ## Install a Java runtime for the W3C Nu HTML Checker, if missing
	@command -v java >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }

lint-text: $(VENV)/.site-deps node_modules/.installed ## Every text against the terminology base (data/terms.yml) and its language's typography: file:line:column: field: rule
	$(PY) -m build_scripts lint-text

lint: $(VENV)/.test-deps ## ruff: lint and format check of the Python code (configured in pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: lint node_modules/.installed ## The fast loop: lint, then every test that needs no built site and no browser
	$(PY) -m pytest -n 2 -m "not site and not browser"

test: lint lint-text $(VENV)/.test-deps browser java site ## Set up and run every check
	$(PY) -m pytest

bench: $(VENV)/.test-deps node_modules/.installed browser ## Benchmark at 1x, 10x and 100x synthetic data (not part of the tests): prints a table, writes bench/results.json
	$(PY) -m bench $(BENCH_ARGS)

clean: ## Remove the virtual environment, generated pages and the built site
	rm -rf .cache $(VENV) node_modules $(SITE) $(SITE).parts $(SITE).previous docs/{stages,statements,exchanges,indicators,themes,people,references,data,timeline,glossary}
