"""File > Record…: what to record (the whole window or one view), the format, the size, and where.

``ask_recording(window)`` shows the dialog and returns ``(target widget, path, format, largest side)``
or None. The formats are those this installation can write (``gui/recording.py``: GIF, APNG, WebP,
and MP4 when PyAV is installed); the file name's suffix follows the format.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QStandardPaths
from PyQt6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from . import recording

SIDES = (640, 960, 1280, 1920)


class RecordDialog(QDialog):
    def __init__(self, targets: list[tuple[str, QWidget]], folder: str, name: str, parent: QWidget | None = None,
                 fmt: str = "gif", side: int = recording.MAX_SIDE) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record for slides"))
        self.targets = targets
        self.what = QComboBox()
        self.what.addItems([label for label, _ in targets])
        self.format = QComboBox()
        for key in recording.formats():
            self.format.addItem(recording.FORMATS[key], key)
        self.format.setCurrentIndex(max(0, self.format.findData(fmt)))
        self.side = QSpinBox()
        self.side.setRange(320, 3840)
        self.side.setSingleStep(160)
        self.side.setSuffix(self.tr(" px"))
        self.side.setValue(side)
        self.side.setToolTip(self.tr("Frames larger than this are scaled down to fit (smaller files)"))
        self.path = QLineEdit(str(Path(folder) / (name + recording.SUFFIXES[self.format.currentData()])))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.format.currentIndexChanged.connect(self._suffix)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Record"), self.what)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Largest side"), self.side)
        form.addRow(self.tr("File"), where)
        note = QLabel(self.tr("%1 frames a second, while you train. Press Record again to stop; a recording "
                              "also stops after %2 minutes.").replace("%1", str(recording.FPS))
                      .replace("%2", str(recording.MAX_SECONDS // 60)))
        note.setWordWrap(True)
        if "mp4" not in recording.formats():
            mp4 = QLabel(self.tr("MP4 needs PyAV: pip install av"))
            mp4.setStyleSheet("color: gray;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start recording"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        if "mp4" not in recording.formats():
            layout.addWidget(mp4)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _suffix(self) -> None:
        path = Path(self.path.text() or "recording")
        self.path.setText(str(path.with_suffix(recording.SUFFIXES[self.format.currentData()])))

    def _browse(self) -> None:
        fmt = self.format.currentData()
        pattern = self.tr("%1 animation (*%2)").replace("%1", recording.FORMATS[fmt]) \
            .replace("%2", recording.SUFFIXES[fmt])
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the recording as"), self.path.text(), pattern)
        if path:
            self.path.setText(path)

    def choice(self) -> tuple[QWidget, str, str, int]:
        return (self.targets[self.what.currentIndex()][1], self.path.text().strip(), self.format.currentData(),
                self.side.value())


def default_folder() -> str:
    for where in (QStandardPaths.StandardLocation.MoviesLocation, QStandardPaths.StandardLocation.PicturesLocation,
                  QStandardPaths.StandardLocation.HomeLocation):
        folder = QStandardPaths.writableLocation(where)
        if folder and Path(folder).is_dir():
            return folder
    return str(Path.home())


def ask_recording(window: Any, targets: list[tuple[str, QWidget]], task: str) -> tuple[QWidget, str, str, int] | None:
    """The dialog; None when cancelled."""
    settings = window.settings
    folder = str(settings.value("recording/folder", "") or default_folder())
    fmt = str(settings.value("recording/format", "gif"))
    side = int(settings.value("recording/side", recording.MAX_SIDE) or recording.MAX_SIDE)
    name = f"rnn-lab-{task}-{time.strftime('%Y%m%d-%H%M%S')}"
    dialog = RecordDialog(targets, folder, name, window, fmt if fmt in recording.formats() else "gif", side)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    choice = dialog.choice()
    settings.setValue("recording/folder", str(Path(choice[1]).parent))
    settings.setValue("recording/format", choice[2])
    settings.setValue("recording/side", choice[3])
    return choice
