"""The seq2seq task: data sources, every variant learning, evaluation, display, traces, exact resume."""

from pathlib import Path

import numpy as np
import pytest

import rnn_lab.engine.tasks.seq2seq as seq2seq_module
from rnn_lab.engine.data.seq2seq_generate import generate_addition, generate_dates
from rnn_lab.engine.errors import TaskError
from rnn_lab.engine.live import LiveRun
from rnn_lab.engine.messages import Display
from rnn_lab.engine.rng import rng_state_to_array
from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.engine.tasks.seq2seq import Seq2seqTask
from rnn_lab.engine.trainer import Trainer


def _write(path, questions, answers):
    path.write_text("".join(q + a + "\n" for q, a in zip(questions, answers)), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def small_addition(tmp_path_factory):
    """1,000 generated addition problems in the book's format (900 train, 100 held out)."""
    return _write(tmp_path_factory.mktemp("s2s") / "addition.txt", *generate_addition(1000, np.random.default_rng(5)))


@pytest.fixture(scope="module")
def small_dates(tmp_path_factory):
    return _write(tmp_path_factory.mktemp("s2s") / "date.txt", *generate_dates(600, np.random.default_rng(6)))


def _config(data, **over):
    values = dict(data=data, hidden=24, embed=8, batch=50, lr=0.01, eval_interval=0)
    values.update(over)
    return default_config("seq2seq", **values)


@pytest.mark.parametrize("variant", list(Seq2seqTask.variants))
def test_every_variant_learns(small_addition, variant):
    task = make_task(_config(small_addition, model=variant, seed=1))
    before = task.evaluate("val")["loss"]
    Trainer(task).fit(max_steps=60)
    after = task.evaluate("val")
    assert after["loss"] < 0.75 * before, f"{variant}: validation loss {before:.3f} -> {after['loss']:.3f}"


def test_data_sources_and_errors(tmp_path, small_addition):
    task = make_task(_config(small_addition, model="plain"))
    assert task.data_info() == {"source": small_addition, "vocab": list(" +0123456789_"),
                                "sizes": {"train": 900, "val": 100}}
    assert task.answer_length == 4 and task.splits() == ["val", "train"]
    generated = make_task(_config("", model="plain"))
    assert str(generated.data.source).startswith("generated date set") and generated.answer_length == 10
    assert generated.data_info()["sizes"] == {"train": 45_000, "val": 5_000}
    assert make_task(_config("addition", model="plain", val_fraction=0.2)).data_info()["sizes"]["val"] == 10_000
    bad = tmp_path / "bad.txt"
    bad.write_text("1+1 _2 \n2+2 _4 \n33+3 _36\n", encoding="utf-8")
    with pytest.raises(TaskError, match="line 3 "):
        make_task(_config(str(bad)))
    with pytest.raises(TaskError, match="missing.txt does not exist"):
        make_task(_config(str(tmp_path / "missing.txt")))
    lines = Path(small_addition).read_text(encoding="utf-8").splitlines()
    first = next(n for n, line in enumerate(lines, 1) if "1" in line)
    with pytest.raises(TaskError, match=f"addition.txt: line {first} has the character '1'"):
        make_task(_config(small_addition), vocab=list(" +023456789_"))
    with pytest.raises(TaskError, match="must be one of plain, reversed"):
        make_task(_config(small_addition, model="rnn"))


def test_checkpoint_vocabulary_rebuilds_the_same_ids(small_addition):
    task = make_task(_config(small_addition))
    vocab = ["x", *task.data_info()["vocab"]]  # a checkpoint's vocabulary may hold more characters
    again = make_task(_config(small_addition), vocab=vocab)
    assert again.data.vocab == vocab
    assert np.array_equal(again.data.questions, task.data.questions + 1)


def test_evaluation_is_greedy_exact_match_and_leaves_training_alone(small_addition, monkeypatch):
    task = make_task(_config(small_addition, model="attention", dtype="float64", lr=0.02, seed=3))
    trainer = Trainer(task)
    trainer.fit(max_steps=160)
    grads = [g.copy() for g in task.model.grads]
    state = task.state_dict()
    metrics = task.evaluate("val")
    assert set(metrics) == {"loss", "accuracy", "char_accuracy"}
    # independent route to the same numbers: one question at a time, greedy
    xs, ts = task._splits["val"]
    exact = chars = 0
    for q, t in zip(xs, ts):
        ids, _ = task.model.generate(q[None], task.data.start_id, task.answer_length)
        exact += bool((ids[0] == t[1:]).all())
        chars += int((ids[0] == t[1:]).sum())
    assert metrics["accuracy"] == exact / len(xs)
    assert metrics["char_accuracy"] == chars / (len(xs) * task.answer_length)
    # teacher-forced exact match is the same number (see the module docstring of the task)
    task.model.forward(xs, ts)
    teacher = (task.model.loss_layer.probs.argmax(axis=2) == ts[:, 1:]).all(axis=1).mean()
    assert metrics["accuracy"] == teacher
    assert 0 < metrics["accuracy"] < metrics["char_accuracy"] < 1
    monkeypatch.setattr(seq2seq_module, "EVAL_ELEMENTS", 1)  # the smallest chunks: 16 questions
    assert task.eval_chunk == 16
    chunked = task.evaluate("val")
    assert chunked["accuracy"] == metrics["accuracy"] and chunked["char_accuracy"] == metrics["char_accuracy"]
    assert chunked["loss"] == pytest.approx(metrics["loss"], rel=1e-12)
    assert task.evaluate("val", max_batches=2)["accuracy"] == (
        task.evaluate("val", max_batches=2)["accuracy"])  # the same first 32 questions each time
    assert task.evaluate("train", max_batches=1)["loss"] > 0
    with pytest.raises(TaskError, match="no 'test' split"):
        task.evaluate("test")
    for g, s in zip(task.model.grads, grads):
        assert np.array_equal(g, s)
    for k, v in task.state_dict().items():
        assert np.array_equal(v, state[k]), k


def test_display_example_attention_and_reversal(small_dates, small_addition):
    task = make_task(_config(small_dates, model="attention"))
    ex = task.display_example(7)
    assert ex["attention"].shape == (10, 29) and ex["attention"].dtype == np.float32
    np.testing.assert_allclose(ex["attention"].sum(axis=1), 1.0, rtol=1e-5)
    assert len(ex["in_labels"]) == 29 and len(ex["out_labels"]) == 10
    assert ex["question"] == "".join(ex["in_labels"]).rstrip()
    assert ex["correct"] == (ex["generated"] == ex["expected"]) and len(ex["expected"]) == 10
    rev = make_task(_config(small_addition, model="reversed_peeky"))
    ex = rev.display_example(2)
    assert ex["attention"] is None
    assert "".join(ex["in_labels"]) == ex["question"].ljust(7)[::-1]  # the encoder reads it backwards
    x, y = ex["question"].split("+")
    assert int(ex["expected"]) == int(x) + int(y)


@pytest.mark.parametrize("variant", ["plain", "bidirectional"])
def test_trace(small_addition, variant):
    task = make_task(_config(small_addition, model=variant, hidden=6))
    task.train_step()
    grads = [g.copy() for g in task.model.grads]
    rng = rng_state_to_array(task.rng)
    tr = task.trace(1)
    names = [layer["name"] for layer in tr["layers"]]
    assert names == (["encoder", "decoder"] if variant == "plain" else ["encoder_fwd", "encoder_bwd", "decoder"])
    enc, dec = tr["layers"][0], tr["layers"][-1]
    assert tr["labels"] == enc["labels"] and len(enc["labels"]) == 7 and dec["labels"][0] == "_"
    assert enc["cell"] == dec["cell"] == "lstm"
    H_enc = 6 if variant == "plain" else 3
    assert enc["h"].shape == (7, H_enc) and dec["h"].shape == (4, 6) and dec["c"].shape == (4, 6)
    assert enc["dh_norm"].shape == (7,) and dec["dh_norm"].shape == (4,) and (enc["dh_norm"] > 0).all()
    assert all(np.array_equal(g, s) for g, s in zip(task.model.grads, grads))
    assert np.array_equal(rng_state_to_array(task.rng), rng)
    assert not task.model.decoder.lstm.record


@pytest.mark.parametrize("save_at", [10, 14])  # inside an epoch, and exactly at its end
def test_exact_resume_in_float64(small_addition, save_at):
    def build():
        task = make_task(_config(small_addition, model="peeky", dtype="float64", batch=64, seed=9))
        return task, Trainer(task)

    full, full_trainer = build()
    full_trainer.fit(max_steps=20)  # 14 batches per epoch: crosses an epoch boundary
    half, half_trainer = build()
    half_trainer.fit(max_steps=save_at)
    params = {k: v.copy() for k, v in half.model.named_params().items()}
    task_state, trainer_state = half.state_dict(), half_trainer.state_dict()
    half_trainer.fit(max_steps=save_at + 3)
    resumed, resumed_trainer = build()
    resumed.model.load_params(params)
    resumed.load_state_dict(task_state)
    resumed_trainer.load_state_dict(trainer_state)
    resumed_trainer.fit(max_steps=20)
    assert resumed.epoch == full.epoch == 1 + 6 * 64 / 900  # 14 steps per epoch (900 // 64)
    for a, b in zip(resumed.model.params, full.model.params):
        assert np.array_equal(a, b)


def test_the_books_files(data_dir):
    task = make_task(_config(str(data_dir / "seq2seq" / "addition.txt"), model="reversed"))
    assert task.data_info()["sizes"] == {"train": 45_000, "val": 5_000}
    assert task.display_example(0)["question"].count("+") == 1
    dates = make_task(_config(str(data_dir / "seq2seq" / "date.txt"), model="attention"))
    assert dates.answer_length == 10 and len(dates.data.vocab) == 59


@pytest.mark.parametrize("case", ["val_fraction 0", "4 examples"])
def test_no_validation_examples_is_a_task_that_trains_and_shows_examples(tmp_path, small_addition, case):
    """Before: ``len(self._splits["val"])`` was the length of a (questions, answers) tuple, always 2, so an
    empty validation split was taken for a full one, and showing an example divided by zero (the window's
    training worker died)."""
    if case == "val_fraction 0":
        config = _config(small_addition, val_fraction=0.0, batch=8)
    else:
        q, a = generate_addition(4, np.random.default_rng(1))
        config = _config(_write(tmp_path / "four.txt", q, a), batch=2)  # round(4 * 0.1) = 0 held out
    task = make_task(config)
    assert task.splits() == ["train"]
    assert task.data_info()["sizes"]["val"] == 0
    shown = task.display_example(3)
    assert shown["question"] and shown["expected"]
    assert task.trace(1)["layers"]
    with pytest.raises(TaskError, match="no validation examples"):
        task.evaluate("val")
    reports = []
    trainer = Trainer(task)
    live = LiveRun(trainer, reports.append, Display(trace=0, example=0))
    live.run_steps(3)  # the last report carries an example and a trace
    assert trainer.step_count == 3 and reports[-1].get("example") is not None
    assert all(np.isfinite(task.evaluate("train", 1)[k]) for k in ("loss", "accuracy"))


def test_a_batch_larger_than_the_training_examples_is_refused(tmp_path):
    """Before: ``min(batch, len(train))`` trained on fewer examples than asked without a word."""
    q, a = generate_addition(10, np.random.default_rng(1))
    path = _write(tmp_path / "ten.txt", q, a)
    with pytest.raises(TaskError, match=r"batch 32 is larger than the 9 training examples"):
        make_task(_config(path, batch=32))
    assert make_task(_config(path, batch=9)).splits() == ["val", "train"]
