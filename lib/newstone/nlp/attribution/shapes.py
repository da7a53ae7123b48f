"""The clause shapes of one sentence: which attributions it holds and their spans.

For each cue one shape is recognised:

* end attribution   ``CONTENT , SOURCE said .`` / ``CONTENT , said SOURCE .``
* forward           ``SOURCE said (that) CONTENT .`` / ``SOURCE said: “…”``
* according to      ``According to SOURCE , CONTENT .`` / ``CONTENT , according to SOURCE .``
                    / ``CONTENT , according to SOURCE , CONTENT .``
* as                ``As SOURCE noted , CONTENT .`` / ``CONTENT , as SOURCE said .``
* passive           ``X is expected to Y`` / ``X seemed to Y`` (content "X" + "to Y") and
                    ``Asked whether …, …`` (content: the question; source only from "by …")
* colon             headline ``Poll: Wealthy Voters Abandon …``; body ``X fired back: “…”``
* survey lead       ``In a new CNN poll, …`` (the poll is the source)

:func:`sentence_clauses` returns them before contents are cut at each other
(:mod:`~newstone.nlp.attribution.nesting` does that).
"""

from __future__ import annotations

from newstone.model import Span
from newstone.nlp.attribution.content import (
    CONJUNCTION_LEADS,
    adverbial_reach,
    clause_after_adverbial,
    content_spans,
    cut_participle,
    ends_attribution,
    find_content_start,
    fronted_adverbial,
    last_attached_clause,
    object_end,
    object_np_end,
    parenthetical_rest,
    quote_or_clause_start,
    relative_clause_end,
    stance_topic,
    trailing_quote,
    trim_end,
)
from newstone.nlp.attribution.cues import (
    blocked,
    complement_ok,
    cue_at,
    demonstrative_complement,
    finite_verb,
    inside_proper_name,
    is_passive,
    title_cased,
    verb_context,
)
from newstone.nlp.attribution.lexicon import Cue, cue_lexicon, word_set
from newstone.nlp.attribution.source import (
    dash_aside_start,
    full_subject,
    good_source,
    inverted_source,
    np_back,
    np_forward,
    participle_after_preposition,
    reduced_participle,
    shared_subject,
    skip_verb_group_back,
    source_before,
    subject_over_preposition,
    time_phrase,
)
from newstone.nlp.attribution.source_front import trim_source_front
from newstone.nlp.attribution.subject import asks_someone
from newstone.nlp.attribution.tokens import (
    Clause,
    Token,
    comma_before,
    has_quote,
    next_comma,
    next_semicolon,
    text_at,
    token_span,
)
from newstone.nlp.words import (
    APPOSITION_STARTERS,
    CLAUSE_WORDS,
    PRONOUN_SUBJECTS,
    SUBORDINATORS,
    TIME_PREPS,
    TIME_WORDS,
)


def sentence_clauses(tokens: list[Token], headline: bool) -> list[Clause]:
    """Every attribution clause of one sentence, before contents are cut at each other."""
    clauses: list[Clause] = []
    n = len(tokens)
    lexicon = cue_lexicon()
    title_case = headline and title_cased(tokens)
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
        cue = cue_at(tokens, i)
        if (
            cue is None
            or (cue.also_noun and not verb_context(tokens, i, cue))
            or blocked(tokens, i)
            or (not title_case and inside_proper_name(tokens, i))
        ):
            i += 1
            continue
        cue_last = i + len(cue.words) - 1
        clause = _cue_clause(tokens, i, cue_last, cue, clauses)
        if (
            clause
            and cue.needs_quote
            and not has_quote(tokens, clause.content)
            and not demonstrative_complement(tokens, cue_last + 1)
            and not (cue.quote_or_that and clause.content and text_at(tokens, clause.content[0][0]) == "that")
        ):
            clause = None  # "a firm called Acme", "Obama called her": naming or phoning
        that_clause = (
            clause is not None
            and clause.shape == "forward"
            and bool(clause.content)
            and text_at(tokens, clause.content[0][0]) == "that"
        )
        closing = clause is not None and clause.shape == "end" and has_quote(tokens, clause.content)
        if clause and cue.end_only and cue.needs_that:
            if not (closing or that_clause):
                clause = None  # "“…,” she stated." or "she stated that …", not "the stated goal"
        elif clause and cue.needs_that and not complement_ok(tokens, clause, cue, that_clause):
            clause = None  # "a poll found that …" but not "found a wallet"
        elif clause and cue.end_only and not closing:
            clause = None  # "“…,” he continued." but not "he continued to campaign"
        if (
            clause
            and cue.object_np
            and any(c.content and c.content[0][0] <= tokens[i].start < c.content[-1][1] for c in clauses)
        ):
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
    elif not clauses:
        clause = _body_colon_clause(tokens)
        if clause:
            clauses.append(clause)
    return clauses


