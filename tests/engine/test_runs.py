"""Tests for engine.runs: runs and their store, baseline differences, smoothing, y range, CSV, labels."""

import csv
import math
import os

import numpy as np
import pytest

from rnn_lab.engine.runs import (
    COLUMNS,
    RUN_COLORS,
    Run,
    RunStore,
    change_label,
    debiased_ema,
    robust_range,
    write_long_csv,
)
from rnn_lab.engine.trainer import Trainer
from tests.engine.fake_task import FakeTask, fake_config


def _ema_reference(values, weight):
    """The plain loop TensorBoard runs (NaN passes through as a gap)."""
    last, n, out = 0.0, 0, []
    for v in values:
        if not math.isfinite(v):
            out.append(math.nan)
            continue
        last = last * weight + (1 - weight) * v
        n += 1
        out.append(last / (1 - weight**n))
    return np.array(out)


# ---------------------------------------------------------------------------- smoothing
def test_debiased_ema_hand_computed():
    # w = 0.5: averages 0.5, 1.25, 2.125; debiased by 1 - 0.5**n = 0.5, 0.75, 0.875
    np.testing.assert_allclose(debiased_ema([1.0, 2.0, 3.0], 0.5), [1.0, 1.25 / 0.75, 2.125 / 0.875], rtol=1e-14)
    # a NaN is a gap that does not enter the average: the next value is the second one seen
    out = debiased_ema([1.0, np.nan, 2.0, np.inf], 0.5)
    assert math.isnan(out[1]) and math.isnan(out[3])
    np.testing.assert_allclose(out[[0, 2]], [1.0, 1.25 / 0.75], rtol=1e-14)
    # the first value is never pulled towards zero
    assert debiased_ema([7.0], 0.99)[0] == pytest.approx(7.0, rel=1e-12)


@pytest.mark.parametrize("weight", [0.01, 0.6, 0.9, 0.999])
def test_debiased_ema_matches_the_loop_across_blocks(weight):
    rng = np.random.default_rng(5)
    x = rng.standard_normal(1000) * 3 + 10
    x[rng.random(1000) < 0.05] = np.nan
    np.testing.assert_allclose(debiased_ema(x, weight), _ema_reference(x, weight), rtol=1e-10, equal_nan=True)


def test_debiased_ema_zero_weight_and_errors():
    x = np.array([3.0, np.nan, 1.0])
    np.testing.assert_array_equal(debiased_ema(x, 0.0), x)
    assert debiased_ema([], 0.9).shape == (0,)
    for w in (-0.1, 1.0, 1.5):
        with pytest.raises(ValueError, match="weight"):
            debiased_ema(x, w)
    with pytest.raises(ValueError, match="1-D"):
        debiased_ema(np.zeros((2, 2)), 0.5)


# ---------------------------------------------------------------------------- y range
def test_robust_range_ignores_outliers():
    values = np.concatenate([np.arange(100.0), [1e6, np.nan, np.inf]])
    # 101 finite values; linear quantiles at positions 1 and 99 of the sorted values: 1 and 99
    assert robust_range(values) == (1.0, 99.0)
    assert robust_range(values, 0.0, 1.0) == (0.0, 1e6)
    # several curves pool their values
    assert robust_range([np.arange(50.0), np.arange(50.0, 100.0), np.array([1e6])]) == (1.0, 99.0)


def test_robust_range_degenerate_cases():
    assert robust_range(np.full(10, 4.0)) == pytest.approx((3.8, 4.2))
    assert robust_range(np.zeros(3)) == (-0.5, 0.5)
    assert robust_range(np.array([np.nan])) == (0.0, 1.0)
    assert robust_range([]) == (0.0, 1.0)
    with pytest.raises(ValueError, match="quantiles"):
        robust_range(np.arange(3.0), 0.9, 0.1)


# ---------------------------------------------------------------------------- labels
@pytest.mark.parametrize("old, new, text", [
    (20.0, 5.0, "lr 20 -> 5"),
    (0.001, 0.0003, "lr 0.001 -> 0.0003"),
    (1e-05, 2.5e-06, "lr 1e-5 -> 2.5e-6"),
    (0.0031622776601683794, 0.01, "lr 0.003162 -> 0.01"),
    (0, 40, "lr 0 -> 40"),
    (1e6, 12345678.0, "lr 1e6 -> 1.235e7"),
])
def test_change_label_numbers(old, new, text):
    assert change_label({"step": 3, "name": "lr", "old": old, "new": new}) == text


def test_change_label_other_values():
    assert change_label({"name": "dropout", "old": 0.0, "new": 0.5}) == "dropout 0 -> 0.5"
    assert change_label({"name": "tie_weights", "old": False, "new": True}) == "tie_weights off -> on"
    assert change_label({"name": "optimizer", "old": "sgd", "new": "adam"}) == "optimizer sgd -> adam"
    assert change_label({"name": "top_k", "old": np.int64(0), "new": np.float32(0.5)}) == "top_k 0 -> 0.5"


# ---------------------------------------------------------------------------- runs and the store
def _run(name, steps, loss, **kw):
    steps = np.asarray(steps, dtype=float)
    return Run(name=name, color=kw.pop("color", "#0072B2"), config={"task": "char"},
               curves={"step": steps, "time": steps / 10.0, "loss": np.asarray(loss, dtype=float)},
               created=1000.0, **kw)


def test_run_fills_columns_and_is_read_only():
    run = _run("a", [1, 2, 3], [3.0, 2.0, 1.0], metric_name="perplexity")
    assert set(run.curves) == set(COLUMNS) and len(run) == 3
    assert np.isnan(run.curves["grad_norm"]).all()
    np.testing.assert_allclose(run.curves["wall"], [1000.1, 1000.2, 1000.3])  # created + training time
    with pytest.raises(ValueError):
        run.curves["loss"][0] = 5.0
    with pytest.raises(ValueError, match="colour"):
        Run(name="b", color="red", config={})
    with pytest.raises(ValueError, match="name"):
        Run(name="  ", color="#000000", config={})
    with pytest.raises(ValueError, match="step"):
        run.extend({"loss": [1.0]})
    with pytest.raises(ValueError, match="shape"):
        run.extend({"step": [4.0, 5.0], "loss": [1.0]})


def test_difference_to_baseline_interpolates_each_run():
    store = RunStore()
    base = store.add(_run("base", [0, 10, 20], [4.0, 2.0, 1.0]))
    other = store.add(_run("other", [0, 5, 10, 15], [5.0, 4.0, 3.0, 2.0], color="#E69F00"))
    assert math.isnan(store.difference_to_baseline(other, "loss", 5))  # no baseline yet
    store.set_baseline("base")
    # at step 5: other 4.0, baseline halfway between 4 and 2 = 3.0
    assert store.difference_to_baseline(other, "loss", 5) == pytest.approx(1.0)
    assert store.difference_to_baseline("other", "loss", 12.5) == pytest.approx(2.5 - 1.75)  # baseline: a quarter of the way from 2 to 1
    assert math.isnan(store.difference_to_baseline(other, "loss", 17))  # past the other run's end
    assert store.difference_to_baseline(base, "loss", 10) == 0.0
    # only one baseline at a time
    store.set_baseline(other)
    assert store.baseline is other and not base.baseline
    assert store.difference_to_baseline(base, "loss", 10) == pytest.approx(2.0 - 3.0)
    store.remove(other)
    assert store.baseline is None


def test_difference_with_smoothing_and_validation_points():
    store = RunStore()
    a = store.add(_run("a", [1, 2], [2.0, 4.0]))
    b = store.add(_run("b", [1, 2], [1.0, 1.0], color="#009E73"))
    store.set_baseline(b)
    # smoothed with w = 0.5 at step 2: (0.5*0.5*2 + 0.5*4) / 0.75 = 3.3333 vs 1
    assert store.difference_to_baseline(a, "loss", 2, smoothing=0.5) == pytest.approx(2.5 / 0.75 - 1.0)
    a.val_points += [{"step": 0.0, "split": "val", "loss": 3.0, "metric": 20.0},
                     {"step": 100.0, "split": "val", "loss": 2.0, "metric": 7.0}]
    b.val_points += [{"step": 50.0, "split": "val", "loss": 1.5}, {"step": 100.0, "split": "val", "loss": 1.0}]
    assert store.difference_to_baseline(a, "loss", 75, split="val") == pytest.approx(2.25 - 1.25)
    assert math.isnan(store.difference_to_baseline(a, "loss", 25, split="val"))  # before b's first point
    with pytest.raises(ValueError, match="unknown curve"):
        store.difference_to_baseline(a, "accuracy", 1)


