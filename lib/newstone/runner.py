"""``newstone parse``: stream articles through the pipeline into a Parquet dataset.

Memory stays bounded by ``batch_size`` (rows of one batch) plus the articles in flight in
the worker pool; the corpus itself is never held. Articles already in the dataset with
the same id and content hash are skipped, so an interrupted run resumes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .engine import map_articles
from .ingest import iter_articles
from .model import Article
from .pipeline import ArticleRows, Options, content_hash
from .store import DatasetWriter, done_keys


@dataclass
class ParseSummary:
    processed: int = 0
    skipped: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


def skip_done(articles: Iterable[Article], done: set[tuple[str, str]], summary: ParseSummary) -> Iterator[Article]:
    """Articles not yet in the dataset (error rows are always retried)."""
    for article in articles:
        if article.error is None and (article.article_id, content_hash(article.text)) in done:
            summary.skipped += 1
            continue
        yield article


def count_outcomes(rows: Iterable[ArticleRows], summary: ParseSummary) -> Iterator[ArticleRows]:
    for r in rows:
        summary.processed += 1
        if r.article["error"]:
            summary.errors.append((r.article["article_id"], r.article["error"]))
        yield r


def parse_to_dataset(inputs: list[str], output: str, options: Options = Options(), jobs: int = 1,
                     force: bool = False, batch_size: int = 500, progress: bool = False) -> ParseSummary:
    """Parse ``inputs`` into the dataset at ``output``; returns what was done."""
    summary = ParseSummary()
    writer = DatasetWriter(output, force=force)
    done = set() if force else done_keys(output)
    articles = skip_done(iter_articles(inputs), done, summary)
    rows = count_outcomes(map_articles(articles, options, jobs=jobs, progress=progress), summary)
    writer.write_all(rows, batch_size=batch_size)
    writer.finish()
    return summary
