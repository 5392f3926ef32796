# The front door. `make help` lists the commands.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV    := .venv
PY      := $(VENV)/bin/python
MKDOCS  := $(VENV)/bin/mkdocs
SITE    := site
# A build goes here first and replaces $(SITE) only when it succeeded.
STAGING := .site-staging

.PHONY: help site test serve validate generate schemas browser clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.site-deps: requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: $(VENV)/.site-deps requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

validate: $(VENV)/.site-deps ## Check all of data/ and report every problem (file:line:column: field: message)
	$(PY) -m build_scripts validate

generate: $(VENV)/.site-deps ## Validate, then write the generated pages into docs/<dataset>/
	$(PY) -m build_scripts generate

schemas: $(VENV)/.site-deps ## Rewrite schemas/*.schema.json from the data model
	$(PY) -m build_scripts schemas

site: validate ## Set up, validate, generate and build the static site into site/
	rm -rf $(STAGING)
	$(MKDOCS) build --strict --site-dir $(STAGING)
	chmod -R a+rX $(STAGING)
	rm -rf $(SITE).previous && { [ ! -d $(SITE) ] || mv $(SITE) $(SITE).previous; }
	mv $(STAGING) $(SITE) && rm -rf $(SITE).previous
	@echo "Built $(SITE)/"

serve: validate ## Preview with live reload (edit data/ or docs/ and the page refreshes)
	$(MKDOCS) serve --strict

browser: ## Install Debian's Chromium for the browser tests, if missing
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

test: $(VENV)/.test-deps browser site ## Set up and run every check
	$(PY) -m pytest

clean: ## Remove the virtual environment, generated pages and the built site
	rm -rf $(VENV) $(SITE) $(STAGING) $(SITE).previous docs/{stages,statements,exchanges,indicators,themes,people,references}
