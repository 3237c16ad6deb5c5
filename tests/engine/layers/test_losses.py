"""Loss layers: values against independent references, gradient checks, masking, extreme inputs."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from rnn_lab.engine.functions import log_softmax
from rnn_lab.engine.layers.losses import TimeMSELoss, TimeSigmoidWithLoss, TimeSoftmaxWithLoss
from tests.gradcheck import ScalarOutput, check_layer


def softmax_loss_reference(xs, ts, ignore=-1):
    logp = log_softmax(xs.astype(np.float64), axis=-1)
    valid = ts != ignore
    picked = np.take_along_axis(logp, np.where(valid, ts, 0)[..., None], axis=-1)[..., 0]
    return -picked[valid].mean()


# --- TimeSoftmaxWithLoss -------------------------------------------------------------------------


def test_softmax_loss_gradient_check_with_ignored_positions(rng):
    xs = rng.standard_normal((3, 4, 6))
    ts = rng.integers(0, 6, (3, 4))
    ts[0, 1] = ts[2, 3] = ts[1, 0] = -1
    check_layer(ScalarOutput(TimeSoftmaxWithLoss()), [xs, ts], rng, check_inputs=(0,), tol=1e-6)


def test_softmax_loss_gradient_check_without_ignoring(rng):
    xs = rng.standard_normal((2, 3, 5))
    ts = rng.integers(0, 5, (2, 3))
    check_layer(ScalarOutput(TimeSoftmaxWithLoss(ignore_label=None)), [xs, ts], rng, check_inputs=(0,), tol=1e-6)


def test_softmax_loss_value_probs_and_masked_grad(rng):
    xs = rng.standard_normal((3, 5, 7))
    ts = rng.integers(0, 7, (3, 5))
    ts[1, :2] = -1
    layer = TimeSoftmaxWithLoss()
    loss = layer.forward(xs, ts)
    assert isinstance(loss, float) and layer.count == 13
    assert loss == pytest.approx(softmax_loss_reference(xs, ts), rel=1e-12)
    np.testing.assert_allclose(layer.probs, np.exp(log_softmax(xs)), rtol=1e-12)
    dx = layer.backward()
    assert not dx[1, :2].any()  # ignored positions get no gradient
    safe = np.where(ts >= 0, ts, 0)
    expected = (np.exp(log_softmax(xs)) - np.eye(7)[safe]) / 13
    expected[1, :2] = 0
    np.testing.assert_allclose(dx, expected, rtol=1e-12, atol=1e-15)


def test_softmax_loss_float32_throughout_and_backward_is_repeatable(rng):
    xs = (rng.standard_normal((4, 6, 50)) * 3).astype(np.float32)
    ts = rng.integers(0, 50, (4, 6))
    layer = TimeSoftmaxWithLoss()
    loss = layer.forward(xs, ts)
    assert loss == pytest.approx(softmax_loss_reference(xs, ts), rel=1e-5)
    probs_before = layer.probs.copy()
    assert layer.probs.dtype == np.float32
    dx1 = layer.backward(2.0).copy()
    dx2 = layer.backward(2.0)
    assert dx2.dtype == np.float32 and dx2.shape == xs.shape
    np.testing.assert_array_equal(dx1, dx2)
    np.testing.assert_array_equal(layer.probs, probs_before)  # backward leaves the cached softmax alone
    np.testing.assert_allclose(dx2.sum(axis=-1), 0, atol=1e-7)


def test_softmax_loss_huge_logits_do_not_overflow():
    xs = np.array([[[1e4, -1e4, 0.0], [3e38, -3e37, 0.0]]], np.float32)  # spread below float32 max
    ts = np.array([[1, 2]])
    layer = TimeSoftmaxWithLoss()
    loss = layer.forward(xs, ts)  # warnings are errors in this suite
    assert loss == pytest.approx((2e4 + 3e38) / 2, rel=1e-6)
    dx = layer.backward()
    assert np.isfinite(dx).all()


def test_softmax_loss_all_ignored_gives_zero(rng):
    xs = rng.standard_normal((2, 3, 4)).astype(np.float32)
    layer = TimeSoftmaxWithLoss()
    assert layer.forward(xs, np.full((2, 3), -1)) == 0.0
    dx = layer.backward()
    assert dx.shape == xs.shape and not dx.any()


def test_softmax_loss_bad_arguments(rng):
    layer = TimeSoftmaxWithLoss()
    xs = rng.standard_normal((2, 3, 4))
    with pytest.raises(ValueError, match=r"\[0, 4\)"):
        layer.forward(xs, np.full((2, 3), 4))
    with pytest.raises(ValueError, match=r"\[0, 4\)"):
        layer.forward(xs, np.full((2, 3), -2))
    with pytest.raises(ValueError, match=r"\(2, 3\)"):
        layer.forward(xs, np.zeros((3, 2), int))
    with pytest.raises(ValueError, match="integer"):
        layer.forward(xs, np.zeros((2, 3)))
    with pytest.raises(RuntimeError):
        TimeSoftmaxWithLoss().backward()


@settings(max_examples=40, deadline=None)
@given(
    xs=arrays(np.float32, (2, 3, 5), elements=st.floats(-2.0**60, 2.0**60, width=32)),
    ts=arrays(np.int64, (2, 3), elements=st.integers(-1, 4)),
)
def test_softmax_loss_finite_for_any_finite_logits(xs, ts):
    layer = TimeSoftmaxWithLoss()
    loss = layer.forward(xs, ts)
    dx = layer.backward()
    assert np.isfinite(loss) and loss >= 0
    assert np.isfinite(layer.probs).all() and np.isfinite(dx).all()
    np.testing.assert_allclose(layer.probs.sum(axis=-1), 1, rtol=1e-5)


# --- TimeSigmoidWithLoss -------------------------------------------------------------------------


@pytest.mark.parametrize("shape", [(2, 3, 1), (2, 3, 4)])
def test_sigmoid_loss_gradient_check(rng, shape):
    xs = rng.standard_normal(shape) * 3
    ts = rng.integers(0, 2, shape)
    check_layer(ScalarOutput(TimeSigmoidWithLoss()), [xs, ts], rng, check_inputs=(0,), tol=1e-6)


def test_sigmoid_loss_gradient_check_soft_labels(rng):
    xs = rng.standard_normal((2, 3, 2))
    ts = rng.random((2, 3, 2))
    check_layer(ScalarOutput(TimeSigmoidWithLoss()), [xs, ts], rng, check_inputs=(0,), tol=1e-6)


def test_sigmoid_loss_value_against_naive_formula(rng):
    xs = rng.standard_normal((3, 4, 2)) * 4
    ts = rng.integers(0, 2, (3, 4, 2))
    layer = TimeSigmoidWithLoss()
    p = 1 / (1 + np.exp(-xs))
    naive = -(ts * np.log(p) + (1 - ts) * np.log(1 - p)).mean()
    assert layer.forward(xs, ts) == pytest.approx(naive, rel=1e-12)
    np.testing.assert_allclose(layer.probs, p, rtol=1e-12)
    np.testing.assert_allclose(layer.backward(), (p - ts) / xs.size, rtol=1e-12, atol=1e-16)


@pytest.mark.parametrize("dtype, big", [(np.float64, 1e3), (np.float64, 1e300), (np.float32, 1e30)])
def test_sigmoid_loss_extreme_logits_exact_and_silent(dtype, big):
    xs = np.array([[[big], [-big], [big], [-big]]], dtype)
    ts = np.array([[[1], [0], [0], [1]]])
    layer = TimeSigmoidWithLoss()
    loss = layer.forward(xs, ts)  # any overflow/invalid warning would fail the test
    assert loss == pytest.approx(2 * big / 4, rel=1e-6)  # the two right answers cost exactly 0
    dx = layer.backward()
    assert dx.dtype == dtype
    np.testing.assert_array_equal(dx.ravel(), np.array([0, 0, 1, -1]) / 4)


def test_sigmoid_loss_tiny_loss_stays_accurate():
    layer = TimeSigmoidWithLoss()
    loss = layer.forward(np.array([[[30.0]]], np.float32), np.array([[[1]]]))
    assert loss == pytest.approx(np.log1p(np.exp(-30.0)), rel=1e-5)  # not 0 by cancellation


def test_sigmoid_loss_bad_arguments(rng):
    layer = TimeSigmoidWithLoss()
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        layer.forward(np.zeros((1, 2, 1)), np.full((1, 2, 1), 2))
    with pytest.raises(ValueError, match="shape"):
        layer.forward(np.zeros((1, 2, 1)), np.zeros((1, 2)))


@settings(max_examples=40, deadline=None)
@given(
    xs=arrays(np.float64, (2, 3, 2), elements=st.floats(-1e300, 1e300)),
    ts=arrays(np.int64, (2, 3, 2), elements=st.integers(0, 1)),
)
def test_sigmoid_loss_finite_for_any_finite_logits(xs, ts):
    layer = TimeSigmoidWithLoss()
    loss = layer.forward(xs, ts)
    assert np.isfinite(loss) and loss >= 0
    assert np.isfinite(layer.backward()).all()


# --- TimeMSELoss ---------------------------------------------------------------------------------


def test_mse_loss_gradient_check_and_value(rng):
    ys, ts = rng.standard_normal((2, 3, 4)), rng.standard_normal((2, 3, 4))
    check_layer(ScalarOutput(TimeMSELoss()), [ys, ts], rng, check_inputs=(0,), tol=1e-6)
    layer = TimeMSELoss()
    assert layer.forward(ys, ts) == pytest.approx(((ys - ts) ** 2).mean(), rel=1e-12)  # no 1/2 factor
    np.testing.assert_allclose(layer.backward(), 2 * (ys - ts) / ys.size, rtol=1e-12)


def test_mse_loss_float32_and_shapes(rng):
    ys = rng.standard_normal((2, 3, 1)).astype(np.float32)
    layer = TimeMSELoss()
    layer.forward(ys, np.zeros((2, 3, 1)))
    assert layer.backward().dtype == np.float32
    with pytest.raises(ValueError, match="shape"):
        layer.forward(ys, np.zeros((2, 3)))
