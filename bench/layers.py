"""Throughput of TimeLSTM alone (forward + backward) against this machine's float32 GEMM rate.

    python -m bench.layers [--repeats 5]

Prints, for the book's two LM sizes (N=20, T=35, D=H=100 and D=H=650), tokens per second and
GFLOP/s of one forward+backward, and the fraction of the measured float32 GEMM rate
(700x650 @ 650x10000, the shape of the LM's output layer) that the LSTM reaches.
FLOPs counted: forward 2*N*T*(D+H)*4H (the two matrix products), backward twice that.
``bench_lstm`` and ``measure_gemm_gflops`` are reusable by a later full-model benchmark.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

# the fused kernel (layers/lstm.py is the readable one)
from rnn_lab.engine.layers.fast.lstm import FastTimeLSTM as TimeLSTM


def _best_seconds(fn, repeats: int, warmup: int) -> float:
    """Fastest of ``repeats`` timed calls after ``warmup`` untimed ones (least disturbed by load)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def measure_gemm_gflops(
    m: int = 700, k: int = 650, n: int = 10000, repeats: int = 5, dtype=np.float32
) -> float:
    """GFLOP/s of one (m, k) @ (k, n) product in ``dtype`` (2*m*k*n FLOPs)."""
    rng = np.random.default_rng(0)
    a = rng.standard_normal((m, k)).astype(dtype)
    b = rng.standard_normal((k, n)).astype(dtype)
    out = np.empty((m, n), dtype=dtype)
    seconds = _best_seconds(lambda: np.matmul(a, b, out=out), repeats, warmup=2)
    return 2 * m * k * n / seconds / 1e9


def lstm_flops(N: int, T: int, D: int, H: int) -> float:
    """FLOPs of one forward + backward of TimeLSTM: forward 2NT(D+H)4H, backward twice that."""
    return 3 * 2 * N * T * (D + H) * 4 * H


def bench_lstm(N: int = 20, T: int = 35, D: int = 100, H: int = 100, repeats: int = 5, dtype=np.float32,
               stateful: bool = True, warmup: int = 2) -> dict[str, float]:  # fmt: skip
    """Time forward + backward of one TimeLSTM on random data; returns seconds, tokens/s, GFLOP/s."""
    rng = np.random.default_rng(0)
    scale_x, scale_h = 1 / np.sqrt(D), 1 / np.sqrt(H)
    Wx = (rng.standard_normal((D, 4 * H)) * scale_x).astype(dtype)
    Wh = (rng.standard_normal((H, 4 * H)) * scale_h).astype(dtype)
    b = np.zeros(4 * H, dtype=dtype)
    layer = TimeLSTM(Wx, Wh, b, stateful=stateful)
    xs = rng.standard_normal((N, T, D)).astype(dtype)
    dhs = rng.standard_normal((N, T, H)).astype(dtype)

    def step() -> None:
        layer.forward(xs)
        layer.backward(dhs)

    seconds = _best_seconds(step, repeats, warmup)
    forward_s = _best_seconds(lambda: layer.forward(xs), repeats, warmup=1)
    return {
        "seconds": seconds,
        "forward_seconds": forward_s,
        "tokens_per_s": N * T / seconds,
        "gflops": lstm_flops(N, T, D, H) / seconds / 1e9,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per measurement (best is kept)")
    args = parser.parse_args(argv)
    gemm = measure_gemm_gflops(repeats=args.repeats)
    print(f"float32 GEMM 700x650 @ 650x10000: {gemm:.1f} GFLOP/s")
    for size in (100, 650):
        r = bench_lstm(N=20, T=35, D=size, H=size, repeats=args.repeats)
        print(
            f"TimeLSTM N=20 T=35 D=H={size}: fwd+bwd {r['seconds'] * 1e3:.2f} ms (fwd {r['forward_seconds'] * 1e3:.2f} ms), "
            f"{r['tokens_per_s']:,.0f} tokens/s, {r['gflops']:.1f} GFLOP/s = {r['gflops'] / gemm:.0%} of GEMM"
        )


if __name__ == "__main__":
    main()
