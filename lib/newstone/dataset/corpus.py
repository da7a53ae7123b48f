"""The :class:`Corpus`: every table of a set of articles, as pandas DataFrames.

``newstone.read(paths)`` parses articles (or loads a processed Parquet dataset written by
``newstone parse``); ``newstone.parse_text(text)`` does the same for one string. The
pipeline (NLTK, VADER) is imported only when articles are parsed: loading a dataset, as
every report does, needs neither.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from newstone import schema
from newstone.dataset.dedupe import recorded_threshold
from newstone.dataset.duplicates import DEFAULT_THRESHOLD, duplicate_of
from newstone.dataset.folders import input_roots, with_folders
from newstone.dataset.identity import identify_rows
from newstone.dataset.store import ROW_TABLES, is_dataset, read_parquet, read_table
from newstone.identity.resolve import INPUT_COLUMNS, OUTPUT_COLUMNS
from newstone.model import DEFAULT_ATTRIBUTION, ArticleRows

PathLike = str | os.PathLike


@dataclass
class Corpus:
    """Tables of a corpus. ``speakers`` is the entity table of the corpus identity pass
    (:mod:`newstone.identity`); for tables put together by hand it is derived on first use."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    mentions: pd.DataFrame
    _speakers: pd.DataFrame | None = field(default=None, repr=False)
    # the similarity threshold behind articles.duplicate_of (None: not known)
    duplicate_threshold: float | None = field(default=None, repr=False)

    @property
    def speakers(self) -> pd.DataFrame:
        if self._speakers is None:
            self._speakers = speakers_table(self.quotes, self.articles, self.mentions)
        return self._speakers

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        return {
            "articles": self.articles,
            "sentences": self.sentences,
            "quotes": self.quotes,
            "mentions": self.mentions,
            "speakers": self.speakers,
        }

    @property
    def errors(self) -> pd.DataFrame:
        """Articles that could not be processed, with the reason."""
        return self.articles.loc[self.articles["error"].notna(), ["article_id", "source_path", "error"]]

    @classmethod
    def from_rows(cls, rows: Iterable[ArticleRows]) -> Corpus:
        articles, sentences, quotes, mentions = [], [], [], []
        for r in rows:
            articles.append(r.article)
            sentences.extend(r.sentences)
            quotes.extend(r.quotes)
            mentions.extend(r.mentions)
        speakers = identify_rows(quotes, articles, mentions)  # fills the quotes' corpus-level columns
        mark_duplicate_rows(articles)
        return cls(
            schema.frame(articles, schema.ARTICLE_COLUMNS),
            schema.frame(sentences, schema.SENTENCE_COLUMNS),
            schema.frame(quotes, schema.QUOTE_COLUMNS),
            schema.frame(mentions, schema.MENTION_COLUMNS),
            schema.frame(speakers, schema.SPEAKER_COLUMNS),
            duplicate_threshold=DEFAULT_THRESHOLD,
        )

    def __repr__(self) -> str:
        return (
            f"Corpus({len(self.articles)} articles, {len(self.sentences)} sentences, "
            f"{len(self.quotes)} quotes, {len(self.mentions)} country mentions, "
            f"{int(self.articles['error'].notna().sum())} errors)"
        )


def mark_duplicate_rows(articles: list[dict], threshold: float = DEFAULT_THRESHOLD) -> None:
    """Fill ``duplicate_of`` in article row dicts, as ``newstone parse`` does on disk."""
    hashes = [a.get("content_hash") if not a.get("error") else None for a in articles]
    found = duplicate_of([a["article_id"] for a in articles], (a.get("text") for a in articles), hashes, threshold)
    for article, duplicate in zip(articles, found):
        article["duplicate_of"] = duplicate


