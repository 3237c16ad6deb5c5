"""Trainer: commands from another thread, live settings, divergence, errors, throttled reports."""

from __future__ import annotations

import math
import threading
import time

import numpy as np
import pytest

from rnn_lab.engine.checkpoint import load_checkpoint
from rnn_lab.engine.trainer import DIVERGED, FINISHED, PAUSED, RUNNING, STOPPED, Trainer
from tests.engine.fake_task import FakeTask, fake_config, fake_factory


def wait_until(predicate, timeout=10.0, interval=0.005):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(interval)
    raise AssertionError("condition not reached in time")


class Worker:
    """``trainer.run()`` on a thread, with every report collected."""

    def __init__(self, task=None, report_interval=1 / 30, **config):
        self.reports: list[dict] = []
        self.times: list[float] = []  # when each report arrived
        self.task = task or FakeTask(fake_config(**config))
        self.trainer = Trainer(self.task, callback=self._receive, report_interval=report_interval)
        self.thread = threading.Thread(target=self.trainer.run, daemon=True)

    def _receive(self, report: dict) -> None:
        self.times.append(time.monotonic())
        self.reports.append(report)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.trainer.stop()
        self.thread.join(10)
        assert not self.thread.is_alive()

    def kind(self, kind, **match):
        return [r for r in list(self.reports) if r["kind"] == kind
                and all(r.get(k) == v for k, v in match.items())]


def test_step_play_pause_stop_from_another_thread():
    with Worker() as w:
        t = w.trainer
        wait_until(lambda: w.kind("progress"))  # run() reports at once
        assert t.state == PAUSED and t.step_count == 0
        t.step(5)
        wait_until(lambda: t.step_count == 5 and t.state == PAUSED)
        time.sleep(0.1)
        assert t.step_count == 5  # exactly n steps, then paused
        t.play()
        wait_until(lambda: t.step_count > 30)
        assert t.state == RUNNING
        t.pause()
        wait_until(lambda: t.state == PAUSED)
        n = t.step_count
        time.sleep(0.15)
        assert t.step_count == n
        t.step(1)
        wait_until(lambda: t.step_count == n + 1 and t.state == PAUSED)
    assert w.trainer.state == STOPPED
    assert w.kind("progress")[-1]["state"] == STOPPED  # the last report says so


def test_live_setting_reaches_the_optimizer_and_is_recorded():
    with Worker(lr=0.05) as w:
        t = w.trainer
        t.play()
        wait_until(lambda: t.step_count > 5)
        t.set("lr", 0.001)
        t.set("clip", 1.0)
        wait_until(lambda: len(w.kind("hparam")) == 2)
        assert t.optimizer.lr == 0.001 and t.base_lr == 0.001
        assert t.config.clip == 1.0
        change = w.kind("hparam", name="lr")[0]
        assert change["old"] == 0.05 and change["new"] == 0.001 and change["source"] == "user"
        wait_until(lambda: t.last.get("lr") == 0.001)
        # what the trainer then reports, and clipping is on: every reported norm is before clipping,
        # but the update used clipped gradients (the norm of the grads left in the model is <= 1)
        t.pause()
        wait_until(lambda: t.state == PAUSED)
        grads = np.concatenate([g.ravel() for g in t.task.model.grads])
        assert np.linalg.norm(grads) <= 1.0 + 1e-9
        assert [c["name"] for c in t.history()["changes"]] == ["lr", "clip"]


def test_setting_a_non_live_field_reports_an_error_and_keeps_serving():
    with Worker() as w:
        t = w.trainer
        t.set("hidden", 99)
        t.set("lr", -1)
        wait_until(lambda: len(w.kind("event", level="error")) == 2)
        messages = [e["message"] for e in w.kind("event", level="error")]
        assert "hidden cannot change while training" in messages[0]
        assert "lr must be between" in messages[1]
        t.step(3)
        wait_until(lambda: t.step_count == 3)


def test_divergence_pauses_and_restores_finite_parameters():
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


def test_divergence_in_the_worker_thread_pauses_it_with_state_diverged():
    with Worker(optimizer="sgd", lr=100.0) as w:
        t = w.trainer
        t.play()
        wait_until(lambda: t.state == DIVERGED)
        wait_until(lambda: w.kind("event", level="diverged"))
        n = t.step_count
        time.sleep(0.1)
        assert t.step_count == n  # stays paused
        t.set("lr", 0.01)
        t.play()
        wait_until(lambda: t.step_count > n + 20)
        assert all(np.all(np.isfinite(p)) for p in t.task.model.params)


def test_an_exception_in_train_step_pauses_reports_and_the_thread_survives():
    task = FakeTask(fake_config())
    task.fail_at = 7
    with Worker(task=task) as w:
        t = w.trainer
        t.play()
        wait_until(lambda: w.kind("event", level="error"))
        assert t.state == PAUSED
        err = w.kind("event", level="error")[0]
        assert "fake failure in train_step" in err["message"]
        assert "RuntimeError" in err["traceback"]
        assert t.step_count == 6
        assert w.thread.is_alive()
        t.play()  # and it trains on
        wait_until(lambda: t.step_count > 20)


