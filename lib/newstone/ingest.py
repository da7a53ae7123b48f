"""Reading inputs into :class:`~newstone.model.Article` objects, never raising on bad input.

Inputs are files, directories (walked recursively) and glob patterns. Each file becomes
one article (.txt and other plain text, .html/.htm) or many (.jsonl, .csv). A file that
cannot be decoded, is binary or is empty becomes an article with ``error`` set, so a
batch always goes on. A walked directory yields only files with a known suffix, and not
a corpus's documentation (README, LICENSE, ...: ``data/documentation_names.txt``).

Offsets: the text of a plain-text file is kept exactly as Python's
``open(path, encoding="utf-8").read()`` returns it (universal newlines, a BOM kept as
U+FEFF), which is what the PolNeAR scorer reads; a cp1252 file is decoded as cp1252 and a
UTF-16 file with a byte-order mark as UTF-16 (the mark dropped, as
``open(path, encoding="utf-16")`` does), with the same newline rule. For HTML the text is
the extracted headline and paragraphs, blank-line separated as in a .txt article, kept in
the articles table so offsets still resolve.
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

# Suffixes read when a directory is walked (a file named on the command line, or matched by
# a glob, is read whatever its suffix, as plain text unless it is HTML or a table). No
# suffix: corpora such as 20 Newsgroups name articles by number. Not .md: in a corpus
# folder a Markdown file is its documentation or notes, and its markup is not removed.
TEXT_SUFFIXES = {".txt", ".text", ""}
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
    names in every folder. Only one-article files are renamed when an id repeats
    ("a#2"); a .jsonl/.csv file keeps its id, which only prefixes the ids of its records
    that have none ("a:3") and names its error rows, so adding ``a.csv`` next to ``a.txt``
    never renames the text article. Documentation files (:func:`is_documentation`) found
    by walking a directory or by a glob's wildcard are skipped. Raises
    :class:`InputNotFound` for an input matching nothing.
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
    return frozenset(line.lower() for line in data_lines("documentation_names.txt"))


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


# ---------------------------------------------------------------------------------------
# Decoding


# Byte-order marks of the encodings whose text holds NUL bytes (Windows tools write UTF-16
# "Unicode" files with one); UTF-32's first, as its little-endian mark starts like UTF-16's.
WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
             (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def wide_encoding(data: bytes) -> Optional[str]:
    """"utf-16" or "utf-32" when ``data`` starts with that encoding's byte-order mark."""
    return next((encoding for bom, encoding in WIDE_BOMS if data.startswith(bom)), None)


def decode_bytes(data: bytes) -> tuple[Optional[str], Optional[str]]:
    """(text, None) or (None, error message). UTF-16/32 with a byte-order mark, else UTF-8
    first, then cp1252.

    Newlines are normalised as text-mode ``open`` does; a UTF-8 BOM stays in the text as
    U+FEFF so offsets agree with ``open(path, encoding="utf-8").read()``. A UTF-16/32 BOM
    is dropped, as ``open(path, encoding="utf-16").read()`` drops it. Without a BOM, NUL
    bytes mean a binary file.
    """
    if encoding := wide_encoding(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            return None, f"undecodable {encoding.upper()} text: {exc.reason} at byte {exc.start}"
        if not text.strip():
            return None, "empty file"
        if _looks_binary(text):
            return None, "binary file (mostly control characters), not text"
        return normalise_newlines(text), None
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
        encoding = wide_encoding(handle.read(4))
        handle.seek(0)
        lines = _wide_lines(handle, encoding, item) if encoding else handle
        for line_number, raw_line in enumerate(lines, 1):
            if isinstance(raw_line, Article):  # the rest of a UTF-16 file is undecodable
                yield replace(raw_line, article_id=f"{item.article_id}:{line_number}")
                return
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


def _wide_lines(handle, encoding: str, item: InputFile) -> Iterator[bytes | Article]:
    """The lines of a UTF-16/32 file (``encoding`` from its byte-order mark) as UTF-8 bytes,
    still read line by line; an undecodable rest becomes one error :class:`Article`."""
    try:
        for line in io.TextIOWrapper(handle, encoding=encoding, newline=""):
            yield line.encode("utf-8")
    except UnicodeDecodeError as exc:
        yield Article(item.article_id, source_path=item.path,
                      error=f"{os.path.basename(item.path)}: undecodable {encoding.upper()} text from here on: {exc.reason}")


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
    field = next((f for f in TEXT_FIELDS if f in record), None)
    if field is None:
        return Article(article_id, source_path=path, error=f"{where}: no text field ({'/'.join(TEXT_FIELDS)})")
    body = record[field]
    if body is None or (isinstance(body, str) and not body.strip()):
        # the field is there ("text": "", a blank CSV cell, a short CSV row): say so
        return Article(article_id, source_path=path, error=f"{where}: empty text (field {field!r})")
    if not isinstance(body, str):
        return Article(article_id, source_path=path,
                       error=f"{where}: {field!r} is a {type(body).__name__}, not text")
    title = _first(record, TITLE_FIELDS)
    article = parse_plain_text(article_id, normalise_newlines(body), source_path=path, title=title,
                               published=_first(record, DATE_FIELDS), source=_first(record, SOURCE_FIELDS),
                               dateline=_first(record, ("dateline",)))
    return article


def read_html(item: InputFile, data: bytes) -> Article:
    """A saved news page, through trafilatura; offsets refer to the extracted text.

    The text reads like a plain-text article, so the same header rules apply: the headline
    first, then every paragraph, subhead, list item and block quote of the extracted body
    as its own paragraph, separated by blank lines (paragraph ids, the dateline and the
    sentence splitter depend on them). The page title is put first only when the body
    does not already start with the headline (:func:`_starts_with_headline`), so it is
    never there twice.
    """
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        document = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                               include_tables=False)
        paragraphs = _html_paragraphs(document) if document is not None else []
    except Exception as exc:  # a malformed page must not stop the batch
        return Article(item.article_id, source_path=item.path, error=f"HTML extraction failed: {exc}")
    if not paragraphs:
        return Article(item.article_id, source_path=item.path, error="HTML page has no extractable article text")
    title = " ".join((getattr(document, "title", None) or "").split())
    if title and not _starts_with_headline(title, *paragraphs[0]):
        paragraphs.insert(0, (title, "title"))
    text = "\n\n".join(paragraph for paragraph, _ in paragraphs)
    article = parse_plain_text(item.article_id, text, source_path=item.path)
    article.byline = article.byline or getattr(document, "author", None)
    article.published = getattr(document, "date", None)
    article.source = article.source or getattr(document, "sitename", None)
    return article


# Elements of trafilatura's extracted body (its XML: head, p, list/item, quote, ...) that
# hold paragraphs of their own rather than inline text.
_HTML_BLOCKS = frozenset({"head", "p", "list", "item", "quote", "table", "div", "section"})
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")


def _html_paragraphs(document) -> list[tuple[str, Optional[str]]]:
    """(paragraph, heading level) for every block of trafilatura's extracted body, each
    block's text as trafilatura's own text output renders it (one line per ``<br>``). The
    level is the heading's ``h1``..``h6`` ("" if unknown), None for other blocks."""
    from copy import deepcopy

    from lxml import etree
    from trafilatura.xml import xmltotxt

    body = getattr(document, "body", None)
    if body is None:  # no tree: trafilatura's text has a block per line
        lines = (getattr(document, "text", None) or "").splitlines()
        return [(line.strip(), None) for line in lines if line.strip()]
    paragraphs: list[tuple[str, Optional[str]]] = []

    def add(text: Optional[str], heading: Optional[str] = None) -> None:
        # a blank line inside a block (<br><br> on pages without <p>) parts paragraphs too
        for block in _BLANK_LINES.split(normalise_newlines(text or "")):
            lines = (line.strip() for line in block.split("\n"))
            if paragraph := "\n".join(line for line in lines if line):
                paragraphs.append((paragraph, heading))

    def leaf(element, heading: Optional[str] = None) -> None:
        for piece in _split_at_double_breaks(element):
            add(xmltotxt(piece, False), heading)

    def walk(element) -> None:
        """A block: one paragraph, or a container's (the body, a block quote, a list) blocks
        one by one, the inline text between them a paragraph of its own."""
        if not any(child.tag in _HTML_BLOCKS for child in element):
            alone = deepcopy(element)
            alone.tail = None  # the tail is the parent's text, read with the parent
            leaf(alone, (element.get("rend") or "") if element.tag == "head" else None)
            return
        loose = etree.Element(element.tag)  # inline text and markup between blocks
        loose.text = element.text
        for child in element:
            if child.tag in _HTML_BLOCKS:
                leaf(loose)
                walk(child)
                loose = etree.Element(element.tag)
                loose.text = child.tail
            else:
                loose.append(deepcopy(child))  # with its tail
        leaf(loose)

    walk(body)
    return paragraphs


_DOUBLE_BREAK = re.compile(r"(?:<lb/>\s*){2,}")


def _split_at_double_breaks(element) -> list:
    """``element`` cut where it has two line breaks in a row: a page that parts its
    paragraphs with ``<br><br>`` instead of ``<p>``, which trafilatura's text output
    renders as one line break. Unchanged when a cut would fall inside inline markup."""
    from lxml import etree

    if len(element.findall("lb")) < 2:
        return [element]
    markup = etree.tostring(element, encoding="unicode")
    open_end, close_start = markup.find(">") + 1, markup.rfind("</")
    if markup.endswith("/>") or not 0 < open_end <= close_start:
        return [element]
    pieces = _DOUBLE_BREAK.split(markup[open_end:close_start])
    if len(pieces) == 1:
        return [element]
    try:
        return [etree.fromstring(markup[:open_end] + piece + markup[close_start:]) for piece in pieces]
    except etree.XMLSyntaxError:  # a <br><br> inside <b>...</b>: keep the block whole
        return [element]


def _starts_with_headline(title: str, first: str, heading: Optional[str]) -> bool:
    """True when the body's first paragraph is the headline already: the title itself, or
    any heading. An article's body starts with its headline (``<h1>``, or ``<h2>`` where
    the site spends its ``<h1>`` on the logo); the page's title is then often the site's
    wording ("Talks fail | Site"), or trafilatura keeps the wrong half of it ("Site")."""
    if heading is not None:
        return True
    return " ".join(first.split()).casefold() == title.casefold()


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
    return units_of(expand_inputs(inputs))


def units_of(files: Iterable[InputFile]) -> Iterator[Article | InputFile]:
    """:func:`iter_units` of files already listed by :func:`expand_inputs`."""
    units = ([item] if holds_one_article(item) else read_file(item) for item in files)
    return distinct_ids(chain.from_iterable(units))


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
