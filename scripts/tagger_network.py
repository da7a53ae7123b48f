"""Training the attribution tagger's network with PyTorch (used by ``train_attribution.py``).

Run time never imports this: the trained weights are written as plain arrays
(``newstone.nlp.attribution.learned.network.save``) and run with numpy. PyTorch is a
training-only dependency (``requirements-train.txt``).

The network: one embedding table per input column (:data:`COLUMNS`; the word column's
may start from vectors of unlabelled news, ``word_vectors.py``), joined, dropout,
a bidirectional LSTM, dropout, a linear layer to the seven tags; cross-entropy per token.
Adam, mini-batches of paragraphs of similar length, a fixed number of epochs (no early
stopping on dev: the test split is what must not be overfitted). A word is replaced by
"unknown" with probability ``WORD_DROPOUT`` while training, so the vector of unknown words
is learned. One seed and a fixed thread count make the same weights every run.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from newstone.nlp.attribution.learned.features import COLUMNS, LABELS
from newstone.nlp.attribution.learned.network import encode, vocabulary

# embedding size of each input column
DIMENSIONS = {
    "word": 64,
    "shape": 8,
    "suffix": 16,
    "cue_distance": 8,
    "rules_tag": 8,
    "rules_tag_quote": 8,
    "position": 4,
    "cue_class": 8,
    "cue_class_before": 8,
    "cue_class_after": 8,
}
MIN_COUNT = {"word": 2, "suffix": 3}  # a value seen fewer times in training is "unknown"; others: 1
WORD_DROPOUT = 0.1
DROPOUT = 0.3
BATCH = 16
LEARNING_RATE = 2e-3
SEED = 0


@dataclass
class Settings:
    hidden: int = 64
    layers: int = 1
    epochs: int = 6
    threads: int = 2


def vocabularies(inputs: list[list[tuple[str, ...]]]) -> list[list[str]]:
    """Per column, the values kept (sorted), from the training paragraphs' input columns."""
    counts = [Counter() for _ in COLUMNS]
    for columns in inputs:
        for count, column in zip(counts, columns):
            count.update(column)
    return [
        sorted(v for v, n in count.items() if v and n >= MIN_COUNT.get(name, 1)) for name, count in zip(COLUMNS, counts)
    ]


class Network(nn.Module):
    def __init__(self, sizes: list[int], settings: Settings):
        super().__init__()
        self.embeddings = nn.ModuleList(
            nn.Embedding(size + 2, DIMENSIONS[name], padding_idx=0) for name, size in zip(COLUMNS, sizes)
        )
        self.dropout = nn.Dropout(DROPOUT)
        self.lstm = nn.LSTM(
            sum(DIMENSIONS[name] for name in COLUMNS),
            settings.hidden,
            num_layers=settings.layers,
            bidirectional=True,
            batch_first=True,
            dropout=DROPOUT if settings.layers > 1 else 0.0,
        )
        self.output = nn.Linear(2 * settings.hidden, len(LABELS))

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        x = torch.cat([table(ids[:, :, j]) for j, table in enumerate(self.embeddings)], dim=-1)
        packed = nn.utils.rnn.pack_padded_sequence(self.dropout(x), lengths, batch_first=True, enforce_sorted=False)
        states, _ = self.lstm(packed)
        states, _ = nn.utils.rnn.pad_packed_sequence(states, batch_first=True)
        return self.output(self.dropout(states))


