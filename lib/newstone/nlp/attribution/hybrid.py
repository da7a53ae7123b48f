"""Hybrid attribution: the rules' attributions, extended by the learned tagger where they are silent.

The rules are precise (dev P 0.86) but find only half of PolNeAR's attributions; the
tagger (:mod:`newstone.nlp.attribution.learned`) finds more content, mostly reported speech
without quote marks, but links it to its source poorly. So the two are combined by a few
fixed rules, each chosen by measuring on held-out folds of PolNeAR train:

* a rules attribution is kept as it is, cue, source and content: where both sides found
  the same content, the rules win;
* a learned content that overlaps no rules content is a new attribution when the tagger
  also tagged a cue in a sentence it touches (without one, 16% of such additions were
  right), it has at least ``MIN_TOKENS`` tokens, and the mean marginal probability of its
  content tags is at least ``MIN_CONFIDENCE`` (0.80: the cut that keeps precision above
  0.82 on the held-out folds, 0.831, for F1 0.649 against the rules' 0.628);
* its source is found by the rules' own source finder from the learned cue
  (:func:`newstone.nlp.attribution.source.source_before`, or the inverted "said X"), and
  only when that finds nothing, the tagger's nearest source run; with neither, it is
  dropped. The tagger's source run first did worse, and so did widening rules content to
  the learned boundaries (precision -0.004 for recall +0.001).

The speaker columns are filled afterwards by the same code as for the rules
(``resolve_speakers`` in the pipeline), from ``source``.
"""

from __future__ import annotations

import bisect

from newstone.model import Attribution, Sentence, Span
from newstone.nlp.attribution.document import extract_attributions, paragraphs_of
from newstone.nlp.attribution.learned.features import Paragraph, article_inputs
from newstone.nlp.attribution.learned.model import default_tagger
from newstone.nlp.attribution.learned.spans import (
    Candidate,
    Run,
    paragraph_candidates,
    run_span,
    sentence_numbers,
    tag_runs,
)
from newstone.nlp.attribution.quotes import find_quotes, quote_kind
from newstone.nlp.attribution.source import inverted_source, np_forward, source_before
from newstone.nlp.attribution.tokens import tokenize

MIN_TOKENS = 2
MIN_CONFIDENCE = 0.80

MODES = ("rules", "hybrid")


def attributions_for(text: str, sentences: list[Sentence], mode: str = "rules") -> list[Attribution]:
    """The attributions of ``text`` by the rules alone or by the hybrid."""
    if mode == "rules":
        return extract_attributions(text, sentences)
    if mode == "hybrid":
        return hybrid_attributions(text, sentences)
    raise ValueError(f"attribution must be one of {', '.join(MODES)}, not {mode!r}")


def hybrid_attributions(text: str, sentences: list[Sentence], tagger=None) -> list[Attribution]:
    """Rules attributions plus the learned ones where the rules are silent, in text order."""
    rules = extract_attributions(text, sentences)
    if not sentences:
        return rules
    tagger = tagger if tagger is not None else default_tagger()
    quotes = find_quotes(text, [span for span, _ in paragraphs_of(sentences)])
    taken = sorted(s for a in rules for s in a.spans)
    paragraphs, features = article_inputs(text, sentences, rules, quotes)
    candidates = []
    for paragraph, feats in zip(paragraphs, features):
        tagger.set(feats)
        tags = tagger.tag()
        runs = tag_runs(tags)
        probs = content_marginals(tagger, paragraph, tags, runs, taken)
        candidates.extend(paragraph_candidates(paragraph, tags, probs, runs))
    return combine(text, sentences, rules, candidates, quotes)


def tag_with_marginals(tagger, features: list[tuple[str, ...]]) -> tuple[list[str], list[float]]:
    """The best tag sequence and, per content token, the marginal probability of its tag
    (how sure the model is, all other sequences summed over: the confidence a candidate is
    cut at); 1 for other tokens, whose confidence is never asked."""
    tagger.set(features)
    tags = tagger.tag()
    return tags, [tagger.marginal(tag, t) if tag[-1] == "C" else 1.0 for t, tag in enumerate(tags)]


def content_marginals(tagger, paragraph: Paragraph, tags: list[str], runs: list[Run], taken: list[Span]) -> list[float]:
    """What :func:`tag_with_marginals` gives for the tagged paragraph (``tagger`` holds it),
    but asked only for content runs whose candidate :func:`combine` can keep: 1 for the
    tokens of a content run with no cue run in a sentence it touches (its candidate has no
    cue) or overlapping a rules content (its candidate overlaps it too). Asking CRFsuite
    for a marginal costs more than tagging, so this saves most of the asking without
    changing any output."""
    probs = [1.0] * len(tags)
    cue_sentences = None
    for run in runs:
        if run.kind != "C":
            continue
        if cue_sentences is None:
            sentence_of = sentence_numbers(paragraph)
            cue_sentences = {sentence_of[r.first] for r in runs if r.kind == "K"}
        if not any(sentence_of[run.first] <= s <= sentence_of[run.last] for s in cue_sentences):
            continue
        if _overlaps(taken, run_span(paragraph.spans, run)):
            continue
        for t in range(run.first, run.last + 1):
            probs[t] = tagger.marginal(tags[t], t)
    return probs


def combine(
    text: str,
    sentences: list[Sentence],
    rules: list[Attribution],
    candidates: list[Candidate],
    quotes: list[Span] | None = None,
) -> list[Attribution]:
    """The rules' attributions and the candidates they do not cover (see module docstring).
    ``quotes``: the text's quotations, when the caller has them already."""
    taken = sorted(s for a in rules for s in a.spans)
    if quotes is None:
        quotes = find_quotes(text, [span for span, _ in paragraphs_of(sentences)])
    added: list[Attribution] = []
    for candidate in candidates:
        if (
            candidate.cue is None
            or candidate.tokens < MIN_TOKENS
            or candidate.confidence < MIN_CONFIDENCE
            or any(_overlaps(taken, s) for s in candidate.spans)
        ):
            continue
        source = link_source(text, sentences, quotes, candidate)
        if source is None or any(_inside(source, s) for s in candidate.spans):
            continue
        spans = list(candidate.spans)
        added.append(Attribution(kind=quote_kind(spans, quotes), spans=spans, cue=candidate.cue, source=source))
    return sorted(rules + added, key=lambda a: (a.start, a.end))


def link_source(text: str, sentences: list[Sentence], quotes: list[Span], candidate: Candidate) -> Span | None:
    """The source of a learned attribution: the rules' source finder at the learned cue,
    else the tagger's own source run."""
    found = rules_source(text, sentences, quotes, candidate.cue)
    return found if found is not None else candidate.source


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
        if end > last:
            return tokens[last + 1].start, tokens[end].end
    first, source_last, _ = source_before(tokens, index)
    if first is None:
        return None
    return tokens[first].start, tokens[source_last].end


def _overlaps(sorted_spans: list[Span], span: Span) -> bool:
    """Whether ``span`` overlaps any of ``sorted_spans`` (sorted by start)."""
    k = bisect.bisect_left(sorted_spans, (span[1], span[1]))
    return any(e > span[0] for _, e in sorted_spans[:k])


def _inside(source: Span, content: Span) -> bool:
    return content[0] <= source[0] and source[1] <= content[1]
