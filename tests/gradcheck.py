"""Numerical gradient checks for layers and models that follow the book's protocol.

``check_layer`` builds a scalar loss ``sum(forward(*inputs) * G)`` with a fixed random ``G``,
runs ``backward(G)``, and compares every entry of ``grads`` (and optionally the input gradient
returned by ``backward``) with central differences in float64. It also verifies the in-place
contract: ``backward`` must write into the very arrays listed in ``grads``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


def rel_error(a: np.ndarray, b: np.ndarray) -> float:
    """Max relative error of an array: max|a-b| / max(max|a|, max|b|).

    Normalising by the largest entry (not entry by entry) keeps near-zero entries, whose
    finite differences are pure rounding noise, from dominating; an all-zero pair gives 0.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if not a.size:
        return 0.0
    scale = max(np.abs(a).max(), np.abs(b).max())
    return float(np.abs(a - b).max() / scale) if scale > 0 else 0.0


def numerical_grad(f: Callable[[], float], x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central-difference gradient of the scalar ``f()`` with respect to ``x`` (modified in place, then restored)."""
    grad = np.zeros_like(x, dtype=np.float64)
    it = np.nditer(x, flags=["multi_index"], op_flags=[["readwrite"]])
    for _ in it:
        idx = it.multi_index
        old = x[idx].copy()
        x[idx] = old + eps
        fp = f()
        x[idx] = old - eps
        fm = f()
        x[idx] = old
        grad[idx] = (fp - fm) / (2 * eps)
    return grad


def check_layer(
    layer,
    inputs: Sequence[np.ndarray],
    rng: np.random.Generator,
    *,
    check_inputs: Sequence[int] = (0,),
    tol: float = 1e-6,
    prepare: Callable[[], None] | None = None,
) -> dict[str, float]:
    """Gradient-check ``layer`` on ``inputs``; returns the relative error per parameter/input.

    ``prepare`` is called before every forward pass (e.g. to reset state of a stateful layer).
    ``check_inputs`` lists the positions of float inputs whose gradient ``backward`` returns
    (for layers returning a tuple, the first element is the gradient of ``inputs[0]``).
    Raises AssertionError naming the worst offender when any error exceeds ``tol``.
    """
    prepare = prepare or (lambda: None)
    prepare()
    out = layer.forward(*inputs)
    out_arr = out[0] if isinstance(out, tuple) else out
    G = rng.standard_normal(out_arr.shape)

    def loss() -> float:
        prepare()
        o = layer.forward(*inputs)
        o = o[0] if isinstance(o, tuple) else o
        return float(np.sum(o * G))

    prepare()
    layer.forward(*inputs)
    grad_ids = [id(g) for g in layer.grads]
    dx = layer.backward(G.copy())
    assert [id(g) for g in layer.grads] == grad_ids, "backward replaced grads arrays instead of writing in place"
    analytic = [g.copy() for g in layer.grads]
    dxs = dx if isinstance(dx, tuple) else (dx,)

    errors: dict[str, float] = {}
    for i, (p, g) in enumerate(zip(layer.params, analytic)):
        errors[f"param{i}"] = rel_error(g, numerical_grad(loss, p))
    for k, pos in enumerate(check_inputs):
        errors[f"input{pos}"] = rel_error(dxs[k], numerical_grad(loss, inputs[pos]))
    worst = max(errors, key=errors.get) if errors else None
    if worst is not None:
        assert errors[worst] < tol, f"gradient check failed: {worst} rel error {errors[worst]:.3g} (all: {errors})"
    return errors


class ScalarOutput:
    """Adapter for check_layer: a loss layer's float output as a 0-d array, and backward(dout) as a float."""

    def __init__(self, layer):
        self.layer, self.params, self.grads = layer, layer.params, layer.grads

    def forward(self, *inputs):
        return np.asarray(self.layer.forward(*inputs))

    def backward(self, dout):
        return self.layer.backward(float(dout))
