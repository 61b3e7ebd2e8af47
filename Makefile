# One command to install and run, one to install and test. Creates ./.venv.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Opens the window on the default data directory (first run: setup wizard).
run: $(STAMP)
	$(VENV)/bin/station-desk

# A ready-made village station in ./demo-data, then the window.
demo: $(STAMP)
	@test -f demo-data/archive.db || $(VENV)/bin/station-desk --data-dir demo-data demo
	$(VENV)/bin/station-desk --data-dir demo-data

# The whole suite headless, with line coverage of src/ (floor: fail_under in
# pyproject.toml); the CLI runs in process, so it counts.
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q --cov --cov-report=term-missing:skip-covered
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

bench: $(STAMP)
	@for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b; done

clean:
	rm -rf $(VENV) demo-data .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage
