"""The character-level language model task: learning, sampling, traces, side trips, exact resume."""

import time

import numpy as np
import pytest

from rnn_lab.engine.errors import TaskError
from rnn_lab.engine.tasks.char import CharTask
from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.engine.trainer import Trainer

LINES = "the cat sat on the mat\nthe dog ran in the fog\na bird sang in the sun\n"


@pytest.fixture
def three_lines(tmp_path):
    p = tmp_path / "three.txt"
    p.write_text(LINES)
    return str(p)


def small_config(**kw):
    values = dict(hidden=16, embed=8, batch=4, bptt=10, eval_interval=0, seed=1)
    values.update(kw)
    return default_config("char", **values)


def train(task, steps, **trainer_kw):
    trainer = Trainer(task, **trainer_kw)
    return trainer, [trainer.train_step()["loss"] for _ in range(steps)]


def test_three_lines_with_sgd_and_clipping_loss_falls_steadily(three_lines):
    cfg = small_config(data=three_lines, hidden=32, embed=16, batch=4, bptt=16, val_fraction=0.0,
                       optimizer="sgd", lr=0.2, clip=5.0, dtype="float64")
    trainer, losses = train(make_task(cfg), 400)
    windows = np.mean(np.reshape(losses, (8, 50)), axis=1)
    assert np.all(np.isfinite(losses)) and trainer.state != "diverged"
    assert np.all(np.diff(windows) < 0), f"loss did not fall steadily: {windows}"
    assert windows[-1] < 0.6 * windows[0]


def test_three_lines_are_reproduced_by_greedy_and_cold_sampling(three_lines):
    cfg = small_config(data=three_lines, hidden=32, embed=16, batch=4, bptt=16, val_fraction=0.0,
                       optimizer="adam", lr=0.01, clip=5.0)
    task = make_task(cfg)
    _, losses = train(task, 300)
    assert np.mean(losses[-20:]) < 0.05 < losses[0]
    rng = np.random.default_rng(0)
    after_first = LINES[23:] + LINES
    out = task.sample("the cat sat on the mat\n", 60, 0.0, 0, rng)
    assert out["text"] == LINES[:23] + after_first[:60]
    cold = task.sample("the dog", 60, 0.1, 0, rng)
    assert cold["text"] == (LINES * 2)[23:23 + 67]
    # From a cold start ("\n" read by a zero state, which training never shows) the first line may be
    # entered in the middle; from then on the lines follow each other as in the text.
    free = task.sample("", 100, 0.0, 0, rng)["text"].split("\n")
    assert any(line.endswith(free[0]) for line in LINES.splitlines())
    assert "\n".join(free[1:4]) + "\n" in LINES * 2


def test_builtin_text_learns():
    # Sizes small enough that OpenBLAS stays single-threaded (its threads are slow on a busy machine).
    cfg = default_config("char", hidden=16, embed=8, batch=4, bptt=32, optimizer="adam", lr=0.01, clip=5.0,
                         eval_interval=0)
    task = make_task(cfg)
    assert task.source.startswith("built-in: ") and len(task.vocab) > 40 and task.ids["train"].size > 100_000
    before = task.evaluate("val")
    assert before["loss"] == pytest.approx(np.log(len(task.vocab)), abs=0.05)
    _, losses = train(task, 200)
    after = task.evaluate("val")
    assert np.mean(losses[-10:]) < losses[0] - 1.2
    assert after["loss"] < before["loss"] - 1.0 and after["accuracy"] > before["accuracy"] + 0.2
    assert after["perplexity"] == pytest.approx(np.exp(after["loss"]))


def test_side_trips_leave_training_state_untouched():
    task = make_task(small_config(dropout=0.2, layers=2, model="gru"))
    train(task, 5)
    state = task.state_dict()
    grads = [g.copy() for g in task.model.grads]
    params = [p.copy() for p in task.model.params]
    rng = np.random.default_rng(5)
    task.evaluate("val", max_batches=2)
    task.trace(2)
    task.display_example(1)
    task.sample("the river", 30, 0.8, 5, rng)
    task.sample("the riv", 0, 1.0, 3, rng)
    after = task.state_dict()
    assert state.keys() == after.keys() and "hidden.gru1.h" in state
    for k in state:
        np.testing.assert_array_equal(state[k], after[k], err_msg=k)
    for a, b in zip(grads + params, task.model.grads + task.model.params):
        np.testing.assert_array_equal(a, b)
    dropouts = [layer for name, layer in task.model.layers if name.startswith("drop")]
    assert all(d.train for d in dropouts) and not any(r.record for _, r in task.model.recurrent_layers())


