# cleanclaim — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CC     := $(BIN)/cleanclaim
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run install test test-fast lint fmt bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "cleanclaim needs Python 3.11 (found %s); set PYTHON=python3.11" % sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

## make run: install, migrate, load reference data and the demo practice, (re)start the sandbox
## clearinghouse in the background (SFTP :2222, CORE :8022 on loopback), (re)start the scheduler
## in the background (polling, claim status, night-before eligibility), serve on :8000 (gunicorn)
run: $(STAMP)
	$(CC) manage migrate --noinput
	$(CC) refdata import
	$(CC) demo
	$(CC) sandbox start
	$(CC) scheduler start
	$(CC) serve --addr 127.0.0.1:8000

## make test: the whole suite on SQLite (browser tests skip with a reason when Chromium is missing)
test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src/cleanclaim/codes src/cleanclaim/x12 src/cleanclaim/edits src/cleanclaim/deadlines src/cleanclaim/paper src/cleanclaim/caqhcore src/cleanclaim/sandbox src/cleanclaim/clearinghouses/sftp/transport.py src/cleanclaim/benefits src/cleanclaim/remittance src/cleanclaim/npi.py src/cleanclaim/money.py
	$(CC) manage makemigrations --check --dry-run

fmt: $(STAMP)
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

## make bench: every benchmark in bench/ (each prints its figures and its baseline)
bench: $(STAMP)
	set -e; for f in bench/*.py; do echo "== $$f"; $(BIN)/python $$f; done

clean:
	rm -rf $(VENV) var/ .pytest_cache .mypy_cache .ruff_cache
