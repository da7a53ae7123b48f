"""Where a source span starts: what a backward scan sweeps in before the speaker.

:func:`~newstone.nlp.attribution.source.np_back` finds the noun phrase that ends right
before a cue; this module says which of its words are the speaker. Fronted time phrases and
sentence adverbs go ("On Monday Tony Blair"), so does an unrelated word before a name ("In
the interview Mr Blair"); a role ("columnist Jonathan Chait") and a place or firm the
speaker is at ("one trader in London", "economists at Morgan Stanley") stay.
"""

from __future__ import annotations

from newstone.nlp.attribution.lexicon import word_set
from newstone.nlp.attribution.tokens import Token, name_particle
from newstone.nlp.words import DETERMINERS, NP_INNER, SUBJECT_PRONOUNS, TIME_BACK, WEEKDAYS

# What a backward scan sweeps in before the speaker and a source span should not start
# with: fronted time phrases and sentence adverbs ("On Monday Tony Blair said",
# "Earlier Tory leader Michael Howard said", "Meanwhile, Lib Dem leader …").
SOURCE_FRONT_JUNK = WEEKDAYS | frozenset(
    """january february april june july august september october
november december yesterday today tonight earlier later recently meanwhile however also now then
instead separately still yet indeed ago last week weeks month months year years night morning
afternoon evening weekend days hours in on at during after before but and so moreover furthermore
similarly likewise additionally besides nonetheless nevertheless""".split()
)


# Lower-case words that belong to a name or role right after them ("former President X",
# "the spokesman", "Lindsey Graham and Richard Blumenthal").
TITLE_MODIFIERS = frozenset(
    """former then acting incoming outgoing new current late retired fellow
senior top junior shadow interim longtime veteran ex""".split()
)


def trim_source_front(tokens: list[Token], first: int, last: int) -> int:
    """Where the source span should start, given the noun phrase ``tokens[first:last+1]``.

    A pronoun head is the whole source ("A couple of weeks ago I said" -> "I"); fronted time
    words and adverbs go ("Monday Tony Blair" -> "Tony Blair"); so does an unrelated
    lower-case word before a capitalised name ("In the interview Mr Blair said" ->
    "Mr Blair"), but not a role ("columnist Jonathan Chait", "GOP frontrunner Donald
    Trump"), title, determiner or conjunction. A phrase with punctuation inside (an
    apposition) is left alone. Only the reported span changes: content boundaries still
    use the untrimmed phrase.
    """
    if tokens[last].lower in SUBJECT_PRONOUNS:
        return last
    if any(not tokens[k].is_word for k in range(first, last + 1)):
        return first
    while first < last and tokens[first].lower in SOURCE_FRONT_JUNK:
        first += 1
    k = last
    while k > first and (tokens[k].capitalized or name_particle(tokens, k, last)):
        k -= 1
    if k < last and not tokens[k].capitalized and not role_like(tokens[k].lower):
        if tokens[k].lower in PLACE_PREPOSITIONS and speaker_placed(tokens, k):
            return first  # "One trader in London": the trader speaks, not London
        return k + 1
    return first


# Word endings of agent and role nouns ("columnist", "moderator", "front-runner", "dissident").
ROLE_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "men", "ee", "ess")


def role_like(word: str) -> bool:
    """Whether a lower-case word before a name can be part of the speaker's description."""
    return (
        word in TITLE_MODIFIERS
        or word in DETERMINERS
        or word in NP_INNER
        or word in ("and", "or", "&")
        or word in word_set("titles.txt")
        or word in word_set("group_nouns.txt")
        or word.endswith(ROLE_ENDINGS)
        or not word.isalpha()
    )


# a capitalised place or firm after one of these, right before a cue, says where the
# speaker works or is: the speaker is the noun before it
PLACE_PREPOSITIONS = frozenset("in at".split())


def speaker_placed(tokens: list[Token], j: int) -> bool:
    """Whether ``tokens[j]`` ("in", "at") joins a speaker to a capitalised place or firm
    after it: a role noun ("trader", "dealer", "economist") or a capitalised name or firm
    right before it ("Bank of Tokyo in New York"), not a time ("last week in Paris") or a
    participle ("Speaking in London")."""
    if j < 1 or j + 1 >= len(tokens) or not tokens[j - 1].is_word:
        return False
    after = tokens[j + 1]
    if not (after.capitalized or after.lower in ("a", "an", "the")):
        return False
    before = tokens[j - 1]
    if before.lower.endswith("ing") or before.lower in TIME_BACK or before.lower in WEEKDAYS:
        return False
    if (
        before.capitalized
        and j >= 2
        and tokens[j - 2].is_word
        and (tokens[j - 2].capitalized or tokens[j - 2].lower in NP_INNER)
    ):
        return True  # a name or firm of two words or more ("Bank of Tokyo in New York")
    noun = before.lower[:-1] if before.lower.endswith("s") else before.lower  # "economists at"
    return (
        noun in word_set("titles.txt")
        or before.lower in word_set("group_nouns.txt")
        or noun in word_set("org_words.txt")  # "a dealer at a Japanese bank in Tokyo"
        or noun.endswith(ROLE_ENDINGS)
    )
