"""TimeGRU, readable and fast: gradient checks, the equations in the trace, state, arguments."""

import numpy as np
import pytest

from tests.engine.layers import recurrent_checks as checks

CELL = "gru"
N, T, D, H = 2, 4, 3, 5


@pytest.fixture(params=checks.impls(CELL))
def impl(request):
    return request.param


@pytest.fixture
def params(rng):
    return checks.random_params(CELL, D, H, rng)


@pytest.fixture
def xs(rng):
    return rng.standard_normal((N, T, D))


def test_gradient_check(params, xs, rng, impl):
    checks.check_gradients(CELL, params, xs, rng, impl)


def test_initial_state_and_its_gradient(params, xs, rng, impl):
    checks.check_initial_state_grads(CELL, params, xs, rng, impl)


def test_stateful_carries_h_without_gradient_across_calls(params, xs, rng, impl):
    checks.check_stateful(CELL, params, xs, rng, impl)


def test_set_state_is_used_once_when_not_stateful(params, xs, rng, impl):
    checks.check_set_state_is_used_once(CELL, params, xs, rng, impl)


def test_float32_close_to_float64(params, xs, rng, impl):
    checks.check_float32(CELL, params, xs, rng, impl)


def test_results_are_not_internal_buffers(params, xs, rng, impl):
    checks.check_results_are_not_internal_buffers(CELL, params, xs, rng, impl)


def test_trace(params, xs, rng, impl):
    checks.check_trace(CELL, params, xs, rng, impl)


def test_trace_values_satisfy_the_equations(params, xs, rng, impl):
    """h_t = (1 - z) * h_{t-1} + z * h~, gates in (0, 1), the candidate in (-1, 1)."""
    layer = checks.make_layer(CELL, params, impl)
    layer.record = True
    layer.forward(xs)
    tr = layer.trace
    h_prev = np.concatenate([np.zeros((N, 1, H)), tr["h"][:, :-1]], axis=1)
    np.testing.assert_allclose(tr["h"], (1 - tr["z"]) * h_prev + tr["z"] * tr["h_tilde"], rtol=1e-12, atol=1e-15)
    for gate in "zr":
        assert 0 < tr[gate].min() and tr[gate].max() < 1
    assert -1 < tr["h_tilde"].min() and tr["h_tilde"].max() < 1


def test_bad_arguments_raise_value_error_naming_shapes(params, xs, impl):
    checks.check_bad_arguments(CELL, params, xs, impl)
    with pytest.raises(ValueError, match="no cell state"):
        checks.make_layer(CELL, params, impl).set_state(np.zeros((N, H)), np.zeros((N, H)))


@pytest.mark.parametrize("shape", [(1, 4, 3, 5), (2, 1, 3, 5), (2, 4, 3, 1), (1, 1, 1, 1)])
def test_edge_sizes(shape, rng, impl):
    n, t, d, h = shape
    params = checks.random_params(CELL, d, h, rng)
    checks.check_gradients(CELL, params, rng.standard_normal((n, t, d)), rng, impl, all_used=False)
