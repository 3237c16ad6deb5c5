"""What the Equations view costs the run: a trace with every number of the cells' equations against
a plain trace, and both against a training step, measured in ONE interleaved run.

    python -m bench.equations [--rounds 7]

Shapes: the window's default char LM (LSTM 128), the word LM's Rnnlm (LSTM 100, built-in corpus) and
the book's BetterRnnlm shape (2 x LSTM 650, tied; built-in corpus). A trace is one display passage
(N = 1) forward and backward with recording on; the live run makes one every 0.25 s at most, only
while a view that draws traces is visible, and the equations only while the Equations view is open.
Printed: medians of the interleaved rounds, the ratio equations/plain trace, the extra time per
trace as a share of a training step, the extra bytes a report carries, and what the extra costs per
training step at the trace rate of a run that trains at full speed.
"""

from __future__ import annotations

import argparse
import functools
import os
import pickle
import statistics
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from rnn_lab.engine.tasks.registry import default_config, make_task  # noqa: E402
from rnn_lab.engine.trainer import Trainer  # noqa: E402

SHAPES = {
    "char LSTM 128": dict(task="char"),
    "lm Rnnlm (LSTM 100)": dict(task="lm", preset="rnnlm"),
    "lm 2x650 tied": dict(task="lm", preset="better", dropout=0.0),
}
TRACE_INTERVAL = 0.25  # engine.live.LiveRun.trace_interval


def timed(fn, repeat: int = 3) -> float:
    t0 = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - t0) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}")
    for label, spec in SHAPES.items():
        spec = dict(spec)
        task_name, preset = spec.pop("task"), spec.pop("preset", None)
        trainer = Trainer(make_task(default_config(task_name, preset, **spec)))
        task = trainer.task
        trainer.train_step()
        task.trace(0), task.trace(0, equations=True)  # warm-up
        plain, eq, step = [], [], []
        for _ in range(args.rounds):
            plain.append(timed(functools.partial(task.trace, 0)))
            eq.append(timed(functools.partial(task.trace, 0, equations=True)))
            step.append(timed(trainer.train_step, 2))
        p, e, s = (statistics.median(v) for v in (plain, eq, step))
        size_p = len(pickle.dumps(task.trace(0), protocol=pickle.HIGHEST_PROTOCOL))
        size_e = len(pickle.dumps(task.trace(0, equations=True), protocol=pickle.HIGHEST_PROTOCOL))
        steps_per_trace = max(1.0, TRACE_INTERVAL / s)
        print(f"{label:22s} step {s * 1e3:7.1f} ms | trace {p * 1e3:6.1f} ms, with equations "
              f"{e * 1e3:6.1f} ms ({e / p:.2f}x) | extra {(e - p) * 1e3:5.1f} ms = {(e - p) / s:.2f} steps "
              f"per trace = {(e - p) / steps_per_trace / s * 100:.1f} % per step at 4 traces/s | "
              f"report {size_p / 1e6:.2f} -> {size_e / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
