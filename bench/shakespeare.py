"""Tiny Shakespeare against the clock: RNN Lab's presets and the same LSTM in PyTorch.

    python -m bench.shakespeare [--runs fast torch long] [--threads 1] [--json OUT.json]
    python -m bench.shakespeare --runs fast --batching random --iters 1000     # one variant

Runs, each in a process of its own, one after the other (the load average is printed with each):

    fast    the ``shakespeare-fast`` preset (char LSTM 128, embedding 32, batch 16, BPTT 64, Adam 6e-3
            cosine to 6e-5, clip 5) through the real char task and ``Trainer.fit``, exactly what
            ``rnn-lab train --preset shakespeare-fast`` runs;
    torch   the same LSTM in PyTorch (``nn.Embedding(65, 32)`` -> ``nn.LSTM(32, 128)`` -> ``nn.Linear``,
            same initial learning rate, cosine, clipping, batch and BPTT), trained on batches of
            random windows, each from a zero state (the peer the issue names);
    long    the ``shakespeare-long`` preset, whose goal is a validation loss <= 1.60 within 155 s.

Every run reads the same split (``default_config(preset=..., data=...)``: the last 10% of the
characters are validation) and is validated the same way: every ``eval_interval`` steps on the
preset's first ``eval_batches`` batches of the validation text, read in the book's stateful order
(``data.batcher.eval_batches``), on the training thread, so that time is part of the wall time.

Printed: every validation point with two clocks (``train_s``: the trainer's own clock, steps only;
``wall_s``: since training started, validations included), then a table of the first validation
at or below each target (2.05, 1.92, 1.89, 1.60) per run. A crossing is known to within one
validation interval.

Threads: ``--threads N`` (default 1) sets the BLAS threads of our runs (``engine.threads.set_threads``)
and ``torch.set_num_threads`` for PyTorch; ``--threads default`` leaves each side its own default.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

TARGETS = (2.05, 1.92, 1.89, 1.60)
BUDGET_S = 155.0  # the wall time in which the "long" preset must reach 1.60
PRESETS = {"fast": "shakespeare-fast", "long": "shakespeare-long", "torch": "shakespeare-fast"}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def default_data() -> Path | None:
    root = os.environ.get("RNNLAB_DATA")
    return Path(root) / "tinyshakespeare" / "input.txt" if root else None


def first_reached(points: list[dict], target: float) -> dict | None:
    """The first validation point with loss <= target (None if none)."""
    return next((p for p in points if p["val_loss"] <= target), None)


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _config(run: str, data: Path, overrides: dict):
    from rnn_lab.engine.tasks.registry import default_config

    values = {"data": str(data), **{k: v for k, v in overrides.items() if v is not None}}
    return default_config(preset=PRESETS[run], **values)


# ---------------------------------------------------------------------------------------- our runs
def run_ours(run: str, data: Path, threads: int | None, overrides: dict, log) -> dict:
    from rnn_lab.engine.tasks.registry import make_task
    from rnn_lab.engine.threads import blas_threads, choose_threads, set_threads
    from rnn_lab.engine.trainer import Trainer

    set_threads(choose_threads(threads))
    config = _config(run, data, overrides)
    task = make_task(config)
    log(f"{run}: {task.describe()}; threads {blas_threads()}")
    log("  config: " + json.dumps({k: v for k, v in config.to_dict().items() if k != "data"}))
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
                    f"val_loss {p['val_loss']:.4f}  train_loss {report['loss']:.4f}  load {_load()}")

    trainer = Trainer(task, callback=callback)
    start[0] = time.perf_counter()
    trainer.fit()
    wall = time.perf_counter() - start[0]
    final = task.evaluate("val", 0)["loss"]
    sample = task.sample("", 300, 1.0, 0, __import__("numpy").random.default_rng(0))["text"]
    return {"run": run, "config": config.to_dict(), "points": points, "steps": trainer.step_count,
            "train_s": trainer.elapsed, "wall_s": wall, "threads": blas_threads(),
            "chars_per_s": trainer.step_count * config.batch * config.bptt / trainer.elapsed,
            "final_val_loss": final, "sample": sample}


# ---------------------------------------------------------------------------------------- the PyTorch peer
def run_torch(data: Path, threads: int | None, overrides: dict, log) -> dict:
    import numpy as np
    import torch
    from torch import nn

    from bench.torch_reference import make_lm
    from rnn_lab.engine.data.batcher import RandomWindowBatcher, eval_batches
    from rnn_lab.engine.tasks.registry import make_task

    if threads:
        torch.set_num_threads(threads)
    config = _config("torch", data, overrides)
    task = make_task(config)  # the same vocabulary and split as ours
    V, N, T = len(task.vocab), config.batch, config.bptt
    torch.manual_seed(config.seed)
    model = make_lm(V, config.embed, config.hidden, config.layers)
    opt = torch.optim.Adam(model.parameters(), lr=config.lr)
    total = config.max_steps
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=total, eta_min=config.lr / 100)
    batcher = RandomWindowBatcher(task.ids["train"], N, T, np.random.default_rng(config.seed))
    loss_fn = nn.CrossEntropyLoss()
    log(f"torch: nn.LSTM {config.embed}->{config.hidden}, V={V}, {sum(p.numel() for p in model.parameters()):,} "
        f"parameters; threads {torch.get_num_threads()}")

    def evaluate(max_batches: int) -> float:
        model.eval()
        total_loss, count, state = 0.0, 0, None
        with torch.no_grad():
            for x, t in eval_batches(task.ids["val"], N, T, max_batches):
                logits, state = model(torch.from_numpy(x.astype(np.int64)), state)
                total_loss += loss_fn(logits.reshape(-1, V), torch.from_numpy(t.astype(np.int64)).reshape(-1)).item() * t.size
                count += t.size
        model.train()
        return total_loss / count

    points: list[dict] = []
    train_s = 0.0
    start = time.perf_counter()
    for step in range(1, total + 1):
        t0 = time.perf_counter()
        x, t = batcher.next()
        logits, _ = model(torch.from_numpy(x.astype(np.int64)))  # a zero state for every batch
        loss = loss_fn(logits.reshape(-1, V), torch.from_numpy(t.astype(np.int64)).reshape(-1))
        opt.zero_grad(set_to_none=False)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), config.clip)
        opt.step()
        sched.step()
        train_s += time.perf_counter() - t0
        if config.eval_interval and step % config.eval_interval == 0:
            p = {"step": step, "train_s": train_s, "wall_s": time.perf_counter() - start,
                 "val_loss": evaluate(config.eval_batches)}
            points.append(p)
            log(f"  step {step:5d}  train_s {train_s:6.1f}  wall_s {p['wall_s']:6.1f}  val_loss {p['val_loss']:.4f}  "
                f"train_loss {loss.item():.4f}  load {_load()}")
    wall = time.perf_counter() - start
    return {"run": "torch", "points": points, "steps": total, "train_s": train_s, "wall_s": wall,
            "threads": torch.get_num_threads(), "chars_per_s": total * N * T / train_s,
            "final_val_loss": evaluate(0), "config": config.to_dict()}


# ---------------------------------------------------------------------------------------- the parent
def spawn(run: str, args) -> dict:
    cmd = [sys.executable, "-m", "bench.shakespeare", "--worker", run, "--data", str(args.data),
           "--threads", args.threads]
    for flag in ("iters", "batching", "seed", "eval_interval"):
        if getattr(args, flag) is not None:
            cmd += [f"--{flag.replace('_', '-')}", str(getattr(args, flag))]
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    load0 = _load()
    out = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    if out.returncode != 0:
        raise SystemExit(f"the {run} run failed (exit {out.returncode})")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["load"] = f"{load0} -> {_load()}"
    return result


def summary(results: list[dict]) -> list[str]:
    head = f"{'run':8} {'threads':>7} {'chars/s':>8} " + " ".join(f"{'<= ' + format(t, '.2f'):>24}" for t in TARGETS)
    lines = ["", "first validation at or below each target: step, train_s / wall_s (wall: validations included)",
             head]
    for r in results:
        cells = []
        for target in TARGETS:
            p = first_reached(r["points"], target)
            cell = "-" if p is None else f"step {p['step']}, {p['train_s']:.1f} / {p['wall_s']:.1f} s"
            cells.append(f"{cell:>24}")
        lines.append(f"{r['run']:8} {r['threads']:>7} {r['chars_per_s']:8,.0f} " + " ".join(cells))
    lines.append("")
    for r in results:
        at_budget = [p for p in r["points"] if p["wall_s"] <= BUDGET_S]
        best = min((p["val_loss"] for p in at_budget), default=math.nan)
        lines.append(f"{r['run']}: {r['steps']:,} steps, train_s {r['train_s']:.1f}, wall_s {r['wall_s']:.1f}; "
                     f"best validation within {BUDGET_S:.0f} s: {best:.4f}; final loss on the whole validation "
                     f"split {r['final_val_loss']:.4f}; load {r['load']}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", nargs="+", choices=list(PRESETS), default=["fast", "torch", "long"])
    parser.add_argument("--data", type=Path, default=None,
                        help="Tiny Shakespeare's input.txt (default: $RNNLAB_DATA/tinyshakespeare/input.txt)")
    parser.add_argument("--threads", default="1", help="threads of each run (a number, or 'default')")
    parser.add_argument("--iters", type=int, default=None, help="override the presets' step count (and cosine length)")
    parser.add_argument("--batching", choices=("sequential", "random"), default=None,
                        help="override our presets' batching (the torch run always uses random windows)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--eval-interval", type=int, default=None,
                        help="validate every N steps in every run (finer crossings; each validation costs wall time)")
    parser.add_argument("--json", metavar="OUT.json", help="also write every run's points as JSON")
    parser.add_argument("--worker", choices=list(PRESETS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.data = args.data or default_data()
    if args.data is None:
        parser.error("set RNNLAB_DATA (see ../shared/data/README.md) or pass --data PATH/input.txt")
    if not args.data.is_file():
        parser.error(f"not found: {args.data}")
    if args.threads != "default" and not args.threads.isdigit():
        parser.error("--threads takes a number or 'default'")
    threads = None if args.threads == "default" else int(args.threads)
    overrides = {"max_steps": args.iters, "batching": args.batching, "seed": args.seed,
                 "eval_interval": args.eval_interval}

    if args.worker:  # a child: one run; the log on stderr, the result as the last line of stdout
        def log(text: str) -> None:
            print(text, file=sys.stderr, flush=True)

        if args.worker == "torch":
            overrides.pop("batching")
            result = run_torch(args.data, threads, overrides, log)
        else:
            result = run_ours(args.worker, args.data, threads, overrides, log)
        print(json.dumps(result))
        return 0

    runs = args.runs
    if "torch" in runs:
        from bench.torch_reference import torch_available

        if not torch_available():
            print("note: PyTorch is not importable: no PyTorch run (pip install --group bench)", file=sys.stderr)
            runs = [r for r in runs if r != "torch"]
    results = [spawn(run, args) for run in runs]
    print("\n".join(summary(results)))
    for r in results:
        if r.get("sample"):
            print(f"\n--- {r['run']}: sample at the end (temperature 1) ---\n{r['sample']}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
