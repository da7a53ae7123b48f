"""Where the reported content starts and stops.

A forward content ("X said that CONTENT") starts after the cue's object and complementiser
and stops at a semicolon, a trailing participle or subordinate clause (", referring to",
", which", ", but"), a closing apposition, or where a coordinated attribution starts.
Content spans keep their quote marks (the PolNeAR gold does) and drop the sentence's final
period. Stance nouns ("expressed concern about X") and object noun phrases ("endorsed X")
bound the content to the thing the attitude is about.
"""

from __future__ import annotations

import re

from newstone.model import Span
from newstone.nlp.attribution.lexicon import Cue, cue_lexicon, word_set
from newstone.nlp.attribution.tokens import Clause, Token, closed_sentence, comma_inside_quote
from newstone.nlp.words import (
    ADVERBIAL_PREPS,
    CLAUSE_WORDS,
    DETERMINERS,
    FINAL_PUNCT,
    FRONTED,
    OBJECT_DETERMINERS,
    PRONOUN_SUBJECTS,
    TIME_WORDS,
    TITLE_SMALL_WORDS,
    VERB_GROUP,
    WEEKDAYS,
)


def find_content_start(tokens: list[Token], i: int, end: int, cue: Cue) -> int:
    """First content token after a cue ending before ``i``: skips objects and adverbials."""
    window = tokens[i : min(end, i + (16 if cue.takes_object else 12))]
    for n, tok in enumerate(window):
        if tok.kind == "Q":
            if n == 0 or cue.takes_object or _adverbial_lead(window, n) or window[n - 1].text in (",", ":"):
                return i + n
            break  # "saying the plan would “not work”": the quotation ends a clause that starts at the cue
        if (
            tok.lower == "that"
            and n <= 10
            and not _that_is_time(window, n)
            and (n == 0 or cue.takes_object or _adverbial_lead(window, n))
        ):
            return i + n
        if tok.text in (":",):
            return i + n + 1
        if tok.text == "," and n + 1 < len(window) and window[n + 1].kind == "Q":
            return i + n + 1
        if (
            tok.lower in ("whether", "if", "how", "why", "what", "about")
            and n <= 6
            and (n == 0 or cue.takes_object or _adverbial_lead(window, n))
        ):
            return i + n
        if tok.lower == "to" and cue.takes_object and n <= 6 and (n > 0 or _infinitive_after(window, n)):
            return i + n  # "urged Beijing to do more"; "which it urged to do more" (object moved away)
        if tok.text == "," and n + 1 < len(window) and window[n + 1].lower == "that":
            return i + n + 1
        if (
            tok.text == ","
            and n + 1 < len(window)
            and (window[n + 1].lower in ADVERBIAL_PREPS or window[n + 1].lower in TIME_WORDS)
        ):
            continue  # "suggested, after a visit to Pyongyang, that …"
        if tok.text in (",", ";", "(") or (
            tok.lower in CLAUSE_WORDS
            and tok.lower not in ADVERBIAL_PREPS
            and tok.lower not in ("to", "for", "with", "by", "about", "over")
        ):
            break
    if cue.takes_object:
        return _short_object_end(tokens, i, end)
    k = i
    while k < end and tokens[k].is_word and tokens[k].lower in TIME_WORDS:
        k += 1
    return k


def _short_object_end(tokens: list[Token], i: int, end: int) -> int:
    """Where the reported clause starts after the object of "told" without "that": "told
    reporters | the plan failed", "told CNN | the talks", "told the BBC | it", "told a news
    conference | the …". The object is a name (a run of capitalised words, with "'s" and a
    second run: "ABC's This Week"), or an optional determiner and at most two lower-case
    words, the last of them a noun before the clause's own determiner, pronoun or name."""
    k = i
    if k < end and tokens[k].is_word and tokens[k].lower in OBJECT_DETERMINERS:
        k += 1
    if k < end and tokens[k].is_word and tokens[k].capitalized:
        while (
            k < end
            and tokens[k].is_word
            and (tokens[k].capitalized or tokens[k].lower in ("'s", "\u2019s"))
            and tokens[k].lower not in CLAUSE_WORDS
        ):  # a title-case headline: "Warns West Over Missiles"
            k += 1
        return k
    start = k
    while (
        k < end
        and k - start < 2
        and tokens[k].is_word
        and not tokens[k].capitalized
        and tokens[k].lower not in CLAUSE_WORDS
        and tokens[k].lower not in PRONOUN_SUBJECTS
        and tokens[k].lower not in OBJECT_DETERMINERS
    ):
        k += 1
    return k


