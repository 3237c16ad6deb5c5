"""The curves panel: points go into bounded buffers, TensorBoard's debiased smoothing, NaN safety,
validation points, markers, hover readout, history from a checkpoint."""

from __future__ import annotations

import math

import numpy as np
import pytest

from rnn_lab.gui.curve_buffer import CurveBuffer, debiased_ema
from rnn_lab.gui.panels.curves import CurvesPanel


def points(start, n, loss=None):
    step = np.arange(start, start + n, dtype=np.float64)
    loss = np.exp(-step / 500) if loss is None else np.asarray(loss, dtype=np.float64)
    return {"step": step, "time": step * 0.01, "loss": loss, "metric": 1 - loss / 2,
            "grad_norm": np.full(n, 2.0), "lr": np.full(n, 0.03)}


def report(pts, **extra):
    return {"kind": "progress", "step": int(pts["step"][-1]) if len(pts["step"]) else 0, "state": "running",
            "metric_name": "accuracy", "points": pts, "val": [], **extra}


@pytest.fixture
def panel(qtbot):
    p = CurvesPanel(capacity=200)
    qtbot.addWidget(p)
    p.resize(600, 600)
    p.show()
    p.set_task({"task": "adder", "metric_name": "accuracy", "config": {"clip": 0.0}})
    return p


def test_debiased_ema_matches_tensorboard():
    x = np.array([1.0, 2.0, math.nan, 3.0, 4.0])
    out, state = debiased_ema(x, 0.6)
    last, n, expected = 0.0, 0, []
    for v in x:
        if not math.isfinite(v):
            expected.append(math.nan)
            continue
        last = 0.6 * last + 0.4 * v
        n += 1
        expected.append(last / (1 - 0.6**n))
    np.testing.assert_allclose(out, expected)
    assert out[0] == 1.0  # debiased: the first value is not pulled towards zero
    more, _ = debiased_ema(np.array([5.0]), 0.6, state)  # chunks continue the same average
    whole, _ = debiased_ema(np.append(x, 5.0), 0.6)
    assert more[0] == pytest.approx(whole[-1])


def test_buffer_is_bounded_and_keeps_order():
    buf = CurveBuffer(("step", "loss"), ("loss",), capacity=100)
    for start in range(0, 10_000, 37):
        buf.extend({"step": np.arange(start, start + 37, dtype=float), "loss": np.ones(37)})
    assert len(buf) <= 100 and buf.stride > 1
    steps = buf.col("step")
    assert np.all(np.diff(steps) > 0) and steps[-1] > 9_800  # recent points kept, in order
    assert buf.data.shape == (100, 2)  # preallocated, never grown


def test_points_reach_the_plots(qtbot, panel):
    assert panel.hint.isVisible()
    panel.on_progress(report(points(1, 50)))
    panel.redraw()
    x, y = panel.loss_raw.getData()
    assert len(x) == 50 and x[0] == 1 and y[-1] == pytest.approx(math.exp(-50 / 500))
    assert len(panel.loss_smooth.getData()[0]) == 50
    assert not panel.hint.isVisible()


def test_long_runs_stay_bounded(qtbot, panel):
    for start in range(1, 20_001, 500):
        panel.on_progress(report(points(start, 500)))
    panel.redraw()
    assert len(panel.buf) <= 200
    assert len(panel.loss_raw.getData()[0]) <= 200


def test_nan_and_inf_are_safe(qtbot, panel):
    loss = np.array([1.0, np.nan, np.inf, 0.5, -np.inf, 0.4])
    panel.on_progress(report(points(1, 6, loss)))
    panel.log_y.setChecked(True)  # log of NaN/inf/0 must not warn (warnings are errors here)
    panel.redraw()
    smooth = panel.buf.smooth("loss")
    assert math.isnan(smooth[1]) and math.isfinite(smooth[3])
    panel.log_y.setChecked(False)


def test_validation_points_and_markers(qtbot, panel):
    panel.on_progress(report(points(1, 100), val=[{"step": 100.0, "split": "val", "loss": 0.3, "accuracy": 0.9}]))
    panel.redraw()
    vx, vy = panel.metric_val.getData()
    assert list(vx) == [100.0] and list(vy) == [0.9]
    panel.on_message({"kind": "event", "level": "diverged", "step": 101, "message": "x"})
    panel.on_message({"kind": "hparam", "step": 60, "name": "lr", "old": 0.03, "new": 0.1, "source": "user"})
    panel.on_message({"kind": "hparam", "step": 61, "name": "temperature", "old": 1.0, "new": 0.5,
                      "source": "user"})
    assert len(panel.markers) == 2  # sampling settings don't mark the training curves
    assert panel.markers[0][0].value() == 101 and "lr" in panel.markers[1][0].label.format


