"""Reading inputs into :class:`~newstone.model.Article` objects, never raising on bad input.

Inputs are files, directories (walked recursively) and glob patterns. Each file becomes
one article (.txt and other plain text, .html/.htm) or many (.jsonl, .csv). A file that
cannot be decoded, is binary or is empty becomes an article with ``error`` set, so a
batch always goes on.

Offsets: the text of a plain-text file is kept exactly as Python's
``open(path, encoding="utf-8").read()`` returns it (universal newlines, a BOM kept as
U+FEFF), which is what the PolNeAR scorer reads; a cp1252 file is decoded as cp1252 with
the same newline rule. For HTML the text is what the extractor returned, kept in the
articles table so offsets still resolve.
"""
from __future__ import annotations

import csv
import glob
import io
import json
import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain
from typing import Iterable, Iterator, Optional

from .model import Article, Span
from .datafiles import data_lines
from .sentences import paragraph_spans

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TABLE_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES

# Fields looked up in .jsonl/.csv records, first present wins.
TEXT_FIELDS = ("text", "body", "content", "article")
ID_FIELDS = ("id", "article_id", "doc_id", "uid")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "publication_date", "pubdate")
SOURCE_FIELDS = ("source", "publisher", "outlet")

BYLINE = re.compile(r"^\s*By\s+(?P<names>[A-Z][^\n]{1,200})$")
# "WASHINGTON (Reuters) –", "LONDON, March 3 (Reuters) -", "NEW YORK —", "KYIV, Ukraine (AP) --"
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}[A-Z.](?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Za-z0-9.]+){0,3})?)"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{0,40})\))?\s*(?:[-\u2013\u2014]{1,2}|:)\s+")
CREDIT = re.compile(
    r"^\(?\s*(?:(?:Additional\s+)?Reporting|Writing|Written|Editing|Edited|Compiled|"
    r"Reported)\s+by\b", re.IGNORECASE)


class InputNotFound(FileNotFoundError):
    """A path or glob named by the user matches nothing."""


@dataclass
class InputFile:
    """A file to read, with the article id it should carry when it holds one article."""

    path: str
    article_id: str


# ---------------------------------------------------------------------------------------
# Finding files


def expand_inputs(inputs: Iterable[str]) -> list[InputFile]:
    """Files named by paths, directories and globs, in a stable order, with unique ids.

    A file's id is its name without extension; files found by walking a directory carry
    their path below that directory ("politics/001"), since corpora such as BBC reuse
    names in every folder. Raises :class:`InputNotFound` for an input matching nothing.
    """
    found: list[InputFile] = []
    for item in inputs:
        item = os.fspath(item)
        if os.path.isdir(item):
            found.extend(_walk_directory(item))
        elif os.path.exists(item):
            found.append(InputFile(item, _stem(item)))
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputNotFound(f"no file matches {item!r}")
            for match in matches:
                if os.path.isdir(match):
                    found.extend(_walk_directory(match))
                else:
                    found.append(InputFile(match, _stem(match)))
        else:
            raise InputNotFound(f"no such file or directory: {item!r}")
    return _unique_ids(found)


def check_inputs(inputs: Iterable[str]) -> None:
    """Raise :class:`InputNotFound` for an input that names nothing, as
    :func:`expand_inputs` would, without walking the directories (a usage error should
    come at once, and listing a big corpus twice is slow)."""
    for item in inputs:
        item = os.fspath(item)
        if not os.path.exists(item):
            if not glob.has_magic(item):
                raise InputNotFound(f"no such file or directory: {item!r}")
            if not glob.glob(item, recursive=True):
                raise InputNotFound(f"no file matches {item!r}")


