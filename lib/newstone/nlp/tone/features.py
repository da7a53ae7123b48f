"""How the learned tone models read a sentence and a target in it.

:func:`read_sentence` reads a sentence once (tokens, VADER valences under VADER's negation
and booster rules, clauses and contrasts, word-vector keys); :func:`target_features` gives a
target's features from it, :func:`sentence_features` the sentence model's. What the features
are, and why, is in :mod:`newstone.nlp.tone.toward`'s docstring; ``FEATURE_VERSION`` is
stored in the model files, so a model trained on other features is refused, not misread.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SentimentIntensityAnalyzer

from newstone.nlp.tone.news import ascii_quotes, get_scorer
from newstone.nlp.tone.vader import _cap_differential, _score_valence, _strip_token, _word_valence
from newstone.nlp.words import ARTICLES, PERSONAL_PRONOUNS, POSSESSIVE_DETERMINERS, TIME_NOUNS

FEATURE_VERSION = 2

_EDGE = string.punctuation + "\u2014\u2013\u2026"
_EMBEDDING_WORD = re.compile(r"[a-z][a-z'-]*[a-z]$")
_NEGATIONS = frozenset(NEGATE) | {"no", "never", "without", "nor", "neither"}
# Words that set their clause against the one before ("but", "while", "although").
CONTRAST = frozenset(
    "but however although though while whereas yet despite unlike instead nevertheless nonetheless".split()
)
# Words that open a new clause without contrast (relative and subordinate clauses).
CLAUSE_OPENERS = CONTRAST | frozenset("which who whom whose because since after before when if unless as".split())
_CLAUSE_END = frozenset(",;:)]\u2014\u2013")
_CLAUSE_START = frozenset("([\u2014\u2013")
# The target's shape: a pronoun ("his"), a noun phrase's determiner, a date. ("my", "your"
# are pronouns here, so the determiners never see them.)
PRONOUNS = PERSONAL_PRONOUNS | POSSESSIVE_DETERMINERS
DETERMINERS = ARTICLES | POSSESSIVE_DETERMINERS | frozenset(("this", "that"))
NEAR = 3  # words left and right of the target kept as window features
EMBEDDING_WINDOW = 5  # words left and right averaged as the window's word vectors
# Names of the dense features, in the order target_features returns them.
ZONES = ("clause", "side", "across", "near", "left", "right", "distance")
DENSE_NAMES = (
    "sentence VADER compound",
    "sentence news compound",
    "sentence news positive share",
    "sentence news negative share",
    *(f"{zone} lexicon {sign}" for zone in ZONES for sign in ("positive", "negative")),
    "clause VADER sum",
    "other targets in the sentence",
    "target opens the sentence",
    "target is a pronoun",
    "target under negation",
    "target's own words' valence",
)
EMBEDDING_ZONES = ("sentence", "window", "clause", "left", "right")
SENTENCE_DENSE_NAMES = DENSE_NAMES[:4]


@dataclass(frozen=True)
class SentenceView:
    """A sentence read once for all its targets: whitespace tokens as VADER splits them,
    their valences under both lexicons, clause and contrast marks, negation scope."""

    spans: list[tuple[int, int]]
    words: list[str]  # VADER's tokens (edge punctuation stripped), original case
    lower: list[str]
    norm: list[str]  # the token as a feature word ("" when it is punctuation only)
    embed: list[str]  # the token as a word-vector key ("" when none)
    raw_val: list[float]
    news_val: list[float]
    segment: list[int]  # clause index of each token
    segment_bounds: list[tuple[int, int]]  # first token and last + 1 of each clause
    side: list[int]  # contrast side of each token
    negated: list[bool]  # inside a negation's scope (up to the end of its clause)
    compound_raw: float
    compound_news: float
    pos_news: float
    neg_news: float
    news_hits: list[int]  # tokens with a news-lexicon valence
    raw_hits: list[int]  # tokens with a raw VADER valence
    word_tokens: list[int]  # tokens with a feature word, in order
    unigrams: list[str]  # "u:" + their feature words
    clause_words: list[str]  # "c:" + their feature words


@lru_cache(maxsize=1)
def _lexicons() -> tuple[dict, dict]:
    return get_scorer("vader")._analyzer.lexicon, get_scorer("news")._analyzer.lexicon


@lru_cache(maxsize=1)
def _news_changes() -> frozenset[str]:
    raw, news = _lexicons()
    return frozenset(w for w in set(raw) | set(news) if raw.get(w) != news.get(w))


def _valences(words: list[str], lower: list[str], lexicon: dict, cap_diff: bool) -> list[float]:
    """VADER's valence of each token (negation, boosters, capitals; before its "but" rule)."""
    n = len(words)
    out = [0.0] * n
    for i, word in enumerate(lower):
        if word in lexicon:
            if word in BOOSTER_DICT or (i < n - 1 and word == "kind" and lower[i + 1] == "of"):
                continue
            out[i] = _word_valence(i, words, lower, lexicon, cap_diff)
    return out


def feature_word(word_lower: str) -> str:
    """A token as a feature word: edge punctuation and a possessive "'s" removed, any
    number as ``<num>``; "" for punctuation."""
    word = word_lower.strip(_EDGE)
    if word.endswith("'s"):
        word = word[:-2]
    if word and not word.isalpha() and any(ch.isdigit() for ch in word):
        return "<num>"
    return word


def embedding_word(token: str) -> str:
    """A token as a word-vector key (training and scoring agree on it): lower case, edge
    punctuation stripped, letters with inner apostrophes or hyphens; "" otherwise."""
    word = token.strip(_EDGE).lower()
    return word if _EMBEDDING_WORD.match(word) else ""


_but_check = SentimentIntensityAnalyzer._but_check
_TOKEN_FORMS: dict[str, tuple[str, str, str, str, int]] = {}
# Token flags (bits) for the clause, contrast and negation marks.
_OPENS, _CONTRASTS, _NEGATES, _ENDS, _SEMICOLON = 1, 2, 4, 8, 16


def _token_forms(raw: str) -> tuple[str, str, str, str, int]:
    """A whitespace token's VADER word, its lower case, its feature word, its word-vector
    key and its flags, remembered (news repeats its words; the memo is emptied at 200,000)."""
    word = _strip_token(raw)
    lower = word.lower()
    dash = raw in ("-", "--")
    flags = (
        (_OPENS if raw[0] in _CLAUSE_START or dash or lower in CLAUSE_OPENERS else 0)
        | (_CONTRASTS if lower in CONTRAST else 0)
        | (_NEGATES if lower in _NEGATIONS or lower.endswith("n't") else 0)
        | (_ENDS if raw[-1] in _CLAUSE_END or dash else 0)
        | (_SEMICOLON if raw[-1] == ";" else 0)
    )
    forms = (word, lower, feature_word(lower), embedding_word(raw), flags)
    if len(_TOKEN_FORMS) >= 200_000:
        _TOKEN_FORMS.clear()
    _TOKEN_FORMS[raw] = forms
    return forms


def read_sentence(sentence: str) -> SentenceView:
    """Tokens, valences and clause marks of ``sentence`` (typographic quotes read as ASCII)."""
    text = ascii_quotes(sentence)
    raws = text.split()
    spans = []
    find = text.find
    position = 0
    for raw in raws:
        start = find(raw, position)
        position = start + len(raw)
        spans.append((start, position))
    forms = [_TOKEN_FORMS.get(raw) or _token_forms(raw) for raw in raws]
    words, lower, norm, embed, token_flags = (list(column) for column in zip(*forms)) if forms else ([],) * 5
    raw_lexicon, news_lexicon = _lexicons()
    cap_diff = _cap_differential(words)
    raw_val = _valences(words, lower, raw_lexicon, cap_diff)
    if _news_changes().isdisjoint(lower):  # no word the news lexicon changes: same valences
        news_val = raw_val
    else:
        news_val = _valences(words, lower, news_lexicon, cap_diff)
    segment, side, negated = [], [], []
    seg = sd = 0
    in_negation = False
    previous = 0  # flags of the token before
    for f in token_flags:
        if previous & _ENDS or f & _OPENS and segment:
            seg += 1
            in_negation = False
            if f & _CONTRASTS or previous & _SEMICOLON:
                sd += 1
        segment.append(seg)
        side.append(sd)
        negated.append(in_negation)
        if f & _NEGATES:
            in_negation = True
        previous = f
    # VADER's sentence scores from the same valences (its "but" rule, then its sums).
    if "but" in lower:
        raw_scores = _score_valence(_but_check(words, list(raw_val)), text)
        news_scores = _score_valence(_but_check(words, list(news_val)), text)
    else:
        raw_scores = _score_valence(raw_val, text)
        news_scores = raw_scores if news_val is raw_val else _score_valence(news_val, text)
    bounds = []
    for i, seg_i in enumerate(segment):
        if seg_i == len(bounds):
            bounds.append((i, i + 1))
        else:
            bounds[seg_i] = (bounds[seg_i][0], i + 1)
    raw_hits = [i for i, v in enumerate(raw_val) if v]
    word_tokens = [i for i, w in enumerate(norm) if w]
    return SentenceView(
        spans=spans,
        words=words,
        lower=lower,
        norm=norm,
        embed=embed,
        raw_val=raw_val,
        news_val=news_val,
        segment=segment,
        segment_bounds=bounds,
        side=side,
        negated=negated,
        compound_raw=raw_scores["compound"],
        compound_news=news_scores["compound"],
        pos_news=news_scores["pos"],
        neg_news=news_scores["neg"],
        news_hits=raw_hits if news_val is raw_val else [i for i, v in enumerate(news_val) if v],
        raw_hits=raw_hits,
        word_tokens=word_tokens,
        unigrams=["u:" + norm[i] for i in word_tokens],
        clause_words=["c:" + norm[i] for i in word_tokens],
    )


def token_range(view: SentenceView, start: int, end: int) -> tuple[int, int]:
    """The tokens a character span ``[start, end)`` touches, as ``(first, last + 1)``; a
    span between tokens takes the next token (the last one at the end)."""
    first = last = None
    for i, (s, e) in enumerate(view.spans):
        if s < end and e > start:
            if first is None:
                first = i
            last = i
        elif s >= end:
            break
    if first is not None:
        return first, last + 1
    for i, (s, _) in enumerate(view.spans):
        if s >= start:
            return i, i + 1
    n = len(view.spans)
    return max(n - 1, 0), max(n, 1)


def _squash(x: float) -> float:
    return x / (abs(x) + 2.0)


def _sequence(view: SentenceView, a: int, b: int, others: list[tuple[int, int]]):
    """The sentence as feature words with the target as ``<t>`` and each other target as
    ``<o>``: (token index of each, the words, the target's position)."""
    other_tokens: set[int] = set()
    for oa, ob in others:
        other_tokens.update(range(oa, ob))
    seq_index: list[int] = []
    seq_words: list[str] = []
    target_at = 0
    for i, word in enumerate(view.norm):
        if a <= i < b:
            if i == a:
                target_at = len(seq_words)
                seq_index.append(i)
                seq_words.append("<t>")
            continue
        if i in other_tokens:
            if i - 1 not in other_tokens:
                seq_index.append(i)
                seq_words.append("<o>")
            continue
        if word:
            seq_index.append(i)
            seq_words.append(word)
    return seq_index, seq_words, target_at


