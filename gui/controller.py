"""The only part of the window that knows about threads: one worker thread runs ``Trainer.run()``.

The GUI thread calls the methods below; they never wait for the worker and never touch a model:
commands go on the trainer's queue (see ``engine/trainer.py``), and jobs that replace the trainer
(building a task, loading a checkpoint) go on this controller's queue, which the worker drains
between training steps. Building happens on the worker because a large task (PTB) takes a second.

Everything the worker has to say arrives as ``message(dict)``, a signal emitted from the worker
thread and therefore queued to the GUI thread. Besides the trainer's reports ("progress",
"event", "sample", "eval", "hparam", "saved") the controller sends:

- ``{"kind": "building", "config": dict, "what": str}``  a build or load started;
- ``{"kind": "built", "info": dict}``  a new task replaced the old one (``info`` as ``Panel.set_task``);
- ``{"kind": "loaded", "info", "path", "curves": {column: array}, "val_points", "changes"}``;
- ``{"kind": "build_failed", "message": str}``  nothing changed: the old model (if any) stays.

Reports of a trainer that has been replaced are dropped, so the window never mixes two runs.
Without ``start()`` the controller runs synchronously on the calling thread (``--screenshot``,
tests): builds happen at once and ``run_steps`` trains.
"""

from __future__ import annotations

import functools
import queue
import threading
from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import QObject, QTimer, pyqtSignal

from engine.config import Config, coerce
from engine.trainer import FINISHED, PAUSED, Trainer

CELLS = {"rnn": "rnn", "simple": "rnn", "gru": "gru"}  # every other model variant is built of LSTMs


def task_info(task) -> dict[str, Any]:
    """What panels learn about a freshly built task (plain data; see ``Panel.set_task``)."""
    cfg = task.config
    return {"task": cfg.task, "title": task.title, "metric_name": task.metric_name, "model": cfg.model,
            "cell": CELLS.get(cfg.model, "lstm"), "hidden": cfg.hidden,
            "layers": cfg.layers if cfg.applies("layers") else 1, "has_sampling": task.has_sampling,
            "higher_is_better": task.higher_is_better, "config": cfg.to_dict(),
            "description": task.describe(), "num_params": task.model.num_params(),
            "splits": list(task.splits()), "data_info": task.data_info()}


