"""Kept runs drawn over the current run's curves, and their difference to the pinned baseline.

``RunOverlays`` owns one smoothed line per visible kept run in the loss plot and one in the metric
plot (in the run's colour), plus the run's change markers (thin ticks in its colour, labelled
in the crosshair readout). The curves panel calls ``draw`` when the runs, the x mode or the smoothing change, and
``readout_lines`` for the crosshair.

Comparing "at the cursor": in step mode (and wall-clock mode) every run is read at the cursor's step;
in training-time mode at the cursor's training time (each run's own step there), so "LSTM vs RNN
after 30 s of training" reads right.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QCoreApplication, Qt

from rnn_lab.engine.runs import Run, RunStore, change_label, debiased_ema

from .i18n import engine_text, metric_label
from .plot_speed import thin

MAX_RUN_MARKERS = 12  # per kept run: the overlays must not bury the current run's own markers


def run_step_at(run: Run, mode: str, x: float) -> float:
    """The step of ``run`` at x coordinate ``x`` in ``mode`` (NaN outside the run)."""
    if mode == "step":
        return float(x)
    xs, steps = run.x(mode), run.curves["step"]
    ok = np.isfinite(xs) & np.isfinite(steps)
    if not ok.any():
        return math.nan
    return float(np.interp(x, xs[ok], steps[ok], left=np.nan, right=np.nan))


def value_at_x(run: Run, metric: str, mode: str, x: float, smoothing: float) -> float:
    step = run_step_at(run, mode, x)
    return math.nan if not math.isfinite(step) else run.value_at(metric, step, smoothing=smoothing)


class RunOverlays:
    def __init__(self, loss_plot: pg.PlotItem, metric_plot: pg.PlotItem) -> None:
        self.loss_plot, self.metric_plot = loss_plot, metric_plot
        self.items: list[tuple[pg.PlotItem, pg.GraphicsObject]] = []
        self.store: RunStore | None = None
        self.current: Run | None = None
        self.curves: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}  # run name -> x, loss, metric

    def set_runs(self, store: RunStore | None, current: Run | None) -> None:
        self.store, self.current = store, current

    def kept_visible(self) -> list[Run]:
        """The kept runs drawn: visible, trained, and of the current run's task (another task's
        curves are listed in the Runs panel, never drawn here nor stretching these axes)."""
        if self.store is None:
            return []
        task = self.current.task if self.current is not None else None
        return [r for r in self.store.visible() if r is not self.current and len(r)
                and (task is None or r.task == task)]

    def clear(self) -> None:
        for plot, item in self.items:
            if plot.legend is not None:
                plot.legend.removeItem(item)
            plot.removeItem(item)
        self.items = []
        self.curves = {}

    def draw(self, mode: str, smoothing: float, metric_name: str) -> None:
        """(Re)draw every visible kept run in x ``mode`` with smoothing weight ``smoothing``."""
        self.clear()
        for run in self.kept_visible():
            x = run.x(mode)
            loss = debiased_ema(run.curves["loss"], smoothing)
            metric = debiased_ema(run.curves["metric"], smoothing)
            self.curves[run.name] = (x, loss, metric)
            same_metric = run.metric_name == metric_name
            for plot, y in ((self.loss_plot, loss), (self.metric_plot, metric if same_metric else None)):
                if y is None:
                    continue
                item = pg.PlotDataItem(x, y, pen=pg.mkPen(run.color, width=1.6), connect="finite")
                item.series_name = f"{run.name}: train {'loss' if plot is self.loss_plot else run.metric_name} (smoothed)"
                item.setZValue(-5)  # under the current run
                plot.addItem(item)
                thin(item, "subsample")  # (after addItem, which sets the plot's own downsampling)
                self.items.append((plot, item))
                if plot.legend is not None:
                    plot.legend.addItem(item, run.name)
            # A kept run's changes: thin dotted lines in its colour, unlabelled (their texts are in the
            # crosshair readout), so they neither cover the current run's labels nor repeat them.
            for mx, _label in run.markers(mode, engine_text)[-MAX_RUN_MARKERS:]:
                line = pg.InfiniteLine(pos=mx, angle=90, pen=pg.mkPen(run.color, width=1, style=Qt.PenStyle.DotLine))
                self.loss_plot.addItem(line, ignoreBounds=True)
                self.items.append((self.loss_plot, line))

    def y_values(self, which: str) -> list[np.ndarray]:
        """The drawn (smoothed) values of ``which`` ("loss" or "metric") of every overlay."""
        return [c[1] if which == "loss" else c[2] for c in self.curves.values()]

    def readout_lines(self, mode: str, x: float, smoothing: float, metric_name: str) -> list[str]:
        """Rich-text lines for the crosshair: each visible run's smoothed loss and, with a baseline,
        "vs baseline: -0.12" (the run minus the baseline at the cursor)."""
        if self.store is None:
            return []
        base = self.store.baseline
        task = self.current.task if self.current is not None else None
        if base is not None and task is not None and base.task != task:
            base = None  # a baseline of another task compares with nothing on these plots
        lines = []
        runs = [r for r in self.store.visible() if len(r) and (task is None or r.task == task)]
        if base is not None and base not in runs and len(base):
            runs.append(base)
        if len(runs) < 2 and base is None:
            return []
        base_loss = value_at_x(base, "loss", mode, x, smoothing) if base is not None else math.nan
        base_metric = value_at_x(base, "metric", mode, x, smoothing) if base is not None else math.nan
        for run in runs:
            loss = value_at_x(run, "loss", mode, x, smoothing)
            text = QCoreApplication.translate("RunOverlays", "{run}: loss {loss}").format(run=_esc(run.name), loss=_fmt(loss))
            if base is not None and run is base:
                text += QCoreApplication.translate("RunOverlays", " (baseline)")
            elif base is not None:
                text += QCoreApplication.translate("RunOverlays", ", vs baseline: {difference}").format(difference=_signed(loss - base_loss))
                if run.metric_name == base.metric_name:
                    metric = value_at_x(run, "metric", mode, x, smoothing)
                    text += f" ({_esc(metric_label(run.metric_name))} {_signed(metric - base_metric)})"
            lines.append(f"<span style='color:{run.color}'>{text}</span>")
        return lines

    def changes_near(self, mode: str, x: float, within: float) -> list[tuple[str, str]]:
        """(colour, "run: lr 0.03 -> 0.01") of the kept runs' changes within ``within`` of ``x``."""
        return [(run.color, f"{run.name}: {label}") for run in self.kept_visible()
                for mx, label in run.markers(mode, engine_text) if abs(mx - x) <= within]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fmt(v: float) -> str:
    return "–" if not math.isfinite(v) else f"{v:.4g}"


def _signed(v: float) -> str:
    """A difference with its sign; below 5e-5 it is rounding noise of the smoothing: "0"."""
    if not math.isfinite(v):
        return "–"
    return "0" if abs(v) < 5e-5 else f"{v:+.3g}"


__all__ = ["RunOverlays", "change_label", "run_step_at", "value_at_x"]
