"""The training loop: steps any Task, reports plain-data snapshots, obeys commands from other threads.

One ``Trainer`` serves the CLI (``fit``) and the window (``run`` on a worker thread). Other threads
never touch the model: they call the command methods (``play``, ``pause``, ``step``, ``set``,
``request_sample``, ...), which only put a message on a queue; the loop drains the queue between
steps. Results go out through ``callback(dict)``:

- ``{"kind": "progress", ...}`` at most every ``report_interval`` seconds (throttled here, where
  the snapshot is made, so the window is never flooded), holding every curve point since the last
  report (``points``), new validation points, and on request a trace and a display example;
- ``{"kind": "event", "level", "message", ...}`` for divergence, errors, finished runs;
- ``{"kind": "sample" | "eval" | "hparam" | "saved", ...}`` answering commands.

Everything in a report is a copy: the worker keeps training while the window draws it.
"""

from __future__ import annotations

import math
import queue
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

import numpy as np

from .clip import clip_grads
from .config import coerce
from .curves import MAX_VAL_POINTS, Curves, thin_history
from .divergence import RUNAWAY_STEPS, far_above, runaway, uniform_loss
from .divergence import describe as describe_runaway
from .optim import make_optimizer
from .schedule import make_schedule
from .tasks.base import Task, TaskError

Callback = Callable[[dict[str, Any]], None]

RUNNING, PAUSED, DIVERGED, FINISHED, STOPPED = "running", "paused", "diverged", "finished", "stopped"


