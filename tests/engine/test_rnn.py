"""TimeRNN (tanh, sigmoid, relu): gradient checks, the per-step reference, state, traces."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnn_lab.engine.layers import TimeRNN
from tests.engine import recurrent_checks as checks
from tests.engine.reference import random_params
from tests.gradcheck import check_layer

N, T, D, H = 2, 4, 3, 5
ACTIVATIONS = ["tanh", "sigmoid", "relu"]


@pytest.fixture
def params(rng):
    Wx, Wh, b = random_params("rnn", D, H, rng)
    return [Wx, Wh, b + 0.5]  # a positive bias keeps most relu units alive, so every gradient is tested


@pytest.fixture
def xs(rng):
    return rng.standard_normal((N, T, D))


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_gradient_check(activation, params, xs, rng):
    layer = TimeRNN(*params, activation=activation)
    check_layer(layer, [xs], rng, tol=1e-6)
    assert all(np.abs(g).max() > 0 for g in layer.grads)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_gradient_check_stateful_layer(activation, params, xs, rng):
    layer = TimeRNN(*params, stateful=True, activation=activation)
    check_layer(layer, [xs], rng, tol=1e-6, prepare=layer.reset_state)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_initial_state_and_its_gradient(activation, params, xs, rng):
    checks.check_initial_state_grads("rnn", params, xs, rng, activation=activation)


@settings(max_examples=25, deadline=None, database=None, derandomize=True)
@given(
    n=st.integers(1, 3), t=st.integers(1, 5), d=st.integers(1, 4), h=st.integers(1, 4),
    activation=st.sampled_from(ACTIVATIONS), initial=st.booleans(), seed=st.integers(0, 2**16),
)  # fmt: skip
def test_matches_reference(n, t, d, h, activation, initial, seed):
    rng = np.random.default_rng(seed)
    params = random_params("rnn", d, h, rng, scale=1.0)
    xs = rng.standard_normal((n, t, d))
    dhs = rng.standard_normal((n, t, h))
    h0 = rng.standard_normal((n, h)) if initial else None
    checks.assert_matches_reference("rnn", params, xs, dhs, h0, activation=activation)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_stateful_carries_h_without_gradient_across_calls(activation, params, xs, rng):
    checks.check_stateful("rnn", params, xs, rng, activation=activation)


def test_set_state_is_used_once_when_not_stateful(params, xs, rng):
    checks.check_set_state_is_used_once("rnn", params, xs, rng)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_float32_close_to_float64(activation, params, xs, rng):
    checks.check_float32("rnn", params, xs, rng, activation=activation)


def test_results_are_not_internal_buffers(params, xs, rng):
    checks.check_results_are_not_internal_buffers("rnn", params, xs, rng)


def test_record_false_does_no_trace_work(params, xs):
    checks.check_no_trace_work("rnn", params, xs)


def test_bad_arguments_raise_value_error_naming_shapes(params, xs):
    checks.check_bad_arguments("rnn", params, xs)
    with pytest.raises(ValueError, match="softplus"):
        TimeRNN(*params, activation="softplus")


def test_activation_is_applied(params, xs):
    """relu outputs are >= 0 with exact zeros, sigmoid outputs lie in (0, 1)."""
    relu = TimeRNN(*params, activation="relu").forward(xs)
    assert relu.min() == 0 and relu.max() > 0
    sig = TimeRNN(*params, activation="sigmoid").forward(xs)
    assert 0 < sig.min() and sig.max() < 1


@pytest.mark.parametrize("shape", [(1, 4, 3, 5), (2, 1, 3, 5), (2, 4, 3, 1), (1, 1, 1, 1)])
def test_edge_sizes(shape, rng):
    n, t, d, h = shape
    params = random_params("rnn", d, h, rng)
    xs = rng.standard_normal((n, t, d))
    check_layer(TimeRNN(*params), [xs], rng, tol=1e-6)
    checks.assert_matches_reference("rnn", params, xs, rng.standard_normal((n, t, h)))