def test_many_validation_points_become_a_line_and_drawing_stays_thin(qtbot, panel):
    from rnn_lab.gui.panels.curves import MAX_VAL_SYMBOLS

    assert panel.loss_val.opts["symbol"] == "o"
    vals = [{"step": float(s), "split": "val", "loss": 1.0 / s, "accuracy": 0.5} for s in range(1, MAX_VAL_SYMBOLS + 2)]
    panel.on_progress(report(points(1, 200), val=vals))
    panel.redraw()
    assert panel.loss_val.opts["symbol"] is None and panel.metric_val.opts["symbol"] is None
    assert len(panel.loss_val.getData()[0]) == MAX_VAL_SYMBOLS + 1  # every point, as a line
    # the raw curves are drawn with at most about 2 points per pixel column (peak: min and max)
    big = CurvesPanel(capacity=50_000)
    qtbot.addWidget(big)
    big.resize(400, 600)
    big.show()
    big.set_task({"task": "adder", "metric_name": "accuracy", "config": {"clip": 0.0}})
    rng = np.random.default_rng(0)
    big.on_progress(report(points(1, 40_000, 1 + rng.random(40_000))))
    big.redraw()
    qtbot.waitExposed(big)
    big.loss_plot.getViewBox().updateAutoRange()
    x, _ = big.loss_raw.getData()
    assert len(x) <= 2 * big.loss_plot.getViewBox().width() + 4
    assert len(big.loss_raw.getOriginalDataset()[0]) == 40_000  # zooming in still finds every point


def test_slow_repaints_slow_the_redraw_timer_down(qtbot, panel):
    from rnn_lab.gui.panels.curves import redraw_interval

    assert [redraw_interval(ms) for ms in (2, 15, 45, 200)] == [120, 120, 360, 400]
    panel.on_progress(report(points(1, 100)))
    panel.redraw()
    qtbot.waitUntil(lambda: panel._paint_ms > 0, timeout=3000)  # the real repaint is timed
    assert panel.timer.interval() == redraw_interval(panel._paint_ms)


def test_clip_line_follows_the_setting(qtbot, panel):
    panel.on_progress(report(points(1, 10)))
    panel.on_message({"kind": "hparam", "step": 10, "name": "clip", "old": 0.0, "new": 5.0, "source": "user"})
    panel.redraw()
    assert panel.clip_line.isVisible() and panel.clip_line.value() == 5.0


def test_smoothing_slider_recomputes(qtbot, panel):
    rng = np.random.default_rng(0)
    panel.on_progress(report(points(1, 100, 1 + rng.standard_normal(100) * 0.1)))
    rough = panel.buf.smooth("loss").std()
    panel.smoothing.setValue(95)
    assert panel.buf.smooth("loss").std() < rough
    panel.smoothing.setValue(0)
    np.testing.assert_array_equal(panel.buf.smooth("loss"), panel.buf.col("loss"))


def test_hover_readout(qtbot, panel):
    panel.on_progress(report(points(1, 100), val=[{"step": 50.0, "split": "val", "loss": 0.3, "accuracy": 0.9}]))
    panel.redraw()
    panel.show_readout(60.4)
    text = panel.readout.text()
    assert "step 60" in text and "val loss 0.3" in text and "lr 0.03" in text
    assert all(c.value() == 60 for c in panel.cursors)


def test_history_from_a_checkpoint(qtbot, panel):
    pts = points(1, 30)
    panel.on_message({"kind": "loaded", "curves": pts, "path": "x.npz", "step": 30,
                      "val_points": [{"step": 20.0, "split": "val", "loss": 0.5, "accuracy": 0.5}],
                      "changes": [{"step": 10, "name": "lr", "old": 0.03, "new": 0.05, "source": "user"}]})
    assert len(panel.buf) == 30 and len(panel.val_points) == 1 and len(panel.markers) == 1
    panel.set_task({"task": "char", "metric_name": "perplexity", "config": {"clip": 5.0}})
    assert len(panel.buf) == 0 and panel.markers == [] and panel.metric_plot.titleLabel.text == "Perplexity"


def test_plots_share_the_step_axis(qtbot, panel):
    panel.on_progress(report(points(1, 100)))
    panel.redraw()
    panel.loss_plot.setXRange(20, 40, padding=0)
    for p in panel.plots[1:]:
        lo, hi = p.viewRange()[0]
        assert lo == pytest.approx(20) and hi == pytest.approx(40)
