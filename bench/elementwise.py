"""What NumPy's single-threaded elementwise work costs a training step, and what threads win back.

    python -m bench.elementwise [--rounds 5] [--workers 1 2 4]

At the Rnnlm shape (V=10000, H=100, batch 20, BPTT 35) and at 2x650, measured in this process,
interleaved, medians of ``--rounds``:

- the fused softmax's elementwise work alone (bias, row max, exp, row sums; backward: scale, the
  targets' -1, column sums), through ``TimeAffineSoftmaxWithLoss``'s row blocks on 1, 2 and 4
  threads (``layer.workers``), with BLAS at the same count;
- the whole fused output layer (3 GEMMs + that elementwise work);
- the LSTM's gate nonlinearities: one tanh over (N, 4H) per step plus tanh(c), forward only
  (they live in the per-timestep loop, which these threads do not touch);

The whole step at 1 and 2 threads comes from ``bench/engine.py``; docs/performance.md puts the two
together (the share of a step that BLAS threads do not speed up, and what that means at 4 cores).
On a 2-core machine the 4-thread row is oversubscribed and marked so.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import numpy as np

from rnn_lab.engine.layers import affine_softmax
from rnn_lab.engine.layers.affine import TimeAffine
from rnn_lab.engine.layers.affine_softmax import TimeAffineSoftmaxWithLoss
from rnn_lab.engine.threads import set_threads, usable_cores

SHAPES = {"rnnlm": (20, 35, 100, 10000), "2x650": (20, 35, 650, 10000)}  # N, T, H, V


def _time(fn, repeats: int = 3) -> float:
    fn()
    best = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best.append(time.perf_counter() - t0)
    return min(best)


def softmax_parts(N: int, T: int, H: int, V: int, workers: int) -> dict[str, float]:
    """Seconds of: elementwise forward+backward alone, the whole fused layer (fwd+bwd)."""
    rng = np.random.default_rng(0)
    affine = TimeAffine((rng.standard_normal((H, V)) * 0.1).astype(np.float32), np.zeros(V, np.float32))
    layer = TimeAffineSoftmaxWithLoss(affine)
    layer.workers = workers
    hs = rng.standard_normal((N, T, H)).astype(np.float32)
    ts = rng.integers(0, V, (N, T))
    M = N * T
    layer.forward(hs, ts)  # the buffer now holds exp(z - m): repeating the passes keeps it in (0, 1]
    sums = np.empty(M, np.float32)
    log_p = np.empty(M, np.float32)
    targets = ts.reshape(M)
    layer._targets = targets
    rows = max(1, affine_softmax.L2_BLOCK_ELEMENTS // V)
    partial = np.empty(((M + rows - 1) // rows, V), np.float32)
    ones, zeros = np.ones(M, np.float32), np.zeros(M, np.float32)  # a backward pass that changes no value

    def elementwise() -> None:
        layer._run_blocks(layer._forward_block, M, V, affine.params[1], targets, sums, log_p)
        layer._run_blocks(layer._backward_block, M, V, ones, zeros, partial)

    def whole() -> None:
        layer.forward(hs, ts)
        layer.backward()

    return {"elementwise": _time(elementwise), "layer": _time(whole)}


def gate_nonlinearities(N: int, T: int, H: int) -> float:
    """Seconds of the LSTM forward's tanh calls for T steps (one over (N, 4H), one over (N, H))."""
    g = np.random.default_rng(0).standard_normal((N, 4 * H)).astype(np.float32)
    c = g[:, :H].copy()
    out, outc = np.empty_like(g), np.empty_like(c)

    def run() -> None:
        for _ in range(T):
            np.tanh(g, out=out)
            np.tanh(c, out=outc)

    return _time(run)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=list(SHAPES))
    args = parser.parse_args(argv)
    print(f"usable cores {usable_cores()}; load average {os.getloadavg()[0]:.1f} at the start")
    for shape in args.shapes:
        N, T, H, V = SHAPES[shape]
        res: dict[int, dict[str, list[float]]] = {k: {"elementwise": [], "layer": [], "gates": []}
                                                 for k in args.workers}
        for r in range(args.rounds):
            for k in args.workers if r % 2 == 0 else args.workers[::-1]:
                set_threads(k)
                parts = softmax_parts(N, T, H, V, k)
                res[k]["elementwise"].append(parts["elementwise"])
                res[k]["layer"].append(parts["layer"])
                res[k]["gates"].append(gate_nonlinearities(N, T, H))
        base = res[args.workers[0]]
        print(f"\n{shape}: N={N} T={T} H={H} V={V}; load average {os.getloadavg()[0]:.1f} at the end")
        print(f"{'threads':>8} {'softmax elementwise ms':>23} {'speed-up':>9} {'fused layer ms':>15} {'speed-up':>9}"
              f" {'gate tanh ms (1 layer, fwd)':>28}")
        for k in args.workers:
            e = statistics.median(res[k]["elementwise"])
            lay = statistics.median(res[k]["layer"])
            su_e = statistics.median(b / x for b, x in zip(base["elementwise"], res[k]["elementwise"]))
            su_l = statistics.median(b / x for b, x in zip(base["layer"], res[k]["layer"]))
            over = " (oversubscribed)" if k > usable_cores() else ""
            print(f"{k:>8} {e * 1e3:23.1f} {su_e:8.2f}x {lay * 1e3:15.1f} {su_l:8.2f}x "
                  f"{statistics.median(res[k]['gates']) * 1e3:28.2f}{over}")
    set_threads(usable_cores())


if __name__ == "__main__":
    main()
