"""The plain (Elman) RNN of the book's chapter 5: one cell, ``RNN``, and its Time layer, ``TimeRNN``.

    h_next = tanh(x Wx + h_prev Wh + b)           x (N, D), h (N, H), Wx (D, H), Wh (H, H), b (H,)

The activation may also be sigmoid or relu (the binary adder compares them); tanh is the book's.
A faster version of TimeRNN (same numbers) is ``layers/fast/rnn.py``.
"""

from __future__ import annotations

import numpy as np

from rnn_lab.engine.functions import sigmoid
from rnn_lab.engine.i18n import QT_TRANSLATE_NOOP

from .recurrent import Cell, TimeRecurrent, block_terms

# name -> (the activation f, its derivative written with the output h = f(a))
ACTIVATIONS = {
    "tanh": (np.tanh, lambda h: 1 - h**2),
    "sigmoid": (sigmoid, lambda h: h * (1 - h)),
    "relu": (lambda a: np.maximum(a, 0), lambda h: (h > 0).astype(h.dtype)),
}


class RNN(Cell):
    """One step of the plain RNN (the book's ``RNN``). ``activation``: "tanh" (the book's), "sigmoid", "relu"."""

    name = "rnn"
    title = QT_TRANSLATE_NOOP("engine", "RNN")
    about = QT_TRANSLATE_NOOP("engine", "the plain recurrent cell of the book's chapter 5: h = "
                              "tanh(x Wx + h_prev Wh + b)")
    options = ("activation",)

    def __init__(self, Wx, Wh, b, activation: str = "tanh"):
        super().__init__(Wx, Wh, b)
        self.act, self.act_grad = ACTIVATIONS[activation]

    def forward(self, x, h_prev):
        Wx, Wh, b = self.params
        a = x @ Wx + h_prev @ Wh + b  # (N, H)
        h_next = self.act(a)  # np.tanh(a) in the book
        self.cache = (x, h_prev, h_next)
        return h_next

    def backward(self, dh_next):
        Wx, Wh, b = self.params
        x, h_prev, h_next = self.cache
        da = dh_next * self.act_grad(h_next)  # tanh: dh_next * (1 - h_next ** 2)
        dWx = x.T @ da  # (D, H)
        dWh = h_prev.T @ da  # (H, H)
        db = da.sum(axis=0)  # (H,)
        dx = da @ Wx.T  # (N, D)
        dh_prev = da @ Wh.T  # (N, H)
        self.grads = [dWx, dWh, db]
        return dx, dh_prev

    def equations(self):
        Wx, Wh, b = self.params
        x, h_prev, h_next = self.cache
        return {"h_prev": h_prev, **block_terms(("h",), xWx=x @ Wx, hWh=h_prev @ Wh, b=b)}

    def gradients(self, dh_next, dc_next=None):
        x, h_prev, h_next = self.cache
        return {"act_grad": self.act_grad(h_next), "da": dh_next * self.act_grad(h_next)}  # as in backward


class TimeRNN(TimeRecurrent):
    """RNN over (N, T, D) -> (N, T, H). ``params = [Wx (D, H), Wh (H, H), b (H,)]``.

    Trace (when ``record``): "h" (N, T, H); after backward "dh_norm" (N, T).
    """

    cell = RNN

    def __init__(self, Wx, Wh, b, stateful: bool = False, activation: str = "tanh"):
        check_activation(type(self).__name__, activation)
        super().__init__(Wx, Wh, b, stateful=stateful)
        self.activation = activation
        self.cell_options = {"activation": activation}


def check_activation(layer: str, activation: str) -> None:
    if activation not in ACTIVATIONS:
        raise ValueError(f"{layer}: activation must be one of {sorted(ACTIVATIONS)}, got {activation!r}")
