"""The source span: the noun phrase next to a cue that says who is speaking.

A bounded backward scan from the cue skips the verb group ("has also said"), time phrases
("on Thursday") and appositions ("Medeiros, an Asia specialist …, said") to the head noun
phrase; what the scan swept in before the speaker ("On Monday", "Meanwhile") is trimmed. An
inverted cue ("said Evan Medeiros") takes the phrase after it. A lone "It" is a source only
before a speech verb; a cue after "and"/"but"/"," with no subject of its own shares the
clause subject ("X did not name Y, but told reporters that …").
"""

from __future__ import annotations

from newstone.nlp.attribution.cues import cue_at, finite_verb
from newstone.nlp.attribution.lexicon import cue_lexicon, word_set
from newstone.nlp.attribution.source_front import (
    PLACE_PREPOSITIONS,
    SOURCE_FRONT_JUNK,
    role_like,
    speaker_placed,
)
from newstone.nlp.attribution.subject import (
    expletive,
    modified_head,
    nearest_subject,
    relative_pronoun_before,
    subject_start,
)
from newstone.nlp.attribution.tokens import Clause, Token, spaced_dash, ticker_at
from newstone.nlp.words import (
    APPOSITION_STARTERS,
    CLAUSE_WORDS,
    DETERMINERS,
    NP_INNER,
    PREPOSITIONS,
    PRONOUN_SUBJECTS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TIME_BACK,
    TIME_PREPS,
    VERB_GROUP,
    WEEKDAYS,
)


def skip_verb_group_back(tokens: list[Token], j: int) -> int:
    # capitalised, "May" or "Will" right before a cue is a name ("Theresa May said"), not a modal
    while j >= 0 and tokens[j].is_word and not tokens[j].capitalized:
        low = tokens[j].lower
        if low in VERB_GROUP or (low.endswith("ly") and len(low) > 4):
            j -= 1
        elif j > 0 and (tokens[j - 1].lower, low) in ADVERB_PAIRS:
            j -= 2  # "have in particular noted"
        elif low in ("more", "most", "less") and j + 1 < len(tokens) and tokens[j + 1].lower.endswith("ly"):
            j -= 1  # "more accurately predicted"
        else:
            break
    return j


def _in_name(tokens: list[Token], j: int) -> bool:
    """A capitalised time word right after another capitalised word ends a name ("Theresa
    May", "Rebecca Day"), unless it is a weekday ("Obama Tuesday said")."""
    return tokens[j].capitalized and j > 0 and tokens[j - 1].capitalized and tokens[j].lower not in WEEKDAYS


def _skip_time_back(tokens: list[Token], j: int) -> int:
    """Skip "on Thursday", "last week", "in the past", "in 2014", "for years", "less than
    two weeks ago" backwards."""
    ago = j >= 0 and tokens[j].lower == "ago"
    while (
        j >= 0
        and tokens[j].is_word
        and (tokens[j].lower in TIME_BACK or tokens[j].lower.isdigit() or (ago and tokens[j].lower in QUANTITIES))
        and not _in_name(tokens, j)
    ):
        k = j - 1
        while k >= 0 and tokens[k].lower in TIME_PREPS:
            k -= 1
        j = k
    return j


# words that count a time phrase ending in "ago" ("two weeks ago", "less than a year ago")
QUANTITIES = frozenset("one two three four five six seven eight nine ten a few several couple than less more".split())
# two-word adverbs between a subject and its cue ("X has in fact said")
ADVERB_PAIRS = frozenset(("in", w) for w in "particular fact turn part general effect essence private public".split())


