"""Run a redraw at most every so often, whatever the rate of the reports that ask for it.

A fast task (the adder trains 1,000+ steps a second) reports 30 times a second and validates dozens
of times a second; redrawing a plot or a label for each of those kept the UI thread busy and its
event loop late (``bench/gui.py``). ``Throttle(fn, seconds)``: call it whenever there is something
new; the first call runs ``fn`` at once, later ones within ``seconds`` are merged into one call at
the end of the interval, so the last state is always drawn.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PyQt6.QtCore import QObject, QTimer


class Throttle(QObject):
    def __init__(self, fn: Callable[[], None], seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fn, self.seconds = fn, seconds
        self._last = -float("inf")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def __call__(self) -> None:
        wait = self._last + self.seconds - time.monotonic()
        if wait <= 0:
            self.flush()
        elif not self._timer.isActive():
            self._timer.start(int(wait * 1000) + 1)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Run ``fn`` now (and drop a pending call)."""
        self._timer.stop()
        self._last = time.monotonic()
        self.fn()

    def cancel(self) -> None:
        self._timer.stop()