def test_trace_and_display_example():
    task = make_task(small_config(bptt=50, layers=2))
    tr = task.trace(3)
    L = 40  # min(bptt, 40)
    assert len(tr["labels"]) == len(tr["targets"]) == L and tr["target_probs"].shape == (L,)
    assert set("".join(tr["labels"])) <= set(task.vocab.tokens) | {"⏎", "␣"} and " " not in tr["labels"]
    assert [layer["name"] for layer in tr["layers"]] == ["lstm0", "lstm1"]
    for layer in tr["layers"]:
        assert layer["cell"] == "lstm"
        for key in ("h", "c", "f", "g", "i", "o"):
            assert layer[key].shape == (L, 16) and layer[key].dtype == np.float32
        assert layer["dh_norm"].shape == (L,) and np.all(layer["dh_norm"] > 0)
    again = task.trace(3)
    np.testing.assert_array_equal(again["layers"][1]["h"], tr["layers"][1]["h"])
    assert task.trace(4)["labels"] != tr["labels"] and "val passage 3" in tr["title"]

    ex = task.display_example(3)
    assert len(ex["context"]) == L and ex["context"] == "".join(
        {"⏎": "\n", "␣": " "}.get(c, c) for c in tr["labels"])
    assert ex["target"] == tr["targets"][-1]
    probs = [p for _, p in ex["top"]]
    assert len(probs) == 5 and probs == sorted(probs, reverse=True) and sum(probs) <= 1 + 1e-9
    assert ex["correct"] == (ex["top"][0][0] == ex["target"])


def test_gru_trace_has_its_gates():
    tr = make_task(small_config(model="gru")).trace(0)
    assert {"h", "z", "r", "h_tilde", "dh_norm"} <= set(tr["layers"][0]) and tr["layers"][0]["cell"] == "gru"
    rnn = make_task(small_config(model="rnn")).trace(0)
    assert rnn["layers"][0]["name"] == "rnn0" and rnn["layers"][0]["h"].shape == (10, 16)


def test_sampling_prompts():
    task = make_task(small_config())
    rng = np.random.default_rng(0)
    out = task.sample("the river€", 25, 1.0, 0, rng)
    assert out["unknown"] == ["€"] and "".join(out["prompt_tokens"]) == "the river"
    assert len(out["tokens"]) == len(out["probs"]) == 25 and all(0 < p <= 1 for p in out["probs"])
    assert out["text"] == "the river" + "".join(out["tokens"])
    assert len(out["top"]) == 5
    same = task.sample("the river€", 25, 1.0, 0, np.random.default_rng(0))
    assert same["tokens"] == out["tokens"]  # only the given generator decides
    greedy = task.sample("the", 15, 0.0, 0, rng)
    assert task.sample("the", 15, 3.0, 1, rng)["tokens"] == greedy["tokens"]  # top-1 is greedy
    assert len(task.sample("", 10, 1.0, 3, rng)["tokens"]) == 10
    assert task.sample("x", 0, 1.0, 0, rng)["tokens"] == []
    with pytest.raises(TaskError, match="sample length"):
        task.sample("the", -1, 1.0, 0, rng)
    pred = task.sample("the rive", 0, 1.0, 4, rng)  # what comes next: the top 4
    assert len(pred["top"]) == 4 and pred["unknown"] == []


@pytest.mark.parametrize("batching", ["sequential", "random"])
def test_exact_resume_bit_for_bit(batching):
    cfg = small_config(dtype="float64", dropout=0.2, layers=2, optimizer="adam", lr=0.01, clip=1.0,
                       eval_interval=3, eval_batches=2, batching=batching)

    def run(task, steps, trainer=None, side_trips=False):
        trainer = trainer or Trainer(task)
        for _ in range(steps):
            trainer.train_step()
            if side_trips:
                task.sample("the", 5, 1.0, 0, np.random.default_rng(1))
                task.trace(1)
        return trainer

    a = make_task(cfg)
    ta = run(a, 7, side_trips=True)
    saved = ([p.copy() for p in a.model.params], ta.state_dict(), a.state_dict())
    run(a, 6, ta)

    b = make_task(cfg)
    tb = Trainer(b)
    b.model.load_params(dict(zip(b.model.names, saved[0])))
    b.load_state_dict(saved[2])
    tb.load_state_dict(saved[1])
    run(b, 6, tb)

    c = make_task(cfg)
    run(c, 13)  # uninterrupted, no side trips
    for pa, pb, pc, name in zip(a.model.params, b.model.params, c.model.params, a.model.names):
        np.testing.assert_array_equal(pa, pb, err_msg=name)
        np.testing.assert_array_equal(pa, pc, err_msg=name)
    assert a.batcher.cursor == b.batcher.cursor == 13 * cfg.bptt


