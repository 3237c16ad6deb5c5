"""The session's runs: every build or load starts a run (name, colour, configuration, curves).

The run being trained is always listed first ("current"). When the model is replaced (Reset, a
rebuild, another task, a lesson, a checkpoint) the run it leaves behind is **kept automatically if it
trained at least one step**; a run that never trained is dropped. Kept runs can be renamed (double
click the name), hidden (check box), pinned as the baseline (the crosshair readout of the curves then
shows every visible run's difference to it) and removed. Visible runs are overlaid on the loss and
metric plots in their colours.

The panel owns the ``RunStore``; the curves panel reads it (``runsChanged`` says when to redraw).
"""

from __future__ import annotations

from typing import Any

from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, pyqtSignal
from PyQt6.QtGui import QColor, QIcon, QPixmap
from PyQt6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rnn_lab.engine.runs import RUN_COLORS, Run, RunStore
from rnn_lab.engine.tasks.registry import TASKS

from ..i18n import engine_text
from ..theme import TRAIN_COLOR
from .base import Panel

# Run colours: twelve that stay apart, the first TRAIN_COLOR; none is VAL_COLOR (validation points),
# GRAD_COLOR, LR_COLOR or a marker's colour (engine.runs.RUN_COLORS).
RUN_PALETTE = RUN_COLORS
assert RUN_PALETTE[0] == TRAIN_COLOR
NAME, SHOW, BASE = 0, 1, 2


def swatch(color: str, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(color))
    return QIcon(pix)


