"""Prompt & sampling: type a prompt, read what the language model writes, see how sure it was.

Enter (or the button) emits ``request("sample", {"prompt", "length"})``; the trainer answers with a
``"sample"`` message (see ``Task.sample``). Each generated token is tinted by the probability it was
drawn with, prompt words the vocabulary does not know are shown as ``<unk>`` with a note, and a bar
chart shows the distribution of the next token right after the prompt. Temperature and top-k are
live settings: changing them here emits ``request("set", ...)``, and ``"hparam"`` messages (changes
made elsewhere) update the controls without echoing a request back.
"""

from __future__ import annotations

import html
import re
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PyQt6.QtGui import QColor
from PyQt6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..theme import CHANGE_COLOR, TRAIN_COLOR, WRONG_COLOR
from ..widgets.heatmap import set_token_ticks
from .base import SAMPLING_TASKS, Panel

TINT = QColor(TRAIN_COLOR).getRgb()[:3]  # generated tokens: this colour at alpha = probability
UNK = "<unk>"


def token_html(token: str, prob: float | None = None, unknown: bool = False) -> str:
    """One token as escaped HTML: tinted by ``prob`` if given; line breaks for newlines and <eos>."""
    text = html.escape(token).replace("\n", "↵<br>")
    if token == "<eos>":
        text += "<br>"
    if unknown:
        return f'<span style="color:{WRONG_COLOR}; text-decoration: underline;">{text}</span>'
    if prob is None:
        return f"<b>{text}</b>"
    p = min(max(float(prob), 0.0), 1.0) if np.isfinite(prob) else 0.0
    r, g, b = TINT
    return f'<span style="background-color: rgba({r},{g},{b},{0.08 + 0.82 * p:.2f});">{text}</span>'


def sample_html(result: dict[str, Any], separator: str) -> str:
    """The prompt (bold, unknown words in orange as <unk>) followed by the tinted generated tokens."""
    unknown = set(result.get("unknown") or ())
    parts = [token_html(tok, unknown=tok == UNK or tok in unknown) for tok in result.get("prompt_tokens") or ()]
    parts += [token_html(tok, p) for tok, p in zip(result.get("tokens") or (), result.get("probs") or ())]
    sep = html.escape(separator)
    # no separator at the start of a line (after a newline or <eos>)
    body = "".join(part if i == 0 or re.search(r"<br>(</\w+>)?$", parts[i - 1]) else sep + part
                   for i, part in enumerate(parts))
    return f'<div style="white-space: pre-wrap; font-size: 11pt;">{body}</div>'


def unknown_note(unknown: list[str], read_as: str | None = UNK) -> str:
    """‘foo’ → <unk> for every prompt word outside the vocabulary, or ‘Z’ left out where the model has no
    unknown token (a character model skips them) (plain text)."""
    if read_as is None:
        return "   ".join(f"‘{w}’ left out" for w in unknown)
    return "   ".join(f"‘{w}’ → {read_as}" for w in unknown)


