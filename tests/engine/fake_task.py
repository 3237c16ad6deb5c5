"""A tiny Task for trainer/checkpoint tests: linear regression y = x W + b with random input dropout.

It implements the whole Task protocol with a real model (parameters, gradients, names), a data
cursor over shuffled batches and training randomness drawn from ``self.rng`` every step, so that
exact-resume tests fail if any of those is not saved and restored. It does not depend on the real
tasks, layers or data.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from rnn_lab.engine.config import Config
from rnn_lab.engine.errors import TaskError
from rnn_lab.engine.models.base import Model
from rnn_lab.engine.rng import rng_state_from_array, rng_state_to_array
from rnn_lab.engine.tasks.base import StepResult, Task


class LinearLayer:
    """The book's protocol: params [W (D, O), b (O,)], grads of the same shapes, written in place."""

    param_names = ["W", "b"]

    def __init__(self, d: int, o: int, rng: np.random.Generator, dtype) -> None:
        self.params = [(rng.standard_normal((d, o)) * 0.1).astype(dtype), np.zeros(o, dtype=dtype)]
        self.grads = [np.zeros_like(p) for p in self.params]
        self.x = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.x = x
        return x @ self.params[0] + self.params[1]

    def backward(self, dout: np.ndarray) -> np.ndarray:
        self.grads[0][...] = self.x.T @ dout
        self.grads[1][...] = dout.sum(axis=0)
        return dout @ self.params[0].T


class LinearModel(Model):
    def __init__(self, d: int, o: int, rng: np.random.Generator, dtype) -> None:
        super().__init__()
        self.linear = LinearLayer(d, o, rng, dtype)
        self.layers = [("linear", self.linear)]
        self.finalize()


class FakeTask(Task):
    """Linear regression on a fixed synthetic data set; metric ``rmse`` (lower is better)."""

    name = "fake"
    title = "Fake linear task"
    metric_name = "rmse"
    higher_is_better = False
    n_train, n_val, d, o = 192, 64, 8, 3

    def __init__(self, config: Config, vocab: list[str] | None = None) -> None:
        super().__init__(config)
        if config.data and config.data != "synthetic" and not Path(config.data).exists():  # like the real tasks
            raise TaskError(f"The data file {config.data} does not exist.")
        data_rng = np.random.default_rng(1234)  # the data set is fixed; training randomness is self.rng
        w_true = data_rng.standard_normal((self.d, self.o))
        x = data_rng.standard_normal((self.n_train + self.n_val, self.d))
        y = x @ w_true + 0.1 * data_rng.standard_normal((len(x), self.o))
        self.x_train, self.y_train = x[: self.n_train].astype(self.dtype), y[: self.n_train].astype(self.dtype)
        self.x_val, self.y_val = x[self.n_train :].astype(self.dtype), y[self.n_train :].astype(self.dtype)
        self.model = LinearModel(self.d, self.o, self.rng, self.dtype)
        self.vocab = list(vocab) if vocab is not None else ["<pad>", "a", "b", "ü"]
        self.batch = min(config.batch, self.n_train)
        self.perm = self.rng.permutation(self.n_train)
        self.cursor = 0
        self.seen = 0
        # test hooks (not part of the protocol)
        self.fail_at: int | None = None  # raise RuntimeError on this train_step call (1-based)
        self.ballast = 0  # float64 values of dummy state to make checkpoints big (atomic-save tests)
        self.calls = 0

    # -- training ------------------------------------------------------------------------------
    def _next_batch(self) -> np.ndarray:
        if self.cursor + self.batch > self.n_train:
            self.perm = self.rng.permutation(self.n_train)
            self.cursor = 0
        idx = self.perm[self.cursor : self.cursor + self.batch]
        self.cursor += self.batch
        self.seen += self.batch
        return idx

    def train_step(self) -> StepResult:
        self.calls += 1
        if self.fail_at is not None and self.calls == self.fail_at:
            raise RuntimeError("fake failure in train_step")
        idx = self._next_batch()
        keep = (self.rng.random((len(idx), self.d)) > 0.1).astype(self.dtype) / 0.9  # inverted input dropout
        x, t = self.x_train[idx] * keep, self.y_train[idx]
        with np.errstate(all="ignore"):  # a diverging run reports inf/NaN; the trainer handles it
            y = self.model.linear.forward(x)
            diff = y - t
            loss = float(0.5 * np.mean(np.sum(diff * diff, axis=1)))
            self.model.linear.backward(diff / len(idx))
            rmse = float(np.sqrt(np.mean(diff * diff)))
        return StepResult(loss=loss, tokens=len(idx), metrics={"rmse": rmse})

    @property
    def epoch(self) -> float:
        return self.seen / self.n_train

    def evaluate(self, split: str = "val", max_batches: int = 0) -> dict[str, float]:
        if split not in ("train", "val"):
            raise TaskError(f"the fake task has no {split!r} split")
        x, t = (self.x_val, self.y_val) if split == "val" else (self.x_train, self.y_train)
        W, b = self.model.params
        with np.errstate(all="ignore"):
            diff = x @ W + b - t
            loss = float(0.5 * np.mean(np.sum(diff * diff, axis=1)))
            return {"loss": loss, "rmse": float(np.sqrt(np.mean(diff * diff)))}

    # -- what the window shows -----------------------------------------------------------------
    def trace(self, index: int = 0) -> dict:
        x = self.x_val[index % self.n_val]
        return {"labels": [f"x{i}" for i in range(self.d)], "title": "fake",
                "layers": [{"name": "linear", "cell": "rnn", "h": (x[:, None] * self.model.params[0]).astype(np.float32),
                            "dh_norm": np.abs(x).astype(np.float32)}]}

    def display_example(self, index: int = 0) -> dict:
        i = index % self.n_val
        W, b = self.model.params
        return {"x": self.x_val[i].copy(), "target": self.y_val[i].copy(), "pred": self.x_val[i] @ W + b}

    # -- exact resume ----------------------------------------------------------------------------
    def state_dict(self) -> dict[str, np.ndarray]:
        state = {"perm": self.perm.copy(), "cursor": np.array(self.cursor), "seen": np.array(self.seen),
                 "rng": rng_state_to_array(self.rng)}
        if self.ballast:
            state["ballast"] = np.arange(self.ballast, dtype=np.float64)
        return state

    def load_state_dict(self, state: dict[str, np.ndarray]) -> None:
        perm = np.asarray(state["perm"])
        if perm.shape != (self.n_train,):
            raise ValueError(f"perm has shape {perm.shape}, expected ({self.n_train},)")
        self.perm = perm.astype(np.int64).copy()
        self.cursor, self.seen = int(state["cursor"]), int(state["seen"])
        rng_state_from_array(self.rng, state["rng"])

    def data_info(self) -> dict:
        return {"source": "synthetic", "vocab": list(self.vocab), "sizes": {"train": self.n_train, "val": self.n_val}}


def fake_factory(config: Config, vocab: list[str] | None = None) -> FakeTask:
    """Drop-in for ``engine.tasks.make_task`` (load_checkpoint's ``task_factory``)."""
    return FakeTask(config, vocab=vocab)


def fake_config(**overrides) -> Config:
    """A small float64 config the fake task trains well with."""
    values = dict(task="adder", optimizer="adam", lr=0.05, batch=16, dtype="float64", eval_interval=10,
                  eval_batches=0, seed=3)
    values.update(overrides)
    return Config.from_dict(values)
