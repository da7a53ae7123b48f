"""Publication dates as the articles give them, read without guessing.

Dates come in many forms (ISO, RFC 2822, Reuters' "26-FEB-1987 15:01:01.79"); they are
parsed with explicit formats first, so day and month are never swapped by a guess. No
pandas here: the corpus pass reads dates while parsing; :mod:`newstone.analysis.dates`
wraps :func:`parse_datetime` for tables.
"""

from __future__ import annotations

import math
import re
import warnings
from datetime import datetime

# Explicit formats tried, in order, after ISO 8601 (``datetime.fromisoformat``). Written out
# because pandas' format guessing misreads some of them: it took Reuters-21578's
# "26-FEB-1987 15:02:20.00" for "%d-FEB-%Y %H:%m:%S" (minutes read as the month, so
# 15:02:20 became 15:00:20) and warned about it in every report. Month names match in
# any case ("FEB", "Feb"); a trailing zone name or offset is read, then dropped.
DATE_FORMATS = [
    "%d-%b-%Y %H:%M:%S.%f",  # 26-FEB-1987 15:01:01.79 (Reuters-21578)
    "%d-%b-%Y %H:%M:%S",  # 26-FEB-1987 15:01:01
    "%d-%b-%Y",  # 26-FEB-1987
    "%a, %d %b %Y %H:%M:%S %z",  # Tue, 03 Jun 2008 11:05:30 +0000 (RFC 2822, RSS)
    "%a, %d %b %Y %H:%M:%S %Z",  # Tue, 03 Jun 2008 11:05:30 GMT
    "%a, %d %b %Y %H:%M %z",  # Tue, 03 Jun 2008 11:05 +0000
    "%d %b %Y %H:%M:%S %z",  # 03 Jun 2008 11:05:30 +0000 (RFC 2822 without weekday)
    "%d %b %Y %H:%M:%S %Z",  # 03 Jun 2008 11:05:30 GMT
    "%B %d, %Y",  # June 20, 2024
    "%b %d, %Y",  # Jun 20, 2024
    "%B %d, %Y %H:%M",  # June 20, 2024 14:05
    "%d %B %Y",  # 20 June 2024
    "%d %b %Y",  # 20 Jun 2024
    "%Y/%m/%d",  # 2024/06/20
]


# The last resort (dateutil's parser) only gets text holding a four-digit year, so a
# stray "soon" or "3" never becomes a date.
_YEAR = re.compile(r"(?<!\d)(1[89]|2[01])\d\d(?!\d)")


def parse_datetime(text) -> datetime | None:
    """One publication date as a naive datetime, None when unreadable; never warns.

    ISO 8601 first, then :data:`DATE_FORMATS` in order, then dateutil's parser for what
    neither knows (only when the text holds a four-digit year). A time zone is dropped,
    not converted, so an article keeps the calendar day its outlet printed.
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return None
    text = " ".join(str(text).split())
    if not text:
        return None
    parsed = None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        for layout in DATE_FORMATS:
            try:
                parsed = datetime.strptime(text, layout)
                break
            except ValueError:
                continue
    if parsed is None and _YEAR.search(text):
        from dateutil import parser as dateutil_parser

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                parsed = dateutil_parser.parse(text)
            except (ValueError, OverflowError, TypeError):
                parsed = None
    return None if parsed is None else parsed.replace(tzinfo=None)


def period_of(published) -> str | None:
    """The period an article belongs to for the corpus pass: its year ("1987"), or None
    when it has no readable date."""
    parsed = parse_datetime(published)
    return f"{parsed.year:04d}" if parsed else None
