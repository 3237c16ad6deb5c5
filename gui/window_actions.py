"""The window's actions, menus and toolbar. What an action does is a method of the window
(``main_window.MainWindow``); here they get their texts, shortcuts, icons and places. The actions stay
attributes of the window (``window.play_action``, ...), as the tests and the other parts use them.

Texts are translated in the context "MainWindow" (``QCoreApplication.translate``, which ``pylupdate6``
reads), the context they had as ``MainWindow.tr``: the catalogue's entries serve them unchanged.
"""

from __future__ import annotations

from PyQt6.QtCore import QCoreApplication, Qt
from PyQt6.QtGui import QAction, QKeySequence
from PyQt6.QtWidgets import QStyle

from . import dialogs, language_menu, session_menu, threads_menu
from .recorder import record_icon
from .widgets.speed_control import SpeedControl

SP = QStyle.StandardPixmap
translate = QCoreApplication.translate


def install(window) -> None:
    """Make the window's actions, then its menus and its toolbar (the speed control in it)."""
    make_actions(window)
    make_menus(window)
    make_toolbar(window)


def action(window, text: str, slot, shortcut: str | None = None, icon: SP | None = None, tip: str = "") -> QAction:
    act = QAction(text, window)
    if shortcut:
        act.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        act.setIcon(window.style().standardIcon(icon))
    act.setToolTip(f"{tip or text} ({shortcut})" if shortcut else tip or text)
    act.triggered.connect(lambda _checked=False: slot())
    window.addAction(act)  # shortcuts work wherever the focus is in the window
    return act


def make_actions(window) -> None:
    def a(*args, **kwargs) -> QAction:
        return action(window, *args, **kwargs)

    window.play_action = a(translate("MainWindow", "Play"), window.toggle_play, "Space", SP.SP_MediaPlay,
                         translate("MainWindow", "Start or pause training"))
    window.step_action = a(translate("MainWindow", "Step"), window.step_once, "S", SP.SP_MediaSkipForward,
                         translate("MainWindow", "Train one batch, then pause"))
    window.reset_action = a(translate("MainWindow", "Reset"), window.reset, "R", SP.SP_BrowserReload,
                          translate("MainWindow", "A fresh model with these settings"))
    window.save_action = a(translate("MainWindow", "Save…"), window.save_checkpoint, "Ctrl+S", SP.SP_DialogSaveButton,
                         translate("MainWindow", "Save a checkpoint"))
    window.load_action = a(translate("MainWindow", "Load…"), window.load_checkpoint, "Ctrl+O", SP.SP_DialogOpenButton,
                         translate("MainWindow", "Load a checkpoint"))
    window.export_action = a(translate("MainWindow", "Export…"), window.export, "Ctrl+E", SP.SP_FileDialogDetailedView,
                           translate("MainWindow", "Export a plot, a panel or the whole window"))
    window.record_action = a(translate("MainWindow", "Record…"), window.toggle_recording, "Ctrl+Shift+R", None,
                           translate("MainWindow", "Record the window or one view while it trains, for slides "
                                   "(an animated GIF, APNG, WebP or MP4)"))
    window.record_action.setIcon(record_icon())
    window.eval_action = a(translate("MainWindow", "Evaluate now"), window.evaluate_now, None, None,
                         translate("MainWindow", "Evaluate on the validation split now"))
    window.quit_action = a(translate("MainWindow", "Quit"), window.close, "Ctrl+Q")
    window.shortcuts_action = a(translate("MainWindow", "Keyboard shortcuts"), lambda: dialogs.ShortcutsDialog(window).exec(), "F1")
    window.guide_action = a(translate("MainWindow", "Guide to the views"), window.show_guide, "Shift+F1",
                          tip=translate("MainWindow", "What each view shows, with the book's chapter and section"))
    window.about_action = a(translate("MainWindow", "About RNN Lab"), lambda: dialogs.show_about(window))
    window.dark_action = a(translate("MainWindow", "Dark theme"),
                         lambda: window.set_theme("dark" if window.dark_action.isChecked() else "light"))
    window.dark_action.setCheckable(True)
    window.dark_action.setChecked(window.theme == "dark")
    window.layout_action = a(translate("MainWindow", "Reset layout"), window.reset_layout)


def make_menus(window) -> None:
    m = window.menuBar().addMenu(translate("MainWindow", "&File"))
    m.addAction(translate("MainWindow", "Open text corpus…"), lambda: window.open_data("file"))
    m.addAction(translate("MainWindow", "Open PTB folder…"), lambda: window.open_data("folder", "lm"))
    m.addAction(translate("MainWindow", "Open seq2seq file…"), lambda: window.open_data("file", "seq2seq"))
    m.addAction(translate("MainWindow", "Use built-in data"), lambda: window.use_data(window._task(), ""))
    m.addSeparator()
    m.addActions([window.save_action, window.load_action, window.export_action, window.record_action])
    session_menu.install(window, m)  # lessons, export all runs
    m.addSeparator()
    m.addAction(window.quit_action)
    train = window.menuBar().addMenu(translate("MainWindow", "&Train"))
    train.addActions([window.play_action, window.step_action, window.reset_action, window.eval_action])
    train.addSeparator()
    threads_menu.install(window, train)  # how many cores training uses
    window.view_menu = window.menuBar().addMenu(translate("MainWindow", "&View"))
    window.view_menu.addActions([dock.toggleViewAction() for dock in window.docks.values()])
    window.view_menu.addSeparator()
    window.view_menu.addActions([window.dark_action, window.layout_action])
    window.language_menu = language_menu.install(window, window.view_menu)
    window.menuBar().addMenu(translate("MainWindow", "&Help")).addActions([window.guide_action, window.shortcuts_action,
                                                         window.about_action])


def make_toolbar(window) -> None:
    tb = window.addToolBar(translate("MainWindow", "Training"))
    tb.setObjectName("toolbar_training")
    tb.setMovable(False)
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    tb.addActions([window.play_action, window.step_action, window.reset_action])
    tb.addSeparator()
    window.speed = SpeedControl()
    window.speed.speedChanged.connect(window.controller.set_speed)
    tb.addWidget(window.speed)
    tb.addSeparator()
    tb.addActions([window.save_action, window.load_action, window.export_action, window.record_action])
