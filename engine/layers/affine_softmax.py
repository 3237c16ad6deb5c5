"""TimeAffineSoftmaxWithLoss: a language model's output layer and its loss, fused in one buffer.

Computes exactly what ``TimeAffine`` followed by ``TimeSoftmaxWithLoss`` computes, with the affine
layer's own parameters and gradient arrays, but all (N*T, V) work happens in ONE buffer owned by
this layer (with V = 10,000 words that buffer is the largest array of a training step):

    forward (hs (N, T, H), ts (N, T)):
        Z = hs W + b                         one GEMM into the buffer, then the bias
        m = max_v Z;  Z <- exp(Z - m);  s = sum_v Z          in place, row by row
        loss = mean over counted rows of  log s - (z_t - m)   (z_t: the target's logit)
    backward (dout):
        Z <- Z * (dout / count) / s  - onehot(t) * dout / count    (the logits' gradient, in place)
        dW = hs^T Z (GEMM),  db = sum over rows of Z,  dhs = Z W^T (GEMM)

The softmax is never normalised during training: the division by ``s`` is folded into the
gradient's scale. The elementwise work runs over blocks of rows that fit in the CPU's L2 cache,
so each element leaves main memory once per direction (GEMM output -> exp -> sum) instead of
once per NumPy operation. No temporary of the logits' size is allocated in a step.

The log-probability is ``(z_t - m) - log(sum(exp(z - m)))`` with the row maximum ``m`` (never
overflows, never the log of an underflowed 0), as in ``TimeSoftmaxWithLoss``.

Contract (differs from the unfused pair): ``probs`` is available between ``forward`` and
``backward`` (it is normalised in place on first access); ``backward`` turns the buffer into the
gradient, so afterwards ``probs`` is None and a second ``backward`` raises RuntimeError.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np

from ..threads import blas_threads
from .affine import TimeAffine

L2_BLOCK_ELEMENTS = 1 << 17  # 128 Ki elements (512 KiB in float32): a row block that stays in L2
MIN_THREADED_ELEMENTS = 1 << 19  # below ~0.5 M logits a thread hand-off costs more than it saves


class TimeAffineSoftmaxWithLoss:
    """Affine (W (H, V), b (V,)) + softmax cross-entropy over (N, T) positions, fused.

    ``affine``: the TimeAffine whose ``params``/``grads`` this layer reads and writes (they are the
    same list objects, so a model can list the affine layer for names, tying and the optimizer).
    ``ignore_label``: target value of positions that do not count (None: every position counts).
    forward(hs (N, T, H), ts (N, T) int) -> mean loss (Python float);
    backward(dout=1.0) -> dhs (N, T, H), writing dW and db into ``affine.grads`` in place.
    """

    def __init__(self, affine: TimeAffine, ignore_label: int | None = None):
        self.affine = affine
        self.params = affine.params
        self.grads = affine.grads
        self.ignore_label = ignore_label
        self.count = 0  # positions that counted in the last forward
        self._flat: np.ndarray | None = None  # storage of the (M, V) buffer, kept at its largest size
        self._z: np.ndarray | None = None  # (M, V) view: logits -> exp(z - m) -> probs or gradient
        self._state = "empty"  # "forward" (exp held), "probs" (normalised), "backward" (gradient held)
        self._shape: tuple[int, int, int] | None = None
        self._h2: np.ndarray | None = None  # (M, H) input of the last forward
        self._sums: np.ndarray | None = None  # (M,) row sums of exp(z - m)
        self._targets: np.ndarray | None = None  # (M,) targets, ignored positions set to 0
        self._valid: np.ndarray | None = None  # (M,) bool, or None when every position counts
        self.workers: int | None = None  # threads for the elementwise work; None = as many as BLAS uses
        self._pool: ThreadPoolExecutor | None = None  # the extra threads (workers - 1), made when first needed
        self._pool_size = 0

    # ----------------------------------------------------------------- helpers
    def _buffer(self, M: int, V: int, dtype) -> np.ndarray:
        """An (M, V) view of storage that only grows (a trace of 1 row between batches of 700
        does not make the next training step allocate and page in 28 MB again)."""
        if self._flat is None or self._flat.dtype != dtype or self._flat.size < M * V:
            self._flat = np.empty(M * V, dtype=dtype)
        return self._flat[: M * V].reshape(M, V)

    def _check(self, hs, ts) -> tuple[np.ndarray, np.ndarray, int, int, int]:
        W = self.params[0]
        H, V = W.shape
        hs, ts = np.asarray(hs), np.asarray(ts)
        if hs.ndim != 3 or hs.shape[2] != H:
            raise ValueError(f"TimeAffineSoftmaxWithLoss expects hs of shape (N, T, {H}), got {hs.shape}")
        if hs.dtype != W.dtype:
            raise ValueError(f"hs dtype {hs.dtype} does not match the parameters' dtype {W.dtype}")
        if ts.shape != hs.shape[:2] or not np.issubdtype(ts.dtype, np.integer):
            raise ValueError(f"ts must be integer targets of shape {hs.shape[:2]}, got {ts.shape} {ts.dtype}")
        return hs, ts, hs.shape[0], hs.shape[1], V

    # ----------------------------------------------------------------- row blocks, on threads
    def _forward_block(self, r0: int, r1: int, b, targets, sums, log_p) -> None:
        """Rows r0:r1 of the logits: add the bias, subtract the row max, exp, row sums (in place)."""
        zb = self._z[r0:r1]
        zb += b
        zb -= zb.max(axis=1, keepdims=True)
        log_p[r0:r1] = zb[np.arange(r1 - r0), targets[r0:r1]]
        np.exp(zb, out=zb)
        np.sum(zb, axis=1, out=sums[r0:r1])

    def _backward_block(self, r0: int, r1: int, row_scale, w, partial_db) -> None:
        """Rows r0:r1 become the logits' gradient; their column sums go to the block's row of ``partial_db``."""
        zb = self._z[r0:r1]
        zb *= row_scale[r0:r1, None]
        zb[np.arange(r1 - r0), self._targets[r0:r1]] -= w[r0:r1]
        np.sum(zb, axis=0, out=partial_db[r0 // max(1, L2_BLOCK_ELEMENTS // zb.shape[1])])

    def _threads_for(self, blocks: int, elements: int) -> int:
        workers = self.workers if self.workers is not None else blas_threads()
        if elements < MIN_THREADED_ELEMENTS:
            return 1
        return max(1, min(workers, blocks))

    def _run_blocks(self, fn, M: int, V: int, *args) -> None:
        """Call ``fn(r0, r1, *args)`` for every block of rows. The blocks are the same whatever the
        number of threads (so are the results, bit for bit); with k > 1 threads each takes a
        contiguous share of the blocks (NumPy's ufuncs release the GIL, so the exps run in parallel)."""
        rows = max(1, L2_BLOCK_ELEMENTS // V)
        starts = list(range(0, M, rows))
        k = self._threads_for(len(starts), M * V)

        def run(share: list[int]) -> None:
            for r0 in share:
                fn(r0, min(r0 + rows, M), *args)

        if k == 1:
            run(starts)
            return
        shares = [starts[len(starts) * j // k: len(starts) * (j + 1) // k] for j in range(k)]
        if self._pool is None or self._pool_size != k - 1:
            if self._pool is not None:
                self._pool.shutdown(wait=False)
            self._pool = ThreadPoolExecutor(max_workers=k - 1, thread_name_prefix="rnnlab-softmax")
            self._pool_size = k - 1
        futures = [self._pool.submit(run, share) for share in shares[1:]]
        run(shares[0])  # this thread takes the first share
        for f in futures:
            f.result()

    # ----------------------------------------------------------------- forward / backward
    def forward(self, hs: np.ndarray, ts) -> float:
        hs, ts, N, T, V = self._check(hs, ts)
        W, b = self.params
        M, H = N * T, W.shape[0]
        t = ts.reshape(M)
        valid = None if self.ignore_label is None else t != self.ignore_label
        counted = t if valid is None else t[valid]
        if counted.size and (counted.min() < 0 or counted.max() >= V):
            raise ValueError(
                f"targets must be in [0, {V}) or equal ignore_label={self.ignore_label}, "
                f"got values in [{counted.min()}, {counted.max()}]"
            )
        targets = t.copy() if valid is None else np.where(valid, t, 0)  # the caller may refill ts
        h2 = hs.reshape(M, H)
        z = self._z = self._buffer(M, V, W.dtype)
        np.matmul(h2, W, out=z)

        sums = np.empty(M, dtype=W.dtype)
        log_p = np.empty(M, dtype=W.dtype)  # (z_t - m), then minus log s
        self._run_blocks(self._forward_block, M, V, b, targets, sums, log_p)
        log_p -= np.log(sums)

        self._shape, self._h2, self._sums = (N, T, V), h2, sums
        self._targets, self._valid, self._state = targets, valid, "forward"
        self.count = M if valid is None else int(np.count_nonzero(valid))
        if self.count == 0:
            return 0.0
        counted_log_p = log_p if valid is None else log_p[valid]
        return float(-np.sum(counted_log_p, dtype=np.float64) / self.count)

    @property
    def probs(self) -> np.ndarray | None:
        """Softmax (N, T, V) of the last forward; None after ``backward`` (the buffer holds the gradient)."""
        if self._state == "forward":
            self._z *= np.reciprocal(self._sums)[:, None]
            self._state = "probs"
        return self._z.reshape(self._shape) if self._state == "probs" else None

    def backward(self, dout: float = 1.0) -> np.ndarray:
        if self._state not in ("forward", "probs"):
            what = "twice after one forward" if self._state == "backward" else "before forward"
            raise RuntimeError(f"TimeAffineSoftmaxWithLoss.backward called {what}")
        W = self.params[0]
        dW, db = self.grads
        z, M = self._z, self._z.shape[0]
        scale = float(dout) / self.count if self.count else 0.0
        w = np.full(M, scale, dtype=z.dtype) if self._valid is None else self._valid * z.dtype.type(scale)
        row_scale = w / self._sums if self._state == "forward" else w  # folds the softmax's 1/s in
        rows = max(1, L2_BLOCK_ELEMENTS // z.shape[1])
        partial_db = np.empty(((M + rows - 1) // rows, z.shape[1]), dtype=z.dtype)  # one row per block
        self._run_blocks(self._backward_block, M, z.shape[1], row_scale, w, partial_db)
        db[...] = 0
        for part in partial_db:  # in block order, whatever thread computed each: the same sums every time
            db += part
        self._state = "backward"
        np.matmul(self._h2.T, z, out=dW)
        N, T, _ = self._shape
        return np.matmul(z, W.T).reshape(N, T, -1)
