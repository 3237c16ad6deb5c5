"""Train > Threads: the window's thread setting, saved, applied between steps, overridable for a session."""

from __future__ import annotations

from rnn_lab.engine import threads
from rnn_lab.gui import threads_menu
from tests.gui.window_fixtures import *  # noqa: F403
from tests.gui.window_fixtures import WAIT_MS, open_window


def test_menu_offers_automatic_and_counts_up_to_the_usable_cores(window):
    cores = threads.usable_cores()
    acts = window.thread_actions
    assert 0 in acts and acts[0].text().startswith("Automatic")
    assert max(n for n in acts if n) == cores
    assert acts[0].isChecked()  # nothing saved yet
    assert window.controller.threads == threads_menu.resolve(0)
    train_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Train")
    assert any(a.text() == "&Threads" for a in train_menu.actions())


def test_choice_is_saved_applied_between_steps_and_restored(qtbot, settings):
    before = threads.blas_threads()
    try:
        win, controller = open_window(qtbot, settings)
        assert threads_menu.choose(win, 1) == 1
        assert settings.value("threads", type=int) == 1 and win.thread_actions[1].isChecked()
        assert controller.threads == 1
        controller.step(2)  # the worker applies the count between steps (a thread of this process here)
        qtbot.waitUntil(lambda: threads.blas_threads() == 1 and controller._host.threads == 1, timeout=WAIT_MS)
        win.close()
        assert controller.close(timeout=2.0)

        again, controller2 = open_window(qtbot, settings)  # a new window starts with the saved choice
        assert again.thread_actions[1].isChecked() and controller2.threads == 1
        again.close()
        controller2.close(timeout=2.0)
    finally:
        threads.set_threads(before)


def test_session_override_is_not_saved(qtbot, settings):
    before = threads.blas_threads()
    try:
        win, controller = open_window(qtbot, settings, threaded=False)
        threads_menu.choose(win, 3, save=False)
        assert controller.threads == 3 and settings.value("threads") is None
        assert not any(a.isChecked() for a in win.thread_actions.values()) or threads.usable_cores() >= 3
        win.close()
    finally:
        threads.set_threads(before)


def test_a_saved_count_beyond_this_machine_is_clamped(qtbot, settings):
    settings.setValue("threads", 10_000)
    before = threads.blas_threads()
    try:
        win, controller = open_window(qtbot, settings, threaded=False)
        assert controller.threads == threads.usable_cores()
        win.close()
    finally:
        threads.set_threads(before)


def test_host_applies_threads_at_once_when_not_serving():
    from rnn_lab.engine.host import TrainerHost

    before = threads.blas_threads()
    try:
        host = TrainerHost(lambda msg: None)
        host.command("threads", 1)
        assert host.threads == 1 and threads.blas_threads() == 1
    finally:
        threads.set_threads(before)
