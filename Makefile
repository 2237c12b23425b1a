# The two commands of the README: `make run` (set up, then serve on embedded defaults) and
# `make test` (set up, then lint, type-check and test). Everything else is a helper of those.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint typecheck pytest bench compose-check clean

setup: $(STAMP) node_modules/.package-lock.json

# axe-core for the browser tests' accessibility checks (skipped, with the reason, where npm is missing).
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the accessibility checks of the browser tests will be skipped"; fi

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or later is required"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -c requirements.lock -e '.[dev]'
	@# Bytecode written now: with PYTHONDONTWRITEBYTECODE set, every start would compile every module again.
	$(BIN)/python -m compileall -q -j 0 agent graphs tools prompts eval bench >/dev/null
	touch $(STAMP)

run: setup
	$(BIN)/welfare-agent db upgrade
	$(BIN)/welfare-agent serve

test: setup lint typecheck pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck:
	$(BIN)/mypy .

pytest:
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python -m bench.run

compose-check:
	bash .ci/compose-check

clean:
	rm -rf $(VENV) var bench/results .mypy_cache .ruff_cache .pytest_cache node_modules