SENTENCE_ADVERBS = frozenset("however though too also meanwhile".split())


def _survey_lead_clause(tokens: list[Token]) -> Clause | None:
    """ "In the latest CBS News poll, Clinton led by six points.": a sentence-opening "in"
    phrase naming a poll or survey (``data/survey_nouns.txt``) up to its comma is the source,
    "In" the cue, and the clause after the comma (four tokens or more) the content. Only
    for a sentence with no other cue: "In a poll released Monday, 31% said …" is already
    the respondents' attribution. A trailing "…, in the polls" is left alone: it is mostly
    a standing ("trails in the polls"), not a report."""
    n = len(tokens)
    first = 1 if n > 1 and tokens[0].lower in CONJUNCTION_LEADS else 0
    if first + 2 >= n or tokens[first].lower != "in":
        return None
    comma = next_comma(tokens, first + 1, min(n, first + 16))
    if comma >= min(n, first + 16) or tokens[comma].text != ",":
        return None
    nouns = word_set("survey_nouns.txt")
    if not any(t.lower in nouns for t in tokens[first + 1 : comma]) or any(t.kind == "Q" for t in tokens[first:comma]):
        return None
    src_last = comma - 1
    nxt = tokens[comma + 1] if comma + 1 < n else None
    if (
        nxt is not None
        and nxt.is_word
        and not nxt.capitalized
        and (nxt.lower.endswith("ed") or nxt.lower in SENTENCE_ADVERBS)
    ):
        src_last = comma - 1 if nxt.lower in SENTENCE_ADVERBS else next_comma(tokens, comma + 1, n) - 1
        comma = next_comma(tokens, comma + 1, n)  # "In the poll, conducted in May, …" / "…, however, …"
    last = trim_end(tokens, comma + 1, n - 1)
    if last - comma < 4:
        return None
    return Clause(
        token_span(tokens, first, first),
        first,
        first,
        token_span(tokens, first + 1, src_last),
        content_spans(tokens, comma + 1, last),
        "according",
        first + 1,
    )


def _body_colon_clause(tokens: list[Token]) -> Clause | None:
    """ "Fallon fired back: “…”": a sentence whose subject introduces a quotation after a
    colon, with no cue verb; the colon is the cue and the subject the source."""
    for k in range(2, min(len(tokens) - 1, 25)):
        if tokens[k].text == ":" and tokens[k + 1].kind == "Q":
            if tokens[k - 1].capitalized:
                # "… doesn't surprise pollster Daron Shaw: “…”", "HEADLINE - Ann Lee: “…”": the name
                first = np_back(tokens, k - 1, limit=6)
                subject = (first, k - 1) if first <= k - 1 and not tokens[first].text.isupper() else None
            else:
                subject = shared_subject(tokens, k, [])
            if subject is None:
                return None
            last = trim_end(tokens, k + 1, len(tokens) - 1)
            return Clause(
                (tokens[k].start, tokens[k].end),
                k,
                k,
                token_span(tokens, *subject),
                content_spans(tokens, k + 1, last),
                "bodycolon",
                subject[0],
            )
    return None