def _batches(lengths: list[int], rng: random.Random) -> list[list[int]]:
    """Paragraph indices in mini-batches of similar length (less padding), shuffled."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    batches = []
    for k in range(0, len(order), BATCH * 20):
        chunk = sorted(order[k : k + BATCH * 20], key=lambda i: lengths[i])
        batches += [chunk[i : i + BATCH] for i in range(0, len(chunk), BATCH)]
    rng.shuffle(batches)
    return batches


def _padded(ids: list[np.ndarray], tags: list[np.ndarray], batch: list[int]):
    longest = max(len(ids[i]) for i in batch)
    x = np.zeros((len(batch), longest, len(COLUMNS)), dtype=np.int64)
    y = np.full((len(batch), longest), -100, dtype=np.int64)  # -100: not scored
    for row, i in enumerate(batch):
        x[row, : len(ids[i])] = ids[i]
        y[row, : len(ids[i])] = tags[i]
    return torch.from_numpy(x), torch.from_numpy(y), torch.tensor([len(ids[i]) for i in batch])


def train(
    inputs: list[list[tuple[str, ...]]],
    tags: list[list[str]],
    settings: Settings,
    log=print,
    word_vectors: dict[str, np.ndarray] | None = None,
) -> dict[str, np.ndarray]:
    """Train on paragraphs (input columns, gold tags); the model file's arrays. A word of
    ``word_vectors`` (``word_vectors.py``: vectors from unlabelled news) starts from its
    vector instead of a random one; all are fine-tuned."""
    torch.manual_seed(SEED)
    torch.set_num_threads(settings.threads)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(SEED)
    values = vocabularies(inputs)
    index = [vocabulary(vs) for vs in values]
    ids = [encode(index, columns) for columns in inputs]
    label = {t: i for i, t in enumerate(LABELS)}
    gold = [np.array([label[t] for t in seq]) for seq in tags]
    network = Network([len(vs) for vs in values], settings)
    if word_vectors:
        with torch.no_grad():  # after the random start, so the rest of the weights are the same
            table = network.embeddings[COLUMNS.index("word")].weight
            for i, word in enumerate(values[COLUMNS.index("word")]):
                if (vector := word_vectors.get(word)) is not None:
                    table[i + 2] = torch.from_numpy(vector)
    optimiser = torch.optim.Adam(network.parameters(), lr=LEARNING_RATE)
    loss_of = nn.CrossEntropyLoss(ignore_index=-100)
    for epoch in range(settings.epochs):
        network.train()
        started, total = time.perf_counter(), 0.0
        for batch in _batches([len(i) for i in ids], rng):
            x, y, lengths = _padded(ids, gold, batch)
            dropped = (torch.rand(x.shape[:2]) < WORD_DROPOUT) & (x[:, :, 0] > 1)
            x[:, :, 0][dropped] = 1  # the word column: "unknown"
            loss = loss_of(network(x, lengths).reshape(-1, len(LABELS)), y.reshape(-1))
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(network.parameters(), 5.0)
            optimiser.step()
            total += loss.item() * len(batch)
        seconds = time.perf_counter() - started
        log(f"  epoch {epoch + 1}/{settings.epochs}: loss {total / len(ids):.4f}, {seconds:.0f} s")
    return arrays_of(network.eval(), values)


def arrays_of(network: Network, values: list[list[str]]) -> dict[str, np.ndarray]:
    """The model file's arrays (``network.Tagger`` reads them): per layer the two
    directions' input weights side by side, recurrent weights stacked, biases summed."""
    state = {name: tensor.detach().numpy().astype(np.float32) for name, tensor in network.state_dict().items()}
    arrays = {"columns": np.array(COLUMNS), "labels": np.array(LABELS)}
    for j, vs in enumerate(values):
        arrays[f"vocabulary_{j}"] = np.array(vs, dtype=str)
        arrays[f"embedding_{j}"] = state[f"embeddings.{j}.weight"]
    for k in range(network.lstm.num_layers):
        suffixes = (f"l{k}", f"l{k}_reverse")
        arrays[f"layer{k}_input"] = np.concatenate([state[f"lstm.weight_ih_{s}"].T for s in suffixes], axis=1)
        arrays[f"layer{k}_recurrent"] = np.stack([state[f"lstm.weight_hh_{s}"].T for s in suffixes])
        biases = [state[f"lstm.bias_ih_{s}"] + state[f"lstm.bias_hh_{s}"] for s in suffixes]
        arrays[f"layer{k}_bias"] = np.concatenate(biases)
    arrays["output_weight"] = state["output.weight"].T.copy()
    arrays["output_bias"] = state["output.bias"]
    return arrays
