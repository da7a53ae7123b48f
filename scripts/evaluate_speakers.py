#!/usr/bin/env python3
"""Score corpus-level speaker identity against the hand-checked set in evaluation/speakers/.

Gold data (issue 14): ``evaluation/speakers/people.tsv`` (one row per person: accepted clean
names, role, country) and ``evaluation/speakers/quotes.tsv`` (one row per quote: corpus,
article id, the offsets of the quote's first content piece, the true person). The files hold
references into the ../shared corpora only, never their text; see the README there.

Usage::

    python scripts/evaluate_speakers.py BBC_DATASET [REUTERS_DATASET] [--verbose] [--json FILE]

Each dataset is a directory written by ``newstone parse -o DIR`` (its ``quotes`` Parquet
table is read with pyarrow). A dataset path that does not exist is skipped with a message;
with none left the script prints why and exits 0.

Matching: a gold quote is "found" when a predicted quote of the same article covers at least
half of the gold content piece's characters (summed over the predicted quote's spans); the
predicted quote with the largest overlap wins (ties: the fewest characters outside the gold
piece, then the lowest quote_id). Figures, overall
and per corpus:

* found: share of gold quotes matched;
* one clean name: share of gold quotes whose predicted ``speaker`` equals one of the person's
  accepted names (case-insensitive), summed over people; over found quotes and over all gold
  quotes (a quote not found counts as wrong);
* single value: share of people (with at least two found quotes) all of whose found quotes
  carry the same ``speaker`` value (a missing speaker is a value of its own), and the share
  whose single value is also one of their accepted names;
* officials' country: over found quotes of officials with a gold country, the share whose
  predicted ``speaker_country`` equals it (missing counts as wrong);
* role: share of found quotes whose ``speaker_role`` equals the gold role, when the quotes
  table has that column.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "evaluation" / "speakers"
CORPORA = ("bbc", "reuters")
COLUMNS = (
    "article_id",
    "quote_id",
    "spans",
    "speaker",
    "speaker_country",
    "speaker_role",
)


@dataclass(frozen=True)
class Person:
    person_id: str
    canonical: str
    accepted: frozenset  # case-folded accepted names
    role: str
    country: str
    corpus: str


@dataclass(frozen=True)
class GoldQuote:
    corpus: str
    article_id: str
    start: int
    end: int
    person_id: str


@dataclass
class Prediction:
    quote_id: int
    spans: list
    speaker: str | None
    country: str | None
    role: str | None


def _rows(path: Path):
    """Rows of a commented, tab-separated gold file as dicts."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#") and line.strip()]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_gold(folder: Path) -> tuple[dict[str, Person], list[GoldQuote]]:
    people = {}
    for row in _rows(folder / "people.tsv"):
        names = [n.strip() for n in row["accepted_names"].split("|") if n.strip()]
        names.append(row["canonical_name"].strip())
        people[row["person_id"]] = Person(
            row["person_id"],
            row["canonical_name"].strip(),
            frozenset(n.casefold() for n in names),
            row["role"].strip(),
            row["country"].strip(),
            row["corpus"].strip(),
        )
    quotes = []
    for row in _rows(folder / "quotes.tsv"):
        if row["person_id"] not in people:
            raise SystemExit(f"quotes.tsv: unknown person_id {row['person_id']!r}")
        quotes.append(
            GoldQuote(
                row["corpus"],
                row["article_id"],
                int(row["content_start"]),
                int(row["content_end"]),
                row["person_id"],
            )
        )
    return people, quotes


def _none(value):
    """None for missing values (None, NaN, empty string)."""
    if value is None or value != value or value == "":  # NaN != NaN
        return None
    return value


