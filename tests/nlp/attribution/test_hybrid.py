"""Hybrid attribution: which side wins where, on our own sentences.

``combine`` is tested with hand-made learned candidates, so these tests pin the
combination rules whatever the shipped model tags; the last tests run the shipped model.
"""

from __future__ import annotations

import dataclasses

import pytest

from newstone.model import Attribution
from newstone.nlp.attribution.hybrid import (
    attributions_for,
    combine,
    hybrid_attributions,
)
from newstone.nlp.attribution.learned.features import Paragraph
from newstone.nlp.attribution.learned.spans import Candidate, paragraph_candidates, tag_runs
from newstone.nlp.sentences import split_sentences
from tests.helpers.attribution import BODY, content, source


def span_of(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def candidate(text: str, content_words: str, cue: str | None = None, src: str | None = None) -> Candidate:
    return Candidate(
        [span_of(text, content_words)],
        span_of(text, cue) if cue else None,
        span_of(text, src) if src else None,
        len(content_words.split()),
    )


def combined(text: str, rules: list[Attribution], candidates: list[Candidate]) -> list[Attribution]:
    return combine(text, split_sentences(text), rules, candidates)


def test_rules_win_where_both_found_the_content():
    text = BODY + "Mayor Ana Lopez said that the bridge would reopen in May after repairs."
    rule = Attribution(
        "indirect",
        [span_of(text, "the bridge would reopen in May after repairs")],
        span_of(text, "said"),
        span_of(text, "Mayor Ana Lopez"),
    )
    learned = candidate(text, "that the bridge would reopen in May", "said", "Ana Lopez")
    (out,) = combined(text, [rule], [learned])
    assert out is rule
    assert content(text, out) == "the bridge would reopen in May after repairs"
    assert source(text, out) == "Mayor Ana Lopez"


def test_learned_content_where_the_rules_are_silent_gets_the_rules_source_finder():
    text = BODY + "The harbour master, a former sailor, warned that storms would close the port."
    # the tagger's own source run is only "sailor"; the rules' finder gives the speaker and
    # the apposition, as the rules do for their own attributions
    learned = candidate(text, "storms would close the port", "warned", "sailor")
    (out,) = combined(text, [], [learned])
    assert content(text, out) == "storms would close the port"
    assert source(text, out) == "The harbour master, a former sailor"
    assert text[out.cue[0] : out.cue[1]] == "warned"
    assert out.kind == "indirect"


def test_an_inverted_cue_takes_the_name_after_it():
    text = BODY + "\u201cWe will rebuild the school,\u201d said Priya Natarajan, the head teacher."
    learned = candidate(text, "\u201cWe will rebuild the school,\u201d", "said")
    (out,) = combined(text, [], [learned])
    assert source(text, out).startswith("Priya Natarajan")
    assert out.kind == "direct"


def test_a_source_never_runs_over_a_line_break():
    # a heading without a full stop runs into the next line's sentence
    heading = "Lee Apologizes To Voters For Telling Supporters Rivals Had Dropped Out"
    text = BODY + heading + "\nDana Lee apologized for the error."
    learned = candidate(text, "the error", "apologized for")
    (out,) = combined(text, [], [learned])
    assert source(text, out) == "Dana Lee"


def test_the_learned_source_is_the_fallback_when_the_finder_finds_nothing():
    text = BODY + "According to the union, the new rota is unsafe for night staff."
    learned = candidate(text, "the new rota is unsafe for night staff", "According to", "the union")
    (out,) = combined(text, [], [learned])
    assert source(text, out) == "the union"


def test_learned_content_without_a_cue_is_dropped():
    # a source run alone links poorly: 16% of such additions were right on train's held-out folds
    text = BODY + "In the view of the union, the new rota is unsafe for night staff."
    assert combined(text, [], [candidate(text, "the new rota is unsafe for night staff", None, "the union")]) == []


def test_learned_content_without_any_source_is_dropped():
    text = BODY + "Reportedly, the new rota is unsafe for night staff."
    assert combined(text, [], [candidate(text, "the new rota is unsafe for night staff", "Reportedly")]) == []


def test_learned_content_the_tagger_is_unsure_of_is_dropped():
    text = BODY + "Tom Reed is convinced the plan will fail."
    sure = candidate(text, "the plan will fail", "is convinced", "Tom Reed")
    assert [source(text, a) for a in combined(text, [], [sure])] == ["Tom Reed"]
    sure.confidence = sure.cue_confidence = 0.3  # unsure of the content and of the cue
    assert combined(text, [], [sure]) == []


def test_learned_fragments_are_dropped():
    text = BODY + "Tom Hale said no."
    assert combined(text, [], [candidate(text, "no", "said", "Tom Hale")]) == []


def test_a_source_inside_its_own_content_is_refused():
    text = BODY + "Officials at the ministry expect delays in the spring."
    learned = candidate(text, "Officials at the ministry expect delays in the spring", "expect", "Officials")
    assert combined(text, [], [learned]) == []


def test_a_tagger_source_after_content_that_follows_its_cue_is_refused():
    # cue, content, then a source run: the run is the next clause's subject
    text = BODY + "Kim tested a bomb, prompting sanctions that China backed, but the United States has said little."
    learned = candidate(text, "that China backed", "prompting sanctions", "the United States")
    assert combined(text, [], [learned]) == []


def test_rules_and_learned_attributions_come_out_in_text_order():
    text = BODY + "Lena Ortiz warned that fares would rise. Later, the council said parking would be free."
    rule = Attribution(
        "indirect",
        [span_of(text, "parking would be free")],
        span_of(text, "said", 0),
        span_of(text, "the council"),
    )
    learned = candidate(text, "fares would rise", "warned", "Lena Ortiz")
    out = combined(text, [rule], [learned])
    assert [source(text, a) for a in out] == ["Lena Ortiz", "the council"]


def paragraph(text: str) -> Paragraph:
    words = text.split(" ")
    spans, pos = [], 0
    for w in words:
        spans.append((pos, pos + len(w)))
        pos += len(w) + 1
    return Paragraph(spans, words, [i == 0 for i in range(len(words))], False)


def test_tag_runs_read_a_stray_inside_tag_as_the_start_of_a_run():
    runs = tag_runs(["O", "I-C", "I-C", "B-K", "B-S", "I-S", "B-C", "B-C"])
    assert [(r.kind, r.first, r.last) for r in runs] == [
        ("C", 1, 2),
        ("K", 3, 3),
        ("S", 4, 5),
        ("C", 6, 6),
        ("C", 7, 7),
    ]


def test_two_content_runs_sharing_a_cue_are_one_attribution_in_two_pieces():
    text = "“ We won , ” he said , “ and we will win again . ”"
    p = paragraph(text)
    tags = [
        "B-C",
        "I-C",
        "I-C",
        "I-C",
        "I-C",
        "B-S",
        "B-K",
        "O",
        "B-C",
        "I-C",
        "I-C",
        "I-C",
        "I-C",
        "I-C",
        "I-C",
        "I-C",
    ]
    (only,) = paragraph_candidates(p, tags)
    assert [text[s:e] for s, e in only.spans] == ["“ We won , ”", "“ and we will win again . ”"]
    assert text[only.cue[0] : only.cue[1]] == "said"
    assert text[only.source[0] : only.source[1]] == "he"
    assert only.tokens == 13


# --- the shipped model ---

ARTICLE = (
    "Port plans face delay\n\n"
    "The harbour authority said on Monday that the new quay would open a year late. "
    "Local fishermen believe the delay will cost them the summer season, and several "
    "traders fear that customers will go elsewhere.\n\n"
    "\u201cWe were promised a date and it has gone,\u201d said Maria Costa, who runs a fish stall. "
    "The authority blamed the weather for the setback.\n\n"
    "Costa is adamant that she will not close the stall."
)


def test_hybrid_keeps_every_rules_attribution_and_is_deterministic():
    sentences = split_sentences(ARTICLE)
    rules = attributions_for(ARTICLE, sentences, "rules")
    first = hybrid_attributions(ARTICLE, sentences)
    second = attributions_for(ARTICLE, split_sentences(ARTICLE), "hybrid")
    assert first == second
    for att in rules:
        assert att in first


def test_a_paragraph_is_tagged_alike_alone_or_with_its_article():
    # the tagger runs an article's paragraphs together, longest first; none may see another
    from newstone.nlp.attribution.learned.features import article_inputs
    from newstone.nlp.attribution.learned.network import default_tagger

    sentences = split_sentences(ARTICLE)
    _, inputs = article_inputs(ARTICLE, sentences, attributions_for(ARTICLE, sentences, "rules"))
    together = default_tagger().probabilities(inputs)
    assert len(together) == len(inputs) > 2
    for columns, probs in zip(inputs, together):
        (alone,) = default_tagger().probabilities([columns])
        assert probs.shape == (len(columns[0]), 7)
        assert abs(alone - probs).max() < 1e-5


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="rules, hybrid"):
        attributions_for(ARTICLE, split_sentences(ARTICLE), "neural")


