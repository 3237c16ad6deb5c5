"""Training throughput of the language models against PyTorch, the book's NumPy and the GEMM roof.

Every contender runs in ITS OWN PROCESS: one subprocess per side per round, the sides interleaved
and their order flipped every round; a ratio is the median of the per-round ratios (load that comes
and goes hits both sides of a round alike). Nothing is shared between the two libraries' thread
pools: in one process NumPy's OpenBLAS threads and torch's OpenMP threads spin against each other
(that is how the old "2.09x PyTorch at two threads" came about: torch measured 5,158 tokens/s
inside our process against 12,300-12,900 alone).

    python -m bench.engine [--shapes rnnlm 2x650 small] [--threads 1 2 default] [--rounds 5] [--baseline DIR]

Shapes:
    rnnlm   the book's Rnnlm: V=10000, Embedding(100) -> LSTM(100) -> Affine -> softmax loss,
            batch 20, BPTT 35, SGD lr 1, clip 0.25
    2x650   BetterRnnlm's shape: 2 stacked LSTM(650), output tied to the embedding, dropout 0
            (the PyTorch reference has none), batch 20, BPTT 35, SGD, clip 0.25
    small   the ``shakespeare-fast`` preset: char LSTM 128, embedding 32, V=65, batch 16, BPTT 64,
            Adam 6e-3, clip 5 (where a learner spends most time; per-timestep calls dominate)

Threads: ``1`` and ``2`` mean that many threads on both sides (ours through
``engine.threads.set_threads``, i.e. threadpoolctl, as the app sets it; torch through
``torch.set_num_threads``); ``default`` means what each side does when nobody asks: RNN Lab's
headless default (``engine.threads.choose_threads``: every usable core) and PyTorch's own default.
The children get an environment without OPENBLAS/MKL/OMP_NUM_THREADS.

One "step" is what ``engine.trainer.Trainer.train_step`` does: forward, backward through the real
model class (``engine.models.rnnlm``), ``clip_grads``, the optimizer's ``update``, the finite check.
PyTorch (``bench/torch_reference.py``): forward, backward, ``clip_grad_norm_``, the same optimizer.
The book's per-timestep NumPy formulation (``bench/book_reference.py``) runs at the Rnnlm shape.
The roof is the rate of one float32 GEMM of the output layer's shape (700x650 @ 650x10000) at the
same thread count, also in its own process. ``--baseline DIR`` adds our own step as another checkout of
RNN Lab computes it (its engine, its bench/engine.py worker): old code against new, the same way.

FLOPs counted (matrix products only; elementwise work is free in this count):
    per LSTM layer  3 * 2*N*T*(D_in + H)*4H      (forward; backward: dW and dx, twice the forward)
    output layer    3 * 2*N*T*H*V

Peak memory: when ``$RNNLAB_DATA`` is set, a subprocess trains the PTB Rnnlm preset through the
real task and Trainer for ``--rss-steps`` steps plus a short validation and reports its peak
resident set (``resource.getrusage(RUSAGE_SELF).ru_maxrss``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
               "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")

# name -> V, D, H, layers, tied, N, T, optimizer, lr, clip, timed steps per block, warm-up steps
SHAPES = {
    "rnnlm": dict(V=10000, D=100, H=100, layers=1, tied=False, N=20, T=35, optim="sgd", lr=1.0, clip=0.25,
                  steps=8, warmup=2),
    "2x650": dict(V=10000, D=650, H=650, layers=2, tied=True, N=20, T=35, optim="sgd", lr=1.0, clip=0.25,
                  steps=3, warmup=1),
    "small": dict(V=65, D=32, H=128, layers=1, tied=False, N=16, T=64, optim="adam", lr=0.006, clip=5.0,
                  steps=40, warmup=5),
}


def lm_flops(V: int, D: int, H: int, layers: int, N: int, T: int) -> float:
    """Matrix-product FLOPs of one training step (forward + backward) of the LSTM LM."""
    M = N * T
    total, d_in = 0.0, D
    for _ in range(layers):
        total += 2 * M * (d_in + H) * 4 * H
        d_in = H
    total += 2 * M * H * V
    return 3 * total


def shape_flops(shape: str) -> float:
    s = SHAPES[shape]
    return lm_flops(s["V"], s["D"], s["H"], s["layers"], s["N"], s["T"])


# ---------------------------------------------------------------------------------------- contenders
# Each runs in a child process (``--worker``) and returns a dict with "rate" and "threads".
def run_ours(shape: str, threads: int | None, seed: int = 0) -> dict:
    import numpy as np

    from rnn_lab.engine.clip import clip_grads
    from rnn_lab.engine.models.rnnlm import RnnLM
    from rnn_lab.engine.optim import make_optimizer
    from rnn_lab.engine.threads import blas_threads, choose_threads, set_threads

    set_threads(choose_threads(threads))  # None: the app's headless default
    s = SHAPES[shape]
    rng = np.random.default_rng(seed)
    model = RnnLM(s["V"], s["D"], s["H"], rng=rng, layers=s["layers"], tie=s["tied"])
    optimizer = make_optimizer(s["optim"], s["lr"])
    xs = rng.integers(0, s["V"], (s["N"], s["T"])).astype(np.int32)
    ts = rng.integers(0, s["V"], (s["N"], s["T"])).astype(np.int32)

    def step() -> None:
        with np.errstate(over="ignore", invalid="ignore"):  # as the task's train_step
            model.forward(xs, ts)
            model.backward()
        norm = clip_grads(model.grads, s["clip"])  # then as Trainer.train_step
        optimizer.update(model.params, model.grads)
        if not (np.isfinite(norm) and all(np.isfinite(p.sum()) for p in model.params)):
            raise RuntimeError("our model diverged during the benchmark")

    return {"rate": _tokens_per_s(step, shape), "threads": blas_threads()}


def run_torch(shape: str, threads: int | None, seed: int = 0) -> dict:
    from bench.torch_reference import torch_lm_step

    step, used = torch_lm_step(**_model_args(shape), threads=threads, seed=seed)
    return {"rate": _tokens_per_s(step, shape), "threads": used}


def run_book(shape: str, threads: int | None, seed: int = 0) -> dict:
    import numpy as np

    from bench.book_reference import BookRnnlm, sgd_step
    from rnn_lab.engine.threads import blas_threads, set_threads

    if threads:
        set_threads(threads)
    s = SHAPES[shape]
    rng = np.random.default_rng(seed)
    model = BookRnnlm(s["V"], s["D"], s["H"], rng)
    xs = rng.integers(0, s["V"], (s["N"], s["T"]))
    ts = rng.integers(0, s["V"], (s["N"], s["T"]))
    rate = _tokens_per_s(lambda: sgd_step(model, xs, ts, lr=s["lr"], clip=s["clip"]), shape, steps_div=2)
    return {"rate": rate, "threads": blas_threads()}


def run_gemm(shape: str, threads: int | None, seed: int = 0) -> dict:
    from bench.layers import measure_gemm_gflops
    from rnn_lab.engine.threads import blas_threads, choose_threads, set_threads

    set_threads(choose_threads(threads))
    return {"rate": measure_gemm_gflops(repeats=3), "threads": blas_threads()}


RUNNERS = {"ours": run_ours, "torch": run_torch, "book": run_book, "gemm": run_gemm}


def _model_args(shape: str) -> dict:
    s = SHAPES[shape]
    return {k: s[k] for k in ("V", "D", "H", "layers", "tied", "N", "T", "optim", "lr", "clip")}


def _tokens_per_s(step, shape: str, steps_div: int = 1) -> float:
    """Warm-up steps (thread pools awake, buffers allocated), then the shape's timed steps."""
    s = SHAPES[shape]
    for _ in range(s["warmup"]):
        step()
    k = max(1, s["steps"] // steps_div)
    t0 = time.perf_counter()
    for _ in range(k):
        step()
    return k * s["N"] * s["T"] / (time.perf_counter() - t0)


# ---------------------------------------------------------------------------------------- the parent
def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in THREAD_VARS}
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    return env


