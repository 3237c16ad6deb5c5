"""Numerically stable elementwise functions shared by layers and losses.

All functions keep the dtype of their input (float32 by default, float64 for gradient checks)
and never overflow: ``exp`` is only ever applied to non-positive numbers.
"""

from __future__ import annotations

import numpy as np


def sigmoid(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """1 / (1 + exp(-x)) without overflow, computed as (1 + tanh(x/2)) / 2.

    tanh never overflows, and this form is as accurate as the two-branch version.
    ``out`` may be ``x`` itself (in place).
    """
    out = np.multiply(x, 0.5, out=out)
    np.tanh(out, out=out)
    out += 1
    out *= 0.5
    return out


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """Softmax along ``axis`` (max-subtracted, so never overflows)."""
    z = x - x.max(axis=axis, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=axis, keepdims=True)
    return z


def log_softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """log(softmax(x)) along ``axis``, stable for any finite input."""
    z = x - x.max(axis=axis, keepdims=True)
    z -= np.log(np.exp(z).sum(axis=axis, keepdims=True))
    return z


def softplus(x: np.ndarray) -> np.ndarray:
    """log(1 + exp(x)) without overflow: max(x, 0) + log1p(exp(-|x|))."""
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


def cross_entropy(probs: np.ndarray, targets: np.ndarray, eps: float = 1e-12) -> float:
    """Mean negative log-likelihood of integer ``targets`` (shape ``(M,)``) under ``probs`` ``(M, V)``."""
    m = targets.shape[0]
    return float(-np.log(probs[np.arange(m), targets] + eps).mean())
