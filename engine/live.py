"""Driving a Trainer live: commands from any thread applied between two steps, and progress reports
throttled to what a window can draw, carrying what its display asks for.

``LiveRun(trainer, emit)`` is what ``host.TrainerHost`` runs on its serving thread (``run()``) or, in
the synchronous mode of tests and screenshots, on the caller's (``apply_commands()``, ``run_steps(n)``). Other threads never
touch the model: ``command(name, *args)`` only puts a message on a queue, which the loop drains
between steps:

    play  pause  step(n)  stop  set(name, value)  sample(prompt, length, tag)  eval(split)
    vectors(query)  display(Display)  call(fn)      (``fn(trainer)`` on the loop's thread, between steps)

Everything goes out through ``emit(message)`` (``engine/messages.py``): the trainer's own messages
("event", "hparam") at once, its per-step "progress" merged into one report at most every
``report_interval`` seconds (every curve point since the last report, new validation points), with a
trace, an example and the recurrent weights when the ``Display`` asks for them and they are due.
Everything in a report is a copy: the loop keeps training while the window draws it.

Time comes from ``clock`` and waiting goes through ``wait(seconds)`` (a command cuts it short), so
tests drive the loop with a fake clock instead of sleeping.
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

from . import messages, vectors
from .analysis import recurrent_radii, recurrent_weights
from .curves import COLUMNS
from .errors import TaskError
from .i18n import QT_TRANSLATE_NOOP, Sentence, sentence_of
from .messages import Display
from .trainer import FINISHED, PAUSED, RUNNING, STOPPED, Trainer

Emit = Callable[[dict[str, Any]], None]
IDLE_WAIT = 0.05  # seconds between looks at the command queue while paused


class LiveRun:
    """Serves one ``trainer`` to a front end (see the module docstring)."""

    trace_interval = 0.25  # seconds between traces (a trace costs one forward + backward)
    example_interval = 0.1  # seconds between display examples (one forward of one example)
    weights_interval = 1.0  # seconds between weight reports (eigenvalues of H x H blocks: O(H^3))
    radius_interval = 1.0  # seconds between the spectral radii every report stream carries, shown or not

    def __init__(self, trainer: Trainer, emit: Emit, display: Display | None = None,
                 report_interval: float = 1 / 30, clock: Callable[[], float] = time.perf_counter,
                 wait: Callable[[float], Any] | None = None) -> None:
        self.trainer = trainer
        self.emit = emit
        self.display = display or Display()
        self.report_interval = report_interval
        self.clock = clock
        self._wait = wait
        trainer.callback = self._from_trainer
        self._commands: queue.Queue = queue.Queue()
        self._wake = threading.Event()
        self._pending_steps = 0
        self._stepping = False  # a "step n" command runs: pause when it is done
        self._dirty = False  # something changed since the last report (commands while paused)
        self._points: list[dict[str, np.ndarray]] = []  # the trainer's per-step points not reported yet
        self._vals: list[dict[str, Any]] = []
        self._last_report = -math.inf
        self._due: dict[str, tuple[float, int]] = {}  # trace/example/weights/radius -> (time, step) last sent
        self._solved_seen = trainer.solved_at  # a solved run pauses once, when it gets solved
        self._vector_basis: np.ndarray | None = None  # the last word map's axes (the next one follows them)

    # ------------------------------------------------------------------ commands (any thread)
    def command(self, name: str, *args: Any) -> None:
        self._commands.put((name, *args))
        self._wake.set()

    def stop(self) -> None:
        """End ``run`` (it returns at the next step boundary)."""
        self.command("stop")

    # ------------------------------------------------------------------ the loop
    def run(self) -> None:
        """Serve commands and train until stopped. Call on the serving thread."""
        self._report(force=True)
        while self._drain():
            if self.trainer.state == RUNNING or self._pending_steps > 0:
                self._guarded_step()
                if self.display.speed > 0:
                    self._sleep(1.0 / self.display.speed)
            else:
                if self._dirty:  # paused: report once after a command, not 20 times a second
                    self._report(force=True)
                self._sleep(IDLE_WAIT)
        self.trainer.state = STOPPED
        self._report(force=True)

    def apply_commands(self) -> None:
        """Synchronous mode: apply the queued commands now, and report if they changed something."""
        self._drain()
        if self._dirty:
            self._report(force=True)

    def run_steps(self, n: int) -> int:
        """Synchronous mode: apply queued commands, train ``n`` steps (fewer if the run finishes or
        diverges) on this thread, then report with a fresh trace. Returns the steps taken."""
        self._drain()
        tr = self.trainer
        start = tr.step_count
        target = start + max(0, n)
        if tr.config.max_steps:
            target = min(target, tr.config.max_steps)
        if target > start:
            tr.fit(max_steps=target)
        if tr.state == FINISHED and tr.step_count == start + n:
            tr.state = PAUSED  # stopped because we asked for n steps, not because the run is over
        self._due.clear()  # the last report must carry what the display shows, up to date
        self._report(force=True)
        return tr.step_count - start

    def _sleep(self, seconds: float) -> None:
        if self._wait is not None:
            self._wait(seconds)
        else:
            self._wake.wait(seconds)
        self._wake.clear()

    def _guarded_step(self) -> None:
        """One step; an exception pauses training and is reported, never ends the loop."""
        tr = self.trainer
        try:
            tr.train_step()
        except Exception as exc:  # noqa: BLE001 - the loop must survive anything a step raises
            tr.state, self._dirty, self._pending_steps = PAUSED, True, 0
            tr.event("error", Sentence(QT_TRANSLATE_NOOP("engine", "Training stopped: {error}"),
                                       error=sentence_of(exc)), traceback=traceback.format_exc())
            return
        if tr.state != RUNNING:  # diverged
            self._pending_steps, self._dirty = 0, True
            return
        if self._pending_steps > 0:
            self._pending_steps -= 1
            if self._pending_steps == 0 and self._stepping:
                tr.state, self._dirty = PAUSED, True
        if tr.state == RUNNING and tr.limits_reached():
            tr.state, self._dirty = FINISHED, True
            tr.event("info", Sentence(QT_TRANSLATE_NOOP("engine", "Finished after {steps} steps ({epochs:.2f} "
                                                        "epochs)."), steps=tr.step_count, epochs=tr.task.epoch))
        self._check_pauses()

    def _check_pauses(self) -> None:
        """Pause a running run once when its task gets solved (``config.pause_when_solved``: the adder
        exactly right on every pair), and at the step counts of ``Display.pause_at`` (a lesson's)."""
        tr = self.trainer
        if tr.state != RUNNING:
            return
        if tr.solved_at is not None and tr.solved_at != self._solved_seen:
            self._solved_seen = tr.solved_at
            if getattr(tr.config, "pause_when_solved", False):
                tr.state, self._dirty, self._pending_steps = PAUSED, True, 0
                self._report(force=True)  # the validation that found it solved reaches the window first
                tr.event("info", Sentence(QT_TRANSLATE_NOOP("engine", "Solved: exactly right on every validation "
                                                            "example at step {step}. Training paused; press Play "
                                                            "to train on, or untick 'Pause when solved'."),
                                          step=tr.step_count), solved=True)
                return
        if tr.step_count in self.display.pause_at:
            tr.state, self._dirty, self._pending_steps = PAUSED, True, 0
            self._report(force=True)  # the curves up to this step, before the message about it
            tr.event("info", Sentence(QT_TRANSLATE_NOOP("engine", "Paused at step {step}, as the lesson describes: "
                                                        "read the next step of the lesson, then press Play to go "
                                                        "on."), step=tr.step_count), lesson_pause=True)

    # ------------------------------------------------------------------ commands (the loop's thread)
    def _drain(self) -> bool:
        """Apply queued commands; False when asked to stop."""
        while True:
            try:
                name, *args = self._commands.get_nowait()
            except queue.Empty:
                return True
            if name == "stop":
                return False
            try:
                self._dirty = True
                getattr(self, "_cmd_" + name)(*args)
            except (TaskError, ValueError, OSError) as exc:
                self.trainer.event("error", exc)
            except Exception as exc:  # noqa: BLE001 - report, keep serving
                self.trainer.event("error", Sentence(QT_TRANSLATE_NOOP("engine", "{command} failed: {error}"),
                                                     command=name, error=sentence_of(exc)),
                                   traceback=traceback.format_exc())

    def _may_train(self) -> bool:
        tr = self.trainer
        if not tr.limits_reached():
            return True
        tr.state = FINISHED
        tr.event("info", Sentence(QT_TRANSLATE_NOOP("engine", "The run is finished ({steps} steps, {epochs:.2f} "
                                                    "epochs): raise the step or epoch limit to continue."),
                                  steps=tr.step_count, epochs=tr.task.epoch))
        return False

    def _cmd_play(self) -> None:
        if self._may_train():
            self.trainer.state, self._pending_steps, self._stepping = RUNNING, 0, False

    def _cmd_pause(self) -> None:
        self.trainer.state, self._pending_steps = PAUSED, 0
        self._report(force=True)

    def _cmd_step(self, n: int = 1) -> None:
        if self._may_train() and self.trainer.state != RUNNING:
            self.trainer.state, self._stepping = RUNNING, True
            self._pending_steps += int(n)

    def _cmd_set(self, name: str, value: Any) -> None:
        self.trainer.apply_setting(name, value)

    def _cmd_display(self, display: Display) -> None:
        old, self.display = self.display, display
        for what in ("trace", "example", "weights"):
            if getattr(old, what) != getattr(display, what):
                self._due.pop(what, None)
        if old.equations != display.equations:
            self._due.pop("trace", None)
        self._report(force=True)

    def _cmd_sample(self, prompt: str, length: int = 200, tag: str | None = None) -> None:
        tr, cfg = self.trainer, self.trainer.config
        out = tr.task.sample(prompt, int(length), cfg.temperature, cfg.top_k, tr.sample_rng)
        msg = messages.Sample(kind="sample", step=tr.step_count, **out)
        if tag is not None:
            msg["tag"] = str(tag)
        self.emit(msg)

    def _cmd_eval(self, split: str = "val") -> None:
        metrics = self.trainer.evaluate(split)
        self.emit(messages.Eval(kind="eval", split=split, step=self.trainer.step_count, **metrics))

    def _cmd_vectors(self, query: dict[str, Any]) -> None:
        """Nearest words, an analogy and the 2-D map of the embedding (``engine/vectors.py``), oriented
        like the last map this run sent."""
        W, tokens, counts = self.trainer.task.word_vectors()
        answer = vectors.answer(W, tokens, counts, dict(query), previous=self._vector_basis)
        if answer["map"] is not None:
            self._vector_basis = answer["map"].pop("basis")
        self.emit(messages.Vectors(kind="vectors", step=self.trainer.step_count, query=dict(query), **answer))

    def _cmd_call(self, fn: Callable[[Trainer], Any]) -> None:
        fn(self.trainer)

    # ------------------------------------------------------------------ reports
    def _from_trainer(self, msg: dict[str, Any]) -> None:
        if msg["kind"] != "progress":
            self._dirty = True
            self.emit(msg)
            return
        self._points.append(msg["points"])
        self._vals += msg["val"]
        self._report()

    def _report(self, force: bool = False) -> None:
        now = self.clock()
        if not force and now - self._last_report < self.report_interval:
            return
        self._last_report, self._dirty = now, False
        self.emit(self.snapshot(now))

    def snapshot(self, now: float | None = None) -> messages.Progress:
        """A report of the run now: the trainer's numbers, every point since the last report, and the
        trace, example and weights the display asks for, when due."""
        now = self.clock() if now is None else now
        report = self.trainer.progress()
        parts = [*self._points, report["points"]]
        report["points"] = {c: np.concatenate([p[c] for p in parts]) for c in COLUMNS}
        report["val"] = self._vals + report["val"]
        self._points, self._vals = [], []
        d, task = self.display, self.trainer.task
        if d.trace is not None and self._due_now("trace", now, self.trace_interval):
            report["trace"] = task.trace(d.trace, equations=True) if d.equations else task.trace(d.trace)
        if d.example is not None and self._due_now("example", now, self.example_interval):
            report["example"] = task.display_example(d.example)
        if d.weights and self._due_now("weights", now, self.weights_interval):
            report["weights"] = recurrent_weights(task.model)
        self._add_radius(report, now)
        return report

    def _add_radius(self, report: messages.Progress, now: float) -> None:
        """Every time series is recorded whatever the window shows: the spectral radii of the recurrent
        matrices go into a report about once a second while running (and at once for a new step while
        paused), so their history has no gaps while the weights view is hidden. The matrices themselves
        travel only while a view shows them (``report["weights"]``, which carries the radii too)."""
        step = self.trainer.step_count
        if "weights" in report:
            report["radius"] = {name: w["radius"] for name, w in report["weights"].items()}
        else:
            last, last_step = self._due.get("radius", (-math.inf, -1))
            if step == last_step or (now - last < self.radius_interval and report["state"] == RUNNING):
                return
            radii = recurrent_radii(self.trainer.task.model)
            if not radii:
                return
            report["radius"] = radii
        self._due["radius"] = (now, step)

    def _due_now(self, what: str, now: float, interval: float) -> bool:
        """True (and noted) when ``what`` was last sent ``interval`` seconds ago or more, at another step
        (a paused model needs no new one)."""
        last, step = self._due.get(what, (-math.inf, -1))
        if now - last < interval or step == self.trainer.step_count:
            return False
        self._due[what] = (now, self.trainer.step_count)
        return True
