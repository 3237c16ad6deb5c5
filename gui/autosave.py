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
"""

from __future__ import annotations

import logging
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
        """What the autosave holds ({"task", "step", "saved_at", "mtime"}), or None if there is no usable one."""
        if not self.path.is_file():
            return None
        try:
            meta = read_checkpoint_meta(self.path)
        except CheckpointError as exc:
            log.warning("ignoring the autosave: %s", exc)
            return None
        step = meta.get("step")
        if not isinstance(step, int) or step <= 0:
            return None
        return {"task": str(meta["config"].get("task", "?")), "step": step,
                "saved_at": str(meta.get("saved_at", "")), "mtime": self.path.stat().st_mtime_ns}

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
