"""A heatmap you can read: ImageItem with explicit colour levels, token tick labels, hover readout, time cursor.

Used by the "Inside the network" panel (hidden states and gates over time: x = timestep, y = unit)
and by the seq2seq attention view (x = input character, y = output character). Pieces:

- ``ColorScale``: a colour map with *explicit* levels and its ColorBarItem, shared by every image of
  the same kind (tanh values, sigmoid gates, ...), so a colour means the same number in every frame;
- ``Heatmap``: one PlotItem showing a (rows, cols) array, labelled with tokens, reporting what is under
  the mouse (``hovered``) and moving a ``TimeCursor`` where it is clicked;
- ``TimeCursor``: vertical lines in several plots that move together, snapped to whole timesteps;
- ``HeatmapWidget``: one heatmap, its colour bar and a readout line, as a self-contained QWidget.

Images are drawn row-major whatever pyqtgraph's global option says: data[row, col] is at (x=col, y=row),
cell centres on whole numbers, row 0 at the top.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QObject, QPointF, QRectF, Qt, pyqtSignal
from PyQt6.QtGui import QFontMetrics
from PyQt6.QtWidgets import QLabel, QVBoxLayout, QWidget

# kind -> (colour map, initial levels, how levels adapt: None = fixed, "symmetric" or "positive")
SCALES: dict[str, tuple[str, tuple[float, float], str | None]] = {
    "tanh": ("CET-D1", (-1.0, 1.0), None),  # diverging, centred at 0: h, g, h~ (and tanh RNNs)
    "sigmoid": ("viridis", (0.0, 1.0), None),  # sequential: gates f, i, o, z, r; sigmoid RNNs
    "prob": ("viridis", (0.0, 1.0), None),  # attention weights
    "cell": ("CET-D1", (-1.0, 1.0), "symmetric"),  # LSTM cell state: unbounded, symmetric range
    "relu": ("viridis", (0.0, 1.0), "positive"),  # relu RNN: unbounded above
}

_VISIBLE = {" ": "␣", "\n": "↵", "\t": "⇥", "\u3000": "□", "": "∅"}  # (U+3000: the ideographic space)

Describe = Callable[[int, int, float, str, str], str]  # (col, row, value, x label, y label) -> text


def display_token(token: str) -> str:
    """A token as it can be printed on an axis: whitespace made visible, long words shortened."""
    if not token:
        return _VISIBLE[""]
    text = "".join(_VISIBLE.get(ch, ch) for ch in token) if token.isspace() else token
    return text if len(text) <= 12 else text[:11] + "…"


def nice_ceil(x: float) -> float:
    """The smallest of 1, 2, 5 x 10^k that is >= x (x > 0): colour-bar ends people can read."""
    if not math.isfinite(x) or x <= 0:
        return 1.0
    exp = math.floor(math.log10(x))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * 10.0**exp >= x * (1 - 1e-9):
            return m * 10.0**exp
    return 10.0 ** (exp + 1)


def finite_for_display(data: np.ndarray) -> tuple[np.ndarray, int]:
    """float32 C-contiguous copy of ``data`` with NaN/Inf replaced by 0, and how many were replaced."""
    shown = np.array(data, dtype=np.float32, order="C", copy=True)
    bad = ~np.isfinite(shown)
    n_bad = int(bad.sum())
    if n_bad:
        shown[bad] = 0.0
    return shown, n_bad


def tick_levels(labels: Sequence[str], px_per_item: float, text_size: Callable[[str], float],
                gap: float = 6.0) -> list[list[tuple[float, str]]]:
    """Ticks for ``AxisItem.setTicks``: every label if they fit, else every k-th one (the rest get a
    bare tick). ``text_size`` measures a label along the axis in pixels."""
    n = len(labels)
    if n == 0:
        return [[], []]
    need = max(text_size(s) for s in labels) + gap
    stride = max(1, math.ceil(need / max(px_per_item, 1e-6)))
    major = [(float(i), labels[i]) for i in range(0, n, stride)]
    minor = [(float(i), "") for i in range(n) if i % stride]
    return [major, minor]


def set_token_ticks(axis: pg.AxisItem, labels: Sequence[str], length_px: float) -> None:
    """Label positions 0..n-1 of ``axis`` with ``labels`` (made printable), as many as fit in ``length_px``."""
    if not labels:
        axis.setTicks(None)
        return
    fm = QFontMetrics(axis.style["tickFont"] or axis.font())
    shown = [display_token(s) for s in labels]
    if axis.orientation in ("left", "right"):
        axis.setTicks(tick_levels(shown, length_px / len(shown), lambda s: fm.height(), gap=1))
    else:
        # the first and last labels may reach a little past the axis ends (over the neighbouring axis)
        axis.setStyle(hideOverlappingLabels=24)
        # single characters need little room between them: every one is labelled where ~10 px fit
        gap = 2.0 if max(len(s) for s in shown) == 1 else 6.0
        axis.setTicks(tick_levels(shown, length_px / len(shown), fm.horizontalAdvance, gap=gap))


class ColorScale:
    """A colour map with explicit levels, shown by one ColorBarItem and applied to several images."""

    def __init__(self, kind: str, label: str = "") -> None:
        if kind not in SCALES:
            raise ValueError(f"unknown colour scale {kind!r}; expected one of {sorted(SCALES)}")
        cmap, levels, self.adapt = SCALES[kind]
        self.kind = kind
        self.cmap = pg.colormap.get(cmap)
        self.bar = pg.ColorBarItem(values=levels, colorMap=self.cmap, label=label or None, width=14,
                                   interactive=False, colorMapMenu=False)
        self._ticks()

    @property
    def levels(self) -> tuple[float, float]:
        return tuple(float(v) for v in self.bar.levels())

    def set_levels(self, lo: float, hi: float) -> None:
        """Explicit levels (and their three ticks)."""
        self.bar.setLevels((lo, hi))
        self._ticks()

    def attach(self, images: Sequence[pg.ImageItem]) -> None:
        for image in images:
            image.setColorMap(self.cmap)
        self.bar.setImageItem(list(images))

    def fit(self, arrays: Sequence[np.ndarray]) -> bool:
        """Adapt an unbounded scale to ``arrays`` -- rarely: only when values leave the range or use
        less than a quarter of it, and then to a round number (never below 1). True if it changed."""
        if self.adapt is None:
            return False
        peaks = [float(np.max(np.abs(a[np.isfinite(a)]))) for a in arrays if np.isfinite(a).any()]
        peak = max(peaks, default=0.0)
        top = self.levels[1]
        if top >= peak >= top / 4:
            return False
        new = max(1.0, nice_ceil(peak))
        if new == top:
            return False
        self.bar.setLevels((-new, new) if self.adapt == "symmetric" else (0.0, new))
        self._ticks()
        return True

    def _ticks(self) -> None:
        """Three labelled ticks, the ends and the middle: they fit even where the bar is one short row
        high (the LSTM's cell state), where pyqtgraph's automatic ticks printed over each other."""
        lo, hi = self.levels
        mid = (lo + hi) / 2
        self.bar.axis.setTicks([[(v, f"{v:g}") for v in (lo, mid, hi)], []])


class TimeCursor(QObject):
    """Vertical lines at one timestep in every plot they are attached to; moving one moves all."""

    moved = pyqtSignal(int)

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[pg.InfiniteLine] = []  # the draggable lines, one per plot
        self.shadows: list[pg.InfiniteLine] = []  # a dark line under each, so it shows on white too
        self.position = 0
        self.count = 0  # number of timesteps (positions are clamped to 0..count-1 when count > 0)
        self._busy = False

    def attach(self, plot: pg.PlotItem) -> pg.InfiniteLine:
        """Add a draggable cursor line to ``plot``: white on a dark shadow, visible on any colour."""
        shadow = pg.InfiniteLine(pos=self.position, angle=90, movable=False, pen=pg.mkPen((0, 0, 0, 170), width=5))
        shadow.setZValue(9)
        plot.addItem(shadow, ignoreBounds=True)
        line = pg.InfiniteLine(pos=self.position, angle=90, movable=True, pen=pg.mkPen((255, 255, 255), width=1.5),
                               hoverPen=pg.mkPen((255, 200, 0), width=3))
        line.setZValue(10)
        plot.addItem(line, ignoreBounds=True)
        line.sigPositionChanged.connect(self._line_moved)
        self.lines.append(line)
        self.shadows.append(shadow)
        return line

    def clear(self) -> None:
        for line in self.lines:
            line.sigPositionChanged.disconnect(self._line_moved)
        self.lines, self.shadows = [], []

    def set_position(self, t: float) -> None:
        """Move every line to timestep ``round(t)`` (clamped) and emit ``moved`` if it changed."""
        if self._busy or not math.isfinite(t):
            return
        t = int(round(t))
        if self.count > 0:
            t = min(max(t, 0), self.count - 1)
        self._busy = True
        try:
            for line in self.lines + self.shadows:
                if line.value() != t:
                    line.setValue(t)
        finally:
            self._busy = False
        if t != self.position:
            self.position = t
            self.moved.emit(t)

    def _line_moved(self, line: pg.InfiniteLine) -> None:
        self.set_position(line.value())


class Heatmap(QObject):
    """One (rows, cols) array drawn in ``plot`` (a PlotItem already in a scene) with explicit levels."""

    hovered = pyqtSignal(str)  # readout of the cell under the mouse
    unit_selected = pyqtSignal(int)  # the row (unit) of a clicked cell

    def __init__(self, plot: pg.PlotItem, name: str = "", scale: str = "tanh", row_name: str | None = None,
                 describe: Describe | None = None, cursor: TimeCursor | None = None) -> None:
        super().__init__()
        row_name = self.tr("unit") if row_name is None else row_name
        if plot.scene() is None:
            raise ValueError("Heatmap needs a PlotItem that is already in a GraphicsLayoutWidget")
        self.plot, self.name, self.row_name = plot, name, row_name
        self.describe = describe or self._describe
        self.cursor = cursor
        cmap, levels, _ = SCALES[scale]
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get(cmap))
        self.image.setLevels(levels)
        plot.addItem(self.image)
        plot.invertY(True)
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setDefaultPadding(0.0)
        for side in ("left", "bottom", "top", "right"):  # indices and tokens: never "(x1e3)"; and no label
            plot.getAxis(side).enableAutoSIPrefix(False)  # re-layout on every range change (much faster)
        self.raw = np.zeros((0, 0), dtype=np.float32)
        self.x_labels: list[str] = []
        self.y_labels: list[str] | None = None
        plot.scene().sigMouseMoved.connect(self._mouse_moved)
        plot.scene().sigMouseClicked.connect(self._mouse_clicked)
        plot.vb.sigResized.connect(self.update_ticks)

    def detach(self) -> None:
        """Disconnect from the scene (call before dropping the heatmap from a layout)."""
        scene = self.plot.scene()
        if scene is not None:
            scene.sigMouseMoved.disconnect(self._mouse_moved)
            scene.sigMouseClicked.disconnect(self._mouse_clicked)
        self.plot.vb.sigResized.disconnect(self.update_ticks)

    @property
    def shape(self) -> tuple[int, int]:
        return self.raw.shape

    def set_data(self, data: np.ndarray, x_labels: Sequence[str] | None = None,
                 y_labels: Sequence[str] | None = None) -> int:
        """Show ``data`` (rows, cols) at the current levels. Non-finite values are drawn as 0 (the
        readout still tells the truth); returns how many there were."""
        data = np.asarray(data)
        if data.ndim != 2:
            raise ValueError(f"a heatmap needs a 2-D array, got shape {data.shape}")
        shown, n_bad = finite_for_display(data)
        rows, cols = data.shape
        reshaped = data.shape != self.raw.shape
        self.raw = data
        self.image.setImage(shown, autoLevels=False)
        if reshaped:
            self.image.setRect(QRectF(-0.5, -0.5, cols, rows))
            self.plot.setRange(xRange=(-0.5, cols - 0.5), yRange=(-0.5, rows - 0.5), padding=0)
        # labels that do not match the shape are ignored (numbers instead), never misaligned
        new_x = [str(s) for s in x_labels] if x_labels is not None and len(x_labels) == cols else None
        new_x = new_x or [str(i) for i in range(cols)]
        new_y = [str(s) for s in y_labels] if y_labels is not None and len(y_labels) == rows else None
        if reshaped or new_x != self.x_labels or new_y != self.y_labels:
            self.x_labels, self.y_labels = new_x, new_y
            self.update_ticks()
        return n_bad

    def update_ticks(self) -> None:
        """Token labels on the x axes (and the y axis if given), thinned to what fits in the pixels."""
        rows, cols = self.raw.shape
        if cols == 0:
            return
        for side in ("bottom", "top"):
            set_token_ticks(self.plot.getAxis(side), self.x_labels, self.plot.vb.width())
        if self.y_labels is not None and rows:
            set_token_ticks(self.plot.getAxis("left"), self.y_labels, self.plot.vb.height())
        else:
            self.plot.getAxis("left").setTicks(None)

    def cell_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        """(col, row) of the cell under a scene position, or None outside the image."""
        if not self.plot.vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = self.plot.vb.mapSceneToView(scene_pos)
        col, row = int(math.floor(p.x() + 0.5)), int(math.floor(p.y() + 0.5))
        rows, cols = self.raw.shape
        return (col, row) if 0 <= col < cols and 0 <= row < rows else None

    def readout(self, col: int, row: int) -> str:
        """What the hover line says about cell (col, row): token, unit and the exact value."""
        xl = self.x_labels[col] if col < len(self.x_labels) else str(col)
        yl = self.y_labels[row] if self.y_labels is not None and row < len(self.y_labels) else str(row)
        return self.describe(col, row, float(self.raw[row, col]), xl, yl)

    def _describe(self, col: int, row: int, value: float, xl: str, yl: str) -> str:
        return self.tr("{name}   t = {t} “{token}”   {row_name} {row}   value {value:+.4f}").format(
            name=self.name, t=col, token=display_token(xl), row_name=self.row_name, row=yl, value=value)

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        cell = self.cell_at(scene_pos)
        if cell is not None:
            self.hovered.emit(self.readout(*cell))

    def _mouse_clicked(self, event) -> None:
        cell = self.cell_at(event.scenePos())
        if cell is None:
            return
        if self.cursor is not None:
            self.cursor.set_position(cell[0])
        self.unit_selected.emit(cell[1])


class HeatmapWidget(QWidget):
    """One heatmap with its colour bar and a readout line below: a self-contained widget."""

    def __init__(self, name: str = "", scale: str = "prob", row_name: str | None = None, bar_label: str = "",
                 describe: Describe | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = pg.GraphicsLayoutWidget()
        self.plot = self.view.addPlot(row=0, col=0, enableMenu=False)
        self.heatmap = Heatmap(self.plot, name, scale, self.tr("row") if row_name is None else row_name, describe)
        self.scale = ColorScale(scale, bar_label)
        self.view.addItem(self.scale.bar, row=0, col=1)
        self.scale.attach([self.heatmap.image])
        self.readout = QLabel(" ")
        self.readout.setWordWrap(True)
        self.readout.setTextFormat(Qt.TextFormat.PlainText)  # tokens are data, never markup
        self.heatmap.hovered.connect(self.readout.setText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.readout)

    def set_data(self, data: np.ndarray, x_labels: Sequence[str] | None = None,
                 y_labels: Sequence[str] | None = None) -> int:
        self.scale.fit([np.asarray(data)])
        n_bad = self.heatmap.set_data(data, x_labels, y_labels)
        self.readout.setText(self.tr("⚠ %n non-finite value(s) drawn as 0", "", n_bad) if n_bad else " ")
        return n_bad
