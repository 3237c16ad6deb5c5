"""LiveRun: commands applied between steps, throttled reports with what the display asks for, speed.

The loop runs on the test's thread with a fake clock: a step takes ``STEP_TIME`` of it, and waiting
(idle, or the speed limit) advances it instead of sleeping. ``Harness.at_step`` and ``Harness.idle``
script what a front end would do, and when the script is over, the run stops.
"""

from __future__ import annotations

import math
import threading
import time

import numpy as np
import pytest

from rnn_lab.engine import messages
from rnn_lab.engine.analysis import spectral_radius
from rnn_lab.engine.checkpoint import load_checkpoint, save_checkpoint
from rnn_lab.engine.live import IDLE_WAIT, LiveRun
from rnn_lab.engine.messages import Display
from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.engine.trainer import DIVERGED, FINISHED, PAUSED, RUNNING, STOPPED, Trainer
from tests.engine.fake_task import FakeTask, fake_config, fake_factory

STEP_TIME = 0.001  # fake seconds per training step


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Harness:
    """A LiveRun over ``task`` with a fake clock, a script, and every message it sent."""

    def __init__(self, task=None, report_interval=0.05, display=None, **config) -> None:
        self.clock = FakeClock()
        self.task = task or FakeTask(fake_config(**config))
        self.trainer = Trainer(self.task, clock=self.clock)
        self.messages: list[dict] = []
        self.live = LiveRun(self.trainer, self.messages.append, display, report_interval, clock=self.clock,
                            wait=self._wait)
        self.at_step: dict[int, callable] = {}  # after step n (on the loop's thread)
        self.scripted_idle: list[callable] = []  # one per wait of the loop while paused, in order
        self.waits: list[float] = []
        step = self.trainer.train_step

        def timed_step():
            self.clock.now += STEP_TIME
            row = step()
            action = self.at_step.pop(self.trainer.step_count, None)
            if action is not None:
                action()
            return row

        self.trainer.train_step = timed_step

    def _wait(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.clock.now += seconds
        if seconds == IDLE_WAIT:
            if self.scripted_idle:
                self.scripted_idle.pop(0)()
            else:
                self.live.stop()

    def idle(self, action) -> None:
        self.scripted_idle.append(action)

    def run(self) -> None:
        self.live.run()
        assert all(not messages.check(m) for m in self.messages), [messages.check(m) for m in self.messages]

    def kind(self, kind: str, **match) -> list[dict]:
        return [m for m in self.messages if m["kind"] == kind and all(m.get(k) == v for k, v in match.items())]


def test_step_play_pause_and_stop():
    h = Harness()
    seen = []
    h.live.command("step", 5)
    h.idle(lambda: (seen.append((h.trainer.step_count, h.trainer.state)), h.live.command("play")))
    h.at_step[40] = lambda: h.live.command("pause")
    h.idle(lambda: (seen.append((h.trainer.step_count, h.trainer.state)), h.live.command("step", 1)))
    h.idle(lambda: seen.append((h.trainer.step_count, h.trainer.state)))
    h.run()
    assert seen == [(5, PAUSED), (40, PAUSED), (41, PAUSED)]  # exactly n steps; a pause between two steps
    assert h.trainer.state == STOPPED
    assert h.kind("progress")[-1]["state"] == STOPPED  # the last report says so


def test_reports_are_throttled_and_points_cover_every_step_once():
    h = Harness(report_interval=0.05, eval_interval=25)
    h.live.command("play")
    h.at_step[1000] = lambda: h.live.command("pause")
    h.run()
    progress = h.kind("progress")
    steps = np.concatenate([r["points"]["step"] for r in progress])
    np.testing.assert_array_equal(steps, np.arange(1, 1001))
    # 1000 steps of 1 ms at most every 50 ms: about 20 reports, and a few forced ones (start, pause, stop)
    assert 19 <= len(progress) <= 25, len(progress)
    vals = [v["step"] for r in progress for v in r["val"]]
    assert vals == [float(s) for s in range(25, 1001, 25)]  # each validation reported once
    assert progress[-1]["step"] == 1000


def test_speed_limit_waits_between_steps():
    h = Harness(display=Display(speed=25.0), eval_interval=0)
    h.live.command("play")
    h.at_step[10] = h.live.stop
    h.run()
    assert h.waits.count(1 / 25) == 10 and h.trainer.step_count == 10
    assert h.clock.now == pytest.approx(10 * (1 / 25 + STEP_TIME))


def test_commands_answer_through_emit(tmp_path):
    path = tmp_path / "run.npz"
    h = Harness(eval_interval=0)
    calls = []
    h.live.command("step", 4)
    h.idle(lambda: [h.live.command(*c) for c in (
        ("eval", "val"), ("eval", "test"),  # the fake task has no test split
        ("sample", "hello"),  # nor sampling
        ("call", lambda tr: save_checkpoint(path, tr)), ("call", lambda tr: calls.append(tr.step_count)),
        ("set", "hidden", 99), ("set", "lr", -1), ("bogus",))])
    h.run()
    ev = h.kind("eval")[0]
    assert ev["split"] == "val" and ev["step"] == 4 and math.isfinite(ev["loss"])
    errors = [e["message"] for e in h.kind("event", level="error")]
    assert "no 'test' split" in errors[0] and "does not generate text" in errors[1]
    assert "hidden cannot change while training" in errors[2] and "lr must be between" in errors[3]
    assert "bogus failed" in errors[4]
    assert calls == [4] and load_checkpoint(path, task_factory=fake_factory).step_count == 4
    h.live.command("step", 2)  # still serving after all that
    h.run()
    assert h.trainer.step_count == 6


def test_display_asks_for_traces_and_examples_when_due():
    h = Harness(eval_interval=0)
    h.live.command("display", Display(trace=0, example=1))
    h.live.command("play")
    h.at_step[600] = lambda: h.live.command("pause")
    h.run()
    progress = h.kind("progress")
    traced = [r["step"] for r in progress if r["trace"] is not None]
    shown = [r["step"] for r in progress if r["example"] is not None]
    # 600 ms of training: a trace at most every 250 ms, an example at most every 100 ms
    assert 2 <= len(traced) <= 4 and 5 <= len(shown) <= 8, (traced, shown)
    assert traced[0] == 0  # the command reports at once, with a trace
    assert len(set(traced)) == len(traced)  # never twice for the same step
    h.live.command("display", Display())
    h.live.command("step", 1)
    h.run()
    assert all(r["trace"] is None and r["example"] is None for r in h.kind("progress")[len(progress):])


def test_sample_tag_passes_through_and_is_optional():
    task = make_task(default_config("char", model="lstm", hidden=16, embed=8, batch=4, bptt=12, seed=3))
    h = Harness(task=task)
    h.live.command("sample", "the", 5, "timeline")
    h.live.command("sample", "the", 5)
    h.live.apply_commands()
    samples = h.kind("sample")
    assert len(samples) == 2
    assert samples[0]["tag"] == "timeline" and len(samples[0]["tokens"]) == 5
    assert "tag" not in samples[1]
    assert not any(messages.check(s) for s in samples)


@pytest.mark.parametrize("cell", ["lstm", "peephole"])
def test_weights_only_when_asked_and_due(cell):
    task = make_task(default_config("char", model=cell, hidden=16, embed=8, batch=4, bptt=12, seed=3))
    h = Harness(task=task, report_interval=0.0)
    h.live.run_steps(1)
    assert "weights" not in h.kind("progress")[-1]
    h.live.command("display", Display(weights=True))
    h.live.apply_commands()  # the command forces a report, with the weights
    w = h.kind("progress")[-1]["weights"]
    H = task.config.hidden
    Wh = task.model.named_params()[f"{cell}0.Wh"]
    assert list(w) == [f"{cell}0"] and w[f"{cell}0"]["blocks"] == ["f", "g", "i", "o"]
    assert w[f"{cell}0"]["Wh"].shape == (H, 4 * H) and w[f"{cell}0"]["Wh"].dtype == np.float32
    np.testing.assert_array_equal(w[f"{cell}0"]["Wh"], Wh)
    assert not np.shares_memory(w[f"{cell}0"]["Wh"], Wh)  # a copy: the loop keeps training
    assert w[f"{cell}0"]["radius"]["g"] == pytest.approx(spectral_radius(Wh, "fgio")["g"])
    h.clock.now += 10.0
    assert "weights" not in h.live.snapshot()  # the same step: not again
    h.clock.now -= 10.0
    h.trainer.train_step()  # its report (report_interval 0)
    assert "weights" not in h.kind("progress")[-1]  # a new step, but within weights_interval
    h.clock.now += h.live.weights_interval
    h.trainer.train_step()
    assert "weights" in h.kind("progress")[-1]
    h.live.command("display", Display())
    h.live.apply_commands()
    h.clock.now += h.live.weights_interval
    h.trainer.train_step()
    assert "weights" not in h.kind("progress")[-1] and "weights" not in h.kind("progress")[-2]


def test_divergence_stops_the_loop_and_play_continues_after_a_fix():
    h = Harness(optimizer="sgd", lr=100.0)
    states = []
    h.live.command("play")

    def fix():
        states.append((h.trainer.state, h.trainer.step_count))
        h.live.command("set", "lr", 0.01)
        h.live.command("play")
        h.at_step[h.trainer.step_count + 30] = h.live.stop

    h.idle(fix)
    h.run()
    (state, diverged_at), = states
    assert state == DIVERGED and len(h.kind("event", level="diverged")) == 1
    assert h.trainer.step_count == diverged_at + 30 and all(np.all(np.isfinite(p)) for p in h.task.model.params)


def test_an_exception_in_a_step_pauses_and_is_reported_and_the_loop_survives():
    task = FakeTask(fake_config())
    task.fail_at = 7
    h = Harness(task=task)
    after = []
    h.live.command("play")
    h.idle(lambda: (after.append((h.trainer.step_count, h.trainer.state)), h.live.command("play")))
    h.at_step[20] = h.live.stop
    h.run()
    assert after == [(6, PAUSED)]
    err = h.kind("event", level="error")[0]
    assert "fake failure in train_step" in err["message"] and "RuntimeError" in err["traceback"]
    assert h.trainer.step_count == 20


def test_limits_finish_the_run_and_play_says_so():
    h = Harness(max_steps=10, eval_interval=0)
    states = []
    h.live.command("play")
    h.idle(lambda: (states.append(h.trainer.state), h.live.command("play")))
    h.idle(lambda: states.append(h.trainer.state))
    h.run()
    assert h.trainer.step_count == 10 and states == [FINISHED, FINISHED]
    info = [e["message"] for e in h.kind("event", level="info")]
    assert info[0].startswith("Finished after 10 steps") and "raise the step or epoch limit" in info[1]


def test_run_steps_reports_once_with_a_fresh_trace():
    h = Harness(display=Display(trace=0), report_interval=10.0, eval_interval=0)
    assert h.live.run_steps(7) == 7 and h.trainer.state == PAUSED
    progress = h.kind("progress")
    assert len(progress) == 2  # the first step's (the first report is always due), then the last one
    assert progress[-1]["step"] == 7 and progress[-1]["trace"] is not None and progress[-1]["state"] == PAUSED
    steps = np.concatenate([r["points"]["step"] for r in progress])
    np.testing.assert_array_equal(steps, np.arange(1, 8))


def test_commands_from_another_thread():
    """The real thing: the loop on a thread with the real clock, commands from this one."""
    reports = []
    live = LiveRun(Trainer(FakeTask(fake_config(eval_interval=0))), reports.append)
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    try:
        live.command("step", 5)
        wait_until(lambda: live.trainer.step_count == 5 and live.trainer.state == PAUSED)
        live.command("play")
        wait_until(lambda: live.trainer.step_count > 30)
        assert live.trainer.state == RUNNING
        live.command("pause")
        wait_until(lambda: live.trainer.state == PAUSED)
    finally:
        live.stop()
        thread.join(10)
    assert not thread.is_alive() and live.trainer.state == STOPPED
    assert reports[-1]["kind"] == "progress" and reports[-1]["state"] == STOPPED


def wait_until(predicate, timeout=10.0):
    end = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < end, "condition not reached in time"
        time.sleep(0.005)


def test_the_adder_pauses_itself_once_it_is_solved_and_headless_training_goes_on():
    h = Harness(task=make_task(default_config("adder")))
    seen = {}

    def press_play_again():  # the user reads the "Solved" banner, then goes on
        seen["paused_at"], seen["state"] = h.trainer.step_count, h.trainer.state
        h.at_step[h.trainer.step_count + 50] = h.live.stop
        h.live.command("play")

    h.idle(press_play_again)
    h.live.command("play")
    h.run()
    tr = h.trainer
    assert seen == {"paused_at": tr.solved_at, "state": PAUSED}  # right after the validation that found it
    assert next(p for p in tr.val_points if p["step"] == tr.solved_at)["accuracy"] == 1.0
    solved = h.kind("event", solved=True)
    assert len(solved) == 1 and "Training paused" in solved[0]["message"]  # no second pause on going on
    assert tr.step_count == tr.solved_at + 50
    headless = Trainer(make_task(default_config("adder")))  # the CLI's fit() never pauses
    headless.fit(max_steps=300)
    assert headless.solved_at is not None and headless.step_count == 300 and headless.state == FINISHED


def test_pause_when_solved_can_be_turned_off():
    h = Harness(task=make_task(default_config("adder", pause_when_solved=False)))
    h.at_step[200] = h.live.stop
    h.live.command("play")
    h.run()
    assert h.trainer.solved_at is not None and h.trainer.step_count == 200 and not h.kind("event", solved=True)


def test_a_lesson_pauses_at_the_steps_it_describes():
    h = Harness(display=Display(pause_at=(7, 20)))
    h.idle(lambda: h.live.command("play"))  # after the pause at 7
    h.idle(lambda: h.live.command("play"))  # after the pause at 20
    h.at_step[26] = h.live.stop
    h.live.command("play")
    h.run()
    assert [e["step"] for e in h.kind("event", lesson_pause=True)] == [7, 20]
    assert h.trainer.step_count == 26


def test_the_spectral_radius_is_in_reports_while_the_weights_view_is_hidden():
    h = Harness(task=make_task(default_config("adder")), report_interval=0.0)
    h.at_step[30] = h.live.stop
    h.live.command("play")
    h.run()
    with_radius = [m for m in h.kind("progress") if "radius" in m]
    assert with_radius and not any("weights" in m for m in h.kind("progress"))
    wh = dict(zip(h.trainer.task.model.names, h.trainer.task.model.params))
    last = with_radius[-1]
    layer = next(iter(last["radius"]))
    assert last["radius"][layer] == pytest.approx(spectral_radius(wh[layer + ".Wh"]), rel=1e-6) \
        or last["step"] < h.trainer.step_count  # (radii about once a second: the last may be older)
