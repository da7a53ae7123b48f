"""Is this word a cue here? Checks a cue form must pass in its sentence.

A cue form of the lexicon is rejected when it opens a listed non-attribution ("think
tank"), when a noun-verb homograph ("report", "calls") is used as a noun, when it sits
inside a proper name ("Fire Brigades Union"), or when its flags ask for a complement the
sentence lacks (a that-clause, a quotation, an "as" complement, a document that finds).
"""

from __future__ import annotations

from newstone.nlp.attribution.lexicon import Cue, cue_blockers, cue_lexicon, word_set
from newstone.nlp.attribution.tokens import Clause, Token
from newstone.nlp.words import (
    ADVERBIAL_PREPS,
    BE_FORMS,
    CLAUSE_OPENERS,
    CLAUSE_WORDS,
    DETERMINERS,
    PRONOUN_SUBJECTS,
    TITLE_SMALL_WORDS,
    VERB_GROUP,
)


def cue_at(tokens: list[Token], i: int) -> Cue | None:
    tok = tokens[i]
    if not tok.is_word:
        return None
    for cue in cue_lexicon().get(tok.lower, ()):
        n = len(cue.words)
        if all(i + j < len(tokens) and tokens[i + j].lower == cue.words[j] for j in range(n)):
            return cue
    return None


def blocked(tokens: list[Token], i: int) -> bool:
    """Whether the cue at ``i`` opens a listed non-attribution ("think tank")."""
    for words in cue_blockers().get(tokens[i].lower, ()):
        if all(i + j < len(tokens) and tokens[i + j].lower == w for j, w in enumerate(words)):
            return True
    return False


def verb_context(tokens: list[Token], i: int, cue: Cue) -> bool:
    """Whether a noun-verb homograph ("report", "calls") is used as a verb here."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.lower in DETERMINERS or prev.lower in ADVERBIAL_PREPS or prev.lower in ("of", "for", "with"):
        return False
    if prev.lower.endswith("'s") or prev.lower.endswith("\u2019s"):
        return False
    word = tokens[i].lower
    if word.endswith("ed") or word.endswith("ing"):
        return True
    if prev.lower in word_set("evidence_nouns.txt") and word.endswith("s") != prev.lower.endswith("s"):
        return True  # "polls show Clinton ahead", "a new survey shows": a document as subject
    if (
        prev.capitalized
        and not word.endswith("s")
        and prev.lower not in PRONOUN_SUBJECTS
        and not prev.lower.endswith("s")
        and prev.lower not in VERB_GROUP
    ):
        return False  # a base form after a singular name is a noun: "the NBC show", "a Trump call"
    if prev.lower in VERB_GROUP or prev.lower in PRONOUN_SUBJECTS or prev.capitalized:
        return True
    # "the paper notes the government …": a singular noun, then a verb opening a clause
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    # (or a plural noun and a base form: "the new polls show that …")
    agree = word.endswith("s") != (prev.lower.endswith("s") and not prev.lower.endswith(("ss", "'s", "us", "is")))
    if agree and prev.is_word and i >= 2 and (nxt is None or nxt.text in (".", "!", "?")):
        return True  # closing the sentence: "…, a new poll shows."
    return (
        agree
        and prev.is_word
        and i >= 2
        and _after_determiner(tokens, i - 1)
        and nxt is not None
        and (nxt.lower in CLAUSE_OPENERS or nxt.kind == "Q" or nxt.capitalized or nxt.lower[:1].isdigit())
    )


def _after_determiner(tokens: list[Token], j: int, reach: int = 4) -> bool:
    """Whether the noun at ``j`` closes a noun phrase opened by a determiner a few words
    back ("a new national poll", "the latest Rasmussen Reports poll")."""
    for k in range(j - 1, max(-1, j - 1 - reach), -1):
        tok = tokens[k]
        if tok.lower in DETERMINERS:
            return True
        if not tok.is_word or tok.lower in CLAUSE_WORDS or tok.lower in VERB_GROUP:
            return False
    return False


FINITE_AUXILIARIES = VERB_GROUP - frozenset(
    """having being also not never just then now once first again
later still even only further ever long already previously repeatedly publicly privately reportedly
quickly immediately clearly flatly openly frequently subsequently initially recently often n't""".split()
)


