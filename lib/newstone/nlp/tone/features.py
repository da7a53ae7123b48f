"""How the learned tone models read a sentence and a target in it.

:func:`read_sentence` reads a sentence once (tokens, VADER valences under VADER's negation
and booster rules, clauses and contrasts, word-vector keys); :func:`target_features` gives a
target's features from it, :func:`sentence_features` the sentence model's. What the features
are, and why, is in :mod:`newstone.nlp.tone.toward`'s docstring; ``FEATURE_VERSION`` is
stored in the model files, so a model trained on other features is refused, not misread.

Speed: a token's forms and lexicon facts are remembered per whitespace token; a sentence's
clause marks come from runs between clause boundaries, not token by token; a token's
valence is its lexicon entry unless one of VADER's rule words (a booster, a negation, "no",
"least" ...) is among it and the three words before it, it is in capitals (when capitals
count) or the sentence holds one of VADER's idioms: only those tokens go through VADER's
rules (the tests compare both with vaderSentiment on thousands of sentences). Scoring
(:func:`newstone.nlp.tone.toward.score_view`) reads :func:`plain_target`,
:func:`target_shape`, :func:`target_dense` and :func:`zone_runs`'s definitions directly
rather than the feature names; ``tests/nlp/tone/test_toward.py`` checks that both give the
same results.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import add, or_, sub

from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES, SentimentIntensityAnalyzer

from newstone.nlp.tone.news import ascii_quotes, get_scorer
from newstone.nlp.tone.vader import _negated, _strip_token, _word_valence, score_parts
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
    their valences under both lexicons, clause and contrast marks, negation scope, and
    VADER's scores of the sentence under both lexicons."""

    starts: list[int]  # each token's first character
    ends: list[int]  # and the character after its last
    words: tuple[str, ...]  # VADER's tokens (edge punctuation stripped), original case
    lower: tuple[str, ...]
    norm: tuple[str, ...]  # the token as a feature word ("" when it is punctuation only)
    embed: tuple[str, ...]  # the token as a word-vector key ("" when none)
    raw_val: list[float]
    news_val: list[float]
    segment: list[int]  # clause index of each token
    segment_bounds: list[tuple[int, int]]  # first token and last + 1 of each clause
    side: list[int]  # contrast side of each token
    negations: list[int]  # negation words (a negation's scope runs to the end of its clause)
    compound_raw: float  # VADER's polarity_scores under its own lexicon ...
    pos_raw: float
    neu_raw: float
    neg_raw: float
    compound_news: float  # ... and under the news lexicon
    pos_news: float
    neu_news: float
    neg_news: float
    news_hits: list[int]  # tokens with a news-lexicon valence
    raw_hits: list[int]  # tokens with a raw VADER valence
    word_tokens: list[int]  # tokens with a feature word, in order
    feature_words: list[str]  # their feature words

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Each token's ``(start, end)`` in the sentence."""
        return list(zip(self.starts, self.ends))


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
# VADER's rules change a lexicon word's valence only near these words: boosters and
# negations in the three words before it (scalar_inc_dec, _negation_check), "no" and
# "least" before it or as the word itself, "so"/"this" before it (_negation_check's
# "never so" rule, whose precedence also lets "so"/"this" alone count), "kind" of "kind of".
_RULE_WORDS = frozenset(BOOSTER_DICT) | frozenset(("no", "so", "this", "least", "kind"))
# VADER's idioms and multi-word boosters (_special_idioms_check), and the longest word of
# each: a sentence with none of those words holds none of the phrases.
_PHRASES = tuple(p for p in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in p)
_PHRASE_KEYS = frozenset(max(p.split(), key=len) for p in _PHRASES)
_TOKEN_FORMS: dict[str, tuple] = {}


