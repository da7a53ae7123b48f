"""One article in, its rows of every table out: the per-article function every engine runs.

``process_article`` is pure (same article, same rows) and never raises: a failure in
any stage turns into the article's ``error`` field, so one bad article cannot stop a
batch of millions. The local engine, the process pool and the Dask engine all call it.
"""

from __future__ import annotations

import bisect
import hashlib
import traceback
from dataclasses import dataclass

from newstone.dates import period_of
from newstone.model import (
    ATTRIBUTION_MODES,
    DEFAULT_ATTRIBUTION,
    Article,
    ArticleRows,
    Attribution,
    CountryMention,
    Sentence,
)
from newstone.nlp.attribution.hybrid import attributions_and_doubted
from newstone.nlp.countries import default_matcher, former_state, in_its_time
from newstone.nlp.sentences import split_sentences
from newstone.nlp.speakers.coreference import resolve_speakers
from newstone.nlp.speakers.facts import Roster, apply_roster, fill_speaker_country
from newstone.nlp.tone.columns import check_scorer, tone_columns, tone_columns_of_view
from newstone.nlp.tone.toward import SentenceView, read_sentence, score_view


@dataclass(frozen=True)
class Options:
    """What may vary between runs. ``tone_scorer`` fills the ``tone``/``tone_label``
    columns (raw VADER always fills compound/pos/neu/neg); ``roster`` overrides speaker
    facts from the user's officials.csv; ``attribution`` is "hybrid" (the default: the
    rules extended by the learned tagger, :mod:`newstone.nlp.attribution.hybrid`) or "rules"."""

    tone_scorer: str = "news"
    roster: Roster | None = None
    attribution: str = DEFAULT_ATTRIBUTION

    def __post_init__(self):
        check_scorer(self.tone_scorer)  # a usage error, not an error row per article
        if self.attribution not in ATTRIBUTION_MODES:
            raise ValueError(f"attribution must be one of {', '.join(ATTRIBUTION_MODES)}, not {self.attribution!r}")

    def settings(self) -> dict[str, str | None]:
        """What a dataset records about the run that made it: rows made with other
        settings must not be mixed in by a rerun (see ``store.check_settings``). The
        attribution mode is recorded only when it is not "rules", so datasets made before
        the switch existed (all rules, recording no mode) still match a rules rerun and a
        rerun with today's default (hybrid) is refused rather than mixed in."""
        settings = {"tone_scorer": self.tone_scorer, "roster": self.roster.fingerprint() if self.roster else None}
        if self.attribution != "rules":
            settings["attribution"] = self.attribution
        return settings