def _walk_directory(root: str) -> list[InputFile]:
    files = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        # The id prefix once per folder: os.path.relpath per file cost more than the walk.
        below = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if below == "." else below + "/"
        for name in sorted(names):
            stem, suffix = os.path.splitext(name)
            if name.startswith(".") or suffix.lower() not in KNOWN_SUFFIXES:
                continue
            files.append(InputFile(os.path.join(folder, name), prefix + stem))
    return files


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def _unique_ids(files: list[InputFile]) -> list[InputFile]:
    seen: dict[str, int] = {}
    for f in files:
        count = seen.get(f.article_id, 0)
        seen[f.article_id] = count + 1
        if count:
            f.article_id = f"{f.article_id}#{count + 1}"
    return files


# ---------------------------------------------------------------------------------------
# Decoding


def decode_bytes(data: bytes) -> tuple[Optional[str], Optional[str]]:
    """(text, None) or (None, error message). UTF-8 first, then cp1252.

    Newlines are normalised as text-mode ``open`` does; a UTF-8 BOM stays in the text as
    U+FEFF so offsets agree with ``open(path, encoding="utf-8").read()``.
    """
    if not data.strip():
        return None, "empty file"
    if b"\x00" in data[:8192]:
        return None, "binary file (contains NUL bytes), not text"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            return None, f"undecodable text (neither UTF-8 nor cp1252): {exc.reason} at byte {exc.start}"
    if _looks_binary(text):
        return None, "binary file (mostly control characters), not text"
    return normalise_newlines(text), None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Control characters other than white space: deleting them and comparing lengths counts
