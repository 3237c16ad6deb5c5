"""Gradient clipping by global norm (the book's ``clip_grads``).

    norm = sqrt(sum over all grads of sum(g**2))
    rate = max_norm / (norm + 1e-6);  if rate < 1: every g *= rate

The condition is the book's ``rate < 1`` (i.e. norm + 1e-6 > max_norm), so the numbers match the
book's trainer exactly. An array listed more than once (a tied weight) is counted and scaled once.
"""

from __future__ import annotations

import math

import numpy as np


def _unique(grads: list[np.ndarray]) -> list[np.ndarray]:
    seen: set[int] = set()
    out = []
    for g in grads:
        if id(g) not in seen:
            seen.add(id(g))
            out.append(g)
    return out


def global_norm(grads: list[np.ndarray]) -> float:
    """L2 norm of all gradients taken together, as a Python float (per-array dot products, summed in float64)."""
    total = 0.0
    for g in _unique(grads):
        flat = g.reshape(-1)  # a view for contiguous arrays, so no temporary of the gradient's size
        with np.errstate(over="ignore"):
            sq = float(np.dot(flat, flat))
        if math.isinf(sq):  # float32 squares overflow above ~1.8e19: redo this one in float64
            flat64 = flat.astype(np.float64)
            sq = float(np.dot(flat64, flat64))
        total += sq
    return math.sqrt(total)


def clip_grads(grads: list[np.ndarray], max_norm: float | None) -> float:
    """Scale all ``grads`` in place so their global norm is at most ``max_norm``; return the norm BEFORE clipping.

    ``max_norm`` None or <= 0 disables clipping (the norm is still returned, for the loss panel).
    A non-finite norm is returned as is and the gradients are left untouched.
    """
    norm = global_norm(grads)
    if max_norm is None or max_norm <= 0 or not math.isfinite(norm):
        return norm
    rate = max_norm / (norm + 1e-6)
    if rate < 1:
        for g in _unique(grads):
            g *= rate
    return norm
