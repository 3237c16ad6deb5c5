"""Trainer additions for the "what units learn" views: tagged samples, opt-in recurrent weights,
the per-position top-5 of a language model's trace; and a bounded validation history."""

from __future__ import annotations

import math

import numpy as np
import pytest

from rnn_lab.engine.analysis import spectral_radius
from rnn_lab.engine.config import default_config
from rnn_lab.engine.tasks import make_task
from rnn_lab.engine.trainer import Trainer


@pytest.fixture(scope="module")
def char_task():
    cfg = default_config("char", model="lstm", hidden=16, embed=8, batch=4, bptt=12, seed=3)
    return make_task(cfg)


def trainer_with(task):
    reports: list[dict] = []
    return Trainer(task, callback=reports.append, report_interval=0.0), reports


def test_sample_tag_passes_through_and_is_optional(char_task):
    tr, reports = trainer_with(char_task)
    tr.request_sample("the", 5, tag="timeline")
    tr.request_sample("the", 5)
    tr._drain()
    samples = [r for r in reports if r["kind"] == "sample"]
    assert len(samples) == 2
    assert samples[0]["tag"] == "timeline" and len(samples[0]["tokens"]) == 5
    assert "tag" not in samples[1]  # old callers see the message exactly as before


def test_weights_entry_only_when_enabled(char_task):
    tr, reports = trainer_with(char_task)
    tr.train_step()
    assert "weights" not in tr.progress_report()
    tr.set_weights(True)
    tr._drain()  # the command forces a report, with the weights
    report = reports[-1]
    w = report["weights"]
    H = char_task.config.hidden
    assert list(w) == ["lstm0"]
    assert w["lstm0"]["Wh"].shape == (H, 4 * H) and w["lstm0"]["Wh"].dtype == np.float32
    Wh = char_task.model.params[char_task.model.names.index("lstm0.Wh")]
    np.testing.assert_array_equal(w["lstm0"]["Wh"], Wh)
    assert not np.shares_memory(w["lstm0"]["Wh"], Wh)  # a copy: the worker keeps training
    assert set(w["lstm0"]["radius"]) == {"f", "g", "i", "o"}
    assert w["lstm0"]["radius"]["g"] == pytest.approx(spectral_radius(Wh)["g"])
    # throttled: not again within weights_interval, nor for an unchanged model
    assert "weights" not in tr.progress_report()
    tr._last_weights = -math.inf
    assert "weights" not in tr.progress_report()  # same step
    tr.weights_interval = 0.0
    tr.train_step()  # emits a report (report_interval 0)
    assert "weights" in reports[-1]
    tr.set_weights(False)
    tr._drain()
    tr.train_step()
    assert "weights" not in reports[-1] and "weights" not in reports[-2]


def test_trace_top5_matches_the_model(char_task):
    trace = char_task.trace(0)
    T = len(trace["labels"])
    top5 = trace["top5"]
    assert len(top5) == T
    for t, row in enumerate(top5):
        assert len(row) == 5
        probs = [p for _, p in row]
        assert probs == sorted(probs, reverse=True) and 0 < sum(probs) <= 1 + 1e-6
        # the target's probability is in the top 5 exactly when it is at least the 5th largest
        if trace["targets"][t] in [tok for tok, _ in row]:
            assert dict(row)[trace["targets"][t]] == pytest.approx(float(trace["target_probs"][t]), rel=1e-5)
        else:
            assert float(trace["target_probs"][t]) <= probs[-1] + 1e-7


def test_validation_history_stays_bounded_on_a_long_run():
    """The adder validates every 50 steps, dozens of times a second at full speed: the trainer's
    history (also what a checkpoint stores) and a run record keep at most a bounded number of points,
    halving the old ones and always keeping the newest."""
    from rnn_lab.engine.curves import thin_history
    from rnn_lab.engine.runs import Run

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