def _according_to(tokens: list[Token], i: int) -> Clause | None:
    n = len(tokens)
    last = np_forward(tokens, i + 2, n)
    if last < i + 2:
        return None
    # the source ends at its first comma unless an apposition follows
    k = i + 2
    while k <= last and tokens[k].text != ",":
        k += 1
    src_last = k - 1
    cue = token_span(tokens, i, i + 1)
    source = token_span(tokens, i + 2, src_last)
    before = i - 1
    rest = trim_end(tokens, src_last + 1, n - 1)
    if before >= 0 and tokens[before].text == "," and _source_goes_on(tokens, src_last + 1):
        # "…, according to an analysis by the Pew Research Center.": the agent is the source too
        src_last = min(trim_end(tokens, src_last + 1, next_comma(tokens, src_last + 1, n) - 1), src_last + 15)
        source = token_span(tokens, i + 2, src_last)
    if before >= 0 and (tokens[before].text == "," or rest <= src_last):
        first = last_attached_clause(tokens, before)
        c_last = trim_end(tokens, first, before)
        spans = content_spans(tokens, first, c_last)
        # "The implication, according to the aide, is that …": the content resumes
        resume = src_last + 2
        if (
            tokens[before].text == ","
            and resume <= rest
            and tokens[src_last + 1].text == ","
            and tokens[resume].is_word
            and (not tokens[resume].capitalized or fronted_adverbial(tokens, 0, before - 1))
            and tokens[resume].lower not in APPOSITION_STARTERS
            and rest - resume >= 2
        ):
            spans += content_spans(tokens, resume, rest)
        return Clause(cue, i, i + 1, source, spans, "according", i + 2)
    after = src_last + 1
    if after < n and tokens[after].text != ",":
        # "According to a count by The Associated Press, …": the source runs to the comma
        comma = next_comma(tokens, after, n)
        if comma < n and comma - after <= 12 and not any(t.kind == "Q" for t in tokens[after:comma]):
            source = token_span(tokens, i + 2, comma - 1)
            after = comma
    if after < n and tokens[after].text == ",":
        after += 1
    if after < n and tokens[after].lower in ("who", "which"):
        comma = next_comma(tokens, after, n)  # "…, who spoke on condition of anonymity, …"
        if comma < n:
            after = comma + 1
    c_last = trim_end(tokens, after, n - 1)
    if c_last < after:
        return None
    return Clause(cue, i, i + 1, source, content_spans(tokens, after, c_last), "according", i + 2)


def _source_goes_on(tokens: list[Token], k: int) -> bool:
    """ "a report | from X", "audio | provided by X": the "according to" phrase names its agent next."""
    return (
        k < len(tokens)
        and tokens[k].is_word
        and (tokens[k].lower in ("by", "from", "with") or tokens[k].lower.endswith("ed"))
    )


def _colon_clause(tokens: list[Token]) -> Clause | None:
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
            last = trim_end(tokens, k + 1, next_semicolon(tokens, k + 1, len(tokens)) - 1)
            if last < k + 1:
                return None
            return Clause(
                (tok.start, tok.end), k, k, token_span(tokens, 0, k - 1), content_spans(tokens, k + 1, last), "colon", 0
            )
    return None


# a cue verb right after these shares the clause subject ("… visited Ohio and told …",
# "… did not name Trump, but told city leaders …", "… and also said …")
SHARED_SUBJECT_LINKS = frozenset(("and", ",", "but"))


