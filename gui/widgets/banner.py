"""A message strip across the top of the window: divergence, errors, finished runs. Non-modal:
the window stays usable; the strip stays until dismissed or replaced."""

from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt
from PyQt6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from ..theme import BANNER_COLORS

TITLES = {"diverged": QT_TRANSLATE_NOOP("Banner", "Training diverged."),
          "error": QT_TRANSLATE_NOOP("Banner", "Something went wrong."), "info": ""}


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.theme = "light"
        self.level = "info"
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, level: str, text: str) -> None:
        self.level = level if level in TITLES else "error"
        title = self.tr(TITLES[self.level]) if TITLES[self.level] else ""
        self.label.setText(f"<b>{title}</b> {_escape(text)}" if title else _escape(text))
        self._style()
        self.show()

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        self._style()

    def _style(self) -> None:
        bg, fg = BANNER_COLORS[self.theme][self.level]
        self.setStyleSheet(f"#banner {{ background: {bg}; border-bottom: 1px solid {fg}; }}"
                           f" #banner QLabel {{ color: {fg}; }}")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
