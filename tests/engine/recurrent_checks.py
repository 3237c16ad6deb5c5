"""Checks shared by test_rnn.py, test_lstm.py and test_gru.py (one kind of cell per call).

``kind`` is "rnn", "lstm" or "gru"; ``options`` are the layer's extra keyword arguments
(``activation`` for TimeRNN, ``peephole`` for TimeLSTM, given as a (3, H) array).
"""

from __future__ import annotations

import numpy as np
import pytest

from rnn_lab.engine.layers.gru import TimeGRU
from rnn_lab.engine.layers.lstm import TimeLSTM
from rnn_lab.engine.layers.rnn import TimeRNN
from tests.engine.reference import ReferenceRecurrent
from tests.gradcheck import check_layer, numerical_grad, rel_error

LAYERS = {"rnn": TimeRNN, "lstm": TimeLSTM, "gru": TimeGRU}
TRACE_KEYS = {
    "rnn": {"h"},
    "lstm": {"h", "c", "f", "g", "i", "o"},
    "gru": {"h", "z", "r", "h_tilde"},
}
CLOSE = {"rtol": 1e-9, "atol": 1e-12}


def make_layer(kind, params, stateful=False, **options):
    """The engine layer over ``params`` = [Wx, Wh, b(, p_f, p_i, p_o)]."""
    if kind == "lstm" and len(params) == 6:
        options["peephole"] = params[3:]
    return LAYERS[kind](*params[:3], stateful=stateful, **options)


def make_reference(kind, params, **options):
    return ReferenceRecurrent(kind, params, activation=options.get("activation", "tanh"))


def set_state(layer, h0, c0=None):
    if c0 is None:
        layer.set_state(h0)
    else:
        layer.set_state(h0, c0)


def assert_matches_reference(kind, params, xs, dhs, h0=None, c0=None, **options):
    """Fused layer == per-step reference: outputs, every gradient, initial-state gradients, traces."""
    layer = make_layer(kind, params, **options)
    layer.record = True
    if h0 is not None:
        set_state(layer, h0, c0)
    ref = make_reference(kind, params, **options)
    np.testing.assert_allclose(layer.forward(xs), ref.forward(xs, h0, c0), **CLOSE)
    np.testing.assert_allclose(layer.backward(dhs), ref.backward(dhs), **CLOSE)
    for i, (g, g_ref) in enumerate(zip(layer.grads, ref.grads)):
        np.testing.assert_allclose(g, g_ref, **CLOSE, err_msg=f"grads[{i}]")
    np.testing.assert_allclose(layer.dh, ref.dh0, **CLOSE)
    np.testing.assert_allclose(layer.h, ref.h, **CLOSE)
    if kind == "lstm":
        np.testing.assert_allclose(layer.dc, ref.dc0, **CLOSE)
        np.testing.assert_allclose(layer.c, ref.c, **CLOSE)
    assert set(layer.trace) == TRACE_KEYS[kind] | {"dh_norm"}
    for key, value in ref.trace.items():
        np.testing.assert_allclose(layer.trace[key], value, **CLOSE, err_msg=f"trace[{key!r}]")
    np.testing.assert_allclose(layer.trace["dh_norm"], ref.dh_norm, **CLOSE)


def check_initial_state_grads(kind, params, xs, rng, with_cell=False, **options):
    """set_state(h0[, c0]) is the initial state, and .dh (.dc) match central differences."""
    N, H = xs.shape[0], params[1].shape[0]
    h0 = rng.standard_normal((N, H))
    c0 = rng.standard_normal((N, H)) if with_cell else None
    layer = make_layer(kind, params, **options)
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


def check_stateful(kind, params, xs, rng, **options):
    """A stateful layer fed xs in two calls equals one call over the whole of xs (forward), and
    the second call's gradients are those of a layer started from the carried state (truncated BPTT)."""
    T = xs.shape[1]
    split = T // 2
    whole = make_layer(kind, params, **options).forward(xs)
    layer = make_layer(kind, params, stateful=True, **options)
    first = layer.forward(xs[:, :split])
    carried = (layer.h.copy(), layer.c.copy() if kind == "lstm" else None)
    second = layer.forward(xs[:, split:])
    np.testing.assert_allclose(np.concatenate([first, second], axis=1), whole, **CLOSE)
    dhs = rng.standard_normal(second.shape)
    dxs = layer.backward(dhs)
    ref = make_reference(kind, params, **options)
    ref.forward(xs[:, split:], *carried)
    np.testing.assert_allclose(dxs, ref.backward(dhs), **CLOSE)
    for g, g_ref in zip(layer.grads, ref.grads):
        np.testing.assert_allclose(g, g_ref, **CLOSE)
    # a non-stateful layer ignores the previous call, and stateful=False can be set at any time
    layer.stateful = False
    np.testing.assert_allclose(
        layer.forward(xs[:, split:]), make_layer(kind, params, **options).forward(xs[:, split:])
    )
    # reset_state makes a stateful layer start from zeros again
    layer.stateful = True
    layer.reset_state()
    np.testing.assert_allclose(layer.forward(xs), whole, **CLOSE)


