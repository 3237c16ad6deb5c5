"""``rnn-lab install-desktop``: put RNN Lab in a Linux desktop's application menu, with its icon.

pip and pipx install commands, not menu entries, so this writes the two files a freedesktop.org
desktop reads, for the current user only:

- ``$XDG_DATA_HOME/applications/rnn-lab.desktop`` (the shipped ``assets/rnn-lab.desktop`` with
  ``Exec`` set to the command that is running now, so a venv or pipx install need not be on PATH);
- ``$XDG_DATA_HOME/icons/hicolor/scalable/apps/rnn-lab.svg`` (the shipped icon).

The window names itself ``rnn-lab`` (``QGuiApplication.setDesktopFileName``), which is how the
desktop matches the running window to this entry and shows the icon in the task bar.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from .atomic import atomic_write_text
from .resources import asset

APP_ID = "rnn-lab"


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` (the freedesktop.org default)."""
    home = os.environ.get("XDG_DATA_HOME", "")
    return Path(home) if os.path.isabs(home) else Path.home() / ".local" / "share"


def entry_paths(base: Path | None = None) -> tuple[Path, Path]:
    """(the desktop file, the icon) as they are installed under ``base`` (default: ``data_home()``)."""
    base = base or data_home()
    return (base / "applications" / f"{APP_ID}.desktop",
            base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg")


def launch_command() -> str:
    """How the menu should start this installation: the ``rnn-lab`` script beside this Python, or
    ``python -m rnn_lab`` with this very interpreter."""
    script = Path(sys.executable).with_name(APP_ID)
    if script.is_file() and os.access(script, os.X_OK):
        return shlex.quote(str(script))
    return f"{shlex.quote(sys.executable)} -m rnn_lab"


def desktop_text(command: str) -> str:
    """The shipped desktop entry with ``Exec`` set to ``command``."""
    lines = asset(f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines()
    return "\n".join(f"Exec={command}" if line.startswith("Exec=") else line for line in lines) + "\n"


def install(base: Path | None = None, command: str | None = None) -> list[Path]:
    """Write the desktop entry and the icon; returns the two paths written."""
    desktop, icon = entry_paths(base)
    for folder in (desktop.parent, icon.parent):
        folder.mkdir(parents=True, exist_ok=True)
    atomic_write_text(desktop, desktop_text(command or launch_command()))
    atomic_write_text(icon, asset("icon.svg").read_text(encoding="utf-8"))
    return [desktop, icon]


def remove(base: Path | None = None) -> list[Path]:
    """Delete what ``install`` wrote; returns the paths that were there."""
    removed = []
    for path in entry_paths(base):
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed
