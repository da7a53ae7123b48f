# newstone — the two commands a fresh machine needs: `make report` and `make test`.
# Only python3 (3.10+) and make are assumed; everything else goes into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all install test report lab parse benchmark clean

all: test

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (newstone)" >/dev/null
	touch $(STAMP)

install: $(STAMP)

## Run the test suite (uses ../shared corpora when present, skips those tests otherwise).
test: $(STAMP)
	$(BIN)/python -m pytest -q

## Parse the sample data (with the officials roster) and render every notebook to reports/*.html.
report: $(STAMP)
	$(BIN)/newstone parse data/*.txt -o data/processed --roster data/officials.csv --force --no-progress
	$(BIN)/newstone report --input data/processed

## Open JupyterLab on the project.
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=.

benchmark: $(STAMP)
	$(BIN)/python benchmarks/pipeline.py

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
