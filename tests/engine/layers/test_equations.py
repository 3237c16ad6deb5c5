"""The numbers of the Equations view: every term of a cell's equations, recorded by its Time layer
(readable or fast) when ``record`` and ``equations`` are on, and consistent with the equations."""

import numpy as np
import pytest

from rnn_lab.engine.functions import sigmoid
from rnn_lab.engine.layers import cells

N, T, D, H = 2, 5, 3, 4
ACT = {"sigmoid": sigmoid, "tanh": np.tanh}


def make_layer(name: str, impl: str, seed: int = 0, activation: str = "tanh"):
    rng = np.random.default_rng(seed)
    layer = cells.make_time_layer(name, D, H, lambda shape: rng.normal(0, 0.6, shape).astype(np.float64),
                                  impl=impl, dtype=np.float64, activation=activation)
    for p in layer.params[2:]:
        p[...] = rng.normal(0, 0.3, p.shape)  # biases and peepholes not zero: every term shows
    return layer


def run(layer, seed: int = 1, equations: bool = True):
    rng = np.random.default_rng(seed)
    xs, dhs = rng.normal(size=(N, T, D)), rng.normal(size=(N, T, H))
    layer.record, layer.equations = True, equations
    layer.forward(xs)
    layer.backward(dhs)
    return xs, dhs, layer.trace


@pytest.mark.parametrize("impl", cells.IMPLS)
@pytest.mark.parametrize("name", cells.CELLS)
def test_pre_activations_are_the_sum_of_their_terms_and_give_the_recorded_values(name, impl):
    layer = make_layer(name, impl)
    xs, dhs, tr = run(layer)
    info = cells.cell_class(name)
    Wx, Wh, b = layer.params[:3]
    h_prev = np.concatenate([np.zeros((N, 1, H)), tr["h"][:, :-1]], axis=1)
    np.testing.assert_allclose(tr["h_prev"], h_prev, atol=1e-12)
    for k, block in enumerate(info.blocks()):
        cols = slice(k * H, (k + 1) * H)
        np.testing.assert_allclose(tr[f"xWx.{block}"], xs @ Wx[:, cols], atol=1e-12)
        np.testing.assert_allclose(tr[f"b.{block}"], np.broadcast_to(b[cols], (N, T, H)), atol=0)
        terms = tr[f"xWx.{block}"] + tr[f"hWh.{block}"] + tr[f"b.{block}"] + tr.get(f"peep.{block}", 0)
        np.testing.assert_allclose(tr[f"a.{block}"], terms, atol=1e-12)
        if block == "h":  # the plain RNN: h = tanh(a)
            np.testing.assert_allclose(np.tanh(tr["a.h"]), tr["h"], atol=1e-12)
        else:
            gate = next(g for g in info.gates if g.name == block)
            np.testing.assert_allclose(ACT[gate.kind](tr[f"a.{block}"]), tr[block], atol=1e-12)
    if name == "gru":  # the candidate reads r * h_prev
        np.testing.assert_allclose(tr["hWh.h_tilde"], (tr["r"] * h_prev) @ Wh[:, 2 * H:], atol=1e-12)
    else:
        np.testing.assert_allclose(tr[f"hWh.{info.blocks()[0]}"], h_prev @ Wh[:, :H], atol=1e-12)
    if info.has_cell:
        c_prev = np.concatenate([np.zeros((N, 1, H)), tr["c"][:, :-1]], axis=1)
        np.testing.assert_allclose(tr["c_prev"], c_prev, atol=1e-12)
        np.testing.assert_allclose(tr["c"], tr["f"] * c_prev + tr["g"] * tr["i"], atol=1e-12)


