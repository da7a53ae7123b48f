"""Who said what: direct, reported and mixed speech, found with rules over sentence tokens.

The stage works sentence by sentence on a small token list in which every quotation is
one opaque ``Q`` token, so a cue verb inside a quote never triggers and "“A,” he said"
reads as ``Q , he said``. For each cue (a verb form from ``data/cues.tsv``, "according
to", or a headline colon) one of a few clause shapes is recognised:

* end attribution   ``CONTENT , SOURCE said .`` / ``CONTENT , said SOURCE .`` (also when the
                    sentence splitter cut "“Why?” | he asked." in two)
* forward           ``SOURCE said (that) CONTENT .`` / ``SOURCE said: “…”``
* according to      ``According to SOURCE , CONTENT .`` / ``CONTENT , according to SOURCE .`` /
                    ``CONTENT , according to SOURCE , CONTENT .``
* as                ``As SOURCE noted , CONTENT .`` / ``CONTENT , as SOURCE said .``
* passive           ``X is expected to Y`` / ``X seemed to Y`` (content "X" + "to Y") and
                    ``Asked whether …, …`` (content: the question; source only from "by …")
* colon             headline ``Poll: Wealthy Voters Abandon …``; body ``X fired back: “…”``
* transcript        a paragraph opening with a speaker label in capitals (``TAPPER: …``,
                    ``JOEL BENENSON: …``): label = source, colon = cue, rest of the paragraph = content

Flags in ``data/cues.tsv`` restrict cues (only with a quotation, only closing one, only
with a that-clause); ``data/not_cues.txt`` lists look-alikes ("think tank") and
``data/evidence_nouns.txt`` the documents that "show" things ("polls show X") and may
"find" them without "that" ("a poll found X ahead"). A forward
content stops at a semicolon, a trailing participle or subordinate clause (", referring
to", ", which", ", but"), a closing apposition, or where a coordinated attribution starts.

The source is the noun phrase next to the cue, found by a bounded scan that skips the
verb group ("has also said"), time phrases ("on Thursday") and appositions
("Medeiros, an Asia specialist …, said"); a lone "It" is a source only before a speech verb
("It said …", not "It seems …"), and a cue after "and"/"but"/"," without a subject of its own
shares the clause subject ("X did not name Y, but told reporters that …"). Content spans keep their quote marks (the
PolNeAR gold does) and drop the sentence's final period. A quotation that runs over
several sentences or paragraphs is one content piece; "“A,” he said. “B.”" gives one
attribution with two pieces. Speakers are then resolved by :mod:`newstone.speakers`.

Everything is linear in the text: each sentence is tokenised once and scanned a bounded
number of times per cue; the rules are compiled once (lru_cache'd loaders).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from .countries import trie_regex
from .datafiles import data_lines
from .model import Attribution, Sentence, Span

# ---------------------------------------------------------------------------------------
# Rules as data


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


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """A packaged list of words/phrases (lower case), one per line."""
    return frozenset(line.lower() for line in data_lines(name))


# Small closed classes, kept in code because they are grammar rather than vocabulary.
VERB_GROUP = frozenset("""don't doesn't didn't won't wouldn't can't couldn't isn't wasn't
aren't weren't hasn't haven't hadn't shouldn't has have had having also is was are were be been being will would could
can should may might must did do does not n't never just already previously repeatedly later then
first once again publicly privately reportedly still even long often recently now further ever
only quickly immediately clearly flatly openly frequently subsequently initially """.split())
CLAUSE_WORDS = frozenset("""that which who whom whose when where while because if although though
as since after before until unless than but or nor so yet whether what how why and to in on at
for with from by into about over under against during without between through is was are were
be been being said says say""".split())
NP_INNER = frozenset("of the for and 's de la von van der al bin".split())
DETERMINERS = frozenset("""the a an his her their its our my your this that these those some
many most several all both no any each every other""".split())
PRONOUNS = frozenset("he she they we i you it who".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
TIME_WORDS = WEEKDAYS | frozenset("""yesterday today tonight earlier recently later last this
next week weeks month months year years night morning afternoon evening weekend on past
days decades january february march april may june july august september october november
december""".split())
# more time phrases, skipped only on the backward scan for a source ("earlier in the day",
# "eight years ago", "at the time")
TIME_BACK = TIME_WORDS | frozenset("day ago time moment hour hours decade".split())
TIME_PREPS = frozenset("in on at for over during the recent past this last".split())
APPOSITION_STARTERS = frozenset("a an the who whose which citing according".split())
SUBORDINATORS = frozenset("""while when although though as if because since after before once
unless whereas""".split())
CLAUSE_OPENERS = frozenset("that the a an he she they it we i this these".split())
BE_FORMS = frozenset("is was are were be been being 's".split())
COORDINATORS = frozenset("and but while whereas".split())
ADVERBIAL_PREPS = frozenset("in at on to during after before via through from".split())
PREPOSITIONS = ADVERBIAL_PREPS | frozenset("of for with by near into across against about under over".split())
FINAL_PUNCT = ".!?;,:"

# ---------------------------------------------------------------------------------------
# Quotations

_MARK = re.compile(r"''|``|[\u201c\u201d\u201e\"\u00ab\u00bb]")
_OPENERS = {"\u201c", "\u201e", "\u00ab", "``"}
_CLOSERS = {"\u201d", "\u00bb"}
_SINGLE_QUOTE = re.compile(r"(?<![\w\u2019'])[\u2018'](?=[A-Za-z0-9])[^\n\u2018]{1,200}?[\w.,!?][\u2019'](?![\w])")


def _is_opening(text: str, pos: int, mark: str) -> bool:
    """Guess whether an ambiguous straight mark opens a quotation, from its neighbours."""
    if mark in _OPENERS:
        return True
    if mark in _CLOSERS:
        return False
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + len(mark)] if pos + len(mark) < len(text) else " "
    if before.isspace() or before in "([{\u2014-/":
        return not after.isspace()
    return False


def find_quotes(text: str, paragraphs: list[Span]) -> list[Span]:
    """Quotations as ``(start, end)`` including their marks, in text order.

    Marks are paired within a paragraph; a quotation still open at the end of a paragraph
    continues if the next paragraph starts with an opening mark (the news convention for a
    quote running over several paragraphs), else it is closed there. Single quotes count
    only in paragraphs without double ones (headlines), paired conservatively.
    """
    quotes: list[Span] = []
    open_at: Optional[int] = None
    for n, (p_start, p_end) in enumerate(paragraphs):
        marks = list(_MARK.finditer(text, p_start, p_end))
        if open_at is not None and not (marks and marks[0].start() == p_start
                                        and _is_opening(text, p_start, marks[0].group())):
            quotes.append((open_at, paragraphs[n - 1][1]))
            open_at = None
        for i, m in enumerate(marks):
            mark, pos = m.group(), m.start()
            if open_at is None:
                if _is_opening(text, pos, mark) or mark == '"' or mark == "''":
                    open_at = pos
            elif open_at is not None and pos == p_start and i == 0 and n > 0 and open_at < p_start:
                continue  # the re-opening mark of a continued quotation
            elif not _is_opening(text, pos, mark) or mark in ('"', "''"):
                quotes.append((open_at, m.end()))
                open_at = None
            elif mark in _OPENERS and (m.end() >= p_end or not text[m.end()].isalnum()):
                quotes.append((open_at, m.end()))  # mistyped closing mark (“…“)
                open_at = None
        if not marks:
            quotes.extend(m.span() for m in _SINGLE_QUOTE.finditer(text, p_start, p_end))
    if open_at is not None and paragraphs:
        quotes.append((open_at, paragraphs[-1][1]))
    return sorted(quotes)


# ---------------------------------------------------------------------------------------
# Tokens


class Token:
    """A word, a punctuation mark, or a whole quotation (``kind == "Q"``).

    A plain slotted class rather than a dataclass: tokens are the hot path.
    """

    __slots__ = ("text", "start", "end", "kind", "lower", "quote", "is_word", "capitalized")

    def __init__(self, text: str, start: int, end: int, kind: str, quote: Optional[Span] = None):
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind  # W | P | Q
        lower = text.lower()
        self.lower = lower.replace("\u2019", "'") if "\u2019" in lower else lower
        self.quote = quote  # the full quotation a Q token belongs to
        self.is_word = kind == "W"
        self.capitalized = self.is_word and text[:1].isupper()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.kind})"


@lru_cache(maxsize=200_000)
def _token_info(text: str) -> tuple[str, str, bool, bool]:
    """(lower, kind, is_word, capitalized) of a token string: words repeat, so these are
    computed once per distinct string."""
    is_word = text[0].isalnum()
    return text.lower().replace("\u2019", "'"), "W" if is_word else "P", is_word, is_word and text[:1].isupper()


def _word_token(m: re.Match, _new=object.__new__) -> Token:
    """A W or P token for a regex match, filled without calling ``__init__`` (tokens are
    the hot path of this stage)."""
    text = m.group()
    tok = _new(Token)
    tok.text = text
    tok.start, tok.end = m.span()
    tok.lower, tok.kind, tok.is_word, tok.capitalized = _token_info(text)
    tok.quote = None
    return tok


_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[A-Za-z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|"
                    r"Prof|Rev|St|Jr|Sr|Pres|Sens|Reps)\.|\w+(?:[\u2019'\-&.]\w+)*(?:[\u2019']s?)?|\S")


def tokenize(text: str, start: int, end: int, quotes: list[Span], qi: int) -> tuple[list[Token], int]:
    """Tokens of ``text[start:end]``; ``quotes[qi:]`` are the quotations not yet passed.

    Returns the tokens and the index of the first quotation that may reach later text.
    """
    while qi < len(quotes) and quotes[qi][1] <= start:
        qi += 1
    tokens: list[Token] = []
    cursor, k = start, qi
    while cursor < end:
        if k < len(quotes) and quotes[k][0] < end:
            q_start, q_end = quotes[k]
            gap_end = max(cursor, q_start)
        else:
            q_start = q_end = None
            gap_end = end
        tokens.extend(map(_word_token, _TOKEN.finditer(text, cursor, gap_end)))
        if q_start is None:
            break
        s, e = max(q_start, start), min(q_end, end)
        if s < e:
            tokens.append(Token(text[s:e], s, e, "Q", quote=(q_start, q_end)))
        cursor = max(e, cursor)
        k += 1
        if q_end > end:
            break
    return tokens, qi


# ---------------------------------------------------------------------------------------
# Clauses


@dataclass
class Clause:
    """One attribution found in a sentence, in token indices and character spans."""

    cue: Span
    cue_first: int  # token index range of the cue [cue_first, cue_last]
    cue_last: int
    source: Optional[Span]
    content: list[Span] = field(default_factory=list)
    shape: str = "forward"  # forward | end | according | colon
    source_first: int = -1  # token index of the source start (for cutting contents)


def _cue_at(tokens: list[Token], i: int) -> Optional[Cue]:
    tok = tokens[i]
    if not tok.is_word:
        return None
    for cue in cue_lexicon().get(tok.lower, ()):
        n = len(cue.words)
        if all(i + j < len(tokens) and tokens[i + j].lower == cue.words[j] for j in range(n)):
            return cue
    return None


@lru_cache(maxsize=1)
def cue_blockers() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> word sequences from ``data/not_cues.txt`` ("think tank", "showed up")."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in word_set("not_cues.txt"):
        words = tuple(phrase.split())
        table.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in table.items()}


def _blocked(tokens: list[Token], i: int) -> bool:
    """Whether the cue at ``i`` opens a listed non-attribution ("think tank")."""
    for words in cue_blockers().get(tokens[i].lower, ()):
        if all(i + j < len(tokens) and tokens[i + j].lower == w for j, w in enumerate(words)):
            return True
    return False


def _verb_context(tokens: list[Token], i: int, cue: Cue) -> bool:
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
    if prev.capitalized and not word.endswith("s") and prev.lower not in PRONOUNS \
            and not prev.lower.endswith("s") and prev.lower not in VERB_GROUP:
        return False  # a base form after a singular name is a noun: "the NBC show", "a Trump call"
    if prev.lower in VERB_GROUP or prev.lower in PRONOUNS or prev.capitalized:
        return True
    # "the paper notes the government …": a singular noun, then a verb opening a clause
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    # (or a plural noun and a base form: "the new polls show that …")
    agree = word.endswith("s") != (prev.lower.endswith("s") and not prev.lower.endswith(("ss", "'s", "us", "is")))
    if agree and prev.is_word and i >= 2 and (nxt is None or nxt.text in (".", "!", "?")):
        return True  # closing the sentence: "…, a new poll shows."
    return agree and prev.is_word and i >= 2 \
        and _after_determiner(tokens, i - 1) and nxt is not None \
        and (nxt.lower in CLAUSE_OPENERS or nxt.kind == "Q" or nxt.capitalized or nxt.lower[:1].isdigit())


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


def _skip_verb_group_back(tokens: list[Token], j: int) -> int:
    # capitalised, "May" or "Will" right before a cue is a name ("Theresa May said"), not a modal
    while j >= 0 and tokens[j].is_word and not tokens[j].capitalized and (
            tokens[j].lower in VERB_GROUP or (tokens[j].lower.endswith("ly") and len(tokens[j].lower) > 4)):
        j -= 1
    return j


def _in_name(tokens: list[Token], j: int) -> bool:
    """A capitalised time word right after another capitalised word ends a name ("Theresa
    May", "Rebecca Day"), unless it is a weekday ("Obama Tuesday said")."""
    return tokens[j].capitalized and j > 0 and tokens[j - 1].capitalized and tokens[j].lower not in WEEKDAYS


def _skip_time_back(tokens: list[Token], j: int) -> int:
    """Skip "on Thursday", "last week", "in the past", "in 2014", "for years" backwards."""
    while j >= 0 and tokens[j].is_word and (tokens[j].lower in TIME_BACK or tokens[j].lower.isdigit()) \
            and not _in_name(tokens, j):
        k = j - 1
        while k >= 0 and tokens[k].lower in TIME_PREPS:
            k -= 1
        j = k
    return j


def _np_back(tokens: list[Token], j: int, limit: int = 14) -> int:
    """Index of the first token of the noun phrase ending at ``j`` (``j + 1`` if none)."""
    start = j + 1
    lexicon = cue_lexicon()
    while j >= 0 and start - j <= limit:
        tok = tokens[j]
        if not tok.is_word:
            if start == j + 1 and _ticker_at(tokens, j):
                j -= 3  # "American Express Co <AXP> said": the stock symbol after a company name
                continue
            if tok.text in ("-", "\u2013", ".", "&") and j > 0 and start <= j + 1 and start - j < limit \
                    and not _spaced_dash(tokens, j):
                j -= 1
                continue
            break
        low = tok.lower
        if low in ("and", "&"):
            if start == j + 1 and start < len(tokens) and tokens[start].capitalized and j > 0 \
                    and tokens[j - 1].is_word and tokens[j - 1].lower not in CLAUSE_WORDS:
                j -= 1
                continue
            break
        if low in NP_INNER and start > j + 1:
            j -= 1  # "Department of Defense": inner words join only if the phrase goes on
            continue
        if low in CLAUSE_WORDS:
            break
        if low in lexicon and not tok.capitalized and not any(c.also_noun for c in lexicon[low]) \
                and not (start == j + 1 and start < len(tokens) and tokens[start].is_word and _opens_clause(tokens, j)):
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


def _spaced_dash(tokens: list[Token], j: int) -> bool:
    """Whether ``tokens[j]`` is a dash set off by spaces on both sides ("… incomes - the
    Commission has urged …"): a break between clauses, not a joint inside a name."""
    tok = tokens[j]
    return tok.text in ("-", "\u2013") and 0 < j < len(tokens) - 1 \
        and tokens[j - 1].end < tok.start and tok.end < tokens[j + 1].start


def _dash_aside_start(tokens: list[Token], j: int, reach: int = 20) -> Optional[int]:
    """Index of the spaced dash opening an aside that the spaced dash at ``j`` closes ("Jane
    Doe - a former aide - said"), if there is one within ``reach`` tokens."""
    if not _spaced_dash(tokens, j):
        return None
    for m in range(j - 2, max(0, j - reach), -1):
        if tokens[m].kind == "Q" or tokens[m].text in (".", "!", "?", ";"):
            return None
        if tokens[m].text == tokens[j].text and _spaced_dash(tokens, m):
            return m
    return None


def _ticker_at(tokens: list[Token], j: int) -> bool:
    """Whether ``tokens[j]`` closes a stock symbol in angle brackets right after a word
    ("Moody's Investors Service Inc <MCO>", as wire copy writes company names)."""
    return j >= 3 and tokens[j].text == ">" and tokens[j - 2].text == "<" and tokens[j - 1].is_word \
        and tokens[j - 1].text.upper() == tokens[j - 1].text and tokens[j - 3].is_word


def _span(tokens: list[Token], first: int, last: int) -> Span:
    return tokens[first].start, tokens[last].end


def _good_source(tokens: list[Token], first: int, last: int) -> bool:
    if first > last:
        return False
    if _ticker_at(tokens, last):
        last -= 3
        if first > last:
            return False
    head = tokens[last]
    if not head.is_word or head.lower in DETERMINERS or head.lower in CLAUSE_WORDS:
        return False
    if last == first and (head.lower in ("it", "there") or head.lower in VERB_GROUP):
        return False  # "it seems", "Don't say …"
    return True


# What a backward scan sweeps in before the speaker and a source span should not start
# with: fronted time phrases and sentence adverbs ("On Monday Tony Blair said",
# "Earlier Tory leader Michael Howard said", "Meanwhile, Lib Dem leader …").
SOURCE_FRONT_JUNK = WEEKDAYS | frozenset("""january february april june july august september october
november december yesterday today tonight earlier later recently meanwhile however also now then
instead separately still yet indeed ago last week weeks month months year years night morning
afternoon evening weekend days hours in on at during after before but and so moreover furthermore
similarly likewise additionally besides nonetheless nevertheless""".split())
PERSONAL_PRONOUNS = frozenset("he she they we i you it".split())
# Lower-case words that belong to a name or role right after them ("former President X",
# "the spokesman", "Lindsey Graham and Richard Blumenthal").
TITLE_MODIFIERS = frozenset("""former then acting incoming outgoing new current late retired fellow
senior top junior shadow interim longtime veteran ex""".split())


def _trim_source_front(tokens: list[Token], first: int, last: int) -> int:
    """Where the source span should start, given the noun phrase ``tokens[first:last+1]``.

    A pronoun head is the whole source ("A couple of weeks ago I said" -> "I"); fronted time
    words and adverbs go ("Monday Tony Blair" -> "Tony Blair"); so does an unrelated
    lower-case word before a capitalised name ("In the interview Mr Blair said" ->
    "Mr Blair"), but not a role ("columnist Jonathan Chait", "GOP frontrunner Donald
    Trump"), title, determiner or conjunction. A phrase with punctuation inside (an
    apposition) is left alone. Only the reported span changes: content boundaries still
    use the untrimmed phrase.
    """
    if tokens[last].lower in PERSONAL_PRONOUNS:
        return last
    if any(not tokens[k].is_word for k in range(first, last + 1)):
        return first
    while first < last and tokens[first].lower in SOURCE_FRONT_JUNK:
        first += 1
    k = last
    while k > first and tokens[k].capitalized:
        k -= 1
    if k < last and not tokens[k].capitalized and not _role_like(tokens[k].lower):
        return k + 1
    return first


# Word endings of agent and role nouns ("columnist", "moderator", "front-runner", "dissident").
ROLE_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "men", "ee", "ess")