def np_back(tokens: list[Token], j: int, limit: int = 14) -> int:
    """Index of the first token of the noun phrase ending at ``j`` (``j + 1`` if none)."""
    start = j + 1
    lexicon = cue_lexicon()
    while j >= 0 and start - j <= limit:
        tok = tokens[j]
        if not tok.is_word:
            if start == j + 1 and ticker_at(tokens, j):
                j -= 3  # "American Express Co <AXP> said": the stock symbol after a company name
                continue
            if (
                tok.text in ("-", "\u2013", ".", "&")
                and j > 0
                and start <= j + 1
                and start - j < limit
                and not spaced_dash(tokens, j)
            ):
                j -= 1
                continue
            break
        low = tok.lower
        if low in ("and", "&"):
            if (
                start == j + 1
                and start < len(tokens)
                and tokens[start].capitalized
                and j > 0
                and tokens[j - 1].is_word
                and tokens[j - 1].lower not in CLAUSE_WORDS
            ):
                j -= 1
                continue
            break
        if low in NP_INNER and start > j + 1:
            j -= 1  # "Department of Defense": inner words join only if the phrase goes on
            continue
        if low in PLACE_PREPOSITIONS and start == j + 1 and speaker_placed(tokens, j):
            j -= 1  # "one trader in London", "Keiichi Udagawa of Bank of Tokyo in New York"
            continue
        if low in CLAUSE_WORDS:
            break
        if (
            low in lexicon
            and not tok.capitalized
            and not any(c.also_noun for c in lexicon[low])
            and not (start == j + 1 and start < len(tokens) and tokens[start].is_word and _opens_clause(tokens, j))
        ):
            # ("“…,” state prosecutor X told …": a cue-like word opening the clause right
            # before the phrase modifies it, as a capitalised one does at a sentence start)
            break
        if low in VERB_GROUP and not tok.capitalized:
            break
        start = j
        j -= 1
    while start < len(tokens) and tokens[start].lower in NP_INNER - {"the"}:
        start += 1
    return start


def dash_aside_start(tokens: list[Token], j: int, reach: int = 20) -> int | None:
    """Index of the spaced dash opening an aside that the spaced dash at ``j`` closes ("Jane
    Doe - a former aide - said"), if there is one within ``reach`` tokens."""
    if not spaced_dash(tokens, j):
        return None
    for m in range(j - 2, max(0, j - reach), -1):
        if tokens[m].kind == "Q" or tokens[m].text in (".", "!", "?", ";"):
            return None
        if tokens[m].text == tokens[j].text and spaced_dash(tokens, m):
            return m
    return None


def good_source(tokens: list[Token], first: int, last: int) -> bool:
    if first > last:
        return False
    if ticker_at(tokens, last):
        last -= 3
        if first > last:
            return False
    head = tokens[last]
    if not head.is_word or head.lower in DETERMINERS or head.lower in CLAUSE_WORDS:
        return False
    if last == first and (head.lower in ("it", "there") or head.lower in VERB_GROUP):
        return False  # "it seems", "Don't say …"
    return True


# speech verbs after which a lone "it" is a source ("It said …", "It also warned …") rather than
# a dummy subject ("it seems", "it shows", "it is expected")
IT_SPEECH_CUES = frozenset(
    """said says added adds told tells wrote writes announced announces reported
reports stated states warned warns argued argues claimed claims insisted insists noted notes
explained explains acknowledged acknowledges urged urges accused accuses""".split()
)


def source_before(tokens: list[Token], cue_first: int) -> tuple[int | None, int | None, int]:
    """(first, last) token of the source left of the cue, and the new cue start."""
    j = skip_verb_group_back(tokens, cue_first - 1)
    new_cue_first = j + 1
    j = _skip_time_back(tokens, j)
    j = skip_verb_group_back(tokens, j)
    last = j
    if last >= 0 and tokens[last].lower in ("who", "which") and last == new_cue_first - 1:
        return last, last, new_cue_first  # "…, who said he would not vote": the gold source is "who"
    if last >= 0 and tokens[last].text == ")":
        k = last - 1
        while k >= 0 and tokens[k].text != "(" and last - k < 8:
            k -= 1
        if k > 0 and tokens[k].text == "(":
            first = np_back(tokens, k - 1)
            if first <= k - 1 and good_source(tokens, first, k - 1):
                return first, last, new_cue_first
    opening = dash_aside_start(tokens, last) if last >= 0 else None
    if opening is not None:
        # "Jane Doe - a former aide - said": the name before the aside (not the object of a
        # preposition: "suspended over images on her blog - a web diary - says")
        first = np_back(tokens, opening - 1)
        if (
            first <= opening - 1
            and good_source(tokens, first, opening - 1)
            and not (first > 0 and tokens[first - 1].lower in PREPOSITIONS)
        ):
            if (
                first > 0
                and tokens[first - 1].text == ","
                and not tokens[first].capitalized
                and tokens[first].lower not in DETERMINERS
            ):
                # "Paul Lee, chief executive of Acme - a music service - said": the name before the role
                head = _apposition_head(tokens, opening)
                if head is not None and tokens[head].capitalized:
                    first = head
            return first, opening - 1, new_cue_first
    first = np_back(tokens, last)
    if first <= last and good_source(tokens, first, last):
        rel = (
            None
            if tokens[last].lower in SUBJECT_PRONOUNS or tokens[cue_first].lower.endswith("ing")
            else relative_pronoun_before(tokens, first, RELATIVE_PRONOUNS)
        )
        if rel is not None:
            # "officials who spoke with The Post said": the noun before "who", not "The Post"
            head = np_back(tokens, rel - 1)
            if head <= rel - 1 and good_source(tokens, head, rel - 1):
                return head, rel - 1, new_cue_first
        first = modified_head(tokens, first, np_back)  # "people familiar with the plan said"
        if ticker_at(tokens, last):
            last -= 3  # the speaker is the company, not its stock symbol
        return first, last, new_cue_first
    if first == last >= 0 and tokens[last].lower == "it" and tokens[cue_first].lower in IT_SPEECH_CUES:
        return first, last, new_cue_first  # "It said …": an organisation or document named before
    # apposition: "Medeiros, an Asia specialist ..., said" (up to four comma segments)
    if last >= 0 and tokens[last].text == ",":
        name_first = _apposition_head(tokens, last)
        if name_first is not None:
            return name_first, last - 1, new_cue_first
    return None, None, new_cue_first


