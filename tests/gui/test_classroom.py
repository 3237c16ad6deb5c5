"""What a learner sees in the first minutes (issue 13): runs scoped to their task, change markers that
never overlap, focus back to the window on Escape, series recorded while their view is hidden, lessons
that pause at their steps and give the views room, the adder at a watchable pace that pauses when solved."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QApplication, QMessageBox

from rnn_lab.engine.lessons import builtin_lessons
from rnn_lab.engine.live import LiveRun
from rnn_lab.engine.tasks.registry import default_config
from rnn_lab.gui.curve_markers import label_lanes
from rnn_lab.gui.main_window import VIEW_MIN_HEIGHT
from rnn_lab.gui.panels.curves import CurvesPanel
from tests.gui.window_fixtures import *  # noqa: F403
from tests.gui.window_fixtures import WAIT_MS, trainer_of

SMALL_CHAR = dict(hidden=16, embed=8, batch=4, bptt=16, eval_interval=0)


def discard(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


# ---------------------------------------------------------------------------- runs belong to a task
def test_runs_of_another_task_are_listed_not_drawn(qtbot, sync_window, monkeypatch):
    w = sync_window
    discard(monkeypatch)
    w.controller.run_steps(40)
    adder_run = w.runs_panel.current
    w.controller.build(default_config("char", **SMALL_CHAR))
    qtbot.waitUntil(lambda: w.info["task"] == "char")
    w.controller.run_steps(3)
    w.curves.redraw()
    curves = w.curves
    assert adder_run in w.runs_panel.kept() and curves.overlays.kept_visible() == []
    assert curves.overlays.items == []  # nothing of the adder on the char plots...
    curves.loss_plot.vb.updateAutoRange()
    assert curves.loss_plot.viewRange()[0][1] < 10  # ...and its 40 steps do not stretch the x axis
    row = w.runs_panel._ordered().index(adder_run)
    assert row == 1 and not w.runs_panel.check_box(adder_run, 1).isEnabled()  # listed, greyed
    assert "not drawn" in w.runs_panel.table.item(row, 0).toolTip()
    first_char = w.runs_panel.current
    w.reset()  # another char run: the first one is drawn under it, in its own colour
    w.controller.run_steps(3)
    assert curves.overlays.kept_visible() == [first_char]
    names = [r.name for r in w.runs_panel.store.runs]
    assert names[0] == "RNN 16 tanh · lr 0.03" and names[1].startswith("LSTM 16 · lr")
    assert len({r.color for r in w.runs_panel.store.runs}) == 3


# ---------------------------------------------------------------------------- markers
def test_label_lanes_never_overlap():
    rng = np.random.default_rng(0)
    xs, widths = list(rng.uniform(0, 500, 30)), list(rng.uniform(40, 120, 30))
    rows = [int(r) for r in rng.integers(1, 3, 30)]
    lanes = label_lanes(xs, widths, rows, lanes=5)
    placed = [(x - w / 2, x + w / 2, lane, lane + k - 1) for x, w, k, lane in zip(xs, widths, rows, lanes)
              if lane is not None]
    for i, (a0, a1, l0, l1) in enumerate(placed):
        for b0, b1, m0, m1 in placed[i + 1:]:
            assert a1 <= b0 or b1 <= a0 or l1 < m0 or m1 < l0  # apart in x, or in different lanes
    assert label_lanes([10.0, 12.0], [50.0, 50.0]) == [0, 1]
    assert label_lanes([10.0, 200.0], [50.0, 50.0]) == [0, 0]


def test_marker_labels_made_seconds_apart_do_not_overlap(qtbot):
    panel = CurvesPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 900)
    panel.show()
    panel.set_task({"task": "char", "metric_name": "perplexity", "config": {"clip": 5.0}})
    step = np.arange(1, 2001, dtype=float)
    panel.on_progress({"kind": "progress", "step": 2000, "state": "running", "metric_name": "perplexity",
                       "points": {"step": step, "time": step / 100, "loss": 2 + np.exp(-step / 500),
                                  "metric": np.ones(2000), "grad_norm": np.ones(2000), "lr": np.ones(2000)}, "val": []})
    panel.redraw()
    changes = [(1000, "lr", 0.003, 0.01), (1004, "clip", 5.0, 1.0), (1009, "dropout", 0.05, 0.1),
               (1012, "dropout", 0.1, 0.3), (1012, "lr", 0.01, 0.02), (1500, "clip", 1.0, 2.0)]
    for s, name, old, new in changes:
        panel.on_message({"kind": "hparam", "step": s, "name": name, "old": old, "new": new, "source": "user"})
    panel.on_message({"kind": "hparam", "step": 1200, "name": "temperature", "old": 1.0, "new": 0.5, "source": "user"})
    panel.on_message({"kind": "hparam", "step": 1200, "name": "top_k", "old": 0, "new": 5, "source": "user"})
    # the same change again (a loaded checkpoint's history and the live message): drawn once
    panel.on_message({"kind": "hparam", "step": 1500, "name": "clip", "old": 1.0, "new": 2.0, "source": "user"})
    QApplication.processEvents()
    assert len(panel.markers) == 5  # two changes at step 1012 share one marker; sampling settings: none
    labels = [lines[0].label for lines in panel.markers]
    assert labels[3].format == "dropout 0.1 -> 0.3\nlr 0.01 -> 0.02"
    rects = [lab.mapRectToScene(lab.boundingRect()) for lab in labels if lab.isVisible()]
    assert len(rects) == 5
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b), (a, b)
    panel.loss_plot.setXRange(0, 20_000, padding=0)  # zoomed out: all the lines crowd into a few pixels
    QApplication.processEvents()
    rects = [lab.mapRectToScene(lab.boundingRect()) for lab in labels if lab.isVisible()]
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    panel.show_readout(1005.0)  # the crosshair lists the changes near it, hidden labels included
    assert "lr 0.003 -&gt; 0.01" in panel.readout.text() or "lr 0.003 -> 0.01" in panel.readout.text()


def test_a_loaded_checkpoint_marks_each_change_once(qtbot, sync_window, tmp_path):
    w = sync_window
    w.controller.run_steps(3)
    w.hyper._edited("lr", 0.01)
    w.controller.run_steps(2)
    path = tmp_path / "run.npz"
    w.controller.save(str(path))
    w.controller.load(str(path))
    qtbot.waitUntil(lambda: w.step == 5)
    w.controller.run_steps(1)
    assert [lines[0].label.format for lines in w.curves.markers] == ["lr 0.03 -> 0.01"]


def test_the_readout_goes_when_the_run_changes(qtbot, sync_window, monkeypatch):
    w = sync_window
    w.controller.run_steps(10)
    w.curves.redraw()
    w.curves.show_readout(5)
    assert w.curves.readout.isVisible()
    discard(monkeypatch)
    w.change_task("char")
    qtbot.waitUntil(lambda: w.info["task"] == "char", timeout=WAIT_MS)
    assert not w.curves.readout.isVisible() and not any(c.isVisible() for c in w.curves.cursors)


# ---------------------------------------------------------------------------- focus
def test_escape_and_a_click_on_a_plot_give_the_focus_back(qtbot, sync_window):
    w = sync_window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=WAIT_MS)
    field = w.hyper.editors["seed"]  # a spin box: Space would type into it
    field.setFocus()
    qtbot.waitUntil(lambda: field.hasFocus(), timeout=WAIT_MS)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not field.hasFocus() and w.curves.hasFocus()
    assert w.state == "paused"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # now Space is the window's again
    assert w.state == "running"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert w.state == "paused"
    field.setFocus()
    qtbot.waitUntil(lambda: field.hasFocus(), timeout=WAIT_MS)
    qtbot.mouseClick(w.curves.glw.viewport(), Qt.MouseButton.LeftButton)
    assert not field.hasFocus() and w.curves.hasFocus()


# ---------------------------------------------------------------------------- series while hidden
def test_the_spectral_radius_is_recorded_while_its_view_is_hidden(qtbot, sync_window, monkeypatch):
    monkeypatch.setattr(LiveRun, "radius_interval", 0.0)
    w = sync_window
    weights = next(p for p in w.panels if type(p).__name__ == "WeightsPanel")
    w.docks[next(p for p in w.panels if type(p).__name__ == "AdderPanel")].raise_()
    QApplication.processEvents()
    w._update_traces()
    assert w.docks[weights].visibleRegion().isEmpty() and w.controller.display.weights is False  # behind a tab: no matrices
    for _ in range(6):
        w.controller.run_steps(3)
    steps = [s for s, _ in weights.history["rnn0"]["h"]] if "rnn0" in weights.history else \
        [s for s, _ in next(iter(weights.history.values()))["h"]]
    assert {3, 6, 9, 12, 15, 18} <= set(steps) and steps == sorted(set(steps))  # every report carried one
    w.docks[weights].raise_()
    QApplication.processEvents()
    x, _ = next(iter(weights.curves.values())).getData()
    assert list(x) == steps  # drawn when shown, the whole history


# ---------------------------------------------------------------------------- lessons
def lesson(name):
    return next(p for p in builtin_lessons() if name in p.name)


def test_a_lesson_pauses_at_its_steps_and_keeps_its_views_usable(qtbot, window):
    w = window
    assert w.lessons.open_path(lesson("why-gradients"))
    qtbot.waitUntil(lambda: w.info["task"] == "char" and w.controller.config.model == "rnn", timeout=WAIT_MS)
    assert "Training pauses at steps 300, 600" in w.lessons.panel.text.toPlainText()
    QApplication.processEvents()
    front = [d for d in w.right_docks if not d.isHidden() and not d.visibleRegion().isEmpty()]
    assert front and all(d.widget().height() >= VIEW_MIN_HEIGHT for d in front)  # the text did not squeeze it
    assert w.lessons.dock.height() <= w.height() * 0.3
    w.play_action.trigger()
    qtbot.waitUntil(lambda: w.state == "paused" and w.step == 300, timeout=60_000)
    assert trainer_of(w).step_count == 300  # exactly where the text says "about 300 steps"
    # (the curves up to the pause come first, then the message about it: a second message)
    qtbot.waitUntil(lambda: "Paused at step 300" in w.banner.label.text(), timeout=WAIT_MS)
    w.lessons.leave()
    assert w.controller.display.pause_at == ()


def test_leaving_a_lesson_of_another_task_shows_every_panel_again(qtbot, sync_window):
    w = sync_window  # the adder
    w.lessons.open_path(lesson("temperature"))  # a char lesson: sampling and curves only
    assert w.info["task"] == "char"
    w.lessons.leave()
    shown = {type(p).__name__ for p, d in w.docks.items() if not d.isHidden()}
    expected = {type(p).__name__ for p in w.panels if "char" in p.tasks and p in w.docks}
    assert shown == expected  # the char views the lesson hid are back, without View > Reset layout


# ---------------------------------------------------------------------------- the adder's pace
def test_the_adder_goes_at_a_watchable_pace_and_pauses_when_solved(qtbot, watch_window):
    w = watch_window
    assert w.speed.speed() == 5.0  # its first run: 5 steps a second
    assert "5 steps per second" in w.statusBar().currentMessage()
    w.play_action.trigger()
    qtbot.waitUntil(lambda: w.step >= 10, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: w.status.rate.text().endswith("steps/s"), timeout=WAIT_MS)
    rate = float(w.status.rate.text().split()[0])
    assert 0 < rate <= 8  # the status bar says how fast it really goes (at most 5 steps/s), not the throughput
    w.speed.set_speed(0)  # the user wants full speed
    qtbot.waitUntil(lambda: w.state == "paused" and "Solved" in w.banner.label.text(), timeout=60_000)
    assert trainer_of(w).solved_at is not None
    assert w.curves.val_points[-1]["accuracy"] == 1.0


DEMO = Path(__file__).resolve().parents[1] / "data" / "demo-3-lines.txt"  # the three lines learners write first


@pytest.mark.parametrize("text", [DEMO.read_text(encoding="utf-8"), "one short line\nand another\nand a third\n"])
def test_a_three_line_text_trains_with_the_defaults(qtbot, sync_window, tmp_path, text):
    path = tmp_path / "mine.txt"
    path.write_text(text, encoding="utf-8")
    w = sync_window
    w.use_data("char", str(path))
    qtbot.waitUntil(lambda: w.info["task"] == "char", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "The text is short" in w.banner.label.text() and w.banner.isVisible(), timeout=WAIT_MS)
    assert w.controller.run_steps(5) == 5


# ---------------------------------------------------------------------------- small things
def test_reset_to_defaults_and_a_fresh_start(qtbot, sync_window):
    from types import SimpleNamespace

    from rnn_lab.gui.app import initial_config

    w = sync_window
    w.hyper._edited("lr", 0.2)
    w.hyper._edited("hidden", 40)
    w.hyper.reset_to_defaults()
    defaults = default_config("adder")
    assert w.hyper.values["lr"] == defaults.lr and w.hyper.values["hidden"] == defaults.hidden
    w.settings.setValue("task", "char")  # last session's task: a fresh start does not reopen it
    args = SimpleNamespace(task=None, preset=None, data=None)
    assert initial_config(args, w).task == "char"
    w.task_configs.clear()
    assert initial_config(args, w, fresh=True) == default_config("adder")


def test_evaluate_now_shows_that_it_works(qtbot, sync_window, monkeypatch):
    w = sync_window
    asked = []
    monkeypatch.setattr(w.controller, "evaluate", asked.append)  # held back: a big split takes seconds
    w.evaluate_now()
    assert asked == ["val"]
    assert w.status.work.isVisibleTo(w) and not w.eval_action.isEnabled()
    assert "Evaluating" in w.status.work_label.text()
    monkeypatch.undo()
    w.controller.evaluate("val")  # (synchronous: answered at once)
    qtbot.waitUntil(lambda: w.eval_action.isEnabled(), timeout=WAIT_MS)
    assert not w.status.work.isVisibleTo(w)


def test_the_guide_opens_at_a_views_section(qtbot, sync_window):
    from rnn_lab.gui.guide import SECTIONS

    w = sync_window
    panel = next(p for p in w.panels if type(p).__name__ == "ActivationsPanel")
    title_bar = w.docks[panel].titleBarWidget()
    title_bar.help_button.click()
    dlg = w._guide_dialog
    assert dlg.isVisible() and "chapter 6.1" in dlg.text.toPlainText()
    assert all(type(p).__name__ in SECTIONS for p in w.panels)  # every view has its section
    w.curves.help_button.click()
    dlg.close()


def test_the_status_clock_counts_running_time_only_and_the_real_pace(qtbot):
    from PyQt6.QtWidgets import QStatusBar

    from rnn_lab.gui.widgets.run_status import RunStatus

    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = RunStatus(bar)
    status.set_speed(5.0)
    report = {"step": 0, "elapsed_s": 0.0, "tokens_per_s": 244_000.0}
    status.update({**report, "state": "paused"}, now=100.0)  # built, then left paused for a minute
    status.update({**report, "state": "running", "step": 1}, now=160.0)
    status.update({**report, "state": "running", "step": 26}, now=165.0)
    assert status.running_s == 5.0  # not the minute it waited
    status._show.flush()
    assert status.rate.text() == "5 steps/s" and status.elapsed.text() == "0:05"  # not "244k tok/s"
    status.update({**report, "state": "paused", "step": 30}, now=166.0)
    status.update({**report, "state": "paused", "step": 30}, now=500.0)
    assert status.running_s == 6.0
