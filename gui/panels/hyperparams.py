"""The hyperparameters of the run, generated from ``engine/config.py``'s field metadata.

Numbers get a slider and an exact spin box (logarithmic where the field says ``log``), choices a
combo box, flags a check box; the field's help, range and whether it applies at once become the
tooltip. Only the fields that apply to the current task (and model) are shown.

Live fields (learning rate, clipping, dropout, temperature, ...) go to the running trainer at once
(``liveChanged``). Rebuild fields (hidden size, batch, optimizer, ...) only become *pending*: the
panel shows "Apply & reset" and the main window asks before a trained model is discarded
(``rebuildRequested(config)``). Before the first step nothing is lost, so they apply by themselves.
"""

from __future__ import annotations

from typing import Any

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, pyqtSignal
from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rnn_lab.engine.config import FIELDS, Config, field_info
from rnn_lab.engine.tasks.registry import applies, default_config

from ..i18n import engine_text
from ..widgets.labelled_slider import LabelledSlider
from .base import Panel

# (texts marked in the context "Hyperparameters": ``label(name)`` and the panel show them translated)
ADVANCED = "advanced"
GROUPS = (
    (QT_TRANSLATE_NOOP("Hyperparameters", "Training — applies at once"),
     ("lr", "clip", "dropout", "eval_interval", "pause_when_solved")),
    (QT_TRANSLATE_NOOP("Hyperparameters", "Sampling — applies at once"), ("temperature", "top_k")),
    (QT_TRANSLATE_NOOP("Hyperparameters", "Model — needs a reset"),
     ("hidden", "embed", "layers", "activation", "init", "tie_weights", "impl")),
    (QT_TRANSLATE_NOOP("Hyperparameters", "Optimisation && data — needs a reset"),
     ("optimizer", "schedule", "batch", "bptt", "batching", "seed")),
    (ADVANCED, ("eval_batches", "max_steps", "epochs", "init_std", "embed_std", "dtype", "val_fraction",
                "min_count")),
)
LABELS = {"lr": QT_TRANSLATE_NOOP("Hyperparameters", "Learning rate"),
          "clip": QT_TRANSLATE_NOOP("Hyperparameters", "Gradient clip"),
          "dropout": QT_TRANSLATE_NOOP("Hyperparameters", "Dropout"),
          "eval_interval": QT_TRANSLATE_NOOP("Hyperparameters", "Evaluate every"),
          "temperature": QT_TRANSLATE_NOOP("Hyperparameters", "Temperature"),
          "top_k": QT_TRANSLATE_NOOP("Hyperparameters", "Top-k"),
          "hidden": QT_TRANSLATE_NOOP("Hyperparameters", "Hidden units"),
          "embed": QT_TRANSLATE_NOOP("Hyperparameters", "Embedding size"),
          "layers": QT_TRANSLATE_NOOP("Hyperparameters", "Layers"),
          "activation": QT_TRANSLATE_NOOP("Hyperparameters", "Activation"),
          "init": QT_TRANSLATE_NOOP("Hyperparameters", "Initialisation"),
          "tie_weights": QT_TRANSLATE_NOOP("Hyperparameters", "Tie weights"),
          "optimizer": QT_TRANSLATE_NOOP("Hyperparameters", "Optimizer"),
          "schedule": QT_TRANSLATE_NOOP("Hyperparameters", "LR schedule"),
          "batch": QT_TRANSLATE_NOOP("Hyperparameters", "Batch size"),
          "bptt": QT_TRANSLATE_NOOP("Hyperparameters", "BPTT length"),
          "seed": QT_TRANSLATE_NOOP("Hyperparameters", "Seed"),
          "eval_batches": QT_TRANSLATE_NOOP("Hyperparameters", "Eval batches"),
          "max_steps": QT_TRANSLATE_NOOP("Hyperparameters", "Stop at step"),
          "epochs": QT_TRANSLATE_NOOP("Hyperparameters", "Stop at epoch"),
          "init_std": QT_TRANSLATE_NOOP("Hyperparameters", "Init std"),
          "dtype": QT_TRANSLATE_NOOP("Hyperparameters", "Precision"),
          "val_fraction": QT_TRANSLATE_NOOP("Hyperparameters", "Validation share"),
          "min_count": QT_TRANSLATE_NOOP("Hyperparameters", "Min word count"),
          "impl": QT_TRANSLATE_NOOP("Hyperparameters", "Layer code"),
          "pause_when_solved": QT_TRANSLATE_NOOP("Hyperparameters", "Pause when solved"),
          "task": QT_TRANSLATE_NOOP("Hyperparameters", "Task"), "model": QT_TRANSLATE_NOOP("Hyperparameters", "Model"),
          "data": QT_TRANSLATE_NOOP("Hyperparameters", "Data"),
          "corpus": QT_TRANSLATE_NOOP("Hyperparameters", "Built-in text"),
          "encoding": QT_TRANSLATE_NOOP("Hyperparameters", "Encoding"),
          "decay_steps": QT_TRANSLATE_NOOP("Hyperparameters", "Decay steps"),
          "batching": QT_TRANSLATE_NOOP("Hyperparameters", "Batches"),
          "embed_std": QT_TRANSLATE_NOOP("Hyperparameters", "Embedding std")}
