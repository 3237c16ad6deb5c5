"""Small dialogs: Help > About, Help > Keyboard shortcuts, and File > Export's choice of target."""

from __future__ import annotations

from typing import Any

import numpy
import pyqtgraph
from PyQt6.QtCore import PYQT_VERSION_STR, QT_TRANSLATE_NOOP, QT_VERSION_STR, QCoreApplication, Qt
from PyQt6.QtGui import QKeySequence
from PyQt6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rnn_lab import __version__

from .export import DEFAULT_PNG_WIDTH, formats_for

SHORTCUTS = (
    ("Space", QT_TRANSLATE_NOOP("ShortcutsDialog", "Play / pause training")),
    ("S", QT_TRANSLATE_NOOP("ShortcutsDialog", "Train one batch, then pause")),
    ("R", QT_TRANSLATE_NOOP("ShortcutsDialog", "Reset: a fresh model (asks if it has trained)")),
    ("Ctrl+S", QT_TRANSLATE_NOOP("ShortcutsDialog", "Save a checkpoint")),
    ("Ctrl+O", QT_TRANSLATE_NOOP("ShortcutsDialog", "Load a checkpoint")),
    ("Ctrl+E", QT_TRANSLATE_NOOP("ShortcutsDialog", "Export a plot, a panel or the whole window")),
    ("Ctrl+Shift+R", QT_TRANSLATE_NOOP("ShortcutsDialog", "Record the window or a view for slides; again to stop")),
    ("F1", QT_TRANSLATE_NOOP("ShortcutsDialog", "This list")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("ShortcutsDialog", "Quit")),
)
WHOLE_WINDOW = QT_TRANSLATE_NOOP("ExportDialog", "Whole window")


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("About", "About RNN Lab"), (
        f"<h3>RNN Lab {__version__}</h3>"
        "<p>" + QCoreApplication.translate(
            "About", "Watch recurrent neural networks learn, live: the binary adder, character and word language "
                     "models and sequence-to-sequence models of <i>Deep Learning from Scratch 2</i>, trained by a "
                     "pure-NumPy engine you can read line by line.") + "</p>"
        f"<p><small>NumPy {numpy.__version__} · PyQt {PYQT_VERSION_STR} (Qt {QT_VERSION_STR}) · "
        f"pyqtgraph {pyqtgraph.__version__}</small></p>"
        "<p><small>" + QCoreApplication.translate("About", "MIT licence.") + "</small></p>"))


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        table = QTableWidget(len(SHORTCUTS), 2)
        table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Action")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        for r, (key, what) in enumerate(SHORTCUTS):
            table.setItem(r, 0, QTableWidgetItem(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)))
            table.setItem(r, 1, QTableWidgetItem(self.tr(what)))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(self.tr("Single-key shortcuts are typed as text while a text field has the focus."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(460, 340)


class ExportDialog(QDialog):
    """Pick what to export (a plot, a panel, the whole window), the format and the PNG width."""

    def __init__(self, targets: list[tuple[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.targets = [(label, item) for label, item in targets if formats_for(item)]
        self.targets.append((self.tr(WHOLE_WINDOW), None))
        self.target_combo = QComboBox()
        for label, _ in self.targets:
            self.target_combo.addItem(label)
        self.format_combo = QComboBox()
        self.width_spin = QSpinBox()
        self.width_spin.setRange(200, 8000)
        self.width_spin.setSingleStep(100)
        self.width_spin.setValue(DEFAULT_PNG_WIDTH)
        self.width_spin.setSuffix(" px")
        form = QFormLayout()
        form.addRow(self.tr("What"), self.target_combo)
        form.addRow(self.tr("Format"), self.format_combo)
        form.addRow(self.tr("PNG width"), self.width_spin)
        hint = QLabel(self.tr("SVG keeps curves sharp at any size; heatmaps export best as PNG. CSV holds the data."))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignLeft)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.target_combo.currentIndexChanged.connect(self._target_changed)
        self.format_combo.currentTextChanged.connect(lambda f: self.width_spin.setEnabled(f == "PNG"))
        self._target_changed(0)

    def _target_changed(self, index: int) -> None:
        _, item = self.targets[index]
        self.format_combo.clear()
        self.format_combo.addItems(["PNG"] if item is None else formats_for(item))

    def choice(self) -> tuple[str, Any, str, int]:
        """(label, item or None for the whole window, format, PNG width)."""
        label, item = self.targets[self.target_combo.currentIndex()]
        return label, item, self.format_combo.currentText(), self.width_spin.value()
