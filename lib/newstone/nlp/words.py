"""Closed word classes of English, each defined once, lower case.

Grammar rather than vocabulary, so they live in code: open lists that grow with the news
(cue verbs, titles, organisations, countries) are rule files under ``data/``. The first
block holds the base classes; the rest are the phrase-level classes the attribution rules
scan with, built from the base classes where they overlap. Stage-specific sets (what a
speaker mention may start with, what ends a content) stay next to the one rule using them.
"""

from __future__ import annotations

from functools import lru_cache

from newstone.rules import read_table

# --- base classes --------------------------------------------------------------------
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    """january february march april may june july august september october
november december""".split()
)
SUBJECT_PRONOUNS = frozenset("i you he she it we they".split())
OBJECT_PRONOUNS = frozenset("me you him her it us them".split())
POSSESSIVE_DETERMINERS = frozenset("my your his her its our their".split())
ARTICLES = frozenset("a an the".split())
DEMONSTRATIVES = frozenset("this that these those".split())
QUANTIFIERS = frozenset("some many most several all both no any each every other".split())
BE_FORMS = frozenset("is was are were be been being 's".split())
COORDINATORS = frozenset("and but while whereas".split())
SUBORDINATORS = frozenset(
    """while when although though as if because since after before once
unless whereas""".split()
)
ADVERBIAL_PREPS = frozenset("in at on to during after before via through from".split())
PREPOSITIONS = ADVERBIAL_PREPS | frozenset("of for with by near into across against about under over".split())

# --- derived classes -----------------------------------------------------------------
#: every determiner a noun phrase may open with
DETERMINERS = ARTICLES | POSSESSIVE_DETERMINERS | DEMONSTRATIVES | QUANTIFIERS
#: determiners of a definite object ("told the committee", not "told some")
OBJECT_DETERMINERS = ARTICLES | POSSESSIVE_DETERMINERS | DEMONSTRATIVES
#: subjects that are pronouns, "who" included ("who said", "she told")
PRONOUN_SUBJECTS = SUBJECT_PRONOUNS | {"who"}
#: pronouns as the speaker mention of a quote: never an alias of the speaker's name
PERSONAL_PRONOUNS = SUBJECT_PRONOUNS | OBJECT_PRONOUNS

#: time words a clause may open or close with ("on Thursday", "last week", "in May")
TIME_WORDS = (
    WEEKDAYS
    | MONTHS
    | frozenset(
        """yesterday today tonight earlier recently later last
this next week weeks month months year years night morning afternoon evening weekend on past
days decades""".split()
    )
)
#: words before an office that make it another office: a "shadow chancellor" or a "former
#: home secretary" is not "the chancellor" or "the home secretary"
OFFICE_MODIFIERS = frozenset("shadow former deputy ex vice acting assistant junior outgoing".split())
#: nouns of time: a span holding one is a date or a period ("last week", "Monday"), not a
#: place or a person (the shape of a tone target)
TIME_NOUNS = (
    WEEKDAYS
    | MONTHS
    | frozenset(
        """today yesterday tomorrow day days week weeks month months year years night morning
evening weekend""".split()
    )
)
#: more time phrases, skipped only on the backward scan for a source ("earlier in the day",
#: "eight years ago", "at the time")
TIME_BACK = TIME_WORDS | frozenset("day ago time moment hour hours decade".split())
#: words of a time phrase before its time word ("in the past", "over the last")
TIME_PREPS = frozenset("in on at for over during the recent past this last".split())

#: an auxiliary and adverb run around a verb ("has also said", "did not immediately say")
VERB_GROUP = frozenset(
    """don't doesn't didn't won't wouldn't can't couldn't isn't wasn't
aren't weren't hasn't haven't hadn't shouldn't has have had having also is was are were be been being will would could
can should may might must did do does not n't never just already previously repeatedly later then
first once again publicly privately reportedly still even long often recently now further ever
only quickly immediately clearly flatly openly frequently subsequently initially twice always quite instead
indeed rather sometimes usually """.split()
)
#: words that open or join clauses: a noun phrase scan stops at them
CLAUSE_WORDS = frozenset(
    """that which who whom whose when where while because if although though
as since after before until unless than but or nor so yet whether what how why and to in on at
for with from by into about over under against during without between through is was are were
be been being said says say""".split()
)
#: lower-case words inside a name ("Bank of England", "Ursula von der Leyen")
NP_INNER = frozenset("of the for and 's de la von van der al bin".split())
#: words that open an apposition after a name ("Medeiros, a former adviser, said")
APPOSITION_STARTERS = frozenset("a an the who whose which citing according".split())
#: words that make a "title" a clause a span swept in ("who is visiting China"), not a title
CLAUSE_MARKERS = frozenset(
    """who whom whose which that is was are were has have had be been said says
told according when while because if but not""".split()
)
#: words a content clause starts with after its cue ("said that", "said the")
CLAUSE_OPENERS = frozenset("that the a an he she they it we i this these".split())
#: words that open a fronted adverbial ("In a statement, …", "Asked about it, …")
FRONTED = frozenset(
    """in at on for during after before with without from since by as asked
when while but and not still under""".split()
)
#: small words a headline-style (title-cased) phrase keeps in lower case
TITLE_SMALL_WORDS = frozenset("of the and a an in on for to at with".split())
#: punctuation that may close a content span (dropped from its end)
FINAL_PUNCT = ".!?;,:"


# --- classes read from rule files ----------------------------------------------------
# Titles and honorifics written before a name are one class with two spellings: the
# abbreviations with their period (abbreviations.tsv, flagged "title") and the honorifics
# that tell a gender (honorifics.tsv). Every stage reads them from here.


@lru_cache(maxsize=1)
def abbreviations() -> tuple[tuple[str, bool], ...]:
    """(abbreviation as written, is a title) for every row of ``data/abbreviations.tsv``."""
    rows = []
    for row in read_table("abbreviations.tsv", ("abbreviation", "title"), optional=("title",)):
        if row["title"] not in ("", "title"):
            raise row.error(f"the title column holds 'title' or nothing, not {row['title']!r}")
        if not row["abbreviation"].endswith("."):
            raise row.error(f"{row['abbreviation']!r} does not end with a period")
        rows.append((row["abbreviation"], row["title"] == "title"))
    return tuple(rows)


@lru_cache(maxsize=1)
def title_abbreviations() -> frozenset[str]:
    """Abbreviated titles ("Sen.", "Gen."): a sentence never ends on one."""
    return frozenset(abbreviation for abbreviation, is_title in abbreviations() if is_title)


@lru_cache(maxsize=1)
def honorific_genders() -> dict[str, str]:
    """``data/honorifics.tsv``: honorific (lower case, no period) -> gender m / f / -."""
    table = {}
    for row in read_table("honorifics.tsv", ("honorific", "gender")):
        if row["gender"] not in ("m", "f", "-"):
            raise row.error(f"gender must be m, f or -, not {row['gender']!r}")
        table[row["honorific"].lower()] = row["gender"]
    return table