def _infinitive_after(window: list[Token], n: int) -> bool:
    """Whether "to" at ``n`` opens an infinitive ("to do more"), not a prepositional
    object ("to reporters", "to the press"): a lower-case word that is no determiner or
    pronoun and no plural noun follows."""
    if n + 1 >= len(window):
        return False
    word = window[n + 1]
    return (
        word.is_word
        and not word.capitalized
        and word.lower not in DETERMINERS
        and word.lower not in PRONOUN_SUBJECTS
        and (not word.lower.endswith("s") or word.lower.endswith("ss"))
    )


def _adverbial_lead(window: list[Token], n: int) -> bool:
    """Whether the ``n`` tokens between a cue and "that" are an adverbial ("said on
    Thursday in an interview that"), not a complement whose noun "that" relativises
    ("said he meets families in a city that …")."""
    first = window[0]
    return (
        first.lower in ADVERBIAL_PREPS
        or first.lower in TIME_WORDS
        or first.text in (",", "(")
        or first.lower in ("repeatedly", "again", "also", "later", "privately", "publicly", "flatly", "recently")
        or (first.lower.endswith("ly") and not first.capitalized)
    )


def _that_is_time(tokens: list[Token], k: int) -> bool:
    """ "said that night", "told reporters that day": a time phrase, not a complementizer."""
    return (
        k + 1 < len(tokens)
        and tokens[k + 1].lower in TIME_WORDS | {"day", "time", "point", "moment"}
        and (k + 2 >= len(tokens) or not tokens[k + 2].is_word or tokens[k + 2].lower in ADVERBIAL_PREPS)
    )


def trim_end(tokens: list[Token], first: int, last: int) -> int:
    while last >= first and tokens[last].kind == "P" and tokens[last].text in FINAL_PUNCT + "\u2014-(":
        last -= 1
    return last


CONTENT_BREAKS = frozenset("even while whereas although though but which who whose where compared".split())


PARTICIPLE_KEEP = frozenset("including according during regarding concerning notwithstanding".split())


def cut_participle(tokens: list[Token], first: int, last: int) -> int:
    """A forward content stops before a trailing participial adjunct ("…, referring to …")."""
    for k in range(first + 2, last):
        if (
            tokens[k].text in ("\u2014", "--")
            and k >= first + 4
            and tokens[k + 1].kind != "Q"
            and not any(t.text in ("\u2014", "--") for t in tokens[first:k])
        ):
            return k - 1  # "… the mandate — requiring refiners …"
        if tokens[k].text == ";":
            return k - 1
        if (
            tokens[k].lower == "but"
            and tokens[k + 1].is_word
            and not tokens[k + 1].capitalized
            and (tokens[k + 1].lower in VERB_GROUP or tokens[k + 1].lower.endswith("ed"))
        ):
            return k - 1  # "… the dour tone but defended Sanders": a second predicate
        if (
            tokens[k].text == ","
            and k + 2 <= last
            and tokens[k + 1].lower in ("for", "in", "of", "to", "with", "by")
            and tokens[k + 2].lower in ("whom", "which")
        ):
            return k - 1  # "…, for whom he was scheduled to …": a relative clause
        if (
            tokens[k].text == ","
            and tokens[k + 1].lower == "and"
            and k + 2 <= last
            and (
                tokens[k + 2].lower in DETERMINERS
                or tokens[k + 2].lower in PRONOUN_SUBJECTS
                or tokens[k + 2].capitalized
            )
            and not (tokens[k + 2].lower == "that" and tokens[first].lower == "that")
        ):  # "that A, and that B": one content
            return k - 1
        inner = comma_inside_quote(tokens[k])
        if (tokens[k].text != "," and not inner) or not tokens[k + 1].is_word or tokens[k + 1].capitalized:
            continue
        keep = k if inner else k - 1  # a quotation closing on a comma stays in the content
        nxt = tokens[k + 1].lower
        if nxt.endswith("ing") and nxt not in PARTICIPLE_KEEP and len(nxt) > 5:
            return keep
        if nxt in CONTENT_BREAKS:
            return keep
        if inner:
            continue
        if nxt in ("a", "an") and k - first >= 6 and not any(t.text == "," for t in tokens[k + 1 : last + 1]):
            return k - 1  # a closing apposition: "…, a landslide win based on …"
    return last


