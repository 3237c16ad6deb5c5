"""Word vectors: nearest words and analogies by cosine similarity (against a plain NumPy computation),
the 2-D map of the most frequent words, the live command, and ``rnn-lab neighbors``."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest

from rnn_lab.engine import messages, vectors
from rnn_lab.engine.checkpoint import save_checkpoint
from rnn_lab.engine.cli import main
from rnn_lab.engine.live import LiveRun
from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.engine.trainer import Trainer

TOKENS = ["<unk>", "the", "cat", "dog", "sat", "king", "queen", "man", "woman", "<eos>"]


def cosine_top(W, i, k, exclude):
    """The plain computation: cosine of every row with row i, sorted."""
    W = W.astype(np.float64)
    cos = (W @ W[i]) / (np.linalg.norm(W, axis=1) * np.linalg.norm(W[i]))
    order = [j for j in np.argsort(-cos, kind="stable") if j not in exclude]
    return [(TOKENS[j], cos[j]) for j in order[:k]]


@pytest.fixture
def W(rng):
    return rng.normal(size=(len(TOKENS), 6)).astype(np.float32)


def test_nearest_is_the_cosine_ranking(W):
    for i in range(len(TOKENS)):
        got = vectors.nearest(W, TOKENS, i, k=5)
        want = cosine_top(W, i, 5, exclude={i})
        assert [t for t, _ in got] == [t for t, _ in want]
        np.testing.assert_allclose([s for _, s in got], [s for _, s in want], rtol=1e-6)


def test_analogy_is_the_nearest_to_a_minus_b_plus_c(W):
    a, b, c = 5, 7, 8  # king - man + woman
    U = W / np.linalg.norm(W, axis=1, keepdims=True)
    q = U[a] - U[b] + U[c]
    cos = (U @ q) / (np.linalg.norm(U, axis=1) * np.linalg.norm(q))
    order = [j for j in np.argsort(-cos) if j not in (a, b, c)]
    got = vectors.analogy(W, TOKENS, a, b, c, k=3)
    assert [t for t, _ in got] == [TOKENS[j] for j in order[:3]]
    np.testing.assert_allclose([s for _, s in got], cos[order[:3]], rtol=1e-5)
    # a planted analogy is found: queen = king - man + woman
    W2 = np.eye(len(TOKENS), 6, dtype=np.float64)[:, :6] * 0.01
    W2[5], W2[7], W2[8], W2[6] = [1, 1, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0], [1, 0, 1, 0, 0, 0]
    assert vectors.analogy(W2, TOKENS, 5, 7, 8, k=1)[0][0] == "queen"


def test_map_is_the_pca_of_the_most_frequent_words(rng):
    W = rng.normal(size=(50, 8)) * np.linspace(3, 0.2, 8)
    tokens = ["<unk>"] + [f"w{i}" for i in range(49)]
    counts = np.arange(50)[::-1].copy()  # <unk> the most frequent: left off the map
    ids = vectors.frequent(counts, tokens, 20)
    assert 0 not in ids and list(ids) == list(range(1, 21))
    xy, explained, basis = vectors.pca_map(W, ids)
    X = W[ids] - W[ids].mean(axis=0)
    eig = np.sort(np.linalg.eigvalsh(X.T @ X))[::-1]
    np.testing.assert_allclose(explained, eig[:2] / eig.sum(), rtol=1e-5)
    np.testing.assert_allclose(np.var(xy, axis=0) * len(ids), eig[:2], rtol=1e-4)
    # the next map follows this one: same orientation even where the SVD flips a sign
    xy2, _, basis2 = vectors.pca_map(W * 1.001, ids, previous=basis * np.array([-1, 1]))
    assert np.sign((xy2[:, 0] * xy[:, 0]).sum()) < 0 and np.sign((xy2[:, 1] * xy[:, 1]).sum()) > 0
    xy3, explained3, _ = vectors.pca_map(W, ids, previous=basis[:, ::-1])  # variances crossed: axes swap back
    np.testing.assert_allclose(np.abs(xy3), np.abs(xy[:, ::-1]), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(explained3, explained[::-1])


def test_answer_looks_words_up_and_reports_unknown_ones(W):
    counts = np.arange(len(TOKENS))
    out = vectors.answer(W, TOKENS, counts, {"word": "King", "analogy": ["king", "man", "woman"], "k": 3})
    assert out["word"] == "king" and len(out["nearest"]) == 3 and out["analogy"] == ["king", "man", "woman"]
    assert out["unknown"] == [] and len(out["map"]["words"]) == len(TOKENS) - 1
    assert out["map"]["xy"].shape == (len(TOKENS) - 1, 2)
    out = vectors.answer(W, TOKENS, counts, {"word": "unicorn", "analogy": ["king", "zebra", "woman"], "map": False})
    assert out["unknown"] == ["unicorn", "zebra"] and out["nearest"] == [] and out["analogy"] is None
    assert out["map"] is None


def tiny_lm(**overrides):
    config = default_config("lm", hidden=16, embed=16, batch=4, bptt=8, eval_batches=1, **overrides)
    return Trainer(make_task(config))


@pytest.mark.parametrize("tie", [False, True])
def test_live_command_answers_with_plain_data(tie):
    trainer = tiny_lm(tie_weights=tie)
    sent = []
    live = LiveRun(trainer, sent.append)
    word = trainer.task.vocab.tokens[5]
    live.command("vectors", {"word": word, "k": 4})
    live.apply_commands()
    msg = next(m for m in sent if m["kind"] == "vectors")
    assert messages.check(msg) == []
    W = trainer.task.model.embed.params[0]
    i = trainer.task.vocab.index[word]
    U = W.astype(np.float64) / np.linalg.norm(W.astype(np.float64), axis=1, keepdims=True)
    cos = U @ U[i]
    cos[i] = -np.inf
    np.testing.assert_allclose([s for _, s in msg["nearest"]], np.sort(cos)[::-1][:4], rtol=1e-6)
    assert msg["map"]["xy"].dtype == np.float32 and "basis" not in msg["map"]
    if tie:  # the tied output layer is the embedding: the same vectors
        assert np.shares_memory(trainer.task.model.affine.params[0], W)


def test_the_window_less_tasks_have_no_word_vectors():
    trainer = Trainer(make_task(default_config("adder")))
    sent = []
    live = LiveRun(trainer, sent.append)
    live.command("vectors", {"word": "x"})
    live.apply_commands()
    assert any(m["kind"] == "event" and m["level"] == "error" and "no word vectors" in m["message"] for m in sent)


def run_cli(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_neighbors_command_prints_the_nearest_words(tmp_path: Path):
    trainer = tiny_lm()
    trainer.fit(max_steps=3)
    path = tmp_path / "lm.npz"
    save_checkpoint(path, trainer)
    task = trainer.task
    word = task.vocab.tokens[7]
    code, out, err = run_cli("neighbors", "--checkpoint", str(path), "--word", word, "--top", "5")
    assert code == 0, err
    W, tokens, _ = task.word_vectors()
    want = vectors.nearest(W, tokens, task.vocab.index[word], 5)
    lines = out.splitlines()
    assert word in lines[0] and len(lines) == 6
    assert [line.split()[1] for line in lines[1:]] == [t for t, _ in want]
    code, out, err = run_cli("neighbors", "--checkpoint", str(path), "--word", "qwertyuiop")
    assert code == 1 and "qwertyuiop" in err and "Traceback" not in err
    code, _, err = run_cli("neighbors", "--checkpoint", str(path))
    assert code == 2 and "--word" in err


def test_neighbors_of_a_character_model_lists_characters_and_the_adder_has_none(tmp_path):
    trainer = Trainer(make_task(default_config("char", hidden=8, embed=4, batch=4, bptt=8)))
    path = tmp_path / "char.npz"
    save_checkpoint(path, trainer)
    code, out, err = run_cli("neighbors", "--checkpoint", str(path), "--word", "e", "--top", "3")
    assert code == 0 and len(out.splitlines()) == 4, err
    trainer = Trainer(make_task(default_config("adder")))
    save_checkpoint(tmp_path / "adder.npz", trainer)
    code, _, err = run_cli("neighbors", "--checkpoint", str(tmp_path / "adder.npz"), "--word", "e")
    assert code == 1 and "word LM" in err and "Traceback" not in err


def test_ptb_vectors_and_its_analogy(data_dir):
    ptb = data_dir / "ptb"
    if not ptb.is_dir():
        pytest.skip(f"{ptb} is missing: the Penn Treebank files (see ../shared/data/README.md)")
    task = make_task(default_config("lm", data=str(ptb), hidden=16, embed=16, batch=4, bptt=8))
    W, tokens, counts = task.word_vectors()
    assert len(tokens) == 10000 and counts.sum() == task.ids["train"].size
    out = vectors.answer(W, tokens, counts, {"word": "stock", "analogy": ["buy", "bought", "sold"]})
    i = tokens.index("stock")
    U = W.astype(np.float64) / np.linalg.norm(W.astype(np.float64), axis=1, keepdims=True)
    cos = U @ U[i]
    cos[i] = -np.inf
    np.testing.assert_allclose([s for _, s in out["nearest"]], np.sort(cos)[::-1][:10], rtol=1e-6)
    assert out["unknown"] == [] and len(out["analogy_result"]) == 10
    assert len(out["map"]["words"]) == 300 and "<unk>" not in out["map"]["words"]
    assert out["map"]["words"][0] == "the"
