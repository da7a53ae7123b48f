"""The public tables (``newstone.parse_text``) on any text: offsets give back every string,
content never overlaps its cue, quote ids are unique in each article, speakers resolve."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings

import newstone
from tests.property.strategies import texts


def _present(value) -> bool:
    return value is not None and not pd.isna(value)


@settings(max_examples=max(1, settings().max_examples // 2))  # pandas frames and the identity pass cost
@given(texts())
def test_parse_text_tables(raw):
    corpus = newstone.parse_text(raw)
    (article,) = corpus.articles.itertuples()
    assert not _present(article.error), article.error
    text = article.text
    for s in corpus.sentences.itertuples():
        assert 0 <= s.start < s.end <= len(text) and text[s.start : s.end] == s.text
    quotes = corpus.quotes
    assert quotes["quote_id"].is_unique
    for q in quotes.itertuples():
        pieces = [(int(s), int(e)) for s, e in q.spans]
        assert pieces and all(0 <= s < e <= len(text) for s, e in pieces)
        assert q.text == " ".join(text[s:e] for s, e in pieces)
        if _present(q.cue_start):
            assert text[q.cue_start : q.cue_end] == q.cue
            assert all(e <= q.cue_start or s >= q.cue_end for s, e in pieces), q
        if _present(q.speaker_start):
            assert text[q.speaker_start : q.speaker_end] == q.speaker_mention
        if _present(q.speaker):
            assert q.speaker.strip() and _present(q.speaker_id), q
    for m in corpus.mentions.itertuples():
        assert text[m.start : m.end] == m.surface
    speakers = corpus.speakers
    named = set(quotes.loc[quotes["speaker"].notna(), "speaker_id"])
    assert named <= set(speakers["speaker_id"]), (named, list(speakers["speaker_id"]))
