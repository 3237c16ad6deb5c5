"""A plot redrawn for a slide: the export of one plot is laid out at the export's own size.

Scaling a plot's picture as the window shows it (what pyqtgraph's ImageExporter does) keeps the
window's proportions: a 200-pixel-high plot in a narrow column, exported 1600 pixels wide, got a huge
title and huge markers, a tiny legend, and no x axis (in the window the plots share the one under the
lowest). ``SlidePlot`` instead builds a new plot offscreen with the same curves, lines, ranges, axes,
log scales and legend, with both axes labelled, at a logical size of about ``SLIDE_WIDTH`` pixels,
then renders that: text, ticks and markers come out in proportion to the export, whatever its width.

Only plots made of curves (``PlotDataItem``), scatters (``ScatterPlotItem``) and lines (``InfiniteLine``)
are redrawn this way; others (heatmaps, bar charts) are exported as the window shows them (``supports``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QApplication

from .curve_legend import LegendStrip
from .log_axis import ReadableAxis
from .plot_speed import major_grid

SLIDE_WIDTH = 800  # logical pixels: fonts in points look as they would on a 800-pixel-wide figure
ASPECT = (0.5, 0.75)  # height / width, the plot's own shape kept within these bounds


def supports(plot: Any) -> bool:
    """Whether ``plot`` can be redrawn: a PlotItem of curves, scatters and lines only, with something to draw."""
    if not isinstance(plot, pg.PlotItem):
        return False
    items = [i for i in plot.items if i.isVisible()]
    return any(isinstance(i, (pg.PlotDataItem, pg.ScatterPlotItem)) for i in items) and all(
        isinstance(i, (pg.PlotDataItem, pg.ScatterPlotItem, pg.InfiniteLine)) for i in items)


def data_items(plot: pg.PlotItem) -> list[pg.PlotDataItem]:
    """The visible curves of ``plot`` that hold data."""
    out = []
    for item in plot.items:
        if isinstance(item, pg.PlotDataItem) and item.isVisible():
            x, _ = item.getOriginalDataset()
            if x is not None and len(x):
                out.append(item)
    return out


class SlidePlot:
    """``SlidePlot(source, width)``: an offscreen copy of ``source`` whose logical width is at most
    ``SLIDE_WIDTH`` (``width`` is the export's pixel width). ``plot`` is the copy; ``close()`` ends it."""

    def __init__(self, source: pg.PlotItem, width: int = SLIDE_WIDTH) -> None:
        self.source = source
        logical = int(min(max(width, 200), SLIDE_WIDTH))
        sw, sh = source.width(), source.height()
        aspect = min(max(sh / sw if sw > 0 else ASPECT[1], ASPECT[0]), ASPECT[1])
        self.size = (logical, int(logical * aspect))
        self.view = pg.GraphicsLayoutWidget()
        self.view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)  # rendered, never on screen
        views = source.scene().views() if source.scene() is not None else []
        if views:
            self.view.setBackground(views[0].backgroundBrush().color())
        bottom = source.getAxis("bottom")
        axis = {"left": ReadableAxis("left")}
        if isinstance(bottom, pg.DateAxisItem):
            axis["bottom"] = pg.DateAxisItem()
        self.plot = self.view.addPlot(axisItems=axis)
        self._copy_axes()
        self._copy_items()
        self.view.resize(*self.size)
        self.view.show()
        QApplication.processEvents()
        self._copy_range()
        if self.legend is not None:
            self.legend.reflow()
        QApplication.processEvents()

    # ------------------------------------------------------------------ copying
    def _copy_axes(self) -> None:
        src, dst = self.source, self.plot
        title = src.titleLabel.text if src.titleLabel.isVisible() else ""
        if title:
            dst.setTitle(title, size="15px")  # pixels, not points: the same in PNG and SVG whatever the DPI
        major_grid(dst, alpha=0.2)
        log_x, log_y = (bool(src.ctrl.logXCheck.isChecked()), bool(src.ctrl.logYCheck.isChecked()))
        dst.setLogMode(x=log_x, y=log_y)
        for side in ("left", "bottom"):
            a, b = src.getAxis(side), dst.getAxis(side)
            b.enableAutoSIPrefix(a.autoSIPrefix)
            b.setStyle(showValues=True)
            if a._tickLevels is not None:  # custom ticks (decades, tokens)
                b.setTicks(a._tickLevels)
            text = a.labelText or (getattr(src, "x_label", "") if side == "bottom" else "")
            if text:
                b.setLabel(text, units=a.labelUnits or None)

    def _copy_items(self) -> None:
        self.copies: dict[int, pg.GraphicsObject] = {}
        for item in self.source.items:
            if not item.isVisible():
                continue
            if isinstance(item, pg.PlotDataItem):
                self._copy_curve(item)
            elif isinstance(item, pg.ScatterPlotItem):
                self._copy_scatter(item)
            elif isinstance(item, pg.InfiniteLine) and not getattr(item, "is_cursor", False):
                self._copy_line(item)
        self.legend = None
        src_legend = self.source.legend
        if src_legend is not None and src_legend.items:
            self.legend = LegendStrip(self.plot, text_size="12px")
            for sample, label in src_legend.items:
                copy = self.copies.get(id(sample.item))
                if copy is not None:
                    self.legend.addItem(copy, label.text)

    def _copy_curve(self, item: pg.PlotDataItem) -> None:
        x, y = item.getOriginalDataset()
        if x is None:
            x, y = np.zeros(0), np.zeros(0)
        o = item.opts
        copy = pg.PlotDataItem(np.asarray(x), np.asarray(y), pen=o.get("pen"), symbol=o.get("symbol"),
                               symbolSize=o.get("symbolSize", 6), symbolBrush=o.get("symbolBrush"),
                               symbolPen=o.get("symbolPen"), connect=o.get("connect", "all"),
                               fillLevel=o.get("fillLevel"), fillBrush=o.get("fillBrush"), antialias=True)
        copy.setZValue(item.zValue())
        copy.series_name = getattr(item, "series_name", None)
        self.plot.addItem(copy)
        self.copies[id(item)] = copy

    def _copy_scatter(self, item: pg.ScatterPlotItem) -> None:
        x, y = item.getData()
        o = item.opts
        copy = pg.ScatterPlotItem(np.asarray(x), np.asarray(y), size=o.get("size", 7), symbol=o.get("symbol"),
                                  pen=o.get("pen"), brush=o.get("brush"), pxMode=o.get("pxMode", True),
                                  antialias=True)
        copy.setZValue(item.zValue())
        self.plot.addItem(copy)
        self.copies[id(item)] = copy

    def _copy_line(self, line: pg.InfiniteLine) -> None:
        label = getattr(line, "label", None)
        opts = {}
        if label is not None and label.isVisible() and label.format:
            opts = dict(label=label.format, labelOpts={"position": label.orthoPos, "color": label.color,
                                                         "anchors": label.anchors, "fill": label.fill})
        copy = pg.InfiniteLine(pos=line.value(), angle=line.angle, pen=line.pen, **opts)
        copy.setZValue(line.zValue())
        self.plot.addItem(copy, ignoreBounds=True)

    def _copy_range(self) -> None:
        (x0, x1), (y0, y1) = self.source.vb.viewRange()
        self.plot.vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.plot.vb.disableAutoRange()

    def close(self) -> None:
        self.view.close()
        self.view.deleteLater()


__all__ = ["SLIDE_WIDTH", "SlidePlot", "data_items", "supports"]