def spawn(side: str, shape: str, threads: str, baseline: str | None = None) -> dict:
    """Run one contender in a fresh Python process; returns its JSON result. Side "baseline" is "ours"
    run by another checkout of RNN Lab (``baseline``: its folder), with its own engine."""
    root, env = ROOT, child_env()
    if side == "baseline":
        root, env = os.path.abspath(baseline), _baseline_env(baseline)
        side = "ours"
    cmd = [sys.executable, "-m", "bench.engine", "--worker", side, "--shape", shape, "--worker-threads", threads]
    out = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{side} at {shape}, threads {threads} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _baseline_env(folder: str) -> dict[str, str]:
    """An environment in which ``import rnn_lab`` finds the checkout ``folder`` (through a link named
    rnn_lab in a folder of its own, ahead of this checkout's editable install)."""
    import hashlib
    import tempfile

    folder = os.path.abspath(folder)
    tag = hashlib.sha1(folder.encode()).hexdigest()[:12]
    link_dir = os.path.join(tempfile.gettempdir(), f"rnnlab-baseline-{tag}")
    os.makedirs(link_dir, exist_ok=True)
    link = os.path.join(link_dir, "rnn_lab")
    if not os.path.islink(link):
        os.symlink(folder, link)
    env = {k: v for k, v in os.environ.items() if k not in THREAD_VARS}
    env["PYTHONPATH"] = link_dir + os.pathsep + folder
    return env


