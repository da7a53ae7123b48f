"""``newstone.sql``: DuckDB over a parsed dataset, without loading it
(lib/newstone/dataset/sql.py)."""

import newstone
from newstone.dataset.parse import parse_to_dataset
from tests.helpers import write_inputs

# --- queries ---


def test_sql_aggregates_without_loading(tmp_path):
    write_inputs(tmp_path / "in")
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"), batch_size=3)
    by_country = newstone.sql(
        tmp_path / "out",
        """
        SELECT country, count(*) AS n FROM mentions WHERE country IS NOT NULL
        GROUP BY country ORDER BY n DESC, country""",
    )
    direct = newstone.read(tmp_path / "in").mentions.dropna(subset=["country"])
    expected = direct.groupby("country").size().sort_values(ascending=False)
    assert dict(zip(by_country["country"], by_country["n"])) == expected.to_dict()
    speakers = newstone.sql(tmp_path / "out", "SELECT speaker, n_quotes FROM speakers ORDER BY n_quotes DESC LIMIT 1")
    assert speakers.iloc[0]["n_quotes"] >= 4