def content_hash(text: str) -> str:
    """Stable id of an article's content, used to skip work already done on a rerun."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def article_row(article: Article) -> dict:
    return {
        "article_id": article.article_id,
        "source_path": article.source_path,
        "title": article.title,
        "byline": article.byline,
        "dateline": article.dateline,
        "published": article.published,
        "source": article.source,
        "text": article.text,
        "n_sentences": 0,
        "n_quotes": 0,
        "n_mentions": 0,
        "error": article.error,
        "content_hash": content_hash(article.text) if article.text else None,
    }


def process_article(article: Article, options: Options = Options()) -> ArticleRows:
    """Sentences, quotes, country mentions and tone for one article."""
    rows = ArticleRows(article_row(article))
    if article.error:
        return rows
    try:
        fill_rows(article, options, rows)
    except Exception as exc:  # noqa: BLE001 - one article must never stop the batch
        where = traceback.extract_tb(exc.__traceback__)[-1]
        rows = ArticleRows(article_row(article))
        rows.article["error"] = (
            f"internal error while processing: {type(exc).__name__}: {exc} "
            f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})"
        )
    return rows


def fill_rows(article: Article, options: Options, rows: ArticleRows) -> None:
    text = article.text
    sentences = split_sentences(text, article.body_spans)
    found, doubted = attributions_and_doubted(text, sentences, options.attribution)
    attributions = resolve_speakers(text, found, context=doubted)
    period = period_of(article.published)
    year = int(period) if period else None  # "Moscow" in 1987 is the Soviet Union
    mentions = [in_its_time(m, year) for m in default_matcher().find(text, article.body_spans)]

    sentence_starts = [s.start for s in sentences]
    for quote_id, attribution in enumerate(attributions):
        apply_roster(text, attribution, options.roster)
        fill_speaker_country(text, attribution)
        former = former_state(attribution.speaker or "", year) if attribution.speaker_type == "country" else None
        if former and attribution.country_evidence != "roster":
            attribution.speaker_country = former  # "Moscow said" in 1987
        rows.quotes.append(
            quote_row(article.article_id, quote_id, attribution, text, sentences, sentence_starts, options.tone_scorer)
        )
    quote_pieces = QuotePieces(attributions)
    for mention in mentions:
        rows.mentions.append(mention_row(article.article_id, mention, sentences, sentence_starts, quote_pieces))
    contexts = tone_contexts(sentences, rows.mentions, quote_pieces)
    views: dict[tuple[int, int], SentenceView] = {}
    for sentence_id, sentence in enumerate(sentences):
        view = None
        if (sentence.start, sentence.end) in contexts:  # read once, for its tone and tone toward
            view = views[sentence.start, sentence.end] = read_sentence(text[sentence.start : sentence.end])
        rows.sentences.append(sentence_row(article.article_id, sentence_id, sentence, text, options.tone_scorer, view))
    fill_tone_toward(text, contexts, views)
    fill_quote_countries(rows.quotes, rows.mentions)
    rows.article.update(n_sentences=len(rows.sentences), n_quotes=len(rows.quotes), n_mentions=len(rows.mentions))


def sentence_row(
    article_id: str, sentence_id: int, sentence: Sentence, text: str, scorer: str, view: SentenceView | None = None
) -> dict:
    """A sentence's row; its tone columns from ``view`` (the sentence already read for tone
    toward) when that gives VADER's result (:func:`tone_columns_of_view`)."""
    words = text[sentence.start : sentence.end]
    columns = tone_columns_of_view(view, words, scorer) if view is not None else None
    return {
        "article_id": article_id,
        "sentence_id": sentence_id,
        "paragraph_id": sentence.paragraph_id,
        "start": sentence.start,
        "end": sentence.end,
        "text": words,
        **(columns or tone_columns(words, scorer)),
    }


def quote_text(text: str, attribution: Attribution) -> str:
    """The quote's own words: its content pieces joined by a space, never the cue clause."""
    return " ".join(text[s:e] for s, e in attribution.spans)


def sentence_index(sentence_starts: list[int], offset: int) -> int | None:
    """Index of the sentence containing ``offset`` (by start), or None before the first."""
    index = bisect.bisect_right(sentence_starts, offset) - 1
    return index if index >= 0 else None


def quote_row(
    article_id: str,
    quote_id: int,
    attribution: Attribution,
    text: str,
    sentences: list[Sentence],
    sentence_starts: list[int],
    scorer: str,
) -> dict:
    words = quote_text(text, attribution)
    cue = attribution.cue
    source = attribution.source
    sentence_ids = sorted(
        {
            i
            for s, e in attribution.spans
            for i in range(
                sentence_index(sentence_starts, s) or 0, (sentence_index(sentence_starts, max(e - 1, s)) or 0) + 1
            )
        }
    )
    return {
        "article_id": article_id,
        "quote_id": quote_id,
        "kind": attribution.kind,
        "text": words,
        "spans": [[s, e] for s, e in attribution.spans],
        "start": attribution.start,
        "end": attribution.end,
        "cue": text[cue[0] : cue[1]] if cue else None,
        "cue_start": cue[0] if cue else None,
        "cue_end": cue[1] if cue else None,
        "speaker_mention": text[source[0] : source[1]] if source else None,
        "speaker_start": source[0] if source else None,
        "speaker_end": source[1] if source else None,
        # speaker, speaker_id, speaker_role and speaker_country are the corpus's view,
        # filled by the identity pass (newstone.identity) from the article_* columns;
        # until it runs they hold what this article says.
        "speaker": attribution.speaker,
        "speaker_id": None,
        "speaker_type": attribution.speaker_type,
        "speaker_role": None,
        "speaker_title": attribution.speaker_title,
        "speaker_org": attribution.speaker_org,
        "speaker_country": attribution.speaker_country,
        "article_speaker": attribution.speaker,
        "article_speaker_country": attribution.speaker_country,
        "country_evidence": attribution.country_evidence,
        "sentence_ids": sentence_ids,
        **tone_columns(words, scorer),
        # filled by fill_quote_countries once the mentions are scored
        "mentioned_countries": [],
        "tone_toward_countries": [],
    }


