"""What units learn: gate saturation, units that fire on a pattern, the spectral radius of Wh.

Pure NumPy over the arrays a task's ``trace()`` returns (per layer "h", gates, each (T, H)), so
the window's views never do arithmetic themselves:

- ``gate_saturation`` / ``saturation_from_trace``: for each unit, the fraction of timesteps its
  sigmoid gate is left-saturated (< 0.1, "closed") or right-saturated (> 0.9, "open"), the scatter
  of Karpathy, Johnson and Fei-Fei, "Visualizing and Understanding Recurrent Networks" (2015).
  A unit near the right edge is a gate that is almost always open (a forget gate that remembers),
  near the left edge almost always closed; units along the diagonal switch.
- ``find_units`` / ``matching_spans``: select a span of text, get the units that are on inside it
  and off around it, then every other place where those units are on together.
- ``spectral_radius`` / ``recurrent_weights``: max |eigenvalue| of the recurrent matrix Wh (per gate
  block), the number that says whether h_{t-1} -> h_t can grow or must shrink signals (and gradients).

Which gates a cell has, and of which kind, comes from the cell registry (``layers/cells.py``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from .layers.cells import CELLS, cell_class, sigmoid_gates

SATURATION_LOW, SATURATION_HIGH = 0.1, 0.9
MIN_MARGIN = 5  # steps either side of a selected span that count as "around" it, at the least


# ---------------------------------------------------------------------------- gate saturation
def gate_saturation(gate: np.ndarray, low: float = SATURATION_LOW, high: float = SATURATION_HIGH
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Per unit, the fraction of timesteps a sigmoid gate is below ``low`` and above ``high``.

    ``gate``: (T, H) for one sequence or (N, T, H) for a batch (all N*T steps count alike).
    Returns ``(left_frac, right_frac)``, each (H,) float64 in [0, 1]. Non-finite entries are left
    out of both the counts and the denominators; a unit with no finite entry gets NaN.
    """
    g = np.asarray(gate)
    if g.ndim not in (2, 3) or g.shape[-1] == 0 or g.size == 0:
        raise ValueError(f"gate must be (T, H) or (N, T, H) with T, H > 0, got shape {g.shape}")
    if not low < high:
        raise ValueError(f"low ({low}) must be below high ({high})")
    g = g.reshape(-1, g.shape[-1])
    finite = np.isfinite(g)
    n = finite.sum(axis=0).astype(np.float64)
    left = np.count_nonzero((g < low) & finite, axis=0).astype(np.float64)
    right = np.count_nonzero((g > high) & finite, axis=0).astype(np.float64)
    ok = n > 0
    left = np.divide(left, n, out=np.full_like(left, np.nan), where=ok)
    right = np.divide(right, n, out=np.full_like(right, np.nan), where=ok)
    return left, right


def saturation_from_trace(trace: Mapping[str, Any] | Sequence[Mapping[str, Any]], low: float = SATURATION_LOW,
                          high: float = SATURATION_HIGH) -> dict[str, dict[str, tuple[np.ndarray, np.ndarray]]]:
    """Saturation of every sigmoid gate of every gated layer of a ``Task.trace()`` result.

    ``trace`` is one trace dict ({"layers": [{"name", "cell", "f", "i", "o", ...}]}) or a list of
    them (several examples of the same model: their timesteps are pooled, as Karpathy et al. pool
    the whole validation set). Returns ``{layer_name: {gate: (left_frac (H,), right_frac (H,))}}``
    with the sigmoid gates of each layer's cell (its "cell" entry: f, i, o for an LSTM, z, r for a GRU);
    layers whose cell has none (the plain RNN) are left out.
    """
    traces = [trace] if isinstance(trace, Mapping) else list(trace)
    if not traces:
        raise ValueError("no trace given")
    pooled: dict[str, dict[str, list[np.ndarray]]] = {}
    for tr in traces:
        if "layers" not in tr:
            raise ValueError("a trace must have a 'layers' list (see Task.trace)")
        for index, layer in enumerate(tr["layers"]):
            cell = layer.get("cell")
            gates = sigmoid_gates(cell) if cell in CELLS else ()
            name = str(layer.get("name", f"layer{index}"))
            for gate in gates:
                if gate in layer:
                    arr = np.asarray(layer[gate])
                    pooled.setdefault(name, {}).setdefault(gate, []).append(arr.reshape(-1, arr.shape[-1]))
    out: dict[str, dict[str, tuple[np.ndarray, np.ndarray]]] = {}
    for name, gates in pooled.items():
        out[name] = {}
        for gate, parts in gates.items():
            widths = {p.shape[-1] for p in parts}
            if len(widths) != 1:
                raise ValueError(f"layer {name!r} gate {gate!r} has different widths across traces: {sorted(widths)}")
            out[name][gate] = gate_saturation(np.concatenate(parts, axis=0), low, high)
    return out


