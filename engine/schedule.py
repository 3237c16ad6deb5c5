"""Learning-rate schedules.

Two kinds, told apart by the class attribute ``driven_by``:

* ``"validation"`` — ``BookDecay``: the book's rule from ``train_better_rnnlm.py``. After each
  evaluation, if the validation perplexity is not better than the best so far, divide lr by
  ``factor`` (4 in the book). Call ``new_lr = sched.step(val_ppl, lr)``; ``sched.improved`` then
  says whether this evaluation set a new best (the book saves the parameters when it does).
* ``"step"`` — ``Constant``, ``StepDecay``, ``ExponentialDecay``, ``CosineDecay``: a pure function of
  the step count, ``lr = sched.lr_at(step, base_lr)``, where ``step`` is whatever the caller counts
  (iterations or epochs) starting at 0.

``state_dict()`` returns 0-d arrays (fit for ``np.savez`` with ``allow_pickle=False``) and
``load_state_dict`` restores them, for exact resume.
"""

from __future__ import annotations

import math

import numpy as np


class _Schedule:
    """state_dict / load_state_dict over the attribute names in ``fields`` (all floats)."""

    fields: tuple[str, ...] = ()
    driven_by = "step"

    def state_dict(self) -> dict[str, np.ndarray]:
        return {name: np.array(float(getattr(self, name))) for name in self.fields}

    def load_state_dict(self, d: dict[str, np.ndarray]) -> None:
        if set(d) != set(self.fields):
            raise ValueError(f"{type(self).__name__} state needs keys {sorted(self.fields)}, got {sorted(d)}")
        for name in self.fields:
            setattr(self, name, float(d[name]))


class BookDecay(_Schedule):
    """lr /= factor whenever the validation metric (lower is better) fails to beat the best so far."""

    fields = ("factor", "best")
    driven_by = "validation"

    def __init__(self, factor: float = 4.0):
        if not factor > 0:
            raise ValueError(f"decay factor must be > 0, got {factor}")
        self.factor = factor
        self.best = math.inf
        self.improved = False

    def step(self, val_metric: float, lr: float) -> float:
        """Record one evaluation and return the learning rate to use from now on."""
        self.improved = val_metric < self.best  # a tie counts as worse, as in the book (best_ppl > ppl)
        if self.improved:
            self.best = float(val_metric)
            return lr
        return lr / self.factor


class Constant(_Schedule):
    """No schedule: lr_at(step, base_lr) = base_lr."""

    def lr_at(self, step: int, base_lr: float) -> float:
        return base_lr


class StepDecay(_Schedule):
    """Multiply lr by ``gamma`` every ``every`` steps: base_lr * gamma ** (step // every)."""

    fields = ("every", "gamma")

    def __init__(self, every: int, gamma: float = 0.5):
        if every < 1:
            raise ValueError(f"every must be >= 1, got {every}")
        self.every = every
        self.gamma = gamma

    def lr_at(self, step: int, base_lr: float) -> float:
        return base_lr * self.gamma ** (step // int(self.every))


class ExponentialDecay(_Schedule):
    """Multiply lr by ``gamma`` every step: base_lr * gamma ** step."""

    fields = ("gamma",)

    def __init__(self, gamma: float = 0.999):
        if not 0 < gamma <= 1:
            raise ValueError(f"gamma must be in (0, 1], got {gamma}")
        self.gamma = gamma

    def lr_at(self, step: int, base_lr: float) -> float:
        return base_lr * self.gamma**step


class CosineDecay(_Schedule):
    """Half a cosine from base_lr down to ``min_lr`` over ``total_steps``, then ``min_lr``.

    lr = min_lr + (base_lr - min_lr) * (1 + cos(pi * min(step, total_steps) / total_steps)) / 2
    """

    fields = ("total_steps", "min_lr")

    def __init__(self, total_steps: int, min_lr: float = 0.0):
        if total_steps < 1:
            raise ValueError(f"total_steps must be >= 1, got {total_steps}")
        if min_lr < 0:
            raise ValueError(f"min_lr must be >= 0, got {min_lr}")
        self.total_steps = total_steps
        self.min_lr = min_lr

    def lr_at(self, step: int, base_lr: float) -> float:
        progress = min(step, self.total_steps) / self.total_steps
        return self.min_lr + (base_lr - self.min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress))


SCHEDULES: dict[str, type[_Schedule]] = {
    "constant": Constant,
    "book": BookDecay,
    "step": StepDecay,
    "exponential": ExponentialDecay,
    "cosine": CosineDecay,
}


def make_schedule(name: str, **kw) -> _Schedule:
    """Build the schedule registered as ``name`` (case-insensitive), passing ``kw`` to its constructor."""
    cls = SCHEDULES.get(name.lower())
    if cls is None:
        raise ValueError(f"unknown schedule {name!r}; choose one of {sorted(SCHEDULES)}")
    return cls(**kw)
