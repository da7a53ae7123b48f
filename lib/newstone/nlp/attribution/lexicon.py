"""The cue lexicon: the words that can introduce an attribution, read from ``data/cues.tsv``.

Each row gives a lemma, its class (speech, belief, intent, evidence), flags that restrict
where it counts (only with a quotation, only closing one, only with a that-clause ...; the
file's header explains each) and its forms. Look-alikes that start with a cue form ("think
tank") are in ``data/not_cues.txt``. Everything is compiled once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newstone.nlp.trie import trie_regex
from newstone.rules import RuleRow, read_table, word_set

# What a cue's class and flags may be (data/cues.tsv's header explains each flag).
CUE_CLASSES = frozenset({"speech", "belief", "intent", "evidence"})
CUE_FLAGS = frozenset("inv obj noun q end that qthat raise pass passq stance stanceonly as np".split())


@dataclass(frozen=True)
class Cue:
    """One cue form: ``words`` is the lower-case form ("said", "point out"); the other
    fields are what the row's flags mean for the rules (see :func:`cue_from_row`)."""

    words: tuple[str, ...]
    lemma: str
    cls: str
    invertible: bool
    takes_object: bool
    also_noun: bool
    needs_quote: bool = False
    passive_to: bool = False
    end_only: bool = False
    raising: bool = False
    needs_that: bool = False
    passive_question: bool = False
    quote_or_that: bool = False
    object_np: bool = False
    stance: bool = False
    stance_only: bool = False
    as_complement: bool = False
    that_ok: bool = True  # False for flag "as" without "that": only the as-complement will do


def cue_flags(row: RuleRow) -> frozenset[str]:
    """The flags of a cues.tsv row ("-" for none); an unknown flag is an error."""
    flags = frozenset() if row["flags"] == "-" else frozenset(f.strip() for f in row["flags"].split(","))
    unknown = sorted(flags - CUE_FLAGS)
    if unknown:
        raise row.error(
            f"unknown flag(s) {', '.join(unknown)} for {row['lemma']!r} (known: {', '.join(sorted(CUE_FLAGS))})"
        )
    return flags


def cue_from_row(row: RuleRow, form: str) -> Cue:
    """The :class:`Cue` of one form of a cues.tsv row."""
    if row["class"] not in CUE_CLASSES:
        raise row.error(f"class {row['class']!r} is not one of {', '.join(sorted(CUE_CLASSES))}")
    flags = cue_flags(row)
    return Cue(
        words=tuple(form.lower().split("_")),
        lemma=row["lemma"],
        cls=row["class"],
        invertible="inv" in flags,
        takes_object="obj" in flags,
        also_noun="noun" in flags,
        needs_quote="q" in flags or "qthat" in flags,
        passive_to="pass" in flags,
        end_only="end" in flags,
        raising="raise" in flags,
        needs_that="that" in flags or "as" in flags,
        passive_question="passq" in flags,
        quote_or_that="qthat" in flags,
        object_np="np" in flags,
        stance="stance" in flags or "stanceonly" in flags,
        stance_only="stanceonly" in flags,
        as_complement="as" in flags,
        that_ok="that" in flags or "as" not in flags,
    )


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, tuple[Cue, ...]]:
    """First word of a cue form -> the cue forms starting with it, longest first."""
    table: dict[str, list[Cue]] = {}
    for row in read_table("cues.tsv", ("lemma", "class", "flags", "forms")):
        for form in row["forms"].split():
            cue = cue_from_row(row, form)
            table.setdefault(cue.words[0], []).append(cue)
    return {k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in table.items()}


@lru_cache(maxsize=1)
def cue_prefilter() -> re.Pattern:
    """One regex for every word that can start a cue: a sentence without one is skipped
    before it is tokenised (most sentences are)."""
    words = {" ".join(c.words) for cues in cue_lexicon().values() for c in cues} | {"according to"}
    words |= word_set("survey_nouns.txt")  # "In a new poll, …" (see shapes.survey_lead_clause)
    words |= {w[:1].upper() + w[1:] for w in words}
    # The gazetteer's trie-shaped alternation: cost follows the match length, not the
    # number of cue forms, and each form must end at a word boundary.
    return re.compile(r"\b" + trie_regex(words))


@lru_cache(maxsize=1)
def end_only_words() -> frozenset[str]:
    """Cue forms that attribute only when closing a quotation ("“…,” she continued")."""
    return frozenset(
        " ".join(c.words) for cues in cue_lexicon().values() for c in cues if c.end_only and not c.needs_that
    )


@lru_cache(maxsize=1)
def cue_blockers() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> word sequences from ``data/not_cues.txt`` ("think tank", "showed up")."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in word_set("not_cues.txt"):
        words = tuple(phrase.split())
        table.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in table.items()}
