"""Hosts the current run for a front end that lives elsewhere: another thread, or another process.

A front end (the window's ``Controller``) sends commands as plain tuples, ``host.command(name, *args)``
(``messages.COMMANDS``), and receives everything as plain dicts through ``emit`` (``engine/messages.py``).
The host owns the run: it builds and loads (jobs, done between two training steps), saves
checkpoints, keeps the ``Display`` the front end last sent so that a new run starts with it, and
drops the messages of a run it has replaced, so the front end never mixes two runs. Each run is a
``Trainer`` driven by a ``live.LiveRun``. Besides their messages the host sends "building",
"built", "loaded", "build_failed" and "saved".

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

from . import messages
from .checkpoint import load_checkpoint, save_checkpoint
from .config import Config
from .errors import CheckpointError
from .i18n import QT_TRANSLATE_NOOP, Sentence, sentence_of
from .live import LiveRun
from .messages import COMMANDS, Display
from .tasks.registry import applies, make_task
from .threads import set_threads
from .trainer import Trainer

Emit = Callable[[dict[str, Any]], None]


def task_info(task) -> dict[str, Any]:
    """What a front end learns about a freshly built task (plain data; see ``Panel.set_task``)."""
    cfg = task.config
    return {"task": cfg.task, "title": task.title, "metric_name": task.metric_name, "model": cfg.model,
            "cell": task.model.cell, "unit": getattr(task, "unit", None), "hidden": cfg.hidden,
            "layers": cfg.layers if applies(cfg, "layers") else 1, "has_sampling": task.has_sampling,
            "higher_is_better": task.higher_is_better, "config": cfg.to_dict(),
            "description": task.describe(), "num_params": task.model.num_params(),
            "splits": list(task.splits()), "data_info": task.data_info(), "note": str(task.note),
            # the same texts as data the window translates (``i18n.Sentence.to_dict()``)
            "sentences": {"description": task.description().to_dict(),
                          "note": sentence_of(task.note).to_dict() if task.note else None,
                          "source": sentence_of(task.data_source()).to_dict()}}


class TrainerHost:
    """The current run and the commands that drive it; see the module docstring."""

    def __init__(self, emit: Emit, task_factory: Callable | None = None, report_interval: float = 1 / 30) -> None:
        self._factory = task_factory or make_task
        self._emit_raw = emit
        self.report_interval = report_interval
        self.live: LiveRun | None = None
        self.display = Display()
        self.threads: int | None = None  # the BLAS threads last set by a "threads" command
        self.serving = False  # True once serve() runs: commands are then queued, not run at once
        self._jobs: queue.Queue = queue.Queue()
        self._wake = threading.Event()
        self._closing = threading.Event()
        self._stopped: Trainer | None = None  # a run an unexpected error stopped: kept so it can be saved

    @property
    def trainer(self) -> Trainer | None:
        return None if self.live is None else self.live.trainer

    # ------------------------------------------------------------------ commands (any thread)
    def command(self, name: str, *args: Any) -> None:
        """Apply one command (``messages.COMMANDS``); a bad one is answered with an "error" event."""
        if name not in COMMANDS:
            self.emit(messages.event("error", Sentence(QT_TRANSLATE_NOOP("engine", "unknown command {name!r}"),
                                                       name=name)))
        elif name in ("build", "load"):
            self._submit((name, *args))
        elif name == "save":
            self._save(*args)
        elif name == "threads":
            self._threads(*args)
        elif name == "display":
            self.display = args[0]
            if self.live is not None:
                self._to_live(name, self.display)
        elif self.live is not None:
            self._to_live(name, *args)
        elif name in ("play", "step") and self._stopped is not None:
            self.emit(messages.event("error", QT_TRANSLATE_NOOP("engine", "The run stopped after an error and cannot "
                                                                "train on: save it (File > Save), press Reset or "
                                                                "load a checkpoint."), state="stopped"))

    def _to_live(self, name: str, *args: Any) -> None:
        self.live.command(name, *args)
        if not self.serving:
            self.live.apply_commands()

    def _threads(self, n: int) -> None:
        """Set the BLAS threads of the process the host runs in (``engine.threads.set_threads``): between
        two steps when serving, never while a step's matrix product runs."""
        def apply(_trainer: Trainer | None = None) -> None:
            self.threads = set_threads(n)

        if self.serving and self.live is not None:
            self.live.command("call", apply)
        else:
            apply()

    def _save(self, path: str, extra: dict[str, Any] | None = None) -> None:
        """Write a checkpoint of the run (between two steps when serving); answer "saved" or an error."""
        if self.live is None and self._stopped is None:
            self.emit(messages.event("error", QT_TRANSLATE_NOOP("engine", "There is no model to save yet.")))
            return

        def save(trainer: Trainer) -> None:
            try:
                save_checkpoint(path, trainer, extra=extra)
            except (CheckpointError, OSError) as exc:
                self.emit(messages.event("error", exc, step=trainer.step_count, state=trainer.state))
            else:
                self.emit(messages.saved(path, trainer.step_count))

        if self.live is None:  # a stopped run runs nowhere: saved from this thread
            save(self._stopped)
        elif self.serving:
            self.live.command("call", save)
        else:
            save(self.live.trainer)

    # ------------------------------------------------------------------ life cycle
    def close(self) -> None:
        """End ``serve`` (a step in progress finishes first); later messages are dropped."""
        self._closing.set()
        if self.live is not None:
            self.live.stop()
        self._wake.set()

    def serve(self) -> None:
        """Build, load and train until ``close()``. Call on the worker thread (or a child's main thread)."""
        self.serving = True
        while not self._closing.is_set():
            try:
                self._run_jobs()
                live = self.live
                if live is None or self._closing.is_set():
                    self._wake.wait(0.05)
                    self._wake.clear()
                    continue
                live.run()  # returns when stopped: closing, or replaced by a job
            except Exception as exc:  # noqa: BLE001 - a worker that dies would leave the window deaf
                self._crashed(exc)

    def _crashed(self, exc: Exception) -> None:
        """An error escaped the run (outside a training step, which reports its own): say so, keep the
        run for saving, and serve on (builds and loads work as before)."""
        stopped, self.live = self.trainer, None
        if stopped is not None:
            self._stopped = stopped
        self.emit(messages.event(
            "error", Sentence(QT_TRANSLATE_NOOP("engine", "Training stopped after an unexpected error ({error}). The "
                                                "model is kept: save it (File > Save), press Reset or load a "
                                                "checkpoint."), error=f"{type(exc).__name__}: {exc}"),
            state="stopped", step=stopped.step_count if stopped is not None else 0,
            traceback=traceback.format_exc()))

    def run_steps(self, n: int) -> int:
        """Synchronous mode only: train ``n`` steps (fewer if the run finishes or diverges) on this
        thread, then send a progress report with a fresh trace. Returns the steps taken."""
        if self.serving:
            raise RuntimeError("run_steps is for the synchronous mode (before serve())")
        return 0 if self.live is None else self.live.run_steps(n)

    # ------------------------------------------------------------------ jobs (the serving thread)
    def _submit(self, job: tuple) -> None:
        self._jobs.put(job)
        if not self.serving:
            self._run_jobs()
            return
        self._wake.set()
        if self.live is not None:
            self.live.command("call", lambda _trainer: self._run_jobs())  # handled between two steps

    def pending_jobs(self) -> list[tuple]:
        """Take the builds and loads not started yet (``("build", config)``, ``("load", path, data)``): what a
        host that died leaves for the one that replaces it."""
        jobs = []
        while True:
            try:
                jobs.append(self._jobs.get_nowait())
            except queue.Empty:
                return jobs

    def _run_jobs(self) -> None:
        while not self._closing.is_set():
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            kind = job[0]
            what = (QT_TRANSLATE_NOOP("engine", "Loading checkpoint") if kind == "load" else
                    QT_TRANSLATE_NOOP("engine", "Building model"))
            self.emit(messages.building(what, job[1].to_dict() if kind == "build" else None))
            try:
                trainer = self._make_trainer(job)
            except Exception as exc:  # noqa: BLE001 - any failure keeps the old model and says why
                self.emit(messages.build_failed(exc))
                continue
            self._install(trainer, loaded_from=job[1] if kind == "load" else None)

    def _make_trainer(self, job: tuple) -> Trainer:
        if job[0] == "build":
            config: Config = job[1]
            return Trainer(self._factory(config))
        path, data = job[1], (job[2] if len(job) > 2 else None)
        return load_checkpoint(path, data=data)

    def _install(self, trainer: Trainer, loaded_from: str | None) -> None:
        """Make ``trainer`` the current run (on the serving thread, or the caller's in synchronous mode)."""
        old = self.live
        self._stopped = None
        live = LiveRun(trainer, emit=lambda msg: None, display=self.display, report_interval=self.report_interval)
        live.emit = functools.partial(self._emit_from, live)
        self.live = live
        info = task_info(trainer.task)
        if loaded_from is None:
            self.emit(messages.Built(kind="built", info=info))
        else:
            self.emit(messages.Loaded(kind="loaded", info=info, path=str(loaded_from), step=trainer.step_count,
                                      curves=trainer.curves.as_dict(), val_points=list(trainer.val_points),
                                      changes=list(trainer.changes)))
        if not self.serving:  # (a serving LiveRun.run() sends its first report itself)
            live.run_steps(0)
        if old is not None:
            old.stop()

    def _emit_from(self, live: LiveRun, msg: dict[str, Any]) -> None:
        if live is self.live:
            self.emit(msg)

    def emit(self, msg: dict[str, Any]) -> None:
        if not self._closing.is_set():
            self._emit_raw(msg)


# ---------------------------------------------------------------------- the child process
def serve_pipe(conn, task_factory: Callable | None = None, report_interval: float = 1 / 30) -> None:
    """Main function of the training process: commands ``(name, *args)`` come in on ``conn``, every
    message goes out on it, until ``("close",)`` or the other end goes away (the window closed or
    crashed: the child then ends too, it never trains on alone)."""
    send_lock = threading.Lock()  # the training thread and the listener below both send

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
                send(messages.event("error", Sentence(QT_TRANSLATE_NOOP("engine", "{command} failed: {error}"),
                                                      command=name, error=sentence_of(exc)),
                                    traceback=traceback.format_exc()))
        host.close()

    threading.Thread(target=listen, name="rnnlab-commands", daemon=True).start()
    host.serve()
    with send_lock:
        conn.close()
