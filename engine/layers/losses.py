"""Loss layers over a batch of sequences: softmax cross-entropy, sigmoid cross-entropy, mean squared error.

Each ``forward`` returns the mean loss as a Python float; ``backward(dout=1.0)`` returns the
gradient with respect to the scores, in the scores' dtype. Loss layers have no parameters.

Numbers users can check against the book: the book's ``TimeSoftmaxWithLoss`` adds 1e-7 inside the
log; here the log-probability is computed exactly as ``x_t - max(x) - log(sum(exp(x - max(x))))``,
which never overflows and never takes the log of an underflowed 0.
"""

from __future__ import annotations

import numpy as np

from rnn_lab.engine.functions import sigmoid


def _reuse(buf: np.ndarray | None, shape: tuple[int, ...], dtype) -> np.ndarray:
    """``buf`` if it already has this shape and dtype, else a new empty array (buffers live across calls)."""
    if buf is not None and buf.shape == shape and buf.dtype == dtype:
        return buf
    return np.empty(shape, dtype=dtype)


class TimeSoftmaxWithLoss:
    """Softmax + cross-entropy at every timestep, averaged over the positions that count.

    forward(xs (N, T, V) float scores, ts (N, T) int targets) -> mean of -log softmax(xs)[t]
        over positions whose target is not ``ignore_label`` (None: every position counts).
    backward(dout=1.0) -> dxs (N, T, V) = dout * (probs - onehot(t)) / count, zero at ignored rows.

    Memory: the softmax lives in one buffer owned by the layer (``.probs``, (N, T, V), valid until
    the next forward) and the gradient in a second one reused across calls, so a step allocates
    no temporary of the logits' size and calling ``backward`` twice gives the same result.
    The returned ``dxs`` is that buffer: consume it before the next ``backward``.
    A batch with every position ignored has loss 0 and zero gradient.
    Overflow-free for any finite scores whose spread within a row (max - min) is itself finite.
    """

    def __init__(self, ignore_label: int | None = -1):
        self.ignore_label = ignore_label
        self.params: list[np.ndarray] = []
        self.grads: list[np.ndarray] = []
        self._probs: np.ndarray | None = None  # (M, V) softmax of the last forward, M = N * T
        self._dx: np.ndarray | None = None  # (M, V) gradient buffer
        self._shape: tuple[int, int, int] | None = None
        self._targets: np.ndarray | None = None  # (M,) targets with ignored positions set to 0
        self._valid: np.ndarray | None = None  # (M,) bool
        self.count = 0  # number of positions that counted in the last forward

    @property
    def probs(self) -> np.ndarray | None:
        """Softmax probabilities (N, T, V) of the last forward (overwritten by the next one)."""
        return None if self._probs is None else self._probs.reshape(self._shape)

    def forward(self, xs: np.ndarray, ts) -> float:
        ts = np.asarray(ts)
        if xs.ndim != 3 or not np.issubdtype(xs.dtype, np.floating):
            raise ValueError(f"xs must be float scores of shape (N, T, V), got {xs.shape} {xs.dtype}")
        if ts.shape != xs.shape[:2] or not np.issubdtype(ts.dtype, np.integer):
            raise ValueError(f"ts must be integer targets of shape {xs.shape[:2]}, got {ts.shape} {ts.dtype}")
        N, T, V = xs.shape
        M = N * T
        t = ts.reshape(M)
        valid = np.ones(M, dtype=bool) if self.ignore_label is None else t != self.ignore_label
        counted = t[valid]
        if counted.size and (counted.min() < 0 or counted.max() >= V):
            raise ValueError(
                f"targets must be in [0, {V}) or equal ignore_label={self.ignore_label}, "
                f"got values in [{counted.min()}, {counted.max()}]"
            )
        targets = np.where(valid, t, 0)
        rows = np.arange(M)

        x2 = xs.reshape(M, V)
        probs = self._probs = _reuse(self._probs, (M, V), xs.dtype)
        np.subtract(x2, x2.max(axis=1, keepdims=True), out=probs)  # shifted scores, max 0
        target_shifted = probs[rows, targets]  # x_t - max x (a copy, before exp overwrites it)
        np.exp(probs, out=probs)
        sums = probs.sum(axis=1, keepdims=True)
        probs *= np.reciprocal(sums)
        log_p = target_shifted - np.log(sums[:, 0])

        self._shape, self._targets, self._valid = (N, T, V), targets, valid
        self.count = int(valid.sum())
        if self.count == 0:
            return 0.0
        return float(-np.sum(log_p[valid], dtype=np.float64) / self.count)

    def backward(self, dout: float = 1.0) -> np.ndarray:
        if self._probs is None:
            raise RuntimeError("TimeSoftmaxWithLoss.backward called before forward")
        probs = self._probs
        M = probs.shape[0]
        scale = float(dout) / self.count if self.count else 0.0
        w = self._valid.astype(probs.dtype)
        w *= scale  # per-row weight: dout / count, 0 for ignored rows
        dx = self._dx = _reuse(self._dx, probs.shape, probs.dtype)
        np.multiply(probs, w[:, None], out=dx)
        dx[np.arange(M), self._targets] -= w
        return dx.reshape(self._shape)