class Controller(QObject):
    message = pyqtSignal(object)

    def __init__(self, parent: QObject | None = None, task_factory: Callable | None = None,
                 report_interval: float = 1 / 30) -> None:
        super().__init__(parent)
        if task_factory is None:
            from engine.tasks import make_task as task_factory
        self._factory = task_factory
        self._report_interval = report_interval
        self._trainer: Trainer | None = None
        self._config: Config | None = None
        self._jobs: queue.Queue = queue.Queue()
        self._wake = threading.Event()
        self._closing = threading.Event()
        self._thread: threading.Thread | None = None
        self._speed = 0.0
        self._trace: int | None = None
        self._example: int | None = None
        self._weights = False
        self._last_state, self._last_step, self._step_target, self._nudges = "paused", 0, 0, 0
        # After "step n" the trainer pauses without a further report when its last one was throttled
        # away; until it reports the pause, nudge it with a no-op command (which makes it report).
        self._nudge = QTimer(self)
        self._nudge.setInterval(150)
        self._nudge.timeout.connect(self._nudge_trainer)

    # ------------------------------------------------------------------ life cycle
    @property
    def threaded(self) -> bool:
        return self._thread is not None

    @property
    def trainer(self) -> Trainer | None:
        """The current Trainer, for reading only (its owner is the worker thread)."""
        return self._trainer

    @property
    def config(self) -> Config | None:
        """The configuration of the current run as the window last set it (live changes included)."""
        return self._config

    def start(self) -> None:
        """Start the worker thread; from now on builds and training happen there."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._worker, name="rnnlab-trainer", daemon=True)
            self._thread.start()

    def close(self, timeout: float = 0.8) -> bool:
        """Stop training and the worker; True if the thread ended within ``timeout`` seconds.
        (A step in progress finishes first; a daemon thread never blocks the process from exiting.)"""
        self._closing.set()
        if self._trainer is not None:
            self._trainer.stop()
        self._wake.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # ------------------------------------------------------------------ commands
    def build(self, config: Config) -> None:
        """Replace the run with a fresh model for ``config`` (a build error keeps the old one)."""
        self._submit(("build", config))

    def reset(self) -> None:
        """A fresh model with the current configuration (same seed: the same initial weights)."""
        if self._config is not None:
            self.build(self._config)

    def load(self, path: str, data: str | None = None) -> None:
        """Replace the run with the checkpoint at ``path``."""
        self._submit(("load", str(path), data))

    def play(self) -> None:
        self._nudge.stop()
        if self._trainer is not None:
            self._trainer.play()

    def pause(self) -> None:
        if self._trainer is not None:
            self._trainer.pause()

    def step(self, n: int = 1) -> None:
        if self._trainer is not None:
            self._trainer.step(n)
            if self.threaded:
                self._step_target, self._nudges = self._last_step + n, 0
                self._nudge.start()

    def _nudge_trainer(self) -> None:
        self._nudges += 1
        done = self._last_state != "running" and self._last_step >= self._step_target
        if self._trainer is None or done or self._nudges > 200:
            self._nudge.stop()
        else:
            self._trainer.set_speed(self._speed)  # a no-op command: the trainer reports after it

    def set(self, name: str, value: Any) -> None:
        """Change a live setting of the running trainer (ValueError for a bad value, at once)."""
        value = coerce(name, value)
        if self._config is not None:
            self._config = self._config.replace(**{name: value})
        if self._trainer is not None:
            self._trainer.set(name, value)

    def set_speed(self, steps_per_second: float) -> None:
        """0 = full speed; otherwise at most this many steps per second."""
        self._speed = max(0.0, float(steps_per_second))
        if self._trainer is not None:
            self._trainer.set_speed(self._speed)

    def set_trace(self, index: int | None) -> None:
        """Record traces of display example ``index`` (None: no traces, which costs nothing)."""
        self._trace = index
        if self._trainer is not None:
            self._trainer.set_trace(index)

    def set_example(self, index: int | None) -> None:
        self._example = index
        if self._trainer is not None:
            self._trainer.set_example(index)

    def set_weights(self, on: bool) -> None:
        """Put the recurrent weights and their spectral radii in the reports (about once a second)."""
        self._weights = bool(on)
        if self._trainer is not None:
            self._trainer.set_weights(self._weights)

    def sample(self, prompt: str, length: int = 200, tag: str | None = None) -> None:
        """Ask for a sample; ``tag`` marks whose it is (the timeline's, not the sampling panel's)."""
        if self._trainer is not None:
            self._trainer.request_sample(prompt, length, tag)

    def evaluate(self, split: str = "val") -> None:
        if self._trainer is not None:
            self._trainer.request_eval(split)

    def save(self, path: str, extra: dict[str, Any] | None = None) -> None:
        """Write a checkpoint between steps; answered by a "saved" message or an "error" event."""
        if self._trainer is None:
            self.message.emit({"kind": "event", "level": "error", "message": "There is no model to save yet."})
        elif self.threaded:
            self._trainer.request_save(path, extra)
        else:
            from engine.checkpoint import save_checkpoint

            try:
                save_checkpoint(path, self._trainer, extra=extra)
            except (ValueError, OSError) as exc:
                self.message.emit({"kind": "event", "level": "error", "message": str(exc)})
            else:
                self.message.emit({"kind": "saved", "path": str(path), "step": self._trainer.step_count})

    def run_steps(self, n: int) -> int:
        """Synchronous mode only: train ``n`` steps (fewer if the run finishes or diverges) on this
        thread, then send a progress report with a fresh trace. Returns the steps taken."""
        if self.threaded:
            raise RuntimeError("run_steps is for the synchronous mode (before start())")
        tr = self._trainer
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

    # ------------------------------------------------------------------ the worker side
    def _submit(self, job: tuple) -> None:
        self._jobs.put(job)
        if not self.threaded:
            self._run_jobs()
            return
        self._wake.set()
        if self._trainer is not None:
            self._trainer.call(lambda _tr: self._run_jobs())  # handled between two steps

    def _worker(self) -> None:
        while not self._closing.is_set():
            self._run_jobs()
            trainer = self._trainer
            if trainer is None or self._closing.is_set():
                self._wake.wait(0.05)
                self._wake.clear()
                continue
            trainer.run()  # returns when stopped: closing, or replaced by a job

    def _run_jobs(self) -> None:
        while not self._closing.is_set():
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            kind = job[0]
            what = "Loading checkpoint" if kind == "load" else "Building model"
            self._emit({"kind": "building", "what": what,
                        "config": job[1].to_dict() if kind == "build" else None})
            try:
                trainer = self._make_trainer(job)
            except Exception as exc:  # noqa: BLE001 - any failure keeps the old model and says why
                self._emit({"kind": "build_failed", "message": str(exc) or type(exc).__name__})
                continue
            self._install(trainer, loaded_from=job[1] if kind == "load" else None)

    def _make_trainer(self, job: tuple) -> Trainer:
        if job[0] == "build":
            return Trainer(self._factory(job[1]), report_interval=self._report_interval)
        from engine.checkpoint import load_checkpoint

        return load_checkpoint(job[1], data=job[2], report_interval=self._report_interval)

    def _install(self, trainer: Trainer, loaded_from: str | None) -> None:
        """Make ``trainer`` the current one (worker thread, or the GUI thread in synchronous mode)."""
        old = self._trainer
        trainer.callback = functools.partial(self._emit_from, trainer)
        # Not running yet, and on the thread that will run it: set the knobs directly.
        trainer.steps_per_second = self._speed
        trainer.trace_index, trainer.example_index = self._trace, self._example
        trainer.weights_on = self._weights
        self._config = trainer.config.replace()  # a copy: the trainer changes its own as it runs
        self._last_state, self._last_step = trainer.state, trainer.step_count
        self._trainer = trainer
        info = task_info(trainer.task)
        if loaded_from is None:
            self._emit({"kind": "built", "info": info})
        else:
            self._emit({"kind": "loaded", "info": info, "path": loaded_from, "step": trainer.step_count,
                        "curves": trainer.curves.as_dict(), "val_points": list(trainer.val_points),
                        "changes": list(trainer.changes)})
        if not self.threaded:  # (a worker's Trainer.run() sends its first report itself)
            trainer.callback(trainer.progress_report())
        if old is not None:
            old.stop()

    def _emit_from(self, trainer: Trainer, report: dict[str, Any]) -> None:
        if trainer is self._trainer:
            if report.get("kind") == "progress":
                self._last_state, self._last_step = report["state"], report["step"]
            self._emit(report)

    def _emit(self, msg: dict[str, Any]) -> None:
        if self._closing.is_set():
            return
        try:
            self.message.emit(msg)
        except RuntimeError:  # the window (and this QObject) is already gone
            pass