def content_spans(tokens: list[Token], first: int, last: int) -> list[Span]:
    """The character span of tokens ``first..last``, widened to whole quotations."""
    while first <= last and tokens[first].kind == "P" and tokens[first].text in ",;:\u2014-":
        first += 1
    if first > last:
        return []
    start, end = tokens[first].start, tokens[last].end
    if tokens[first].kind == "Q":
        start = min(start, tokens[first].quote[0])
    if tokens[last].kind == "Q":
        end = max(end, tokens[last].quote[1])
    return [(start, end)]


def ends_attribution(tokens: list[Token], before_src: int, after: int, n: int) -> bool:
    """Whether "…, SOURCE said …" closes the content before it rather than opening one:
    only when nothing but adverbials ("on Thursday", "dryly", "of Cruz", ", holding up …")
    or a second quotation (", “B.”") follows the cue."""
    window = tokens[after : min(n, after + 8)]
    for k, tok in enumerate(window):
        if (tok.lower == "that" and not _that_is_time(window, k)) or tok.text == ":" or (tok.kind == "Q" and k == 0):
            return False
        if tok.kind == "Q" and k > 0 and window[k - 1].text in (",", ":"):
            return True  # "“A,” he said, “B.”"
        if tok.text in (",", ".", "!", "?", ";"):
            break
    if after >= n or tokens[after].kind == "P":
        return True
    if tokens[before_src].kind == "Q" and closed_sentence(tokens, before_src):
        pass  # "… ''The Art of the Deal.'' Mr. Trump said a jet …": a new sentence the splitter missed
    elif tokens[before_src].kind == "Q" or (
        tokens[before_src].text == "," and before_src > 0 and tokens[before_src - 1].kind == "Q"
    ):
        return True
    first = tokens[after]
    if (
        first.lower in ADVERBIAL_PREPS
        or first.lower in TIME_WORDS
        or first.lower in ("of", "about", "with", "as", "when", "after", "while", "before", "but", "and", "by")
    ):
        return True
    if first.lower.endswith("ly") and not first.capitalized:
        return True
    return False


# words that open the last clause of a sentence after a comma ("…, which stood at 263, according
# to X", "…, and Clinton broke it, according to X", "…, with 56 percent …, according to X")
TRAILING_CLAUSE_OPENERS = frozenset("which who and with".split())


def last_attached_clause(tokens: list[Token], before: int) -> int:
    """First token of what a trailing "…, according to X" vouches for: the last clause
    that a comma and a relative pronoun, "and" or "with" add to the sentence (four tokens
    or more), else the sentence start. The sourcing phrase attaches to the nearest clause:
    "Weaver says it is proof …, which stood at 263, according to the AP" sources the
    delegate count to the AP, not Weaver's statement (which has its own attribution)."""
    for b in range(before - 4, 0, -1):
        if tokens[b].text == "," and tokens[b + 1].lower in TRAILING_CLAUSE_OPENERS:
            return b + 1
    return 0


def relative_clause_end(tokens: list[Token], start: int, end: int) -> int:
    """End (exclusive) of a content inside a non-restrictive relative clause: the comma
    after which the main clause's verb resumes ("Lee, who said the plan failed, resigned
    on Monday"); the sentence end if no such comma."""
    lexicon = cue_lexicon()
    for k in range(start + 1, end - 1):
        nxt = tokens[k + 1]
        if (
            tokens[k].text == ","
            and nxt.is_word
            and not nxt.capitalized
            and (nxt.lower in VERB_GROUP or nxt.lower in lexicon or nxt.lower.endswith("ed"))
        ):
            return k
    return end


