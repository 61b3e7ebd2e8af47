# One command to install and run, one to install and test. Creates ./.venv.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run demo test lint bench clean package deb test-package

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

# The whole suite headless, one worker per core (at most 4; a file stays on one
# worker, so module fixtures are made once). In CI (CI=true), or with
# COVERAGE=true, also line coverage of src/ with its floor (fail_under in
# pyproject.toml; the CLI runs in process, so it counts): measuring costs a third
# more time, which the edit-test loop at the desk does not pay.
COVERAGE ?= $(CI)
COV_ARGS := $(if $(filter true,$(COVERAGE)),--cov --cov-report=term-missing:skip-covered,)
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n auto --maxprocesses 4 --dist loadfile \
	    $(COV_ARGS)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

bench: $(STAMP)
	@for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b; done

# The frozen one-folder program (both executables) in dist/station-desk; rebuilt
# only when the sources changed, so `deb` and `test-package` reuse it.
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"$$/\1/p' src/station_desk/__init__.py)
FROZEN := dist/station-desk
DEB := dist/station-desk_$(VERSION)_amd64.deb
PACKAGING_STAMP := $(VENV)/.packaging

$(PACKAGING_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e ".[dev,package]"
	touch $(PACKAGING_STAMP)

$(FROZEN)/station-desk-cli: $(PACKAGING_STAMP) $(wildcard packaging/*.py packaging/*.spec) \
		$(shell find src resources -type f -not -name '*.pyc')
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build \
	    packaging/station-desk.spec
	@du -sh $(FROZEN)

package: $(FROZEN)/station-desk-cli

$(DEB): $(FROZEN)/station-desk-cli $(wildcard packaging/linux/*)
	packaging/linux/build-deb.sh $(FROZEN) dist

deb: $(DEB)

# The built program as shipped: frozen folder, installer script (makensis), the
# .deb installed with dpkg (root) and removed again.
test-package: $(DEB)
	STATION_DESK_FROZEN=$(FROZEN) STATION_DESK_DEB=$(DEB) QT_QPA_PLATFORM=offscreen \
	    $(PY) -m pytest -q -m packaging tests/packaging

clean:
	rm -rf $(VENV) dist build demo-data .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage
