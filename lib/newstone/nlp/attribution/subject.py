"""Where a clause's subject starts, past what is fronted before it.

A cue with no subject of its own ("…, saying …", "… and said …") borrows the sentence
subject (:func:`~newstone.nlp.attribution.source.shared_subject`). That subject follows
any fronted adverbial set off by commas: "Hours later, | Trump returned …", "Speaking in
Salem, New Hampshire, | Trump …", "The day before, at a rally in Austin, Tex., | Mr. Lee
…", "Once he was mayor, | Mr. Lee …", "AUSTIN, Tex. - | Ann Lee …". A lone "it" before a
form of "be" ("It was there that …") is no speaker.
"""

from __future__ import annotations

from newstone.nlp.attribution.lexicon import cue_lexicon, word_set
from newstone.nlp.attribution.tokens import Token, spaced_dash
from newstone.nlp.words import FRONTED, NP_INNER, SUBORDINATORS, TIME_BACK, TIME_WORDS, VERB_GROUP

# how far a fronted phrase may run before its comma, and how many may follow each other
FRONTED_REACH = 22
FRONTED_SEGMENTS = 4
# words that end a fronted time phrase ("Hours later,", "Eight years ago,", "The day before,")
TIME_ENDS = TIME_BACK | frozenset("ago before later earlier after since".split())
# a subject pronoun inside a phrase not opened by a subordinator starts the clause itself
CLAUSE_SUBJECTS = frozenset("i he she we they".split())


def _segment_end(tokens: list[Token], begin: int, stop: int) -> int:
    """Index of the comma or spaced dash ending the segment from ``begin`` (``stop`` if none)."""
    for k in range(begin, min(stop, begin + FRONTED_REACH)):
        tok = tokens[k]
        if tok.kind == "Q" or tok.text in (".", ";", ":", "!", "?") and k + 1 < stop and tokens[k + 1].capitalized:
            return stop
        if tok.text == "," or tok.text in ("\u2014", "--") or spaced_dash(tokens, k):
            return k
    return stop


def _is_fronted(tokens: list[Token], begin: int, end: int) -> bool:
    """Whether ``tokens[begin:end]`` is an adverbial phrase rather than a subject."""
    words = [t for t in tokens[begin:end] if t.is_word]
    if not words:
        return False
    first, last = words[0].lower, words[-1].lower
    if first not in SUBORDINATORS and any(
        t.lower in CLAUSE_SUBJECTS and tokens[k - 1].lower not in SUBORDINATORS
        for k, t in enumerate(tokens[begin + 1 : end], begin + 1)
    ):
        return False  # "By Sunday she had cancelled a rally in Green Bay, Wis., citing …": a clause
    return (
        first in FRONTED
        or first in SUBORDINATORS
        or first in word_set("fronted_openers.txt")
        or first in TIME_BACK
        or last in TIME_ENDS
        or (first.endswith("ly") and len(first) > 4)
        or (first.endswith("ing") and len(first) > 5)
        or all(t.text.isupper() and len(t.text) > 1 or not t.is_word for t in tokens[begin:end])  # "AUSTIN, Tex. -"
    )


def _is_place_tail(tokens: list[Token], begin: int, end: int, previous_end_capitalized: bool) -> bool:
    """ "Tex." or "New Hampshire" after "in Salem,": the rest of a place name."""
    span = tokens[begin:end]
    return previous_end_capitalized and 0 < len(span) <= 4 and all(t.capitalized or t.text == "." for t in span)


def subject_start(tokens: list[Token], begin: int, cue_first: int) -> int:
    """First token of the clause subject at or after ``begin``, past fronted phrases."""
    previous_capitalized = False
    for _ in range(FRONTED_SEGMENTS):
        end = _segment_end(tokens, begin, cue_first)
        if end >= cue_first - 1:
            break
        if not (_is_fronted(tokens, begin, end) or _is_place_tail(tokens, begin, end, previous_capitalized)):
            break
        previous_capitalized = end - begin >= 2 and tokens[end - 1].capitalized
        begin = end + 1
    return begin


EXPLETIVE_BE = frozenset("is was 's ’s".split())


def expletive(tokens: list[Token], first: int, last: int) -> bool:
    """ "It was …", "It's …": a dummy subject, never the speaker of a borrowed cue."""
    word = tokens[last].lower
    if first != last:
        return False
    if word in ("it's", "there's"):
        return True
    return word in ("it", "there") and last + 1 < len(tokens) and tokens[last + 1].lower in EXPLETIVE_BE


# how far back from the phrase before a cue a restrictive relative pronoun may stand
RELATIVE_REACH = 12


def relative_pronoun_before(tokens: list[Token], first: int, pronouns: frozenset[str]) -> int | None:
    """Index of the relative pronoun whose clause holds the noun phrase starting at
    ``first`` ("economists who favor | consumption taxes | agree"): the speaker is the
    noun before the pronoun, not the object inside its clause. Only a restrictive clause
    (no comma before the pronoun) with no punctuation inside counts."""
    for k in range(first - 1, max(0, first - RELATIVE_REACH) - 1, -1):
        tok = tokens[k]
        if not tok.is_word:
            return None
        if tok.lower in pronouns:
            return k if k > 0 and tokens[k - 1].is_word else None
        if tok.lower in ("who", "which", "that", "whom", "whose"):
            return None
    return None


# words after which a pronoun opens a clause that is not the speaker's ("said he would",
# "the plan, which he opposed,")
NOT_MAIN_CLAUSE = frozenset("that which who whom what whose how whether than like if why where before after".split())
# words after which a name opens a clause of its own ("…, and when Rubio thanked …")
CLAUSE_LINKS = SUBORDINATORS | frozenset(("and", "but", ","))
NAME_REACH = 8


def _verb_like(tokens: list[Token], k: int, stop: int, after_pronoun: bool) -> bool:
    """Whether ``tokens[k]`` looks like the finite verb of a clause ("thanked", "has"; after
    a pronoun also "says": after a name an "-s" word may be a plural noun)."""
    if k >= stop or not tokens[k].is_word or tokens[k].capitalized:
        return False
    low = tokens[k].lower
    return (
        low in VERB_GROUP
        or (low.endswith("ed") and len(low) > 3)
        or (after_pronoun and low.endswith("s") and not low.endswith("ss"))
    )


def nearest_subject(tokens: list[Token], lo: int, cue_first: int) -> tuple[int, int] | None:
    """The nearest clause subject left of a cue that has none ("Some booed, and when Rubio
    thanked Miami and said …" -> "Rubio"; "A minute later they rushed in and said …" ->
    "they"): a subject pronoun, or a name or "the"-phrase after a comma, "and", "but" or a
    subordinator, followed by a verb-like word. Not inside a that- or relative clause."""
    lexicon = cue_lexicon()
    for p in range(cue_first - 2, lo - 1, -1):
        tok = tokens[p]
        prev = tokens[p - 1] if p > 0 else None
        if prev is not None and (prev.lower in NOT_MAIN_CLAUSE or prev.lower in lexicon):
            continue
        if tok.lower in CLAUSE_SUBJECTS:
            last = p
        elif (tok.capitalized or tok.lower == "the") and (prev is None or prev.lower in CLAUSE_LINKS):
            last = p
            while (
                last + 1 < cue_first
                and last - p < NAME_REACH
                and (tokens[last + 1].capitalized or tokens[last + 1].text == "." or tokens[last + 1].lower in NP_INNER)
            ):
                last += 1
            if not tokens[last].capitalized:
                continue
        else:
            continue
        if _verb_like(tokens, last + 1, cue_first, last == p and tok.lower in CLAUSE_SUBJECTS):
            return p, last
    return None


def asks_someone(tokens: list[Token], k: int) -> bool:
    """ "X, a teacher, asked | Mayor Lee whether …": an object right after "asked" (a name,
    "the …", "him") makes the cue active, with X the source, not a passive question."""
    tok = tokens[k] if k < len(tokens) else None
    return (
        tok is not None
        and tok.is_word
        and tok.lower not in TIME_WORDS
        and (tok.capitalized or tok.lower in ("the", "him", "her", "them"))
    )


def modified_head(tokens: list[Token], first: int, np_back) -> int:
    """Start of the speaker phrase when the noun phrase at ``first`` is the object of a
    modifier of the speaker ("people familiar with | the plan", "a letter obtained by | the
    Post", "people with knowledge of | the talks"); ``first`` otherwise. ``np_back`` finds
    the noun phrase ending at an index (passed in: it lives in ``source``)."""
    k = first - 1
    if k < 2 or tokens[k].lower not in ("with", "to", "on", "of", "by", "about", "in"):
        return first
    k -= 1
    if tokens[k].lower not in word_set("source_modifiers.txt"):
        return first
    if tokens[k].lower == "knowledge" and tokens[k - 1].lower == "with":
        k -= 1
    head = np_back(tokens, k - 1)
    return head if head <= k - 1 and tokens[k - 1].is_word else first
