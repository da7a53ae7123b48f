"""VADER's scoring, exactly, at a fraction of the cost, for several lexicons in one pass.

vaderSentiment's ``SentimentIntensityAnalyzer.polarity_scores`` lower-cases the whole
token list again for every sentiment word it meets (in ``_negation_check`` and
``_special_idioms_check``, up to three times per word), so its cost grows with the square
of the sentence length, and scoring one text with two lexicons repeats the tokenisation.
This module runs the same algorithm with the tokens lower-cased once and scores any
number of lexicons over one tokenisation. Results are identical to vaderSentiment's:
``tests/nlp/tone/test_vader.py`` checks equality on thousands of real sentences and on every
rule's corner case; the contrastive "but" rule is vaderSentiment's own function (its
list-index quirk kept as it is), called only when the text has a "but".

Adapted from vaderSentiment 3.3.2 (MIT License, (c) C.J. Hutto). Cite: Hutto, C.J. &
Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
Social Media Text. ICWSM-14.
"""

from __future__ import annotations

import math
import string

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
    scalar_inc_dec,
)

_NEGATE = frozenset(NEGATE)
_PUNCTUATION = string.punctuation


def _negated(word_lower: str) -> bool:
    """vaderSentiment's ``negated([word])`` for one lower-case word."""
    return word_lower in _NEGATE or "n't" in word_lower


def _negation_check(valence: float, lower: list[str], start_i: int, i: int) -> float:
    if start_i == 0:
        if _negated(lower[i - 1]):
            valence = valence * N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negated(lower[i - 2]):
            valence = valence * N_SCALAR
    if start_i == 2:
        # Operator precedence kept exactly as in vaderSentiment: (A and (B or C)) or (D or E).
        if (
            lower[i - 3] == "never"
            and (lower[i - 2] == "so" or lower[i - 2] == "this")
            or (lower[i - 1] == "so" or lower[i - 1] == "this")
        ):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _negated(lower[i - 3]):
            valence = valence * N_SCALAR
    return valence


# Every word of VADER's idioms and multi-word boosters: a word with none of them in the
# six tokens _special_idioms_check reads keeps its valence, so the check is skipped.
_IDIOM_WORDS = frozenset(
    word for phrase in (*SPECIAL_CASES, *(b for b in BOOSTER_DICT if " " in b)) for word in phrase.split()
)


def _special_idioms_check(valence: float, lower: list[str], i: int) -> float:
    if _IDIOM_WORDS.isdisjoint(lower[i - 3 : i + 3]):
        return valence
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _least_check(valence: float, lower: list[str], lexicon: dict, i: int) -> float:
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence


def _word_valence(i: int, words: list[str], lower: list[str], lexicon: dict, is_cap_diff: bool) -> float:
    """``SentimentIntensityAnalyzer.sentiment_valence`` for token ``i`` (0 if not a lexicon word)."""
    item_lowercase = lower[i]
    if item_lowercase not in lexicon:
        return 0
    n = len(words)
    valence = lexicon[item_lowercase]
    if item_lowercase == "no" and i != n - 1 and lower[i + 1] in lexicon:
        valence = 0.0
    if (
        (i > 0 and lower[i - 1] == "no")
        or (i > 1 and lower[i - 2] == "no")
        or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"])
    ):
        valence = lexicon[item_lowercase] * N_SCALAR
    if words[i].isupper() and is_cap_diff:
        if valence > 0:
            valence += C_INCR
        else:
            valence -= C_INCR
    for start_i in range(0, 3):
        if i > start_i and lower[i - (start_i + 1)] not in lexicon:
            s = scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation_check(valence, lower, start_i, i)
            if start_i == 2:
                valence = _special_idioms_check(valence, lower, i)
    return _least_check(valence, lower, lexicon, i)


def _replace_emoji(text: str, emojis: dict) -> str:
    """vaderSentiment's emoji-to-description step (a no-op for the usual emoji-free text)."""
    if text.isascii():
        return text.strip()
    out = []
    prev_space = True
    for ch in text:
        if ch in emojis:
            if not prev_space:
                out.append(" ")
            out.append(emojis[ch])
            prev_space = False
        else:
            out.append(ch)
            prev_space = ch == " "
    return "".join(out).strip()


_PUNCTUATION_SET = frozenset(_PUNCTUATION)


def _strip_token(token: str) -> str:
    stripped = token.strip(_PUNCTUATION)
    return token if len(stripped) <= 2 else stripped


