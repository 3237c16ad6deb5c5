"""Recurrent weights: the matrix Wh that carries h_{t-1} into step t, and its spectral radius over training.

Why RNN gradients vanish or explode: backpropagating through T steps multiplies the gradient by
Wh^T (and by the activation's derivative, at most 1 for tanh) T times. The spectral radius
ρ = max |eigenvalue| of Wh says what repeated multiplication does: ρ < 1 shrinks it geometrically
(vanishing gradient), ρ > 1 lets some direction grow (exploding gradient, hence clipping).

Data: ``report["weights"]`` = {layer: {"Wh": (H, kH) float32, "blocks": the cell's k block names,
"radius": float or {block: float}}}
(``Trainer.set_weights``). The window asks for it while this panel is on screen (``uses_weights``;
not while it is hidden or behind another tab). Wh is drawn with a symmetric diverging scale (0 is white); its
columns are the gate blocks of the cell (LSTM f, g, i, o; GRU z, r, h̃), separated by lines, and the
radius is plotted per block against the training step.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt
from PyQt6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout

from ..curve_legend import LegendStrip
from ..plot_speed import major_grid
from ..theme import CHANGE_COLOR, DIVERGE_COLOR, GRAD_COLOR, LR_COLOR, TRAIN_COLOR, VAL_COLOR
from ..widgets.heatmap import HeatmapWidget, nice_ceil
from .base import Panel, layer_label, symbol

PENS = (TRAIN_COLOR, DIVERGE_COLOR, VAL_COLOR, GRAD_COLOR, LR_COLOR)  # the first, second... block of Wh

KEY = QT_TRANSLATE_NOOP("WeightsPanel", "ρ < 1: repeated multiplication by Wh shrinks signals and gradients (they "
                                       "vanish over long spans); ρ > 1: some direction can grow (they can explode: "
                                       "clip).")
GATED_KEY = QT_TRANSLATE_NOOP("WeightsPanel", "In an LSTM/GRU each block only feeds a gate's pre-activation; the "
                                             "long-range gradient path runs through the cell state (× f) or the "
                                             "update (1 − z), which is why it survives.")


class WeightsPanel(Panel):
    """Wh of the chosen layer as a heatmap, and the spectral radius per gate block over training."""

    title = QT_TRANSLATE_NOOP("Panel", "Recurrent weights")
    tab_title = QT_TRANSLATE_NOOP("Panel", "Weights")
    uses_weights = True

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.latest: dict[str, dict[str, Any]] = {}
        self.history: dict[str, dict[str, list[tuple[int, float]]]] = {}  # layer -> gate -> (step, radius)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.block_lines: list[pg.InfiniteLine] = []
        self.limit = 1.0  # colour levels are ±limit

        self.layer = QComboBox()
        self.layer.currentIndexChanged.connect(self._draw)
        self.caption = QLabel(self.tr("Waiting for the weights: they are sent about once a second while this panel "
                                      "is shown."))
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.heatmap = HeatmapWidget("Wh", scale="cell", row_name=self.tr("from unit"), bar_label=self.tr("weight"),
                                     describe=self._describe)
        self.heatmap.plot.setLabel("left", self.tr("from h₍ₜ₋₁₎ unit"))
        self.radius_view = pg.PlotWidget()
        plot = self.radius_plot = self.radius_view.getPlotItem()
        plot.setLabel("bottom", self.tr("step"))
        plot.setLabel("left", self.tr("spectral radius ρ"))
        plot.getAxis("bottom").enableAutoSIPrefix(False)
        major_grid(plot, alpha=0.25)
        plot.setMenuEnabled(False)
        LegendStrip(plot)  # under the axis: a radius curve may run anywhere in the plot
        one = pg.InfiniteLine(pos=1.0, angle=0, pen=pg.mkPen(CHANGE_COLOR, width=1, style=Qt.PenStyle.DashLine),
                              label="ρ = 1", labelOpts={"position": 0.9, "color": CHANGE_COLOR})
        plot.addItem(one, ignoreBounds=False)
        self.key = QLabel(self.tr(KEY))
        self.key.setWordWrap(True)
        self.key.setTextFormat(Qt.TextFormat.PlainText)
        self.key.setStyleSheet(f"color: {CHANGE_COLOR};")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer")))
        top.addWidget(self.layer)
        top.addWidget(self.caption, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.heatmap)
        split.addWidget(self.radius_view)
        split.setSizes([320, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.key)

    # ------------------------------------------------------------------ Panel contract
    def set_task(self, info: dict[str, Any]) -> None:
        self.latest, self.history, self.limit = {}, {}, 1.0
        self.layer.blockSignals(True)
        self.layer.clear()
        self.layer.blockSignals(False)
        self._draw()

    def on_progress(self, report: dict[str, Any]) -> None:
        """Matrices arrive while the panel is on screen; the radii in every report about once a second,
        whatever is on screen, so the history over training has no gaps (``report["radius"]``)."""
        weights = report.get("weights")
        if weights:
            self.add_weights(int(report.get("step", 0)), weights)
        elif report.get("radius"):
            self.add_radii(int(report.get("step", 0)), report["radius"])

    def export_targets(self) -> list[tuple[str, Any]]:
        return [(self.tr("Recurrent matrix Wh"), self.heatmap.plot),
                (self.tr("Spectral radius over training"), self.radius_plot)]

    # ------------------------------------------------------------------ data
    def add_weights(self, step: int, weights: dict[str, dict[str, Any]]) -> None:
        """Keep the newest matrices and append their radii to the history (a restart of the step
        count, e.g. after Reset, starts the history again)."""
        self._record(step, {name: entry.get("radius") for name, entry in weights.items()})
        self.latest = weights
        names = list(weights)
        if names != [self.layer.itemData(k) for k in range(self.layer.count())]:
            self.layer.blockSignals(True)
            self.layer.clear()
            for layer in names:
                self.layer.addItem(layer_label(layer), layer)
            self.layer.blockSignals(False)
        self._draw()

    def _blocks(self, name: str) -> list[str]:
        """The column blocks of layer ``name``'s Wh, as the report names them (the cell's gates); before
        any matrix arrived, the order of its radii (which follow the blocks)."""
        entry = self.latest.get(name)
        if entry:
            return list(entry.get("blocks") or ["h"])
        return list(self.history.get(name, {})) or ["h"]

    def add_radii(self, step: int, radii: dict[str, Any]) -> None:
        """Append radii to the history without a matrix (drawn when the panel is next on screen)."""
        self._record(step, radii)
        if self.isVisible():
            self._draw_curves(self._current_layer())

    def _current_layer(self) -> str:
        """The layer chosen (or, before any matrix arrived, the first layer of the history)."""
        return str(self.layer.currentData() or "") or next(iter(self.history), "")

    def _record(self, step: int, layer_radii: dict[str, Any]) -> None:
        for name, radius in layer_radii.items():
            radii = radius if isinstance(radius, dict) else {"h": radius}
            hist = self.history.setdefault(name, {})
            for gate, value in radii.items():
                points = hist.setdefault(gate, [])
                if points and points[-1][0] > step:
                    points.clear()
                if not points or points[-1][0] != step:
                    points.append((step, float(value) if value is not None else math.nan))

    # ------------------------------------------------------------------ drawing
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._draw_curves(self._current_layer())

    def _draw(self) -> None:
        name = str(self.layer.currentData() or "")
        if name not in self.latest:
            for curve in self.curves.values():
                self.radius_plot.removeItem(curve)
            self.curves = {}
            return
        W = np.asarray(self.latest[name]["Wh"])
        H, cols = W.shape
        blocks = self._blocks(name)
        width = cols // len(blocks)
        labels = [f"{symbol(g)}{j}" if len(blocks) > 1 else str(j) for g in blocks for j in range(width)]
        finite = np.abs(W[np.isfinite(W)])
        # levels from the 99th percentile: a few large weights must not wash out all the others
        # (they show at full colour); adapted rarely, to a round number, so colours stay comparable
        typical = float(np.percentile(finite, 99)) if finite.size else 1.0
        if not self.limit / 4 <= typical <= self.limit:
            self.limit = nice_ceil(max(typical, 1e-3))
        peak = float(finite.max()) if finite.size else math.nan
        self.heatmap.scale.set_levels(-self.limit, self.limit)
        self.heatmap.heatmap.set_data(W, labels)
        for line in self.block_lines:
            self.heatmap.plot.removeItem(line)
        self.block_lines = []
        for k in range(1, len(blocks)):
            line = pg.InfiniteLine(pos=k * width - 0.5, angle=90, pen=pg.mkPen((0, 0, 0), width=2))
            self.heatmap.plot.addItem(line, ignoreBounds=True)
            self.block_lines.append(line)
        # short enough for the plot's width at 1280x800 (the unit ranges are in the caption above)
        self.heatmap.plot.setLabel("bottom", self.tr("to the {blocks} blocks, %n unit(s) each", "", width).format(
            blocks=" | ".join(symbol(g) for g in blocks)) if len(blocks) > 1 else self.tr("to unit"))
        radius = self.latest[name].get("radius")
        now = ", ".join(f"{symbol(g)} {v:.3f}" for g, v in radius.items()) if isinstance(radius, dict) \
            else f"{float(radius):.3f}"
        clipped = self.tr(" (colours end at ±{limit}; largest |w| {peak:.3g})").format(
            limit=f"{self.limit:g}", peak=peak) if peak > self.limit else ""
        spans = ", ".join(f"{symbol(g)} {k * width}–{(k + 1) * width - 1}" for k, g in enumerate(blocks))
        columns = self.tr("columns: gate blocks {spans}").format(spans=spans) if len(blocks) > 1 else \
            self.tr("columns: units")
        self.caption.setText(self.tr("{layer}: Wh is {rows} × {cols} (rows: h_(t-1) units; {columns}){clipped}. "
                                     "Spectral radius now: {now}.").format(
            layer=layer_label(name), rows=H, cols=cols, columns=columns, clipped=clipped, now=now))
        self.key.setText(self.tr(KEY) + (" " + self.tr(GATED_KEY) if len(blocks) > 1 else ""))
        self._draw_curves(name)

    def _draw_curves(self, name: str) -> None:
        hist = self.history.get(name, {})
        for gate in [g for g in self.curves if g not in hist]:
            self.radius_plot.removeItem(self.curves.pop(gate))
        for gate, points in hist.items():
            if gate not in self.curves:
                label = "ρ(Wh)" if gate == "h" else self.tr("ρ of the {gate} block").format(gate=symbol(gate))
                pen = PENS[self._blocks(name).index(gate) % len(PENS)] if gate in self._blocks(name) else "#888888"
                self.curves[gate] = self.radius_plot.plot(pen=pg.mkPen(pen, width=2),
                                                          name=label, connect="finite")
            xy = np.array(points, dtype=np.float64).reshape(-1, 2)
            self.curves[gate].setData(xy[:, 0], xy[:, 1], symbol="o" if len(xy) < 3 else None, symbolSize=5)

    def _describe(self, col: int, row: int, value: float, xl: str, yl: str) -> str:
        return self.tr("Wh[{row}, {col}]: from h_(t-1) unit {row} to {to}   weight {value:+.4f}").format(
            row=row, col=col, to=xl, value=value)
