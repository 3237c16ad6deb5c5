"""Gate saturation: how often each unit's gates are shut or wide open (Karpathy, Johnson and Fei-Fei,
"Visualizing and Understanding Recurrent Networks", 2015, figure 3).

One point per unit and gate of the chosen LSTM/GRU layer: x = the fraction of timesteps the gate is
left-saturated (< 0.1, "closed"), y = the fraction it is right-saturated (> 0.9, "open"), computed by
``engine.analysis.saturation_from_trace``. A forget gate up the y axis remembers almost always; points
near the origin are gates that rarely saturate; the diagonal x + y = 1 bounds all points (gates always
saturated one way or the other lie on it).

A trace is one short display passage (up to 40 tokens), so the fractions are pooled over the traces of
the last K reports (K x T timesteps: the same passage at K recent moments of training, or other passages
when the example is changed in "Inside the network"). The history restarts when the model changes.
"""

from __future__ import annotations

from collections import deque
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt
from PyQt6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from rnn_lab.engine.analysis import SATURATION_HIGH, SATURATION_LOW, saturation_from_trace
from rnn_lab.engine.layers.cells import CELLS, cell_class

from ..i18n import engine_text, number, sentence_text
from ..plot_speed import major_grid
from ..theme import DIVERGE_COLOR, GRAD_COLOR, TRAIN_COLOR, VAL_COLOR
from .base import Panel, layer_label

# the first, second, third... sigmoid gate of a cell: colour and shape both differ, for colour-blind readers
STYLES = ((TRAIN_COLOR, "o"), (VAL_COLOR, "t"), (GRAD_COLOR, "s"), (DIVERGE_COLOR, "d"))
RNN_NOTE = QT_TRANSLATE_NOOP("SaturationPanel", "A vanilla RNN has no gates: nothing can saturate at 0 or 1 here. "
                                                "Build an LSTM or GRU (Task panel) to see which units learn gates "
                                                "that stay open or shut.")


def gate_styles(cell: str) -> dict[str, tuple[str, str, str]]:
    """gate -> (colour, symbol, legend name) for the sigmoid gates of ``cell`` (from the cell registry)."""
    gates = [g for g in cell_class(cell).gates if g.kind == "sigmoid"] if cell in CELLS else []
    return {g.name: (*STYLES[k % len(STYLES)], f"{engine_text(g.title)} {g.name}") for k, g in enumerate(gates)}


def gated(cell: str) -> bool:
    return bool(gate_styles(cell))


class SaturationPanel(Panel):
    """Scatter of left- vs right-saturated fractions per unit, one colour per gate, live."""

    title = QT_TRANSLATE_NOOP("Panel", "Gate saturation")
    tab_title = QT_TRANSLATE_NOOP("Panel", "Saturation")
    uses_trace = True

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.traces: deque[dict[str, Any]] = deque(maxlen=20)
        self.signature: tuple | None = None  # layer names and widths of the traces in the history
        self.result: dict[str, dict[str, tuple[np.ndarray, np.ndarray]]] = {}
        self.cell = ""

        self.layer = QComboBox()
        self.layer.currentIndexChanged.connect(self._draw)
        self.keep = QSpinBox()
        self.keep.setRange(1, 500)
        self.keep.setValue(20)
        self.keep.setToolTip(self.tr("How many recent traces to pool: more timesteps, a steadier statistic"))
        self.keep.valueChanged.connect(self._set_keep)
        self.caption = QLabel(self.tr("Waiting for a trace: start or step training."))
        self.note = QLabel("")
        self.note.setStyleSheet(f"color: {DIVERGE_COLOR};")
        self.readout = QLabel(self.tr("Click a point to read its unit (and pick it in “Text coloured by a unit”)."))
        for label in (self.caption, self.note, self.readout):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)

        self.view = pg.PlotWidget()
        plot = self.plot = self.view.getPlotItem()
        # axis labels are HTML: escape the comparison signs
        plot.setLabel("bottom", self.tr("fraction of time left-saturated (gate &lt; {low}, closed)").format(
            low=f"{SATURATION_LOW:g}"))
        plot.setLabel("left", self.tr("fraction of time right-saturated (gate &gt; {high}, open)").format(
            high=f"{SATURATION_HIGH:g}"))
        plot.setXRange(-0.02, 1.02, padding=0)
        plot.setYRange(-0.02, 1.02, padding=0)
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        major_grid(plot, alpha=0.25)
        plot.plot([0, 1], [1, 0], pen=pg.mkPen((140, 140, 140), width=1, style=Qt.PenStyle.DashLine))
        self.legend = plot.addLegend(offset=(-10, 10), labelTextSize="9pt")
        self.scatters: dict[str, pg.ScatterPlotItem] = {}

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer")))
        top.addWidget(self.layer)
        top.addWidget(QLabel(self.tr("Pool the last")))
        top.addWidget(self.keep)
        top.addWidget(QLabel(self.tr("traces")))
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.readout)
        layout.addWidget(self.note)

    # ------------------------------------------------------------------ Panel contract
    def set_task(self, info: dict[str, Any]) -> None:
        self.cell = str(info.get("cell", ""))
        self.traces.clear()
        self.signature = None
        self.result = {}
        self._fill_layers([])
        self._draw()
        self.note.setText("" if gated(self.cell) else self.tr(RNN_NOTE))
        self.caption.setText(self.tr("Waiting for a trace: start or step training."))

    def on_progress(self, report: dict[str, Any]) -> None:
        trace = report.get("trace")
        if trace:
            self.add_trace(trace)

    def export_targets(self) -> list[tuple[str, Any]]:
        return [(self.tr("Gate saturation scatter"), self.plot)]

    # ------------------------------------------------------------------ data
    def _set_keep(self, n: int) -> None:
        self.traces = deque(list(self.traces)[-int(n):], maxlen=int(n))
        self._recompute()

    def add_trace(self, trace: dict[str, Any]) -> None:
        """Pool ``trace`` with the previous ones (a new model shape starts a new history) and redraw."""
        layers = trace.get("layers") or []
        signature = tuple((str(ly.get("name")), str(ly.get("cell")), np.shape(ly.get("h"))[-1:]) for ly in layers)
        if signature != self.signature:
            self.traces.clear()
            self.signature = signature
        self.traces.append(trace)
        self._recompute()

    def _recompute(self) -> None:
        if not self.traces:
            return
        try:
            self.result = saturation_from_trace(list(self.traces))
        except ValueError as exc:
            self.result = {}
            self.note.setText(self.tr("Cannot compute saturation: {error}").format(error=exc))
        layers = self.traces[-1].get("layers") or []
        cells = {str(ly.get("cell", "")) for ly in layers}
        if not self.result:
            self.note.setText(self.note.text() if any(map(gated, cells)) else self.tr(RNN_NOTE))
        else:
            self.note.setText("")
        self._fill_layers(list(self.result))
        steps = sum(np.shape(ly.get("h", ()))[0] for tr in self.traces for ly in tr["layers"][:1])
        n = len(self.traces)
        self.caption.setText(self.tr("Fractions of {steps} timesteps: the last %n trace(s) of the display passage "
                                     "({passage}). Each point is one unit.", "", n).format(
            steps=number(steps), passage=sentence_text(self.traces[-1].get("title", ""))))
        self._draw()

    def current_layer(self) -> str:
        """The name of the layer chosen ("lstm0", "encoder"), "" for none."""
        return str(self.layer.currentData() or "")

    def _fill_layers(self, names: list[str]) -> None:
        if names == [self.layer.itemData(k) for k in range(self.layer.count())]:
            return
        current = self.current_layer()
        self.layer.blockSignals(True)
        self.layer.clear()
        for name in names:
            self.layer.addItem(layer_label(name), name)
        if current in names:
            self.layer.setCurrentIndex(names.index(current))
        self.layer.blockSignals(False)

    # ------------------------------------------------------------------ drawing
    def _styles(self) -> dict[str, tuple[str, str, str]]:
        """The gate styles of the chosen layer's cell."""
        layers = self.traces[-1].get("layers") or [] if self.traces else []
        cell = next((str(ly.get("cell")) for ly in layers if str(ly.get("name")) == self.current_layer()), "")
        return gate_styles(cell)

    def _draw(self) -> None:
        gates = self.result.get(self.current_layer(), {})
        styles = self._styles()
        for gate in [g for g in self.scatters if g not in gates]:
            sc = self.scatters.pop(gate)
            self.plot.removeItem(sc)
            self.legend.removeItem(sc)
        for gate, (left, right) in gates.items():
            if gate not in self.scatters:
                color, symbol, name = styles.get(gate, ("#888888", "o", gate))
                sc = pg.ScatterPlotItem(size=9, symbol=symbol, pen=pg.mkPen(0, 0, 0, 120),
                                        brush=pg.mkBrush(pg.mkColor(color).red(), pg.mkColor(color).green(),
                                                         pg.mkColor(color).blue(), 170), name=name)
                sc.sigClicked.connect(self._clicked)
                self.plot.addItem(sc)
                self.scatters[gate] = sc
            ok = np.isfinite(left) & np.isfinite(right)
            units = np.flatnonzero(ok)
            self.scatters[gate].setData(x=left[ok], y=right[ok], data=[(gate, int(u)) for u in units])

    def point_of(self, gate: str, unit: int) -> tuple[float, float]:
        """(left, right) fractions of ``unit``'s ``gate`` in the chosen layer."""
        left, right = self.result[self.current_layer()][gate]
        return float(left[unit]), float(right[unit])

    def _clicked(self, _item, points, _event=None) -> None:
        if not len(points):
            return
        gate, unit = points[0].data()
        left, right = self.point_of(gate, unit)
        self.readout.setText(self.tr("{layer} unit {unit}, {gate}: closed {closed:.0%} of the time, open "
                                     "{open:.0%}").format(layer=self.layer.currentText(), unit=unit,
                                                          gate=self._styles().get(gate, ("", "", gate))[2],
                                                          closed=left, open=right))
        self.request.emit("select_unit", {"unit": int(unit)})
