"""Preallocated, bounded storage of the curves the window draws, with TensorBoard-style smoothing.

Rows arrive in chunks (``report["points"]``: every step since the last report). The buffer holds
at most ``capacity`` rows: when full it keeps every second row and from then on keeps one row in
``stride`` (old parts of a long run coarser, recent ones as fine as the stride allows), so memory
is bounded however long the run. Smoothed copies of some columns are kept alongside, updated
incrementally as rows arrive (``debiased_ema`` below, chunk by chunk) and recomputed with
``engine.runs.debiased_ema`` (the same numbers, vectorised) when the smoothing weight changes.
"""

from __future__ import annotations

import math

import numpy as np

from rnn_lab.engine import runs


def debiased_ema(values: np.ndarray, weight: float, state: tuple[float, int] = (0.0, 0)
                 ) -> tuple[np.ndarray, tuple[float, int]]:
    """TensorBoard's smoothing: an exponential moving average divided by ``1 - weight**n`` so the
    start is not pulled towards 0. Non-finite inputs give NaN (a gap) and don't enter the average.

    ``state`` = (running average, count) carries over between chunks; returns (smoothed, state)."""
    last, count = state
    out = np.empty(len(values), dtype=np.float64)
    if weight <= 0:
        out[:] = values
        return out, state
    for i, x in enumerate(values.tolist()):
        if not math.isfinite(x):
            out[i] = math.nan
            continue
        last = last * weight + (1.0 - weight) * x
        count += 1
        out[i] = last / (1.0 - weight**count) if weight < 1 else last
    return out, (last, count)


class CurveBuffer:
    """Columns ``columns`` (float64) plus smoothed copies of ``smoothed`` columns.

    ``extend(chunk)`` appends rows given as ``{column: 1-D array}``; ``col(name)`` and
    ``smooth(name)`` are views of the rows kept so far (valid until the next ``extend``)."""

    def __init__(self, columns: tuple[str, ...], smoothed: tuple[str, ...], capacity: int = 10_000,
                 weight: float = 0.6) -> None:
        if capacity < 4 or capacity % 2:
            raise ValueError(f"capacity must be an even number >= 4, got {capacity}")
        self.columns, self.smoothed, self.capacity = columns, smoothed, capacity
        self.data = np.full((capacity, len(columns)), np.nan, dtype=np.float64)
        self.smooth_data = np.full((capacity, len(smoothed)), np.nan, dtype=np.float64)
        self.weight = weight
        self.clear()

    def clear(self) -> None:
        self.n = 0
        self.stride = 1
        self._seen = 0  # rows offered since the stride last changed
        self._ema = [(0.0, 0)] * len(self.smoothed)

    def __len__(self) -> int:
        return self.n

    def col(self, name: str) -> np.ndarray:
        return self.data[: self.n, self.columns.index(name)]

    def smooth(self, name: str) -> np.ndarray:
        return self.smooth_data[: self.n, self.smoothed.index(name)]

    def extend(self, chunk: dict[str, np.ndarray]) -> None:
        """Append rows; missing columns are NaN. Keeps one row in ``stride``, halving when full."""
        m = len(chunk[self.columns[0]])
        if m == 0:
            return
        rows = np.full((m, len(self.columns)), np.nan, dtype=np.float64)
        for j, name in enumerate(self.columns):
            if name in chunk:
                rows[:, j] = chunk[name]
        i = 0
        while i < m:
            if self.n == self.capacity:
                self._halve()
            first = i + (-self._seen) % self.stride
            take = np.arange(first, m, self.stride)[: self.capacity - self.n]
            if len(take) == 0:
                self._seen += m - i
                break
            self._append_rows(rows[take])
            self._seen += take[-1] + 1 - i
            i = take[-1] + 1
            if self.n < self.capacity:  # everything left is within one stride of the last kept row
                self._seen += m - i
                break

    def _append_rows(self, rows: np.ndarray) -> None:
        k = len(rows)
        self.data[self.n: self.n + k] = rows
        for j, name in enumerate(self.smoothed):
            sm, self._ema[j] = debiased_ema(rows[:, self.columns.index(name)], self.weight, self._ema[j])
            self.smooth_data[self.n: self.n + k, j] = sm
        self.n += k

    def _halve(self) -> None:
        half = self.n // 2
        self.data[:half] = self.data[1: self.n: 2]
        self.smooth_data[:half] = self.smooth_data[1: self.n: 2]
        self.data[half:] = np.nan
        self.smooth_data[half:] = np.nan
        self.n = half
        self.stride *= 2
        self._seen = 0

    def set_weight(self, weight: float) -> None:
        """Change the smoothing weight (0 = off, 0.99 = very smooth) and recompute every smoothed column."""
        if not 0.0 <= weight < 1.0:
            raise ValueError(f"smoothing weight must be in [0, 1), got {weight}")
        self.weight = weight
        for j, name in enumerate(self.smoothed):
            col = self.col(name)
            sm = runs.debiased_ema(col, weight)  # vectorised: the whole column at once
            self.smooth_data[: self.n, j] = sm
            finite = np.flatnonzero(np.isfinite(col))
            count = len(finite)
            # the running (biased) average the incremental update continues from
            last = float(sm[finite[-1]]) * (1.0 - weight**count) if count and weight > 0 else 0.0
            self._ema[j] = (last, count)

    def nearest(self, x: float, column: str = "step") -> int | None:
        """Index of the kept row whose ``column`` is closest to ``x`` (None when empty)."""
        if self.n == 0:
            return None
        xs = self.col(column)
        i = int(np.searchsorted(xs, x))
        if i >= self.n:
            return self.n - 1
        if i > 0 and x - xs[i - 1] < xs[i] - x:
            return i - 1
        return i
