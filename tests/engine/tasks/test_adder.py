"""The binary adder: bit encoding, model gradients, learning to 100%, relu without crashes, exact resume."""

import math

import numpy as np
import pytest

import rnn_lab.engine.tasks.adder as adder_module
from rnn_lab.engine.data.adder_bits import all_pairs, encode, from_bits, random_pairs, to_bits
from rnn_lab.engine.errors import TaskError
from rnn_lab.engine.models.adder import AdderRNN
from rnn_lab.engine.rng import rng_state_to_array
from rnn_lab.engine.tasks.adder import AdderTask
from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.engine.trainer import Trainer
from tests.gradcheck import numerical_grad, rel_error


def test_bits_are_least_significant_first():
    assert to_bits([6]).tolist() == [[0, 1, 1, 0, 0, 0, 0, 0]]
    values = np.arange(256)
    assert np.array_equal(from_bits(to_bits(values)), values)
    a, b = all_pairs()
    assert a.size == b.size == 128 * 128 and len(set(zip(a.tolist(), b.tolist()))) == 128 * 128
    xs, ts = encode(np.array([127, 5]), np.array([127, 3]))
    assert xs.shape == (2, 8, 2) and xs.dtype == np.float32 and ts.shape == (2, 8, 1)
    assert from_bits(ts[:, :, 0]).tolist() == [254, 8]
    assert from_bits(xs[:, :, 0]).tolist() == [127, 5] and from_bits(xs[:, :, 1]).tolist() == [127, 3]
    with pytest.raises(ValueError, match="operands"):
        encode(np.array([128]), np.array([0]))
    a, b = random_pairs(np.random.default_rng(0), 1000)
    assert a.min() >= 0 and max(a.max(), b.max()) < 128


@pytest.mark.parametrize("cell, activation", [("rnn", "sigmoid"), ("rnn", "tanh"), ("rnn", "relu"),
                                              ("lstm", "tanh"), ("gru", "tanh")])
def test_model_gradients(cell, activation):
    model = AdderRNN(np.random.default_rng(3), 5, activation, "he", dtype=np.float64, cell=cell)
    rng = np.random.default_rng(4)
    for bias in (model.rnn.params[2], model.affine.params[1]):  # generic values: no relu input sits on its kink
        bias[...] = rng.standard_normal(bias.shape) * 0.3
    xs, ts = encode(np.array([3, 100, 77, 0]), np.array([5, 27, 50, 0]), np.float64)
    model.forward(xs, ts)
    model.backward()
    analytic = [g.copy() for g in model.grads]
    for name, p, g in zip(model.names, model.params, analytic):
        err = rel_error(g, numerical_grad(lambda: model.forward(xs, ts), p))
        assert err < 1e-6, f"{name}: {err:.2e}"
    assert model.names[0] == f"{cell}0.Wx" and model.names[-2:] == ["out.W", "out.b"]


def _reference_metrics(task: AdderTask) -> dict[str, float]:
    """Loss and accuracies over all pairs from a plain per-step loop of the tanh RNN (independent code)."""
    Wx, Wh, b, Wo, bo = (p.astype(np.float64) for p in task.model.params)
    a, c = all_pairs()
    xs, ts = encode(a, c, np.float64)
    h = np.zeros((len(a), Wh.shape[0]))
    logits = []
    for t in range(8):
        h = np.tanh(xs[:, t] @ Wx + h @ Wh + b)
        logits.append(h @ Wo + bo)
    z = np.stack(logits, axis=1)
    loss = np.mean(np.logaddexp(0, z) - ts * z)
    ok = (z > 0) == (ts == 1)
    return {"loss": loss, "accuracy": ok.all(axis=(1, 2)).mean(), "bit_accuracy": ok.mean()}


def test_evaluate_matches_an_independent_reference_and_leaves_training_alone():
    task = make_task(default_config("adder", activation="tanh", dtype="float64", seed=1))
    trainer = Trainer(task)
    trainer.fit(max_steps=40)  # part way: accuracies strictly between 0 and 1
    grads = [g.copy() for g in task.model.grads]
    rng_before = rng_state_to_array(task.rng)
    metrics = task.evaluate("val")
    ref = _reference_metrics(task)
    assert 0 < metrics["accuracy"] < 1
    assert metrics["accuracy"] == ref["accuracy"] and metrics["bit_accuracy"] == ref["bit_accuracy"]
    assert metrics["loss"] == pytest.approx(ref["loss"], rel=1e-10)
    assert all(np.array_equal(g, s) for g, s in zip(task.model.grads, grads))
    assert np.array_equal(rng_state_to_array(task.rng), rng_before)
    task.display_example(3)
    task.trace(3)
    assert all(np.array_equal(g, s) for g, s in zip(task.model.grads, grads))
    assert np.array_equal(rng_state_to_array(task.rng), rng_before)
    with pytest.raises(TaskError, match="no 'test' split"):
        task.evaluate("test")


