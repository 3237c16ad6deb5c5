"""An axis whose log-scale tick labels never overlap.

pyqtgraph labels every one of 1..9 in each decade when a log axis spans less than three decades, so on
a 100-pixel gradient-norm plot "0.9 0.8 0.6 ..." and "8·10¹ 7·10¹ ..." printed over each other.
``ReadableAxis`` picks, by the pixels the axis has, the densest of: every 1..9, 1-2-5, 1-3, 1 per
decade, or every k-th decade, and writes the values plainly ("0.2", "30", "1e-05").
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg

PER_DECADE = ((1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 5), (1, 3), (1,))
LABEL_PX = {"left": 24.0, "right": 24.0, "bottom": 64.0, "top": 64.0}  # room one label needs along the axis


def log_ticks(lo: float, hi: float, size_px: float, label_px: float) -> list[float]:
    """Tick positions (log10 values) between ``lo`` and ``hi`` (log10), at most one per ``label_px``."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return []
    room = max(2, int(size_px // label_px))
    d0, d1 = math.floor(lo), math.ceil(hi)
    for mantissas in PER_DECADE:
        ticks = [d + math.log10(m) for d in range(d0, d1 + 1) for m in mantissas]
        ticks = [t for t in ticks if lo - 1e-9 <= t <= hi + 1e-9]
        if 2 <= len(ticks) <= room:
            return ticks
        if len(ticks) < 2 and mantissas == (1, 2, 3, 4, 5, 6, 7, 8, 9):
            break  # not even two "nice" values inside: fall back to the ends below
    decades = list(range(math.ceil(lo - 1e-9), math.floor(hi + 1e-9) + 1))
    if len(decades) >= 2:
        step = max(1, math.ceil(len(decades) / room))
        return [float(d) for d in decades[::step]]
    return [lo, hi] if room >= 2 else [lo]


def format_log_value(value: float) -> str:
    """10**value, short: 0.2, 30, 1e-05."""
    x = 10.0 ** value
    if 1e-3 <= abs(x) < 1e4:
        return f"{x:.3g}"
    return f"{x:.0e}".replace("e-0", "e-").replace("e+0", "e")


class ReadableAxis(pg.AxisItem):
    def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802 - pyqtgraph's name
        return [(None, log_ticks(minVal, maxVal, size, LABEL_PX.get(self.orientation, 20.0)))]

    def logTickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return [format_log_value(float(v)) for v in np.asarray(values, dtype=float)]


__all__ = ["ReadableAxis", "format_log_value", "log_ticks"]
