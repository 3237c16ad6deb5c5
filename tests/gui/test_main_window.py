"""The main window: toolbar actions and shortcuts drive training, resets ask, panels follow the task,
divergence is shown without blocking, checkpoints round-trip, closing is quick, settings persist."""

from __future__ import annotations

import time

import numpy as np
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QApplication, QDockWidget, QFileDialog, QMessageBox

from rnn_lab.engine.tasks.registry import default_config
from tests.gui.window_fixtures import *  # noqa: F403
from tests.gui.window_fixtures import WAIT_MS, display_of, open_window, trainer_of


def answer(monkeypatch, button):
    """Make QMessageBox.question answer ``button``; returns the list of questions asked."""
    asked = []

    def fake(*args, **kwargs):
        asked.append(args[2] if len(args) > 2 else "")
        return button

    monkeypatch.setattr(QMessageBox, "question", fake)
    return asked


def test_window_layout(window):
    assert window.windowTitle() == "RNN Lab — Binary adder"
    assert window.size().width() == 1280 and window.size().height() == 800
    titles = {d.windowTitle() for d in window.findChildren(QDockWidget)}
    assert {"Task && model", "Hyperparameters"} <= titles
    visible = {p.title for p, d in window.docks.items() if not d.isHidden()}
    for p, d in window.docks.items():
        assert (not d.isHidden()) == ("adder" in p.tasks), p.title
    assert "Hyperparameters" in visible
    assert window.status.task.text().startswith("Binary adder")


def test_play_pause_step_with_toolbar_actions(qtbot, window):
    trainer = trainer_of(window)
    window.play_action.trigger()
    qtbot.waitUntil(lambda: window.step >= 5 and window.state == "running", timeout=WAIT_MS)
    assert window.play_action.text() == "Pause"
    window.play_action.trigger()
    qtbot.waitUntil(lambda: trainer.state == "paused" and window.state == "paused", timeout=WAIT_MS)
    before = trainer.step_count
    qtbot.wait(150)
    assert trainer.step_count == before  # paused means paused
    window.step_action.trigger()
    qtbot.waitUntil(lambda: trainer.step_count == before + 1, timeout=WAIT_MS)
    qtbot.wait(150)
    assert trainer.step_count == before + 1 and trainer.state == "paused"
    qtbot.waitUntil(lambda: window.step == before + 1, timeout=WAIT_MS)
    assert window.status.step.text() == f"step {before + 1}"


def test_keyboard_shortcuts(qtbot, window):
    window.activateWindow()
    window.setFocus()
    trainer = trainer_of(window)
    qtbot.keyClick(window, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: trainer.step_count == 1 and window.step == 1 and window.state == "paused",
                    timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: trainer.step_count > 3 and trainer.state == "running", timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: trainer.state == "paused", timeout=WAIT_MS)


def test_space_typed_into_a_text_field_is_not_a_shortcut(qtbot, window):
    seed = window.hyper.editors["seed"]
    seed.setFocus()
    editor = seed.lineEdit()
    qtbot.keyClick(editor, Qt.Key.Key_Space)
    qtbot.keyClick(editor, Qt.Key.Key_S)
    qtbot.wait(200)
    assert trainer_of(window).step_count == 0 and window.state == "paused"


def test_reset_asks_when_there_is_progress(qtbot, window, monkeypatch):
    asked = answer(monkeypatch, QMessageBox.StandardButton.Discard)
    original = trainer_of(window)
    window.reset_action.trigger()  # nothing trained yet: no question
    qtbot.waitUntil(lambda: trainer_of(window) is not original, timeout=WAIT_MS)
    assert asked == []
    first = trainer_of(window)
    window.controller.step(10)
    qtbot.waitUntil(lambda: window.step == 10, timeout=WAIT_MS)

    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.reset_action.trigger()
    assert len(asked) == 1 and "10 steps" in asked[0]
    qtbot.wait(200)
    assert trainer_of(window) is first and window.step == 10

    asked = answer(monkeypatch, QMessageBox.StandardButton.Discard)
    window.reset_action.trigger()
    assert len(asked) == 1
    qtbot.waitUntil(lambda: trainer_of(window) is not first and window.step == 0, timeout=WAIT_MS)
    assert len(window.curves.buf) == 0


