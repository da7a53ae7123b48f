"""Every stage on any text: sentences, attribution with speakers, countries and tone
return, each offset gives back its string, content never overlaps its cue; then the
whole per-article pipeline on the same text, rows checked column by column.

The stages also run on text as it is (all of it one region), not only on the body a
reader finds, since rules must not rely on what a reader happened to remove."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from newstone.ingest.decode import normalise_newlines
from newstone.ingest.plaintext import parse_plain_text
from newstone.nlp.attribution.document import extract_attributions
from newstone.nlp.countries import default_matcher
from newstone.nlp.sentences import split_sentences
from newstone.nlp.speakers.coreference import resolve_speakers
from newstone.nlp.speakers.facts import fill_speaker_country
from newstone.nlp.tone.news import tone
from newstone.pipeline import process_article
from tests.property.checks import check_article, check_attribution, check_inside, check_rows, check_sentences
from tests.property.strategies import texts


def check_stages(text: str, regions) -> None:
    sentences = split_sentences(text, regions)
    check_sentences(text, sentences, regions)

    attributions = resolve_speakers(text, extract_attributions(text, sentences))
    for attribution in attributions:
        fill_speaker_country(text, attribution)
        check_attribution(text, attribution)
        assert attribution.speaker is None or attribution.speaker.strip(), attribution
        assert attribution.speaker_country is None or len(attribution.speaker_country) == 3, attribution

    previous = None
    for mention in default_matcher().find(text, regions):
        check_inside(text, mention.start, mention.end, "mention")
        assert mention.start < mention.end and text[mention.start : mention.end] == mention.surface, mention
        assert any(s <= mention.start and mention.end <= e for s, e in regions), ("outside the regions", mention)
        assert mention.country is None or len(mention.country) == 3, mention
        assert previous is None or previous.end <= mention.start, ("mentions overlap", previous, mention)
        previous = mention


def check_tone(text: str) -> None:
    for scorer in ("news", "vader"):
        scores = tone(text, scorer)
        assert all(math.isfinite(v) for v in scores.values()), scores
        assert -1 <= scores["compound"] <= 1 and all(0 <= scores[k] <= 1 for k in ("pos", "neu", "neg")), scores


@given(texts(), st.booleans())
def test_every_stage_on_any_text(raw, whole):
    article = parse_plain_text("t", normalise_newlines(raw))
    check_article(article)
    if whole:  # the text as given: carriage returns, lone surrogates and all
        check_stages(raw, [(0, len(raw))])
    else:
        check_stages(article.text, article.body_spans)
    check_tone(raw)
    check_rows(article, process_article(article))
