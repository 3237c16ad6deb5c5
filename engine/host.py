"""Hosts the current run for a front end that lives elsewhere: another thread, or another process.

A front end (the window's ``Controller``) sends commands as plain tuples, ``host.command(name, *args)``,
and receives everything as plain dicts through ``emit``. The host owns the ``Trainer``: it builds and
loads (jobs, done between two training steps), keeps the display knobs (speed, trace, example,
weights) so that a new trainer starts with them, and drops reports of a trainer it has replaced, so
the front end never mixes two runs. Commands (see ``COMMANDS``):

    build(config)  load(path, data)  play()  pause()  step(n)  set(name, value)  speed(steps_per_s)
    trace(index)  example(index)  weights(on)  sample(prompt, length, tag)  eval(split)  save(path, extra)

Besides the trainer's reports ("progress", "event", "sample", "eval", "hparam", "saved") the host sends:

- ``{"kind": "building", "config": dict | None, "what": str}``  a build or load started;
- ``{"kind": "built", "info": dict}``  a new task replaced the old one (``info`` from ``task_info``);
- ``{"kind": "loaded", "info", "path", "step", "curves": {column: array}, "val_points", "changes"}``;
- ``{"kind": "build_failed", "message": str}``  nothing changed: the old model (if any) stays.

Three ways to run it:

- synchronous (tests, screenshots): every command runs at once on the caller's thread, and
  ``run_steps(n)`` trains;
- ``serve()`` on a worker thread (commands may come from any thread);
- ``serve_pipe(conn)``: the main function of a child process (``multiprocessing``, spawn start).
  Commands arrive on ``conn`` and messages go back on it, so the window's thread never shares an
  interpreter lock with training (docs/performance.md: sharing it cost the window half the speed).
"""

from __future__ import annotations

import functools
import queue
import threading
import traceback
from collections.abc import Callable
from typing import Any

from .config import Config
from .trainer import FINISHED, PAUSED, Trainer

Emit = Callable[[dict[str, Any]], None]
CELLS = {"rnn": "rnn", "simple": "rnn", "gru": "gru"}  # every other model variant is built of LSTMs
COMMANDS = ("build", "load", "play", "pause", "step", "set", "speed", "trace", "example", "weights",
            "sample", "eval", "save")


def task_info(task) -> dict[str, Any]:
    """What a front end learns about a freshly built task (plain data; see ``Panel.set_task``)."""
    cfg = task.config
    return {"task": cfg.task, "title": task.title, "metric_name": task.metric_name, "model": cfg.model,
            "cell": CELLS.get(cfg.model, "lstm"), "hidden": cfg.hidden,
            "layers": cfg.layers if cfg.applies("layers") else 1, "has_sampling": task.has_sampling,
            "higher_is_better": task.higher_is_better, "config": cfg.to_dict(),
            "description": task.describe(), "num_params": task.model.num_params(),
            "splits": list(task.splits()), "data_info": task.data_info()}