def test_traces_only_while_a_trace_panel_is_visible(qtbot, window):
    trace_docks = [d for p, d in window.docks.items() if p.uses_trace and "adder" in p.tasks]
    if not trace_docks:
        return  # no visualisation panel registered yet
    trace_docks[0].raise_()
    qtbot.waitUntil(lambda: display_of(window).trace is not None, timeout=WAIT_MS)
    for dock in trace_docks:  # several panels draw traces (activations, saturation, ...): close them all
        dock.close()
    qtbot.waitUntil(lambda: display_of(window).trace is None, timeout=WAIT_MS)


def test_divergence_shows_a_banner_and_keeps_the_window_usable(qtbot, settings):
    config = default_config("adder", activation="relu", lr=100.0, init="normal", init_std=1.0, optimizer="sgd")
    window, controller = open_window(qtbot, settings, config)
    try:
        window.play_action.trigger()
        qtbot.waitUntil(lambda: window.state == "diverged", timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.banner.isVisible() and "diverged" in window.banner.label.text(),
                        timeout=WAIT_MS)  # (the state and the message about it may come in two messages)
        assert window.status.state.text() == "Diverged"
        assert len(window.curves.markers) == 1
        window.hyper.editors["lr"].setValue(0.01)  # the window still responds
        window.set_live("lr", 0.01)
        qtbot.waitUntil(lambda: trainer_of(window).optimizer.lr == 0.01, timeout=WAIT_MS)
    finally:
        window.close()
        controller.close()


def test_save_then_load_restores_the_run(qtbot, window, tmp_path, monkeypatch):
    trainer = trainer_of(window)
    window.controller.step(30)
    qtbot.waitUntil(lambda: window.step == 30, timeout=WAIT_MS)
    params = [p.copy() for p in trainer.task.model.params]
    path = tmp_path / "run.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "run"), ""))
    window.save_action.trigger()
    qtbot.waitUntil(lambda: path.exists() and "Saved" in window.statusBar().currentMessage(), timeout=WAIT_MS)

    asked = answer(monkeypatch, QMessageBox.StandardButton.Discard)
    window.reset_action.trigger()
    qtbot.waitUntil(lambda: trainer_of(window) is not trainer and window.step == 0, timeout=WAIT_MS)
    assert asked == []  # saved at this very step: nothing would be lost, so no question

    window.hyper.editors["lr"].setValue(0.5)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.load_action.trigger()  # step 0: nothing to lose, no question
    qtbot.waitUntil(lambda: window.step == 30 and trainer_of(window).step_count == 30, timeout=WAIT_MS)
    loaded = trainer_of(window)
    for a, b in zip(params, loaded.task.model.params):
        np.testing.assert_array_equal(a, b)
    assert len(window.curves.buf) == 30
    assert window.hyper.editors["lr"].value() == loaded.config.lr == 0.03


def test_closing_mid_training_is_quick(qtbot, settings, capfd):
    window, controller = open_window(qtbot, settings)
    window.play_action.trigger()
    qtbot.waitUntil(lambda: window.step > 3, timeout=WAIT_MS)
    t0 = time.perf_counter()
    window.close()
    assert controller.close(timeout=1.0)
    assert time.perf_counter() - t0 < 1.0
    QApplication.processEvents()
    assert "QThread" not in capfd.readouterr().err


def test_settings_persist_layout_and_config(qtbot, settings):
    from types import SimpleNamespace

    from rnn_lab.gui.app import initial_config
    from rnn_lab.gui.controller import Controller
    from rnn_lab.gui.main_window import MainWindow

    window, controller = open_window(qtbot, settings)
    window.hyper.editors["lr"].spin.setValue(0.07)  # as if typed: applies to the trainer at once
    qtbot.waitUntil(lambda: trainer_of(window).optimizer.lr == 0.07, timeout=WAIT_MS)
    window.docks[window.hyper].hide()
    window.close()
    controller.close()
    assert settings.value("task") == "adder"

    again = MainWindow(Controller(), settings)  # a new session, before anything is built
    qtbot.addWidget(again)
    assert again.task_configs["adder"]["lr"] == 0.07
    args = SimpleNamespace(task=None, preset=None, data=None)
    assert initial_config(args, again).lr == 0.07
    assert initial_config(SimpleNamespace(task="adder", preset=None, data=None), again).lr == 0.03
    assert again.docks[again.hyper].isHidden()


