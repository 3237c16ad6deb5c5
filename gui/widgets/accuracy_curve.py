"""Accuracy against training steps: validation points bold, the noisy batch accuracy faint behind them.

Shared by the adder and seq2seq panels. Feed it the trainer's progress reports: ``report["val"]``
(validation points, each a dict with "step", "split" and "accuracy") and ``report["points"]``
(per-step arrays; "metric" is the batch accuracy when the task's metric is accuracy).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QCoreApplication
from PyQt6.QtGui import QColor

from rnn_lab.engine.curves import thin_history

from ..curve_buffer import CurveBuffer
from ..plot_speed import major_grid, thin
from ..theme import TRAIN_COLOR, VAL_COLOR
from ..throttle import Throttle

REDRAW_S = 0.15  # the batch curve is redrawn at most this often

BATCH_COLOR = (*QColor(TRAIN_COLOR).getRgb()[:3], 80)  # faint: the noisy per-batch value


class AccuracyCurve(pg.PlotWidget):
    """A PlotWidget with two curves: batch accuracy (faint) and validation accuracy (bold, dots)."""

    def __init__(self, val_name: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.plot_item = self.getPlotItem()
        self.plot_item.setLabel("bottom", QCoreApplication.translate("AccuracyCurve", "step"))
        self.plot_item.setLabel("left", QCoreApplication.translate("AccuracyCurve", "accuracy"))
        self.plot_item.getAxis("left").enableAutoSIPrefix(False)
        self.plot_item.setYRange(0.0, 1.0, padding=0.06)  # room for the 0 and 1 labels
        self.plot_item.setMouseEnabled(y=False)
        major_grid(self.plot_item, x=False, alpha=0.25)
        self.plot_item.addLegend(offset=(10, 10))
        self.plot_item.setClipToView(True)
        self.batch = self.plot_item.plot(pen=pg.mkPen(BATCH_COLOR, width=1), name=QCoreApplication.translate("AccuracyCurve", "batch"))
        thin(self.batch, "peak")
        self.val = self.plot_item.plot(pen=pg.mkPen(VAL_COLOR, width=2), symbol="o", symbolSize=6,
                                       symbolBrush=VAL_COLOR, symbolPen=None,
                                       name=val_name or QCoreApplication.translate("AccuracyCurve", "validation"))
        self._redraw = Throttle(self._draw, REDRAW_S, self)
        self.clear_data()

    def _draw(self) -> None:
        self.batch.setData(self._batch.col("step").copy(), self._batch.col("metric").copy(), connect="finite")
        if self.val_points:
            x, y = np.array(self.val_points, dtype=np.float64).T
            self.val.setData(x, y, connect="finite")
        self.scene().prepareForPaint()  # settle the ranges now, or the paint asks for a second one

    def clear_data(self) -> None:
        # bounded like the main curves: old batch points are decimated, so a long run's memory stays flat
        self._batch = CurveBuffer(("step", "metric"), (), capacity=10_000)
        self.val_points: list[tuple[float, float]] = []
        self._redraw.cancel()
        self.batch.setData([], [])
        self.val.setData([], [])

    def add_report(self, report: dict[str, Any], batch_is_accuracy: bool = True) -> list[dict[str, Any]]:
        """Append a progress report's points; returns its new validation points that carry accuracy."""
        pts = report.get("points") or {}
        if batch_is_accuracy and len(pts.get("step", ())):
            self._batch.extend({"step": np.asarray(pts["step"], dtype=np.float64),
                                "metric": np.asarray(pts["metric"], dtype=np.float64)})
        vals = [v for v in report.get("val") or () if v.get("split", "val") == "val" and "accuracy" in v]
        if vals:
            self.val_points += [(float(v["step"]), float(v["accuracy"])) for v in vals]
            thin_history(self.val_points)  # bounded on long runs: the early ones get coarser
        if vals or batch_is_accuracy and len(pts.get("step", ())):
            self._redraw()  # at most every REDRAW_S: the adder reports (and validates) dozens of times a second
        return vals
