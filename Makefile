# Two commands for a fresh machine:  `make serve`  (set up, then serve the site)
#                                    `make test`   (set up, then run every test)
# Setup is idempotent: each step reruns only when its inputs change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SYSTEM_PACKAGES := chromium graphviz fonts-dejavu-core
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup system serve build test test-fast bench bench-scale clean

setup: system $(VENV)/.installed node_modules/.installed

# Debian packages: Chromium for the browser tests, Graphviz for diagrams, DejaVu fonts for figures.
system:
	@if ! command -v chromium >/dev/null || ! command -v dot >/dev/null || ! fc-list 2>/dev/null | grep -q DejaVuSans; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(SYSTEM_PACKAGES); \
	fi

$(VENV)/.installed: requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

serve: setup
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

test: setup
	$(BIN)/python -m pytest

# Everything but the browser tests, for a quick loop while writing a page.
test-fast: setup
	$(BIN)/python -m pytest -m "not browser"

# Build speed and page weight on this machine (see README): real site, then synthetic 300 and 1,000 answers.
bench: setup
	$(BIN)/python -m engine.bench

bench-scale: setup
	$(BIN)/python -m engine.bench --scale 300 1000 --out .cache/bench/scale.json

clean:
	rm -rf site .cache
