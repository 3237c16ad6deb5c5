"""A run that diverges without a NaN: the loss far above what guessing uniformly would give, for a while.

A model that predicts every one of V tokens with probability 1/V has a cross-entropy of ln V nats per
token (ln 2 per bit for the adder): the loss any fresh model starts near, and that training only
lowers. SGD with a huge learning rate and no clipping can throw the weights where the loss is tens of
times that (perplexity 1e45) and stays there without ever overflowing to NaN. Such a run is diverged:
``runaway`` says so when the last ``RUNAWAY_STEPS`` recorded losses are all above ``RUNAWAY_FACTOR``
times ln V. (Healthy runs stay near or below ln V: the task defaults and all five lessons measured at
most 1.07 ln V over their first 300 steps, a char LSTM initialised with std 1.0 peaked at 2.7 ln V and
came down; a relu RNN's single spikes far above the line are not a stretch. tests/engine/test_divergence.py
checks two lessons.)

The decision reads the curves the trainer records (which a checkpoint stores), not a counter of its
own, so a resumed run diverges exactly where the uninterrupted one would.
"""

from __future__ import annotations

import math

import numpy as np

from .i18n import QT_TRANSLATE_NOOP, Sentence

RUNAWAY_FACTOR = 3.0  # losses above 3 ln V ...
RUNAWAY_STEPS = 50  # ... at every one of the last 50 recorded steps
VOCABULARY_TASKS = ("char", "lm", "seq2seq")  # losses: cross-entropy per token of data_info()["vocab"]


def uniform_loss(task) -> float | None:
    """ln V: the loss of a uniform guess over the task's V output tokens (ln 2 per bit for the adder);
    None when the task's loss is not a cross-entropy over a vocabulary (nothing to compare with)."""
    if task.name == "adder":
        return math.log(2.0)
    if task.name not in VOCABULARY_TASKS:
        return None
    vocab = (task.data_info() or {}).get("vocab")
    if not vocab or len(vocab) < 2:
        return None
    return math.log(len(vocab))


def far_above(loss: float, baseline: float | None) -> bool:
    """The loss of one step is far above the uniform baseline."""
    return baseline is not None and loss > RUNAWAY_FACTOR * baseline


def runaway(recent_losses: np.ndarray, loss: float, baseline: float | None) -> bool:
    """True when ``loss`` (this step's) and the ``RUNAWAY_STEPS - 1`` losses recorded before it are all
    far above ``baseline``. ``recent_losses``: the recorded losses, oldest first (any length)."""
    if not far_above(loss, baseline):
        return False
    before = np.asarray(recent_losses, dtype=np.float64)[-(RUNAWAY_STEPS - 1):]
    return before.size == RUNAWAY_STEPS - 1 and bool((before > RUNAWAY_FACTOR * baseline).all())


def describe(loss: float, baseline: float) -> Sentence:
    """The reason, in words, for the divergence message."""
    return Sentence(QT_TRANSLATE_NOOP("engine", "the loss stayed above {factor:g} × ln V = {limit:.3g} (a uniform "
                                      "guess scores ln V = {baseline:.3g}) for {steps:d} steps, reaching {loss:.4g}"),
                    factor=RUNAWAY_FACTOR, limit=RUNAWAY_FACTOR * baseline, baseline=baseline, steps=RUNAWAY_STEPS,
                    loss=loss)
