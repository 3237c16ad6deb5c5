"""Reliability of the window: bad data keeps the current run, a worker exception is shown and logged
with its traceback, divergence is marked on the loss curve, control spam leaves a consistent state,
closing mid-save keeps the save, and the autosave is written, restored and offered once."""

from __future__ import annotations

import logging
import logging.handlers
import random
import time

import numpy as np
import pytest
from PyQt6.QtWidgets import QMessageBox

from rnn_lab.engine.checkpoint import load_checkpoint, read_checkpoint_meta
from rnn_lab.engine.tasks.registry import default_config
from rnn_lab.gui.autosave import Autosave
from tests.gui.window_fixtures import *  # noqa: F403
from tests.gui.window_fixtures import WAIT_MS, call_in_run, open_window, trainer_of


def answer(monkeypatch, button):
    asked = []

    def fake(*args, **kwargs):
        asked.append(args[2] if len(args) > 2 else "")
        return button

    monkeypatch.setattr(QMessageBox, "question", fake)
    # the autosave's offer: Restore (Yes) or Start fresh
    monkeypatch.setattr(Autosave, "ask", lambda self, text: (asked.append(text),
                                                           button == QMessageBox.StandardButton.Yes)[1])
    return asked


def train(qtbot, window, steps):
    """Train exactly ``steps`` more steps and wait until the window has seen the paused result."""
    trainer = trainer_of(window)
    target = trainer.step_count + steps
    window.controller.step(steps)
    qtbot.waitUntil(lambda: trainer.step_count >= target and trainer.state == "paused", timeout=WAIT_MS)

    def shown() -> bool:
        window.controller.set_speed(0.0)  # a no-op command: the paused trainer reports after it
        qtbot.wait(20)
        return window.step == target
    qtbot.waitUntil(shown, timeout=WAIT_MS)


# ---------------------------------------------------------------------------------------------- bad data
def _bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "latin.txt").write_bytes("crème brûlée\n".encode("latin-1") * 30)
    (tmp_path / "a folder").mkdir()
    ptb = tmp_path / "ptb"
    ptb.mkdir()
    (ptb / "ptb.train.txt").write_text("a b c\n" * 50)
    (tmp_path / "pairs.txt").write_text("1+1 _2 \n2+2 _4 \nnonsense\n")
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(400 * 10**6)  # sparse
    return [("char", "empty.txt", "is empty"), ("char", "blob.bin", "binary file"),
            ("lm", "latin.txt", "encoding 'latin-1'"), ("char", "huge.txt", "400.0 MB"),
            ("char", "missing.txt", "does not exist"), ("char", "a folder", "is a folder"),
            ("lm", "ptb", "has no ptb.valid.txt"), ("seq2seq", "pairs.txt", "line 3"),
            ("seq2seq", "blob.bin", "binary file")]


def test_bad_data_is_one_message_and_keeps_the_model_and_curves(qtbot, window, tmp_path, monkeypatch):
    train(qtbot, window, 20)
    trainer = trainer_of(window)
    params = [p.copy() for p in trainer.task.model.params]
    info, curve_points, markers = window.info, len(window.curves.buf), len(window.curves.markers)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Discard)
    cases = _bad_files(tmp_path)
    for task, name, words in cases:
        shown = []
        window.banner.show_message = lambda level, text, _shown=shown: _shown.append((level, text))
        window.use_data(task, str(tmp_path / name))
        qtbot.waitUntil(lambda _shown=shown: bool(_shown), timeout=WAIT_MS)
        level, text = shown[0]
        assert level == "error" and words in text and "Traceback" not in text, (name, text)
        assert trainer_of(window) is trainer and window.info is info
        assert len(window.curves.buf) == curve_points and len(window.curves.markers) == markers
        for a, b in zip(params, trainer.task.model.params):
            np.testing.assert_array_equal(a, b)
    assert len(asked) == len(cases)  # each time the user was asked before the trained model could be replaced
    train(qtbot, window, 3)  # the old run still trains
    assert trainer_of(window) is trainer and trainer.step_count == 23


