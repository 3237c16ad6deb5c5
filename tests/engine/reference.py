"""A slow, plain float64 reference of the recurrent cells, written the book's way, for tests.

One cell object per timestep, each caching its own inputs; straightforward formulas with no
buffers, no fused gates tricks and no shared code with ``engine/layers``. The engine's fused
layers are compared against it (outputs, every gradient, initial-state gradients, traces).

    ref = ReferenceRecurrent("lstm", [Wx, Wh, b, p_f, p_i, p_o])
    hs = ref.forward(xs, h0, c0)      # (N, T, H)
    dxs = ref.backward(dhs)           # ref.grads, ref.dh0, ref.dc0, ref.dh_norm, ref.trace
"""

from __future__ import annotations

import numpy as np


def sigmoid(x):
    """Two-branch logistic function on exp(-|x|) (a different formula from the engine's tanh form)."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


class RNNCell:
    def __init__(self, Wx, Wh, b, activation):
        self.Wx, self.Wh, self.b, self.activation = Wx, Wh, b, activation

    def forward(self, x, h_prev):
        a = x @ self.Wx + h_prev @ self.Wh + self.b
        if self.activation == "tanh":
            h = np.tanh(a)
        elif self.activation == "sigmoid":
            h = sigmoid(a)
        else:
            h = np.where(a > 0, a, 0.0)
        self.cache = (x, h_prev, a, h)
        return h

    def backward(self, dh):
        x, h_prev, a, h = self.cache
        if self.activation == "tanh":
            da = dh * (1 - h**2)
        elif self.activation == "sigmoid":
            da = dh * h * (1 - h)
        else:
            da = dh * (a > 0)
        grads = [x.T @ da, h_prev.T @ da, da.sum(axis=0)]
        return da @ self.Wx.T, da @ self.Wh.T, grads


class LSTMCell:
    def __init__(self, Wx, Wh, b, peephole=None):
        self.Wx, self.Wh, self.b, self.peephole = Wx, Wh, b, peephole

    def forward(self, x, h_prev, c_prev):
        H = h_prev.shape[1]
        A = x @ self.Wx + h_prev @ self.Wh + self.b
        a_f, a_g, a_i, a_o = A[:, :H], A[:, H : 2 * H], A[:, 2 * H : 3 * H], A[:, 3 * H :]
        if self.peephole is not None:
            p_f, p_i, p_o = self.peephole
            a_f = a_f + p_f * c_prev
            a_i = a_i + p_i * c_prev
        f = sigmoid(a_f)
        g = np.tanh(a_g)
        i = sigmoid(a_i)
        c = f * c_prev + g * i
        if self.peephole is not None:
            a_o = a_o + p_o * c
        o = sigmoid(a_o)
        h = o * np.tanh(c)
        self.cache = (x, h_prev, c_prev, f, g, i, o, c)
        return h, c

    def backward(self, dh, dc):
        x, h_prev, c_prev, f, g, i, o, c = self.cache
        tanh_c = np.tanh(c)
        do = dh * tanh_c
        da_o = do * o * (1 - o)
        ds = dc + dh * o * (1 - tanh_c**2)
        if self.peephole is not None:
            ds = ds + da_o * self.peephole[2]
        da_f = ds * c_prev * f * (1 - f)
        da_g = ds * i * (1 - g**2)
        da_i = ds * g * i * (1 - i)
        dc_prev = ds * f
        extra = []
        if self.peephole is not None:
            p_f, p_i, _ = self.peephole
            dc_prev = dc_prev + da_f * p_f + da_i * p_i
            extra = [(da_f * c_prev).sum(0), (da_i * c_prev).sum(0), (da_o * c).sum(0)]
        dA = np.hstack([da_f, da_g, da_i, da_o])
        grads = [x.T @ dA, h_prev.T @ dA, dA.sum(axis=0), *extra]
        return dA @ self.Wx.T, dA @ self.Wh.T, dc_prev, grads


class GRUCell:
    def __init__(self, Wx, Wh, b):
        self.Wx, self.Wh, self.b = Wx, Wh, b

    def forward(self, x, h_prev):
        H = h_prev.shape[1]
        Wx, Wh, b = self.Wx, self.Wh, self.b
        z = sigmoid(x @ Wx[:, :H] + h_prev @ Wh[:, :H] + b[:H])
        r = sigmoid(x @ Wx[:, H : 2 * H] + h_prev @ Wh[:, H : 2 * H] + b[H : 2 * H])
        h_tilde = np.tanh(x @ Wx[:, 2 * H :] + (r * h_prev) @ Wh[:, 2 * H :] + b[2 * H :])
        h = (1 - z) * h_prev + z * h_tilde
        self.cache = (x, h_prev, z, r, h_tilde)
        return h

    def backward(self, dh):
        x, h_prev, z, r, h_tilde = self.cache
        H = h_prev.shape[1]
        Wh_z, Wh_r, Wh_h = self.Wh[:, :H], self.Wh[:, H : 2 * H], self.Wh[:, 2 * H :]
        dh_tilde = dh * z
        dz = dh * (h_tilde - h_prev)
        dh_prev = dh * (1 - z)
        da_h = dh_tilde * (1 - h_tilde**2)
        d_rh = da_h @ Wh_h.T
        dr = d_rh * h_prev
        dh_prev = dh_prev + d_rh * r
        da_z = dz * z * (1 - z)
        da_r = dr * r * (1 - r)
        dh_prev = dh_prev + da_z @ Wh_z.T + da_r @ Wh_r.T
        dWh = np.hstack([h_prev.T @ da_z, h_prev.T @ da_r, (r * h_prev).T @ da_h])
        dA = np.hstack([da_z, da_r, da_h])
        grads = [x.T @ dA, dWh, dA.sum(axis=0)]
        return dA @ self.Wx.T, dh_prev, grads


class ReferenceRecurrent:
    """Runs one cell per timestep. kind: "rnn", "lstm" or "gru"; params as the engine's layers."""

    def __init__(self, kind, params, activation="tanh"):
        self.kind = kind
        self.params = [np.asarray(p, dtype=np.float64) for p in params]
        self.activation = activation

    def _cell(self):
        Wx, Wh, b, *peephole = self.params
        if self.kind == "rnn":
            return RNNCell(Wx, Wh, b, self.activation)
        if self.kind == "gru":
            return GRUCell(Wx, Wh, b)
        return LSTMCell(Wx, Wh, b, peephole or None)

    def forward(self, xs, h0=None, c0=None):
        xs = np.asarray(xs, dtype=np.float64)
        N, T, _ = xs.shape
        H = self.params[1].shape[0]
        h = np.zeros((N, H)) if h0 is None else np.asarray(h0, dtype=np.float64)
        c = np.zeros((N, H)) if c0 is None else np.asarray(c0, dtype=np.float64)
        self.cells, hs, trace = [], [], {}
        for t in range(T):
            cell = self._cell()
            if self.kind == "lstm":
                h, c = cell.forward(xs[:, t], h, c)
                _, _, _, f, g, i, o, _ = cell.cache
                for name, value in zip("cfgio", (c, f, g, i, o)):
                    trace.setdefault(name, []).append(value)
            else:
                h = cell.forward(xs[:, t], h)
                if self.kind == "gru":
                    _, _, z, r, h_tilde = cell.cache
                    for name, value in zip(("z", "r", "h_tilde"), (z, r, h_tilde)):
                        trace.setdefault(name, []).append(value)
            self.cells.append(cell)
            hs.append(h)
        trace["h"] = hs
        self.trace = {k: np.stack(v, axis=1) for k, v in trace.items()}
        self.h, self.c = h, c
        return np.stack(hs, axis=1)

    def backward(self, dhs):
        dhs = np.asarray(dhs, dtype=np.float64)
        N, T, H = dhs.shape
        self.grads = [np.zeros_like(p) for p in self.params]
        dxs = np.zeros((N, T, self.params[0].shape[0]))
        dh_next, dc = np.zeros((N, H)), np.zeros((N, H))
        self.dh_norm = np.zeros((N, T))
        for t in reversed(range(T)):
            dh = dhs[:, t] + dh_next
            self.dh_norm[:, t] = np.sqrt((dh**2).sum(axis=1))
            if self.kind == "lstm":
                dx, dh_next, dc, grads = self.cells[t].backward(dh, dc)
            else:
                dx, dh_next, grads = self.cells[t].backward(dh)
            dxs[:, t] = dx
            for total, g in zip(self.grads, grads):
                total += g
        self.dh0, self.dc0 = dh_next, dc
        return dxs


def random_params(kind, D, H, rng, dtype=np.float64, peephole=False, scale=0.5):
    """Random [Wx, Wh, b(, p_f, p_i, p_o)] for kind "rnn", "gru" or "lstm"."""
    gates = {"rnn": 1, "gru": 3, "lstm": 4}[kind]
    shapes = [(D, gates * H), (H, gates * H), (gates * H,)] + ([(H,)] * 3 if peephole else [])
    return [(rng.standard_normal(s) * scale).astype(dtype) for s in shapes]
