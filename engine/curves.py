"""Bounded training curves: per-step rows kept at a resolution that halves as the run grows.

A million-step run must not keep a million points per metric. ``BoundedRows`` stores at most
``capacity`` rows: when full it keeps every second row and doubles its stride, so memory stays
bounded and the shape of the curve is preserved (old parts coarser, like a zoomed-out plot). The
decimation is deterministic, so a resumed run has the same curves as an uninterrupted one.

One of each: ``BoundedRows`` is the store (the trainer's ``Curves`` and each ``runs.Run`` use it),
``thin_history`` the rule for validation points, ``back_date`` the wall clock of a chunk of rows.
"""

from __future__ import annotations

import numpy as np

COLUMNS = ("step", "time", "loss", "metric", "grad_norm", "lr")  # what the trainer records per step
MAX_VAL_POINTS = 4_000  # validation points kept per run (the adder validates dozens of times a second)


class BoundedRows:
    """Rows of ``len(columns)`` float64 values, at most ``capacity`` of them (see the module docstring).

    Kept rows are the ``k * stride``-th rows offered, so the spacing stays uniform: halving keeps rows
    2, 4, 6, ... of those held, which are the multiples of the doubled stride.
    """

    def __init__(self, columns: tuple[str, ...], capacity: int = 20_000) -> None:
        if capacity < 4 or capacity % 2:
            raise ValueError(f"capacity must be an even number >= 4, got {capacity}")
        self.columns, self.capacity = tuple(columns), capacity
        self.data = np.empty((0, len(self.columns)), dtype=np.float64)  # grows up to capacity rows
        self.n = 0
        self.stride = 1  # keep one row out of every `stride` offered
        self.seen = 0  # rows offered so far

    def __len__(self) -> int:
        return self.n

    def add(self, row) -> None:
        """Offer one row (len(columns) numbers); keep it if the stride says so, halving when full."""
        self.seen += 1
        if self.seen % self.stride:
            return
        if self.n == self.capacity:  # keep every second row held, then every (doubled) stride-th offered
            self.data[:self.n // 2] = self.data[1:self.n:2]
            self.n //= 2
            self.stride *= 2
            if self.seen % self.stride:
                return
        if self.n == self.data.shape[0]:  # grow (up to capacity) instead of holding it all from the start
            grown = np.empty((min(self.capacity, max(64, 2 * self.n)), len(self.columns)))
            grown[:self.n] = self.data[:self.n]
            self.data = grown
        self.data[self.n] = row
        self.n += 1

    def extend(self, rows: np.ndarray) -> None:
        """Offer rows (k, len(columns)), oldest first."""
        for row in np.asarray(rows, dtype=np.float64).reshape(-1, len(self.columns)):
            self.add(row)

    def rows(self) -> np.ndarray:
        """The kept rows (n, len(columns)): a view, valid until the next ``extend``."""
        return self.data[:self.n]

    def column(self, name: str) -> np.ndarray:
        """A copy of one column, rows in the order offered."""
        return self.data[:self.n, self.columns.index(name)].copy()

    def last(self, name: str, k: int) -> np.ndarray:
        """The last ``k`` kept values of one column (fewer at the start), oldest first."""
        return self.data[max(0, self.n - k): self.n, COLUMNS.index(name)].copy()

    def as_dict(self) -> dict[str, np.ndarray]:
        return {name: self.column(name) for name in self.columns}

    def state_dict(self) -> dict[str, np.ndarray]:
        return {"rows": self.rows().copy(), "meta": np.array([self.capacity, self.stride, self.seen], dtype=np.int64)}

    def load_state_dict(self, state: dict[str, np.ndarray]) -> None:
        rows, meta = np.asarray(state["rows"], dtype=np.float64), np.asarray(state["meta"])
        if rows.ndim != 2 or rows.shape[1] != len(self.columns) or meta.shape != (3,):
            raise ValueError(f"curves have shape {rows.shape}, expected (n, {len(self.columns)})")
        capacity = int(meta[0])
        if capacity < 4 or capacity % 2 or rows.shape[0] > capacity:
            raise ValueError(f"curves hold {rows.shape[0]} rows for a capacity of {capacity}")
        BoundedRows.__init__(self, self.columns, capacity)
        self.extend(rows)
        self.stride, self.seen = int(meta[1]), int(meta[2])


class Curves(BoundedRows):
    """The trainer's curves: ``COLUMNS``, one row per training step (``append``)."""

    def __init__(self, capacity: int = 20_000) -> None:
        super().__init__(COLUMNS, capacity)

    def append(self, step: int, time: float, loss: float, metric: float, grad_norm: float, lr: float) -> None:
        self.add((step, time, loss, metric, grad_norm, lr))


def thin_history(points: list, limit: int = MAX_VAL_POINTS) -> None:
    """Keep a growing list of points bounded, in place: past ``limit``, drop every other one (the
    newest always stays), so a long run's early history gets coarser instead of ever longer."""
    if len(points) > limit:
        del points[-2::-2]


def back_date(times: np.ndarray, now: float) -> np.ndarray:
    """Wall-clock times (seconds since the epoch) of a chunk of rows that arrived at ``now``: each row
    back-dated by the training time between it and the chunk's last (``times``: training seconds)."""
    t = np.asarray(times, dtype=np.float64)
    return now - (t[-1] - t) if len(t) and np.isfinite(t).all() else np.full(t.shape, float(now))
