"""Articles from table files: one per record of a .jsonl or .csv file.

The text comes from the first field named ``text``, ``body``, ``content`` or ``article``;
id, title, date and source from their usual names (``id``/``article_id``, ``title``/
``headline``, ``date``/``published``, ``source``/``publisher``). A record without text,
or a line that is no JSON object, becomes an error row of its own; the file goes on.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from dataclasses import replace

from newstone.ingest.decode import decode_bytes, normalise_newlines, stream_encoding, valid_unicode, wide_encoding
from newstone.ingest.discover import InputFile
from newstone.ingest.files import bounded_lines, max_article_bytes, open_regular, too_large
from newstone.ingest.plaintext import parse_plain_text
from newstone.model import Article

# Fields looked up in .jsonl/.csv records, first present wins.
TEXT_FIELDS = ("text", "body", "content", "article")


ID_FIELDS = ("id", "article_id", "doc_id", "uid")


TITLE_FIELDS = ("title", "headline")


DATE_FIELDS = ("date", "published", "publication_date", "pubdate")


SOURCE_FIELDS = ("source", "publisher", "outlet")


def read_jsonl(item: InputFile) -> Iterator[Article]:
    """One article per line, read line by line: a multi-GB feed never sits in memory, and
    a line longer than one article's limit is an error row, skipped without being held.
    A file without any record is one error row, as an empty .txt is."""
    return _never_empty(_jsonl_articles(item), item)


def read_csv(item: InputFile) -> Iterator[Article]:
    """One article per row, read row by row (the encoding is chosen in a first pass over
    the bytes); a field longer than one article's limit ends the file with an error row.
    A file without any row is one error row."""
    return _never_empty(_csv_articles(item), item)


def _never_empty(articles: Iterator[Article], item: InputFile) -> Iterator[Article]:
    """``articles``, or an error row saying the file holds no records: every input file
    shows in the articles table, so that a user sees what was not read."""
    empty = True
    for article in articles:
        empty = False
        yield article
    if empty:
        yield Article(item.article_id, source_path=item.path, error=f"{os.path.basename(item.path)}: no records")


def _jsonl_articles(item: InputFile) -> Iterator[Article]:
    handle, error = open_regular(item.path)
    if handle is None:
        yield Article(item.article_id, source_path=item.path, error=error)
        return
    limit = max_article_bytes()
    name = os.path.basename(item.path)
    with handle:
        try:
            encoding = wide_encoding(handle.read(4))
            handle.seek(0)
            lines = _wide_lines(handle, encoding, item, limit) if encoding else bounded_lines(handle, limit)
            for line_number, raw_line in enumerate(lines, 1):
                if isinstance(raw_line, Article):  # the rest of a UTF-16 file is undecodable
                    yield replace(raw_line, article_id=f"{item.article_id}:{line_number}")
                    return
                fallback_id = f"{item.article_id}:{line_number}"
                where = f"{name} line {line_number}"
                if raw_line is None:
                    yield Article(fallback_id, source_path=item.path, error=f"{where}: {too_large(limit)}")
                    continue
                if not raw_line.strip():
                    continue
                if line_number == 1 and raw_line.startswith(b"\xef\xbb\xbf"):
                    raw_line = raw_line[3:]  # a UTF-8 byte-order mark (Windows editors, Excel exports)
                yield _record_of_line(raw_line, fallback_id, item.path, where)
        except OSError as exc:  # a disk error half-way: the lines read so far stand
            yield Article(f"{item.article_id}:read", source_path=item.path, error=f"{name}: unreadable file: {exc}")


def _record_of_line(raw_line: bytes, fallback_id: str, path: str, where: str) -> Article:
    line, error = decode_bytes(raw_line)
    if error:
        return Article(fallback_id, source_path=path, error=f"{where}: {error}")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Article(fallback_id, source_path=path, error=f"{where}: invalid JSON ({exc.msg})")
    if not isinstance(record, dict):
        return Article(fallback_id, source_path=path, error=f"{where}: not a JSON object")
    return article_from_record(record, fallback_id, path, where)


def _wide_lines(handle, encoding: str, item: InputFile, limit: int) -> Iterator[bytes | Article | None]:
    """The lines of a UTF-16/32 file (``encoding`` from its byte-order mark) as UTF-8 bytes,
    still read line by line (None for one over ``limit``); an undecodable rest becomes one
    error :class:`Article`."""
    try:
        for line in bounded_lines(io.TextIOWrapper(handle, encoding=encoding, newline=""), limit):
            yield None if line is None else line.encode("utf-8", "surrogatepass")
    except UnicodeDecodeError as exc:
        yield Article(
            item.article_id,
            source_path=item.path,
            error=f"{os.path.basename(item.path)}: undecodable {encoding.upper()} text from here on: {exc.reason}",
        )


def _csv_articles(item: InputFile) -> Iterator[Article]:
    handle, error = open_regular(item.path)
    if handle is None:
        yield Article(item.article_id, source_path=item.path, error=error)
        return
    name = os.path.basename(item.path)
    with handle:
        try:
            encoding, error = stream_encoding(handle)
        except OSError as exc:
            encoding, error = None, f"unreadable file: {exc.strerror or exc}"
        if error:
            yield Article(item.article_id, source_path=item.path, error=error)
            return
        # universal newlines: the text as decode_bytes gives it, "\r\n" and "\r" read as "\n"
        text = io.TextIOWrapper(handle, encoding=encoding, newline=None)
        try:
            csv.field_size_limit(max_article_bytes())
            reader = csv.DictReader(text)
            columns = list(reader.fieldnames or [])
            if columns and not any(field in columns for field in TEXT_FIELDS):
                # a table that is not articles (an officials roster next to the corpus): one
                # message for the file, not one error row per line
                yield Article(
                    item.article_id,
                    source_path=item.path,
                    error=f"{name}: no text column (one of {', '.join(TEXT_FIELDS)}); "
                    f"columns: {', '.join(columns[:8])}",
                )
                return
            for row_number, record in enumerate(reader, 1):
                yield article_from_record(
                    record, f"{item.article_id}:{row_number}", item.path, f"{name} row {row_number}"
                )
        except csv.Error as exc:
            yield Article(f"{item.article_id}:csv", source_path=item.path, error=f"malformed CSV: {exc}")
        except UnicodeDecodeError as exc:  # a UTF-16/32 file, undecodable further on
            yield Article(
                f"{item.article_id}:csv",
                source_path=item.path,
                error=f"{name}: undecodable {encoding.upper()} text from here on: {exc.reason}",
            )
        except OSError as exc:
            yield Article(f"{item.article_id}:csv", source_path=item.path, error=f"{name}: unreadable file: {exc}")


def _first(record: dict, fields: tuple[str, ...]) -> str | None:
    for name in fields:
        value = record.get(name)
        if value not in (None, ""):
            return valid_unicode(str(value))  # a JSON "\\ud800" in an id or title
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
        return Article(article_id, source_path=path, error=f"{where}: {field!r} is a {type(body).__name__}, not text")
    title = _first(record, TITLE_FIELDS)
    article = parse_plain_text(
        article_id,
        normalise_newlines(body),
        source_path=path,
        title=title,
        published=_first(record, DATE_FIELDS),
        source=_first(record, SOURCE_FIELDS),
        dateline=_first(record, ("dateline",)),
    )
    return article
