"""Seq2seq: one question, the expected and the generated answer, accuracy, and where attention looked.

Draws ``report["example"]`` (see ``Task.display_example`` for seq2seq): the question, the expected
answer and the model's answer character by character (green where it matches, red where not), the
validation accuracy, and for attention models the attention weights (output characters x input
characters) as a heatmap with the characters as tick labels: row j shows which input characters the
decoder looked at while writing output character j.
"""

from __future__ import annotations

import html
from typing import Any

import numpy as np
from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PyQt6.QtGui import QFont, QFontDatabase
from PyQt6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ..i18n import number
from ..theme import CORRECT_COLOR, WRONG_COLOR
from ..widgets.accuracy_curve import AccuracyCurve
from ..widgets.heatmap import HeatmapWidget, display_token
from .base import Panel

RIGHT, WRONG = CORRECT_COLOR, WRONG_COLOR
PAD_MARK = "·"  # how a padding position is labelled on the attention axes (a space inside is "␣")


def mark_padding(labels: list[str]) -> list[str]:
    """``labels`` with the runs of spaces at the start and at the end (the padding of a question read
    forwards or reversed, or of an answer) shown as ``PAD_MARK``; spaces inside stay spaces."""
    out = list(labels)
    n = len(out)
    start = next((i for i, c in enumerate(out) if c != " "), n)
    end = next((i for i in range(n - 1, -1, -1) if out[i] != " "), -1)
    for i in list(range(start)) + list(range(end + 1, n)):
        out[i] = PAD_MARK
    return out


def chars_html(text: str, reference: str | None = None) -> str:
    """``text`` as escaped, space-preserving HTML; with a ``reference``, each character is green where it
    matches the reference at that position and red where it does not."""
    if reference is None:
        return f'<span style="white-space: pre;">{html.escape(text)}</span>'
    out = []
    for k, ch in enumerate(text):
        colour = RIGHT if k < len(reference) and reference[k] == ch else WRONG
        out.append(f'<span style="color:{colour};">{html.escape(ch)}</span>')
    return f'<span style="white-space: pre;">{"".join(out)}</span>'


def describe_attention(col: int, row: int, value: float, x_label: str, y_label: str) -> str:
    if x_label == PAD_MARK:
        return QCoreApplication.translate("Seq2seqPanel", "writing output {row} “{out}”, attention on input {col} (padding): {value:.3f}").format(
            row=row, out=display_token(y_label), col=col, value=value)
    return QCoreApplication.translate("Seq2seqPanel", "writing output {row} “{out}”, attention on input {col} “{inp}”: {value:.3f}").format(
        row=row, out=display_token(y_label), col=col, inp=display_token(x_label), value=value)


class Seq2seqPanel(Panel):
    """Question, expected and generated answer, validation accuracy, attention heatmap."""

    title = QT_TRANSLATE_NOOP("Panel", "Seq2seq")
    tasks = ("seq2seq",)
    uses_example = True

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.index = 0
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(16)
        self.question, self.expected, self.generated = QLabel(), QLabel(), QLabel()
        grid = QGridLayout()
        for row, (name, label) in enumerate(((self.tr("Question"), self.question),
                                             (self.tr("Expected"), self.expected),
                                             (self.tr("Generated"), self.generated))):
            label.setFont(mono)
            label.setProperty("data", True)  # shows the data set's text, in its own language
            label.setTextFormat(Qt.TextFormat.RichText)  # our own escaped HTML (see chars_html)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(name), row, 0)
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        self.verdict = QLabel("")
        bold = QFont(self.font())
        bold.setPointSize(14)
        bold.setBold(True)
        self.verdict.setFont(bold)
        self.new_example = QPushButton(self.tr("New example"))
        self.new_example.clicked.connect(self.next_example)
        self.score = QLabel(self.tr("Validation accuracy: not measured yet"))
        self.attention = HeatmapWidget("Attention", "prob", self.tr("output"), bar_label=self.tr("attention weight"),
                                       describe=describe_attention)
        self.attention.setMinimumHeight(200)  # never squeezed to a strip (a lesson's text above: it scrolls)
        self.attention.plot.setLabel("bottom", self.tr("input characters ({mark} = padding)").format(mark=PAD_MARK))
        self.attention.plot.setLabel("left", self.tr("output characters"))
        self.no_attention = QLabel(self.tr("This model has no attention (choose the Attention model to see where "
                                           "the decoder looks)."))
        self.no_attention.setWordWrap(True)
        self.curve = AccuracyCurve(self.tr("validation"))

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(grid)
        row = QHBoxLayout()
        row.addWidget(self.verdict, 1)
        row.addWidget(self.new_example)
        top_layout.addLayout(row)
        top_layout.addWidget(self.score)
        top_layout.addWidget(self.no_attention)
        top_layout.addWidget(self.attention, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.curve)
        split.setSizes([500, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.no_attention.hide()

    # ------------------------------------------------------------------ Panel contract
    def set_task(self, info: dict[str, Any]) -> None:
        for label in (self.question, self.expected, self.generated, self.verdict):
            label.setText("")
        self.score.setText(self.tr("Validation accuracy: not measured yet"))
        self.curve.clear_data()

    def on_progress(self, report: dict[str, Any]) -> None:
        if report.get("example"):
            self.show_example(report["example"])
        vals = self.curve.add_report(report)
        if vals:
            last = vals[-1]
            self.score.setText(self.tr("Validation accuracy: {accuracy:.1%} (step {step})").format(
                accuracy=last["accuracy"], step=number(int(last["step"]))))

    def export_targets(self) -> list[tuple[str, Any]]:
        out = [(self.tr("Accuracy curve"), self.curve.plot_item), (self.tr("Seq2seq example"), self)]
        if self.attention.isVisibleTo(self):
            out.insert(0, (self.tr("Attention weights"), self.attention.plot))
        return out

    # ------------------------------------------------------------------ actions and drawing
    def next_example(self) -> None:
        self.index += 1
        self.request.emit("example_index", {"index": self.index})

    def show_example(self, example: dict[str, Any]) -> None:
        expected, generated = str(example.get("expected", "")), str(example.get("generated", ""))
        self.question.setText(chars_html(str(example.get("question", ""))))
        self.expected.setText(chars_html(expected))
        self.generated.setText(chars_html(generated, expected))
        ok = bool(example.get("correct"))
        self.verdict.setText(self.tr("✓ right") if ok else self.tr("✗ wrong"))
        self.verdict.setStyleSheet(f"color: {RIGHT if ok else WRONG};")
        attention = example.get("attention")
        has = attention is not None and np.ndim(attention) == 2 and np.size(attention) > 0
        self.attention.setVisible(has)
        self.no_attention.setVisible(not has)
        if has:
            self.attention.set_data(np.asarray(attention), mark_padding(list(example.get("in_labels") or [])) or None,
                                    mark_padding(list(example.get("out_labels") or [])) or None)
