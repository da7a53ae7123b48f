"""The ``folder`` column: where below the input folder an article was found.

Corpora are sorted into folders by topic, outlet or period (BBC News: ``business``,
``sport`` ...), and a report compares such groups (``group_by folder``). The folder is the
path from the folder named on the command line down to the file, without the file name:
``bbc/business/001.txt`` read as ``bbc`` gives ``business``; every record of
``feeds/wire_a/items.jsonl`` read as ``feeds`` gives ``wire_a``. A file at the top of
the folder, or named on its own, has no folder (null), as it has no id prefix.

The column is filled by the engines (``newstone parse``, ``newstone.read``) when they
have the rows and the inputs, not by the readers: it depends only on the path, and
keeping it here leaves the ingest layer unchanged.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator

from newstone.model import ArticleRows


def input_roots(inputs: Iterable) -> tuple[str, ...]:
    """The folders the inputs name (and the folders a glob matches), absolute, outermost
    first: a file below two of them takes its folder from the outer one."""
    roots = set()
    for item in inputs:
        item = os.fspath(item)
        if os.path.isdir(item):
            roots.add(os.path.abspath(item))
        elif glob.has_magic(item):
            roots.update(os.path.abspath(m) for m in glob.glob(item, recursive=True) if os.path.isdir(m))
    return tuple(sorted(roots, key=lambda root: (len(root), root)))


def folder_of(source_path: str | None, roots: tuple[str, ...]) -> str | None:
    """The path from the first root holding ``source_path`` down to its file's folder
    ("business", "2024/june"), with ``/`` separators; None at the top of a root or
    outside every root."""
    if not source_path:
        return None
    parent = os.path.dirname(os.path.abspath(source_path))
    for root in roots:
        if parent == root:
            return None
        if parent.startswith(root.rstrip(os.sep) + os.sep):
            return os.path.relpath(parent, root).replace(os.sep, "/")
    return None


def with_folders(rows: Iterable[ArticleRows], roots: tuple[str, ...]) -> Iterator[ArticleRows]:
    """``rows`` with ``folder`` set on each article row (one lookup per file folder)."""
    known: dict[str | None, str | None] = {}
    for r in rows:
        source = r.article.get("source_path")
        parent = os.path.dirname(source) if source else None
        if parent not in known:
            known[parent] = folder_of(source, roots)
        r.article["folder"] = known[parent]
        yield r