# them at C speed (this runs on every file before anything else).
_DROP_CONTROL = str.maketrans(dict.fromkeys(ch for ch in range(32) if chr(ch) not in "\n\r\t\f\v"))


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    control = len(sample) - len(sample.translate(_DROP_CONTROL))
    return control > max(8, len(sample) // 20)


# ---------------------------------------------------------------------------------------
# Header and body of a plain-text article


@lru_cache(maxsize=1)
def boilerplate_lines() -> frozenset[str]:
    """Lines that are page furniture, not body text (data/boilerplate.txt), lower-cased."""
    return frozenset(line.lower() for line in data_lines("boilerplate.txt"))


def parse_plain_text(article_id: str, text: str, source_path: Optional[str] = None,
                     title: Optional[str] = None, published: Optional[str] = None,
                     source: Optional[str] = None, dateline: Optional[str] = None) -> Article:
    """Split a news text into headline, byline, dateline, body and credits.

    The headline is the first non-empty paragraph line unless ``title`` is given by the
    record (JSONL/CSV), in which case the whole text is body. ``body_spans`` hold the
    headline and every body paragraph; bylines, datelines, credit blocks ("(Reporting
    by ...)") and boilerplate lines ("Related Articles") are left out.
    """
    article = Article(article_id=article_id, text=text, source_path=source_path,
                      title=title, published=published, source=source, dateline=dateline)
    paragraphs = paragraph_spans(text)
    if title is None and paragraphs:
        first_start, first_end = paragraphs[0]
        line_end = text.find("\n", first_start, first_end)
        line_end = first_end if line_end == -1 else line_end
        article.title_span = (first_start, line_end)
        article.title = text[first_start:line_end].strip()
        article.body_spans.append(article.title_span)
        rest = (line_end, first_end)
        paragraphs = ([rest] if text[rest[0]:rest[1]].strip() else []) + paragraphs[1:]
    seen_body = False
    for start, end in paragraphs:
        for line_start, line_end in _lines(text, start, end):
            line = text[line_start:line_end].strip()
            if not line:
                continue
            if line.lower().rstrip(":") in boilerplate_lines():
                continue
            if not seen_body and article.byline is None and (m := BYLINE.match(line)):
                article.byline = m.group("names").strip()
                continue
            if CREDIT.match(line):
                continue
            if not seen_body and article.dateline is None and (m := DATELINE.match(line)):
                article.dateline = m.group(0).strip()
                if m.group("agency") and not article.source:
                    article.source = m.group("agency").strip()
                line_start += m.end() + (len(text[line_start:line_end]) - len(text[line_start:line_end].lstrip()))
            seen_body = True
            article.body_spans.append((line_start, line_end))
    article.body_spans = _merge_line_spans(text, article.body_spans)
    return article


def _lines(text: str, start: int, end: int) -> Iterator[Span]:
    """Line spans inside ``text[start:end]``."""
    cursor = start
    while cursor <= end:
        newline = text.find("\n", cursor, end)
        if newline == -1:
            yield cursor, end
            return
        yield cursor, newline
        cursor = newline + 1


def _merge_line_spans(text: str, spans: list[Span]) -> list[Span]:
    """Join kept lines of one paragraph back together, so sentences may run across lines."""
    merged: list[Span] = []
    for start, end in spans:
        if merged and "\n\n" not in text[merged[-1][1]:start] and text[merged[-1][1]:start].strip() == "":
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# ---------------------------------------------------------------------------------------
# Reading files


def read_file(item: InputFile) -> Iterator[Article]:
    """Articles in one file; never raises for the file's content (errors become rows)."""
    suffix = os.path.splitext(item.path)[1].lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl(item)
        return
    try:
        with open(item.path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        yield Article(item.article_id, source_path=item.path, error=f"unreadable file: {exc.strerror or exc}")
        return
    if suffix == ".csv":
        yield from read_csv(item, data)
    elif suffix in HTML_SUFFIXES:
        yield read_html(item, data)
    else:
        text, error = decode_bytes(data)
        if error:
            yield Article(item.article_id, source_path=item.path, error=error)
        else:
            yield parse_plain_text(item.article_id, text, source_path=item.path)


def read_jsonl(item: InputFile) -> Iterator[Article]:
    """One article per line, read line by line: a multi-GB feed never sits in memory."""
    try:
        handle = open(item.path, "rb")
    except OSError as exc:
        yield Article(item.article_id, source_path=item.path, error=f"unreadable file: {exc.strerror or exc}")
        return
    with handle:
        for line_number, raw_line in enumerate(handle, 1):
            if not raw_line.strip():
                continue
            fallback_id = f"{item.article_id}:{line_number}"
            where = f"{os.path.basename(item.path)} line {line_number}"
            if line_number == 1 and raw_line.startswith(b"\xef\xbb\xbf"):
                raw_line = raw_line[3:]  # a UTF-8 byte-order mark (Windows editors, Excel exports)
            line, error = decode_bytes(raw_line)
            if error:
                yield Article(fallback_id, source_path=item.path, error=f"{where}: {error}")
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Article(fallback_id, source_path=item.path, error=f"{where}: invalid JSON ({exc.msg})")
                continue
            if not isinstance(record, dict):
                yield Article(fallback_id, source_path=item.path, error=f"{where}: not a JSON object")
                continue
            yield article_from_record(record, fallback_id, item.path, where)


def read_csv(item: InputFile, data: bytes) -> Iterator[Article]:
    text, error = decode_bytes(data)
    if error:
        yield Article(item.article_id, source_path=item.path, error=error)
        return
    try:
        csv.field_size_limit(1 << 30)
        reader = csv.DictReader(io.StringIO(text))
        columns = list(reader.fieldnames or [])
        if columns and not any(field in columns for field in TEXT_FIELDS):
            # a table that is not articles (an officials roster next to the corpus): one
            # message for the file, not one error row per line
            yield Article(item.article_id, source_path=item.path,
                          error=f"{os.path.basename(item.path)}: no text column (one of {', '.join(TEXT_FIELDS)}); "
                                f"columns: {', '.join(columns[:8])}")
            return
        for row_number, record in enumerate(reader, 1):
            yield article_from_record(record, f"{item.article_id}:{row_number}", item.path, f"{os.path.basename(item.path)} row {row_number}")
    except csv.Error as exc:
        yield Article(f"{item.article_id}:csv", source_path=item.path, error=f"malformed CSV: {exc}")


def _first(record: dict, fields: tuple[str, ...]) -> Optional[str]:
    for name in fields:
        value = record.get(name)
        if value not in (None, ""):
            return str(value)
    return None


def article_from_record(record: dict, fallback_id: str, path: str, where: str) -> Article:
    """One JSONL/CSV record: text plus optional id/title/date/source/dateline fields."""
    article_id = _first(record, ID_FIELDS) or fallback_id
    body = record.get(next((f for f in TEXT_FIELDS if f in record), "text"))
    if not isinstance(body, str) or not body.strip():
        return Article(article_id, source_path=path, error=f"{where}: no text field ({'/'.join(TEXT_FIELDS)})")
    title = _first(record, TITLE_FIELDS)
    article = parse_plain_text(article_id, normalise_newlines(body), source_path=path, title=title,
                               published=_first(record, DATE_FIELDS), source=_first(record, SOURCE_FIELDS),
                               dateline=_first(record, ("dateline",)))
    return article


def read_html(item: InputFile, data: bytes) -> Article:
    """A saved news page, through trafilatura; offsets refer to the extracted text.

    The extracted headline is put first, then a blank line, then the body, so the text
    reads like a plain-text article and the same header rules apply.
    """
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        document = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                               include_tables=False)
    except Exception as exc:  # a malformed page must not stop the batch
        return Article(item.article_id, source_path=item.path, error=f"HTML extraction failed: {exc}")
    body = getattr(document, "text", None) if document is not None else None
    if not body or not body.strip():
        return Article(item.article_id, source_path=item.path, error="HTML page has no extractable article text")
    title = getattr(document, "title", None)
    text = normalise_newlines(f"{title}\n\n{body}" if title else body)
    article = parse_plain_text(item.article_id, text, source_path=item.path)
    article.byline = article.byline or getattr(document, "author", None)
    article.published = getattr(document, "date", None)
    article.source = article.source or getattr(document, "sitename", None)
    return article


def iter_articles(inputs: Iterable[str]) -> Iterator[Article]:
    """Every article of every input, lazily, in input order."""
    return distinct_ids(chain.from_iterable(map(read_file, expand_inputs(inputs))))


def distinct_ids(units: Iterable) -> Iterator:
    """``units`` (articles, or one-article input files), an id met before renamed as
    file ids are ("x#2").

    Every table is keyed by ``article_id``: two records of a .jsonl/.csv with one id, or
    a record whose id is also a file's, would otherwise merge into one article in every
    join and in reruns. The renamed one stays traceable: its id, then its rank.
    """
    seen: set[str] = set()
    for unit in units:
        if unit.article_id in seen:
            rank = 2
            while f"{unit.article_id}#{rank}" in seen:
                rank += 1
            unit = replace(unit, article_id=f"{unit.article_id}#{rank}")
        seen.add(unit.article_id)
        yield unit


def holds_one_article(item: InputFile) -> bool:
    """True for a file that is one article (text, HTML), false for a table of them."""
    return os.path.splitext(item.path)[1].lower() not in TABLE_SUFFIXES


def iter_units(inputs: Iterable[str]) -> Iterator[Article | InputFile]:
    """The inputs as units of work, in input order: a one-article file stays unread (an
    :class:`InputFile`) so that whoever processes it also reads and decodes it (HTML
    extraction is slower than the whole pipeline: done in the parent of ``newstone parse``
    it would leave the workers waiting); the records of a .jsonl/.csv file, which can only
    be read in order, come as :class:`Article` objects."""
    units = ([item] if holds_one_article(item) else read_file(item) for item in expand_inputs(inputs))
    yield from distinct_ids(chain.from_iterable(units))


def load_unit(unit: Article | InputFile) -> list[Article]:
    """The articles of a unit from :func:`iter_units`. Reading never raises for a file's
    content; should an extractor raise all the same, the file becomes an error row, as it
    would have in the pipeline, rather than failing its whole batch."""
    if isinstance(unit, Article):
        return [unit]
    try:
        return list(read_file(unit))
    except Exception as exc:  # an extractor bug: reported on the article's row
        return [Article(unit.article_id, source_path=unit.path, error=f"unreadable file: {type(exc).__name__}: {exc}")]
