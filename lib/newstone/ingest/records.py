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

from newstone.ingest.decode import decode_bytes, normalise_newlines, wide_encoding
from newstone.ingest.discover import InputFile
from newstone.ingest.plaintext import parse_plain_text
from newstone.model import Article

# Fields looked up in .jsonl/.csv records, first present wins.
TEXT_FIELDS = ("text", "body", "content", "article")


ID_FIELDS = ("id", "article_id", "doc_id", "uid")


TITLE_FIELDS = ("title", "headline")


DATE_FIELDS = ("date", "published", "publication_date", "pubdate")


SOURCE_FIELDS = ("source", "publisher", "outlet")


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
        yield Article(
            item.article_id,
            source_path=item.path,
            error=f"{os.path.basename(item.path)}: undecodable {encoding.upper()} text from here on: {exc.reason}",
        )


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
            yield Article(
                item.article_id,
                source_path=item.path,
                error=f"{os.path.basename(item.path)}: no text column (one of {', '.join(TEXT_FIELDS)}); "
                f"columns: {', '.join(columns[:8])}",
            )
            return
        for row_number, record in enumerate(reader, 1):
            yield article_from_record(
                record, f"{item.article_id}:{row_number}", item.path, f"{os.path.basename(item.path)} row {row_number}"
            )
    except csv.Error as exc:
        yield Article(f"{item.article_id}:csv", source_path=item.path, error=f"malformed CSV: {exc}")


def _first(record: dict, fields: tuple[str, ...]) -> str | None:
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
