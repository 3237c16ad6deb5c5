"""Sample timeline: the same prompt sampled every N training steps, so the text visibly improves.

While training runs, every N steps (and once at the start) the panel emits
``request("sample", {"prompt", "length", "tag": "timeline"})``; the trainer answers with a
``"sample"`` message carrying ``"tag": "timeline"`` (other panels' samples have no such tag and are
ignored here). Each answer becomes an entry: the step it was sampled at, the latest validation loss
known at that step (from the reports' "val" points and "eval" messages), and the text, newest first.
"Export…" writes the list as plain text.
"""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt
from PyQt6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
)

from ..i18n import number
from ..theme import CHANGE_COLOR, VAL_COLOR
from .base import SAMPLING_TASKS, Panel

TAG = "timeline"
PROMPTS = ("The ", "川の", "the")  # the default prompt: the first whose tokens the model knows


def default_prompt(info: dict[str, Any]) -> str:
    """The first of ``PROMPTS`` made of tokens the run's vocabulary has ("川の" for the Japanese texts)."""
    vocab = set((info.get("data_info") or {}).get("vocab") or ())
    chars = info.get("unit") == "character"
    for prompt in PROMPTS:
        tokens = list(prompt) if chars else prompt.split()
        if chars != (prompt == "the") and (not vocab or all(t in vocab for t in tokens)):
            return prompt
    return "" if chars else "the"