# How a choice reads in a combo box (the value itself where there is nothing to translate).
CHOICES = {"schedule": {"none": QT_TRANSLATE_NOOP("Hyperparameters", "none"),
                        "book": QT_TRANSLATE_NOOP("Hyperparameters", "book"),
                        "step": QT_TRANSLATE_NOOP("Hyperparameters", "step"),
                        "exponential": QT_TRANSLATE_NOOP("Hyperparameters", "exponential"),
                        "cosine": QT_TRANSLATE_NOOP("Hyperparameters", "cosine")},
           "init": {"normal": QT_TRANSLATE_NOOP("Hyperparameters", "normal")},
           "impl": {"readable": QT_TRANSLATE_NOOP("Hyperparameters", "readable"),
                    "fast": QT_TRANSLATE_NOOP("Hyperparameters", "fast")},
           "batching": {"sequential": QT_TRANSLATE_NOOP("Hyperparameters", "sequential"),
                        "random": QT_TRANSLATE_NOOP("Hyperparameters", "random windows")},
           "corpus": {"en": QT_TRANSLATE_NOOP("Hyperparameters", "English"),
                      "ja": QT_TRANSLATE_NOOP("Hyperparameters", "Japanese")}}


def label(name: str) -> str:
    """A setting's label in the window's language ("Learning rate"); the field's name if it has none."""
    return QCoreApplication.translate("Hyperparameters", LABELS[name]) if name in LABELS else name


def choice_label(name: str, value: str) -> str:
    """How choice ``value`` of setting ``name`` reads in the window's language."""
    text = CHOICES.get(name, {}).get(value)
    return QCoreApplication.translate("Hyperparameters", text) if text else value
# A comfortable slider span where the field's full range is too wide to drag (the spin box still
# accepts the whole range). None: a spin box only.
SLIDER_SPANS: dict[str, tuple[float, float] | None] = {
    "clip": (0.0, 20.0), "eval_interval": (0, 2000), "eval_batches": (0, 200), "top_k": (0, 100),
    "epochs": (0.0, 50.0), "min_count": (1, 20), "seed": None, "max_steps": None}
AUTO_APPLY_MS = 400  # before the first step, rebuild fields apply this long after the last change


