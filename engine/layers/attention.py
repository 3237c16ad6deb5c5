"""TimeAttention: dot-product attention of every decoder step over all encoder steps (the book's ch. 8).

The book builds it from two layers per decoder step; here all steps are done at once:

    AttentionWeight:  s[n, j, i] = hs_dec[n, j] . hs_enc[n, i]        s = hs_dec @ hs_enc^T  (N, Ty, Tx)
                      a[n, j, :] = softmax(s[n, j, :])                 over encoder steps i
    WeightSum:        c[n, j]    = sum_i a[n, j, i] hs_enc[n, i]      c = a @ hs_enc         (N, Ty, H)

backward (dc = dL/dc):
    da = dc @ hs_enc^T
    ds = a * (da - sum_i(a * da))                                      softmax backward
    dhs_enc = a^T @ dc + ds^T @ hs_dec                                 (via WeightSum and via the scores)
    dhs_dec = ds @ hs_enc
"""

from __future__ import annotations

import numpy as np

from rnn_lab.engine.functions import softmax


class TimeAttention:
    """Attention with no parameters.

    forward(hs_enc (N, Tx, H), hs_dec (N, Ty, H)) -> context (N, Ty, H);
    ``.attention_weights`` (N, Ty, Tx) after forward (row j: where decoder step j looked).
    backward(dcontext (N, Ty, H)) -> (dhs_enc (N, Tx, H), dhs_dec (N, Ty, H)).
    """

    def __init__(self):
        self.params: list[np.ndarray] = []
        self.grads: list[np.ndarray] = []
        self.attention_weights: np.ndarray | None = None
        self._hs_enc: np.ndarray | None = None
        self._hs_dec: np.ndarray | None = None

    def forward(self, hs_enc: np.ndarray, hs_dec: np.ndarray) -> np.ndarray:
        if hs_enc.ndim != 3 or hs_dec.ndim != 3 or hs_enc.shape[0] != hs_dec.shape[0] or hs_enc.shape[2] != hs_dec.shape[2]:
            raise ValueError(
                f"TimeAttention expects hs_enc (N, Tx, H) and hs_dec (N, Ty, H), got {hs_enc.shape} and {hs_dec.shape}"
            )
        if hs_enc.dtype != hs_dec.dtype:
            raise ValueError(f"hs_enc and hs_dec must share a dtype, got {hs_enc.dtype} and {hs_dec.dtype}")
        scores = hs_dec @ hs_enc.transpose(0, 2, 1)
        a = softmax(scores, axis=-1)
        self._hs_enc, self._hs_dec, self.attention_weights = hs_enc, hs_dec, a
        return a @ hs_enc

    def backward(self, dcontext: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if self.attention_weights is None:
            raise RuntimeError("TimeAttention.backward called before forward")
        hs_enc, hs_dec, a = self._hs_enc, self._hs_dec, self.attention_weights
        if dcontext.shape != hs_dec.shape:
            raise ValueError(f"dcontext must have shape {hs_dec.shape}, got {dcontext.shape}")
        dcontext = dcontext.astype(a.dtype, copy=False)
        da = dcontext @ hs_enc.transpose(0, 2, 1)
        ds = da
        ds -= np.sum(a * da, axis=-1, keepdims=True)
        ds *= a
        dhs_enc = a.transpose(0, 2, 1) @ dcontext
        dhs_enc += ds.transpose(0, 2, 1) @ hs_dec
        dhs_dec = ds @ hs_enc
        return dhs_enc, dhs_dec