def _role_like(word: str) -> bool:
    """Whether a lower-case word before a name can be part of the speaker's description."""
    return (word in TITLE_MODIFIERS or word in DETERMINERS or word in NP_INNER or word in ("and", "or", "&")
            or word in word_set("titles.txt") or word in word_set("group_nouns.txt")
            or word.endswith(ROLE_ENDINGS) or not word.isalpha())


IT_SOURCE = True
# speech verbs after which a lone "it" is a source ("It said …", "It also warned …") rather than
# a dummy subject ("it seems", "it shows", "it is expected")
IT_SPEECH_CUES = frozenset("""said says added adds told tells wrote writes announced announces reported
reports stated states warned warns argued argues claimed claims insisted insists noted notes
explained explains acknowledged acknowledges urged urges accused accuses""".split())


def _source_before(tokens: list[Token], cue_first: int) -> tuple[Optional[int], Optional[int], int]:
    """(first, last) token of the source left of the cue, and the new cue start."""
    j = _skip_verb_group_back(tokens, cue_first - 1)
    new_cue_first = j + 1
    j = _skip_time_back(tokens, j)
    j = _skip_verb_group_back(tokens, j)
    last = j
    if last >= 0 and tokens[last].lower in ("who", "which") and last == new_cue_first - 1:
        return last, last, new_cue_first  # "…, who said he would not vote": the gold source is "who"
    if last >= 0 and tokens[last].text == ")":
        k = last - 1
        while k >= 0 and tokens[k].text != "(" and last - k < 8:
            k -= 1
        if k > 0 and tokens[k].text == "(":
            first = _np_back(tokens, k - 1)
            if first <= k - 1 and _good_source(tokens, first, k - 1):
                return first, last, new_cue_first
    opening = _dash_aside_start(tokens, last) if last >= 0 else None
    if opening is not None:
        # "Jane Doe - a former aide - said": the name before the aside (not the object of a
        # preposition: "suspended over images on her blog - a web diary - says")
        first = _np_back(tokens, opening - 1)
        if first <= opening - 1 and _good_source(tokens, first, opening - 1) \
                and not (first > 0 and tokens[first - 1].lower in PREPOSITIONS):
            if first > 0 and tokens[first - 1].text == "," and not tokens[first].capitalized \
                    and tokens[first].lower not in DETERMINERS:
                # "Paul Lee, chief executive of Acme - a music service - said": the name before the role
                head = _apposition_head(tokens, opening)
                if head is not None and tokens[head].capitalized:
                    first = head
            return first, opening - 1, new_cue_first
    first = _np_back(tokens, last)
    if first <= last and _good_source(tokens, first, last):
        if _ticker_at(tokens, last):
            last -= 3  # the speaker is the company, not its stock symbol
        return first, last, new_cue_first
    if IT_SOURCE and first == last >= 0 and tokens[last].lower == "it" \
            and tokens[cue_first].lower in IT_SPEECH_CUES:
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