class TrainerHost:
    """The current run and the commands that drive it; see the module docstring."""

    def __init__(self, emit: Emit, task_factory: Callable | None = None, report_interval: float = 1 / 30) -> None:
        if task_factory is None:
            from .tasks import make_task as task_factory
        self._factory = task_factory
        self._emit_raw = emit
        self.report_interval = report_interval
        self.trainer: Trainer | None = None
        self.serving = False  # True once serve() runs: commands are then queued, not run at once
        self._jobs: queue.Queue = queue.Queue()
        self._wake = threading.Event()
        self._closing = threading.Event()
        self._speed, self._trace, self._example, self._weights = 0.0, None, None, False
        self._stopped: Trainer | None = None  # a run an unexpected error stopped: kept so it can be saved

    # ------------------------------------------------------------------ commands (any thread)
    def command(self, name: str, *args: Any) -> None:
        """Apply one command (see ``COMMANDS``); a bad one is answered with an "error" event."""
        if name not in COMMANDS:
            self.emit({"kind": "event", "level": "error", "message": f"unknown command {name!r}"})
            return
        getattr(self, "_cmd_" + name)(*args)

    def _cmd_build(self, config: Config) -> None:
        self._submit(("build", config))

    def _cmd_load(self, path: str, data: str | None = None) -> None:
        self._submit(("load", str(path), data))

    def _cmd_play(self) -> None:
        if self.trainer is not None:
            self.trainer.play()
        else:
            self._say_stopped()

    def _cmd_pause(self) -> None:
        if self.trainer is not None:
            self.trainer.pause()

    def _cmd_step(self, n: int = 1) -> None:
        if self.trainer is not None:
            self.trainer.step(n)
        else:
            self._say_stopped()

    def _say_stopped(self) -> None:
        if self._stopped is not None:
            self.emit({"kind": "event", "level": "error", "state": "stopped", "message": "The run stopped after an "
                       "error and cannot train on: save it (File > Save), press Reset or load a checkpoint."})

    def _cmd_set(self, name: str, value: Any) -> None:
        if self.trainer is not None:
            self.trainer.set(name, value)

    def _cmd_speed(self, steps_per_second: float) -> None:
        self._speed = max(0.0, float(steps_per_second))
        if self.trainer is not None:
            self.trainer.set_speed(self._speed)

    def _cmd_trace(self, index: int | None) -> None:
        self._trace = index
        if self.trainer is not None:
            self.trainer.set_trace(index)

    def _cmd_example(self, index: int | None) -> None:
        self._example = index
        if self.trainer is not None:
            self.trainer.set_example(index)

    def _cmd_weights(self, on: bool) -> None:
        self._weights = bool(on)
        if self.trainer is not None:
            self.trainer.set_weights(self._weights)

    def _cmd_sample(self, prompt: str, length: int = 200, tag: str | None = None) -> None:
        if self.trainer is not None:
            self.trainer.request_sample(prompt, length, tag)

    def _cmd_eval(self, split: str = "val") -> None:
        if self.trainer is not None:
            self.trainer.request_eval(split)

    def _cmd_save(self, path: str, extra: dict[str, Any] | None = None) -> None:
        trainer = self.trainer or self._stopped  # (a stopped run runs nowhere: saved from this thread)
        if trainer is None:
            self.emit({"kind": "event", "level": "error", "message": "There is no model to save yet."})
        elif self.serving and trainer is self.trainer:
            self.trainer.request_save(path, extra)
        else:
            from .checkpoint import save_checkpoint

            try:
                save_checkpoint(path, trainer, extra=extra)
            except (ValueError, OSError) as exc:
                self.emit({"kind": "event", "level": "error", "message": str(exc)})
            else:
                self.emit({"kind": "saved", "path": str(path), "step": trainer.step_count})

    # ------------------------------------------------------------------ life cycle
    def close(self) -> None:
        """End ``serve`` (a step in progress finishes first); later messages are dropped."""
        self._closing.set()
        if self.trainer is not None:
            self.trainer.stop()
        self._wake.set()

    def serve(self) -> None:
        """Build, load and train until ``close()``. Call on the worker thread (or a child's main thread)."""
        self.serving = True
        while not self._closing.is_set():
            try:
                self._run_jobs()
                trainer = self.trainer
                if trainer is None or self._closing.is_set():
                    self._wake.wait(0.05)
                    self._wake.clear()
                    continue
                trainer.run()  # returns when stopped: closing, or replaced by a job
            except Exception as exc:  # noqa: BLE001 - a worker that dies would leave the window deaf
                self._crashed(exc)

    def _crashed(self, exc: Exception) -> None:
        """An error escaped the trainer (outside a training step, which reports its own): say so, keep
        the run for saving, and serve on (builds and loads work as before)."""
        stopped, self.trainer = self.trainer, None
        if stopped is not None:
            self._stopped = stopped
        self.emit({"kind": "event", "level": "error", "state": "stopped",
                   "step": stopped.step_count if stopped is not None else 0,
                   "message": f"Training stopped after an unexpected error ({type(exc).__name__}: {exc}). "
                   "The model is kept: save it (File > Save), press Reset or load a checkpoint.",
                   "traceback": traceback.format_exc()})

    def run_steps(self, n: int) -> int:
        """Synchronous mode only: train ``n`` steps (fewer if the run finishes or diverges) on this
        thread, then send a progress report with a fresh trace. Returns the steps taken."""
        if self.serving:
            raise RuntimeError("run_steps is for the synchronous mode (before serve())")
        tr = self.trainer
        if tr is None or n <= 0:
            return 0
        start = tr.step_count
        target = start + n
        if tr.config.max_steps:
            target = min(target, tr.config.max_steps)
        tr.trace_interval = 0.0  # every report may carry a trace: the last one must
        if target > start:
            tr.fit(max_steps=target)
        if tr.state == FINISHED and tr.step_count == start + n:
            tr.state = PAUSED  # stopped because we asked for n steps, not because the run is over
        tr.callback(tr.progress_report())
        return tr.step_count - start

    # ------------------------------------------------------------------ jobs (the serving thread)
    def _submit(self, job: tuple) -> None:
        self._jobs.put(job)
        if not self.serving:
            self._run_jobs()
            return
        self._wake.set()
        if self.trainer is not None:
            self.trainer.call(lambda _tr: self._run_jobs())  # handled between two steps

    def _run_jobs(self) -> None:
        while not self._closing.is_set():
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            kind = job[0]
            what = "Loading checkpoint" if kind == "load" else "Building model"
            self.emit({"kind": "building", "what": what, "config": job[1].to_dict() if kind == "build" else None})
            try:
                trainer = self._make_trainer(job)
            except Exception as exc:  # noqa: BLE001 - any failure keeps the old model and says why
                self.emit({"kind": "build_failed", "message": str(exc) or type(exc).__name__})
                continue
            self._install(trainer, loaded_from=job[1] if kind == "load" else None)

    def _make_trainer(self, job: tuple) -> Trainer:
        if job[0] == "build":
            return Trainer(self._factory(job[1]), report_interval=self.report_interval)
        from .checkpoint import load_checkpoint

        return load_checkpoint(job[1], data=job[2], report_interval=self.report_interval)

    def _install(self, trainer: Trainer, loaded_from: str | None) -> None:
        """Make ``trainer`` the current one (on the serving thread, or the caller's in synchronous mode)."""
        old = self.trainer
        self._stopped = None
        trainer.callback = functools.partial(self._emit_from, trainer)
        # Not running yet, and on the thread that will run it: set the knobs directly.
        trainer.steps_per_second = self._speed
        trainer.trace_index, trainer.example_index = self._trace, self._example
        trainer.weights_on = self._weights
        self.trainer = trainer
        info = task_info(trainer.task)
        if loaded_from is None:
            self.emit({"kind": "built", "info": info})
        else:
            self.emit({"kind": "loaded", "info": info, "path": loaded_from, "step": trainer.step_count,
                       "curves": trainer.curves.as_dict(), "val_points": list(trainer.val_points),
                       "changes": list(trainer.changes)})
        if not self.serving:  # (a serving Trainer.run() sends its first report itself)
            trainer.callback(trainer.progress_report())
        if old is not None:
            old.stop()

    def _emit_from(self, trainer: Trainer, report: dict[str, Any]) -> None:
        if trainer is self.trainer:
            self.emit(report)

    def emit(self, msg: dict[str, Any]) -> None:
        if not self._closing.is_set():
            self._emit_raw(msg)


# ---------------------------------------------------------------------- the child process
def serve_pipe(conn, task_factory: Callable | None = None, report_interval: float = 1 / 30) -> None:
    """Main function of the training process: commands ``(name, *args)`` come in on ``conn``, every
    message goes out on it, until ``("close",)`` or the other end goes away (the window closed or
    crashed: the child then ends too, it never trains on alone)."""
    send_lock = threading.Lock()  # the trainer's thread and the listener below both send

    def send(msg: dict[str, Any]) -> None:
        with send_lock:
            try:
                conn.send(msg)
            except (OSError, ValueError):  # the window is gone: stop training
                host.close()

    host = TrainerHost(send, task_factory, report_interval)

    def listen() -> None:
        while True:
            try:
                name, *args = conn.recv()
            except (EOFError, OSError):
                break
            if name == "close":
                break
            try:
                host.command(name, *args)
            except Exception as exc:  # noqa: BLE001 - a bad command must not end the process
                send({"kind": "event", "level": "error", "message": f"{name} failed: {exc}",
                      "traceback": traceback.format_exc()})
        host.close()

    threading.Thread(target=listen, name="rnnlab-commands", daemon=True).start()
    host.serve()
    with send_lock:
        conn.close()
