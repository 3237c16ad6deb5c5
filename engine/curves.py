"""Bounded training curves: per-step scalars kept at a resolution that halves as the run grows.

A million-step run must not keep a million points per metric. ``Curves`` stores at most
``capacity`` rows; when full it keeps every second row and doubles its stride, so memory stays
bounded and the shape of the curve is preserved (old parts coarser, like a zoomed-out plot).
The decimation is deterministic, so a resumed run has the same curves as an uninterrupted one.
"""

from __future__ import annotations

import numpy as np

COLUMNS = ("step", "time", "loss", "metric", "grad_norm", "lr")


class Curves:
    """Columns ``COLUMNS`` as float64 arrays; ``append`` one row per training step."""

    def __init__(self, capacity: int = 20_000) -> None:
        if capacity < 4 or capacity % 2:
            raise ValueError(f"capacity must be an even number >= 4, got {capacity}")
        self.capacity = capacity
        self.data = np.zeros((capacity, len(COLUMNS)), dtype=np.float64)
        self.n = 0
        self.stride = 1  # keep one row out of every `stride` steps
        self._seen = 0  # rows offered so far

    def append(self, step: int, time: float, loss: float, metric: float, grad_norm: float, lr: float) -> None:
        """Offer one row. Kept rows are the ``k * stride``-th rows offered, so the spacing stays uniform
        (halving keeps rows 2, 4, 6, ... of those held, which are the multiples of the doubled stride)."""
        self._seen += 1
        if self._seen % self.stride:
            return
        if self.n == self.capacity:
            self.data[: self.n // 2] = self.data[1 : self.n : 2]
            self.n //= 2
            self.stride *= 2
            if self._seen % self.stride:
                return
        self.data[self.n] = (step, time, loss, metric, grad_norm, lr)
        self.n += 1

    def column(self, name: str) -> np.ndarray:
        """A copy of one column, rows in step order."""
        return self.data[: self.n, COLUMNS.index(name)].copy()

    def last(self, name: str, k: int) -> np.ndarray:
        """The last ``k`` kept values of one column (fewer at the start), oldest first."""
        return self.data[max(0, self.n - k): self.n, COLUMNS.index(name)].copy()

    def as_dict(self) -> dict[str, np.ndarray]:
        return {name: self.column(name) for name in COLUMNS}

    def state_dict(self) -> dict[str, np.ndarray]:
        return {"rows": self.data[: self.n].copy(),
                "meta": np.array([self.capacity, self.stride, self._seen], dtype=np.int64)}

    def load_state_dict(self, state: dict[str, np.ndarray]) -> None:
        rows, meta = np.asarray(state["rows"], dtype=np.float64), np.asarray(state["meta"])
        if rows.ndim != 2 or rows.shape[1] != len(COLUMNS) or meta.shape != (3,):
            raise ValueError(f"curves have shape {rows.shape}, expected (n, {len(COLUMNS)})")
        capacity = int(meta[0])
        if capacity < 4 or capacity % 2 or rows.shape[0] > capacity:
            raise ValueError(f"curves hold {rows.shape[0]} rows for a capacity of {capacity}")
        self.__init__(capacity)
        self.data[: rows.shape[0]] = rows
        self.n = rows.shape[0]
        self.stride, self._seen = int(meta[1]), int(meta[2])


MAX_VAL_POINTS = 4_000  # validation points kept per run (the adder validates dozens of times a second)


def thin_history(points: list, limit: int = MAX_VAL_POINTS) -> None:
    """Keep a growing list of points bounded, in place: past ``limit``, drop every other one (the
    newest always stays), so a long run's early history gets coarser instead of ever longer."""
    if len(points) > limit:
        del points[-2::-2]
