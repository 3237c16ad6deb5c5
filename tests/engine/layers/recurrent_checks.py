"""Checks every recurrent Time layer must pass, for one cell and one implementation per call.

``cell`` is a registered cell name ("rnn", "lstm", "gru", "peephole"); ``impl`` is "readable" (the
book's equations, ``layers/<cell>.py``) or "fast" (``layers/fast/``); ``options`` are the layer's
extra keyword arguments (``activation`` for the RNN). ``params`` are [Wx, Wh, b, *extra] as the
registry's layers take them (``random_params``).
"""

from __future__ import annotations

import numpy as np
import pytest

from rnn_lab.engine.layers.cells import FAST, cell_class, time_layer_class
from tests.gradcheck import check_layer, numerical_grad, rel_error


def impls(cell: str) -> list[str]:
    """The implementations cell ``cell`` has: always "readable", and "fast" when registered."""
    return ["readable"] + (["fast"] if cell in FAST else [])


def random_params(cell, D, H, rng, dtype=np.float64, scale=0.5):
    """Random [Wx, Wh, b, *extra] for cell ``cell`` (extra parameters random too, not zero)."""
    info = cell_class(cell)
    G = len(info.blocks())
    shapes = [(D, G * H), (H, G * H), (G * H,)] + [(H,)] * len(info.extra_params)
    return [(rng.standard_normal(s) * scale).astype(dtype) for s in shapes]


def make_layer(cell, params, impl="readable", stateful=False, **options):
    return time_layer_class(cell, impl)(*params, stateful=stateful, **options)


def set_state(layer, h0, c0=None):
    if c0 is None:
        layer.set_state(h0)
    else:
        layer.set_state(h0, c0)


def check_gradients(cell, params, xs, rng, impl, all_used=True, **options):
    """Every parameter and the input against central differences, for a plain and a stateful layer;
    ``all_used``: every gradient is non-zero (not so with one timestep: h_0 = 0 leaves Wh unused)."""
    layer = make_layer(cell, params, impl, **options)
    errors = check_layer(layer, [xs], rng, tol=1e-6)
    assert len(errors) == len(params) + 1
    assert all(np.abs(g).max() > 0 for g in layer.grads) or not all_used
    stateful = make_layer(cell, params, impl, stateful=True, **options)
    check_layer(stateful, [xs], rng, tol=1e-6, prepare=stateful.reset_state)


def check_initial_state_grads(cell, params, xs, rng, impl, **options):
    """set_state(h0[, c0]) is the initial state, and .dh (.dc) match central differences."""
    N, H = xs.shape[0], params[1].shape[0]
    has_cell = cell_class(cell).has_cell
    h0 = rng.standard_normal((N, H))
    c0 = rng.standard_normal((N, H)) if has_cell else None
    layer = make_layer(cell, params, impl, **options)
    check_layer(layer, [xs], rng, tol=1e-6, prepare=lambda: set_state(layer, h0, c0))
    G = rng.standard_normal((N, xs.shape[1], H))

    def loss() -> float:
        set_state(layer, h0, c0)
        return float(np.sum(layer.forward(xs) * G))

    loss()
    layer.backward(G)
    dh, dc = layer.dh.copy(), None if c0 is None else layer.dc.copy()
    assert np.abs(dh).max() > 0
    assert rel_error(dh, numerical_grad(loss, h0)) < 1e-6
    if c0 is not None:
        assert rel_error(dc, numerical_grad(loss, c0)) < 1e-6


def check_stateful(cell, params, xs, rng, impl, **options):
    """A stateful layer fed xs in two calls equals one call over the whole of xs (forward), and the
    second call's gradients are those of a layer started from the carried state (truncated BPTT)."""
    split = xs.shape[1] // 2
    close = {"rtol": 1e-9, "atol": 1e-12}
    whole = make_layer(cell, params, impl, **options).forward(xs)
    layer = make_layer(cell, params, impl, stateful=True, **options)
    first = layer.forward(xs[:, :split])
    carried = (layer.h.copy(), None if layer.c is None else layer.c.copy())
    second = layer.forward(xs[:, split:])
    np.testing.assert_allclose(np.concatenate([first, second], axis=1), whole, **close)
    dhs = rng.standard_normal(second.shape)
    dxs = layer.backward(dhs)
    fresh = make_layer(cell, params, impl, **options)
    set_state(fresh, *carried)
    fresh.forward(xs[:, split:])
    np.testing.assert_allclose(dxs, fresh.backward(dhs), **close)
    for g, g_fresh in zip(layer.grads, fresh.grads):
        np.testing.assert_allclose(g, g_fresh, **close)
    # a non-stateful layer ignores the previous call, and stateful=False can be set at any time
    layer.stateful = False
    np.testing.assert_allclose(layer.forward(xs[:, split:]),
                               make_layer(cell, params, impl, **options).forward(xs[:, split:]))
    # reset_state makes a stateful layer start from zeros again
    layer.stateful = True
    layer.reset_state()
    np.testing.assert_allclose(layer.forward(xs), whole, **close)


def check_set_state_is_used_once(cell, params, xs, rng, impl, **options):
    """Non-stateful: set_state applies to the next forward only, then zeros again."""
    N, H = xs.shape[0], params[1].shape[0]
    h0 = rng.standard_normal((N, H))
    layer = make_layer(cell, params, impl, **options)
    plain = layer.forward(xs)
    layer.set_state(h0)
    np.testing.assert_array_equal(layer.h, h0)
    from_h0 = layer.forward(xs)
    assert not np.allclose(from_h0, plain)
    np.testing.assert_array_equal(layer.forward(xs), plain)
    again = make_layer(cell, params, impl, **options)
    again.set_state(h0)
    np.testing.assert_array_equal(again.forward(xs), from_h0)


