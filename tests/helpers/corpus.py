"""A small corpus for the report tests, written by the tests: two wires in two folders,
dated over five weeks, two officials who sound warm in one wire and harsh in the other,
and one story that the second wire files again with a few words changed."""

from __future__ import annotations

import json
from pathlib import Path

WARM = [
    "We are proud of this wonderful agreement and grateful to our friends",
    "This is excellent progress and we welcome the generous support",
    "The talks were friendly, productive and very encouraging",
    "We are delighted and optimistic about a great future together",
]


HARSH = [
    "This is a terrible, cruel and shameful attack on innocent people",
    "These hostile threats are dangerous lies and we condemn them",
    "The situation is awful, the damage is tragic and the losses are painful",
    "We are angry and deeply worried by this disgraceful failure",
]


BACKGROUND = (
    "Ships have waited for weeks at the port while inspectors checked their cargo and "
    "traders counted the cost of the delay for farmers across the region. Officials from "
    "several governments met in the capital to discuss the corridor, the insurance of the "
    "vessels and the schedule of the next round of talks."
)


def story(title: str, moods: list[str], day: str, wire: str, number: int) -> dict:
    """One record: a headline, background prose, and a quote of each official."""
    dubois, volkova = moods
    text = (
        f"{title}\n\n"
        f"French Foreign Minister Claire Dubois spoke after the meeting on day {number} of the talks.\n\n"
        f'"{dubois}," Dubois said.\n\n'
        f"{BACKGROUND}\n\n"
        f"Russian Foreign Ministry spokeswoman Irina Volkova answered her in a statement.\n\n"
        f'"{volkova}," Volkova said.'
    )
    return {"id": f"{wire}-{number:02d}", "date": day, "source": wire.replace("_", " ").title(), "title": title,
            "text": text}  # fmt: skip


def write_report_corpus(root: Path) -> Path:
    """``root/wire_a/items.jsonl`` (warm quotes) and ``root/wire_b/items.jsonl`` (harsh
    quotes, and a near copy of wire_a's first story); returns ``root``."""
    days_a = ["2024-03-04", "2024-03-05", "2024-03-12", "2024-03-19"]
    days_b = ["2024-03-06", "2024-03-13", "2024-03-20", "2024-04-02"]
    wire_a = [story(f"Grain talks, round {i + 1}", [WARM[i], WARM[-1 - i]], d, "wire_a", i + 1)
              for i, d in enumerate(days_a)]  # fmt: skip
    wire_b = [story(f"Port attack, day {i + 1}", [HARSH[i], HARSH[-1 - i]], d, "wire_b", i + 1)
              for i, d in enumerate(days_b)]  # fmt: skip
    near_copy = dict(wire_a[0], id="wire_b-copy", date="2024-03-05", source="Wire B")
    near_copy["text"] = near_copy["text"].replace("several governments", "many governments")
    wire_b.append(near_copy)
    for name, records in (("wire_a", wire_a), ("wire_b", wire_b)):
        (root / name).mkdir(parents=True, exist_ok=True)
        lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
        (root / name / "items.jsonl").write_text(lines, encoding="utf-8")
    return root
