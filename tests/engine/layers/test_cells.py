"""The cell registry: what each cell declares, and the layers and names derived from it."""

import numpy as np
import pytest

from rnn_lab.engine.layers import cells
from rnn_lab.engine.layers.recurrent import Cell
from tests.engine.layers import recurrent_checks as checks


@pytest.mark.parametrize("name", cells.CELLS)
def test_every_cell_declares_itself(name):
    info = cells.cell_class(name)
    assert issubclass(info, Cell) and info.name == name
    assert info.title and info.about
    assert all(g.kind in ("sigmoid", "tanh") and g.title for g in info.gates)
    assert len(set(info.blocks())) == len(info.blocks())
    assert info.trace_keys()[0] == "h" and ("c" in info.trace_keys()) == info.has_cell


@pytest.mark.parametrize("impl", cells.IMPLS)
@pytest.mark.parametrize("name", cells.CELLS)
def test_make_time_layer_draws_wx_then_wh_and_zeros_the_rest(name, impl):
    info = cells.cell_class(name)
    drawn = []

    def weight(shape):
        drawn.append(shape)
        return np.full(shape, len(drawn), dtype=np.float32)

    layer = cells.make_time_layer(name, 3, 5, weight, impl=impl, stateful=True, activation="relu")
    G = len(info.blocks())
    assert drawn == [(3, G * 5), (5, G * 5)]
    assert layer.stateful and layer.dtype == np.float32
    assert [p.shape for p in layer.params] == [(3, G * 5), (5, G * 5), (G * 5,)] + [(5,)] * len(info.extra_params)
    assert not any(p.any() for p in layer.params[2:])
    assert layer.param_names == ["Wx", "Wh", "b", *info.extra_params]
    if "activation" in info.options:
        assert layer.activation == "relu"


def test_the_fast_implementation_of_a_cell_without_one_is_the_readable_one(monkeypatch):
    assert cells.time_layer_class("lstm", "fast") is cells.FAST["lstm"]
    assert cells.time_layer_class("lstm", "readable") is cells.READABLE["lstm"]
    monkeypatch.delitem(cells.FAST, "peephole")  # a cell registered with its readable code only
    assert cells.time_layer_class("peephole", "fast") is cells.READABLE["peephole"]


def test_unknown_names_are_value_errors_naming_the_known_ones():
    with pytest.raises(ValueError, match="rnn, lstm, gru, peephole"):
        cells.cell_class("transformer")
    with pytest.raises(ValueError, match="readable, fast"):
        cells.time_layer_class("lstm", "turbo")


def test_sigmoid_gates():
    assert cells.sigmoid_gates("lstm") == ("f", "i", "o")
    assert cells.sigmoid_gates("peephole") == ("f", "i", "o")
    assert cells.sigmoid_gates("gru") == ("z", "r")
    assert cells.sigmoid_gates("rnn") == ()


@pytest.mark.parametrize("name", cells.CELLS)
def test_the_trace_has_the_declared_keys(name, rng):
    layer = checks.make_layer(name, checks.random_params(name, 2, 3, rng))
    layer.record = True
    layer.forward(rng.standard_normal((1, 2, 2)))
    assert tuple(layer.trace) == cells.cell_class(name).trace_keys()
