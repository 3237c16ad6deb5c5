"""A dock's title bar with a "?" button that opens the guide at that view's section.

Qt's own title bar has no room for extra buttons, so this one redraws it: the title, "?", and the
float and close buttons the standard bar has (with their standard icons). The mouse events it does
not use reach the dock, so dragging the title and double-clicking it move and float the view as before.
"""

from __future__ import annotations

from collections.abc import Callable

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget


class DockTitle(QWidget):
    def __init__(self, dock: QDockWidget, on_help: Callable[[], None], title: str = "") -> None:
        super().__init__(dock)
        self.dock = dock
        self.label = QLabel(title or dock.windowTitle().replace("&&", "&"))  # the full title (tabs: short)
        self.label.setContentsMargins(4, 0, 0, 0)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.help_button = self._button("?", self.tr("What this view shows, and where the book explains it"), on_help)
        style = self.style()
        self.float_button = self._button("", self.tr("Float or dock this view"), self._toggle_float,
                                         style.standardIcon(QStyle.StandardPixmap.SP_TitleBarNormalButton))
        self.close_button = self._button("", self.tr("Hide this view (View menu shows it again)"), dock.close,
                                         style.standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        row = QHBoxLayout(self)
        row.setContentsMargins(2, 1, 2, 1)
        row.setSpacing(1)
        row.addWidget(self.label, 1)
        for b in (self.help_button, self.float_button, self.close_button):
            row.addWidget(b)

    def _button(self, text: str, tip: str, slot, icon=None) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        if icon is not None:
            b.setIcon(icon)
        b.setAutoRaise(True)
        b.setToolTip(tip)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.clicked.connect(lambda _checked=False: slot())
        return b

    def _toggle_float(self) -> None:
        self.dock.setFloating(not self.dock.isFloating())


def install(dock: QDockWidget, on_help: Callable[[], None], title: str = "") -> DockTitle:
    bar = DockTitle(dock, on_help, title)
    dock.setTitleBarWidget(bar)
    return bar


__all__ = ["DockTitle", "install"]
