"""What is being learned: the task, the model (cell or the book's presets) and the data.

The panel only asks: ``taskRequested(task)``, ``modelRequested(overrides)`` (e.g. ``{"model": "gru"}``
or a whole preset), ``dataRequested(path)`` ("" = built-in), ``builtinRequested(corpus)`` (the character
model's built-in English or Japanese texts) and ``openDataRequested(kind)`` ("file" or "folder": the main
window shows the file dialog). The main window decides, asking before a trained model is replaced.
Task titles, blurbs and model names come from the engine's registries, translated (``i18n.engine_text``).
"""

from __future__ import annotations

import html
import os
from typing import Any

from PyQt6.QtCore import QT_TRANSLATE_NOOP, Qt, pyqtSignal
from PyQt6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rnn_lab.engine.tasks.registry import TASKS, model_menu

from ..i18n import engine_text, info_text, number
from ..plain_text import plain_tooltip
from .base import Panel

# What the task registry (engine/tasks/registry.py) says of each task, in the panel's terms.
TASK_TITLES = {name: cls.title for name, cls in TASKS.items()}
TASK_BLURBS = {name: cls.blurb for name, cls in TASKS.items()}
MODELS: dict[str, list[tuple[str, dict[str, Any]]]] = {name: model_menu(name) for name in TASKS}
DATA_HINTS = {name: cls.data_hint for name, cls in TASKS.items()}
COMBO_TIPS = {"task": QT_TRANSLATE_NOOP("TaskPanel", "The problem the network learns"),
              "model": QT_TRANSLATE_NOOP("TaskPanel", "The recurrent cell, or one of the book's models (presets set "
                                                      "the hyperparameters the book uses)")}
SPLITS = {"train": QT_TRANSLATE_NOOP("TaskPanel", "train"), "val": QT_TRANSLATE_NOOP("TaskPanel", "val"),
          "test": QT_TRANSLATE_NOOP("TaskPanel", "test")}
# the character model's built-in corpora (config.corpus), as the Built-in button's menu names them
CORPORA = {"en": QT_TRANSLATE_NOOP("TaskPanel", "English texts"),
           "ja": QT_TRANSLATE_NOOP("TaskPanel", "Japanese texts (日本語)")}


class TaskPanel(Panel):
    title = QT_TRANSLATE_NOOP("Panel", "Task & model")

    taskRequested = pyqtSignal(str)
    modelRequested = pyqtSignal(object)
    dataRequested = pyqtSignal(str)
    builtinRequested = pyqtSignal(str)  # config.corpus: the character model's built-in texts
    openDataRequested = pyqtSignal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = "adder"
        self.config: dict[str, Any] = {}
        self.task_combo = QComboBox()
        for key, title in TASK_TITLES.items():
            self.task_combo.addItem(engine_text(title), key)
        self.hidden_fields: set[str] = set()
        self.locked_fields: set[str] = set()
        self.task_combo.setToolTip(self.tr(COMBO_TIPS["task"]))
        self.model_combo = QComboBox()
        self.model_combo.setToolTip(self.tr(COMBO_TIPS["model"]))
        self.blurb = QLabel()
        self.blurb.setWordWrap(True)
        self.blurb.setStyleSheet("color: palette(placeholder-text);")
        self.data_label = QLabel(self.tr("built-in"))
        self.data_label.setWordWrap(True)
        self.data_label.setTextFormat(Qt.TextFormat.RichText)
        self.data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open…"))
        self.builtin_button = QPushButton(self.tr("Built-in"))
        self.builtin_button.setToolTip(self.tr("Use the data that ships with RNN Lab"))
        self.builtin_menu = QMenu(self)  # the character model: English or Japanese texts
        for corpus, label in CORPORA.items():
            action = self.builtin_menu.addAction(self.tr(label), lambda c=corpus: self.builtinRequested.emit(c))
            action.setCheckable(True)
            action.setData(corpus)
        self.description = QLabel()
        self.description.setWordWrap(True)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Task"), self.task_combo)
        form.addRow(self.tr("Model"), self.model_combo)
        self.form = form
        self.data_buttons = QWidget()
        data_buttons = QHBoxLayout(self.data_buttons)
        data_buttons.setContentsMargins(0, 0, 0, 0)
        data_buttons.addWidget(self.open_button)
        data_buttons.addWidget(self.builtin_button)
        data_buttons.addStretch(1)
        form.addRow(self.tr("Data"), self.data_label)
        form.addRow("", self.data_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.description)
        layout.addWidget(self.blurb)
        layout.addStretch(1)

        self.task_combo.activated.connect(self._task_chosen)
        self.model_combo.activated.connect(self._model_chosen)
        self.open_button.clicked.connect(lambda: self.openDataRequested.emit("file"))
        self.open_menu = QMenu(self)  # Word LM: a text file or a PTB folder
        self.open_menu.addAction(self.tr("Text file…"), lambda: self.openDataRequested.emit("file"))
        self.open_menu.addAction(self.tr("PTB folder…"), lambda: self.openDataRequested.emit("folder"))
        self.builtin_button.clicked.connect(lambda: self.dataRequested.emit(""))
        self._fill_models("adder")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Docks ignore height-for-width: ask for the height the wrapped texts need at this width."""
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        need = self.layout().totalHeightForWidth(self.width())
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    def _fill_models(self, task: str) -> None:
        self.model_combo.clear()
        for label, overrides in MODELS[task]:
            self.model_combo.addItem(engine_text(label), overrides)

    def _task_chosen(self, index: int) -> None:
        task = self.task_combo.itemData(index)
        if task != self.task:
            self.taskRequested.emit(task)
            self._select_task(self.task)  # stay until the new task is actually built

    def _model_chosen(self, index: int) -> None:
        overrides = self.model_combo.itemData(index)
        if index != self.model_index(self.config):
            self.modelRequested.emit(dict(overrides))
            self.model_combo.setCurrentIndex(self.model_index(self.config))

    def model_index(self, config: dict[str, Any]) -> int:
        """Which entry of the model list ``config`` is (its model field decides)."""
        for i, (_, overrides) in enumerate(MODELS[self.task]):
            if overrides.get("model") == config.get("model"):
                return i
        return 0

    def _select_task(self, task: str) -> None:
        self.task_combo.setCurrentIndex(list(TASK_TITLES).index(task))

    # ------------------------------------------------------------------ Panel protocol
    def set_task(self, info: dict[str, Any]) -> None:
        self.task, self.config = info["task"], dict(info["config"])
        self._select_task(self.task)
        self._fill_models(self.task)
        self.model_combo.setCurrentIndex(self.model_index(self.config))
        self.blurb.setText(engine_text(TASK_BLURBS[self.task]))
        self.description.setText(f"<b>{html.escape(info_text(info, 'description'))}</b>")
        data = info.get("data_info") or {}
        sizes = data.get("sizes") or {}
        size_text = ", ".join(f"{self.tr(SPLITS.get(k, k))} {number(v)}" for k, v in sizes.items())
        vocab = data.get("vocab")
        source = info_text(info, "source") or self.tr("built-in")
        short = source if os.sep not in source else f"…{os.sep}{os.path.basename(source.rstrip(os.sep))}"
        self.data_label.setText(html.escape(short))  # one short line; the details are in the tooltip
        self.data_label.setToolTip(plain_tooltip("\n".join(t for t in (
            source, size_text and self.tr("tokens: {sizes}").format(sizes=size_text),
            vocab and self.tr("vocabulary: {n}").format(n=number(len(vocab)))) if t)))
        hint = DATA_HINTS[self.task]
        self.data_buttons.setVisible(hint is not None)  # the adder makes its own data
        self.open_button.setMenu(self.open_menu if TASKS[self.task].data_folders else None)
        corpora = "corpus" in TASKS[self.task].settings  # the character model: English or Japanese texts
        self.builtin_button.setMenu(self.builtin_menu if corpora else None)
        for action in self.builtin_menu.actions():
            action.setChecked(not self.config.get("data") and action.data() == self.config.get("corpus", "en"))
        self.builtin_button.setEnabled(bool(self.config.get("data")) or corpora)
        self.open_button.setToolTip(engine_text(hint) if hint else "")
        self._apply_restrictions()

    def set_restrictions(self, hidden=(), locked=()) -> None:
        """A lesson's hidden or locked Config fields among "task", "model" and "data" (locked: shown
        disabled, with the tooltip "locked by the lesson"); ``set_restrictions()`` undoes it."""
        self.hidden_fields, self.locked_fields = set(hidden), set(locked)
        self._apply_restrictions()

    def _apply_restrictions(self) -> None:
        hidden, locked = self.hidden_fields, self.locked_fields
        for name, combo in (("task", self.task_combo), ("model", self.model_combo)):
            self.form.setRowVisible(combo, name not in hidden)
            combo.setEnabled(name not in locked)
            combo.setToolTip(self.tr("locked by the lesson") if name in locked else self.tr(COMBO_TIPS[name]))
        self.form.setRowVisible(self.data_label, "data" not in hidden)
        self.data_buttons.setVisible(DATA_HINTS[self.task] is not None and "data" not in hidden)
        self.data_buttons.setEnabled("data" not in locked)
        if "data" in locked:
            self.data_buttons.setToolTip(self.tr("locked by the lesson"))
        self._fit_height()

    def on_message(self, msg: dict[str, Any]) -> None:
        if msg.get("kind") == "hparam" and msg.get("name") in self.config:
            self.config[msg["name"]] = msg["new"]
