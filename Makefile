# Hamkori: `make run` to try it, `make test` to check it. Needs Python 3.10 to 3.13 and make.

# The first Python that Django 5.2 and Wagtail 7.4 support (3.10 to 3.13); `make PYTHON=/path/to/python3.12` to choose.
SUPPORTED_PYTHON := import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 13))
ifndef PYTHON
PYTHON := $(firstword $(foreach candidate,python3.13 python3.12 python3.11 python3.10 python3,\
	$(shell $(candidate) -c '$(SUPPORTED_PYTHON)' >/dev/null 2>&1 && echo $(candidate))))
endif
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST := 127.0.0.1
# manage.py uses the development settings (SQLite, the demo app, emails on the console).
MANAGE := $(BIN)/python manage.py

.PHONY: run dev test lint format install install-dev migrate setup demo messages compilemessages check bench faults clean

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Hamkori needs Python 3.10, 3.11, 3.12 or 3.13 (what Django 5.2 and Wagtail 7.4 support), and none was found."; \
	  echo "Install one (for example: apt-get install python3.11 python3.11-venv, or from python.org),"; \
	  echo "or name it: make PYTHON=/path/to/python3.12 run"; exit 1; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(MANAGE) migrate --noinput

# What a real deployment runs after migrate: languages, site, sections, library structure. No demo content.
setup: migrate
	$(MANAGE) setup_site

demo: migrate
	$(MANAGE) load_demo_content --with-demo-accounts

# Links in the emails the site sends (printed on the console) point at the address it really serves on.
run dev: export BASE_URL = http://$(HOST):$(PORT)

# The site as its users see it: DEBUG off, translated error pages, static files through whitenoise, gunicorn.
run: demo
	@echo ""
	@echo "Hamkori is at http://$(HOST):$(PORT)/   (admin: http://$(HOST):$(PORT)/admin/; stop with Ctrl+C)"
	DJANGO_SETTINGS_MODULE=cms.settings.dev DEBUG=false $(BIN)/gunicorn cms.wsgi --bind $(HOST):$(PORT) \
		--workers 2 --threads 4 --access-logfile - --log-level warning

# For developers: DEBUG on and auto-reload.
dev: demo
	DEBUG=true $(MANAGE) runserver $(HOST):$(PORT)

# Two sessions: most tests in parallel on a database made by setup_site (factories add what each
# test needs), then the demo content and the browser journeys on one loaded site.
test: install-dev
	@$(BIN)/python scripts/check_browser.py
	$(BIN)/pytest -n auto --dist loadfile --ignore=tests/demo --ignore=tests/e2e
	$(BIN)/pytest --create-db tests/demo tests/e2e

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# Translators: `make messages` updates locale/*/django.po; `make compilemessages` builds the .mo files
# (both need GNU gettext; the compiled .mo files are committed so nobody else needs it).
# The demo's own texts are in demo/translations/*.po, not in the interface catalogue.
messages: install
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=static_collected --ignore=tests --ignore=demo
compilemessages: install
	$(MANAGE) compilemessages --ignore=.venv

bench: install-dev
	$(BIN)/python tests/bench/run.py

faults: install-dev
	$(BIN)/python tests/bench/faults.py

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected .pytest-db.sqlite3*
