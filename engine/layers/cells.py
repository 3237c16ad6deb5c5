"""Every recurrent cell, registered once; everything else derives from here.

A cell is a ``Cell`` class (``recurrent.py``) with its Time layer; its class declares its name,
title, gates and their kinds. The models build their layers through ``make_time_layer``, the memory
estimate counts its blocks, the analysis finds its sigmoid gates and Wh blocks, and the command line
and the window list ``CELLS``. Adding a cell: write its file (the cell and its Time layer), its tests,
and add its Time layer to ``READABLE`` below (and a fused version, if it needs one, to ``FAST``).

Each cell has a readable Time layer (the book's equations, one cell object per timestep) and may have
a fast one (``fast/``: fused buffers, the same numbers, held equal by tests). ``impl`` chooses:
"readable" or "fast" (a cell without a fast version runs its readable one either way).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .fast.gru import FastTimeGRU
from .fast.lstm import FastTimeLSTM, FastTimePeepholeLSTM
from .fast.rnn import FastTimeRNN
from .gru import TimeGRU
from .lstm import TimeLSTM
from .peephole_lstm import TimePeepholeLSTM
from .recurrent import Cell, Recurrent
from .rnn import TimeRNN

READABLE: dict[str, type[Recurrent]] = {
    layer.cell.name: layer for layer in (TimeRNN, TimeLSTM, TimeGRU, TimePeepholeLSTM)}
FAST: dict[str, type[Recurrent]] = {
    layer.cell.name: layer for layer in (FastTimeRNN, FastTimeLSTM, FastTimeGRU, FastTimePeepholeLSTM)}
CELLS: tuple[str, ...] = tuple(READABLE)  # "rnn", "lstm", "gru", "peephole"
IMPLS = ("readable", "fast")


def cell_class(name: str) -> type[Cell]:
    """The cell called ``name`` (ValueError naming the known ones otherwise)."""
    if name not in READABLE:
        raise ValueError(f"cell must be one of {', '.join(CELLS)}, got {name!r}")
    return READABLE[name].cell


def time_layer_class(name: str, impl: str = "fast") -> type[Recurrent]:
    """The Time layer of cell ``name`` in implementation ``impl`` ("readable" or "fast")."""
    cell_class(name)
    if impl not in IMPLS:
        raise ValueError(f"impl must be one of {', '.join(IMPLS)}, got {impl!r}")
    return FAST.get(name, READABLE[name]) if impl == "fast" else READABLE[name]


def make_time_layer(name: str, D: int, H: int, weight: Callable[[tuple[int, int]], np.ndarray], *,
                    impl: str = "fast", stateful: bool = False, dtype=np.float32, **options) -> Recurrent:
    """A Time layer of cell ``name`` from D inputs to H units: Wx (D, G*H) and then Wh (H, G*H) drawn
    by ``weight(shape)`` (in that order, the book's), b and any extra parameters zero. ``options``
    the cell does not take (e.g. ``activation`` for an LSTM) are ignored."""
    layer = time_layer_class(name, impl)
    G = len(layer.cell.blocks())
    Wx = weight((D, G * H))
    Wh = weight((H, G * H))
    extra = [np.zeros(H, dtype=dtype) for _ in layer.cell.extra_params]
    kwargs = {k: v for k, v in options.items() if k in layer.cell.options}
    return layer(Wx, Wh, np.zeros(G * H, dtype=dtype), *extra, stateful=stateful, **kwargs)


def sigmoid_gates(name: str) -> tuple[str, ...]:
    """The gates of cell ``name`` that are sigmoids (they can saturate at 0 and 1)."""
    return tuple(g.name for g in cell_class(name).gates if g.kind == "sigmoid")
