"""The hyperparameter panel: generated from the config metadata, log sliders with exact values,
live settings reach the running trainer, rebuild settings ask before a trained model is reset."""

from __future__ import annotations

import math

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QMessageBox

from rnn_lab.engine.config import field_info
from rnn_lab.engine.tasks.registry import default_config
from rnn_lab.gui.panels.hyperparams import HyperparamsPanel
from rnn_lab.gui.widgets.labelled_slider import LabelledSlider
from tests.gui.window_fixtures import *  # noqa: F403
from tests.gui.window_fixtures import WAIT_MS, trainer_of


def shown(panel):
    return {n for n, ed in panel.editors.items() if not ed.isHidden()}


@pytest.fixture
def panel(qtbot):
    p = HyperparamsPanel()
    qtbot.addWidget(p)
    p.show()
    return p


def test_fields_follow_the_task_and_model(panel):
    panel.set_config(default_config("adder"))
    names = shown(panel)
    assert {"lr", "clip", "hidden", "activation", "optimizer", "batch", "seed"} <= names
    assert not names & {"embed", "bptt", "dropout", "temperature", "top_k", "layers"}
    panel.set_config(default_config("char"))  # an LSTM: no vanilla-RNN activation
    names = shown(panel)
    assert {"embed", "bptt", "dropout", "temperature", "top_k", "layers"} <= names
    assert "activation" not in names
    panel.set_config(default_config("char", model="rnn"))
    assert "activation" in shown(panel)


def test_metadata_becomes_ranges_and_tooltips(panel):
    lr = panel.editors["lr"]
    info = field_info("lr")
    assert isinstance(lr, LabelledSlider) and lr.log
    assert lr.spin.minimum() == info["min"] and lr.spin.maximum() == info["max"]
    assert info["help"] in lr.toolTip() and "at once" in lr.toolTip()
    assert "new model" in panel.editors["hidden"].toolTip()
    assert panel.editors["optimizer"].count() == len(field_info("optimizer")["choices"])


def test_log_slider_maps_ends_and_rounds(qtbot):
    s = LabelledSlider("lr", 1e-5, 100.0, 0.01, log=True)
    qtbot.addWidget(s)
    s.slider.setValue(0)
    assert s.value() == pytest.approx(1e-5)
    s.slider.setValue(s.slider.maximum())
    assert s.value() == pytest.approx(100.0)
    s.slider.setValue(s.slider.maximum() // 2)
    assert s.value() == pytest.approx(math.sqrt(1e-5 * 100.0), rel=0.01)
    s.setValue(0.003)  # exact values survive: the spin box holds them, the slider follows
    assert s.value() == 0.003 and s.spin.text() == "0.003"


def test_slider_drag_commits_throttled_then_final(qtbot):
    s = LabelledSlider("x", 0.0, 1.0, 0.0, commit_interval_ms=100)
    qtbot.addWidget(s)
    got = []
    s.valueCommitted.connect(got.append)
    s.slider.setSliderDown(True)
    for pos in range(0, 1001, 10):  # a fast drag: 100 positions
        s.slider.setValue(pos)
    s.slider.setSliderDown(False)  # release: the last value is committed at once
    assert got and got[-1] == 1.0 and len(got) <= 3


def test_live_change_emits(qtbot, panel):
    panel.set_config(default_config("adder"))
    with qtbot.waitSignal(panel.liveChanged, timeout=2000) as sig:
        panel.editors["lr"].spin.setValue(0.1)
    assert sig.args == ["lr", 0.1]
    assert panel.pending() == []


def test_slider_change_reaches_the_running_trainer(qtbot, window):
    window.play_action.trigger()
    qtbot.waitUntil(lambda: window.step > 2, timeout=WAIT_MS)
    lr = window.hyper.editors["lr"]
    lr.slider.setValue(lr.slider.maximum() * 3 // 4)  # a click on the slider: keyboard/page moves commit
    target = lr.value()
    trainer = trainer_of(window)
    qtbot.waitUntil(lambda: trainer.optimizer.lr == target and trainer.config.lr == target, timeout=WAIT_MS)
    assert window.controller.config.lr == target


def test_rebuild_field_applies_by_itself_before_training(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("nothing to lose: no question"))
    first = trainer_of(window)
    window.hyper.editors["hidden"].spin.setValue(8)
    # the new trainer and the cleared "needs a reset" list arrive in separate events: wait for both
    qtbot.waitUntil(lambda: trainer_of(window) is not first and window.hyper.pending() == [], timeout=WAIT_MS)
    assert trainer_of(window).config.hidden == 8


def test_rebuild_field_asks_before_resetting_a_trained_model(qtbot, window, monkeypatch):
    window.controller.step(5)
    qtbot.waitUntil(lambda: window.step == 5, timeout=WAIT_MS)
    trained = trainer_of(window)
    hyper = window.hyper
    hyper.editors["hidden"].spin.setValue(24)
    hyper.editors["optimizer"].setCurrentText("sgd")
    assert set(hyper.pending()) == {"hidden", "optimizer"}
    assert hyper.pending_bar.isVisible() and "hidden units" in hyper.pending_label.text()
    qtbot.wait(600)  # no automatic rebuild once trained
    assert trainer_of(window) is trained

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a) or QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(hyper.apply_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "5 steps" in asked[0][2]
    qtbot.wait(200)
    assert trainer_of(window) is trained and hyper.pending_bar.isVisible()

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    qtbot.mouseClick(hyper.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: trainer_of(window) is not trained, timeout=WAIT_MS)
    cfg = trainer_of(window).config
    assert cfg.hidden == 24 and cfg.optimizer == "sgd"
    qtbot.waitUntil(lambda: not hyper.pending_bar.isVisible(), timeout=WAIT_MS)


def test_revert_restores_the_model_settings(panel):
    panel.set_config(default_config("adder"))
    panel.step = 10
    panel.editors["batch"].spin.setValue(64)
    assert panel.pending() == ["batch"]
    panel.revert()
    assert panel.pending() == [] and panel.editors["batch"].value() == 32


def test_schedule_changes_do_not_rewrite_the_setting(panel):
    panel.set_config(default_config("lm"))
    panel.on_message({"kind": "hparam", "name": "lr", "old": 20.0, "new": 5.0, "source": "schedule", "step": 9})
    assert panel.editors["lr"].value() == 20.0
    panel.on_message({"kind": "hparam", "name": "temperature", "old": 1.0, "new": 0.5, "source": "user", "step": 9})
    assert panel.editors["temperature"].value() == 0.5


def test_layer_code_control_switches_readable_and_fast(qtbot, window, monkeypatch):
    """The window's control for ``impl``: shown for every task, a rebuild setting, its choices the registry's."""
    hyper = window.hyper
    editor = hyper.editors["impl"]
    assert hyper.labels["impl"].text() == "Layer code" and not editor.isHidden()
    assert [editor.itemText(i) for i in range(editor.count())] == ["readable", "fast"]
    assert "engine/layers/lstm.py" in editor.toolTip()
    editor.setCurrentText("readable")
    qtbot.waitUntil(lambda: trainer_of(window) is not None and trainer_of(window).config.impl == "readable",
                    timeout=WAIT_MS)  # nothing trained yet: applies by itself
    assert type(trainer_of(window).task.model.rnn).__module__ == "rnn_lab.engine.layers.rnn"
