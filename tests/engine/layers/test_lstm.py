"""TimeLSTM, readable and fast: the book's equations in the trace, the cell state, shared parameters (what
every cell passes, gradient checks among it, is in test_every_cell.py)."""

from pathlib import Path

import numpy as np

from rnn_lab.engine.layers import lstm
from tests.engine.layers import recurrent_checks as checks

CELL = "lstm"
N, T, D, H = 2, 4, 3, 5


def test_the_learners_file_shows_the_forward_equations_first():
    """What a learner opens: the book's forward equations as code, in the first 80 lines."""
    head = "\n".join(Path(lstm.__file__).read_text(encoding="utf-8").splitlines()[:80])
    for line in ("f = sigmoid(", "g = np.tanh(", "i = sigmoid(", "o = sigmoid(",
                 "c_next = f * c_prev + g * i", "h_next = o * np.tanh(c_next)"):
        assert line in head, line


def test_set_state_without_cell_starts_from_zero_cell(params, xs, rng, impl):
    h0 = rng.standard_normal((N, H))
    layer = checks.make_layer(CELL, params, impl)
    layer.set_state(h0)
    np.testing.assert_array_equal(layer.c, np.zeros((N, H)))
    with_zero_c = checks.make_layer(CELL, params, impl)
    with_zero_c.set_state(h0, np.zeros((N, H)))
    np.testing.assert_array_equal(layer.forward(xs), with_zero_c.forward(xs))


def test_trace_values_satisfy_the_books_equations(params, xs, rng, impl):
    """c_t = f * c_{t-1} + g * i and h_t = o * tanh(c_t), gates in their ranges."""
    layer = checks.make_layer(CELL, params, impl)
    layer.record = True
    layer.forward(xs)
    tr = layer.trace
    c_prev = np.concatenate([np.zeros((N, 1, H)), tr["c"][:, :-1]], axis=1)
    np.testing.assert_allclose(tr["c"], tr["f"] * c_prev + tr["g"] * tr["i"], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(tr["h"], tr["o"] * np.tanh(tr["c"]), rtol=1e-12, atol=1e-15)
    for gate in "fio":
        assert 0 < tr[gate].min() and tr[gate].max() < 1
    assert -1 < tr["g"].min() and tr["g"].max() < 1


def test_params_are_shared_not_copied(params, xs, impl):
    """An optimizer updates params in place; the layer must see it."""
    layer = checks.make_layer(CELL, params, impl)
    assert all(p is q for p, q in zip(layer.params, params))
    before = layer.forward(xs)
    layer.params[2] += 1.0
    assert not np.allclose(layer.forward(xs), before)
