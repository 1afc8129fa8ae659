# Two commands matter: `make serve` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve test test-fast build offline lighthouse screenshots check schema permalinks replace upstream-report lock clean

$(READY): requirements.lock pyproject.toml tools/bootstrap.py
	@$(PYTHON) tools/bootstrap.py $(VENV) requirements.lock
	@touch $@

NODE_READY := node_modules/.ready
$(NODE_READY): package.json package-lock.json
	@command -v npm >/dev/null || { echo "make: npm is needed for the workflow linter (apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

serve: $(READY)  ## serve at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

test: $(READY) $(NODE_READY)  ## the whole test suite, on every core (builds the site once per worker, strictly)
	$(BIN)/python -m pytest -n auto

test-fast: $(READY)  ## unit and site tests without the browser or the copies of the project (seconds)
	$(BIN)/python -m pytest -n auto -m "not slow" tests/unit tests/site

build: $(READY)  ## strict build into site/
	$(BIN)/mkdocs build --strict --site-dir site

schema: $(READY)  ## regenerate schema/*.json from the validator
	$(BIN)/python -m macros schema

permalinks: $(READY)  ## record new pages and checklist ids in data/permalinks.json (commit it)
	$(BIN)/python -m macros permalinks

offline: $(READY)  ## a copy in site-offline/ that works opened from a folder (file://), search included
	PLAYBOOK_OFFLINE=true $(BIN)/mkdocs build --strict --site-dir site-offline

lighthouse: build  ## Lighthouse scores (mobile) for four pages; record them in bench/README.md
	@test -x .cache/lighthouse/node_modules/.bin/lighthouse || npm i -E --prefix .cache/lighthouse lighthouse@12.2.3 --no-audit --no-fund
	$(BIN)/python tools/lighthouse.py site --runs 3

screenshots: build  ## PNGs of key pages (light, dark, phone) into screenshots/ for the README
	$(BIN)/python tools/screenshots.py site screenshots

check: $(READY)  ## validate data/ (and data/company.yml) without building
	$(BIN)/python -m macros check

replace: $(READY)  ## replace an upstream page in a fork, or mark its replacement reviewed: make replace PAGE=plays/partnering/estimation.md
	@test -n "$(PAGE)" || { echo "make replace PAGE=<path under docs/>"; exit 2; }
	$(BIN)/python -m macros replace "$(PAGE)"

upstream-report: $(READY)  ## after merging upstream: what changed for this fork (SINCE=ORIG_HEAD by default)
	$(BIN)/python -m macros upstream-report "$(or $(SINCE),ORIG_HEAD)"

lock:  ## re-pin every dependency, with hashes, after editing pyproject.toml
	$(BIN)/python -m pip install -q pip-tools
	$(BIN)/pip-compile -q --extra test --extra install --allow-unsafe --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf site site-offline $(VENV) node_modules .pytest_cache .ruff_cache .hypothesis
