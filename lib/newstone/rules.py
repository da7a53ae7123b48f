"""Reading the rule files packaged under ``lib/newstone/data/``.

Every word list and rule table there follows one convention: ``#`` starts a comment,
blank lines are ignored. One reader for all of them, so the convention cannot drift
between stages.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def data_lines(name: str) -> list[str]:
    """Lines of ``data/<name>`` without comments and blank lines, stripped."""
    text = resources.files("newstone").joinpath(f"data/{name}").read_text("utf-8")
    return [line for raw in text.splitlines() if (line := raw.split("#", 1)[0].strip())]


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """A packaged list of words/phrases (lower case), one per line."""
    return frozenset(line.lower() for line in data_lines(name))
