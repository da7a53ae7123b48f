# newstone — the two commands a fresh machine needs: `make report` and `make test`.
# Only python3 (3.11+) and make are assumed; everything else goes into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all install lock lint test fuzz report lab parse benchmark clean

all: test

# requirements.txt is the lock file (every package pinned), so whatever pip the venv
# comes with installs exactly the tested set: no pip upgrade first.
$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (newstone)" >/dev/null
	touch $(STAMP)

install: $(STAMP)

# The lock-file generator, pinned so that `make lock` gives the same file on any machine.
LOCK_TOOLS := pip==26.3 pip-tools==7.6.2
PIP_COMPILE := pip-compile --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links --no-header

## Regenerate the lock file requirements.txt from requirements.in and pyproject.toml, in a
## throwaway venv (.venv is untouched). Keeps the current pins and only adds or drops what the
## sources changed; `make lock UPGRADE=1` moves every pin to the newest version they allow.
## Then `make install` and scripts/check_fresh_install.sh (a new user's old-pip install).
lock:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(PYTHON) -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/python" -m pip install --quiet $(LOCK_TOOLS); \
	echo "$(PIP_COMPILE)$(if $(UPGRADE), --upgrade) --output-file requirements.txt requirements.in pyproject.toml"; \
	"$$tmp/venv/bin/"$(PIP_COMPILE) --quiet $(if $(UPGRADE),--upgrade) \
	    --output-file requirements.txt requirements.in pyproject.toml; \
	{ \
	echo '# LOCK FILE, generated: do not edit by hand. It pins every package the project installs,'; \
	echo '# transitive ones included, so that `pip install -r requirements.txt` gives exactly the'; \
	echo '# tested set with any pip version (`make install` installs from it, without upgrading pip).'; \
	echo '# Install from the project root: the `-e .` line at the end is relative to the current folder.'; \
	echo '#'; \
	echo '# Generated from requirements.in (direct dependencies) and pyproject.toml (the dependencies'; \
	echo '# of the package itself) with pip-compile ($(LOCK_TOOLS)) under Python 3.11 on Linux,'; \
	echo '# in a throwaway venv. To regenerate, edit requirements.in and run:'; \
	echo '#     make lock            (keeps the current pins; adds or drops what the sources changed)'; \
	echo '#     make lock UPGRADE=1  (moves every pin to the newest version the sources allow)'; \
	echo '# which runs, in that venv:'; \
	echo '#     $(PIP_COMPILE) \'; \
	echo '#         [--upgrade] --output-file requirements.txt requirements.in pyproject.toml'; \
	echo '# then adds this header and the `-e .` line at the end.'; \
	echo '#'; \
	cat requirements.txt; \
	echo '# The package itself, editable, so `import newstone` works in JupyterLab (not in'; \
	echo '# requirements.in: pip-compile would write it as an absolute path).'; \
	echo '-e .'; \
	} > "$$tmp/requirements.txt"; \
	cp "$$tmp/requirements.txt" requirements.txt; \
	echo "requirements.txt: $$(grep -c '^[A-Za-z0-9]' requirements.txt) packages pinned"

## Lint and format check with ruff (pinned in requirements.in; configured in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check lib tests scripts benchmarks
	$(BIN)/ruff format --check lib tests scripts benchmarks

## Lint, then run the test suite (uses ../shared corpora when present, skips those tests otherwise).
test: lint
	$(BIN)/python -m pytest -q

## The property tests (tests/property) at length: 5,000 examples per property instead of
## `make test`'s 200 fixed ones, new ones each run (failures kept in .hypothesis/ and tried
## first next time), 5 s per example at most, and the time bounds at 60,000 characters.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/property --hypothesis-show-statistics

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
	rm -rf $(VENV) .pytest_cache .hypothesis test-artifacts
