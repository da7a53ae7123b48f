#!/usr/bin/env python3
"""Benchmark the pipeline against its floor, in one run, and print the figures.

    python benchmarks/pipeline.py [CORPUS] [--limit N] [--scaling] [--parse] [--big-mb 10]

CORPUS: a folder, file or glob (default: ../shared/data/bbc, else data/). Figures printed:

* floor: NLTK Punkt sentence split + VADER on every sentence, nothing else;
* the full per-article pipeline (``process_article``), and each stage on its own: read,
  sentences, attribution, countries, tone (sentences and quotes), write (Parquet);
* articles/s, MB/s, and the ratio pipeline / floor (target <= 1.3 on BBC, one core);
* ``--parse``: ``newstone parse`` as a subprocess with 1 and 2 workers: wall time, peak RSS
  (target <= 400 MB) and the 2-worker speed-up (target >= 1.8);
* ``--scaling``: the pipeline over the corpus repeated 1x, 2x, 4x (cost should be linear);
* floor and pipeline run ``--repeat`` times (default 3), alternating; the best of each counts;
* ``--big-mb N``: one synthetic article of N MB (default 10), to show nothing is quadratic.

Timings are wall-clock on this machine; compare the ratios, not the absolute numbers.
"""
from __future__ import annotations

import argparse
import gc
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "bbc"


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - started


def load(corpus: str, limit: int | None):
    from newstone.ingest import iter_articles

    def read_all():
        out = []
        for article in iter_articles([corpus]):
            if article.error is None:
                out.append(article)
            if limit and len(out) >= limit:
                break
        return out

    return timed(read_all)


def floor_cost(articles) -> float:
    """Stock NLTK Punkt (our parameters) + stock vaderSentiment on every sentence: the least
    any tool must do, with the libraries as shipped."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    from newstone.sentences import stock_tokenizer

    tokenizer, analyzer = stock_tokenizer(), SentimentIntensityAnalyzer()
    started = time.perf_counter()
    for article in articles:
        text = article.text
        for s, e in tokenizer.span_tokenize(text):
            analyzer.polarity_scores(text[s:e])
    return time.perf_counter() - started


def stage_costs(articles) -> dict[str, float]:
    """Each stage on its own, in the order the pipeline runs them."""
    from newstone.attribution import extract_attributions
    from newstone.countries import default_matcher
    from newstone.pipeline import quote_text
    from newstone.sentences import split_sentences
    from newstone.tone import tone_columns

    matcher = default_matcher()
    costs = dict.fromkeys(["sentences", "attribution", "countries", "tone"], 0.0)
    for article in articles:
        text = article.text
        sentences, t = timed(split_sentences, text, article.body_spans)
        costs["sentences"] += t
        attributions, t = timed(extract_attributions, text, sentences)
        costs["attribution"] += t
        _, t = timed(matcher.find, text, article.body_spans)
        costs["countries"] += t
        started = time.perf_counter()
        for s in sentences:
            tone_columns(text[s.start:s.end])
        for a in attributions:
            tone_columns(quote_text(text, a))
        costs["tone"] += time.perf_counter() - started
    return costs


def pipeline_cost(articles) -> float:
    """The per-article pipeline, rows dropped after each article as ``newstone parse``
    does (it keeps one batch at a time). Keeping every row alive here would make Python's
    garbage collector walk an ever larger heap and bill that to the pipeline."""
    from newstone.pipeline import process_article

    started = time.perf_counter()
    for article in articles:
        process_article(article)
    return time.perf_counter() - started


def rows_for_write(articles):
    from newstone.pipeline import process_article

    return [process_article(a) for a in articles]


def write_cost(rows) -> float:
    from newstone.store import DatasetWriter

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        writer = DatasetWriter(tmp)
        writer.write_all(iter(rows))
        writer.finish()
        return time.perf_counter() - started


def _pss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss_mb(root_pid: int) -> float:
    """Memory of a process and all its descendants, in MB (Linux /proc): the sum of their
    proportional set sizes (PSS), so pages that forked workers share with the parent are
    counted once, not once per process as summing RSS would."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = _pss_bytes(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root_pid}, [root_pid]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(rss.get(pid, 0) for pid in tree) / 1e6