@pytest.mark.parametrize("impl", cells.IMPLS)
@pytest.mark.parametrize("name", cells.CELLS)
def test_backward_numbers_chain_through_time(name, impl):
    layer = make_layer(name, impl)
    _, dhs, tr = run(layer)
    np.testing.assert_allclose(tr["dh_out"], dhs)
    np.testing.assert_allclose(tr["dh"], tr["dh_out"] + tr["dh_next"], atol=1e-12)
    np.testing.assert_allclose(tr["dh_next"][:, :-1], tr["dh_prev"][:, 1:], atol=1e-12)  # t+1 sends to t
    assert not tr["dh_next"][:, -1].any()  # nothing comes back from after the window
    np.testing.assert_allclose(np.linalg.norm(tr["dh"], axis=2), tr["dh_norm"], rtol=1e-10)
    np.testing.assert_allclose(tr["dh_prev"][:, 0], layer.dh, atol=1e-12)  # what reached h_0
    if name == "rnn":
        np.testing.assert_allclose(tr["da"], tr["dh"] * (1 - tr["h"] ** 2), atol=1e-12)
    if name == "gru":
        np.testing.assert_allclose(tr["dh_prev_direct"], tr["dh"] * (1 - tr["z"]), atol=1e-12)
    if cells.cell_class(name).has_cell:
        np.testing.assert_allclose(tr["dc"], tr["dc_next"] + tr["dc_local"], atol=1e-12)
        np.testing.assert_allclose(tr["dc_next"][:, :-1], tr["dc_prev"][:, 1:], atol=1e-12)
        np.testing.assert_allclose(tr["dc_prev"][:, 0], layer.dc, atol=1e-12)
        forget_share = tr["dc"] * tr["f"]  # the constant error carousel: what the forget gate lets through
        np.testing.assert_allclose(tr.get("dc_prev_f", tr["dc_prev"]), forget_share, atol=1e-12)
        if name == "lstm":
            dc_local = tr["dh"] * tr["o"] * (1 - np.tanh(tr["c"]) ** 2)
            np.testing.assert_allclose(tr["dc_local"], dc_local, atol=1e-12)


@pytest.mark.parametrize("name", cells.CELLS)
def test_fast_and_readable_layers_record_the_same_numbers(name):
    fast, readable = (run(make_layer(name, impl))[2] for impl in ("fast", "readable"))
    assert fast.keys() == readable.keys()
    for key in fast:
        np.testing.assert_allclose(fast[key], readable[key], atol=1e-10, err_msg=key)


@pytest.mark.parametrize("impl", cells.IMPLS)
def test_dl_dc_is_the_gradient_of_the_loss_with_respect_to_the_cell_state(impl):
    """dL/dc_t against a numerical derivative: nudge c_t inside a readable replay of the steps after t."""
    layer = make_layer("lstm", impl)
    xs, dhs, tr = run(layer)
    Wx, Wh, b = layer.params
    t, eps = 2, 1e-6

    def loss(c_t):  # sum over t' >= t of <dhs_t', h_t'> with c_t given, the later steps recomputed
        cell = cells.cell_class("lstm")(Wx, Wh, b)
        o = sigmoid(tr["a.o"][:, t])
        h, c = o * np.tanh(c_t), c_t
        total = np.sum(dhs[:, t] * h)
        for s in range(t + 1, T):
            h, c = cell.forward(xs[:, s], h, c)
            total += np.sum(dhs[:, s] * h)
        return total

    numeric = np.zeros((N, H))
    for n in range(N):
        for j in range(H):
            up, down = tr["c"][:, t].copy(), tr["c"][:, t].copy()
            up[n, j] += eps
            down[n, j] -= eps
            numeric[n, j] = (loss(up) - loss(down)) / (2 * eps)
    np.testing.assert_allclose(tr["dc"][:, t], numeric, rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("impl", cells.IMPLS)
def test_nothing_is_recorded_unless_asked(impl):
    layer = make_layer("lstm", impl)
    tr = run(layer, equations=False)[2]
    assert set(tr) == {*cells.cell_class("lstm").trace_keys(), "dh_norm"}
