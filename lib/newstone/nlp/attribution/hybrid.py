"""Hybrid attribution: the rules' attributions, extended by the learned tagger where they are silent.

The rules are precise (dev P 0.86) but find only half of PolNeAR's attributions; the
tagger (:mod:`newstone.nlp.attribution.learned`) finds more content, mostly reported speech
without quote marks, but links it to its source poorly. So the two are combined by a few
fixed rules, each chosen by measuring on held-out folds of PolNeAR train:

* a rules attribution is kept as it is, cue, source and content: where both sides found
  the same content, the rules win (unless the rules check below drops it);
* a rules attribution the tagger doubts is dropped: the rules check
  (:mod:`~.learned.rules_check`) gives each one a probability of being right from the
  tagger's probabilities over its content, cue and source; under its cut it goes, and
  its text is open to the tagger's own candidates. The precision bought there pays for
  a lower cut on the learned candidates below, the two cuts chosen together;
* a learned content that overlaps no (kept) rules content is a candidate when the tagger also
  tagged a cue in a sentence it touches (without one, 16% of such additions were right)
  and it has at least ``MIN_TOKENS`` tokens;
* its source is found by the rules' own source finder from the learned cue
  (:func:`newstone.nlp.attribution.source.source_before`, or the inverted "said X"), and
  only when that finds nothing, the tagger's nearest source run; with neither, it is
  dropped. The tagger's source run first did worse, and so did widening rules content to
  the learned boundaries (precision -0.004 for recall +0.001);
* a candidate is added when the confidence model (:mod:`~.learned.confidence`: the tagger's
  probabilities of content and cue, the lexicon, the source's agreement, a few words, …)
  gives it at least the file's cut (figures in ``docs/methodology.md``).

The speaker columns are filled afterwards by the same code as for the rules
(``resolve_speakers`` in the pipeline), from ``source``.
"""

from __future__ import annotations

import bisect

from newstone.model import ATTRIBUTION_MODES, DEFAULT_ATTRIBUTION, Attribution, Sentence, Span
from newstone.nlp.attribution.document import extract_attributions, paragraphs_of
from newstone.nlp.attribution.learned.confidence import (
    ConfidenceModel,
    candidate_features,
    candidate_words,
    confidence_model,
)
from newstone.nlp.attribution.learned.decoding import best_tags
from newstone.nlp.attribution.learned.features import article_inputs
from newstone.nlp.attribution.learned.network import Tagger, default_tagger
from newstone.nlp.attribution.learned.rules_check import TokenProbabilities, checked_rules
from newstone.nlp.attribution.learned.spans import Candidate, paragraph_candidates
from newstone.nlp.attribution.quotes import find_quotes, quote_kind
from newstone.nlp.attribution.source import inverted_source, np_forward, source_before
from newstone.nlp.attribution.tokens import tokenize
from newstone.spans import SpanIndex

MIN_TOKENS = 2


def attributions_for(text: str, sentences: list[Sentence], mode: str = DEFAULT_ATTRIBUTION) -> list[Attribution]:
    """The attributions of ``text`` by the rules alone or by the hybrid."""
    return attributions_and_doubted(text, sentences, mode)[0]


def attributions_and_doubted(
    text: str, sentences: list[Sentence], mode: str = DEFAULT_ATTRIBUTION
) -> tuple[list[Attribution], list[Attribution]]:
    """The attributions of ``text``, and the rules attributions the hybrid's check dropped
    (none for the rules alone). A dropped one is no attribution by PolNeAR's rule, but its
    source still names someone a later "he said" may refer to ("Joe Biden weighed in,
    telling Mic …, “…,” he said"): the pipeline gives them to ``resolve_speakers`` as
    context."""
    if mode == "rules":
        return extract_attributions(text, sentences), []
    if mode == "hybrid":
        return hybrid_with_doubted(text, sentences)
    raise ValueError(f"attribution must be one of {', '.join(ATTRIBUTION_MODES)}, not {mode!r}")


def hybrid_attributions(text: str, sentences: list[Sentence], tagger: Tagger | None = None) -> list[Attribution]:
    """Rules attributions the check keeps, plus learned ones where the rules are silent, in text order."""
    return hybrid_with_doubted(text, sentences, tagger)[0]


def hybrid_with_doubted(
    text: str, sentences: list[Sentence], tagger: Tagger | None = None
) -> tuple[list[Attribution], list[Attribution]]:
    """:func:`hybrid_attributions`, and the rules attributions the rules check dropped."""
    rules = extract_attributions(text, sentences)
    if not sentences:
        return rules, []
    quotes = find_quotes(text, [span for span, _ in paragraphs_of(sentences)])
    candidates, tokens = tag_article(text, sentences, rules, quotes, tagger)
    kept = checked_rules(text, rules, tokens)
    kept_ids = {id(a) for a in kept}
    doubted = [a for a in rules if id(a) not in kept_ids]
    return combine(text, sentences, rules, candidates, quotes, kept_rules=kept), doubted