STANCE_PREPS = frozenset("about over for with at to regarding on in".split())


STANCE_MODIFIERS = frozenset("deep strong serious grave new great growing renewed sharp early full".split())


def stance_topic(tokens: list[Token], i: int, n: int) -> int | None:
    """Start of what a light verb's stance is about: "expressed (his) (deep) concern about |
    X", "raised questions over | X"; a "that" after the noun starts the content there
    ("expressed concern that …"). None when the object is not such a noun phrase."""
    k = i
    if k < n and tokens[k].lower in OBJECT_DETERMINERS | {"some", "no", "any"}:
        k += 1
    while k < n and tokens[k].lower in STANCE_MODIFIERS:
        k += 1
    if k + 1 >= n or tokens[k].lower not in word_set("stance_nouns.txt"):
        return None
    nxt = tokens[k + 1]
    if nxt.lower == "that":
        return k + 1
    if nxt.lower in STANCE_PREPS and k + 2 < n and (tokens[k + 2].is_word or tokens[k + 2].kind == "Q"):
        return k + 2
    return None


OBJECT_NP_STOPS = frozenset("that who which whose because after before when while as but and or since until if".split())


def object_np_end(tokens: list[Token], start: int, end: int) -> int:
    """End (exclusive) of the object noun phrase of an attitude verb ("endorsed X", "opposed
    the deal"): up to a comma, a clause opener or a fronted time phrase."""
    k = start
    while k < end:
        tok = tokens[k]
        if tok.kind == "P" and tok.text not in ("-", "\u2013", "'s", "&", "."):
            break
        if (
            tok.lower in OBJECT_NP_STOPS
            or (k > start and tok.lower in WEEKDAYS)
            or (tok.lower in ("on", "in", "at", "last", "this") and k + 1 < end and tokens[k + 1].lower in TIME_WORDS)
        ):
            break
        k += 1
    return k


# conjunctions opening a sentence: what follows them decides whether a fronted adverbial follows
CONJUNCTION_LEADS = frozenset("but and still yet so".split())


def fronted_adverbial(tokens: list[Token], first: int, last: int, reach: int = 12) -> bool:
    """ "In an interview, Durbin said, “…”": what precedes "SOURCE said" is a short adverbial
    (no quotation), so the content is what follows, not what precedes."""
    lead = tokens[first].lower
    if lead in CONJUNCTION_LEADS and first < last:
        lead = tokens[first + 1].lower  # "But in an interview, …" is fronted; "But the plan failed, …" is not
        if lead in CONJUNCTION_LEADS:
            return False
    return (
        first == 0
        and last - first <= reach
        and (lead in FRONTED or (lead.endswith("ing") and len(lead) > 5))
        and not any(t.kind == "Q" and not _title_quote(t) for t in tokens[first : last + 1])
    )


LONG_ADVERBIAL = 40


def adverbial_reach(tokens: list[Token], after: int, n: int) -> int:
    """How long a fronted adverbial may be. When a quotation follows the cue at once ("In May,
    as a heckler was led out of the hall in Reno, the mayor said, “Get him out.”"), the
    quotation is plainly the content, so a long adverbial with a clause of its own is still
    scene-setting, not words of the speaker."""
    k = after
    while k < n and k - after < 4 and tokens[k].is_word and not tokens[k].lower == "that":
        k += 1  # "said of the episode, “…”"
    if k + 1 < n and tokens[k].text in (",", ":") and tokens[k + 1].kind == "Q":
        return LONG_ADVERBIAL
    return 12


def _title_quote(tok: Token) -> bool:
    """Whether a quotation is a title or a name ("on “Good Morning America”", "told “Fox and
    Friends”"): at most five words, all capitalised but small words, and no sentence end.
    Such a quotation inside a fronted adverbial does not make it someone's words."""
    words = _WORD.findall(tok.text)
    return (
        0 < len(words) <= 5
        and not tok.text.rstrip("\u201d\"'\u2019 ").endswith((".", "!", "?"))
        and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
    )


