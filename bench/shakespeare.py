"""Tiny Shakespeare against the clock: the "shakespeare-fast" preset racing nanoGPT's CPU demo.

    python -m bench.shakespeare [--data PATH/input.txt] [--threads 1] [--iters N] [--sample-length 500]

The reference: nanoGPT's CPU configuration (4-layer, 128-wide transformer, context 64, batch 12,
2,000 iterations) reaches a validation loss of 1.886 nats/char in 155 s of wall time on this
machine kind (1.923 at 1,500 iterations, about 115 s), on the same split: the last 10% of the
characters are validation.

What runs: ``engine.config.default_config(preset="shakespeare-fast", data=...)`` through the real
char task and ``Trainer.fit``, exactly what ``python main.py train --preset shakespeare-fast`` runs.
The trainer evaluates on the validation split every ``eval_interval`` steps (``eval_batches``
batches of it; the preset's subset is stated in the output) on the same thread, so that time is
part of the wall time.

Printed: the load average (the machine is shared: a loaded machine is slower, not the code), the
throughput, every validation point with two clocks,

    train_s  the trainer's own clock: forward, backward, clipping, update (``elapsed_s`` of the
             CLI's JSON lines), validations excluded;
    wall_s   wall time since ``fit`` started: training, validations, reporting;

the first time each target (2.05, 1.92, 1.89) is reached on either clock, the final loss on the
WHOLE validation split, and samples (temperature 1 = the model's own distribution, and 0.7).

Threads: ``--threads`` sets OPENBLAS_NUM_THREADS / OMP_NUM_THREADS before NumPy is imported.
The default is 1: this model's matrix products are small (16x128 @ 128x512 per timestep), and on a
busy 2-core machine OpenBLAS's second thread spins and made the steps 4-13x slower.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

TARGETS = (2.05, 1.92, 1.89)
BUDGET_S = 155.0  # nanoGPT's wall time to 1.886 on this machine kind
PRESET = "shakespeare-fast"


def _set_threads(threads: int) -> None:
    """BLAS threads for NumPy: only effective before NumPy is first imported."""
    if "numpy" in sys.modules:
        print("note: NumPy was imported before bench.shakespeare set its thread count; --threads may not apply",
              file=sys.stderr)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(threads)


def default_data() -> Path | None:
    root = os.environ.get("RNNLAB_DATA")
    return Path(root) / "tinyshakespeare" / "input.txt" if root else None


def first_reached(points: list[dict], target: float) -> dict | None:
    """The first validation point with loss <= target (None if none)."""
    return next((p for p in points if p["val_loss"] <= target), None)


def run(data: Path, iters: int = 0, seed: int = 0, sample_length: int = 500, log=print) -> dict:
    """Train the preset on ``data``; return {"config", "points", "final", "samples", ...}."""
    import numpy as np

    from rnn_lab.engine.tasks.registry import default_config, make_task
    from rnn_lab.engine.trainer import Trainer

    overrides = {"data": str(data), "seed": seed}
    if iters:
        overrides["max_steps"] = iters
    config = default_config(preset=PRESET, **overrides)
    task = make_task(config)
    chars_per_step = config.batch * config.bptt
    val_chars = task.ids["val"].size
    if config.eval_batches:
        from rnn_lab.engine.data.batcher import eval_shape

        n, t = eval_shape(val_chars, config.batch, config.bptt)
        subset = min(config.eval_batches, (val_chars - 1) // (n * t)) * n * t
    else:
        subset = val_chars - 1
    log(f"{task.describe()}")
    log(f"preset {PRESET}: " + json.dumps({k: v for k, v in config.to_dict().items() if k != "data"}))
    log(f"validation every {config.eval_interval} steps on {subset:,} of the {val_chars:,} validation characters; "
        f"threads {os.environ.get('OPENBLAS_NUM_THREADS', 'default')}; load average {_load()}")

    points: list[dict] = []
    start = [0.0]

    def callback(report: dict) -> None:
        if report.get("kind") != "progress":
            return
        for v in report["val"]:
            if v.get("split") == "val":
                p = {"step": int(v["step"]), "train_s": report["elapsed_s"],
                     "wall_s": time.perf_counter() - start[0], "val_loss": v["loss"]}
                points.append(p)
                log(f"  step {p['step']:5d}  train_s {p['train_s']:6.1f}  wall_s {p['wall_s']:6.1f}  "
                    f"val_loss {p['val_loss']:.4f}  train_loss {report['loss']:.4f}  lr {report['lr']:.2g}  "
                    f"load {_load()}")

    trainer = Trainer(task, callback=callback)
    start[0] = time.perf_counter()
    trainer.fit()
    wall = time.perf_counter() - start[0]
    t0 = time.perf_counter()
    final = task.evaluate("val", 0)
    full_eval_s = time.perf_counter() - t0
    rng = np.random.default_rng(seed)
    samples = {temp: task.sample("", sample_length, temp, 0, rng)["text"] for temp in (1.0, 0.7)}
    return {"config": config.to_dict(), "points": points, "steps": trainer.step_count, "train_s": trainer.elapsed,
            "wall_s": wall, "chars_per_s": trainer.step_count * chars_per_step / trainer.elapsed,
            "final_val_loss": final["loss"], "full_eval_s": full_eval_s, "eval_subset_chars": subset,
            "samples": samples, "load_end": _load()}


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def report(result: dict, log=print) -> None:
    log("")
    log(f"{result['steps']:,} steps: train_s {result['train_s']:.1f}, wall_s {result['wall_s']:.1f} "
        f"(validations included), {result['chars_per_s']:,.0f} training chars/s; load average at the end "
        f"{result['load_end']}")
    log(f"final validation loss on the whole split: {result['final_val_loss']:.4f} nats/char "
        f"(that evaluation took {result['full_eval_s']:.1f} s, after the clock stopped)")
    log("")
    log(f"{'target':>8} {'step':>6} {'train_s':>8} {'wall_s':>8}   nanoGPT: 1.923 at ~115 s, 1.886 at 155 s")
    for target in TARGETS:
        p = first_reached(result["points"], target)
        if p is None:
            log(f"{target:8.2f} {'-':>6} {'not reached':>17}")
        else:
            ok = "within" if p["wall_s"] <= BUDGET_S else "OVER"
            log(f"{target:8.2f} {p['step']:6d} {p['train_s']:8.1f} {p['wall_s']:8.1f}   ({ok} the {BUDGET_S:.0f} s budget)")
    for temp, text in result["samples"].items():
        log("")
        log(f"--- sample, temperature {temp:g} ---")
        log(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None,
                        help="Tiny Shakespeare's input.txt (default: $RNNLAB_DATA/tinyshakespeare/input.txt)")
    parser.add_argument("--threads", type=int, default=1, help="BLAS threads for NumPy (default 1: see the module docstring)")
    parser.add_argument("--iters", type=int, default=0, help="override the preset's step count (and cosine length)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample-length", type=int, default=500)
    parser.add_argument("--json", metavar="OUT.json", help="also write the points and samples as JSON")
    args = parser.parse_args(argv)
    _set_threads(args.threads)
    data = args.data or default_data()
    if data is None:
        parser.error("set RNNLAB_DATA (see ../shared/data/README.md) or pass --data PATH/input.txt")
    if not data.is_file():
        parser.error(f"not found: {data}")
    result = run(data, iters=args.iters, seed=args.seed, sample_length=args.sample_length)
    report(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
