"""TimeEmbedding: look up one row of W per token id, for every sequence and timestep.

    forward:  xs[n, t, :] = W[ids[n, t], :]
    backward: dW[v, :]    = sum over all (n, t) with ids[n, t] == v of dxs[n, t, :]

The backward is a segment sum (rows of ``dout`` grouped by id), computed without ``np.add.at``
and without a Python loop over tokens: ids are sorted once, then the rows of each group are
added pairwise in log2(largest group) vectorised passes (a tree reduction).
"""

from __future__ import annotations

import numpy as np


def check_ids(ids, vocab_size: int) -> np.ndarray:
    """Return ``ids`` as an integer array, or raise ValueError if any id is outside ``[0, vocab_size)``."""
    ids = np.asarray(ids)
    if not np.issubdtype(ids.dtype, np.integer):
        raise ValueError(f"token ids must be integers in [0, {vocab_size}), got dtype {ids.dtype}")
    if ids.size and (ids.min() < 0 or ids.max() >= vocab_size):
        raise ValueError(
            f"token ids must be in [0, {vocab_size}), got values in [{ids.min()}, {ids.max()}]"
        )
    return ids


def segment_sum_sorted(rows: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Sum consecutive groups of ``rows`` (M, D): group g is ``rows[starts[g] : starts[g] + sizes[g]]``.

    Destroys ``rows`` (used as the accumulator). Pass k adds the partial sum 2**k rows ahead
    into every row whose rank within its group is a multiple of 2**(k+1), so after
    ceil(log2(max size)) passes the first row of each group holds the group's sum.
    """
    rank = np.arange(rows.shape[0]) - np.repeat(starts, sizes)
    size_of_row = np.repeat(sizes, sizes)
    active = np.flatnonzero(size_of_row > 1)  # rows of singleton groups are already final
    step = 1
    while active.size:
        r = rank[active]
        sel = active[(r % (2 * step) == 0) & (r + step < size_of_row[active])]
        rows[sel] += rows[sel + step]  # the right side is gathered (a copy) before the add
        step *= 2
        active = active[size_of_row[active] > step]
    return rows[starts]


class TimeEmbedding:
    """Word embedding for a batch of sequences.

    W: (V, D) embedding matrix (its dtype is the compute dtype).
    forward(ids (N, T) int) -> xs (N, T, D);  backward(dxs (N, T, D)) -> None (ids have no gradient).
    """

    def __init__(self, W: np.ndarray):
        if W.ndim != 2:
            raise ValueError(f"TimeEmbedding needs W of shape (V, D), got {W.shape}")
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.ids: np.ndarray | None = None

    def forward(self, ids) -> np.ndarray:
        W = self.params[0]
        ids = check_ids(ids, W.shape[0])
        if ids.ndim != 2:
            raise ValueError(f"TimeEmbedding expects ids of shape (N, T), got {ids.shape}")
        self.ids = ids.copy()  # the caller may refill its batch buffer before backward
        return np.take(W, ids, axis=0)

    def backward(self, dout: np.ndarray) -> None:
        if self.ids is None:
            raise RuntimeError("TimeEmbedding.backward called before forward")
        W, dW = self.params[0], self.grads[0]
        D = W.shape[1]
        if dout.shape != (*self.ids.shape, D):
            raise ValueError(f"dout must have shape {(*self.ids.shape, D)}, got {dout.shape}")
        flat = self.ids.ravel()
        order = np.argsort(flat, kind="stable")
        sorted_ids = flat[order]
        is_start = np.empty(flat.size, dtype=bool)
        is_start[:1] = True
        np.not_equal(sorted_ids[1:], sorted_ids[:-1], out=is_start[1:])
        starts = np.flatnonzero(is_start)
        sizes = np.diff(starts, append=flat.size)
        rows = dout.reshape(-1, D)[order].astype(dW.dtype, copy=False)  # gathered: a fresh array
        sums = segment_sum_sorted(rows, starts, sizes)
        dW.fill(0)
        dW[sorted_ids[starts]] = sums
        return None