class RunsPanel(Panel):
    title = QT_TRANSLATE_NOOP("Panel", "Runs")
    runsChanged = pyqtSignal()  # the list, a run's visibility, colour, name or the baseline changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = RunStore(RUN_PALETTE)
        self.store.words = engine_text  # new runs' names in the window's language
        self.current: Run | None = None
        self._filling = False
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Run"), self.tr("Show"), self.tr("Baseline")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for c in (SHOW, BASE):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(self.tr("A run that trained is kept when you reset, rebuild or switch. Double-click a "
                                      "name to rename the run; tick Show to overlay it on the curves; tick Baseline "
                                      "to compare every run with it at the crosshair. Runs of other tasks are "
                                      "greyed: they are not drawn on these plots."))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Forget the selected kept run (the current run cannot be removed)"))
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.remove_button.clicked.connect(lambda: self.remove(self.selected()))
        self._update_buttons()

    # ------------------------------------------------------------------ Panel protocol
    def set_task(self, info: dict[str, Any]) -> None:
        """A new model: keep the old run if it trained, start a new current run."""
        old = self.current
        if old is not None and len(old) == 0:
            self.store.remove(old)
        self.current = self.store.new_run(info.get("config", {}), metric_name=info.get("metric_name", "metric"))
        self.refresh()

    def on_progress(self, report: dict[str, Any]) -> None:
        if self.current is not None:
            self.current.record(report)

    def on_message(self, msg: dict[str, Any]) -> None:
        if self.current is None:
            return
        if msg.get("kind") == "loaded":  # the checkpoint's history becomes the current run's
            run = self.current
            run.extend({k: v for k, v in msg.get("curves", {}).items() if k in ("step", "time", "loss", "metric",
                                                                              "grad_norm", "lr")})
            run.val_points.extend(dict(p) for p in msg.get("val_points", ()))
            run.changes.extend(dict(c) for c in msg.get("changes", ()))
            self.runsChanged.emit()
        elif msg.get("kind") == "hparam":
            self.current.record(msg)

    # ------------------------------------------------------------------ actions
    def kept(self) -> list[Run]:
        return [r for r in self.store.runs if r is not self.current]

    def selected(self) -> Run | None:
        rows = self.table.selectionModel().selectedRows()
        return self._run_at(rows[0].row()) if rows else None

    def remove(self, run: Run | None) -> None:
        if run is None or run is self.current:
            return
        self.store.remove(run)
        self.refresh()

    def set_visible(self, run: Run, on: bool) -> None:
        self.store.hide(run, not on)
        self.refresh()

    def set_baseline(self, run: Run | None) -> None:
        self.store.set_baseline(run)
        self.refresh()

    def rename(self, run: Run, name: str) -> None:
        try:
            self.store.rename(run, name)
        except ValueError:
            pass  # an empty or duplicate name: the table shows the old name again
        self.refresh()

    # ------------------------------------------------------------------ the table
    def _ordered(self) -> list[Run]:
        """The current run, the kept runs of its task, then those of other tasks (greyed)."""
        task = self.current.task if self.current is not None else None
        kept = self.kept()
        return ([self.current] if self.current is not None else []) + [r for r in kept if r.task == task] \
            + [r for r in kept if r.task != task]

    def _run_at(self, row: int) -> Run | None:
        runs = self._ordered()
        return runs[row] if 0 <= row < len(runs) else None

    def refresh(self) -> None:
        self._filling = True
        runs = self._ordered()
        self.table.setRowCount(len(runs))
        task = self.current.task if self.current is not None else None
        for i, run in enumerate(runs):
            name = QTableWidgetItem(swatch(run.color), run.name)
            other = task is not None and run.task != task
            name.setToolTip(self._describe(run, run is self.current)
                            + ("\n" + self.tr("A {run_task} run: not drawn on the {task} plots.").format(
                                run_task=task_title(run.task), task=task_title(task)) if other else ""))
            if run is self.current:
                font = name.font()
                font.setBold(True)
                name.setFont(font)
            if other:  # listed, not drawn: another task's curves never share these plots
                name.setForeground(self.palette().placeholderText())
            self.table.setItem(i, NAME, name)
            for col, on, slot in ((SHOW, not run.hidden, self._show_toggled),
                                  (BASE, run.baseline, self._baseline_toggled)):
                # Check boxes as widgets (an item view's own indicator vanishes on the dark theme),
                # made once per row and reused: the row's run may change, the box stays.
                cell = self.table.cellWidget(i, col)
                if cell is None:
                    cell = QWidget()
                    box = QCheckBox(cell)
                    box.setToolTip(self.tr("Overlay this run on the curves") if col == SHOW else
                                   self.tr("Compare every run with this one at the crosshair"))
                    box.toggled.connect(lambda checked, b=box, f=slot: f(b.run, checked))
                    row = QHBoxLayout(cell)
                    row.setContentsMargins(0, 0, 0, 0)
                    row.setAlignment(Qt.AlignmentFlag.AlignCenter)
                    row.addWidget(box)
                    self.table.setCellWidget(i, col, cell)
                box = cell.findChild(QCheckBox)
                box.run = run
                box.setEnabled(not other)
                box.blockSignals(True)
                box.setChecked(on)
                box.blockSignals(False)
        self._filling = False
        others = sum(1 for r in runs if task is not None and r.task != task)
        self.note.setText(self.tr("Greyed: runs of another task, not drawn here.") if others else
                          self.tr("Trained runs are kept when you reset or switch."))
        self._update_buttons()
        self.runsChanged.emit()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        run = self._run_at(item.row())
        if not self._filling and run is not None and item.column() == NAME and item.text() != run.name:
            self.rename(run, item.text())

    # A check box's slot must not rebuild the table that owns the box: the store changes (and the curves
    # redraw) now, the table follows once control is back in the event loop.
    def _show_toggled(self, run: Run, on: bool) -> None:
        self.store.hide(run, not on)
        self.runsChanged.emit()
        QTimer.singleShot(0, self.refresh)

    def _baseline_toggled(self, run: Run, on: bool) -> None:
        if on or run.baseline:
            self.store.set_baseline(run if on else None)
        self.runsChanged.emit()
        QTimer.singleShot(0, self.refresh)

    def check_box(self, run: Run, column: int) -> QCheckBox:
        """The Show (``SHOW``) or Baseline (``BASE``) check box of ``run``'s row."""
        return self.table.cellWidget(self._ordered().index(run), column).findChild(QCheckBox)

    def _update_buttons(self) -> None:
        run = self.selected()
        self.remove_button.setEnabled(run is not None and run is not self.current)


    def _describe(self, run: Run, current: bool) -> str:
        cfg = run.config
        steps = int(run.curves["step"][-1]) if len(run) else 0
        keys = ("task", "model", "hidden", "optimizer", "lr", "clip", "dropout", "batch", "seed")
        settings = ", ".join(f"{k} {cfg[k]}" for k in keys if k in cfg)  # (the settings' own names, as in [lr])
        head = self.tr("current run: %Ln step(s)", "", steps) if current else self.tr("kept run: %Ln step(s)", "", steps)
        return f"{head}\n{settings}"


def task_title(task: str | None) -> str:
    """A task's title in the window's language (its name if it is not a known task)."""
    return engine_text(TASKS[task].title) if task in TASKS else str(task)
