"""FastTimeGRU: the same numbers as ``layers/gru.py``'s TimeGRU, computed with fused buffers.

Read ``layers/gru.py`` first: it is the book's GRU, one line per equation; ``fast/base.py`` says
how the buffers work (in the loops h_t is (H, N), and each gate of a step one (H, N) plane).

Gate columns of Wx (D, 3H), Wh (H, 3H), b (3H,) are [z, r, h~]. For each step:

    z   = sigmoid(x_t Wx_z + h_{t-1} Wh_z + b_z)          update gate
    r   = sigmoid(x_t Wx_r + h_{t-1} Wh_r + b_r)          reset gate
    h~  = tanh(x_t Wx_h + (r * h_{t-1}) Wh_h + b_h)       candidate
    h_t = (1 - z) * h_{t-1} + z * h~                      computed as h_{t-1} + z * (h~ - h_{t-1})

Backward, with dh = dh_t the total gradient into h_t:

    da_z = dh * (h~ - h_{t-1}) * z(1-z)          da_h = dh * z * (1 - h~^2)
    drh  = da_h Wh_h^T                           da_r = drh * h_{t-1} * r(1-r)
    dh_{t-1} = dh * (1 - z) + drh * r + [da_z, da_r] Wh_zr^T

The coefficients of dh and drh are computed for all steps before the loop (as in lstm.py);
dWh_zr = sum h_{t-1}^T [da_z, da_r] and dWh_h = sum (r * h_{t-1})^T da_h are one GEMM each after it.
z and r are computed as 0.5 tanh(a/2) + 0.5 with their columns pre-scaled by 0.5 (``prescale``):
one tanh for both.
"""

from __future__ import annotations

import numpy as np

from ..gru import GRU
from .base import FastTimeRecurrent


