"""The peephole LSTM (Gers and Schmidhuber, 2000): an LSTM whose gates also look at the cell state.

The book's LSTM decides its gates from x and h_prev only. Here each gate also sees the memory
itself, through one weight per unit (a "peephole"): f and i peep at c_prev, o at the new c_next.
The blocks of Wx (D, 4H), Wh (H, 4H) and b (4H,) are [f, g, i, o] as in ``lstm.py``; the peephole
weights p_f, p_i, p_o are (H,) vectors, zero at the start (the cell then starts as the book's LSTM).
"""

from __future__ import annotations

import numpy as np

from rnn_lab.engine.functions import sigmoid
from rnn_lab.engine.i18n import QT_TRANSLATE_NOOP

from .recurrent import Cell, Gate, TimeRecurrent, block_terms


class PeepholeLSTM(Cell):
    """One step of the peephole LSTM: x (N, D), h_prev and c_prev (N, H)."""

    name = "peephole"
    title = QT_TRANSLATE_NOOP("engine", "Peephole LSTM")
    about = QT_TRANSLATE_NOOP("engine", "an LSTM whose gates also see the cell state (Gers and "
                              "Schmidhuber, 2000)")
    gates = (Gate("f", "sigmoid", QT_TRANSLATE_NOOP("engine", "forget gate")),
             Gate("g", "tanh", QT_TRANSLATE_NOOP("engine", "new content")),
             Gate("i", "sigmoid", QT_TRANSLATE_NOOP("engine", "input gate")),
             Gate("o", "sigmoid", QT_TRANSLATE_NOOP("engine", "output gate")))
    has_cell = True
    extra_params = ("p_f", "p_i", "p_o")
    cache_floats = (3, 20)  # an LSTM's, and the coefficient of dc_{t-1} the peepholes change
    forward_floats = (2, 12)  # an LSTM's

    def forward(self, x, h_prev, c_prev):
        Wx, Wh, b, p_f, p_i, p_o = self.params
        H = h_prev.shape[1]
        A = x @ Wx + h_prev @ Wh + b  # (N, 4H)

        f = sigmoid(A[:, :H] + p_f * c_prev)  # the forget gate peeps at c_prev
        g = np.tanh(A[:, H:2 * H])
        i = sigmoid(A[:, 2 * H:3 * H] + p_i * c_prev)  # so does the input gate
        c_next = f * c_prev + g * i
        o = sigmoid(A[:, 3 * H:] + p_o * c_next)  # the output gate peeps at the new c_next
        h_next = o * np.tanh(c_next)

        self.cache = (x, h_prev, c_prev, f, g, i, o, c_next)
        return h_next, c_next

    def backward(self, dh_next, dc_next):
        Wx, Wh, b, p_f, p_i, p_o = self.params
        x, h_prev, c_prev, f, g, i, o, c_next = self.cache
        tanh_c_next = np.tanh(c_next)

        do = dh_next * tanh_c_next * o * (1 - o)  # into o's pre-activation
        ds = dc_next + (dh_next * o) * (1 - tanh_c_next**2) + do * p_o  # into c_next, o's peephole too
        df = ds * c_prev * f * (1 - f)
        dg = ds * i * (1 - g**2)
        di = ds * g * i * (1 - i)
        dc_prev = ds * f + df * p_f + di * p_i  # through the memory and the two peepholes

        dA = np.hstack((df, dg, di, do))  # (N, 4H)
        dWx = x.T @ dA  # (D, 4H)
        dWh = h_prev.T @ dA  # (H, 4H)
        db = dA.sum(axis=0)  # (4H,)
        dp_f = (df * c_prev).sum(axis=0)  # (H,) each
        dp_i = (di * c_prev).sum(axis=0)
        dp_o = (do * c_next).sum(axis=0)
        dx = dA @ Wx.T  # (N, D)
        dh_prev = dA @ Wh.T  # (N, H)
        self.grads = [dWx, dWh, db, dp_f, dp_i, dp_o]
        return dx, dh_prev, dc_prev

    def values(self):
        x, h_prev, c_prev, f, g, i, o, c_next = self.cache
        return {"c": c_next, "f": f, "g": g, "i": i, "o": o}

    def equations(self):
        Wx, Wh, b, p_f, p_i, p_o = self.params
        x, h_prev, c_prev, f, g, i, o, c_next = self.cache
        zero = np.zeros_like(c_prev)  # g has no peephole
        peep = np.hstack((p_f * c_prev, zero, p_i * c_prev, p_o * c_next))
        return {"h_prev": h_prev, "c_prev": c_prev,
                **block_terms(self.blocks(), xWx=x @ Wx, hWh=h_prev @ Wh, b=b, peep=peep)}

    def gradients(self, dh_next, dc_next):
        Wx, Wh, b, p_f, p_i, p_o = self.params
        x, h_prev, c_prev, f, g, i, o, c_next = self.cache
        tanh_c_next = np.tanh(c_next)
        do = dh_next * tanh_c_next * o * (1 - o)  # as in backward
        dc_local = (dh_next * o) * (1 - tanh_c_next**2) + do * p_o  # through h_t, o's peephole too
        ds = dc_next + dc_local
        df = ds * c_prev * f * (1 - f)
        di = ds * g * i * (1 - i)
        return {"dc_local": dc_local, "dc": ds, "dc_prev_f": ds * f, "dc_prev": ds * f + df * p_f + di * p_i}


class TimePeepholeLSTM(TimeRecurrent):
    """Peephole LSTM over (N, T, D) -> (N, T, H).
    ``params = [Wx (D, 4H), Wh (H, 4H), b (4H,), p_f (H,), p_i (H,), p_o (H,)]``.

    Trace (when ``record``): "h", "c", "f", "g", "i", "o" (N, T, H); after backward "dh_norm" (N, T).
    """

    cell = PeepholeLSTM
