# The README's two commands: `make run` serves the catalogue, `make test` runs the whole suite.
# Both set up what they need first (virtualenv, pinned requirements, database, browser).

VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Development key and debug mode for the local commands only; production sets its own env.
RUN_ENV := DEBUG=$${DEBUG:-1}
TEST_ENV := SECRET_KEY=$${SECRET_KEY:-test-only-key} DJANGO_ALLOW_ASYNC_UNSAFE=true

.PHONY: run test test-cache setup data browser lint editor bench bench-fuzz bench-consensus \
	bench-extract bench-writes

# The web server and, beside it, the worker that re-learns the sources' trust in the background
# (catalog/tasks.py); Ctrl-C or a TERM stops both (catalog/management/commands/serve.py).
run: data
	exec env $(RUN_ENV) $(PY) manage.py serve 127.0.0.1:$(PORT)

test: lint browser node_modules/.installed
	$(TEST_ENV) $(PY) manage.py check
	$(TEST_ENV) $(PY) -m pytest

# The suite without the browser, for a second cache: `CACHE_URL=redis://127.0.0.1:6379/1 make
# test-cache` (.ci/run does) runs it with the page cache in Redis, whose database it empties.
test-cache: setup
	$(TEST_ENV) $(PY) -m pytest -m "not browser"

setup: $(VENV)/.installed

# The seeds, then the public datasets (catalog/datasets/): each dataset loads once, in one
# transaction, with a progress line on stderr; a second run finds them loaded and starts at once.
# Then the imported twins of the films the editors keep, made by an older import, are folded in.
data: setup node_modules/.installed
	$(RUN_ENV) $(PY) manage.py migrate --no-input
	$(RUN_ENV) $(PY) manage.py load_catalog --if-empty
	$(RUN_ENV) $(PY) manage.py import_datasets
	$(RUN_ENV) $(PY) manage.py fold_twins

# An editor's login for /admin/: `make editor NAME=alice` asks for a password;
# `FULL_NAME="Alice Martin"` is the name readers see beside their decisions.
editor: data
	@test -n "$(NAME)" || { echo "Say who: make editor NAME=alice" >&2; exit 1; }
	$(RUN_ENV) $(PY) manage.py create_editor $(NAME) --name "$(FULL_NAME)"

# ruff for style, mypy (with django-stubs, configured in pyproject.toml) for types.
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(TEST_ENV) $(VENV)/bin/mypy catalog config bench

# Latency and throughput of the busiest pages under gunicorn, with the loaded data, against a
# minimal view measured in the same run.
bench: data
	$(PY) bench/pages.py

# 100,000 requests, normal and hostile query strings, against the served site: the count of 5xx
# (none expected) and the slowest request.
bench-fuzz: data
	$(PY) bench/fuzz.py

# The consensus engine against majority vote on the population benchmark (its gold file is a
# check, not a training set); `make bench-consensus SCALE=1000000` adds a synthetic run of that
# many claims through the command line, with its time and peak memory.
TRUTH_DATA ?= ../shared/data/truth/population
bench-consensus: setup
	$(PY) bench/consensus.py --data $(TRUTH_DATA) $(if $(SCALE),--scale $(SCALE))

# The claim finder's precision and recall per field on the seed pages and the annotated cases
# (bench/extraction/cases/), then the time to read a 100 KB page and to index 64,000 people.
bench-extract: setup
	$(PY) bench/extraction.py

# Each editor's write (settling a conflict, saving a film, a credit, a claim, adding a page,
# merging people and films) on the loaded data, inside transactions rolled back: p50/p95 and
# queries per action (`RUNS=50` for more runs).
bench-writes: data
	$(PY) bench/writes.py $(if $(RUNS),--runs $(RUNS))

# A Python >= 3.12: PYTHON= if given, else the first on PATH, else pyenv's installed versions.
$(VENV)/.installed: requirements.txt requirements-data.txt
	@python=$$(for c in $(or $(PYTHON),python3.14 python3.13 python3.12 python3 \
	    $$(ls -d $$(pyenv root 2>/dev/null || echo $$HOME/.pyenv)/versions/3.*/bin/python3 2>/dev/null | sort -rV)); do \
	    "$$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo "$$c"; break; }; \
	  done); \
	if [ -z "$$python" ]; then \
	  echo "No Python >= 3.12 found (tried $(or $(PYTHON),PATH and pyenv)). Install one or pass PYTHON=/path/to/python3.12." >&2; \
	  exit 1; \
	fi; \
	if [ -x $(PY) ] && ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then rm -rf $(VENV); fi; \
	[ -x $(PY) ] || { echo "Creating $(VENV) with $$python"; "$$python" -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-data.txt
	touch $@

# vega-datasets (movies.json, imported by `make data`), and axe-core and the Nu HTML checker
# (vnu-jar) for the page checks, pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Playwright drives the system's Chromium (its own browser download cannot be used here).
# Java runs the Nu HTML checker (vnu.jar, from npm).
browser:
	@command -v chromium >/dev/null || { \
	  echo "Installing Chromium for the browser tests"; \
	  apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	}
	@command -v java >/dev/null || { \
	  echo "Installing Java for the HTML checker"; \
	  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null; \
	}