def test_store_names_colours_hide_rename():
    store = RunStore()
    runs = [store.new_run({"task": "char", "model": "lstm"}) for _ in range(3)]
    assert [r.name for r in runs] == ["LSTM", "LSTM (2)", "LSTM (3)"]
    assert [r.color for r in runs] == list(RUN_COLORS[:3])
    store.rename(runs[0], "fast lr")
    assert store.get("fast lr") is runs[0]
    with pytest.raises(ValueError, match="already exists"):
        store.rename("fast lr", "LSTM (2)")
    with pytest.raises(ValueError, match="already exists"):
        store.add(Run(name="LSTM (3)", color="#000000", config={}))
    with pytest.raises(ValueError, match="no run named"):
        store.get("nope")
    store.hide("LSTM (2)")
    assert store.visible() == [runs[0], runs[2]]
    store.hide(runs[1], False)
    assert len(store.visible()) == 3
    store.remove(runs[1])  # its colour becomes free again
    assert store.new_run({"task": "lm", "model": "gru"}).color == RUN_COLORS[1]
    assert store.names()[-1] == "GRU"
    assert [r.name for r in store.of_task("char")] == ["fast lr", "LSTM (3)"]


def test_run_names_say_what_sets_them_apart():
    from rnn_lab.engine.tasks.registry import default_config

    store = RunStore()
    first = store.new_run(default_config("char"))
    assert first.name == "LSTM 128 · lr 0.003"
    assert store.new_run(default_config("char", lr=0.01, dropout=0.2)).name == "LSTM 128 · lr 0.01 · dropout 0.2"
    assert store.new_run(default_config("char", lr=0.01, dropout=0.2)).name == "LSTM 128 · lr 0.01 · dropout 0.2 (2)"
    assert store.new_run(default_config("adder")).name == "RNN 16 tanh · lr 0.03"  # another task's first run
    many = default_config("char", model="gru", hidden=64, lr=0.1, clip=1.0, batch=8, bptt=16, seed=3)
    assert store.new_run(many).name == "GRU 64 · lr 0.1 · dropout 0 · clip 1 · +3 more"
    two = default_config("lm", layers=2, hidden=650, embed=650, tie_weights=True)
    assert store.new_run(two).name == "2-layer LSTM 650 · lr 20"


def test_twelve_run_colours_stay_apart():
    """No two of the first 12 runs share a colour, and the colours are far apart (CIE76 > 20)."""
    def lab(h):
        rgb = np.array([int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)])
        lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
        xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ lin
        xyz /= (0.95047, 1.0, 1.08883)
        f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
        return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])

    store = RunStore()
    colours = [store.new_run({"task": "char", "model": "lstm"}).color for _ in range(12)]
    assert len(set(colours)) == 12
    assert min(np.linalg.norm(lab(a) - lab(b)) for i, a in enumerate(colours) for b in colours[i + 1:]) > 20


def test_run_records_trainer_reports_and_x_modes():
    reports = []
    trainer = Trainer(FakeTask(fake_config(eval_interval=10)), callback=reports.append)
    trainer.fit(max_steps=15)
    trainer.apply_setting("lr", 0.02)
    trainer.fit(max_steps=30)
    run = Run(name="fake", color=RUN_COLORS[0], config=trainer.config.to_dict(), created=0.0)
    for i, rep in enumerate(reports):
        run.record(rep, now=5000.0 + i)
    # every step arrived once, in order, equal to the trainer's own curves
    expected = trainer.curves.as_dict()
    for name in ("step", "time", "loss", "metric", "grad_norm", "lr"):
        np.testing.assert_array_equal(run.curves[name], expected[name])
    assert run.metric_name == "rmse"
    assert [p["step"] for p in run.val_points] == [10.0, 20.0, 30.0]
    assert run.changes == [{"step": 15, "name": "lr", "old": 0.05, "new": 0.02, "source": "user"}]
    assert run.markers("step") == [(15.0, "lr 0.05 -> 0.02")]
    (x_rel, label), = run.markers("relative")
    assert x_rel == pytest.approx(run.curves["time"][14]) and label == "lr 0.05 -> 0.02"
    np.testing.assert_array_equal(run.x("relative"), run.curves["time"])
    wall = run.x("wall")  # each report's rows end at its arrival time (5000 + i); steps take microseconds
    assert np.all(np.diff(wall) >= 0) and 5000.0 <= wall[0] and wall[-1] < 5000.0 + len(reports)
    with pytest.raises(ValueError, match="x mode"):
        run.x("epoch")


