"""The binary adder: one recurrent layer reading two bits per step, one output bit per step.

    xs (N, 8, 2) --TimeRNN(act)--> hs (N, 8, H) --TimeAffine--> logits (N, 8, 1) --sigmoid + BCE--> loss

The carry of binary addition is the only thing the hidden state must remember; with 16 units a
sigmoid or tanh RNN learns it, a relu one often lets the recurrence blow up (the lesson of the task).
Any other cell (``layers.cells.CELLS``: an LSTM, a GRU, ...) can replace the vanilla RNN for comparison.
"""

from __future__ import annotations

import numpy as np

from ..layers.affine import TimeAffine
from ..layers.cells import make_time_layer
from ..layers.losses import TimeSigmoidWithLoss
from .base import Model
from .init import init_weight


class AdderRNN(Model):
    """Recurrent adder: ``cell`` "rnn" (vanilla, with ``activation`` "sigmoid", "tanh" or "relu") or
    any other of ``layers.cells.CELLS``, with ``hidden`` units, in implementation ``impl``.

    Parameters (named for checkpoints, G = the cell's gate blocks: 1 RNN, 4 LSTM, 3 GRU): ``rnn0.Wx``
    (2, G*H), ``rnn0.Wh`` (H, G*H), ``rnn0.b`` (G*H,) (``lstm0.*``/``gru0.*``... for the other cells,
    with any extra parameters of the cell), ``out.W`` (H, 1), ``out.b`` (1,). Weights use ``init`` ("xavier", "he" or "normal" with ``init_std``); biases
    start at zero.
    forward(xs (N, 8, 2) float, ts (N, 8, 1) 0/1) -> mean loss per bit;  backward() fills ``grads``.
    After forward, ``probs`` (N, 8, 1) holds P(bit = 1).
    """

    def __init__(self, rng: np.random.Generator, hidden: int = 16, activation: str = "sigmoid",
                 init: str = "xavier", init_std: float = 0.01, dtype=np.float32, in_bits: int = 2,
                 cell: str = "rnn", impl: str = "fast"):
        super().__init__()
        H, dt = hidden, np.dtype(dtype)
        self.rnn = make_time_layer(cell, in_bits, H, lambda shape: init_weight(rng, shape, init, init_std, dt),
                                   impl=impl, dtype=dt, activation=activation)
        self.cell, self.impl = cell, impl
        self.affine = TimeAffine(init_weight(rng, (H, 1), init, init_std, dt), np.zeros(1, dtype=dt))
        self.affine.param_names = ["W", "b"]
        self.loss_layer = TimeSigmoidWithLoss()
        self.layers = [(f"{cell}0", self.rnn), ("out", self.affine)]
        self.finalize()

    @property
    def probs(self) -> np.ndarray | None:
        return self.loss_layer.probs

    def logits(self, xs: np.ndarray) -> np.ndarray:
        """xs (N, 8, 2) -> logits (N, 8, 1) (no loss: for evaluation and display)."""
        return self.affine.forward(self.rnn.forward(xs))

    def forward(self, xs: np.ndarray, ts: np.ndarray) -> float:
        return self.loss_layer.forward(self.logits(xs), ts)

    def backward(self, dout: float = 1.0) -> None:
        dlogits = self.loss_layer.backward(dout)
        self.rnn.backward(self.affine.backward(dlogits))
