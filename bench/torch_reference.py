"""The same LSTM language-model step in PyTorch (CPU), for a speed ratio measured in one run.

Embedding -> nn.LSTM (layers, dropout) -> Linear (optionally tied) -> cross-entropy; forward,
backward, global-norm clipping, plain SGD update: the step RNN Lab's engine performs.
Needs the optional ``bench`` extra (``pip install -e ".[bench]"``).
"""

from __future__ import annotations

import time


def torch_available() -> bool:
    try:
        import torch  # noqa: F401
    except ImportError:
        return False
    return True


def bench_torch_lm(V: int, D: int, H: int, N: int, T: int, layers: int = 1, steps: int = 20, warmup: int = 3,
                   threads: int = 2, tie: bool = False, seed: int = 0) -> float:
    """Training tokens per second of the PyTorch LSTM LM at these shapes (float32, ``threads`` threads)."""
    import torch
    from torch import nn

    torch.set_num_threads(threads)
    torch.manual_seed(seed)

    class LM(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(V, D)
            self.lstm = nn.LSTM(D, H, num_layers=layers, batch_first=True)
            self.out = nn.Linear(H, V)
            if tie:
                self.out.weight = self.embed.weight

        def forward(self, x, state):
            y, state = self.lstm(self.embed(x), state)
            return self.out(y), state

    model = LM()
    opt = torch.optim.SGD(model.parameters(), lr=1.0)
    gen = torch.Generator().manual_seed(seed)
    xs = torch.randint(0, V, (N, T), generator=gen)
    ts = torch.randint(0, V, (N, T), generator=gen)
    loss_fn = nn.CrossEntropyLoss()
    state = None

    def step():
        nonlocal state
        if state is not None:
            state = tuple(s.detach() for s in state)
        logits, state = model(xs, state)
        loss = loss_fn(logits.reshape(N * T, V), ts.reshape(-1))
        opt.zero_grad(set_to_none=False)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 0.25)
        opt.step()

    for _ in range(warmup):
        step()
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    return steps * N * T / (time.perf_counter() - t0)
