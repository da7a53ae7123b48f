"""One article in, its rows of every table out: offsets round-trip, error rows, never raising
(lib/newstone/pipeline.py), end to end through ``newstone.read`` and ``parse_text``."""

import pandas as pd
import pytest

import newstone
from newstone import pipeline
from newstone.ingest.plaintext import parse_plain_text
from newstone.nlp.tone.news import ascii_quotes
from tests.helpers import SAMPLE, shared_path

# --- helpers ---


def assert_offsets_round_trip(corpus):
    """text[start:end] gives back every stored piece of every table."""
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    for row in corpus.sentences.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
    for row in corpus.mentions.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.surface
    for row in corpus.quotes.itertuples():
        text = texts[row.article_id]
        assert " ".join(text[s:e] for s, e in row.spans) == row.text
        assert row.start == min(s for s, _ in row.spans) and row.end == max(e for _, e in row.spans)
        if not pd.isna(row.cue_start):
            assert text[row.cue_start : row.cue_end] == row.cue
        if not pd.isna(row.speaker_start):
            assert text[row.speaker_start : row.speaker_end] == row.speaker_mention


def quote_by_words(corpus, words):
    hits = corpus.quotes[corpus.quotes["text"].str.contains(words, regex=False)]
    assert len(hits) >= 1, f"no quote containing {words!r}"
    return hits.iloc[0]


# --- offsets: text[start:end] gives back every stored piece ---


def test_sample_offsets_round_trip(sample_corpus):
    assert_offsets_round_trip(sample_corpus)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "\u201c\u201c\u201d\u201d\u201c",
        '"' * 500,
        "Headline only",
        "x" * 20000,
        "He said \u201cunbalanced quote and no end",
        "\u201d closing first \u201c then said.",
        "''NYT style,'' he said.\n\n'Single quotes' in 'headline', says official",
    ],
)
def test_odd_input_never_raises(text):
    corpus = newstone.parse_text(text, "odd")
    assert_offsets_round_trip(corpus)


@pytest.mark.shared
@pytest.mark.parametrize("corpus_dir", ["data/bbc/politics", "data/polnear/dev/text"])
def test_offsets_round_trip_on_real_corpora(corpus_dir):
    corpus = newstone.read(shared_path(*corpus_dir.split("/")))
    assert corpus.errors.empty
    assert len(corpus.quotes) > 100
    assert_offsets_round_trip(corpus)


def test_mentions_point_into_sentences_and_quotes(sample_corpus):
    mentions = sample_corpus.mentions
    assert mentions["sentence_id"].notna().all()
    in_quotes = mentions[mentions["quote_id"].notna()]
    assert len(in_quotes) > 0
    quotes = sample_corpus.quotes.set_index("quote_id")
    for row in in_quotes.itertuples():
        spans = quotes.loc[row.quote_id, "spans"]
        assert any(s <= row.start and row.end <= e for s, e in spans)


# --- quote rows ---


def test_direct_quote_case():
    corpus = newstone.parse_text("Headline\n\n\u201cThe talks have failed,\u201d Smith said on Monday.", "d")
    quote = corpus.quotes.iloc[0]
    assert (quote["kind"], quote["speaker_mention"], quote["cue"]) == ("direct", "Smith", "said")
    assert "The talks have failed" in quote["text"]
    assert quote["sentence_ids"] == [1]


def test_quote_tone_is_on_the_quote_words_only():
    corpus = newstone.parse_text("Talks\n\n\u201cWe are delighted,\u201d the killer said angrily.", "t")
    quote = corpus.quotes.iloc[0]
    assert "We are delighted" in quote["text"]
    assert "killer" not in quote["text"]
    # Raw VADER on the quote's words, typographic quotes read as ASCII ones.
    assert quote["compound"] == pytest.approx(newstone.tone(ascii_quotes(quote["text"]), scorer="vader")["compound"])
    assert quote["compound"] > 0.3


# --- error rows ---


