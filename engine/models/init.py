"""Weight initialisation: the book's Xavier (std 1/sqrt(fan_in)), He (sqrt(2/fan_in)) or a plain normal."""

from __future__ import annotations

import numpy as np

INITS = ("xavier", "he", "normal")


def init_weight(rng: np.random.Generator, shape: tuple[int, ...], init: str = "xavier", std: float = 0.01,
                dtype=np.float32) -> np.ndarray:
    """A weight matrix of ``shape`` whose fan-in is ``shape[0]``, drawn from ``rng``.

    xavier: N(0, 1/fan_in) as in the book; he: N(0, 2/fan_in); normal: N(0, std^2).
    """
    fan_in = shape[0]
    if init == "xavier":
        scale = 1.0 / np.sqrt(fan_in)
    elif init == "he":
        scale = np.sqrt(2.0 / fan_in)
    elif init == "normal":
        scale = std
    else:
        raise ValueError(f"init must be one of {', '.join(INITS)}, got {init!r}")
    return (rng.standard_normal(shape) * scale).astype(dtype)
