"""The word-level language model task: PTB as the book reads it, the built-in grammar, prompts, resume."""

import time

import numpy as np
import pytest

from rnn_lab.engine.data.builtin import grammar_corpus
from rnn_lab.engine.data.vocab import EOS, UNK
from rnn_lab.engine.errors import TaskError
from rnn_lab.engine.tasks.lm import WordLMTask
from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.engine.trainer import Trainer


def small_config(**kw):
    values = dict(hidden=16, embed=16, batch=5, bptt=8, eval_interval=0, seed=2, eval_batches=0)
    values.update(kw)
    return default_config("lm", **values)


def test_ptb_as_the_book_reads_it(data_dir):
    t0 = time.perf_counter()
    task = make_task(default_config("lm", data=str(data_dir / "ptb")))
    load_s = time.perf_counter() - t0
    assert len(task.vocab) == 10_000
    assert task.data_info()["sizes"] == {"train": 929_589, "val": 73_760, "test": 82_430}
    assert task.vocab.tokens[:3] == ["aer", "banknote", "berlitz"]  # the book's ids 0, 1, 2
    assert task.ids["train"].dtype == np.int32 and task.ids["train"][:3].tolist() == [0, 1, 2]
    assert task.vocab.unk == UNK and EOS in task.vocab
    assert task.splits() == ["train", "val", "test"]
    assert load_s < 4.0, f"loading PTB and building the model took {load_s:.2f} s"
    assert task.train_step().loss == pytest.approx(np.log(10_000), abs=0.05)
    assert task.describe().startswith("Word LM · LSTM 100 · 10,000 words in the vocabulary · 929,589 training words")


def test_builtin_grammar_learns():
    task = make_task(small_config(batch=5, bptt=16, optimizer="adam", lr=0.01, clip=5.0))
    assert task.source == "built-in: generated sentences" and task.splits() == ["train", "val", "test"]
    before = task.evaluate("val")
    trainer = Trainer(task)
    losses = [trainer.train_step()["loss"] for _ in range(200)]
    after = task.evaluate("val")
    assert np.mean(losses[-10:]) < losses[0] - 1.5
    assert after["perplexity"] < before["perplexity"] / 4
    assert after["accuracy"] > 0.15
    test = task.evaluate("test", max_batches=3)
    assert set(test) == {"loss", "perplexity", "accuracy"} and np.isfinite(test["loss"])


def test_grammar_corpus_is_fixed_and_sentences_end_with_eos():
    a, b = grammar_corpus({"train": 300}), grammar_corpus({"train": 300})
    assert a == b and a["train"][-1] == EOS
    sentence = a["train"][: a["train"].index(EOS)]
    assert 2 <= len(sentence) <= 30


def test_sample_maps_unknown_words_to_unk():
    task = make_task(small_config())
    rng = np.random.default_rng(0)
    pred = task.sample("The zebra sees", 0, 1.0, 4, rng)  # no tokens: what comes next, the top 4
    assert pred["prompt_tokens"] == ["the", UNK, "sees"] and pred["unknown"] == ["zebra"]
    probs = [p for _, p in pred["top"]]
    assert len(probs) == 4 and probs == sorted(probs, reverse=True) and pred["tokens"] == []
    out = task.sample("the quokka\nsleeps", 12, 1.0, 0, rng)
    assert out["unknown"] == ["quokka"] and out["prompt_tokens"] == ["the", UNK, EOS, "sleeps"]
    assert len(out["tokens"]) == 12 and all(t in task.vocab for t in out["tokens"])
    assert out["text"] == task._join(out["prompt_tokens"] + out["tokens"])
    assert "<eos>" not in out["text"] and out["text"].startswith("the <unk>\nsleeps")
    assert out["text"].count("\n") == 1 + out["tokens"].count(EOS)
    assert len(task.sample("", 5, 0.5, 3, rng)["tokens"]) == 5  # empty prompt: starts after <eos>


def test_join_shows_eos_as_a_line_break():
    task = make_task(small_config())
    assert task._join(["the", "cat", EOS, "a", "dog", EOS]) == "the cat\na dog\n"
    assert task._join([EOS, "x"]) == "\nx"