def test_evaluation_in_chunks_gives_the_same_numbers(monkeypatch):
    task = make_task(default_config("adder", dtype="float64", seed=2))
    Trainer(task).fit(max_steps=30)
    whole = task.evaluate("val")
    monkeypatch.setattr(adder_module, "EVAL_ELEMENTS", 1000)  # 256 pairs per forward
    chunked = task.evaluate("val")
    assert chunked["accuracy"] == whole["accuracy"] and chunked["bit_accuracy"] == whole["bit_accuracy"]
    assert chunked["loss"] == pytest.approx(whole["loss"], rel=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_defaults_reach_100_percent_on_all_pairs(seed):
    task = make_task(default_config("adder", seed=seed, eval_interval=0))
    trainer = Trainer(task)
    while trainer.step_count < 10_000:
        trainer.fit(max_steps=trainer.step_count + 25)
        assert trainer.state == "finished"
        if task.evaluate("val")["accuracy"] == 1.0:
            break
    metrics = task.evaluate("val")
    assert metrics["accuracy"] == 1.0 and metrics["bit_accuracy"] == 1.0, f"seed {seed}: {metrics}"
    assert trainer.step_count <= 1000  # measured: 50-150 steps; 10,000 is the promise
    example = task.display_example(seed)
    assert example["correct"] and example["pred_sum"] == example["a"] + example["b"]


def test_step_reports_batch_metrics():
    task = make_task(default_config("adder", batch=64))
    result = task.train_step()
    assert result.tokens == 64 * 8
    assert set(result.metrics) == {"accuracy", "bit_accuracy"}
    assert 0 <= result.metrics["accuracy"] <= result.metrics["bit_accuracy"] <= 1
    assert math.isfinite(result.loss) and task.epoch == 64 / 16384


def test_relu_trains_2000_steps_without_raising():
    task = make_task(default_config("adder", activation="relu", seed=0, eval_interval=500))
    trainer = Trainer(task)
    for _ in range(10):  # a divergence pauses fit; continuing resumes from the restored parameters
        trainer.fit(max_steps=2000)
        if trainer.step_count >= 2000:
            break
    assert trainer.step_count == 2000
    assert all(np.isfinite(p).all() for p in task.model.params)


def test_relu_divergence_is_reported_not_raised():
    """A huge learning rate makes the relu recurrence overflow: the trainer restores and says so."""
    cfg = default_config("adder", activation="relu", optimizer="sgd", lr=100.0, init="normal", init_std=1.0,
                         seed=2, eval_interval=0)
    task = make_task(cfg)
    events = []
    trainer = Trainer(task, callback=lambda r: events.append(r) if r["kind"] == "event" else None)
    trainer.fit(max_steps=200)
    assert trainer.state == "diverged"
    assert any("relu" in e["message"] for e in events if e["level"] == "diverged")
    assert all(np.isfinite(p).all() for p in task.model.params)
    task.evaluate("val")  # still usable, no warnings
    task.display_example(0)
    task.trace(0)


def test_display_example_and_trace():
    task = make_task(default_config("adder", hidden=7))
    ex = task.display_example(5)
    again = task.display_example(5)
    assert np.array_equal(ex.pop("probs"), again.pop("probs")) and ex == again
    ex["probs"] = again["probs"] = task.display_example(5)["probs"]
    assert ex["probs"].shape == (8,) and ex["probs"].dtype == np.float32
    a, b = ex["a"], ex["b"]
    assert (a, b) == AdderTask.example_pair(5) and 0 <= a < 128 and 0 <= b < 128
    assert ex["a_bits"] == to_bits([a])[0].tolist() and ex["b_bits"] == to_bits([b])[0].tolist()
    assert ex["true_bits"] == to_bits([a + b])[0].tolist() and ex["true_sum"] == a + b
    assert ex["pred_bits"] == (ex["probs"] > 0.5).astype(int).tolist()
    assert ex["pred_sum"] == int(from_bits(np.array([ex["pred_bits"]]))[0])
    assert ex["correct"] == (ex["pred_sum"] == a + b)
    tr = task.trace(5)
    assert tr["labels"] == [f"{x}+{y}" for x, y in zip(ex["a_bits"], ex["b_bits"])]
    (layer,) = tr["layers"]
    assert layer["name"] == "rnn0" and layer["cell"] == "rnn"
    assert layer["h"].shape == (8, 7) and layer["h"].dtype == np.float32
    assert layer["dh_norm"].shape == (8,) and (layer["dh_norm"] > 0).all()
    assert task.model.rnn.record is False
    lstm = make_task(default_config("adder", model="lstm", hidden=3)).trace(0)["layers"][0]
    assert lstm["cell"] == "lstm" and {"h", "c", "f", "g", "i", "o", "dh_norm"} <= set(lstm)


def test_exact_resume_in_float64():
    def build():
        task = make_task(default_config("adder", dtype="float64", seed=4, eval_interval=0))
        return task, Trainer(task)

    full, full_trainer = build()
    full_trainer.fit(max_steps=60)
    half, half_trainer = build()
    half_trainer.fit(max_steps=30)
    params = {k: v.copy() for k, v in half.model.named_params().items()}
    task_state, trainer_state = half.state_dict(), half_trainer.state_dict()
    half_trainer.fit(max_steps=45)  # wander off, then come back
    resumed, resumed_trainer = build()
    resumed.model.load_params(params)
    resumed.load_state_dict(task_state)
    resumed_trainer.load_state_dict(trainer_state)
    resumed_trainer.fit(max_steps=60)
    assert resumed.epoch == full.epoch
    for a, b in zip(resumed.model.params, full.model.params):
        assert np.array_equal(a, b)


def test_bad_settings_raise_task_error():
    with pytest.raises(TaskError, match="must be one of rnn, lstm, gru, peephole, not"):
        make_task(default_config("adder", model="attention"))
    info = make_task(default_config("adder")).data_info()
    assert info["vocab"] is None and info["sizes"] == {"val": 16384}