def _apposition_head(tokens: list[Token], last: int) -> Optional[int]:
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
        name_first = _np_back(tokens, k - 1, limit=8)
        if name_first <= k - 1 and _good_source(tokens, name_first, k - 1) \
                and not all(tokens[m].lower in SOURCE_FRONT_JUNK for m in range(name_first, k)):
            before = tokens[name_first - 1] if name_first > 0 else None
            if _opens_clause(tokens, name_first):
                return name_first
            # ("after X, which had its offer rejected, said": a subordinator that opens a clause
            # whose subject X is, not a preposition governing X)
            governed = before is not None and before.lower in PREPOSITIONS \
                and not (before.lower in SUBORDINATORS and tokens[k + 1].lower in ("who", "which"))
            if nearest is None and not governed and (tokens[k + 1].lower in APPOSITION_STARTERS or before.text == ","):
                nearest = name_first
        k -= 1
    return nearest


def _np_forward(tokens: list[Token], i: int, end: int) -> int:
    """Last token index of a name-like noun phrase starting at ``i`` (``i - 1`` if none)."""
    last = i - 1
    k = i
    while k < end:
        tok = tokens[k]
        if tok.kind == "Q":
            break
        if tok.text == ",":
            # keep an apposition ("said X, an Asia specialist ...") up to the next quote
            if last >= i and k + 1 < end and (tokens[k + 1].lower in APPOSITION_STARTERS
                                              or tokens[k + 1].capitalized or tokens[k + 1].text[:1].isdigit()):
                k += 1
                continue
            break
        if not tok.is_word and (tok.text not in ("-", "\u2013", ".", "&") or _spaced_dash(tokens, k)):
            break
        if tok.text == "." and (k + 1 >= end):
            break
        if tok.lower in CLAUSE_WORDS - {"of", "for", "and", "at", "in"}:
            break
        last = k
        k += 1
    return last


def _content_start(tokens: list[Token], i: int, end: int, cue: Cue) -> int:
    """First content token after a cue ending before ``i``: skips objects and adverbials."""
    window = tokens[i:min(end, i + (16 if cue.takes_object else 12))]
    for n, tok in enumerate(window):
        if tok.kind == "Q":
            if n == 0 or cue.takes_object or _adverbial_lead(window, n) or window[n - 1].text in (",", ":"):
                return i + n
            break  # "saying the plan would “not work”": the quotation ends a clause that starts at the cue
        if tok.lower == "that" and n <= 10 and not _that_is_time(window, n) \
                and (n == 0 or cue.takes_object or _adverbial_lead(window, n)):
            return i + n
        if tok.text in (":",):
            return i + n + 1
        if tok.text == "," and n + 1 < len(window) and window[n + 1].kind == "Q":
            return i + n + 1
        if tok.lower in ("whether", "if", "how", "why", "what", "about") and n <= 6 \
                and (n == 0 or cue.takes_object or _adverbial_lead(window, n)):
            return i + n
        if tok.lower == "to" and cue.takes_object and n <= 6 and (n > 0 or _infinitive_after(window, n)):
            return i + n  # "urged Beijing to do more"; "which it urged to do more" (object moved away)
        if tok.text == "," and n + 1 < len(window) and window[n + 1].lower == "that":
            return i + n + 1
        if tok.text == "," and n + 1 < len(window) and (window[n + 1].lower in ADVERBIAL_PREPS
                                                         or window[n + 1].lower in TIME_WORDS):
            continue  # "suggested, after a visit to Pyongyang, that …"
        if tok.text in (",", ";", "(") or (tok.lower in CLAUSE_WORDS and tok.lower not in ADVERBIAL_PREPS
                                            and tok.lower not in ("to", "for", "with", "by", "about", "over")):
            break
    if cue.takes_object:
        return _short_object_end(tokens, i, end)
    k = i
    while k < end and tokens[k].is_word and tokens[k].lower in TIME_WORDS:
        k += 1
    return k


OBJECT_DETERMINERS = frozenset("the a an his her their its our my your this that these those".split())


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
        while k < end and tokens[k].is_word and (tokens[k].capitalized or tokens[k].lower in ("'s", "\u2019s")) \
                and tokens[k].lower not in CLAUSE_WORDS:  # a title-case headline: "Warns West Over Missiles"
            k += 1
        return k
    start = k
    while k < end and k - start < 2 and tokens[k].is_word and not tokens[k].capitalized \
            and tokens[k].lower not in CLAUSE_WORDS and tokens[k].lower not in PRONOUNS \
            and tokens[k].lower not in OBJECT_DETERMINERS:
        k += 1
    return k


def _infinitive_after(window: list[Token], n: int) -> bool:
    """Whether "to" at ``n`` opens an infinitive ("to do more"), not a prepositional
    object ("to reporters", "to the press"): a lower-case word that is no determiner or
    pronoun and no plural noun follows."""
    if n + 1 >= len(window):
        return False
    word = window[n + 1]
    return word.is_word and not word.capitalized and word.lower not in DETERMINERS \
        and word.lower not in PRONOUNS and (not word.lower.endswith("s") or word.lower.endswith("ss"))


def _adverbial_lead(window: list[Token], n: int) -> bool:
    """Whether the ``n`` tokens between a cue and "that" are an adverbial ("said on
    Thursday in an interview that"), not a complement whose noun "that" relativises
    ("said he meets families in a city that …")."""
    first = window[0]
    return first.lower in ADVERBIAL_PREPS or first.lower in TIME_WORDS or first.text in (",", "(") \
        or first.lower in ("repeatedly", "again", "also", "later", "privately", "publicly", "flatly", "recently") \
        or (first.lower.endswith("ly") and not first.capitalized)


def _that_is_time(tokens: list[Token], k: int) -> bool:
    """"said that night", "told reporters that day": a time phrase, not a complementizer."""
    return k + 1 < len(tokens) and tokens[k + 1].lower in TIME_WORDS | {"day", "time", "point", "moment"} \
        and (k + 2 >= len(tokens) or not tokens[k + 2].is_word or tokens[k + 2].lower in ADVERBIAL_PREPS)


def _trim_end(tokens: list[Token], first: int, last: int) -> int:
    while last >= first and tokens[last].kind == "P" and tokens[last].text in FINAL_PUNCT + "\u2014-(":
        last -= 1
    return last


CUT_BUT = True
CUT_AND = True
CONTENT_BREAKS = frozenset("even while whereas although though but which who whose where compared".split())
PARTICIPLE_KEEP = frozenset("including according during regarding concerning notwithstanding".split())


def _comma_inside_quote(tok: Token) -> bool:
    """A quotation that closes on a comma ("“… at risk,” adding …"): American style puts the
    comma inside the quotation marks, so the clause boundary it marks is inside the Q token."""
    return tok.kind == "Q" and tok.text.rstrip("\u201d\"'\u2019").endswith(",")


def _cut_participle(tokens: list[Token], first: int, last: int) -> int:
    """A forward content stops before a trailing participial adjunct ("…, referring to …")."""
    for k in range(first + 2, last):
        if tokens[k].text in ("\u2014", "--") and k >= first + 4 and tokens[k + 1].kind != "Q" \
                and not any(t.text in ("\u2014", "--") for t in tokens[first:k]):
            return k - 1  # "… the mandate — requiring refiners …"
        if tokens[k].text == ";":
            return k - 1
        if CUT_BUT and tokens[k].lower == "but" and tokens[k + 1].is_word and not tokens[k + 1].capitalized \
                and (tokens[k + 1].lower in VERB_GROUP or tokens[k + 1].lower.endswith("ed")):
            return k - 1  # "… the dour tone but defended Sanders": a second predicate
        if tokens[k].text == "," and k + 2 <= last and tokens[k + 1].lower in ("for", "in", "of", "to", "with", "by") \
                and tokens[k + 2].lower in ("whom", "which"):
            return k - 1  # "…, for whom he was scheduled to …": a relative clause
        if CUT_AND and tokens[k].text == "," and tokens[k + 1].lower == "and" and k + 2 <= last \
                and (tokens[k + 2].lower in DETERMINERS or tokens[k + 2].lower in PRONOUNS or tokens[k + 2].capitalized) \
                and not (tokens[k + 2].lower == "that" and tokens[first].lower == "that"):  # "that A, and that B": one content
            return k - 1
        inner = _comma_inside_quote(tokens[k])
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
        if nxt in ("a", "an") and k - first >= 6 and not any(t.text == "," for t in tokens[k + 1:last + 1]):
            return k - 1  # a closing apposition: "…, a landslide win based on …"
    return last


def _content_spans(tokens: list[Token], first: int, last: int) -> list[Span]:
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


