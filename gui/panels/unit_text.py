"""Text coloured by a unit, the model's top-5 guesses under each position, and units found by pattern.

Draws the display passage of ``report["trace"]`` (language tasks): every token tinted by the chosen
unit's hidden value h (diverging colours, blue = -1, white = 0, red = +1) right after the model read
it, as in Karpathy, Johnson and Fei-Fei (2015). The grid below repeats the tokens with, under each,
the 5 tokens the model found most likely to come next (the trace's "top5"), shaded by probability.

Pattern finder: select a span with the mouse in the text (or the From/To boxes), pick a threshold,
and "Find units" lists the units that are on inside the span and off around it
(``engine.analysis.find_units``); clicking one colours the text by it and lists every place where it
fires the same way (``matching_spans``), which "Next place" selects in turn.

The unit is chosen by the spin box, or by clicking a heatmap row in "Inside the network" or a point
of "Gate saturation": those emit ``request("select_unit", {"unit": u})``, which the main window
forwards to the panels as the message ``{"kind": "select_unit", "unit": u}``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt
from PyQt6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from rnn_lab.engine.analysis import find_units, matching_spans

from ..i18n import sentence_text
from ..plain_text import plain_tooltip
from ..throttle import Throttle
from ..widgets.unit_colors import fill_top5_grid, ink_for, legend_html, unit_color
from .base import SAMPLING_TASKS, Panel, layer_label

TRACE_EVERY_S = 1.0  # while training, a new trace is laid out at most this often

SHOWN = {"␣": " ", "⏎": "⏎\n"}  # character task: spaces as (tinted) spaces, line ends break the line


class UnitTextPanel(Panel):
    """The passage tinted by one unit; top-5 predictions per position; a pattern finder."""

    title = QT_TRANSLATE_NOOP("Panel", "Text coloured by a unit")
    tab_title = QT_TRANSLATE_NOOP("Panel", "Unit text")
    tasks = SAMPLING_TASKS
    uses_trace = True

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.chars = False  # tokens are characters (no spaces between them), not words
        self.trace: dict[str, Any] | None = None
        self.spans: list[tuple[int, int]] = []  # places where the picked units fire
        self.span_pos = -1
        self.found_units: list[tuple[int, float]] = []  # (unit, score) listed by the finder
        self.offsets: list[tuple[int, int]] = []  # token t occupies text[offsets[t][0]:offsets[t][1]]

        self._make_views()
        self._make_finder()
        self._lay_out()
        self._pending: dict[str, Any] | None = None
        self._show_pending = Throttle(self._show_latest, TRACE_EVERY_S, self)

    def _make_views(self) -> None:
        """The layer and unit choice, the coloured text and the grid of the model's next-token guesses."""
        self.layer = QComboBox()
        self.layer.currentIndexChanged.connect(self._render)
        self.unit = QSpinBox()
        self.unit.setRange(0, 0)
        self.unit.valueChanged.connect(self._render)
        self.hold = QCheckBox(self.tr("Hold this trace"))
        self.hold.setToolTip(self.tr("Stop following training, to select and compare calmly"))
        self.caption = QLabel(self.tr("Waiting for a trace: start or step training."))
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setText(legend_html())
        self.text = QTextEdit()
        self.text.setReadOnly(True)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(13)
        self.text.setFont(font)
        self.text.setToolTip(self.tr("Select a span with the mouse to search for units that mark it (below)"))
        self.text.selectionChanged.connect(self._selected)
        self.grid = QTableWidget(6, 0)
        self.grid.setVerticalHeaderLabels([self.tr("read"), self.tr("1st"), self.tr("2nd"), self.tr("3rd"),
                                           self.tr("4th"), self.tr("5th")])
        self.grid.horizontalHeader().setVisible(False)
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def _make_finder(self) -> None:
        """Select a span, find the units that mark it, step through the other places they fire."""
        self.start, self.stop = QSpinBox(), QSpinBox()
        for box in (self.start, self.stop):
            box.valueChanged.connect(self._render)  # underline the new span
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(-1.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setValue(0.5)
        self.polarity = QComboBox()
        self.polarity.addItems([self.tr("h > threshold"), self.tr("−h > threshold")])
        self.find = QPushButton(self.tr("Find units"))
        self.find.clicked.connect(self.find_units)
        self.found = QListWidget()
        self.found.currentRowChanged.connect(self._pick_found)
        self.next = QPushButton(self.tr("Next place"))
        self.next.clicked.connect(self.next_place)
        self.places = QLabel(self.tr("Select a span of the text, then Find units."))
        for label in (self.caption, self.places):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for label, w in ((self.tr("Layer"), self.layer), (self.tr("Unit"), self.unit)):
            top.addWidget(QLabel(label))
            top.addWidget(w)
        top.addWidget(self.hold)
        top.addStretch(1)
        self.legend.setWordWrap(True)  # on its own line: the colour key is wider than the panel may be
        finder, finder2 = QHBoxLayout(), QHBoxLayout()  # two rows: fits beside the curves at 1280 px
        for label, w in ((self.tr("From"), self.start), (self.tr("to"), self.stop)):
            finder.addWidget(QLabel(label))
            finder.addWidget(w)
        finder.addStretch(1)
        finder2.addWidget(QLabel(self.tr("on when")))
        finder2.addWidget(self.polarity)
        finder2.addWidget(self.threshold)
        finder2.addWidget(self.find)
        finder2.addStretch(1)
        lower = QWidget()
        low = QVBoxLayout(lower)
        low.setContentsMargins(0, 0, 0, 0)
        low.addLayout(finder)
        low.addLayout(finder2)
        row = QHBoxLayout()
        row.addWidget(self.found, 1)
        side = QVBoxLayout()
        side.addWidget(self.next)
        side.addWidget(self.places)
        side.addStretch(1)
        row.addLayout(side, 2)
        low.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        for w in (self.text, self.grid, lower):
            split.addWidget(w)
        split.setSizes([150, 230, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self.caption)
        layout.addWidget(split, 1)

    # ------------------------------------------------------------------ Panel contract
    def set_task(self, info: dict[str, Any]) -> None:
        self.chars = info.get("unit") == "character"
        self.trace = self._pending = None
        self._show_pending.cancel()
        self.text.clear()
        self.grid.setColumnCount(0)
        self.found.clear()
        self.spans, self.span_pos = [], -1
        self.caption.setText(self.tr("Waiting for a trace: start or step training."))

    def on_progress(self, report: dict[str, Any]) -> None:
        if report.get("trace") and not self.hold.isChecked():
            # Laying the text out and filling the top-5 grid takes 30-50 ms: while training sends 4
            # traces a second, show one a second (a reader cannot follow more); the latest wins.
            self._pending = report["trace"]
            self._show_pending()

    def _show_latest(self) -> None:
        trace, self._pending = self._pending, None
        if trace is not None:
            self.show_trace(trace)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._render()  # drawing is skipped while hidden (a trace costs ~50 ms to lay out)

    def on_message(self, msg: dict[str, Any]) -> None:
        if msg.get("kind") == "select_unit" and msg.get("unit") is not None:
            self.unit.setValue(int(msg["unit"]))

    def export_targets(self) -> list[tuple[str, Any]]:
        return [(self.tr("Text coloured by a unit"), self.text), (self.tr("Top-5 predictions per position"), self.grid)]

    # ------------------------------------------------------------------ drawing
    def show_trace(self, trace: dict[str, Any]) -> None:
        layers = trace.get("layers") or []
        if not layers:
            return
        self.trace = trace
        names = [str(ly.get("name", k)) for k, ly in enumerate(layers)]
        if names != [self.layer.itemData(k) for k in range(self.layer.count())]:
            self.layer.blockSignals(True)
            self.layer.clear()
            for name in names:
                self.layer.addItem(layer_label(name), name)
            self.layer.blockSignals(False)
        T, H = np.shape(self.values())
        self.unit.setMaximum(H - 1)
        for box in (self.start, self.stop):
            box.setMaximum(T)
        if self.stop.value() <= self.start.value():
            self.stop.setValue(min(self.start.value() + 1, T))
        self.caption.setText(sentence_text(trace.get("title", "")))
        self._render()

    def values(self) -> np.ndarray:
        """h (T, H) of the chosen layer of the current trace."""
        layers = self.trace["layers"]
        return np.asarray(layers[min(max(self.layer.currentIndex(), 0), len(layers) - 1)]["h"])

    def token_color(self, t: int) -> QColor:
        """The tint of position ``t`` for the chosen unit."""
        return unit_color(self.values()[t, self.unit.value()])

    def _render(self) -> None:
        if self.trace is None or not self.isVisible():
            return
        h = self.values()[:, self.unit.value()]
        labels = [str(s) for s in self.trace.get("labels") or []]
        self.text.blockSignals(True)
        self.text.clear()
        cursor = self.text.textCursor()
        self.offsets = []
        for t, label in enumerate(labels):
            if t and not self.chars:
                cursor.insertText(" ", QTextCharFormat())
            fmt = QTextCharFormat()
            bg = unit_color(h[t])
            fmt.setBackground(QBrush(bg))
            fmt.setForeground(QBrush(ink_for(bg)))
            fmt.setToolTip(plain_tooltip(f"t = {t}  “{label}”  h[{self.unit.value()}] = {h[t]:+.3f}"))  # (a word)
            if self.start.value() <= t < self.stop.value():  # the span From..To: underlined, tint kept
                fmt.setFontUnderline(True)
                fmt.setFontWeight(QFont.Weight.Bold)
            begin = cursor.position()
            cursor.insertText(SHOWN.get(label, label) if self.chars else label, fmt)
            self.offsets.append((begin, cursor.position()))
        self.text.blockSignals(False)
        fill_top5_grid(self.grid, labels, h, self.trace.get("top5") or [])

    # ------------------------------------------------------------------ selection and pattern finder
    def _selected(self) -> None:
        """A mouse selection in the text sets From/To to the tokens it touches."""
        cursor = self.text.textCursor()
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        touched = [t for t, (s, e) in enumerate(self.offsets) if s < b and e > a]
        if a < b and touched:
            for box, value in ((self.start, touched[0]), (self.stop, touched[-1] + 1)):
                box.blockSignals(True)  # no redraw under the mouse: the selection shows the span
                box.setValue(value)
                box.blockSignals(False)

    def find_units(self) -> list[tuple[int, float]]:
        """List the units on inside From..To and off around it (best first); returns them."""
        self.found.clear()
        self.spans, self.span_pos = [], -1
        if self.trace is None:
            return []
        try:
            units = find_units(self.values(), (self.start.value(), self.stop.value()), self.threshold.value(),
                               polarity=self._polarity())
        except ValueError as exc:
            self.places.setText(str(exc))
            return []
        for unit, score in units:
            self.found.addItem(self.tr("unit {unit}   score {score:+.2f}").format(unit=unit, score=score))
        self.found_units = units
        self.places.setText(self.tr("%n unit(s) mark tokens {start}–{end}", "", len(units)).format(
            start=self.start.value(), end=self.stop.value() - 1) if units else
            self.tr("No unit is on inside the span and off around it: try a lower threshold."))
        if units:
            self.found.setCurrentRow(0)
        return units

    def _polarity(self) -> str:
        return "negative" if self.polarity.currentIndex() == 1 else "positive"

    def _pick_found(self, row: int) -> None:
        if row < 0 or self.trace is None:
            return
        unit = self.found_units[row][0]
        self.unit.setValue(unit)
        self.spans = matching_spans(self.values(), [unit], self.threshold.value(), polarity=self._polarity())
        self.span_pos = -1
        where = ", ".join(f"{a}–{b - 1}" for a, b in self.spans)
        self.places.setText(self.tr("Unit {unit} fires at tokens {where}").format(unit=unit, where=where) if self.spans
                            else self.tr("Unit {unit} never fires").format(unit=unit))

    def next_place(self) -> tuple[int, int] | None:
        """Select the next place where the picked unit fires (wrapping around); returns it."""
        if not self.spans:
            return None
        self.span_pos = (self.span_pos + 1) % len(self.spans)
        a, b = self.spans[self.span_pos]
        self.start.setValue(a)
        self.stop.setValue(b)
        self._render()  # underlines the place
        cursor = self.text.textCursor()
        cursor.setPosition(self.offsets[a][0])
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        self.grid.scrollToItem(self.grid.item(0, a))
        return a, b
