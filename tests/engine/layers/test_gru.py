"""TimeGRU, readable and fast: the equations in the trace, no cell state (what every cell passes, gradient
checks among it, is in test_every_cell.py)."""

import numpy as np
import pytest

from tests.engine.layers import recurrent_checks as checks

CELL = "gru"
N, T, D, H = 2, 4, 3, 5


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


def test_a_cell_state_is_refused(params, xs, impl):
    with pytest.raises(ValueError, match="no cell state"):
        checks.make_layer(CELL, params, impl).set_state(np.zeros((N, H)), np.zeros((N, H)))
