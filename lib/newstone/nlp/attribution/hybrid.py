"""Hybrid attribution: the rules' attributions, extended by the learned tagger where they are silent.

The rules are precise (dev P 0.86) but find only half of PolNeAR's attributions; the
tagger (:mod:`newstone.nlp.attribution.learned`) finds more content, mostly reported speech
without quote marks, but links it to its source poorly. So the two are combined by a few
fixed rules, each chosen by measuring on held-out folds of PolNeAR train:

* a rules attribution is kept as it is, cue, source and content: where both sides found
  the same content, the rules win;
* a learned content that overlaps no rules content is a candidate when the tagger also
  tagged a cue in a sentence it touches (without one, 16% of such additions were right)
  and it has at least ``MIN_TOKENS`` tokens;
* its source is found by the rules' own source finder from the learned cue
  (:func:`newstone.nlp.attribution.source.source_before`, or the inverted "said X"), and
  only when that finds nothing, the tagger's nearest source run; with neither, it is
  dropped. The tagger's source run first did worse, and so did widening rules content to
  the learned boundaries (precision -0.004 for recall +0.001);
* it is added when the confidence model (:mod:`~.learned.confidence`: the tagger's
  marginals of content and cue, the lexicon, the source's agreement, a few words, …)
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
from newstone.spans import SpanIndex

MIN_TOKENS = 2


def attributions_for(text: str, sentences: list[Sentence], mode: str = DEFAULT_ATTRIBUTION) -> list[Attribution]:
    """The attributions of ``text`` by the rules alone or by the hybrid."""
    if mode == "rules":
        return extract_attributions(text, sentences)
    if mode == "hybrid":
        return hybrid_attributions(text, sentences)
    raise ValueError(f"attribution must be one of {', '.join(ATTRIBUTION_MODES)}, not {mode!r}")


def hybrid_attributions(text: str, sentences: list[Sentence], tagger=None) -> list[Attribution]:
    """Rules attributions plus the learned ones where the rules are silent, in text order."""
    rules = extract_attributions(text, sentences)
    if not sentences:
        return rules
    quotes = find_quotes(text, [span for span, _ in paragraphs_of(sentences)])
    candidates = learned_candidates(text, sentences, rules, quotes, tagger)
    return combine(text, sentences, rules, candidates, quotes)


def learned_candidates(
    text: str, sentences: list[Sentence], rules: list[Attribution], quotes: list[Span], tagger=None
) -> list[Candidate]:
    """The tagger's candidates of every paragraph, given the rules' attributions."""
    tagger = tagger if tagger is not None else default_tagger()
    taken = _rules_content(rules)
    paragraphs, features = article_inputs(text, sentences, rules, quotes)
    candidates = []
    for paragraph, feats in zip(paragraphs, features):
        tagger.set(feats)
        tags = tagger.tag()
        runs = tag_runs(tags)
        probs = content_marginals(tagger, paragraph, tags, runs, taken)
        candidates.extend(paragraph_candidates(paragraph, tags, probs, runs))
    return candidates


def tag_with_marginals(tagger, features: list[tuple[str, ...]]) -> tuple[list[str], list[float]]:
    """The best tag sequence and, per content, cue or source token, the marginal
    probability of its tag (how sure the model is, all other sequences summed over: what
    a candidate's confidence is made of); 1 for tokens tagged O, whose is never asked."""
    tagger.set(features)
    tags = tagger.tag()
    return tags, [tagger.marginal(tag, t) if tag != "O" else 1.0 for t, tag in enumerate(tags)]


def content_marginals(tagger, paragraph: Paragraph, tags: list[str], runs: list[Run], taken: SpanIndex) -> list[float]:
    """What :func:`tag_with_marginals` gives for the tagged paragraph (``tagger`` holds it),
    but asked only for content runs whose candidate :func:`combine` can keep: 1 for the
    tokens of a content run with no cue run in a sentence it touches (its candidate has no
    cue) or overlapping a rules content (its candidate overlaps it too). Asking CRFsuite
    for a marginal costs more than tagging, so this saves most of the asking without
    changing any output. When one content run is asked, so are the paragraph's cue and
    source runs (few tokens), whose confidences the candidates carry too."""
    probs = [1.0] * len(tags)
    cue_sentences = None
    asked = False
    for run in runs:
        if run.kind != "C":
            continue
        if cue_sentences is None:
            sentence_of = sentence_numbers(paragraph)
            cue_sentences = {sentence_of[r.first] for r in runs if r.kind == "K"}
        if not any(sentence_of[run.first] <= s <= sentence_of[run.last] for s in cue_sentences):
            continue
        if taken.overlaps(run_span(paragraph.spans, run)):
            continue
        for t in range(run.first, run.last + 1):
            probs[t] = tagger.marginal(tags[t], t)
        asked = True
    if asked:
        for run in runs:
            if run.kind != "C":
                for t in range(run.first, run.last + 1):
                    probs[t] = tagger.marginal(tags[t], t)
    return probs


def combine(
    text: str,
    sentences: list[Sentence],
    rules: list[Attribution],
    candidates: list[Candidate],
    quotes: list[Span] | None = None,
    model: ConfidenceModel | None = None,
) -> list[Attribution]:
    """The rules' attributions and the candidates they do not cover (see module docstring).
    ``quotes``: the text's quotations, when the caller has them already; ``model``: the
    confidence model (default the shipped one)."""
    model = model if model is not None else confidence_model()
    added = [
        attribution
        for attribution, features, words in linked_candidates(text, sentences, rules, candidates, quotes)
        if model.probability(features, words) >= model.cut
    ]
    return sorted(rules + added, key=lambda a: (a.start, a.end))


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
