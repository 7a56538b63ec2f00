# recoupe: two commands set everything up on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo test test-fast bench lint browser clean

# Re-install only when pyproject.toml changes: a second `make` is quick.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "recoupe needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

# Analyse our own sample corpus: out/demo.md, out/demo.html and out/demo.json. The first run
# does the work into out/demo.db; the next two only render what is stored.
demo: install
	@mkdir -p out
	@rm -f out/demo.db out/demo.db-wal out/demo.db-shm
	$(BIN)/recoupe analyze samples --db out/demo.db --format md --output out/demo.md
	$(BIN)/recoupe analyze samples --db out/demo.db --format html --output out/demo.html
	$(BIN)/recoupe analyze samples --db out/demo.db --format json --output out/demo.json
	$(BIN)/recoupe events --db out/demo.db
	@echo "wrote out/demo.md, out/demo.html, out/demo.json (store: out/demo.db)"

# Debian's Chromium for the browser tests (skipped when it cannot be installed).
browser:
	@sh scripts/ensure-chromium.sh

test: install browser
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not slow and not browser"

bench: install
	@mkdir -p out
	$(BIN)/python bench/run_all.py --output out/bench.json

lint: install
	$(BIN)/python -m compileall -q src tests bench

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info .pytest_cache
