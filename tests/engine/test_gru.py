"""TimeGRU: gradient checks, the per-step reference, state, traces."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnn_lab.engine.layers import TimeGRU
from tests.engine import recurrent_checks as checks
from tests.engine.reference import random_params
from tests.gradcheck import check_layer

N, T, D, H = 2, 4, 3, 5


@pytest.fixture
def params(rng):
    return random_params("gru", D, H, rng)


@pytest.fixture
def xs(rng):
    return rng.standard_normal((N, T, D))


def test_gradient_check(params, xs, rng):
    layer = TimeGRU(*params)
    check_layer(layer, [xs], rng, tol=1e-6)
    assert all(np.abs(g).max() > 0 for g in layer.grads)


def test_gradient_check_stateful_layer(params, xs, rng):
    layer = TimeGRU(*params, stateful=True)
    check_layer(layer, [xs], rng, tol=1e-6, prepare=layer.reset_state)


def test_initial_state_and_its_gradient(params, xs, rng):
    checks.check_initial_state_grads("gru", params, xs, rng)


@settings(max_examples=25, deadline=None, database=None, derandomize=True)
@given(
    n=st.integers(1, 3), t=st.integers(1, 5), d=st.integers(1, 4), h=st.integers(1, 4),
    initial=st.booleans(), seed=st.integers(0, 2**16),
)  # fmt: skip
def test_matches_reference(n, t, d, h, initial, seed):
    rng = np.random.default_rng(seed)
    params = random_params("gru", d, h, rng, scale=1.0)
    xs = rng.standard_normal((n, t, d))
    dhs = rng.standard_normal((n, t, h))
    h0 = rng.standard_normal((n, h)) if initial else None
    checks.assert_matches_reference("gru", params, xs, dhs, h0)


def test_stateful_carries_h_without_gradient_across_calls(params, xs, rng):
    checks.check_stateful("gru", params, xs, rng)


def test_set_state_is_used_once_when_not_stateful(params, xs, rng):
    checks.check_set_state_is_used_once("gru", params, xs, rng)


def test_float32_close_to_float64(params, xs, rng):
    checks.check_float32("gru", params, xs, rng)


def test_results_are_not_internal_buffers(params, xs, rng):
    checks.check_results_are_not_internal_buffers("gru", params, xs, rng)


def test_record_false_does_no_trace_work(params, xs):
    checks.check_no_trace_work("gru", params, xs)


def test_trace_values_are_the_forward_values(params, xs):
    layer = TimeGRU(*params)
    layer.record = True
    hs = layer.forward(xs)
    tr = layer.trace
    assert all(v.shape == (N, T, H) for v in tr.values())
    h_prev = np.concatenate([np.zeros((N, 1, H)), hs[:, :-1]], axis=1)
    np.testing.assert_allclose(hs, (1 - tr["z"]) * h_prev + tr["z"] * tr["h_tilde"], rtol=1e-12, atol=1e-15)


def test_bad_arguments_raise_value_error_naming_shapes(params, xs):
    checks.check_bad_arguments("gru", params, xs)


@pytest.mark.parametrize("shape", [(1, 4, 3, 5), (2, 1, 3, 5), (2, 4, 3, 1), (1, 1, 1, 1)])
def test_edge_sizes(shape, rng):
    n, t, d, h = shape
    params = random_params("gru", d, h, rng)
    xs = rng.standard_normal((n, t, d))
    check_layer(TimeGRU(*params), [xs], rng, tol=1e-6)
    checks.assert_matches_reference("gru", params, xs, rng.standard_normal((n, t, h)))
