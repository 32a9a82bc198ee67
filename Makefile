# Two commands on a fresh machine: `make site` and `make test`. Both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
# MkDocs is pinned to 1.x, so Material's banner about MkDocs 2.0 is noise here.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup check build site site-update deploy serve test test-fast lint schema bench eval mutate clean catalogs catalogs-compile catalog-new

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)  ## create .venv with the pinned dependencies

check: setup  ## check content/ and report every error
	$(BIN)/timeline check

build: setup  ## generate docs/ from content/ (mkdocs does this too, through the hook)
	$(BIN)/timeline build

site: setup  ## check, then build the static site into site/ (the MkDocs hook checks and generates first)
	$(BIN)/mkdocs build --strict

site-update: setup  ## build site/ again over the previous build: only the pages whose Markdown changed are rendered (CI, with its cache)
	$(BIN)/mkdocs build --strict --dirty

deploy: setup  ## send site/ to S3-compatible object storage with rclone (TIMELINE_DEPLOY_*); DRY_RUN=1 lists what would change
	$(BIN)/timeline deploy $(if $(DRY_RUN),--dry-run)

serve: setup  ## preview at http://127.0.0.1:8000/ ; saving a YAML file reloads the page
	$(BIN)/mkdocs serve --dirty --no-strict

LOCALE := generator/languages/locale
catalogs: setup  ## extract the strings readers read into the template and merge it into each language's catalog
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k ngettext:1,2 --add-location=file --sort-output --no-wrap \
		--project=timeline --copyright-holder="the timeline's editors" -o $(LOCALE)/messages.pot .
	$(BIN)/pybabel update -i $(LOCALE)/messages.pot -d $(LOCALE) --no-wrap --no-fuzzy-matching
	$(MAKE) catalogs-compile

catalogs-compile: setup  ## compile each language's catalog (.po) into the .mo the build reads
	$(BIN)/pybabel compile -d $(LOCALE) --statistics

catalog-new: setup  ## start a language's catalog: make catalog-new LANGUAGE=de
	$(BIN)/pybabel init -i $(LOCALE)/messages.pot -d $(LOCALE) -l $(LANGUAGE) --no-wrap

schema: setup  ## rewrite schema/*.json from the content model
	$(BIN)/timeline schema

lint: setup
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

node_modules/.package-lock.json: package-lock.json  ## TimelineJS3 and axe-core for the browser tests
	npm ci --no-audit --no-fund --loglevel=error

test: lint node_modules/.package-lock.json  ## lint, type-check and run the whole test suite
	$(BIN)/timeline schema --check
	$(BIN)/pytest

test-fast: setup  ## the editing loop: no browser, no server, no site build (under a minute; tests/conftest.py)
	$(BIN)/pytest -m "not slow" -q

BENCH ?= 1000 10000
COMPARE ?=
bench: setup  ## measure check, generate, mkdocs build, memory, sizes and serve at scale (docs/performance.md)
	$(BIN)/python tests/benchmark/run.py $(BENCH) $(if $(COMPARE),--compare $(COMPARE))

eval: setup  ## how well `timeline extract` dates sentences it has not seen (docs/extraction.md)
	$(BIN)/python tests/eval/run.py

mutate: setup  ## break each rule on purpose and see that its tests fail (docs/testing.md)
	$(BIN)/python tests/mutation/run.py

clean:  ## remove what builds made (generated pages are in .gitignore)
	rm -rf site .pytest_cache .mypy_cache .ruff_cache test-artifacts
	rm -rf docs/timeline docs/events docs/actors docs/places docs/sources docs/tags docs/data \
		docs/maps docs/media docs/stories docs/embed
	rm -f docs/feed.xml docs/events.ics docs/about.md docs/.timeline-build.json docs/.timeline-memo.pickle
