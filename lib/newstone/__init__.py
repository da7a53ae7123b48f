"""newstone: who said what, in which tone, about which country.

    >>> import newstone
    >>> corpus = newstone.read("data/sample_reuters_putin_north_korea.txt")
    >>> corpus.quotes[["speaker", "speaker_country", "kind", "tone", "text"]]

``read`` takes files, directories, globs, or a dataset written by ``newstone parse``;
``parse_text`` takes one article as a string; ``tone`` scores any text. The tables and
their columns are documented in the README ("Tables"). ``sql(dataset_dir, query)``
aggregates a processed dataset with DuckDB without loading it.

The other names are loaded on first use, so ``import newstone.sentences`` (or the CLI's
``--help``) does not pay for pandas and the gazetteer.
"""
from importlib import import_module

# Imported eagerly: importing the submodule newstone.tone later (as the pipeline does) would
# otherwise bind the package attribute ``tone`` to the module and shadow the function.
from .tone import tone

__all__ = ["Corpus", "read", "parse_text", "tone", "sql"]
__version__ = "0.1.0"

_EXPORTS = {"Corpus": "corpus", "read": "corpus", "parse_text": "corpus", "sql": "store"}


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'newstone' has no attribute {name!r}")


def __dir__():
    return sorted(set(__all__) | {"__version__"})
