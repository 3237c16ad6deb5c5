"""What a run left overnight needs from ``rnn-lab train``: periodic saves, a clean stop on Ctrl+C or
SIGTERM, the best model kept, and a CSV log that a resumed run continues.

- ``parse_every("500")`` (steps) or ``parse_every("30m")`` (time: s, m or h): ``--save-every``;
- ``StopSignals``: while it is active, the first Ctrl+C (SIGINT) or SIGTERM only asks the run to stop
  after the step in progress (the loop then saves and exits with 130); a second one interrupts at once;
- ``CsvLog``: ``--log-csv FILE``, rows ``step,time,metric,value`` (metrics named by split:
  ``train_loss``, ``train_perplexity``, ``grad_norm``, ``lr``, ``val_loss``, ...), appended; a resumed
  run first drops the rows of steps after its checkpoint (steps it will train again);
- ``LongRun``: trains a Trainer step by step to its limits, doing the above and ``--keep-best`` (the
  best validated model, written beside the last whenever validation finds a new best: the book's
  trainer keeps the parameters with the best validation perplexity).

Every file is written atomically (``engine.atomic``), so a kill at any moment leaves the previous
checkpoint whole, and ``train --resume`` continues it bit for bit.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .atomic import atomic_write_text, check_writable
from .checkpoint import save_checkpoint
from .errors import CheckpointError
from .trainer import DIVERGED, FINISHED, RUNNING
from .user_files import UserFileError, open_append, read_text

CSV_HEADER = ("step", "time", "metric", "value")
CSV_FLUSH_S = 1.0  # seconds between writes of the CSV log (and at every save)
MAX_CSV_BYTES = 2 * 10**9  # an existing log a resumed run rewrites is read whole: bounded
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr)?\s*$", re.IGNORECASE)
_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600}


# ------------------------------------------------------------------------------------------- --save-every
def parse_every(text: str) -> tuple[int | None, float | None]:
    """``"500"`` -> (500 steps, None); ``"30m"`` -> (None, 1800.0 seconds); ValueError otherwise."""
    m = _EVERY.match(text)
    if not m:
        raise ValueError(f"expected a number of steps (500) or a time (90s, 30m, 2h), got {text!r}")
    number, unit = m.group(1), (m.group(2) or "").lower()
    if not unit:
        if "." in number or int(number) < 1:
            raise ValueError(f"expected a whole number of steps >= 1, got {text!r}")
        return int(number), None
    seconds = float(number) * _SECONDS[unit]
    if seconds < 1:
        raise ValueError(f"expected at least one second, got {text!r}")
    return None, seconds


def best_path(path: str | os.PathLike) -> Path:
    """Where ``--keep-best`` writes the best model of a run saved to ``path``: ``run.npz`` -> ``run.best.npz``."""
    p = Path(path)
    return p.with_name(f"{p.stem}.best{p.suffix or '.npz'}")


# ------------------------------------------------------------------------------------------- signals
class StopSignals:
    """Context manager: SIGINT and SIGTERM ask for a stop (``requested`` names the signal) instead of
    interrupting; a second one raises KeyboardInterrupt at once. Handlers are restored on exit. (Off the
    main thread, where Python cannot install handlers, it does nothing.)"""

    def __init__(self) -> None:
        self.requested: str | None = None
        self._old: dict[int, Any] = {}

    def __enter__(self) -> StopSignals:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, getattr(signal, "SIGTERM", None)):
                if sig is not None:
                    self._old[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)
        self._old.clear()

    def _handle(self, signum: int, frame) -> None:
        # Only a flag: printing here could re-enter a stream the interrupted code was writing.
        if self.requested is not None:
            raise KeyboardInterrupt
        self.requested = signal.Signals(signum).name


# ------------------------------------------------------------------------------------------- --log-csv
class CsvLog:
    """``--log-csv``: every step's training numbers and every validation, appended to ``path``."""

    def __init__(self, path: str | os.PathLike, metric_name: str, resume_step: int | None = None,
                 clock: Callable[[], float] = time.monotonic, note: Callable[[str], None] = lambda text: None) -> None:
        self.path = Path(path)
        self.metric_name = metric_name
        self.clock, self.note = clock, note
        self.failed: str | None = None  # why appending failed (then nothing more is written)
        self._rows: list[tuple] = []
        self._last_flush = clock()
        self._prepare(resume_step)

    def _prepare(self, resume_step: int | None) -> None:
        """Check the file (a CSV log of ours, or new), drop rows after ``resume_step``, write the header."""
        check_writable(self.path)  # (a regular file or none, in a folder we may write)
        if not self.path.exists():
            atomic_write_text(self.path, ",".join(CSV_HEADER) + "\n")
            return
        try:
            text = read_text(self.path, MAX_CSV_BYTES, "CSV log")
        except UserFileError as exc:
            raise ValueError(f"cannot append to {self.path}: {exc}") from None
        if not text:
            atomic_write_text(self.path, ",".join(CSV_HEADER) + "\n")
            return
        lines = text.splitlines()
        if lines[0].strip() != ",".join(CSV_HEADER):
            raise ValueError(f"{self.path} exists and is not an RNN Lab CSV log (its first line is not "
                             f"{','.join(CSV_HEADER)}); choose another file name")
        if resume_step is None:
            return
        kept = [lines[0]] + [line for line in lines[1:] if _row_step(line) <= resume_step]
        if len(kept) != len(lines):  # steps after the checkpoint are trained again: their rows go
            atomic_write_text(self.path, "\n".join(kept) + "\n")

    def on_report(self, report: dict[str, Any]) -> None:
        """The trainer's progress report: its new curve points and validation points become rows."""
        if report.get("kind") != "progress":
            return
        pts = report.get("points") or {}
        steps = pts.get("step")
        if steps is not None and len(steps):
            names = (("loss", "train_loss"), ("metric", f"train_{self.metric_name}"), ("grad_norm", "grad_norm"),
                     ("lr", "lr"))
            for i in range(len(steps)):
                step, t = int(steps[i]), float(pts["time"][i])
                for column, label in names:
                    v = float(pts[column][i])
                    if math.isfinite(v):
                        self._rows.append((step, t, label, v))
        for point in report.get("val") or ():
            split, step = point.get("split", "val"), int(point["step"])
            t = float(report.get("elapsed_s", 0.0))
            for key, v in point.items():
                if key not in ("step", "split") and isinstance(v, (int, float)) and math.isfinite(v):
                    self._rows.append((step, t, f"{split}_{key}", float(v)))
        if self.clock() - self._last_flush >= CSV_FLUSH_S:
            self.flush()

    def flush(self) -> None:
        """Append the rows gathered so far (one write; a kill mid-write may cut the last line, which a
        resumed run drops with the other rows after its checkpoint)."""
        self._last_flush = self.clock()
        if not self._rows or self.failed:
            self._rows = []
            return
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerows((s, _num(t), m, repr(v)) for s, t, m, v in self._rows)
        self._rows = []
        try:
            with open_append(self.path, "CSV log") as f:  # (never blocks: a FIFO put there is refused)
                f.write(buf.getvalue().encode("utf-8"))
        except (UserFileError, OSError) as exc:  # (disk full, say: the run goes on, the log stops)
            self.failed = f"cannot append to {self.path}: {exc}"
            self.note(f"warning: {self.failed}; the CSV log stops here, training goes on")


