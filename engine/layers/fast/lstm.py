"""FastTimeLSTM (and FastTimePeepholeLSTM): the numbers of ``layers/lstm.py``'s TimeLSTM (and of
``layers/peephole_lstm.py``), computed with fused, transposed buffers.

Read ``layers/lstm.py`` first: it is the book's LSTM, one line per equation. This file computes the
same thing for speed (``fast/base.py`` says how the planes work). Per step, with A the four blocks
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
loop; the loop then does a few elementwise operations and one (H, 4H) @ (4H, N) product per step
(Wh with its blocks reordered as below, times the planes [da_g, da_f, da_i, da_o] of the step).

The layout of one step (``S[t]``, five (H, N) planes) is [c_{t-1}, g, f, i, o]: the gates in the
order g, f, i, o (``order``), so that the three sigmoid gates are neighbours, and c_{t-1} in front:

- sigmoid(a) = 0.5 tanh(a/2) + 0.5 (= engine.functions.sigmoid) with the f, i, o columns of Wx, b
  and Wh pre-scaled by 0.5 (exact in floating point): ONE tanh over planes 1-4 activates all four
  gates, and ``*= 0.5``, ``+= 0.5`` over planes 2-4 finish the sigmoids (without peepholes; with
  them, o waits for the new c_t);
- [c_{t-1}, g] * [f, i] is one multiply of planes 0-1 by planes 2-3, and c_t the sum of its two
  halves, written straight into plane 0 of the next step.
"""

from __future__ import annotations

import numpy as np

from ..lstm import LSTM
from ..peephole_lstm import PeepholeLSTM
from .base import FastTimeRecurrent

C, G_, F_, I_, O_ = range(5)  # the planes of one step: c_{t-1}, g, f, i, o


