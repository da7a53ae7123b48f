"""The local engine: worker processes forked from a frozen heap
(lib/newstone/dataset/local.py)."""

from newstone.dataset.parse import parse_to_dataset
from tests.helpers import write_inputs

# --- worker pool ---


def test_a_parallel_parse_leaves_the_garbage_collector_as_it_found_it(tmp_path):
    """Workers fork from a frozen heap (fewer copied pages); the parent's objects must be
    collectable again afterwards, or a notebook that parses would leak them."""
    import gc

    write_inputs(tmp_path / "in", n=4)
    before = gc.get_freeze_count()
    summary = parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"), jobs=2, batch_size=2)
    assert summary.processed == 5 and gc.get_freeze_count() == before == 0
