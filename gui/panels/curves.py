"""The training curves: loss, the task's metric, gradient norm and learning rate against the step
(or the training time, or the wall clock: the x-axis selector).

Fed by ``report["points"]`` (every step since the last report) into a bounded ``CurveBuffer``;
drawn by a timer (8 Hz, fewer when a repaint is slow), never once per report. Raw step values are drawn faint behind a debiased
EMA (TensorBoard's smoothing slider); validation points are ``VAL_COLOR`` everywhere; divergence
and every live hyperparameter change are vertical markers ("lr 0.03 -> 0.01"); hovering shows every
value at that step. Kept runs of the Runs panel are overlaid in their colours (``set_runs``), and
with a baseline pinned the readout shows each run's difference to it. "Ignore outliers" sets the
y ranges to the 1-99 % quantiles of what is drawn (``engine.runs.robust_range``), so one spike does
not flatten the rest.
"""

from __future__ import annotations

import math
import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rnn_lab.engine.runs import Run, RunStore, change_label, is_marked, robust_range

from ..curve_buffer import CurveBuffer
from ..curve_markers import MAX_MARKERS, MarkerLayer
from ..curve_overlays import RunOverlays
from ..curve_plots import CurvePlots
from ..i18n import engine_text, metric_label, number
from ..theme import CHANGE_COLOR, DIVERGE_COLOR, GRAD_COLOR, LR_COLOR, TRAIN_COLOR, VAL_COLOR
from .base import Panel

COLUMNS = ("step", "time", "wall", "loss", "metric", "grad_norm", "lr")
SMOOTHED = ("loss", "metric", "grad_norm")
# x mode -> (the buffer's column, the axis label: marked, translated where it is shown)
X_MODES = {"step": ("step", QT_TRANSLATE_NOOP("CurvesPanel", "step")),
           "relative": ("time", QT_TRANSLATE_NOOP("CurvesPanel", "training time (s)")),
           "wall": ("wall", QT_TRANSLATE_NOOP("CurvesPanel", "wall clock"))}
MAX_VAL_POINTS = 4000
REDRAW_MS = (120, 400)  # the curves' redraw period: at fastest, at slowest (see the timer)
MAX_VAL_SYMBOLS = 150  # validation points drawn as dots up to this many, as a plain line beyond


def redraw_interval(paint_ms: float) -> int:
    """Milliseconds between redraws after a repaint that took ``paint_ms``: the curves take at most
    about an eighth of the UI thread, redrawn between 8 and 2.5 times a second."""
    return int(min(max(REDRAW_MS[0], 8 * paint_ms), REDRAW_MS[1]))


def _fmt(v: float) -> str:
    return "–" if v is None or not math.isfinite(v) else f"{v:.4g}"


