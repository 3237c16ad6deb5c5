"""Where the window keeps the user's things, named once: ``rnn-lab``.

- settings: ``QSettings`` under the name ``rnn-lab`` (Linux: ``~/.config/rnn-lab/settings.conf``);
- data (the autosave): ``QStandardPaths.AppDataLocation`` (Linux: ``~/.local/share/rnn-lab/``);
- logs: the state folder (Linux: ``~/.local/state/rnn-lab/``; Qt's ``StateLocation``).

A leaf module: it imports only Qt, so any GUI module may use it. Earlier versions used "RNN Lab" as
both organisation and application name (``~/.local/share/RNN Lab/RNN Lab/``); ``migrate_old_locations``
moves an autosave and the settings from there once, so nothing a user made is left behind.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PyQt6.QtCore import QCoreApplication, QSettings, QStandardPaths

APP_ID = "rnn-lab"  # the folders, the settings, the desktop entry (rnn-lab.desktop) and the command
APP_NAME = "RNN Lab"  # what people read: the window title, the About box
_OLD_NAME = "RNN Lab"  # before 0.2: organisation and application were both "RNN Lab"
log = logging.getLogger("rnnlab.gui")


def name_application(app: QCoreApplication) -> None:
    """Name ``app``: ``rnn-lab`` for the system (desktop entry, window class), "RNN Lab" for people."""
    app.setApplicationName(APP_ID)  # (no display name: Qt would append it to every window title)
    desktop = getattr(app, "setDesktopFileName", None)  # QGuiApplication: Linux desktops match the icon
    if desktop is not None:
        desktop(APP_ID)


def user_settings() -> QSettings:
    """The user's preferences (window layout, theme, last task, answers to questions)."""
    return QSettings(APP_ID, "settings")


def data_folder() -> Path:
    """The user's data folder (the autosave lives here): ``<generic data folder>/rnn-lab``."""
    return _location(QStandardPaths.StandardLocation.GenericDataLocation, Path.home() / ".local" / "share")


def state_folder() -> Path:
    """Where the log file goes: ``<generic state folder>/rnn-lab`` (``~/.local/state/rnn-lab`` on Linux)."""
    state = getattr(QStandardPaths.StandardLocation, "GenericStateLocation", None)  # Qt >= 6.7
    if state is None:
        return data_folder()
    return _location(state, Path.home() / ".local" / "state")


def _location(kind: QStandardPaths.StandardLocation, fallback: Path) -> Path:
    """``<kind>/rnn-lab``: from the generic locations, so the folder does not depend on how the
    QApplication happens to be named (a test's, a script's)."""
    base = QStandardPaths.writableLocation(kind)
    return (Path(base) if base else fallback) / APP_ID


def migrate_old_locations(settings: QSettings | None = None) -> list[str]:
    """Move what an older version kept under "RNN Lab/RNN Lab" to the new places, once; returns what moved.

    The old settings are copied key by key into ``settings`` (or the user's) when those are empty; an old
    autosave is moved when the new folder has none. Failures are logged, never raised: a start must not
    fail because of a leftover.
    """
    moved: list[str] = []
    settings = settings if settings is not None else user_settings()
    old = QSettings(_OLD_NAME, _OLD_NAME)
    try:
        if old.allKeys() and not settings.allKeys():
            for key in old.allKeys():
                settings.setValue(key, old.value(key))
            settings.sync()
            moved.append(f"settings from {old.fileName()}")
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
        old_autosave = Path(base) / _OLD_NAME / _OLD_NAME / "autosave.npz" if base else None
        new_autosave = data_folder() / "autosave.npz"
        if old_autosave is not None and old_autosave.is_file() and not new_autosave.exists():
            new_autosave.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(old_autosave), new_autosave)
            moved.append(f"autosave from {old_autosave}")
    except OSError as exc:
        log.warning("could not move the old settings or autosave: %s", exc)
    return moved
