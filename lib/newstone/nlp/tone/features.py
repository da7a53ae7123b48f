"""How the learned tone models read a sentence and a target in it.

:func:`read_sentence` reads a sentence once (tokens, VADER valences under VADER's negation
and booster rules, clauses and contrasts, word-vector keys); :func:`target_features` gives a
target's features from it, :func:`sentence_features` the sentence model's. What the features
are, and why, is in :mod:`newstone.nlp.tone.toward`'s docstring; ``FEATURE_VERSION`` is
stored in the model files, so a model trained on other features is refused, not misread.

Speed: a token's forms and lexicon facts are remembered per whitespace token; a sentence's
clause marks come from runs between clause boundaries, not token by token; the news
lexicon's valences are recomputed only near the words it changes. Scoring
(:func:`newstone.nlp.tone.toward.score_view`) reads :func:`plain_target`,
:func:`target_shape`, :func:`target_dense` and :func:`zone_runs`'s definitions directly
rather than the feature names; ``tests/nlp/tone/test_toward.py`` checks that both give the
same results.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import add, or_, sub

from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SentimentIntensityAnalyzer

from newstone.nlp.tone.news import ascii_quotes, get_scorer
from newstone.nlp.tone.vader import _score_valence, _strip_token, _word_valence
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


@dataclass(slots=True)
class SentenceView:
    """A sentence read once for all its targets: whitespace tokens as VADER splits them,
    their valences under both lexicons, clause and contrast marks, negation scope."""

    spans: list[tuple[int, int]]
    words: tuple[str, ...]  # VADER's tokens (edge punctuation stripped), original case
    lower: tuple[str, ...]
    norm: tuple[str, ...]  # the token as a feature word ("" when it is punctuation only)
    embed: tuple[str, ...]  # the token as a word-vector key ("" when none)
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
    feature_words: list[str]  # their feature words
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
    """VADER's valence of each token (negation, boosters, capitals; before its "but" rule):
    the plain definition, which :func:`read_sentence` computes faster (tests compare them)."""
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
_TOKEN_FORMS: dict[str, tuple] = {}


def _token_forms(raw: str) -> tuple:
    """A whitespace token's columns, remembered (news repeats its words; the memo is emptied
    at 200,000): its VADER word, lower case, feature word, word-vector key, unigram and
    clause feature names, and whether it opens a clause, ends one, negates, is a raw-lexicon
    word VADER scores, is a word the news lexicon changes."""
    word = _strip_token(raw)
    lower = word.lower()
    dash = raw in ("-", "--")
    raw_lexicon, _ = _lexicons()
    norm = feature_word(lower)
    forms = (
        word,
        lower,
        norm,
        embedding_word(raw),
        "u:" + norm,
        "c:" + norm,
        raw[0] in _CLAUSE_START or dash or lower in CLAUSE_OPENERS,
        raw[-1] in _CLAUSE_END or dash,
        lower in _NEGATIONS or lower.endswith("n't"),
        lower in raw_lexicon and lower not in BOOSTER_DICT,
        lower in _news_changes(),
    )
    if len(_TOKEN_FORMS) >= 200_000:
        _TOKEN_FORMS.clear()
    _TOKEN_FORMS[raw] = forms
    return forms


def _news_valences(words, lower, changed: list[int], raw_val: list[float], cap_diff: bool) -> list[float]:
    """:func:`_valences` with the news lexicon, from the raw ones: a token's valence reads
    the lexicon at its own word, the three before it and the one after it, so only tokens
    near a word the news lexicon changes are scored again."""
    n = len(words)
    near: set[int] = set()
    for c in changed:
        near.update(range(max(0, c - 1), min(n, c + 4)))
    out = list(raw_val)
    lexicon = _lexicons()[1]
    for i in near:
        word = lower[i]
        if word in lexicon and word not in BOOSTER_DICT and not (i < n - 1 and word == "kind" and lower[i + 1] == "of"):
            out[i] = _word_valence(i, words, lower, lexicon, cap_diff)
        else:
            out[i] = 0.0
    return out


def _token_spans(text: str, raws: list[str]) -> list[tuple[int, int]]:
    """Each token's ``(start, end)`` in ``text``."""
    if text == " ".join(raws):  # the usual case: single spaces
        sizes = list(map(len, raws))
        ends = list(map(sub, accumulate(map(add, sizes, repeat(1))), repeat(1)))
        return list(zip(map(sub, ends, sizes), ends))
    spans = []
    find = text.find
    position = 0
    for raw in raws:
        start = find(raw, position)
        position = start + len(raw)
        spans.append((start, position))
    return spans


