"""Recording the window or one view for slides: frames grabbed on the window's thread at a bounded rate
(10 per second), encoded on a thread of their own (``gui/recording.py``), a red indicator in the
status bar while it runs.

``Recorder.start(target, path)`` starts; ``stop()`` ends and the file is finished in the background
(``finished(Result)`` then, on the window's thread). Grabbing copies the widget's pixels only; the
training runs elsewhere (a child process by default), so recording does not slow it down. The
indicator is hidden while a frame of the whole window is grabbed: it never shows in the recording.
"""

from __future__ import annotations

import time
from pathlib import Path

from PyQt6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, pyqtSignal
from PyQt6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PyQt6.QtWidgets import QLabel, QWidget

from . import recording, theme
from .recording import FPS, MAX_SECONDS, MAX_SIDE, Recording, Result

REC_COLOR = "#d62728"
SERIES_COLORS = (theme.TRAIN_COLOR, theme.VAL_COLOR, theme.GRAD_COLOR, theme.LR_COLOR, theme.DIVERGE_COLOR,
                 theme.CHANGE_COLOR, theme.CORRECT_COLOR, REC_COLOR, "#ffffff", "#000000")


def record_icon(size: int = 32) -> QIcon:
    """A red dot: the sign of recording everyone knows."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(REC_COLOR))
    painter.setPen(Qt.PenStyle.NoPen)
    m = size // 5
    painter.drawEllipse(m, m, size - 2 * m, size - 2 * m)
    painter.end()
    return QIcon(pix)


def grab_rgb(widget: QWidget) -> tuple[bytes, int, int, int]:
    """The widget as it looks now: RGB888 pixels, width, height, bytes per line."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    return image.constBits().asstring(image.sizeInBytes()), image.width(), image.height(), image.bytesPerLine()


class Recorder(QObject):
    """Records one widget at a time (see the module docstring)."""

    started = pyqtSignal()
    finished = pyqtSignal(object)  # Result, once the file is written (or failed: Result.error)
    _done = pyqtSignal(object)  # from the encoding thread

    def __init__(self, window: QWidget, status_bar=None) -> None:
        super().__init__(window)
        self.window = window
        self.recording: Recording | None = None
        self.target: QWidget | None = None
        self.t0 = 0.0
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.capture)
        self.indicator = QLabel()
        self.indicator.setStyleSheet(f"color: {REC_COLOR}; font-weight: bold; padding: 0 6px;")
        self.indicator.setToolTip(self.tr("Recording: press the Record button again to stop"))
        self.indicator.hide()
        if status_bar is not None:
            status_bar.addPermanentWidget(self.indicator)
        self._blink = QTimer(self)
        self._blink.setInterval(500)
        self._blink.timeout.connect(self._update_indicator)
        self._done.connect(self._on_done)

    @property
    def active(self) -> bool:
        """True from ``start`` until ``stop`` (the file may still be being written after)."""
        return self.timer.isActive()

    def start(self, target: QWidget, path: str | Path, fmt: str | None = None, fps: int = FPS,
              max_side: int = MAX_SIDE, timed: bool = True) -> None:
        """Record ``target`` into ``path`` (ValueError for a format this installation cannot write).
        ``timed`` False: no timer; the caller captures each frame (``capture(t, wait=True)``)."""
        if self.recording is not None and not self.recording.done:
            raise ValueError(self.tr("A recording is still being written; try again in a moment."))
        colors = [QColor(c).getRgb()[:3] for c in SERIES_COLORS]
        self.recording = Recording(path, fmt, fps, max_side, on_done=self._done.emit, colors=colors)
        self.target, self.t0 = target, time.monotonic()
        if timed:
            self.timer.start(round(1000 / fps))
            self.capture()
        self.indicator.show()
        self._blink.start()
        self._update_indicator()
        self.started.emit()

    def capture(self, t: float | None = None, wait: bool = False) -> None:
        """Grab one frame of the target now (``t``: its time in seconds, default the clock)."""
        rec, target = self.recording, self.target
        if rec is None or target is None or rec.done:
            return
        hide = self.indicator.isVisible() and (target is self.window or target.isAncestorOf(self.indicator))
        if hide:
            self.indicator.setVisible(False)  # (not in the picture; shown again before anything repaints)
        try:
            pixels, w, h, bpl = grab_rgb(target)
        finally:
            if hide:
                self.indicator.setVisible(True)
        rec.submit(pixels, w, h, bpl, t, wait=wait)
        if self.timer.isActive() and time.monotonic() - self.t0 > MAX_SECONDS:
            self.stop()

    def stop(self, end: float | None = None) -> None:
        """End the recording; the file is finished in the background (``finished`` then)."""
        self.timer.stop()
        if self.recording is not None and not self.recording.done:
            self.recording.finish(end)
            self.indicator.setText(self.tr("Writing the recording…"))

    def wait(self, timeout: float = 30.0) -> Result | None:
        """Wait until the file is written (the window closing, a recording made offscreen)."""
        return None if self.recording is None else self.recording.wait(timeout)

    def _update_indicator(self) -> None:
        rec = self.recording
        if rec is None or not self.timer.isActive():
            return
        seconds = int(time.monotonic() - self.t0)
        dot = "●" if (seconds * 2 + int(time.monotonic() * 2)) % 2 == 0 else "○"
        self.indicator.setText(self.tr("%1 REC %2:%3").replace("%1", dot).replace("%2", str(seconds // 60))
                               .replace("%3", f"{seconds % 60:02d}"))

    def _on_done(self, result: Result) -> None:
        self._blink.stop()
        self.indicator.hide()
        self.finished.emit(result)


def describe(result: Result) -> str:
    """One sentence for the status bar about a written recording."""
    loc = QLocale()
    size = loc.formattedDataSize(result.bytes, 1, QLocale.DataSizeFormat.DataSizeSIFormat)
    return (QCoreApplication.translate("Recorder", "Saved the recording %1: %n frame(s), %2 s, %3 × %4 pixels, %5.",
                                       None, result.frames)
            .replace("%1", str(result.path)).replace("%2", loc.toString(result.seconds, "f", 1))
            .replace("%3", str(result.size[0])).replace("%4", str(result.size[1])).replace("%5", size))


__all__ = ["Recorder", "describe", "record_icon", "grab_rgb", "recording", "FPS"]
