"""``newstone parse --engine dask``: the same per-article function on a Dask cluster.

The client reads the inputs lazily and submits batches of articles to the cluster
(``--scheduler ADDRESS``, or a local cluster with ``--jobs`` worker processes); workers run
:func:`newstone.pipeline.process_article` on each article and send the rows back; the
client writes them with the same :class:`~newstone.store.DatasetWriter`, in input order.
So the Parquet dataset is the same as the local engine's, workers need no access to the
inputs or the output folder, and at most ``max_in_flight`` batches are held at once.
"""

from __future__ import annotations

import itertools
from collections import deque

from newstone.dataset.dedupe import mark_duplicates
from newstone.dataset.duplicates import DEFAULT_THRESHOLD
from newstone.dataset.folders import input_roots, with_folders
from newstone.dataset.identity import identify_dataset
from newstone.dataset.parse import ParseSummary, count_outcomes, skip_done
from newstone.dataset.store import DatasetWriter, check_settings, dataset_keys
from newstone.ingest.reader import iter_articles
from newstone.model import Article, ArticleRows
from newstone.pipeline import Options, process_article


def process_batch(articles: list[Article], options: Options) -> list[ArticleRows]:
    """What a Dask task runs: the per-article function over one batch."""
    return [process_article(article, options) for article in articles]


def _batches(iterable, size: int):
    iterator = iter(iterable)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def parse_with_dask(
    inputs: list[str],
    output: str,
    options: Options = Options(),
    jobs: int = 2,
    scheduler: str | None = None,
    force: bool = False,
    batch_size: int = 200,
    max_in_flight: int | None = None,
    near_duplicates: float = DEFAULT_THRESHOLD,
) -> ParseSummary:
    """Parse ``inputs`` into the dataset at ``output`` on a Dask cluster."""
    from dask.distributed import Client, LocalCluster

    summary = ParseSummary()
    check_settings(output, options.settings(), force)
    writer = DatasetWriter(output, force=force)
    done, previous = (set(), set()) if force else dataset_keys(output)
    first_new_part = writer.next_part
    articles = skip_done(iter_articles(inputs), done, summary)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        max_in_flight = max_in_flight or 2 * workers
        options_future = client.scatter(options, broadcast=True)

        def results():
            pending: deque = deque()
            for batch in _batches(articles, batch_size):
                pending.append(client.submit(process_batch, batch, options_future, pure=False))
                if len(pending) >= max_in_flight:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()

        superseded: set[str] = set()

        def noting_redone(rows):
            """Pass rows through, noting articles that had rows before this run."""
            for r in rows:
                if r.article["article_id"] in previous:
                    superseded.add(r.article["article_id"])
                yield r

        rows = with_folders(count_outcomes(results(), summary), input_roots(inputs))
        writer.write_all(noting_redone(rows), batch_size=batch_size)
        writer.drop_articles(superseded, first_new_part)
        identify_dataset(output)
        mark_duplicates(output, near_duplicates)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return summary
