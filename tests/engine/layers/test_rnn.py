"""TimeRNN (tanh, sigmoid, relu), readable and fast: the activations (what every cell passes, gradient
checks among it, is in test_every_cell.py)."""

import numpy as np
import pytest

from tests.engine.layers import recurrent_checks as checks

CELL = "rnn"
N, T, D, H = 2, 4, 3, 5


@pytest.fixture
def params(rng):
    Wx, Wh, b = checks.random_params(CELL, D, H, rng)
    return [Wx, Wh, b + 0.5]  # a positive bias keeps most relu units alive, so every gradient is tested


def test_an_unknown_activation_is_refused(params, xs, impl):
    with pytest.raises(ValueError, match="softplus"):
        checks.make_layer(CELL, params, impl, activation="softplus")


def test_activation_is_applied(params, xs, impl):
    """tanh is the book's; relu outputs are >= 0 with exact zeros, sigmoid outputs lie in (0, 1)."""
    Wx, Wh, b = params
    h1 = checks.make_layer(CELL, params, impl).forward(xs[:, :1])[:, 0]
    np.testing.assert_allclose(h1, np.tanh(xs[:, 0] @ Wx + b), rtol=1e-12)  # h_0 = 0
    relu = checks.make_layer(CELL, params, impl, activation="relu").forward(xs)
    assert relu.min() == 0 and relu.max() > 0
    sig = checks.make_layer(CELL, params, impl, activation="sigmoid").forward(xs)
    assert 0 < sig.min() and sig.max() < 1
