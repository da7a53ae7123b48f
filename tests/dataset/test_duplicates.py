"""Near-duplicate articles by shingled text: exact pairs, no chains, short texts only as
copies (lib/newstone/dataset/duplicates.py)."""

from __future__ import annotations

import random
from itertools import combinations

import pytest

from newstone.dataset import duplicates
from newstone.dataset.duplicates import duplicate_of, shingle_sets, similar_pairs

WORDS = "the minister said talks on grain exports would resume next week after a long pause in the port".split()


def story(seed: int, n_words: int = 80) -> str:
    """A text of ``n_words`` words drawn from a small vocabulary: stories share many
    words and some phrases, as news does, but not whole runs of five by chance."""
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randrange(40)) for _ in range(n_words))


def edited(text: str, seed: int, changes: int) -> str:
    """``text`` with ``changes`` words replaced: an update of the same story."""
    rng = random.Random(seed)
    words = text.split()
    for _ in range(changes):
        words[rng.randrange(len(words))] = f"new{rng.randrange(10**6)}"
    return " ".join(words)


def brute_force(texts: list[str], threshold: float) -> set[tuple[int, int]]:
    """Every pair with shingle Jaccard >= threshold, by comparing all pairs."""
    sets = [set(s.tolist()) for s in shingle_sets(texts)]
    return {
        (i, j)
        for i, j in combinations(range(len(texts)), 2)
        if sets[i] and sets[j] and len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= threshold
    }


@pytest.mark.parametrize("threshold", [0.2, 0.5, 0.8, 1.0])
def test_prefix_filtering_finds_exactly_the_pairs_a_full_comparison_finds(threshold):
    base = [story(seed, 60 + 7 * seed) for seed in range(12)]
    texts = base + [edited(base[k], seed=k, changes=k) for k in range(12)] + [base[3] + " " + base[4]]
    expected = brute_force(texts, threshold)
    found = similar_pairs(shingle_sets(texts), threshold)
    assert {(i, j) for i, j, _ in found} == expected
    assert expected  # the planted updates are found at every threshold tried
    assert all(threshold <= jaccard <= 1 for _, _, jaccard in found)


def test_shingles_are_distinct_sorted_and_ignore_case():
    text = story(1)
    (upper,), (lower,) = shingle_sets([text.upper()]), shingle_sets([text])
    assert (upper == lower).all() and (lower[1:] > lower[:-1]).all()
    assert len(lower) == len(set(zip(*(text.split()[k:] for k in range(5)))))
    assert [len(s) for s in shingle_sets(["too short " * 10, None, ""])] == [0, 0, 0]


def test_an_update_is_a_duplicate_of_the_first_and_a_copy_of_it_too():
    first = story(1, 200)
    texts = [first, story(2), edited(first, 5, 3), edited(first, 5, 3), story(3)]
    ids = ["a", "b", "a-update", "a-update-copy", "c"]
    hashes = ["h1", "h2", "h3", "h3", "h4"]
    assert duplicate_of(ids, texts, hashes, 0.8) == [None, None, "a", "a", None]
    # the whole text differs too much for 0.99: only the exact copy is left
    assert duplicate_of(ids, texts, hashes, 0.99) == [None, None, None, "a-update", None]


def test_no_chains_a_duplicate_names_an_article_it_is_itself_similar_to():
    """A ~ B and B ~ C but not A ~ C: C is no duplicate of A through B, and, B being a
    duplicate, C is the first of its own story."""
    a = story(7, 100)
    b = edited(a, 1, 6)
    c = edited(b, 2, 6)
    texts = [a, b, c]
    pairs = brute_force(texts, 0.4)
    assert pairs == {(0, 1), (1, 2)}  # the premise
    assert duplicate_of(["A", "B", "C"], texts, ["1", "2", "3"], 0.4) == [None, "A", None]


def test_short_texts_are_duplicates_only_as_exact_copies():
    notice = "Qtly div five cts vs five cts prior Pay July 15 Record June 26"
    other = notice.replace("26", "30")
    assert len(notice.split()) < duplicates.MIN_WORDS
    assert duplicate_of(["x", "y", "z"], [notice, other, notice], ["h1", "h2", "h1"], 0.5) == [None, None, "x"]


def test_failed_articles_are_never_duplicates():
    text = story(4)
    assert duplicate_of(["ok", "failed"], [text, text], ["h", None], 0.8) == [None, None]


def test_texts_may_come_one_at_a_time_from_a_generator(monkeypatch):
    monkeypatch.setattr(duplicates, "SHINGLE_BATCH", 2)  # shingled in several batches
    texts = [story(k) for k in range(5)] + [edited(story(2), 9, 2)]
    ids = list("abcdef")
    assert duplicate_of(ids, iter(texts), ids, 0.8) == [None] * 5 + ["c"]


@pytest.mark.parametrize("threshold", [0, -0.1, 1.5, float("nan")])
def test_a_threshold_outside_zero_to_one_is_refused(threshold):
    with pytest.raises(ValueError, match="not in"):
        duplicate_of(["a"], ["text"], ["h"], threshold)
