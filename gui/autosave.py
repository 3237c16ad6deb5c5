"""Autosave: the current run is saved every few minutes while it trains and when the window closes,
to ``autosave.npz`` in the user's data folder; at the next start the app offers to restore it.

The saves are ordinary checkpoints written by the worker between two steps (``Controller.save`` ->
``host.TrainerHost``'s save), so they are atomic: a crash or a kill mid-save leaves the previous
autosave whole. The final save on close is queued before the controller's stop command, and the
controller waits for its worker (under a second for the book's models), so it completes before
the process exits. The window needs no changes: this object watches the window's Close event
through an event filter, which runs before ``MainWindow.closeEvent`` stops the worker.

The offer is made once per autosave file: the answer (restore or not) is remembered in the
settings with the file's modification time, and the next autosave (a newer file) is offered again.

An autosave that cannot be read (damaged, hand-made) or that fails to load after the user said yes is
never a reason not to start: it is moved aside (``autosave.broken-<time>.npz``, kept for the user) and
the window says so and where.
"""

from __future__ import annotations

import logging
import os
import re
import time
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QEvent, QObject, QTimer
from PyQt6.QtWidgets import QMessageBox

from rnn_lab.engine.checkpoint import read_checkpoint_meta
from rnn_lab.engine.errors import CheckpointError
from rnn_lab.engine.tasks.registry import TASKS

from . import paths
from .i18n import engine_text, number

FILE_NAME = "autosave.npz"
_TIMESTAMP = re.compile(r"[0-9T:+\-]{10,32}")  # an ISO time as checkpoint_arrays writes it
INTERVAL_MS = 3 * 60_000  # "every few minutes": at most three minutes of training lost to a crash
log = logging.getLogger("rnnlab.gui")


def default_folder() -> Path:
    """The user's data folder (``gui/paths.py``)."""
    return paths.data_folder()


class Autosave(QObject):
    """Periodic and on-close saves of ``controller``'s run for ``window``; ``offer_restore`` at start."""

    def __init__(self, window, controller, folder: Path | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(window)
        self.window, self.controller = window, controller
        self.folder = Path(folder) if folder is not None else default_folder()
        self.path = self.folder / FILE_NAME
        self._saved: tuple[int, int] | None = None  # (run, step) of the last autosave asked for
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        window.installEventFilter(self)

    # ------------------------------------------------------------------ saving
    def needs_saving(self) -> bool:
        """A run exists, has trained, and changed since the last autosave."""
        key = self.controller.run_key()  # None: no run, or it has not trained yet
        return key is not None and self._saved != key

    def save_now(self, force: bool = False) -> bool:
        """Ask the worker to write the autosave (between two steps). False if there was nothing new;
        ``force``: save a trained run even if no newer step has been reported (closing while training:
        the steps since the last report are new too)."""
        if not (self.needs_saving() or force and self.controller.run_key() is not None):
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("cannot create the autosave folder %s: %s", self.folder, exc)
            return False
        self._saved = self.controller.run_key()
        self.controller.save(str(self.path), extra={"autosave": True})
        return True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.timer.stop()
            running = self.window.state == "running"
            if running:  # no step between this save and the stop closeEvent sends next: the file holds
                self.controller.pause()  # the run's last step
            self.save_now(force=running)
        return False  # the window still handles its close itself

    # ------------------------------------------------------------------ restoring
    def describe(self) -> dict[str, Any] | None:
        """What the autosave holds ({"task", "step", "saved_at", "mtime"}), or None if there is no usable one
        (one that cannot be read is moved aside)."""
        if not (self.path.exists() or self.path.is_symlink()):
            return None
        try:
            meta = read_checkpoint_meta(self.path)
        except Exception as exc:  # noqa: BLE001 - whatever is wrong with it, the app starts
            self.set_aside(str(exc) if isinstance(exc, CheckpointError) else f"{type(exc).__name__}: {exc}")
            return None
        step = meta.get("step")
        if not isinstance(step, int) or step <= 0:
            return None
        task = meta["config"].get("task")
        saved_at = str(meta.get("saved_at", ""))
        return {"task": task if task in TASKS else "?", "step": step,  # (what the file says is shown as text:
                "saved_at": saved_at if _TIMESTAMP.fullmatch(saved_at) else "",  # only values we write)
                "mtime": self.path.stat().st_mtime_ns}

    def set_aside(self, why: str) -> Path | None:
        """Move the autosave that cannot be used to ``autosave.broken-<time>.npz`` and say so in the window."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.folder / f"autosave.broken-{stamp}.npz"
        n = 1
        while target.exists() or target.is_symlink():
            n += 1
            target = self.folder / f"autosave.broken-{stamp}-{n}.npz"
        try:
            os.replace(self.path, target)
        except OSError as exc:
            log.warning("cannot move the unusable autosave %s aside: %s", self.path, exc)
            target = None
        log.warning("the autosave could not be restored (%s); moved to %s", why, target)
        why = why.replace(f"{self.path}:", "it:").replace(str(self.path), "it")  # (named once, below)
        if target:
            text = self.tr("The last autosave could not be restored: {why}. It was moved to {target}, and RNN Lab "
                           "started without it.").format(why=why.rstrip("."), target=target)
        else:
            text = self.tr("The last autosave could not be restored: {why}. It stays at {path} (it could not be "
                           "moved), and RNN Lab started without it.").format(why=why.rstrip("."), path=self.path)
        self.window.banner.show_message("error", text)
        return target

    def restore(self) -> None:
        """Load the autosave into the window (after ``offer_restore`` said yes); if the load fails, the
        file is moved aside (``set_aside``) and the window keeps what it shows."""
        self._restoring = True
        self.controller.message.connect(self._on_restore_message)
        self.controller.load(str(self.path))

    def _on_restore_message(self, msg: dict[str, Any]) -> None:
        if not getattr(self, "_restoring", False) or msg.get("kind") not in ("loaded", "build_failed"):
            return
        self._restoring = False
        self.controller.message.disconnect(self._on_restore_message)
        if msg["kind"] == "build_failed":
            self.set_aside(str(msg.get("message", "it could not be loaded")))

    def offer_restore(self) -> bool | None:
        """Ask whether to restore an autosave not offered before: True to restore it, False for a clean
        start (the default task with its default settings), None when there was nothing to offer."""
        info = self.describe()
        settings = self.window.settings
        if info is None or str(settings.value("autosave/answered", "")) == str(info["mtime"]):
            return None
        settings.setValue("autosave/answered", str(info["mtime"]))
        when = info["saved_at"].replace("T", " ").removesuffix("+00:00")
        task = engine_text(TASKS[info["task"]].title) if info["task"] in TASKS else info["task"]
        if when:
            text = self.tr("RNN Lab saved your last {task} run at step {step} ({when} UTC). Restore it, or start "
                           "fresh with the binary adder and every task's default settings?")
        else:
            text = self.tr("RNN Lab saved your last {task} run at step {step}. Restore it, or start fresh with the "
                           "binary adder and every task's default settings?")
        return self.ask(text.format(task=task, step=number(info["step"]), when=when))

    def ask(self, text: str) -> bool:
        """The question, with the buttons Restore (True) and Start fresh (False)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore the last session?"), text, parent=self.window)
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Start fresh"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore
