"""Memory over a long run: the window trains offscreen while the resident set is sampled every 10 s.

    python -m bench.soak [--minutes 30] [--task char|adder] [--views all|default] [--points 1000000]

1. **Synthetic check** (seconds): 1,000,000 curve points pushed straight through the window's curve
   buffers, as progress reports of ``--chunk`` points each: the curves panel (``CurvesPanel.on_progress``,
   a redraw every 10 reports, as its 25 Hz timer against the trainer's 30 Hz reports) and the runs
   panel's record of the current run (``engine.runs.Run.record``). Printed every 100,000 points:
   rows kept, decimation stride, resident MB.
2. **Soak**: the real window (``bench.gui.WindowBench``: ``MainWindow`` + training in a child
   process, or a worker thread with ``--worker thread``, set up as
   ``gui.app.run`` does, offscreen; ``--views all`` floats every view that applies to the task, with
   auto-sampling every second) trains the task's default config at full speed for ``--minutes``.
   Every ``--interval`` seconds (while the UI's event loop keeps running) a row: resident MB
   (``VmRSS``) of the window's process and of the training process, steps, rows held by the curves
   panel's buffer and the run record, validation points. At the end: the growth slope (least squares, MB/min) over
   the second half of the run, and over the whole run.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PyQt6")


def rss_mb(pid: int | str = "self") -> float:
    """Resident set of a process (this one by default) in MB (VmRSS); NaN if it cannot be read."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return float("nan")
    if pid != "self":
        return float("nan")
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # peak, as a fallback