_WORD = re.compile(r"[A-Za-z][\w'\u2019]*")


def clause_after_adverbial(tokens: list[Token], first: int, last: int, after: int, n: int) -> bool:
    """ "As a rule, the agency checks every form, officials said.": the fronted adverbial is
    followed by a clause of its own (a comma and at least three words) and nothing but the
    sentence end follows the cue, so the whole stretch before the source is the content."""
    inner = [k for k in range(first + 1, last - 2) if tokens[k].text == ","]
    if not inner or last - inner[-1] < 4:
        return False
    return all(t.is_word or t.text in (".", "!", "?") for t in tokens[after:n]) and n - after <= 6


def object_end(tokens: list[Token], i: int, n: int) -> int:
    """Index after the object of "told reporters", "told ABC's “Good Morning America”"."""
    k = i
    while k < n and k - i < 7:
        tok = tokens[k]
        if tok.kind == "Q" and len(tok.text) <= 40:
            k += 1
            continue
        if not tok.is_word or tok.lower in CLAUSE_WORDS - {"the"} or tok.lower in TIME_WORDS:
            break
        k += 1
    return k


# punctuation that sets a closing quotation apart from what precedes it ("X ticked through the
# code: “…,” he said", "Neither was impressed - “…,” Mr. Lee said - but …")
QUOTE_INTRODUCERS = frozenset((":", "-", "--", "\u2014", "\u2013", "("))


def quote_or_clause_start(tokens: list[Token], last: int, clauses: list[Clause]) -> int | None:
    """Start of the content that ends at ``last``: the quotation ending there, else the
    sentence start (or the end of the previous clause)."""
    if last < 0:
        return None
    if tokens[last].kind == "Q":
        k = last
        # a quotation immediately closing the content: take it alone when it is preceded by
        # an earlier clause in this sentence or a colon ("X ticked through the code: “…,” he
        # said"), otherwise from the sentence start
        if k > 0 and tokens[k - 1].text in QUOTE_INTRODUCERS:
            return k
        if k == 0 or not clauses:
            return 0
        return k
    first = 0
    for clause in reversed(clauses):
        if _embedded(tokens, clause):
            continue
        first = max(first, clause.cue_last + 1)
        break
    return first


def _embedded(tokens: list[Token], clause: Clause) -> bool:
    """A forward clause inside a relative clause ("a state that she hoped to carry"):
    it does not bound the content of a later end attribution."""
    return (
        clause.shape == "forward"
        and clause.source_first > 0
        and tokens[clause.source_first - 1].lower in ("that", "which", "who", "whom")
    )


def parenthetical_rest(tokens: list[Token], i: int, n: int) -> list[Span]:
    """ "South Carolina, he said, was “where …”": the content resumes after the clause."""
    if i >= n or tokens[i].text != "," or i + 1 >= n:
        return []
    nxt = tokens[i + 1]
    if (
        not nxt.is_word
        or nxt.lower.endswith("ing")
        or nxt.lower in ADVERBIAL_PREPS
        or nxt.lower in TIME_WORDS
        or nxt.lower in ("adding", "according", "as", "when", "after", "while", "before", "citing")
        or nxt.lower in ("and", "but", "so", "then")
    ):  # "“A,” she said, and the crowd cheered": a new clause
        return []
    last = trim_end(tokens, i + 1, n - 1)
    return content_spans(tokens, i + 1, last) if last >= i + 1 else []


def trailing_quote(tokens: list[Token], i: int) -> list[Span]:
    """The ``“B”`` of "“A,” he said, “B.”" — a quote right after the attribution clause."""
    n = len(tokens)
    k = i
    while k < n and tokens[k].kind != "Q" and k - i < 8:
        if tokens[k].text in ".;:":
            break
        k += 1
    if k < n and tokens[k].kind == "Q" and k > i and tokens[k - 1].text == ",":
        return [tokens[k].quote]
    return []
