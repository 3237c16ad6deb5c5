"""TimeLSTM (with and without peepholes): gradient checks, the per-step reference, state, traces."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnn_lab.engine.layers import TimeLSTM
from tests.engine import recurrent_checks as checks
from tests.engine.reference import ReferenceRecurrent, random_params
from tests.gradcheck import check_layer

N, T, D, H = 2, 4, 3, 5


@pytest.fixture(params=[False, True], ids=["book", "peephole"])
def params(request, rng):
    return random_params("lstm", D, H, rng, peephole=request.param)


@pytest.fixture
def xs(rng):
    return rng.standard_normal((N, T, D))


def test_gradient_check(params, xs, rng):
    layer = checks.make_layer("lstm", params)
    errors = check_layer(layer, [xs], rng, tol=1e-6)
    assert len(errors) == len(params) + 1
    assert all(np.abs(g).max() > 0 for g in layer.grads)


def test_gradient_check_stateful_layer(params, xs, rng):
    layer = checks.make_layer("lstm", params, stateful=True)
    check_layer(layer, [xs], rng, tol=1e-6, prepare=layer.reset_state)


def test_initial_state_and_its_gradients(params, xs, rng):
    checks.check_initial_state_grads("lstm", params, xs, rng, with_cell=True)


def test_set_state_without_cell_starts_from_zero_cell(params, xs, rng):
    h0 = rng.standard_normal((N, H))
    layer = checks.make_layer("lstm", params)
    layer.set_state(h0)
    np.testing.assert_array_equal(layer.c, np.zeros((N, H)))
    ref = ReferenceRecurrent("lstm", params)
    np.testing.assert_allclose(layer.forward(xs), ref.forward(xs, h0, np.zeros((N, H))), rtol=1e-12)


@settings(max_examples=25, deadline=None, database=None, derandomize=True)
@given(
    n=st.integers(1, 3), t=st.integers(1, 5), d=st.integers(1, 4), h=st.integers(1, 4),
    peephole=st.booleans(), initial=st.booleans(), seed=st.integers(0, 2**16),
)  # fmt: skip
def test_matches_reference(n, t, d, h, peephole, initial, seed):
    rng = np.random.default_rng(seed)
    params = random_params("lstm", d, h, rng, peephole=peephole, scale=1.0)
    xs = rng.standard_normal((n, t, d))
    dhs = rng.standard_normal((n, t, h))
    h0, c0 = (rng.standard_normal((n, h)), rng.standard_normal((n, h))) if initial else (None, None)
    checks.assert_matches_reference("lstm", params, xs, dhs, h0, c0)


def test_stateful_carries_h_and_c_without_gradient_across_calls(params, xs, rng):
    checks.check_stateful("lstm", params, xs, rng)


def test_set_state_is_used_once_when_not_stateful(params, xs, rng):
    checks.check_set_state_is_used_once("lstm", params, xs, rng)


def test_float32_close_to_float64(params, xs, rng):
    checks.check_float32("lstm", params, xs, rng)


def test_results_are_not_internal_buffers(params, xs, rng):
    checks.check_results_are_not_internal_buffers("lstm", params, xs, rng)


def test_record_false_does_no_trace_work(params, xs):
    checks.check_no_trace_work("lstm", params, xs)


def test_trace_values_are_the_forward_values(params, xs, rng):
    layer = checks.make_layer("lstm", params)
    layer.record = True
    hs = layer.forward(xs)
    trace = layer.trace
    assert all(v.shape == (N, T, H) for v in trace.values())
    np.testing.assert_array_equal(trace["h"], hs)
    np.testing.assert_allclose(trace["h"], trace["o"] * np.tanh(trace["c"]), rtol=1e-12)
    layer.backward(rng.standard_normal((N, T, H)))
    assert trace is layer.trace and layer.trace["dh_norm"].shape == (N, T)


def test_bad_arguments_raise_value_error_naming_shapes(params, xs):
    checks.check_bad_arguments("lstm", params, xs)


def test_bad_peephole_shapes():
    rng = np.random.default_rng(1)
    Wx, Wh, b = random_params("lstm", D, H, rng)
    with pytest.raises(ValueError, match=r"\(4,\)"):
        TimeLSTM(Wx, Wh, b, peephole=np.zeros((3, H - 1)))
    with pytest.raises(ValueError, match="3 vectors"):
        TimeLSTM(Wx, Wh, b, peephole=np.zeros((2, H)))


def test_zero_peepholes_equal_the_book_lstm(xs, rng):
    Wx, Wh, b = random_params("lstm", D, H, rng)
    book = TimeLSTM(Wx, Wh, b)
    peep = TimeLSTM(Wx, Wh, b, peephole=np.zeros((3, H)))
    assert len(peep.params) == len(peep.grads) == 6
    np.testing.assert_allclose(peep.forward(xs), book.forward(xs), rtol=1e-12)


def test_params_are_shared_not_copied(xs, rng):
    """An optimizer updates params in place; the layer must see it (peephole rows too)."""
    Wx, Wh, b = random_params("lstm", D, H, rng)
    peephole = rng.standard_normal((3, H))
    layer = TimeLSTM(Wx, Wh, b, peephole=peephole)
    assert layer.params[0] is Wx and layer.params[1] is Wh and layer.params[2] is b
    before = layer.forward(xs)
    layer.params[5] += 1.0  # p_o, a view of peephole[2]
    np.testing.assert_array_equal(peephole[2], layer.params[5])
    assert not np.allclose(layer.forward(xs), before)


@pytest.mark.parametrize("shape", [(1, 4, 3, 5), (2, 1, 3, 5), (2, 4, 3, 1), (1, 1, 1, 1)])
def test_edge_sizes(shape, rng):
    n, t, d, h = shape
    params = random_params("lstm", d, h, rng, peephole=True)
    xs = rng.standard_normal((n, t, d))
    check_layer(checks.make_layer("lstm", params), [xs], rng, tol=1e-6)
    checks.assert_matches_reference("lstm", params, xs, rng.standard_normal((n, t, h)))
