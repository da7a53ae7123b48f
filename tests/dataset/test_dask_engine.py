"""The Dask engine writes the same dataset as the local engine (local cluster, 2 workers)
(lib/newstone/dataset/dask_engine.py)."""

import pandas as pd
import pytest

import newstone
from newstone.dataset.dask_engine import parse_with_dask
from newstone.dataset.parse import parse_to_dataset
from tests.helpers import SAMPLE

# --- the same dataset as the local engine ---


@pytest.mark.slow
def test_dask_local_cluster_matches_local_engine(tmp_path):
    pytest.importorskip("dask.distributed")
    src = tmp_path / "in"
    src.mkdir()
    (src / "sample.txt").write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    for i in range(9):
        (src / f"n{i}.txt").write_text(
            f"Head {i}\n\n\u201cItem {i} worries us,\u201d Lee said. Officials in Moscow said Kyiv was wrong.",
            encoding="utf-8",
        )
    (src / "empty.txt").write_bytes(b"")
    local = parse_to_dataset([str(src)], str(tmp_path / "local"), jobs=1, batch_size=4)
    dask = parse_with_dask([str(src)], str(tmp_path / "dask"), jobs=2, batch_size=4)
    assert (local.processed, len(local.errors)) == (dask.processed, len(dask.errors)) == (11, 1)
    a, b = newstone.read(tmp_path / "local"), newstone.read(tmp_path / "dask")
    for table in ("articles", "sentences", "quotes", "mentions", "speakers"):
        pd.testing.assert_frame_equal(a.tables[table], b.tables[table])
    assert sorted(p.name for p in (tmp_path / "dask" / "quotes").iterdir()) == sorted(
        p.name for p in (tmp_path / "local" / "quotes").iterdir()
    )
