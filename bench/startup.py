"""Time to a visible result: process start to the window shown, imports, and the adder's time to 100%.

    python -m bench.startup [--runs 5] [--seeds 10] [--skip-window] [--skip-adder]

**Window.** ``python main.py`` has no "exit when shown" switch, so a small driver (``DRIVER`` below)
does exactly what ``python main.py`` does (``main.main([])``: CLI parsing, the Qt platform check,
``gui.app.run``) after wrapping ``MainWindow.show`` so that the window's first Paint event is timed
and the application then quits. The driver imports ``main`` first and ``gui.main_window`` second (to wrap it; ``gui.app.run`` would import it anyway, so
the total is unchanged). Each run is a fresh process with a fresh, empty home folder (no saved
layout, no autosave to offer: a first start), on the platform in ``$QT_QPA_PLATFORM`` (default
offscreen here). Times are from just before the parent spawns the process (``time.time()``, the
same clock in both processes), so they include starting the interpreter. Then ``-X importtime`` of
the same driver lists the modules that cost the most to import (cumulative, top-level imports).

**Adder.** ``default_config("adder", seed=s)`` for each seed, trained headless with ``Trainer.fit``
in chunks of 10 steps; after each chunk the whole problem (all 16,384 pairs) is evaluated outside
the trainer's clock. Reported: the Trainer clock (``trainer.elapsed``: the summed wall time of the
training steps only) when exact-match accuracy on all pairs first reaches 100%, and the step; also
the step of the first scheduled validation (every ``eval_interval`` = 50 steps, what the window's
curves show) at 100% and the Trainer clock then.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DRIVER = r"""
import json, sys, time
marks = {"interpreter": time.time()}
sys.argv = ["main.py"]
import rnn_lab.main  # imports only os and sys
import rnn_lab.gui.main_window as mw
marks["gui.main_window imported"] = time.time()

_show, _init = mw.MainWindow.show, mw.MainWindow.__init__

def init(self, *a, **k):
    marks["MainWindow() start"] = time.time()
    _init(self, *a, **k)
    marks["MainWindow() done"] = time.time()

def show(self):
    from PyQt6.QtCore import QEvent, QObject, QTimer
    from PyQt6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, obj, ev):
            if ev.type() == QEvent.Type.Paint and "first paint" not in marks:
                marks["first paint"] = time.time()
                QTimer.singleShot(0, done)
            return False

    def done():
        marks["first paint done"] = time.time()
        print("MARKS " + json.dumps(marks), flush=True)
        QApplication.quit()

    self._bench_filter = FirstPaint()
    self.installEventFilter(self._bench_filter)
    marks["show()"] = time.time()
    _show(self)

