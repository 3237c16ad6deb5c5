"""FastTimeGRU: the same numbers as ``layers/gru.py``'s TimeGRU, computed with fused buffers.

Read ``layers/gru.py`` first: it is the book's GRU, one line per equation; ``fast/base.py`` says
how the buffers work.

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

    def __init__(self, Wx, Wh, b, stateful: bool = False):
        super().__init__(Wx, Wh, b, stateful=stateful)

    def _buffer_shapes(self, N: int, T: int) -> dict[str, tuple]:
        H = self.H
        return {"G": (T, N, 3, H), "RH": (T, N, H), "OMZ": (T, N, H), "Wzr": (H, 2 * H),
                "hWzr": (N, 2 * H), "tmp": (N, H), "drh": (N, H)}  # fmt: skip

    def _input_projection_target(self) -> np.ndarray:
        return self._buf["G"]

    def _forward_steps(self, T: int) -> None:
        buf = self._buf
        G, H, RH = buf["G"], buf["H"], buf["RH"]
        hWzr, tmp, Wzr = buf["hWzr"], buf["tmp"], buf["Wzr"]
        Hn = tmp.shape[1]
        Wh = self.params[1]
        # sigmoid(a) = 0.5 tanh(0.5 a) + 0.5: pre-scale the z, r columns (exact), one tanh for both.
        G[:, :, :2] *= 0.5
        np.multiply(Wh[:, : 2 * Hn], 0.5, out=Wzr)
        Wh_h = Wh[:, 2 * Hn :]
        G2 = G.reshape(T, -1, 3 * Hn)
        for t in range(T):
            zr = G2[t, :, : 2 * Hn]
            z, r, ht = G[t, :, 0], G[t, :, 1], G[t, :, 2]
            np.matmul(H[t], Wzr, out=hWzr)
            zr += hWzr
            np.tanh(zr, out=zr)
            zr *= 0.5
            zr += 0.5
            np.multiply(r, H[t], out=RH[t])
            np.matmul(RH[t], Wh_h, out=tmp)
            ht += tmp
            np.tanh(ht, out=ht)
            np.subtract(ht, H[t], out=tmp)
            tmp *= z
            np.add(H[t], tmp, out=H[t + 1])

    def _backward_coefficients(self) -> None:
        """dA <- [(h~ - h_prev) z(1-z), h_prev r(1-r), z (1-h~^2)] and OMZ <- 1 - z, for all steps."""
        buf = self._buf
        G, H, dA, OMZ = buf["G"], buf["H"], buf["dA"], buf["OMZ"]
        T, N = G.shape[:2]
        z, r, ht = G[:, :, 0], G[:, :, 1], G[:, :, 2]
        Cz, Cr, Ch = (dA.reshape(T, N, 3, -1)[:, :, k] for k in range(3))
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

    def _backward_steps(self, dH: np.ndarray, dtotal: np.ndarray | None) -> None:
        buf = self._buf
        dA, OMZ, H, RH = buf["dA"], buf["OMZ"], buf["H"], buf["RH"]
        dnext, drh, tmp = buf["dnext"], buf["drh"], buf["tmp"]
        self._backward_coefficients()
        T, N, _ = dA.shape
        Hn = tmp.shape[1]
        dA3 = dA.reshape(T, N, 3, Hn)
        r = buf["G"][:, :, 1]
        Wh = self.params[1]
        WzrT, WhhT = Wh[:, : 2 * Hn].T, Wh[:, 2 * Hn :].T
        dnext[...] = 0
        for t in range(T - 1, -1, -1):
            dh = self._step_dh(t, dH, dtotal)
            dA3[t, :, 0:3:2] *= dh[:, None, :]  # da_z, da_h
            np.matmul(dA3[t, :, 2], WhhT, out=drh)
            dA3[t, :, 1] *= drh  # da_r
            np.matmul(dA[t, :, : 2 * Hn], WzrT, out=dnext)
            np.multiply(dh, OMZ[t], out=tmp)
            dnext += tmp
            np.multiply(drh, r[t], out=tmp)
            dnext += tmp
        dA2 = dA.reshape(T * N, 3 * Hn)
        dWh = self.grads[1]
        np.matmul(H[:-1].reshape(T * N, Hn).T, dA2[:, : 2 * Hn], out=dWh[:, : 2 * Hn])
        np.matmul(RH.reshape(T * N, Hn).T, dA2[:, 2 * Hn :], out=dWh[:, 2 * Hn :])
        self.dh = dnext.copy()

    def _forward_trace(self) -> dict[str, np.ndarray]:
        G = self._buf["G"]
        trace = super()._forward_trace()
        for k, name in enumerate(("z", "r", "h_tilde")):
            trace[name] = G[:, :, k].transpose(1, 0, 2)
        return trace