def contenders(shape: str, args) -> list[str]:
    sides = ["ours"]
    if args.baseline:
        sides.append("baseline")
    if args.torch_ok:
        sides.append("torch")
    if shape == "rnnlm" and not args.no_book:
        sides.append("book")
    if not args.no_roof:
        sides.append("gemm")
    return sides


def bench(shape: str, threads: str, args) -> dict[str, list[dict]]:
    """Interleaved rounds, one process per side per round; lists of per-round results by side."""
    sides = contenders(shape, args)
    results: dict[str, list[dict]] = {s: [] for s in sides}
    for r in range(args.rounds):
        for side in sides if r % 2 == 0 else sides[::-1]:
            results[side].append(spawn(side, shape, threads, args.baseline))
        print(f"  {shape} threads {threads} round {r + 1}/{args.rounds}: " + ", ".join(
            f"{k} {v[-1]['rate']:,.0f} ({v[-1]['threads']} thr)" for k, v in results.items()),
            f"load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
    return results


def _ratio(a: list[float], b: list[float]) -> tuple[float, float, float]:
    """Median, min and max of the per-round ratios a[i] / b[i]."""
    rs = [x / y for x, y in zip(a, b)]
    return statistics.median(rs), min(rs), max(rs)


def report(shape: str, threads: str, res: dict[str, list[dict]], load: tuple[float, float]) -> list[str]:
    s = SHAPES[shape]
    flops = shape_flops(shape)
    per_step = s["N"] * s["T"]
    rate = {k: [x["rate"] for x in v] for k, v in res.items()}
    used = {k: sorted({x["threads"] for x in v}) for k, v in res.items()}
    ours = statistics.median(rate["ours"])
    lines = [f"{shape} (V={s['V']} D={s['D']} H={s['H']} layers={s['layers']}{' tied' if s['tied'] else ''} "
             f"N={s['N']} T={s['T']} {s['optim']}; {flops / 1e9:.3g} GFLOP/step), threads {threads}, "
             f"{len(rate['ours'])} rounds, load {load[0]:.1f} -> {load[1]:.1f}"]
    lines.append(f"  ours   {ours:9,.0f} tokens/s  {per_step / ours * 1e3:7.2f} ms/step  threads {used['ours']}")
    if "torch" in rate:
        t = statistics.median(rate["torch"])
        m, lo, hi = _ratio(rate["ours"], rate["torch"])
        lines.append(f"  torch  {t:9,.0f} tokens/s  {per_step / t * 1e3:7.2f} ms/step  threads {used['torch']}   "
                     f"ours/torch {m:.2f}x (rounds {lo:.2f}-{hi:.2f})")
    if "baseline" in rate:
        b = statistics.median(rate["baseline"])
        m, lo, hi = _ratio(rate["ours"], rate["baseline"])
        lines.append(f"  base   {b:9,.0f} tokens/s  {per_step / b * 1e3:7.2f} ms/step  threads {used['baseline']}   "
                     f"ours/baseline {m:.2f}x (rounds {lo:.2f}-{hi:.2f})")
    if "book" in rate:
        b = statistics.median(rate["book"])
        m, lo, hi = _ratio(rate["ours"], rate["book"])
        lines.append(f"  book   {b:9,.0f} tokens/s  {per_step / b * 1e3:7.2f} ms/step  threads {used['book']}   "
                     f"ours/book {m:.2f}x (rounds {lo:.2f}-{hi:.2f})")
    if "gemm" in rate:
        g = statistics.median(rate["gemm"])
        ours_gflops = [x / per_step * flops / 1e9 for x in rate["ours"]]
        m, lo, hi = _ratio(ours_gflops, rate["gemm"])
        lines.append(f"  roof   {g:9.1f} GFLOP/s (float32 GEMM 700x650 @ 650x10000, threads {used['gemm']})   "
                     f"ours {statistics.median(ours_gflops):.1f} GFLOP/s = {m:.0%} of it (rounds {lo:.0%}-{hi:.0%})")
    return lines


RSS_SCRIPT = """
import resource, sys
from rnn_lab.engine.tasks.registry import default_config
from rnn_lab.engine.tasks.registry import make_task
from rnn_lab.engine.trainer import Trainer
cfg = default_config(preset="rnnlm", data=sys.argv[1], eval_interval=0)
trainer = Trainer(make_task(cfg))
trainer.fit(max_steps=int(sys.argv[2]))
trainer.task.evaluate("val", max_batches=10)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss_mb(data: str, steps: int) -> float:
    """Peak resident MB of a subprocess training the PTB Rnnlm preset (real task and Trainer)."""
    out = subprocess.run([sys.executable, "-c", RSS_SCRIPT, data, str(steps)], cwd=ROOT, env=child_env(),
                         capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1]) / 1024  # ru_maxrss is in KiB on Linux


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=["rnnlm", "2x650", "small"])
    parser.add_argument("--threads", nargs="+", default=["1", "2", "default"],
                        help="thread settings to compare: numbers, or 'default' (each side's own)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (medians are reported)")
    parser.add_argument("--no-torch", action="store_true", help="skip PyTorch")
    parser.add_argument("--no-book", action="store_true", help="skip the per-timestep NumPy reference")
    parser.add_argument("--no-roof", action="store_true", help="skip the GEMM roof")
    parser.add_argument("--baseline", metavar="DIR", help="also run our step from another checkout of RNN Lab "
                        "(e.g. `git archive 485f45f | tar -x -C /tmp/old`), in its own processes")
    parser.add_argument("--rss-steps", type=int, default=0,
                        help="steps of the PTB peak-memory run ($RNNLAB_DATA); 0 (default) skips it")
    parser.add_argument("--worker", choices=list(RUNNERS), help=argparse.SUPPRESS)
    parser.add_argument("--shape", choices=list(SHAPES), help=argparse.SUPPRESS)
    parser.add_argument("--worker-threads", default="default", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:  # a child: one contender, one JSON line
        threads = None if args.worker_threads == "default" else int(args.worker_threads)
        print(json.dumps(RUNNERS[args.worker](args.shape, threads)))
        return
    for t in args.threads:
        if t != "default" and not t.isdigit():
            parser.error(f"--threads takes numbers or 'default', got {t!r}")

    data = os.environ.get("RNNLAB_DATA")
    rss = None
    if args.rss_steps and data:
        rss = (f"peak RSS, PTB Rnnlm preset (real task + Trainer), {args.rss_steps} training steps "
               f"+ 10 validation batches: {peak_rss_mb(os.path.join(data, 'ptb'), args.rss_steps):.0f} MB")
    from bench.torch_reference import torch_available

    args.torch_ok = not args.no_torch and torch_available()
    if not args.torch_ok and not args.no_torch:
        print("note: PyTorch is not importable: no PyTorch comparison (pip install --group bench)", file=sys.stderr)
    from rnn_lab.engine.threads import usable_cores

    out = [f"usable cores {usable_cores()} (os.cpu_count() {os.cpu_count()}); each side in its own process"]
    for shape in args.shapes:
        for threads in args.threads:
            load0 = os.getloadavg()[0]
            res = bench(shape, threads, args)
            out += report(shape, threads, res, (load0, os.getloadavg()[0]))
            print("\n".join(out[-5:]), file=sys.stderr, flush=True)
    print("\n".join(out))
    if rss:
        print(rss)


if __name__ == "__main__":
    main()
