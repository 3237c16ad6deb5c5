"""The training core: one step at a time, evaluation, divergence, and the state an exact resume needs.

``Trainer(task).train_step()`` runs forward and backward (the task's), clips, updates (the optimizer
and schedule the config names), records the curves and validates when due; ``fit`` repeats it until
the run's limits. Divergence (a NaN or Inf in the loss, the gradient or a parameter) restores the
last finite parameters and stops the run with a message saying what to try.

The trainer knows no files and no threads: checkpoints are written by whoever owns the run
(``checkpoint.save_checkpoint`` reads ``state_dict``), and a front end that wants to drive it live
wraps it in ``live.LiveRun``. What happens is told to ``callback(message)`` (``engine/messages.py``):
one "progress" message after every step (its new curve row and validation points), "hparam" when a
live setting or the lr schedule changes something, "event" when the run diverges or finishes.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from typing import Any

import numpy as np

from . import messages
from .clip import clip_grads
from .config import FIELDS, coerce
from .curves import COLUMNS, MAX_VAL_POINTS, Curves, thin_history
from .divergence import RUNAWAY_STEPS, far_above, runaway, uniform_loss
from .divergence import describe as describe_runaway
from .i18n import QT_TRANSLATE_NOOP, Sentence
from .optim import make_optimizer
from .schedule import make_schedule
from .tasks.base import Task

Callback = Callable[[dict[str, Any]], None]

RUNNING, PAUSED, DIVERGED, FINISHED, STOPPED = "running", "paused", "diverged", "finished", "stopped"
TOKENS_WINDOW = 50  # steps the tokens/s figure averages over


class Trainer:
    """Trains ``task`` with the optimizer, clipping and schedule its config names."""

    backup_interval = 50  # steps between copies of the last finite parameters (divergence restore)
    max_val_points = MAX_VAL_POINTS  # validation points kept (halved when full, the newest kept)

    def __init__(self, task: Task, callback: Callback | None = None,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.task = task
        self.config = task.config
        self.callback = callback or (lambda message: None)
        self.clock = clock
        cfg = self.config
        self.optimizer = make_optimizer(cfg.optimizer, cfg.lr)
        self.schedule = _schedule_for(cfg)
        self.base_lr = cfg.lr
        self.step_count = 0
        self.curves = Curves()
        self.val_points: list[dict[str, Any]] = []  # {"step", "split", "loss", metric...}
        self.changes: list[dict[str, Any]] = []  # live hyperparameter changes: {"step", "name", "old", "new", ...}
        self.best: dict[str, Any] | None = None  # {"step", "metric", "params": [arrays]}
        self.state = PAUSED
        self.elapsed = 0.0  # training time, seconds
        self.last: dict[str, float] = {}
        self.sample_rng = np.random.default_rng(cfg.seed + 7919)  # display sampling never touches task.rng
        self.solved_at: int | None = None  # the step whose scheduled validation first found the task solved
        self._new_vals: list[dict[str, Any]] = []  # validation points not reported yet
        self._tokens: deque[tuple[float, int]] = deque(maxlen=TOKENS_WINDOW)  # (seconds, tokens) of the last steps
        self._token_sums = [0.0, 0]  # their sums
        self._backup = self._take_backup()
        self._uniform_loss = uniform_loss(task)  # ln V: a loss far above it for long is divergence too

    # ------------------------------------------------------------------ one step
    def train_step(self) -> dict[str, float]:
        """Forward, backward, clip, update; record the curves; evaluate when due. Returns the step's
        row (also sent as a "progress" message); a diverged step returns the last good row."""
        t0 = self.clock()
        # Overflow inside a step is not an error here: it becomes Inf/NaN, which the checks below
        # turn into a stopped run with the last finite parameters restored.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            res = self.task.train_step()
            grads = self.task.model.grads
            norm = clip_grads(grads, self.config.clip)  # returns the norm before clipping; 0 = off
            if not (math.isfinite(res.loss) and math.isfinite(norm)):
                return self._diverged(res.loss, norm)
            if self.schedule is not None and hasattr(self.schedule, "lr_at"):
                self.optimizer.lr = self.schedule.lr_at(self.step_count, self.base_lr)
            params = self.task.model.params
            self.optimizer.update(params, grads)
            finite = all(np.isfinite(p.sum()) for p in params)
        if not finite:
            return self._diverged(res.loss, norm)
        if far_above(res.loss, self._uniform_loss) and runaway(
                self.curves.last("loss", RUNAWAY_STEPS), res.loss, self._uniform_loss):
            return self._diverged(res.loss, norm, why=describe_runaway(res.loss, self._uniform_loss))
        self.step_count += 1
        dt = self.clock() - t0
        self.elapsed += dt
        metric = res.metrics.get(self.task.metric_name, math.nan)
        row = (self.step_count, self.elapsed, res.loss, metric, norm, self.optimizer.lr)
        self.last = {"step": self.step_count, "epoch": self.task.epoch, "loss": res.loss, "grad_norm": norm,
                     "lr": self.optimizer.lr, self.task.metric_name: metric, **res.metrics}
        self.curves.append(*row)
        if len(self._tokens) == TOKENS_WINDOW:
            old_dt, old_n = self._tokens[0]
            self._token_sums[0] -= old_dt
            self._token_sums[1] -= old_n
        self._tokens.append((dt, res.tokens))
        self._token_sums[0] += dt
        self._token_sums[1] += res.tokens
        if self.step_count % self.backup_interval == 0 and not far_above(res.loss, self._uniform_loss):
            self._backup = self._take_backup()  # (never parameters whose loss is running away)
        every = self.config.eval_interval
        if every and self.step_count % every == 0 and "val" in self.task.splits():
            self.evaluate("val", scheduled=True)
        self.callback(self.progress([row]))
        return dict(self.last)

    def fit(self, max_steps: int = 0, epochs: float = 0.0) -> dict[str, float]:
        """Train until ``max_steps`` steps or ``epochs`` epochs (default: the config's limits), or
        divergence. Returns the last metrics; the run's state is then FINISHED (or DIVERGED)."""
        max_steps = max_steps or self.config.max_steps
        epochs = epochs or self.config.epochs
        if not max_steps and not epochs:
            raise ValueError("fit needs max_steps or epochs")
        self.state = RUNNING
        while self.state == RUNNING:
            self.train_step()
            if max_steps and self.step_count >= max_steps or epochs and self.task.epoch >= epochs:
                self.state = FINISHED
        self.callback(self.progress())
        return dict(self.last)

    def limits_reached(self) -> bool:
        cfg = self.config
        return bool(cfg.max_steps and self.step_count >= cfg.max_steps or cfg.epochs and self.task.epoch >= cfg.epochs)

    def tokens_per_second(self) -> float:
        seconds, tokens = self._token_sums
        return tokens / seconds if seconds > 0 else 0.0

    # ------------------------------------------------------------------ evaluation
    def evaluate(self, split: str = "val", scheduled: bool = False) -> dict[str, float]:
        """Metrics on ``split``; a scheduled validation also feeds the lr schedule and the best params."""
        metrics = self.task.evaluate(split, self.config.eval_batches)
        point = {"step": float(self.step_count), "split": split, **{k: float(v) for k, v in metrics.items()}}
        self.val_points.append(point)
        thin_history(self.val_points, self.max_val_points)  # bounded: also what a checkpoint stores
        self._new_vals.append(point)
        if scheduled and split == "val" and self.solved_at is None and self.task.solved(metrics):
            self.solved_at = self.step_count
        if scheduled and split == "val":
            value = metrics.get(self.task.metric_name, math.nan)
            self._keep_best(value)
            if self.schedule is not None and hasattr(self.schedule, "step"):
                signed = -value if self.task.higher_is_better else value  # the schedule wants lower = better
                new_lr = self.schedule.step(signed, self.optimizer.lr)
                if new_lr != self.optimizer.lr:
                    self._record_change("lr", self.optimizer.lr, new_lr, source="schedule")
                    self.optimizer.lr = new_lr
        return metrics

    def _keep_best(self, value: float) -> None:
        best = self.best
        better = best is None or (value > best["metric"] if self.task.higher_is_better else value < best["metric"])
        if math.isfinite(value) and better:
            self.best = {"step": self.step_count, "metric": value,
                         "params": [p.copy() for p in self.task.model.params]}

    def restore_best(self) -> bool:
        """Copy the best validated parameters back into the model (False if there are none)."""
        if self.best is None:
            return False
        for p, b in zip(self.task.model.params, self.best["params"]):
            p[...] = b
        return True

    # ------------------------------------------------------------------ divergence
    def _take_backup(self) -> dict[str, Any]:
        return {"step": self.step_count, "params": [p.copy() for p in self.task.model.params],
                "optim": {k: v.copy() for k, v in self.optimizer.state_dict().items()}}

    def _diverged(self, loss: float, norm: float, why: str | None = None) -> dict[str, float]:
        """Restore the last finite parameters, stop, and say what happened (``why``, or which number
        became NaN/Inf) and what to try."""
        for p, b in zip(self.task.model.params, self._backup["params"]):
            p[...] = b
        self.optimizer.load_state_dict({k: v.copy() for k, v in self._backup["optim"].items()})
        for g in self.task.model.grads:
            g[...] = 0
        self.task.model.reset_state()
        self.state = DIVERGED
        what = QT_TRANSLATE_NOOP("engine", "the loss") if not math.isfinite(loss) else (
            QT_TRANSLATE_NOOP("engine", "the gradient norm") if not math.isfinite(norm) else
            QT_TRANSLATE_NOOP("engine", "a parameter"))
        hint = Sentence(QT_TRANSLATE_NOOP("engine", "lower the learning rate") if self.config.clip > 0 else
                        QT_TRANSLATE_NOOP("engine", "lower the learning rate or turn on gradient clipping (e.g. "
                                          "clip 5)"))
        if self.task.divergence_hint():
            hint = Sentence(QT_TRANSLATE_NOOP("engine", "{hint}, or {task_hint}"), hint=hint,
                            task_hint=Sentence(self.task.divergence_hint()))
        if why is None:
            why = Sentence(QT_TRANSLATE_NOOP("engine", "{what} became NaN/Inf"), what=Sentence(what))
        self.event("diverged", Sentence(QT_TRANSLATE_NOOP("engine", "Training diverged at step {step}: {why} "
                                                          "(lr {lr:g}). Restored the parameters of step "
                                                          "{restored}; {hint}."),
                                        step=self.step_count + 1, why=why, lr=self.optimizer.lr,
                                        restored=self._backup["step"], hint=hint),
                   step=self.step_count + 1, restored_step=self._backup["step"])
        return dict(self.last)

    # ------------------------------------------------------------------ live settings
    def apply_setting(self, name: str, value: Any) -> None:
        """Apply a live setting (lr, clip, dropout, ...) now; records the change for the curves' markers."""
        if name not in FIELDS or not FIELDS[name].metadata["live"]:
            raise ValueError(f"{name} cannot change while training; rebuild the model instead")
        value = coerce(name, value)
        old = getattr(self.config, name)
        if old == value:
            return
        setattr(self.config, name, value)
        if name == "lr":
            self.optimizer.lr = self.base_lr = value
        elif name == "dropout":
            self.task.set_live(name, value)
        self._record_change(name, old, value)

    def _record_change(self, name: str, old: Any, new: Any, source: str = "user") -> None:
        change = messages.hparam(self.step_count, name, old, new, source)
        self.changes.append({k: v for k, v in change.items() if k != "kind"})
        self.callback(change)

    # ------------------------------------------------------------------ messages
    def event(self, level: str, message: str | Sentence | BaseException, **extra: Any) -> None:
        """Tell the front end something ("info", "error", "diverged"), with the run's step and state."""
        self.callback(messages.event(level, message, **{"step": self.step_count, "state": self.state, **extra}))

    def progress(self, rows: list[tuple[float, ...]] = ()) -> messages.Progress:
        """A "progress" message: the run's numbers now, curve ``rows`` (tuples in ``curves.COLUMNS``
        order) and the validation points not reported yet. No trace or example (``LiveRun`` adds them)."""
        pts = np.array(rows, dtype=np.float64).reshape(-1, len(COLUMNS))  # a fresh array: the columns are views of it
        new_vals, self._new_vals = self._new_vals, []
        report: messages.Progress = {
            "kind": "progress", "state": self.state, "step": self.step_count, "epoch": self.task.epoch,
            "elapsed_s": self.elapsed, "tokens_per_s": self.tokens_per_second(), "lr": self.optimizer.lr,
            "metric_name": self.task.metric_name, **{k: v for k, v in self.last.items() if k != "step"},
            "points": {name: pts[:, i] for i, name in enumerate(COLUMNS)},
            "val": new_vals, "trace": None, "example": None}
        return report

    # ------------------------------------------------------------------ state, for checkpoints
    def state_dict(self) -> dict[str, np.ndarray]:
        """Trainer state for an exact resume: step, clock, lr, optimizer, schedule, curves."""
        out = {"trainer.step": np.array(self.step_count, dtype=np.int64),
               "trainer.elapsed": np.array(self.elapsed, dtype=np.float64),
               "trainer.lr": np.array([self.optimizer.lr, self.base_lr], dtype=np.float64)}
        out.update({f"optim.{k}": v for k, v in self.optimizer.state_dict().items()})
        if self.schedule is not None:
            out.update({f"schedule.{k}": np.asarray(v) for k, v in self.schedule.state_dict().items()})
        out.update({f"curves.{k}": v for k, v in self.curves.state_dict().items()})
        return out

    def load_state_dict(self, state: dict[str, np.ndarray]) -> None:
        self.step_count = int(state["trainer.step"])
        self.elapsed = float(state["trainer.elapsed"])
        self.optimizer.lr, self.base_lr = (float(x) for x in state["trainer.lr"])
        self.optimizer.load_state_dict({k[6:]: v for k, v in state.items() if k.startswith("optim.")})
        if self.schedule is not None:
            self.schedule.load_state_dict({k[9:]: v for k, v in state.items() if k.startswith("schedule.")})
        self.curves.load_state_dict({k[7:]: v for k, v in state.items() if k.startswith("curves.")})
        self._backup = self._take_backup()

    def history(self) -> dict[str, Any]:
        """JSON-able record of validation points and live changes (stored in checkpoint metadata)."""
        return {"val_points": self.val_points, "changes": [
            {k: (v if isinstance(v, (int, float, str, bool)) else str(v)) for k, v in c.items()}
            for c in self.changes]}


def _schedule_for(cfg):
    """The lr schedule a config names, with its lengths taken from the config (None for "none")."""
    if cfg.schedule == "none":
        return None
    if cfg.schedule == "step":
        return make_schedule("step", every=cfg.decay_steps, gamma=0.5)
    if cfg.schedule == "exponential":
        return make_schedule("exponential", gamma=0.5 ** (1.0 / cfg.decay_steps))
    if cfg.schedule == "cosine":
        return make_schedule("cosine", total_steps=cfg.max_steps or cfg.decay_steps, min_lr=cfg.lr / 100)
    return make_schedule(cfg.schedule)
