"""FastTimeLSTM (and FastTimePeepholeLSTM): the numbers of ``layers/lstm.py``'s TimeLSTM (and of
``layers/peephole_lstm.py``), computed with fused buffers.

Read ``layers/lstm.py`` first: it is the book's LSTM, one line per equation. This file computes the
same thing for speed (``fast/base.py`` says how the buffers work). Per step, with A the four blocks
[a_f, a_g, a_i, a_o] of x_t Wx + h_{t-1} Wh + b (and p_* only with peepholes):

    f   = sigmoid(a_f + p_f * c_{t-1})     g = tanh(a_g)     i = sigmoid(a_i + p_i * c_{t-1})
    c_t = f * c_{t-1} + g * i
    o   = sigmoid(a_o + p_o * c_t)         h_t = o * tanh(c_t)

Backward, with dh = dh_t (total: from the output at t and from step t+1), dc = gradient into c_t
from step t+1, all products elementwise:

    da_o = dh * tanh(c_t) * o(1-o)                                  =: dh * Q
    ds   = dc + dh * o * (1 - tanh(c_t)^2) + da_o * p_o             =: dc + dh * K
    da_f = ds * c_{t-1} * f(1-f),  da_g = ds * i * (1-g^2),  da_i = ds * g * i(1-i)   =: ds * M
    dc_{t-1} = ds * f + da_f * p_f + da_i * p_i                     =: ds * F
    dh_{t-1} = [da_f, da_g, da_i, da_o] Wh^T      (+ the output gradient at t-1)

K, Q, M and F depend only on the forward values, so they are computed for ALL steps before the
loop; the loop then does a few elementwise operations and one (N, 4H) @ (4H, H) product per step.

Sigmoid is computed as 0.5 * tanh(0.5 a) + 0.5 (= engine.functions.sigmoid): with the f, i, o
columns of x Wx + b and of Wh pre-scaled by 0.5 (exact in floating point), ONE tanh over the
(N, 4H) block activates all four gates (without peepholes; with them, o waits for the new c_t).
"""

from __future__ import annotations

import numpy as np

from ..lstm import LSTM
from ..peephole_lstm import PeepholeLSTM
from .base import FastTimeRecurrent


