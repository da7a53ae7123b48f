"""Speed of :func:`newstone.tone_toward`, in targets per second of CPU time on one core.

Text: every sentence of NewsMTSC train (``../shared/data/newsmtsc/train.jsonl``, 7,758
sentences, 8,739 targets), each scored with all its targets as one call. CPU time
(``time.process_time``), so a busy shared machine slows the figures less than wall time;
the model is loaded before timing. The first pass starts with empty word memos; the best
of ``--repeat`` passes is the steady state of a long run. Target: >= 5,000 targets/s.

``--compare OLD_LIB`` runs this script under ``OLD_LIB`` (another checkout's ``lib``) and
under the current ``lib`` in turn, ``--rounds`` times each, alternating, prints both, and
checks that both give the same predictions for every target. Run:
``PYTHONPATH=lib .venv/bin/python benchmarks/tone_toward.py [--compare /tmp/old/lib]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "newsmtsc" / "train.jsonl"
TARGET_PER_S = 5000


def load(path: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return [(r["sentence_normalized"], [(t["from"], t["to"]) for t in r["targets"]]) for r in records]


def measure(items, repeat: int) -> dict:
    from newstone.nlp.tone.toward import tone_toward, toward_model

    toward_model()
    n = sum(len(spans) for _, spans in items)
    times = []
    predictions = None
    for _ in range(repeat):
        started = time.process_time()
        out = [tone_toward(sentence, spans) for sentence, spans in items]
        times.append(time.process_time() - started)
        if predictions is None:
            predictions = [
                [(r["label"], r["probabilities"]["negative"], r["probabilities"]["positive"]) for r in rs] for rs in out
            ]
    return {"targets": n, "first": n / times[0], "best": n / min(times), "predictions": predictions}


def run_under(lib: str, repeat: int, data: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=lib)
    command = [sys.executable, __file__, "--json", "--repeat", str(repeat), "--data", str(data)]
    return json.loads(subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED, help="NewsMTSC train.jsonl")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the sentences (best of)")
    parser.add_argument("--compare", metavar="OLD_LIB", help="also time another checkout's lib, alternating")
    parser.add_argument("--rounds", type=int, default=3, help="with --compare: runs of each, alternating")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.json:
        print(json.dumps(measure(load(args.data), args.repeat)))
        return 0
    if not args.compare:
        result = measure(load(args.data), args.repeat)
        print(
            f"tone_toward: {result['targets']:,} targets; first pass {result['first']:,.0f}/s, "
            f"best of {args.repeat} {result['best']:,.0f}/s CPU (target {TARGET_PER_S:,}/s)"
        )
        return 0
    current = str(Path(__file__).resolve().parents[1] / "lib")
    runs: dict[str, list[dict]] = {"old": [], "new": []}
    for _ in range(args.rounds):
        runs["old"].append(run_under(args.compare, args.repeat, args.data))
        runs["new"].append(run_under(current, args.repeat, args.data))
    for name, results in runs.items():
        firsts = ", ".join(f"{r['first']:,.0f}" for r in results)
        bests = ", ".join(f"{r['best']:,.0f}" for r in results)
        print(f"{name}: first pass {firsts} targets/s; best of {args.repeat}: {bests} targets/s CPU")
    old, new = runs["old"][0]["predictions"], runs["new"][0]["predictions"]
    flat = [(o, n) for os_, ns in zip(old, new) for o, n in zip(os_, ns)]
    same_label = sum(o[0] == n[0] for o, n in flat)
    same = sum(o == n for o, n in flat)
    print(f"predictions: {same_label:,}/{len(flat):,} same label, {same:,}/{len(flat):,} same probabilities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
