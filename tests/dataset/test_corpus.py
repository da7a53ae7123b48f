"""``newstone.read``: what a parsed dataset may be read with
(lib/newstone/dataset/corpus.py)."""

import newstone
from newstone.dataset.parse import parse_to_dataset
from tests.helpers import write_inputs

# --- reading a parsed dataset ---


def test_reading_a_dataset_with_other_tone_or_roster_is_refused(tmp_path):
    import pytest

    write_inputs(tmp_path / "in", n=1)
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"))
    with pytest.raises(ValueError, match="parsed dataset"):
        newstone.read(tmp_path / "out", tone="vader")
    assert len(newstone.read(tmp_path / "out").articles) == 2


def test_reading_a_dataset_together_with_other_paths_is_refused_not_empty(tmp_path):
    import pytest

    write_inputs(tmp_path / "in", n=1)
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "one"))
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "two"))
    with pytest.raises(ValueError, match="read on its own"):
        newstone.read([tmp_path / "one", tmp_path / "two"])
    with pytest.raises(ValueError, match="read on its own"):
        newstone.read([tmp_path / "one", tmp_path / "in" / "a0.txt"])
    assert len(newstone.read([tmp_path / "one"]).articles) == 2
