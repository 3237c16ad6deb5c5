"""TimeBidirectional / TimeBiLSTM: gradient checks, equality with two plain LSTMs, traces."""

import numpy as np
import pytest

from rnn_lab.engine.layers.bidirectional import TimeBidirectional, TimeBiLSTM
from rnn_lab.engine.layers.gru import TimeGRU
from rnn_lab.engine.layers.lstm import TimeLSTM
from rnn_lab.engine.layers.rnn import TimeRNN
from tests.engine.layers.recurrent_checks import random_params
from tests.gradcheck import check_layer

N, T, D, H = 2, 4, 3, 5
CLOSE = {"rtol": 1e-9, "atol": 1e-12}


@pytest.fixture
def xs(rng):
    return rng.standard_normal((N, T, D))


@pytest.fixture
def bilstm_params(rng):
    return random_params("lstm", D, H, rng) + random_params("lstm", D, H, rng)


def test_bilstm_gradient_check(bilstm_params, xs, rng):
    layer = TimeBiLSTM(*bilstm_params)
    check_layer(layer, [xs], rng, tol=1e-6)
    assert len(layer.params) == len(layer.grads) == 6
    assert all(p is q for p, q in zip(layer.params, bilstm_params))


def test_mixed_halves_gradient_check(xs, rng):
    """Different cells and hidden sizes: a GRU (H=5) forwards, a relu RNN (H=3) backwards."""
    layer = TimeBidirectional(
        TimeGRU(*random_params("gru", D, 5, rng)),
        TimeRNN(*random_params("rnn", D, 3, rng), activation="relu"),
    )
    assert layer.forward(xs).shape == (N, T, 8)
    check_layer(layer, [xs], rng, tol=1e-6)


def test_bilstm_equals_two_lstms(bilstm_params, xs, rng):
    layer = TimeBiLSTM(*[p.copy() for p in bilstm_params])
    fwd = TimeLSTM(*bilstm_params[:3])
    bwd = TimeLSTM(*bilstm_params[3:])
    hs = layer.forward(xs)
    np.testing.assert_allclose(hs[:, :, :H], fwd.forward(xs), **CLOSE)
    np.testing.assert_allclose(hs[:, :, H:], bwd.forward(xs[:, ::-1])[:, ::-1], **CLOSE)
    dhs = rng.standard_normal((N, T, 2 * H))
    dxs = layer.backward(dhs)
    expected = fwd.backward(dhs[:, :, :H]) + bwd.backward(dhs[:, ::-1, H:])[:, ::-1]
    np.testing.assert_allclose(dxs, expected, **CLOSE)
    for g, g_ref in zip(layer.grads, fwd.grads + bwd.grads):
        np.testing.assert_allclose(g, g_ref, **CLOSE)
    np.testing.assert_allclose(layer.h, np.concatenate([fwd.h, bwd.h], axis=1), **CLOSE)


def test_position_t_sees_the_whole_sequence(bilstm_params, xs):
    """Changing the last input changes the output at t=0 (through the backward half only)."""
    layer = TimeBiLSTM(*bilstm_params)
    before = layer.forward(xs)
    changed = xs.copy()
    changed[:, -1] += 1.0
    after = layer.forward(changed)
    np.testing.assert_array_equal(after[:, 0, :H], before[:, 0, :H])
    assert not np.allclose(after[:, 0, H:], before[:, 0, H:])


def test_traces_of_both_halves_in_input_time_order(bilstm_params, xs, rng):
    layer = TimeBiLSTM(*bilstm_params)
    assert layer.record is False
    layer.record = True
    assert layer.forward_layer.record and layer.backward_layer.record
    hs = layer.forward(xs)
    dhs = rng.standard_normal((N, T, 2 * H))
    layer.backward(dhs)
    trace = layer.trace
    assert set(trace) == {"forward", "backward"}
    for half in trace.values():
        assert set(half) == {"h", "c", "f", "g", "i", "o", "dh_norm"}
        assert half["h"].shape == (N, T, H) and half["dh_norm"].shape == (N, T)
    np.testing.assert_array_equal(trace["forward"]["h"], hs[:, :, :H])
    np.testing.assert_array_equal(trace["backward"]["h"], hs[:, :, H:])
    # the backward half's gradient at input position T-1 is its first step's: only the output's
    # dh_norm in input order: at the end of each half's own pass only the output gradient flows in
    np.testing.assert_allclose(trace["forward"]["dh_norm"][:, -1], np.linalg.norm(dhs[:, -1, :H], axis=1))
    np.testing.assert_allclose(trace["backward"]["dh_norm"][:, 0], np.linalg.norm(dhs[:, 0, H:], axis=1))
    ref = TimeLSTM(*bilstm_params[3:])
    ref.record = True
    ref.forward(xs[:, ::-1])
    ref.backward(dhs[:, ::-1, H:])
    np.testing.assert_allclose(trace["backward"]["dh_norm"], ref.trace["dh_norm"][:, ::-1], **CLOSE)
    np.testing.assert_allclose(trace["backward"]["f"], ref.trace["f"][:, ::-1], **CLOSE)


def test_reset_state_and_bad_arguments(bilstm_params, xs, rng):
    layer = TimeBiLSTM(*bilstm_params)
    assert layer.h is None and layer.stateful is False
    layer.forward(xs)
    layer.reset_state()
    assert layer.forward_layer.h is None and layer.backward_layer.h is None
    with pytest.raises(ValueError, match=r"\(2, 4, 7\)"):
        layer.backward(np.zeros((2, 4, 7)))
    with pytest.raises(ValueError, match="D=3.*D=4"):
        TimeBidirectional(
            TimeLSTM(*random_params("lstm", 3, H, rng)), TimeLSTM(*random_params("lstm", 4, H, rng))
        )
    with pytest.raises(ValueError, match="float32"):
        TimeBidirectional(
            TimeRNN(*random_params("rnn", D, H, rng)), TimeRNN(*random_params("rnn", D, H, rng, np.float32))
        )
