"""File menu entries for lessons and runs: Open lesson…, Save lesson…, the built-in "Lessons" submenu,
and Export all runs (one long-format CSV: run, step, time, metric, value)."""

from __future__ import annotations

import json
from pathlib import Path

from PyQt6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QVBoxLayout,
)

from rnn_lab.engine.config import FIELDS
from rnn_lab.engine.lessons import builtin_lessons
from rnn_lab.engine.runs import write_long_csv

from .panels.hyperparams import LABELS

STATES = ("shown", "locked", "hidden")


def install(window, menu) -> None:
    """Add the lesson and run entries to ``menu`` (the File menu)."""
    menu.addSeparator()
    menu.addAction("Open lesson…", lambda: open_lesson(window))
    lessons = menu.addMenu("Lessons")
    for path in builtin_lessons():
        try:
            title = json.loads(path.read_text(encoding="utf-8")).get("title", path.stem)
        except (OSError, ValueError):
            title = path.stem
        lessons.addAction(str(title), lambda p=path: window.lessons.open_path(p))
    if lessons.isEmpty():  # a broken installation: say so instead of an empty menu
        missing = lessons.addAction("No lessons found: reinstall RNN Lab (pip install --force-reinstall rnn-lab)")
        missing.setEnabled(False)
    menu.addAction("Save lesson…", lambda: save_lesson(window))
    menu.addSeparator()
    menu.addAction("Export all runs (CSV)…", lambda: export_all_runs(window))


def _dir(window) -> str:
    return str(window.settings.value("file_dir", str(Path.home())))


def open_lesson(window) -> None:
    path, _ = QFileDialog.getOpenFileName(window, "Open lesson", _dir(window), "RNN Lab lessons (*.json)")
    if path:
        window.settings.setValue("file_dir", str(Path(path).parent))
        window.lessons.open_path(path)


class SaveLessonDialog(QDialog):
    """Title, text, and per control: shown, locked or hidden."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setWindowTitle("Save lesson")
        lesson = window.lessons.lesson
        self.title = QLineEdit(lesson.title if lesson else "")
        self.title.setPlaceholderText("What the lesson is about")
        self.text = QPlainTextEdit(lesson.text if lesson else "")
        self.text.setPlaceholderText("What to do and what to look for (blank lines separate paragraphs)")
        self.controls = QTableWidget(len(FIELDS), 2)
        self.controls.setHorizontalHeaderLabels(["Control", "In the lesson"])
        self.controls.verticalHeader().hide()
        self.controls.horizontalHeader().setStretchLastSection(True)
        self.combos: dict[str, QComboBox] = {}
        for i, name in enumerate(FIELDS):
            self.controls.setCellWidget(i, 0, _label(name))
            combo = QComboBox()
            combo.addItems(STATES)
            if lesson and name in lesson.hidden:
                combo.setCurrentText("hidden")
            elif lesson and name in lesson.locked:
                combo.setCurrentText("locked")
            self.controls.setCellWidget(i, 1, combo)
            self.combos[name] = combo
        self.controls.resizeColumnToContents(0)
        form = QFormLayout()
        form.addRow("Title", self.title)
        form.addRow("Text", self.text)
        form.addRow("Controls", self.controls)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def choice(self) -> tuple[str, str, list[str], list[str]]:
        """(title, text, hidden controls, locked controls)."""
        hidden = [n for n, c in self.combos.items() if c.currentText() == "hidden"]
        locked = [n for n, c in self.combos.items() if c.currentText() == "locked"]
        return self.title.text().strip() or "Untitled lesson", self.text.toPlainText(), hidden, locked


def _label(name: str):
    label = QLabel(f"{LABELS.get(name, name.capitalize())}  <span style='color:gray'>[{name}]</span>")
    label.setContentsMargins(4, 0, 4, 0)
    return label


def save_lesson(window) -> None:
    dlg = SaveLessonDialog(window)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return
    title, text, hidden, locked = dlg.choice()
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-") or "lesson"
    path, _ = QFileDialog.getSaveFileName(window, "Save lesson", str(Path(_dir(window)) / f"{slug}.json"),
                                          "RNN Lab lessons (*.json)")
    if not path:
        return
    path = path if path.endswith(".json") else path + ".json"
    try:
        written = window.lessons.save(path, title, text, hidden, locked)
    except (ValueError, OSError) as exc:
        window.banner.show_message("error", f"Could not save the lesson: {exc}")
    else:
        window.settings.setValue("file_dir", str(Path(written).parent))
        window.statusBar().showMessage(f"Saved lesson {written}", 8000)


def export_all_runs(window, path: str | None = None) -> Path | None:
    """Every run's curves (kept and current) in one CSV, long format: run, step, time, metric, value."""
    runs = [r for r in window.runs_panel.store.runs if len(r) or r.val_points]
    if not runs:
        window.banner.show_message("info", "No run has trained yet: nothing to export.")
        return None
    if path is None:
        path, _ = QFileDialog.getSaveFileName(window, "Export all runs", str(Path(_dir(window)) / "runs.csv"),
                                              "CSV (*.csv)")
        if not path:
            return None
    path = path if path.endswith(".csv") else path + ".csv"
    try:
        write_long_csv(path, runs)
    except OSError as exc:
        window.banner.show_message("error", f"Could not export the runs: {exc}")
        return None
    window.settings.setValue("file_dir", str(Path(path).parent))
    window.statusBar().showMessage(f"Exported {len(runs)} run(s) to {path}", 8000)
    return Path(path)