APPOSITION_SEGMENTS = 4


APPOSITION_REACH = 40


def _opens_clause(tokens: list[Token], first: int) -> bool:
    """Whether a noun phrase starting at ``first`` begins its clause: sentence start, or right
    after a quotation, colon or semicolon."""
    return first == 0 or tokens[first - 1].kind == "Q" or tokens[first - 1].text in (";", ":")


def _apposition_head(tokens: list[Token], last: int) -> int | None:
    """First token of the speaker named before a run of comma-set modifiers ending at the
    comma ``last`` ("Jane Doe, who lost her son in Denver, Colorado, in 2010, said").

    Each comma segment going back proposes the noun phrase before it. A phrase that opens
    the clause is the subject itself and wins; otherwise the nearest phrase that starts an
    apposition ("X, a lawyer,") or follows a comma. Phrases made only of adverbs and time
    words ("Smith, meanwhile, who ...") and phrases governed by a preposition ("in Ohio, a
    swing state,") are places or asides inside the modifier, never the speaker.
    """
    nearest = None
    k = last - 1
    for _ in range(APPOSITION_SEGMENTS):
        while k >= 0 and tokens[k].text != "," and tokens[k].kind != "Q" and last - k < APPOSITION_REACH:
            k -= 1
        if k <= 0 or tokens[k].text != ",":
            break
        name_first = np_back(tokens, k - 1, limit=8)
        if (
            name_first <= k - 1
            and good_source(tokens, name_first, k - 1)
            and not all(tokens[m].lower in SOURCE_FRONT_JUNK for m in range(name_first, k))
        ):
            before = tokens[name_first - 1] if name_first > 0 else None
            if _opens_clause(tokens, name_first):
                return name_first
            # ("after X, which had its offer rejected, said": a subordinator that opens a clause
            # whose subject X is, not a preposition governing X)
            governed = (
                before is not None
                and before.lower in PREPOSITIONS
                and not (before.lower in SUBORDINATORS and tokens[k + 1].lower in ("who", "which"))
            )
            if nearest is None and not governed and (tokens[k + 1].lower in APPOSITION_STARTERS or before.text == ","):
                nearest = name_first
        k -= 1
    return nearest


def np_forward(tokens: list[Token], i: int, end: int) -> int:
    """Last token index of a name-like noun phrase starting at ``i`` (``i - 1`` if none)."""
    last = i - 1
    k = i
    while k < end:
        tok = tokens[k]
        if tok.kind == "Q":
            break
        if tok.text == ",":
            # keep an apposition ("said X, an Asia specialist ...") up to the next quote
            if (
                last >= i
                and k + 1 < end
                and (
                    tokens[k + 1].lower in APPOSITION_STARTERS
                    or tokens[k + 1].capitalized
                    or tokens[k + 1].text[:1].isdigit()
                )
            ):
                k += 1
                continue
            break
        if not tok.is_word and (tok.text not in ("-", "\u2013", ".", "&") or spaced_dash(tokens, k)):
            break
        if tok.text == "." and (k + 1 >= end):
            break
        if tok.lower in CLAUSE_WORDS - {"of", "for", "and", "at", "in"}:
            break
        last = k
        k += 1
    return last


