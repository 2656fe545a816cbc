# Two entry points: `make run` opens the app on the embedded story, `make test` runs the suite
# (fast tests first, then the slow ones).
# Both set up what they need first: system libraries for Qt, then a virtual environment.
VENV ?= .venv
PYTHON ?= python3
STAMP := $(VENV)/.installed

.PHONY: run test lint bench setup clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run:
	bash .ci/system-deps.sh desktop
	$(MAKE) --no-print-directory setup
	$(VENV)/bin/monitor

# Two passes: the fast tests (pytest's default, `-m 'not slow'` in pyproject.toml), then the
# few slowest (soak, busy writer, kill -9, full disk, corpus, thousand polls; marked `slow`).
# Each runs beside a throwaway PostgreSQL cluster (the distribution's package, installed when
# missing; started on a private Unix socket, stopped and deleted after), its DSN in
# MONITOR_TEST_PG for the tests of the team store.
test:
	bash .ci/system-deps.sh offscreen
	bash .ci/pg-cluster.sh install
	$(MAKE) --no-print-directory setup
	bash .ci/pg-cluster.sh with env QT_QPA_PLATFORM=offscreen $(VENV)/bin/python .ci/run_pytest.py
	bash .ci/pg-cluster.sh with env QT_QPA_PLATFORM=offscreen $(VENV)/bin/python .ci/run_pytest.py -m slow

# ruff (style), import-linter (the layering contracts in pyproject.toml) and mypy (types; which
# files and how strictly in pyproject.toml's [tool.mypy]).
lint: setup
	$(VENV)/bin/ruff check monitor tests bench
	$(VENV)/bin/lint-imports
	$(VENV)/bin/python -m mypy

bench: setup
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