def test_trace_display_and_side_trips_keep_training_state():
    task = make_task(small_config(model="better", layers=2, dropout=0.3, bptt=50))
    trainer = Trainer(task)
    for _ in range(3):
        trainer.train_step()
    state, grads = task.state_dict(), [g.copy() for g in task.model.grads]
    tr = task.trace(2)
    assert len(tr["labels"]) == 40 and all(w in task.vocab for w in tr["labels"])
    assert [layer["name"] for layer in tr["layers"]] == ["lstm0", "lstm1"]
    assert tr["layers"][1]["o"].shape == (40, 16)
    ex = task.display_example(2)
    assert ex["context"].split() == [w for w in tr["labels"] if w != EOS] and ex["target"] == tr["targets"][-1]
    task.sample("the cat", 10, 1.0, 0, np.random.default_rng(3))
    task.evaluate("val")
    after = task.state_dict()
    for k in state:
        np.testing.assert_array_equal(state[k], after[k], err_msg=k)
    for g, saved in zip(task.model.grads, grads):
        np.testing.assert_array_equal(g, saved)


@pytest.mark.parametrize("model", ["simple", "better", "gru"])
def test_exact_resume_bit_for_bit(model):
    cfg = small_config(model=model, layers=2 if model == "better" else 1, dropout=0.25, dtype="float64",
                       optimizer="sgd", lr=1.0, clip=0.25, eval_interval=4, eval_batches=2)
    a = make_task(cfg)
    ta = Trainer(a)
    for _ in range(5):
        ta.train_step()
    params, tstate, kstate = [p.copy() for p in a.model.params], ta.state_dict(), a.state_dict()
    for _ in range(6):
        ta.train_step()
    b = make_task(cfg)
    tb = Trainer(b)
    b.model.load_params(dict(zip(b.model.names, params)))
    b.load_state_dict(kstate)
    tb.load_state_dict(tstate)
    for _ in range(6):
        tb.train_step()
    for pa, pb, name in zip(a.model.params, b.model.params, a.model.names):
        np.testing.assert_array_equal(pa, pb, err_msg=name)
    assert ta.last["loss"] == tb.last["loss"]


def test_models_follow_the_book():
    simple = make_task(small_config(model="simple", activation="tanh")).model
    assert simple.cell == "rnn" and simple.rnns[0].activation == "tanh" and not simple.tied
    better = make_task(small_config(model="better", layers=2, dropout=0.5)).model
    assert better.cell == "lstm" and better.tied and better.num_layers == 2 and "affine.W" not in better.names
    assert make_task(small_config(model="gru")).model.cell == "gru"
    peephole = make_task(small_config(model="peephole", impl="readable")).model
    assert peephole.cell == "peephole" and "peephole0.p_o" in peephole.names
    assert make_task(small_config(model="lstm", tie_weights=True)).model.tied
    with pytest.raises(TaskError, match="model must be one of rnn, lstm, gru, peephole, simple, better, not 'attention'"):
        make_task(small_config(model="attention"))
    with pytest.raises(TaskError, match="Tied weights need the embedding size to equal the hidden size"):
        make_task(small_config(model="better", embed=8))


def test_single_text_file_splits_and_min_count(tmp_path):
    lines = ["rare1 rare2 common"] * 3 + [f"w{i % 7} w{i % 5} common" for i in range(300)] + ["zzz unseen"] * 40
    p = tmp_path / "corpus.txt"
    p.write_text("\n".join(lines) + "\n")
    task = make_task(small_config(data=str(p), val_fraction=0.1))
    n = 300 * 4 + 3 * 4 + 40 * 3
    sizes = task.data_info()["sizes"]
    assert sizes == {"train": n - 2 * int(n * 0.1), "val": int(n * 0.1), "test": int(n * 0.1)}
    assert "zzz" not in task.vocab and UNK in task.vocab  # only in the test split: unseen, so <unk>
    assert (task.ids["test"] == task.vocab.unk_id).any()
    frequent = make_task(small_config(data=str(p), val_fraction=0.1, min_count=4))
    assert "rare1" not in frequent.vocab and "common" in frequent.vocab
    assert len(frequent.vocab) == len(task.vocab) - 2


def test_rebuild_from_saved_vocabulary(tmp_path):
    task = make_task(small_config())
    vocab = task.data_info()["vocab"]
    again = make_task(small_config(), vocab=vocab)
    np.testing.assert_array_equal(again.ids["val"], task.ids["val"])
    p = tmp_path / "new.txt"
    p.write_text("the cat sees a zebra\n" * 200)
    other = make_task(small_config(data=str(p)), vocab=vocab)
    assert other.vocab.tokens == vocab and (other.ids["train"] == other.vocab.unk_id).sum() == 200 * 0.8
    with pytest.raises(TaskError, match="'zebra' is not in the saved vocabulary, which has no <unk>"):
        make_task(small_config(data=str(p)), vocab=[w for w in vocab if w != UNK])


def test_class_attributes():
    assert WordLMTask.name == "lm" and WordLMTask.title == "Word LM" and WordLMTask.has_sampling
    assert WordLMTask.metric_name == "perplexity" and not WordLMTask.higher_is_better
