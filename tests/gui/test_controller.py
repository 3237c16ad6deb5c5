"""The controller: builds on the worker, relays reports as a queued signal, drops a replaced run's
reports, keeps the old model when a build fails, applies live settings, saves/loads, closes fast."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from rnn_lab.engine.tasks.registry import default_config
from rnn_lab.gui.controller import Controller

WAIT_MS = 20_000


@pytest.fixture
def inbox():
    return []


@pytest.fixture
def controller(qtbot, inbox):
    c = Controller()
    c.message.connect(inbox.append)
    yield c
    assert c.close(timeout=2.0)


def kinds(inbox):
    return [m["kind"] for m in inbox]


def progress(inbox):
    return [m for m in inbox if m["kind"] == "progress"]


def test_synchronous_build_and_steps(controller, inbox):
    controller.build(default_config("adder"))
    assert kinds(inbox)[:3] == ["building", "built", "progress"]
    info = inbox[1]["info"]
    assert info["task"] == "adder" and info["metric_name"] == "accuracy" and info["cell"] == "rnn"
    assert info["config"]["hidden"] == 16 and info["num_params"] > 0
    controller.set_trace(0)
    assert controller.run_steps(25) == 25
    last = progress(inbox)[-1]
    assert last["step"] == 25 and last["state"] == "paused"
    assert any(m["trace"] is not None for m in progress(inbox) if m["step"] == 25)  # the panels see the end
    assert sum(len(m["points"]["step"]) for m in progress(inbox)) == 25  # every step's row, once


def test_reports_arrive_on_the_gui_thread(qtbot, controller, inbox):
    threads = []
    controller.message.connect(lambda m: threads.append(threading.current_thread()))
    controller.start()
    controller.build(default_config("adder"))
    qtbot.waitUntil(lambda: "built" in kinds(inbox), timeout=WAIT_MS)
    assert controller.threaded and controller.trainer is not None
    assert set(threads) == {threading.main_thread()}


def test_play_pause_step(qtbot, controller, inbox):
    controller.start()
    controller.build(default_config("adder"))
    qtbot.waitUntil(lambda: controller.trainer is not None and bool(progress(inbox)), timeout=WAIT_MS)
    trainer = controller.trainer
    controller.play()
    qtbot.waitUntil(lambda: progress(inbox)[-1]["step"] >= 5, timeout=WAIT_MS)
    controller.pause()
    qtbot.waitUntil(lambda: progress(inbox)[-1]["state"] == "paused", timeout=WAIT_MS)
    n = trainer.step_count
    controller.step(3)
    qtbot.waitUntil(lambda: progress(inbox)[-1]["step"] == n + 3 and progress(inbox)[-1]["state"] == "paused",
                    timeout=WAIT_MS)
    assert trainer.step_count == n + 3


def test_live_setting_reaches_the_running_trainer(qtbot, controller, inbox):
    controller.start()
    controller.build(default_config("adder"))
    qtbot.waitUntil(lambda: controller.trainer is not None, timeout=WAIT_MS)
    controller.play()
    controller.set("lr", 0.2)
    trainer = controller.trainer
    qtbot.waitUntil(lambda: trainer.optimizer.lr == 0.2 and trainer.config.lr == 0.2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: any(m["kind"] == "hparam" and m["name"] == "lr" for m in inbox), timeout=WAIT_MS)
    assert controller.config.lr == 0.2
    with pytest.raises(ValueError, match="lr"):
        controller.set("lr", -1.0)


def test_rebuild_drops_the_old_runs_reports(qtbot, controller, inbox):
    controller.start()
    controller.build(default_config("adder"))
    qtbot.waitUntil(lambda: controller.trainer is not None, timeout=WAIT_MS)
    old = controller.trainer
    controller.play()
    qtbot.waitUntil(lambda: bool(progress(inbox)) and progress(inbox)[-1]["step"] > 10, timeout=WAIT_MS)
    controller.build(default_config("adder", hidden=8))
    qtbot.waitUntil(lambda: kinds(inbox).count("built") == 2, timeout=WAIT_MS)
    qtbot.wait(200)
    after = inbox[len(inbox) - kinds(inbox)[::-1].index("built"):]
    assert controller.trainer is not old and old.state == "stopped"
    assert all(m["step"] == 0 for m in after if m["kind"] == "progress")
    assert controller.trainer.config.hidden == 8


def test_failed_build_keeps_the_old_model(qtbot, controller, inbox, tmp_path):
    controller.start()
    controller.build(default_config("adder"))
    qtbot.waitUntil(lambda: controller.trainer is not None, timeout=WAIT_MS)
    old = controller.trainer
    controller.build(default_config("char", data=str(tmp_path / "missing.txt")))
    qtbot.waitUntil(lambda: "build_failed" in kinds(inbox), timeout=WAIT_MS)
    failed = next(m for m in inbox if m["kind"] == "build_failed")
    assert "missing.txt" in failed["message"]
    assert controller.trainer is old and controller.config.task == "adder"
    controller.step(2)
    qtbot.waitUntil(lambda: old.step_count == 2, timeout=WAIT_MS)  # still serving


def test_save_and_load(qtbot, controller, inbox, tmp_path):
    controller.start()
    controller.build(default_config("adder"))
    qtbot.waitUntil(lambda: controller.trainer is not None, timeout=WAIT_MS)
    controller.step(12)
    qtbot.waitUntil(lambda: controller.trainer.step_count == 12, timeout=WAIT_MS)
    saved = [p.copy() for p in controller.trainer.task.model.params]
    path = tmp_path / "c.npz"
    controller.save(str(path))
    qtbot.waitUntil(lambda: "saved" in kinds(inbox), timeout=WAIT_MS)
    controller.load(str(path))
    qtbot.waitUntil(lambda: "loaded" in kinds(inbox), timeout=WAIT_MS)
    loaded = next(m for m in inbox if m["kind"] == "loaded")
    assert loaded["step"] == 12 and len(loaded["curves"]["step"]) == 12
    assert loaded["info"]["task"] == "adder"
    for a, b in zip(saved, controller.trainer.task.model.params):
        np.testing.assert_array_equal(a, b)
    controller.load(str(tmp_path / "nope.npz"))
    qtbot.waitUntil(lambda: "build_failed" in kinds(inbox), timeout=WAIT_MS)


def test_close_while_training_is_quick(qtbot, inbox):
    c = Controller()
    c.message.connect(inbox.append)
    c.start()
    c.build(default_config("adder"))
    qtbot.waitUntil(lambda: c.trainer is not None, timeout=WAIT_MS)
    c.play()
    qtbot.waitUntil(lambda: bool(progress(inbox)) and progress(inbox)[-1]["step"] > 3, timeout=WAIT_MS)
    t0 = time.perf_counter()
    assert c.close(timeout=1.0)
    assert time.perf_counter() - t0 < 1.0
    n = len(inbox)
    qtbot.wait(100)
    assert len(inbox) == n  # nothing more after close