def check_results_are_not_internal_buffers(cell, params, xs, rng, impl, **options):
    """hs, dxs, .h, .c, .dh and .dc of one call survive the next forward/backward unchanged."""
    layer = make_layer(cell, params, impl, **options)
    hs = layer.forward(xs)
    dxs = layer.backward(rng.standard_normal(hs.shape))
    names = ["h", "dh"] + (["c", "dc"] if cell_class(cell).has_cell else [])
    kept = [hs, dxs] + [getattr(layer, name) for name in names]
    copies = [a.copy() for a in kept]
    layer.forward(xs + 1.0)
    layer.backward(rng.standard_normal(hs.shape))
    for name, a, a_copy in zip(["hs", "dxs", *names], kept, copies):
        np.testing.assert_array_equal(a, a_copy, err_msg=f"{name} was overwritten by the next call")
    for name, a_copy in zip(names, copies[2:]):  # the second call did produce new values
        assert not np.array_equal(getattr(layer, name), a_copy), name


def check_float32(cell, params, xs, rng, impl, **options):
    """The float32 path computes in float32 and stays close to float64."""
    dhs = rng.standard_normal((xs.shape[0], xs.shape[1], params[1].shape[0]))
    l64 = make_layer(cell, params, impl, **options)
    l32 = make_layer(cell, [p.astype(np.float32) for p in params], impl, **options)
    hs64, hs32 = l64.forward(xs), l32.forward(xs.astype(np.float32))
    dx64, dx32 = l64.backward(dhs), l32.backward(dhs.astype(np.float32))
    assert hs32.dtype == dx32.dtype == l32.dh.dtype == np.float32
    assert all(g.dtype == np.float32 for g in l32.grads)
    assert rel_error(hs32, hs64) < 1e-5
    assert rel_error(dx32, dx64) < 1e-5
    for g32, g64 in zip(l32.grads, l64.grads):
        assert rel_error(g32, g64) < 1e-5


def check_trace(cell, params, xs, rng, impl, **options):
    """record=False (the default) traces nothing; record=True traces the cell's trace keys (N, T, H),
    "h" being the output, and backward adds "dh_norm" (N, T); turning it off again leaves no stale views."""
    layer = make_layer(cell, params, impl, **options)
    assert layer.record is False
    hs = layer.forward(xs)
    layer.backward(np.ones_like(hs))
    assert layer.trace == {}
    layer.record = True
    hs = layer.forward(xs)
    assert set(layer.trace) == set(cell_class(cell).trace_keys())
    assert all(v.shape == hs.shape for v in layer.trace.values())
    np.testing.assert_array_equal(layer.trace["h"], hs)
    layer.backward(rng.standard_normal(hs.shape))
    assert layer.trace["dh_norm"].shape == hs.shape[:2]
    layer.record = False
    layer.forward(xs)
    assert layer.trace == {}


def check_bad_arguments(cell, params, xs, impl):
    """Wrong shapes and dtypes raise ValueError naming the shapes."""
    Wx, Wh, b, *extra = params
    N, T, D = xs.shape
    H = Wh.shape[0]
    layer_cls = time_layer_class(cell, impl)
    with pytest.raises(ValueError, match=re_shape(Wh[:, 1:].shape)):
        layer_cls(Wx, Wh[:, 1:], b, *extra)
    with pytest.raises(ValueError, match=re_shape(b[1:].shape)):
        layer_cls(Wx, Wh, b[1:], *extra)
    with pytest.raises(ValueError, match="float32"):
        layer_cls(Wx, Wh, b.astype(np.float32), *extra)
    layer = layer_cls(*params)
    with pytest.raises(RuntimeError, match="before forward"):
        layer.backward(np.zeros((N, T, H)))
    with pytest.raises(ValueError, match=re_shape((N, T, D + 1))):
        layer.forward(np.zeros((N, T, D + 1)))
    with pytest.raises(ValueError, match=re_shape((T, D))):
        layer.forward(np.zeros((T, D)))
    with pytest.raises(ValueError, match="float32"):
        layer.forward(xs.astype(np.float32))
    with pytest.raises(ValueError, match="int64"):
        layer.forward(np.zeros((N, T, D), dtype=np.int64))
    layer.forward(xs)
    with pytest.raises(ValueError, match=re_shape((N, T + 1, H))):
        layer.backward(np.zeros((N, T + 1, H)))
    with pytest.raises(ValueError, match=re_shape((N, H + 1))):
        layer.set_state(np.zeros((N, H + 1)))
    layer.set_state(np.zeros((N + 1, H)))
    with pytest.raises(ValueError, match=re_shape((N + 1, H)) + ".*" + re_shape(xs.shape)):
        layer.forward(xs)
    # stateful: a batch-size change is an error, not a silent reset
    stateful = layer_cls(*params, stateful=True)
    stateful.forward(xs)
    with pytest.raises(ValueError, match="reset_state"):
        stateful.forward(xs[:1])
    stateful.reset_state()
    assert stateful.forward(xs[:1]).shape == (1, T, H)


def re_shape(shape) -> str:
    """A regex matching the printed tuple ``shape``."""
    return str(tuple(shape)).replace("(", r"\(").replace(")", r"\)")
