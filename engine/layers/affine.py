"""TimeAffine: the same affine map applied at every timestep, as one matrix product.

    forward:  ys = xs @ W + b                     (N, T, D) -> (N, T, O)
    backward: dW = sum_{n,t} xs[n,t]^T dys[n,t],  db = sum_{n,t} dys[n,t],  dxs = dys @ W^T

All timesteps are folded into the batch: (N*T, D) @ (D, O), so there is a single GEMM each way.
"""

from __future__ import annotations

import numpy as np


class TimeAffine:
    """Affine layer over a batch of sequences.

    W: (D, O), b: (O,) (same dtype; it is the compute dtype).
    forward(xs (N, T, D)) -> ys (N, T, O);  backward(dys (N, T, O)) -> dxs (N, T, D).
    """

    def __init__(self, W: np.ndarray, b: np.ndarray):
        if W.ndim != 2 or b.shape != (W.shape[1],):
            raise ValueError(f"TimeAffine needs W (D, O) and b (O,), got W {W.shape} and b {b.shape}")
        if W.dtype != b.dtype:
            raise ValueError(f"W and b must share a dtype, got {W.dtype} and {b.dtype}")
        self.params = [W, b]
        self.grads = [np.zeros_like(W), np.zeros_like(b)]
        self.xs: np.ndarray | None = None

    def forward(self, xs: np.ndarray) -> np.ndarray:
        W, b = self.params
        if xs.ndim != 3 or xs.shape[2] != W.shape[0]:
            raise ValueError(f"TimeAffine expects xs of shape (N, T, {W.shape[0]}), got {xs.shape}")
        if xs.dtype != W.dtype:
            raise ValueError(f"xs dtype {xs.dtype} does not match the parameters' dtype {W.dtype}")
        N, T, D = xs.shape
        self.xs = xs
        ys = xs.reshape(N * T, D) @ W
        ys += b
        return ys.reshape(N, T, -1)

    def backward(self, dys: np.ndarray) -> np.ndarray:
        if self.xs is None:
            raise RuntimeError("TimeAffine.backward called before forward")
        W, _ = self.params
        dW, db = self.grads
        N, T, D = self.xs.shape
        if dys.shape != (N, T, W.shape[1]):
            raise ValueError(f"dys must have shape {(N, T, W.shape[1])}, got {dys.shape}")
        x2 = self.xs.reshape(N * T, D)
        d2 = dys.reshape(N * T, -1).astype(W.dtype, copy=False)
        np.matmul(x2.T, d2, out=dW)
        np.sum(d2, axis=0, out=db)
        return (d2 @ W.T).reshape(N, T, D)