def _row_step(line: str) -> float:
    try:
        return float(line.split(",", 1)[0])
    except ValueError:
        return math.inf  # a cut or damaged line: dropped with the steps after the checkpoint


def _num(x: float) -> str:
    return repr(round(x, 6))


# ------------------------------------------------------------------------------------------- the loop
class LongRun:
    """Train ``trainer`` to its step/epoch limits with periodic saves, a signal-safe stop and the best
    model kept. ``note(text)`` reports on stderr (the CLI's reporter)."""

    def __init__(self, trainer, save: Path | None = None, every_steps: int | None = None,
                 every_seconds: float | None = None, keep_best: bool = False,
                 note: Callable[[str], None] = lambda text: None, before_save: Callable[[], None] = lambda: None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.trainer = trainer
        self.save_path, self.every_steps, self.every_seconds = save, every_steps, every_seconds
        self.best_path = best_path(save) if keep_best and save is not None else None
        self.note, self.before_save, self.clock = note, before_save, clock
        self.stopped_by: str | None = None  # "SIGINT" / "SIGTERM" when a signal ended the run
        self.saved_best: dict[str, Any] | None = None  # {"step", "metric"} of the best model written
        self._last_save = clock()

    def run(self, max_steps: int = 0, epochs: float = 0.0) -> str:
        """Train until the limits; returns the trainer's state ("finished", "diverged") or "interrupted"."""
        tr = self.trainer
        tr.state = RUNNING
        with StopSignals() as stop:
            while tr.state == RUNNING:
                if stop.requested:
                    self.stopped_by = stop.requested
                    break
                tr.train_step()
                if tr.state == DIVERGED:
                    break
                self._after_step()
                if max_steps and tr.step_count >= max_steps or epochs and tr.task.epoch >= epochs:
                    tr.state = FINISHED
            tr.callback(tr.progress())  # the last report: the bar and the JSON lines end on it
        return "interrupted" if self.stopped_by else tr.state

    def _after_step(self) -> None:
        tr = self.trainer
        best = tr.best
        if self.best_path is not None and best is not None and best["step"] == tr.step_count \
                and (self.saved_best is None or self.saved_best["step"] != best["step"]):
            self._write(self.best_path, extra={"source": "cli", "model": "best", "best_of": str(self.save_path)},
                        what="best model")
            self.saved_best = {"step": best["step"], "metric": best["metric"]}
        if self.save_path is None:
            return
        due = (self.every_steps and tr.step_count % self.every_steps == 0
               or self.every_seconds and self.clock() - self._last_save >= self.every_seconds)
        if due:
            self._write(self.save_path, extra={"source": "cli", "model": "last"}, what="checkpoint")
            self._last_save = self.clock()

    def _write(self, path: Path, extra: dict[str, Any], what: str) -> bool:
        """A save during training; a failure (disk full) is reported and training goes on."""
        self.before_save()
        try:
            save_checkpoint(path, self.trainer, extra=extra)
        except CheckpointError as exc:
            self.note(f"warning: could not save the {what} at step {self.trainer.step_count:,}: {exc}; "
                      "training goes on")
            return False
        return True

    def save_last(self) -> Path | None:
        """The final save of the last step (CheckpointError when it fails: the run's result is at stake)."""
        if self.save_path is None:
            return None
        self.before_save()
        return save_checkpoint(self.save_path, self.trainer, extra={"source": "cli", "model": "last"})
