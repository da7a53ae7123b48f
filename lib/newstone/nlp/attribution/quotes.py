"""Quotation spans from quotation marks, and whether content is direct, indirect or mixed.

Marks are paired within a paragraph; a quotation still open at the end of a paragraph
continues when the next paragraph opens with a quotation mark (the news convention for a
quote over several paragraphs). Straight quotes are told opening or closing by their
neighbours, the NYT's ''…'' counts, and single quotes only in paragraphs without double
ones (headlines).
"""

from __future__ import annotations

import bisect
import re

from newstone.model import Span

_MARK = re.compile(r"''|``|[\u201c\u201d\u201e\"\u00ab\u00bb]")


_OPENERS = {"\u201c", "\u201e", "\u00ab", "``"}


_CLOSERS = {"\u201d", "\u00bb"}


_SINGLE_QUOTE = re.compile(r"(?<![\w\u2019'])[\u2018'](?=[A-Za-z0-9])[^\n\u2018]{1,200}?[\w.,!?][\u2019'](?![\w])")


def _is_opening(text: str, pos: int, mark: str) -> bool:
    """Guess whether an ambiguous straight mark opens a quotation, from its neighbours."""
    if mark in _OPENERS:
        return True
    if mark in _CLOSERS:
        return False
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + len(mark)] if pos + len(mark) < len(text) else " "
    if before.isspace() or before in "([{\u2014-/":
        return not after.isspace()
    return False


def find_quotes(text: str, paragraphs: list[Span]) -> list[Span]:
    """Quotations as ``(start, end)`` including their marks, in text order.

    Marks are paired within a paragraph; a quotation still open at the end of a paragraph
    continues if the next paragraph starts with an opening mark (the news convention for a
    quote running over several paragraphs), else it is closed there. Single quotes count
    only in paragraphs without double ones (headlines), paired conservatively.
    """
    quotes: list[Span] = []
    open_at: int | None = None
    for n, (p_start, p_end) in enumerate(paragraphs):
        marks = list(_MARK.finditer(text, p_start, p_end))
        if open_at is not None and not (
            marks and marks[0].start() == p_start and _is_opening(text, p_start, marks[0].group())
        ):
            quotes.append((open_at, paragraphs[n - 1][1]))
            open_at = None
        for i, m in enumerate(marks):
            mark, pos = m.group(), m.start()
            if open_at is None:
                if _is_opening(text, pos, mark) or mark == '"' or mark == "''":
                    open_at = pos
            elif open_at is not None and pos == p_start and i == 0 and n > 0 and open_at < p_start:
                continue  # the re-opening mark of a continued quotation
            elif not _is_opening(text, pos, mark) or mark in ('"', "''"):
                quotes.append((open_at, m.end()))
                open_at = None
            elif mark in _OPENERS and (m.end() >= p_end or not text[m.end()].isalnum()):
                quotes.append((open_at, m.end()))  # mistyped closing mark (“…“)
                open_at = None
        if not marks:
            quotes.extend(m.span() for m in _SINGLE_QUOTE.finditer(text, p_start, p_end))
    if open_at is not None and paragraphs:
        quotes.append((open_at, paragraphs[-1][1]))
    return sorted(quotes)


def quote_kind(spans: list[Span], quotes: list[Span]) -> str:
    """direct / indirect / mixed from how much of the content lies inside quotations."""
    inside = outside = 0
    for s, e in spans:
        covered = 0
        for qs, qe in quotes_in(quotes, s, e):
            covered += min(e, qe) - max(s, qs)
        inside += covered
        outside += (e - s) - covered
    if outside <= 2 and inside > 0:
        return "direct"
    if inside == 0:
        return "indirect"
    return "mixed"


def quotes_in(quotes: list[Span], start: int, end: int) -> list[Span]:
    """Quotations overlapping ``[start, end)``; ``quotes`` are sorted and disjoint."""
    k = bisect.bisect_left(quotes, (start, start)) - 1
    k = max(k, 0)
    found = []
    while k < len(quotes) and quotes[k][0] < end:
        if quotes[k][1] > start:
            found.append(quotes[k])
        k += 1
    return found