class SamplingPanel(Panel):
    """Prompt box, sampled text tinted by probability, top-k bar chart, temperature/top-k controls."""

    title = QT_TRANSLATE_NOOP("Panel", "Prompt & sampling")
    tab_title = QT_TRANSLATE_NOOP("Panel", "Sampling")
    tasks = SAMPLING_TASKS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.separator = " "
        self.chars = False  # tokens are characters: unknown ones are left out, not read as <unk>
        self.running = False
        self.last: dict[str, Any] | None = None

        self._make_controls()
        self._make_outputs()
        self._lay_out()

    def _make_controls(self) -> None:
        """The prompt, the sampling settings and the auto-sample timer."""
        self.prompt = QLineEdit()
        self.prompt.setPlaceholderText(self.tr("Type a prompt and press Enter"))
        self.prompt.returnPressed.connect(self.request_sample)
        self.go = QPushButton(self.tr("Sample"))
        self.go.clicked.connect(self.request_sample)
        self.length = QSpinBox()
        self.length.setRange(1, 5000)
        self.length.setValue(40)
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.05, 5.0)
        self.temperature.setSingleStep(0.05)
        self.temperature.setValue(1.0)
        self.top_k = QSpinBox()
        self.top_k.setRange(0, 1000)
        self.top_k.setSpecialValueText(self.tr("all"))
        for box, name in ((self.temperature, "temperature"), (self.top_k, "top_k")):
            box.setKeyboardTracking(False)  # typing "0.75" sends one request, not four
            box.valueChanged.connect(lambda v, name=name: self.request.emit("set", {"name": name, "value": v}))
        self.auto = QCheckBox(self.tr("Sample every"))
        self.auto_seconds = QSpinBox()
        self.auto_seconds.setRange(1, 600)
        self.auto_seconds.setValue(5)
        self.auto_seconds.setSuffix(self.tr(" s while training"))
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._auto_tick)
        self.auto.toggled.connect(self._auto_toggled)
        self.auto_seconds.valueChanged.connect(lambda s: self.timer.setInterval(int(s) * 1000))

    def _make_outputs(self) -> None:
        """The sampled text with its notes, and the bar chart of the next token's probabilities."""
        self.text = QTextBrowser()
        self.text.setPlaceholderText(self.tr("Type a prompt above and press Enter: the sample appears here."))
        self.note = QLabel("")
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # prompt words are data, never markup
        self.note.setStyleSheet(f"color: {WRONG_COLOR};")
        self.note.setWordWrap(True)
        self.legend = QLabel(self.tr("Bold: your prompt · orange: words mapped to <unk> · shade behind a "
                                     "generated token: the model's probability of it (pale = unlikely, strong = "
                                     "sure)"))
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(f"color: {CHANGE_COLOR};")
        self.chart = pg.PlotWidget()
        self.bars_plot = self.chart.getPlotItem()
        self.bars_plot.setTitle(self.tr("Next token after the prompt"), size="9pt")
        self.bars_plot.setLabel("bottom", self.tr("probability"))
        self.bars_plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.bars_plot.invertY(True)
        self.bars_plot.setMouseEnabled(x=False, y=False)
        self.bars_plot.setMenuEnabled(False)
        self.bars_plot.hideButtons()
        self.bars_plot.getAxis("left").setWidth(80)
        self.bars_plot.vb.sigResized.connect(self._bar_ticks)
        self.bars: pg.BarGraphItem | None = None
        self.top_labels: list[str] = []

    def _lay_out(self) -> None:
        row1 = QHBoxLayout()
        row1.addWidget(QLabel(self.tr("Prompt")))
        row1.addWidget(self.prompt, 1)
        row1.addWidget(self.go)
        row2 = QHBoxLayout()
        for label, w in ((self.tr("Length"), self.length), (self.tr("Temperature"), self.temperature),
                         (self.tr("Top-k"), self.top_k)):
            row2.addWidget(QLabel(label))
            row2.addWidget(w)
        row2.addStretch(1)
        row3 = QHBoxLayout()  # its own row, so the panel fits beside the curves at 1280 px
        row3.addWidget(self.auto)
        row3.addWidget(self.auto_seconds)
        row3.addStretch(1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.text, 1)
        upper_layout.addWidget(self.note)
        upper_layout.addWidget(self.legend)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(self.chart)
        split.setSizes([300, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addLayout(row3)
        layout.addWidget(split, 1)

    # ------------------------------------------------------------------ Panel contract
    def set_task(self, info: dict[str, Any]) -> None:
        chars = self.chars = info.get("unit") == "character"
        self.separator = "" if chars else " "
        self.legend.setText(self.tr("Bold: your prompt · orange: characters the model does not know (left out) · "
                                    "shade behind a generated character: the model's probability of it (pale = "
                                    "unlikely, strong = sure)") if chars else
                            self.tr("Bold: your prompt · orange: words mapped to <unk> · shade behind a "
                                    "generated token: the model's probability of it (pale = unlikely, strong = "
                                    "sure)"))
        self.length.setValue(200 if chars else 40)
        cfg = info.get("config") or {}
        self._set_quietly(self.temperature, cfg.get("temperature"))
        self._set_quietly(self.top_k, cfg.get("top_k"))
        self.text.clear()
        self.note.setText("")
        self.show_top([])
        self.last = None

    def on_progress(self, report: dict[str, Any]) -> None:
        self.running = report.get("state") == "running"

    def on_message(self, msg: dict[str, Any]) -> None:
        if msg.get("kind") == "sample" and not msg.get("tag"):  # tagged samples belong to other panels
            self.show_sample(msg)
        elif msg.get("kind") == "hparam" and msg.get("name") in ("temperature", "top_k"):
            self._set_quietly(self.temperature if msg["name"] == "temperature" else self.top_k, msg.get("new"))

    def export_targets(self) -> list[tuple[str, Any]]:
        return [(self.tr("Next-token probabilities (bar chart)"), self.bars_plot), (self.tr("Sampled text"), self.text)]

    # ------------------------------------------------------------------ actions
    def request_sample(self) -> None:
        self.request.emit("sample", {"prompt": self.prompt.text(), "length": int(self.length.value())})

    def _auto_toggled(self, on: bool) -> None:
        self.timer.setInterval(int(self.auto_seconds.value()) * 1000)
        self.timer.start() if on else self.timer.stop()

    def _auto_tick(self) -> None:
        if self.running:
            self.request_sample()

    @staticmethod
    def _set_quietly(box: QSpinBox | QDoubleSpinBox, value: Any) -> None:
        """Show a value that came from elsewhere without emitting a "set" request back."""
        if value is None:
            return
        box.blockSignals(True)
        box.setValue(float(value) if isinstance(box, QDoubleSpinBox) else int(value))
        box.blockSignals(False)

    # ------------------------------------------------------------------ drawing
    def show_sample(self, result: dict[str, Any]) -> None:
        self.last = result
        self.text.setHtml(sample_html(result, self.separator))
        unknown = list(result.get("unknown") or ())
        read_as = result.get("unknown_as", UNK)
        if not unknown:
            self.note.setText("")
        elif read_as is None:  # a character model reads only the characters it knows
            self.note.setText(self.tr("Not in the vocabulary, left out of the prompt: {chars}").format(
                chars=" ".join(f"‘{c}’" for c in unknown)))
        else:
            self.note.setText(self.tr("{words}  (not in the vocabulary)").format(
                words=unknown_note(unknown, read_as)))
        self.show_top(list(result.get("top") or ()))

    def show_top(self, top: list[tuple[str, float]]) -> None:
        """Horizontal bars of the most likely next tokens, the likeliest on top."""
        plot = self.bars_plot
        if self.bars is not None:
            plot.removeItem(self.bars)
            self.bars = None
        for item in [i for i in plot.items if isinstance(i, pg.TextItem)]:
            plot.removeItem(item)
        self.top_labels = [str(t) for t, _ in top]
        if not top:
            self._bar_ticks()
            return
        probs = np.array([float(p) for _, p in top], dtype=np.float64)
        probs = np.where(np.isfinite(probs), probs, 0.0)
        y = np.arange(len(top), dtype=np.float64)
        self.bars = pg.BarGraphItem(x0=0.0, y=y, height=0.7, width=probs, brush=pg.mkBrush(*TINT),
                                    pen=pg.mkPen(None))
        plot.addItem(self.bars)
        for i, p in enumerate(probs):
            label = pg.TextItem(f"{p:.3f}", anchor=(0, 0.5))
            label.setPos(p, i)
            plot.addItem(label)
        plot.setXRange(0.0, max(float(probs.max()), 1e-3) * 1.25, padding=0)
        plot.setYRange(-0.5, len(top) - 0.5, padding=0)
        self._bar_ticks()

    def _bar_ticks(self) -> None:
        axis = self.bars_plot.getAxis("left")
        if self.top_labels:
            set_token_ticks(axis, self.top_labels, self.bars_plot.vb.height())
        else:
            axis.setTicks([[], []])  # no numbers on an empty chart: the rows are tokens
