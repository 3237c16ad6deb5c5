"""Exact resume: save at step k, load, continue to n == a run that never stopped, bit for bit (float64).

Compared: parameters, optimizer state, task state (data cursor, hidden states), both random
generators, the curves (all columns but wall time), validation points, best parameters, the last
step's numbers. Checked for the fake task and for each real task on its built-in data.
"""

from __future__ import annotations

import numpy as np
import pytest

from rnn_lab.engine.checkpoint import load_checkpoint, read_checkpoint_arrays, save_checkpoint
from rnn_lab.engine.curves import COLUMNS
from rnn_lab.engine.tasks.registry import default_config
from rnn_lab.engine.trainer import Trainer
from tests.engine.fake_task import FakeTask, fake_config, fake_factory

N, K = 30, 13


@pytest.fixture(scope="module")
def addition(tmp_path_factory) -> str:
    """A small file in the book's addition format (the generated sets hold 50,000 examples: slow to build)."""
    rng = np.random.default_rng(5)
    lines = [f"{a}+{b}".ljust(7) + "_" + str(a + b).ljust(4) for a, b in rng.integers(0, 1000, (300, 2)).tolist()]
    path = tmp_path_factory.mktemp("seq2seq") / "addition.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


CASES = {
    "fake": lambda data: fake_config(eval_interval=5),
    "fake-book-schedule": lambda data: fake_config(optimizer="sgd", lr=0.1, schedule="book", eval_interval=4),
    "adder": lambda data: default_config("adder", dtype="float64", hidden=8, batch=16, eval_interval=20),
    "adder-lstm-momentum": lambda data: default_config("adder", model="lstm", optimizer="momentum", lr=0.1,
                                                  dtype="float64", hidden=6, batch=8, eval_interval=0,
                                                  schedule="cosine", decay_steps=40),
    "char": lambda data: default_config("char", dtype="float64", hidden=12, embed=6, batch=4, bptt=8, layers=2,
                                   dropout=0.2, eval_interval=10, eval_batches=2),
    "char-gru": lambda data: default_config("char", model="gru", dtype="float64", hidden=10, embed=5, batch=3, bptt=7,
                                       eval_interval=9, eval_batches=1, optimizer="rmsprop", lr=0.01),
    "lm": lambda data: default_config("lm", dtype="float64", hidden=12, embed=8, batch=4, bptt=6, eval_interval=6,
                                 eval_batches=2, lr=1.0),
    "lm-better": lambda data: default_config("lm", model="better", layers=2, dtype="float64", hidden=8, embed=8,
                                        tie_weights=True, dropout=0.3, batch=3, bptt=5, eval_interval=10,
                                        eval_batches=1, lr=1.0),
    "seq2seq": lambda data: default_config("seq2seq", dtype="float64", hidden=12, embed=6, batch=8, eval_interval=12,
                                      eval_batches=1, data=data),
    "seq2seq-peeky": lambda data: default_config("seq2seq", model="reversed_peeky", dtype="float64", hidden=10,
                                            embed=5, batch=6, eval_interval=12, eval_batches=1,
                                            optimizer="adagrad", data=data),
}


def factory(name):
    if name.startswith("fake"):
        return fake_factory
    from rnn_lab.engine.tasks.registry import make_task

    return make_task


def new_trainer(name, data=""):
    config = CASES[name](data)
    return Trainer(factory(name)(config))


def assert_same_run(a: Trainer, b: Trainer) -> None:
    assert a.step_count == b.step_count
    assert a.task.model.names == b.task.model.names
    for name, p, q in zip(a.task.model.names, a.task.model.params, b.task.model.params):
        assert p.dtype == q.dtype == np.float64
        np.testing.assert_array_equal(p, q, err_msg=name)
    sa, sb = a.optimizer.state_dict(), b.optimizer.state_dict()
    assert sorted(sa) == sorted(sb)
    for k in sa:
        np.testing.assert_array_equal(sa[k], sb[k], err_msg=f"optimizer {k}")
    ta, tb = a.task.state_dict(), b.task.state_dict()
    assert sorted(ta) == sorted(tb)
    for k in ta:
        np.testing.assert_array_equal(ta[k], tb[k], err_msg=f"task state {k}")
    assert a.task.rng.bit_generator.state == b.task.rng.bit_generator.state
    assert a.sample_rng.bit_generator.state == b.sample_rng.bit_generator.state
    ca, cb = a.curves.as_dict(), b.curves.as_dict()
    for col in COLUMNS:
        if col != "time":
            np.testing.assert_array_equal(ca[col], cb[col], err_msg=f"curve {col}")
    assert a.val_points == b.val_points
    assert a.optimizer.lr == b.optimizer.lr and a.base_lr == b.base_lr
    assert (a.best is None) == (b.best is None)
    if a.best is not None:
        assert a.best["step"] == b.best["step"] and a.best["metric"] == b.best["metric"]
        for p, q in zip(a.best["params"], b.best["params"]):
            np.testing.assert_array_equal(p, q)
    la = {k: v for k, v in a.last.items()}
    lb = {k: v for k, v in b.last.items()}
    assert la.keys() == lb.keys()
    for k in la:
        assert la[k] == lb[k] or (la[k] != la[k] and lb[k] != lb[k]), k  # NaN == NaN here
    assert a.task.epoch == b.task.epoch