# ---------------------------------------------------------------------------------------------- worker errors
@pytest.fixture
def log_file(tmp_path, monkeypatch):
    """The app's log file, in a temporary 'user data folder' (handler removed afterwards)."""
    import rnn_lab.gui.app
    import rnn_lab.gui.paths

    monkeypatch.setattr(rnn_lab.gui.paths, "state_folder", lambda: tmp_path / "state")
    logger = logging.getLogger("rnnlab")
    old = list(logger.handlers)
    for h in old:
        logger.removeHandler(h)
    path = rnn_lab.gui.app.setup_logging()
    yield path
    for h in list(logger.handlers):
        logger.removeHandler(h)
        h.close()
    for h in old:
        logger.addHandler(h)


def test_an_exception_in_the_worker_is_shown_logged_and_pauses(qtbot, window, log_file):
    assert log_file.parent.name == "state"
    trainer = trainer_of(window)
    real_step = trainer.task.train_step

    def broken():
        raise ZeroDivisionError("the model fell over")

    call_in_run(window, lambda tr: setattr(tr.task, "train_step", broken))
    window.play_action.trigger()
    qtbot.waitUntil(lambda: window.state == "paused" and "the model fell over" in window.banner.label.text(),
                    timeout=WAIT_MS)
    assert window.play_action.text() == "Play" and trainer.state == "paused"
    for h in logging.getLogger("rnnlab").handlers:
        h.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "Training stopped: the model fell over" in logged
    assert "Traceback (most recent call last)" in logged and "ZeroDivisionError" in logged and "broken" in logged
    call_in_run(window, lambda tr: setattr(tr.task, "train_step", real_step))  # the window is still usable
    train(qtbot, window, 2)
    assert trainer_of(window) is trainer and trainer.step_count == 2


# ---------------------------------------------------------------------------------------------- divergence
def test_divergence_pauses_restores_and_marks_the_loss_curve(qtbot, settings):
    config = default_config("adder", activation="relu", lr=100.0, init="normal", init_std=1.0, optimizer="sgd")
    window, controller = open_window(qtbot, settings, config)
    events = []
    controller.message.connect(lambda m: events.append(m) if m.get("level") == "diverged" else None)
    try:
        window.play_action.trigger()
        qtbot.waitUntil(lambda: window.state == "diverged" and bool(events), timeout=WAIT_MS)
        trainer = trainer_of(window)
        assert all(np.isfinite(p).all() for p in trainer.task.model.params)  # the last finite parameters
        assert "lower the learning rate" in window.banner.label.text()
        assert window.play_action.text() == "Play"
        assert len(window.curves.markers) == 1
        lines = window.curves.markers[0]
        assert lines and all(line.value() == pytest.approx(events[0]["step"]) for line in lines)
        assert events[0]["restored_step"] <= events[0]["step"]
    finally:
        window.close()
        controller.close()


# ---------------------------------------------------------------------------------------------- spam
def test_spamming_the_controls_leaves_a_consistent_state(qtbot, window, monkeypatch, tmp_path):
    import sys

    from rnn_lab.gui.app import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors = install_excepthook(tmp_path / "rnnlab.log", interactive=False)  # any exception in a slot lands here
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    inbox = []
    window.controller.message.connect(inbox.append)
    rnd = random.Random(7)
    lr = window.hyper.editors["lr"]
    actions = [window.play_action.trigger] * 8 + [window.step_action.trigger] * 4 + [window.reset_action.trigger] + [
        lambda: lr.setValue(rnd.choice([0.001, 0.01, 0.03, 0.1, 0.5])),
        lambda: window.speed.speedChanged.emit(rnd.choice([0.0, 0.0, 50.0]))] * 3
    window.play_action.trigger()
    for i in range(200):
        rnd.choice(actions)()
        if i % 10 == 0:
            qtbot.wait(5)  # let some reports in: the spam interleaves with training
    window.speed.speedChanged.emit(0.0)
    qtbot.wait(300)
    # settle: paused, the worker alive, the toolbar telling the truth
    if window.state == "running":
        window.play_action.trigger()
    qtbot.waitUntil(lambda: trainer_of(window) is not None and trainer_of(window).state == "paused"
                    and window.state == "paused", timeout=WAIT_MS)
    qtbot.wait(200)
    trainer = trainer_of(window)
    assert window.play_action.text() == "Play" and window.status.state.text() == "Paused"
    assert window.controller._thread.is_alive()
    # every run's reported steps never go back (a reset starts a new run at 0)
    runs, current = [], []
    for m in inbox:
        if m["kind"] in ("built", "loaded"):
            runs.append(current)
            current = []
        elif m["kind"] == "progress":
            current.append(m["step"])
    runs.append(current)
    assert len(runs) > 5, "the spam included resets"
    for steps in runs:
        assert steps == sorted(steps)
    assert [m for m in inbox if m["kind"] == "event" and m.get("level") == "error"] == []
    assert errors == []
    assert window.step == trainer.step_count
    # and it still trains exactly as asked
    before = trainer.step_count
    train(qtbot, window, 5)
    assert trainer.step_count == before + 5 and trainer_of(window) is trainer
    assert trainer.optimizer.lr == window.controller.config.lr


