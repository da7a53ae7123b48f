"""Word vectors from unlabelled news, to start the attribution tagger's word embedding.

PolNeAR train has 840 articles; a word seen in a handful of them gets a vector learned from
a handful of tags. The rest of ``../shared`` is news too, unlabelled: BBC News (2,225
articles), Reuters-21578 (19,043) and PolNeAR train's own texts, 4.7 million tokens. Words
used in the same places there get similar vectors ("criticized": endorsed, praised,
denounced, supported, mocked, blasted), so the tagger starts knowing that a cue it saw
rarely resembles one it saw often.

The method is the classic count-based one (Levy, Goldberg and Dagan 2015), numpy and scipy
only: co-occurrence counts of the 40,000 most frequent lower-case tokens seen at least 5
times, within two tokens (the nearer neighbour counting twice the farther), positive
pointwise mutual information with the context distribution smoothed (power 0.75), and a
truncated SVD to 64 dimensions (``U * sqrt(S)``, each column's sign set so that its
largest entry is positive), each dimension standardised. Dev and the test split are not
read. ARPACK starts from a fixed vector, so the vectors are the same on every run (with one
BLAS thread, as ``train_attribution.py`` sets; with several, a column's sign could flip).

Training only: the tagger fine-tunes these vectors and ships its own embedding, so run time
never reads this.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import numpy as np

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DIMENSIONS = 64
MIN_COUNT = 5
MAX_WORDS = 40_000
WINDOW = ((1, 1.0), (2, 0.5))  # (distance, weight)
_TOKEN = re.compile(r"\w+(?:['\u2019-]\w+)*|[^\w\s]")


def unlabelled_texts(shared: Path = SHARED) -> list[str]:
    """BBC News, Reuters-21578 and PolNeAR train texts, in a fixed order."""
    texts = [path.read_text(encoding="latin-1") for path in sorted((shared / "bbc").glob("*/*.txt"))]
    with open(shared / "reuters21578" / "reuters21578.jsonl", encoding="utf-8") as handle:
        texts += [json.loads(line).get("text") or "" for line in handle]
    polnear = sorted((shared / "polnear" / "train" / "text").glob("*.txt"))
    texts += [path.read_text(encoding="utf-8") for path in polnear]
    return texts


def tokens(text: str) -> list[str]:
    """Tokens written as the tagger's word column writes them (lower case, ’ as ')."""
    from newstone.nlp.attribution.learned.features import word_value

    return [word_value(word) for word in _TOKEN.findall(text)]


def word_vectors(texts: list[str], dimensions: int = DIMENSIONS) -> dict[str, np.ndarray]:
    """Word -> its vector (float32, ``dimensions`` numbers), for the frequent words of ``texts``."""
    from scipy import sparse
    from scipy.sparse.linalg import svds

    documents = [tokens(text) for text in texts]
    counts = Counter(word for document in documents for word in document)
    vocabulary = sorted((w for w, c in counts.items() if c >= MIN_COUNT), key=lambda w: (-counts[w], w))[:MAX_WORDS]
    index = {word: i for i, word in enumerate(vocabulary)}
    size = len(vocabulary)
    rows, columns, values = [], [], []
    for document in documents:
        ids = np.array([index.get(word, -1) for word in document])
        for distance, weight in WINDOW:
            left, right = ids[:-distance], ids[distance:]
            keep = (left >= 0) & (right >= 0)
            rows.append(left[keep])
            columns.append(right[keep])
            values.append(np.full(keep.sum(), weight))
    row, column, value = np.concatenate(rows), np.concatenate(columns), np.concatenate(values)
    counts_matrix = sparse.coo_matrix(
        (np.concatenate([value, value]), (np.concatenate([row, column]), np.concatenate([column, row]))),
        shape=(size, size),
    ).tocsr()
    counts_matrix.sum_duplicates()
    total = counts_matrix.sum()
    word_totals = np.asarray(counts_matrix.sum(axis=1)).ravel()
    context = np.asarray(counts_matrix.sum(axis=0)).ravel() ** 0.75
    context /= context.sum()
    pairs = counts_matrix.tocoo()
    pmi = np.log(pairs.data / total) - np.log(word_totals[pairs.row] / total) - np.log(context[pairs.col])
    positive = pmi > 0
    ppmi = sparse.csr_matrix((pmi[positive], (pairs.row[positive], pairs.col[positive])), shape=(size, size))
    u, s, _ = svds(ppmi, k=dimensions, v0=np.ones(size) / np.sqrt(size))
    order = np.argsort(-s)
    vectors = u[:, order] * np.sqrt(s[order])
    signs = np.sign(vectors[np.abs(vectors).argmax(axis=0), np.arange(dimensions)])
    vectors *= signs  # a singular vector's sign is arbitrary: its largest entry positive
    vectors = ((vectors - vectors.mean(0)) / vectors.std(0)).astype(np.float32)
    return dict(zip(vocabulary, vectors))
