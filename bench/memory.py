"""Peak memory of a real run against ``engine.memory``'s estimate, over a grid of shapes.

    python -m bench.memory [--grid small|full] [--data PATH]

Each shape runs in a fresh process (``measure``): it imports the engine, notes its resident set,
resets the kernel's peak counter (``/proc/self/clear_refs``), then does what ``rnn-lab train`` does —
builds the task from the config (reading the corpus), trains a few steps with validations on
``eval_batches`` batches, evaluates once more — and reports the peak resident set (VmHWM) minus the
resident set before. That difference is what the estimate must cover; the table prints both and
their ratio (estimate / measured: at least 1, and not much more, is the goal).

Linux only (``/proc``). tests/engine/test_memory.py runs a small grid of this on every CI run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, os, sys
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np
from rnn_lab.engine.config import Config
from rnn_lab.engine.tasks.registry import make_task
from rnn_lab.engine.trainer import Trainer

def status(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    raise KeyError(key)

config = Config.from_dict(json.loads(sys.argv[1]))
steps = int(sys.argv[2])
before = status("VmRSS")
with open("/proc/self/clear_refs", "w") as f:  # the peak (VmHWM) restarts from the current RSS
    f.write("5")
task = make_task(config)
loaded = status("VmHWM") - before
trainer = Trainer(task)
trainer.fit(max_steps=steps)
if "val" in task.splits():
    task.evaluate("val", config.eval_batches)
trainer.fit(max_steps=steps + 1)
peak = status("VmHWM") - before
vocab = task.data_info().get("vocab")
V = len(vocab) if vocab else 2
shape = {"seq_lengths": (task.data.questions.shape[1], task.data.answers.shape[1] - 1)} \
    if config.task == "seq2seq" else {}
est = task.estimate(config, V, **shape)  # as the task checks it
print(json.dumps({"peak": peak, "load_peak": loaded, "estimate": est, "vocab": V}))
"""


def measure(config, steps: int = 3, timeout: float = 600) -> dict:
    """Run ``config`` in a fresh process (see the module docstring); its figures as a dict."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    out = subprocess.run([sys.executable, "-c", CHILD, config.to_json(), str(steps)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"measuring {config.task} failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.splitlines()[-1])


def synthetic_text(path: Path, megabytes: float = 2.0, seed: int = 0) -> Path:
    """A text of random words (Zipf-distributed, 20 per line) of about ``megabytes`` MB: a corpus for the
    shapes when the reference data is not at hand, and a word model's vocabulary of a few thousand."""
    import numpy as np

    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    words = ["".join(rng.choice(letters, size=int(rng.integers(1, 9)))) for _ in range(5000)]
    picks = rng.zipf(1.3, size=int(megabytes * 1e6 / 5.5)) % len(words)
    lines = [" ".join(words[i] for i in picks[k: k + 20]) for k in range(0, len(picks), 20)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def grid(data: Path | None, text: Path, which: str = "small") -> list:
    """(label, Config) pairs: every task, the three cells, batch x BPTT, dropout, a large vocabulary, a
    corpus of a few MB (``text``), and with the reference data the issue's Shakespeare shape and PTB."""
    from rnn_lab.engine.tasks.registry import default_config

    shakespeare = data / "tinyshakespeare" / "input.txt" if data else None
    ptb = data / "ptb" if data else None
    t = str(text)
    rows = [
        ("adder rnn 256, batch 512", default_config("adder", hidden=256, batch=512)),
        ("adder lstm 512, batch 256", default_config("adder", model="lstm", hidden=512, batch=256)),
        ("char lstm 128 b64 t128", default_config("char", hidden=128, embed=32, batch=64, bptt=128, data=t)),
        ("char gru 256x2 b32 t256 dropout", default_config("char", model="gru", hidden=256, layers=2, batch=32,
                                                           bptt=256, embed=64, dropout=0.3, data=t)),
        ("char rnn 512 b128 t64", default_config("char", model="rnn", hidden=512, batch=128, bptt=64, data=t)),
        ("lm lstm 200 b32 t35 (words)", default_config("lm", hidden=200, embed=200, batch=32, bptt=35, data=t)),
        ("seq2seq attention 256 b256", default_config("seq2seq", hidden=256, batch=256, data="addition")),
        ("seq2seq peeky 128 b128 dates", default_config("seq2seq", model="reversed_peeky", hidden=128, batch=128,
                                                        data="date")),
    ]
    if shakespeare and shakespeare.exists():
        rows.append(("char lstm 256 b256 t256 Shakespeare",  # the example: 573 MB estimated, 1,024 used
                     default_config("char", hidden=256, embed=64, batch=256, bptt=256, data=str(shakespeare))))
    if ptb and ptb.exists():
        rows.append(("lm rnnlm preset PTB", default_config("lm", preset="rnnlm", data=str(ptb))))
        if which == "full":
            rows.append(("lm better 650x2 PTB", default_config("lm", preset="better", data=str(ptb))))
    if which == "small":
        keep = ("adder rnn", "char lstm 128", "char gru", "lm lstm", "seq2seq peeky", "char lstm 256", "lm rnnlm")
        rows = [r for r in rows if r[0].startswith(keep)]
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", choices=("small", "full"), default="full")
    parser.add_argument("--data", type=Path, default=Path(os.environ["RNNLAB_DATA"]) if os.environ.get("RNNLAB_DATA")
                        else None, help="the reference data folder (default: $RNNLAB_DATA)")
    args = parser.parse_args(argv)
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        text = synthetic_text(Path(scratch) / "words.txt")
        print(f"{'shape':40s} {'measured MB':>12s} {'estimate MB':>12s} {'ratio':>6s}  (load peak MB)")
        for label, config in grid(args.data, text, args.grid):
            m = measure(config)
            est = m["estimate"]["total"]
            print(f"{label:40s} {m['peak'] / 2**20:12.0f} {est / 2**20:12.0f} {est / m['peak']:6.2f}  "
                  f"({m['load_peak'] / 2**20:.0f})", flush=True)


if __name__ == "__main__":
    main()
