"""TimeRNN (tanh, sigmoid, relu), readable and fast: gradient checks, state, traces, arguments."""

import numpy as np
import pytest

from tests.engine.layers import recurrent_checks as checks

CELL = "rnn"
N, T, D, H = 2, 4, 3, 5
ACTIVATIONS = ["tanh", "sigmoid", "relu"]


@pytest.fixture(params=checks.impls(CELL))
def impl(request):
    return request.param


@pytest.fixture
def params(rng):
    Wx, Wh, b = checks.random_params(CELL, D, H, rng)
    return [Wx, Wh, b + 0.5]  # a positive bias keeps most relu units alive, so every gradient is tested


@pytest.fixture
def xs(rng):
    return rng.standard_normal((N, T, D))


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_gradient_check(activation, params, xs, rng, impl):
    checks.check_gradients(CELL, params, xs, rng, impl, activation=activation)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_initial_state_and_its_gradient(activation, params, xs, rng, impl):
    checks.check_initial_state_grads(CELL, params, xs, rng, impl, activation=activation)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_stateful_carries_h_without_gradient_across_calls(activation, params, xs, rng, impl):
    checks.check_stateful(CELL, params, xs, rng, impl, activation=activation)


def test_set_state_is_used_once_when_not_stateful(params, xs, rng, impl):
    checks.check_set_state_is_used_once(CELL, params, xs, rng, impl)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_float32_close_to_float64(activation, params, xs, rng, impl):
    checks.check_float32(CELL, params, xs, rng, impl, activation=activation)


def test_results_are_not_internal_buffers(params, xs, rng, impl):
    checks.check_results_are_not_internal_buffers(CELL, params, xs, rng, impl)


def test_trace(params, xs, rng, impl):
    checks.check_trace(CELL, params, xs, rng, impl)


def test_bad_arguments_raise_value_error_naming_shapes(params, xs, impl):
    checks.check_bad_arguments(CELL, params, xs, impl)
    with pytest.raises(ValueError, match="softplus"):
        checks.make_layer(CELL, params, impl, activation="softplus")


def test_activation_is_applied(params, xs, impl):
    """tanh is the book's; relu outputs are >= 0 with exact zeros, sigmoid outputs lie in (0, 1)."""
    Wx, Wh, b = params
    h1 = checks.make_layer(CELL, params, impl).forward(xs[:, :1])[:, 0]
    np.testing.assert_allclose(h1, np.tanh(xs[:, 0] @ Wx + b), rtol=1e-12)  # h_0 = 0
    relu = checks.make_layer(CELL, params, impl, activation="relu").forward(xs)
    assert relu.min() == 0 and relu.max() > 0
    sig = checks.make_layer(CELL, params, impl, activation="sigmoid").forward(xs)
    assert 0 < sig.min() and sig.max() < 1


@pytest.mark.parametrize("shape", [(1, 4, 3, 5), (2, 1, 3, 5), (2, 4, 3, 1), (1, 1, 1, 1)])
def test_edge_sizes(shape, rng, impl):
    n, t, d, h = shape
    params = checks.random_params(CELL, d, h, rng)
    checks.check_gradients(CELL, params, rng.standard_normal((n, t, d)), rng, impl, all_used=False)
