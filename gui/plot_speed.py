"""Keep pyqtgraph's drawing of long curves cheap: at most about two points per pixel.

pyqtgraph's automatic downsampling keeps about five samples per pixel (``autoDownsampleFactor`` 5),
so a 20,000-point training curve on a 900-pixel plot is still drawn with ~9,000 points, and an
antialiased path that long costs tens of milliseconds per repaint (``bench/gui.py``: the curves
panel took 126 ms per paint at the adder's speed, which was most of the window's stalls). One sample
per pixel is all a screen shows: "peak" keeps the min and max of each pixel's samples (noisy raw
curves keep their envelope), "subsample" one sample per pixel (smoothed curves, which have no
envelope to keep). pyqtgraph redoes this whenever the view changes, so zooming in still shows every
point of the visible range.
"""

from __future__ import annotations

import pyqtgraph as pg

SAMPLES_PER_PIXEL = 1.0


def thin(item: pg.PlotDataItem, method: str = "peak") -> pg.PlotDataItem:
    """Draw ``item`` with about one sample per pixel (``method``: "peak" or "subsample"); returns it."""
    # (setData(autoDownsampleFactor=...) would set it too, but also drop the item's data)
    item.opts["autoDownsampleFactor"] = SAMPLES_PER_PIXEL
    item.setDownsampling(auto=True, method=method)
    item.updateItems(styleUpdate=False)
    return item


def major_grid(plot: pg.PlotItem, x: bool = True, y: bool = True, alpha: float = 0.2) -> None:
    """A grid of the major ticks only. pyqtgraph also draws two levels of minor grid lines, which
    made a repaint of the four training plots cost 88 instead of 32 ms (900x850, offscreen) and
    add little a reader uses."""
    plot.showGrid(x=x, y=y, alpha=alpha)
    for side in ("left", "bottom"):
        plot.getAxis(side).setStyle(maxTickLevel=0)
