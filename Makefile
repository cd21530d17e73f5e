# PlanBook — `make run` opens the app on the sample, `make test` runs every test.
# Both create .venv from pyproject.toml when it is missing or older than pyproject.toml.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TS     := $(wildcard resources/translations/*.ts)
QM     := $(TS:.ts=.qm)

.PHONY: setup run test lint bench fuzz translations x11-deps clean installer soak

setup: $(STAMP) $(QM)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "PlanBook needs Python 3.11 or newer ($(PYTHON) is older)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

x11-deps:
	@sh installer/x11-deps.sh

run: setup x11-deps
	$(BIN)/planbook

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(BIN)/ruff check .

# Thousands of hostile JSON documents, workbooks, amount texts and plan files per entry point,
# then kill -9 at random moments of the writers and the editor (~30 min; PLANBOOK_FUZZ_EXAMPLES=… for fewer).
fuzz: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/fuzz/campaign.py

lint: setup
	$(BIN)/ruff check .

bench: setup
	@failed=0; for script in tests/benchmarks/bench_*.py; do \
	  echo "== $$script"; QT_QPA_PLATFORM=offscreen $(BIN)/python $$script || failed=1; done; \
	  exit $$failed

# 20,000 edits, undos and redos in the real window (offscreen): steps/s, memory, None refs
soak: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/soak/soak_editor.py --steps 20000

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache resources/translations/*.qm

installer: setup
	$(BIN)/python -m pip install --quiet "pyinstaller>=6,<7"
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build installer/planbook.spec
