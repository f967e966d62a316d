# Two commands matter: `make run` (demo on SQLite) and `make test` (lint + whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000

# Tests run with DEBUG off, as production does; the key below is for tests only.
TEST_ENV := SECRET_KEY=test-only-not-a-secret ALLOWED_HOSTS=localhost,127.0.0.1,testserver \
	STATIC_FROM_SOURCE=1 DEBUG=0 REQUIRE_2FA=0
RUN_ENV := DEBUG=1

.PHONY: install run serve worker test lint format chromium bench bench-load assets clean backup-roundtrip

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

install: $(VENV)/.installed

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

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(PY) scripts/lint_model_usage_in_views.py
	$(VENV)/bin/bandit --quiet -c pyproject.toml -r core cases panels reports scrutiny scripts bench
	$(PY) scripts/pip_audit.py

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: install chromium lint
	$(TEST_ENV) CHROMIUM=$(CHROMIUM) $(PY) -m pytest $(PYTEST_ARGS)
	@$(MAKE) --no-print-directory backup-roundtrip

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