def test_read_a_folder_with_bad_files_gives_error_rows(tmp_path):
    (tmp_path / "good.txt").write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "latin.txt").write_bytes("R\u00e9sum\u00e9\n\n\u201cIt is fine,\u201d Dupont said.".encode("cp1252"))
    corpus = newstone.read(tmp_path)
    errors = dict(zip(corpus.articles["article_id"], corpus.articles["error"]))
    assert errors["empty"] == "empty file"
    assert "binary" in errors["binary"]
    assert pd.isna(errors["good"]) and pd.isna(errors["latin"])
    assert set(corpus.errors["article_id"]) == {"empty", "binary"}
    assert (corpus.quotes["article_id"] == "latin").sum() == 1
    assert_offsets_round_trip(corpus)


def test_a_failing_stage_becomes_an_error_row(monkeypatch):
    def broken(text, sentences, mode):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "attributions_and_doubted", broken)
    rows = pipeline.process_article(parse_plain_text("x", "Head\n\nBody said."))
    assert "RuntimeError: boom" in rows.article["error"]
    assert rows.sentences == [] and rows.quotes == []


# --- the sample article end to end ---


def test_sample_counts_and_no_error(sample_corpus):
    article = sample_corpus.articles.iloc[0]
    assert pd.isna(article["error"])
    assert article["n_sentences"] == len(sample_corpus.sentences) > 25
    assert article["n_quotes"] == len(sample_corpus.quotes) >= 15


def test_sample_headline_quotes_with_speakers(sample_corpus):
    miller = quote_by_words(sample_corpus, "It\u2019s incredibly concerning")
    assert miller["speaker"] == "Matthew Miller"
    assert miller["kind"] == "direct"
    blumenthal = quote_by_words(sample_corpus, "This photo says it all")
    assert blumenthal["speaker"] == "Richard Blumenthal"
    assert blumenthal["speaker_mention"] == "Blumenthal"
    assert blumenthal["cue"] == "said"


def test_sample_speaker_countries(sample_corpus):
    """Issue 4's acceptance: Putin speaks for Russia; Kirby, Graham, Blumenthal, Miller for the US."""
    quotes = sample_corpus.quotes
    countries = {name: set(group["speaker_country"].dropna()) for name, group in quotes.groupby("speaker")}
    assert countries["Vladimir Putin"] == {"RUS"}
    for name in ("John Kirby", "Lindsey Graham", "Richard Blumenthal", "Matthew Miller"):
        assert countries[name] == {"USA"}, name


def test_sample_country_mentions(sample_corpus):
    found = set(sample_corpus.mentions["country"].dropna())
    assert {"RUS", "PRK", "USA", "UKR", "KOR", "CHN", "IRN", "CUB", "SYR"} <= found
    assert not found & {"JPN", "IND", "PHL", "GUY", "NLD", "ITA"}


# --- tone toward each country mention ---

TWO_COUNTRIES = (
    "Talks\n\n"
    "France sent generous aid and won wide praise, but Germany blocked the deal and drew angry protests. "
    "\u201cItaly has been a loyal friend,\u201d the ambassador said angrily."
)


def mention(corpus, surface):
    rows = corpus.mentions[corpus.mentions["surface"] == surface]
    assert len(rows) == 1, corpus.mentions[["surface", "country"]]
    return rows.iloc[0]


def test_each_country_in_a_sentence_gets_its_own_tone_toward():
    from newstone.nlp.tone.toward import tone_toward

    corpus = newstone.parse_text(TWO_COUNTRIES, "t")
    france, germany = mention(corpus, "France"), mention(corpus, "Germany")
    assert france["sentence_id"] == germany["sentence_id"]
    assert france["tone_toward"] > germany["tone_toward"] + 0.3
    assert germany["tone_toward_label"] == "negative"
    # The same as newstone.tone_toward on the sentence, both countries as targets.
    sentence = corpus.sentences[corpus.sentences["sentence_id"] == france["sentence_id"]].iloc[0]
    spans = [(m["start"] - sentence["start"], m["end"] - sentence["start"]) for m in (france, germany)]
    expected = tone_toward(sentence["text"], spans)
    assert [france["tone_toward"], germany["tone_toward"]] == [r["score"] for r in expected]
    assert [france["tone_toward_label"], germany["tone_toward_label"]] == [r["label"] for r in expected]


