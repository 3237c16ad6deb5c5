"""TimeAttention: against the book's per-step AttentionWeight + WeightSum, and gradient-checked for both inputs."""

import numpy as np
import pytest

from rnn_lab.engine.layers.attention import TimeAttention
from tests.gradcheck import check_layer


def book_attention_step(hs, h):
    """The book's AttentionWeight then WeightSum for one decoder step: hs (N, Tx, H), h (N, H)."""
    s = np.sum(hs * h[:, None, :], axis=2)
    a = np.exp(s - s.max(axis=1, keepdims=True))
    a /= a.sum(axis=1, keepdims=True)
    return np.sum(hs * a[:, :, None], axis=1), a


def test_forward_matches_book_per_step(rng):
    hs_enc, hs_dec = rng.standard_normal((2, 5, 3)), rng.standard_normal((2, 4, 3))
    layer = TimeAttention()
    c = layer.forward(hs_enc, hs_dec)
    assert c.shape == (2, 4, 3) and layer.attention_weights.shape == (2, 4, 5)
    for j in range(4):
        c_ref, a_ref = book_attention_step(hs_enc, hs_dec[:, j])
        np.testing.assert_allclose(c[:, j], c_ref, rtol=1e-12)
        np.testing.assert_allclose(layer.attention_weights[:, j], a_ref, rtol=1e-12)
    np.testing.assert_allclose(layer.attention_weights.sum(axis=-1), 1, rtol=1e-12)


def test_gradient_check_both_inputs(rng):
    hs_enc, hs_dec = rng.standard_normal((2, 5, 3)), rng.standard_normal((2, 4, 3))
    errors = check_layer(TimeAttention(), [hs_enc, hs_dec], rng, check_inputs=(0, 1), tol=1e-6)
    assert set(errors) == {"input0", "input1"}


def test_float32_and_large_scores(rng):
    hs_enc = (rng.standard_normal((2, 6, 8)) * 100).astype(np.float32)  # scores ~1e4: exp would overflow
    hs_dec = (rng.standard_normal((2, 3, 8)) * 100).astype(np.float32)
    layer = TimeAttention()
    c = layer.forward(hs_enc, hs_dec)
    dhs_enc, dhs_dec = layer.backward(np.ones_like(c))
    assert c.dtype == dhs_enc.dtype == dhs_dec.dtype == np.float32
    assert np.isfinite(c).all() and np.isfinite(dhs_enc).all() and np.isfinite(dhs_dec).all()
    assert dhs_enc.shape == hs_enc.shape and dhs_dec.shape == hs_dec.shape


def test_bad_arguments_raise(rng):
    layer = TimeAttention()
    with pytest.raises(ValueError, match=r"\(2, 5, 3\)"):
        layer.forward(np.zeros((2, 5, 3)), np.zeros((2, 4, 2)))
    with pytest.raises(ValueError, match="dtype"):
        layer.forward(np.zeros((2, 5, 3)), np.zeros((2, 4, 3), np.float32))
    layer.forward(np.zeros((2, 5, 3)), np.zeros((2, 4, 3)))
    with pytest.raises(ValueError, match="shape"):
        layer.backward(np.zeros((2, 5, 3)))
    assert layer.params == [] and layer.grads == []
