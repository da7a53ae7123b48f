"""Prove a change left the tables alone: compare every table of two parsed datasets.

Two ways to call it::

    # two datasets written by `newstone parse -o DIR`
    python scripts/compare_tables.py BEFORE_DIR AFTER_DIR

    # parse INPUTs with the code of git revision REV and with the working tree, then compare
    python scripts/compare_tables.py --base REV INPUT... [--roster CSV] [--jobs N]

Every table is compared cell by cell after sorting its rows by the table's key (so part
numbering does not matter): articles, sentences, quotes, mentions and speakers.parquet.
Floats must be equal (not close): the same code on the same machine gives the same bits.
Prints one line per table and up to five differing rows; exits 1 on any difference.

It reads the Parquet files with pyarrow alone, not with newstone, so it works across a
refactoring that moves newstone's own modules.
"""

from __future__ import annotations

import argparse
import glob
import math
import os
import subprocess
import sys
import tempfile

import pyarrow.parquet as pq

TABLE_KEYS = {
    "articles": ("article_id",),
    "sentences": ("article_id", "sentence_id"),
    "quotes": ("article_id", "quote_id"),
    "mentions": ("article_id", "start", "end", "country"),
    "speakers": ("speaker",),
}


def read_rows(root: str, table: str) -> tuple[list[str], list[dict]]:
    """Column names and rows of one table of a dataset (every part file)."""
    if table == "speakers":
        files = [os.path.join(root, "speakers.parquet")]
        files = [f for f in files if os.path.exists(f)]
    else:
        files = sorted(glob.glob(os.path.join(root, table, "part-*.parquet")))
    columns: list[str] = []
    rows: list[dict] = []
    for path in files:
        part = pq.ParquetFile(path).read()
        columns = columns or part.column_names
        rows.extend(part.to_pylist())
    return columns, rows


def _sort_key(row: dict, keys: tuple[str, ...]):
    return tuple((row.get(k) is None, row.get(k) if row.get(k) is not None else 0) for k in keys)


def same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def compare_table(before: str, after: str, table: str, examples: int = 5) -> list[str]:
    """Differences of one table, as readable lines (empty when identical)."""
    columns_before, rows_before = read_rows(before, table)
    columns_after, rows_after = read_rows(after, table)
    problems = []
    if columns_before != columns_after:
        problems.append(f"  columns differ: {columns_before} vs {columns_after}")
    if len(rows_before) != len(rows_after):
        problems.append(f"  rows: {len(rows_before)} before, {len(rows_after)} after")
    keys = TABLE_KEYS[table]
    rows_before.sort(key=lambda r: _sort_key(r, keys))
    rows_after.sort(key=lambda r: _sort_key(r, keys))
    shown = 0
    differing = 0
    for old, new in zip(rows_before, rows_after):
        changed = [c for c in sorted(set(old) | set(new)) if not same(old.get(c), new.get(c))]
        if changed:
            differing += 1
            if shown < examples:
                shown += 1
                where = ", ".join(f"{k}={old.get(k)!r}" for k in keys)
                detail = "; ".join(f"{c}: {old.get(c)!r} -> {new.get(c)!r}" for c in changed[:4])
                problems.append(f"  [{where}] {detail}"[:400])
    if differing:
        problems.insert(0, f"  {differing} rows differ")
    return problems


def compare(before: str, after: str) -> bool:
    identical = True
    for table in TABLE_KEYS:
        problems = compare_table(before, after, table)
        n_rows = len(read_rows(after, table)[1])
        print(f"{table:10s} {n_rows:8d} rows  {'identical' if not problems else 'DIFFERENT'}")
        for line in problems:
            print(line)
        identical &= not problems
    return identical


def parse_with(lib_dir: str | None, inputs: list[str], output: str, roster: str | None, jobs: int) -> None:
    """``newstone parse`` with the package found in ``lib_dir`` (None: the installed one)."""
    env = dict(os.environ)
    if lib_dir:
        env["PYTHONPATH"] = lib_dir + os.pathsep + env.get("PYTHONPATH", "")
    command = [
        sys.executable,
        "-c",
        "import sys, newstone.cli as c; sys.exit(c.main())",
        "parse",
        *inputs,
        "-o",
        output,
        "--force",
        "--no-progress",
        "-j",
        str(jobs),
    ]
    if roster:
        command += ["--roster", roster]
    subprocess.run(command, check=True, env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="BEFORE_DIR AFTER_DIR, or INPUTs with --base")
    parser.add_argument("--base", metavar="REV", help="git revision whose code makes the 'before' tables")
    parser.add_argument("--roster", metavar="CSV")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if not args.base:
        if len(args.paths) != 2:
            parser.error("give BEFORE_DIR AFTER_DIR, or --base REV INPUT...")
        return 0 if compare(*args.paths) else 1
    top = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="compare-tables-") as work:
        checkout = os.path.join(work, "base")
        subprocess.run(["git", "-C", top, "worktree", "add", "--detach", "--quiet", checkout, args.base], check=True)
        try:
            before, after = os.path.join(work, "before"), os.path.join(work, "after")
            parse_with(os.path.join(checkout, "lib"), args.paths, before, args.roster, args.jobs)
            parse_with(None, args.paths, after, args.roster, args.jobs)
            return 0 if compare(before, after) else 1
        finally:
            subprocess.run(["git", "-C", top, "worktree", "remove", "--force", checkout], check=False)


if __name__ == "__main__":
    sys.exit(main())
