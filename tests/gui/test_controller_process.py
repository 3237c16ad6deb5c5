"""The controller with training in a child process (the app's default): commands cross the pipe,
reports come back on the GUI thread, a replaced or crashed child never leaves the window stuck."""

from __future__ import annotations

import threading

import pytest

from rnn_lab.engine.tasks.registry import default_config
from rnn_lab.gui.controller import Controller

WAIT_MS = 30_000  # a spawned child imports NumPy and the engine first (about a second on a busy machine)


@pytest.fixture
def inbox():
    return []


@pytest.fixture
def controller(qtbot, inbox):
    c = Controller(process=True)
    c.message.connect(inbox.append)
    c.start()
    yield c
    proc = c._proc
    assert c.close(timeout=3.0)
    assert proc is None or not proc.is_alive()


def of_kind(inbox, kind):
    return [m for m in inbox if m["kind"] == kind]


def small_adder():
    return default_config("adder").replace(hidden=8, batch=8)


def test_trains_in_a_child_process(qtbot, controller, inbox):
    threads = []
    controller.message.connect(lambda m: threads.append(threading.current_thread()))
    controller.build(small_adder())
    qtbot.waitUntil(lambda: bool(of_kind(inbox, "built")), timeout=WAIT_MS)
    assert controller.in_process and controller.threaded
    assert controller.trainer is None  # the model lives in the child: nothing here to read
    assert controller.config.hidden == 8 and controller.run_key() is None  # built, not trained
    assert controller._proc.pid != threading.get_native_id() and controller._proc.is_alive()

    controller.play()
    qtbot.waitUntil(lambda: any(m["step"] >= 30 for m in of_kind(inbox, "progress")), timeout=WAIT_MS)
    controller.pause()
    qtbot.waitUntil(lambda: of_kind(inbox, "progress")[-1]["state"] == "paused", timeout=WAIT_MS)
    last = of_kind(inbox, "progress")[-1]
    assert controller.run_key() == (1, last["step"])
    rows = sum(len(m["points"]["step"]) for m in of_kind(inbox, "progress"))
    assert rows == last["step"]  # every step's curve row crossed the pipe exactly once
    assert set(threads) == {threading.main_thread()}  # emitted by the reader thread, queued to ours


def test_commands_and_answers_cross_the_pipe(qtbot, controller, inbox, tmp_path):
    controller.set_trace(0)
    controller.build(small_adder())
    qtbot.waitUntil(lambda: bool(of_kind(inbox, "built")), timeout=WAIT_MS)
    controller.step(5)
    qtbot.waitUntil(lambda: any(m["step"] == 5 and m["state"] == "paused" for m in of_kind(inbox, "progress")),
                    timeout=WAIT_MS)
    assert any(m.get("trace") is not None for m in of_kind(inbox, "progress"))  # the display set before the build
    controller.set("lr", 0.01)
    qtbot.waitUntil(lambda: bool(of_kind(inbox, "hparam")), timeout=WAIT_MS)
    assert of_kind(inbox, "hparam")[-1]["new"] == 0.01 and controller.config.lr == 0.01
    controller.evaluate("val")
    qtbot.waitUntil(lambda: bool(of_kind(inbox, "eval")), timeout=WAIT_MS)
    assert 0.0 <= of_kind(inbox, "eval")[-1]["accuracy"] <= 1.0

    path = tmp_path / "run.npz"
    controller.save(str(path))
    qtbot.waitUntil(lambda: bool(of_kind(inbox, "saved")), timeout=WAIT_MS)
    assert path.is_file() and of_kind(inbox, "saved")[-1]["step"] == 5
    controller.load(str(path))
    qtbot.waitUntil(lambda: bool(of_kind(inbox, "loaded")), timeout=WAIT_MS)
    loaded = of_kind(inbox, "loaded")[-1]
    assert loaded["step"] == 5 and len(loaded["curves"]["step"]) == 5 and controller.run_key() == (2, 5)


