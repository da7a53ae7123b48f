"""The one reader of the rule files under ``lib/newstone/data/``.

Every word list and rule table follows one convention (``data/README.md``), so the
convention cannot drift between stages and a typo fails at load, naming the file and line,
instead of silently changing results:

* a line whose first non-blank character is ``#`` is a comment, and blank lines are
  skipped (a ``#`` inside an entry is part of it);
* a word list (``.txt``) holds one entry per line, spaces around it stripped;
* a table (``.tsv``) is tab-separated, and its first line that is not a comment names
  the columns. The reader is told which columns to expect: a header that differs is an
  error (a file of the user's may leave out optional columns at the end), and so is a row
  with more cells than columns or an empty required cell. Cells are stripped; trailing
  optional cells may be left out.

Files are read from the package (``word_set("titles.txt")``), or from a path for files a
user supplies in the same format (a gazetteer of their own).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from importlib import resources

from newstone.errors import RuleFileError

Source = str | os.PathLike


class RuleRow(dict):
    """One row of a rule table: cells by column name; ``where`` is "file:line" for errors."""

    __slots__ = ("where",)

    def __init__(self, cells: dict[str, str], where: str):
        super().__init__(cells)
        self.where = where

    def error(self, message: str) -> RuleFileError:
        """An error about this row, naming its file and line."""
        return RuleFileError(f"{self.where}: {message}")


def _read_text(source: Source) -> tuple[str, str]:
    """(text, name for messages) of a packaged rule file (a bare name) or of a path."""
    if isinstance(source, str) and os.sep not in source and "/" not in source:
        return resources.files("newstone").joinpath(f"data/{source}").read_text("utf-8"), source
    with open(source, encoding="utf-8") as handle:
        return handle.read(), os.fspath(source)


def content_lines(source: Source) -> list[tuple[int, str]]:
    """(line number, line) of every line that is not a comment or blank, unstripped."""
    text, _ = _read_text(source)
    return [
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of a packaged word list, as written, in file order."""
    return tuple(line.strip() for _, line in content_lines(name))


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of a packaged word list, lower case (words are matched lower-cased)."""
    return frozenset(entry.lower() for entry in word_list(name))


def read_table(source: Source, columns: Sequence[str], optional: Sequence[str] = ()) -> list[RuleRow]:
    """The rows of a rule table, validated against the expected ``columns``.

    ``optional`` columns may be empty (and, at the end of a row, left out); every other
    cell must hold a value. Raises :class:`~newstone.errors.RuleFileError` naming the
    file and line of the first problem.
    """
    text, name = _read_text(source)
    rows: list[RuleRow] = []
    header = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        where = f"{name}:{number}"
        if header is None:
            header = cells
            left_out = list(columns[len(header) :])
            if header != list(columns[: len(header)]) or any(c not in optional for c in left_out):
                raise RuleFileError(
                    f"{where}: the header names the columns {header}, expected {list(columns)}"
                    + (f" (optional at the end: {', '.join(optional)})" if optional else "")
                )
            continue
        if len(cells) > len(header):
            raise RuleFileError(
                f"{where}: {len(cells)} tab-separated cells, the table has {len(header)} columns ({', '.join(header)})"
            )
        row = RuleRow({column: cells[i] if i < len(cells) else "" for i, column in enumerate(columns)}, where)
        empty = [column for column in columns if not row[column] and column not in optional]
        if empty:
            raise row.error(f"empty {', '.join(empty)} (columns: {', '.join(columns)})")
        rows.append(row)
    if header is None:
        raise RuleFileError(f"{name}: no header line naming the columns {list(columns)}")
    return rows
