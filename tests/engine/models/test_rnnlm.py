"""Recurrent language models: gradient checks of every variant, the book's structure and init, sampling."""

import numpy as np
import pytest

from rnn_lab.engine.layers.dropout import TimeDropout
from rnn_lab.engine.models.rnnlm import BetterRnnlm, RnnLM, Rnnlm, SimpleRnnlm
from rnn_lab.engine.models.sampling import draw, next_token_probs, softmax64, top_tokens
from tests.gradcheck import numerical_grad, rel_error

V, N, T = 7, 2, 3


def check_model(model: RnnLM, xs, ts, tol=1e-6, seed=None) -> dict[str, float]:
    """Gradient-check a whole model as a function of its parameters (float64).

    The parameters are first redrawn at scale 0.5: with the book's tiny embedding (randn / 100) the
    recurrent gradients are so small that finite differences would measure only rounding noise.
    """
    draw_rng = np.random.default_rng(99)
    for p in model.params:
        p[...] = draw_rng.standard_normal(p.shape) * 0.5

    def loss() -> float:
        model.reset_state()
        if seed is not None:  # the same dropout masks for every evaluation
            for _, layer in model.layers:
                if isinstance(layer, TimeDropout):
                    layer.rng = np.random.default_rng(seed)
        return model.forward(xs, ts)

    loss()
    grad_ids = [id(g) for g in model.grads]
    model.backward()
    assert [id(g) for g in model.grads] == grad_ids
    analytic = [g.copy() for g in model.grads]
    errors = {name: rel_error(g, numerical_grad(loss, p)) for name, p, g in zip(model.names, model.params, analytic)}
    worst = max(errors, key=errors.get)
    assert errors[worst] < tol, f"{worst}: {errors[worst]:.3g} (all {errors})"
    assert all(np.abs(g).max() > 0 for g in analytic), "a parameter got no gradient"
    return errors


VARIANTS = [
    ("simple (book)", dict(cell="rnn", embed=4, hidden=5)),
    ("rnn sigmoid 2 layers", dict(cell="rnn", activation="sigmoid", layers=2, embed=3, hidden=4)),
    ("lstm (book Rnnlm)", dict(cell="lstm", embed=4, hidden=5)),
    ("better: lstm x2 tied", dict(cell="lstm", layers=2, tie=True, embed=4, hidden=4)),
    ("gru", dict(cell="gru", embed=3, hidden=4)),
    ("gru x2 tied", dict(cell="gru", layers=2, tie=True, embed=4, hidden=4)),
]


@pytest.mark.parametrize("kw", [v[1] for v in VARIANTS], ids=[v[0] for v in VARIANTS])
def test_gradient_check(kw, rng):
    model = RnnLM(V, kw.pop("embed"), kw.pop("hidden"), rng=rng, dtype=np.float64, **kw)
    xs, ts = rng.integers(0, V, (N, T)), rng.integers(0, V, (N, T))
    check_model(model, xs, ts)


def test_gradient_check_with_dropout_masks_fixed(rng):
    model = RnnLM(V, 4, 4, rng=rng, cell="lstm", layers=2, dropout=0.3, tie=True, dtype=np.float64)
    xs, ts = rng.integers(0, V, (N, T)), rng.integers(0, V, (N, T))
    check_model(model, xs, ts, seed=11)
    assert any(layer.mask is not None for _, layer in model.layers if isinstance(layer, TimeDropout))


def test_char_sized_model_gradient_check(rng):
    """The char task's shape: small embedding, wider hidden layer, longer sequence, one row."""
    model = RnnLM(5, 2, 6, rng=rng, cell="lstm", dtype=np.float64)
    xs, ts = rng.integers(0, 5, (1, 9)), rng.integers(0, 5, (1, 9))
    check_model(model, xs, ts)


def test_book_structure_and_names(rng):
    m = BetterRnnlm(50, 8, 8, rng=rng)
    assert [name for name, _ in m.layers] == ["embed", "drop0", "lstm0", "drop1", "lstm1", "drop2", "affine"]
    assert m.names == ["embed.W", "lstm0.Wx", "lstm0.Wh", "lstm0.b", "lstm1.Wx", "lstm1.Wh", "lstm1.b", "affine.b"]
    assert m.affine.params[0].base is m.embed.params[0]  # tied: a transposed view, not a copy
    assert all(layer.ratio == 0.5 for _, layer in m.layers if isinstance(layer, TimeDropout))
    assert m.num_params() == 50 * 8 + 2 * (8 * 32 + 8 * 32 + 32) + 50
    s = SimpleRnnlm(50, 6, 7, rng=rng)
    assert s.cell == "rnn" and s.rnns[0].activation == "tanh" and [n for n, _ in s.recurrent_layers()] == ["rnn0"]
    assert s.names == ["embed.W", "rnn0.Wx", "rnn0.Wh", "rnn0.b", "affine.W", "affine.b"]
    r = Rnnlm(50, 6, 7, rng=rng)
    assert r.cell == "lstm" and r.num_layers == 1 and not r.tied
    assert all(layer.stateful for layer in r.rnns + s.rnns + m.rnns)