def finite_verb(tokens: list[Token], k: int) -> bool:
    """Whether the lower-case word at ``k`` is a finite verb: an auxiliary ("have said") or
    a cue verb other than a participle ("told", "said"; not "adding")."""
    tok = tokens[k]
    if not tok.is_word or tok.capitalized:
        return False
    if tok.lower in FINITE_AUXILIARIES:
        return True
    return tok.lower in cue_lexicon() and not tok.lower.endswith("ing") and cue_at(tokens, k) is not None


def title_cased(tokens: list[Token]) -> bool:
    """Whether a headline is written in title case ("Putin Warns West Over Missiles"): most of
    its words but the small ones are capitalised. A first paragraph that is a lede in
    sentence case (wire copy without a headline line) is not."""
    words = [t for t in tokens if t.is_word and t.text[:1].isalpha() and t.lower not in TITLE_SMALL_WORDS]
    return bool(words) and sum(t.capitalized for t in words) >= 0.6 * len(words)


def inside_proper_name(tokens: list[Token], i: int) -> bool:
    """A capitalised cue word right after a capitalised word, in body text, is part of a
    name, not a verb ("won the Grand Slam", "Fox Reports"). Headlines are left out: their
    title case capitalises verbs ("Putin Warns West")."""
    return tokens[i].capitalized and i > 0 and tokens[i - 1].capitalized


def complement_ok(tokens: list[Token], clause: Clause, cue: Cue, that_clause: bool) -> bool:
    """Whether a cue that needs a complement (flags ``that`` / ``as``) has one: a that-clause
    ("she knew that …"), an object with an "as" description ("voters see him as …"), or, for
    an evidence verb after a document, any clause ("a poll found Smith ahead")."""
    return (
        (that_clause and cue.that_ok)
        or _document_finding(tokens, clause, cue)
        or (cue.as_complement and clause.shape == "forward" and _as_complement(tokens, clause.cue_last + 1))
    )


AS_NOT_COMPLEMENT = frozenset("well soon long much many if though of part far recently early late".split())


def _as_complement(tokens: list[Token], i: int) -> bool:
    """ "Voters see him as a fighter", "she views the deal as a mistake": an object and then
    "as" with a description is a judgement, the object and description its content; "saw
    him there", "saw the crowd" and "as well as" / "as soon as" / "as if" are not."""
    n = len(tokens)
    for k in range(i, min(n - 1, i + 12)):
        tok = tokens[k]
        if tok.lower == "as":
            return k > i and tokens[k + 1].lower not in AS_NOT_COMPLEMENT
        if not tok.is_word or tok.lower in CLAUSE_WORDS or tok.lower in VERB_GROUP or tok.lower in BE_FORMS:
            return False
    return False


def _document_finding(tokens: list[Token], clause: Clause, cue: Cue) -> bool:
    """ "A new poll found Smith ahead by six points", "the study finds most voters undecided":
    when a document (``data/evidence_nouns.txt``) is the subject, an evidence verb reports its
    result with or without "that"; a person who "found a wallet" needs the that-clause."""
    if cue.cls != "evidence" or clause.source is None:
        return False
    start, end = clause.source
    nouns = word_set("evidence_nouns.txt")
    return any(t.lower in nouns for t in tokens if start <= t.start and t.end <= end)


def demonstrative_complement(tokens: list[Token], i: int) -> bool:
    """ "called that troubling", "called it a disgrace": an object and its description."""
    return (
        i + 1 < len(tokens)
        and tokens[i].lower in ("that", "this", "it", "these", "those")
        and tokens[i + 1].is_word
        and tokens[i + 1].lower not in CLAUSE_WORDS
    )


def is_passive(tokens: list[Token], cue_first: int, cue_last: int) -> bool:
    """ "was rejected", "confirmed by the Senate", "is widely known": not the source's act."""
    word = tokens[cue_first].lower
    if not (
        word.endswith("ed") or word.endswith("en") or word in ("told", "known", "thought", "said", "found", "seen")
    ):
        return False
    j = cue_first - 1
    while (
        j >= 0
        and tokens[j].is_word
        and (tokens[j].lower.endswith("ly") or tokens[j].lower in ("also", "not", "never", "widely", "long"))
    ):
        j -= 1
    if j >= 0 and tokens[j].lower in BE_FORMS:
        return True
    nxt = cue_last + 1
    return nxt < len(tokens) and tokens[nxt].lower == "by"
