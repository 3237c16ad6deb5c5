"""The LSTM of the book's chapter 6: one cell, ``LSTM``, and its Time layer, ``TimeLSTM``.

The four gate blocks of Wx (D, 4H), Wh (H, 4H) and b (4H,) are [f, g, i, o], as in the book.
A faster version of TimeLSTM (same numbers) is ``layers/fast/lstm.py``.
"""

from __future__ import annotations

import numpy as np

from rnn_lab.engine.functions import sigmoid
from rnn_lab.engine.i18n import QT_TRANSLATE_NOOP

from .recurrent import Cell, Gate, TimeRecurrent, block_terms


class LSTM(Cell):
    """One step of the LSTM (the book's ``LSTM``): x (N, D), h_prev and c_prev (N, H)."""

    name = "lstm"
    title = QT_TRANSLATE_NOOP("engine", "LSTM")
    about = QT_TRANSLATE_NOOP("engine", "the long short-term memory of the book's chapter 6: gates "
                              "f, i, o and a cell state c")
    gates = (Gate("f", "sigmoid", QT_TRANSLATE_NOOP("engine", "forget gate")),
             Gate("g", "tanh", QT_TRANSLATE_NOOP("engine", "new content")),
             Gate("i", "sigmoid", QT_TRANSLATE_NOOP("engine", "input gate")),
             Gate("o", "sigmoid", QT_TRANSLATE_NOOP("engine", "output gate")))
    has_cell = True
    cache_floats = (3, 19)  # the base 3 D + 12 H (see Cell); c and the gates (5H), tanh c, one coefficient
    forward_floats = (2, 11)  # the base 2 D + 3 H; c and the gates (5H), tanh c; 2 H more, measured (an adder LSTM 512)

    def forward(self, x, h_prev, c_prev):
        Wx, Wh, b = self.params
        H = h_prev.shape[1]
        A = x @ Wx + h_prev @ Wh + b  # (N, 4H): the four blocks side by side

        f = sigmoid(A[:, :H])  # forget gate: how much of c_prev to keep
        g = np.tanh(A[:, H:2 * H])  # new content
        i = sigmoid(A[:, 2 * H:3 * H])  # input gate: how much of g to write
        o = sigmoid(A[:, 3 * H:])  # output gate: how much of the memory to show

        c_next = f * c_prev + g * i
        h_next = o * np.tanh(c_next)

        self.cache = (x, h_prev, c_prev, f, g, i, o, c_next)
        return h_next, c_next

    def backward(self, dh_next, dc_next):
        Wx, Wh, b = self.params
        x, h_prev, c_prev, f, g, i, o, c_next = self.cache
        tanh_c_next = np.tanh(c_next)

        ds = dc_next + (dh_next * o) * (1 - tanh_c_next**2)  # everything that reaches c_next
        dc_prev = ds * f

        df = ds * c_prev
        dg = ds * i
        di = ds * g
        do = dh_next * tanh_c_next

        df *= f * (1 - f)  # back through the sigmoids and the tanh
        dg *= 1 - g**2
        di *= i * (1 - i)
        do *= o * (1 - o)

        dA = np.hstack((df, dg, di, do))  # (N, 4H)
        dWx = x.T @ dA  # (D, 4H)
        dWh = h_prev.T @ dA  # (H, 4H)
        db = dA.sum(axis=0)  # (4H,)
        dx = dA @ Wx.T  # (N, D)
        dh_prev = dA @ Wh.T  # (N, H)
        self.grads = [dWx, dWh, db]
        return dx, dh_prev, dc_prev

    def values(self):
        x, h_prev, c_prev, f, g, i, o, c_next = self.cache
        return {"c": c_next, "f": f, "g": g, "i": i, "o": o}

    def equations(self):
        Wx, Wh, b = self.params
        x, h_prev, c_prev, f, g, i, o, c_next = self.cache
        return {"h_prev": h_prev, "c_prev": c_prev, **block_terms(self.blocks(), xWx=x @ Wx, hWh=h_prev @ Wh, b=b)}

    def gradients(self, dh_next, dc_next):
        x, h_prev, c_prev, f, g, i, o, c_next = self.cache
        dc_local = (dh_next * o) * (1 - np.tanh(c_next)**2)  # through h_t = o * tanh(c_t)
        ds = dc_next + dc_local  # dL/dc_t: from step t+1 (the memory) and through h_t, as in backward
        return {"dc_local": dc_local, "dc": ds, "dc_prev": ds * f}  # the forget gate passes ds * f back


class TimeLSTM(TimeRecurrent):
    """LSTM over (N, T, D) -> (N, T, H). ``params = [Wx (D, 4H), Wh (H, 4H), b (4H,)]``.

    Trace (when ``record``): "h", "c", "f", "g", "i", "o" (N, T, H); after backward "dh_norm" (N, T).
    """

    cell = LSTM
