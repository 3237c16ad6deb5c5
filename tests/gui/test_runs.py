"""Runs and comparison: kept runs overlaid in their colours, the difference to a pinned baseline at the
crosshair, change markers from live changes, x-axis modes, "ignore outliers", the all-runs CSV."""

from __future__ import annotations

import csv
import time

import numpy as np
import pytest
from PyQt6.QtWidgets import QMessageBox

from rnn_lab.engine.runs import debiased_ema
from rnn_lab.gui.panels.curves import CurvesPanel
from rnn_lab.gui.panels.runs import BASE, SHOW, RunsPanel
from rnn_lab.gui.session_menu import export_all_runs
from tests.gui.window_fixtures import *  # noqa: F403

INFO = {"task": "adder", "metric_name": "accuracy", "config": {"task": "adder", "model": "rnn", "clip": 0.0}}


def points(start, n, loss, dt=0.01):
    step = np.arange(start, start + n, dtype=np.float64)
    loss = np.broadcast_to(np.asarray(loss, dtype=np.float64), step.shape).copy()
    return {"step": step, "time": (step - start + 1) * dt, "loss": loss, "metric": 1 - loss / 2,
            "grad_norm": np.full(n, 2.0), "lr": np.full(n, 0.03)}


def progress(pts):
    return {"kind": "progress", "step": int(pts["step"][-1]), "state": "running", "metric_name": "accuracy",
            "points": pts, "val": []}


@pytest.fixture
def panels(qtbot):
    """A curves panel fed by a runs panel, as the main window wires them."""
    curves, runs = CurvesPanel(capacity=400), RunsPanel()
    for w in (curves, runs):
        qtbot.addWidget(w)
    curves.resize(700, 600)
    curves.show()
    runs.runsChanged.connect(lambda: curves.set_runs(runs.store, runs.current))

    def new_run():
        for p in (curves, runs):
            p.set_task(INFO)

    def feed(pts):
        for p in (curves, runs):
            p.on_progress(progress(pts))
        curves.redraw()

    return curves, runs, new_run, feed


def test_trained_run_is_kept_and_overlaid_with_baseline_difference(qtbot, panels):
    curves, runs, new_run, feed = panels
    new_run()
    first = runs.current
    feed(points(1, 100, 1.0))
    new_run()  # a rebuild: the trained run stays as a kept run
    second = runs.current
    assert runs.kept() == [first] and second is not first and second.color != first.color
    feed(points(1, 100, 0.9))
    assert runs.table.rowCount() == 2 and runs.table.item(0, 0).text() == second.name

    # the kept run is drawn in its colour in the loss and metric plots, smoothed like the current one
    overlay = [item for plot, item in curves.overlays.items if plot is curves.loss_plot and hasattr(item, "xData")]
    assert len(overlay) == 1
    assert overlay[0].opts["pen"].color().name().lower() == first.color.lower()
    np.testing.assert_allclose(overlay[0].yData, debiased_ema(first.curves["loss"], curves.buf.weight))

    runs.check_box(first, BASE).setChecked(True)  # the user ticks Baseline
    assert runs.store.baseline is first
    qtbot.waitUntil(lambda: runs.check_box(first, BASE).isChecked() and not runs.check_box(second, BASE).isChecked())
    curves.show_readout(50.0)
    text = curves.readout.text()
    assert f"{first.name}: loss 1 (baseline)" in text
    assert f"{second.name}: loss 0.9, vs baseline: -0.1" in text
    assert runs.store.difference_to_baseline(second, "loss", 50.0) == pytest.approx(-0.1)

    runs.check_box(first, SHOW).setChecked(False)  # hidden: no overlay, but still the baseline
    assert not [i for p, i in curves.overlays.items if hasattr(i, "xData")]
    runs.remove(first)
    assert runs.store.runs == [second] and runs.store.baseline is None


def test_untrained_run_is_not_kept_and_renaming(qtbot, panels):
    _, runs, new_run, feed = panels
    new_run()
    new_run()
    assert len(runs.store) == 1
    feed(points(1, 10, 1.0))
    old = runs.current
    new_run()
    runs.table.item(1, 0).setText("clip 0.25")  # as the user's edit in the table does
    assert old.name == "clip 0.25"
    runs.table.item(1, 0).setText(runs.current.name)  # a duplicate name is refused
    assert old.name == "clip 0.25"