# ---------------------------------------------------------------------------- units by pattern
def _oriented(values: np.ndarray, polarity: str) -> np.ndarray:
    v = np.asarray(values)
    if v.ndim != 2 or v.shape[0] == 0 or v.shape[1] == 0:
        raise ValueError(f"values must be (T, H) with T, H > 0, got shape {v.shape}")
    if polarity == "positive":
        return v
    if polarity == "negative":
        return -v
    raise ValueError(f"polarity must be 'positive' or 'negative', got {polarity!r}")


def find_units(values: np.ndarray, span: tuple[int, int], threshold: float, margin: int | None = None,
               min_on: float = 0.9, max_off: float = 0.1, polarity: str = "positive") -> list[tuple[int, float]]:
    """Units that are on inside ``span`` and off around it, best first.

    ``values``: (T, H) activations of one layer over one text (e.g. a trace's "h", tanh in [-1, 1],
    or a gate in [0, 1]). A unit is **on** at step t when ``values[t, unit] > threshold``, signed:
    for tanh h a threshold of 0.5 means "clearly positive"; to find units that go strongly negative
    inside the span, use ``polarity="negative"``, which flips the sign of ``values`` first (then
    "on" means ``-value > threshold``).

    ``span`` = (start, stop), the selected steps ``start <= t < stop``. "Around" is the ``margin``
    steps before and after the span, clipped to the text; None = as many steps as the span is long,
    at least ``MIN_MARGIN`` (a neighbourhood, so that other places where the unit fires, which
    ``matching_spans`` is there to find, do not count against it); ``margin >= T`` = all the rest.
    A unit qualifies when it is on in at least ``min_on`` of the span's steps and in at most
    ``max_off`` of the surrounding steps (defaults 0.9 and 0.1: a little tolerance for real units).

    Score = mean value inside minus mean value around (after the polarity flip): how sharply the
    unit marks the span. Returns ``[(unit, score), ...]`` sorted by score, highest first (ties:
    lower unit first); empty when no unit qualifies.
    """
    v = _oriented(values, polarity)
    T = v.shape[0]
    start, stop = (int(s) for s in span)
    if not 0 <= start < stop <= T:
        raise ValueError(f"span {tuple(span)} must satisfy 0 <= start < stop <= T = {T}")
    if margin is None:
        margin = max(stop - start, MIN_MARGIN)
    if margin < 1:
        raise ValueError(f"margin must be >= 1 or None, got {margin}")
    if not (0.0 <= min_on <= 1.0 and 0.0 <= max_off <= 1.0):
        raise ValueError(f"min_on and max_off must be fractions in [0, 1], got {min_on}, {max_off}")
    lo, hi = max(0, start - margin), min(T, stop + margin)
    around = np.concatenate([v[lo:start], v[stop:hi]], axis=0)
    if around.shape[0] == 0:
        raise ValueError(f"span {tuple(span)} leaves no steps around it to compare with (T = {T})")
    inside = v[start:stop]
    on_inside = (inside > threshold).mean(axis=0)
    on_around = (around > threshold).mean(axis=0)
    score = inside.mean(axis=0, dtype=np.float64) - around.mean(axis=0, dtype=np.float64)
    units = np.flatnonzero((on_inside >= min_on) & (on_around <= max_off) & np.isfinite(score))
    order = units[np.lexsort((units, -score[units]))]
    return [(int(u), float(score[u])) for u in order]


