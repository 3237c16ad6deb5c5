"""Turning a language model's scores into the next token: softmax with temperature, top-k, drawing.

All arithmetic is float64 (a float32 softmax over 10,000 words loses the small probabilities).

    p_i ∝ exp(s_i / temperature)       over the ``top_k`` largest scores (0 = all), zero elsewhere

``temperature`` <= 0 means greedy: all mass on the highest score (the first one on ties).
"""

from __future__ import annotations

import numpy as np


def softmax64(scores: np.ndarray) -> np.ndarray:
    """The plain softmax (temperature 1, every token) of a score vector (V,), in float64."""
    s = np.asarray(scores, dtype=np.float64)
    p = np.exp(s - s.max())
    p /= p.sum()
    return p


def next_token_probs(scores: np.ndarray, temperature: float = 1.0, top_k: int = 0) -> np.ndarray:
    """The distribution to sample from: (V,) float64, summing to 1 (see the module docstring)."""
    s = np.asarray(scores, dtype=np.float64).ravel()
    V = s.size
    if V == 0:
        raise ValueError("scores are empty")
    if top_k < 0:
        raise ValueError(f"top_k must be >= 0, got {top_k}")
    p = np.zeros(V)
    if temperature <= 0:
        p[int(np.argmax(s))] = 1.0
        return p
    keep = np.argpartition(s, V - top_k)[V - top_k:] if 0 < top_k < V else np.arange(V)
    z = s[keep] / temperature
    e = np.exp(z - z.max())
    p[keep] = e / e.sum()
    return p


def draw(probs: np.ndarray, rng: np.random.Generator) -> int:
    """One index drawn from ``probs`` (inverse CDF: exactly one uniform from ``rng`` per call)."""
    cdf = np.cumsum(probs)
    i = int(np.searchsorted(cdf, rng.random() * cdf[-1], side="right"))
    return min(i, probs.size - 1)


def top_tokens(probs: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The ``k`` most probable indices with their probabilities, most probable first."""
    k = min(k, probs.size)
    idx = np.argpartition(-probs, k - 1)[:k] if k < probs.size else np.arange(probs.size)
    idx = idx[np.argsort(-probs[idx], kind="stable")]
    return [(int(i), float(probs[i])) for i in idx]