def inverted_source(tokens: list[Token], cue_first: int, after: int) -> bool:
    """Whether the source follows the cue: "“…,” said X" / "…, said X, a spokesman."

    After a quotation any noun phrase will do; after a plain comma the name must be
    followed by a comma or the sentence end, so "X, the pollster, said Mr. Y envisioned …"
    stays a forward clause.
    """
    n = len(tokens)
    if after >= n:
        return False
    first = tokens[after]
    prev = tokens[cue_first - 1]
    after_quote = prev.kind == "Q" or (prev.text == "," and cue_first > 1 and tokens[cue_first - 2].kind == "Q")
    # "“…,” said master of ceremonies X", "“…,” said former tech executive X", "… said another adviser"
    titled = (
        after_quote
        and first.is_word
        and first.lower not in CLAUSE_WORDS
        and (first.lower in word_set("titles.txt") or first.lower in ("another", "one") or role_like(first.lower))
    )
    if not (first.capitalized or first.lower in DETERMINERS or titled) or first.lower in (
        "that",
        "this",
        "these",
        "those",
    ):
        return False
    if prev.kind != "Q" and prev.text != ",":
        return False
    if _phrase_has_verb(tokens, cue_first, after, n):
        # "“…,” state prosecutor X told Reuters", "“…,” state officials have said": the phrase
        # has a verb of its own, so the cue-like word opens its subject as a noun modifier
        return False
    k = after
    titles = word_set("titles.txt")
    while k < n and (
        tokens[k].capitalized
        or tokens[k].lower in NP_INNER
        or tokens[k].lower in DETERMINERS
        or tokens[k].text in (".", "-")
        or (k > after and tokens[k].is_word and (tokens[k].lower in titles or role_like(tokens[k].lower)))
    ):
        k += 1
    if k >= n or tokens[k].text in (",", ".", "!", "?", ";"):
        return True
    if tokens[k].kind == "Q":
        # "…, said the Trump “train may have left”": after a plain comma a quotation glued to
        # the phrase continues it, so the phrase opens the content rather than naming the speaker
        return after_quote or k == after
    if after_quote:
        # "“…,” said one aide, who added that …": a "that" after the source's comma is not ours
        stop = next((m for m in range(after, min(n, after + 12)) if tokens[m].text in (",", ";")), min(n, after + 12))
        return not any(t.lower == "that" for t in tokens[after:stop])
    return False


def _phrase_has_verb(tokens: list[Token], cue_first: int, after: int, n: int) -> bool:
    """Whether the noun phrase after a would-be inverted cue ("“…,” state | prosecutor X told
    …") runs, within a few words and before any punctuation or clause word, into a finite
    verb of its own. A base form right after a capitalised word is a noun ("Florida state
    archivist"), and a repeat of the cue's own verb a slip ("“…,” said X said")."""
    cue = cue_at(tokens, cue_first)
    for k in range(after + 1, min(n, after + 8)):
        tok = tokens[k]
        if not tok.is_word or (tok.lower in CLAUSE_WORDS and tok.lower not in ("said", "says", "say")):
            return False
        if finite_verb(tokens, k):
            other = cue_at(tokens, k)
            if other is not None and (
                tok.lower == other.lemma.split("_")[0]
                and tokens[k - 1].capitalized
                or (cue is not None and other.lemma == cue.lemma)
            ):
                continue
            return True
    return False


def shared_subject(tokens: list[Token], cue_first: int, clauses: list[Clause]) -> tuple[int, int] | None:
    """The subject of an earlier clause, for "X criticized Y, saying …" / "… and said …"."""
    if clauses and clauses[-1].source is not None and clauses[-1].source_first >= 0:
        first = clauses[-1].source_first
        last = first
        while last + 1 < cue_first and tokens[last + 1].start < clauses[-1].source[1]:
            last += 1
        return first, last
    # the sentence-initial noun phrase, after an opening adverb ("Essentially, Clinton's lawyers …")
    last = -1
    # past fronted phrases: "Here in Columbia, Sanders …, saying", "Hours later, Trump …"
    begin = subject_start(tokens, 1 if tokens and tokens[0].lower in LEAD_CONJUNCTIONS else 0, cue_first)
    near = nearest_subject(tokens, begin + 1, cue_first)
    if near is not None:
        return near  # "Some booed, and when Rubio thanked Miami and said …"
    roles = word_set("titles.txt") | word_set("group_nouns.txt")
    for k in range(begin, min(cue_first, 10 + begin)):
        tok = tokens[k]
        if (
            tok.is_word
            and (
                tok.capitalized
                or tok.lower in DETERMINERS
                or tok.lower in NP_INNER
                or (tok.lower in roles and k > begin)
            )
            and tok.lower not in CLAUSE_WORDS
        ):
            last = k
        elif k == begin and tok.lower in SUBJECT_PRONOUNS:
            last = k  # "Eight years ago, he backed Obama and said …"
            break
        else:
            break
    if (
        last >= begin
        and (tokens[last].capitalized or tokens[last].lower in PRONOUN_SUBJECTS or tokens[last].lower in roles)
        and not expletive(tokens, begin, last)
    ):
        return begin, last
    return None


