"""Reports carry Wh and its spectral radii only while asked, and the window asks only while the
weights panel is on screen."""

from __future__ import annotations

from tests.gui.window_fixtures import *  # noqa: F403
from tests.gui.window_fixtures import display_of


def test_set_weights_turns_weight_reports_on_and_off(qtbot, sync_window):
    w = sync_window
    reports = []
    w.controller.message.connect(lambda m: reports.append(m) if m.get("kind") == "progress" else None)
    w.controller.set_weights(True)
    w.controller.run_steps(2)
    assert display_of(w).weights and any(r.get("weights") for r in reports)
    w.controller.set_weights(False)
    reports.clear()
    w.controller.run_steps(2)
    assert not display_of(w).weights and not any(r.get("weights") for r in reports)
    w.controller.build(w.hyper.current_config())  # a new run starts with the window's display
    assert display_of(w) == w.controller.display


def test_weights_only_while_the_panel_is_on_screen(qtbot, sync_window):
    """Behind another tab the panel is not seen: no eigenvalues are computed for it."""
    w = sync_window
    w.show()
    qtbot.waitExposed(w)
    weights_dock = next(d for p, d in w.docks.items() if p.uses_weights)
    other = next(d for d in w.right_docks if d is not weights_dock and d.isVisible())
    asked = []
    real = w.controller.set_display

    def spy(**changes):  # what the window asks of the run
        if "weights" in changes:
            asked.append(changes["weights"])
        real(**changes)

    w.controller.set_display = spy
    weights_dock.raise_()
    qtbot.waitUntil(lambda: asked[-1:] == [True], timeout=3000)
    other.raise_()
    qtbot.waitUntil(lambda: asked[-1:] == [False], timeout=3000)
    weights_dock.raise_()
    qtbot.waitUntil(lambda: asked[-1:] == [True], timeout=3000)
    weights_dock.hide()
    qtbot.waitUntil(lambda: asked[-1:] == [False], timeout=3000)