class TimeSigmoidWithLoss:
    """Sigmoid + binary cross-entropy on logits, averaged over all elements.

    forward(xs float logits, ts targets of the same shape, typically (N, T, K), values in [0, 1]
        (0/1 labels; soft labels are allowed)) -> mean of -t log s(x) - (1 - t) log(1 - s(x)).
    backward(dout=1.0) -> dxs = dout * (sigmoid(xs) - ts) / xs.size.

    The loss is computed as ``max(x, 0) - t x + log1p(exp(-|x|))`` (a softplus form): it never
    overflows, and for a 0/1 target the first two terms cancel exactly, so tiny losses stay accurate.
    ``.probs`` holds sigmoid(xs) of the last forward.
    """

    def __init__(self):
        self.params: list[np.ndarray] = []
        self.grads: list[np.ndarray] = []
        self.probs: np.ndarray | None = None
        self._ts: np.ndarray | None = None

    def forward(self, xs: np.ndarray, ts) -> float:
        ts = np.asarray(ts)
        if not np.issubdtype(xs.dtype, np.floating) or ts.shape != xs.shape:
            raise ValueError(f"xs must be float logits and ts the same shape, got {xs.shape} {xs.dtype} and {ts.shape}")
        if ts.size and (ts.min() < 0 or ts.max() > 1):
            raise ValueError(f"targets must be in [0, 1], got values in [{ts.min()}, {ts.max()}]")
        if xs.size == 0:
            raise ValueError(f"empty batch: xs has shape {xs.shape}")
        t = ts.astype(xs.dtype)
        self._ts = t
        self.probs = sigmoid(xs)
        loss = np.abs(xs)
        np.negative(loss, out=loss)
        np.exp(loss, out=loss)  # exp(-|x|) in (0, 1]: cannot overflow
        np.log1p(loss, out=loss)
        loss += np.maximum(xs, 0) - t * xs
        return float(np.sum(loss, dtype=np.float64) / xs.size)

    def backward(self, dout: float = 1.0) -> np.ndarray:
        if self.probs is None:
            raise RuntimeError("TimeSigmoidWithLoss.backward called before forward")
        dx = self.probs - self._ts
        dx *= float(dout) / dx.size
        return dx


class TimeMSELoss:
    """Mean squared error, averaged over all elements, with no 1/2 factor.

    forward(ys, ts same shape) -> mean((ys - ts)**2)   (the number users call "MSE", as in PyTorch's
        ``MSELoss``; the book's ``mean_squared_error`` is 0.5 * sum, a different convention).
    backward(dout=1.0) -> dys = dout * 2 (ys - ts) / ys.size.
    """

    def __init__(self):
        self.params: list[np.ndarray] = []
        self.grads: list[np.ndarray] = []
        self._diff: np.ndarray | None = None

    def forward(self, ys: np.ndarray, ts) -> float:
        ts = np.asarray(ts)
        if not np.issubdtype(ys.dtype, np.floating) or ts.shape != ys.shape:
            raise ValueError(f"ys must be float and ts the same shape, got {ys.shape} {ys.dtype} and {ts.shape}")
        if ys.size == 0:
            raise ValueError(f"empty batch: ys has shape {ys.shape}")
        diff = ys - ts.astype(ys.dtype, copy=False)
        self._diff = diff
        return float(np.sum(np.square(diff, dtype=np.float64)) / diff.size)  # float64 sum: exact enough to trust

    def backward(self, dout: float = 1.0) -> np.ndarray:
        if self._diff is None:
            raise RuntimeError("TimeMSELoss.backward called before forward")
        return self._diff * (2.0 * float(dout) / self._diff.size)
