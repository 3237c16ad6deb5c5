"""Shared set-up of the main-window tests: an isolated QSettings file, a controller, a shown window.

Import the fixtures into a test module with ``from tests.gui.window_fixtures import *``.
"""

from __future__ import annotations

import pytest

from rnn_lab.engine.tasks.registry import default_config

WAIT_MS = 20_000  # generous: the test machine is shared; waits end as soon as the condition holds


@pytest.fixture
def settings(tmp_path):
    from PyQt6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, settings, config=None, threaded=True, watch=False):
    """A shown MainWindow over a controller, with ``config`` (default: the adder) built. Unless ``watch``,
    at full speed and never pausing itself when solved (what a learner sees first is tested on its own)."""
    import pyqtgraph as pg

    from rnn_lab.gui.controller import Controller
    from rnn_lab.gui.main_window import MainWindow

    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
    controller = Controller()
    window = MainWindow(controller, settings)
    qtbot.addWidget(window)
    config = config or default_config("adder", pause_when_solved=watch)
    window.show_panels_for(config.task)
    window.resize(1280, 800)
    window.show()
    if threaded:
        controller.start()
    controller.build(config)
    qtbot.waitUntil(lambda: window.info is not None, timeout=WAIT_MS)
    if not watch:
        window.speed.set_speed(0)  # (the adder's first run would go at 5 steps a second)
    return window, controller


@pytest.fixture
def window(qtbot, settings):
    """A threaded window on the adder; closed (and its worker joined) after the test."""
    win, controller = open_window(qtbot, settings)
    yield win
    win.close()
    assert controller.close(timeout=2.0)


@pytest.fixture
def watch_window(qtbot, settings):
    """A threaded window on the adder as a learner first sees it: slowed down, pausing when solved."""
    win, controller = open_window(qtbot, settings, watch=True)
    yield win
    win.close()
    assert controller.close(timeout=2.0)


@pytest.fixture
def sync_window(qtbot, settings):
    """A window whose controller runs synchronously (``controller.run_steps``)."""
    win, controller = open_window(qtbot, settings, threaded=False)
    yield win
    win.close()


def trainer_of(window):
    """The controller's current Trainer (tests read it; only the worker writes it)."""
    return window.controller.trainer


def call_in_run(window, fn) -> None:
    """Run ``fn(trainer)`` on the run's own thread, between two steps."""
    window.controller._host.live.command("call", fn)


def display_of(window):
    """The ``Display`` the current run computes for (what the host gave its LiveRun)."""
    return window.controller._host.live.display


__all__ = ["WAIT_MS", "call_in_run", "display_of", "open_window", "settings", "sync_window", "trainer_of", "watch_window", "window"]
