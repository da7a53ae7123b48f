"""The report notebooks and the helpers they call: which input they load, the parameters
they declare (lib/newstone/reports/notebook.py, notebooks/*.ipynb)."""

from __future__ import annotations

import nbformat
import pytest

from newstone.reports import notebook
from tests.helpers import ROOT

# --- the input a notebook loads ---


def test_resolve_input_falls_back_to_sample_only_for_the_default(tmp_path, monkeypatch):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "sample_reuters_putin_north_korea.txt").write_text("Headline\n\nText.")
    monkeypatch.chdir(tmp_path / "notebooks")  # a notebook's folder, with no ../data/processed
    assert notebook.resolve_input(notebook.DEFAULT_INPUT) == notebook.SAMPLE_INPUT
    assert notebook.resolve_input(None) == notebook.SAMPLE_INPUT
    with pytest.raises(FileNotFoundError):
        notebook.resolve_input("../data/procesed")  # a typo is an error, not the sample
    (tmp_path / "notebooks" / "mine.txt").write_text("x")
    assert notebook.resolve_input("mine.txt") == "mine.txt"
    assert notebook.resolve_input("*.txt") == "*.txt"


# --- the parameters each notebook declares ---


def test_every_notebook_parameter_is_visible_to_papermill():
    """papermill silently skips a parameters line it cannot parse (e.g. '=' in a comment)."""
    import ast

    import papermill

    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        first_code = next(c for c in nb.cells if c.cell_type == "code")
        assert "parameters" in first_code.metadata.get("tags", []), path.name
        assigned = {t.id for node in ast.parse(first_code.source).body for t in node.targets}
        assert set(papermill.inspect_notebook(str(path))) == assigned, path.name
        assert {"input_path", "top_n", "date_from", "date_to", "title", "score"} <= assigned, path.name
        assert all(c.get("outputs") in (None, []) for c in nb.cells), f"{path.name} has outputs"
        assert all(c.get("execution_count") is None for c in nb.cells if c.cell_type == "code"), path.name


def test_tone_by_official_charts_people_by_default_and_groups_on_request():
    import papermill

    declared = papermill.inspect_notebook(str(ROOT / "notebooks" / "tone_by_official.ipynb"))
    assert declared["speaker_types"]["default"] == '["person"]'
    assert "official" in declared["title"]["default"]
