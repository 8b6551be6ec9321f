# The two commands of the README:
#   make serve   install what is missing, build the edition (site and PDF) and serve it on localhost
#   make test    install what is missing and run every test
.PHONY: setup build serve test bench clean check hooks

PY := .venv/bin/python
export NO_MKDOCS_2_WARNING := 1

setup:
	@bash scripts/setup.sh

build: setup
	@$(PY) scripts/build.py

serve: build
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

test: setup
	$(PY) -m pytest

check: setup
	@$(PY) scripts/check.py

hooks: setup
	.venv/bin/pre-commit install

bench: setup
	$(PY) -m scripts.benchmark

clean:
	rm -rf site site.new site.old .venv node_modules