def target_features(
    view: SentenceView, a: int, b: int, others: list[tuple[int, int]]
) -> tuple[list[str], list[float], list[list[int]]]:
    """The features of the target at tokens ``[a, b)``, other targets at ``others``.

    Returns the sparse feature names (a name may repeat: it then counts once), the dense
    values (:data:`DENSE_NAMES`) and, per :data:`EMBEDDING_ZONES`, the token indices whose
    word vectors are averaged.
    """
    n = len(view.norm)
    norm, segment, side = view.norm, view.segment, view.side
    seg_t, side_t = segment[a], side[a]
    clause_start, clause_end = view.segment_bounds[seg_t]  # clauses are runs of tokens
    if others:
        seq_index, seq_words, target_at = _sequence(view, a, b, others)
        sparse = ["u:" + w for w in seq_words]
        clause = ["c:" + w for i, w in zip(seq_index, seq_words) if segment[i] == seg_t and i != a]
    else:  # the usual case, from the sentence's precomputed lists
        tokens = view.word_tokens
        before, after = bisect_left(tokens, a), bisect_left(tokens, b)
        target_at = before
        seq_words = [*(norm[i] for i in tokens[:before]), "<t>", *(norm[i] for i in tokens[after:])]
        sparse = [*view.unigrams[:before], "u:<t>", *view.unigrams[after:]]
        clause = view.clause_words[bisect_left(tokens, clause_start) : before]
        clause += view.clause_words[after : bisect_left(tokens, max(b, clause_end))]
    left = seq_words[max(0, target_at - NEAR) : target_at][::-1]
    right = seq_words[target_at + 1 : target_at + 1 + NEAR]
    sparse += ["l:" + w for w in left]
    sparse += ["r:" + w for w in right]
    sparse += [f"l{d}:" + w for d, w in enumerate(left[:2])]
    sparse += [f"r{d}:" + w for d, w in enumerate(right[:2])]
    sparse += clause
    # The target's shape: never its name, only what kind of mention it is.
    first_lower = view.lower[a]
    if first_lower in PRONOUNS:
        sparse.append("t:pron")
    elif first_lower in DETERMINERS:
        sparse.append("t:det")
    sparse.append("t:cap" if view.words[a][:1].isupper() else "t:low")
    target_lower = view.lower[a:b]
    if any(w in TIME_NOUNS for w in target_lower):
        sparse.append("t:time")
    if any(norm[i] == "<num>" for i in range(a, b)):
        sparse.append("t:num")
    sparse.append(f"t:len{min(b - a, 4)}")
    if target_lower[-1].endswith("'s"):
        sparse.append("t:poss")
    sparse += [
        "tw:" + norm[i]
        for i in range(a, b)
        if norm[i] and not view.words[i][:1].isupper() and view.lower[i] not in PRONOUNS
    ]
    # Lexicon valences by zone around the target (news lexicon), positive and negative apart.
    sums = [0.0] * (2 * len(ZONES))
    values = view.news_val
    for i in view.news_hits:
        if a <= i < b:
            continue
        v = values[i]
        sign = 0 if v > 0 else 1
        if segment[i] == seg_t:
            sums[sign] += v
        elif side[i] == side_t:
            sums[2 + sign] += v
        else:
            sums[4 + sign] += v
        distance = a - i if i < a else i - b + 1
        if distance <= 3:
            sums[6 + sign] += v
        if side[i] == side_t:
            sums[(8 if i < a else 10) + sign] += v
        sums[12 + sign] += v / (1.0 + distance / 4.0)
    raw_clause = sum(view.raw_val[i] for i in view.raw_hits if segment[i] == seg_t and not a <= i < b)
    dense = [view.compound_raw, view.compound_news, view.pos_news, view.neg_news]
    dense += [_squash(x) for x in sums]
    dense += [
        _squash(raw_clause),
        1.0 if others else 0.0,
        1.0 if a == 0 else 0.0,
        1.0 if first_lower in PRONOUNS else 0.0,
        1.0 if view.negated[a] else 0.0,
        _squash(sum(values[a:b])),
    ]
    left_window = list(range(max(0, a - EMBEDDING_WINDOW), a))
    right_window = list(range(b, min(n, b + EMBEDDING_WINDOW)))
    zones = [
        [*range(a), *range(b, n)],
        left_window + right_window,
        [*range(clause_start, a), *range(b, max(b, clause_end))],
        left_window,
        right_window,
    ]
    return sparse, dense, zones


def sentence_features(view: SentenceView) -> tuple[list[str], list[float], list[list[int]]]:
    """The sentence model's features: words, word pairs, VADER's sentence scores, and the
    sentence's word vectors."""
    words = [w for w in view.norm if w]
    sparse = ["u:" + w for w in words]
    sparse += ["b:" + words[j] + " " + words[j + 1] for j in range(len(words) - 1)]
    dense = [view.compound_raw, view.compound_news, view.pos_news, view.neg_news]
    return sparse, dense, [list(range(len(view.norm)))]
