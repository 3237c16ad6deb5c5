"""View > Language: follow the system, or speak one of ``i18n.LANGUAGES``; remembered in the settings.

The choice takes effect at the next start (the window's every text was made in the old language), and
the window says so. A ``--lang`` on the command line wins over the choice for that start only.
"""

from __future__ import annotations

from PyQt6.QtCore import QCoreApplication
from PyQt6.QtGui import QAction, QActionGroup
from PyQt6.QtWidgets import QMenu, QMessageBox

from . import i18n


def install(window, menu: QMenu) -> QMenu:
    """Add the Language submenu to ``menu``; returns it."""
    sub = menu.addMenu(QCoreApplication.translate("LanguageMenu", "Language"))
    group = QActionGroup(sub)
    chosen = i18n.chosen_language(window.settings)
    system = i18n.LANGUAGES[i18n.system_language()]
    entries = [("", QCoreApplication.translate("LanguageMenu", "System default ({language})").format(language=system))]
    entries += list(i18n.LANGUAGES.items())
    for code, label in entries:
        action = QAction(label, sub)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: choose(window, c))
        group.addAction(action)
        sub.addAction(action)
    return sub


def choose(window, code: str) -> None:
    """Remember ``code`` ("" = the system's language) and say when it takes effect."""
    window.settings.setValue(i18n.SETTING, code)
    window.settings.sync()
    new = code or i18n.system_language()
    if new == i18n.current_language():
        return
    name = i18n.LANGUAGES[new]
    QMessageBox.information(window, QCoreApplication.translate("LanguageMenu", "Language"),
                            QCoreApplication.translate("LanguageMenu", "RNN Lab will speak {language} from its next start. Close the "
                                               "window and start it again to switch now (a trained run is "
                                               "saved and offered back).").format(language=name))


__all__ = ["choose", "install"]
