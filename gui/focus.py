"""Keyboard focus goes back to the window: Escape in a text field, or a click on any plot.

Space, S and R are the window's shortcuts, but a line edit or a spin box that has the focus takes
those keys as text: after typing a prompt or a value, Space typed a space instead of pausing. Escape
now leaves the field, and a click on a plot (which never takes the focus itself) gives the focus to the
window too; Space then plays and pauses again.
"""

from __future__ import annotations

from PyQt6.QtCore import QEvent, QObject, Qt
from PyQt6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

TEXT_FIELDS = (QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QComboBox)


class FocusReturn(QObject):
    """Installed on the application; acts only on ``window`` and its children."""

    def __init__(self, window: QWidget, home: QWidget) -> None:
        super().__init__(window)
        self.window, self.home = window, home
        home.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # where the focus goes: it types nothing
        QApplication.instance().installEventFilter(self)
        window.destroyed.connect(lambda *_: self._uninstall())

    def _uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _ours(self, obj) -> bool:
        return isinstance(obj, QWidget) and obj.window() is self.window

    def give_back(self) -> None:
        """The focus to the window (its shortcuts work again)."""
        focused = QApplication.focusWidget()
        if focused is not None and self._ours(focused):
            focused.clearFocus()
        self.home.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape and isinstance(obj, TEXT_FIELDS) \
                and self._ours(obj) and not _popup_open(obj):
            self.give_back()
            return True
        if kind == QEvent.Type.MouseButtonPress and self._ours(obj) and _is_plot(obj):
            self.give_back()  # (the click itself still reaches the plot)
        return False


def _is_plot(obj) -> bool:
    import pyqtgraph as pg

    parent = obj.parent() if isinstance(obj, QWidget) else None
    return isinstance(obj, pg.GraphicsView) or isinstance(parent, pg.GraphicsView)  # (its viewport)


def _popup_open(obj) -> bool:
    """A combo box's open list closes on Escape by itself."""
    return isinstance(obj, QComboBox) and obj.view().isVisible()


__all__ = ["FocusReturn"]
