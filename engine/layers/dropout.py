"""TimeDropout: inverted dropout, the book's ``TimeDropout``.

At train time each element is kept with probability 1 - ratio and the kept ones are scaled by
1 / (1 - ratio), so the expected output equals the input and evaluation needs no rescaling:

    forward:  ys = xs * mask,   mask = [u >= ratio] / (1 - ratio),  u ~ Uniform[0, 1)
    backward: dxs = dys * mask

In eval mode (``train = False``) or with ``ratio = 0`` the layer is the identity both ways.

Repeatable masks (gradient checks, exact resume): the mask is drawn from ``self.rng``, so giving
the layer a freshly seeded Generator before a forward (``layer.rng = np.random.default_rng(s)``)
reproduces the same mask. The last mask is available as ``layer.mask`` (None when the layer
passed its input through).
"""

from __future__ import annotations

import numpy as np


class TimeDropout:
    """Inverted dropout over any array shape (typically (N, T, D)).

    ratio: probability of dropping an element, in [0, 1); may be changed between calls (live slider).
    rng: the Generator that draws masks. None creates ``np.random.default_rng(0)``, a fixed seed,
         so runs stay reproducible; models pass their own Generator to share one stream.
    train: True (default) applies dropout; False passes the input through unchanged.
    """

    def __init__(self, ratio: float = 0.5, rng: np.random.Generator | None = None):
        self.ratio = ratio
        self.rng = rng if rng is not None else np.random.default_rng(0)
        self.train = True
        self.params: list[np.ndarray] = []
        self.grads: list[np.ndarray] = []
        self.mask: np.ndarray | None = None
        self._called = False

    @property
    def ratio(self) -> float:
        return self._ratio

    @ratio.setter
    def ratio(self, value: float) -> None:
        value = float(value)
        if not 0.0 <= value < 1.0:
            raise ValueError(f"dropout ratio must be in [0, 1), got {value}")
        self._ratio = value

    def forward(self, xs: np.ndarray) -> np.ndarray:
        self._called = True
        if not self.train or self._ratio == 0.0:
            self.mask = None
            return xs
        dtype = np.float32 if xs.dtype == np.float32 else np.float64  # what Generator.random can draw
        mask = self.rng.random(xs.shape, dtype=dtype)
        # Reuse the uniform draws as the mask: keep flag (1.0 / 0.0), then the inverted scale.
        np.greater_equal(mask, self._ratio, out=mask)
        mask *= 1.0 / (1.0 - self._ratio)
        self.mask = mask
        return xs * mask

    def backward(self, dys: np.ndarray) -> np.ndarray:
        if not self._called:
            raise RuntimeError("TimeDropout.backward called before forward")
        if self.mask is None:
            return dys
        if dys.shape != self.mask.shape:
            raise ValueError(f"dys must have shape {self.mask.shape}, got {dys.shape}")
        return dys * self.mask