def test_reports_are_throttled_and_points_cover_every_step_once():
    with Worker(report_interval=0.05, eval_interval=25) as w:
        t = w.trainer
        t.play()
        time.sleep(1.0)
        t.pause()
        wait_until(lambda: t.state == PAUSED)
        time.sleep(0.5)  # paused: reports continue, throttled, with no new points
    progress = w.kind("progress")
    assert t.step_count > 100  # the fake task is fast: throttling matters
    steps = np.concatenate([r["points"]["step"] for r in progress])
    np.testing.assert_array_equal(steps, np.arange(1, t.step_count + 1))
    times = [w.times[i] for i, r in enumerate(w.reports) if r["kind"] == "progress"]
    assert (len(times) - 1) / (times[-1] - times[0]) <= 25, (len(times), times[-1] - times[0])
    vals = [v["step"] for r in progress for v in r["val"]]
    assert vals == [float(s) for s in range(25, t.step_count + 1, 25)]  # each validation reported once
    assert progress[-1]["step"] == t.step_count


def test_reports_hold_copies():
    task = FakeTask(fake_config(eval_interval=0))
    reports = []
    t = Trainer(task, callback=reports.append, report_interval=0)
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


def test_commands_answer_through_the_callback(tmp_path):
    path = tmp_path / "run.npz"
    with Worker(eval_interval=0) as w:
        t = w.trainer
        t.step(4)
        wait_until(lambda: t.step_count == 4 and t.state == PAUSED)
        t.request_eval("val")
        t.request_eval("test")  # the fake task has no test split
        t.request_sample("hello")  # nor sampling
        t.request_save(str(path), {"name": "run 1"})
        t.set_trace(0)
        t.set_example(1)
        wait_until(lambda: w.kind("saved") and len(w.kind("event", level="error")) == 2)
        wait_until(lambda: any(r["trace"] is not None for r in w.kind("progress")))
        wait_until(lambda: any(r["example"] is not None for r in w.kind("progress")))
        calls = []
        t.call(lambda tr: calls.append(tr.step_count))
        wait_until(lambda: calls == [4])
    ev = w.kind("eval")[0]
    assert ev["split"] == "val" and ev["step"] == 4 and math.isfinite(ev["loss"])
    errors = " ".join(e["message"] for e in w.kind("event", level="error"))
    assert "no 'test' split" in errors and "does not generate text" in errors
    assert w.kind("saved")[0]["path"] == str(path)
    again = load_checkpoint(path, task_factory=fake_factory)
    assert again.step_count == 4


def test_speed_control_slows_training():
    with Worker(eval_interval=0) as w:
        t = w.trainer
        t.set_speed(20)
        t.play()
        time.sleep(0.5)
        n = t.step_count
        assert 3 <= n <= 15, n


def _serve(trainer):
    thread = threading.Thread(target=trainer.run, daemon=True)
    thread.start()
    return thread


def test_the_adder_pauses_itself_once_it_is_solved_and_the_cli_trains_on():
    from rnn_lab.engine.config import default_config
    from rnn_lab.engine.tasks import make_task

    events = []
    trainer = Trainer(make_task(default_config("adder")), callback=lambda r: r.get("kind") == "event" and events.append(r))
    thread = _serve(trainer)
    trainer.play()
    wait_until(lambda: trainer.state == PAUSED and trainer.solved_at is not None, timeout=60)
    assert trainer.step_count == trainer.solved_at  # it paused right after the validation that found it solved
    assert trainer.val_points[-1]["accuracy"] == 1.0
    assert any(e.get("solved") and "Training paused" in e["message"] for e in events)
    trainer.play()  # the user goes on: no second pause at the next perfect validation
    wait_until(lambda: trainer.step_count >= trainer.solved_at + 50)
    assert trainer.state == RUNNING
    trainer.stop()
    thread.join(5)
    # turned off (or headless): it trains on
    cli = Trainer(make_task(default_config("adder")))
    cli.fit(max_steps=300)
    assert cli.solved_at is not None and cli.step_count == 300 and cli.state == FINISHED


def test_a_lesson_pauses_at_the_steps_it_describes():
    events = []
    trainer = Trainer(FakeTask(fake_config()), callback=lambda r: r.get("kind") == "event" and events.append(r))
    trainer.pause_at([7, 20])
    thread = _serve(trainer)
    trainer.play()
    wait_until(lambda: trainer.state == PAUSED and trainer.step_count == 7)
    time.sleep(0.05)
    assert trainer.step_count == 7 and events[-1].get("lesson_pause")
    trainer.play()
    wait_until(lambda: trainer.state == PAUSED and trainer.step_count == 20)
    trainer.play()
    wait_until(lambda: trainer.step_count > 25)
    trainer.stop()
    thread.join(5)
