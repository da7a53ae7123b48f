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

from newstone.rules import data_lines, word_set
from newstone.nlp.trie import trie_regex


@dataclass(frozen=True)
class Cue:
    """One cue form: ``words`` is the lower-case form ("said", "point out")."""

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


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, tuple[Cue, ...]]:
    """First word of a cue form -> the cue forms starting with it, longest first."""
    table: dict[str, list[Cue]] = {}
    for line in data_lines("cues.tsv"):
        lemma, cls, flags, forms = line.split("\t")[:4]
        flag_set = set(flags.split(","))
        for form in forms.split():
            words = tuple(form.lower().split("_"))
            cue = Cue(words, lemma, cls, "inv" in flag_set, "obj" in flag_set, "noun" in flag_set,
                      "q" in flag_set or "qthat" in flag_set, "pass" in flag_set, "end" in flag_set,
                      "raise" in flag_set, "that" in flag_set or "as" in flag_set, "passq" in flag_set,
                      "qthat" in flag_set,
                      "np" in flag_set, "stance" in flag_set or "stanceonly" in flag_set,
                      "stanceonly" in flag_set, "as" in flag_set, "that" in flag_set or "as" not in flag_set)
            table.setdefault(words[0], []).append(cue)
    return {k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in table.items()}


@lru_cache(maxsize=1)
def cue_prefilter() -> re.Pattern:
    """One regex for every word that can start a cue: a sentence without one is skipped
    before it is tokenised (most sentences are)."""
    words = {" ".join(c.words) for cues in cue_lexicon().values() for c in cues} | {"according to"}
    words |= word_set("survey_nouns.txt")  # "In a new poll, …" (see _survey_lead_clause)
    words |= {w[:1].upper() + w[1:] for w in words}
    # The gazetteer's trie-shaped alternation: cost follows the match length, not the
    # number of cue forms, and each form must end at a word boundary.
    return re.compile(r"\b" + trie_regex(words))


@lru_cache(maxsize=1)
def end_only_words() -> frozenset[str]:
    """Cue forms that attribute only when closing a quotation ("“…,” she continued")."""
    return frozenset(" ".join(c.words) for cues in cue_lexicon().values() for c in cues
                     if c.end_only and not c.needs_that)



@lru_cache(maxsize=1)
def cue_blockers() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> word sequences from ``data/not_cues.txt`` ("think tank", "showed up")."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in word_set("not_cues.txt"):
        words = tuple(phrase.split())
        table.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in table.items()}