def test_x_axis_modes_change_the_data_shown(qtbot, panels):
    curves, runs, new_run, feed = panels
    new_run()
    before = time.time()
    feed(points(1, 50, 1.0, dt=0.5))
    curves.add_marker(20.0, "lr 0.03 -> 0.01", "#888888")
    x, _ = curves.loss_smooth.getData()
    np.testing.assert_array_equal(x, np.arange(1, 51))
    curves.set_x_mode("relative")
    assert curves.x_combo.currentData() == "relative"
    x, _ = curves.loss_smooth.getData()
    np.testing.assert_allclose(x, np.arange(1, 51) * 0.5)
    assert curves.markers[0][0].value() == pytest.approx(10.0)  # step 20 at 10 s of training
    curves.x_combo.setCurrentIndex(curves.x_combo.findData("wall"))
    x, _ = curves.loss_smooth.getData()
    assert before - 30 <= x[0] < x[-1] <= time.time() + 1 and x[-1] - x[0] == pytest.approx(24.5)
    curves.set_x_mode("step")
    assert curves.markers[0][0].value() == 20.0
    with pytest.raises(ValueError, match="x mode"):
        curves.set_x_mode("epoch")


def test_ignore_outliers_excludes_a_spike(qtbot, panels):
    curves, runs, new_run, feed = panels
    curves.smoothing.setValue(0)
    new_run()
    loss = np.linspace(2.0, 1.0, 200)
    loss[120] = 500.0  # one bad batch
    feed(points(1, 200, loss))
    curves.loss_plot.vb.autoRange()
    assert curves.loss_plot.viewRange()[1][1] > 400  # auto range: the spike squeezes the rest
    curves.outliers.setChecked(True)
    curves._dirty = True
    curves.redraw()
    lo, hi = curves.loss_plot.viewRange()[1]
    assert hi < 3 and lo < 1.05
    curves.outliers.setChecked(False)
    qtbot.waitUntil(lambda: curves.loss_plot.viewRange()[1][1] > 400, timeout=3000)


def test_live_change_marks_the_curves(qtbot, sync_window):
    w = sync_window
    w.controller.run_steps(3)
    old = w.hyper.current_config().lr
    w.hyper._edited("lr", 0.01)  # as the slider commits it
    w.controller.run_steps(2)
    label = f"lr {old:g} -> 0.01"
    assert label == "lr 0.03 -> 0.01"
    labels = [m[0].label.format for m in w.curves.markers]
    assert labels == [label] and w.curves.markers[0][0].value() == 3
    assert w.runs_panel.current.changes[-1]["new"] == 0.01


def test_export_all_runs_long_csv(qtbot, sync_window, tmp_path, monkeypatch):
    w = sync_window
    w.controller.run_steps(4)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    w.reset()
    w.controller.run_steps(3)
    first, second = w.runs_panel.kept()[0], w.runs_panel.current
    assert w.curves.overlays.kept_visible() == [first]
    path = export_all_runs(w, str(tmp_path / "runs"))
    assert path == tmp_path / "runs.csv"
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["run", "step", "time", "metric", "value"]
    assert {r["run"] for r in rows} == {first.name, second.name}
    loss = [r for r in rows if r["run"] == first.name and r["metric"] == "loss"]
    assert [int(r["step"]) for r in loss] == [1, 2, 3, 4]
    assert float(loss[0]["value"]) == pytest.approx(first.curves["loss"][0])
    assert {r["metric"] for r in rows} >= {"loss", "accuracy", "grad_norm", "lr"}
    assert len([r for r in rows if r["run"] == second.name and r["metric"] == "loss"]) == 3


def test_smoothing_is_debiased_and_matches_engine_runs():
    from rnn_lab.gui.curve_buffer import CurveBuffer

    x = np.random.default_rng(0).random(300)
    x[5] = np.nan
    b = CurveBuffer(("step", "loss"), ("loss",), capacity=1000)
    b.extend({"step": np.arange(300.0), "loss": x})
    b.set_weight(0.9)  # recomputed with engine.runs.debiased_ema ...
    b.extend({"step": np.arange(300.0, 310.0), "loss": np.ones(10)})  # ... and continued incrementally
    ref = debiased_ema(np.r_[x, np.ones(10)], 0.9)
    np.testing.assert_allclose(b.smooth("loss"), ref, rtol=1e-12, equal_nan=True)
    assert b.smooth("loss")[0] == pytest.approx(x[0])  # debiased: the first value is not pulled to 0
