"""File menu entries for lessons and runs: Open lesson…, Save lesson…, the built-in "Lessons" submenu,
and Export all runs (one long-format CSV: run, step, time, metric, value)."""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import QT_TRANSLATE_NOOP
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
from rnn_lab.engine.lessons import builtin_lessons, lesson_title
from rnn_lab.engine.runs import write_long_csv

from .i18n import current_language, sentence_text, translate
from .panels.hyperparams import label as setting_label

# a control's state in a saved lesson, and how the dialog names it
STATES = {"shown": QT_TRANSLATE_NOOP("SaveLessonDialog", "shown"),
          "locked": QT_TRANSLATE_NOOP("SaveLessonDialog", "locked"),
          "hidden": QT_TRANSLATE_NOOP("SaveLessonDialog", "hidden")}


def install(window, menu) -> None:
    """Add the lesson and run entries to ``menu`` (the File menu)."""
    menu.addSeparator()
    menu.addAction(translate("SessionMenu", "Open lesson…"), lambda: open_lesson(window))
    lessons = menu.addMenu(translate("SessionMenu", "Lessons"))
    for path in builtin_lessons():
        lessons.addAction(lesson_title(path, current_language()), lambda p=path: window.lessons.open_path(p))
    if lessons.isEmpty():  # a broken installation: say so instead of an empty menu
        missing = lessons.addAction(translate(
            "SessionMenu", "No lessons found: reinstall RNN Lab (pip install --force-reinstall rnn-lab)"))
        missing.setEnabled(False)
    menu.addAction(translate("SessionMenu", "Save lesson…"), lambda: save_lesson(window))
    menu.addSeparator()
    menu.addAction(translate("SessionMenu", "Export all runs (CSV)…"),
                   lambda: export_all_runs(window))


def _dir(window) -> str:
    return str(window.settings.value("file_dir", str(Path.home())))


def open_lesson(window) -> None:
    path, _ = QFileDialog.getOpenFileName(window, translate("SessionMenu", "Open lesson"),
                                          _dir(window),
                                          translate("SessionMenu", "RNN Lab lessons (*.json)"))
    if path:
        window.settings.setValue("file_dir", str(Path(path).parent))
        window.lessons.open_path(path)


class SaveLessonDialog(QDialog):
    """Title, text, and per control: shown, locked or hidden."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Save lesson"))
        lesson = window.lessons.lesson
        lang = current_language()
        self.title = QLineEdit(lesson.title_in(lang) if lesson else "")
        self.title.setPlaceholderText(self.tr("What the lesson is about"))
        self.text = QPlainTextEdit(lesson.text_in(lang) if lesson else "")
        self.text.setPlaceholderText(self.tr("What to do and what to look for (blank lines separate paragraphs)"))
        self.controls = QTableWidget(len(FIELDS), 2)
        self.controls.setHorizontalHeaderLabels([self.tr("Control"), self.tr("In the lesson")])
        self.controls.verticalHeader().hide()
        self.controls.horizontalHeader().setStretchLastSection(True)
        self.combos: dict[str, QComboBox] = {}
        for i, name in enumerate(FIELDS):
            self.controls.setCellWidget(i, 0, _label(name))
            combo = QComboBox()
            for state, text in STATES.items():
                combo.addItem(self.tr(text), state)
            if lesson and name in lesson.hidden:
                combo.setCurrentIndex(combo.findData("hidden"))
            elif lesson and name in lesson.locked:
                combo.setCurrentIndex(combo.findData("locked"))
            self.controls.setCellWidget(i, 1, combo)
            self.combos[name] = combo
        self.controls.resizeColumnToContents(0)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Text"), self.text)
        form.addRow(self.tr("Controls"), self.controls)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def choice(self) -> tuple[str, str, list[str], list[str]]:
        """(title, text, hidden controls, locked controls)."""
        hidden = [n for n, c in self.combos.items() if c.currentData() == "hidden"]
        locked = [n for n, c in self.combos.items() if c.currentData() == "locked"]
        return self.title.text().strip() or self.tr("Untitled lesson"), self.text.toPlainText(), hidden, locked


def _label(name: str):
    label = QLabel(f"{setting_label(name)}  <span style='color:gray'>[{name}]</span>")
    label.setContentsMargins(4, 0, 4, 0)
    return label


def save_lesson(window) -> None:
    dlg = SaveLessonDialog(window)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return
    title, text, hidden, locked = dlg.choice()
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-") or "lesson"
    path, _ = QFileDialog.getSaveFileName(window, translate("SessionMenu", "Save lesson"), str(Path(_dir(window)) / f"{slug}.json"),
                                          translate("SessionMenu", "RNN Lab lessons (*.json)"))
    if not path:
        return
    path = path if path.endswith(".json") else path + ".json"
    try:
        written = window.lessons.save(path, title, text, hidden, locked)
    except (ValueError, OSError) as exc:
        window.banner.show_message("error", translate("SessionMenu", "Could not save the lesson: {error}").format(
            error=sentence_text(getattr(exc, "sentence", str(exc)))))
    else:
        window.settings.setValue("file_dir", str(Path(written).parent))
        window.statusBar().showMessage(translate("SessionMenu", "Saved lesson {path}").format(path=written), 8000)


def export_all_runs(window, path: str | None = None) -> Path | None:
    """Every run's curves (kept and current) in one CSV, long format: run, step, time, metric, value."""
    runs = [r for r in window.runs_panel.store.runs if len(r) or r.val_points]
    if not runs:
        window.banner.show_message("info", translate("SessionMenu", "No run has trained yet: nothing to export."))
        return None
    if path is None:
        path, _ = QFileDialog.getSaveFileName(window, translate("SessionMenu", "Export all runs"), str(Path(_dir(window)) / "runs.csv"),
                                              "CSV (*.csv)")
        if not path:
            return None
    path = path if path.endswith(".csv") else path + ".csv"
    try:
        write_long_csv(path, runs)
    except OSError as exc:
        window.banner.show_message("error", translate("SessionMenu", "Could not export the runs: {error}").format(error=exc))
        return None
    window.settings.setValue("file_dir", str(Path(path).parent))
    window.statusBar().showMessage(translate("SessionMenu", "Exported %n run(s) to {path}", "", len(runs)).format(path=path), 8000)
    return Path(path)
