"""A plain-text article: headline, byline, dateline, credits and body paragraphs.

The first non-empty line is the headline; a "By ..." line is the byline, a
"PLACE (Agency) -" opening the dateline; credit lines and page furniture
(``data/boilerplate.txt``) are left out of the body. The text itself is never changed
(but for a lone surrogate, which no UTF-8 writer takes, made U+FFFD): the article keeps it
whole and marks the body with ``body_spans`` offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from newstone.ingest.decode import valid_unicode
from newstone.model import Article, Span
from newstone.rules import word_set
from newstone.spans import paragraph_spans

BYLINE = re.compile(r"^\s*By\s+(?P<names>[A-Z][^\n]{1,200})$")


# "WASHINGTON (Reuters) –", "LONDON, March 3 (Reuters) -", "NEW YORK —", "KYIV, Ukraine (AP) --"
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}[A-Z.](?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Za-z0-9.]+){0,3})?)"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{0,40})\))?\s*(?:[-\u2013\u2014]{1,2}|:)\s+"
)


CREDIT = re.compile(
    r"^\(?\s*(?:(?:Additional\s+)?Reporting|Writing|Written|Editing|Edited|Compiled|"
    r"Reported)\s+by\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def boilerplate_lines() -> frozenset[str]:
    """Lines that are page furniture, not body text (data/boilerplate.txt), lower-cased."""
    return word_set("boilerplate.txt")


def parse_plain_text(
    article_id: str,
    text: str,
    source_path: str | None = None,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    dateline: str | None = None,
) -> Article:
    """Split a news text into headline, byline, dateline, body and credits.

    The headline is the first non-empty paragraph line unless ``title`` is given by the
    record (JSONL/CSV), in which case the whole text is body. ``body_spans`` hold the
    headline and every body paragraph; bylines, datelines, credit blocks ("(Reporting
    by ...)") and boilerplate lines ("Related Articles") are left out. A lone surrogate
    becomes U+FFFD (:func:`~newstone.ingest.decode.valid_unicode`), the only change ever
    made to the text, one character for one.
    """
    text = valid_unicode(text)
    article = Article(
        article_id=article_id,
        text=text,
        source_path=source_path,
        title=title,
        published=published,
        source=source,
        dateline=dateline,
    )
    paragraphs = paragraph_spans(text)
    if title is None and paragraphs:
        first_start, first_end = paragraphs[0]
        line_end = text.find("\n", first_start, first_end)
        line_end = first_end if line_end == -1 else line_end
        article.title_span = (first_start, line_end)
        article.title = text[first_start:line_end].strip()
        article.body_spans.append(article.title_span)
        rest = (line_end, first_end)
        paragraphs = ([rest] if text[rest[0] : rest[1]].strip() else []) + paragraphs[1:]
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
        if merged and "\n\n" not in text[merged[-1][1] : start] and text[merged[-1][1] : start].strip() == "":
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
