"""Optimizers of the book (``common/optimizer.py``): SGD, Momentum, AdaGrad, RMSprop, Adam.

``update(params, grads)`` changes every parameter IN PLACE (the model's layers hold those very
arrays) and computes in the parameters' dtype: per-parameter state and one scratch buffer per
parameter are allocated once, in that dtype, and every step works through ``out=`` / in-place
operations with Python-float hyperparameters, so a float32 model makes no float64 temporaries.

Update rules (g = gradient, p = parameter, eps = 1e-7 as in the book):
    SGD       p -= lr * g
    Momentum  v = momentum * v - lr * g;  p += v
    AdaGrad   h += g * g;  p -= lr * g / (sqrt(h) + eps)
    RMSprop   h = decay_rate * h + (1 - decay_rate) * g * g;  p -= lr * g / (sqrt(h) + eps)
    Adam      iter += 1;  lr_t = lr * sqrt(1 - beta2**iter) / (1 - beta1**iter)
              m += (1 - beta1) * (g - m);  v += (1 - beta2) * (g*g - v);  p -= lr_t * m / (sqrt(v) + eps)

Hyperparameters are plain attributes and may be changed between steps (live sliders).
``state_dict()`` returns plain arrays only (hyperparameters, the step counter ``iter`` and the
per-parameter state, keys like ``"v.0"``), fit for ``np.savez`` with ``allow_pickle=False``;
``load_state_dict`` restores them so training continues bit for bit. State is matched to
parameters by position, so the model must list its parameters in the same order.
"""

from __future__ import annotations

import numpy as np

EPS = 1e-7  # the book's constant in AdaGrad, RMSprop and Adam


class Optimizer:
    """Shared machinery: argument checks, lazily created state and scratch, state_dict round trip.

    Subclasses name their hyperparameters (``hyperparams``) and per-parameter state arrays
    (``slots``), and implement ``_update_one``.
    """

    hyperparams: tuple[str, ...] = ("lr",)
    slots: tuple[str, ...] = ()

    def __init__(self, lr: float):
        if not lr >= 0:
            raise ValueError(f"learning rate must be >= 0, got {lr}")
        self.lr = lr
        self.iter = 0  # number of updates made
        self.state: dict[str, list[np.ndarray]] = {}  # slot name -> one array per parameter
        self._scratch: list[np.ndarray] = []

    def update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """One step: change every ``params[i]`` in place using ``grads[i]``."""
        if len(params) != len(grads):
            raise ValueError(f"got {len(params)} params but {len(grads)} grads")
        for i, (p, g) in enumerate(zip(params, grads)):
            if p.shape != g.shape:
                raise ValueError(f"param {i} has shape {p.shape} but its grad has shape {g.shape}")
        self._prepare(params)
        self.iter += 1
        self._begin_step()
        for i, (p, g) in enumerate(zip(params, grads)):
            self._update_one(i, p, g, self._scratch[i])

    def _begin_step(self) -> None:
        """Hook for per-step quantities shared by all parameters (Adam's bias correction)."""

    def _update_one(self, i: int, p: np.ndarray, g: np.ndarray, tmp: np.ndarray) -> None:
        raise NotImplementedError

    def _prepare(self, params: list[np.ndarray]) -> None:
        """Create state (zeros) and scratch on first use; check loaded state against the params."""
        for slot in self.slots:
            arrays = self.state.get(slot)
            if arrays is None:
                self.state[slot] = [np.zeros_like(p) for p in params]
                continue
            if len(arrays) != len(params) or any(a.shape != p.shape for a, p in zip(arrays, params)):
                raise ValueError(
                    f"optimizer state {slot!r} has shapes {[a.shape for a in arrays]} "
                    f"but the params have shapes {[p.shape for p in params]}"
                )
            arrays[:] = [a if a.dtype == p.dtype else a.astype(p.dtype) for a, p in zip(arrays, params)]
        if len(self._scratch) != len(params) or any(
            t.shape != p.shape or t.dtype != p.dtype for t, p in zip(self._scratch, params)
        ):
            self._scratch = [np.empty_like(p) for p in params]

    def state_dict(self) -> dict[str, np.ndarray]:
        """Everything needed to resume exactly, as arrays (copies): hyperparameters, ``iter``, state."""
        d = {name: np.array(float(getattr(self, name))) for name in self.hyperparams}
        d["iter"] = np.array(self.iter, dtype=np.int64)
        for slot, arrays in self.state.items():
            for i, a in enumerate(arrays):
                d[f"{slot}.{i}"] = a.copy()
        return d

    def load_state_dict(self, d: dict[str, np.ndarray]) -> None:
        """Restore what ``state_dict`` returned (arrays are copied; unknown or missing keys raise)."""
        expected = {*self.hyperparams, "iter"}
        missing = expected - set(d)
        if missing:
            raise ValueError(f"{type(self).__name__} state is missing {sorted(missing)}")
        state: dict[str, list[np.ndarray]] = {}
        for slot in self.slots:
            n = sum(1 for k in d if k.startswith(f"{slot}."))
            keys = [f"{slot}.{i}" for i in range(n)]
            if any(k not in d for k in keys):
                raise ValueError(f"{type(self).__name__} state {slot!r} keys are not numbered 0..{n - 1}")
            if n:
                state[slot] = [np.array(d[k], copy=True) for k in keys]
            expected.update(keys)
        unknown = set(d) - expected
        if unknown:
            raise ValueError(f"{type(self).__name__} state has unknown keys {sorted(unknown)}")
        for name in self.hyperparams:
            setattr(self, name, float(d[name]))
        self.iter = int(d["iter"])
        self.state = state
        self._scratch = []


