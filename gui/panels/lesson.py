"""The "Lesson" side panel: the open lesson's title and text, and a button to leave the lesson.

Not one of the run's panels (it never sees reports): ``gui/lesson_loader.py`` docks it while a
lesson is open and hides it afterwards.
"""

from __future__ import annotations

import html
import re

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from rnn_lab.engine.lessons import Lesson

from ..i18n import current_language, number
from .hyperparams import label

_NUMBERED = re.compile(r"^(\d+)\.\s+")
TRY_NEXT = ("Try next:", "次に試すこと：")  # a last paragraph that starts so is set in italics


def lesson_html(lesson: Lesson, lang: str | None = None) -> str:
    """The lesson's text in ``lang`` (default: the window's language; else English, else the first) as
    simple rich text: a heading, one paragraph per blank-line-separated block, a numbered step's
    number in bold, "Try next:" in italics."""
    lang = lang or current_language()
    parts = [f"<h3 style='margin-bottom:4px'>{html.escape(lesson.title_in(lang))}</h3>"]
    if lesson.steps_hint:
        parts.append("<p style='color:gray; margin-top:0'>"
                     + QCoreApplication.translate("LessonPanel", "About %Ln training step(s).", "", lesson.steps_hint) + "</p>")
    if lesson.pause_at:
        steps = QCoreApplication.translate("LessonPanel", ", ").join(number(n) for n in lesson.pause_at)
        parts.append("<p style='color:gray; margin-top:0'>"
                     + QCoreApplication.translate("LessonPanel", "Training pauses at step(s) {steps}, where the lesson asks you to look; "
                                         "press Space to go on.", "", len(lesson.pause_at)).format(steps=steps)
                     + "</p>")
    for block in re.split(r"\n\s*\n", lesson.text_in(lang).strip()):
        text = html.escape(block.strip()).replace("\n", "<br>")
        if not text:
            continue
        m = _NUMBERED.match(text)
        if m:
            text = f"<b>{m.group(1)}.</b> {text[m.end():]}"
        else:
            for marker in TRY_NEXT:
                if text.startswith(marker):
                    text = f"<i>{marker}</i>{text[len(marker):]}"
        parts.append(f"<p style='margin-top:6px; margin-bottom:6px'>{text}</p>")
    return "\n".join(parts)


class LessonPanel(QWidget):
    title = QT_TRANSLATE_NOOP("Panel", "Lesson")
    leaveRequested = pyqtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesson: Lesson | None = None
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.document().setDocumentMargin(8)
        self.leave_button = QPushButton(self.tr("Leave lesson"))
        self.leave_button.setToolTip(self.tr("Show every panel and control again (the model stays)"))
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
        locked = self.tr(", ").join(label(name) for name in lesson.locked)
        self.locked_note.setText(self.tr("Locked by the lesson: {controls}").format(controls=locked) if locked else "")
