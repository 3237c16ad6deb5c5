"""TimeEmbedding: lookup, gradient (repeated ids summed like np.add.at), id validation."""

import numpy as np
import pytest

from rnn_lab.engine.layers.embedding import TimeEmbedding
from tests.gradcheck import check_layer


def test_forward_picks_rows(rng):
    W = rng.standard_normal((7, 3)).astype(np.float32)
    ids = np.array([[0, 6, 2], [2, 2, 5]])
    xs = TimeEmbedding(W).forward(ids)
    assert xs.shape == (2, 3, 3) and xs.dtype == np.float32
    np.testing.assert_array_equal(xs[1, 2], W[5])
    np.testing.assert_array_equal(xs[0, 1], W[6])


def test_gradient_check_with_repeated_ids(rng):
    W = rng.standard_normal((6, 4))
    ids = np.array([[1, 1, 3, 0], [3, 1, 5, 1]])  # id 1 four times, 3 twice, 2 and 4 never
    check_layer(TimeEmbedding(W), [ids], rng, check_inputs=(), tol=1e-6)


@pytest.mark.parametrize("V, shape", [(5, (4, 50)), (1000, (20, 35)), (3, (1, 1)), (50, (8, 1))])
def test_backward_matches_add_at_reference(rng, V, shape):
    W = rng.standard_normal((V, 6))
    ids = rng.integers(0, V, shape)
    ids[0, :] = ids[0, 0]  # a long run of one id as well
    layer = TimeEmbedding(W)
    layer.forward(ids)
    dout = rng.standard_normal((*shape, 6))
    layer.grads[0][...] = 123.0  # stale values must be overwritten, not accumulated into
    assert layer.backward(dout) is None
    ref = np.zeros_like(W)
    np.add.at(ref, ids.ravel(), dout.reshape(-1, 6))
    np.testing.assert_allclose(layer.grads[0], ref, rtol=1e-12, atol=1e-12)


def test_backward_float32_and_input_reuse(rng):
    W = rng.standard_normal((10, 3)).astype(np.float32)
    ids = rng.integers(0, 10, (4, 5))
    layer = TimeEmbedding(W)
    layer.forward(ids)
    ids[...] = 0  # the caller refills its buffer: backward must use the ids seen by forward
    dout = rng.standard_normal((4, 5, 3)).astype(np.float32)
    layer.backward(dout)
    ref = np.zeros((10, 3))
    np.add.at(ref, layer.ids.ravel(), dout.reshape(-1, 3).astype(np.float64))
    assert layer.grads[0].dtype == np.float32
    np.testing.assert_allclose(layer.grads[0], ref, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("bad", [np.array([[0, 7]]), np.array([[-1, 2]]), np.array([[0.0, 1.0]])])
def test_bad_ids_raise_naming_the_range(rng, bad):
    layer = TimeEmbedding(rng.standard_normal((7, 2)))
    with pytest.raises(ValueError, match=r"\[0, 7\)"):
        layer.forward(bad)


def test_bad_shapes_raise(rng):
    layer = TimeEmbedding(rng.standard_normal((7, 2)))
    with pytest.raises(ValueError, match="shape"):
        layer.forward(np.array([1, 2]))
    layer.forward(np.array([[1, 2]]))
    with pytest.raises(ValueError, match="shape"):
        layer.backward(np.zeros((1, 2, 3)))