class FastTimeLSTM(FastTimeRecurrent):
    """LSTM over (N, T, D) -> (N, T, H), as ``TimeLSTM``: ``params = [Wx (D,4H), Wh (H,4H), b (4H,)]``.

    Trace (when ``record``): "h", "c", "f", "g", "i", "o" (N, T, H); after backward "dh_norm" (N, T).
    """

    cell = LSTM
    order = (1, 0, 2, 3)  # internal g, f, i, o = the book's blocks 1, 0, 2, 3 (f, g, i, o)
    prescale = (1.0, 0.5, 0.5, 0.5)
    peephole = False  # FastTimePeepholeLSTM: params also p_f, p_i, p_o

    def __init__(self, Wx, Wh, b, *peepholes, stateful: bool = False):
        super().__init__(Wx, Wh, b, *peepholes, stateful=stateful)

    def _buffer_shapes(self, N: int, T: int) -> dict[str, tuple]:
        H = self.H
        shapes = {"S": (T + 1, 5, H, N), "TC": (T, H, N), "K": (T, H, N), "Z": (4 * H, N), "P": (2, H, N),
                  "ds": (H, N), "dc": (H, N)}  # fmt: skip
        if self.peephole:
            shapes.update(F=(T, H, N), pc=(2, H, N), tmp=(H, N))
        return shapes

    def _input_projection_target(self) -> np.ndarray:
        T = self._key[1]
        S = self._buf["S"]
        return S[:T, G_:].reshape(T, 4 * self.H, -1)  # planes g, f, i, o of every step (a view)

    def _set_c0(self, c0: np.ndarray) -> None:
        self._buf["S"][0, C] = c0

    def _c_last(self) -> np.ndarray:
        return self._buf["S"][-1, C]

    def _c_prevs(self) -> np.ndarray:
        return self._buf["S"][:-1, C]

    def _forward_steps(self, T: int, WhT: np.ndarray) -> None:
        if self.peephole:
            return self._peephole_forward_steps(T, WhT)
        buf = self._buf
        S, H, TC, Z, P = buf["S"], buf["H"], buf["TC"], buf["Z"], buf["P"]
        Z4 = Z.reshape(4, self.H, -1)
        P0, P1 = P
        # per step: h_{t-1}, planes g..o, planes f..o, [c_{t-1}, g], [f, i], c_t, tanh(c_t), o, h_t
        steps = self._step_views("forward", lambda t: (
            H[t], S[t, G_:], S[t, F_:], S[t, C:G_ + 1], S[t, F_:I_ + 1], S[t + 1, C], TC[t], S[t, O_], H[t + 1]))
        for h_prev, gates, sig, c_g, f_i, c, tc, o, h in steps:
            np.dot(WhT, h_prev, out=Z)
            np.add(gates, Z4, out=gates)
            np.tanh(gates, out=gates)
            np.multiply(sig, 0.5, out=sig)
            np.add(sig, 0.5, out=sig)
            np.multiply(c_g, f_i, out=P)  # [c_{t-1} * f, g * i]
            np.add(P0, P1, out=c)
            np.tanh(c, out=tc)
            np.multiply(o, tc, out=h)

    def _peephole_forward_steps(self, T: int, WhT: np.ndarray) -> None:
        buf = self._buf
        S, H, TC, Z, P, pc, tmp = buf["S"], buf["H"], buf["TC"], buf["Z"], buf["P"], buf["pc"], buf["tmp"]
        Z4 = Z.reshape(4, self.H, -1)
        P0, P1 = P
        p_f, p_i, p_o = self.params[3:]
        p_fi = np.stack([p_f, p_i])[:, :, None] * 0.5  # (2, H, 1), pre-scaled as the f and i columns
        p_o = p_o[:, None] * 0.5
        steps = self._step_views("forward", lambda t: (
            H[t], S[t, G_:], S[t, C], S[t, F_:I_ + 1], S[t, G_:I_ + 1], S[t, C:G_ + 1], S[t + 1, C], TC[t],
            S[t, O_], H[t + 1]))
        for h_prev, gates, c_prev, f_i, g_f_i, c_g, c, tc, o, h in steps:
            np.dot(WhT, h_prev, out=Z)
            np.add(gates, Z4, out=gates)
            np.multiply(c_prev, p_fi, out=pc)
            np.add(f_i, pc, out=f_i)  # f and i peep at c_{t-1}
            np.tanh(g_f_i, out=g_f_i)
            np.multiply(f_i, 0.5, out=f_i)
            np.add(f_i, 0.5, out=f_i)
            np.multiply(c_g, f_i, out=P)
            np.add(P0, P1, out=c)
            np.multiply(c, p_o, out=tmp)  # o peeps at the new c_t
            np.add(o, tmp, out=o)
            np.tanh(o, out=o)
            np.multiply(o, 0.5, out=o)
            np.add(o, 0.5, out=o)
            np.tanh(c, out=tc)
            np.multiply(o, tc, out=h)

    def _backward_coefficients(self) -> np.ndarray:
        """Fill dA with [M_g, M_f, M_i, Q] and K (and F) for all steps; return F (T, H, N)."""
        buf = self._buf
        S, TC, K, dA = buf["S"], buf["TC"], buf["K"], buf["dA"]
        T = TC.shape[0]
        s, d = S[:T], dA.reshape(T, 4, self.H, -1)  # planes [c_{t-1}, g, f, i, o] and [M_g, M_f, M_i, Q]
        g, f, o = s[:, G_], s[:, F_], s[:, O_]
        # stacked over the planes (fewer passes over memory than one gate at a time; measured)
        np.subtract(1, s[:, F_:], out=d[:, 1:])
        d[:, 1:] *= s[:, F_:]  # f(1-f), i(1-i), o(1-o)
        np.multiply(g, g, out=d[:, 0])
        np.subtract(1, d[:, 0], out=d[:, 0])  # 1 - g^2
        d[:, :2] *= s[:, I_::-I_]  # times [i, c_{t-1}]: M_g = i (1-g^2), M_f = c_{t-1} f (1-f)
        d[:, 2] *= g  # M_i = g i (1-i)
        d[:, 3] *= TC  # Q = tanh(c_t) o (1-o)
        np.multiply(TC, TC, out=K)
        np.subtract(1, K, out=K)
        K *= o  # o (1 - tanh(c_t)^2)
        if not self.peephole:
            return f
        Mf, Mi, Q = d[:, 1], d[:, 2], d[:, 3]
        p_f, p_i, p_o = (p[:, None] for p in self.params[3:])
        K += Q * p_o
        F = buf["F"]
        np.multiply(Mf, p_f, out=F)
        F += Mi * p_i
        F += f
        return F

    def _backward_steps(self, dH: np.ndarray, dtotal: np.ndarray | None, Whp: np.ndarray) -> None:
        buf = self._buf
        dA, K, ds, dc, dnext = buf["dA"], buf["K"], buf["ds"], buf["dc"], buf["dnext"]
        F = self._backward_coefficients()
        T = dA.shape[0]
        dA4 = dA.reshape(T, 4, self.H, -1)
        dc[...] = 0
        # per step: dH_t, K_t, F_t, [da_g, da_f, da_i], da_o, all of dA_t; visited from t = T-1 down
        steps = self._step_views("backward", lambda t: (dH[t], K[t], F[t], dA4[t, :3], dA4[t, 3], dA[t]))
        dh_of = self._dh_targets(dtotal)
        from_next = self._from_next
        for t in range(T - 1, -1, -1):
            dH_t, K_t, F_t, dA_gfi, dA_o, dA_t = steps[t]
            if from_next is not None:  # what step t+1 sent back, for the Equations view
                from_next[0, t], from_next[1, t] = dnext, dc
            dh = np.add(dH_t, dnext, out=dh_of[t])  # the total gradient into h_t
            np.multiply(dh, K_t, out=ds)
            np.add(ds, dc, out=ds)
            np.multiply(dA_gfi, ds, out=dA_gfi)  # da_g, da_f, da_i
            np.multiply(dA_o, dh, out=dA_o)  # da_o
            np.multiply(ds, F_t, out=dc)
            np.dot(Whp, dA_t, out=dnext)
        if self.peephole:
            S = buf["S"]
            for grad, k, cell in zip(self.grads[3:], (1, 2, 3), (S[:T, C], S[:T, C], S[1:, C])):
                np.einsum("thn,thn->h", dA4[:, k], cell, out=grad)  # dp_f, dp_i, dp_o
        self.dc = dc.T.copy()

    def _forward_trace(self) -> dict[str, np.ndarray]:
        S = self._buf["S"]
        T = S.shape[0] - 1
        trace = super()._forward_trace()
        trace["c"] = S[1:, C].transpose(2, 0, 1)
        for name, k in zip("fgio", (F_, G_, I_, O_)):
            trace[name] = S[:T, k].transpose(2, 0, 1)
        return trace


class FastTimePeepholeLSTM(FastTimeLSTM):
    """Peephole LSTM over (N, T, D) -> (N, T, H), as ``TimePeepholeLSTM``:
    ``params = [Wx (D,4H), Wh (H,4H), b (4H,), p_f (H,), p_i (H,), p_o (H,)]``."""

    cell = PeepholeLSTM
    peephole = True