def parse_subprocess(corpus: str, jobs: int, extra: tuple[str, ...] = ()) -> tuple[float, float]:
    """Wall seconds and peak memory (MB of PSS summed over the process and its workers,
    sampled every 0.2 s) of `newstone parse` run as its own process."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "newstone.cli", "parse", corpus, "-o", tmp, "--jobs", str(jobs),
               "--no-progress", *extra]
        started = time.perf_counter()
        process = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
        peak = 0.0
        while process.poll() is None:
            peak = max(peak, tree_rss_mb(process.pid))
            time.sleep(0.2)
        elapsed = time.perf_counter() - started
        if process.returncode:
            raise RuntimeError(f"{' '.join(cmd)} exited with {process.returncode}")
    return elapsed, peak


def big_article(megabytes: float):
    from newstone.ingest import parse_plain_text

    paragraph = (ROOT / "data" / "sample_reuters_putin_north_korea.txt").read_text("utf-8")
    body = paragraph.split("WASHINGTON (Reuters) \u2013 ", 1)[1].split("(Reporting by", 1)[0]
    repeats = int(megabytes * 1_000_000 / len(body.encode("utf-8"))) + 1
    text = "A very long article\n\n" + body * repeats
    return parse_plain_text("big", text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS if DEFAULT_CORPUS.exists()
                                                          else ROOT / "data"))
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--repeat", type=int, default=3, help="runs of floor and pipeline (best of)")
    parser.add_argument("--parse", action="store_true", help="also time `newstone parse` (1 and 2 workers)")
    parser.add_argument("--parse-only", action="store_true", help="only time `newstone parse` (1 and 2 workers)")
    parser.add_argument("--scaling", action="store_true", help="also run 1x, 2x, 4x the corpus")
    parser.add_argument("--big-mb", type=float, default=10.0, help="size of the single big article (0: skip)")
    args = parser.parse_args()

    print(f"corpus: {args.corpus}   machine: {os.cpu_count()} cores, python {sys.version.split()[0]}")
    if args.parse_only:
        report_parse(args.corpus)
        return
    articles, read_s = load(args.corpus, args.limit)
    megabytes = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    n = len(articles)
    print(f"articles: {n}   size: {megabytes:.2f} MB")

    # Warm caches (tokenizer, VADER lexicons, gazetteer) so no stage pays for loading.
    from newstone.pipeline import process_article
    process_article(articles[0])
    gc.collect()

    # Floor and pipeline alternate, best of --repeat runs each: on a shared or virtual
    # machine single runs of the same work vary by +-30%; the minimum is the stable figure.
    floor_runs, pipeline_runs = [], []
    for _ in range(args.repeat):
        floor_runs.append(floor_cost(articles))
        pipeline_runs.append(pipeline_cost(articles))
    floor_s, pipeline_s = min(floor_runs), min(pipeline_runs)
    print(f"runs (s): floor {', '.join(f'{x:.2f}' for x in floor_runs)}; "
          f"pipeline {', '.join(f'{x:.2f}' for x in pipeline_runs)}")
    stages = stage_costs(articles)
    write_s = write_cost(rows_for_write(articles))

    print("\n| what | seconds | articles/s | MB/s |")
    print("|---|---:|---:|---:|")
    line = lambda name, s: print(f"| {name} | {s:.2f} | {n / s:,.0f} | {megabytes / s:.2f} |")
    line(f"floor: Punkt + VADER per sentence (best of {args.repeat})", floor_s)
    line(f"pipeline (process_article, all stages; best of {args.repeat})", pipeline_s)
    line("  read (decode, header)", read_s)
    for name, seconds in stages.items():
        line(f"  {name}", seconds)
    line("  write (Parquet)", write_s)
    print(f"\nratio pipeline / floor: {pipeline_s / floor_s:.2f}   (target <= 1.3)")
    print(f"ratio pipeline + write / floor: {(pipeline_s + write_s) / floor_s:.2f}")
    print(f"peak RSS of this benchmark process: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (holds all rows for the write stage)")

    if args.big_mb:
        article = big_article(args.big_mb)
        result, seconds = timed(process_article, article)
        size = len(article.text.encode("utf-8")) / 1e6
        print(f"\none article of {size:.1f} MB: {seconds:.1f} s ({size / seconds:.2f} MB/s), "
              f"{result.article['n_sentences']} sentences, {result.article['n_quotes']} quotes, "
              f"error={result.article['error']}")

    if args.scaling:
        print("\n| corpus | articles | seconds | s per 1,000 articles |")
        print("|---|---:|---:|---:|")
        for factor in (1, 2, 4):
            batch = articles * factor
            seconds = min(pipeline_cost(batch) for _ in range(2))
            print(f"| {factor}x | {len(batch)} | {seconds:.1f} | {1000 * seconds / len(batch):.2f} |")

    if args.parse:
        report_parse(args.corpus)


def report_parse(corpus: str) -> None:
    print("\n| newstone parse | wall s | peak memory MB (PSS, all processes) |")
    print("|---|---:|---:|")
    results = {}
    for jobs in (1, 2):
        seconds, peak = parse_subprocess(corpus, jobs)
        results[jobs] = seconds
        print(f"| --jobs {jobs} | {seconds:.1f} | {peak:.0f} |", flush=True)
    print(f"\nspeed-up with 2 workers: {results[1] / results[2]:.2f}x   (target >= 1.8)")


if __name__ == "__main__":
    main()
