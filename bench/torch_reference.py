"""The same LSTM language-model step in PyTorch (CPU), for speed ratios measured in one run.

Embedding -> nn.LSTM (layers) -> Linear (optionally tied) -> cross-entropy; forward, backward,
global-norm clipping, the optimizer's update (SGD or Adam): the step RNN Lab's engine performs.
Needs the ``bench`` dependency group (``pip install --group bench``, or ``pip install torch``).
Always run it in a process of its own (``bench/engine.py`` does): torch's OpenMP threads and
NumPy's OpenBLAS threads in one process spin against each other.
"""

from __future__ import annotations


def torch_available() -> bool:
    try:
        import torch  # noqa: F401
    except ImportError:
        return False
    return True


def make_lm(V: int, D: int, H: int, layers: int = 1, tied: bool = False):
    """An Embedding -> LSTM -> Linear model; ``forward(x, state) -> (logits, state)``."""
    from torch import nn

    class LM(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(V, D)
            self.lstm = nn.LSTM(D, H, num_layers=layers, batch_first=True)
            self.out = nn.Linear(H, V)
            if tied:
                self.out.weight = self.embed.weight

        def forward(self, x, state=None):
            y, state = self.lstm(self.embed(x), state)
            return self.out(y), state

    return LM()


def torch_lm_step(V: int, D: int, H: int, N: int, T: int, layers: int = 1, tied: bool = False, optim: str = "sgd",
                  lr: float = 1.0, clip: float = 0.25, threads: int | None = None, seed: int = 0):
    """(step function, threads in use): one training step of the PyTorch LM on fixed random batches.

    ``threads`` None leaves PyTorch's own default (all cores) in force."""
    import torch
    from torch import nn

    if threads:
        torch.set_num_threads(threads)
    torch.manual_seed(seed)
    model = make_lm(V, D, H, layers, tied)
    opt = torch.optim.Adam(model.parameters(), lr=lr) if optim == "adam" else torch.optim.SGD(model.parameters(), lr=lr)
    gen = torch.Generator().manual_seed(seed)
    xs = torch.randint(0, V, (N, T), generator=gen)
    ts = torch.randint(0, V, (N, T), generator=gen)
    loss_fn = nn.CrossEntropyLoss()
    state = None

    def step() -> None:
        nonlocal state
        if state is not None:  # carried over, as our stateful layers do (truncated BPTT)
            state = tuple(s.detach() for s in state)
        logits, state = model(xs, state)
        loss = loss_fn(logits.reshape(N * T, V), ts.reshape(-1))
        opt.zero_grad(set_to_none=False)
        loss.backward()
        if clip:
            nn.utils.clip_grad_norm_(model.parameters(), clip)
        opt.step()

    return step, torch.get_num_threads()