@pytest.mark.parametrize("name", list(CASES))
def test_save_load_continue_equals_uninterrupted(tmp_path, addition, name):
    straight = new_trainer(name, addition)
    straight.fit(max_steps=N)

    first = new_trainer(name, addition)
    first.fit(max_steps=K)
    path = tmp_path / "k.npz"
    save_checkpoint(path, first)

    resumed = load_checkpoint(path, task_factory=factory(name))
    assert resumed.step_count == K
    resumed.fit(max_steps=N)
    assert_same_run(straight, resumed)

    first.fit(max_steps=N)  # saving did not disturb the run that was saved
    assert_same_run(straight, first)


@pytest.mark.parametrize("name", ["fake", "adder", "char", "lm", "seq2seq"])
def test_load_then_save_gives_the_same_arrays(tmp_path, addition, name):
    t = new_trainer(name, addition)
    t.fit(max_steps=K)
    a, b = tmp_path / "a.npz", tmp_path / "b.npz"
    save_checkpoint(a, t)
    save_checkpoint(b, load_checkpoint(a, task_factory=factory(name)))
    arrays_a, meta_a = read_checkpoint_arrays(a)
    arrays_b, meta_b = read_checkpoint_arrays(b)
    assert sorted(arrays_a) == sorted(arrays_b)
    for k in arrays_a:
        if k != "meta.json":
            assert arrays_a[k].dtype == arrays_b[k].dtype, k
            np.testing.assert_array_equal(arrays_a[k], arrays_b[k], err_msg=k)
    for key in ("config", "data_info", "history", "best", "last", "step"):
        assert meta_a[key] == meta_b[key], key


def test_resume_across_a_display_detour(tmp_path):
    """Sampling, traces and evaluations in between (as the window does) change nothing."""
    straight = new_trainer("char")
    straight.fit(max_steps=N)
    t = new_trainer("char")
    t.fit(max_steps=K)
    t.task.trace(0)
    t.task.display_example(1)
    t.task.sample("th", 20, 1.0, 0, t.sample_rng)
    t.evaluate("val")
    t.val_points.pop()  # an on-demand evaluation adds a point; the uninterrupted run had none
    path = tmp_path / "k.npz"
    save_checkpoint(path, t)
    resumed = load_checkpoint(path)
    resumed.fit(max_steps=N)
    resumed.sample_rng.bit_generator.state = straight.sample_rng.bit_generator.state  # the sample used it
    assert_same_run(straight, resumed)


def test_fake_task_exercises_its_random_stream():
    """Guard against a vacuous resume test: the fake task's training really draws from task.rng."""
    task = FakeTask(fake_config())
    before = task.rng.bit_generator.state
    task.train_step()
    assert task.rng.bit_generator.state != before


@pytest.mark.slow
def test_resume_on_the_penn_treebank_rebuilds_the_saved_vocabulary(tmp_path, data_dir):
    """A word LM on PTB: the 10,000-word vocabulary travels in the checkpoint's metadata."""
    from rnn_lab.engine.checkpoint import read_checkpoint_meta
    from rnn_lab.engine.tasks.registry import make_task

    config = default_config("lm", data=str(data_dir / "ptb"), dtype="float64", hidden=8, embed=8, batch=2, bptt=3,
                            eval_interval=0)
    first = Trainer(make_task(config))
    first.fit(max_steps=3)
    path = tmp_path / "ptb.npz"
    save_checkpoint(path, first)
    meta = read_checkpoint_meta(path)
    assert len(meta["data_info"]["vocab"]) == 10_000 and meta["data_info"]["vocab"][:3] == first.task.data_info()[
        "vocab"][:3]
    resumed = load_checkpoint(path)
    first.fit(max_steps=7)  # saving did not disturb it: this is the uninterrupted run
    resumed.fit(max_steps=7)
    assert_same_run(first, resumed)