class SGD(Optimizer):
    """Plain stochastic gradient descent: p -= lr * g."""

    def __init__(self, lr: float = 0.01):
        super().__init__(lr)

    def _update_one(self, i, p, g, tmp):
        np.multiply(g, float(self.lr), out=tmp)
        p -= tmp


class Momentum(Optimizer):
    """SGD with momentum (the book's form): v = momentum * v - lr * g;  p += v."""

    hyperparams = ("lr", "momentum")
    slots = ("v",)

    def __init__(self, lr: float = 0.01, momentum: float = 0.9):
        super().__init__(lr)
        self.momentum = momentum

    def _update_one(self, i, p, g, tmp):
        v = self.state["v"][i]
        v *= float(self.momentum)
        np.multiply(g, float(self.lr), out=tmp)
        v -= tmp
        p += v


class AdaGrad(Optimizer):
    """AdaGrad: h += g * g;  p -= lr * g / (sqrt(h) + 1e-7)."""

    slots = ("h",)

    def __init__(self, lr: float = 0.01):
        super().__init__(lr)

    def _update_one(self, i, p, g, tmp):
        h = self.state["h"][i]
        np.multiply(g, g, out=tmp)
        h += tmp
        _step_scaled_by_rms(p, g, h, float(self.lr), tmp)


class RMSprop(Optimizer):
    """RMSprop: h = decay_rate * h + (1 - decay_rate) * g * g;  p -= lr * g / (sqrt(h) + 1e-7)."""

    hyperparams = ("lr", "decay_rate")
    slots = ("h",)

    def __init__(self, lr: float = 0.01, decay_rate: float = 0.99):
        super().__init__(lr)
        self.decay_rate = decay_rate

    def _update_one(self, i, p, g, tmp):
        h = self.state["h"][i]
        rho = float(self.decay_rate)
        h *= rho
        np.multiply(g, g, out=tmp)
        tmp *= 1.0 - rho
        h += tmp
        _step_scaled_by_rms(p, g, h, float(self.lr), tmp)


class Adam(Optimizer):
    """Adam, in the book's form with the bias correction folded into lr_t (see the module docstring)."""

    hyperparams = ("lr", "beta1", "beta2")
    slots = ("m", "v")

    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999):
        super().__init__(lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self._lr_t = 0.0

    def _begin_step(self):
        b1, b2 = float(self.beta1), float(self.beta2)
        self._lr_t = float(self.lr) * np.sqrt(1.0 - b2**self.iter) / (1.0 - b1**self.iter)

    def _update_one(self, i, p, g, tmp):
        m, v = self.state["m"][i], self.state["v"][i]
        np.subtract(g, m, out=tmp)
        tmp *= 1.0 - float(self.beta1)
        m += tmp
        np.multiply(g, g, out=tmp)
        tmp -= v
        tmp *= 1.0 - float(self.beta2)
        v += tmp
        np.sqrt(v, out=tmp)
        tmp += EPS
        np.divide(m, tmp, out=tmp)
        tmp *= float(self._lr_t)
        p -= tmp


def _step_scaled_by_rms(p: np.ndarray, g: np.ndarray, h: np.ndarray, lr: float, tmp: np.ndarray) -> None:
    """p -= lr * g / (sqrt(h) + eps), through the scratch buffer ``tmp``."""
    np.sqrt(h, out=tmp)
    tmp += EPS
    np.divide(g, tmp, out=tmp)
    tmp *= lr
    p -= tmp


OPTIMIZERS: dict[str, type[Optimizer]] = {
    "sgd": SGD,
    "momentum": Momentum,
    "adagrad": AdaGrad,
    "rmsprop": RMSprop,
    "adam": Adam,
}


def make_optimizer(name: str, lr: float, **kw) -> Optimizer:
    """Build the optimizer registered as ``name`` (case-insensitive) with learning rate ``lr``."""
    cls = OPTIMIZERS.get(name.lower())
    if cls is None:
        raise ValueError(f"unknown optimizer {name!r}; choose one of {sorted(OPTIMIZERS)}")
    return cls(lr=lr, **kw)
