"""``newstone.sql``: SQL over a processed dataset with DuckDB, without loading it."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from newstone.dataset.store import ROW_TABLES, part_files

if TYPE_CHECKING:
    import pandas as pd


def sql(root, query: str) -> pd.DataFrame:
    """Run SQL over a processed dataset with DuckDB, without loading it into memory.

    The tables are views named ``articles``, ``sentences``, ``quotes``, ``mentions`` (and
    ``speakers`` when present), e.g.::

        newstone.sql("data/processed", '''
            SELECT speaker, count(*) AS n, avg(tone) AS mean_tone
            FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY n DESC''')
    """
    import duckdb

    root = os.fspath(root)
    connection = duckdb.connect()
    try:
        for table in ROW_TABLES:
            if part_files(root, table):
                pattern = os.path.join(root, table, "part-*.parquet").replace("'", "''")
                connection.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{pattern}')")
        speakers = os.path.join(root, "speakers.parquet")
        if os.path.exists(speakers):
            connection.execute(
                f"CREATE VIEW speakers AS SELECT * FROM read_parquet('{speakers.replace(chr(39), chr(39) * 2)}')"
            )
        return connection.execute(query).df()
    finally:
        connection.close()
