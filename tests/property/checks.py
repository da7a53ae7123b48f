"""The invariants every article's rows keep, whatever the text: the properties assert them
on generated text, the regression tests on the shrunk examples the fuzzing found."""

from __future__ import annotations

import math

from newstone.model import Article, ArticleRows, Attribution, Sentence


def check_inside(text: str, start, end, what: str) -> None:
    assert isinstance(start, int) and isinstance(end, int), (what, start, end)
    assert 0 <= start <= end <= len(text), (what, start, end, len(text))


def check_article(article: Article) -> None:
    """What a reader gives: an error row without text, or text with its body inside it."""
    assert isinstance(article, Article)
    assert isinstance(article.article_id, str) and article.article_id
    if article.error is not None:
        assert isinstance(article.error, str) and article.error
        assert article.text == ""
        return
    assert isinstance(article.text, str)
    for value in (article.article_id, article.text, article.title, article.byline, article.source, article.published):
        if value is not None:  # written to Parquet, CSV and JSON as UTF-8
            value.encode("utf-8")
    previous_end = 0
    for start, end in article.body_spans:
        check_inside(article.text, start, end, "body span")
        assert start >= previous_end, ("body spans overlap or go back", article.body_spans)
        previous_end = end
    if article.title_span is not None:
        check_inside(article.text, *article.title_span, "title span")


def check_sentences(text: str, sentences: list[Sentence], regions) -> None:
    previous_end = 0
    for sentence in sentences:
        check_inside(text, sentence.start, sentence.end, "sentence")
        assert sentence.start < sentence.end, sentence
        assert sentence.start >= previous_end, ("sentences overlap or go back", sentence)
        assert not text[sentence.start].isspace() and not text[sentence.end - 1].isspace(), sentence
        assert any(s <= sentence.start and sentence.end <= e for s, e in regions), ("outside the body", sentence)
        previous_end = sentence.end


def check_attribution(text: str, attribution: Attribution) -> None:
    assert attribution.kind in ("direct", "indirect", "mixed"), attribution
    assert attribution.spans, attribution
    for start, end in attribution.spans:
        check_inside(text, start, end, "content")
        assert start < end, ("empty content piece", attribution)
    if attribution.cue is not None:
        cue_start, cue_end = attribution.cue
        check_inside(text, cue_start, cue_end, "cue")
        assert cue_start < cue_end, attribution
        for start, end in attribution.spans:
            assert end <= cue_start or start >= cue_end, ("content overlaps the cue", attribution)
    if attribution.source is not None:
        check_inside(text, *attribution.source, "source")
        assert attribution.source[0] < attribution.source[1], attribution


def check_tone(row: dict) -> None:
    for key in ("compound", "tone"):
        assert isinstance(row[key], float) and math.isfinite(row[key]) and -1 <= row[key] <= 1, (key, row)
    for key in ("pos", "neu", "neg"):
        assert math.isfinite(row[key]) and 0 <= row[key] <= 1, (key, row)


def check_rows(article: Article, rows: ArticleRows) -> None:
    """Every offset of every row gives back its string; content never overlaps its cue;
    ids unique; no stage failed (a failure would be the row's ``error``)."""
    text = article.text
    assert rows.article["error"] is None, rows.article["error"]
    assert rows.article["text"] == text
    for row in rows.sentences:
        check_inside(text, row["start"], row["end"], "sentence row")
        assert text[row["start"] : row["end"]] == row["text"]
        check_tone(row)
    assert [r["sentence_id"] for r in rows.sentences] == list(range(len(rows.sentences)))
    quote_ids = [q["quote_id"] for q in rows.quotes]
    assert len(set(quote_ids)) == len(quote_ids), quote_ids
    for q in rows.quotes:
        spans = q["spans"]
        assert spans
        for start, end in spans:
            check_inside(text, start, end, "quote piece")
            assert start < end
            if q["cue_start"] is not None:
                assert end <= q["cue_start"] or start >= q["cue_end"], ("content overlaps the cue", q)
        assert q["text"] == " ".join(text[s:e] for s, e in spans)
        assert (q["start"], q["end"]) == (min(s for s, _ in spans), max(e for _, e in spans))
        if q["cue_start"] is not None:
            check_inside(text, q["cue_start"], q["cue_end"], "cue")
            assert text[q["cue_start"] : q["cue_end"]] == q["cue"]
        else:
            assert q["cue"] is None and q["cue_end"] is None
        if q["speaker_start"] is not None:
            check_inside(text, q["speaker_start"], q["speaker_end"], "speaker mention")
            assert text[q["speaker_start"] : q["speaker_end"]] == q["speaker_mention"]
        else:
            assert q["speaker_mention"] is None and q["speaker_end"] is None
        assert all(0 <= i < len(rows.sentences) for i in q["sentence_ids"]), q
        assert q["speaker"] is None or (isinstance(q["speaker"], str) and q["speaker"].strip()), q
        check_tone(q)
    for m in rows.mentions:
        check_inside(text, m["start"], m["end"], "mention")
        assert m["start"] < m["end"]
        assert text[m["start"] : m["end"]] == m["surface"]
        assert m["sentence_id"] is None or 0 <= m["sentence_id"] < len(rows.sentences)
        assert m["quote_id"] is None or m["quote_id"] in quote_ids
    assert rows.article["n_quotes"] == len(rows.quotes)
