"""TimePeepholeLSTM, readable and fast: the equations in the trace, zero peepholes = the book's LSTM, bad
peepholes (what every cell passes, gradient checks among it, is in test_every_cell.py)."""

import numpy as np
import pytest

from rnn_lab.engine.layers.lstm import TimeLSTM
from rnn_lab.engine.layers.peephole_lstm import TimePeepholeLSTM
from tests.engine.layers import recurrent_checks as checks

CELL = "peephole"
N, T, D, H = 2, 4, 3, 5


def test_gates_peep_at_the_cell_state(params, xs, impl):
    """f and i see c_{t-1}, o sees c_t: with the peepholes, the trace follows the equations."""
    Wx, Wh, b, p_f, p_i, p_o = params
    layer = checks.make_layer(CELL, params, impl)
    layer.record = True
    hs = layer.forward(xs)
    tr = layer.trace
    h_prev = np.concatenate([np.zeros((N, 1, H)), hs[:, :-1]], axis=1)
    c_prev = np.concatenate([np.zeros((N, 1, H)), tr["c"][:, :-1]], axis=1)
    A = xs @ Wx + h_prev @ Wh + b
    sigmoid = lambda a: 1 / (1 + np.exp(-a))  # noqa: E731
    np.testing.assert_allclose(tr["f"], sigmoid(A[..., :H] + p_f * c_prev), rtol=1e-12)
    np.testing.assert_allclose(tr["i"], sigmoid(A[..., 2 * H:3 * H] + p_i * c_prev), rtol=1e-12)
    np.testing.assert_allclose(tr["o"], sigmoid(A[..., 3 * H:] + p_o * tr["c"]), rtol=1e-12)
    np.testing.assert_allclose(tr["c"], tr["f"] * c_prev + tr["g"] * tr["i"], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(hs, tr["o"] * np.tanh(tr["c"]), rtol=1e-12, atol=1e-15)


def test_zero_peepholes_are_the_books_lstm(params, xs, rng):
    Wx, Wh, b = params[:3]
    zeros = [np.zeros(H) for _ in range(3)]
    peep, book = TimePeepholeLSTM(Wx, Wh, b, *zeros), TimeLSTM(Wx, Wh, b)
    np.testing.assert_allclose(peep.forward(xs), book.forward(xs), rtol=1e-12)
    dhs = rng.standard_normal((N, T, H))
    np.testing.assert_allclose(peep.backward(dhs), book.backward(dhs), rtol=1e-12)
    for g_peep, g_book in zip(peep.grads, book.grads):
        np.testing.assert_allclose(g_peep, g_book, rtol=1e-12)
    assert peep.param_names == ["Wx", "Wh", "b", "p_f", "p_i", "p_o"]


def test_bad_peepholes_are_refused(params, xs, impl):
    Wx, Wh, b = params[:3]
    with pytest.raises(ValueError, match=r"p_f, p_i, p_o of shape \(5,\)"):
        TimePeepholeLSTM(Wx, Wh, b, np.zeros(H), np.zeros(H), np.zeros(H - 1))
    with pytest.raises(ValueError, match="3 vectors"):
        TimePeepholeLSTM(Wx, Wh, b)
