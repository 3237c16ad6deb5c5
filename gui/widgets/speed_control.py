"""The toolbar's speed control: from a few steps per second (to watch each update) to full speed."""

from __future__ import annotations

from PyQt6.QtCore import QCoreApplication, Qt, pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QWidget

SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 0)  # steps per second; 0 = as fast as possible


def speed_text(steps_per_second: float) -> str:
    if steps_per_second <= 0:
        return QCoreApplication.translate("SpeedControl", "full speed")
    return QCoreApplication.translate("SpeedControl", "{n} steps/s").format(n=f"{steps_per_second:g}")


class SpeedControl(QWidget):
    speedChanged = pyqtSignal(float)  # steps per second, 0 = full speed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, len(SPEEDS) - 1)
        self.slider.setValue(len(SPEEDS) - 1)
        self.slider.setFixedWidth(110)
        self.slider.setPageStep(1)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep Space/S/R for the window
        self.slider.setToolTip(self.tr("Slow training down to watch every update, or let it run at full speed"))
        self.label = QLabel(speed_text(0))
        widest = max((speed_text(s) for s in SPEEDS), key=self.label.fontMetrics().horizontalAdvance)
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance(widest) + 6)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.addWidget(QLabel(self.tr("Speed")))
        row.addWidget(self.slider)
        row.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.slider.valueChanged.connect(self._changed)

    def speed(self) -> float:
        return float(SPEEDS[self.slider.value()])

    def set_speed(self, steps_per_second: float) -> None:
        best = min(range(len(SPEEDS)), key=lambda i: abs((SPEEDS[i] or 1e9) - (steps_per_second or 1e9)))
        self.slider.setValue(best)

    def _changed(self, index: int) -> None:
        self.label.setText(speed_text(SPEEDS[index]))
        self.speedChanged.emit(float(SPEEDS[index]))