def check_set_state_is_used_once(kind, params, xs, rng, **options):
    """Non-stateful: set_state applies to the next forward only, then zeros again."""
    N, H = xs.shape[0], params[1].shape[0]
    h0 = rng.standard_normal((N, H))
    layer = make_layer(kind, params, **options)
    plain = layer.forward(xs)
    layer.set_state(h0)
    np.testing.assert_array_equal(layer.h, h0)
    from_h0 = layer.forward(xs)
    np.testing.assert_allclose(from_h0, make_reference(kind, params, **options).forward(xs, h0), **CLOSE)
    assert not np.allclose(from_h0, plain)
    np.testing.assert_array_equal(layer.forward(xs), plain)


def check_results_are_not_internal_buffers(kind, params, xs, rng, **options):
    """hs, dxs, .h, .c, .dh and .dc of one call survive the next forward/backward unchanged."""
    layer = make_layer(kind, params, **options)
    hs = layer.forward(xs)
    dxs = layer.backward(rng.standard_normal(hs.shape))
    names = ["h", "dh"] + (["c", "dc"] if kind == "lstm" else [])
    kept = [hs, dxs] + [getattr(layer, name) for name in names]
    copies = [a.copy() for a in kept]
    layer.forward(xs + 1.0)
    layer.backward(rng.standard_normal(hs.shape))
    for name, a, a_copy in zip(["hs", "dxs", *names], kept, copies):
        np.testing.assert_array_equal(a, a_copy, err_msg=f"{name} was overwritten by the next call")
    for name, a_copy in zip(names, copies[2:]):  # the second call did produce new values
        assert not np.array_equal(getattr(layer, name), a_copy), name


def check_float32(kind, params, xs, rng, **options):
    """The float32 path computes in float32 and stays close to float64."""
    dhs = rng.standard_normal((xs.shape[0], xs.shape[1], params[1].shape[0]))
    l64 = make_layer(kind, params, **options)
    l32 = make_layer(kind, [p.astype(np.float32) for p in params], **options)
    hs64, hs32 = l64.forward(xs), l32.forward(xs.astype(np.float32))
    dx64, dx32 = l64.backward(dhs), l32.backward(dhs.astype(np.float32))
    assert hs32.dtype == dx32.dtype == l32.dh.dtype == np.float32
    assert all(g.dtype == np.float32 for g in l32.grads)
    assert rel_error(hs32, hs64) < 1e-5
    assert rel_error(dx32, dx64) < 1e-5
    for g32, g64 in zip(l32.grads, l64.grads):
        assert rel_error(g32, g64) < 1e-5


def check_no_trace_work(kind, params, xs):
    """record=False (the default): no trace dict entries and no trace buffer, even after backward."""
    layer = make_layer(kind, params)
    assert layer.record is False
    hs = layer.forward(xs)
    layer.backward(np.ones_like(hs))
    assert layer.trace == {}
    assert "dh_total" not in layer._buf
    layer.record = True
    layer.forward(xs)
    assert set(layer.trace) == TRACE_KEYS[kind]
    layer.record = False
    layer.forward(xs)
    assert layer.trace == {}  # no stale views of reused buffers


def check_bad_arguments(kind, params, xs):
    """Wrong shapes and dtypes raise ValueError naming the shapes."""
    Wx, Wh, b = params[:3]
    N, T, D = xs.shape
    H = Wh.shape[0]
    layer_cls = LAYERS[kind]
    with pytest.raises(ValueError, match=re_shape(Wh[:, 1:].shape)):
        layer_cls(Wx, Wh[:, 1:], b)
    with pytest.raises(ValueError, match=re_shape(b[1:].shape)):
        layer_cls(Wx, Wh, b[1:])
    with pytest.raises(ValueError, match="float32"):
        layer_cls(Wx, Wh, b.astype(np.float32))
    layer = layer_cls(Wx, Wh, b)
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
    stateful = layer_cls(Wx, Wh, b, stateful=True)
    stateful.forward(xs)
    with pytest.raises(ValueError, match="reset_state"):
        stateful.forward(xs[:1])
    stateful.reset_state()
    assert stateful.forward(xs[:1]).shape == (1, T, H)


def re_shape(shape) -> str:
    """A regex matching the printed tuple ``shape``."""
    return str(tuple(shape)).replace("(", r"\(").replace(")", r"\)")
