"""Trainer, the core: steps, fit, live settings, divergence, evaluation, schedules, its messages.

Driving it live from another thread (commands, throttled reports) is ``live.LiveRun``: test_live.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from rnn_lab.engine import messages
from rnn_lab.engine.curves import thin_history
from rnn_lab.engine.runs import Run
from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.engine.trainer import DIVERGED, FINISHED, Trainer
from tests.engine.fake_task import FakeTask, fake_config


def test_every_step_sends_its_row_and_new_validation_points():
    reports = []
    t = Trainer(FakeTask(fake_config(eval_interval=3)), callback=reports.append)
    t.fit(max_steps=7)
    progress = [r for r in reports if r["kind"] == "progress"]
    assert all(not messages.check(r) for r in reports)
    assert len(progress) == 8  # one per step, and the last one of fit
    steps = np.concatenate([r["points"]["step"] for r in progress])
    np.testing.assert_array_equal(steps, np.arange(1, 8))
    assert [v["step"] for r in progress for v in r["val"]] == [3.0, 6.0]  # each validation once
    assert progress[-1]["state"] == FINISHED and progress[-1]["step"] == 7 and progress[-1]["rmse"] > 0
    assert progress[3]["points"]["loss"][0] == t.curves.column("loss")[3]


def test_live_setting_reaches_the_optimizer_and_is_recorded():
    reports = []
    t = Trainer(FakeTask(fake_config(lr=0.05)), callback=reports.append)
    t.fit(max_steps=5)
    t.apply_setting("lr", 0.001)
    t.apply_setting("clip", 1.0)
    t.apply_setting("clip", 1.0)  # unchanged: not recorded
    changes = [r for r in reports if r["kind"] == "hparam"]
    assert [c["name"] for c in changes] == ["lr", "clip"] and not any(messages.check(c) for c in changes)
    assert changes[0]["old"] == 0.05 and changes[0]["new"] == 0.001 and changes[0]["source"] == "user"
    assert t.optimizer.lr == 0.001 and t.base_lr == 0.001 and t.config.clip == 1.0
    t.fit(max_steps=8)
    assert t.last["lr"] == 0.001
    # every reported norm is before clipping, but the update used clipped gradients
    grads = np.concatenate([g.ravel() for g in t.task.model.grads])
    assert np.linalg.norm(grads) <= 1.0 + 1e-9
    assert [c["name"] for c in t.history()["changes"]] == ["lr", "clip"]
    with pytest.raises(ValueError, match="hidden cannot change while training"):
        t.apply_setting("hidden", 99)
    with pytest.raises(ValueError, match="lr must be between"):
        t.apply_setting("lr", -1)


def test_divergence_stops_and_restores_finite_parameters():
    reports = []
    task = FakeTask(fake_config(optimizer="sgd", lr=100.0, eval_interval=0))
    t = Trainer(task, callback=reports.append)
    t.fit(max_steps=500)
    assert t.state == DIVERGED
    assert t.step_count < 500
    for p in task.model.params:
        assert np.all(np.isfinite(p))
    events = [r for r in reports if r["kind"] == "event" and r["level"] == "diverged"]
    assert len(events) == 1
    e = events[0]
    assert e["step"] == t.step_count + 1
    assert "lower the learning rate" in e["message"] and "clipping" in e["message"]
    assert e["restored_step"] == t._backup["step"]
    np.testing.assert_array_equal(task.model.params[0], t._backup["params"][0])
    assert all(np.all(g == 0) for g in task.model.grads)
    # the curves never received a non-finite point
    assert np.all(np.isfinite(t.curves.column("loss")))


def test_reports_hold_copies():
    task = FakeTask(fake_config(eval_interval=0))
    reports = []
    t = Trainer(task, callback=reports.append)
    t.fit(max_steps=3)
    first = next(r for r in reports if r["kind"] == "progress" and len(r["points"]["step"]))
    kept = {k: v.copy() for k, v in first["points"].items()}
    assert kept["step"][0] == 1
    for v in first["points"].values():
        v[:] = -5  # the window scribbling on a report must not reach the trainer
    t.fit(max_steps=6)
    assert t.curves.column("loss")[0] == kept["loss"][0]
    assert t.curves.column("step")[0] == 1


def test_fit_stops_at_steps_or_epochs_and_needs_one_of_them():
    task = FakeTask(fake_config(eval_interval=0))
    t = Trainer(task)
    with pytest.raises(ValueError, match="max_steps or epochs"):
        t.fit()
    last = t.fit(max_steps=10)
    assert t.step_count == 10 and t.state == FINISHED and last["step"] == 10
    t2 = Trainer(FakeTask(fake_config(eval_interval=0)))
    t2.fit(epochs=2.0)
    assert t2.task.epoch >= 2.0 and t2.task.epoch - 2.0 < t2.task.batch / t2.task.n_train


def test_scheduled_evaluation_records_points_and_best_parameters():
    task = FakeTask(fake_config(eval_interval=10))
    t = Trainer(task)
    t.fit(max_steps=50)
    assert [p["step"] for p in t.val_points] == [10.0, 20.0, 30.0, 40.0, 50.0]
    best = min(t.val_points, key=lambda p: p["rmse"])
    assert t.best["step"] == best["step"] and t.best["metric"] == best["rmse"]
    saved = [p.copy() for p in task.model.params]
    for p in task.model.params:
        p += 1.0
    assert t.restore_best()
    for p, b in zip(task.model.params, t.best["params"]):
        np.testing.assert_array_equal(p, b)
    assert any(not np.array_equal(a, b) for a, b in zip(saved, task.model.params)) or best["step"] == 50


def test_book_schedule_divides_lr_when_validation_gets_worse():
    task = FakeTask(fake_config(schedule="book", eval_interval=1, lr=0.05))
    t = Trainer(task)
    t.evaluate("val", scheduled=True)  # the first evaluation sets the best
    assert t.optimizer.lr == 0.05
    t.evaluate("val", scheduled=True)  # the same value again is not better: lr / 4
    assert t.optimizer.lr == pytest.approx(0.0125)
    assert t.changes[-1]["source"] == "schedule"


def test_step_schedules_change_lr_per_step():
    t = Trainer(FakeTask(fake_config(schedule="step", decay_steps=5, lr=0.04, eval_interval=0)))
    t.fit(max_steps=12)
    lrs = t.curves.column("lr")
    assert lrs[0] == 0.04 and lrs[5] == 0.02 and lrs[10] == 0.01


def test_validation_history_stays_bounded_on_a_long_run():
    """The adder validates every 50 steps, dozens of times a second at full speed: the trainer's
    history (also what a checkpoint stores) and a run record keep at most a bounded number of points,
    halving the old ones and always keeping the newest."""
    tr = Trainer(make_task(default_config("adder").replace(hidden=4, batch=4, eval_interval=1)))
    tr.max_val_points = 10
    tr.fit(max_steps=60)
    steps = [p["step"] for p in tr.val_points]
    assert len(steps) <= 10 and steps[-1] == 60 and steps == sorted(steps)
    run = Run("r", "#000000", {})
    for s in range(1, 10_001):
        run.record({"kind": "progress", "points": {}, "val": [{"step": float(s), "split": "val", "loss": 1.0}]})
    assert len(run.val_points) <= 4_000 and run.val_points[-1]["step"] == 10_000.0
    pts = list(range(7))
    thin_history(pts, 6)
    assert pts == [0, 2, 4, 6]