def _tokens(text: str) -> list[str]:
    """``SentiText._words_and_emoticons``: split on white space, strip edge punctuation
    unless that leaves two characters or fewer (emoticons). Most tokens have no edge
    punctuation, so the strip is only attempted when there is some."""
    return [
        _strip_token(token)
        if token[0] in _PUNCTUATION_SET or token[-1] in _PUNCTUATION_SET or len(token) <= 2
        else token
        for token in text.split()
    ]


def _cap_differential(words: list[str]) -> bool:
    """vaderSentiment's ``allcap_differential``: some, but not all, words are in capitals."""
    all_caps = sum(1 for word in words if word.isupper())
    return 0 < len(words) - all_caps < len(words)


def _score_valence(sentiments: list, text: str) -> dict:
    """``SentimentIntensityAnalyzer.score_valence`` (see :func:`score_parts`)."""
    compound, pos, neu, neg = score_parts(sentiments, text)
    return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}


def score_parts(sentiments: list, text: str) -> tuple[float, float, float, float]:
    """``SentimentIntensityAnalyzer.score_valence`` as ``(compound, pos, neu, neg)``: the
    same operations in the same order (punctuation emphasis, normalisation, positive /
    negative / neutral proportions), the proportions summed over the non-zero valences only
    (adding the zeros changes nothing)."""
    if not sentiments:
        return 0.0, 0.0, 0.0, 0.0
    nonzero = list(filter(None, sentiments))
    if not nonzero:  # what the arithmetic below gives when every word is neutral
        return 0.0, 0.0, 1.0, 0.0
    sum_s = float(sum(nonzero))
    ep_count = text.count("!")
    if ep_count > 4:
        ep_count = 4
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    punct_emph_amplifier = ep_amplifier + qm_amplifier
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    compound = normalize(sum_s)
    pos_sum = 0.0
    neg_sum = 0.0
    for sentiment_score in nonzero:
        if sentiment_score > 0:
            pos_sum += float(sentiment_score) + 1
        else:
            neg_sum += float(sentiment_score) - 1
    neu_count = len(sentiments) - len(nonzero)
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct_emph_amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct_emph_amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (
        round(compound, 4),
        round(math.fabs(pos_sum / total), 3),
        round(math.fabs(neu_count / total), 3),
        round(math.fabs(neg_sum / total), 3),
    )


class MultiLexiconVader:
    """Scores a text with several VADER lexicons at once, exactly as vaderSentiment would
    score it with each of them.

    ``analyzer`` supplies the emoji table and the final scoring; ``lexicons`` are
    dictionaries in VADER's format (word -> valence), e.g. raw VADER's and the news one.
    """

    def __init__(self, analyzer: SentimentIntensityAnalyzer, lexicons: list[dict]):
        self.analyzer = analyzer
        self.lexicons = lexicons
        self._emojis = analyzer.emojis
        self._but_check = SentimentIntensityAnalyzer._but_check
        # Words whose entry differs from the first lexicon's: a text containing none of
        # them scores the same with that lexicon, so its result is reused.
        first = lexicons[0]
        self._differs = [frozenset(w for w in set(first) | set(lex) if first.get(w) != lex.get(w)) for lex in lexicons]

    def polarity(self, text: str) -> list[dict]:
        """One ``polarity_scores``-style dict per lexicon, in the order given."""
        text = _replace_emoji(text, self._emojis)
        words = _tokens(text)
        lower = [w.lower() for w in words]
        is_cap_diff = _cap_differential(words)
        n = len(words)
        results: list[dict] = []
        for k, lexicon in enumerate(self.lexicons):
            if k and self._differs[k].isdisjoint(lower):
                results.append(dict(results[0]))
                continue
            # A word outside the lexicon scores 0 whatever surrounds it, so only lexicon
            # words go through the rules (each word's valence depends on the words alone,
            # never on the valences before it).
            sentiments: list = [0] * n
            for i in [i for i, item_lower in enumerate(lower) if item_lower in lexicon]:
                item_lower = lower[i]
                if item_lower in BOOSTER_DICT or (i < n - 1 and item_lower == "kind" and lower[i + 1] == "of"):
                    continue
                sentiments[i] = _word_valence(i, words, lower, lexicon, is_cap_diff)
            if "but" in lower:  # vaderSentiment's rule changes nothing without a "but"
                sentiments = self._but_check(words, sentiments)
            results.append(_score_valence(sentiments, text))
        return results
