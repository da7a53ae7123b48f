"""Attribution over a whole article: paragraphs, quotations across sentences, transcripts.

:func:`extract_attributions` walks the paragraphs sentence by sentence, skipping cheaply
those with no possible cue outside quotes (one prefilter regex). Rules that need more than
one sentence live here: a quotation the sentence splitter cut ("“Why?” | he asked.") gets
its end attribution back; "“A,” he said. “B.”" is one attribution with two pieces; a
quotation paragraph with no cue after a quoted speaker continues that speaker (a floating
quote); a paragraph opening with a speaker label in capitals (``TAPPER: …``) is a
transcript turn.
"""

from __future__ import annotations

import re

from newstone.model import Attribution, Sentence, Span
from newstone.nlp.attribution.lexicon import cue_prefilter, end_only_words, word_set
from newstone.nlp.attribution.nesting import cut_coordinated, drop_nested, lift_nested_pronouns
from newstone.nlp.attribution.quotes import find_quotes, quote_kind, quotes_in
from newstone.nlp.attribution.shapes import sentence_clauses
from newstone.nlp.attribution.tokens import Token, tokenize


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
    final period; ``source`` is the in-text mention. The ``speaker*`` fields are left
    empty: :func:`newstone.nlp.speakers.coreference.resolve_speakers` fills them (the
    pipeline calls it next). A rule that fails is not hidden here: the pipeline turns it
    into the article's error row, so a user sees it instead of silently getting no quotes.
    """
    if not text or not sentences:
        return []
    paragraphs = paragraphs_of(sentences)
    quotes = find_quotes(text, [span for span, _ in paragraphs])
    results: list[Attribution] = []
    prefilter = cue_prefilter()
    qi = 0
    first_paragraph = sentences[0].paragraph_id
    last_sentence_attr: Attribution | None = None  # attribution of the previous sentence
    covered_until = -1
    previous_paragraph_last: Attribution | None = None
    tails: set[int] = set()  # clauses inside the tail of an end attribution's source
    for (p_start, p_end), sents in paragraphs:
        count_before = len(results)
        turn = None
        if sents[0].paragraph_id != first_paragraph:
            turn = _transcript_turn(text, p_start, p_end, quotes)
            if turn is not None:
                results.append(turn)
        for s_index, sent in enumerate(sents):
            headline = sent.paragraph_id == first_paragraph
            while qi < len(quotes) and quotes[qi][1] <= sent.start:
                qi += 1
            if not (
                _cue_outside_quotes(prefilter, text, sent.start, sent.end, quotes, qi)
                or _colon_in(text, sent, quotes, qi, headline)
            ):
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
                    clauses = sentence_clauses(tokens, headline)
                    if not (
                        clauses
                        and clauses[0].shape == "end"
                        and clauses[0].content
                        and clauses[0].content[0][0] <= merged[0] + 1
                    ):
                        tokens = None
                if tokens is None:
                    tokens, qi = tokenize(text, sent.start, sent.end, quotes, qi)
                    clauses = sentence_clauses(tokens, headline) if tokens else []
            if not tokens:
                continue
            cut_coordinated(tokens, clauses)
            lift_nested_pronouns(tokens, clauses)
            made: list[Attribution] = []
            anchor: Attribution | None = None  # an end clause the sentence closes with
            anchor_source = -1
            for clause in clauses:
                content = [(s, e) for s, e in clause.content if e > s]
                if not content:
                    continue
                made.append(
                    Attribution(kind=quote_kind(content, quotes), spans=content, cue=clause.cue, source=clause.source)
                )
                if clause.shape == "end":
                    anchor, anchor_source = made[-1], clause.source_first
                elif anchor is not None and 0 <= anchor_source <= clause.source_first:
                    tails.add(id(made[-1]))  # "“A,” said X, who thinks B" / "…, referring to B"
                else:
                    anchor = None
            made = drop_nested(made, text)
            if turn is not None:
                for att in made:  # "FALLIN: I think …": the speaker of the turn thinks it
                    if att.source is not None and text[att.source[0] : att.source[1]].lower() in ("i", "we"):
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
                    last_sentence_attr.kind = quote_kind(last_sentence_attr.spans, quotes)
                    covered_until = piece[1]
                    continue
            last_sentence_attr = None
        if (
            len(results) == count_before
            and previous_paragraph_last is not None
            and previous_paragraph_last.kind != "indirect"
        ):
            floating = _floating_quote(text, p_start, p_end, quotes, covered_until)
            if floating is not None:
                prev = previous_paragraph_last
                results.append(Attribution(kind="direct", spans=[floating], cue=None, source=prev.source))
                covered_until = floating[1]
        # the speaker a following cue-less quotation paragraph falls back to: the paragraph's
        # last attribution with a source ("… Miller said when asked about X." -> Miller)
        previous_paragraph_last = next(
            (a for a in reversed(results[count_before:]) if a.source is not None and id(a) not in tails), None
        )
    return results


# "TAPPER: …", "JOEL BENENSON: …", "Q: …", "A: …": a speaker label in capitals opening a paragraph
_TRANSCRIPT_LABEL = re.compile(r"(?:[A-Z][A-Z'\-]+\.? ){0,2}[A-Z][A-Z'\-]*[A-Z]:[ \t]+(?=\S)")


def _transcript_turn(text: str, p_start: int, p_end: int, quotes: list[Span]) -> Attribution | None:
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
    return Attribution(
        kind=quote_kind(spans, quotes), spans=spans, cue=(label_end, label_end + 1), source=(p_start, label_end)
    )


def _after_split_quote(
    text: str, sent: Sentence, p_start: int, quotes: list[Span], qi: int, covered_until: int
) -> tuple[int, int] | None:
    """(start, index) of a quotation that ends right before ``sent`` in the same paragraph,
    is not attributed yet and ends with its own ?/!/. — the sentence splitter cut the
    attribution "“Why not?” he asked." in two."""
    k = qi - 1
    if k < 0 or k >= len(quotes):
        return None
    q_start, q_end = quotes[k]
    if q_start < p_start or q_start < covered_until or q_end > sent.start or text[q_end : sent.start].strip():
        return None
    if text[max(q_start, q_end - 3) : q_end].rstrip("\u201d\"'")[-1:] not in ("?", "!", "."):
        return None
    return q_start, k


def _floating_quote(text: str, p_start: int, p_end: int, quotes: list[Span], covered_until: int) -> Span | None:
    """A paragraph that is one quotation with no cue of its own ("“It’s obviously something
    we take seriously.”" after a paragraph quoting Kirby)."""
    for q_start, q_end in quotes_in(quotes, p_start, p_end):
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
    return k < len(quotes) and quotes[k][0] < sent.end and not text[pos + 1 : quotes[k][0]].strip()


def _quote_near(quotes: list[Span], qi: int, start: int, end: int) -> bool:
    """A quotation inside ``[start, end)`` or ending just before it."""
    if qi < len(quotes) and quotes[qi][0] < end:
        return True
    return qi > 0 and quotes[qi - 1][1] >= start - 3


def _cue_outside_quotes(prefilter: re.Pattern, text: str, start: int, end: int, quotes: list[Span], qi: int) -> bool:
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
    rest = text[min(quotes[k][1], sent.end) : sent.end]
    return not any(ch.isalnum() for ch in rest)


def _is_bare_quote(tokens: list[Token]) -> bool:
    words = [t for t in tokens if t.kind != "P"]
    return len(words) == 1 and words[0].kind == "Q" and tokens[0].kind == "Q"
