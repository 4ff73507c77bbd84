PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SAMPLE := tests/fixtures/issue_seed_gb1/issue.pdf

.PHONY: demo test bench fixtures clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/journal-ingest ingest $(SAMPLE) --out output --journal tests/fixtures/journal.toml --no-links

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/ingest_bench.py

fixtures: $(STAMP)
	$(PY) tests/make_fixtures.py

clean:
	rm -rf $(VENV) build *.egg-info
