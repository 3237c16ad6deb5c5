"""TimeDropout: inverted scaling, eval pass-through, live ratio, and a gradient check with a fixed mask."""

import numpy as np
import pytest

from rnn_lab.engine.layers.dropout import TimeDropout
from tests.gradcheck import check_layer


def test_gradient_check_with_fixed_mask(rng):
    layer = TimeDropout(0.4)

    def same_mask():  # a freshly seeded generator before each forward gives the same mask
        layer.rng = np.random.default_rng(7)

    xs = rng.standard_normal((3, 4, 5))
    check_layer(layer, [xs], rng, check_inputs=(0,), tol=1e-6, prepare=same_mask)
    assert layer.mask is not None and (layer.mask == 0).any()


def test_train_drops_and_rescales(rng):
    layer = TimeDropout(0.25, rng=np.random.default_rng(1))
    xs = np.ones((50, 40, 30), np.float32)
    ys = layer.forward(xs)
    assert ys.dtype == np.float32
    kept = ys != 0
    assert abs(kept.mean() - 0.75) < 0.01
    np.testing.assert_allclose(ys[kept], 1 / 0.75, rtol=1e-6)
    dx = layer.backward(np.full_like(xs, 2.0))
    np.testing.assert_array_equal(dx != 0, kept)  # gradient flows exactly where the input did
    np.testing.assert_allclose(dx[kept], 2 / 0.75, rtol=1e-6)


def test_eval_and_zero_ratio_pass_through(rng):
    xs = rng.standard_normal((2, 3, 4))
    layer = TimeDropout(0.5, rng=np.random.default_rng(0))
    layer.train = False
    assert layer.forward(xs) is xs
    d = rng.standard_normal((2, 3, 4))
    assert layer.backward(d) is d
    layer.train, layer.ratio = True, 0.0
    assert layer.forward(xs) is xs and layer.mask is None


def test_ratio_is_live_and_validated(rng):
    layer = TimeDropout(0.1, rng=np.random.default_rng(0))
    xs = np.ones((100, 100))
    assert (layer.forward(xs) == 0).mean() < 0.15
    layer.ratio = 0.9
    assert (layer.forward(xs) == 0).mean() > 0.85
    for bad in (1.0, -0.1, 1.5):
        with pytest.raises(ValueError, match=r"\[0, 1\)"):
            layer.ratio = bad
    assert layer.params == [] and layer.grads == []


def test_default_generator_is_seeded_and_backward_needs_forward():
    xs = np.ones((4, 5, 6))
    a, b = TimeDropout(0.5), TimeDropout(0.5)
    np.testing.assert_array_equal(a.forward(xs), b.forward(xs))
    with pytest.raises(RuntimeError):
        TimeDropout().backward(xs)
    a.forward(xs)
    with pytest.raises(ValueError, match="shape"):
        a.backward(np.ones((4, 5, 7)))