def _cue_clause(tokens: list[Token], cue_first: int, cue_last: int, cue: Cue, clauses: list[Clause]) -> Clause | None:
    n = len(tokens)
    after = cue_last + 1
    if cue.stance_only and stance_topic(tokens, after, n) is None:
        return None  # "raised money", "voiced the ad", "…, the group raised."
    prev = tokens[cue_first - 1] if cue_first > 0 else None
    if (
        cue.passive_question
        and tokens[cue_first].lower == "asked"
        and (prev is None or prev.lower in ("when", "was", "were", "being", "after", "if") or prev.text == ",")
        and not (prev is not None and prev.text == "," and asks_someone(tokens, cue_last + 1))
    ):
        clause = _asked_clause(tokens, cue_first, cue_last)
        if clause is not None:
            return clause
    # inverted: "“…,” said Evan Medeiros, an Asia specialist …"
    if (
        cue.invertible
        and prev is not None
        and not tokens[cue_first].lower.endswith("ing")
        and inverted_source(tokens, cue_first, after)
        and (not cue.takes_object or prev.kind == "Q" or tokens[cue_first - 2].kind == "Q")
    ):
        src_last = np_forward(tokens, after, n)
        if src_last >= after:
            content_last = cue_first - 1
            if tokens[content_last].text == ",":
                content_last -= 1
            first = quote_or_clause_start(tokens, content_last, clauses)
            if first is not None and first <= content_last:
                content = content_spans(tokens, first, trim_end(tokens, first, content_last))
                content += trailing_quote(tokens, src_last + 1)
                return Clause(
                    token_span(tokens, cue_first, cue_last),
                    cue_first,
                    cue_last,
                    token_span(tokens, after, trim_end(tokens, after, src_last)),
                    content,
                    "end",
                    after,
                )
    if cue.raising:  # "The senator seemed to soften": no source, content "The senator" + "to soften"
        return None if clauses else _passive_to_clause(tokens, cue_first, cue_last, raising=True)
    if is_passive(tokens, cue_first, cue_last):
        if cue.passive_to:
            return _passive_to_clause(tokens, cue_first, cue_last)
        return None
    src_first, src_last, cue_first2 = source_before(tokens, cue_first)
    borrowed = False  # the subject is shared with an earlier clause ("X said …, adding …")
    if (
        src_first is not None
        and src_first == src_last
        and tokens[src_first].lower in ("who", "which")
        and src_first > 0
        and tokens[src_first - 1].text not in (",", "(", "\u2014", "\u2013", "-", "--")
    ):
        return None  # "candidates who think …", "those who said …": a restrictive relative clause
    if src_first is not None and reduced_participle(tokens, cue_first, cue_first2, src_first, src_last):
        return None  # "a statement defending Lewandowski", "groups opposing her": a modifier, not a clause
    if (
        src_first is not None
        and tokens[cue_first].lower.endswith("ing")
        and cue_first > 0
        and tokens[cue_first - 1].text == ","
        and src_last == cue_first - 2
    ):
        # "X thanked voters, saying …": the participle's subject is the clause subject,
        # not the object before the comma
        shared = shared_subject(tokens, cue_first, clauses)
        if shared is not None:
            src_first, src_last = shared
            borrowed = True
    if src_first is not None and tokens[src_first].lower == "you" and src_last == src_first:
        return None  # generic or questioning "you" ("What do you think …")
    if src_first is None:
        if tokens[cue_first].lower.endswith("ing") or (
            cue_first2 > 0 and tokens[cue_first2 - 1].lower in SHARED_SUBJECT_LINKS
        ):
            shared = shared_subject(tokens, cue_first, clauses)
            if shared is None or (
                tokens[cue_first].lower.endswith("ing")
                and cue_first > 0
                and not comma_before(tokens, cue_first)
                and not (participle_after_preposition(tokens, cue_first) and full_subject(tokens, *shared))
            ):
                return None
            src_first, src_last = shared
            borrowed = True
        else:
            return None
    cue_span = token_span(tokens, cue_first2, cue_last)
    source = token_span(tokens, trim_source_front(tokens, src_first, src_last), src_last)
    # end attribution: "…, the spokesman said." / "“…,” he said, “…”"
    before_src = src_first - 1
    # (not with a borrowed subject: "“…,” X said, referring to Y" refers to Y, after the cue)
    if (
        not borrowed
        and before_src >= 0
        and (tokens[before_src].text == "," or tokens[before_src].kind == "Q")
        and tokens[src_first].lower not in ("who", "which")
        and ends_attribution(tokens, before_src, object_end(tokens, after, n) if cue.takes_object else after, n)
    ):
        content_last = before_src if tokens[before_src].kind == "Q" else before_src - 1
        first = quote_or_clause_start(tokens, content_last, clauses)
        if (
            first is not None
            and first <= content_last
            and (
                not fronted_adverbial(tokens, first, content_last, adverbial_reach(tokens, after, n))
                or clause_after_adverbial(tokens, first, content_last, after, n)
            )
        ):
            content = content_spans(tokens, first, trim_end(tokens, first, content_last))
            content += trailing_quote(tokens, after) or parenthetical_rest(tokens, after, n)
            return Clause(cue_span, cue_first2, cue_last, source, content, "end", src_first)
    # "As X noted, CONTENT." / "CONTENT, as X noted."
    if (
        src_first > 0
        and tokens[src_first - 1].lower == "as"
        and (src_first == 1 or tokens[src_first - 2].text in (",", ";", ":"))
    ):
        return _as_clause(tokens, src_first - 1, cue_span, cue_first2, cue_last, source, src_first, clauses)
    # forward: "X said (that) …"
    start = find_content_start(tokens, after, n, cue)
    if not cue.invertible and start + 1 < n and tokens[start].text == "," and finite_verb(tokens, start + 1):
        return None  # "X, which had an offer rejected, said …": a participle with no complement
    if cue.stance:  # "expressed concern about X": the content is X
        topic = stance_topic(tokens, after, n)
        if topic is not None:
            start = topic
    end = n
    if src_first > 0 and tokens[src_first - 1].lower in SUBORDINATORS:
        end = next_comma(tokens, start, n)  # "While X said A, B …": A ends at the comma
    if cue.object_np and (start >= n or tokens[start].lower != "that"):
        end = object_np_end(tokens, start, end)  # "endorsed Hillary Clinton on Tuesday": the object
    if tokens[src_first].lower in ("who", "which") and src_first > 0 and tokens[src_first - 1].text == ",":
        end = relative_clause_end(tokens, start, end)  # "X, who said A, recounted B": A ends at the comma
    last = trim_end(tokens, start, cut_participle(tokens, start, end - 1))
    if last < start:
        return None
    return Clause(cue_span, cue_first2, cue_last, source, content_spans(tokens, start, last), "forward", src_first)


