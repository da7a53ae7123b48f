"""The ``newstone`` command: parse, quotes, export, evaluate, report.

Exit codes: 0 success; 1 when no article could be processed (every input unreadable) or
a report failed; 2 for usage errors and missing paths. Articles that fail are reported on
stderr and kept as error rows; the rest of a batch goes on.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import warnings

from newstone.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, InputRefused, RosterError, SettingsMismatch
from newstone.model import ATTRIBUTION_MODES, DEFAULT_ATTRIBUTION

# What `newstone export` offers (as in newstone.dataset.export, without importing pyarrow
# to build the parser).
EXPORT_TABLES = ("articles", "sentences", "quotes", "mentions", "speakers")
EXPORT_FORMATS = ("csv", "jsonl", "parquet")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newstone",
        description="Who said what, in which tone, about which country: "
        "news articles to tables of quotes, speakers, country mentions and tone.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add_attribution(p, extra=()):
        p.add_argument(
            "--attribution",
            choices=(*ATTRIBUTION_MODES, *extra),
            default=DEFAULT_ATTRIBUTION,
            help="who-said-what finder: hybrid (default), the rules extended by a tagger trained on PolNeAR, "
            "or rules alone (docs/methodology.md)" + ("; both scores the two side by side" if extra else ""),
        )

    def add_common(p):
        p.add_argument(
            "inputs", nargs="+", metavar="INPUT", help="files (.txt, .jsonl, .csv, .html), directories or glob patterns"
        )
        p.add_argument(
            "--tone",
            choices=("news", "vader", "learned"),
            default="news",
            help="scorer for the tone/tone_label columns (default: news; learned: the supervised "
            "sentence model); raw VADER columns compound/pos/neu/neg are always kept",
        )
        p.add_argument("--roster", metavar="CSV", help="officials.csv overriding speaker facts (see README)")
        add_attribution(p)
        p.add_argument(
            "-j",
            "--jobs",
            type=int,
            default=None,
            help="worker processes (default: parse uses every core, quotes uses 1)",
        )

    p = sub.add_parser(
        "parse",
        help="write every table as a Parquet dataset",
        description="Parse articles and write articles/sentences/quotes/mentions as "
        "Parquet datasets (one part file per batch) and speakers.parquet into DIR. "
        "Reruns skip articles already done (same id and content hash).",
    )
    add_common(p)
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="output directory")
    p.add_argument("--force", action="store_true", help="redo every article, discarding DIR's tables")
    p.add_argument(
        "--batch-size",
        type=int,
        default=200,
        help="articles per part file and per unit of work (default 200); the "
        "end of the input comes in smaller parts so workers finish together",
    )
    p.add_argument(
        "--engine", choices=("local", "dask"), default="local", help="local processes (default) or a Dask cluster"
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address (with --engine dask); default: a local cluster with --jobs workers",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument(
        "--near-duplicates",
        type=_similarity,
        default=0.8,
        metavar="T",
        help="mark an article duplicate_of an earlier one when their 5-word shingles have "
        "Jaccard similarity >= T (0 < T <= 1; default 0.8); reports count it once",
    )

    p = sub.add_parser(
        "quotes",
        help="print the quotes (who said what)",
        description="Print one line per attribution, of the inputs or of a dataset made by "
        "`newstone parse` (named on its own). jsonl objects carry article, "
        "content [[start, end], ...], source [start, end] or null, cue, speaker, "
        "speaker_country, kind, text, compound and tone: the input of the PolNeAR scorer.",
    )
    add_common(p)
    p.add_argument(
        "--format",
        choices=("table", "jsonl", "csv"),
        default="table",
        help="table (default, for reading), jsonl (offsets, the PolNeAR scorer's input) or csv",
    )

    p = sub.add_parser(
        "export",
        help="write one table of a parsed dataset as CSV, JSON Lines or Parquet",
        description="Write one table of a dataset made by `newstone parse` to FILE (default: "
        "standard output), streaming it part by part. List columns (spans, aliases ...) are "
        "JSON text in CSV.",
    )
    p.add_argument("dataset", metavar="DATASET", help="a folder written by `newstone parse -o DATASET`")
    p.add_argument("--table", choices=EXPORT_TABLES, default="quotes", help="the table (default: quotes)")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="csv", help="csv (default), jsonl or parquet")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output)")

    p = sub.add_parser(
        "evaluate",
        help="score attribution against brat gold (PolNeAR layout)",
        description="Run the pipeline over GOLD_DIR/text/*.txt and score the quotes "
        "against GOLD_DIR/attributions/*.ann with the PolNeAR scorer's rule.",
    )
    p.add_argument("gold_dir", metavar="GOLD_DIR")
    p.add_argument("--metadata", metavar="FILE", help="PolNeAR metadata.tsv: first annotator is the gold")
    p.add_argument("--json", dest="json_out", metavar="FILE", help="also write the figures as JSON")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    add_attribution(p, extra=("both",))

    p = sub.add_parser(
        "report",
        help="run notebooks with papermill and render HTML reports",
        description="Execute notebooks (default: every notebook in notebooks/) with "
        "papermill, render each to reports/<name>.html with the code hidden, and write "
        "reports/index.html linking them (and the article pages of --per-article).",
    )
    p.add_argument(
        "notebooks",
        nargs="*",
        metavar="NOTEBOOK",
        help="a notebook file, or the name of one in notebooks/ (tone_by_official); default: all of notebooks/",
    )
    p.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="set a notebook parameter (value parsed as YAML)",
    )
    p.add_argument("-f", "--parameters-file", metavar="YAML", help="parameters from a YAML file")
    p.add_argument("--input", metavar="PATH", help="shorthand for -p input_path PATH")
    p.add_argument("-o", "--output-dir", default="reports", metavar="DIR")
    p.add_argument(
        "--per-article",
        action="store_true",
        help="also write one explorer page per article of --input to DIR/articles/ (linked from DIR/index.html)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bars")
    return parser


def _similarity(text: str) -> float:
    """A --near-duplicates value: a number in (0, 1]."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number in (0, 1], e.g. 0.8")
    return value


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {
        "parse": cmd_parse,
        "quotes": cmd_quotes,
        "export": cmd_export,
        "evaluate": cmd_evaluate,
        "report": cmd_report,
    }[args.command]
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _print_warning
            return handler(args)
    except FileNotFoundError as exc:
        print(f"newstone: {exc}", file=sys.stderr)
        return EXIT_USAGE
    # -o a file; other settings; a named pipe as an input
    except (NotADirectoryError, FileExistsError, SettingsMismatch, RosterError, InputRefused) as exc:
        print(f"newstone: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except _Usage as exc:
        print(f"newstone: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `newstone quotes ... | head`
        return EXIT_OK


def _print_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings as one line a user reads ("newstone: warning: roster …"), not Python's
    "file:line: UserWarning:" followed by a line of our source."""
    print(f"newstone: warning: {message}", file=sys.stderr)


def _options(args):
    from newstone.nlp.speakers.facts import Roster
    from newstone.pipeline import Options

    return Options(
        tone_scorer=args.tone,
        roster=Roster.load(args.roster) if args.roster else None,
        attribution=getattr(args, "attribution", DEFAULT_ATTRIBUTION),
    )


def _report_errors(n_articles: int, errors: list[tuple[str, str]]) -> int:
    for article_id, error in errors[:20]:
        print(f"newstone: {article_id}: {error}", file=sys.stderr)
    if len(errors) > 20:
        print(f"newstone: ... and {len(errors) - 20} more errors", file=sys.stderr)
    if n_articles and len(errors) == n_articles:
        print("newstone: no article could be processed", file=sys.stderr)
        return EXIT_FAILED
    if n_articles == 0:
        print("newstone: no articles found in the inputs", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _refuse_datasets(inputs: list[str]) -> bool:
    """True (after saying why) when an input is a dataset written by ``newstone parse``:
    read as an input folder it holds no articles, and its tables are already made."""
    from newstone.dataset.store import is_dataset

    datasets = [path for path in inputs if is_dataset(path)]
    if datasets:
        print(
            f"newstone: {datasets[0]} is a dataset written by `newstone parse`: its quotes are in "
            f"{os.path.join(datasets[0], 'quotes')} (read them with newstone.read or newstone.sql)",
            file=sys.stderr,
        )
    return bool(datasets)


def _one_dataset(inputs: list[str]) -> str | None:
    """The dataset named by ``inputs`` when they are exactly one dataset; a dataset among
    other inputs is a usage error (exit 2), as in ``newstone.read``."""
    from newstone.dataset.store import is_dataset

    datasets = [path for path in inputs if is_dataset(path)]
    if datasets and len(inputs) > 1:
        raise _Usage(
            f"{datasets[0]} is a dataset written by `newstone parse`: name it on its own, not with other inputs"
        )
    return datasets[0] if datasets else None


class _Usage(Exception):
    """A usage error found while running a command (exit 2, message on stderr)."""


def cmd_parse(args) -> int:
    from newstone.ingest.discover import check_inputs

    check_inputs(args.inputs)  # fail early, with exit 2, on a missing path or a named pipe
    from newstone.dataset.local import default_jobs  # imports the pipeline: after the check

    if _refuse_datasets(args.inputs):
        return EXIT_USAGE
    jobs = args.jobs or default_jobs()
    if args.engine == "dask":
        from newstone.dataset.dask_engine import parse_with_dask

        started = time.perf_counter()
        summary = parse_with_dask(
            args.inputs,
            args.output,
            _options(args),
            jobs=jobs,
            scheduler=args.scheduler,
            force=args.force,
            batch_size=args.batch_size,
            near_duplicates=args.near_duplicates,
        )
    else:
        from newstone.dataset.parse import parse_to_dataset

        # Timed from here: the seconds reported are the work, not Python's imports.
        started = time.perf_counter()
        summary = parse_to_dataset(
            args.inputs,
            args.output,
            _options(args),
            jobs=jobs,
            force=args.force,
            batch_size=args.batch_size,
            progress=not args.no_progress,
            near_duplicates=args.near_duplicates,
        )
    elapsed = time.perf_counter() - started
    print(
        f"newstone: {summary.processed} articles processed, {summary.skipped} already done, "
        f"{len(summary.errors)} errors, in {elapsed:.1f} s -> {args.output}",
        file=sys.stderr,
    )
    return _report_errors(summary.processed + summary.skipped, summary.errors)


def cmd_quotes(args) -> int:
    from newstone.dataset.local import map_articles
    from newstone.ingest.reader import iter_articles

    dataset = _one_dataset(args.inputs)
    if dataset:
        return print_dataset_quotes(dataset, args)
    from newstone.dataset.identity import identify_rows

    articles = iter_articles(args.inputs)
    n_articles, errors, quotes, article_rows, mention_rows = 0, [], [], [], []
    for rows in map_articles(articles, _options(args), jobs=args.jobs or 1):
        n_articles += 1
        if rows.article["error"]:
            errors.append((rows.article["article_id"], rows.article["error"]))
        quotes.extend(rows.quotes)
        article_rows.append({key: rows.article[key] for key in ("article_id", "published", "text")})
        mention_rows += [{"article_id": m["article_id"], "country": m["country"]} for m in rows.mentions]
    identify_rows(quotes, article_rows, mention_rows)  # the corpus's speakers, as newstone parse gives them
    write_quotes(quotes, args.format, sys.stdout)
    return _report_errors(n_articles, errors)


def print_dataset_quotes(dataset: str, args) -> int:
    """``newstone quotes DATASET``: the quotes a parse already made, in any format. The
    dataset's tone scorer and roster are fixed: asking for others is a usage error."""
    from newstone.dataset.export import table_pieces

    if args.tone != "news" or args.roster:
        raise _Usage(
            f"{dataset} is a parsed dataset: its tone and speaker facts were fixed by `newstone parse` "
            "(rerun it with --tone/--roster --force to change them)"
        )
    quotes = [row for piece in table_pieces(dataset, "quotes") for row in piece.to_pylist()]
    write_quotes(quotes, args.format, sys.stdout)
    return EXIT_OK


def quote_record(q: dict) -> dict:
    """One quote as the PolNeAR scorer reads it (plus the fields people want)."""
    return {
        "article": q["article_id"],
        "quote_id": q["quote_id"],
        "kind": q["kind"],
        "content": q["spans"],
        "source": [q["speaker_start"], q["speaker_end"]] if q["speaker_start"] is not None else None,
        "cue": [q["cue_start"], q["cue_end"]] if q["cue_start"] is not None else None,
        "cue_text": q["cue"],
        "speaker_mention": q["speaker_mention"],
        "speaker": q["speaker"],
        "speaker_id": q["speaker_id"],
        "speaker_role": q["speaker_role"],
        "article_speaker": q["article_speaker"],
        "speaker_type": q["speaker_type"],
        "speaker_title": q["speaker_title"],
        "speaker_org": q["speaker_org"],
        "speaker_country": q["speaker_country"],
        "text": q["text"],
        "compound": q["compound"],
        "tone": q["tone"],
        "tone_label": q["tone_label"],
    }


def write_quotes(quotes: list[dict], fmt: str, out) -> None:
    if fmt == "jsonl":
        for q in quotes:
            out.write(json.dumps(quote_record(q), ensure_ascii=False) + "\n")
        return
    import pandas as pd

    records = [quote_record(q) for q in quotes]
    if fmt == "csv":
        pd.DataFrame.from_records(records).to_csv(out, index=False)
        return
    if not records:
        out.write("(no quotes)\n")
        return
    df = pd.DataFrame.from_records(records)
    df["text"] = df["text"].map(lambda t: t if len(t) <= 72 else t[:69] + "...")
    df["tone"] = df["tone"].map(lambda v: f"{v:+.2f}")
    columns = ["article", "speaker", "speaker_country", "kind", "tone", "text"]
    table = df[columns].fillna("-").astype(str)
    # Left-aligned text columns read like a list of quotes; pandas right-aligns by default.
    widths = {c: max(len(c), int(table[c].str.len().max())) for c in columns}
    lines = ["  ".join(c.ljust(widths[c]) for c in columns).rstrip()]
    lines += ["  ".join(row[c].ljust(widths[c]) for c in columns).rstrip() for _, row in table.iterrows()]
    out.write("\n".join(lines) + "\n")


def cmd_export(args) -> int:
    from newstone.dataset.export import export_table
    from newstone.dataset.store import is_dataset

    if not is_dataset(args.dataset):
        what = "does not exist" if not os.path.exists(args.dataset) else "is not a dataset written by `newstone parse`"
        raise _Usage(f"{args.dataset} {what} (make one with: newstone parse INPUT... -o DATASET)")
    if args.output is None and args.format == "parquet" and sys.stdout.isatty():
        raise _Usage("--format parquet writes binary: give a file with -o FILE")
    started = time.perf_counter()
    if args.output:
        with open(args.output, "wb") as out:
            rows = export_table(args.dataset, args.table, args.format, out)
    else:
        rows = export_table(args.dataset, args.table, args.format, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    print(
        f"newstone: {rows} {args.table} row(s) as {args.format} -> {args.output or 'standard output'} "
        f"in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_evaluate(args) -> int:
    from newstone.evaluate import evaluate

    if not os.path.isdir(os.path.join(args.gold_dir, "text")):
        raise FileNotFoundError(
            f"{args.gold_dir!r} has no text/ folder (expected GOLD_DIR/text and GOLD_DIR/attributions)"
        )
    modes = ATTRIBUTION_MODES if args.attribution == "both" else (args.attribution,)
    results, seconds = {}, {}
    for mode in modes:
        started = time.perf_counter()
        results[mode] = evaluate(args.gold_dir, args.metadata, jobs=args.jobs, attribution=mode)
        seconds[mode] = round(time.perf_counter() - started, 1)
    if len(modes) == 1:
        summary = results[modes[0]]
        for key, value in summary.items():
            print(f"{key}: {value}")
        print(f"seconds: {seconds[modes[0]]}")
        print(f"attribution F1 = {summary['attribution_f1']:.3f}")
    else:  # side by side: one row per figure, one column per mode
        summary = results
        print(f"{'':24s}" + "".join(f"{mode:>10s}" for mode in modes))
        for key in results[modes[0]]:
            print(f"{key:24s}" + "".join(f"{results[mode][key]:>10}" for mode in modes))
        print(f"{'seconds':24s}" + "".join(f"{seconds[mode]:>10}" for mode in modes))
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as fh:
            json.dump(summary, fh, indent=1)
    return EXIT_OK


def cmd_report(args) -> int:
    from newstone.reports.render import run_reports

    return run_reports(args)


if __name__ == "__main__":
    sys.exit(main())