# --- the switch: pipeline options, newstone.parse_text, newstone evaluate ---


def test_the_pipeline_option_is_checked_and_recorded_only_when_not_rules():
    from newstone.pipeline import Options

    with pytest.raises(ValueError, match="attribution"):
        Options(attribution="neural")
    assert Options().attribution == "hybrid"  # the default
    assert "attribution" not in Options(attribution="rules").settings()  # datasets made before the switch
    assert Options().settings()["attribution"] == "hybrid"


def test_parse_text_hybrid_fills_the_speaker_columns_by_the_same_code_path(monkeypatch):
    import newstone
    from newstone.nlp.attribution import hybrid

    # every candidate with a cue and a source is kept, whatever the shipped confidence model says
    shipped = hybrid.confidence_model()
    monkeypatch.setattr(hybrid, "confidence_model", lambda: dataclasses.replace(shipped, cut=0.0))
    rules = newstone.parse_text(ARTICLE, attribution="rules").quotes
    hybrid = newstone.parse_text(ARTICLE).quotes  # the default
    assert list(hybrid.columns) == list(rules.columns)
    columns = ["speaker", "speaker_type", "speaker_title", "speaker_org", "speaker_country"]
    key = lambda row: (str(row["spans"]), row["speaker_start"])
    by_rules = {key(row): row for _, row in rules.iterrows()}
    extra = 0
    for _, row in hybrid.iterrows():
        if key(row) in by_rules:  # a rules attribution: the same speaker columns
            assert row[columns].equals(by_rules[key(row)][columns])
        else:  # a learned one: its mention "Costa" resolved against the article like any other
            extra += 1
            assert (row["speaker_mention"], row["speaker"], row["article_speaker"]) == (
                "Costa",
                "Maria Costa",
                "Maria Costa",
            )
    assert extra == 1  # the shipped tagger finds "Costa is adamant that …", a cue the rules lack


def test_evaluate_both_prints_rules_beside_hybrid(tmp_path, capsys):
    from newstone.cli import main

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    start = ARTICLE.index("the new quay")
    end = ARTICLE.index(" a year late") + len(" a year late")
    src = ARTICLE.index("The harbour authority")
    (tmp_path / "attributions" / "a_x.ann").write_text(
        f"T1\tSource {src} {src + 21}\tThe harbour authority\nT2\tContent {start} {end}\tx\n"
        "E1\tAttribution:T2 Content:T2 Source:T1\n",
        encoding="utf-8",
    )
    assert main(["evaluate", str(tmp_path), "--attribution", "both"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["rules", "hybrid"]
    assert any(line.startswith("attribution_f1") and len(line.split()) == 3 for line in lines)