def tag_article(
    text: str, sentences: list[Sentence], rules: list[Attribution], quotes: list[Span], tagger: Tagger | None = None
) -> tuple[list[Candidate], TokenProbabilities]:
    """The tagger's candidates of every paragraph, given the rules' attributions, and its
    probabilities of every token (for the rules check)."""
    tagger = tagger if tagger is not None else default_tagger()
    paragraphs, inputs = article_inputs(text, sentences, rules, quotes)
    probabilities = tagger.probabilities(inputs)
    candidates = []
    for paragraph, (tags, confidence) in zip(paragraphs, best_tags(probabilities)):
        candidates.extend(paragraph_candidates(paragraph, tags, confidence))
    return candidates, TokenProbabilities.of(paragraphs, probabilities)


def combine(
    text: str,
    sentences: list[Sentence],
    rules: list[Attribution],
    candidates: list[Candidate],
    quotes: list[Span] | None = None,
    model: ConfidenceModel | None = None,
    kept_rules: list[Attribution] | None = None,
) -> list[Attribution]:
    """The rules' attributions and the candidates they do not cover (see module docstring).
    ``quotes``: the text's quotations, when the caller has them already; ``model``: the
    confidence model (default the shipped one); ``kept_rules``: the rules attributions the
    rules check keeps (default all of ``rules``); the text of a dropped one is open to the
    tagger's candidates."""
    model = model if model is not None else confidence_model()
    kept = rules if kept_rules is None else kept_rules
    added = [
        attribution
        for attribution, features, words in linked_candidates(text, sentences, kept, candidates, quotes)
        if model.probability(features, words) >= model.cut
    ]
    return sorted(kept + added, key=lambda a: (a.start, a.end))


def linked_candidates(
    text: str,
    sentences: list[Sentence],
    rules: list[Attribution],
    candidates: list[Candidate],
    quotes: list[Span] | None = None,
) -> list[tuple[Attribution, list[float], list[str]]]:
    """The candidates :func:`combine` may keep, each as the attribution it would add, with
    its confidence features and words: a cue, ``MIN_TOKENS`` tokens, no overlap with rules content,
    and a source (the rules' finder at the cue, else the tagger's) outside the content."""
    taken = _rules_content(rules)
    if quotes is None:
        quotes = find_quotes(text, [span for span, _ in paragraphs_of(sentences)])
    out = []
    for candidate in candidates:
        if candidate.cue is None or candidate.tokens < MIN_TOKENS or any(taken.overlaps(s) for s in candidate.spans):
            continue
        found = rules_source(text, sentences, quotes, candidate.cue)
        source = found if found is not None else candidate.source
        if source is None or any(_inside(source, s) for s in candidate.spans):
            continue
        if found is None and candidate.cue[0] < candidate.spans[0][0] <= candidate.spans[-1][1] <= source[0]:
            # cue, content, then the tagger's source run: that run is the next clause's
            # subject ("…, prompting sanctions that China adhered to, but the United States
            # has said …"); no attribution is written in that order
            continue
        spans = list(candidate.spans)
        kind = quote_kind(spans, quotes)
        features = candidate_features(text, candidate, source, found, kind)
        attribution = Attribution(kind=kind, spans=spans, cue=candidate.cue, source=source)
        out.append((attribution, features, candidate_words(text, candidate)))
    return out


def rules_source(text: str, sentences: list[Sentence], quotes: list[Span], cue: Span) -> Span | None:
    """The source the rules' finder gives for a cue at ``cue``: the noun phrase before it,
    or after it for an inverted cue ("…, said X"). None when the cue is not a token start
    of its sentence or the finder finds nothing."""
    starts = [s.start for s in sentences]
    k = bisect.bisect_right(starts, cue[0]) - 1
    if k < 0:
        return None
    sent = sentences[k]
    tokens, _ = tokenize(text, sent.start, sent.end, quotes, 0)
    index = next((i for i, t in enumerate(tokens) if t.start == cue[0]), None)
    if index is None:
        return None
    last = next((i for i in range(index, len(tokens)) if tokens[i].end >= cue[1]), index)
    if index > 0 and last + 1 < len(tokens) and inverted_source(tokens, index, last + 1):
        end = np_forward(tokens, last + 1, len(tokens))
        while end > last + 1 and "\n" in text[tokens[last + 1].start : tokens[end].start]:
            end -= 1
        if end > last:
            return tokens[last + 1].start, tokens[end].end
    first, source_last, _ = source_before(tokens, index)
    if first is None:
        return None
    while first < source_last and "\n" in text[tokens[first].end : tokens[source_last].start]:
        first += 1  # a sentence run over a line break ("… Carson Had Dropped Out\nTed Cruz apologized")
    return tokens[first].start, tokens[source_last].end


def _rules_content(rules: list[Attribution]) -> SpanIndex:
    """The rules' content spans, to ask whether a learned run overlaps one."""
    return SpanIndex((span, None) for a in rules for span in a.spans)


def _inside(source: Span, content: Span) -> bool:
    return content[0] <= source[0] and source[1] <= content[1]