# pronouns of a restrictive relative clause between a speaker and its cue
RELATIVE_PRONOUNS = frozenset(("who",))

# a conjunction opening the sentence before its subject ("But the mayor thanked voters, saying …")
LEAD_CONJUNCTIONS = frozenset("but and so yet or".split())


# prepositions that take a cue participle whose subject is the clause's subject ("X ended
# the meeting by saying …", "… while noting that …", "… after announcing his support")
PARTICIPLE_PREPS = frozenset("by after before while when upon in".split())


def participle_after_preposition(tokens: list[Token], cue_first: int) -> bool:
    """Whether the "-ing" cue at ``cue_first`` follows a preposition inside the clause ("Trump
    angered the judge by saying …"): the participle's unexpressed subject is the clause
    subject, so the speaker is found like that of "X thanked voters, saying …". A
    sentence-initial "After saying A, X …" is left out (its subject follows the content),
    as is "without saying" (a denial of speech)."""
    k = cue_first - 1
    while k > 0 and tokens[k].is_word and tokens[k].lower.endswith("ly") and not tokens[k].capitalized:
        k -= 1  # "by essentially telling …"
    return k > 0 and tokens[k].lower in PARTICIPLE_PREPS


NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten half".split())


def full_subject(tokens: list[Token], first: int, last: int) -> bool:
    """Whether a borrowed sentence subject is a whole noun phrase rather than its first
    word ("The", "Two", "Most" before a lower-case noun) or a contracted "It's"/"There's"."""
    word = tokens[last].lower
    return (
        word not in DETERMINERS
        and word not in NUMBER_WORDS
        and word not in CONTRACTED_BE
        and word not in ("there's", "here's")
        and not (last + 1 < len(tokens) and tokens[last + 1].lower in ("of", "'s", "’s"))
    )


# "he's saying", "they're warning": a contracted "be" keeps the participle a verb
CONTRACTED_BE = frozenset("he's she's it's that's who's they're we're you're i'm".split())


def reduced_participle(tokens: list[Token], cue_first: int, cue_first2: int, src_first: int, src_last: int) -> bool:
    """ "a statement saying …", "lawsuits alleging fraud": an "-ing" cue with no auxiliary
    and no comma, right after the noun phrase it modifies, is a reduced relative clause
    or a gerund, not an attribution of that noun phrase; "with X saying …" (an absolute
    phrase) and "he's saying" are kept."""
    if not tokens[cue_first].lower.endswith("ing") or cue_first2 != cue_first or src_last != cue_first - 1:
        return False
    if tokens[src_last].lower in CONTRACTED_BE:
        return False
    return not (src_first > 0 and tokens[src_first - 1].lower == "with")


def time_phrase(tokens: list[Token], first: int, last: int) -> bool:
    """Whether ``tokens[first:last+1]`` is only a date or time ("February 28", "1987")."""
    return all(t.is_word and (t.lower in TIME_BACK or t.lower.isdigit()) for t in tokens[first : last + 1])


def subject_over_preposition(tokens: list[Token], first: int) -> int:
    """Start of the whole noun phrase when the one starting at ``first`` is governed by a
    preposition that continues a noun ("figures for the period to | February 28"): up to two
    prepositional phrases are taken in; ``first`` if there is no such noun."""
    for _ in range(2):
        k = first - 1
        if (
            k < 1
            or tokens[k].lower not in PREPOSITIONS
            or not tokens[k - 1].is_word
            or tokens[k - 1].lower in CLAUSE_WORDS
            or tokens[k - 1].lower in VERB_GROUP
        ):
            break
        before = np_back(tokens, k - 1)
        if before > k - 1:
            break
        first = before
    return first
