"""``newstone parse``: stream articles through the pipeline into a Parquet dataset.

The parent process only reads the inputs and hands out numbered batches; each worker runs
the pipeline over its batch and writes that batch's part files itself, returning only a
summary and the batch's speaker tallies (merged in part order into speakers.parquet at the
end). So the parent never becomes the bottleneck (rows are not shipped back), memory is
bounded by the batches in flight (at most two per worker), and part numbers follow input
order, so any number of workers writes the same dataset. Articles already in the dataset
with the same id and content hash are skipped, so an interrupted run resumes.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .engine import _progress_bar
from .ingest import iter_articles
from .model import Article
from .pipeline import Options, content_hash, process_article
from .speaker_index import SpeakerIndex
from .store import DatasetWriter, done_keys

BATCHES_IN_FLIGHT_PER_WORKER = 2


@dataclass
class ParseSummary:
    processed: int = 0
    skipped: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def add(self, other: "ParseSummary") -> None:
        self.processed += other.processed
        self.skipped += other.skipped
        self.errors.extend(other.errors)


def skip_done(articles: Iterable[Article], done: set[tuple[str, str]], summary: ParseSummary) -> Iterator[Article]:
    """Articles not yet in the dataset (error rows are always retried)."""
    for article in articles:
        if article.error is None and (article.article_id, content_hash(article.text)) in done:
            summary.skipped += 1
            continue
        yield article


def count_outcomes(rows, summary: ParseSummary):
    """Pass rows through, counting processed articles and errors (used by the Dask engine)."""
    for r in rows:
        summary.processed += 1
        if r.article["error"]:
            summary.errors.append((r.article["article_id"], r.article["error"]))
        yield r


@dataclass
class BatchResult:
    """What a worker sends back for one batch: counts, errors and the batch's speaker
    tallies (small: per speaker, not per quote), so the speakers table needs no second
    pass over the quotes parts."""

    part: int
    summary: ParseSummary
    speakers: SpeakerIndex


def write_batch_job(job: tuple[str, int, list[Article], Options]) -> BatchResult:
    """What one worker does with one batch: process it and write its part files."""
    root, part, batch, options = job
    rows = [process_article(article, options) for article in batch]
    DatasetWriter.write_part(root, part, rows)
    speakers = SpeakerIndex()
    speakers.add_rows([quote for r in rows for quote in r.quotes])
    summary = ParseSummary(processed=len(rows), errors=[(r.article["article_id"], r.article["error"])
                                                        for r in rows if r.article["error"]])
    return BatchResult(part, summary, speakers)


class InPartOrder:
    """Merges the batches' speaker tallies in part order, whatever order they finish in,
    so the speakers table does not depend on which worker was faster."""

    def __init__(self, first_part: int):
        self.index = SpeakerIndex()
        self.next_part = first_part
        self.waiting: dict[int, SpeakerIndex] = {}

    def add(self, result: BatchResult) -> None:
        self.waiting[result.part] = result.speakers
        while self.next_part in self.waiting:
            self.index.merge(self.waiting.pop(self.next_part))
            self.next_part += 1


def numbered_batches(articles: Iterable[Article], first_part: int, size: int) -> Iterator[tuple[int, list[Article]]]:
    iterator = iter(articles)
    for part in itertools.count(first_part):
        batch = list(itertools.islice(iterator, size))
        if not batch:
            return
        yield part, batch


def parse_to_dataset(inputs: list[str], output: str, options: Options = Options(), jobs: int = 1,
                     force: bool = False, batch_size: int = 200, progress: bool = False) -> ParseSummary:
    """Parse ``inputs`` into the dataset at ``output``; returns what was done."""
    summary = ParseSummary()
    writer = DatasetWriter(output, force=force)
    done = set() if force else done_keys(output)
    articles = skip_done(iter_articles(inputs), done, summary)
    first_new_part = writer.next_part
    speakers = InPartOrder(first_new_part)
    jobs_iter = ((output, part, batch, options)
                 for part, batch in numbered_batches(articles, first_new_part, batch_size))
    bar = _progress_bar(progress, None)

    def collect(result: BatchResult) -> None:
        summary.add(result.summary)
        speakers.add(result)
        bar.update(result.summary.processed)

    try:
        if jobs <= 1:
            for job in jobs_iter:
                collect(write_batch_job(job))
        else:
            context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
            with context.Pool(jobs) as pool:
                pending: deque = deque()
                for job in jobs_iter:
                    pending.append(pool.apply_async(write_batch_job, (job,)))
                    while len(pending) >= jobs * BATCHES_IN_FLIGHT_PER_WORKER or (pending and pending[0].ready()):
                        collect(pending.popleft().get())
                while pending:
                    collect(pending.popleft().get())
    finally:
        bar.close()
    writer.finish(speakers.index, first_new_part)
    return summary