mw.MainWindow.__init__, mw.MainWindow.show = init, show
code = main.main([])
sys.exit(code)
"""


def child_env(home: str) -> dict[str, str]:
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/.config", XDG_DATA_HOME=f"{home}/.local/share",
               XDG_CACHE_HOME=f"{home}/.cache")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("OPENBLAS_NUM_THREADS", None)  # the window chooses its threads itself (Train > Threads), as for a user
    return env


def time_window() -> dict[str, float]:
    """One fresh process: seconds from spawn to each mark."""
    with tempfile.TemporaryDirectory(prefix="rnnlab-home-") as home:
        t0 = time.time()
        out = subprocess.run([sys.executable, "-c", DRIVER], cwd=ROOT, env=child_env(home), capture_output=True,
                             text=True, timeout=120)
        t_exit = time.time() - t0
    line = next((x for x in out.stdout.splitlines() if x.startswith("MARKS ")), None)
    if line is None:
        raise RuntimeError(f"the window never painted (exit {out.returncode}):\n{out.stderr[-2000:]}")
    marks = {k: v - t0 for k, v in json.loads(line[6:]).items()}
    marks["process exited"] = t_exit
    return marks


def import_times(top: int = 14) -> tuple[list[tuple[str, float]], list[tuple[str, int, float]]]:
    """From ``-X importtime`` of the driver: (package, summed self seconds) of each top-level package,
    costliest first; and (module, nesting depth, cumulative seconds) of the costliest modules imported
    at depth 1-3 (depth 1: by the driver itself; the driver's ``gui.main_window`` pulls in the rest)."""
    with tempfile.TemporaryDirectory(prefix="rnnlab-home-") as home:
        out = subprocess.run([sys.executable, "-X", "importtime", "-c", DRIVER], cwd=ROOT, env=child_env(home),
                             capture_output=True, text=True, timeout=120)
    packages: dict[str, float] = {}
    modules = []
    for m in re.finditer(r"^import time:\s+(\d+) \|\s+(\d+) \|( +)(\S+)$", out.stderr, re.MULTILINE):
        name, depth = m.group(4), (len(m.group(3)) + 1) // 2
        package = name.split(".")[0]
        packages[package] = packages.get(package, 0.0) + int(m.group(1)) / 1e6
        if depth <= 3:
            modules.append((name, depth, int(m.group(2)) / 1e6))
    return (sorted(packages.items(), key=lambda kv: -kv[1])[:top],
            sorted(modules, key=lambda r: -r[2])[:top])


def adder_time_to_exact(seed: int, max_steps: int = 5000) -> dict[str, float]:
    from rnn_lab.engine.tasks.registry import default_config, make_task
    from rnn_lab.engine.trainer import Trainer

    trainer = Trainer(make_task(default_config("adder", seed=seed)))
    result = {"seed": seed, "step": float("nan"), "clock": float("nan"), "wall": float("nan")}
    t0 = time.perf_counter()
    while trainer.step_count < max_steps:
        trainer.fit(max_steps=trainer.step_count + 10)
        if trainer.task.evaluate("val")["accuracy"] >= 1.0:
            result.update(step=trainer.step_count, clock=trainer.elapsed, wall=time.perf_counter() - t0)
            break
    every = trainer.config.eval_interval
    while every and trainer.step_count < max_steps and not any(  # on to the window's next validation
            p.get("accuracy", 0) >= 1.0 for p in trainer.val_points):
        trainer.fit(max_steps=(trainer.step_count // every + 1) * every)
    sched = next((p for p in trainer.val_points if p.get("accuracy", 0) >= 1.0), None)
    if sched is not None:
        times = trainer.curves.column("time")
        steps = trainer.curves.column("step")
        result["sched_step"] = int(sched["step"])
        result["sched_clock"] = float(times[steps.searchsorted(sched["step"])])
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes timed to the window shown")
    parser.add_argument("--seeds", type=int, default=10, help="adder seeds 0..N-1")
    parser.add_argument("--skip-window", action="store_true")
    parser.add_argument("--skip-adder", action="store_true")
    args = parser.parse_args(argv)

    if not args.skip_window:
        load0 = os.getloadavg()[0]
        runs = [time_window() for _ in range(args.runs)]
        print(f"window: {args.runs} fresh processes (python main.py as a first start, QT_QPA_PLATFORM="
              f"{child_env('/tmp').get('QT_QPA_PLATFORM')}); load {load0:.1f} before, {os.getloadavg()[0]:.1f} after")
        print("| seconds after spawn | median | runs |")
        print("|---|---|---|")
        for key in runs[0]:
            vals = [r[key] for r in runs]
            print(f"| {key} | {statistics.median(vals):.2f} | " + ", ".join(f"{v:.2f}" for v in vals) + " |")
        packages, modules = import_times()
        print("\nimport time by package (-X importtime, one run; sum of each module's own time):")
        print("| package | s |")
        print("|---|---|")
        for name, secs in packages:
            print(f"| {name} | {secs:.3f} |")
        print("\ncostliest modules at nesting depth 1-3 (cumulative: with what they import):")
        print("| module | depth | cumulative s |")
        print("|---|---|---|")
        for name, depth, cum in modules:
            print(f"| {name} | {depth} | {cum:.3f} |")
    if not args.skip_adder:
        load0 = os.getloadavg()[0]
        res = [adder_time_to_exact(s) for s in range(args.seeds)]
        print(f"\nadder, default config, seeds 0-{args.seeds - 1}: Trainer clock to 100% exact match on all "
              f"16,384 pairs; load {load0:.1f} before, {os.getloadavg()[0]:.1f} after")
        print("| seed | step | Trainer clock s | wall s (with the checks) | first scheduled val at 100%: step, clock s |")
        print("|---|---|---|---|---|")
        for r in res:
            print(f"| {r['seed']} | {r['step']} | {r['clock']:.2f} | {r['wall']:.2f} | "
                  f"{r.get('sched_step', '-')}, {r.get('sched_clock', float('nan')):.2f} |")
        clocks = [r["clock"] for r in res]
        print(f"median {statistics.median(clocks):.2f} s, max {max(clocks):.2f} s; "
              f"{sum(c <= 3.0 for c in clocks)}/{len(clocks)} seeds within 3 s")


if __name__ == "__main__":
    main()
