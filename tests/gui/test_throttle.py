"""Throttle: the first call runs at once, a burst within the interval becomes one trailing call."""

from __future__ import annotations

from rnn_lab.gui.throttle import Throttle


def test_a_burst_runs_once_now_and_once_at_the_end(qtbot):
    calls = []
    th = Throttle(lambda: calls.append(len(calls)), 0.1)
    th()
    assert calls == [0]
    for _ in range(50):
        th()
    assert calls == [0] and th.pending
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=2000)
    qtbot.wait(150)
    assert calls == [0, 1] and not th.pending  # the burst drew once more, not 50 times


def test_cancel_drops_the_pending_call(qtbot):
    calls = []
    th = Throttle(lambda: calls.append(1), 0.05)
    th()
    th()
    th.cancel()
    qtbot.wait(120)
    assert calls == [1]