def _inverted_source(tokens: list[Token], cue_first: int, after: int) -> bool:
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
    titled = after_quote and first.is_word and first.lower not in CLAUSE_WORDS and (
        first.lower in word_set("titles.txt") or first.lower in ("another", "one") or _role_like(first.lower))
    if not (first.capitalized or first.lower in DETERMINERS or titled) or first.lower in ("that", "this", "these", "those"):
        return False
    if prev.kind != "Q" and prev.text != ",":
        return False
    if _phrase_has_verb(tokens, cue_first, after, n):
        # "“…,” state prosecutor X told Reuters", "“…,” state officials have said": the phrase
        # has a verb of its own, so the cue-like word opens its subject as a noun modifier
        return False
    k = after
    titles = word_set("titles.txt")
    while k < n and (tokens[k].capitalized or tokens[k].lower in NP_INNER or tokens[k].lower in DETERMINERS
                     or tokens[k].text in (".", "-") or (k > after and tokens[k].is_word
                                                         and (tokens[k].lower in titles or _role_like(tokens[k].lower)))):
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
    cue = _cue_at(tokens, cue_first)
    for k in range(after + 1, min(n, after + 8)):
        tok = tokens[k]
        if not tok.is_word or (tok.lower in CLAUSE_WORDS and tok.lower not in ("said", "says", "say")):
            return False
        if _finite_verb(tokens, k):
            other = _cue_at(tokens, k)
            if other is not None and (tok.lower == other.lemma.split("_")[0] and tokens[k - 1].capitalized
                                      or (cue is not None and other.lemma == cue.lemma)):
                continue
            return True
    return False


FINITE_AUXILIARIES = VERB_GROUP - frozenset("""having being also not never just then now once first again
later still even only further ever long already previously repeatedly publicly privately reportedly
quickly immediately clearly flatly openly frequently subsequently initially recently often n't""".split())


def _finite_verb(tokens: list[Token], k: int) -> bool:
    """Whether the lower-case word at ``k`` is a finite verb: an auxiliary ("have said") or
    a cue verb other than a participle ("told", "said"; not "adding")."""
    tok = tokens[k]
    if not tok.is_word or tok.capitalized:
        return False
    if tok.lower in FINITE_AUXILIARIES:
        return True
    return tok.lower in cue_lexicon() and not tok.lower.endswith("ing") and _cue_at(tokens, k) is not None


def _ends_attribution(tokens: list[Token], before_src: int, after: int, n: int) -> bool:
    """Whether "…, SOURCE said …" closes the content before it rather than opening one:
    only when nothing but adverbials ("on Thursday", "dryly", "of Cruz", ", holding up …")
    or a second quotation (", “B.”") follows the cue."""
    window = tokens[after:min(n, after + 8)]
    for k, tok in enumerate(window):
        if (tok.lower == "that" and not _that_is_time(window, k)) or tok.text == ":" or (tok.kind == "Q" and k == 0):
            return False
        if tok.kind == "Q" and k > 0 and window[k - 1].text in (",", ":"):
            return True  # "“A,” he said, “B.”"
        if tok.text in (",", ".", "!", "?", ";"):
            break
    if after >= n or tokens[after].kind == "P":
        return True
    if tokens[before_src].kind == "Q" and _closed_sentence(tokens, before_src):
        pass  # "… ''The Art of the Deal.'' Mr. Trump said a jet …": a new sentence the splitter missed
    elif tokens[before_src].kind == "Q" or (tokens[before_src].text == "," and before_src > 0
                                            and tokens[before_src - 1].kind == "Q"):
        return True
    first = tokens[after]
    if first.lower in ADVERBIAL_PREPS or first.lower in TIME_WORDS or first.lower in ("of", "about", "with", "as", "when", "after", "while", "before", "but", "and", "by"):
        return True
    if first.lower.endswith("ly") and not first.capitalized:
        return True
    return False


def _closed_sentence(tokens: list[Token], q: int) -> bool:
    """Whether the quotation at ``q`` ends a sentence of its own (".”" / "?''") and the next
    word starts a new one with a capital."""
    nxt = tokens[q + 1] if q + 1 < len(tokens) else None
    return nxt is not None and nxt.capitalized \
        and tokens[q].text.rstrip("\u201d\"'\u2019 ")[-1:] in (".", "!", "?")


