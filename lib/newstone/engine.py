"""Running the per-article function over many articles: in this process or a pool.

Results come back in input order, lazily, so memory is bounded by the batch in flight,
not by the corpus. The Dask engine (``newstone.dask_engine``) runs the same function.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
from typing import Iterable, Iterator

from .model import Article
from .pipeline import ArticleRows, Options, process_article


# Articles handed to a worker at once, and articles in flight per worker: large enough to
# keep both cores busy between batches, small enough to keep memory flat.
CHUNK = 8
IN_FLIGHT_PER_WORKER = 64


def default_jobs() -> int:
    """Usable cores (respecting CPU affinity, e.g. in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _process(job: tuple[Article, Options]) -> ArticleRows:
    article, options = job
    return process_article(article, options)


def map_articles(articles: Iterable[Article], options: Options = Options(), jobs: int = 1,
                 progress: bool = False, total: int | None = None) -> Iterator[ArticleRows]:
    """``process_article`` over ``articles``, in order, with ``jobs`` worker processes."""
    bar = _progress_bar(progress, total)
    try:
        if jobs <= 1:
            for article in articles:
                yield process_article(article, options)
                bar.update(1)
            return
        context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        jobs_iter = ((article, options) for article in articles)
        with context.Pool(jobs) as pool:
            # Pool.imap would drain the whole input at once; feeding bounded batches keeps
            # memory proportional to the batch, whatever the corpus size.
            while batch := list(itertools.islice(jobs_iter, jobs * IN_FLIGHT_PER_WORKER)):
                for rows in pool.imap(_process, batch, chunksize=CHUNK):
                    yield rows
                    bar.update(1)
    finally:
        bar.close()


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(enabled: bool, total: int | None):
    if not enabled:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", dynamic_ncols=True, mininterval=0.5)