class QuotePieces:
    """Content pieces of all quotes sorted by start, to find the quote around an offset
    in O(log n) (an article of 10 MB has thousands of quotes and mentions)."""

    def __init__(self, attributions: list[Attribution]):
        pieces = sorted((s, e, quote_id) for quote_id, a in enumerate(attributions) for s, e in a.spans)
        self.starts = [p[0] for p in pieces]
        self.pieces = pieces
        self.longest = max((e - s for s, e, _ in pieces), default=0)

    def quote_at(self, start: int, end: int) -> int | None:
        """The first quote whose content piece contains ``[start, end)``, or None."""
        piece = self.piece_at(start, end)
        return piece[2] if piece else None

    def piece_at(self, start: int, end: int) -> tuple[int, int, int] | None:
        """``(piece_start, piece_end, quote_id)`` of the first quote (lowest id) whose
        content piece contains ``[start, end)``, or None."""
        index = bisect.bisect_right(self.starts, start) - 1
        found = None
        while index >= 0 and self.pieces[index][0] >= start - self.longest:
            piece = self.pieces[index]
            if piece[0] <= start and end <= piece[1] and (found is None or piece[2] < found[2]):
                found = piece
            index -= 1
        return found


def mention_row(
    article_id: str,
    mention: CountryMention,
    sentences: list[Sentence],
    sentence_starts: list[int],
    quote_pieces: QuotePieces,
) -> dict:
    sentence_id = sentence_index(sentence_starts, mention.start)
    if sentence_id is not None and mention.start >= sentences[sentence_id].end:
        sentence_id = None  # between sentences (should not happen inside body spans)
    quote_id = quote_pieces.quote_at(mention.start, mention.end)
    return {
        "article_id": article_id,
        "sentence_id": sentence_id,
        "start": mention.start,
        "end": mention.end,
        "surface": mention.surface,
        "country": mention.country,
        "kind": mention.kind,
        "quote_id": quote_id,
        "tone_toward": None,
        "tone_toward_label": None,
    }


def tone_contexts(
    sentences: list[Sentence], mention_rows: list[dict], quote_pieces: QuotePieces
) -> dict[tuple[int, int], list[dict]]:
    """The mention rows by the text each is scored in (:func:`fill_tone_toward`): its
    sentence or, for a mention inside a quote, the quote's own words of that sentence (the
    content piece, without the reporter's "he said"), as ``(start, end)`` in the article."""
    contexts: dict[tuple[int, int], list[dict]] = {}
    for row in mention_rows:
        sentence_id = row["sentence_id"]
        if sentence_id is None:
            continue
        sentence = sentences[sentence_id]
        start, end = sentence.start, sentence.end
        piece = quote_pieces.piece_at(row["start"], row["end"])
        if piece is not None:
            start, end = max(start, piece[0]), min(end, piece[1])
        contexts.setdefault((start, end), []).append(row)
    return contexts


def fill_tone_toward(
    text: str, contexts: dict[tuple[int, int], list[dict]], views: dict[tuple[int, int], SentenceView] | None = None
) -> None:
    """``tone_toward`` and ``tone_toward_label`` of each mention row of ``contexts``
    (:func:`tone_contexts`): the tone toward the mention in its context. Mentions sharing a
    context are scored together, so each knows the others are targets too. ``views`` holds
    contexts already read (:func:`read_sentence`)."""
    views = views or {}
    for (start, end), rows in contexts.items():
        spans = [(row["start"] - start, row["end"] - start) for row in rows]
        view = views.get((start, end)) or read_sentence(text[start:end])
        for row, result in zip(rows, score_view(view, spans)):
            row["tone_toward"] = result["score"]
            row["tone_toward_label"] = result["label"]


def fill_quote_countries(quote_rows: list[dict], mention_rows: list[dict]) -> None:
    """``mentioned_countries`` of each quote row (alpha-3 codes of the country mentions whose
    ``quote_id`` is the quote's, in order of first mention) and ``tone_toward_countries``
    (the mean ``tone_toward`` of those mentions, one per country, same order)."""
    by_quote: dict[int, dict[str, list[float]]] = {}
    for row in mention_rows:
        quote_id, country = row["quote_id"], row["country"]
        if quote_id is None or country is None or row["tone_toward"] is None:
            continue
        by_quote.setdefault(quote_id, {}).setdefault(country, []).append(row["tone_toward"])
    for row in quote_rows:
        countries = by_quote.get(row["quote_id"], {})
        row["mentioned_countries"] = list(countries)
        row["tone_toward_countries"] = [round(sum(v) / len(v), 4) for v in countries.values()]