def read_sentence(sentence: str) -> SentenceView:
    """Tokens, valences and clause marks of ``sentence`` (typographic quotes read as ASCII)."""
    text = ascii_quotes(sentence)
    raws = text.split()
    n = len(raws)
    if not n:
        return SentenceView(*([[]] * 11), 0.0, 0.0, 0.0, 0.0, *([[]] * 6))
    spans = _token_spans(text, raws)
    memo = _TOKEN_FORMS
    forms = [memo.get(raw) or _token_forms(raw) for raw in raws]
    words, lower, norm, embed, unigram_names, clause_names, opens, ends, negates, raw_words, changes = zip(*forms)
    tokens = range(n)
    cap_diff = 0 < n - sum(map(str.isupper, words)) < n  # vader.py's _cap_differential
    raw_lexicon = _lexicons()[0]
    raw_val = [0.0] * n
    for i in compress(tokens, raw_words):
        if not (lower[i] == "kind" and i < n - 1 and lower[i + 1] == "of"):
            raw_val[i] = _word_valence(i, words, lower, raw_lexicon, cap_diff)
    if any(changes):
        news_val = _news_valences(words, lower, list(compress(tokens, changes)), raw_val, cap_diff)
    else:  # no word the news lexicon changes: same valences
        news_val = raw_val
    # Clauses: a new one at a token that opens one or after a token that ends one; a new
    # contrast side when it opens with a contrast word or follows a semicolon; negation
    # scope from the token after a negation to the end of its clause.
    starts = [0, *compress(range(1, n), map(or_, ends, opens[1:]))]
    stops = [*starts[1:], n]
    negations = list(compress(tokens, negates))
    segment, side, negated = [], [], []
    sd = 0
    for k, (start, stop) in enumerate(zip(starts, stops)):
        if k and (lower[start] in CONTRAST or raws[start - 1][-1] == ";"):
            sd += 1
        segment += [k] * (stop - start)
        side += [sd] * (stop - start)
        first = next((i for i in negations if start <= i < stop), stop - 1) if negations else stop - 1
        negated += [False] * (first + 1 - start)
        negated += [True] * (stop - first - 1)
    # VADER's sentence scores from the same valences (its "but" rule, then its sums).
    if "but" in lower:
        raw_scores = _score_valence(_but_check(words, list(raw_val)), text)
        news_scores = _score_valence(_but_check(words, list(news_val)), text)
    else:
        raw_scores = _score_valence(raw_val, text)
        news_scores = raw_scores if news_val is raw_val else _score_valence(news_val, text)
    raw_hits = list(compress(tokens, raw_val))
    word_tokens = list(compress(tokens, norm))
    return SentenceView(
        spans=spans,
        words=words,
        lower=lower,
        norm=norm,
        embed=embed,
        raw_val=raw_val,
        news_val=news_val,
        segment=segment,
        segment_bounds=list(zip(starts, stops)),
        side=side,
        negated=negated,
        compound_raw=raw_scores["compound"],
        compound_news=news_scores["compound"],
        pos_news=news_scores["pos"],
        neg_news=news_scores["neg"],
        news_hits=raw_hits if news_val is raw_val else list(compress(tokens, news_val)),
        raw_hits=raw_hits,
        word_tokens=word_tokens,
        feature_words=list(compress(norm, norm)),
        unigrams=list(compress(unigram_names, norm)),
        clause_words=list(compress(clause_names, norm)),
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
    view: SentenceView, a: int, b: int, others: list[tuple[int, int]], with_zones: bool = True
) -> tuple[list[str], list[float], list[list[int]] | None]:
    """The features of the target at tokens ``[a, b)``, other targets at ``others``.

    Returns the sparse feature names (a name may repeat: it then counts once), the dense
    values (:data:`DENSE_NAMES`) and, per :data:`EMBEDDING_ZONES`, the token indices whose
    word vectors are averaged (None unless ``with_zones``: scoring reads
    :func:`zone_runs` instead).
    """
    segment = view.segment
    seg_t = segment[a]
    if others:
        seq_index, seq_words, target_at = _sequence(view, a, b, others)
        sparse = ["u:" + w for w in seq_words]
        clause = ["c:" + w for i, w in zip(seq_index, seq_words) if segment[i] == seg_t and i != a]
        left = seq_words[max(0, target_at - NEAR) : target_at][::-1]
        right = seq_words[target_at + 1 : target_at + 1 + NEAR]
    else:  # the usual case, from the sentence's precomputed lists
        before, after, clause_from, clause_to = plain_target(view, a, b)
        words = view.feature_words
        sparse = [*view.unigrams[:before], "u:<t>", *view.unigrams[after:]]
        clause = [*view.clause_words[clause_from:before], *view.clause_words[after:clause_to]]
        left = words[max(0, before - NEAR) : before][::-1]
        right = words[after : after + NEAR]
    sparse += ["l:" + w for w in left]
    sparse += ["r:" + w for w in right]
    sparse += [f"l{d}:" + w for d, w in enumerate(left[:2])]
    sparse += [f"r{d}:" + w for d, w in enumerate(right[:2])]
    sparse += clause
    sparse += target_shape(view, a, b)
    dense = target_dense(view, a, b, others)
    if not with_zones:
        return sparse, dense, None
    zones = [[i for start, stop in runs for i in range(start, stop)] for runs in zone_runs(view, a, b)]
    return sparse, dense, zones


