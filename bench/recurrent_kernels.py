"""Where a recurrent layer's time goes, the per-step products in each form, and the BLAS threads of the time loop.

    python -m bench.recurrent_kernels [--sections parts products loop baseline] [--rounds 9] [--threads 2]
    python -m bench.recurrent_kernels --sections baseline --baseline /tmp/rnnlab-old    # old kernels vs these

Sections (each prints its figures and the load average):

parts     ``FastTimeLSTM`` forward + backward split into its parts (the time loops, the backward
          coefficients, the weights' copies, the input projection, the gradients back to rows, dWh,
          the other products), timed on this thread's CPU clock by wrapping the layer's own methods,
          at the ``shakespeare-fast`` shape (N=16, T=64, D=32, H=128) and at H=650 (N=20, T=35), one thread;
products  one per-timestep product in each form, one thread: the book's ``h @ Wh`` and ``dA @ Wh.T``
          (a transposed view), with a contiguous copy of ``Wh.T``, and the transposed forms the fast
          layers use, ``Wh^T h^T`` and ``Wh dA^T``; PyTorch's ``mm`` for the same, when installed;
loop      the BLAS threads of the time loop (``--threads`` N, default 2): one LSTM layer's forward +
          backward with its per-step products on 1 thread and on N (the products over all steps on N
          in both), and with everything on 1 thread; interleaved rounds, medians of per-round ratios,
          at the small char shape, the book's Rnnlm (N=20, T=35, D=H=100), shakespeare-long's layer
          (N=32, T=64, D=64, H=256) and 2x650's (H=650);
          and what ``engine.threads.loop_thread_count`` picks for each;
baseline  (``--baseline DIR``: another checkout of RNN Lab, e.g. ``git worktree add /tmp/rnnlab-old
          485f45f``, or ``git archive 485f45f | tar -x -C /tmp/rnnlab-old``) its fast layers against these, per cell and shape, one thread, interleaved rounds,
          wall time and this thread's CPU time.

The whole training step against PyTorch is ``bench/engine.py`` (each side in its own process).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import importlib.util
import os
import statistics
import sys
import time
import timeit

import numpy as np

from rnn_lab.engine import threads
from rnn_lab.engine.layers.fast import base as fast_base
from rnn_lab.engine.layers.fast.gru import FastTimeGRU
from rnn_lab.engine.layers.fast.lstm import FastTimeLSTM, FastTimePeepholeLSTM
from rnn_lab.engine.layers.fast.rnn import FastTimeRNN

SMALL, RNNLM, BIG = (16, 64, 32, 128), (20, 35, 100, 100), (20, 35, 650, 650)  # N, T, D, H
LONG = (32, 64, 64, 256)  # the shakespeare-long preset
GATES = {"rnn": 1, "gru": 3, "lstm": 4, "peephole": 4}
LAYERS = {"rnn": FastTimeRNN, "gru": FastTimeGRU, "lstm": FastTimeLSTM, "peephole": FastTimePeepholeLSTM}


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def make_params(cell: str, D: int, H: int, seed: int = 0) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    G = GATES[cell]
    params = [rng.standard_normal((D, G * H)) / np.sqrt(D), rng.standard_normal((H, G * H)) / np.sqrt(H),
              rng.standard_normal(G * H) * 0.1]
    params += [rng.standard_normal(H) * 0.1 for _ in range(3 if cell == "peephole" else 0)]
    return [p.astype(np.float32) for p in params]


def data(N: int, T: int, D: int, H: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((N, T, D)).astype(np.float32), rng.standard_normal((N, T, H)).astype(np.float32))


def reps_for(N: int, T: int, H: int, G: int, seconds: float = 0.05) -> int:
    """Repetitions of a forward + backward that take about ``seconds`` (at ~40 GFLOP/s)."""
    flops = 3 * 2 * N * T * 2 * H * G * H
    return max(1, int(seconds * 40e9 / flops))


# ------------------------------------------------------------------------------------------- parts
PARTS = ("_forward_weights", "_project", "_forward_steps", "_backward_steps", "_backward_coefficients",
         "_rows_of_dA", "_weight_grads")


def parts(N: int, T: int, D: int, H: int, repeats: int) -> dict[str, float]:
    """Milliseconds (this thread's CPU time) of each part of one forward + backward, medians."""
    layer = FastTimeLSTM(*make_params("lstm", D, H), stateful=True)
    xs, dhs = data(N, T, D, H)
    clock = time.thread_time
    acc: dict[str, list[float]] = collections.defaultdict(list)
    for name in PARTS:
        method = getattr(layer, name)

        def timed(*a, _m=method, _n=name, **k):
            t0 = clock()
            out = _m(*a, **k)
            acc[_n].append(clock() - t0)
            return out

        setattr(layer, name, timed)
    for _ in range(2):
        layer.forward(xs)
        layer.backward(dhs)
    acc.clear()
    fwd, bwd = [], []
    for _ in range(repeats):
        t0 = clock()
        layer.forward(xs)
        t1 = clock()
        layer.backward(dhs)
        fwd.append(t1 - t0)
        bwd.append(clock() - t1)
    m = {k: statistics.median(v) * 1e3 for k, v in acc.items()}
    f, b = statistics.median(fwd) * 1e3, statistics.median(bwd) * 1e3
    return {
        "forward": f,
        "  weights: Wh^T, [Wx; b] reordered and pre-scaled": m["_forward_weights"],
        "  input projection of all steps": m["_project"],
        "  the time loop (forward)": m["_forward_steps"],
        "  copies in and out": f - m["_forward_weights"] - m["_project"] - m["_forward_steps"],
        "backward": b,
        "  coefficients of all steps (before the loop)": m["_backward_coefficients"],
        "  the time loop (backward)": m["_backward_steps"] - m["_backward_coefficients"],
        "  dA back to rows (a transposed copy)": m["_rows_of_dA"],
        "  [dWh; dWx; db] (one product; h back to rows)": m["_weight_grads"],
        "  dxs product, copies": b - m["_backward_steps"] - m["_rows_of_dA"] - m["_weight_grads"],
        "forward + backward": f + b,
    }


def torch_lstm(N: int, T: int, D: int, H: int, repeats: int) -> tuple[float, float] | None:
    """(forward, backward) ms of PyTorch's nn.LSTM at one thread (this thread's CPU time), or None
    without torch. On the CPU it runs oneDNN's fused LSTM kernel (aten::mkldnn_rnn_layer): compiled
    code for a whole layer, the per-step elementwise work fused."""
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    lstm = torch.nn.LSTM(D, H, batch_first=True)
    xs = torch.randn(N, T, D, requires_grad=True)
    dhs = torch.randn(N, T, H)
    clock = time.thread_time
    fwd, bwd = [], []
    for r in range(repeats + 2):
        t0 = clock()
        hs, _ = lstm(xs)
        t1 = clock()
        hs.backward(dhs)
        if r >= 2:
            fwd.append(t1 - t0)
            bwd.append(clock() - t1)
    return statistics.median(fwd) * 1e3, statistics.median(bwd) * 1e3


def section_parts(args) -> None:
    threads.set_threads(1)
    print(f"\n== parts of FastTimeLSTM forward + backward, one thread, ms of CPU time ({load()})")
    for name, (N, T, D, H), k in (("shakespeare-fast", SMALL, 30), ("H=650", BIG, 5)):
        print(f"{name}: N={N} T={T} D={D} H={H}")
        for part, ms in parts(N, T, D, H, k).items():
            print(f"  {part:52s} {ms:8.2f}")
        flops = 3 * 2 * N * T * (D + H) * 4 * H  # forward, dW and dx: three products per layer
        print(f"  {'(all of its products at the GEMM roof of ~105 GFLOP/s)':52s} {flops / 105e9 * 1e3:8.2f}")
        theirs = torch_lstm(N, T, D, H, k)
        if theirs:
            print(f"  {'PyTorch nn.LSTM: forward, backward (oneDNN, fused)':52s} {theirs[0]:8.2f} {theirs[1]:8.2f}")


# ------------------------------------------------------------------------------------------- products
def products(N: int, H: int) -> dict[str, float]:
    """Microseconds of one per-timestep product in each form (best of 5 repeats)."""
    rng = np.random.default_rng(0)
    h = rng.standard_normal((N, H)).astype(np.float32)
    Wh = rng.standard_normal((H, 4 * H)).astype(np.float32)
    WhT = np.ascontiguousarray(Wh.T)
    dA = rng.standard_normal((N, 4 * H)).astype(np.float32)
    hT, dAT = np.ascontiguousarray(h.T), np.ascontiguousarray(dA.T)
    out, outT = np.empty((N, 4 * H), np.float32), np.empty((4 * H, N), np.float32)
    dn, dnT = np.empty((N, H), np.float32), np.empty((H, N), np.float32)
    n = 2000 if H <= 256 else 50

    def us(fn) -> float:
        return min(timeit.repeat(fn, number=n, repeat=5)) / n * 1e6

    res = {"forward h @ Wh (the book's form)": us(lambda: np.matmul(h, Wh, out=out)),
           "forward Wh^T h^T (the fast layers')": us(lambda: np.matmul(WhT, hT, out=outT)),
           "backward dA @ Wh.T, a transposed view": us(lambda: np.matmul(dA, Wh.T, out=dn)),
           "backward dA @ WhT, a contiguous copy": us(lambda: np.matmul(dA, WhT, out=dn)),
           "backward Wh dA^T (the fast layers')": us(lambda: np.matmul(Wh, dAT, out=dnT))}
    try:
        import torch
    except ImportError:
        return res
    torch.set_num_threads(1)
    th, tW, tdA = torch.from_numpy(h), torch.from_numpy(Wh), torch.from_numpy(dA)
    to, tdn = torch.empty(N, 4 * H), torch.empty(N, H)
    res["torch mm(h, Wh)"] = us(lambda: torch.mm(th, tW, out=to))
    res["torch mm(dA, Wh.t())"] = us(lambda: torch.mm(tdA, tW.t(), out=tdn))
    return res


def section_products(args) -> None:
    threads.set_threads(1)
    print(f"\n== one per-timestep product, one thread, µs (best of 5) ({load()})")
    for N, T, _, H in (SMALL, RNNLM, BIG):
        print(f"N={N} H={H} (x {T} steps)")
        for form, us in products(N, H).items():
            print(f"  {form:42s} {us:9.1f}")


# ------------------------------------------------------------------------------------------- loop threads
@contextlib.contextmanager
def _loop_on(k: int | None):
    """Force the time loops' BLAS threads to k (None: the engine's rule)."""
    if k is None:
        yield
        return
    saved = fast_base.loop_threads

    @contextlib.contextmanager
    def forced(H, N, G):
        libs = threads._blas_libs()
        n = threads.blas_threads()
        for lib in libs:
            lib.set_num_threads(k)
        try:
            yield
        finally:
            for lib in libs:
                lib.set_num_threads(n)

    fast_base.loop_threads = forced
    try:
        yield
    finally:
        fast_base.loop_threads = saved


def loop_threads_table(shape: tuple[int, int, int, int], n: int, rounds: int) -> str:
    """One LSTM layer: loop on 1 thread vs on n (rest on n), and everything on 1, interleaved."""
    N, T, D, H = shape
    layer = FastTimeLSTM(*make_params("lstm", D, H), stateful=True)
    xs, dhs = data(N, T, D, H)
    reps = reps_for(N, T, H, 4)
    modes = {"loop 1": (n, 1), f"loop {n}": (n, n), "all 1": (1, 1)}  # (threads in force, loop threads)
    res: dict[str, list[float]] = {m: [] for m in modes}
    others: list[float] = []  # with the loop on 1 thread: CPU of this process's other threads, in cores
    load0 = os.getloadavg()[0]
    for r in range(rounds):
        for m in list(modes) if r % 2 == 0 else list(modes)[::-1]:
            total, loop = modes[m]
            threads.set_threads(total)
            with _loop_on(loop):
                layer.forward(xs)
                layer.backward(dhs)
                t0, p0, c0 = time.perf_counter(), time.process_time(), time.thread_time()
                for _ in range(reps):
                    layer.forward(xs)
                    layer.backward(dhs)
                wall = time.perf_counter() - t0
                res[m].append(wall / reps * 1e3)
                if m == "loop 1":
                    others.append((time.process_time() - p0 - (time.thread_time() - c0)) / wall)
    threads.set_threads(n)

    def ratio(a, b):
        rs = [x / y for x, y in zip(res[a], res[b])]
        return f"{statistics.median(rs):.2f}x ({min(rs):.2f}-{max(rs):.2f})"

    rule = threads.loop_thread_count(H, N, 4, n)
    med = {m: statistics.median(v) for m, v in res.items()}
    return (f"N={N} T={T} D={D} H={H} ({2 * 4 * H * H * N / 1e6:.1f} MFLOP per product), {rounds} rounds, "
            f"load {load0:.1f} -> {os.getloadavg()[0]:.1f}\n"
            f"  ms: loop on 1 thread {med['loop 1']:.2f}, loop on {n} {med[f'loop {n}']:.2f}, all on 1 {med['all 1']:.2f}\n"
            f"  loop on {n} vs loop on 1: {ratio('loop 1', f'loop {n}')} faster;  loop on 1 (rest on {n}) vs all on 1: "
            f"{ratio('all 1', 'loop 1')} faster;  the rule gives the loop {rule} thread{'s' * (rule > 1)}\n"
            f"  with the loop on 1 thread, OpenBLAS's other thread(s) still used {statistics.median(others):.2f} "
            f"of a core (spinning, waiting for work)")


def section_loop(args) -> None:
    n = max(2, args.threads)
    print(f"\n== the time loop's BLAS threads: one LSTM layer forward + backward, wall time, {n} threads "
          f"(usable cores {threads.usable_cores()})")
    for shape in (SMALL, RNNLM, LONG, BIG):
        print(loop_threads_table(shape, n, args.rounds if shape != BIG else max(3, args.rounds // 2)), flush=True)


# ------------------------------------------------------------------------------------------- baseline
def load_baseline(root: str):
    """The package at ``root`` (another checkout of RNN Lab) imported as ``rnn_lab_baseline``."""
    spec = importlib.util.spec_from_file_location("rnn_lab_baseline", os.path.join(root, "__init__.py"),
                                                  submodule_search_locations=[root])
    module = importlib.util.module_from_spec(spec)
    sys.modules["rnn_lab_baseline"] = module
    spec.loader.exec_module(module)
    return importlib.import_module("rnn_lab_baseline.engine.layers.cells")


def section_baseline(args) -> None:
    if not args.baseline:
        print("\n== baseline: skipped (give --baseline DIR, another checkout of RNN Lab)")
        return
    old = load_baseline(os.path.abspath(args.baseline)).FAST
    threads.set_threads(1)
    print(f"\n== {args.baseline}'s fast layers vs these, one thread, forward + backward ({load()})")
    cases = [("lstm", SMALL), ("lstm", (32, 64, 32, 128)), ("lstm", RNNLM), ("lstm", BIG), ("gru", SMALL),
             ("peephole", SMALL), ("rnn", SMALL), ("rnn", (64, 8, 2, 16))]
    for cell, (N, T, D, H) in cases:
        params = make_params(cell, D, H)
        xs, dhs = data(N, T, D, H)
        layers = {"old": old[cell](*params, stateful=True), "new": LAYERS[cell](*params, stateful=True)}
        for layer in layers.values():
            layer.forward(xs)
            layer.backward(dhs)
        reps = reps_for(N, T, H, GATES[cell])
        wall: dict[str, list[float]] = {k: [] for k in layers}
        cpu: dict[str, list[float]] = {k: [] for k in layers}
        rounds = args.rounds if H < 500 else max(3, args.rounds // 2)
        for r in range(rounds):
            for k in ("old", "new") if r % 2 == 0 else ("new", "old"):
                t0, c0 = time.perf_counter(), time.thread_time()
                for _ in range(reps):
                    layers[k].forward(xs)
                    layers[k].backward(dhs)
                wall[k].append((time.perf_counter() - t0) / reps * 1e3)
                cpu[k].append((time.thread_time() - c0) / reps * 1e3)
        rw = [a / b for a, b in zip(wall["old"], wall["new"])]
        rc = [a / b for a, b in zip(cpu["old"], cpu["new"])]
        print(f"  {cell:8s} N={N:3d} T={T:3d} D={D:4d} H={H:4d}: old {statistics.median(wall['old']):8.2f} ms, "
              f"new {statistics.median(wall['new']):8.2f} ms: {statistics.median(rw):.2f}x faster "
              f"(rounds {min(rw):.2f}-{max(rw):.2f}; CPU time {statistics.median(rc):.2f}x), {load()}", flush=True)


SECTIONS = {"parts": section_parts, "products": section_products, "loop": section_loop, "baseline": section_baseline}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", nargs="+", choices=list(SECTIONS), default=["parts", "products", "loop"])
    parser.add_argument("--rounds", type=int, default=9, help="interleaved rounds (medians are reported)")
    parser.add_argument("--threads", type=int, default=2, help="the thread count of the 'loop' section (>= 2)")
    parser.add_argument("--baseline", help="another checkout of RNN Lab whose fast layers to compare with")
    args = parser.parse_args(argv)
    print(f"numpy {np.__version__}; {load()} at the start")
    for name in args.sections:
        SECTIONS[name](args)
    print(f"\n{load()} at the end")


if __name__ == "__main__":
    main()
