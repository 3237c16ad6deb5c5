"""Training throughput of the word language model against PyTorch, the book's NumPy and the GEMM roof.

Our engine against PyTorch, the book's per-timestep NumPy formulation and the machine's float32
GEMM rate, measured in ONE interleaved run.

    python -m bench.engine [--shapes rnnlm 2x650] [--rounds 5] [--steps 3] [--threads N]

Shapes (vocabulary 10,000, batch 20, BPTT 35, as the book's PTB models):
    rnnlm   the book's Rnnlm: Embedding(100) -> LSTM(100) -> Affine -> softmax loss
    2x650   BetterRnnlm's shape: 2 stacked LSTM(650), output tied to the embedding (dropout 0 by
            default, because the PyTorch reference has none; ``--dropout 0.5`` for the book's model)

One "step" is what ``engine.trainer.Trainer.train_step`` does: forward, backward (through the real
model class ``engine.models.rnnlm``), ``clip_grads`` at 0.25, the optimizer's ``update`` (plain
SGD), and the trainer's finite check of every parameter. PyTorch (``bench/torch_reference.py``, same
threads) does forward, backward, ``clip_grad_norm_`` and SGD. The book's formulation
(``bench/book_reference.py``) runs at the Rnnlm shape only (at 2x650 it is both slow and a 1-layer
model). The roof is the rate of one float32 GEMM of the output layer's shape (700x650 @ 650x10000).

Load: the machine is shared, so every measurement is repeated in rounds, interleaved
(ours, torch, book, GEMM, ours, torch, ...), each block after one untimed warm-up step; medians
are reported, and the ratios are medians of the per-round ratios, so load that comes and goes
hits both sides of a ratio alike. The load average is printed with the figures.

FLOPs counted (matrix products only; elementwise work is free in this count):
    per LSTM layer  3 * 2*N*T*(D_in + H)*4H      (forward; backward: dW and dx, twice the forward)
    output layer    3 * 2*N*T*H*V

Threads: ``--threads`` sets OPENBLAS_NUM_THREADS / OMP_NUM_THREADS before NumPy is imported and
``torch.set_num_threads`` for PyTorch, so both sides use the same number of threads.

Peak memory: when ``$RNNLAB_DATA`` is set, a subprocess trains the PTB Rnnlm preset through the
real task and Trainer for ``--rss-steps`` steps plus a short validation and reports its peak
resident set (``resource.getrusage(RUSAGE_SELF).ru_maxrss``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

SHAPES = {  # name -> V, D, H, layers, tied
    "rnnlm": (10000, 100, 100, 1, False),
    "2x650": (10000, 650, 650, 2, True),
}
N_BATCH, T_BPTT, CLIP, LR = 20, 35, 0.25, 1.0


def lm_flops(V: int, D: int, H: int, layers: int, N: int = N_BATCH, T: int = T_BPTT) -> float:
    """Matrix-product FLOPs of one training step (forward + backward) of the LSTM LM."""
    M = N * T
    total, d_in = 0.0, D
    for _ in range(layers):
        total += 2 * M * (d_in + H) * 4 * H
        d_in = H
    total += 2 * M * H * V
    return 3 * total


def _set_threads(threads: int) -> None:
    """BLAS threads for NumPy: only effective before NumPy is first imported."""
    if "numpy" in sys.modules:
        print("note: NumPy was imported before bench.engine set its thread count; --threads may not apply",
              file=sys.stderr)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(threads)


# ---------------------------------------------------------------------------------------- contenders
def make_ours(shape: str, dropout: float, seed: int = 0):
    """A function running ``k`` training steps of our engine exactly as the Trainer does them."""
    import numpy as np

    from rnn_lab.engine.clip import clip_grads
    from rnn_lab.engine.models.rnnlm import BetterRnnlm, Rnnlm
    from rnn_lab.engine.optim import make_optimizer

    V, D, H, layers, tied = SHAPES[shape]
    rng = np.random.default_rng(seed)
    if shape == "rnnlm":
        model = Rnnlm(V, D, H, rng=rng)
    else:
        model = BetterRnnlm(V, D, H, dropout_ratio=dropout, rng=rng)
    assert model.num_layers == layers and model.tied == tied
    optimizer = make_optimizer("sgd", LR)
    xs = rng.integers(0, V, (N_BATCH, T_BPTT))
    ts = rng.integers(0, V, (N_BATCH, T_BPTT))

    def steps(k: int) -> None:
        for _ in range(k):
            with np.errstate(over="ignore", invalid="ignore"):  # as WordLMTask.train_step
                model.forward(xs, ts)
                model.backward()
            norm = clip_grads(model.grads, CLIP)  # then as Trainer.train_step
            optimizer.update(model.params, model.grads)
            if not (np.isfinite(norm) and all(np.isfinite(p.sum()) for p in model.params)):
                raise RuntimeError("our model diverged during the benchmark")

    return steps


def make_book(seed: int = 0):
    import numpy as np

    from bench.book_reference import BookRnnlm, sgd_step

    V, D, H, _, _ = SHAPES["rnnlm"]
    rng = np.random.default_rng(seed)
    model = BookRnnlm(V, D, H, rng)
    xs = rng.integers(0, V, (N_BATCH, T_BPTT))
    ts = rng.integers(0, V, (N_BATCH, T_BPTT))

    def steps(k: int) -> None:
        for _ in range(k):
            sgd_step(model, xs, ts, lr=LR, clip=CLIP)

    return steps


def timed_tokens_per_s(steps, k: int) -> float:
    """One untimed warm-up step (wakes the thread pools, fills caches), then ``k`` timed steps."""
    steps(1)
    t0 = time.perf_counter()
    steps(k)
    return k * N_BATCH * T_BPTT / (time.perf_counter() - t0)


# ---------------------------------------------------------------------------------------- runs
def bench_shape(shape: str, args, torch_ok: bool) -> dict[str, list[float]]:
    """Interleaved rounds; returns lists of per-round figures keyed by contender."""
    from bench.layers import measure_gemm_gflops

    V, D, H, layers, tied = SHAPES[shape]
    ours = make_ours(shape, args.dropout)
    book = make_book() if shape == "rnnlm" and not args.no_book else None
    results: dict[str, list[float]] = {"ours": [], "torch": [], "book": [], "gemm": []}

    def run_torch() -> float:
        from bench.torch_reference import bench_torch_lm

        return bench_torch_lm(V, D, H, N_BATCH, T_BPTT, layers=layers, steps=args.steps, warmup=1,
                              threads=args.threads, tie=tied, seed=0)

    contenders = [("ours", lambda: timed_tokens_per_s(ours, args.steps))]
    if torch_ok:
        contenders.append(("torch", run_torch))
    if book is not None:
        contenders.append(("book", lambda: timed_tokens_per_s(book, max(1, args.steps // 2))))
    contenders.append(("gemm", lambda: measure_gemm_gflops(repeats=3)))
    for r in range(args.rounds):
        # Alternate the order so that neither side always runs right after the other's thread pool.
        for name, run in contenders if r % 2 == 0 else contenders[::-1]:
            results[name].append(run())
        print(f"  {shape} round {r + 1}/{args.rounds}: " + ", ".join(
            f"{k} {v[-1]:,.0f}" for k, v in results.items() if v), file=sys.stderr, flush=True)
    return results


def _ratio(a: list[float], b: list[float]) -> tuple[float, float, float]:
    """Median, min and max of the per-round ratios a[i] / b[i]."""
    rs = [x / y for x, y in zip(a, b)]
    return statistics.median(rs), min(rs), max(rs)


def report(shape: str, res: dict[str, list[float]], torch_ok: bool | None) -> list[str]:
    """Lines of the figures table; ``torch_ok`` None means the user skipped PyTorch."""
    V, D, H, layers, tied = SHAPES[shape]
    flops = lm_flops(V, D, H, layers)
    ours_tps = statistics.median(res["ours"])
    ours_gflops = [t / (N_BATCH * T_BPTT) * flops / 1e9 for t in res["ours"]]
    lines = [f"{shape}: V={V} D=H={H} layers={layers}{' tied' if tied else ''} N={N_BATCH} T={T_BPTT}, "
             f"{flops / 1e9:.2f} GFLOP per step"]
    lines.append(f"  ours    {ours_tps:9,.0f} tokens/s  {statistics.median(ours_gflops):6.1f} GFLOP/s")
    if res["torch"]:
        t = statistics.median(res["torch"])
        m, lo, hi = _ratio(res["ours"], res["torch"])
        lines.append(f"  torch   {t:9,.0f} tokens/s  {t / (N_BATCH * T_BPTT) * flops / 1e9:6.1f} GFLOP/s   "
                     f"ours/torch {m:.2f}x  (rounds {lo:.2f}-{hi:.2f})")
    else:
        lines.append("  torch   skipped (--no-torch)" if torch_ok is None else
                     "  torch   not importable: no PyTorch comparison (pip install -e '.[bench]')")
    if res["book"]:
        b = statistics.median(res["book"])
        m, lo, hi = _ratio(res["ours"], res["book"])
        lines.append(f"  book    {b:9,.0f} tokens/s  {b / (N_BATCH * T_BPTT) * flops / 1e9:6.1f} GFLOP/s   "
                     f"ours/book  {m:.2f}x  (rounds {lo:.2f}-{hi:.2f})")
    elif shape != "rnnlm":
        lines.append("  book    skipped: the per-timestep reference is the 1-layer Rnnlm (and minutes per step here)")
    g = statistics.median(res["gemm"])
    m, lo, hi = _ratio(ours_gflops, res["gemm"])
    lines.append(f"  roof    {g:9.1f} GFLOP/s (float32 GEMM 700x650 @ 650x10000)   "
                 f"ours/roof  {m:.0%}  (rounds {lo:.0%}-{hi:.0%})")
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


def peak_rss_mb(data: str, steps: int, threads: int) -> float:
    """Peak resident MB of a subprocess training the PTB Rnnlm preset (real task and Trainer)."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = subprocess.run([sys.executable, "-c", RSS_SCRIPT, data, str(steps)], cwd=root, env=env,
                         capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1]) / 1024  # ru_maxrss is in KiB on Linux


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=list(SHAPES))
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (medians are reported)")
    parser.add_argument("--steps", type=int, default=3, help="timed training steps per block")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                        help="BLAS/OpenMP threads for NumPy and PyTorch (default: all CPUs)")
    parser.add_argument("--dropout", type=float, default=0.0, help="dropout of our 2x650 model (torch has none)")
    parser.add_argument("--no-torch", action="store_true", help="skip PyTorch")
    parser.add_argument("--no-book", action="store_true", help="skip the per-timestep NumPy reference")
    parser.add_argument("--rss-steps", type=int, default=30,
                        help="steps of the PTB peak-memory run ($RNNLAB_DATA); 0 skips it")
    args = parser.parse_args(argv)
    _set_threads(args.threads)

    # The memory run goes first, while this process is still small: Linux carries the parent's
    # peak RSS into a forked child's ru_maxrss, so a child started later would report ours.
    data = os.environ.get("RNNLAB_DATA")
    if args.rss_steps and data:
        rss = (f"peak RSS, PTB Rnnlm preset (real task + Trainer), {args.rss_steps} training steps "
               f"+ 10 validation batches: {peak_rss_mb(os.path.join(data, 'ptb'), args.rss_steps, args.threads):.0f} MB")
    else:
        rss = "peak RSS: skipped ($RNNLAB_DATA is not set)" if args.rss_steps else "peak RSS: skipped"

    from bench.torch_reference import torch_available

    torch_ok = None if args.no_torch else torch_available()
    load0 = os.getloadavg()
    out = []
    for shape in args.shapes:
        out += report(shape, bench_shape(shape, args, bool(torch_ok)), torch_ok)
    load1 = os.getloadavg()
    print(f"threads {args.threads}, {args.rounds} rounds x {args.steps} steps; load average (1 min) "
          f"{load0[0]:.1f} before, {load1[0]:.1f} after, on {os.cpu_count()} CPUs")
    print("\n".join(out))
    print(rss)


if __name__ == "__main__":
    main()
