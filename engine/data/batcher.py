"""Truncated-BPTT batches over one long id sequence: the book's ``RnnlmTrainer.get_batch`` scheme.

The corpus is read by N rows at once. Row i starts at offset ``i * jump`` (``jump = (len - 1) // N``)
and every batch advances all rows by T positions, so batch k's row i continues exactly where batch
k-1's row i stopped: a stateful recurrent layer may carry its hidden state from batch to batch.
An epoch is ``(len - 1) // (N * T)`` batches (the book's ``max_iters``); during the first epoch the
batches are exactly the book's. Positions then wrap around the end, and here the text is read as a
circle: after its last token comes its first one::

    x[i, t] = ids[p],   y[i, t] = ids[(p + 1) % len],   p = (i * jump + cursor + t) % len

(The book wraps inputs and targets separately modulo ``len - 1``, so the last token is never an
input: on a three-line text the model would never see the final line break followed by the
first line, and could not continue the text from a line start.)

``RandomWindowBatcher`` is the other scheme a run may choose (``config.batching = "random"``): each
row a window at a random place, a fresh zero state every batch.

A batch is gathered with two vectorised ``take``s of N*T ids (no Python loop over tokens); the whole
state of the batcher is the integer ``cursor`` (the book's ``time_idx``).
"""

from __future__ import annotations

import numpy as np

from ..errors import TaskError
from ..i18n import QT_TRANSLATE_NOOP, Sentence


def needed_tokens(batch: int, bptt: int) -> int:
    """Tokens a sequence needs for one training batch of ``batch`` rows of ``bptt`` steps (+1 target)."""
    return batch * bptt + 1


def check_batchable(n_tokens: int, batch: int, bptt: int, unit: str = QT_TRANSLATE_NOOP("engine", "tokens"),
                    what: str = QT_TRANSLATE_NOOP("engine", "training text")) -> None:
    """TaskError naming the needed length when ``n_tokens`` cannot fill one batch (``unit`` and ``what``:
    texts marked for the catalogue)."""
    need = needed_tokens(batch, bptt)
    if n_tokens < need:
        raise TaskError(QT_TRANSLATE_NOOP("engine", "The {what} has {n} {unit}, too few for one batch: batch {batch} "
                                          "x bptt {bptt} needs at least {need}."),
                        what=Sentence(what), n=n_tokens, unit=Sentence(unit), batch=batch, bptt=bptt, need=need)