def test_a_failed_build_keeps_the_run_and_the_process(qtbot, controller, inbox):
    controller.build(small_adder())
    qtbot.waitUntil(lambda: bool(of_kind(inbox, "built")), timeout=WAIT_MS)
    controller.build(default_config("lm").replace(data="/no/such/folder"))
    qtbot.waitUntil(lambda: bool(of_kind(inbox, "build_failed")), timeout=WAIT_MS)
    assert "/no/such/folder" in of_kind(inbox, "build_failed")[-1]["message"]
    assert controller._proc.is_alive() and controller.config.task == "adder"
    controller.step(3)
    qtbot.waitUntil(lambda: any(m["step"] == 3 for m in of_kind(inbox, "progress")), timeout=WAIT_MS)


def test_a_crashed_child_is_reported_and_replaced(qtbot, controller, inbox):
    controller.build(small_adder())
    qtbot.waitUntil(lambda: bool(of_kind(inbox, "built")), timeout=WAIT_MS)
    first = controller._proc
    first.kill()
    qtbot.waitUntil(lambda: len(of_kind(inbox, "built")) == 2, timeout=WAIT_MS)
    errors = [m for m in of_kind(inbox, "event") if m["level"] == "error"]
    assert len(errors) == 1 and "stopped unexpectedly" in errors[0]["message"]
    assert controller._proc is not first and controller._proc.is_alive()
    assert of_kind(inbox, "built")[-1]["info"]["config"]["hidden"] == 8  # the same settings again
    controller.step(2)
    qtbot.waitUntil(lambda: any(m["step"] == 2 for m in of_kind(inbox, "progress")), timeout=WAIT_MS)


def test_a_child_that_keeps_dying_is_not_restarted_forever(qtbot, controller, inbox):
    controller.build(small_adder())
    qtbot.waitUntil(lambda: bool(of_kind(inbox, "built")), timeout=WAIT_MS)
    for n in range(2, 5):
        controller._proc.kill()
        qtbot.waitUntil(lambda n=n: len(of_kind(inbox, "built")) == n, timeout=WAIT_MS)
    controller._proc.kill()
    qtbot.waitUntil(lambda: len(of_kind(inbox, "event")) == 4, timeout=WAIT_MS)
    assert "not restarted" in of_kind(inbox, "event")[-1]["message"] and controller._proc is None
    controller.play()  # no child: dropped, no error
    controller.build(small_adder())  # the user's Reset starts a new one
    qtbot.waitUntil(lambda: len(of_kind(inbox, "built")) == 5, timeout=WAIT_MS)


def test_the_window_trains_in_a_child_process_and_autosaves(qtbot, tmp_path):
    """The app's set-up: MainWindow over a process controller; Space trains, the views fill, the
    autosave lands, closing the window ends the child."""
    import pyqtgraph as pg
    from PyQt6.QtCore import QSettings

    from rnn_lab.gui.autosave import Autosave
    from rnn_lab.gui.main_window import MainWindow

    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
    c = Controller(process=True)
    win = MainWindow(c, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show_panels_for("adder")
    win.show()
    c.start()
    autosave = Autosave(win, c, folder=tmp_path / "autosave", interval_ms=3_600_000)
    assert not autosave.needs_saving()
    c.build(small_adder().replace(pause_when_solved=False))
    qtbot.waitUntil(lambda: win.info is not None, timeout=WAIT_MS)
    win.speed.set_speed(0)  # full speed (the adder's first run goes at 5 steps/s)
    win.toggle_play()  # what Space does
    qtbot.waitUntil(lambda: win.step >= 200, timeout=WAIT_MS)
    win.toggle_play()  # (the window shows "paused" at once; the child's last steps report after)
    qtbot.waitUntil(lambda: c._last_state == "paused", timeout=WAIT_MS)
    qtbot.wait(100)
    assert len(win.curves.buf) > 0 and win.curves.val_points  # curves and validation dots arrived
    assert autosave.needs_saving() and autosave.save_now()
    qtbot.waitUntil(lambda: autosave.path.is_file(), timeout=WAIT_MS)
    assert not autosave.needs_saving()
    proc = c._proc
    win.close()
    assert not proc.is_alive()