def _sentence_clauses(tokens: list[Token], headline: bool) -> list[Clause]:
    """Every attribution clause of one sentence, before contents are cut at each other."""
    clauses: list[Clause] = []
    n = len(tokens)
    lexicon = cue_lexicon()
    title_case = headline and _title_cased(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if tok.lower not in lexicon and tok.lower != "according":
            i += 1
            continue
        if tok.lower == "according" and i + 1 < n and tokens[i + 1].lower == "to":
            clause = _according_to(tokens, i)
            if clause:
                clauses.append(clause)
            i += 2
            continue
        cue = _cue_at(tokens, i)
        if cue is None or (cue.also_noun and not _verb_context(tokens, i, cue)) or _blocked(tokens, i) \
                or (not title_case and _inside_proper_name(tokens, i)):
            i += 1
            continue
        cue_last = i + len(cue.words) - 1
        clause = _cue_clause(tokens, i, cue_last, cue, clauses)
        if clause and cue.needs_quote and not _has_quote(tokens, clause.content) \
                and not _demonstrative_complement(tokens, cue_last + 1) \
                and not (cue.quote_or_that and clause.content and text_at(tokens, clause.content[0][0]) == "that"):
            clause = None  # "a firm called Acme", "Obama called her": naming or phoning
        that_clause = clause is not None and clause.shape == "forward" and bool(clause.content) \
            and text_at(tokens, clause.content[0][0]) == "that"
        closing = clause is not None and clause.shape == "end" and _has_quote(tokens, clause.content)
        if clause and cue.end_only and cue.needs_that:
            if not (closing or that_clause):
                clause = None  # "“…,” she stated." or "she stated that …", not "the stated goal"
        elif clause and cue.needs_that and not _complement_ok(tokens, clause, cue, that_clause):
            clause = None  # "a poll found that …" but not "found a wallet"
        elif clause and cue.end_only and not closing:
            clause = None  # "“…,” he continued." but not "he continued to campaign"
        if clause and cue.object_np and any(c.content and c.content[0][0] <= tokens[i].start < c.content[-1][1]
                                            for c in clauses):
            clause = None  # "According to a poll, most residents oppose the plan": the stance is the content
        if clause:
            clauses.append(clause)
        i = cue_last + 1
    if not clauses:
        clause = _survey_lead_clause(tokens)
        if clause:
            clauses.append(clause)
    if not clauses and headline:
        clause = _colon_clause(tokens)
        if clause:
            clauses.append(clause)
    elif not clauses and BODY_COLON:
        clause = _body_colon_clause(tokens)
        if clause:
            clauses.append(clause)
    return clauses


SENTENCE_ADVERBS = frozenset("however though too also meanwhile".split())


def _survey_lead_clause(tokens: list[Token]) -> Optional[Clause]:
    """"In the latest CBS News poll, Clinton led by six points.": a sentence-opening "in"
    phrase naming a poll or survey (``data/survey_nouns.txt``) up to its comma is the source,
    "In" the cue, and the clause after the comma (four tokens or more) the content. Only
    for a sentence with no other cue: "In a poll released Monday, 31% said …" is already
    the respondents' attribution. A trailing "…, in the polls" is left alone: it is mostly
    a standing ("trails in the polls"), not a report."""
    n = len(tokens)
    first = 1 if n > 1 and tokens[0].lower in CONJUNCTION_LEADS else 0
    if first + 2 >= n or tokens[first].lower != "in":
        return None
    comma = _next_comma(tokens, first + 1, min(n, first + 16))
    if comma >= min(n, first + 16) or tokens[comma].text != ",":
        return None
    nouns = word_set("survey_nouns.txt")
    if not any(t.lower in nouns for t in tokens[first + 1:comma]) or any(t.kind == "Q" for t in tokens[first:comma]):
        return None
    src_last = comma - 1
    nxt = tokens[comma + 1] if comma + 1 < n else None
    if nxt is not None and nxt.is_word and not nxt.capitalized and (nxt.lower.endswith("ed") or nxt.lower in SENTENCE_ADVERBS):
        src_last = comma - 1 if nxt.lower in SENTENCE_ADVERBS else _next_comma(tokens, comma + 1, n) - 1
        comma = _next_comma(tokens, comma + 1, n)  # "In the poll, conducted in May, …" / "…, however, …"
    last = _trim_end(tokens, comma + 1, n - 1)
    if last - comma < 4:
        return None
    return Clause(_span(tokens, first, first), first, first, _span(tokens, first + 1, src_last),
                  _content_spans(tokens, comma + 1, last), "according", first + 1)


def _title_cased(tokens: list[Token]) -> bool:
    """Whether a headline is written in title case ("Putin Warns West Over Missiles"): most of
    its words but the small ones are capitalised. A first paragraph that is a lede in
    sentence case (wire copy without a headline line) is not."""
    words = [t for t in tokens if t.is_word and t.text[:1].isalpha() and t.lower not in TITLE_SMALL_WORDS]
    return bool(words) and sum(t.capitalized for t in words) >= 0.6 * len(words)


def _inside_proper_name(tokens: list[Token], i: int) -> bool:
    """A capitalised cue word right after a capitalised word, in body text, is part of a
    name, not a verb ("won the Grand Slam", "Fox Reports"). Headlines are left out: their
    title case capitalises verbs ("Putin Warns West")."""
    return tokens[i].capitalized and i > 0 and tokens[i - 1].capitalized


BODY_COLON = True


def _body_colon_clause(tokens: list[Token]) -> Optional[Clause]:
    """"Fallon fired back: “…”": a sentence whose subject introduces a quotation after a
    colon, with no cue verb; the colon is the cue and the subject the source."""
    for k in range(2, min(len(tokens) - 1, 25)):
        if tokens[k].text == ":" and tokens[k + 1].kind == "Q":
            if tokens[k - 1].capitalized:
                # "… doesn't surprise pollster Daron Shaw: “…”", "HEADLINE - Ann Lee: “…”": the name
                first = _np_back(tokens, k - 1, limit=6)
                subject = (first, k - 1) if first <= k - 1 and not tokens[first].text.isupper() else None
            else:
                subject = _shared_subject(tokens, k, [])
            if subject is None:
                return None
            last = _trim_end(tokens, k + 1, len(tokens) - 1)
            return Clause((tokens[k].start, tokens[k].end), k, k, _span(tokens, *subject),
                          _content_spans(tokens, k + 1, last), "bodycolon", subject[0])
    return None


def text_at(tokens: list[Token], pos: int) -> Optional[str]:
    """The lower-case token starting at character ``pos``."""
    for tok in tokens:
        if tok.start == pos:
            return tok.lower
    return None


def _complement_ok(tokens: list[Token], clause: Clause, cue: Cue, that_clause: bool) -> bool:
    """Whether a cue that needs a complement (flags ``that`` / ``as``) has one: a that-clause
    ("she knew that …"), an object with an "as" description ("voters see him as …"), or, for
    an evidence verb after a document, any clause ("a poll found Smith ahead")."""
    return (that_clause and cue.that_ok) or _document_finding(tokens, clause, cue) \
        or (cue.as_complement and clause.shape == "forward" and _as_complement(tokens, clause.cue_last + 1))


AS_NOT_COMPLEMENT = frozenset("well soon long much many if though of part far recently early late".split())


def _as_complement(tokens: list[Token], i: int) -> bool:
    """"Voters see him as a fighter", "she views the deal as a mistake": an object and then
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
    """"A new poll found Smith ahead by six points", "the study finds most voters undecided":
    when a document (``data/evidence_nouns.txt``) is the subject, an evidence verb reports its
    result with or without "that"; a person who "found a wallet" needs the that-clause."""
    if cue.cls != "evidence" or clause.source is None:
        return False
    start, end = clause.source
    nouns = word_set("evidence_nouns.txt")
    return any(t.lower in nouns for t in tokens if start <= t.start and t.end <= end)


def _demonstrative_complement(tokens: list[Token], i: int) -> bool:
    """"called that troubling", "called it a disgrace": an object and its description."""
    return i + 1 < len(tokens) and tokens[i].lower in ("that", "this", "it", "these", "those") \
        and tokens[i + 1].is_word and tokens[i + 1].lower not in CLAUSE_WORDS


def _has_quote(tokens: list[Token], spans: list[Span]) -> bool:
    return any(t.kind == "Q" and any(s <= t.start < e for s, e in spans) for t in tokens)


# words that open the last clause of a sentence after a comma ("…, which stood at 263, according
# to X", "…, and Clinton broke it, according to X", "…, with 56 percent …, according to X")
TRAILING_CLAUSE_OPENERS = frozenset("which who and with".split())


def _last_attached_clause(tokens: list[Token], before: int) -> int:
    """First token of what a trailing "…, according to X" vouches for: the last clause
    that a comma and a relative pronoun, "and" or "with" add to the sentence (four tokens
    or more), else the sentence start. The sourcing phrase attaches to the nearest clause:
    "Weaver says it is proof …, which stood at 263, according to the AP" sources the
    delegate count to the AP, not Weaver's statement (which has its own attribution)."""
    for b in range(before - 4, 0, -1):
        if tokens[b].text == "," and tokens[b + 1].lower in TRAILING_CLAUSE_OPENERS:
            return b + 1
    return 0


def _according_to(tokens: list[Token], i: int) -> Optional[Clause]:
    n = len(tokens)
    last = _np_forward(tokens, i + 2, n)
    if last < i + 2:
        return None
    # the source ends at its first comma unless an apposition follows
    k = i + 2
    while k <= last and tokens[k].text != ",":
        k += 1
    src_last = k - 1
    cue = _span(tokens, i, i + 1)
    source = _span(tokens, i + 2, src_last)
    before = i - 1
    rest = _trim_end(tokens, src_last + 1, n - 1)
    if before >= 0 and (tokens[before].text == "," or rest <= src_last):
        first = _last_attached_clause(tokens, before)
        c_last = _trim_end(tokens, first, before)
        spans = _content_spans(tokens, first, c_last)
        # "The implication, according to the aide, is that …": the content resumes
        resume = src_last + 2
        if tokens[before].text == "," and resume <= rest and tokens[src_last + 1].text == "," \
                and tokens[resume].is_word and (not tokens[resume].capitalized or _fronted_adverbial(tokens, 0, before - 1)) \
                and tokens[resume].lower not in APPOSITION_STARTERS and rest - resume >= 2:
            spans += _content_spans(tokens, resume, rest)
        return Clause(cue, i, i + 1, source, spans, "according", i + 2)
    after = src_last + 1
    if after < n and tokens[after].text != ",":
        # "According to a count by The Associated Press, …": the source runs to the comma
        comma = _next_comma(tokens, after, n)
        if comma < n and comma - after <= 12 and not any(t.kind == "Q" for t in tokens[after:comma]):
            source = _span(tokens, i + 2, comma - 1)
            after = comma
    if after < n and tokens[after].text == ",":
        after += 1
    if after < n and tokens[after].lower in ("who", "which"):
        comma = _next_comma(tokens, after, n)  # "…, who spoke on condition of anonymity, …"
        if comma < n:
            after = comma + 1
    c_last = _trim_end(tokens, after, n - 1)
    if c_last < after:
        return None
    return Clause(cue, i, i + 1, source, _content_spans(tokens, after, c_last), "according", i + 2)


def _colon_clause(tokens: list[Token]) -> Optional[Clause]:
    """Headline "Poll: Wealthy Voters Abandon …": a short name, a colon, the content."""
    for k, tok in enumerate(tokens[:6]):
        if tok.text == ":":
            if k == 0 or not tokens[0].capitalized or k + 1 >= len(tokens):
                return None
            if not all(t.is_word for t in tokens[:k]):
                return None
            label = " ".join(t.lower for t in tokens[:k])
            if label in word_set("headline_labels.txt") or (k <= 3 and all(t.text.isupper() for t in tokens[:k])):
                return None  # "Breaking: …", "WATCH: …"
            last = _trim_end(tokens, k + 1, _next_semicolon(tokens, k + 1, len(tokens)) - 1)
            if last < k + 1:
                return None
            return Clause((tok.start, tok.end), k, k, _span(tokens, 0, k - 1),
                          _content_spans(tokens, k + 1, last), "colon", 0)
    return None


def _shared_subject(tokens: list[Token], cue_first: int, clauses: list[Clause]) -> Optional[tuple[int, int]]:
    """The subject of an earlier clause, for "X criticized Y, saying …" / "… and said …"."""
    if clauses and clauses[-1].source is not None and clauses[-1].source_first >= 0:
        first = clauses[-1].source_first
        last = first
        while last + 1 < cue_first and tokens[last + 1].start < clauses[-1].source[1]:
            last += 1
        return first, last
    # the sentence-initial noun phrase, after an opening adverb ("Essentially, Clinton's lawyers …")
    last = -1
    begin = 2 if cue_first > 3 and tokens[1].text == "," and tokens[0].lower.endswith("ly") else 0
    lead = tokens[0].lower if tokens else ""
    if lead in FRONTED or lead in ("here", "there", "now", "then", "meanwhile", "later", "earlier") \
            or (lead.endswith("ing") and len(lead) > 5):
        comma = _next_comma(tokens, 1, min(cue_first, 14))  # "Here in Columbia, Sanders …, saying"
        if comma < min(cue_first, 14) - 1:
            begin = comma + 1
    roles = word_set("titles.txt") | word_set("group_nouns.txt")
    for k in range(begin, min(cue_first, 10 + begin)):
        tok = tokens[k]
        if tok.is_word and (tok.capitalized or tok.lower in DETERMINERS or tok.lower in NP_INNER
                            or (tok.lower in roles and k > begin)) and tok.lower not in CLAUSE_WORDS:
            last = k
        else:
            break
    if last >= begin and (tokens[last].capitalized or tokens[last].lower in PRONOUNS or tokens[last].lower in roles):
        return begin, last
    return None


# prepositions that take a cue participle whose subject is the clause's subject ("X ended
# the meeting by saying …", "… while noting that …", "… after announcing his support")
PARTICIPLE_PREPS = frozenset("by after before while when upon in".split())


def _participle_after_preposition(tokens: list[Token], cue_first: int) -> bool:
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


def _full_subject(tokens: list[Token], first: int, last: int) -> bool:
    """Whether a borrowed sentence subject is a whole noun phrase rather than its first
    word ("The", "Two", "Most" before a lower-case noun) or a contracted "It's"/"There's"."""
    word = tokens[last].lower
    return word not in DETERMINERS and word not in NUMBER_WORDS and word not in CONTRACTED_BE \
        and word not in ("there's", "here's") and not (last + 1 < len(tokens) and tokens[last + 1].lower in ("of", "'s", "’s"))


# "he's saying", "they're warning": a contracted "be" keeps the participle a verb
CONTRACTED_BE = frozenset("he's she's it's that's who's they're we're you're i'm".split())


def _reduced_participle(tokens: list[Token], cue_first: int, cue_first2: int, src_first: int, src_last: int) -> bool:
    """"a statement saying …", "lawsuits alleging fraud": an "-ing" cue with no auxiliary
    and no comma, right after the noun phrase it modifies, is a reduced relative clause
    or a gerund, not an attribution of that noun phrase; "with X saying …" (an absolute
    phrase) and "he's saying" are kept."""
    if not tokens[cue_first].lower.endswith("ing") or cue_first2 != cue_first or src_last != cue_first - 1:
        return False
    if tokens[src_last].lower in CONTRACTED_BE:
        return False
    return not (src_first > 0 and tokens[src_first - 1].lower == "with")


def _comma_before(tokens: list[Token], i: int) -> bool:
    """A comma right before token ``i``, or inside the closing marks of a quotation there
    ("… the “model farm,” saying …": American style puts the comma inside)."""
    prev = tokens[i - 1]
    return prev.text == "," or (prev.kind == "Q" and prev.text.rstrip("\u201d\"'\u2019")[-1:] == ",")


# a cue verb right after these shares the clause subject ("… visited Ohio and told …",
# "… did not name Trump, but told city leaders …", "… and also said …")
SHARED_SUBJECT_LINKS = frozenset(("and", ",", "but"))


def _cue_clause(tokens: list[Token], cue_first: int, cue_last: int, cue: Cue,
                clauses: list[Clause]) -> Optional[Clause]:
    n = len(tokens)
    after = cue_last + 1
    if cue.stance_only and _stance_topic(tokens, after, n) is None:
        return None  # "raised money", "voiced the ad", "…, the group raised."
    prev = tokens[cue_first - 1] if cue_first > 0 else None
    if cue.passive_question and tokens[cue_first].lower == "asked" \
            and (prev is None or prev.lower in ("when", "was", "were", "being", "after", "if") or prev.text == ","):
        clause = _asked_clause(tokens, cue_first, cue_last)
        if clause is not None:
            return clause
    # inverted: "“…,” said Evan Medeiros, an Asia specialist …"
    if cue.invertible and prev is not None and not tokens[cue_first].lower.endswith("ing") \
            and _inverted_source(tokens, cue_first, after) \
            and (not cue.takes_object or prev.kind == "Q" or tokens[cue_first - 2].kind == "Q"):
        src_last = _np_forward(tokens, after, n)
        if src_last >= after:
            content_last = cue_first - 1
            if tokens[content_last].text == ",":
                content_last -= 1
            first = _quote_or_clause_start(tokens, content_last, clauses)
            if first is not None and first <= content_last:
                content = _content_spans(tokens, first, _trim_end(tokens, first, content_last))
                content += _trailing_quote(tokens, src_last + 1)
                return Clause(_span(tokens, cue_first, cue_last), cue_first, cue_last,
                              _span(tokens, after, _trim_end(tokens, after, src_last)), content, "end", after)
    if cue.raising:  # "The senator seemed to soften": no source, content "The senator" + "to soften"
        return None if clauses else _passive_to_clause(tokens, cue_first, cue_last, raising=True)
    if _is_passive(tokens, cue_first, cue_last):
        if cue.passive_to:
            return _passive_to_clause(tokens, cue_first, cue_last)
        return None
    src_first, src_last, cue_first2 = _source_before(tokens, cue_first)
    borrowed = False  # the subject is shared with an earlier clause ("X said …, adding …")
    if src_first is not None and src_first == src_last and tokens[src_first].lower in ("who", "which") \
            and src_first > 0 and tokens[src_first - 1].text not in (",", "(", "\u2014", "\u2013", "-", "--"):
        return None  # "candidates who think …", "those who said …": a restrictive relative clause
    if src_first is not None and _reduced_participle(tokens, cue_first, cue_first2, src_first, src_last):
        return None  # "a statement defending Lewandowski", "groups opposing her": a modifier, not a clause
    if src_first is not None and tokens[cue_first].lower.endswith("ing") and cue_first > 0 \
            and tokens[cue_first - 1].text == "," and src_last == cue_first - 2:
        # "X thanked voters, saying …": the participle's subject is the clause subject,
        # not the object before the comma
        shared = _shared_subject(tokens, cue_first, clauses)
        if shared is not None:
            src_first, src_last = shared
            borrowed = True
    if src_first is not None and tokens[src_first].lower == "you" and src_last == src_first:
        return None  # generic or questioning "you" ("What do you think …")
    if src_first is None:
        if tokens[cue_first].lower.endswith("ing") or (cue_first2 > 0 and tokens[cue_first2 - 1].lower in SHARED_SUBJECT_LINKS):
            shared = _shared_subject(tokens, cue_first, clauses)
            if shared is None or (tokens[cue_first].lower.endswith("ing") and cue_first > 0
                                  and not _comma_before(tokens, cue_first)
                                  and not (_participle_after_preposition(tokens, cue_first)
                                           and _full_subject(tokens, *shared))):
                return None
            src_first, src_last = shared
            borrowed = True
        else:
            return None
    cue_span = _span(tokens, cue_first2, cue_last)
    source = _span(tokens, _trim_source_front(tokens, src_first, src_last), src_last)
    # end attribution: "…, the spokesman said." / "“…,” he said, “…”"
    before_src = src_first - 1
    # (not with a borrowed subject: "“…,” X said, referring to Y" refers to Y, after the cue)
    if not borrowed and before_src >= 0 and (tokens[before_src].text == "," or tokens[before_src].kind == "Q") \
            and tokens[src_first].lower not in ("who", "which") \
            and _ends_attribution(tokens, before_src, _object_end(tokens, after, n) if cue.takes_object else after, n):
        content_last = before_src if tokens[before_src].kind == "Q" else before_src - 1
        first = _quote_or_clause_start(tokens, content_last, clauses)
        if first is not None and first <= content_last and (not _fronted_adverbial(tokens, first, content_last,
                                                                                  _adverbial_reach(tokens, after, n))
                                                            or _clause_after_adverbial(tokens, first, content_last, after, n)):
            content = _content_spans(tokens, first, _trim_end(tokens, first, content_last))
            content += _trailing_quote(tokens, after) or _parenthetical_rest(tokens, after, n)
            return Clause(cue_span, cue_first2, cue_last, source, content, "end", src_first)
    # "As X noted, CONTENT." / "CONTENT, as X noted."
    if src_first > 0 and tokens[src_first - 1].lower == "as" \
            and (src_first == 1 or tokens[src_first - 2].text in (",", ";", ":")):
        return _as_clause(tokens, src_first - 1, cue_span, cue_first2, cue_last, source, src_first, clauses)
    # forward: "X said (that) …"
    start = _content_start(tokens, after, n, cue)
    if not cue.invertible and start + 1 < n and tokens[start].text == "," and _finite_verb(tokens, start + 1):
        return None  # "X, which had an offer rejected, said …": a participle with no complement
    if cue.stance:  # "expressed concern about X": the content is X
        topic = _stance_topic(tokens, after, n)
        if topic is not None:
            start = topic
    end = n
    if src_first > 0 and tokens[src_first - 1].lower in SUBORDINATORS:
        end = _next_comma(tokens, start, n)  # "While X said A, B …": A ends at the comma
    if cue.object_np and (start >= n or tokens[start].lower != "that"):
        end = _object_np_end(tokens, start, end)  # "endorsed Hillary Clinton on Tuesday": the object
    if tokens[src_first].lower in ("who", "which") and src_first > 0 and tokens[src_first - 1].text == ",":
        end = _relative_clause_end(tokens, start, end)  # "X, who said A, recounted B": A ends at the comma
    last = _trim_end(tokens, start, _cut_participle(tokens, start, end - 1))
    if last < start:
        return None
    return Clause(cue_span, cue_first2, cue_last, source, _content_spans(tokens, start, last), "forward", src_first)


def _relative_clause_end(tokens: list[Token], start: int, end: int) -> int:
    """End (exclusive) of a content inside a non-restrictive relative clause: the comma
    after which the main clause's verb resumes ("Lee, who said the plan failed, resigned
    on Monday"); the sentence end if no such comma."""
    lexicon = cue_lexicon()
    for k in range(start + 1, end - 1):
        nxt = tokens[k + 1]
        if tokens[k].text == "," and nxt.is_word and not nxt.capitalized and (
                nxt.lower in VERB_GROUP or nxt.lower in lexicon or nxt.lower.endswith("ed")):
            return k
    return end


STANCE_PREPS = frozenset("about over for with at to regarding on in".split())
STANCE_MODIFIERS = frozenset("deep strong serious grave new great growing renewed sharp early full".split())


def _stance_topic(tokens: list[Token], i: int, n: int) -> Optional[int]:
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


def _object_np_end(tokens: list[Token], start: int, end: int) -> int:
    """End (exclusive) of the object noun phrase of an attitude verb ("endorsed X", "opposed
    the deal"): up to a comma, a clause opener or a fronted time phrase."""
    k = start
    while k < end:
        tok = tokens[k]
        if tok.kind == "P" and tok.text not in ("-", "\u2013", "'s", "&", "."):
            break
        if tok.lower in OBJECT_NP_STOPS or (k > start and tok.lower in WEEKDAYS) \
                or (tok.lower in ("on", "in", "at", "last", "this") and k + 1 < end and tokens[k + 1].lower in TIME_WORDS):
            break
        k += 1
    return k


def _as_clause(tokens: list[Token], as_index: int, cue_span: Span, cue_first: int, cue_last: int,
               source: Span, src_first: int, clauses: list[Clause]) -> Optional[Clause]:
    """"As the study noted, A." (A after the clause), "A, as he said on Monday." (A before)
    and "A, as he said, B." (both); the clause itself may end only with a short adverbial."""
    n = len(tokens)
    k = cue_last + 1
    while k < n and k - cue_last <= 3 and tokens[k].is_word and (
            tokens[k].lower in TIME_WORDS or tokens[k].lower in TIME_PREPS or tokens[k].lower.endswith("ly")):
        k += 1
    closes = k >= n or tokens[k].text in (".", "!", "?")
    if not closes and tokens[k].text != ",":
        return None
    spans: list[Span] = []
    if as_index >= 2 and tokens[as_index - 1].text == ",":
        first = _quote_or_clause_start(tokens, as_index - 2, clauses)
        if first is not None and as_index - 1 - first >= 3:
            spans = _content_spans(tokens, first, _trim_end(tokens, first, as_index - 2))
    if not closes:
        last = _trim_end(tokens, k + 1, n - 1)
        if last - k >= 3 or (last > k and tokens[last].kind == "Q"):  # "As X put it, “…”"
            spans += _content_spans(tokens, k + 1, last)
    if not spans:
        return None
    return Clause(cue_span, cue_first, cue_last, source, spans, "as", src_first)


QUESTION_WORDS = frozenset("whether if how why what which who whom when where about".split())


def _asked_clause(tokens: list[Token], cue_first: int, cue_last: int) -> Optional[Clause]:
    """"Asked on Monday whether Mr. Clinton would …, Mrs. Clinton said": a passive question
    with no source; the content is the question, up to the next comma."""
    n = len(tokens)
    k = cue_last + 1
    while k < n and k - cue_last <= 6 and tokens[k].lower not in QUESTION_WORDS and tokens[k].kind != "Q":
        if not tokens[k].is_word or tokens[k].lower in ("that", "to"):
            return None
        k += 1
    if k >= n or (tokens[k].lower not in QUESTION_WORDS and tokens[k].kind != "Q"):
        return None
    first = k + 1 if tokens[k].lower == "about" else k
    stop = k + 1 if tokens[k].kind == "Q" else _next_comma(tokens, k, n)
    last = _trim_end(tokens, first, stop - 1)
    if last < first:
        return None
    source = None
    for b in range(cue_last + 1, k - 1):  # "asked by a caller why …": the asker
        if tokens[b].lower == "by":
            source = _span(tokens, b + 1, k - 1)
            break
    return Clause(_span(tokens, cue_first, cue_last), cue_first, cue_last, source,
                  _content_spans(tokens, first, last), "passive", -1)


def _passive_to_clause(tokens: list[Token], cue_first: int, cue_last: int,
                       raising: bool = False) -> Optional[Clause]:
    """"The leaders are expected to discuss …": an attribution without a source whose
    content is the subject and the infinitive ("The leaders" + "to discuss …")."""
    n = len(tokens)
    to = cue_last + 1
    if to + 1 >= n or tokens[to].lower != "to" or not tokens[to + 1].is_word:
        return None
    j = _skip_verb_group_back(tokens, cue_first - 1)  # "is widely expected", "had been expected"
    opening = _dash_aside_start(tokens, j) if j >= 0 else None
    if opening is not None:
        j = opening - 1  # "The club - or its new owners - appear to have paid …": the subject
    content: list[Span] = []
    first = _np_back(tokens, j)
    if not raising and first <= j and _time_phrase(tokens, first, j):
        # "Figures for the period to February 28 are expected to …": a date is the object of a
        # preposition inside the subject, not the subject
        first = _subject_over_preposition(tokens, first)
    if raising and j >= 0 and (tokens[j].lower in CLAUSE_WORDS or (first > 0 and tokens[first - 1].lower in CLAUSE_WORDS
                                                       and tokens[first - 1].lower not in ("and", "but", "or"))):
        return None  # "the issue that seemed to …", "why the battle seemed to …": inside another clause
    source = None
    if first <= j and _good_source(tokens, first, j):
        # PolNeAR gives such a clause no source, or (for a person) the subject: "She appeared
        # to imply …"; a gold attribution without a source accepts any, so the subject is it
        source = _span(tokens, first, j)
        if tokens[first].lower not in PRONOUNS:
            content = _content_spans(tokens, first, j)
    stop = _next_comma(tokens, to, n)
    last = _trim_end(tokens, to, stop - 1)
    if last <= to:
        return None
    content += _content_spans(tokens, to, last)
    return Clause(_span(tokens, cue_first, cue_last), cue_first, cue_last, source, content, "passive",
                  first if source else -1)


def _time_phrase(tokens: list[Token], first: int, last: int) -> bool:
    """Whether ``tokens[first:last+1]`` is only a date or time ("February 28", "1987")."""
    return all(t.is_word and (t.lower in TIME_BACK or t.lower.isdigit()) for t in tokens[first:last + 1])


def _subject_over_preposition(tokens: list[Token], first: int) -> int:
    """Start of the whole noun phrase when the one starting at ``first`` is governed by a
    preposition that continues a noun ("figures for the period to | February 28"): up to two
    prepositional phrases are taken in; ``first`` if there is no such noun."""
    for _ in range(2):
        k = first - 1
        if k < 1 or tokens[k].lower not in PREPOSITIONS or not tokens[k - 1].is_word \
                or tokens[k - 1].lower in CLAUSE_WORDS or tokens[k - 1].lower in VERB_GROUP:
            break
        before = _np_back(tokens, k - 1)
        if before > k - 1:
            break
        first = before
    return first


FRONTED = frozenset("""in at on for during after before with without from since by as asked
when while but and not still under""".split())
# conjunctions opening a sentence: what follows them decides whether a fronted adverbial follows
CONJUNCTION_LEADS = frozenset("but and still yet so".split())


def _fronted_adverbial(tokens: list[Token], first: int, last: int, reach: int = 12) -> bool:
    """"In an interview, Durbin said, “…”": what precedes "SOURCE said" is a short adverbial
    (no quotation), so the content is what follows, not what precedes."""
    lead = tokens[first].lower
    if lead in CONJUNCTION_LEADS and first < last:
        lead = tokens[first + 1].lower  # "But in an interview, …" is fronted; "But the plan failed, …" is not
        if lead in CONJUNCTION_LEADS:
            return False
    return first == 0 and last - first <= reach and (lead in FRONTED or (lead.endswith("ing") and len(lead) > 5)) \
        and not any(t.kind == "Q" and not _title_quote(t) for t in tokens[first:last + 1])


LONG_ADVERBIAL = 40


def _adverbial_reach(tokens: list[Token], after: int, n: int) -> int:
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


TITLE_SMALL_WORDS = frozenset("of the and a an in on for to at with".split())


def _title_quote(tok: Token) -> bool:
    """Whether a quotation is a title or a name ("on “Good Morning America”", "told “Fox and
    Friends”"): at most five words, all capitalised but small words, and no sentence end.
    Such a quotation inside a fronted adverbial does not make it someone's words."""
    words = _WORD.findall(tok.text)
    return 0 < len(words) <= 5 and not tok.text.rstrip("\u201d\"'\u2019 ").endswith((".", "!", "?")) \
        and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


_WORD = re.compile(r"[A-Za-z][\w'\u2019]*")


def _clause_after_adverbial(tokens: list[Token], first: int, last: int, after: int, n: int) -> bool:
    """"As a rule, the agency checks every form, officials said.": the fronted adverbial is
    followed by a clause of its own (a comma and at least three words) and nothing but the
    sentence end follows the cue, so the whole stretch before the source is the content."""
    inner = [k for k in range(first + 1, last - 2) if tokens[k].text == ","]
    if not inner or last - inner[-1] < 4:
        return False
    return all(t.is_word or t.text in (".", "!", "?") for t in tokens[after:n]) and n - after <= 6


def _object_end(tokens: list[Token], i: int, n: int) -> int:
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


def _is_passive(tokens: list[Token], cue_first: int, cue_last: int) -> bool:
    """"was rejected", "confirmed by the Senate", "is widely known": not the source's act."""
    word = tokens[cue_first].lower
    if not (word.endswith("ed") or word.endswith("en") or word in ("told", "known", "thought", "said", "found", "seen")):
        return False
    j = cue_first - 1
    while j >= 0 and tokens[j].is_word and (tokens[j].lower.endswith("ly") or tokens[j].lower in ("also", "not", "never", "widely", "long")):
        j -= 1
    if j >= 0 and tokens[j].lower in BE_FORMS:
        return True
    nxt = cue_last + 1
    return nxt < len(tokens) and tokens[nxt].lower == "by"


def _next_semicolon(tokens: list[Token], start: int, n: int) -> int:
    for k in range(start, n):
        if tokens[k].text == ";":
            return k
    return n


def _next_comma(tokens: list[Token], start: int, n: int) -> int:
    for k in range(start, n):
        if tokens[k].text in (",", ";"):
            return k
    return n


# punctuation that sets a closing quotation apart from what precedes it ("X ticked through the
# code: “…,” he said", "Neither was impressed - “…,” Mr. Lee said - but …")
QUOTE_INTRODUCERS = frozenset((":", "-", "--", "\u2014", "\u2013", "("))


def _quote_or_clause_start(tokens: list[Token], last: int, clauses: list[Clause]) -> Optional[int]:
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
    return clause.shape == "forward" and clause.source_first > 0 \
        and tokens[clause.source_first - 1].lower in ("that", "which", "who", "whom")


def _parenthetical_rest(tokens: list[Token], i: int, n: int) -> list[Span]:
    """"South Carolina, he said, was “where …”": the content resumes after the clause."""
    if i >= n or tokens[i].text != "," or i + 1 >= n:
        return []
    nxt = tokens[i + 1]
    if not nxt.is_word or nxt.lower.endswith("ing") or nxt.lower in ADVERBIAL_PREPS \
            or nxt.lower in TIME_WORDS or nxt.lower in ("adding", "according", "as", "when", "after", "while", "before", "citing") \
            or nxt.lower in ("and", "but", "so", "then"):  # "“A,” she said, and the crowd cheered": a new clause
        return []
    last = _trim_end(tokens, i + 1, n - 1)
    return _content_spans(tokens, i + 1, last) if last >= i + 1 else []


def _trailing_quote(tokens: list[Token], i: int) -> list[Span]:
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


# ---------------------------------------------------------------------------------------
# Sentences to attributions


def _cut_coordinated(tokens: list[Token], clauses: list[Clause]) -> None:
    """Stop a forward content where a coordinated attribution begins ("…, and Y said …")."""
    for a, b in zip(clauses, clauses[1:]):
        if a.shape != "forward" or b.source_first < 0 or not a.content:
            continue
        k = b.source_first - 1
        shared = b.source_first <= a.cue_first
        if shared:  # shared subject: "He said A and said that B" / "He said A, adding B"
            k = _skip_verb_group_back(tokens, b.cue_first - 1)
        if not shared and k >= 0 and tokens[k].lower not in COORDINATORS | {";"}:
            # "…, and one in four said …": the coordinator may sit a few words before the cue's source
            for back in range(k - 1, max(-1, k - 4), -1):
                if tokens[back].lower in COORDINATORS | {";"} and tokens[back].start > a.content[-1][0]:
                    k = back
                    break
        if k >= 0 and tokens[k].lower in SUBORDINATORS and tokens[k].start >= a.content[-1][0] \
                and all(t.lower == "that" or not t.is_word for t in tokens[a.cue_last + 1:k]):
            continue  # "said that while they expect A, B": "while" opens the reported clause itself
        if k >= 0 and (tokens[k].lower in COORDINATORS | {";"} or (shared and tokens[k].text == ",")):
            k -= 1
            if k >= 0 and tokens[k].text in (",", ";"):
                k -= 1
            cut = tokens[k].end if k >= 0 else None
            if cut is not None and a.content[-1][0] < cut < a.content[-1][1]:
                a.content[-1] = (a.content[-1][0], cut)


def _lift_nested_pronouns(tokens: list[Token], clauses: list[Clause]) -> None:
    """"Menendez said he does not think …": PolNeAR credits the inner attribution to the
    outer source, not to the pronoun that opens the reported clause."""
    for outer, inner in zip(clauses, clauses[1:]):
        if outer.shape != "forward" or not outer.content or inner.source is None or outer.source is None:
            continue
        start = outer.content[0][0]
        if inner.source[0] <= start + 5 and inner.source[0] >= start and inner.source[1] - inner.source[0] <= 4:
            inner.source = outer.source
    # "… end what she called punitive rules", "Vote for Lee, whom he called a fraud": a
    # pronoun after "what"/"whom" inside an earlier clause's content is that clause's source
    for k, inner in enumerate(clauses):
        first = inner.source_first
        if inner.source is None or first < 1 or tokens[first].lower not in ("he", "she", "they") \
                or tokens[first - 1].lower not in ("what", "whom"):
            continue
        for outer in clauses[:k]:
            if outer.source is not None and outer.shape in ("forward", "according") \
                    and any(s <= inner.source[0] < e for s, e in outer.content):
                inner.source = outer.source
                break


def _kind(spans: list[Span], quotes: list[Span]) -> str:
    """direct / indirect / mixed from how much of the content lies inside quotations."""
    inside = outside = 0
    for s, e in spans:
        covered = 0
        for qs, qe in _quotes_in(quotes, s, e):
            covered += min(e, qe) - max(s, qs)
        inside += covered
        outside += (e - s) - covered
    if outside <= 2 and inside > 0:
        return "direct"
    if inside == 0:
        return "indirect"
    return "mixed"


def _quotes_in(quotes: list[Span], start: int, end: int) -> list[Span]:
    """Quotations overlapping ``[start, end)``; ``quotes`` are sorted and disjoint."""
    k = bisect.bisect_left(quotes, (start, start)) - 1
    k = max(k, 0)
    found = []
    while k < len(quotes) and quotes[k][0] < end:
        if quotes[k][1] > start:
            found.append(quotes[k])
        k += 1
    return found


def paragraphs_of(sentences: list[Sentence]) -> list[tuple[Span, list[Sentence]]]:
    groups: list[tuple[Span, list[Sentence]]] = []
    for sent in sentences:
        if groups and groups[-1][1][-1].paragraph_id == sent.paragraph_id:
            groups[-1][1].append(sent)
            groups[-1] = ((groups[-1][0][0], sent.end), groups[-1][1])
        else:
            groups.append(((sent.start, sent.end), [sent]))
    return groups


def extract_attributions(text: str, sentences: list[Sentence]) -> list[Attribution]:
    """Attributions of ``text`` in text order, best effort on odd input.

    Content spans include the quote marks of quoted content and exclude the sentence's
    final period; ``source`` is the in-text mention; ``speaker*`` fields are resolved by
    :func:`newstone.speakers.resolve_speakers` (speaker_country is left to the caller).
    A rule that fails is not hidden here: the pipeline turns it into the article's error
    row, so a user sees it instead of silently getting no quotes.
    """
    return _extract(text, sentences)


def _extract(text: str, sentences: list[Sentence]) -> list[Attribution]:
    from .speakers import resolve_speakers

    if not text or not sentences:
        return []
    paragraphs = paragraphs_of(sentences)
    quotes = find_quotes(text, [span for span, _ in paragraphs])
    results: list[Attribution] = []
    prefilter = cue_prefilter()
    qi = 0
    first_paragraph = sentences[0].paragraph_id
    last_sentence_attr: Optional[Attribution] = None  # attribution of the previous sentence
    covered_until = -1
    previous_paragraph_last: Optional[Attribution] = None
    tails: set[int] = set()  # clauses inside the tail of an end attribution's source
    for (p_start, p_end), sents in paragraphs:
        count_before = len(results)
        turn = None
        if TRANSCRIPT_LABELS and sents[0].paragraph_id != first_paragraph:
            turn = _transcript_turn(text, p_start, p_end, quotes)
            if turn is not None:
                results.append(turn)
        for s_index, sent in enumerate(sents):
            headline = sent.paragraph_id == first_paragraph
            while qi < len(quotes) and quotes[qi][1] <= sent.start:
                qi += 1
            if not (_cue_outside_quotes(prefilter, text, sent.start, sent.end, quotes, qi)
                    or ((headline or BODY_COLON) and _colon_in(text, sent, quotes, qi, headline))):
                if last_sentence_attr is None or not _may_be_bare_quote(text, sent, quotes, qi):
                    last_sentence_attr = None  # only a bare "“B.”" right after may continue it
                    continue
                tokens, qi = tokenize(text, sent.start, sent.end, quotes, qi)
                clauses = []
            else:
                merged = _after_split_quote(text, sent, p_start, quotes, qi, covered_until)
                tokens = None
                if merged is not None:
                    # "“… be?”" | "Pence said in response.": the splitter cut after the quote
                    tokens, _ = tokenize(text, merged[0], sent.end, quotes, merged[1])
                    clauses = _sentence_clauses(tokens, headline)
                    if not (clauses and clauses[0].shape == "end" and clauses[0].content
                            and clauses[0].content[0][0] <= merged[0] + 1):
                        tokens = None
                if tokens is None:
                    tokens, qi = tokenize(text, sent.start, sent.end, quotes, qi)
                    clauses = _sentence_clauses(tokens, headline) if tokens else []
            if not tokens:
                continue
            _cut_coordinated(tokens, clauses)
            _lift_nested_pronouns(tokens, clauses)
            made: list[Attribution] = []
            anchor: Optional[Attribution] = None  # an end clause the sentence closes with
            anchor_source = -1
            for clause in clauses:
                content = [(s, e) for s, e in clause.content if e > s]
                if not content:
                    continue
                made.append(Attribution(kind=_kind(content, quotes), spans=content,
                                        cue=clause.cue, source=clause.source))
                if clause.shape == "end":
                    anchor, anchor_source = made[-1], clause.source_first
                elif anchor is not None and 0 <= anchor_source <= clause.source_first:
                    tails.add(id(made[-1]))  # "“A,” said X, who thinks B" / "…, referring to B"
                else:
                    anchor = None
            made = _drop_nested(made, text)
            if turn is not None:
                for att in made:  # "FALLIN: I think …": the speaker of the turn thinks it
                    if att.source is not None and text[att.source[0]:att.source[1]].lower() in ("i", "we"):
                        att.source = turn.source
            if made:
                results.extend(made)
                last_sentence_attr = anchor
                covered_until = max(e for a in made for _, e in a.spans)
                continue
            # a sentence that is one quotation, right after "“A,” he said.": its second piece
            if last_sentence_attr is not None and _is_bare_quote(tokens) and tokens[0].start >= covered_until:
                piece = tokens[0].quote
                if piece[0] >= covered_until and s_index > 0:
                    last_sentence_attr.spans.append(piece)
                    last_sentence_attr.kind = _kind(last_sentence_attr.spans, quotes)
                    covered_until = piece[1]
                    continue
            last_sentence_attr = None
        if len(results) == count_before and FLOATING_QUOTES and previous_paragraph_last is not None \
                and previous_paragraph_last.kind != "indirect":
            floating = _floating_quote(text, p_start, p_end, quotes, covered_until)
            if floating is not None:
                prev = previous_paragraph_last
                results.append(Attribution(kind="direct", spans=[floating], cue=None, source=prev.source))
                covered_until = floating[1]
        # the speaker a following cue-less quotation paragraph falls back to: the paragraph's
        # last attribution with a source ("… Miller said when asked about X." -> Miller)
        previous_paragraph_last = next((a for a in reversed(results[count_before:])
                                        if a.source is not None and id(a) not in tails), None)
    return resolve_speakers(text, results)


def _inside(pos: int, spans: list[Span]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _drop_nested(made: list[Attribution], text: str) -> list[Attribution]:
    """The sentence's attributions without those told inside another one's content.

    When both the cue and the source of an attribution fall inside the content of another
    attribution of the same sentence ("Smith said Jones believes the plan will fail"), the
    inner one is what the outer speaker reports, and annotators mark the outer one only; an
    inner reporting or sourcing cue ("…, according to Reuters", "the Times reported") is
    the exception (``nested_cue_words.txt``).
    """
    keep_words = word_set("nested_cue_words.txt")
    kept = []
    for att in made:
        cue_words = text[att.cue[0]:att.cue[1]].lower().split() if att.cue is not None else []
        if cue_words and att.source is not None and cue_words[-1] not in keep_words \
                and any(other is not att and _inside(att.cue[0], other.spans) and _inside(att.source[0], other.spans)
                        for other in made):
            continue
        kept.append(att)
    return kept


FLOATING_QUOTES = True
TRANSCRIPT_LABELS = True
# "TAPPER: …", "JOEL BENENSON: …", "Q: …", "A: …": a speaker label in capitals opening a paragraph
_TRANSCRIPT_LABEL = re.compile(r"(?:[A-Z][A-Z'\-]+\.? ){0,2}[A-Z][A-Z'\-]*[A-Z]:[ \t]+(?=\S)")


def _transcript_turn(text: str, p_start: int, p_end: int, quotes: list[Span]) -> Optional[Attribution]:
    """A transcript or interview turn: the label is the source, the colon the cue and the
    rest of the paragraph the content ("FALLIN: Well, I think …" -> FALLIN)."""
    m = _TRANSCRIPT_LABEL.match(text, p_start, p_end)
    if m is None:
        return None
    label_end = text.index(":", p_start, m.end())
    if text[p_start:label_end].lower() in word_set("headline_labels.txt"):
        return None  # "UPDATE: …", "EXCLUSIVE: …"
    end = p_end
    while end > m.end() and text[end - 1] in ". \t":
        end -= 1
    if end - m.end() < 2:
        return None
    spans = [(m.end(), end)]
    return Attribution(kind=_kind(spans, quotes), spans=spans, cue=(label_end, label_end + 1),
                       source=(p_start, label_end))


def _after_split_quote(text: str, sent: Sentence, p_start: int, quotes: list[Span], qi: int,
                       covered_until: int) -> Optional[tuple[int, int]]:
    """(start, index) of a quotation that ends right before ``sent`` in the same paragraph,
    is not attributed yet and ends with its own ?/!/. — the sentence splitter cut the
    attribution "“Why not?” he asked." in two."""
    k = qi - 1
    if k < 0 or k >= len(quotes):
        return None
    q_start, q_end = quotes[k]
    if q_start < p_start or q_start < covered_until or q_end > sent.start or text[q_end:sent.start].strip():
        return None
    if text[max(q_start, q_end - 3):q_end].rstrip("\u201d\"'")[-1:] not in ("?", "!", "."):
        return None
    return q_start, k


def _floating_quote(text: str, p_start: int, p_end: int, quotes: list[Span], covered_until: int) -> Optional[Span]:
    """A paragraph that is one quotation with no cue of its own ("“It’s obviously something
    we take seriously.”" after a paragraph quoting Kirby)."""
    for q_start, q_end in _quotes_in(quotes, p_start, p_end):
        if q_start == p_start and q_start >= covered_until:
            if min(q_end, p_end) - p_start >= 0.9 * (p_end - p_start):
                return q_start, q_end
        break
    return None


def _colon_in(text: str, sent: Sentence, quotes: list[Span], qi: int, headline: bool) -> bool:
    """A colon in the sentence (a headline) or a colon right before a quotation (a body)."""
    pos = text.find(":", sent.start, sent.end)
    if pos < 0 or headline:
        return pos >= 0
    k = qi
    while k < len(quotes) and quotes[k][0] <= pos:
        k += 1
    return k < len(quotes) and quotes[k][0] < sent.end and not text[pos + 1:quotes[k][0]].strip()


def _quote_near(quotes: list[Span], qi: int, start: int, end: int) -> bool:
    """A quotation inside ``[start, end)`` or ending just before it."""
    if qi < len(quotes) and quotes[qi][0] < end:
        return True
    return qi > 0 and quotes[qi - 1][1] >= start - 3


def _cue_outside_quotes(prefilter: re.Pattern, text: str, start: int, end: int,
                        quotes: list[Span], qi: int) -> bool:
    """Whether a possible cue word occurs in ``text[start:end]`` outside quotations (a
    cue that only closes quotations counts only next to one)."""
    end_only = end_only_words()
    for m in prefilter.finditer(text, start, end):
        pos = m.start()
        if m.group().lower() in end_only and not _quote_near(quotes, qi, start, end):
            continue
        k = qi
        while k < len(quotes) and quotes[k][1] <= pos:
            k += 1
        if k >= len(quotes) or quotes[k][0] > pos:
            return True
    return False


def _may_be_bare_quote(text: str, sent: Sentence, quotes: list[Span], qi: int) -> bool:
    """Cheap test before tokenising: does a quotation start the sentence and leave only
    punctuation after it? (Most sentences after an attribution are not "“B.”" pieces.)"""
    k = qi
    while k < len(quotes) and quotes[k][1] <= sent.start:
        k += 1
    if k >= len(quotes) or quotes[k][0] > sent.start:
        return False
    rest = text[min(quotes[k][1], sent.end):sent.end]
    return not any(ch.isalnum() for ch in rest)


def _is_bare_quote(tokens: list[Token]) -> bool:
    words = [t for t in tokens if t.kind != "P"]
    return len(words) == 1 and words[0].kind == "Q" and tokens[0].kind == "Q"

