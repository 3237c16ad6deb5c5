"""The first run of a task that learns in seconds goes at a pace a person can follow.

At full speed the adder is exactly right on all pairs in under a second, before anyone has seen a bit
change. So the first time the window builds such a task it sets the speed control to ``WATCH_SPEEDS``
(5 steps a second: the bits of the example flip from wrong to right over about fifteen seconds), and
says so in the status bar. Any speed the user picks is kept; a pace the window set by itself goes back
to full speed when another task is built.
"""

from __future__ import annotations

from PyQt6.QtCore import QCoreApplication

WATCH_SPEEDS = {"adder": 5}  # task -> steps per second for its first run in a window (whole numbers)


class Pace:
    def __init__(self, window) -> None:
        self.window = window
        self.seen: set[str] = set()
        self.auto: float | None = None  # the speed the window set by itself, while still in force
        self._setting = False
        window.speed.speedChanged.connect(self._user_changed)

    def _set(self, speed: float) -> None:
        self._setting = True
        try:
            self.window.speed.set_speed(speed)
        finally:
            self._setting = False

    def _user_changed(self, _speed: float) -> None:
        if not self._setting:
            self.auto = None  # the user chose: never overridden

    def on_built(self, task: str, first_step: int) -> str:
        """Called for every build; returns a status message ("" for none)."""
        first = task not in self.seen
        self.seen.add(task)
        if first and first_step == 0 and task in WATCH_SPEEDS and self.window.speed.speed() == 0.0:
            self.auto = WATCH_SPEEDS[task]
            self._set(self.auto)
            return QCoreApplication.translate(
                "Pace", "The binary adder learns in seconds, so it trains at %n step(s) per second for you to "
                        "watch it; drag Speed to the right for full speed.", "", int(self.auto))
        if self.auto is not None and task not in WATCH_SPEEDS:
            self.auto = None
            self._set(0.0)
        return ""


__all__ = ["WATCH_SPEEDS", "Pace"]