def test_a_mention_inside_a_quote_is_scored_in_the_quotes_own_words():
    from newstone.nlp.tone.toward import tone_toward

    corpus = newstone.parse_text(TWO_COUNTRIES, "t")
    italy = mention(corpus, "Italy")
    quote = corpus.quotes[corpus.quotes["quote_id"] == italy["quote_id"]].iloc[0]
    assert "angrily" not in quote["text"]  # the reporter's words are not the quote's
    ((start, end),) = quote["spans"]
    words = TWO_COUNTRIES[start:end]
    expected = tone_toward(words, [(italy["start"] - start, italy["end"] - start)])[0]
    assert italy["tone_toward"] == expected["score"]
    assert italy["tone_toward_label"] == "positive"


def test_quotes_list_the_tone_toward_each_country_they_name():
    corpus = newstone.parse_text(TWO_COUNTRIES, "t")
    italy = mention(corpus, "Italy")
    quotes = corpus.quotes.set_index("quote_id")
    assert quotes.loc[italy["quote_id"], "mentioned_countries"] == ["ITA"]
    assert quotes.loc[italy["quote_id"], "tone_toward_countries"] == [italy["tone_toward"]]
    unquoted = [q for q in corpus.quotes["quote_id"] if q != italy["quote_id"]]
    for quote_id in unquoted:
        assert quotes.loc[quote_id, "mentioned_countries"] == []


def test_sample_mentions_all_have_tone_toward(sample_corpus):
    mentions = sample_corpus.mentions
    inside = mentions[mentions["sentence_id"].notna()]
    assert inside["tone_toward"].notna().all()
    assert inside["tone_toward"].between(-1, 1).all()
    assert set(inside["tone_toward_label"]) <= {"negative", "neutral", "positive"}
    # Every quote's countries are those of its mentions, each with a tone.
    for quote in sample_corpus.quotes.itertuples():
        named = mentions[(mentions["article_id"] == quote.article_id) & (mentions["quote_id"] == quote.quote_id)]
        assert quote.mentioned_countries == list(dict.fromkeys(named["country"].dropna()))
        assert len(quote.tone_toward_countries) == len(quote.mentioned_countries)


def test_raw_vader_and_tone_columns_are_unchanged_by_tone_toward():
    """compound/pos/neu/neg stay raw VADER's own, tone the news scorer's, on sentences and quotes."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    corpus = newstone.parse_text(TWO_COUNTRIES, "t")
    analyzer = SentimentIntensityAnalyzer()
    for row in [*corpus.sentences.itertuples(), *corpus.quotes.itertuples()]:
        raw = analyzer.polarity_scores(ascii_quotes(row.text))
        assert (row.compound, row.pos, row.neu, row.neg) == (raw["compound"], raw["pos"], raw["neu"], raw["neg"])
        assert row.tone == newstone.tone(row.text)["compound"]


def test_learned_scorer_fills_tone_and_keeps_raw_vader():
    from newstone.nlp.tone.toward import sentence_tone

    news = newstone.parse_text(TWO_COUNTRIES, "t")
    learned = newstone.parse_text(TWO_COUNTRIES, "t", tone="learned")
    for column in ("compound", "pos", "neu", "neg"):
        assert learned.sentences[column].tolist() == news.sentences[column].tolist()
    for row in learned.sentences.itertuples():
        result = sentence_tone(row.text)
        assert (row.tone, row.tone_label) == (result["score"], result["label"])


def test_moscow_in_a_story_of_1987_is_the_soviet_union_as_mention_and_as_speaker():
    import dataclasses

    text = "Grain talks\n\nMoscow said it would buy more U.S. wheat. The Kremlin agreed."
    for published, country in (("1987-03-02", "SUN"), ("2004-03-02", "RUS")):
        article = dataclasses.replace(parse_plain_text("x", text), published=published)
        rows = pipeline.process_article(article)
        assert [m["country"] for m in rows.mentions] == [country, "USA", country]
        assert [(q["speaker_type"], q["article_speaker_country"]) for q in rows.quotes] == [("country", country)]