def plain_target(view: SentenceView, a: int, b: int) -> tuple[int, int, int, int]:
    """For a target at tokens ``[a, b)`` with no other target in its sentence, positions in
    ``view.feature_words``: the target's first word and the first word after it, the first
    word of its clause and the first word after its clause."""
    tokens = view.word_tokens
    clause_start, clause_end = view.segment_bounds[view.segment[a]]
    return (
        bisect_left(tokens, a),
        bisect_left(tokens, b),
        bisect_left(tokens, clause_start),
        bisect_left(tokens, max(b, clause_end)),
    )


def target_shape(view: SentenceView, a: int, b: int) -> list[str]:
    """The target's shape: never its name, only what kind of mention it is (pronoun,
    determiner, capitals, date, number, length, possessive) and its lower-case words."""
    norm = view.norm
    shape = []
    first_lower = view.lower[a]
    if first_lower in PRONOUNS:
        shape.append("t:pron")
    elif first_lower in DETERMINERS:
        shape.append("t:det")
    shape.append("t:cap" if view.words[a][:1].isupper() else "t:low")
    target_lower = view.lower[a:b]
    if any(w in TIME_NOUNS for w in target_lower):
        shape.append("t:time")
    if any(norm[i] == "<num>" for i in range(a, b)):
        shape.append("t:num")
    shape.append(f"t:len{min(b - a, 4)}")
    if target_lower[-1].endswith("'s"):
        shape.append("t:poss")
    shape += [
        "tw:" + norm[i]
        for i in range(a, b)
        if norm[i] and not view.words[i][:1].isupper() and view.lower[i] not in PRONOUNS
    ]
    return shape


def target_dense(view: SentenceView, a: int, b: int, others) -> list[float]:
    """The dense features (:data:`DENSE_NAMES`) of the target at tokens ``[a, b)``."""
    segment, side = view.segment, view.side
    seg_t, side_t = segment[a], side[a]
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
    dense += [x / (abs(x) + 2.0) for x in sums]
    dense += [
        _squash(raw_clause),
        1.0 if others else 0.0,
        1.0 if a == 0 else 0.0,
        1.0 if view.lower[a] in PRONOUNS else 0.0,
        1.0 if view.negated[a] else 0.0,
        _squash(sum(values[a:b])),
    ]
    return dense


def zone_runs(view: SentenceView, a: int, b: int) -> list[list[tuple[int, int]]]:
    """Per :data:`EMBEDDING_ZONES`, the runs of tokens ``(start, stop)`` whose word vectors
    are averaged for the target at tokens ``[a, b)``: the sentence without the target, the
    window of :data:`EMBEDDING_WINDOW` words each side, the target's clause, left, right."""
    n = len(view.norm)
    clause_start, clause_end = view.segment_bounds[view.segment[a]]
    left = (max(0, a - EMBEDDING_WINDOW), a)
    right = (b, min(n, b + EMBEDDING_WINDOW))
    return [[(0, a), (b, n)], [left, right], [(clause_start, a), (b, max(b, clause_end))], [left], [right]]


def sentence_features(view: SentenceView) -> tuple[list[str], list[float], list[list[int]]]:
    """The sentence model's features: words, word pairs, VADER's sentence scores, and the
    sentence's word vectors."""
    words = [w for w in view.norm if w]
    sparse = ["u:" + w for w in words]
    sparse += ["b:" + words[j] + " " + words[j + 1] for j in range(len(words) - 1)]
    dense = [view.compound_raw, view.compound_news, view.pos_news, view.neg_news]
    return sparse, dense, [list(range(len(view.norm)))]