def test_switching_task_shows_its_panels_only(qtbot, window):
    examples = []
    window.controller.message.connect(
        lambda m: examples.append(m) if m["kind"] == "progress" and m.get("example") else None)
    window.task_panel.taskRequested.emit("seq2seq")  # as if picked in the task combo box
    qtbot.waitUntil(lambda: window.info["task"] == "seq2seq" and bool(examples), timeout=WAIT_MS)
    assert window.windowTitle() == "RNN Lab — Seq2seq"
    for p, d in window.docks.items():
        assert (not d.isHidden()) == ("seq2seq" in p.tasks), p.title
        assert (p in window.active) == ("seq2seq" in p.tasks)
    assert "question" in examples[-1]["example"]  # a seq2seq example, which only its panel receives
    assert window.task_panel.task_combo.currentData() == "seq2seq"
    assert not window.hyper.editors["bptt"].isVisible() and window.hyper.editors["embed"].isVisible()


def test_speed_control_slows_the_trainer(qtbot, window):
    window.speed.slider.setValue(3)  # 10 steps per second
    qtbot.waitUntil(lambda: display_of(window).speed == 10.0, timeout=WAIT_MS)
    assert window.speed.label.text() == "10 steps/s"
    window.speed.slider.setValue(window.speed.slider.maximum())
    qtbot.waitUntil(lambda: display_of(window).speed == 0.0, timeout=WAIT_MS)
    assert window.speed.label.text() == "full speed"


def test_help_dialogs(qtbot, window, monkeypatch):
    from rnn_lab.gui import dialogs

    shown = []
    monkeypatch.setattr(dialogs.ShortcutsDialog, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.shortcuts_action.trigger()
    window.about_action.trigger()
    table = shown[0].findChild(dialogs.QTableWidget)
    keys = {table.item(r, 0).text() for r in range(table.rowCount())}
    assert {"Space", "S", "R", "Ctrl+S", "Ctrl+O", "Ctrl+E"} <= keys
    assert "RNN Lab" in shown[1] and "NumPy" in shown[1]
    for key in ("Space", "S", "R", "Ctrl+S", "Ctrl+O", "Ctrl+E"):  # the list tells the truth
        assert any(a.shortcut().toString() == key for a in window.actions()), key


def test_exception_hook_logs_and_keeps_running(tmp_path, monkeypatch):
    import sys

    from rnn_lab.gui.app import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    errors = install_excepthook(tmp_path / "rnnlab.log", interactive=False)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert len(errors) == 1 and "boom in a slot" in errors[0]


def test_space_in_the_sampling_prompt_types_a_space(qtbot, window):
    from PyQt6.QtWidgets import QLineEdit

    window.change_task("char")  # nothing trained: no question
    qtbot.waitUntil(lambda: window.info["task"] == "char", timeout=WAIT_MS)
    sampling = [p for p in window.active if p.title != "Inside the network" and p in window.docks
                and window.docks[p] in window.right_docks]
    if not sampling:
        return  # no sampling panel registered
    window.docks[sampling[0]].raise_()
    prompt = sampling[0].findChild(QLineEdit)
    qtbot.waitUntil(prompt.isVisible, timeout=WAIT_MS)
    prompt.setFocus()
    qtbot.waitUntil(prompt.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(prompt, "rest is")  # R and S are shortcuts elsewhere
    qtbot.keyClick(prompt, Qt.Key.Key_Space)
    qtbot.wait(200)
    assert prompt.text() == "rest is " and window.state == "paused" and trainer_of(window).step_count == 0


def test_theme_switch_restyles_live(qtbot, window):
    from rnn_lab.gui.theme import THEMES

    window.dark_action.trigger()
    assert window.theme == "dark" and window.dark_action.isChecked()
    assert window.curves.glw.backgroundBrush().color().name() == THEMES["dark"]["plot_bg"]
    window.dark_action.trigger()
    assert window.theme == "light"
    assert window.curves.glw.backgroundBrush().color().name() == THEMES["light"]["plot_bg"]
