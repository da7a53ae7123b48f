"""newstone: who said what, in which tone, about which country.

    >>> import newstone
    >>> corpus = newstone.read("data/sample_reuters_putin_north_korea.txt")
    >>> corpus.quotes[["speaker", "speaker_country", "kind", "tone", "text"]]

``read`` takes files, directories, globs, or a dataset written by ``newstone parse``;
``parse_text`` takes one article as a string; ``tone`` scores any text and
``tone_toward(sentence, [(start, end), ...])`` the tone toward each target span in it. The tables and
their columns are documented in ``docs/tables.md``. ``sql(dataset_dir, query)``
aggregates a processed dataset with DuckDB without loading it.

Every name is loaded on first use, so ``import newstone.dataset.store`` (or the CLI's
``--help``) pays neither for NLTK and VADER nor for pandas.
"""

from importlib import import_module

__all__ = ["Corpus", "read", "parse_text", "tone", "tone_toward", "sql"]
__version__ = "0.1.0"

_EXPORTS = {
    "Corpus": "newstone.dataset.corpus",
    "read": "newstone.dataset.corpus",
    "parse_text": "newstone.dataset.corpus",
    "sql": "newstone.dataset.sql",
    "tone": "newstone.nlp.tone.news",
    "tone_toward": "newstone.nlp.tone.toward",
}


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'newstone' has no attribute {name!r}")


def __dir__():
    return sorted(set(__all__) | {"__version__"})
