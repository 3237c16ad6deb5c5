"""Binary addition as a sequence problem: bits of a and b in, bits of a + b out, least significant first.

With a, b < 2**(bits-1) the sum fits in ``bits`` bits, so every pair is one fixed-length sequence:

    timestep t:  input (a_t, b_t)  ->  target s_t          (the carry must be remembered in h)

The whole problem space for 8 bits is the 128 x 128 pairs, small enough to evaluate in one forward.
"""

from __future__ import annotations

import numpy as np

BITS = 8
OPERAND_LIMIT = 2 ** (BITS - 1)  # a, b in [0, 128): the sum stays below 256


def to_bits(values, bits: int = BITS) -> np.ndarray:
    """Integers (N,) -> bits (N, bits) as uint8, least significant bit first."""
    values = np.asarray(values, dtype=np.int64)
    return ((values[:, None] >> np.arange(bits)) & 1).astype(np.uint8)


def from_bits(bits: np.ndarray) -> np.ndarray:
    """Bits (N, T), least significant first (any 0/1 dtype) -> integers (N,) as int64."""
    bits = np.asarray(bits).astype(np.int64)
    return bits @ (1 << np.arange(bits.shape[1], dtype=np.int64))


def all_pairs() -> tuple[np.ndarray, np.ndarray]:
    """Every (a, b) with a, b in [0, 128): two int64 arrays of 16,384 entries, a major, b minor."""
    grid = np.arange(OPERAND_LIMIT, dtype=np.int64)
    return np.repeat(grid, OPERAND_LIMIT), np.tile(grid, OPERAND_LIMIT)


def random_pairs(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` pairs drawn uniformly (with replacement) from ``rng``: two int64 arrays (n,)."""
    ab = rng.integers(0, OPERAND_LIMIT, size=(2, n))
    return ab[0], ab[1]


def encode(a: np.ndarray, b: np.ndarray, dtype=np.float32) -> tuple[np.ndarray, np.ndarray]:
    """Pairs -> (xs (N, 8, 2) float input bits, ts (N, 8, 1) uint8 target bits of a + b)."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError(f"a and b must be 1-D arrays of the same length, got {a.shape} and {b.shape}")
    if a.size and (min(a.min(), b.min()) < 0 or max(a.max(), b.max()) >= OPERAND_LIMIT):
        raise ValueError(f"operands must be in [0, {OPERAND_LIMIT})")
    xs = np.stack([to_bits(a), to_bits(b)], axis=2).astype(dtype)
    ts = to_bits(a + b)[:, :, None]
    return xs, ts