def slope_mb_per_min(rows: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB) rows, in MB per minute."""
    if len(rows) < 2:
        return float("nan")
    n = len(rows)
    mt = sum(t for t, _ in rows) / n
    mm = sum(m for _, m in rows) / n
    var = sum((t - mt) ** 2 for t, _ in rows)
    return 60 * sum((t - mt) * (m - mm) for t, m in rows) / var if var else float("nan")


def synthetic(points: int, chunk: int) -> None:
    import numpy as np
    import pyqtgraph as pg

    from rnn_lab.engine.runs import Run
    from rnn_lab.gui.panels.curves import CurvesPanel

    pg.mkQApp("RNN Lab soak")
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
    panel = CurvesPanel()
    panel.resize(900, 600)
    panel.show()
    panel.set_task({"task": "adder", "metric_name": "accuracy", "config": {"clip": 0.0}})
    run = Run("soak", "#0072b2", {"task": "adder"})
    rng = np.random.default_rng(0)
    print(f"synthetic: {points:,} points in reports of {chunk}, through CurvesPanel.on_progress (+ redraw "
          f"every 10 reports) and engine.runs.Run.record")
    print("| points fed | panel rows | panel stride | run rows | RSS MB | s |")
    print("|---|---|---|---|---|---|")
    rss0, t0 = rss_mb(), time.perf_counter()
    print(f"| 0 | 0 | 1 | 0 | {rss0:.1f} | 0.0 |")
    fed = 0
    while fed < points:
        steps = np.arange(fed + 1, fed + chunk + 1, dtype=np.float64)
        report = {"kind": "progress", "state": "running", "step": int(steps[-1]), "metric_name": "accuracy",
                  "points": {"step": steps, "time": steps * 1e-3, "loss": 1.0 / np.sqrt(steps) + 0.01 * rng.random(chunk),
                             "metric": 1.0 - 1.0 / np.sqrt(steps), "grad_norm": rng.random(chunk),
                             "lr": np.full(chunk, 0.03)},
                  "val": [{"step": float(steps[-1]), "split": "val", "loss": 0.1, "accuracy": 0.9}] if
                  int(steps[-1]) % 5000 == 0 else []}
        panel.on_progress(report)
        run.record(report)
        fed += chunk
        if (fed // chunk) % 10 == 0:
            panel.redraw()
        if fed % 100_000 == 0:
            pg.QtWidgets.QApplication.processEvents()
            print(f"| {fed:,} | {len(panel.buf):,} | {panel.buf.stride} | {len(run.curves['step']):,} | "
                  f"{rss_mb():.1f} | {time.perf_counter() - t0:.1f} |", flush=True)
    print(f"panel validation points kept: {len(panel.val_points)}, run validation points: {len(run.val_points)}; "
          f"RSS {rss0:.1f} -> {rss_mb():.1f} MB")
    panel.close()


def soak(args) -> None:
    from bench.gui import WindowBench
    from rnn_lab.engine.tasks.registry import default_config

    config = default_config(args.task)
    bench = WindowBench(config, worker=args.worker)
    bench.window.info, bench.built = None, False
    bench.controller.build(config)
    while bench.window.info is None or not bench.built:
        bench.wait(0.05)
    views = bench.show_views(args.views)
    bench.wait(0.2)
    bench.window.toggle_play()
    runs = bench.window.runs_panel
    proc = bench.controller._proc  # None with --worker thread: then it all lives in this process
    load0 = os.getloadavg()
    print(f"\nsoak: {args.minutes:g} min, task {args.task} ({config.model} H={config.hidden}), views {args.views}: "
          f"{', '.join(views) or 'no dock'} + curves; training in a {args.worker}; RSS every {args.interval:g} s; "
          f"load (1 min) {load0[0]:.1f}")
    print("| min | window RSS MB | training RSS MB | steps | panel rows (stride) | run rows | val points | load |")
    print("|---|---|---|---|---|---|---|---|")
    rows: list[tuple[float, float]] = []
    child: list[tuple[float, float]] = []
    t0 = time.perf_counter()
    while True:
        el = time.perf_counter() - t0
        rows.append((el, rss_mb()))
        child.append((el, rss_mb(proc.pid) if proc is not None else float("nan")))
        run = runs.current
        print(f"| {el / 60:.2f} | {rows[-1][1]:.1f} | {child[-1][1]:.1f} | {bench.step:,} | "
              f"{len(bench.window.curves.buf):,} ({bench.window.curves.buf.stride}) | "
              f"{len(run.curves['step']) if run else 0:,} | {len(bench.window.curves.val_points)} | "
              f"{os.getloadavg()[0]:.1f} |", flush=True)
        if el >= args.minutes * 60:
            break
        bench.wait(min(args.interval, args.minutes * 60 - el + 0.01))
    bench.window.toggle_play()
    bench.wait(0.3)
    for name, series in (("window", rows), ("training", child)):
        if any(math.isnan(m) for _, m in series):
            continue
        half = [r for r in series if r[0] >= series[-1][0] / 2]
        print(f"{name} process RSS {series[0][1]:.1f} MB at the start, {max(m for _, m in series):.1f} peak, "
              f"{series[-1][1]:.1f} at the end; slope over the second half {slope_mb_per_min(half):+.3f} MB/min, "
              f"over the whole run {slope_mb_per_min(series):+.3f} MB/min")
    print(f"{bench.step:,} steps; load {load0[0]:.1f} -> {os.getloadavg()[0]:.1f}")
    bench.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--task", choices=["char", "adder"], default="adder",
                        help="adder (default: the most steps, so the most curve points, per minute) or char")
    parser.add_argument("--views", choices=["all", "default", "curves"], default="all")
    parser.add_argument("--interval", type=float, default=10.0, help="seconds between RSS samples")
    parser.add_argument("--worker", choices=["process", "thread"], default="process",
                        help="where the window trains (the app: a child process)")
    parser.add_argument("--points", type=int, default=1_000_000, help="synthetic curve points (0: skip)")
    parser.add_argument("--chunk", type=int, default=100, help="points per synthetic report")
    args = parser.parse_args(argv)
    if args.points:
        synthetic(args.points, args.chunk)
    if args.minutes > 0:
        soak(args)


if __name__ == "__main__":
    sys.exit(main())
