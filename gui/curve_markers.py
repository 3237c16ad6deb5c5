"""Vertical markers on the training curves ("lr 0.03 -> 0.01", "diverged") whose labels never overlap.

A marker is a line at a step in every plot, labelled in the first plot. Changes made at the same step
share one marker (their labels one per line). Labels are laid out in lanes from the top of the plot
down: each label takes the highest lane where it does not overlap the labels already placed at that
height, measured in pixels of the plot as it is drawn now (``label_lanes``), so changes made a few
seconds apart stack instead of printing over each other. The layout is redone when the x range or the
plot's size changes; a label with no free lane is hidden (its line stays, and the crosshair readout
lists it). The same marker twice (e.g. from a checkpoint's history and a kept run) is drawn once.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import pyqtgraph as pg
from PyQt6.QtCore import Qt
from PyQt6.QtGui import QFontMetricsF

MAX_MARKERS = 40
LANES = 5  # label rows from the top of the plot
TOP, LANE_STEP = 0.98, 0.11  # where the top lane starts along a line (0 bottom .. 1 top); default lane height
GAP_PX = 6.0


def label_lanes(xs: Sequence[float], widths: Sequence[float], rows: Sequence[int] | None = None,
                lanes: int = LANES, gap: float = GAP_PX, bounds: tuple[float, float] | None = None
                ) -> list[int | None]:
    """The lane (0 = top) of each label, or None where none is free.

    ``xs`` are the label centres and ``widths`` their widths, in pixels; ``rows`` how many text lines
    each has (default 1: a label of k lines takes k lanes, from its own down). Labels are placed from
    left to right; each takes the first lane whose lanes end ``gap`` pixels before it starts. A label
    outside ``bounds`` (the visible pixel span) gets None."""
    rows = [1] * len(xs) if rows is None else rows
    order = sorted(range(len(xs)), key=lambda i: xs[i] - widths[i] / 2)  # by left edge: first come, top lane
    ends = [-math.inf] * lanes
    out: list[int | None] = [None] * len(xs)
    for i in order:
        x, w, k = xs[i], widths[i], max(1, rows[i])
        if not math.isfinite(x) or bounds is not None and not bounds[0] <= x <= bounds[1]:
            continue
        for lane in range(lanes - k + 1):
            if all(x - w / 2 >= ends[j] + gap for j in range(lane, lane + k)):
                out[i] = lane
                for j in range(lane, lane + k):
                    ends[j] = x + w / 2
                break
    return out


class Marker:
    """One step's marker: its lines (one per plot), the texts it shows and its colour."""

    def __init__(self, step: float, texts: list[str], color: str, dashed: bool, lines: list[pg.InfiniteLine]):
        self.step, self.texts, self.color, self.dashed, self.lines = step, texts, color, dashed, lines

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


class MarkerLayer:
    """The markers of the current run over ``plots`` (labels in ``plots[0]``); ``x_of_steps`` maps
    steps to the x axis in use (step, training time, wall clock)."""

    def __init__(self, plots: list[pg.PlotItem], x_of_steps: Callable[[Sequence[float]], Sequence[float]]) -> None:
        self.plots = plots
        self.x_of_steps = x_of_steps
        self.markers: list[Marker] = []
        vb = plots[0].vb
        vb.sigXRangeChanged.connect(lambda *_: self.layout())
        vb.sigResized.connect(lambda *_: self.layout())

    # ------------------------------------------------------------------ adding and removing
    def add(self, step: float, text: str, color: str, dashed: bool = False) -> Marker | None:
        """A marker at ``step`` (a change at the step of the last marker of the same colour joins it).
        Returns the marker, or None when exactly this text is already marked there."""
        for m in self.markers:
            if m.step == step and m.color == color:
                if text in m.texts:
                    return None
                m.texts.append(text)
                m.lines[0].label.setFormat(m.text)
                self.layout()
                return m
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        x = float(self.x_of_steps([step])[0])
        lines = []
        for i, plot in enumerate(self.plots):
            opts = dict(label=text, labelOpts={"position": TOP, "color": color, "fill": _fill(plot)}) if i == 0 else {}
            line = pg.InfiniteLine(pos=x, angle=90, pen=pg.mkPen(color, width=1.5, style=style), **opts)
            plot.addItem(line, ignoreBounds=True)
            lines.append(line)
        marker = Marker(step, [text], color, dashed, lines)
        self.markers.append(marker)
        if len(self.markers) > MAX_MARKERS:
            self._remove(self.markers.pop(0))
        self.layout()
        return marker

    def clear(self) -> None:
        for m in self.markers:
            self._remove(m)
        self.markers = []

    def _remove(self, marker: Marker) -> None:
        for plot, line in zip(self.plots, marker.lines):
            plot.removeItem(line)

    def replace_x(self) -> None:
        """Move every marker to its step's x in the current x mode."""
        xs = self.x_of_steps([m.step for m in self.markers])
        for m, x in zip(self.markers, xs):
            for line in m.lines:
                line.setValue(float(x))
        self.layout()

    def texts_near(self, step: float, within: float) -> list[str]:
        """The texts of the markers within ``within`` steps of ``step`` (for the crosshair readout)."""
        return [t for m in self.markers if abs(m.step - step) <= within for t in m.texts]

    # ------------------------------------------------------------------ label layout
    def layout(self) -> None:
        """Give each label a lane where it overlaps no other (see ``label_lanes``)."""
        if not self.markers:
            return
        vb = self.plots[0].vb
        if vb.width() <= 0:
            return
        (x0, x1), _ = vb.viewRange()
        scale = vb.width() / (x1 - x0) if x1 > x0 else 0.0
        labels = [m.lines[0].label for m in self.markers]
        fm = QFontMetricsF(labels[0].textItem.font())
        widths = [max(fm.horizontalAdvance(t) for t in m.texts) + 8 for m in self.markers]
        xs = []
        for m, label, w in zip(self.markers, labels, widths):
            px = (m.lines[0].value() - x0) * scale
            # right of its line, or left of it where the plot ends first
            right = px + w <= vb.width()
            label.anchors = [(0.0, 0.5), (0.0, 0.5)] if right else [(1.0, 0.5), (1.0, 0.5)]
            inside = 0.0 <= px <= vb.width()  # a marker off the visible range has no label to place
            xs.append((px + w / 2 if right else px - w / 2) if inside else math.nan)
        rows = [len(m.texts) for m in self.markers]
        # A lane is one text line high, plus the label's padding; on a short plot fewer lanes fit.
        pad = max(0.0, labels[0].boundingRect().height() - rows[0] * fm.height())
        lane_frac = (fm.height() + pad + 1) / vb.height() if vb.height() > 0 else LANE_STEP
        fit = max(1, min(LANES, int(0.9 / lane_frac)))
        lanes = label_lanes(xs, widths, rows, lanes=fit)
        for label, lane, k in zip(labels, lanes, rows):
            label.setVisible(lane is not None)
            if lane is not None:  # the label's anchor is its middle: k lines below lane's top
                label.setPosition(TOP - (lane + (k - 1) / 2 + 0.5) * lane_frac)


def _fill(plot: pg.PlotItem):
    """A label background of the plot's own colour, so a label stays readable over a curve."""
    views = plot.scene().views() if plot.scene() is not None else []
    color = pg.mkColor(views[0].backgroundBrush().color()) if views else pg.mkColor("w")
    color.setAlpha(200)
    return pg.mkBrush(color)


__all__ = ["LANES", "MAX_MARKERS", "Marker", "MarkerLayer", "label_lanes"]
