"""What a command line names: files, folders walked recursively, glob patterns.

A walked folder yields only files with a known suffix and skips a corpus's documentation
(README, LICENSE ...: ``data/documentation_names.txt``); a file named on the command line
is always read, unless it is a named pipe, socket or device: those are refused. Each file
gets an article id from its path below the folder it was found in (``politics/001``), made
unique when two inputs would share one.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newstone.errors import InputRefused
from newstone.ingest.files import max_article_bytes, special_file
from newstone.rules import word_set

# Suffixes read when a directory is walked (a file named on the command line, or matched by
# a glob, is read whatever its suffix, as plain text unless it is HTML or a table). No
# suffix: corpora such as 20 Newsgroups name articles by number. Not .md: in a corpus
# folder a Markdown file is its documentation or notes, and its markup is not removed.
TEXT_SUFFIXES = {".txt", ".text", ""}


HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


TABLE_SUFFIXES = {".jsonl", ".ndjson", ".csv"}


KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES


class InputNotFound(FileNotFoundError):
    """A path or glob named by the user matches nothing."""


@dataclass
class InputFile:
    """A file to read, with the article id it should carry when it holds one article."""

    path: str
    article_id: str


def expand_inputs(inputs: Iterable[str]) -> list[InputFile]:
    """Files named by paths, directories and globs, in a stable order, with unique ids.

    A file's id is its name without extension; files found by walking a directory carry
    their path below that directory ("politics/001"), since corpora such as BBC reuse
    names in every folder. Only one-article files are renamed when an id repeats
    ("a#2"); a .jsonl/.csv file keeps its id, which only prefixes the ids of its records
    that have none ("a:3") and names its error rows, so adding ``a.csv`` next to ``a.txt``
    never renames the text article. Documentation files (:func:`is_documentation`) found
    by walking a directory or by a glob's wildcard are skipped. Raises
    :class:`InputNotFound` for an input matching nothing and
    :class:`~newstone.errors.InputRefused` for a named pipe, socket or device named
    itself (one met in a folder or by a glob is listed, and becomes an error row
    without being opened).
    """
    max_article_bytes()  # a bad NEWSTONE_MAX_ARTICLE_MB fails here, not once per file
    found: list[InputFile] = []
    for item in inputs:
        item = os.fspath(item)
        if os.path.isdir(item):
            found.extend(_walk_directory(item))
        elif os.path.exists(item):
            refuse_special(item)
            found.append(InputFile(item, _stem(item)))
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputNotFound(f"no file matches {item!r}")
            # "data/*" should not read data/README.TXT; "data/*/README.txt" names it
            wildcard_name = glob.has_magic(os.path.basename(item))
            for match in matches:
                if os.path.isdir(match):
                    found.extend(_walk_directory(match))
                elif not (wildcard_name and is_documentation(os.path.basename(match))):
                    found.append(InputFile(match, _stem(match)))
        else:
            raise InputNotFound(f"no such file or directory: {item!r}")
    return _unique_ids(found)


def check_inputs(inputs: Iterable[str]) -> None:
    """Raise :class:`InputNotFound` for an input that names nothing, as
    :func:`expand_inputs` would, without walking the directories (a usage error should
    come at once, and listing a big corpus twice is slow)."""
    max_article_bytes()
    for item in inputs:
        item = os.fspath(item)
        refuse_special(item)
        if not os.path.exists(item):
            if not glob.has_magic(item):
                raise InputNotFound(f"no such file or directory: {item!r}")
            if not glob.glob(item, recursive=True):
                raise InputNotFound(f"no file matches {item!r}")


def refuse_special(path: str) -> None:
    """Raise :class:`~newstone.errors.InputRefused` when ``path`` is a named pipe, socket
    or device file (checked without opening it)."""
    if kind := special_file(path):
        raise InputRefused(f"{path!r} is {kind}, not a regular file: it is not read")


def _walk_directory(root: str) -> list[InputFile]:
    files = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        # The id prefix once per folder: os.path.relpath per file cost more than the walk.
        below = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if below == "." else below + "/"
        for name in sorted(names):
            stem, suffix = os.path.splitext(name)
            if name.startswith(".") or suffix.lower() not in KNOWN_SUFFIXES or is_documentation(name):
                continue
            files.append(InputFile(os.path.join(folder, name), prefix + stem))
    return files


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


@lru_cache(maxsize=1)
def documentation_names() -> frozenset[str]:
    """Names (lower case, no extension) of corpus documentation files: README, LICENSE, ...

    A corpus folder ships its README.TXT or LICENSE next to the articles; read as an
    article it would add its "quotes" and country mentions to the results. The list is
    ``data/documentation_names.txt``.
    """
    return word_set("documentation_names.txt")


_NAME_WORDS = re.compile(r"[^_\-. ]+")


def is_documentation(filename: str) -> bool:
    """True for a corpus documentation file: its name without extension is one of
    :func:`documentation_names` in any case ("README.TXT", "license"), or starts or ends
    with one written in capitals as a separate word ("README_reuters21578_original.txt",
    "UPSTREAM_README.md", "_README_.txt"). A lower-case article slug such as
    "licence-fee-row.txt" is not documentation."""
    stem = os.path.splitext(filename)[0]
    names = documentation_names()
    if stem.lower() in names:
        return True
    words = _NAME_WORDS.findall(stem)
    return any(word.isupper() and word.lower() in names for word in words[:1] + words[-1:])


def _unique_ids(files: list[InputFile]) -> list[InputFile]:
    """Rename a repeated one-article file id "a#2", "a#3" in input order. Table files do
    not take part: their id is no article's, so a.csv next to a.txt leaves "a" to the text
    (the ids of their records are made distinct later, by :func:`distinct_ids`)."""
    seen: dict[str, int] = {}
    for f in files:
        if not holds_one_article(f):
            continue
        count = seen.get(f.article_id, 0)
        seen[f.article_id] = count + 1
        if count:
            f.article_id = f"{f.article_id}#{count + 1}"
    return files


def holds_one_article(item: InputFile) -> bool:
    """True for a file that is one article (text, HTML), false for a table of them."""
    return os.path.splitext(item.path)[1].lower() not in TABLE_SUFFIXES
