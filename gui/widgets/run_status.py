"""The status bar's readout of the run: task, step, epoch, tokens/s, elapsed time and a coloured state."""

from __future__ import annotations

import math
from typing import Any

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QLabel, QStatusBar

from ..theme import STATE_COLORS
from ..throttle import Throttle

STATE_TEXT = {"running": "Running", "paused": "Paused", "diverged": "Diverged", "finished": "Finished",
              "stopped": "Stopped", "building": "Building…"}


def format_elapsed(seconds: float) -> str:
    if not math.isfinite(seconds) or seconds < 0:  # (a checkpoint's clock is checked on load; never raise here)
        return "–:––"
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


def format_rate(tokens_per_s: float) -> str:
    if tokens_per_s >= 1e6:
        return f"{tokens_per_s / 1e6:.1f}M tok/s"
    if tokens_per_s >= 1e4:
        return f"{tokens_per_s / 1e3:.0f}k tok/s"
    return f"{tokens_per_s:,.0f} tok/s"


READ_S = 0.25  # while running, the numbers change at most this often: readable, and cheap to draw


class RunStatus:
    """Labels added to ``bar``; ``update(report)`` with each progress report, ``set_state`` otherwise."""

    def __init__(self, bar: QStatusBar) -> None:
        self.task = QLabel("")
        self.step = QLabel("step 0")
        self.epoch = QLabel("epoch 0.00")
        self.rate = QLabel("")
        self.elapsed = QLabel("0:00")
        self.state = QLabel("")
        self.step.setToolTip("Training steps (batches) so far")
        self.epoch.setToolTip("Passes over the training data so far")
        self.rate.setToolTip("Training throughput: tokens (bits, characters, words) per second of training")
        self.elapsed.setToolTip("Time spent training (pauses excluded)")
        bar.addWidget(self.task, 1)
        widest = {self.step: "step 000,000,000", self.epoch: "epoch 0000.00", self.rate: "000k tok/s",
                  self.elapsed: "000:00:00"}
        self.task.setTextFormat(Qt.TextFormat.PlainText)  # it names the data file: text, never markup
        for w in (self.step, self.epoch, self.rate, self.elapsed, self.state):
            w.setTextFormat(Qt.TextFormat.PlainText)
            w.setContentsMargins(6, 0, 6, 0)
            if w in widest:  # a fixed width: a growing number must not relay the window out
                w.setMinimumWidth(w.fontMetrics().horizontalAdvance(widest[w]) + 12)
            bar.addPermanentWidget(w)
        self.current = ""
        self._latest: dict[str, Any] = {}
        self._show = Throttle(self._show_latest, READ_S, bar)
        self.set_state("paused")

    def update(self, report: dict[str, Any]) -> None:
        self._latest = report
        self.set_state(report.get("state", "paused"))  # the state at once, the numbers at most every READ_S
        if self.current == "running":
            self._show()
        else:
            self._show.flush()  # a stopped run shows its final numbers now

    def _show_latest(self) -> None:
        report = self._latest
        self.step.setText(f"step {int(report.get('step', 0)):,}")
        self.epoch.setText(f"epoch {float(report.get('epoch', 0.0)):.2f}")
        tps = float(report.get("tokens_per_s", 0.0))
        self.rate.setText(format_rate(tps) if report.get("state") == "running" else "")
        self.elapsed.setText(format_elapsed(float(report.get("elapsed_s", 0.0))))

    def set_state(self, state: str) -> None:
        if state == self.current:
            return
        self.current = state
        color = STATE_COLORS.get(state, "#7f7f7f")
        self.state.setText(STATE_TEXT.get(state, state))
        self.state.setStyleSheet(f"QLabel {{ background: {color}; color: white; border-radius: 8px;"
                                 " padding: 1px 10px; font-weight: 600; }")