def test_book_initialisation(rng):
    m = Rnnlm(2000, 100, 100, rng=rng)
    W_embed, Wx, Wh, b, W_out, b_out = m.params
    assert W_embed.dtype == np.float32
    assert W_embed.std() == pytest.approx(0.01, rel=0.02)  # randn / 100
    assert Wx.std() == pytest.approx(1 / np.sqrt(100), rel=0.02)  # randn / sqrt(D)
    assert Wh.std() == pytest.approx(1 / np.sqrt(100), rel=0.02)  # randn / sqrt(H)
    assert W_out.std() == pytest.approx(1 / np.sqrt(100), rel=0.02)  # randn / sqrt(H)
    assert not b.any() and not b_out.any()
    he = RnnLM(2000, 100, 100, rng=rng, init="he")
    assert he.params[1].std() == pytest.approx(np.sqrt(2 / 100), rel=0.02)
    normal = RnnLM(2000, 100, 100, rng=rng, init="normal", init_std=0.05)
    assert normal.params[4].std() == pytest.approx(0.05, rel=0.02)
    assert normal.params[0].std() == pytest.approx(0.01, rel=0.02)  # the embedding keeps the book's scale


def test_same_seed_same_model_and_float32_compute():
    a = RnnLM(30, 4, 6, rng=np.random.default_rng(3), cell="gru", layers=2)
    b = RnnLM(30, 4, 6, rng=np.random.default_rng(3), cell="gru", layers=2)
    for p, q in zip(a.params, b.params):
        np.testing.assert_array_equal(p, q)
    ids = np.random.default_rng(4).integers(0, 30, (3, 5))
    scores = a.predict(ids)
    assert scores.shape == (3, 5, 30) and scores.dtype == np.float32
    a.reset_state()
    loss = a.forward(ids, ids)
    assert np.isfinite(loss) and loss == pytest.approx(np.log(30), rel=0.05)  # near uniform at init
    assert a.probs.shape == (3, 5, 30)


def test_stateful_layers_carry_the_state_between_forwards(rng):
    m = RnnLM(10, 3, 4, rng=rng, cell="lstm", dtype=np.float64)
    ids = rng.integers(0, 10, (2, 6))
    whole = m.predict(ids)
    m.reset_state()
    halves = np.concatenate([m.predict(ids[:, :3]), m.predict(ids[:, 3:])], axis=1)
    np.testing.assert_allclose(halves, whole, rtol=1e-12)


def test_bad_arguments(rng):
    with pytest.raises(ValueError, match="embed == hidden"):
        RnnLM(10, 4, 5, rng=rng, tie=True)
    with pytest.raises(ValueError, match="cell must be one of"):
        RnnLM(10, 4, 5, rng=rng, cell="transformer")
    with pytest.raises(ValueError, match="must be >= 1"):
        RnnLM(10, 4, 5, rng=rng, layers=0)


# -- sampling ------------------------------------------------------------------------------------------
def test_temperature_and_top_k():
    s = np.array([1.0, 3.0, 2.0, -1.0], dtype=np.float32)
    np.testing.assert_allclose(next_token_probs(s, 1.0, 0), softmax64(s))
    e = np.exp(s.astype(np.float64) / 0.5)
    np.testing.assert_allclose(next_token_probs(s, 0.5, 0), e / e.sum())
    p2 = next_token_probs(s, 2.0, 2)
    assert np.count_nonzero(p2) == 2 and p2[0] == 0 and p2[3] == 0
    np.testing.assert_allclose(p2[[1, 2]], softmax64(s[[1, 2]] / 2.0))
    np.testing.assert_array_equal(next_token_probs(s, 0.0, 0), [0, 1, 0, 0])  # greedy
    np.testing.assert_allclose(next_token_probs(s, 1.0, 10), softmax64(s))  # top_k > V = all
    hot = next_token_probs(np.array([0.0, 1000.0, -1000.0]), 0.05, 0)  # no overflow at low temperature
    np.testing.assert_array_equal(hot, [0, 1, 0])
    with pytest.raises(ValueError, match="top_k"):
        next_token_probs(s, 1.0, -1)


def test_draw_follows_the_distribution_and_top_tokens():
    p = np.array([0.1, 0.0, 0.6, 0.3])
    rng = np.random.default_rng(0)
    counts = np.bincount([draw(p, rng) for _ in range(20000)], minlength=4) / 20000
    np.testing.assert_allclose(counts, p, atol=0.015)
    assert counts[1] == 0
    assert top_tokens(p, 2) == [(2, 0.6), (3, 0.3)]
    assert [i for i, _ in top_tokens(p, 10)] == [2, 3, 0, 1]
