"""The "Lesson" side panel: the open lesson's title and text, and a button to leave the lesson.

Not one of the run's panels (it never sees reports): ``gui/lesson_loader.py`` docks it while a
lesson is open and hides it afterwards.
"""

from __future__ import annotations

import html
import re

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from rnn_lab.engine.lessons import Lesson

_NUMBERED = re.compile(r"^(\d+)\.\s+")


def lesson_html(lesson: Lesson) -> str:
    """The lesson's text as simple rich text: a heading, one paragraph per blank-line-separated block,
    a numbered step's number in bold, "Try next:" in italics."""
    parts = [f"<h3 style='margin-bottom:4px'>{html.escape(lesson.title)}</h3>"]
    if lesson.steps_hint:
        parts.append(f"<p style='color:gray; margin-top:0'>About {lesson.steps_hint:,} training steps.</p>")
    if len(lesson.pause_at) == 1:
        parts.append(f"<p style='color:gray; margin-top:0'>Training pauses at step {lesson.pause_at[0]:,}, where "
                     "the lesson asks you to look; press Space to go on.</p>")
    elif lesson.pause_at:
        steps = ", ".join(f"{n:,}" for n in lesson.pause_at)
        parts.append(f"<p style='color:gray; margin-top:0'>Training pauses at steps {steps}, where the lesson "
                     "asks you to look; press Space to go on.</p>")
    for block in re.split(r"\n\s*\n", lesson.text.strip()):
        text = html.escape(block.strip()).replace("\n", "<br>")
        if not text:
            continue
        m = _NUMBERED.match(text)
        if m:
            text = f"<b>{m.group(1)}.</b> {text[m.end():]}"
        elif text.startswith("Try next:"):
            text = f"<i>Try next:</i>{text[len('Try next:'):]}"
        parts.append(f"<p style='margin-top:6px; margin-bottom:6px'>{text}</p>")
    return "\n".join(parts)


class LessonPanel(QWidget):
    title = "Lesson"
    leaveRequested = pyqtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesson: Lesson | None = None
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.document().setDocumentMargin(8)
        self.leave_button = QPushButton("Leave lesson")
        self.leave_button.setToolTip("Show every panel and control again (the model stays)")
        self.locked_note = QLabel()
        self.locked_note.setWordWrap(True)
        self.locked_note.setStyleSheet("color: palette(placeholder-text);")
        row = QHBoxLayout()
        row.addWidget(self.locked_note, 1)
        row.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        self.leave_button.clicked.connect(self.leaveRequested)

    def show_lesson(self, lesson: Lesson | None) -> None:
        self.lesson = lesson
        if lesson is None:
            self.text.clear()
            self.locked_note.clear()
            return
        self.text.setHtml(lesson_html(lesson))
        locked = ", ".join(lesson.locked)
        self.locked_note.setText(f"Locked by the lesson: {locked}" if locked else "")
