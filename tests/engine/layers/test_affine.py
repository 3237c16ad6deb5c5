"""TimeAffine: one GEMM over all timesteps, checked against a per-timestep loop and numerically."""

import numpy as np
import pytest

from rnn_lab.engine.layers.affine import TimeAffine
from tests.gradcheck import check_layer


def test_forward_matches_per_timestep_loop(rng):
    W = rng.standard_normal((4, 3)).astype(np.float32)
    b = rng.standard_normal(3).astype(np.float32)
    xs = rng.standard_normal((2, 5, 4)).astype(np.float32)
    ys = TimeAffine(W, b).forward(xs)
    assert ys.shape == (2, 5, 3) and ys.dtype == np.float32
    for t in range(5):
        np.testing.assert_allclose(ys[:, t], xs[:, t] @ W + b, rtol=1e-5, atol=1e-6)


def test_gradient_check(rng):
    layer = TimeAffine(rng.standard_normal((4, 3)), rng.standard_normal(3))
    check_layer(layer, [rng.standard_normal((2, 5, 4))], rng, check_inputs=(0,), tol=1e-6)


def test_backward_float32_keeps_dtype(rng):
    layer = TimeAffine(rng.standard_normal((4, 3)).astype(np.float32), np.zeros(3, np.float32))
    layer.forward(rng.standard_normal((2, 5, 4)).astype(np.float32))
    dx = layer.backward(rng.standard_normal((2, 5, 3)).astype(np.float32))
    assert dx.dtype == np.float32 and dx.shape == (2, 5, 4)
    assert layer.grads[0].dtype == np.float32 and layer.grads[1].dtype == np.float32


def test_bad_arguments_raise(rng):
    with pytest.raises(ValueError, match=r"b \(4,\)"):
        TimeAffine(rng.standard_normal((4, 3)), np.zeros(4))
    layer = TimeAffine(rng.standard_normal((4, 3)), np.zeros(3))
    with pytest.raises(ValueError, match=r"\(N, T, 4\)"):
        layer.forward(np.zeros((2, 5, 3)))
    with pytest.raises(ValueError, match="dtype"):
        layer.forward(np.zeros((2, 5, 4), np.float32))
    layer.forward(np.zeros((2, 5, 4)))
    with pytest.raises(ValueError, match="shape"):
        layer.backward(np.zeros((2, 5, 4)))
