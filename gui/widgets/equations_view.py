"""The Equations view: the book's equations of the current cell with the numbers of one unit at one
timestep written in (``gui/equation_html.py``), under a line that says which unit, step and token.

It shows what a trace recorded (``Task.trace(..., equations=True)``); the panel that owns it passes
the layer, the step and the unit, and moves it when the time cursor moves. Its spin boxes move
the step and the unit (and ask the panel to follow: ``moved``); × closes it (``closed``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTextBrowser, QToolButton, QVBoxLayout, QWidget

from ..equation_html import equations_html
from .heatmap import display_token


class EquationsView(QWidget):
    moved = pyqtSignal(int, int)  # (t, unit) chosen with the spin boxes
    closed = pyqtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.numbers: dict[str, float] = {}  # what the view shows now, by name (see equations_html)
        self.t, self.unit = 0, 0
        self.title = QLabel(self.tr("Equations"))
        self.title.setStyleSheet("font-weight: bold;")
        self.where = QLabel("")
        self.where.setTextFormat(Qt.TextFormat.PlainText)  # tokens are data, never markup
        self.step_box, self.unit_box = QSpinBox(), QSpinBox()
        self.step_box.setPrefix(self.tr("t = "))
        self.unit_box.setPrefix(self.tr("unit "))
        self.step_box.setToolTip(self.tr("The timestep (the time cursor of the heatmaps follows)"))
        self.unit_box.setToolTip(self.tr("The unit (a row of the heatmaps)"))
        for box in (self.step_box, self.unit_box):
            box.setKeyboardTracking(False)
            box.valueChanged.connect(self._boxes_changed)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close the equations"))
        close.clicked.connect(self.closed.emit)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.browser.setPlaceholderText(self.tr("Waiting for the next trace with the equations' numbers…"))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title)
        top.addWidget(self.where, 1)
        top.addWidget(self.step_box)
        top.addWidget(self.unit_box)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)

    def show_at(self, layer: Mapping[str, Any], labels: Sequence[str], t: int, unit: int,
                activation: str = "tanh") -> None:
        """Write the equations of ``layer`` (a trace's layer dict) at step ``t`` for ``unit``."""
        h = layer.get("h")
        T, H = (len(labels), 0) if h is None else h.shape
        t, unit = min(max(int(t), 0), max(T - 1, 0)), min(max(int(unit), 0), max(H - 1, 0))
        self.t, self.unit = t, unit
        for box, value, top in ((self.step_box, t, T - 1), (self.unit_box, unit, H - 1)):
            box.blockSignals(True)
            box.setRange(0, max(top, 0))
            box.setValue(value)
            box.blockSignals(False)
        token = display_token(str(labels[t])) if t < len(labels) else ""
        self.where.setText(self.tr("%1 · unit %2 · t = %3, input “%4”").replace("%1", str(layer.get("name", "")))
                           .replace("%2", str(unit)).replace("%3", str(t)).replace("%4", token))
        html, self.numbers = equations_html(layer, t, unit, token=token, activation=activation)
        if not html:
            self.browser.clear()
            return
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(html)
        self.browser.verticalScrollBar().setValue(scroll)  # a new trace keeps the reader's place

    def clear(self) -> None:
        self.numbers = {}
        self.browser.clear()
        self.where.setText("")

    def _boxes_changed(self) -> None:
        self.moved.emit(self.step_box.value(), self.unit_box.value())