def load_predictions(dataset: Path, articles: set[str]) -> tuple[dict[str, list[Prediction]], bool]:
    """Predicted quotes of the given articles, by article id; and whether speaker_role exists."""
    table_path = dataset / "quotes"
    if not table_path.exists() and (dataset / "quotes.parquet").exists():
        table_path = dataset / "quotes.parquet"
    if table_path.exists():
        import pyarrow.compute as pc
        import pyarrow.dataset as pads

        data = pads.dataset(str(table_path), format="parquet")
        names = set(data.schema.names)
        columns = [c for c in COLUMNS if c in names]
        table = data.to_table(columns=columns, filter=pc.field("article_id").isin(sorted(articles)))
        records = table.to_pylist()
    else:  # not a Parquet dataset: let newstone read whatever it is
        import newstone

        frame = newstone.read(str(dataset)).quotes
        names = set(frame.columns)
        frame = frame[frame["article_id"].isin(articles)]
        records = frame[[c for c in COLUMNS if c in names]].to_dict("records")
    by_article: dict[str, list[Prediction]] = defaultdict(list)
    for rec in records:
        spans = [(int(a), int(b)) for a, b in (rec.get("spans") or [])]
        by_article[rec["article_id"]].append(
            Prediction(
                int(rec["quote_id"]),
                spans,
                _none(rec.get("speaker")),
                _none(rec.get("speaker_country")),
                _none(rec.get("speaker_role")),
            )
        )
    for preds in by_article.values():
        preds.sort(key=lambda p: p.quote_id)
    return by_article, "speaker_role" in names


def match(gold: GoldQuote, preds: list[Prediction]) -> Prediction | None:
    """The predicted quote covering most of the gold content piece (>= half of it); on a tie
    the one with fewer characters outside it (a nested quote inside a wider one, "Oaten said
    the vote showed the government had 'lost the confidence'", is matched by the exact one
    whichever the finder listed first), then the lowest quote_id."""
    best, best_key = None, (0, 0)
    for pred in preds:
        overlap = sum(max(0, min(b, gold.end) - max(a, gold.start)) for a, b in pred.spans)
        outside = sum(b - a for a, b in pred.spans) - overlap
        if overlap and (overlap, -outside) > best_key:
            best, best_key = pred, (overlap, -outside)
    best_overlap = best_key[0]
    length = max(1, gold.end - gold.start)
    return best if best is not None and best_overlap * 2 >= length else None


def _share(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def score(pairs, people: dict[str, Person], has_role: bool) -> dict:
    """Figures over (gold quote, prediction or None) pairs."""
    n = len(pairs)
    found = [(g, p) for g, p in pairs if p is not None]
    clean = sum(1 for g, p in found if p.speaker is not None and p.speaker.casefold() in people[g.person_id].accepted)
    values: dict[str, Counter] = defaultdict(Counter)
    for g, p in found:
        values[g.person_id][p.speaker] += 1
    multi = {pid: c for pid, c in values.items() if sum(c.values()) >= 2}
    single = [pid for pid, c in multi.items() if len(c) == 1]
    single_clean = [
        pid
        for pid in single
        if next(iter(multi[pid])) is not None and next(iter(multi[pid])).casefold() in people[pid].accepted
    ]
    officials = [(g, p) for g, p in found if people[g.person_id].role == "official" and people[g.person_id].country]
    country_ok = sum(1 for g, p in officials if p.country == people[g.person_id].country)
    figures = {
        "gold_quotes": n,
        "people": len({g.person_id for g, _ in pairs}),
        "found": len(found),
        "found_share": _share(len(found), n),
        "clean_name_found": _share(clean, len(found)),
        "clean_name_all": _share(clean, n),
        "people_2plus_found": len(multi),
        "single_value_people": _share(len(single), len(multi)),
        "single_clean_value_people": _share(len(single_clean), len(multi)),
        "official_quotes_with_country": len(officials),
        "official_country_accuracy": _share(country_ok, len(officials)),
    }
    if has_role:
        role_ok = sum(1 for g, p in found if p.role is not None and p.role.casefold() == people[g.person_id].role)
        figures["role_accuracy"] = _share(role_ok, len(found))
    else:
        figures["role_accuracy"] = None
    return figures


def _fmt(value) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def report(name: str, fig: dict, has_role: bool) -> str:
    lines = [
        f"== {name}: {fig['gold_quotes']} gold quotes, {fig['people']} people",
        f"  found                     {fig['found']}/{fig['gold_quotes']} = {_fmt(fig['found_share'])}",
        f"  one clean name (found)    {_fmt(fig['clean_name_found'])}",
        f"  one clean name (all gold) {_fmt(fig['clean_name_all'])}",
        f"  people under one value    {_fmt(fig['single_value_people'])}"
        f"  (of {fig['people_2plus_found']} people with >= 2 found quotes;"
        f" one clean value {_fmt(fig['single_clean_value_people'])})",
        f"  officials' country        {_fmt(fig['official_country_accuracy'])}"
        f"  (over {fig['official_quotes_with_country']} found official quotes)",
    ]
    lines.append(
        f"  role                      {_fmt(fig['role_accuracy'])}" if has_role else "  role: no speaker_role column"
    )
    return "\n".join(lines)


def per_person(pairs, people: dict[str, Person]) -> list[dict]:
    by_person = defaultdict(list)
    for g, p in pairs:
        by_person[g.person_id].append(p)
    out = []
    for pid in sorted(by_person, key=lambda x: (people[x].corpus, x)):
        preds = by_person[pid]
        found = [p for p in preds if p is not None]
        out.append(
            {
                "person_id": pid,
                "role": people[pid].role,
                "country": people[pid].country,
                "quotes": len(preds),
                "found": len(found),
                "speakers": Counter(p.speaker or "<none>" for p in found).most_common(),
                "countries": Counter(p.country or "<none>" for p in found).most_common(),
            }
        )
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "bbc",
        metavar="BBC_DATASET",
        help="dataset written by `newstone parse -o DIR` from the BBC corpus",
    )
    parser.add_argument(
        "reuters",
        metavar="REUTERS_DATASET",
        nargs="?",
        help="dataset written from Reuters-21578",
    )
    parser.add_argument(
        "--gold",
        type=Path,
        default=DEFAULT_GOLD,
        help="folder with people.tsv and quotes.tsv",
    )
    parser.add_argument("--verbose", action="store_true", help="one line per person")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures as JSON")
    args = parser.parse_args(argv)

    people, gold = load_gold(args.gold)
    datasets = {}
    for corpus, path in zip(CORPORA, (args.bbc, args.reuters)):
        if path is None:
            continue
        if not Path(path).exists():
            print(f"skip {corpus}: {path} does not exist")
            continue
        datasets[corpus] = Path(path)
    if not datasets:
        print("no dataset to score: nothing done")
        return 0

    pairs_by_corpus, has_role = {}, {}
    for corpus, path in datasets.items():
        wanted = [g for g in gold if g.corpus == corpus]
        preds, has_role[corpus] = load_predictions(path, {g.article_id for g in wanted})
        pairs_by_corpus[corpus] = [(g, match(g, preds.get(g.article_id, []))) for g in wanted]

    results, blocks = {}, []
    all_pairs = [pair for pairs in pairs_by_corpus.values() for pair in pairs]
    role_all = all(has_role.values())
    if len(datasets) > 1:
        results["overall"] = score(all_pairs, people, role_all)
        blocks.append(report("overall", results["overall"], role_all))
    for corpus, pairs in pairs_by_corpus.items():
        results[corpus] = score(pairs, people, has_role[corpus])
        blocks.append(report(f"{corpus} ({datasets[corpus]})", results[corpus], has_role[corpus]))
    print("\n".join(blocks))

    persons = per_person(all_pairs, people)
    if args.verbose:
        print("\n== per person: quotes found/gold; predicted speaker values; predicted countries")
        for row in persons:
            speakers = ", ".join(f"{s} x{n}" for s, n in row["speakers"]) or "-"
            countries = ", ".join(f"{c} x{n}" for c, n in row["countries"]) or "-"
            gold_country = row["country"] or "-"
            print(
                f"{row['person_id']} [{row['role']}, {gold_country}] "
                f"{row['found']}/{row['quotes']}: {speakers} | country: {countries}"
            )
    if args.json:
        payload = {
            "datasets": {c: str(p) for c, p in datasets.items()},
            "figures": results,
            "people": persons,
        }
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
