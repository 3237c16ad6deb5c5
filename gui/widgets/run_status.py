"""The status bar's readout of the run: task, step, epoch, tokens/s, elapsed time and a coloured state."""

from __future__ import annotations

import math
import time
from typing import Any

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PyQt6.QtWidgets import QLabel, QProgressBar, QStatusBar

from ..theme import STATE_COLORS
from ..throttle import Throttle

STATE_TEXT = {"running": QT_TRANSLATE_NOOP("RunStatus", "Running"), "paused": QT_TRANSLATE_NOOP("RunStatus", "Paused"),
              "diverged": QT_TRANSLATE_NOOP("RunStatus", "Diverged"),
              "finished": QT_TRANSLATE_NOOP("RunStatus", "Finished"),
              "stopped": QT_TRANSLATE_NOOP("RunStatus", "Stopped"),
              "building": QT_TRANSLATE_NOOP("RunStatus", "Building…")}



def format_elapsed(seconds: float) -> str:
    if not math.isfinite(seconds) or seconds < 0:  # (a checkpoint's clock is checked on load; never raise here)
        return "–:––"
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


def format_rate(tokens_per_s: float) -> str:
    if tokens_per_s >= 1e6:
        amount = f"{tokens_per_s / 1e6:.1f}M"
    elif tokens_per_s >= 1e4:
        amount = f"{tokens_per_s / 1e3:.0f}k"
    else:
        amount = f"{tokens_per_s:,.0f}"
    return QCoreApplication.translate("RunStatus", "{amount} tok/s").format(amount=amount)


READ_S = 0.25  # while running, the numbers change at most this often: readable, and cheap to draw


