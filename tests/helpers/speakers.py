"""Speaker helpers: one mention described on its own, and an attribution whose source is a
given mention (for resolving speakers without running the attribution stage)."""

from __future__ import annotations

from newstone.model import Attribution
from newstone.nlp.speakers.mention import SpeakerInfo, describe_mention


def one_speaker(mention: str) -> SpeakerInfo:
    """The single speaker ``describe_mention`` reads in ``mention``."""
    infos = describe_mention(mention)
    assert len(infos) == 1, infos
    return infos[0]


def attributed_to(text: str, mention: str, occurrence: int = 0) -> Attribution:
    """An attribution whose source is the ``occurrence``-th ``mention`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    return Attribution(kind="indirect", spans=[(0, 1)], source=(start, start + len(mention)))