class SampleTimelinePanel(Panel):
    """A growing list of (step, validation loss, sample) from one fixed prompt."""

    title = QT_TRANSLATE_NOOP("Panel", "Sample timeline")
    tab_title = QT_TRANSLATE_NOOP("Panel", "Timeline")
    tasks = SAMPLING_TASKS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[dict[str, Any]] = []  # {"step", "val_loss", "text"} in arrival order
        self.val_points: list[tuple[int, float]] = []  # (step, validation loss), ascending steps
        self.next_due = 0  # the step at which the next sample is asked for
        self.unit = "character"

        self.on = QCheckBox(self.tr("Sample every"))
        self.on.setChecked(True)
        self.every = QSpinBox()
        self.every.setRange(1, 1_000_000)
        self.every.setValue(200)
        self.every.setSuffix(self.tr(" steps"))
        self.every.valueChanged.connect(self._reschedule)
        self.prompt = QLineEdit("The ")
        self.prompt.setToolTip(self.tr("The same prompt every time, so that only the model changes"))
        self.length = QSpinBox()
        self.length.setRange(1, 5000)
        self.length.setValue(200)
        self.now = QPushButton(self.tr("Sample now"))
        self.now.clicked.connect(lambda: self.ask())
        self.export = QPushButton(self.tr("Export…"))
        self.export.clicked.connect(self._export_dialog)
        self.clear = QPushButton(self.tr("Clear"))
        self.clear.clicked.connect(self.reset)
        self.list = QTextBrowser()
        self.list.setPlaceholderText(self.tr("Start training: a sample of the prompt appears here every N steps, "
                                             "newest first, with the validation loss at that time."))
        self.status = QLabel("")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setStyleSheet(f"color: {CHANGE_COLOR};")

        row1 = QHBoxLayout()
        row1.addWidget(QLabel(self.tr("Prompt")))
        row1.addWidget(self.prompt, 1)
        row1.addWidget(QLabel(self.tr("Length")))
        row1.addWidget(self.length)
        row2 = QHBoxLayout()
        for w in (self.on, self.every, self.now):
            row2.addWidget(w)
        row2.addStretch(1)
        row3 = QHBoxLayout()  # export/clear under the list, so the panel fits beside the curves at 1280 px
        row3.addWidget(self.status, 1)
        row3.addWidget(self.export)
        row3.addWidget(self.clear)
        layout = QVBoxLayout(self)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.list, 1)
        layout.addLayout(row3)

    # ------------------------------------------------------------------ Panel contract
    def set_task(self, info: dict[str, Any]) -> None:
        char = info.get("unit") == "character"
        self.unit = "character" if char else "word"
        self.length.setValue(200 if char else 40)
        if self.prompt.text() in PROMPTS:  # (a prompt the user typed stays)
            self.prompt.setText(default_prompt(info))
        self.reset()

    def on_progress(self, report: dict[str, Any]) -> None:
        for point in report.get("val") or ():
            self._add_val(point)
        step = int(report.get("step", 0))
        if self.on.isChecked() and report.get("state") == "running" and step >= self.next_due:
            self.ask(step)

    def on_message(self, msg: dict[str, Any]) -> None:
        kind = msg.get("kind")
        if kind == "sample" and msg.get("tag") == TAG:
            self.add_entry(int(msg.get("step", 0)), str(msg.get("text", "")))
        elif kind == "eval":
            self._add_val(msg)
        elif kind == "loaded":
            for point in msg.get("val_points") or ():
                self._add_val(point)
            self.next_due = int(msg.get("step", 0))

    def export_targets(self) -> list[tuple[str, Any]]:
        return [(self.tr("Sample timeline"), self.list)]

    # ------------------------------------------------------------------ actions
    def ask(self, step: int | None = None) -> None:
        """Ask for a sample now; the next one is due N steps after ``step`` (rounded to multiples of N)."""
        every = int(self.every.value())
        if step is not None:
            self.next_due = (int(step) // every + 1) * every
        self.request.emit("sample", {"prompt": self.prompt.text(), "length": int(self.length.value()), "tag": TAG})

    def _reschedule(self, every: int) -> None:
        last = self.entries[-1]["step"] if self.entries else 0
        self.next_due = (last // int(every) + 1) * int(every) if self.entries else 0

    def reset(self) -> None:
        self.entries, self.val_points, self.next_due = [], [], 0
        self.list.clear()
        self.status.setText("")

    def _add_val(self, point: dict[str, Any]) -> None:
        if point.get("split", "val") != "val" or "loss" not in point:
            return
        self.val_points.append((int(point.get("step", 0)), float(point["loss"])))
        self.val_points.sort(key=lambda p: p[0])

    def val_loss_at(self, step: int) -> float:
        """The latest validation loss measured at or before ``step`` (NaN if none yet)."""
        before = [loss for s, loss in self.val_points if s <= step]
        return before[-1] if before else math.nan

    def add_entry(self, step: int, text: str) -> None:
        self.entries.append({"step": step, "val_loss": self.val_loss_at(step), "text": text})
        self.entries.sort(key=lambda e: e["step"])  # answers arrive in order; loaded runs may not
        self._show()

    # ------------------------------------------------------------------ drawing and export
    def _heading(self, entry: dict[str, Any]) -> str:
        loss = entry["val_loss"]
        if not math.isfinite(loss):
            val = self.tr("no validation yet")
        elif self.unit == "character":
            val = self.tr("val loss {loss:.3f} nats/character (perplexity {ppl:.1f})").format(
                loss=loss, ppl=math.exp(min(loss, 700)))
        else:
            val = self.tr("val loss {loss:.3f} nats/word (perplexity {ppl:.1f})").format(
                loss=loss, ppl=math.exp(min(loss, 700)))
        return self.tr("step {step} · {validation}").format(step=number(entry["step"]), validation=val)

    def _show(self) -> None:
        blocks = []
        for e in reversed(self.entries):
            head = html.escape(self._heading(e))
            body = html.escape(e["text"]).replace("\n", "<br>")
            blocks.append(f'<p style="margin-bottom:2px;"><b style="color:{VAL_COLOR};">{head}</b></p>'
                          f'<p style="margin-top:0; white-space: pre-wrap; font-family: monospace;">{body}</p>')
        self.list.setHtml("".join(blocks))
        self.status.setText(self.tr("%n sample(s); next at step {step}", "", len(self.entries)).format(
            step=number(self.next_due)))

    def as_text(self) -> str:
        """The entries as plain text, newest first."""
        return "\n\n".join(f"# {self._heading(e)}\n{e['text']}" for e in reversed(self.entries)) + "\n"

    def export_text(self, path: str | Path) -> None:
        Path(path).write_text(self.as_text(), encoding="utf-8")

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the sample timeline"), "timeline.txt",
                                              self.tr("Text (*.txt)"))
        if path:
            try:
                self.export_text(path)
            except OSError as exc:
                self.status.setText(self.tr("Could not write {path}: {error}").format(path=path, error=exc))
