"""The only part of the window that knows where training runs: a child process, a thread, or here.

The GUI thread calls the methods below; they never wait for training and never touch a model. Each
one becomes a command of ``engine.host.TrainerHost`` (see there for the commands and the messages).
Where the host runs is the controller's business:

- ``Controller(process=True).start()`` (the app): a child process (spawn start) runs the host, and
  commands and messages cross a pipe. A reader thread here only unpickles messages and emits them, so
  the window and training each have their own interpreter lock and core. If the child dies, the
  window says so and starts a fresh one with the last configuration.
- ``Controller().start()``: the host serves on a worker thread of this process (tests, benchmarks).
- without ``start()``: synchronous; builds happen at once and ``run_steps`` trains (``--screenshot``,
  tests).

Everything arrives as ``message(dict)``, a signal emitted from the reader or worker thread and
therefore queued to the GUI thread.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import QObject, QTimer, pyqtSignal

from rnn_lab.engine.config import Config, coerce
from rnn_lab.engine.host import TrainerHost, serve_pipe
from rnn_lab.engine.messages import Display
from rnn_lab.engine.trainer import Trainer

log = logging.getLogger(__name__)
RESTARTS_PER_MINUTE = 3  # a child that keeps dying (out of memory at build, say) is not restarted forever


class Controller(QObject):
    message = pyqtSignal(object)
    _lost = pyqtSignal(object)  # the child process ended by itself (from the reader thread)

    def __init__(self, parent: QObject | None = None, task_factory: Callable | None = None,
                 report_interval: float = 1 / 30, process: bool = False) -> None:
        super().__init__(parent)
        self._factory = task_factory  # None: tasks.registry.make_task (a child needs a picklable one)
        self._report_interval = report_interval
        self._use_process = process
        # In process mode the host lives in the child; this one serves only before start() (synchronous).
        self._host = TrainerHost(self._on_message, task_factory, report_interval)
        self._thread: threading.Thread | None = None
        self._proc: Any = None  # multiprocessing.Process
        self._conn: Any = None  # our end of its pipe
        self._restarts: list[float] = []
        self._closing = threading.Event()
        self._started = False
        self._config: Config | None = None
        self._asked: tuple | None = None  # a build or load sent to a worker that had already died (lost with it)
        self._run_id = 0  # counts built/loaded runs (the autosave's "has this run changed")
        self.display = Display()  # what the window shows, so what the run computes for it (a new child gets it)
        self._threads: int | None = None  # BLAS threads of training (None: not set, the library's own)
        self._last_state, self._last_step, self._step_target, self._nudges = "paused", 0, 0, 0
        # After "step n" the trainer pauses without a further report when its last one was throttled
        # away; until it reports the pause, nudge it with a no-op command (which makes it report).
        self._nudge = QTimer(self)
        self._nudge.setInterval(150)
        self._nudge.timeout.connect(self._nudge_trainer)
        self._lost.connect(self._on_lost)

    # ------------------------------------------------------------------ life cycle
    @property
    def threaded(self) -> bool:
        """True once training runs off the GUI thread (a worker thread or a child process)."""
        return self._started

    @property
    def in_process(self) -> bool:
        """True when training runs in child processes (one at a time; a new one after a crash)."""
        return self._started and self._use_process

    @property
    def trainer(self) -> Trainer | None:
        """The current Trainer, for reading only, when it lives in this process (None in a child)."""
        return None if self.in_process else self._host.trainer

    @property
    def config(self) -> Config | None:
        """The configuration of the current run as the window last set it (live changes included)."""
        return self._config

    def run_key(self) -> tuple[int, int] | None:
        """(run number, last reported step) of a run that has trained, else None (for the autosave)."""
        return (self._run_id, self._last_step) if self._run_id and self._last_step else None

    def start(self) -> None:
        """From now on builds and training happen off the GUI thread (a child process or a thread)."""
        if self._started:
            return
        self._started = True
        if self._use_process:
            self._start_process()
        else:
            self._start_thread()

    def close(self, timeout: float = 0.8) -> bool:
        """Stop training; True if the worker (thread or process) ended within ``timeout`` seconds.
        (A step in progress finishes first; a process that does not end in time is terminated.)"""
        if self._closing.is_set() and self.in_process:  # closed before (the window, then the app)
            return self._proc is None or not self._proc.is_alive()
        self._closing.set()
        self._nudge.stop()
        if self.in_process:
            if self._proc is None:
                return True
            self._send("close")
            # Longer than for a thread: the autosave sent just before (on window close) should land.
            self._proc.join(max(timeout, 3.0))
            ended = not self._proc.is_alive()
            if not ended:
                self._proc.terminate()
                self._proc.join(0.5)
            self._conn.close()
            return ended
        self._host.close()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # ------------------------------------------------------------------ commands
    def build(self, config: Config) -> None:
        """Replace the run with a fresh model for ``config`` (a build error keeps the old one)."""
        self._asked = None if self._worker_alive() else ("build", config)
        self._send("build", config)

    def load(self, path: str, data: str | None = None) -> None:
        """Replace the run with the checkpoint at ``path``."""
        self._asked = None if self._worker_alive() else ("load", str(path), data)
        self._send("load", str(path), data)

    def play(self) -> None:
        self._nudge.stop()
        self._send("play")

    def pause(self) -> None:
        self._send("pause")

    def step(self, n: int = 1) -> None:
        self._send("step", int(n))
        if self.threaded:
            self._step_target, self._nudges = self._last_step + n, 0
            self._nudge.start()

    def _nudge_trainer(self) -> None:
        self._nudges += 1
        done = self._last_state != "running" and self._last_step >= self._step_target
        if self._run_id == 0 or done or self._nudges > 200:
            self._nudge.stop()
        else:
            self._send("display", self.display)  # a no-op command: the run reports after it

    def set(self, name: str, value: Any) -> None:
        """Change a live setting of the running trainer (ValueError for a bad value, at once)."""
        value = coerce(name, value)
        if self._config is not None:
            self._config = self._config.replace(**{name: value})
        self._send("set", name, value)

    def set_display(self, **changes: Any) -> None:
        """Change what the window shows (``messages.Display``: speed, trace, example, weights)."""
        self.display = dataclasses.replace(self.display, **changes)
        self._send("display", self.display)

    def set_speed(self, steps_per_second: float) -> None:
        """0 = full speed; otherwise at most this many steps per second."""
        self.set_display(speed=max(0.0, float(steps_per_second)))

    def pause_at(self, steps) -> None:
        """Pause training on reaching each of these step counts, in this run and the next ones (a
        lesson's steps); an empty list: never."""
        self.set_display(pause_at=tuple(sorted({int(s) for s in steps})))

    @property
    def threads(self) -> int | None:
        """The training threads last asked for (None: never set)."""
        return self._threads

    def set_threads(self, n: int) -> None:
        """Train on ``n`` BLAS threads, from the next step on (in the training process, or in this one
        when training runs on a thread here)."""
        self._threads = max(1, int(n))
        self._send("threads", self._threads)

    def set_trace(self, index: int | None) -> None:
        """Record traces of display example ``index`` (None: no traces, which costs nothing)."""
        self.set_display(trace=index)

    def set_example(self, index: int | None) -> None:
        self.set_display(example=index)

    def set_weights(self, on: bool) -> None:
        """Put the recurrent weights and their spectral radii in the reports (about once a second)."""
        self.set_display(weights=bool(on))

    def sample(self, prompt: str, length: int = 200, tag: str | None = None) -> None:
        """Ask for a sample; ``tag`` marks whose it is (the timeline's, not the sampling panel's)."""
        self._send("sample", prompt, int(length), tag)

    def vectors(self, query: dict[str, Any]) -> None:
        """Ask for nearest words, an analogy and the word map (``engine.vectors.answer``): a "vectors" message."""
        self._send("vectors", dict(query))

    def evaluate(self, split: str = "val") -> None:
        self._send("eval", split)

    def save(self, path: str, extra: dict[str, Any] | None = None) -> None:
        """Write a checkpoint between steps; answered by a "saved" message or an "error" event."""
        self._send("save", str(path), extra)

    def run_steps(self, n: int) -> int:
        """Synchronous mode only: train ``n`` steps on this thread (see ``TrainerHost.run_steps``)."""
        if self.threaded:
            raise RuntimeError("run_steps is for the synchronous mode (before start())")
        return self._host.run_steps(n)

    # ------------------------------------------------------------------ plumbing
    def _worker_alive(self) -> bool:
        """False once the worker (thread or child) has died and the window has not yet heard of it (a
        command sent then would be lost with it); True before ``start()``."""
        if not self._started:
            return True
        if self._use_process:
            return self._proc is None or self._proc.is_alive()  # (None: a build starts a new child)
        return self._thread is not None and self._thread.is_alive()

    def _send(self, name: str, *args: Any) -> None:
        if not self.in_process:
            self._host.command(name, *args)
            return
        if self._closing.is_set() and name != "close":
            return  # (panels hiding as the window closes turn their views off: nobody is listening)
        if self._proc is None:  # the child died and was not restarted: a new build starts a new one
            if name not in ("build", "load"):
                return
            self._start_process()
        try:
            self._conn.send((name, *args))
        except (OSError, ValueError) as exc:  # the child is gone; its reader reports that
            log.warning("training process unreachable (%s): %s dropped", exc, name)

    def _on_message(self, msg: dict[str, Any]) -> None:
        """Every message passes here (worker, reader or GUI thread): note the run's state, then emit."""
        kind = msg.get("kind")
        if kind == "progress":
            self._last_state, self._last_step = msg["state"], msg["step"]
        elif kind in ("built", "loaded"):
            self._run_id += 1
            self._last_state, self._last_step = "paused", int(msg.get("step", 0))
            try:
                self._config = Config.from_dict(msg["info"]["config"], strict=False)
            except (KeyError, TypeError, ValueError):
                log.warning("the new run's configuration could not be read back")
        if self._closing.is_set():
            return
        try:
            self.message.emit(msg)
        except RuntimeError:  # the window (and this QObject) is already gone
            pass

    # ------------------------------------------------------------------ the worker thread
    def _start_thread(self) -> None:
        self._thread = threading.Thread(target=self._serve_thread, args=(self._host,), name="rnnlab-trainer",
                                        daemon=True)
        self._thread.start()

    def _serve_thread(self, host: TrainerHost) -> None:
        """The worker thread: the host serves (and reports any error a run raises); should the thread end
        anyway (an exception no handler expects), the GUI thread hears of it and starts a new one."""
        try:
            host.serve()
        except BaseException as exc:  # noqa: BLE001 - reported to the window, never silent
            log.error("the training thread stopped: %r", exc, exc_info=True)
            if not self._closing.is_set():
                self._lost.emit(exc)

    # ------------------------------------------------------------------ the child process
    def _start_process(self) -> None:
        ctx = multiprocessing.get_context("spawn")  # never fork a process that runs Qt's threads
        ours, theirs = ctx.Pipe()
        proc = ctx.Process(target=serve_pipe, args=(theirs, self._factory, self._report_interval),
                           name="rnnlab-trainer", daemon=True)
        proc.start()
        theirs.close()
        self._proc, self._conn = proc, ours
        self._send("display", self.display)  # for the new process (a restart after a crash keeps it)
        if self._threads is not None:
            self._send("threads", self._threads)
        threading.Thread(target=self._read, args=(proc, ours), name="rnnlab-reports", daemon=True).start()

    def _read(self, proc, conn) -> None:
        """Reader thread: forward the child's messages until its end of the pipe closes."""
        while True:
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                break
            if proc is self._proc:
                self._on_message(msg)
        if not self._closing.is_set():
            proc.join(2.0)
            self._lost.emit(proc)

    def _on_lost(self, worker) -> None:
        """GUI thread: the child process (or, with a worker thread, the thread: ``worker`` is then the
        exception that ended it) ended without being asked to. Say how, and start a fresh one."""
        if self._closing.is_set() or (self._use_process and worker is not self._proc):
            return
        asked, self._asked = self._asked, None
        now = time.monotonic()
        self._restarts = [t for t in self._restarts if now - t < 60] + [now]
        self._nudge.stop()
        again = len(self._restarts) <= RESTARTS_PER_MINUTE
        if self._use_process:
            self._proc = None
            self._conn.close()
            how, killed = _how_it_ended(worker.exitcode, self.tr)
            what = self.tr("The training process stopped unexpectedly ({how}).").format(how=how)
        else:
            killed = False
            what = self.tr("The training thread stopped unexpectedly ({error}).").format(
                error=f"{type(worker).__name__}: {worker}")
            pending = self._host.pending_jobs()  # builds and loads the dead thread never started
            if pending:
                asked = pending[-1]  # (only the last counts: each replaces the run before it)
            self._host = TrainerHost(self._on_message, self._factory, self._report_interval)
            self._host.command("display", self.display)  # what the window shows, for the new host
            if self._threads is not None:
                self._host.command("threads", self._threads)
        if again:
            then = self.tr("Starting a fresh one with the same settings; steps since the last save or autosave "
                           "are lost.")
        elif killed:
            then = self.tr("It was killed several times in a minute, so it was not restarted: try smaller settings "
                           "(hidden size, batch, BPTT length or vocabulary), then Reset.")
        else:
            then = self.tr("It failed several times in a minute, so it was not restarted (its error, if it printed "
                           "one, is in the terminal RNN Lab was started from): change the settings or the data, "
                           "then Reset.")
        self._on_message({"kind": "event", "level": "error", "state": "stopped", "step": self._last_step,
                          "message": f"{what} {then}"})
        self._last_state = "stopped"
        if not self._use_process:
            self._start_thread()  # commands reach the new host at once
        elif again:
            self._start_process()
        if asked is not None:  # what the user asked for went to the dead worker (or waited in it): ask again
            self._send(*asked)
        elif again and self._config is not None:  # the run that was there, fresh
            self._send("build", self._config)


def _how_it_ended(code: int | None, tr) -> tuple[str, bool]:
    """(Words for a child's exit code, in the window's language through ``tr``; whether it was killed by a
    signal that may mean "out of memory")."""
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        if -code == getattr(signal, "SIGKILL", 9):
            return tr("killed by {signal}: the system may have run out of memory").format(signal=name), True
        return tr("ended by {signal}").format(signal=name), False
    return tr("exit code {code}").format(code=code), False