def fit_to_length(n_tokens: int, batch: int, bptt: int) -> tuple[int, int]:
    """(batch, bptt) for a training split of ``n_tokens``: the ones asked for when they fit, else
    smaller ones that do. BPTT shrinks only as far as a quarter of the text (the rows stay long
    enough to learn from), then the batch shrinks to the rows the text holds; a 150-character text
    trains with batch 4 x bptt 33 instead of refusing 32 x 64. TaskError below 2 tokens."""
    if n_tokens < 2:
        raise TaskError(QT_TRANSLATE_NOOP("engine", "The training split has {n} token(s), too few to learn anything "
                                          "from."), n=n_tokens)
    if n_tokens >= needed_tokens(batch, bptt):
        return batch, bptt
    T = max(1, min(bptt, (n_tokens - 1) // 4))
    N = max(1, min(batch, (n_tokens - 1) // T))
    return N, T


def checked_ids(ids, batch: int, bptt: int) -> np.ndarray:
    """``ids`` as a 1-D integer array that fills at least one batch of ``batch`` x ``bptt``; ValueError
    otherwise (the tasks check the user's data before this: here it is a programming error)."""
    ids = np.asarray(ids)
    if ids.ndim != 1 or not np.issubdtype(ids.dtype, np.integer):
        raise ValueError(f"ids must be a 1-D integer array, got shape {ids.shape} dtype {ids.dtype}")
    if batch < 1 or bptt < 1:
        raise ValueError(f"batch and bptt must be >= 1, got batch {batch}, bptt {bptt}")
    if ids.size < needed_tokens(batch, bptt):
        raise ValueError(f"{ids.size} ids cannot fill one batch of {batch} x {bptt} (needs {batch * bptt + 1})")
    return ids


class BPTTBatcher:
    """Batches ``(x, y)`` of shape (N, T) (int32) from ``ids`` (1-D int array of at least N*T+1 ids)."""

    def __init__(self, ids: np.ndarray, batch: int, bptt: int) -> None:
        ids = checked_ids(ids, batch, bptt)
        self.ids = ids
        self.batch, self.bptt = batch, bptt
        self.size = ids.size
        self.jump = (ids.size - 1) // batch
        self.offsets = (np.arange(batch, dtype=np.int64) * self.jump)[:, None]
        self.steps = np.arange(bptt, dtype=np.int64)[None, :]
        self.batches_per_epoch = (ids.size - 1) // (batch * bptt)
        self.cursor = 0  # positions each row has advanced (the book's time_idx)

    def next(self) -> tuple[np.ndarray, np.ndarray]:
        """The next training batch ``(x, y)``, each (N, T) int32; advances the cursor by T."""
        pos = self.offsets + (self.cursor + self.steps)
        np.remainder(pos, self.size, out=pos)
        self.cursor += self.bptt
        x = self.ids.take(pos)
        pos += 1
        pos[pos == self.size] = 0
        return x, self.ids.take(pos)

    @property
    def epoch(self) -> float:
        """Epochs consumed: batches taken / batches per epoch (the book's ``max_iters``)."""
        return self.cursor / (self.bptt * self.batches_per_epoch)


class RandomWindowBatcher:
    """Batches ``(x, y)`` (N, T) of N windows at independent random places of ``ids`` (nanoGPT's
    ``get_batch``; the char-rnn race's PyTorch reference batches this way).

    Window i of a batch starts at ``o_i``, drawn uniformly from [0, len - T - 1] with ``rng``:
    ``x[i, t] = ids[o_i + t]``, ``y[i, t] = ids[o_i + t + 1]``. Windows are unrelated, so a model
    starts every batch from a zero state (the task resets it). ``cursor`` counts positions per row
    consumed, as in ``BPTTBatcher``, so an epoch means the same number of characters in both.
    """

    def __init__(self, ids: np.ndarray, batch: int, bptt: int, rng: np.random.Generator) -> None:
        ids = checked_ids(ids, batch, bptt)
        self.ids, self.rng = ids, rng
        self.batch, self.bptt = batch, bptt
        self.size = ids.size
        self.steps = np.arange(bptt + 1, dtype=np.int64)[None, :]
        self.batches_per_epoch = (ids.size - 1) // (batch * bptt)
        self.cursor = 0

    def next(self) -> tuple[np.ndarray, np.ndarray]:
        """The next training batch ``(x, y)``, each (N, T); draws N offsets from ``rng``."""
        starts = self.rng.integers(0, self.size - self.bptt, size=(self.batch, 1))  # o + T <= len - 1
        window = self.ids.take(starts + self.steps)  # (N, T + 1)
        self.cursor += self.bptt
        return window[:, :-1], window[:, 1:]

    @property
    def epoch(self) -> float:
        return self.cursor / (self.bptt * self.batches_per_epoch)


def make_batcher(ids: np.ndarray, batch: int, bptt: int, how: str, rng: np.random.Generator):
    """``how`` "sequential" (the book's stateful batches) or "random" (random windows from ``rng``)."""
    if how == "random":
        return RandomWindowBatcher(ids, batch, bptt, rng)
    if how != "sequential":
        raise ValueError(f"batching must be 'sequential' or 'random', got {how!r}")
    return BPTTBatcher(ids, batch, bptt)


def eval_shape(n_tokens: int, batch: int, bptt: int) -> tuple[int, int]:
    """(N, T) for reading a split of ``n_tokens`` ids once: the training shape, shrunk to fit short splits."""
    if n_tokens < 2:
        raise ValueError(f"a split of {n_tokens} tokens has no (input, target) pair")
    T = min(bptt, n_tokens - 1)
    N = max(1, min(batch, (n_tokens - 1) // T))
    return N, T


def eval_batches(ids: np.ndarray, batch: int, bptt: int, max_batches: int = 0):
    """Yield ``(x, y)`` batches that read ``ids`` once in the book's ``eval_perplexity`` order.

    Rows start at ``i * jump`` and advance together, so a stateful model carries its state through
    the split. ``max_batches`` 0 = all ``(len - 1) // (N * T)`` batches; otherwise the first ones.
    """
    N, T = eval_shape(ids.size, batch, bptt)
    b = BPTTBatcher(ids, N, T)
    n = b.batches_per_epoch if max_batches <= 0 else min(max_batches, b.batches_per_epoch)
    for _ in range(n):
        yield b.next()