class RunStatus:
    """Labels added to ``bar``; ``update(report)`` with each progress report, ``set_state`` otherwise."""

    def __init__(self, bar: QStatusBar) -> None:
        self.task = QLabel("")
        self.step = QLabel(self.step_text(0))
        self.epoch = QLabel(self.epoch_text(0.0))
        self.rate = QLabel("")
        self.elapsed = QLabel("0:00")
        self.state = QLabel("")
        self.step.setToolTip(QCoreApplication.translate("RunStatus", "Training steps (batches) so far"))
        self.epoch.setToolTip(QCoreApplication.translate("RunStatus", "Passes over the training data so far"))
        self.rate.setToolTip(self.rate_tip())
        self.elapsed.setToolTip(QCoreApplication.translate("RunStatus", "Time spent training (pauses excluded), by "
                                                                        "the clock on the wall"))
        self.work = QProgressBar()  # a busy indicator while the run does something long (an evaluation)
        self.work.setRange(0, 0)
        self.work.setMaximumWidth(120)
        self.work.setTextVisible(False)
        self.work_label = QLabel("")
        bar.addWidget(self.task, 1)
        bar.addPermanentWidget(self.work_label)
        bar.addPermanentWidget(self.work)
        self.work.hide()
        self.work_label.hide()
        widest = {self.step: self.step_text(888_888_888), self.epoch: self.epoch_text(8888.88),
                  self.rate: format_rate(888e3), self.elapsed: "000:00:00"}
        self.task.setTextFormat(Qt.TextFormat.PlainText)  # it names the data file: text, never markup
        for w in (self.step, self.epoch, self.rate, self.elapsed, self.state):
            w.setTextFormat(Qt.TextFormat.PlainText)
            w.setContentsMargins(6, 0, 6, 0)
            if w in widest:  # a fixed width: a growing number must not relay the window out
                w.setMinimumWidth(w.fontMetrics().horizontalAdvance(widest[w]) + 12)
            bar.addPermanentWidget(w)
        self.current = ""
        self.speed = 0.0  # the speed control's steps per second (0 = full speed)
        self._latest: dict[str, Any] = {}
        self.reset()
        self._show = Throttle(self._show_latest, READ_S, bar)
        self.set_state("paused")

    @staticmethod
    def step_text(step: int) -> str:
        return QCoreApplication.translate("RunStatus", "step {step}").format(step=f"{int(step):,}")

    @staticmethod
    def epoch_text(epoch: float) -> str:
        return QCoreApplication.translate("RunStatus", "epoch {epoch:.2f}").format(epoch=float(epoch))

    @staticmethod
    def rate_tip() -> str:
        return QCoreApplication.translate("RunStatus", "Training throughput: tokens (bits, characters, words) per "
                                                       "second of training")

    def reset(self) -> None:
        """A new run: its clock starts from its first report's training time (0, or a checkpoint's)."""
        self.running_s, self._offset, self._last_t = 0.0, None, None
        self._samples: list[tuple[float, int]] = []  # (time, step) of recent reports: the real pace

    def set_speed(self, steps_per_second: float) -> None:
        self.speed = float(steps_per_second)

    def update(self, report: dict[str, Any], now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        if self._offset is None:
            self._offset = float(report.get("elapsed_s", 0.0))
        self._tick(now)
        recent = [(t, s) for t, s in self._samples if now - t <= 5.0] or self._samples[-1:]  # (at least one)
        self._samples = recent + [(now, int(report.get("step", 0)))]
        self._latest = report
        self.set_state(report.get("state", "paused"), now)  # the state at once, the numbers at most every READ_S
        if self.current == "running":
            self._show()
        else:
            self._show.flush()  # a stopped run shows its final numbers now

    def _show_latest(self) -> None:
        report = self._latest
        self.step.setText(self.step_text(int(report.get("step", 0))))
        self.epoch.setText(self.epoch_text(float(report.get("epoch", 0.0))))
        running = report.get("state") == "running"
        if running and self.speed > 0:  # slowed down: how fast it goes, not what it could do
            self.rate.setText(QCoreApplication.translate("RunStatus", "{n} steps/s").format(
                n=f"{self.steps_per_second():.3g}"))
            self.rate.setToolTip(QCoreApplication.translate("RunStatus", "Training is slowed down with the Speed "
                                                                         "control: steps per second now"))
        else:
            self.rate.setText(format_rate(float(report.get("tokens_per_s", 0.0))) if running else "")
            self.rate.setToolTip(self.rate_tip())
        # the clock while running; at least the compute time (steps trained without reports, e.g. a screenshot)
        wall = (self._offset or 0.0) + self.running_s
        self.elapsed.setText(format_elapsed(max(wall, float(report.get("elapsed_s", 0.0)))))

    def busy(self, on: bool, text: str = "") -> None:
        """Show (or hide) a busy indicator with ``text``, e.g. while a large split is evaluated."""
        self.work_label.setText(text)
        self.work.setVisible(on)
        self.work_label.setVisible(on and bool(text))

    def steps_per_second(self) -> float:
        """Steps per second over the last few seconds of reports."""
        (t0, s0), (t1, s1) = self._samples[0], self._samples[-1]
        return (s1 - s0) / (t1 - t0) if t1 > t0 else 0.0

    def _tick(self, now: float | None = None) -> None:
        """Count the wall time since the last tick if the run was running (a slowed run's time counts too)."""
        now = time.monotonic() if now is None else now
        if self._last_t is not None and self.current == "running":
            self.running_s += now - self._last_t
        self._last_t = now

    def set_state(self, state: str, now: float | None = None) -> None:
        if state == self.current:
            return
        self._tick(now)  # the time until now belongs to the old state
        self.current = state
        color = STATE_COLORS.get(state, "#7f7f7f")
        self.state.setText(QCoreApplication.translate("RunStatus", STATE_TEXT[state]) if state in STATE_TEXT else state)
        self.state.setStyleSheet(f"QLabel {{ background: {color}; color: white; border-radius: 8px;"
                                 " padding: 1px 10px; font-weight: 600; }")