def test_state_dict_checks():
    task = make_task(small_config())
    train(task, 2)
    state = task.state_dict()
    with pytest.raises(ValueError, match="has shape"):
        task.load_state_dict({**state, "hidden.lstm0.h": np.zeros((3, 16))})
    with pytest.raises(ValueError, match="no 'cursor'"):
        task.load_state_dict({"rng": state["rng"]})
    fresh = make_task(small_config())
    fresh.load_state_dict(state)
    np.testing.assert_array_equal(fresh.model.save_state()["lstm0.c"], state["hidden.lstm0.c"])


def test_rebuild_from_saved_vocabulary(tmp_path, three_lines):
    task = make_task(small_config(data=three_lines, val_fraction=0.0))
    info = task.data_info()
    assert info["vocab"] == sorted(set(LINES)) and info["sizes"] == {"train": len(LINES)}
    again = make_task(small_config(data=three_lines, val_fraction=0.0), vocab=info["vocab"])
    np.testing.assert_array_equal(again.ids["train"], task.ids["train"])
    other = tmp_path / "other.txt"
    other.write_text(LINES + "the zebra\n" + LINES)
    with pytest.raises(TaskError, match=r"contains 'z' \(line 4\), which is not among the model's 18 characters"):
        make_task(small_config(data=str(other)), vocab=info["vocab"])
    with pytest.raises(TaskError, match="not a character vocabulary"):
        make_task(small_config(data=three_lines), vocab=["the", "cat"])


def test_bad_settings():
    with pytest.raises(TaskError, match="model must be one of rnn, lstm, gru, peephole, simple, not 'better'"):
        make_task(small_config(model="better"))
    with pytest.raises(TaskError, match=r"embed 8, hidden 16"):
        make_task(small_config(tie_weights=True))
    task = make_task(small_config(val_fraction=0.0))
    assert task.splits() == ["train"]
    with pytest.raises(TaskError, match=r"no 'val' split \(val_fraction is 0\)"):
        task.evaluate("val")
    with pytest.raises(TaskError, match="no 'test' split"):
        make_task(small_config()).evaluate("test")


def test_live_dropout_and_description():
    task = make_task(small_config(dropout=0.1))
    task.set_live("dropout", 0.4)
    assert all(layer.ratio == 0.4 for name, layer in task.model.layers if name.startswith("drop"))
    assert isinstance(task, CharTask) and task.name == "char" and task.title == "Character LM"
    assert task.describe().startswith("Character LM · LSTM 16 · ")


def test_tiny_shakespeare(data_dir):
    path = data_dir / "tinyshakespeare" / "input.txt"
    t0 = time.perf_counter()
    task = make_task(default_config("char", data=str(path), hidden=32, embed=16, batch=32, bptt=64))
    load_s = time.perf_counter() - t0
    assert len(task.vocab) == 65 and task.ids["train"].dtype == np.int32
    assert task.data_info()["sizes"] == {"train": 1_003_855, "val": 111_539}  # last 10% is validation
    assert "".join(task.vocab.decode(task.ids["train"][:14])) == "First Citizen:"
    assert load_s < 3.0, f"loading Tiny Shakespeare took {load_s:.2f} s"
    assert np.isfinite(task.train_step().loss)


def test_trace_top5_matches_the_model():
    char_task = make_task(default_config("char", model="lstm", hidden=16, embed=8, batch=4, bptt=12, seed=3))
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


def test_the_three_line_demo_trains_with_the_default_settings():
    """The 85-character demo text (tests/data/demo-3-lines.txt) with every default: batch and BPTT
    shrink to what it holds, one sentence says so, and the model learns it."""
    from pathlib import Path

    demo = Path(__file__).resolve().parents[2] / "data" / "demo-3-lines.txt"
    task = make_task(default_config("char", data=str(demo)))
    assert (task.batch, task.bptt) == (4, 19)
    assert task.note == ("The text is short (77 training characters), so training uses batch 4 × BPTT 19 instead "
                         "of 32 × 64.")
    _, losses = train(task, 60)
    assert np.mean(losses[-5:]) < losses[0] - 1.0


def test_random_windows_start_every_batch_from_a_zero_state(monkeypatch):
    task = make_task(small_config(batching="random"))
    lstm = task.model.rnns[0]
    seen = []
    original = lstm.forward

    def spy(xs):
        seen.append(lstm.h is None)  # reset_state() leaves no carried state
        return original(xs)

    monkeypatch.setattr(lstm, "forward", spy)
    for _ in range(3):
        task.train_step()
    assert seen == [True, True, True]
    sequential = make_task(small_config())
    sequential.train_step()
    assert sequential.model.rnns[0].h is not None  # the book's batches carry it


def test_embed_std_sets_the_initial_character_vectors():
    book = make_task(small_config())
    wide = make_task(small_config(embed_std=1.0))
    assert 0.005 < float(book.model.embed.params[0].std()) < 0.02  # the book's randn / 100
    assert 0.8 < float(wide.model.embed.params[0].std()) < 1.2
