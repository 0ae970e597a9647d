# `make run` and `make test` set up everything they need on a fresh machine (see README.md).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
SOAK_SECONDS ?= 60
SOAK_CONNECTIONS ?= 64
SOAK_DATABASES ?= sqlite postgresql

# The newest Python >= 3.12 on this machine: Django 6.1 needs it, and a bare `python3` may be older.
PYTHON_FOR_VENV := $(shell for c in python3.14 python3.13 python3.12 \
	$$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9] 2>/dev/null) python3; do \
	  p=$$(command -v $$c 2>/dev/null) || continue; \
	  $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; \
	done)

.PHONY: run test bench scale-check soak lint install install-test browser clean

# Two stamps: running needs only the project's dependencies; the tests add the test extras
# (Playwright, pytest, hypothesis, ruff), which are more than half of the download.
$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON_FOR_VENV)" || { echo "Python 3.12 or newer is needed (Django 6.1); none was found." >&2; exit 1; }
	test -x $(PY) || $(PYTHON_FOR_VENV) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet ".[test]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install
	DEBUG=true $(PY) manage.py migrate --noinput
	@echo "Back on Track is starting on http://127.0.0.1:$(PORT)/ (development server; Ctrl-C stops it)"
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The real-browser tests need Chromium (Debian's package; Playwright cannot download browsers
# here) and axe-core from npm.
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium'." >&2; fi; }
	@test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund --silent

test: install-test browser
	$(PY) -m pytest

# Speed is measured as ratios within one run (these machines are noisy), never asserted in tests.
# bench/run.py says what it does; BENCH_SECONDS (per row), BENCH_CONNECTIONS and BENCH_WORKERS
# change it, DATABASE_URL runs it on a throwaway database on that PostgreSQL server. It needs
# only the app's own dependencies, not the test extras.
bench: install
	$(PY) -m bench.run

# Two gunicorn instances on one PostgreSQL and one Redis (bench/scale_check.py says what it
# proves); .ci/run runs it after the PostgreSQL suite.
scale-check: install
	$(PY) -m bench.scale_check

# Load and faults against gunicorn on SQLite and PostgreSQL, 64 connections for 60 s (soak/run.py
# says what it checks); not part of `make test`. SOAK_SECONDS, SOAK_CONNECTIONS and
# SOAK_DATABASES ("sqlite postgresql") change it, e.g. `make soak SOAK_SECONDS=10`.
soak: install
	SOAK_SECONDS=$(SOAK_SECONDS) SOAK_CONNECTIONS=$(SOAK_CONNECTIONS) \
	  SOAK_DATABASES="$(SOAK_DATABASES)" $(PY) soak/run.py

lint: install-test
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache
