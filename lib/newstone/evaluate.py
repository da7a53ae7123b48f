"""Attribution accuracy against brat-annotated gold (PolNeAR or the user's own).

``newstone evaluate GOLD_DIR`` runs the pipeline over ``GOLD_DIR/text/*.txt`` and scores
the quotes with the rule of PolNeAR's official scorer (``eval/score_attributions.py``):

* a prediction is matched to the gold attribution whose Content covers the largest share
  of the prediction's content characters; it is content-correct when that share >= 0.5;
* it is attribution-correct when also its source span overlaps that gold attribution's
  Source by at least one character (gold without a Source accepts any source);
* a gold attribution is found when the correct predictions matched to it cover >= 0.5
  of its Content characters together.

Gold is ``GOLD_DIR/attributions/NAME_ANNOTATOR.ann``; with ``metadata`` (PolNeAR's
metadata.tsv) the first listed annotator is the gold, otherwise the first file in sorted
order. A test checks that these figures equal the official scorer's on PolNeAR dev.
"""

from __future__ import annotations

import csv
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field

from newstone.model import DEFAULT_ATTRIBUTION

Frags = list[tuple[int, int]]

# Gold counted as "quoted": content holding a pair of double quotes, or the NYT's ''...''.
QUOTED = re.compile(r"[\u201c\"][^\u201c\u201d\"]{2,}[\u201d\"]|''[^']{2,}''")


@dataclass
class GoldAttribution:
    content: Frags
    source: Frags = field(default_factory=list)
    cue: Frags = field(default_factory=list)
    quoted: bool = False


@dataclass
class Prediction:
    content: Frags
    source: tuple[int, int] | None


def parse_brat(path: str) -> list[GoldAttribution]:
    """Attribution events of one brat .ann file (Source, Cue and Content spans)."""
    spans: dict[str, Frags] = {}
    events: list[dict[str, list[str]]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            if parts[0].startswith("T"):
                _, _, offsets = parts[1].partition(" ")
                try:
                    spans[parts[0]] = [tuple(map(int, f.split())) for f in offsets.split(";")]
                except ValueError:
                    continue
            elif parts[0].startswith("E"):
                roles: dict[str, list[str]] = defaultdict(list)
                for argument in parts[1].split():
                    role, _, span_id = argument.partition(":")
                    roles[re.sub(r"\d+$", "", role)].append(span_id)
                events.append(roles)
    gold = []
    for roles in events:

        def pick(role: str, roles=roles) -> Frags:
            return [f for sid in roles.get(role, []) if sid in spans for f in spans[sid]]

        if content := pick("Content"):
            gold.append(GoldAttribution(content, pick("Source"), pick("Cue")))
    return gold


def gold_files(split_dir: str, metadata: str | None = None) -> dict[str, str]:
    """Article name -> gold .ann path, choosing the annotator as the official scorer does."""
    texts, annotations = os.path.join(split_dir, "text"), os.path.join(split_dir, "attributions")
    order: dict[str, list[str]] = {}
    if metadata:
        with open(metadata, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                order[row["filename"]] = row["annotators"].split("|")
    ann_files = sorted(os.listdir(annotations))
    chosen = {}
    for name in sorted(f[:-4] for f in os.listdir(texts) if f.endswith(".txt")):
        candidates = [f"{name}_{a}.ann" for a in order.get(name, [])]
        candidates += [f for f in ann_files if f.startswith(name + "_") and f.endswith(".ann")]
        for candidate in candidates:
            if os.path.exists(os.path.join(annotations, candidate)):
                chosen[name] = os.path.join(annotations, candidate)
                break
    return chosen


def load_gold(split_dir: str, metadata: str | None = None) -> dict[str, list[GoldAttribution]]:
    gold = {}
    for name, ann in gold_files(split_dir, metadata).items():
        with open(os.path.join(split_dir, "text", name + ".txt"), encoding="utf-8") as fh:
            text = fh.read()
        items = parse_brat(ann)
        for item in items:
            item.quoted = any(QUOTED.search(text[s:e]) for s, e in item.content)
        gold[name] = items
    return gold


def _chars(frags) -> set[int]:
    return {i for s, e in frags for i in range(s, e)}


def score(gold: dict[str, list[GoldAttribution]], predictions: dict[str, list[Prediction]]) -> dict:
    """Counts and figures under the official matching rule (see module docstring)."""
    t: dict[str, int] = defaultdict(int)
    for name, items in gold.items():
        gold_chars = [_chars(g.content) for g in items]
        gold_sources = [_chars(g.source) for g in items]
        content_cover: dict[int, set] = defaultdict(set)
        attribution_cover: dict[int, set] = defaultdict(set)
        for p in predictions.get(name, []):
            t["predictions"] += 1
            predicted = _chars(p.content)
            if not predicted:
                continue
            best, share = None, 0.0
            for i, g in enumerate(gold_chars):
                s = len(predicted & g) / len(predicted)
                if s > share:
                    best, share = i, s
            if best is None or share < 0.5:
                continue
            t["content_correct"] += 1
            content_cover[best] |= predicted
            if not items[best].source or (p.source is not None and _chars([p.source]) & gold_sources[best]):
                t["attribution_correct"] += 1
                attribution_cover[best] |= predicted
        for i, g in enumerate(items):
            kind = "quoted" if g.quoted else "unquoted"
            t["gold"] += 1
            t["gold_" + kind] += 1
            if len(content_cover[i] & gold_chars[i]) >= 0.5 * len(gold_chars[i]):
                t["content_found"] += 1
            if len(attribution_cover[i] & gold_chars[i]) >= 0.5 * len(gold_chars[i]):
                t["attribution_found"] += 1
                t["attribution_found_" + kind] += 1
    return summarize(t, articles=len(gold))


def summarize(t: dict[str, int], articles: int) -> dict:
    div = lambda a, b: a / b if b else 0.0
    f1 = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0
    cp, cr = div(t["content_correct"], t["predictions"]), div(t["content_found"], t["gold"])
    ap, ar = div(t["attribution_correct"], t["predictions"]), div(t["attribution_found"], t["gold"])
    return {
        "articles": articles,
        "gold": t["gold"],
        "predictions": t["predictions"],
        "content_precision": round(cp, 4),
        "content_recall": round(cr, 4),
        "content_f1": round(f1(cp, cr), 4),
        "attribution_precision": round(ap, 4),
        "attribution_recall": round(ar, 4),
        "attribution_f1": round(f1(ap, ar), 4),
        "recall_quoted": round(div(t["attribution_found_quoted"], t["gold_quoted"]), 4),
        "recall_unquoted": round(div(t["attribution_found_unquoted"], t["gold_unquoted"]), 4),
        "gold_quoted": t["gold_quoted"],
        "gold_unquoted": t["gold_unquoted"],
    }


def predictions_from_quotes(quotes) -> dict[str, list[Prediction]]:
    """Scorer input from a quotes table (content pieces and the speaker mention span)."""
    out: dict[str, list[Prediction]] = defaultdict(list)
    for row in quotes.itertuples(index=False):
        source = (
            None
            if row.speaker_start is None or row.speaker_start != row.speaker_start
            else (int(row.speaker_start), int(row.speaker_end))
        )
        out[row.article_id].append(Prediction([tuple(map(int, s)) for s in row.spans], source))
    return out


def evaluate(
    split_dir: str, metadata: str | None = None, jobs: int = 1, attribution: str = DEFAULT_ATTRIBUTION
) -> dict:
    """Run the pipeline (with ``attribution`` "hybrid", the default, or "rules") over a brat split and
    score it. Raises FileNotFoundError if empty."""
    from newstone.dataset.corpus import read

    gold = load_gold(split_dir, metadata)
    if not gold:
        raise FileNotFoundError(f"no gold articles (text/*.txt with attributions/*.ann) under {split_dir}")
    texts = [os.path.join(split_dir, "text", name + ".txt") for name in gold]
    corpus = read(texts, jobs=jobs, attribution=attribution)
    quotes = corpus.quotes.astype({"speaker_start": object, "speaker_end": object})
    quotes = quotes.where(quotes.notna(), None)
    return score(gold, predictions_from_quotes(quotes))