def _token_forms(raw: str) -> tuple:
    """A whitespace token's columns, remembered (news repeats its words; the memo is emptied
    at 200,000): its VADER word, lower case, feature word, word-vector key, whether it opens
    a clause, ends one, negates, its valence in either lexicon as VADER gives it when no rule
    word is near (0 for boosters and words outside the lexicon), whether it is a rule word
    (:data:`_RULE_WORDS`, a VADER negation), in capitals, a word the news lexicon changes.
    (No lexicon holds a valence of 0: VADER's has none, and the news update deletes a word
    it sets to 0.)"""
    word = _strip_token(raw)
    lower = word.lower()
    dash = raw in ("-", "--")
    raw_lexicon, news_lexicon = _lexicons()
    booster = lower in BOOSTER_DICT
    forms = (
        word,
        lower,
        feature_word(lower),
        embedding_word(raw),
        raw[0] in _CLAUSE_START or dash or lower in CLAUSE_OPENERS,
        raw[-1] in _CLAUSE_END or dash,
        lower in _NEGATIONS or lower.endswith("n't"),
        0.0 if booster else float(raw_lexicon.get(lower, 0.0)),
        0.0 if booster else float(news_lexicon.get(lower, 0.0)),
        lower in _RULE_WORDS or _negated(lower),
        word.isupper(),
        lower in _news_changes(),
    )
    if len(_TOKEN_FORMS) >= 200_000:
        _TOKEN_FORMS.clear()
    _TOKEN_FORMS[raw] = forms
    return forms


def _rescored(n: int, rules: tuple, upper: tuple, cap_diff: bool, lower: tuple) -> list[int] | range:
    """The tokens whose valence VADER's rules may change: those with a rule word among them
    and the three words before them, those in capitals when capitals count, every token when
    the sentence holds one of VADER's phrases."""
    if not _PHRASE_KEYS.isdisjoint(lower):
        joined = f" {' '.join(lower)} "
        if any(f" {p} " in joined for p in _PHRASES):
            return range(n)
    near: set[int] = set()
    for r in compress(range(n), rules):
        near.update(range(r, min(n, r + 4)))
    if cap_diff:
        near.update(compress(range(n), upper))
    return sorted(near)


def _token_bounds(text: str, raws: list[str]) -> tuple[list[int], list[int]]:
    """Each token's start and end in ``text``."""
    if text == " ".join(raws):  # the usual case: single spaces
        ends = list(map(sub, accumulate(map(add, map(len, raws), repeat(1))), repeat(1)))
        return list(map(sub, ends, map(len, raws))), ends
    starts, ends = [], []
    find = text.find
    position = 0
    for raw in raws:
        start = find(raw, position)
        position = start + len(raw)
        starts.append(start)
        ends.append(position)
    return starts, ends


def read_sentence(sentence: str) -> SentenceView:
    """Tokens, valences and clause marks of ``sentence`` (typographic quotes read as ASCII)."""
    text = ascii_quotes(sentence)
    raws = text.split()
    n = len(raws)
    if not n:
        return SentenceView([], [], *([()] * 4), *([[]] * 6), *([0.0] * 8), *([[]] * 4))
    starts, ends = _token_bounds(text, raws)
    memo = _TOKEN_FORMS
    forms = list(map(memo.get, raws))
    if None in forms:
        forms = [form or _token_forms(raw) for form, raw in zip(forms, raws)]
    words, lower, norm, embed, opens, closes, negates, raw_lex, news_lex, rules, upper, changes = zip(*forms)
    tokens = range(n)
    n_upper = sum(upper)
    cap_diff = 0 < n - n_upper < n  # vader.py's _cap_differential
    # Valences: a lexicon word's own, except near a rule word, in capitals, or in a
    # sentence with a VADER phrase, where VADER's rules score it (_word_valence).
    raw_val = list(raw_lex)
    news_val = list(news_lex) if any(changes) else raw_val
    if cap_diff or any(rules) or not _PHRASE_KEYS.isdisjoint(lower):
        raw_lexicon, news_lexicon = _lexicons()
        for i in _rescored(n, rules, upper, cap_diff, lower):
            word = lower[i]
            if word == "kind" and i < n - 1 and lower[i + 1] == "of":
                raw_val[i] = news_val[i] = 0.0  # VADER leaves "kind of" at 0
                continue
            if raw_lex[i]:
                raw_val[i] = _word_valence(i, words, lower, raw_lexicon, cap_diff)
            if news_lex[i] and news_val is not raw_val:
                news_val[i] = _word_valence(i, words, lower, news_lexicon, cap_diff)
    # Clauses: a new one at a token that opens one or after a token that ends one; a new
    # contrast side when it opens with a contrast word or follows a semicolon.
    breaks = list(map(or_, closes, opens[1:]))  # token i + 1 opens a clause
    clause_starts = [0, *compress(range(1, n), breaks)]
    clause_stops = [*clause_starts[1:], n]
    segment = list(accumulate(breaks, initial=0))
    contrasts = [i for i in clause_starts[1:] if lower[i] in CONTRAST or raws[i - 1][-1] == ";"]
    if contrasts:
        marks = [False] * n
        for i in contrasts:
            marks[i] = True
        side = list(accumulate(marks[1:], initial=0))
    else:
        side = [0] * n
    # VADER's sentence scores from the same valences (its "but" rule, then its sums).
    if "but" in lower:
        raw_scores = score_parts(_but_check(words, list(raw_val)), text)
        news_scores = score_parts(_but_check(words, list(news_val)), text)
    else:
        raw_scores = score_parts(raw_val, text)
        news_scores = raw_scores if news_val is raw_val else score_parts(news_val, text)
    raw_hits = list(compress(tokens, raw_val))
    return SentenceView(
        starts,
        ends,
        words,
        lower,
        norm,
        embed,
        raw_val,
        news_val,
        segment,
        list(zip(clause_starts, clause_stops)),
        side,
        list(compress(tokens, negates)),
        *raw_scores,
        *news_scores,
        raw_hits if news_val is raw_val else list(compress(tokens, news_val)),
        raw_hits,
        list(compress(tokens, norm)),
        list(compress(norm, norm)),
    )