def _as_clause(
    tokens: list[Token],
    as_index: int,
    cue_span: Span,
    cue_first: int,
    cue_last: int,
    source: Span,
    src_first: int,
    clauses: list[Clause],
) -> Clause | None:
    """ "As the study noted, A." (A after the clause), "A, as he said on Monday." (A before)
    and "A, as he said, B." (both); the clause itself may end only with a short adverbial."""
    n = len(tokens)
    k = cue_last + 1
    while (
        k < n
        and k - cue_last <= 3
        and tokens[k].is_word
        and (tokens[k].lower in TIME_WORDS or tokens[k].lower in TIME_PREPS or tokens[k].lower.endswith("ly"))
    ):
        k += 1
    closes = k >= n or tokens[k].text in (".", "!", "?")
    if not closes and tokens[k].text != ",":
        return None
    spans: list[Span] = []
    if as_index >= 2 and tokens[as_index - 1].text == ",":
        first = quote_or_clause_start(tokens, as_index - 2, clauses)
        if first is not None and as_index - 1 - first >= 3:
            spans = content_spans(tokens, first, trim_end(tokens, first, as_index - 2))
    if not closes:
        last = trim_end(tokens, k + 1, n - 1)
        if last - k >= 3 or (last > k and tokens[last].kind == "Q"):  # "As X put it, “…”"
            spans += content_spans(tokens, k + 1, last)
    if not spans:
        return None
    return Clause(cue_span, cue_first, cue_last, source, spans, "as", src_first)


QUESTION_WORDS = frozenset("whether if how why what which who whom when where about".split())


def _asked_clause(tokens: list[Token], cue_first: int, cue_last: int) -> Clause | None:
    """ "Asked on Monday whether Mr. Clinton would …, Mrs. Clinton said": a passive question
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
    stop = k + 1 if tokens[k].kind == "Q" else next_comma(tokens, k, n)
    last = trim_end(tokens, first, stop - 1)
    if last < first:
        return None
    source = None
    for b in range(cue_last + 1, k - 1):  # "asked by a caller why …": the asker
        if tokens[b].lower == "by":
            source = token_span(tokens, b + 1, k - 1)
            break
    return Clause(
        token_span(tokens, cue_first, cue_last),
        cue_first,
        cue_last,
        source,
        content_spans(tokens, first, last),
        "passive",
        -1,
    )


def _passive_to_clause(tokens: list[Token], cue_first: int, cue_last: int, raising: bool = False) -> Clause | None:
    """ "The leaders are expected to discuss …": an attribution without a source whose
    content is the subject and the infinitive ("The leaders" + "to discuss …")."""
    n = len(tokens)
    to = cue_last + 1
    if to + 1 >= n or tokens[to].lower != "to" or not tokens[to + 1].is_word:
        return None
    j = skip_verb_group_back(tokens, cue_first - 1)  # "is widely expected", "had been expected"
    opening = dash_aside_start(tokens, j) if j >= 0 else None
    if opening is not None:
        j = opening - 1  # "The club - or its new owners - appear to have paid …": the subject
    content: list[Span] = []
    first = np_back(tokens, j)
    if not raising and first <= j and time_phrase(tokens, first, j):
        # "Figures for the period to February 28 are expected to …": a date is the object of a
        # preposition inside the subject, not the subject
        first = subject_over_preposition(tokens, first)
    if (
        raising
        and j >= 0
        and (
            tokens[j].lower in CLAUSE_WORDS
            or (
                first > 0
                and tokens[first - 1].lower in CLAUSE_WORDS
                and tokens[first - 1].lower not in ("and", "but", "or")
            )
        )
    ):
        return None  # "the issue that seemed to …", "why the battle seemed to …": inside another clause
    source = None
    if first <= j and good_source(tokens, first, j):
        # PolNeAR gives such a clause no source, or (for a person) the subject: "She appeared
        # to imply …"; a gold attribution without a source accepts any, so the subject is it
        source = token_span(tokens, first, j)
        if tokens[first].lower not in PRONOUN_SUBJECTS:
            content = content_spans(tokens, first, j)
    stop = next_comma(tokens, to, n)
    last = trim_end(tokens, to, stop - 1)
    if last <= to:
        return None
    content += content_spans(tokens, to, last)
    return Clause(
        token_span(tokens, cue_first, cue_last),
        cue_first,
        cue_last,
        source,
        content,
        "passive",
        first if source else -1,
    )
