"""Where an article introduces a person, and the facts that travel from there to every quote.

A title seen at one attribution ("White House spokesman John Kirby said") carries to the
person's other quotes ("he said", "Kirby said"); a person never quoted with a title takes
the one the article writes where it first names them, before the name ("Russian President
Vladimir Putin's comments …") or in apposition after it ("…, said Dr Michael Bjorn, senior
advisor on mobile media at Ericsson").
"""

from __future__ import annotations

import re
from dataclasses import replace

from newstone.model import Attribution
from newstone.nlp.speakers.evidence import is_given_name, is_title_word
from newstone.nlp.speakers.mention import describe_one
from newstone.nlp.speakers.titles import apposition_title

# How far before a person's first attribution their introduction is looked for ("Russian
# President Vladimir Putin's comments ..." opens the article; "Putin suggested" comes later).
INTRODUCTION_WINDOW = 20_000


_INTRO_STOP = re.compile(r"[.,;:!?\n\u201c\u201d\"(\u2013\u2014]")
# An apposition that is a list, the start of a coordination or names another person
# ("Subir Raha, Gazprom chairman Aleksey Miller and …", "Ariel Sharon, and the Palestinian leader")
_NOT_A_DESCRIPTION = re.compile(r"^(?:and|or|but)\b|\b(?:and|&) [A-Z]")
# ", <apposition>," right after a name: up to the next comma or sentence mark
_APPOSITION_AFTER = re.compile(r",[ \t]+([^,.;:!?\n\u201c\u201d\"()]{3,120})(?=[,.;:!?\n])")


def complete_person_facts(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """Give every quote of a person the title and organisation known for them anywhere in
    the article.

    A title seen at one attribution ("White House spokesman John Kirby said") carries to
    the others ("he said", "Kirby said"). A person never introduced with a title at an
    attribution gets the title written with their full name where the article first names
    them (:func:`introduction`), read with the same rules as a mention. The search is
    bounded to a window before the first attribution, so the cost stays linear in the
    article length.
    """
    facts: dict[str, tuple[str | None, str | None]] = {}
    first_source: dict[str, int] = {}
    for att in attributions:
        if att.speaker_type != "person" or not att.speaker:
            continue
        first_source.setdefault(att.speaker, att.source[0] if att.source else att.start)
        title, org = facts.get(att.speaker, (None, None))
        facts[att.speaker] = (title or att.speaker_title, org or att.speaker_org)
    for name, (title, org) in facts.items():
        if title is None and " " in name:
            title, org = introduction(text, name, first_source[name])
            facts[name] = (title, org)
    out = []
    for att in attributions:
        if att.speaker_type == "person" and att.speaker in facts:
            title, org = facts[att.speaker]
            att = replace(att, speaker_title=att.speaker_title or title, speaker_org=att.speaker_org or org)
        out.append(att)
    return out


def introduction(text: str, name: str, before: int) -> tuple[str | None, str | None]:
    """(title, org) written right before the first occurrence of ``name`` in the window
    ("Russian President Vladimir Putin's comments"), else in the apposition right after it
    ("…, said Dr Michael Bjorn, senior advisor on mobile media at Ericsson")."""
    window_start = max(0, before - INTRODUCTION_WINDOW)
    at = text.find(name, window_start, before + len(name) + 200)
    if at <= 0:
        return None, None
    lead_start = at
    for stop in _INTRO_STOP.finditer(text, max(window_start, at - 120), at):
        lead_start = stop.end()
    lead = text[lead_start:at].split()
    info = describe_one(" ".join(lead + [name])) if lead else None
    if info is not None and info.name == name and info.title:
        return info.title, info.org
    appos = _APPOSITION_AFTER.match(text, at + len(name))
    if appos and not _NOT_A_DESCRIPTION.search(appos.group(1)) and not _names_someone(appos.group(1)):
        # "said Dr Michael Bjorn, senior advisor on mobile media at Ericsson"
        title, org = apposition_title(appos.group(1))
        if title and is_title_word(title.split()[-1]):
            return title, org
    return None, None


def _names_someone(phrase: str) -> bool:
    """Whether ``phrase`` holds a given name and a capitalised word ("petroleum minister Mani
    Shankar Aiyar"): a second person, so not a description of the first."""
    words = phrase.split()
    return any(is_given_name(a) and b[:1].isupper() for a, b in zip(words, words[1:]))
