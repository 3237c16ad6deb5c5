"""What the window remembers between sessions (QSettings): geometry, dock layout, theme, the last
task and each task's settings."""

from __future__ import annotations

import json
import logging

from rnn_lab.engine.config import Config
from rnn_lab.engine.tasks.registry import TASKS
from rnn_lab.engine.user_files import loads_json

STATE_VERSION = 1  # bump when the docks change, so an old saved layout is ignored
log = logging.getLogger("rnnlab.gui")


def restore(window) -> None:
    s = window.settings
    geometry = s.value("geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = s.value("windowState")
    if state is not None:
        window.restoreState(state, STATE_VERSION)
    for task in TASKS:
        raw = s.value(f"config/{task}")
        if raw:
            try:
                window.task_configs[task] = Config.from_dict(loads_json(raw)).to_dict()
            except (ValueError, TypeError, AttributeError):  # (a settings file is a file a user can edit)
                log.warning("ignoring the saved settings of task %s", task)


def save(window) -> None:
    s = window.settings
    s.setValue("geometry", window.saveGeometry())
    s.setValue("windowState", window.saveState(STATE_VERSION))
    s.setValue("theme", window.theme)
    s.setValue("auto_hidden", sorted(window.auto_hidden))
    if window.info:
        s.setValue("task", window.info["task"])
        window.task_configs[window.info["task"]] = window.hyper.current_config().to_dict()
    for task, cfg in window.task_configs.items():
        s.setValue(f"config/{task}", json.dumps(cfg))
    s.sync()


def unelide_tabs(window) -> None:
    """Show whole names on the tabs of tabified docks, with scroll arrows when they don't all fit."""
    from PyQt6.QtCore import Qt
    from PyQt6.QtWidgets import QTabBar

    for bar in window.findChildren(QTabBar):
        bar.setElideMode(Qt.TextElideMode.ElideNone)
        bar.setUsesScrollButtons(True)
        # Narrower tabs than the style's: the word LM's seven views fit side by side at 1280x800.
        bar.setStyleSheet("QTabBar::tab { padding: 4px 7px; }")
