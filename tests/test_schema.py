"""The table contract: every table has the columns schema.py names, in order
(lib/newstone/schema.py)."""

from newstone import schema

# --- contract columns ---


def test_every_table_has_the_contract_columns(sample_corpus):
    for name, columns in schema.TABLES.items():
        table = sample_corpus.tables[name]
        assert list(table.columns[: len(columns)]) == list(columns), name
        assert len(table) > 0, name