class FastTimeLSTM(FastTimeRecurrent):
    """LSTM over (N, T, D) -> (N, T, H), as ``TimeLSTM``: ``params = [Wx (D,4H), Wh (H,4H), b (4H,)]``.

    Trace (when ``record``): "h", "c", "f", "g", "i", "o" (N, T, H); after backward "dh_norm" (N, T).
    """

    cell = LSTM
    peephole = False  # FastTimePeepholeLSTM: params also p_f, p_i, p_o

    def __init__(self, Wx, Wh, b, *peepholes, stateful: bool = False):
        super().__init__(Wx, Wh, b, *peepholes, stateful=stateful)
        dt = self.dtype
        self._scale = np.array([0.5, 1, 0.5, 0.5], dtype=dt)[:, None]  # per gate block, (4, 1)
        self._shift = np.array([0.5, 0, 0.5, 0.5], dtype=dt)[:, None]

    def _buffer_shapes(self, N: int, T: int) -> dict[str, tuple]:
        H = self.H
        shapes = {"G": (T, N, 4, H), "C": (T + 1, N, H), "TC": (T, N, H), "K": (T, N, H)}
        shapes.update(hWh=(N, 4, H), Whs=(H, 4, H), tmp=(N, H), ds=(N, H), dc=(N, H))
        if self.peephole:
            shapes.update(F=(T, N, H), pc=(N, 2, H))
        return shapes

    def _input_projection_target(self) -> np.ndarray:
        return self._buf["G"]

    def _forward_steps(self, T: int) -> None:
        buf = self._buf
        G, C, TC, H = buf["G"], buf["C"], buf["TC"], buf["H"]
        hWh, tmp, Whs = buf["hWh"], buf["tmp"], buf["Whs"]
        s, shift = self._scale, self._shift
        N, Hn = tmp.shape
        G *= s  # scale the f, i, o pre-activations of all steps by 0.5 (see the module docstring)
        np.multiply(self.params[1].reshape(Hn, 4, Hn), s, out=Whs)
        Whs2, hWh2 = Whs.reshape(Hn, 4 * Hn), hWh.reshape(N, 4 * Hn)
        if self.peephole:
            p_f, p_i, p_o = self.params[3:]
            p_fi = np.stack([p_f, p_i]) * 0.5
            p_o = p_o * 0.5
        for t in range(T):
            g4 = G[t]
            f, g, i, o = g4[:, 0], g4[:, 1], g4[:, 2], g4[:, 3]
            np.matmul(H[t], Whs2, out=hWh2)
            g4 += hWh
            if not self.peephole:
                np.tanh(g4, out=g4)
                g4 *= s
                g4 += shift
            else:
                np.multiply(C[t][:, None, :], p_fi, out=buf["pc"])
                g4[:, 0:3:2] += buf["pc"]  # f and i peep at c_{t-1}
                fgi = g4[:, :3]
                np.tanh(fgi, out=fgi)
                fgi *= s[:3]
                fgi += shift[:3]
            np.multiply(f, C[t], out=C[t + 1])
            np.multiply(g, i, out=tmp)
            C[t + 1] += tmp
            if self.peephole:  # o peeps at the new c_t
                np.multiply(C[t + 1], p_o, out=tmp)
                o += tmp
                np.tanh(o, out=o)
                o *= 0.5
                o += 0.5
            np.tanh(C[t + 1], out=TC[t])
            np.multiply(o, TC[t], out=H[t + 1])

    def _backward_coefficients(self) -> np.ndarray:
        """Fill dA with [M_f, M_g, M_i, Q] and K (and F) for all steps; return F (T, N, H)."""
        buf = self._buf
        G, C, TC, K, dA = buf["G"], buf["C"], buf["TC"], buf["K"], buf["dA"]
        T, N = G.shape[:2]
        dA4 = dA.reshape(T, N, 4, -1)
        f, g, i, o = (G[:, :, k] for k in range(4))
        Mf, Mg, Mi, Q = (dA4[:, :, k] for k in range(4))
        np.subtract(1, f, out=Mf)
        Mf *= f
        Mf *= C[:-1]  # c_{t-1} f (1 - f)
        np.multiply(g, g, out=Mg)
        np.subtract(1, Mg, out=Mg)
        Mg *= i  # i (1 - g^2)
        np.subtract(1, i, out=Mi)
        Mi *= i
        Mi *= g  # g i (1 - i)
        np.subtract(1, o, out=Q)
        Q *= o
        Q *= TC  # tanh(c_t) o (1 - o)
        np.multiply(TC, TC, out=K)
        np.subtract(1, K, out=K)
        K *= o  # o (1 - tanh(c_t)^2)
        if not self.peephole:
            return f
        p_f, p_i, p_o = self.params[3:]
        K += Q * p_o
        F = buf["F"]
        np.multiply(Mf, p_f, out=F)
        F += Mi * p_i
        F += f
        return F

    def _backward_steps(self, dH: np.ndarray, dtotal: np.ndarray | None) -> None:
        buf = self._buf
        dA, K, ds, dc, dnext = buf["dA"], buf["K"], buf["ds"], buf["dc"], buf["dnext"]
        F = self._backward_coefficients()
        T, N = dA.shape[:2]
        Hn = ds.shape[1]
        dA4 = dA.reshape(T, N, 4, Hn)
        WhT = self.params[1].T
        dnext[...] = 0
        dc[...] = 0
        for t in range(T - 1, -1, -1):
            dh = self._step_dh(t, dH, dtotal)
            if self._from_next is not None:
                self._from_next[1, t] = dc  # dL/dc_t from step t+1, for the Equations view
            np.multiply(dh, K[t], out=ds)
            ds += dc
            dA4[t, :, :3] *= ds[:, None, :]  # da_f, da_g, da_i
            dA4[t, :, 3] *= dh  # da_o
            np.multiply(ds, F[t], out=dc)
            np.matmul(dA[t], WhT, out=dnext)
        C, H = buf["C"], buf["H"]
        np.matmul(H[:-1].reshape(T * N, Hn).T, dA.reshape(T * N, 4 * Hn), out=self.grads[1])
        if self.peephole:
            for grad, k, cell in zip(self.grads[3:], (0, 2, 3), (C[:-1], C[:-1], C[1:])):
                np.einsum("tnh,tnh->h", dA4[:, :, k], cell, out=grad)
        self.dh = dnext.copy()
        self.dc = dc.copy()

    def _forward_trace(self) -> dict[str, np.ndarray]:
        G, C = self._buf["G"], self._buf["C"]
        trace = super()._forward_trace()
        trace["c"] = C[1:].transpose(1, 0, 2)
        for k, name in enumerate("fgio"):
            trace[name] = G[:, :, k].transpose(1, 0, 2)
        return trace


class FastTimePeepholeLSTM(FastTimeLSTM):
    """Peephole LSTM over (N, T, D) -> (N, T, H), as ``TimePeepholeLSTM``:
    ``params = [Wx (D,4H), Wh (H,4H), b (4H,), p_f (H,), p_i (H,), p_o (H,)]``."""

    cell = PeepholeLSTM
    peephole = True
