"""The fast Time layers compute what the readable ones do: forward, backward, traces and state, for every
cell that has a fast version, to 1e-10 in float64 and 1e-6 in float32 (relative to the largest value)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnn_lab.engine.layers.cells import FAST, READABLE
from rnn_lab.engine.layers.fast import base as fast_base
from tests.engine.layers import recurrent_checks as checks
from tests.gradcheck import rel_error

TOLERANCE = {np.float64: 1e-10, np.float32: 1e-6}
DTYPES = [np.float64, np.float32]


def pair(cell, params, stateful=False, **options):
    return (checks.make_layer(cell, params, "readable", stateful, **options),
            checks.make_layer(cell, params, "fast", stateful, **options))


def assert_same(readable, fast, tol, what=""):
    """Outputs, inputs' gradients, every parameter gradient, the states and their gradients, traces."""
    for name in ("h", "c", "dh", "dc"):
        a, b = getattr(readable, name), getattr(fast, name)
        assert (a is None) == (b is None), name
        if a is not None:
            assert rel_error(a, b) < tol, f"{what}{name}"
    for i, (a, b) in enumerate(zip(readable.grads, fast.grads)):
        assert rel_error(a, b) < tol, f"{what}grads[{i}]"
    assert set(readable.trace) == set(fast.trace)
    for key in readable.trace:
        assert rel_error(readable.trace[key], fast.trace[key]) < tol, f"{what}trace[{key!r}]"


def run_both(layers, xs, dhs, tol, what=""):
    readable, fast = layers
    assert rel_error(readable.forward(xs), fast.forward(xs)) < tol, f"{what}hs"
    assert rel_error(readable.backward(dhs), fast.backward(dhs)) < tol, f"{what}dxs"
    assert_same(readable, fast, tol, what)


def test_every_fast_layer_is_a_registered_cells():
    assert set(FAST) <= set(READABLE)
    for name, layer in FAST.items():
        assert layer.cell is READABLE[name].cell


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
@pytest.mark.parametrize("cell", sorted(FAST))
def test_forward_backward_and_traces(cell, dtype):
    rng = np.random.default_rng(3)
    N, T, D, H = 4, 9, 6, 7
    params = checks.random_params(cell, D, H, rng, dtype)
    layers = pair(cell, params)
    for layer in layers:
        layer.record = True
    xs, dhs = (rng.standard_normal(s).astype(dtype) for s in ((N, T, D), (N, T, H)))
    run_both(layers, xs, dhs, TOLERANCE[dtype])


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
@pytest.mark.parametrize("cell", sorted(FAST))
def test_stateful_use(cell, dtype):
    """Three calls carrying the state, a set_state, a reset and another batch size: equal all along."""
    rng = np.random.default_rng(4)
    N, T, D, H = 3, 5, 4, 6
    params = checks.random_params(cell, D, H, rng, dtype)
    layers = pair(cell, params, stateful=True)

    def call(n, what):
        xs, dhs = (rng.standard_normal(s).astype(dtype) for s in ((n, T, D), (n, T, H)))
        run_both(layers, xs, dhs, TOLERANCE[dtype], what)

    for k in range(3):
        call(N, f"call {k}: ")
    h0 = rng.standard_normal((N, H)).astype(dtype)
    for layer in layers:
        checks.set_state(layer, h0, h0 * 0.5 if layer.cell.has_cell else None)
    call(N, "after set_state: ")
    for layer in layers:
        layer.reset_state()
    call(N + 2, "after reset_state: ")


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_rnn_activations(activation):
    rng = np.random.default_rng(5)
    params = checks.random_params("rnn", 4, 5, rng)
    params[2] += 0.5  # most relu units alive
    layers = pair("rnn", params, activation=activation)
    run_both(layers, rng.standard_normal((3, 6, 4)), rng.standard_normal((3, 6, 5)), TOLERANCE[np.float64])


@settings(max_examples=30, deadline=None, database=None, derandomize=True)
@given(cell=st.sampled_from(sorted(FAST)), n=st.integers(1, 3), t=st.integers(1, 6), d=st.integers(1, 4),
       h=st.integers(1, 5), stateful=st.booleans(), seed=st.integers(0, 2**16))
def test_any_shape(cell, n, t, d, h, stateful, seed):
    rng = np.random.default_rng(seed)
    params = checks.random_params(cell, d, h, rng, scale=1.0)
    layers = pair(cell, params, stateful=stateful)
    for k in range(2):
        run_both(layers, rng.standard_normal((n, t, d)), rng.standard_normal((n, t, h)), TOLERANCE[np.float64],
                 f"call {k}: ")


@pytest.mark.parametrize("cell", sorted(FAST))
def test_large_input_projection(cell, monkeypatch):
    """Past BATCHED_PROJECTION_MAX the projection is one product and a transposed copy: the same numbers."""
    monkeypatch.setattr(fast_base, "BATCHED_PROJECTION_MAX", 0)
    rng = np.random.default_rng(6)
    params = checks.random_params(cell, 5, 4, rng)
    layers = pair(cell, params, stateful=True)
    for k in range(2):
        run_both(layers, rng.standard_normal((3, 7, 5)), rng.standard_normal((3, 7, 4)), TOLERANCE[np.float64],
                 f"call {k}: ")


@pytest.mark.parametrize("cell", sorted(FAST))
def test_equal_with_two_blas_threads(cell):
    """With two BLAS threads in force the time loops of small layers run on one (engine.threads.loop_threads)
    and the products over all steps on two: the same numbers, and the count restored after each call."""
    from rnn_lab.engine import threads

    before = threads.blas_threads()
    try:
        threads.set_threads(2)
        rng = np.random.default_rng(7)
        params = checks.random_params(cell, 5, 6, rng, np.float32)
        layers = pair(cell, params, stateful=True)
        for k in range(2):
            xs, dhs = (rng.standard_normal(s).astype(np.float32) for s in ((4, 8, 5), (4, 8, 6)))
            run_both(layers, xs, dhs, TOLERANCE[np.float32], f"call {k}: ")
            assert threads.blas_threads() == 2
    finally:
        threads.set_threads(before)
