# The two commands of the README:
#   make serve   install what is missing, build the edition (site and PDF) and serve it on localhost
#   make test    install what is missing and run every test
.PHONY: setup build serve test check-fast bench clean check hooks

PY := .venv/bin/python
# The tools' banners are printed, not logged, and say nothing about the edition: off (README, "Warnings of the tools").
# Material's end-of-life notice; ProperDocs' notice about MkDocs 2.0 (shown under `mkdocs` when a plugin asks for it).
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

setup:
	@bash scripts/setup.sh

build: setup
	@$(PY) scripts/build.py

serve: build
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

test: setup
	$(PY) -m pytest

# The fast lane alone: every test that neither builds the site or a book nor drives a browser (tests/conftest.py).
check-fast: setup
	$(PY) -m pytest -m "not full"

check: setup
	@$(PY) scripts/check.py

hooks: setup
	.venv/bin/pre-commit install

bench: setup
	$(PY) -m scripts.benchmark

clean:
	rm -rf site site.new site.old .venv node_modules