class HyperparamsPanel(Panel):
    title = QT_TRANSLATE_NOOP("Panel", "Hyperparameters")

    liveChanged = pyqtSignal(str, object)  # (field, value): apply to the running trainer
    rebuildRequested = pyqtSignal(object)  # Config: build a fresh model with these settings

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base: dict[str, Any] = Config().to_dict()  # the settings of the model that exists
        self.values: dict[str, Any] = dict(self.base)  # what the panel shows
        self.step = 0
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.rows: dict[str, tuple[QGroupBox, int]] = {}
        self.groups: list[QGroupBox] = []
        self.tips: dict[str, str] = {}
        self.hidden_fields: set[str] = set()  # a lesson's hidden controls: not shown at all
        self.locked_fields: set[str] = set()  # a lesson's locked controls: shown, not editable

        scroll = self._make_groups()
        self._make_pending_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pending_bar)
        layout.addWidget(scroll, 1)
        layout.addLayout(self._make_footer())
        self.apply_button.clicked.connect(self.apply_pending)
        self.revert_button.clicked.connect(self.revert)
        self._auto = QTimer(self)
        self._auto.setSingleShot(True)
        self._auto.setInterval(AUTO_APPLY_MS)
        self._auto.timeout.connect(self._auto_apply)
        self._update_visibility()

    def _make_groups(self) -> QScrollArea:
        """One box of rows per group of ``GROUPS`` (the advanced one behind a toggle), in a scroll area."""
        inner = QWidget()
        col = QVBoxLayout(inner)
        col.setContentsMargins(4, 4, 4, 4)
        col.setSpacing(6)
        for title, names in GROUPS:
            box = QGroupBox("" if title == ADVANCED else QCoreApplication.translate("Hyperparameters", title))
            grid = QGridLayout(box)
            grid.setContentsMargins(6, 4, 6, 4)
            grid.setHorizontalSpacing(8)
            grid.setVerticalSpacing(3)
            grid.setColumnStretch(1, 1)
            for r, name in enumerate(names):
                self._add_row(grid, r, name)
                self.rows[name] = (box, r)
            if title == ADVANCED:  # collapsed behind a toggle: rarely needed
                self.advanced_button = QToolButton()
                self.advanced_button.setText(self.tr("Advanced settings"))
                self.advanced_button.setCheckable(True)
                self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
                self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
                self.advanced_button.setAutoRaise(True)
                self.advanced_button.toggled.connect(self._show_advanced)
                col.addWidget(self.advanced_button)
            col.addWidget(box)
            self.groups.append(box)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return scroll

    def _make_footer(self) -> QHBoxLayout:
        """"Reset to defaults", under the settings."""
        self.defaults_button = QPushButton(self.tr("Reset to defaults"))
        self.defaults_button.setToolTip(self.tr("Show the task's default settings (live ones apply at once; the "
                                                "others with Apply && reset)"))
        self.defaults_button.clicked.connect(self.reset_to_defaults)
        foot = QHBoxLayout()
        foot.setContentsMargins(4, 0, 4, 2)
        foot.addStretch(1)
        foot.addWidget(self.defaults_button)
        return foot

    def _make_pending_bar(self) -> None:
        """The bar that lists changed rebuild settings, with "Apply & reset" and "Revert"."""
        self.pending_bar = QFrame()
        self.pending_bar.setObjectName("pendingBar")
        self.pending_bar.setStyleSheet("#pendingBar { background: rgba(230,159,0,60); border-radius: 4px; }")
        self.pending_label = QLabel()
        self.pending_label.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Apply && reset"))
        self.apply_button.setToolTip(self.tr("Build a fresh model with these settings (asks first if it has "
                                             "trained)"))
        self.revert_button = QPushButton(self.tr("Revert"))
        bar = QVBoxLayout(self.pending_bar)
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.pending_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        bar.addLayout(buttons)
        self.pending_bar.hide()

    # ------------------------------------------------------------------ building the rows
    def _add_row(self, grid: QGridLayout, row: int, name: str) -> None:
        info = field_info(name)
        text = QLabel(label(name))
        text.setWordWrap(True)  # a long label takes two lines rather than pushing its editor out of view
        when = self.tr("applies at once") if info["live"] else self.tr("needs a new model (Apply & reset)")
        help_ = engine_text(info["help"])
        if info["min"] is not None:
            tip = self.tr("{help} — {when}; range {low} – {high}. [{name}]").format(
                help=help_, when=when, low=f"{info['min']:g}", high=f"{info['max']:g}", name=name)
        else:
            tip = self.tr("{help} — {when}. [{name}]").format(help=help_, when=when, name=name)
        text.setToolTip(tip)
        if info["choices"]:
            editor = QComboBox()
            for value in info["choices"]:
                editor.addItem(choice_label(name, value), value)
            editor.currentIndexChanged.connect(lambda i, n=name, e=editor: self._edited(n, e.itemData(i)))
        elif info["type"] == "bool":
            editor = QCheckBox()
            editor.toggled.connect(lambda v, n=name: self._edited(n, bool(v)))
        elif name in SLIDER_SPANS and SLIDER_SPANS[name] is None:
            editor = QSpinBox()
            editor.setRange(int(info["min"]), int(min(info["max"], 2**31 - 1)))
            editor.setKeyboardTracking(False)
            editor.valueChanged.connect(lambda v, n=name: self._edited(n, int(v)))
        else:
            editor = LabelledSlider(None, info["min"], info["max"], info["default"], log=info["log"],
                                    integer=info["type"] == "int", slider_range=SLIDER_SPANS.get(name))
            editor.valueCommitted.connect(lambda v, n=name: self._edited(n, v))
        editor.setToolTip(tip)
        self.tips[name] = tip
        grid.addWidget(text, row, 0)
        grid.addWidget(editor, row, 1)
        self.editors[name] = editor
        self.labels[name] = text

    def _show_advanced(self, on: bool) -> None:
        self.advanced_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self._update_visibility()

    # ------------------------------------------------------------------ showing a config
    def set_task(self, info: dict[str, Any]) -> None:
        self.set_config(info["config"])
        self.step = 0

    def set_config(self, config: dict[str, Any] | Config) -> None:
        """Show the settings of the model that now exists; forget pending changes."""
        cfg = config.to_dict() if isinstance(config, Config) else dict(config)
        self.base, self.values = dict(cfg), dict(cfg)
        self._auto.stop()
        for name in self.editors:
            self._show_value(name, cfg[name])
        self._update_visibility()
        self._update_pending()

    def _show_value(self, name: str, value: Any) -> None:
        ed = self.editors[name]
        ed.blockSignals(True)
        if isinstance(ed, QComboBox):
            ed.setCurrentIndex(max(0, ed.findData(str(value))))
        elif isinstance(ed, QCheckBox):
            ed.setChecked(bool(value))
        else:
            ed.setValue(value)
        ed.blockSignals(False)

    def _applies(self, name: str) -> bool:
        if name == "init_std":
            return self.values["init"] == "normal"
        return applies(self.values, name)

    def _update_visibility(self) -> None:
        adv_box = self.groups[-1]
        advanced = self.advanced_button.isChecked()
        for box in self.groups:
            shown = 0
            for name, (b, _) in self.rows.items():
                if b is not box:
                    continue
                applies = self._applies(name) and name not in self.hidden_fields
                on = applies and (box is not adv_box or advanced)
                self.labels[name].setVisible(on)
                self.editors[name].setVisible(on)
                shown += applies
            box.setVisible(shown > 0 and (box is not adv_box or advanced))

    def set_restrictions(self, hidden=(), locked=()) -> None:
        """Hide the controls of the Config fields ``hidden`` and lock (show disabled) those of ``locked``
        (a lesson's choice); ``set_restrictions()`` shows and unlocks everything again."""
        self.hidden_fields, self.locked_fields = set(hidden), set(locked)
        for name, editor in self.editors.items():
            locked_now = name in self.locked_fields
            editor.setEnabled(not locked_now)
            tip = self.tr("locked by the lesson") if locked_now else self.tips[name]
            editor.setToolTip(tip)
            self.labels[name].setToolTip(tip)
        self._update_visibility()

    # ------------------------------------------------------------------ edits
    def _edited(self, name: str, value: Any) -> None:
        if self.values.get(name) == value:
            return
        self.values[name] = value
        if FIELDS[name].metadata["live"]:
            self.base[name] = value
            self.liveChanged.emit(name, value)
        else:
            self._update_visibility()
            self._update_pending()
            if self.step == 0 and self.pending():
                self._auto.start()  # nothing trained yet: nothing to lose

    def pending(self) -> list[str]:
        """Rebuild fields whose shown value differs from the existing model's."""
        return [n for n in self.editors if not FIELDS[n].metadata["live"] and self.values[n] != self.base[n]]

    def _update_pending(self) -> None:
        names = self.pending()
        for name, text in self.labels.items():
            text.setStyleSheet("font-weight: 600; color: #b36b00;" if name in names else "")
        self.pending_bar.setVisible(bool(names))
        if names:
            listed = self.tr(", ").join(label(n).lower() for n in names)
            self.pending_label.setText(self.tr("Changed: {settings}. A new model is needed for these to take "
                                               "effect.").format(settings=listed))

    def current_config(self) -> Config:
        """The shown settings as a validated Config."""
        return Config.from_dict(self.values)

    def apply_pending(self) -> None:
        if self.pending():
            self.rebuildRequested.emit(self.current_config())

    def _auto_apply(self) -> None:
        if self.step == 0:
            self.apply_pending()

    def reset_to_defaults(self) -> None:
        """Every control back to the task's defaults (a lesson's locked controls stay); the task, the data and
        the seed stay what they are."""
        defaults = default_config(self.values["task"], corpus=self.values.get("corpus"),
                                  data=self.values.get("data") or None).to_dict()
        keep = {"task", "data", "corpus", "seed", "model"} | self.locked_fields | self.hidden_fields
        for name in self.editors:
            if name not in keep and self.values.get(name) != defaults[name]:
                self._show_value(name, defaults[name])
                self._edited(name, defaults[name])

    def revert(self) -> None:
        for name in self.pending():
            self.values[name] = self.base[name]
            self._show_value(name, self.base[name])
        self._update_visibility()
        self._update_pending()

    # ------------------------------------------------------------------ reports
    def on_progress(self, report: dict[str, Any]) -> None:
        self.step = int(report.get("step", self.step))

    def on_message(self, msg: dict[str, Any]) -> None:
        """A live value changed by a command (e.g. a panel's temperature): show it. Changes the lr
        schedule makes are the optimizer's business, not the setting's: the curves show those."""
        if msg.get("kind") == "hparam" and msg.get("name") in self.editors and msg.get("source") == "user":
            name, value = msg["name"], msg["new"]
            self.base[name] = self.values[name] = value
            self._show_value(name, value)
