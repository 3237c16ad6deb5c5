"""RNN Lab's window: menus, toolbar, docks and status bar around the panels, wired to the controller.

Left docks "Task & model", "Hyperparameters", "Runs"; curves in the centre under a message banner; views on
the right (each only for the tasks its ``Panel.tasks`` names), a lesson's text above them. No training, no
arithmetic here: user actions become controller commands, the controller's messages go to the panels.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from PyQt6.QtCore import QSettings, Qt
from PyQt6.QtGui import QIcon
from PyQt6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QStyle, QTabWidget, QVBoxLayout, QWidget

from rnn_lab.engine.config import Config
from rnn_lab.engine.resources import asset_path
from rnn_lab.engine.tasks.registry import TASKS, corpus_defaults

from . import (
    dock_title,
    file_dialogs,
    i18n,
    paths,
    theme,
    window_actions,
    window_settings,
)
from .controller import Controller
from .focus import FocusReturn
from .fonts import FontCheck
from .guide import show_guide
from .lesson_loader import LessonMode
from .pace import Pace
from .panels import PANELS
from .panels.curves import CurvesPanel
from .panels.hyperparams import HyperparamsPanel
from .panels.runs import RunsPanel
from .panels.task_panel import TaskPanel
from .record_dialog import ask_recording
from .recorder import Recorder, describe
from .widgets.banner import Banner
from .widgets.run_status import RunStatus

log = logging.getLogger("rnnlab.gui")
SP = QStyle.StandardPixmap
VIEW_MIN_HEIGHT = 420  # a view on the right never gets less (a lesson's text above it scrolls instead)


class MainWindow(QMainWindow):
    def __init__(self, controller: Controller, settings: QSettings | None = None, theme_name: str = "light",
                 panel_classes: list[type] | None = None) -> None:
        super().__init__()
        self.controller = controller
        self.settings = settings if settings is not None else paths.user_settings()
        self.theme = theme_name
        self.info: dict[str, Any] | None = None
        self.step, self.state = 0, "paused"
        self.trace_index, self.example_index = 0, 0
        self.task_configs: dict[str, dict] = {}
        self.auto_hidden: set[str] = set(self.settings.value("auto_hidden", [], type=list) or [])
        self._fallback_tried = self._sized = self._keep_banner = False
        self.start_error: str | None = None  # the first build that failed before any model existed
        self._raised_for: str | None = None
        self.setWindowTitle("RNN Lab")
        self.setWindowIcon(QIcon(str(asset_path("icon.svg"))))
        self.resize(1280, 800)
        self.setTabPosition(Qt.DockWidgetArea.RightDockWidgetArea, QTabWidget.TabPosition.North)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
                            | QMainWindow.DockOption.AllowNestedDocks)
        self.fonts = FontCheck(self, i18n.current_language())
        self.lessons = LessonMode(self)  # first: its dock goes above the views on the right
        classes = list(panel_classes or PANELS)
        self._make_panels(classes + [RunsPanel] * (RunsPanel not in classes))
        window_actions.install(self)  # actions, menus, toolbar (and the speed control in it)
        self.status = RunStatus(self.statusBar())
        self.recorder = Recorder(self, self.statusBar())
        self.recorder.finished.connect(self._recording_written)
        self.speed.speedChanged.connect(self.status.set_speed)
        self.pace = Pace(self)
        self.focus_return = FocusReturn(self, self.curves)
        self.saved_step: int | None = None  # the step the user last saved a checkpoint of (None: not saved)
        self._save_paths: set[str] = set()
        controller.message.connect(self.on_message)
        window_settings.restore(self)
        self.lessons.dock.hide()  # a saved layout never brings back an empty lesson panel

    # ------------------------------------------------------------------ construction
    def _make_panels(self, classes: list[type]) -> None:
        self.panels = [cls() for cls in classes]
        self.active: list = []  # the panels that apply to the current task
        self.task_panel = next(p for p in self.panels if isinstance(p, TaskPanel))
        self.hyper = next(p for p in self.panels if isinstance(p, HyperparamsPanel))
        self.curves = next(p for p in self.panels if isinstance(p, CurvesPanel))
        self.runs_panel = next(p for p in self.panels if isinstance(p, RunsPanel))
        left_panels = (self.task_panel, self.hyper, self.runs_panel)
        self.banner = Banner()
        self.banner.set_theme(self.theme)
        central = QWidget()
        col = QVBoxLayout(central)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        col.addWidget(self.banner)
        col.addWidget(self.curves, 1)
        self.setCentralWidget(central)
        self.docks: dict[Any, QDockWidget] = {}
        right: list[QDockWidget] = []
        for p in self.panels:
            p.request.connect(functools.partial(self._panel_request, p))
            if p is self.curves:
                continue
            dock = QDockWidget(p.display_tab_title().replace("&", "&&"), self)  # (tabs: short names)
            dock.setObjectName(f"dock_{type(p).__name__}")
            dock.setWidget(p)
            dock_title.install(dock, functools.partial(self.show_guide, type(p).__name__), p.display_title())
            left = p in left_panels
            if not left:
                p.setMinimumHeight(VIEW_MIN_HEIGHT)
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea if left else Qt.DockWidgetArea.RightDockWidgetArea,
                               dock)
            dock.visibilityChanged.connect(lambda _v: self._update_traces())
            self.docks[p] = dock
            if not left:
                right.append(dock)
        for dock in right[1:]:  # one tab each: every view gets the full height
            self.tabifyDockWidget(right[0], dock)
        window_settings.unelide_tabs(self)
        self.right_docks = right
        self.task_panel.taskRequested.connect(self.change_task)
        self.task_panel.modelRequested.connect(self.change_model)
        self.task_panel.dataRequested.connect(lambda path: self.use_data(self._task(), path))
        self.task_panel.builtinRequested.connect(lambda corpus: self.use_builtin(self._task(), corpus))
        self.task_panel.openDataRequested.connect(lambda kind: self.open_data(kind))
        self.hyper.liveChanged.connect(self.set_live)
        self.hyper.rebuildRequested.connect(self.apply_settings)
        rp = self.runs_panel
        rp.runsChanged.connect(lambda: self.curves.set_runs(rp.store, rp.current))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._sized and self.settings.value("windowState") is None:
            self._sized = True  # first run: give the docks sensible widths (only possible once shown)
            self.resizeDocks([self.docks[self.task_panel], self.docks[self.hyper], self.docks[self.runs_panel]],
                             [190, 420, 150], Qt.Orientation.Vertical)
            self.resizeDocks([self.docks[self.task_panel]] + self.right_docks[:1], [280, 490],
                             Qt.Orientation.Horizontal)

    def reset_layout(self) -> None:
        for dock in self.docks.values():
            dock.setFloating(False)
        self.auto_hidden.clear()
        if self.info:
            self.show_panels_for(self.info["task"], show_all=True)

    # ------------------------------------------------------------------ messages from the run
    def on_message(self, msg: dict[str, Any]) -> None:
        kind = msg.get("kind")
        if kind == "progress":
            if self.step == 0 and msg.get("step", 0) > 0:
                self.statusBar().clearMessage()
            self.step = int(msg.get("step", 0))
            self._set_state(msg.get("state", "paused"))
            self.status.update(msg)
            for p in self.active:
                p.on_progress(msg)
            return
        if kind == "building":
            self.status.set_state("building")
            self.statusBar().showMessage(self.tr("{what}…").format(what=i18n.engine_text(msg.get("what", "Building"))),
                                         3000)
        elif kind in ("built", "loaded"):
            self._on_built(msg)
            self.lessons.build_answered(msg)
        elif kind == "build_failed":
            self.status.set_state(self.state)
            if self.info is None and not self._fallback_tried:
                # Nothing to keep: start from the adder underneath, and keep the error on screen above it.
                self._fallback_tried = self._keep_banner = True
                self.start_error = str(msg["message"])
                self.banner.show_message("error", self.tr("Could not build the model: {error} (showing the binary "
                                                          "adder instead)").format(error=i18n.message_text(msg)))
                self.controller.build(i18n.default_config("adder"))
            else:
                self.banner.show_message("error", self.tr("Could not build the model: {error}").format(
                    error=i18n.message_text(msg)))
            self.lessons.build_answered(msg)
        elif kind == "event":
            level = msg.get("level", "info")
            self.banner.show_message(level, i18n.message_text(msg))
            if msg.get("traceback"):
                log.error("%s\n%s", msg.get("message"), msg["traceback"])
            if msg.get("state") in ("diverged", "finished", "paused", "stopped"):
                self._set_state(msg["state"])  # the run stopped itself: no report may follow
        elif kind == "saved":
            self.statusBar().showMessage(self.tr("Saved {path} at step {step}").format(
                path=msg["path"], step=i18n.number(int(msg.get("step", 0)))), 8000)
            if str(msg.get("path")) in self._save_paths:  # (not the autosave: the next run overwrites it)
                self.saved_step = int(msg.get("step", 0))
        elif kind == "eval":
            self.status.busy(False)
            self.eval_action.setEnabled(True)
        elif kind == "event" and self.eval_action.isEnabled() is False:
            self.status.busy(False)
            self.eval_action.setEnabled(True)
        if kind in ("event", "sample", "eval", "hparam", "saved", "loaded", "select_unit", "vectors"):  # loaded: history
            for p in self.active:
                p.on_message(msg)

    def _on_built(self, msg: dict[str, Any]) -> None:
        info = self.info = msg["info"]
        self.step = int(msg.get("step", 0))
        self.saved_step = self.step if msg["kind"] == "loaded" else None  # a loaded checkpoint is on disk
        self.status.reset()
        self.status.busy(False)
        self.eval_action.setEnabled(True)
        self.task_configs[info["task"]] = dict(info["config"])
        self._keep_banner_now = self._keep_banner
        if not self._keep_banner:  # (the fallback after a failed start keeps the error in view)
            self.banner.hide()
        self._keep_banner = False
        self.active = [p for p in self.panels if info["task"] in p.tasks]  # others never see this run
        for p in self.active:
            p.set_task(info)
        if msg["kind"] == "loaded":  # the panels get the history through on_message, next
            self.statusBar().showMessage(self.tr("Loaded {path} (step {step})").format(
                path=msg["path"], step=i18n.number(self.step)), 8000)
        elif self.step == 0:
            self.statusBar().showMessage(self.tr("Press Space to start training"), 10000)
        paced = self.pace.on_built(info["task"], self.step)
        if paced:
            self.statusBar().showMessage(paced, 15000)
        if info.get("note") and not self._keep_banner_now:
            self.banner.show_message("info", i18n.info_text(info, "note"))
        elif not self._keep_banner_now:
            self.fonts.check(info)  # Japanese text without a font that draws it: said once, in the banner
        self.show_panels_for(info["task"])
        self.lessons.apply_panels()  # a lesson shows only its panels
        self.status.task.setText(i18n.info_text(info, "description"))
        self.setWindowTitle(self.tr("RNN Lab — {task}").format(task=i18n.engine_text(info["title"])))
        self._update_traces()

    def _set_state(self, state: str) -> None:
        self.state = state
        self.status.set_state(state)
        running = state == "running"
        text = self.tr("Pause") if running else self.tr("Play")
        if text != self.play_action.text():  # (not at every report: that relaid out the whole window)
            self.play_action.setText(text)
            self.play_action.setIcon(self.style().standardIcon(SP.SP_MediaPause if running else SP.SP_MediaPlay))

    def show_panels_for(self, task: str, show_all: bool = False) -> None:
        """Hide the panels that do not apply to ``task``; show again those hidden for that reason.
        On a task's first build, bring its own view (the most specific panel) to the front."""
        for p, dock in self.docks.items():
            name = dock.objectName()
            applies = task in p.tasks
            dock.toggleViewAction().setEnabled(applies)
            if not applies and not dock.isHidden():
                dock.hide()
                self.auto_hidden.add(name)
            elif applies and (name in self.auto_hidden or show_all):
                dock.show()
                self.auto_hidden.discard(name)
        if task != self._raised_for:
            self._raised_for = task
            mine = [(len(p.tasks), d) for p, d in self.docks.items()
                    if d in self.right_docks and task in p.tasks and p.first_view]
            if mine:
                min(mine, key=lambda x: x[0])[1].raise_()

    def _update_traces(self) -> None:
        """Traces and display examples cost a forward+backward, the weights' spectral radii an
        eigendecomposition: ask only while a panel shows them (not behind another tab)."""
        shown = [p for p, d in self.docks.items() if d.isVisible() and not d.visibleRegion().isEmpty()]  # (tabs)
        wanted = {"trace": self.trace_index if any(p.uses_trace for p in shown) else None,
                  "example": self.example_index if any(p.uses_example for p in shown) else None,
                  "weights": any(p.uses_weights for p in shown),  # (eigenvalues each second: a visible view only)
                  "equations": any(getattr(p, "wants_equations", False) for p in shown)}
        changed = {k: v for k, v in wanted.items() if getattr(self.controller.display, k) != v}
        if changed:
            self.controller.set_display(**changed)

    def _panel_request(self, panel, name: str, payload: dict[str, Any]) -> None:
        c = self.controller
        try:
            if name == "sample":
                c.sample(str(payload.get("prompt", "")), int(payload.get("length", 200)), payload.get("tag"))
            elif name == "set":
                c.set(payload["name"], payload["value"])
            elif name in ("trace_index", "example_index"):
                setattr(self, name, payload.get("index"))
                self._update_traces()
            elif name == "eval":
                c.evaluate(payload.get("split", "val"))
            elif name == "vectors":
                c.vectors(payload)
            elif name == "equations":  # the Equations view opened or closed: traces carry its numbers or not
                self._update_traces()
            elif name == "help":
                self.show_guide(type(panel).__name__)
            elif name == "select_unit":  # a heatmap row or a saturation point picks the unit other views follow
                self.on_message({"kind": "select_unit", "unit": int(payload["unit"])})
            else:
                log.warning("unknown request %r from %s", name, panel.title)
        except (ValueError, KeyError, TypeError) as exc:
            self.banner.show_message("error", i18n.sentence_text(getattr(exc, "sentence", str(exc))))

    # ------------------------------------------------------------------ training commands
    def toggle_play(self) -> None:
        if self.info is None:
            return
        running = self.state == "running"
        self.controller.pause() if running else self.controller.play()
        self._set_state("paused" if running else "running")

    def step_once(self) -> None:
        if self.state == "running":
            self.controller.pause()
            self._set_state("paused")
        self.controller.step(1)

    def confirm_discard(self, what: str) -> bool:
        """True if nothing would be lost (nothing trained, or saved at this very step), or the user agrees
        to lose (or first saves) the trained model. ``what`` is one sentence in the window's language:
        "Resetting starts a fresh model."."""
        if self.step == 0 or self.info is None or self.saved_step == self.step:
            return True
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        answer = QMessageBox.question(
            self, self.tr("Discard the trained model?"),
            self.tr("The model has trained for %Ln step(s). {what} This training is lost unless you save a "
                    "checkpoint first.", "", self.step).format(what=what), buttons, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_checkpoint()
        return answer == QMessageBox.StandardButton.Discard

    def evaluate_now(self) -> None:
        """Evaluate on the validation split (a large split takes seconds: the status bar says so)."""
        if self.info is None or "val" not in (self.info.get("splits") or ["val"]):
            self.banner.show_message("info", self.tr("This run has no validation split to evaluate on."))
            return
        self.eval_action.setEnabled(False)
        self.status.busy(True, self.tr("Evaluating on the validation split…"))
        self.controller.evaluate("val")

    def show_guide(self, key: str | None = None) -> None:
        show_guide(self, key)

    def reset(self) -> None:
        if self.confirm_discard(self.tr("Resetting starts a fresh model.")):
            self.controller.build(self.hyper.current_config())

    def apply_settings(self, config: Config) -> None:
        if self.confirm_discard(self.tr("Applying the changed settings starts a fresh model.")):
            self.controller.build(config)

    def set_live(self, name: str, value: Any) -> None:
        try:
            self.controller.set(name, value)
        except ValueError as exc:
            self.banner.show_message("error", i18n.sentence_text(getattr(exc, "sentence", str(exc))))

    def _task(self) -> str:
        return self.info["task"] if self.info else "adder"

    def config_for(self, task: str) -> Config:
        """The settings ``task`` was last used with in this window (or its defaults)."""
        if self.info and task == self.info["task"]:
            return self.hyper.current_config()
        try:
            return Config.from_dict(self.task_configs[task])
        except (KeyError, ValueError):
            return i18n.default_config(task)

    def change_task(self, task: str) -> None:
        if self.confirm_discard(self.tr("Switching to the {task} task starts a fresh model.").format(
                task=i18n.engine_text(TASKS[task].title))):
            if self.info:
                self.task_configs[self.info["task"]] = self.hyper.current_config().to_dict()
            self.controller.build(self.config_for(task))

    def change_model(self, overrides: dict[str, Any]) -> None:
        if self.confirm_discard(self.tr("Changing the model starts a fresh one.")):
            self.controller.build(self.hyper.current_config().replace(**overrides))

    def use_data(self, task: str, path: str) -> None:
        if self.confirm_discard(self.tr("Changing the data starts a fresh model.")):
            self.controller.build(self.config_for(task).replace(data=path))

    def use_builtin(self, task: str, corpus: str) -> None:
        """The character model's built-in texts in ``corpus`` ("en" or "ja")."""
        config = self.config_for(task)
        if (config.data, config.corpus) == ("", corpus) and self.info and self.info["task"] == task:
            return
        # the settings that depend on the corpus follow it, unless the user changed them
        old, new = corpus_defaults(task, config.corpus), corpus_defaults(task, corpus)
        follow = {k: v for k, v in new.items() if getattr(config, k) == old.get(k)}
        if self.confirm_discard(self.tr("Changing the data starts a fresh model.")):
            self.controller.build(config.replace(data="", corpus=corpus, **follow))

    # ------------------------------------------------------------------ files (dialogs in file_dialogs.py)
    def open_data(self, kind: str = "file", task: str | None = None) -> None:
        file_dialogs.open_data(self, kind, task)

    def save_checkpoint(self) -> bool:
        return file_dialogs.save_checkpoint(self)

    def note_save_path(self, path: str) -> None:
        """A checkpoint the user asked for (its "saved" answer marks the model as saved)."""
        self._save_paths.add(str(path))

    def load_checkpoint(self, path: str | None = None) -> None:
        file_dialogs.load_checkpoint(self, path)

    def export_targets(self) -> list[tuple[str, Any]]:
        shown = [p for p in self.panels if p is self.curves or self.docks[p].isVisible()]
        return [t for p in shown for t in p.export_targets()]

    def export(self) -> None:
        file_dialogs.export(self)

    # ------------------------------------------------------------------ recording (gui/recorder.py)
    def record_targets(self) -> list[tuple[str, QWidget]]:
        """What can be recorded: the whole window, the curves, and every view on screen."""
        shown = [p for p in self.panels if p is not self.curves and self.docks[p].isVisible()
                 and not self.docks[p].visibleRegion().isEmpty()]
        return ([(self.tr("The whole window"), self), (self.tr("Training curves"), self.curves)]
                + [(p.title, p) for p in shown])

    def toggle_recording(self) -> None:
        if self.recorder.active:
            self.recorder.stop()
            self._recording_state(False)
            return
        choice = ask_recording(self, self.record_targets(), self._task())
        if choice is None:
            return
        target, path, fmt, side = choice
        try:
            self.recorder.start(target, path, fmt, max_side=side)
        except (ValueError, OSError) as exc:
            self.banner.show_message("error", self.tr("Could not start the recording: %1").replace("%1", str(exc)))
            return
        self._recording_state(True)

    def _recording_state(self, on: bool) -> None:
        self.record_action.setText(self.tr("Stop recording") if on else self.tr("Record…"))

    def _recording_written(self, result) -> None:
        self._recording_state(self.recorder.active)
        if result.error:
            self.banner.show_message("error", self.tr("The recording could not be written: %1")
                                     .replace("%1", result.error))
        else:
            self.statusBar().showMessage(describe(result), 15000)

    # ------------------------------------------------------------------ appearance and closing
    def set_theme(self, name: str) -> None:
        self.theme = name
        theme.apply_theme(None, name)
        theme.restyle_plots(self, name)
        self.banner.set_theme(name)
        self.dark_action.setChecked(name == "dark")

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.recorder.active:  # what was recorded so far is written, not lost
            self.recorder.stop()
            self.recorder.wait(60.0)
        window_settings.save(self)
        self.controller.close()
        super().closeEvent(event)
