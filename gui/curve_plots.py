"""The four training plots, stacked on one step axis: loss, the task's metric, gradient norm, learning rate.

``CurvePlots`` is the plot widget of the curves panel (``gui/panels/curves.py`` feeds it): a
``GraphicsLayoutWidget`` holding the plots, the current run's items (raw values faint behind the
smoothed curve, validation points), the clip line, a crosshair line per plot, and the loss plot's
legend as a strip under its axis (``curve_legend.LegendStrip``: it never covers a curve).
Every data item carries a ``series_name`` ("<run>: train loss (smoothed)"): the CSV export's
column names.
"""

from __future__ import annotations

import pyqtgraph as pg
from PyQt6.QtCore import QCoreApplication, Qt

from .curve_legend import LegendStrip
from .i18n import metric_label
from .log_axis import ReadableAxis
from .plot_speed import major_grid, thin
from .theme import GRAD_COLOR, LR_COLOR, TRAIN_COLOR, VAL_COLOR

AXIS_WIDTH = 62  # the same for every plot, so a step is at the same x pixel in each
VAL_SYMBOL_SIZE = 6


def faint(color: str, alpha: int = 70) -> pg.QtGui.QColor:
    c = pg.mkColor(color)
    c.setAlpha(alpha)
    return c


class CurvePlots(pg.GraphicsLayoutWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # One column: a step is at the same x pixel in every plot (linked views align by pixel).
        # (log scales: ReadableAxis labels as many values as fit, never overlapping)
        self.loss_plot = self.addPlot(row=0, col=0, axisItems={"left": ReadableAxis("left")})
        self.metric_plot = self.addPlot(row=1, col=0, axisItems={"left": ReadableAxis("left")})
        self.grad_plot = self.addPlot(row=2, col=0, axisItems={"left": ReadableAxis("left")})
        self.lr_plot = self.addPlot(row=3, col=0, axisItems={"left": ReadableAxis("left")})
        self.plots = [self.loss_plot, self.metric_plot, self.grad_plot, self.lr_plot]
        for r, f in enumerate((5, 4, 3, 2)):
            self.ci.layout.setRowStretchFactor(r, f)
        for p in self.plots:
            p.setClipToView(True)
            p.setDownsampling(auto=True, mode="peak")
            major_grid(p, alpha=0.2)
            p.getAxis("left").setWidth(AXIS_WIDTH)
            p.setMinimumHeight(60)
            if p is not self.loss_plot:
                p.setXLink(self.loss_plot)
            if p is not self.lr_plot:
                p.getAxis("bottom").setStyle(showValues=False)
        self.lr_plot.setLabel("bottom", QCoreApplication.translate("CurvePlots", "step"))
        self.lr_plot.enableAutoRange(axis="y", enable=False)
        self.legend = LegendStrip(self.loss_plot)

        self.loss_raw = self.loss_plot.plot(pen=pg.mkPen(faint(TRAIN_COLOR), width=1), antialias=False)
        self.loss_smooth = self.loss_plot.plot(pen=pg.mkPen(TRAIN_COLOR, width=2),
                                               name=QCoreApplication.translate("CurvePlots", "train"))
        self.loss_val = self.loss_plot.plot(pen=pg.mkPen(VAL_COLOR, width=2), symbol="o",
                                            symbolSize=VAL_SYMBOL_SIZE, symbolBrush=VAL_COLOR, symbolPen=None,
                                            name=QCoreApplication.translate("CurvePlots", "validation"))
        self.metric_raw = self.metric_plot.plot(pen=pg.mkPen(faint(TRAIN_COLOR), width=1), antialias=False)
        self.metric_smooth = self.metric_plot.plot(pen=pg.mkPen(TRAIN_COLOR, width=2))
        self.metric_val = self.metric_plot.plot(pen=pg.mkPen(VAL_COLOR, width=2), symbol="o",
                                                symbolSize=VAL_SYMBOL_SIZE, symbolBrush=VAL_COLOR, symbolPen=None)
        self.grad_raw = self.grad_plot.plot(pen=pg.mkPen(faint(GRAD_COLOR), width=1), antialias=False)
        self.grad_smooth = self.grad_plot.plot(pen=pg.mkPen(GRAD_COLOR, width=2))
        self.lr_curve = self.lr_plot.plot(pen=pg.mkPen(LR_COLOR, width=2))
        # The raw curves are noisy: a zigzag from min to max in every pixel column. Antialiasing it
        # cost ~100 ms per repaint of a 900x900 panel (bench/gui.py); thin and faint, it looks the same.
        for item in (self.loss_raw, self.metric_raw, self.grad_raw):
            thin(item, "peak")
        for item in (self.loss_smooth, self.metric_smooth, self.grad_smooth, self.lr_curve):
            thin(item, "subsample")
        self.clip_line = pg.InfiniteLine(angle=0, pen=pg.mkPen(GRAD_COLOR, width=1, style=Qt.PenStyle.DashLine),
                                         label=QCoreApplication.translate("CurvePlots", "clip"), labelOpts={"position": 0.88, "color": GRAD_COLOR})
        self.grad_plot.addItem(self.clip_line, ignoreBounds=True)
        self.clip_line.hide()
        self.cursors = []
        for p in self.plots:
            line = pg.InfiniteLine(angle=90, pen=pg.mkPen((128, 128, 128, 160), width=1))
            line.hide()
            line.is_cursor = True  # (exports leave it out)
            p.addItem(line, ignoreBounds=True)
            self.cursors.append(line)
        self.name_series("current run", "metric")

    def set_titles(self, metric_name: str) -> None:
        if "accuracy" in metric_name:  # a share: always 0..1, so 0.5 looks like 0.5
            self.metric_plot.setYRange(-0.07, 1.07, padding=0)
        else:
            self.metric_plot.enableAutoRange(axis="y")
        self.loss_plot.setTitle(QCoreApplication.translate("CurvePlots", "Loss (cross-entropy, nats)"), size="9pt")
        self.metric_plot.setTitle(metric_label(metric_name, capital=True), size="9pt")
        self.grad_plot.setTitle(QCoreApplication.translate("CurvePlots", "Gradient norm (before clipping)"), size="9pt")
        self.lr_plot.setTitle(QCoreApplication.translate("CurvePlots", "Learning rate"), size="9pt")

    def set_run_color(self, color: str) -> None:
        self.loss_raw.setPen(pg.mkPen(faint(color), width=1))
        self.loss_smooth.setPen(pg.mkPen(color, width=2))
        self.metric_raw.setPen(pg.mkPen(faint(color), width=1))
        self.metric_smooth.setPen(pg.mkPen(color, width=2))

    def name_series(self, run: str, metric_name: str) -> None:
        """The CSV export's column names of the current run's items (English: a data file's headers)."""
        metric = metric_name.replace("_", " ")
        for item, text in ((self.loss_raw, "train loss"), (self.loss_smooth, "train loss (smoothed)"),
                           (self.loss_val, "validation loss"), (self.metric_raw, f"train {metric}"),
                           (self.metric_smooth, f"train {metric} (smoothed)"),
                           (self.metric_val, f"validation {metric}"), (self.grad_raw, "gradient norm"),
                           (self.grad_smooth, "gradient norm (smoothed)"), (self.lr_curve, "learning rate")):
            item.series_name = f"{run}: {text}"

    def set_legend_text(self, item: pg.PlotDataItem, text: str) -> None:
        for sample, label in self.legend.items:
            if sample.item is item and label.text != text:
                label.setText(text)
                self.legend.reflow()


__all__ = ["AXIS_WIDTH", "CurvePlots", "faint"]