# ---------------------------------------------------------------------------------------------- close mid-save
def test_closing_mid_save_is_quick_and_keeps_the_save(qtbot, settings, tmp_path):
    config = default_config("char", model="lstm", hidden=256, embed=64, batch=8, bptt=16)
    window, controller = open_window(qtbot, settings, config)
    window.play_action.trigger()
    qtbot.waitUntil(lambda: window.step > 5, timeout=WAIT_MS)
    path = tmp_path / "mid.npz"
    t0 = time.perf_counter()
    controller.save(str(path))
    window.close()  # closeEvent -> controller.close(): the stop is queued behind the save
    assert controller.close(timeout=1.0)
    assert time.perf_counter() - t0 < 1.0
    trainer = load_checkpoint(path)
    assert trainer.step_count >= 6 and trainer.task.model.num_params() > 300_000


# ---------------------------------------------------------------------------------------------- autosave
def test_autosave_every_interval_and_on_close_then_offered_once(qtbot, settings, tmp_path, monkeypatch):
    window, controller = open_window(qtbot, settings)
    autosave = Autosave(window, controller, folder=tmp_path / "data", interval_ms=200)
    assert not autosave.save_now()  # nothing trained yet: nothing to save
    train(qtbot, window, 10)
    qtbot.waitUntil(lambda: autosave.path.exists() and read_checkpoint_meta(autosave.path)["step"] == 10,
                    timeout=WAIT_MS)
    mtime = autosave.path.stat().st_mtime_ns
    qtbot.wait(500)  # paused: no new steps, no new saves
    assert autosave.path.stat().st_mtime_ns == mtime
    window.play_action.trigger()
    qtbot.waitUntil(lambda: window.step > 30, timeout=WAIT_MS)
    t0 = time.perf_counter()
    window.close()  # mid-training: the final autosave is written before the worker stops
    # (the 1 s bound is asserted by the mid-save test; here the point is the content, so a machine
    # loaded by the whole suite gets some slack)
    assert controller.close(timeout=5.0) and time.perf_counter() - t0 < 3.0
    final = trainer_of(window).step_count
    meta = read_checkpoint_meta(autosave.path)
    assert meta["step"] == final > 30 and meta["extra"] == {"autosave": True}
    assert sorted(p.name for p in autosave.path.parent.iterdir()) == ["autosave.npz"]  # no temporaries

    # the next start offers it; "Yes" restores the run exactly, and the same file is not offered again
    window2, controller2 = open_window(qtbot, settings)
    try:
        asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
        second = Autosave(window2, controller2, folder=tmp_path / "data")
        assert second.offer_restore()
        assert len(asked) == 1 and f"step {final:,}" in asked[0] and "adder" in asked[0]
        controller2.load(str(second.path))
        qtbot.waitUntil(lambda: window2.step == final and trainer_of(window2).step_count == final, timeout=WAIT_MS)
        assert len(window2.curves.buf) == final
        assert not second.offer_restore() and len(asked) == 1
    finally:
        window2.close()
        controller2.close()


def test_a_corrupt_or_untrained_autosave_is_not_offered(qtbot, window, tmp_path, monkeypatch):
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    autosave = Autosave(window, window.controller, folder=tmp_path)
    assert not autosave.offer_restore()  # none yet
    autosave.path.write_bytes(b"PK\x03\x04 half a file")
    assert not autosave.offer_restore()
    assert not autosave.path.exists()  # moved aside (tests/gui/test_broken_autosave.py)
    window.controller.save(str(autosave.path))  # step 0
    qtbot.waitUntil(lambda: autosave.path.exists() and autosave.path.stat().st_size > 100, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: read_checkpoint_meta(autosave.path)["step"] == 0, timeout=WAIT_MS)
    assert not autosave.offer_restore() and asked == []
