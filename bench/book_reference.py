"""The plain per-timestep NumPy formulation of the book's Rnnlm, for speed comparison only.

Written for this benchmark in the style of the book's ``common/time_layers.py``: one small layer
object per timestep, the input projection computed inside the time loop, ``np.add.at`` in the
embedding's backward. It is what RNN Lab's engine is measured against ("at least 2.5x the plain
per-timestep NumPy formulation"); it is not used by the app.
"""

from __future__ import annotations

import numpy as np


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


class LSTMCell:
    def __init__(self, Wx, Wh, b):
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]

    def forward(self, x, h_prev, c_prev):
        Wx, Wh, b = self.params
        H = h_prev.shape[1]
        A = x @ Wx + h_prev @ Wh + b
        f, g, i, o = _sigmoid(A[:, :H]), np.tanh(A[:, H:2 * H]), _sigmoid(A[:, 2 * H:3 * H]), _sigmoid(A[:, 3 * H:])
        c = f * c_prev + g * i
        h = o * np.tanh(c)
        self.cache = (x, h_prev, c_prev, i, f, g, o, c)
        return h, c

    def backward(self, dh, dc):
        Wx, Wh, b = self.params
        x, h_prev, c_prev, i, f, g, o, c = self.cache
        tc = np.tanh(c)
        ds = dc + dh * o * (1 - tc**2)
        dA = np.hstack((ds * c_prev * f * (1 - f), ds * i * (1 - g**2), ds * g * i * (1 - i), dh * tc * o * (1 - o)))
        self.grads[0][...] = x.T @ dA
        self.grads[1][...] = h_prev.T @ dA
        self.grads[2][...] = dA.sum(axis=0)
        return dA @ Wx.T, dA @ Wh.T, ds * f


class BookRnnlm:
    """Embedding -> LSTM -> Affine -> softmax loss with per-timestep objects (the book's structure)."""

    def __init__(self, V, D, H, rng, dtype=np.float32):
        self.embed_W = (rng.standard_normal((V, D)) / 100).astype(dtype)
        self.Wx = (rng.standard_normal((D, 4 * H)) / np.sqrt(D)).astype(dtype)
        self.Wh = (rng.standard_normal((H, 4 * H)) / np.sqrt(H)).astype(dtype)
        self.b = np.zeros(4 * H, dtype)
        self.aW = (rng.standard_normal((H, V)) / np.sqrt(H)).astype(dtype)
        self.ab = np.zeros(V, dtype)
        self.params = [self.embed_W, self.Wx, self.Wh, self.b, self.aW, self.ab]
        self.grads = [np.zeros_like(p) for p in self.params]
        self.h = self.c = None

    def forward(self, xs, ts):
        N, T = xs.shape
        H = self.Wh.shape[0]
        self.xs = xs
        self.emb = [self.embed_W[xs[:, t]] for t in range(T)]  # one Embedding object per step in the book
        if self.h is None:
            self.h = np.zeros((N, H), self.Wx.dtype)
            self.c = np.zeros((N, H), self.Wx.dtype)
        self.cells, hs = [], np.empty((N, T, H), self.Wx.dtype)
        for t in range(T):
            cell = LSTMCell(self.Wx, self.Wh, self.b)
            self.h, self.c = cell.forward(self.emb[t], self.h, self.c)
            hs[:, t] = self.h
            self.cells.append(cell)
        self.hs = hs
        scores = hs.reshape(N * T, H) @ self.aW + self.ab
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        self.p, self.ts = p, ts.reshape(-1)
        return float(-np.log(p[np.arange(N * T), self.ts] + 1e-7).mean())

    def backward(self):
        N, T = self.xs.shape
        H = self.Wh.shape[0]
        dscore = self.p.copy()
        dscore[np.arange(N * T), self.ts] -= 1
        dscore /= N * T
        for g in self.grads:
            g[...] = 0
        self.grads[4][...] = self.hs.reshape(N * T, H).T @ dscore
        self.grads[5][...] = dscore.sum(axis=0)
        dhs = (dscore @ self.aW.T).reshape(N, T, H)
        dh = np.zeros((N, H), self.Wx.dtype)
        dc = np.zeros_like(dh)
        for t in reversed(range(T)):
            cell = self.cells[t]
            dx, dh, dc = cell.backward(dhs[:, t] + dh, dc)
            for k in range(3):
                self.grads[1 + k] += cell.grads[k]
            np.add.at(self.grads[0], self.xs[:, t], dx)


def clip_grads(grads, max_norm):
    total = np.sqrt(sum(float(np.sum(g**2)) for g in grads))
    rate = max_norm / (total + 1e-6)
    if rate < 1:
        for g in grads:
            g *= rate


def sgd_step(model, xs, ts, lr=20.0, clip=0.25):
    loss = model.forward(xs, ts)
    model.backward()
    clip_grads(model.grads, clip)
    for p, g in zip(model.params, model.grads):
        p -= lr * g
    return loss
