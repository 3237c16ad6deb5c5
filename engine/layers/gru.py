"""The gated recurrent unit of the book's appendix: one cell, ``GRU``, and its Time layer, ``TimeGRU``.

The three blocks of Wx (D, 3H), Wh (H, 3H) and b (3H,) are [z, r, h~] (update gate, reset gate,
candidate). A faster version of TimeGRU (same numbers) is ``layers/fast/gru.py``.
"""

from __future__ import annotations

import numpy as np

from rnn_lab.engine.functions import sigmoid
from rnn_lab.engine.i18n import QT_TRANSLATE_NOOP

from .recurrent import Cell, Gate, TimeRecurrent, block_terms


class GRU(Cell):
    """One step of the GRU (the book's ``GRU``): x (N, D), h_prev (N, H)."""

    name = "gru"
    title = QT_TRANSLATE_NOOP("engine", "GRU")
    about = QT_TRANSLATE_NOOP("engine", "the gated recurrent unit of the book's appendix: update "
                              "gate z, reset gate r, no cell state")
    cache_floats = (3, 16)  # the base 3 D + 10 H (see Cell); the gates (3H), r*h as planes and rows, 1 - z
    forward_floats = (2, 9)  # the base 2 D + 3 H; the gates (3H), r*h; 2 H more, as the LSTM's
    gates = (Gate("z", "sigmoid", QT_TRANSLATE_NOOP("engine", "update gate")),
             Gate("r", "sigmoid", QT_TRANSLATE_NOOP("engine", "reset gate")),
             Gate("h_tilde", "tanh", QT_TRANSLATE_NOOP("engine", "candidate state")))

    def forward(self, x, h_prev):
        Wx, Wh, b = self.params
        H = h_prev.shape[1]
        Wxz, Wxr, Wxh = Wx[:, :H], Wx[:, H:2 * H], Wx[:, 2 * H:]
        Whz, Whr, Whh = Wh[:, :H], Wh[:, H:2 * H], Wh[:, 2 * H:]
        bz, br, bh = b[:H], b[H:2 * H], b[2 * H:]

        z = sigmoid(x @ Wxz + h_prev @ Whz + bz)  # update gate: how much of h_tilde to take
        r = sigmoid(x @ Wxr + h_prev @ Whr + br)  # reset gate: how much of h_prev the candidate sees
        h_tilde = np.tanh(x @ Wxh + (r * h_prev) @ Whh + bh)  # candidate state
        h_next = (1 - z) * h_prev + z * h_tilde

        self.cache = (x, h_prev, z, r, h_tilde)
        return h_next

    def backward(self, dh_next):
        Wx, Wh, b = self.params
        x, h_prev, z, r, h_tilde = self.cache
        H = h_prev.shape[1]
        Whz, Whr, Whh = Wh[:, :H], Wh[:, H:2 * H], Wh[:, 2 * H:]

        dh_tilde = dh_next * z
        dh_prev = dh_next * (1 - z)

        dah = dh_tilde * (1 - h_tilde**2)  # back through the candidate's tanh
        drh = dah @ Whh.T  # into r * h_prev
        dh_prev += drh * r

        dz = dh_next * (h_tilde - h_prev)
        daz = dz * z * (1 - z)  # back through the update gate's sigmoid
        dr = drh * h_prev
        dar = dr * r * (1 - r)  # back through the reset gate's sigmoid
        dh_prev += daz @ Whz.T + dar @ Whr.T

        dA = np.hstack((daz, dar, dah))  # (N, 3H)
        dWx = x.T @ dA  # (D, 3H)
        dWh = np.hstack((h_prev.T @ daz, h_prev.T @ dar, (r * h_prev).T @ dah))  # (H, 3H)
        db = dA.sum(axis=0)  # (3H,)
        dx = dA @ Wx.T  # (N, D)
        self.grads = [dWx, dWh, db]
        return dx, dh_prev

    def values(self):
        x, h_prev, z, r, h_tilde = self.cache
        return {"z": z, "r": r, "h_tilde": h_tilde}

    def equations(self):
        Wx, Wh, b = self.params
        x, h_prev, z, r, h_tilde = self.cache
        H = h_prev.shape[1]
        hWh = np.hstack((h_prev @ Wh[:, :2 * H], (r * h_prev) @ Wh[:, 2 * H:]))  # the candidate sees r * h_prev
        return {"h_prev": h_prev, **block_terms(self.blocks(), xWx=x @ Wx, hWh=hWh, b=b)}

    def gradients(self, dh_next, dc_next=None):
        x, h_prev, z, r, h_tilde = self.cache
        return {"dh_prev_direct": dh_next * (1 - z)}  # straight to h_{t-1}, past every weight


class TimeGRU(TimeRecurrent):
    """GRU over (N, T, D) -> (N, T, H). ``params = [Wx (D, 3H), Wh (H, 3H), b (3H,)]``.

    Trace (when ``record``): "h", "z", "r", "h_tilde" (N, T, H); after backward "dh_norm" (N, T).
    """

    cell = GRU