def test_wall_time_is_back_dated_within_a_chunk():
    run = Run(name="w", color="#56B4E9", config={}, created=0.0)
    run.extend({"step": [1, 2, 3], "time": [0.5, 0.75, 1.0]}, now=100.0)
    np.testing.assert_allclose(run.x("wall"), [99.5, 99.75, 100.0])
    np.testing.assert_allclose(run.x("wall", [2, 2.5]), [99.75, 99.875])
    np.testing.assert_allclose(run.x("relative", [0, 99]), [0.5, 1.0])  # clamped to the run's ends


def test_run_memory_is_bounded_and_rows_stay_regular():
    chunked = Run(name="c", color="#000000", config={}, max_rows=8)
    whole = Run(name="w", color="#000000", config={}, max_rows=8)
    steps = np.arange(1, 101, dtype=float)
    for s in range(0, 100, 7):
        chunked.extend({"step": steps[s:s + 7], "loss": steps[s:s + 7] * 2}, now=0.0)
    whole.extend({"step": steps, "loss": steps * 2}, now=0.0)
    for run in (chunked, whole):
        assert len(run) <= 8
        kept = run.curves["step"]
        stride = kept[0]
        np.testing.assert_array_equal(kept, stride * np.arange(1, len(kept) + 1))  # multiples of the stride
        np.testing.assert_array_equal(run.curves["loss"], kept * 2)
    np.testing.assert_array_equal(chunked.curves["step"], whole.curves["step"])
    np.testing.assert_array_equal(whole.curves["step"], [16, 32, 48, 64, 80, 96])


# ---------------------------------------------------------------------------- CSV
def test_long_csv_round_trip(tmp_path):
    a = _run("run, with comma", [1, 2, 3], [3.0, 2.5, 0.1 + 0.2], metric_name="perplexity")
    a.extend({"step": [4], "time": [0.4], "loss": [np.nan], "metric": [12.5], "lr": [0.01]}, now=0.0)
    a.val_points.append({"step": 2.0, "split": "val", "loss": 2.75, "perplexity": 15.6})
    b = _run("b", [10, 20], [1.0, 1.0 / 3.0], color="#E69F00")
    path = tmp_path / "curves.csv"
    path.write_text("old content")
    write_long_csv(path, [a, b])
    assert os.listdir(tmp_path) == ["curves.csv"]  # no temporary left behind
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        assert next(reader) == ["run", "step", "time", "metric", "value"]
        rows = list(reader)
    table = {}
    for run, step, t, metric, value in rows:
        table.setdefault((run, metric), []).append((int(step), float(t), float(value)))
    assert table[("run, with comma", "loss")] == [(1, 0.1, 3.0), (2, 0.2, 2.5), (3, 0.3, 0.1 + 0.2)]  # exact
    assert table[("run, with comma", "perplexity")] == [(4, 0.4, 12.5)]
    assert table[("run, with comma", "lr")] == [(4, 0.4, 0.01)]
    assert table[("run, with comma", "val_loss")] == [(2, 0.2, 2.75)]
    assert table[("run, with comma", "val_perplexity")] == [(2, 0.2, 15.6)]
    assert table[("b", "loss")] == [(10, 1.0, 1.0), (20, 2.0, 1.0 / 3.0)]
    assert len(rows) == 3 + 1 + 1 + 2 + 2  # NaN values are left out
    assert ("b", "grad_norm") not in table


def test_long_csv_failure_keeps_the_old_file(tmp_path):
    with pytest.raises(OSError, match="does not exist"):
        write_long_csv(tmp_path / "missing" / "x.csv", [])
    target = tmp_path / "x.csv"
    target.write_text("keep me")

    class Broken(Run):
        pass

    bad = Broken(name="bad", color="#000000", config={})
    bad.val_points.append({"split": "val", "loss": 1.0})  # no step: writing fails before the file is touched
    with pytest.raises(KeyError):
        write_long_csv(target, [bad])
    assert target.read_text() == "keep me"
    assert os.listdir(tmp_path) == ["x.csv"]
