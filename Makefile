# Two commands matter: `make run` (demo on SQLite) and `make test` (lint + whole suite).
# The virtual environment's Python: 3.12 where the machine has it (scripts/pick_python.sh).
PYTHON ?= $(shell scripts/pick_python.sh)
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
# The W3C Nu HTML Checker for the browser tests, from the npm registry, run with Java.
JAVA ?= java
VNU_VERSION := 26.9.27
VNU_DIR := var/vnu
VNU_JAR ?= $(VNU_DIR)/node_modules/vnu-jar/build/dist/vnu.jar
# Tests run on two cores when the machine has them (pytest-xdist), on one otherwise.
JOBS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); if [ "$$n" -ge 2 ]; then echo 2; else echo 0; fi)
# Line coverage through sys.monitoring where Python has it (3.12 on); 3.11 falls back to
# coverage's tracer, which is slower but counts the same lines.
COVERAGE := --cov --cov-report=
export COVERAGE_CORE ?= $(shell $(PY) -c 'import sys; print("sysmon" if sys.version_info >= (3, 12) else "ctrace")' 2>/dev/null)
HOST ?= 127.0.0.1
PORT ?= 8000

# Tests run with DEBUG off, as production does; the key below is for tests only.
# Python keeps its compiled modules (__pycache__) even where the environment says not to
# (PYTHONDONTWRITEBYTECODE): every worker and every process the server tests start would
# otherwise compile Django and the app again, which made collecting the suite take 20 s
# rather than 8 and each `manage.py` start 3.8 s rather than 1.4.
TEST_ENV := SECRET_KEY=test-only-not-a-secret ALLOWED_HOSTS=localhost,127.0.0.1,testserver \
	STATIC_FROM_SOURCE=1 DEBUG=0 REQUIRE_2FA=0 PYTHONDONTWRITEBYTECODE=
RUN_ENV := DEBUG=1

.PHONY: install messages run serve worker test test-fast lint lint-code format chromium vnu bench bench-load assets clean \
	backup-roundtrip

# uv (from PyPI, into the virtual environment) installs the packages: the same versions
# pip would choose, in a fraction of the time.
$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip uv
	$(VENV)/bin/uv pip install --quiet --python $(PY) -e ".[dev]"
	@touch $@

install: $(VENV)/.installed messages

# The Welsh catalogue compiled (locale/cy/LC_MESSAGES/django.mo is built, not kept in git).
messages: $(VENV)/.installed
	@DEBUG=1 $(PY) manage.py compilemessages -l cy -v 0

run: install
	@mkdir -p var
	$(RUN_ENV) $(PY) manage.py migrate --no-input -v 0
	$(RUN_ENV) $(PY) manage.py load_demo
	@echo "Serving on http://$(HOST):$(PORT)/ with a background worker (Ctrl+C to stop)"
	@$(RUN_ENV) $(PY) manage.py db_worker --interval 1 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(RUN_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

# Production: settings from the environment (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL,
# SITE_URL; docs/operations.md). Refuses to start if Django's deployment checks warn.
serve: install
	$(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py migrate --no-input
	$(PY) manage.py collectstatic --no-input -v 0
	ACCESS_LOG=$${ACCESS_LOG:-1} exec $(VENV)/bin/gunicorn --config python:scrutiny.gunicorn_conf \
	  --bind $(HOST):$(PORT)

# A worker for the background tasks (imports, publishing, email), with the same
# environment as `make serve`; run as many as the work needs, on any machine.
worker: install
	exec $(PY) manage.py db_worker --interval 1

chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Chromium from Debian packages for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Chromium at $(CHROMIUM)."; \
	    echo "Install it with: sudo apt-get install chromium  (or set CHROMIUM=/path/to/chromium)"; \
	    exit 1; \
	  fi; \
	fi

# Java from Debian (as root) and vnu.jar from the npm registry into var/vnu (git-ignored).
vnu:
	@if ! command -v $(JAVA) >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Java from Debian packages for the HTML checker"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else \
	    echo "The browser tests check markup with vnu, which needs Java."; \
	    echo "Install it with: sudo apt-get install default-jre-headless  (or set JAVA=/path/to/java)"; \
	    exit 1; \
	  fi; \
	fi
	@if [ ! -f "$(VNU_JAR)" ]; then \
	  echo "Installing the Nu HTML Checker (vnu-jar $(VNU_VERSION)) from the npm registry"; \
	  npm install --prefix $(VNU_DIR) --no-audit --no-fund --silent vnu-jar@$(VNU_VERSION); \
	fi

lint: lint-code
	$(PY) scripts/pip_audit.py

# Everything `make lint` checks but the dependency audit, which mostly waits on the
# network: `make test` runs the audit beside the suite instead of before it.
lint-code: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(PY) scripts/lint_model_usage_in_views.py
	$(PY) scripts/check_untranslated_templates.py
	$(VENV)/bin/bandit --quiet -c pyproject.toml -r core cases panels accountability reports scrutiny scripts bench

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Everything: lint, the whole suite (browser and server tests too) with its line
# coverage, the dependency audit and the backup round trip. The audit (which mostly
# waits on the network) and the round trip (on scratch databases of its own) run while
# the suite does, and print after it; any of the three failing fails the run.
test: install chromium vnu lint-code
	@mkdir -p var/coverage
	@$(PY) scripts/pip_audit.py >var/pip-audit.log 2>&1 & audit=$$!; \
	$(MAKE) --no-print-directory backup-roundtrip >var/backup-roundtrip.log 2>&1 & backup=$$!; \
	$(TEST_ENV) CHROMIUM=$(CHROMIUM) VNU_JAR=$(abspath $(VNU_JAR)) JAVA=$(JAVA) \
	  $(PY) -m pytest -n $(JOBS) --dist loadgroup $(COVERAGE) $(PYTEST_ARGS); suite=$$?; \
	if [ $$suite -eq 0 ]; then echo "Line coverage: $$($(PY) -m coverage report --format=total)%"; fi; \
	wait $$audit; audited=$$?; cat var/pip-audit.log; \
	wait $$backup; restored=$$?; cat var/backup-roundtrip.log; \
	[ $$suite -eq 0 ] && [ $$audited -eq 0 ] && [ $$restored -eq 0 ]

# For everyday work: the suite without the browser and server tests (about five minutes).
test-fast: install
	$(TEST_ENV) $(PY) -m pytest -n $(JOBS) --dist loadgroup -m "not browser and not server" \
	  $(PYTEST_ARGS)

# pg_dump and pg_restore of a scratch database, compared table by table (docs/operations.md).
backup-roundtrip: install
	@case "$$DATABASE_URL" in \
	  postgres://*|postgresql://*) $(TEST_ENV) bash scripts/backup_roundtrip.sh ;; \
	  *) echo "Backup round trip skipped: DATABASE_URL is not PostgreSQL (it needs pg_dump and a server)." ;; \
	esac

bench: install
	$(TEST_ENV) $(PY) -m bench $(BENCH_ARGS)

# gunicorn (2 workers) on loopback against a national-scale PostgreSQL dataset, driven by wrk.
bench-load: install
	$(TEST_ENV) $(PY) -m bench.load $(BENCH_ARGS)

assets:
	bash frontend/build.sh

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache
