"""Inside the network: hidden state, cell state and gates of one example over time, and the gradient
flowing back through time.

Draws ``report["trace"]`` (see ``Task.trace``): for the chosen layer one heatmap per recorded array
(x = timestep labelled with the input tokens, y = unit), coloured with explicit levels that never
change between frames (tanh values -1..1 diverging, sigmoid gates 0..1 sequential, the LSTM cell state
on a symmetric range that adapts rarely), a time cursor shared by all plots, and below them the norm of
dL/dh_t against t on a log axis for every layer: a vanilla RNN's gradient fades to the left (vanishing
gradient), an LSTM's survives.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt
from PyQt6.QtGui import QPen
from PyQt6.QtWidgets import (
    QComboBox,
    QGraphicsRectItem,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
)

from rnn_lab.engine.layers.cells import CELLS, cell_class

from ..i18n import engine_text, sentence_text
from ..plot_speed import major_grid
from ..theme import DIVERGE_COLOR, GRAD_COLOR, LR_COLOR, TRAIN_COLOR, VAL_COLOR
from ..widgets.equations_view import EquationsView
from ..widgets.heatmap import ColorScale, Heatmap, TimeCursor, display_token, set_token_ticks
from .base import Panel, layer_label, symbol

# besides the gates (c: a cell state); names marked for the catalogue, translated by ``arrays_of``
STATES = {"h": ("tanh", QT_TRANSLATE_NOOP("ActivationsPanel", "hidden state")),
          "c": ("cell", QT_TRANSLATE_NOOP("ActivationsPanel", "cell state"))}
BAR_LABEL = {"tanh": "tanh  −1 … 1", "sigmoid": "sigmoid  0 … 1",
             "cell": QT_TRANSLATE_NOOP("ActivationsPanel", "cell state"), "relu": "relu"}
LAYER_PENS = (VAL_COLOR, TRAIN_COLOR, GRAD_COLOR, LR_COLOR)  # one colour per layer (Okabe-Ito)
GRAD_HEIGHT, GRAD_HEIGHT_WITH_EQUATIONS = 170, 100  # least height of the gradient plot (the heatmaps share the rest)
AXIS_WIDTH = 52  # fixed left-axis width so that every plot's timestep t sits at the same x pixel


def arrays_of(cell: str) -> dict[str, tuple[str, str]]:
    """What a layer of ``cell`` records, ``{key: (colour scale, name)}`` from the cell registry, in drawing
    order: h, the tanh-valued gates, c, the sigmoid gates (so that every colour bar spans adjacent rows).
    The names are in the window's language ("forget gate")."""
    info = cell_class(cell if cell in CELLS else "rnn")
    gates = {g.name: (g.kind, engine_text(g.title)) for g in info.gates}
    states = {k: (kind, QCoreApplication.translate("ActivationsPanel", name)) for k, (kind, name) in STATES.items()}
    return {"h": states["h"], **{k: v for k, v in gates.items() if v[0] == "tanh"},
            **({"c": states["c"]} if info.has_cell else {}), **{k: v for k, v in gates.items() if v[0] != "tanh"}}


def decade_ticks(lo: int, hi: int) -> list[list[tuple[float, str]]]:
    """Ticks of a log10 axis from 10^lo to 10^hi: labelled decades, bare ticks at 2..9 between them."""
    sup = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
    step = max(1, (hi - lo + 5) // 6)  # at most about six labels
    major = [(float(d), "10" + str(d).translate(sup)) for d in range(lo, hi + 1, step)]
    minor = [(d + float(np.log10(m)), "") for d in range(lo, hi) for m in range(2, 10)] if hi - lo <= 4 else []
    return [major, minor]


class ActivationsPanel(Panel):
    """Heatmaps of h (c, gates) over time for one example, a shared time cursor, and gradient flow."""

    title = QT_TRANSLATE_NOOP("Panel", "Inside the network")
    tab_title = QT_TRANSLATE_NOOP("Panel", "Inside")
    uses_trace = True

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.activation = "tanh"  # a vanilla RNN's h uses the colour scale of its activation
        self.trace: dict[str, Any] | None = None
        self.heatmaps: dict[str, Heatmap] = {}
        self.scales: dict[str, ColorScale] = {}
        self.cursor = TimeCursor()
        self.cursor.moved.connect(self._cursor_moved)
        self.grad_plot: pg.PlotItem | None = None
        self.grad_curves: list[pg.PlotDataItem] = []  # one per layer: ||dL/dh_t|| against t
        self._signature: tuple | None = None

        self.example = QSpinBox()
        self.example.setRange(0, 99_999)
        self.example.setToolTip(self.tr("Which example to look inside (the same one every frame)"))
        self.example.valueChanged.connect(lambda n: self.request.emit("trace_index", {"index": int(n)}))
        self.layer = QComboBox()
        self.layer.currentIndexChanged.connect(self._render)
        self.layer_label = QLabel(self.tr("Layer"))
        self.caption = QLabel(self.tr("Waiting for a trace: start or step training."))
        self.view = pg.GraphicsLayoutWidget()
        self.view.scene().sigMouseClicked.connect(self._clicked)  # heatmaps handle their own clicks
        self.readout = QLabel(self.tr("Hover over a heatmap to read a value; click a cell to see its equations "
                                      "with their numbers, or drag the cursor to pick a step."))
        self.at_cursor = QLabel(" ")
        self.key = QLabel(" ")
        self.note = QLabel("")
        self.note.setStyleSheet(f"color: {DIVERGE_COLOR};")
        for label in (self.readout, self.at_cursor, self.caption, self.note, self.key):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # tokens are data, never markup

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Example #")))
        top.addWidget(self.example)
        top.addWidget(self.layer_label)
        top.addWidget(self.layer)
        top.addWidget(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        # The Equations view opens under the heatmaps when a cell is clicked (the same trace's numbers).
        self.equations = EquationsView()
        self.equations.hide()
        self.equations.moved.connect(self._equations_moved)
        self.equations.closed.connect(lambda: self.show_equations(False))
        self.eq_unit = 0
        self.markers: list[QGraphicsRectItem] = []  # the cell the equations are about, in every heatmap
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.equations)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.key)
        layout.addWidget(self.readout)
        layout.addWidget(self.at_cursor)
        layout.addWidget(self.note)
        self._show_layer_selector(0)

    # ------------------------------------------------------------------ Panel contract
    def set_task(self, info: dict[str, Any]) -> None:
        cfg = info.get("config") or {}
        self.activation = str(cfg.get("activation", "tanh"))
        self.trace = None
        self._clear()
        self.layer.blockSignals(True)
        self.layer.clear()
        self.layer.blockSignals(False)
        self._show_layer_selector(0)
        self.caption.setText(self.tr("Waiting for a trace: start or step training."))
        self.note.setText("")
        self.equations.clear()

    def on_progress(self, report: dict[str, Any]) -> None:
        trace = report.get("trace")
        if trace:
            self.show_trace(trace)

    def export_targets(self) -> list[tuple[str, Any]]:
        if not self.heatmaps:
            return []
        layer = self._layer_dict()
        names = arrays_of(str(layer.get("cell", "")))
        out = [(self.tr("Heatmap {key}: {name} ({layer})").format(key=k, name=names[k][1],
                                                                  layer=layer_label(str(layer["name"]))), hm.plot)
               for k, hm in self.heatmaps.items()]
        out.append((self.tr("All heatmaps and gradient flow"), self.view.ci))
        if self.grad_plot is not None:
            out.append((self.tr("Gradient flow through time"), self.grad_plot))
        if self.wants_equations:
            out.append((self.tr("Equations at unit %1, t = %2").replace("%1", str(self.equations.unit))
                        .replace("%2", str(self.equations.t)), self.equations))
        return out

    # ------------------------------------------------------------------ the Equations view
    @property
    def wants_equations(self) -> bool:
        """True while the Equations view is open: traces must then carry the equations' numbers."""
        return not self.equations.isHidden()

    def show_equations(self, on: bool, unit: int | None = None) -> None:
        """Open (at ``unit`` and the time cursor) or close the Equations view."""
        if unit is not None:
            self.eq_unit = int(unit)
        was = self.wants_equations
        self.equations.setVisible(on)
        if self.grad_plot is not None:  # the heatmaps need the room more than the gradient curve
            self.grad_plot.setMinimumHeight(GRAD_HEIGHT_WITH_EQUATIONS if on else GRAD_HEIGHT)
        if on and not was:  # the heatmaps keep two thirds; the equations scroll in the rest
            h = max(self.splitter.height(), 400)
            self.splitter.setSizes([h * 2 // 3, h - h * 2 // 3])
        self._compact_axes()
        if on != was:
            self.request.emit("equations", {"on": bool(on)})  # the run adds the numbers to its traces
        self._update_equations()

    def _compact_axes(self) -> None:
        """With the equations open, four or more heatmaps are a few dozen pixels high each: their unit
        numbers would overlap, so only the rows' names stay (the readout and the equations give units)."""
        compact = self.wants_equations and len(self.heatmaps) > 3
        for hm in self.heatmaps.values():
            hm.plot.getAxis("left").setStyle(showValues=not compact)

    def _cell_clicked(self, unit: int) -> None:
        self.show_equations(True, unit)

    def _equations_moved(self, t: int, unit: int) -> None:
        self.eq_unit = unit
        if t != self.cursor.position:
            self.cursor.set_position(t)  # (which updates the equations)
        else:
            self._update_equations()

    def _update_equations(self) -> None:
        for marker in self.markers:
            marker.setVisible(self.wants_equations)
            marker.setRect(QRectF(self.cursor.position - 0.5, self.eq_unit - 0.5, 1, 1))
        if not self.wants_equations or self.trace is None or not self.heatmaps:
            return
        layer = self._layer_dict()
        T = next(iter(self.heatmaps.values())).shape[1]
        self.equations.show_at(layer, self._labels(T), self.cursor.position, self.eq_unit, self.activation)

    # ------------------------------------------------------------------ drawing
    def show_trace(self, trace: dict[str, Any]) -> None:
        """Draw a trace; plots are rebuilt only when the layer's shape or gate set changed."""
        layers = list(trace.get("layers") or [])
        if not layers:
            return
        self.trace = trace
        names = [str(layer.get("name", f"layer{k}")) for k, layer in enumerate(layers)]
        if names != [self.layer.itemData(k) for k in range(self.layer.count())]:
            keep = min(max(self.layer.currentIndex(), 0), len(names) - 1)
            self.layer.blockSignals(True)
            self.layer.clear()
            for name in names:
                self.layer.addItem(layer_label(name), name)
            self.layer.setCurrentIndex(keep)
            self.layer.blockSignals(False)
        self._show_layer_selector(len(names))
        self.caption.setText(sentence_text(trace.get("title", "")))
        self._render()

    def keys_of(self, layer: dict[str, Any]) -> list[str]:
        """The arrays of ``layer`` drawn as heatmaps, in drawing order."""
        return [k for k in arrays_of(str(layer.get("cell", ""))) if k in layer and np.ndim(layer[k]) == 2]

    def _layer_dict(self) -> dict[str, Any]:
        layers = self.trace["layers"]
        return layers[min(max(self.layer.currentIndex(), 0), len(layers) - 1)]

    def _labels(self, T: int) -> list[str]:
        """The selected layer's x labels: its own "labels" (seq2seq encoder/decoder), else the trace's."""
        labels = self._layer_dict().get("labels") or self.trace.get("labels") or []
        labels = [str(s) for s in labels]
        return labels if len(labels) == T else [str(t) for t in range(T)]

    def _scale_of(self, key: str, cell: str) -> str:
        if key == "h" and "activation" in cell_class(cell if cell in CELLS else "rnn").options:
            return {"sigmoid": "sigmoid", "relu": "relu"}.get(self.activation, "tanh")
        return arrays_of(cell)[key][0]

    def _render(self) -> None:
        if self.trace is None:
            return
        layer = self._layer_dict()
        keys = self.keys_of(layer)
        if not keys:
            return
        cell = str(layer.get("cell", ""))
        T, H = np.shape(layer[keys[0]])
        signature = (layer.get("name"), cell, T, H, tuple(keys), len(self.trace["layers"]), self.activation)
        if signature != self._signature:
            self._build(keys, cell, T)
            self._signature = signature
            self.cursor.set_position(min(self.cursor.position, T - 1))  # a shorter example: stay inside
        labels = self._labels(T)
        for kind, scale in self.scales.items():
            scale.fit([np.asarray(layer[k]) for k in keys if self._scale_of(k, cell) == kind])
        bad = []
        for key in keys:
            n_bad = self.heatmaps[key].set_data(np.asarray(layer[key]).T, labels)
            if n_bad:
                bad.append(f"{key}: {n_bad}")
        self._draw_gradients()
        self.note.setText(self.tr("⚠ non-finite values drawn as 0 ({counts})").format(counts=", ".join(bad))
                          if bad else "")
        self._cursor_moved(self.cursor.position)

    def _build(self, keys: list[str], cell: str, T: int) -> None:
        """(Re)create one plot per array, one colour bar per colour scale, the gradient plot, the cursor."""
        self._clear()
        names = arrays_of(cell)
        self.key.setText("   ".join(f"{symbol(k)} = {names[k][1]}" for k in keys)
                         + "   " * ("c" in keys)
                         + self.tr("(colours: fixed scales, the cell state's range adapts)") * ("c" in keys))
        self.cursor.count = T
        groups: dict[str, list[int]] = {}
        first = None
        for row, key in enumerate(keys):
            plot = self.view.addPlot(row=row, col=0, enableMenu=False)  # no context menu: faster to build
            plot.getAxis("left").setWidth(AXIS_WIDTH)
            plot.setLabel("left", symbol(key))
            plot.showAxis("bottom", False)
            if first is None:
                first = plot
                plot.showAxis("top", True)  # the tokens, once, above everything
            else:
                plot.setXLink(first)
            kind = self._scale_of(key, cell)
            hm = Heatmap(plot, f"{symbol(key)} ({names[key][1]})", kind, cursor=self.cursor)
            hm.hovered.connect(self.readout.setText)
            # a click on a row picks that unit for the views of what units learn (unit text)
            hm.unit_selected.connect(lambda unit: self.request.emit("select_unit", {"unit": int(unit)}))
            hm.unit_selected.connect(self._cell_clicked)  # ... and opens its equations at the clicked step
            self.cursor.attach(plot)
            self.markers.append(self._marker(plot))
            self.heatmaps[key] = hm
            groups.setdefault(kind, []).append(row)
        for kind, rows in groups.items():
            # a bar one row high has no room for a label along it: the key line under the plots names it
            scale = ColorScale(kind, self.tr(BAR_LABEL[kind]) if len(rows) > 1 else "")
            self.view.addItem(scale.bar, row=rows[0], col=1, rowspan=len(rows))
            scale.attach([self.heatmaps[k].image for k in keys if self._scale_of(k, cell) == kind])
            self.scales[kind] = scale
        self._compact_axes()
        grad = self.view.addPlot(row=len(keys), col=0, enableMenu=False)
        grad.getAxis("left").setWidth(AXIS_WIDTH)
        grad.setLogMode(y=True)
        grad.getAxis("left").enableAutoSIPrefix(False)
        grad.getAxis("bottom").enableAutoSIPrefix(False)
        grad.setMinimumHeight(GRAD_HEIGHT_WITH_EQUATIONS if self.wants_equations else GRAD_HEIGHT)
        grad.setLabel("left", "‖∂L/∂hₜ‖")
        grad.setTitle(self.tr("Gradient flowing back through time (log scale)"), size="9pt")
        major_grid(grad, x=False, alpha=0.25)
        grad.setMouseEnabled(x=False, y=False)
        grad.setMenuEnabled(False)
        grad.hideButtons()
        grad.setXLink(first)
        if len(self.trace["layers"]) > 1:  # one layer needs no legend (and it would sit on the curve)
            grad.addLegend(offset=(-10, 10), labelTextSize="8pt")
        grad.vb.sigResized.connect(self._grad_ticks)
        self.cursor.attach(grad)
        for k, layer in enumerate(self.trace["layers"]):
            pen = pg.mkPen(LAYER_PENS[k % len(LAYER_PENS)], width=2)
            self.grad_curves.append(grad.plot(pen=pen, symbol="o", symbolSize=5, symbolBrush=pen.color(),
                                              symbolPen=None, name=layer_label(str(layer.get("name", k))),
                                              connect="finite"))
        self.grad_plot = grad

    def _draw_gradients(self) -> None:
        finite = []
        for curve, layer in zip(self.grad_curves, self.trace["layers"]):
            y = np.asarray(layer.get("dh_norm", ()), dtype=np.float64).ravel()
            # A log axis has no place for 0, Inf or NaN: leave those timesteps out. (Kept as NaN, an
            # all-zero gradient, as a perfectly trained adder has, made pyqtgraph warn "All-NaN slice".)
            t = np.flatnonzero(np.isfinite(y) & (y > 0))
            y = y[t]
            curve.setData(t, y)
            finite.append(y)
        values = np.concatenate(finite) if finite else np.zeros(0)
        if values.size:  # whole decades: readable log ticks, and the range only moves by a decade
            lo, hi = int(np.floor(np.log10(values.min()))), int(np.ceil(np.log10(values.max())))
            hi = max(hi, lo + 1)
            self.grad_plot.setYRange(lo, hi, padding=0.08)  # room for the end labels
            self.grad_plot.getAxis("left").setTicks(decade_ticks(lo, hi))
        self._grad_ticks()

    def _grad_ticks(self) -> None:
        if self.grad_plot is not None and self.trace is not None and self.heatmaps:
            T = next(iter(self.heatmaps.values())).shape[1]
            set_token_ticks(self.grad_plot.getAxis("bottom"), self._labels(T), self.grad_plot.vb.width())

    def _marker(self, plot: pg.PlotItem) -> QGraphicsRectItem:
        """An outline around the cell the equations are about (white over a dark edge: seen on any colour)."""
        marker = QGraphicsRectItem(QRectF(-0.5, -0.5, 1, 1))
        pen = QPen(pg.mkColor(255, 255, 255))
        pen.setCosmetic(True)
        pen.setWidthF(2.0)
        marker.setPen(pen)
        marker.setZValue(11)
        marker.setVisible(False)
        plot.addItem(marker, ignoreBounds=True)
        return marker

    def _clear(self) -> None:
        for hm in self.heatmaps.values():
            hm.detach()
        if self.grad_plot is not None:
            self.grad_plot.vb.sigResized.disconnect(self._grad_ticks)
        self.cursor.clear()
        self.view.clear()
        self.heatmaps, self.scales, self.grad_plot, self._signature = {}, {}, None, None
        self.grad_curves, self.markers = [], []

    def _clicked(self, event) -> None:
        """A click in the gradient plot moves the time cursor too."""
        if self.grad_plot is not None and self.grad_plot.vb.sceneBoundingRect().contains(event.scenePos()):
            self.cursor.set_position(self.grad_plot.vb.mapSceneToView(event.scenePos()).x())

    def _show_layer_selector(self, n_layers: int) -> None:
        self.layer.setVisible(n_layers > 1)
        self.layer_label.setVisible(n_layers > 1)

    def _cursor_moved(self, t: int) -> None:
        if self.trace is None or not self.heatmaps:
            return
        T = next(iter(self.heatmaps.values())).shape[1]
        if not 0 <= t < T:
            return
        parts = []
        for layer in self.trace["layers"]:
            dh = np.asarray(layer.get("dh_norm", ()), dtype=np.float64).ravel()
            if t < len(dh):
                parts.append(f"{layer_label(str(layer.get('name', '')))} {dh[t]:.3g}")
        token = display_token(self._labels(T)[t])
        text = self.tr("Cursor: t = {t} “{token}”").format(t=t, token=token)
        targets, probs = self.trace.get("targets"), self.trace.get("target_probs")
        if targets is not None and probs is not None and t < min(len(targets), len(probs)):
            text += self.tr("  → next “{token}”, predicted with p = {p:.3f}").format(
                token=display_token(str(targets[t])), p=float(probs[t]))
        self.at_cursor.setText(text + "    ‖∂L/∂hₜ‖: " + ", ".join(parts))
        self._update_equations()