def matching_spans(values: np.ndarray, units: Iterable[int], threshold: float, min_len: int = 1,
                   polarity: str = "positive") -> list[tuple[int, int]]:
    """Maximal runs of steps where every one of ``units`` is on (``value > threshold``) at once.

    ``values``: (T, H) as in ``find_units`` (same ``polarity`` rule). Returns ``[(start, stop), ...]``
    (half-open, in text order) of the runs at least ``min_len`` steps long. The span the units were
    found from is among them when they are on there.
    """
    v = _oriented(values, polarity)
    idx = np.asarray(list(units), dtype=np.int64)
    if idx.size == 0:
        raise ValueError("matching_spans needs at least one unit")
    if idx.min() < 0 or idx.max() >= v.shape[1]:
        raise ValueError(f"units {idx.tolist()} out of range for {v.shape[1]} units (values shape {v.shape})")
    if min_len < 1:
        raise ValueError(f"min_len must be >= 1, got {min_len}")
    on = (v[:, idx] > threshold).all(axis=1)
    edges = np.diff(np.concatenate(([0], on.astype(np.int8), [0])))
    starts, stops = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    keep = stops - starts >= min_len
    return [(int(a), int(b)) for a, b in zip(starts[keep], stops[keep])]


# ---------------------------------------------------------------------------- recurrent weights
def spectral_radius(Wh: np.ndarray, blocks: Sequence[str] = ("h",)) -> float | dict[str, float]:
    """Largest |eigenvalue| of each (H, H) block of the recurrent matrix, in float64 (cost O(H^3)).

    - ``Wh`` (H, H) (plain RNN, ``blocks`` ("h",)): a float. Below 1, a linear recurrence shrinks
      every signal (and gradient) it carries back; above 1 some direction can grow.
    - ``Wh`` (H, kH) with k ``blocks`` (the cell's gates: [f, g, i, o] for an LSTM, [z, r, h_tilde]
      for a GRU): a dict gate -> radius of its block, i.e. how strongly h_{t-1} drives that gate's
      pre-activation. (The GRU's h_tilde block acts on r * h_{t-1}.)

    A matrix with NaN/Inf entries gives NaN (a gap in the plot over training), not an error.
    """
    W = np.asarray(Wh)
    k = len(blocks)
    if W.ndim != 2 or W.shape[0] == 0 or W.shape[1] != k * W.shape[0]:
        raise ValueError(f"Wh must be (H, {k}H) for the blocks {', '.join(blocks)}, got shape {W.shape}")
    H = W.shape[0]
    radii = {gate: _radius(W[:, j * H:(j + 1) * H]) for j, gate in enumerate(blocks)}
    return radii[blocks[0]] if k == 1 else radii


def _radius(block: np.ndarray) -> float:
    if not np.isfinite(block).all():
        return math.nan
    return float(np.abs(np.linalg.eigvals(block.astype(np.float64))).max())


def recurrent_radii(model) -> dict[str, float | dict[str, float]]:
    """``{layer: radius}`` (a float, or {block: float} for a gated cell) of every "<layer>.Wh" of
    ``model``: what ``recurrent_weights`` says of each matrix, without copying the matrices."""
    recurrent = [(name[:-len(".Wh")], p) for name, p in zip(model.names, model.params) if name.endswith(".Wh")]
    if not recurrent:
        return {}
    blocks = cell_class(model.cell).blocks()
    return {name: spectral_radius(p, blocks) for name, p in recurrent}


def recurrent_weights(model) -> dict[str, dict[str, Any]]:
    """``{layer: {"Wh": float32 copy (H, kH), "blocks": the cell's k block names, "radius": float or
    {block: float}}}`` for every parameter of ``model`` named "<layer>.Wh" (``model.cell`` says which
    cell). Call it where the model is not being trained at the same moment (the run's own thread)."""
    recurrent = [(name[:-len(".Wh")], p) for name, p in zip(model.names, model.params) if name.endswith(".Wh")]
    if not recurrent:
        return {}
    blocks = cell_class(model.cell).blocks()
    return {name: {"Wh": np.array(p, dtype=np.float32), "blocks": list(blocks), "radius": spectral_radius(p, blocks)}
            for name, p in recurrent}
