"""Seq2seq models: gradient checks of every variant, and greedy generation against the full forward."""

import numpy as np
import pytest

from rnn_lab.engine.models.attention_seq2seq import AttentionSeq2seq
from rnn_lab.engine.models.seq2seq import Init, Seq2seq
from tests.gradcheck import numerical_grad, rel_error

V, D, N, TX, TY = 7, 3, 3, 5, 4

BUILDERS = {
    "plain": lambda make, H: Seq2seq(make, V, D, H),
    "peeky": lambda make, H: Seq2seq(make, V, D, H, peeky=True),
    "attention": lambda make, H: AttentionSeq2seq(make, V, D, H),
    "bidirectional": lambda make, H: AttentionSeq2seq(make, V, D, H, bidirectional=True),
}


def _model(variant: str, H: int = 4, dtype=np.float64, seed: int = 1, scale: float = 0.5):
    model = BUILDERS[variant](Init(np.random.default_rng(seed), "xavier", 0.01, dtype), H)
    rng = np.random.default_rng(seed + 100)
    for p in model.params:  # larger than the initial weights, so every path carries gradient
        p[...] = rng.standard_normal(p.shape) * scale
    return model


@pytest.mark.parametrize("variant, H", [("plain", 4), ("peeky", 4), ("attention", 4), ("bidirectional", 4),
                                        ("bidirectional", 5)])
def test_gradients_match_finite_differences(variant, H):
    model = _model(variant, H)
    rng = np.random.default_rng(0)
    xs, ts = rng.integers(0, V, (N, TX)), rng.integers(0, V, (N, TY + 1))
    model.forward(xs, ts)
    grad_ids = [id(g) for g in model.grads]
    model.backward()
    assert [id(g) for g in model.grads] == grad_ids
    analytic = [g.copy() for g in model.grads]
    for name, p, g in zip(model.names, model.params, analytic):
        numeric = numerical_grad(lambda: model.forward(xs, ts), p)
        assert np.abs(numeric).max() > 0, f"{name} gets no gradient at all"
        assert rel_error(g, numeric) < 1e-6, f"{variant}: {name} rel error {rel_error(g, numeric):.2e}"


def test_parameter_names_and_shapes():
    model = _model("bidirectional", H=5)
    shapes = dict(zip(model.names, (p.shape for p in model.params)))
    assert shapes["encoder.Wx_f"] == (D, 4 * 3) and shapes["encoder.Wx_b"] == (D, 4 * 2)  # 3 + 2 = H
    assert shapes["dec_affine.W"] == (2 * 5, V)
    peeky = dict(zip(*(lambda m: (m.names, [p.shape for p in m.params]))(_model("peeky", H=4))))
    assert peeky["decoder.Wx"] == (4 + D, 16) and peeky["dec_affine.W"] == (8, V)


@pytest.mark.parametrize("variant", list(BUILDERS))
def test_greedy_generation_agrees_with_the_full_forward(variant):
    """Feeding the generated answer back under teacher forcing must predict that same answer."""
    model = _model(variant, H=6, scale=0.8)
    rng = np.random.default_rng(2)
    xs = rng.integers(0, V, (10, TX))
    start = 0
    ids, weights = model.generate(xs, start, TY)
    assert ids.shape == (10, TY)
    model.forward(xs, np.zeros((10, TY + 1), dtype=np.int64))
    again, _ = model.generate(xs, start, TY, hs=model.hs)  # reusing the encoder pass of forward
    assert np.array_equal(again, ids)
    ts = np.concatenate([np.full((10, 1), start), ids], axis=1)
    model.forward(xs, ts)
    assert np.array_equal(model.loss_layer.probs.argmax(axis=2), ids)
    if model.attention:
        assert weights.shape == (10, TY, TX)
        np.testing.assert_allclose(weights.sum(axis=2), 1.0, rtol=1e-12)
        np.testing.assert_allclose(weights, model.decoder.attention_weights)  # same as the teacher-forced pass
    else:
        assert weights is None


def test_float32_models_compute_in_float32():
    model = _model("attention", dtype=np.float32)
    rng = np.random.default_rng(0)
    xs, ts = rng.integers(0, V, (N, TX)), rng.integers(0, V, (N, TY + 1))
    loss = model.forward(xs, ts)
    model.backward()
    assert np.isfinite(loss)
    assert all(g.dtype == np.float32 for g in model.grads)
    assert model.loss_layer.probs.dtype == np.float32
