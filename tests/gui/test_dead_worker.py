"""A worker that fails never leaves the window deaf: seq2seq without validation examples trains in the
window, an error escaping the trainer is shown with the run kept, a dead training thread is replaced, and
a crashed child process is described by how it ended (killed, perhaps out of memory, or an error)."""

from __future__ import annotations

import os

import numpy as np
import pytest

from rnn_lab.engine.data.seq2seq_generate import generate_addition
from rnn_lab.engine.tasks.registry import default_config
from rnn_lab.gui.controller import Controller
from tests.gui.window_fixtures import WAIT_MS, settings  # noqa: F401 - a fixture


def crashing_factory(config, vocab=None):
    """make_task; the task of seed 1 fails to show its example (what seq2seq did with no validation
    examples), the task of seed 2 raises SystemExit there (an exception no handler expects)."""
    from rnn_lab.engine.tasks.registry import make_task

    task = make_task(config, vocab=vocab)

    def broken(index=0):
        if config.seed == 1:
            raise ZeroDivisionError("integer modulo by zero")
        raise SystemExit(3)

    if config.seed in (1, 2):
        task.display_example = broken
    return task


def exiting_factory(config, vocab=None):
    """A child whose build ends the process with exit code 1 (an error, not a kill)."""
    os._exit(1)


def make_window(qtbot, settings, config, factory=None):  # noqa: F811 - the fixture's value
    import pyqtgraph as pg

    from rnn_lab.gui.main_window import MainWindow

    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
    controller = Controller(task_factory=factory)
    window = MainWindow(controller, settings)
    qtbot.addWidget(window)
    window.show_panels_for(config.task)
    window.resize(1280, 800)
    window.show()
    controller.start()
    controller.build(config)
    return window, controller


def test_seq2seq_without_validation_examples_trains_in_the_window(qtbot, settings, tmp_path):  # noqa: F811
    """Before: the worker thread died dividing by zero; the window showed "Building…" forever."""
    path = tmp_path / "four.txt"
    q, a = generate_addition(4, np.random.default_rng(1))
    path.write_text("".join(x + y + "\n" for x, y in zip(q, a)), encoding="utf-8")
    config = default_config("seq2seq", data=str(path), hidden=8, embed=4, batch=2)
    window, controller = make_window(qtbot, settings, config)
    try:
        qtbot.waitUntil(lambda: window.info is not None, timeout=WAIT_MS)
        window.toggle_play()
        qtbot.waitUntil(lambda: window.step >= 5, timeout=WAIT_MS)
        assert window.status.state.text() == "Running" and not window.banner.isVisible()
        assert window.info["splits"] == ["train"]
    finally:
        window.close()
        assert controller.close(timeout=2.0)


def test_an_error_escaping_the_trainer_is_shown_and_the_window_keeps_listening(qtbot, settings):  # noqa: F811
    window, controller = make_window(qtbot, settings, default_config("adder", seed=1), crashing_factory)
    try:
        qtbot.waitUntil(lambda: "integer modulo by zero" in window.banner.label.text(), timeout=WAIT_MS)
        assert window.status.state.text() == "Stopped"  # not "Building…"
        assert controller._thread.is_alive()
        controller.build(default_config("adder", hidden=8))  # what Reset does
        qtbot.waitUntil(lambda: window.info is not None and window.info["hidden"] == 8, timeout=WAIT_MS)
        controller.step(4)
        qtbot.waitUntil(lambda: window.step == 4, timeout=WAIT_MS)
    finally:
        window.close()
        assert controller.close(timeout=2.0)


def test_a_dead_training_thread_is_replaced(qtbot, settings):  # noqa: F811
    """Before: a worker thread that ended (here: SystemExit, which the host does not catch) left every
    later command unanswered."""
    window, controller = make_window(qtbot, settings, default_config("adder", seed=2), crashing_factory)
    first = controller._thread
    try:
        qtbot.waitUntil(lambda: not first.is_alive(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: "training thread stopped unexpectedly" in window.banner.label.text(),
                        timeout=WAIT_MS)
        qtbot.waitUntil(lambda: controller._thread is not first and controller._thread.is_alive(), timeout=WAIT_MS)
        controller.build(default_config("adder", hidden=8))
        qtbot.waitUntil(lambda: window.info is not None and window.info["hidden"] == 8, timeout=WAIT_MS)
        controller.step(3)
        qtbot.waitUntil(lambda: window.step == 3, timeout=WAIT_MS)
    finally:
        window.close()
        assert controller.close(timeout=2.0)


@pytest.fixture
def process_controller(qtbot):
    inbox = []
    c = Controller(process=True, task_factory=exiting_factory)
    c.message.connect(inbox.append)
    c.start()
    yield c, inbox
    c.close(timeout=3.0)


def test_a_child_that_keeps_failing_is_described_by_how_it_ended(qtbot, process_controller):
    """Before: whatever ended the child, the window advised "try smaller settings" (right only for a child
    killed for lack of memory); an error is not called a lack of memory."""
    controller, inbox = process_controller
    errors = lambda: [m for m in inbox if m["kind"] == "event" and m["level"] == "error"]  # noqa: E731
    for n in range(1, 5):  # the user presses Reset after each failure
        controller.build(default_config("adder", hidden=8))
        qtbot.waitUntil(lambda n=n: len(errors()) == n, timeout=60_000)
    assert controller._proc is None
    last = errors()[-1]["message"]
    assert "exit code 1" in last and "not restarted" in last and "smaller settings" not in last
    assert "terminal" in last


def test_a_killed_child_is_said_to_be_killed(qtbot):
    inbox = []
    controller = Controller(process=True)
    controller.message.connect(inbox.append)
    controller.start()
    try:
        controller.build(default_config("adder", hidden=8))
        qtbot.waitUntil(lambda: any(m["kind"] == "built" for m in inbox), timeout=60_000)
        controller._proc.kill()
        qtbot.waitUntil(lambda: any(m["kind"] == "event" for m in inbox), timeout=60_000)
        message = next(m for m in inbox if m["kind"] == "event")["message"]
        assert "killed" in message and "memory" in message
    finally:
        controller.close(timeout=3.0)