def speakers_table(
    quotes: pd.DataFrame, articles: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The speakers (entity) table of a quotes table, by the corpus identity pass; the
    articles give the dates (periods, first and last date) when there are any, the country
    mentions what each article is about."""
    quote_rows = quotes[INPUT_COLUMNS].astype(object).where(quotes[INPUT_COLUMNS].notna(), None).to_dict("records")
    article_rows = []
    if articles is not None:
        columns = ["article_id", "published", "text"]
        article_rows = articles[columns].astype(object).where(articles[columns].notna(), None).to_dict("records")
    for row in quote_rows:
        row.update(dict.fromkeys(OUTPUT_COLUMNS))
    mention_rows = []
    if mentions is not None and len(mentions):
        pairs = mentions[["article_id", "country"]]
        mention_rows = pairs.astype(object).where(pairs.notna(), None).to_dict("records")
    return schema.frame(identify_rows(quote_rows, article_rows, mention_rows), schema.SPEAKER_COLUMNS)


def read(
    paths: PathLike | Iterable[PathLike],
    *,
    tone: str = "news",
    roster: PathLike | None = None,
    jobs: int = 1,
    progress: bool = False,
    attribution: str = DEFAULT_ATTRIBUTION,
) -> Corpus:
    """Read articles (files, directories, globs) or a processed dataset into a Corpus.

    A directory written by ``newstone parse -o DIR`` is loaded from Parquet without
    re-parsing. ``tone`` picks the scorer behind the ``tone`` column ("news" or
    "vader"); ``roster`` is a CSV of officials (see README) that overrides speaker facts;
    ``attribution`` is "hybrid" (the default: the rules plus a learned tagger) or "rules"
    (see docs/methodology.md).
    """
    paths = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    datasets = [os.fspath(p) for p in paths if is_dataset(p)]
    if datasets and len(paths) > 1:
        # Walked as input folders they hold no article files: the result would be empty.
        raise ValueError(
            f"{', '.join(datasets)}: a parsed dataset is read on its own, not with other paths "
            "(read each one and concatenate the tables you need)"
        )
    if datasets:
        if tone != "news" or roster or attribution != DEFAULT_ATTRIBUTION:
            raise ValueError(
                f"{os.fspath(paths[0])} is a parsed dataset: its tone and speaker facts were "
                "fixed by `newstone parse` (rerun it with --tone/--roster/--attribution --force to change them)"
            )
        return load_dataset(paths[0])
    from newstone.dataset.local import map_articles
    from newstone.ingest.reader import iter_articles

    rows = map_articles(
        iter_articles([os.fspath(p) for p in paths]),
        _options(tone, roster, attribution),
        jobs=jobs,
        progress=progress,
    )
    return Corpus.from_rows(with_folders(rows, input_roots(paths)))


def parse_text(
    text: str,
    article_id: str = "text",
    *,
    tone: str = "news",
    roster: PathLike | None = None,
    attribution: str = DEFAULT_ATTRIBUTION,
) -> Corpus:
    """All tables for one article given as a string (headline on the first line);
    ``tone``, ``roster`` and ``attribution`` as in :func:`read`."""
    from newstone.ingest.decode import normalise_newlines
    from newstone.ingest.plaintext import parse_plain_text
    from newstone.pipeline import process_article

    article = parse_plain_text(article_id, normalise_newlines(text))
    return Corpus.from_rows([process_article(article, _options(tone, roster, attribution))])


def _options(tone: str, roster: PathLike | None, attribution: str = DEFAULT_ATTRIBUTION):
    """The pipeline's options for ``read``/``parse_text`` (imports the pipeline)."""
    from newstone.nlp.speakers.facts import Roster
    from newstone.pipeline import Options

    return Options(tone_scorer=tone, roster=Roster.load(roster) if roster else None, attribution=attribution)


def load_dataset(root: PathLike) -> Corpus:
    """The Corpus of a dataset written by ``newstone parse`` (every part file read)."""
    root = os.fspath(root)
    corpus = Corpus(*(read_table(root, t) for t in ROW_TABLES), duplicate_threshold=recorded_threshold(root))
    speakers = os.path.join(root, "speakers.parquet")
    if os.path.exists(speakers):
        corpus._speakers = schema.conform(read_parquet(speakers), schema.SPEAKER_COLUMNS)
    return corpus
