# Two commands on a fresh machine: `make run` (the main job on corpus/) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test clean cjk-font kernel

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/python -m nlp analyze corpus --format jsonl --output out/analysis.jsonl
	$(BIN)/summarize corpus --output out/digest.md
	$(BIN)/summarize corpus --format html --themes --output out/digest.html

test: $(VENV)/.installed-dev cjk-font
	$(BIN)/python -m pytest

# The notebook's charts and the HTML digest's browser test draw Chinese: install a CJK font
# (Debian package) when fontconfig knows none. Needs root or sudo; otherwise say what to install.
cjk-font:
	@if ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  ( $$SUDO apt-get update -q && $$SUDO apt-get install -y -q --no-install-recommends fontconfig fonts-wqy-microhei ) \
	    || echo "warning: no CJK font; install the Debian package fonts-noto-cjk or fonts-wqy-microhei" >&2; \
	fi

# Register .venv as a Jupyter kernel named plan-nlp, to open notebooks/explore.ipynb from any Jupyter.
kernel: $(VENV)/.installed-dev
	$(BIN)/python -m ipykernel install --user --name plan-nlp --display-name "plan-nlp (.venv)"

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