class Trainer:
    """Trains ``task`` with the optimizer, clipping and schedule its config names."""

    backup_interval = 50  # steps between copies of the last finite parameters (divergence restore)
    max_val_points = MAX_VAL_POINTS  # validation points kept (halved when full, the newest kept)

    def __init__(self, task: Task, callback: Callback | None = None, report_interval: float = 1 / 30,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.task = task
        self.config = task.config
        self.callback = callback or (lambda report: None)
        self.report_interval = report_interval
        self.clock = clock
        cfg = self.config
        self.optimizer = make_optimizer(cfg.optimizer, cfg.lr)
        self.schedule = _schedule_for(cfg)
        self.base_lr = cfg.lr
        self.step_count = 0
        self.curves = Curves()
        self.val_points: list[dict[str, float]] = []  # {"step", "split", "loss", metric...}
        self.changes: list[dict[str, Any]] = []  # live hyperparameter changes: {"step", "name", "old", "new"}
        self.best: dict[str, Any] | None = None  # {"step", "metric", "params": [arrays]}
        self.state = PAUSED
        self.elapsed = 0.0  # training wall time, seconds
        self.last: dict[str, float] = {}
        self.sample_rng = np.random.default_rng(cfg.seed + 7919)  # display sampling never touches task.rng
        self.trace_index: int | None = None  # which example the trace views show (None = no traces)
        self.example_index: int | None = None  # task-specific display example (None = off)
        self.trace_interval = 0.25  # seconds between traces (a trace costs one forward+backward)
        self.example_interval = 0.1  # seconds between display examples (one forward of one example)
        self.weights_on = False  # put "weights" (Wh and its spectral radii) in reports
        self.weights_interval = 1.0  # seconds between them (eigenvalues of H x H blocks: O(H^3))
        self.steps_per_second = 0.0  # 0 = as fast as possible (the window's speed control)

        self._commands: queue.Queue = queue.Queue()
        self._wake = threading.Event()
        self._pending_steps = 0
        self._stepping = False  # True while a "step n" command runs (pause when it is done)
        self._points: list[tuple[float, ...]] = []
        self._new_vals: list[dict[str, float]] = []
        self._last_report = -math.inf
        self._last_trace = -math.inf
        self._example_step, self._last_example = -1, -math.inf
        self._trace_step = -1  # step of the last trace: a paused model needs no new one
        self._weights_step, self._last_weights = -1, -math.inf
        self._dirty = False  # something changed since the last report (commands while paused)
        self._tokens_window: list[tuple[float, int]] = []
        self._backup = self._take_backup()
        self._uniform_loss = uniform_loss(task)  # ln V: a loss far above it for long is divergence too

    # ------------------------------------------------------------------ commands (any thread)
    def play(self) -> None:
        self._send("play")

    def pause(self) -> None:
        self._send("pause")

    def step(self, n: int = 1) -> None:
        """Train exactly ``n`` steps, then pause."""
        self._send("step", int(n))

    def stop(self) -> None:
        """End ``run`` (the worker returns at the next step boundary)."""
        self._send("stop")

    def set(self, name: str, value: Any) -> None:
        """Change a live setting (lr, clip, dropout, temperature, top_k, eval_interval, ...)."""
        self._send("set", name, value)

    def request_sample(self, prompt: str, length: int = 200, tag: str | None = None) -> None:
        """Generate from ``prompt``; the "sample" message carries ``tag`` (when given) so that the
        panel that asked can tell its answers from other panels' (e.g. "timeline")."""
        self._send("sample", prompt, int(length), tag)

    def request_eval(self, split: str = "val") -> None:
        self._send("eval", split)

    def request_save(self, path: str, extra: dict[str, Any] | None = None) -> None:
        self._send("save", path, extra)

    def set_trace(self, index: int | None) -> None:
        """Record traces of display example ``index`` in reports (None turns tracing off: costless)."""
        self._send("trace", index)

    def set_example(self, index: int | None) -> None:
        self._send("example", index)

    def set_weights(self, on: bool) -> None:
        """Put the recurrent matrices and their spectral radii in reports (at most every
        ``weights_interval`` seconds) while ``on``; off costs nothing."""
        self._send("weights", bool(on))

    def set_speed(self, steps_per_second: float) -> None:
        """Slow training down to watch it (0 = full speed)."""
        self._send("speed", float(steps_per_second))

    def call(self, fn: Callable[[Trainer], Any]) -> None:
        """Run ``fn(trainer)`` on the worker between steps (for anything else that touches the model)."""
        self._send("call", fn)

    def _send(self, *msg: Any) -> None:
        self._commands.put(msg)
        self._wake.set()

    # ------------------------------------------------------------------ the worker loop
    def run(self) -> None:
        """Serve commands and train until ``stop()``. Call on the worker thread."""
        self._emit_progress(force=True)
        while True:
            if not self._drain():
                break
            if self.state == RUNNING or self._pending_steps > 0:
                self._guarded_step()
                if self.steps_per_second > 0:
                    self._wake.wait(1.0 / self.steps_per_second)
                    self._wake.clear()
            else:
                if self._dirty:  # paused: report once after a command, not 20 times a second
                    self._emit_progress(force=True)
                self._wake.wait(0.05)
                self._wake.clear()
        self.state = STOPPED
        self._emit_progress(force=True)

    def fit(self, max_steps: int = 0, epochs: float = 0.0) -> dict[str, float]:
        """Train headless until ``max_steps`` steps or ``epochs`` epochs (CLI, tests, benchmarks).

        Returns the last metrics. Stops early on divergence (state ``diverged``)."""
        max_steps = max_steps or self.config.max_steps
        epochs = epochs or self.config.epochs
        if not max_steps and not epochs:
            raise ValueError("fit needs max_steps or epochs")
        self.state = RUNNING
        while self.state == RUNNING:
            if not self._drain():
                break
            self.train_step()
            if max_steps and self.step_count >= max_steps or epochs and self.task.epoch >= epochs:
                self.state = FINISHED
        self._emit_progress(force=True)
        return dict(self.last)

    def _guarded_step(self) -> None:
        """One step; an exception pauses training and is reported, never kills the worker."""
        try:
            self.train_step()
        except Exception as exc:  # noqa: BLE001 - the worker must survive anything a step raises
            self.state, self._dirty = PAUSED, True
            self._pending_steps = 0
            self._event("error", f"Training stopped: {exc}", traceback=traceback.format_exc())
            return
        if self._pending_steps > 0:
            self._pending_steps -= 1
            if self._pending_steps == 0 and self.state == RUNNING and self._stepping:
                self.state, self._dirty = PAUSED, True
        self._check_limits()

    def limits_reached(self) -> bool:
        cfg = self.config
        return bool(cfg.max_steps and self.step_count >= cfg.max_steps or cfg.epochs and self.task.epoch >= cfg.epochs)

    def _check_limits(self) -> None:
        if self.state == RUNNING and self.limits_reached():
            self.state, self._dirty = FINISHED, True
            self._event("info", f"Finished after {self.step_count:,} steps ({self.task.epoch:.2f} epochs).")

    # ------------------------------------------------------------------ one step
    def train_step(self) -> dict[str, float]:
        """Forward, backward, clip, update; record the curves; evaluate when due. Returns the step's row."""
        t0 = self.clock()
        # Overflow inside a step is not an error here: it becomes Inf/NaN, which the checks below
        # turn into a paused run with the last finite parameters restored.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            res = self.task.train_step()
            grads = self.task.model.grads
            norm = clip_grads(grads, self.config.clip)  # returns the norm before clipping; 0 = off
            if not (math.isfinite(res.loss) and math.isfinite(norm)):
                self._diverged(res.loss, norm)
                return dict(self.last)
            if self.schedule is not None and hasattr(self.schedule, "lr_at"):
                self.optimizer.lr = self.schedule.lr_at(self.step_count, self.base_lr)
            params = self.task.model.params
            self.optimizer.update(params, grads)
            finite = all(np.isfinite(p.sum()) for p in params)
        if not finite:
            self._diverged(res.loss, norm)
            return dict(self.last)
        if far_above(res.loss, self._uniform_loss) and runaway(
                self.curves.last("loss", RUNAWAY_STEPS), res.loss, self._uniform_loss):
            self._diverged(res.loss, norm, why=describe_runaway(res.loss, self._uniform_loss))
            return dict(self.last)
        self.step_count += 1
        dt = self.clock() - t0
        self.elapsed += dt
        metric = res.metrics.get(self.task.metric_name, math.nan)
        self.last = {"step": self.step_count, "epoch": self.task.epoch, "loss": res.loss, "grad_norm": norm,
                     "lr": self.optimizer.lr, self.task.metric_name: metric, **res.metrics}
        self.curves.append(self.step_count, self.elapsed, res.loss, metric, norm, self.optimizer.lr)
        self._points.append((self.step_count, self.elapsed, res.loss, metric, norm, self.optimizer.lr))
        self._tokens_window.append((dt, res.tokens))
        if len(self._tokens_window) > 50:
            del self._tokens_window[0]
        if self.step_count % self.backup_interval == 0 and not far_above(res.loss, self._uniform_loss):
            self._backup = self._take_backup()  # (never parameters whose loss is running away)
        every = self.config.eval_interval
        if every and self.step_count % every == 0 and "val" in self.task.splits():
            self.evaluate("val", scheduled=True)
        self._emit_progress()
        return dict(self.last)

    def tokens_per_second(self) -> float:
        t = sum(dt for dt, _ in self._tokens_window)
        return sum(n for _, n in self._tokens_window) / t if t > 0 else 0.0

    # ------------------------------------------------------------------ evaluation
    def evaluate(self, split: str = "val", scheduled: bool = False) -> dict[str, float]:
        """Metrics on ``split``; a scheduled validation also feeds the lr schedule and the best params."""
        metrics = self.task.evaluate(split, self.config.eval_batches)
        point = {"step": float(self.step_count), "split": split, **{k: float(v) for k, v in metrics.items()}}
        self.val_points.append(point)
        thin_history(self.val_points, self.max_val_points)  # bounded: also what a checkpoint stores
        self._new_vals.append(point)
        if scheduled and split == "val":
            value = metrics.get(self.task.metric_name, math.nan)
            better = self.best is None or (value > self.best["metric"] if self.task.higher_is_better
                                           else value < self.best["metric"])
            if math.isfinite(value) and better:
                self.best = {"step": self.step_count, "metric": value,
                             "params": [p.copy() for p in self.task.model.params]}
            if self.schedule is not None and hasattr(self.schedule, "step"):
                worse_is_higher = not self.task.higher_is_better
                signed = value if worse_is_higher else -value
                new_lr = self.schedule.step(signed, self.optimizer.lr)
                if new_lr != self.optimizer.lr:
                    self._record_change("lr", self.optimizer.lr, new_lr, source="schedule")
                    self.optimizer.lr = new_lr
        return metrics

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

    def _diverged(self, loss: float, norm: float, why: str | None = None) -> None:
        """Restore the last finite parameters, pause, and say what happened (``why``, or which number
        became NaN/Inf) and what to try."""
        for p, b in zip(self.task.model.params, self._backup["params"]):
            p[...] = b
        self.optimizer.load_state_dict({k: v.copy() for k, v in self._backup["optim"].items()})
        for g in self.task.model.grads:
            g[...] = 0
        self.task.model.reset_state()
        self.state, self._dirty = DIVERGED, True
        self._pending_steps = 0
        what = "the loss" if not math.isfinite(loss) else ("the gradient norm" if not math.isfinite(norm)
                                                           else "a parameter")
        hint = "lower the learning rate"
        if self.config.clip <= 0:
            hint += " or turn on gradient clipping (e.g. clip 5)"
        if self.config.task == "adder" and self.config.activation == "relu":
            hint += ", or use the sigmoid/tanh activation (relu lets the recurrence blow up)"
        why = why or f"{what} became NaN/Inf"
        self._event("diverged", f"Training diverged at step {self.step_count + 1}: {why} "
                    f"(lr {self.optimizer.lr:g}). Restored the parameters of step {self._backup['step']}; "
                    f"{hint}.", step=self.step_count + 1, restored_step=self._backup["step"])

    # ------------------------------------------------------------------ command handling
    def _drain(self) -> bool:
        """Apply queued commands; False when asked to stop."""
        while True:
            try:
                msg = self._commands.get_nowait()
            except queue.Empty:
                return True
            kind, args = msg[0], msg[1:]
            try:
                if kind == "stop":
                    return False
                self._handle(kind, *args)
            except (TaskError, ValueError, OSError) as exc:
                self._event("error", str(exc))
            except Exception as exc:  # noqa: BLE001 - report, keep serving
                self._event("error", f"{kind} failed: {exc}", traceback=traceback.format_exc())

    def _handle(self, kind: str, *args: Any) -> None:
        self._dirty = True
        if kind in ("play", "step") and self.limits_reached():
            self.state = FINISHED
            self._event("info", f"The run is finished ({self.step_count:,} steps, {self.task.epoch:.2f} epochs): "
                        "raise the step or epoch limit to continue.")
            return
        if kind == "play":
            self.state, self._pending_steps, self._stepping = RUNNING, 0, False
        elif kind == "pause":
            self.state, self._pending_steps = PAUSED, 0
            self._emit_progress(force=True)
        elif kind == "step":
            if self.state != RUNNING:
                self.state, self._stepping = RUNNING, True
                self._pending_steps += args[0]
        elif kind == "set":
            self.apply_setting(*args)
        elif kind == "sample":
            prompt, length, tag = args
            cfg = self.config
            out = self.task.sample(prompt, length, cfg.temperature, cfg.top_k, self.sample_rng)
            msg = {"kind": "sample", "step": self.step_count, **out}
            if tag is not None:
                msg["tag"] = str(tag)
            self.callback(msg)
        elif kind == "eval":
            metrics = self.evaluate(args[0])
            self.callback({"kind": "eval", "split": args[0], "step": self.step_count, **metrics})
        elif kind == "save":
            from .checkpoint import save_checkpoint

            path, extra = args
            save_checkpoint(path, self, extra=extra)
            self.callback({"kind": "saved", "path": str(path), "step": self.step_count})
        elif kind == "trace":
            self.trace_index, self._last_trace, self._trace_step = args[0], -math.inf, -1
            self._emit_progress(force=True)
        elif kind == "example":
            self.example_index, self._example_step, self._last_example = args[0], -1, -math.inf
            self._emit_progress(force=True)
        elif kind == "weights":
            self.weights_on, self._weights_step, self._last_weights = args[0], -1, -math.inf
            self._emit_progress(force=True)
        elif kind == "speed":
            self.steps_per_second = max(0.0, args[0])
        elif kind == "call":
            args[0](self)
        else:
            raise ValueError(f"unknown command {kind!r}")

    def apply_setting(self, name: str, value: Any) -> None:
        """Apply a live setting now (worker thread); records the change for the curves' markers."""
        from .config import FIELDS

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
        change = {"step": self.step_count, "name": name, "old": old, "new": new, "source": source}
        self.changes.append(change)
        self.callback({"kind": "hparam", **change})

    # ------------------------------------------------------------------ reports
    def _event(self, level: str, message: str, **extra: Any) -> None:
        self.callback({"kind": "event", "level": level, "message": message, "step": self.step_count,
                       "state": self.state, **extra})

    def _emit_progress(self, force: bool = False) -> None:
        now = self.clock()
        if not force and now - self._last_report < self.report_interval:
            return
        self._last_report = now
        self._dirty = False
        report = self.progress_report(now)
        self.callback(report)

    def progress_report(self, now: float | None = None) -> dict[str, Any]:
        """A snapshot of the run: latest numbers, new curve points, and on request trace/example."""
        now = self.clock() if now is None else now
        pts = np.array(self._points, dtype=np.float64).reshape(-1, 6)
        self._points = []
        new_vals, self._new_vals = self._new_vals, []
        report: dict[str, Any] = {
            "kind": "progress", "state": self.state, "step": self.step_count, "epoch": self.task.epoch,
            "elapsed_s": self.elapsed, "tokens_per_s": self.tokens_per_second(), "lr": self.optimizer.lr,
            "metric_name": self.task.metric_name, **{k: v for k, v in self.last.items() if k != "step"},
            "points": {name: pts[:, i].copy() for i, name in
                       enumerate(("step", "time", "loss", "metric", "grad_norm", "lr"))},
            "val": new_vals, "trace": None, "example": None,
        }  # "weights" only while set_weights(True), when due
        if (self.trace_index is not None and now - self._last_trace >= self.trace_interval
                and self._trace_step != self.step_count):
            self._last_trace, self._trace_step = now, self.step_count
            report["trace"] = self.task.trace(self.trace_index)
        if (self.example_index is not None and now - self._last_example >= self.example_interval
                and self._example_step != self.step_count):
            self._last_example, self._example_step = now, self.step_count
            report["example"] = self.task.display_example(self.example_index)
        if (self.weights_on and now - self._last_weights >= self.weights_interval
                and self._weights_step != self.step_count):
            self._last_weights, self._weights_step = now, self.step_count
            report["weights"] = self.recurrent_weights()
        return report

    def recurrent_weights(self) -> dict[str, dict[str, Any]]:
        """``{layer: {"Wh": float32 copy (H, kH), "radius": float or {gate: float}}}`` for every
        parameter named "<layer>.Wh" (k = 1 RNN, 3 GRU [z, r, h~], 4 LSTM [f, g, i, o])."""
        from .analysis import spectral_radius

        model = self.task.model
        return {name[:-3]: {"Wh": np.array(p, dtype=np.float32), "radius": spectral_radius(p)}
                for name, p in zip(model.names, model.params) if name.endswith(".Wh")}

    # ------------------------------------------------------------------ checkpoints
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

