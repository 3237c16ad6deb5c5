"""Where a small LSTM's step goes, and what the kernel changes planned for the recurrent layers would gain.

    python -m bench.recurrent_kernels [--rounds 7] [--threads 1]

At the ``shakespeare-fast`` shape (batch 16, BPTT 64, D=32, H=128) and at H=650 (batch 20, BPTT 35):

1. ``TimeLSTM`` forward + backward split into its parts (the time loops, the backward coefficients,
   the GEMMs over all steps), timed by wrapping the layer's own methods;
2. one per-timestep product in each form: ``h @ Wh`` (forward), ``dA @ Wh.T`` as the layer does it
   today (``Wh.T`` is a transposed view: OpenBLAS takes a slower path for it) and with a contiguous
   copy of ``Wh.T``, and the transposed forms ``Wh^T h^T`` / ``Wh dA^T``; PyTorch's ``mm`` for the same;
3. the whole layer, interleaved, with ``Wh`` stored in C order (today) and in Fortran order: then
   ``Wh.T`` IS contiguous, which is what the first planned change (a contiguous ``Wh.T`` made once
   per backward) does, measured without touching the layer's code.
"""

from __future__ import annotations

import argparse
import collections
import os
import statistics
import time
import timeit

import numpy as np

from rnn_lab.engine.layers.lstm import TimeLSTM
from rnn_lab.engine.threads import set_threads

SHAPES = {"shakespeare-fast": (16, 64, 32, 128, 20), "H=650": (20, 35, 650, 650, 2)}  # N, T, D, H, repeats


def make_layer(N, T, D, H, fortran: bool, seed: int = 0):
    rng = np.random.default_rng(seed)
    Wx = (rng.standard_normal((D, 4 * H)) / np.sqrt(D)).astype(np.float32)
    Wh = (rng.standard_normal((H, 4 * H)) / np.sqrt(H)).astype(np.float32)
    layer = TimeLSTM(Wx, np.asfortranarray(Wh) if fortran else Wh, np.zeros(4 * H, np.float32), stateful=True)
    xs = rng.standard_normal((N, T, D)).astype(np.float32)
    dhs = rng.standard_normal((N, T, H)).astype(np.float32)
    return layer, xs, dhs


def parts(N, T, D, H, repeats: int) -> dict[str, float]:
    """Milliseconds of each part of one forward + backward (medians over ``repeats``)."""
    layer, xs, dhs = make_layer(N, T, D, H, fortran=False)
    acc: dict[str, list[float]] = collections.defaultdict(list)
    for name in ("_forward_steps", "_backward_coefficients", "_backward_steps"):
        method = getattr(layer, name)

        def timed(*a, _m=method, _n=name, **k):
            t0 = time.perf_counter()
            out = _m(*a, **k)
            acc[_n].append(time.perf_counter() - t0)
            return out

        setattr(layer, name, timed)
    for _ in range(2):
        layer.forward(xs)
        layer.backward(dhs)
    acc.clear()
    whole_f, whole_b = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        layer.forward(xs)
        t1 = time.perf_counter()
        layer.backward(dhs)
        whole_f.append(t1 - t0)
        whole_b.append(time.perf_counter() - t1)
    med = {k: statistics.median(v) * 1e3 for k, v in acc.items()}
    f, b = statistics.median(whole_f) * 1e3, statistics.median(whole_b) * 1e3
    return {"forward": f, "forward loop": med["_forward_steps"], "forward GEMM + copies": f - med["_forward_steps"],
            "backward": b, "backward coefficients (all steps)": med["_backward_coefficients"],
            "backward loop + dWh GEMM": med["_backward_steps"] - med["_backward_coefficients"],
            "backward dWx, db, dX GEMMs + copies": b - med["_backward_steps"]}


def products(N, H) -> dict[str, float]:
    """Microseconds of one per-timestep product in each form."""
    rng = np.random.default_rng(0)
    h = rng.standard_normal((N, H)).astype(np.float32)
    Wh = rng.standard_normal((H, 4 * H)).astype(np.float32)
    WhT = np.ascontiguousarray(Wh.T)
    dA = rng.standard_normal((N, 4 * H)).astype(np.float32)
    hT, dAT = np.ascontiguousarray(h.T), np.ascontiguousarray(dA.T)
    out, outT = np.empty((N, 4 * H), np.float32), np.empty((4 * H, N), np.float32)
    dn, dnT = np.empty((N, H), np.float32), np.empty((H, N), np.float32)
    n = 2000 if H <= 256 else 100

    def us(fn) -> float:
        return min(timeit.repeat(fn, number=n, repeat=5)) / n * 1e6

    res = {"forward h @ Wh": us(lambda: np.matmul(h, Wh, out=out)),
           "forward, transposed: Wh^T h^T": us(lambda: np.matmul(WhT, hT, out=outT)),
           "backward dA @ Wh.T (today: a view)": us(lambda: np.matmul(dA, Wh.T, out=dn)),
           "backward dA @ WhT (contiguous copy)": us(lambda: np.matmul(dA, WhT, out=dn)),
           "backward, transposed: Wh dA^T": us(lambda: np.matmul(Wh, dAT, out=dnT))}
    try:
        import torch
    except ImportError:
        return res
    th, tW, tdA = torch.from_numpy(h), torch.from_numpy(Wh), torch.from_numpy(dA)
    to, tdn = torch.empty(N, 4 * H), torch.empty(N, H)
    res["torch mm h @ Wh"] = us(lambda: torch.mm(th, tW, out=to))
    res["torch mm dA @ Wh.t()"] = us(lambda: torch.mm(tdA, tW.t(), out=tdn))
    return res


def c_vs_fortran(N, T, D, H, k: int, rounds: int) -> tuple[float, float, float]:
    """Whole layer fwd+bwd ms with Wh in C order and in Fortran order, and the median per-round speed-up."""
    runs = {}
    for fortran in (False, True):
        layer, xs, dhs = make_layer(N, T, D, H, fortran)

        def step(layer=layer, xs=xs, dhs=dhs):
            layer.forward(xs)
            layer.backward(dhs)

        step()
        runs[fortran] = step
    res = {False: [], True: []}
    for r in range(rounds):
        for fortran in (False, True) if r % 2 == 0 else (True, False):
            t0 = time.perf_counter()
            for _ in range(k):
                runs[fortran]()
            res[fortran].append((time.perf_counter() - t0) / k * 1e3)
    speedup = statistics.median(a / b for a, b in zip(res[False], res[True]))
    return statistics.median(res[False]), statistics.median(res[True]), speedup


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)
    set_threads(args.threads)
    try:
        import torch

        torch.set_num_threads(args.threads)
    except ImportError:
        pass
    print(f"BLAS threads {args.threads}; load average {os.getloadavg()[0]:.1f} at the start")
    for name, (N, T, D, H, k) in SHAPES.items():
        print(f"\n{name}: TimeLSTM N={N} T={T} D={D} H={H}")
        for part, ms in parts(N, T, D, H, max(5, k)).items():
            print(f"  {part:40s} {ms:8.2f} ms")
        for form, us in products(N, H).items():
            print(f"  one step, {form:40s} {us:8.1f} us   (x {T} steps = {us * T / 1e3:.2f} ms)")
        c, f, s = c_vs_fortran(N, T, D, H, k, args.rounds)
        print(f"  whole layer fwd+bwd: Wh C order (today) {c:.2f} ms, Wh.T contiguous {f:.2f} ms: "
              f"{s:.3f}x (median of {args.rounds} interleaved rounds)")
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
