"""The main window's file dialogs: open data, save and load checkpoints, export. Each function takes
the window, asks the user, and hands the result to the window's controller (or writes the export)."""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtWidgets import QDialog, QFileDialog

from rnn_lab.engine.checkpoint import read_checkpoint_meta
from rnn_lab.engine.errors import CheckpointError
from rnn_lab.engine.tasks.registry import TASKS

from .dialogs import ExportDialog
from .export import ExportError, grab_window
from .export import export as export_target
from .i18n import engine_text, translate


def _file_dir(window) -> str:
    return str(window.settings.value("file_dir", str(Path.home())))


def open_data(window, kind: str = "file", task: str | None = None) -> None:
    """A text file or (``kind="folder"``) a PTB folder for ``task`` (default: the current language task)."""
    current = window.info["task"] if window.info else "adder"
    task = task or (current if TASKS[current].data_hint else "char")
    start = str(window.settings.value("data_dir", str(Path.home())))
    if kind == "folder":
        path = QFileDialog.getExistingDirectory(
            window, translate("FileDialogs", "Choose the PTB folder (ptb.train.txt, ptb.valid.txt, ptb.test.txt)"),
            start)
    else:
        path, _ = QFileDialog.getOpenFileName(
            window, translate("FileDialogs", "Open data for the {task} task").format(
                task=engine_text(TASKS[task].title)), start, text_filter())
    if path:
        window.settings.setValue("data_dir", str(Path(path).parent if kind == "file" else path))
        window.use_data(task, path)


def text_filter() -> str:
    return translate("FileDialogs", "Text files (*.txt);;All files (*)")


def save_checkpoint(window) -> bool:
    """Ask for a file name and save there (between two steps, on the worker); False if cancelled."""
    name = f"{window.info['task'] if window.info else 'run'}-step{window.step}.npz"
    path, _ = QFileDialog.getSaveFileName(window, translate("FileDialogs", "Save checkpoint"),
                                          str(Path(_file_dir(window)) / name),
                                          translate("FileDialogs", "RNN Lab checkpoints (*.npz)"))
    if not path:
        return False
    path = path if path.endswith(".npz") else path + ".npz"
    window.settings.setValue("file_dir", str(Path(path).parent))
    window.note_save_path(path)
    window.controller.save(path, extra={"window": {"theme": window.theme}})
    return True


def load_checkpoint(window, path: str | None = None) -> None:
    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, translate("FileDialogs", "Load checkpoint"), _file_dir(window),
                                              translate("FileDialogs", "RNN Lab checkpoints (*.npz);;All files (*)"))
    if not path or not window.confirm_discard(translate("FileDialogs", "Loading a checkpoint replaces the model.")):
        return
    window.settings.setValue("file_dir", str(Path(path).parent))
    data = None
    try:
        saved = str(read_checkpoint_meta(path)["config"].get("data") or "")
    except (CheckpointError, OSError):
        saved = ""  # the load itself will say what is wrong with the file
    if saved and not Path(saved).exists():  # the data moved since the run was saved: ask where it is now
        title = translate("FileDialogs", "Where is the data of this checkpoint now? (was {path})").format(path=saved)
        if Path(saved).suffix:
            data, _ = QFileDialog.getOpenFileName(window, title, str(Path.home()), text_filter())
        else:
            data = QFileDialog.getExistingDirectory(window, title, str(Path.home()))
        data = data or None
    window.controller.load(path, data=data)


def export(window) -> None:
    """File > Export: choose a plot, a panel or the whole window, a format, a file."""
    dlg = ExportDialog(window.export_targets(), window)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return
    label, item, fmt, width = dlg.choice()
    slug = "".join(ch if ch.isalnum() else "-" for ch in label.lower()).strip("-")
    suggested = str(Path(_file_dir(window)) / f"{slug}.{fmt.lower()}")
    path, _ = QFileDialog.getSaveFileName(window, translate("FileDialogs", "Export {what}").format(what=label),
                                          suggested, f"{fmt} (*.{fmt.lower()})")
    if not path:
        return
    try:
        written = grab_window(window, path, width) if item is None else export_target(item, path, fmt, width)
    except (ExportError, OSError) as exc:
        window.banner.show_message("error", str(exc))
    else:
        window.settings.setValue("file_dir", str(written.parent))
        window.statusBar().showMessage(translate("FileDialogs", "Exported {what} to {path}").format(
            what=label, path=written), 8000)
