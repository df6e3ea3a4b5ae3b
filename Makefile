# Hamkori: `make run` to try it, `make test` to check it. Needs only Python 3.11 and make.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test lint format install install-dev migrate demo messages compilemessages check bench faults e2e clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed: install it, or run 'make PYTHON=/path/to/python3.11 ...'"; exit 1; }
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

demo: migrate
	$(MANAGE) load_demo_content --with-demo-accounts

run: demo
	@echo "Hamkori is at http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install-dev
	$(BIN)/python scripts/check_browser.py
	$(BIN)/pytest

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
messages: install
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=static_collected --ignore=tests
compilemessages: install
	$(MANAGE) compilemessages --ignore=.venv

bench: install-dev
	$(BIN)/python tests/bench/run.py

faults: install-dev
	$(BIN)/python tests/bench/faults.py

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected
