"""The tokens attribution rules scan: words, punctuation, and whole quotations.

Every quotation is one opaque ``Q`` token, so a cue verb inside a quote never triggers and
"“A,” he said" reads as ``Q , he said``. :class:`Clause` is one attribution found in a
sentence, in token indices and character spans. The helpers here answer small questions
about a token list (the next comma, a closed sentence) that every rule asks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from newstone.model import Span
from newstone.nlp.words import title_abbreviations
from newstone.rules import word_set


class Token:
    """A word, a punctuation mark, or a whole quotation (``kind == "Q"``).

    A plain slotted class rather than a dataclass: tokens are the hot path.
    """

    __slots__ = ("text", "start", "end", "kind", "lower", "quote", "is_word", "capitalized")

    def __init__(self, text: str, start: int, end: int, kind: str, quote: Span | None = None):
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind  # W | P | Q
        lower = text.lower()
        self.lower = lower.replace("\u2019", "'") if "\u2019" in lower else lower
        self.quote = quote  # the full quotation a Q token belongs to
        self.is_word = kind == "W"
        self.capitalized = self.is_word and text[:1].isupper()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.kind})"


@lru_cache(maxsize=200_000)
def _token_info(text: str) -> tuple[str, str, bool, bool]:
    """(lower, kind, is_word, capitalized) of a token string: words repeat, so these are
    computed once per distinct string."""
    is_word = text[0].isalnum()
    return text.lower().replace("\u2019", "'"), "W" if is_word else "P", is_word, is_word and text[:1].isupper()


def _word_token(m: re.Match, _new=object.__new__) -> Token:
    """A W or P token for a regex match, filled without calling ``__init__`` (tokens are
    the hot path of this stage)."""
    text = m.group()
    tok = _new(Token)
    tok.text = text
    tok.start, tok.end = m.span()
    tok.lower, tok.kind, tok.is_word, tok.capitalized = _token_info(text)
    tok.quote = None
    return tok


@lru_cache(maxsize=1)
def token_pattern() -> re.Pattern:
    """Numbers with thousands separators, dotted initials ("U.S."), abbreviated titles with
    their period (``data/abbreviations.tsv``: "Sen.", "Gen."), a middle initial before a
    capitalised word ("Sander M. Levin": inside a sentence, never its end), words with inner
    apostrophes, hyphens and dots, and any other single character."""
    titles = sorted((re.escape(a[:-1]) for a in title_abbreviations()), key=lambda t: (-len(t), t))
    return re.compile(
        r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[A-Za-z]\.){2,}|(?:" + "|".join(titles) + r")\."
        r"|(?<![\w.])[A-Z]\.(?=[ \t]+[A-Z][a-z])"
        r"|\w+(?:[\u2019'\-&.]\w+)*(?:[\u2019']s?)?|\S"
    )


def tokenize(text: str, start: int, end: int, quotes: list[Span], qi: int) -> tuple[list[Token], int]:
    """Tokens of ``text[start:end]``; ``quotes[qi:]`` are the quotations not yet passed.

    Returns the tokens and the index of the first quotation that may reach later text.
    """
    while qi < len(quotes) and quotes[qi][1] <= start:
        qi += 1
    pattern = token_pattern()
    tokens: list[Token] = []
    cursor, k = start, qi
    while cursor < end:
        if k < len(quotes) and quotes[k][0] < end:
            q_start, q_end = quotes[k]
            gap_end = max(cursor, q_start)
        else:
            q_start = q_end = None
            gap_end = end
        tokens.extend(map(_word_token, pattern.finditer(text, cursor, gap_end)))
        if q_start is None:
            break
        s, e = max(q_start, start), min(q_end, end)
        if s < e:
            tokens.append(Token(text[s:e], s, e, "Q", quote=(q_start, q_end)))
        cursor = max(e, cursor)
        k += 1
        if q_end > end:
            break
    return tokens, qi


@dataclass
class Clause:
    """One attribution found in a sentence, in token indices and character spans."""

    cue: Span
    cue_first: int  # token index range of the cue [cue_first, cue_last]
    cue_last: int
    source: Span | None
    content: list[Span] = field(default_factory=list)
    shape: str = "forward"  # forward | end | according | colon
    source_first: int = -1  # token index of the source start (for cutting contents)


def spaced_dash(tokens: list[Token], j: int) -> bool:
    """Whether ``tokens[j]`` is a dash set off by spaces on both sides ("… incomes - the
    Commission has urged …"): a break between clauses, not a joint inside a name."""
    tok = tokens[j]
    return (
        tok.text in ("-", "\u2013")
        and 0 < j < len(tokens) - 1
        and tokens[j - 1].end < tok.start
        and tok.end < tokens[j + 1].start
    )


def ticker_at(tokens: list[Token], j: int) -> bool:
    """Whether ``tokens[j]`` closes a stock symbol in angle brackets right after a word
    ("Moody's Investors Service Inc <MCO>", as wire copy writes company names)."""
    return (
        j >= 3
        and tokens[j].text == ">"
        and tokens[j - 2].text == "<"
        and tokens[j - 1].is_word
        and tokens[j - 1].text.upper() == tokens[j - 1].text
        and tokens[j - 3].is_word
    )


def token_span(tokens: list[Token], first: int, last: int) -> Span:
    return tokens[first].start, tokens[last].end


def comma_inside_quote(tok: Token) -> bool:
    """A quotation that closes on a comma ("“… at risk,” adding …"): American style puts the
    comma inside the quotation marks, so the clause boundary it marks is inside the Q token."""
    return tok.kind == "Q" and tok.text.rstrip("\u201d\"'\u2019").endswith(",")


def closed_sentence(tokens: list[Token], q: int) -> bool:
    """Whether the quotation at ``q`` ends a sentence of its own (".”" / "?''") and the next
    word starts a new one with a capital."""
    nxt = tokens[q + 1] if q + 1 < len(tokens) else None
    return nxt is not None and nxt.capitalized and tokens[q].text.rstrip("\u201d\"'\u2019 ")[-1:] in (".", "!", "?")


def text_at(tokens: list[Token], pos: int) -> str | None:
    """The lower-case token starting at character ``pos``."""
    for tok in tokens:
        if tok.start == pos:
            return tok.lower
    return None


def has_quote(tokens: list[Token], spans: list[Span]) -> bool:
    return any(t.kind == "Q" and any(s <= t.start < e for s, e in spans) for t in tokens)


def comma_before(tokens: list[Token], i: int) -> bool:
    """A comma right before token ``i``, or inside the closing marks of a quotation there
    ("… the “model farm,” saying …": American style puts the comma inside)."""
    prev = tokens[i - 1]
    return prev.text == "," or (prev.kind == "Q" and prev.text.rstrip("\u201d\"'\u2019")[-1:] == ",")


def next_semicolon(tokens: list[Token], start: int, n: int) -> int:
    for k in range(start, n):
        if tokens[k].text == ";":
            return k
    return n


def next_comma(tokens: list[Token], start: int, n: int) -> int:
    for k in range(start, n):
        if tokens[k].text in (",", ";"):
            return k
    return n


def name_particle(tokens: list[Token], k: int, last: int) -> bool:
    """ "du" of "Barend du Plessis", "van den" of "Hans van den Broek": particles between
    two capitalised words of a name."""
    particles = word_set("name_particles.txt")
    if not (0 < k < last and tokens[k].text in particles):
        return False
    before, after = k - 1, k + 1
    while before > 0 and tokens[before].text in particles:
        before -= 1
    while after < last and tokens[after].text in particles:
        after += 1
    return tokens[before].capitalized and tokens[after].capitalized