def token_range(view: SentenceView, start: int, end: int) -> tuple[int, int]:
    """The tokens a character span ``[start, end)`` touches, as ``(first, last + 1)``; a
    span between tokens takes the next token (the last one at the end)."""
    first = bisect_right(view.ends, start)  # the first token ending after start
    stop = bisect_left(view.starts, end)  # the tokens starting before end
    if first < stop:
        return first, stop
    n = len(view.starts)
    following = bisect_left(view.starts, start)
    if following < n:
        return following, following + 1
    return max(n - 1, 0), max(n, 1)


def _squash(x: float) -> float:
    return x / (abs(x) + 2.0)


def target_sequence(view: SentenceView, a: int, b: int, others: list[tuple[int, int]]):
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
        seq_index, seq_words, target_at = target_sequence(view, a, b, others)
        sparse = ["u:" + w for w in seq_words]
        clause = ["c:" + w for i, w in zip(seq_index, seq_words) if segment[i] == seg_t and i != a]
        left = seq_words[max(0, target_at - NEAR) : target_at][::-1]
        right = seq_words[target_at + 1 : target_at + 1 + NEAR]
    else:  # the usual case, from the sentence's precomputed lists
        before, after, clause_from, clause_to = plain_target(view, a, b)
        words = view.feature_words
        sparse = ["u:" + w for w in words[:before]] + ["u:<t>"] + ["u:" + w for w in words[after:]]
        clause = ["c:" + w for w in (*words[clause_from:before], *words[after:clause_to])]
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
    raw_clause = 0.0
    raw_val = view.raw_val
    for i in view.raw_hits:
        if segment[i] == seg_t and not a <= i < b:
            raw_clause += raw_val[i]
    dense = [view.compound_raw, view.compound_news, view.pos_news, view.neg_news]
    dense += [x / (abs(x) + 2.0) for x in sums]
    dense += [
        _squash(raw_clause),
        1.0 if others else 0.0,
        1.0 if a == 0 else 0.0,
        1.0 if view.lower[a] in PRONOUNS else 0.0,
        1.0 if negated(view, a) else 0.0,
        _squash(sum(values[a:b])),
    ]
    return dense


def negated(view: SentenceView, a: int) -> bool:
    """Whether token ``a`` is in a negation's scope: after a negation word of its clause."""
    negations = view.negations
    if not negations:
        return False
    k = bisect_left(negations, view.segment_bounds[view.segment[a]][0])
    return k < len(negations) and negations[k] < a


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