class CurvesPanel(Panel):
    title = QT_TRANSLATE_NOOP("Panel", "Training curves")

    def __init__(self, parent: QWidget | None = None, capacity: int = 10_000) -> None:
        super().__init__(parent)
        self.buf = CurveBuffer(COLUMNS, SMOOTHED, capacity=capacity)
        self.metric_name = "metric"
        self.val_points: list[dict[str, float]] = []
        self.x_mode = "step"
        self.run_name = self.tr("current run")
        self.color = TRAIN_COLOR
        self.clip = 0.0
        self._dirty = False
        self._lr_log = False

        self.smoothing = QSlider(Qt.Orientation.Horizontal)
        self.smoothing.setRange(0, 99)
        self.smoothing.setValue(60)
        self.smoothing.setFixedWidth(100)
        self.smoothing.setToolTip(self.tr("Exponential moving average of the step values (debiased, as in "
                                          "TensorBoard)"))
        self.smoothing_label = QLabel("0.60")
        self.smoothing_label.setMinimumWidth(32)
        self.log_y = QCheckBox(self.tr("Log scale"))
        self.log_y.setToolTip(self.tr("Logarithmic y axis for loss, perplexity and gradient norm"))
        head = QHBoxLayout()
        head.setContentsMargins(6, 2, 6, 0)
        head.addWidget(QLabel(self.tr("Smoothing")))
        head.addWidget(self.smoothing)
        head.addWidget(self.smoothing_label)
        head.addSpacing(12)
        head.addWidget(self.log_y)
        self.outliers = QCheckBox(self.tr("Ignore outliers"))
        self.outliers.setToolTip(self.tr("Y ranges from the 1st to the 99th percentile of the curves drawn, so a "
                                         "spike does not flatten everything else"))
        head.addWidget(self.outliers)
        head.addStretch(1)
        self.help_button = QToolButton()
        self.help_button.setText("?")
        self.help_button.setAutoRaise(True)
        self.help_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.help_button.setToolTip(self.tr("What these curves show, and where the book explains them"))
        self.help_button.clicked.connect(lambda: self.request.emit("help", {}))
        head.addWidget(self.help_button)

        self.glw = CurvePlots()
        g = self.glw
        self.loss_plot, self.metric_plot, self.grad_plot, self.lr_plot = g.loss_plot, g.metric_plot, g.grad_plot, g.lr_plot
        self.plots = g.plots
        self.loss_raw, self.loss_smooth, self.loss_val = g.loss_raw, g.loss_smooth, g.loss_val
        self.metric_raw, self.metric_smooth, self.metric_val = g.metric_raw, g.metric_smooth, g.metric_val
        self.grad_raw, self.grad_smooth, self.lr_curve = g.grad_raw, g.grad_smooth, g.lr_curve
        self.clip_line, self.cursors = g.clip_line, g.cursors
        self.overlays = RunOverlays(self.loss_plot, self.metric_plot)
        self.marker_layer = MarkerLayer(self.plots, self.x_of_steps)
        for p in self.plots:  # an exported plot labels its x axis (in the window only the lowest does)
            p.x_label = self.tr(X_MODES[self.x_mode][1])
        self._set_titles()

        # The x-axis selector sits in the bottom-right corner, beside the x axis it changes.
        self.x_combo = QComboBox(self.glw)
        for key, text in (("step", self.tr("x: step")), ("relative", self.tr("x: training time")),
                          ("wall", self.tr("x: wall clock"))):
            self.x_combo.addItem(text, key)
        self.x_combo.setToolTip(self.tr("X axis: the step; the training time since the run started (pauses "
                                        "excluded), to compare runs by compute; or the wall clock"))
        self.x_combo.adjustSize()
        self.hint = QLabel(self.tr("Press Space to start training"), self.glw)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("QLabel { background: rgba(59,139,217,215); color: white; border-radius: 8px;"
                                " padding: 10px 18px; font-size: 15px; font-weight: 600; }")
        self.hint.adjustSize()
        # The hover readout: a small box that follows the mouse, one value per line.
        self.readout = QLabel(self.glw)
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self._style_readout()
        self.readout.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.readout.hide()
        self.glw.viewport().installEventFilter(self)  # the pointer leaving the plots hides the readout

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.glw, 1)

        self.smoothing.valueChanged.connect(self._smoothing_changed)
        self.log_y.toggled.connect(self._apply_log)
        self.outliers.toggled.connect(self._outliers_toggled)
        self.x_combo.currentIndexChanged.connect(lambda _i: self.set_x_mode(self.x_combo.currentData()))
        self.loss_plot.vb.sigResized.connect(lambda _vb: self._place_hint())
        self._mouse = pg.SignalProxy(self.glw.scene().sigMouseMoved, rateLimit=30, slot=self._hover)
        self.timer = QTimer(self)
        # At most 8 Hz, and slower when a repaint is slow (a large panel on a slow machine): the
        # curves may take about an eighth of the UI thread, so the window answers while they draw.
        self.timer.setInterval(REDRAW_MS[0])
        self.timer.timeout.connect(self.redraw)
        self.timer.start()
        self._paint_ms = 0.0  # the last repaint of the plots
        paint = self.glw.paintEvent

        def timed_paint(event) -> None:
            t0 = time.perf_counter()
            paint(event)
            self._paint_ms = (time.perf_counter() - t0) * 1000
            self.timer.setInterval(redraw_interval(self._paint_ms))

        self.glw.paintEvent = timed_paint

    # ------------------------------------------------------------------ Panel protocol
    def set_task(self, info: dict[str, Any]) -> None:
        self.clear()
        self.hide_readout()
        self.metric_name = info.get("metric_name", "metric")
        self.clip = float(info.get("config", {}).get("clip", 0.0))
        self._set_titles()
        self._apply_log(self.log_y.isChecked())
        for p in self.plots:  # a new run starts with the whole of its own curves in view
            p.enableAutoRange(axis="x")
        self._set_titles()  # (after the autorange: the metric plot of an accuracy keeps 0..1)

    def on_progress(self, report: dict[str, Any]) -> None:
        pts = report.get("points")
        if pts is not None and len(pts.get("step", ())):
            self.buf.extend(_with_wall(pts))
            self._dirty = True
        if report.get("val"):
            self._add_val_points(report["val"])
        name = report.get("metric_name")
        if name and name != self.metric_name:
            self.metric_name = name
            self._set_titles()

    def on_message(self, msg: dict[str, Any]) -> None:
        kind = msg.get("kind")
        if kind == "loaded":
            self.load_history(msg["curves"], msg["val_points"], msg["changes"])
        elif kind == "event" and msg.get("level") == "diverged":
            self.add_marker(float(msg.get("step", self._last_step())), self.tr("diverged"), DIVERGE_COLOR)
        elif kind == "hparam" and is_marked(msg):
            # (a schedule's lr steps are the lr curve itself, not marks)
            self.add_marker(float(msg["step"]), change_label(msg, engine_text), CHANGE_COLOR, dashed=True)
        if kind == "hparam" and msg.get("name") == "clip":
            self.clip = float(msg["new"])
            self._dirty = True

    def export_targets(self) -> list[tuple[str, Any]]:
        return [(self.tr("Curves: all plots"), self.glw.ci), (self.tr("Curves: loss"), self.loss_plot),
                (self.tr("Curves: {metric}").format(metric=metric_label(self.metric_name)), self.metric_plot),
                (self.tr("Curves: gradient norm"), self.grad_plot), (self.tr("Curves: learning rate"), self.lr_plot)]

    # ------------------------------------------------------------------ data
    def clear(self) -> None:
        self.buf.clear()
        self.val_points = []
        self.marker_layer.clear()
        self._dirty = True
        self.redraw()

    @property
    def markers(self) -> list[list[pg.InfiniteLine]]:
        """The current run's markers, each its lines (one per plot; the first carries the label)."""
        return [m.lines for m in self.marker_layer.markers]

    def load_history(self, curves: dict[str, np.ndarray], val_points: list[dict], changes: list[dict]) -> None:
        """Rebuild the plots from a loaded run: the trainer's curves, validation points and changes."""
        self.clear()
        if len(curves.get("step", ())):
            self.buf.extend(_with_wall(curves))
        self._add_val_points(val_points)
        for c in changes[-MAX_MARKERS:]:
            self.on_message({"kind": "hparam", **c})
        self._dirty = True
        self.redraw()

    def _add_val_points(self, points: list[dict]) -> None:
        self.val_points.extend(p for p in points if p.get("split", "val") == "val")
        if len(self.val_points) > MAX_VAL_POINTS:
            self.val_points = self.val_points[1::2]
        self._dirty = True

    def _last_step(self) -> float:
        return float(self.buf.col("step")[-1]) if len(self.buf) else 0.0

    def add_marker(self, step: float, label: str, color: str, dashed: bool = False) -> None:
        """A vertical line at ``step`` (placed in the current x mode) in every plot, labelled in the loss
        plot; labels never overlap (``curve_markers``), and the same label at the same step is drawn once."""
        self.marker_layer.add(step, label, color, dashed)

    # ------------------------------------------------------------------ runs, x axis, y ranges
    def set_runs(self, store: RunStore | None, current: Run | None) -> None:
        """Overlay the visible kept runs of ``store``; the current run is drawn in ``current.color``."""
        self.overlays.set_runs(store, current)
        color = current.color if current is not None else TRAIN_COLOR
        if color != self.color:
            self.color = color
            self.glw.set_run_color(color)
        self.run_name = current.name if current is not None else self.tr("current run")
        self.glw.name_series(self.run_name, self.metric_name)
        kept = bool(self.overlays.kept_visible())  # name the current run once others are drawn too
        self.glw.set_legend_text(self.loss_smooth, self.tr("{run} (train)").format(run=self.run_name) if kept
                                 else self.tr("train"))
        self.glw.set_legend_text(self.loss_val, self.tr("{run} (validation)").format(run=self.run_name) if kept
                                 else self.tr("validation"))
        self._draw_overlays()

    def _draw_overlays(self) -> None:
        self.overlays.draw(self.x_mode, self.buf.weight, self.metric_name)
        self._dirty = True

    def set_x_mode(self, mode: str) -> None:
        """"step", "relative" (training seconds since the run started) or "wall" (the clock)."""
        if mode not in X_MODES:
            raise ValueError(f"x mode must be one of {', '.join(X_MODES)}, got {mode!r}")
        if self.x_combo.currentData() != mode:
            self.x_combo.setCurrentIndex(self.x_combo.findData(mode))  # comes back here
            return
        self.x_mode = mode
        axis = pg.DateAxisItem() if mode == "wall" else pg.AxisItem("bottom")
        axis.enableAutoSIPrefix(False)  # "training time (s)" must stay seconds
        self.lr_plot.setAxisItems({"bottom": axis})
        self.lr_plot.setLabel("bottom", self.tr(X_MODES[mode][1]))
        for p in self.plots:
            p.x_label = self.tr(X_MODES[mode][1])
        self.marker_layer.replace_x()
        self._draw_overlays()
        self.redraw()
        for p in self.plots:
            p.enableAutoRange(axis="x")

    def x_of_steps(self, steps) -> np.ndarray:
        """X coordinates of ``steps`` in the current mode, through the current run's step -> time curve."""
        s = np.asarray(steps, dtype=np.float64)
        col = X_MODES[self.x_mode][0]
        if col == "step" or len(s) == 0:
            return s
        known, target = self.buf.col("step"), self.buf.col(col)
        ok = np.isfinite(known) & np.isfinite(target)
        if not ok.any():
            return np.zeros_like(s) if col == "time" else np.full(s.shape, time.time())
        return np.interp(s, known[ok], target[ok])

    def _outliers_toggled(self, on: bool) -> None:
        if on:
            self.apply_outlier_ranges()
        else:
            for p in (self.loss_plot, self.grad_plot):
                p.enableAutoRange(axis="y")
            self._set_titles()  # the metric plot: fixed 0..1 for accuracies, else auto

    def apply_outlier_ranges(self) -> None:
        """Y ranges of the loss, metric (unless a 0..1 share) and gradient plots without the outliers."""
        b = self.buf
        plots = [(self.loss_plot, [b.col("loss")] + self.overlays.y_values("loss"), self.log_y.isChecked()),
                 (self.grad_plot, [b.col("grad_norm")], self.log_y.isChecked())]
        if "accuracy" not in self.metric_name:
            log = self.log_y.isChecked() and self.metric_name == "perplexity"
            plots.append((self.metric_plot, [b.col("metric")] + self.overlays.y_values("metric"), log))
        for plot, values, log in plots:
            if log:
                values = [np.log10(v[v > 0]) for v in values]
            lo, hi = robust_range(values)
            plot.setYRange(lo, hi, padding=0.05)

    # ------------------------------------------------------------------ drawing
    def redraw(self) -> None:
        """Push the buffers to the plot items (called by the timer; cheap when nothing changed)."""
        if not self._dirty:
            return
        self._dirty = False
        b = self.buf
        x = b.col(X_MODES[self.x_mode][0])
        self.hint.setVisible(len(b) == 0)
        self._place_hint()
        self.loss_raw.setData(x, b.col("loss"), connect="finite")
        self.loss_smooth.setData(x, b.smooth("loss"), connect="finite")
        self.metric_raw.setData(x, b.col("metric"), connect="finite")
        self.metric_smooth.setData(x, b.smooth("metric"), connect="finite")
        self.grad_raw.setData(x, b.col("grad_norm"), connect="finite")
        self.grad_smooth.setData(x, b.smooth("grad_norm"), connect="finite")
        lr = b.col("lr")
        ok = np.isfinite(lr) & (lr > 0)
        # A log axis once the lr spans decades (schedules, user changes); linear reads better otherwise.
        spans = ok.any() and lr[ok].max() > 20 * lr[ok].min()
        if spans != self._lr_log:
            self._lr_log = bool(spans)
            self.lr_plot.setLogMode(y=self._lr_log)
        self.lr_curve.setData(x[ok], lr[ok])
        if ok.any():  # a constant lr would otherwise get a range around 0 (linear) or a crowded axis
            lo, hi = float(lr[ok].min()), float(lr[ok].max())
            if self._lr_log:
                self.lr_plot.setYRange(math.log10(lo) - 0.2, math.log10(hi) + 0.2, padding=0)
            else:
                self.lr_plot.setYRange(0, hi * 1.15, padding=0)
        vx = self.x_of_steps([p["step"] for p in self.val_points])
        symbol = "o" if len(vx) <= MAX_VAL_SYMBOLS else None  # thousands of dots: a line reads better,
        if symbol != self.loss_val.opts["symbol"]:  # and drawing them made each repaint slow
            for item in (self.loss_val, self.metric_val):
                item.setSymbol(symbol)
        self.loss_val.setData(vx, np.array([p.get("loss", np.nan) for p in self.val_points]), connect="finite")
        self.metric_val.setData(vx, np.array([p.get(self.metric_name, np.nan) for p in self.val_points]),
                                connect="finite")
        self.clip_line.setVisible(self.clip > 0)
        if self.clip > 0:
            self.clip_line.setValue(math.log10(self.clip) if self.log_y.isChecked() else self.clip)
        if self.outliers.isChecked():
            self.apply_outlier_ranges()
        # Settle the new ranges (and the clipping and thinning that follow them) now: left to the
        # paint, they asked for a second paint of the plots right after the first.
        self.glw.scene().prepareForPaint()

    def _set_titles(self) -> None:
        self.glw.set_titles(self.metric_name)
        self.glw.name_series(self.run_name, self.metric_name)

    def _smoothing_changed(self, v: int) -> None:
        self.smoothing_label.setText(f"{v / 100:.2f}")
        self.buf.set_weight(v / 100)
        self._draw_overlays()
        self._dirty = True

    def _apply_log(self, on: bool) -> None:
        self.loss_plot.setLogMode(y=on)
        self.grad_plot.setLogMode(y=on)
        self.metric_plot.setLogMode(y=on and self.metric_name == "perplexity")
        self._dirty = True

    def _style_readout(self) -> None:
        pal = self.palette()
        bg, fg, mid = pal.base().color(), pal.text().color(), pal.mid().color()
        self.readout.setStyleSheet(f"QLabel {{ background: rgba({bg.red()},{bg.green()},{bg.blue()},235);"
                                   f" color: {fg.name()}; border: 1px solid {mid.name()}; border-radius: 4px;"
                                   " padding: 4px 6px; }")

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:  # light/dark theme switch
            self._style_readout()

    def _place_hint(self) -> None:
        """In the middle of the (empty) loss plot."""
        self.hint.adjustSize()
        c = self.glw.mapFromScene(self.loss_plot.vb.sceneBoundingRect().center())
        self.hint.move(max(0, c.x() - self.hint.width() // 2), max(0, c.y() - self.hint.height() // 2))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_hint()
        self.x_combo.move(max(0, self.glw.width() - self.x_combo.width() - 6),
                          max(0, self.glw.height() - self.x_combo.height() - 4))

    def _hover(self, args) -> None:
        pos = args[0]
        if not self.glw.viewport().underMouse():  # (a rate-limited move that arrives after the pointer left)
            self.hide_readout()
            return
        for plot in self.plots:
            if plot.sceneBoundingRect().contains(pos):
                x = plot.vb.mapSceneToView(pos).x()
                break
        else:
            self.hide_readout()
            return
        self.show_readout(x)
        self._place_readout(self.glw.mapFromScene(pos))

    def show_readout(self, x: float) -> None:
        """Move the crosshair to the kept step nearest ``x`` and print its values above the plots."""
        i = self.buf.nearest(x, X_MODES[self.x_mode][0])
        if i is None:
            return
        b = self.buf
        step = b.col("step")[i]
        cursor_x = b.col(X_MODES[self.x_mode][0])[i]
        for c in self.cursors:
            c.setValue(cursor_x)
            c.show()
        metric = _esc(metric_label(self.metric_name))
        parts = ["<b>" + self.tr("step {step}").format(step=number(int(step))) + "</b>",  # one line each
                 f"<span style='color:{self.color}'>"
                 + self.tr("loss {loss} (smoothed {smoothed})").format(loss=_fmt(b.col("loss")[i]),
                                                                       smoothed=_fmt(b.smooth("loss")[i]))
                 + "</span>",
                 f"{metric} {_fmt(b.col('metric')[i])}"]
        val = [p for p in self.val_points if p["step"] <= step]
        if val:
            v = val[-1]
            parts.append(f"<span style='color:{VAL_COLOR}'>"
                         + self.tr("val loss {loss} {metric} {value} @ {step}").format(
                             loss=_fmt(v.get("loss")), metric=metric, value=_fmt(v.get(self.metric_name)),
                             step=number(int(v["step"]))) + "</span>")
        parts.append(f"<span style='color:{GRAD_COLOR}'>‖∇‖ {_fmt(b.col('grad_norm')[i])}</span>")
        parts.append(f"<span style='color:{LR_COLOR}'>" + self.tr("lr {value}").format(value=_fmt(b.col("lr")[i]))
                     + "</span>")
        # the changes marked near the cursor (a label may be hidden where too many crowd together)
        vb = self.loss_plot.vb
        (x0, x1), _ = vb.viewRange()
        px = (x1 - x0) / max(vb.width(), 1.0) * 6  # within 6 pixels
        near_steps = float(np.interp(cursor_x + px, b.col(X_MODES[self.x_mode][0]), b.col("step"))) - step \
            if self.x_mode != "step" else px
        parts += [f"<span style='color:{CHANGE_COLOR}'>{_esc(t)}</span>"
                  for t in self.marker_layer.texts_near(step, abs(near_steps))]
        parts += [f"<span style='color:{c}'>{_esc(t)}</span>"
                  for c, t in self.overlays.changes_near(self.x_mode if self.x_mode != "wall" else "step",
                                                         cursor_x if self.x_mode == "relative" else step, px)]
        # Runs compare at the cursor's step, or its training time; never at its wall-clock time (the
        # runs trained at different times of day).
        mode, at = ("step", step) if self.x_mode == "wall" else (self.x_mode, cursor_x)
        parts += self.overlays.readout_lines(mode, float(at), self.buf.weight, self.metric_name)
        self.readout.setText("<br>".join(parts))
        self.readout.adjustSize()
        self.readout.show()

    def hide_readout(self) -> None:
        """No crosshair and no readout (the pointer left the plots, or the run changed)."""
        for c in self.cursors:
            c.hide()
        self.readout.hide()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self.glw.viewport() and event.type() == event.Type.Leave:
            self.hide_readout()
        return False

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.hide_readout()
        super().hideEvent(event)

    def _place_readout(self, at) -> None:
        """Beside the mouse, on whichever side has room."""
        w, h = self.readout.width(), self.readout.height()
        x = at.x() + 16 if at.x() + 16 + w < self.glw.width() else at.x() - 16 - w
        y = min(max(0, at.y() + 16), max(0, self.glw.height() - h))
        self.readout.move(max(0, x), y)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _with_wall(points: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """``points`` with a "wall" column (seconds since the epoch): back-dated from now by the training
    time between each row and the chunk's last (the trainer's points carry training time only)."""
    if "wall" in points or "time" not in points:
        return points
    t = np.asarray(points["time"], dtype=np.float64)
    now = time.time()
    wall = now - (t[-1] - t) if len(t) and np.isfinite(t).all() else np.full(len(t), now)
    return {**points, "wall": wall}
