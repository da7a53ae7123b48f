"""``newstone parse``: stream articles through the pipeline into a Parquet dataset.

The parent process only lists the inputs and hands out numbered batches of units (a file
to read, or an article from a .jsonl/.csv file); each worker reads its files, runs the
pipeline over its batch and writes that batch's part files itself, returning only a
summary. At the end the corpus identity pass (:mod:`newstone.dataset.identity`) runs over
every part, old and new, and writes speakers.parquet, and the near-duplicate pass
(:mod:`newstone.dataset.dedupe`) fills the articles' ``duplicate_of``. So the parent never
becomes the bottleneck (files are read and rows written in the workers), memory is bounded
by the batches in flight (at most two per worker), and part numbers follow input order, so any
number of workers writes the same dataset. Articles already in the dataset with the same id
and content hash are skipped (by the worker, which is where the text is read), so an
interrupted run resumes.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from newstone.dataset.dedupe import mark_duplicates
from newstone.dataset.duplicates import DEFAULT_THRESHOLD
from newstone.dataset.folders import input_roots, with_folders
from newstone.dataset.identity import identify_dataset
from newstone.dataset.local import progress_bar, worker_pool
from newstone.dataset.store import DatasetWriter, check_settings, dataset_keys
from newstone.ingest.discover import InputFile, expand_inputs, holds_one_article
from newstone.ingest.reader import load_unit, units_of
from newstone.model import Article
from newstone.pipeline import Options, content_hash, process_article

BATCHES_IN_FLIGHT_PER_WORKER = 2


@dataclass
class ParseSummary:
    processed: int = 0
    skipped: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def add(self, other: ParseSummary) -> None:
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
    """What a worker sends back for one batch: counts, errors and the articles it redid."""

    part: int
    summary: ParseSummary
    superseded: list[str] = field(default_factory=list)


@dataclass
class BatchJob:
    """One batch as a worker gets it: its units, the content hashes already in the
    dataset for the article ids it holds, and which of its ids the dataset has rows for
    at all (only those ids, so the job stays small however large the dataset)."""

    root: str
    part: int
    units: list[Article | InputFile]
    done: dict[str, set[str]]
    options: Options
    previous_ids: frozenset[str] = frozenset()
    roots: tuple[str, ...] = ()  # the input folders, for the ``folder`` column


def write_batch_job(job: BatchJob) -> BatchResult:
    """What one worker does with one batch: read it, drop articles already done, process
    the rest and write their part files (none when nothing is left)."""
    summary = ParseSummary()
    articles = []
    for unit in job.units:
        for article in load_unit(unit):
            if article.error is None and content_hash(article.text) in job.done.get(article.article_id, ()):
                summary.skipped += 1
            else:
                articles.append(article)
    rows = list(with_folders((process_article(article, job.options) for article in articles), job.roots))
    DatasetWriter.write_part(job.root, job.part, rows)
    summary.processed = len(rows)
    summary.errors = [(r.article["article_id"], r.article["error"]) for r in rows if r.article["error"]]
    # redone because the text changed or the last try failed: the old rows must go
    superseded = [article.article_id for article in articles if article.article_id in job.previous_ids]
    return BatchResult(job.part, summary, superseded)


def done_by_article(done: set[tuple[str, str]]) -> dict[str, set[str]]:
    """(article_id, content_hash) pairs grouped by article id."""
    grouped: dict[str, set[str]] = {}
    for article_id, digest in done:
        grouped.setdefault(article_id, set()).add(digest)
    return grouped


# The end of the input is cut into smaller batches so the workers finish together: with
# whole batches to the last, one worker can sit idle for most of a batch while the other
# finishes (0.3 s of a 5 s BBC run on two cores). Sizes depend only on the input, never on
# the number of workers, so every run writes the same part files.
TAIL_PIECES = 4
MIN_TAIL_BATCH = 25


def numbered_batches(units: Iterable, first_part: int, size: int) -> Iterator[tuple[int, list]]:
    """Consecutive batches of ``size`` articles, numbered from ``first_part``; once the end
    of the input is in sight (within ``TAIL_PIECES`` batches), each batch takes a quarter of
    what is left, but no fewer than ``MIN_TAIL_BATCH`` articles (guided self-scheduling)."""
    iterator = iter(units)
    pending: deque = deque()
    exhausted = False
    for part in itertools.count(first_part):
        # Look ahead one batch more on each step, up to TAIL_PIECES batches, so the first
        # batch leaves as soon as it is read.
        wanted = min(TAIL_PIECES * size, (part - first_part + 1) * size + 1)
        if not exhausted and len(pending) < wanted:
            before = len(pending)
            pending.extend(itertools.islice(iterator, wanted - before))
            exhausted = len(pending) < wanted
        if not pending:
            return
        take = size
        if exhausted:
            take = min(size, max(MIN_TAIL_BATCH, -(-len(pending) // TAIL_PIECES)))
        yield part, [pending.popleft() for _ in range(min(take, len(pending)))]


def parse_to_dataset(
    inputs: list[str],
    output: str,
    options: Options = Options(),
    jobs: int = 1,
    force: bool = False,
    batch_size: int = 200,
    progress: bool = False,
    near_duplicates: float = DEFAULT_THRESHOLD,
) -> ParseSummary:
    """Parse ``inputs`` into the dataset at ``output``; returns what was done.

    ``near_duplicates`` is the shingle similarity above which an article is marked a
    duplicate of an earlier one (:mod:`newstone.dataset.dedupe`)."""
    summary = ParseSummary()
    files = expand_inputs(inputs)
    roots = input_roots(inputs)
    check_settings(output, options.settings(), force)
    writer = DatasetWriter(output, force=force)
    done_pairs, previous = (set(), set()) if force else dataset_keys(output)
    done = done_by_article(done_pairs)
    first_new_part = writer.next_part
    superseded: set[str] = set()
    jobs_iter = (
        BatchJob(
            output,
            part,
            units,
            {unit.article_id: done[unit.article_id] for unit in units if unit.article_id in done},
            options,
            frozenset(unit.article_id for unit in units if unit.article_id in previous),
            roots,
        )
        for part, units in numbered_batches(units_of(files), first_new_part, batch_size)
    )
    # The bar knows its end when every input is one article (a folder of files); the
    # records of a .jsonl/.csv are only counted as they are read.
    bar = progress_bar(progress, len(files) if all(map(holds_one_article, files)) else None)

    def collect(result: BatchResult) -> None:
        summary.add(result.summary)
        superseded.update(result.superseded)
        bar.update(result.summary.processed + result.summary.skipped)

    try:
        if jobs <= 1:
            for job in jobs_iter:
                collect(write_batch_job(job))
        else:
            with worker_pool(jobs) as pool:
                pending: deque = deque()
                for job in jobs_iter:
                    pending.append(pool.apply_async(write_batch_job, (job,)))
                    while len(pending) >= jobs * BATCHES_IN_FLIGHT_PER_WORKER or (pending and pending[0].ready()):
                        collect(pending.popleft().get())
                while pending:
                    collect(pending.popleft().get())
    finally:
        bar.close()
    writer.drop_articles(superseded, first_new_part)
    identify_dataset(output)
    mark_duplicates(output, near_duplicates)
    return summary