class FastTimeGRU(FastTimeRecurrent):
    """GRU over (N, T, D) -> (N, T, H), as ``TimeGRU``: ``params = [Wx (D, 3H), Wh (H, 3H), b (3H,)]``.

    Trace (when ``record``): "h", "z", "r", "h_tilde" (N, T, H); after backward "dh_norm" (N, T).
    """

    cell = GRU
    prescale = (0.5, 0.5, 1.0)  # z, r via tanh(a/2)

    def __init__(self, Wx, Wh, b, stateful: bool = False):
        super().__init__(Wx, Wh, b, stateful=stateful)

    def _buffer_shapes(self, N: int, T: int) -> dict[str, tuple]:
        H = self.H
        return {"G": (T, 3 * H, N), "RH": (T, H, N), "RHr": (T, N, H), "OMZ": (T, H, N), "Zzr": (2 * H, N),
                "tmp": (H, N), "drh": (H, N)}  # fmt: skip

    def _input_projection_target(self) -> np.ndarray:
        return self._buf["G"]

    def _forward_steps(self, T: int, WhT: np.ndarray) -> None:
        buf = self._buf
        H, RH, Zzr, tmp = buf["H"], buf["RH"], buf["Zzr"], buf["tmp"]
        Hn = self.H
        G3 = buf["G"].reshape(T, 3, Hn, -1)
        Zzr2 = Zzr.reshape(2, Hn, -1)
        WzrT, WhhT = WhT[: 2 * Hn], WhT[2 * Hn :]
        # per step: h_{t-1}, [z, r], z, r, h~, r * h_{t-1}, h_t
        steps = self._step_views("forward", lambda t: (H[t], G3[t, :2], *G3[t], RH[t], H[t + 1]))
        for h_prev, zr, z, r, ht, rh, h in steps:
            np.dot(WzrT, h_prev, out=Zzr)
            np.add(zr, Zzr2, out=zr)
            np.tanh(zr, out=zr)
            np.multiply(zr, 0.5, out=zr)
            np.add(zr, 0.5, out=zr)
            np.multiply(r, h_prev, out=rh)
            np.dot(WhhT, rh, out=tmp)
            np.add(ht, tmp, out=ht)
            np.tanh(ht, out=ht)
            np.subtract(ht, h_prev, out=tmp)
            np.multiply(tmp, z, out=tmp)
            np.add(h_prev, tmp, out=h)

    def _backward_coefficients(self) -> None:
        """dA <- [(h~ - h_prev) z(1-z), h_prev r(1-r), z (1-h~^2)] and OMZ <- 1 - z, for all steps."""
        buf = self._buf
        H, OMZ = buf["H"], buf["OMZ"]
        T = OMZ.shape[0]
        G3, dA3 = (buf[k].reshape(T, 3, self.H, -1) for k in ("G", "dA"))
        z, r, ht = G3[:, 0], G3[:, 1], G3[:, 2]
        Cz, Cr, Ch = dA3[:, 0], dA3[:, 1], dA3[:, 2]
        np.subtract(1, z, out=OMZ)
        np.subtract(ht, H[:-1], out=Cz)
        Cz *= z
        Cz *= OMZ
        np.subtract(1, r, out=Cr)
        Cr *= r
        Cr *= H[:-1]
        np.multiply(ht, ht, out=Ch)
        np.subtract(1, Ch, out=Ch)
        Ch *= z

    def _backward_steps(self, dH: np.ndarray, dtotal: np.ndarray | None, Whp: np.ndarray) -> None:
        buf = self._buf
        dA, OMZ = buf["dA"], buf["OMZ"]
        dnext, drh, tmp = buf["dnext"], buf["drh"], buf["tmp"]
        self._backward_coefficients()
        T = dA.shape[0]
        Hn = self.H
        dA3 = dA.reshape(T, 3, Hn, -1)
        r = buf["G"].reshape(T, 3, Hn, -1)[:, 1]
        Wzr, Whh = Whp[:, : 2 * Hn], Whp[:, 2 * Hn :]
        # per step: dH_t, [da_z, da_h], da_h, da_r, [da_z, da_r], 1 - z, r
        steps = self._step_views("backward", lambda t: (
            dH[t], dA3[t, 0:3:2], dA3[t, 2], dA3[t, 1], dA[t, : 2 * Hn], OMZ[t], r[t]))
        dh_of = self._dh_targets(dtotal)
        from_next = self._from_next
        for t in range(T - 1, -1, -1):
            dH_t, dA_zh, dA_h, dA_r, dA_zr, omz, r_t = steps[t]
            if from_next is not None:  # what step t+1 sent back, for the Equations view
                from_next[0, t] = dnext
            dh = np.add(dH_t, dnext, out=dh_of[t])  # the total gradient into h_t
            np.multiply(dA_zh, dh, out=dA_zh)  # da_z, da_h
            np.dot(Whh, dA_h, out=drh)
            np.multiply(dA_r, drh, out=dA_r)  # da_r
            np.dot(Wzr, dA_zr, out=dnext)
            np.multiply(dh, omz, out=tmp)
            np.add(dnext, tmp, out=dnext)
            np.multiply(drh, r_t, out=tmp)
            np.add(dnext, tmp, out=dnext)

    def _weight_grads(self, dA2: np.ndarray) -> np.ndarray:
        """[dWh; dWx; db]: for z and r one product over the rows [h_{t-1}, x_t, 1]; for h~ the rows of
        Wh see r * h_{t-1} instead: dWh_h = sum (r * h_{t-1})^T da_h, and [dWx_h; db_h] from [x_t, 1]."""
        T, N = self._key
        Hn = self.H
        buf = self._buf
        RHr, dW = buf["RHr"], buf["dW"]
        np.copyto(RHr, buf["RH"].transpose(0, 2, 1))
        HX = self._hx_rows().reshape(T * N, -1)
        np.matmul(HX.T, dA2[:, : 2 * Hn], out=dW[:, : 2 * Hn])
        np.matmul(RHr.reshape(T * N, Hn).T, dA2[:, 2 * Hn :], out=dW[:Hn, 2 * Hn :])
        np.matmul(HX[:, Hn:].T, dA2[:, 2 * Hn :], out=dW[Hn:, 2 * Hn :])
        return dW

    def _forward_trace(self) -> dict[str, np.ndarray]:
        G = self._buf["G"]
        G3 = G.reshape(G.shape[0], 3, self.H, -1)
        trace = super()._forward_trace()
        for k, name in enumerate(("z", "r", "h_tilde")):
            trace[name] = G3[:, k].transpose(2, 0, 1)
        return trace
