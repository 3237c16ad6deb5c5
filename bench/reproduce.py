"""Reproduce the book's figures (and the adder's) with RNN Lab's engine, and write them down.

    python -m bench.reproduce adder simple dates rnnlm addition better [--quick] [--json OUT.json]
    python -m bench.reproduce --render A.json B.json --docs docs/results.md

Each experiment builds its run through the engine's public API, exactly as ``main.py train`` does:
``default_config(task|preset, **overrides)`` -> ``make_task`` -> ``Trainer``; training is
``Trainer.train_step`` in a loop (what ``Trainer.fit`` does) so that the script can stop at a
wall-clock budget and measure at epoch ends. Settings are the book's (Deep Learning from Scratch 2):

adder    binary adder, task defaults (RNN 16, Adam 0.03, batch 32), seeds x activations: the first
         step after which ALL 128 x 128 pairs are exactly right (checked after every step whose
         training batch was all right, and every 10 steps otherwise; a run that diverges or does not
         get there within --adder-steps counts as not reached).
simple   SimpleRnnlm (ch. 5): the first 1,000 PTB tokens (``<eos>`` counted, as the book's
         ``corpus[:1000]``), batch 10, wordvec 100, hidden 100, time 5, SGD lr 0.1, 100 epochs; the
         training perplexity of each epoch = exp(mean loss of its 19 steps), as the book prints.
         The task reads a single file, so the script writes those 1,000 tokens to a temporary file
         (line ends = ``<eos>``) and sets val_fraction 0 (no held-out split: all 1,000 train).
rnnlm    Rnnlm (ch. 6): preset "rnnlm" on PTB with schedule "none" (the book's train_rnnlm.py keeps
         lr 20 for its 4 epochs), test perplexity after the run (and at each epoch end).
dates    AttentionSeq2seq (ch. 8) on date.txt: hidden 256, wordvec 16, batch 128, Adam 0.001,
         clip 5, 10 epochs, questions reversed like the book's ``x_train[:, ::-1]``: the task's
         attention variant reads questions forwards, so the script writes a copy of date.txt with
         each (padded) question reversed. Validation = the task's 10% hold-out (the book's split).
addition seq2seq (ch. 7) on addition.txt: plain, reversed, reversed_peeky, attention; hidden 128,
         wordvec 16, batch 128, Adam 0.001, clip 5, 25 epochs; exact-match accuracy per epoch.
better   BetterRnnlm (preset "better") on PTB: speed and training-perplexity curve of the first
         steps, and the projected time of the book's 40 epochs.

``--budget`` caps an experiment's training wall time (seconds); a run stopped by it says so and
reports what it reached. Results go to ``--json`` (rewritten after each experiment), the markdown
to ``--markdown`` or into ``--docs`` between this script's own markers (other sections untouched).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shlex
import sys
import tempfile
import time
from pathlib import Path

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # before NumPy: small recurrent products are faster on one thread

EXPERIMENTS = ("adder", "simple", "dates", "rnnlm", "addition", "better")
ACTIVATIONS = ("sigmoid", "tanh", "relu")
ADDITION_VARIANTS = ("plain", "reversed", "reversed_peeky", "attention")
BEGIN, END = "<!-- bench/reproduce.py: begin -->", "<!-- bench/reproduce.py: end -->"
BOOK = {  # the book's published figures, for the comparison column
    "rnnlm_test_ppl": 136.0,
    "better_test_ppl": 75.8,
}


# ------------------------------------------------------------------------------------------- helpers
def data_root() -> Path:
    root = os.environ.get("RNNLAB_DATA")
    if not root:
        sys.exit("reproduce: set RNNLAB_DATA to the reference data folder (see /work/shared/data/README.md)")
    return Path(root)


def load_avg() -> float:
    return round(os.getloadavg()[0], 2)


def build(config):
    """Task and Trainer for ``config`` (the engine's public path)."""
    from rnn_lab.engine.tasks.registry import make_task
    from rnn_lab.engine.trainer import Trainer

    return Trainer(make_task(config))


def train(trainer, *, epochs: float = 0.0, max_steps: int = 0, deadline: float | None = None, on_step=None) -> str:
    """Steps until ``epochs`` / ``max_steps`` / the wall-clock ``deadline``; ``on_step(row)`` after each step
    (it may return True to stop). Returns why it stopped: "done", "budget", "diverged" or "stopped"."""
    from rnn_lab.engine.trainer import DIVERGED

    while True:
        row = trainer.train_step()
        if trainer.state == DIVERGED:
            return "diverged"
        if on_step is not None and on_step(row):
            return "stopped"
        if max_steps and trainer.step_count >= max_steps or epochs and trainer.task.epoch >= epochs - 1e-9:
            return "done"
        if deadline is not None and time.monotonic() >= deadline:
            return "budget"


def deadline_of(budget: float) -> float | None:
    return time.monotonic() + budget if budget > 0 else None


def changed_settings(config) -> dict:
    """The config fields that differ from the bare field defaults or from the task's defaults (what the
    run is, including e.g. schedule "none" where the task would start from "book")."""
    from rnn_lab.engine.config import Config
    from rnn_lab.engine.tasks.registry import default_config

    bare, task = Config().to_dict(), default_config(config.task).to_dict()
    return {k: v for k, v in config.to_dict().items() if bare.get(k) != v or task.get(k) != v}


def cli_equivalent(config) -> str:
    """A ``main.py train`` command with the same config (for readers who prefer the CLI, which starts
    from the task's defaults: only the fields that differ from those are flags)."""
    from rnn_lab.engine.tasks.registry import default_config

    base = default_config(config.task).to_dict()
    parts = ["python main.py train", f"--task {config.task}"]
    for k, v in config.to_dict().items():
        if k == "task" or base.get(k) == v:
            continue
        flag = "--iters" if k == "max_steps" else "--" + k.replace("_", "-")
        if isinstance(v, bool):
            parts.append(flag if v else "--no-" + flag[2:])
        else:
            parts.append(f"{flag} {shlex.quote(str(v))}")
    return " ".join(parts)


# ------------------------------------------------------------------------------------------- experiments
def run_adder(args) -> dict:
    from rnn_lab.engine.tasks.registry import default_config

    seeds = range(2) if args.quick else range(10)
    max_steps = 300 if args.quick else args.adder_steps
    rows = []
    for activation in ACTIVATIONS:
        for seed in seeds:
            cfg = default_config("adder", activation=activation, seed=seed, max_steps=max_steps, eval_interval=0)
            trainer = build(cfg)
            reached: list[int] = []

            def check(row, trainer=trainer, reached=reached):
                if row["accuracy"] == 1.0 or trainer.step_count % 10 == 0:
                    if trainer.task.evaluate("val")["accuracy"] == 1.0:
                        reached.append(trainer.step_count)
                        return True
                return False

            t0 = time.monotonic()
            why = train(trainer, max_steps=max_steps, on_step=check)
            rows.append({"activation": activation, "seed": seed, "steps": reached[0] if reached else None,
                         "end": why, "wall_s": round(time.monotonic() - t0, 2)})
            print(f"adder {activation} seed {seed}: {rows[-1]}", flush=True)
    summary = {}
    for activation in ACTIVATIONS:
        got = [r["steps"] for r in rows if r["activation"] == activation]
        ok = sorted(s for s in got if s is not None)
        summary[activation] = {"reached": len(ok), "runs": len(got),
                               "median": ok[len(ok) // 2] if ok else None, "min": ok[0] if ok else None,
                               "max": ok[-1] if ok else None}
    return {"runs": rows, "summary": summary, "max_steps": max_steps,
            "config": changed_settings(default_config("adder", max_steps=max_steps, eval_interval=0)),
            "cli": cli_equivalent(default_config("adder", activation="tanh", seed=0, max_steps=max_steps))}


def first_ptb_tokens(n: int) -> str:
    """The first ``n`` tokens of ptb.train.txt as the book counts them, written back as text (``<eos>`` ->
    line end), so that the lm task's own tokenisation reads exactly those ``n`` tokens."""
    from rnn_lab.engine.data.corpus import words_of
    from rnn_lab.engine.data.vocab import EOS

    text = (data_root() / "ptb" / "ptb.train.txt").read_text(encoding="utf-8")
    words = words_of(text[: 20 * n])[:n]  # 20 characters per token is plenty for PTB
    if len(words) < n:
        raise ValueError("ptb.train.txt is shorter than expected")
    return " ".join(words).replace(f" {EOS} ", "\n").replace(f" {EOS}", "\n").replace(f"{EOS} ", "\n")


def run_simple(args) -> dict:
    from rnn_lab.engine.tasks.registry import default_config

    epochs = 5 if args.quick else 100
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ptb_first_1000.txt"
        path.write_text(first_ptb_tokens(1000), encoding="utf-8")
        cfg = default_config(preset="simple", data=str(path), val_fraction=0.0, eval_interval=0, epochs=epochs)
        trainer = build(cfg)
        task = trainer.task
        n_tokens, n_vocab = int(task.ids["train"].size), len(task.vocab)
        per_epoch = task.batcher.batches_per_epoch
        losses: list[float] = []
        t0 = time.monotonic()
        why = train(trainer, epochs=epochs, on_step=lambda row: losses.append(row["loss"]))
        wall = time.monotonic() - t0
    ppl = [math.exp(sum(losses[i:i + per_epoch]) / per_epoch) for i in range(0, len(losses) - per_epoch + 1,
                                                                           per_epoch)]
    print(f"simple: epochs {len(ppl)}, ppl first {ppl[0]:.1f} last {ppl[-1]:.2f}", flush=True)
    return {"tokens": n_tokens, "vocab": n_vocab, "steps_per_epoch": per_epoch, "epochs": len(ppl),
            "train_ppl": [round(p, 3) for p in ppl], "end": why, "wall_s": round(wall, 1),
            "train_s": round(trainer.elapsed, 1), "config": changed_settings(cfg)}


def reversed_questions_file(src: Path, dst: Path) -> None:
    """A copy of a seq2seq file with each padded question reversed (the book's ``x[:, ::-1]``)."""
    out = []
    for line in src.read_text(encoding="utf-8").split("\n"):
        if line:
            cut = line.find("_")
            out.append(line[:cut][::-1] + line[cut:])
    dst.write_text("\n".join(out) + "\n", encoding="utf-8")


def seq2seq_run(cfg, epochs: int, budget: float, label: str) -> dict:
    """Train ``cfg`` for ``epochs`` (or until ``budget`` seconds), validating at every epoch end."""
    trainer = build(cfg)
    task = trainer.task
    curve: list[dict] = []
    eval_s = 0.0
    t0 = time.monotonic()
    deadline = deadline_of(budget)
    done = 0

    def at_epoch_end(row):
        nonlocal done, eval_s
        if int(task.epoch + 1e-9) > done:
            done = int(task.epoch + 1e-9)
            e0 = time.monotonic()
            m = trainer.evaluate("val")
            eval_s += time.monotonic() - e0
            curve.append({"epoch": done, "accuracy": round(m["accuracy"], 4),
                          "char_accuracy": round(m["char_accuracy"], 4), "loss": round(m["loss"], 4),
                          "wall_s": round(time.monotonic() - t0, 1)})
            print(f"{label} epoch {done}: {curve[-1]}", flush=True)
        return False

    why = train(trainer, epochs=epochs, deadline=deadline, on_step=at_epoch_end)
    wall = time.monotonic() - t0
    partial = None
    if why == "budget" and task.epoch > done + 0.05:  # where the unfinished epoch got
        m = trainer.evaluate("val")
        partial = {"epoch": round(task.epoch, 2), "accuracy": round(m["accuracy"], 4)}
    steps_per_epoch = len(task._splits["train"][0]) // cfg.batch
    s_per_epoch = trainer.elapsed / max(task.epoch, 1e-9) + (eval_s / done if done else 0.0)
    return {"curve": curve, "partial": partial, "end": why, "steps": trainer.step_count,
            "epochs_done": round(task.epoch, 2), "steps_per_epoch": steps_per_epoch,
            "wall_s": round(wall, 1), "train_s": round(trainer.elapsed, 1), "eval_s": round(eval_s, 1),
            "projected_full_s": round(s_per_epoch * epochs), "config": changed_settings(cfg)}


def run_dates(args) -> dict:
    from rnn_lab.engine.tasks.registry import default_config

    epochs = 1 if args.quick else 10
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "date_reversed.txt"
        reversed_questions_file(data_root() / "seq2seq" / "date.txt", path)
        cfg = default_config("seq2seq", model="attention", data=str(path), hidden=256, embed=16, batch=128,
                             optimizer="adam", lr=0.001, clip=5.0, val_fraction=0.1, eval_interval=0,
                             epochs=epochs, max_steps=40 if args.quick else 0)
        out = seq2seq_run(cfg, epochs, args.budget, "dates")
    out["input"] = "questions reversed (a copy of date.txt written by the script)"
    return out


def run_addition(args) -> dict:
    from rnn_lab.engine.tasks.registry import default_config

    epochs = 1 if args.quick else 25
    variants = args.variants or list(ADDITION_VARIANTS)
    out = {}
    for variant in variants:
        cfg = default_config("seq2seq", model=variant, data=str(data_root() / "seq2seq" / "addition.txt"),
                             hidden=128, embed=16, batch=128, optimizer="adam", lr=0.001, clip=5.0,
                             val_fraction=0.1, eval_interval=0, epochs=epochs, max_steps=40 if args.quick else 0)
        out[variant] = seq2seq_run(cfg, epochs, args.budget, f"addition {variant}")
    return out


def run_rnnlm(args) -> dict:
    from rnn_lab.engine.tasks.registry import default_config

    epochs = 4
    cfg = default_config(preset="rnnlm", data=str(data_root() / "ptb"), schedule="none", eval_interval=0,
                         epochs=epochs, max_steps=30 if args.quick else 0)
    trainer = build(cfg)
    task = trainer.task
    per_epoch = task.batcher.batches_per_epoch
    test_batches = 5 if args.quick else 0
    losses: list[float] = []
    curve: list[dict] = []  # the book's trainer prints the training perplexity every 20 steps
    tests: list[dict] = []
    eval_s = 0.0
    t0 = time.monotonic()

    def on_step(row):
        nonlocal eval_s
        losses.append(row["loss"])
        if len(losses) % 20 == 0:
            curve.append({"step": len(losses), "epoch": round(task.epoch, 3),
                          "train_ppl": round(math.exp(sum(losses[-20:]) / 20), 2),
                          "wall_s": round(time.monotonic() - t0, 1)})
            if len(losses) % 200 == 0:
                print(f"rnnlm {curve[-1]}", flush=True)
        if len(losses) % per_epoch == 0:
            e0 = time.monotonic()
            m = task.evaluate("test", test_batches)  # 0 = the whole split (not the preset's eval_batches)
            eval_s += time.monotonic() - e0
            tests.append({"epoch": len(losses) // per_epoch, "test_ppl": round(m["perplexity"], 2)})
            print(f"rnnlm test {tests[-1]}", flush=True)
        return False

    why = train(trainer, epochs=epochs, max_steps=cfg.max_steps, deadline=deadline_of(args.budget), on_step=on_step)
    wall = time.monotonic() - t0
    final = None
    if not tests or tests[-1]["epoch"] * per_epoch != len(losses):
        e0 = time.monotonic()
        m = task.evaluate("test", test_batches)
        eval_s += time.monotonic() - e0
        final = {"epoch": round(task.epoch, 3), "test_ppl": round(m["perplexity"], 2)}
        print(f"rnnlm final test {final}", flush=True)
    s_per_step = trainer.elapsed / max(trainer.step_count, 1)
    return {"curve": curve, "tests": tests, "final_test": final or tests[-1], "end": why,
            "steps": trainer.step_count, "epochs_done": round(task.epoch, 3), "steps_per_epoch": per_epoch,
            "tokens_per_s": round(cfg.batch * cfg.bptt / s_per_step), "wall_s": round(wall, 1),
            "train_s": round(trainer.elapsed, 1), "eval_s": round(eval_s, 1),
            "projected_full_s": round(s_per_step * per_epoch * epochs + (eval_s / max(len(tests), 1)) * epochs),
            "book_test_ppl": BOOK["rnnlm_test_ppl"], "config": changed_settings(cfg), "cli": cli_equivalent(cfg)}


def run_better(args) -> dict:
    from rnn_lab.engine.tasks.registry import default_config

    epochs = 40
    steps = 3 if args.quick else args.better_steps
    cfg = default_config(preset="better", data=str(data_root() / "ptb"), eval_interval=0, epochs=epochs,
                         max_steps=steps)
    trainer = build(cfg)
    task = trainer.task
    per_epoch = task.batcher.batches_per_epoch
    losses: list[float] = []
    curve: list[dict] = []
    t0 = time.monotonic()

    def on_step(row):
        losses.append(row["loss"])
        if len(losses) % 20 == 0 or len(losses) == steps:
            k = len(losses) % 20 or 20
            curve.append({"step": len(losses), "train_ppl": round(math.exp(sum(losses[-k:]) / k), 2),
                          "wall_s": round(time.monotonic() - t0, 1)})
            print(f"better {curve[-1]}", flush=True)
        return False

    why = train(trainer, max_steps=steps, deadline=deadline_of(args.budget), on_step=on_step)
    wall = time.monotonic() - t0
    eval_batches = 2 if args.quick else 10
    e0 = time.monotonic()
    m = task.evaluate("val", eval_batches)
    val_eval_s = time.monotonic() - e0
    val_batches_full = (task.ids["val"].size - 1) // (cfg.batch * cfg.bptt)
    s_per_step = trainer.elapsed / max(trainer.step_count, 1)
    full_val_s = val_eval_s / eval_batches * val_batches_full
    projected = s_per_step * per_epoch * epochs + full_val_s * epochs  # the book validates every epoch
    return {"curve": curve, "end": why, "steps": trainer.step_count, "epochs_done": round(task.epoch, 4),
            "steps_per_epoch": per_epoch, "s_per_step": round(s_per_step, 3),
            "tokens_per_s": round(cfg.batch * cfg.bptt / s_per_step), "val_ppl_subset": round(m["perplexity"], 1),
            "val_subset_tokens": eval_batches * cfg.batch * cfg.bptt, "wall_s": round(wall, 1),
            "train_s": round(trainer.elapsed, 1), "projected_full_s": round(projected),
            "book_test_ppl": BOOK["better_test_ppl"], "config": changed_settings(cfg), "cli": cli_equivalent(cfg)}


RUNNERS = {"adder": run_adder, "simple": run_simple, "dates": run_dates, "rnnlm": run_rnnlm,
           "addition": run_addition, "better": run_better}


# ------------------------------------------------------------------------------------------- markdown
def _hms(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h} h {m:02d} min" if h else (f"{m} min {s:02d} s" if m else f"{s} s")


def _head(name: str, entry: dict) -> list[str]:
    meta = entry["meta"]
    return [f"### {name}", "", f"Command: `{meta['command']}`  ", f"Run {meta['started']}, wall time "
            f"{_hms(meta['wall_s'])}, load average {meta['load_start']} → {meta['load_end']} on 2 shared cores"
            + (" (**--quick**: shortened, not the book's length)" if meta.get("quick") else "") + ".", ""]


def md_adder(e: dict) -> list[str]:
    r = e["result"]
    lines = _head("Binary adder: steps to 100% exact match (seeds 0-9)", e)
    cfg = {k: v for k, v in r["config"].items() if k not in ("activation", "seed")}
    lines += [f"Settings: {json.dumps(cfg)}; each activation × seed runs at most {r['max_steps']:,} "
              "steps of batch 32. \"Steps\" = the first step after which all 128 × 128 pairs are exactly right "
              "(checked after every step whose training batch was all right, every 10 steps otherwise).", "",
              "| activation | " + " | ".join(f"seed {s}" for s in sorted({x['seed'] for x in r['runs']}))
              + " | reached | median | min–max |",
              "|---|" + "---:|" * (len({x['seed'] for x in r['runs']}) + 3)]
    for act in ACTIVATIONS:
        runs = [x for x in r["runs"] if x["activation"] == act]
        cells = [str(x["steps"]) if x["steps"] is not None else ("diverged" if x["end"] == "diverged" else "–")
                 for x in runs]
        s = r["summary"][act]
        rng = f"{s['min']}–{s['max']}" if s["min"] is not None else "–"
        lines.append(f"| {act} | " + " | ".join(cells) + f" | {s['reached']}/{s['runs']} | {s['median'] or '–'} "
                     f"| {rng} |")
    lines += ["", "No book figure: the adder is RNN Lab's own first lesson.", ""]
    return lines


def md_simple(e: dict) -> list[str]:
    r = e["result"]
    ppl = r["train_ppl"]
    pick = [k for k in (1, 10, 50, 100) if k <= len(ppl)]
    if len(ppl) not in pick:
        pick.append(len(ppl))
    lines = _head("SimpleRnnlm on the first 1,000 PTB words (book ch. 5)", e)
    lines += [f"{r['tokens']:,} tokens, vocabulary {r['vocab']} (the script writes the first 1,000 tokens of "
              f"ptb.train.txt to a temporary file; val_fraction 0), {r['steps_per_epoch']} steps per epoch, "
              f"training time {_hms(r['train_s'])}. Training perplexity of each epoch (exp of the mean loss of "
              "its steps, as the book prints it):", "",
              "| epoch | " + " | ".join(str(k) for k in pick) + " |", "|---|" + "---:|" * len(pick),
              "| perplexity | " + " | ".join(f"{ppl[k - 1]:.2f}" for k in pick) + " |", ""]
    return lines


def md_seq2seq_table(runs: dict[str, dict], epochs: int) -> list[str]:
    names = list(runs)
    lines = ["| epoch | " + " | ".join(names) + " |", "|---:|" + "---:|" * len(names)]
    longest = max((len(r["curve"]) for r in runs.values()), default=0)
    for k in range(longest):
        cells = []
        for n in names:
            c = runs[n]["curve"]
            cells.append(f"{100 * c[k]['accuracy']:.2f}%" if k < len(c) else "")
        lines.append(f"| {k + 1} | " + " | ".join(cells) + " |")
    for n in names:
        p = runs[n].get("partial")
        if p:
            lines.append(f"\n{n}: stopped by the time budget at epoch {p['epoch']}, accuracy "
                         f"{100 * p['accuracy']:.2f}% there.")
    lines += ["", "| variant | epochs run | training time | validation time | ended | projected "
              f"{epochs} epochs |", "|---|---:|---:|---:|---|---:|"]
    for n in names:
        r = runs[n]
        lines.append(f"| {n} | {r['epochs_done']} | {_hms(r['train_s'])} | {_hms(r['eval_s'])} | {r['end']} | "
                     f"{_hms(r['projected_full_s'])} |")
    return lines + [""]


def md_dates(e: dict) -> list[str]:
    r = e["result"]
    lines = _head("Attention seq2seq on dates (book ch. 8)", e)
    lines += [f"Settings: {json.dumps(r['config'])}; {r['input']}. Exact-match accuracy on the 5,000 held-out "
              "questions (greedy decoding) after each epoch:", ""]
    lines += md_seq2seq_table({"attention (reversed input)": r}, 10)
    lines += ["The book: nearly 100% after 10 epochs (its accuracy curve is close to 100% from the second epoch on).", ""]
    return lines


def md_addition(e: dict) -> list[str]:
    r = e["result"]
    lines = _head("seq2seq on addition (book ch. 7)", e)
    first = next(iter(r.values()))
    cfg = {k: v for k, v in first["config"].items() if k not in ("model", "data")}
    lines += [f"Settings: {json.dumps(cfg)}, addition.txt. Exact-match accuracy on the 5,000 held-out "
              "questions after each epoch:", ""]
    lines += md_seq2seq_table(r, 25)
    lines += ["The book's figures (ch. 7) show, after 25 epochs, the plain model far from solving the task, "
              "reversing the input clearly better, and reversed + peeky near 100%; attention on addition is not "
              "in the book.", ""]
    return lines


def md_rnnlm(e: dict) -> list[str]:
    r = e["result"]
    lines = _head("Rnnlm on PTB (book ch. 6)", e)
    lines += [f"Settings: {json.dumps(r['config'])} (equivalently `{r['cli']}`). "
              f"{r['tokens_per_s']:,} tokens/s of training; {r['steps']:,} steps = {r['epochs_done']} epochs "
              f"run (ended: {r['end']}), training time {_hms(r['train_s'])}, test evaluations {_hms(r['eval_s'])}. "
              f"Projected time of the full 4 epochs at this speed: {_hms(r['projected_full_s'])}.", "",
              "| after | test perplexity (the whole test split, 82,430 tokens) |", "|---|---:|"]
    for t in r["tests"]:
        lines.append(f"| epoch {t['epoch']} | {t['test_ppl']:.2f} |")
    if r["final_test"] not in r["tests"]:
        lines.append(f"| {r['final_test']['epoch']} epochs (stopped) | {r['final_test']['test_ppl']:.2f} |")
    lines += ["", f"The book: about {r['book_test_ppl']:.0f} after 4 epochs.", "",
              "Training perplexity (mean of 20 steps, as the book's trainer prints it), every 200 steps:", "",
              "| step | epoch | train perplexity |", "|---:|---:|---:|"]
    for c in r["curve"]:
        if c["step"] % 200 == 0 or c is r["curve"][-1]:
            lines.append(f"| {c['step']} | {c['epoch']} | {c['train_ppl']:.1f} |")
    return lines + [""]


def md_better(e: dict) -> list[str]:
    r = e["result"]
    lines = _head("BetterRnnlm on PTB (book ch. 6): speed and first steps", e)
    lines += [f"Settings: {json.dumps(r['config'])}. {r['steps']} steps ({r['epochs_done']} epochs) in "
              f"{_hms(r['train_s'])} of training: {r['s_per_step']} s per step, {r['tokens_per_s']:,} tokens/s. "
              f"Validation perplexity on the first {r['val_subset_tokens']:,} validation tokens after those "
              f"steps: {r['val_ppl_subset']}.", "",
              f"**Projected full run** (40 epochs × {r['steps_per_epoch']:,} steps, plus one whole validation per "
              f"epoch as the book does): {_hms(r['projected_full_s'])} at this speed on this machine. The book "
              f"reaches a test perplexity of about {r['book_test_ppl']}.", "",
              "| step | train perplexity (mean of the last 20 steps) | wall |", "|---:|---:|---:|"]
    for c in r["curve"]:
        lines.append(f"| {c['step']} | {c['train_ppl']:.1f} | {_hms(c['wall_s'])} |")
    return lines + [""]


RENDER = {"adder": md_adder, "simple": md_simple, "rnnlm": md_rnnlm, "dates": md_dates, "addition": md_addition,
          "better": md_better}


def _last_acc(r: dict) -> str:
    """'x% after N epochs' for a seq2seq run: its last whole-epoch or budget-stopped measurement."""
    if r.get("partial"):
        return f"{100 * r['partial']['accuracy']:.2f}% after {r['partial']['epoch']} epochs"
    if r["curve"]:
        return f"{100 * r['curve'][-1]['accuracy']:.2f}% after {r['curve'][-1]['epoch']} epochs"
    return "–"


def summary(results: dict) -> list[str]:
    """One row per experiment: the book's figure, ours, and whether the run was the book's full length."""
    rows = []
    if "adder" in results:
        s = results["adder"]["result"]["summary"]
        rows.append(("Adder, steps to 100% exact match (median, seeds 0-9)", "–",
                     ", ".join(f"{a} {s[a]['median']} ({s[a]['reached']}/{s[a]['runs']})" for a in ACTIVATIONS),
                     "complete"))
    if "simple" in results:
        ppl = results["simple"]["result"]["train_ppl"]
        rows.append(("SimpleRnnlm, 1,000 PTB words, train perplexity epochs 1/10/50/100",
                     "falls from ~400 to single digits",
                     " / ".join(f"{ppl[k - 1]:.1f}" for k in (1, 10, 50, 100) if k <= len(ppl)),
                     "complete" if len(ppl) >= 100 else f"{len(ppl)} epochs"))
    if "rnnlm" in results:
        r = results["rnnlm"]["result"]
        rows.append(("Rnnlm, PTB test perplexity", "~136 after 4 epochs",
                     f"{r['final_test']['test_ppl']:.1f} after {r['final_test']['epoch']} epochs",
                     "complete" if r["end"] == "done" else f"stopped by the time budget (full run ≈ "
                     f"{_hms(r['projected_full_s'])} here)"))
    if "addition" in results:
        for v, r in results["addition"]["result"].items():
            rows.append((f"seq2seq addition, {v}, exact match", "see the book's ch. 7 curves (25 epochs)",
                         _last_acc(r), "complete" if r["end"] == "done" else
                         f"stopped by the time budget (25 epochs ≈ {_hms(r['projected_full_s'])} here)"))
    if "dates" in results:
        r = results["dates"]["result"]
        rows.append(("Attention on dates (reversed input), exact match", "nearly 100% after 10 epochs",
                     _last_acc(r), "complete" if r["end"] == "done" else
                     f"stopped by the time budget (10 epochs ≈ {_hms(r['projected_full_s'])} here)"))
    if "better" in results:
        r = results["better"]["result"]
        rows.append(("BetterRnnlm, PTB", "test perplexity ~75.8 after 40 epochs",
                     f"{r['s_per_step']} s/step; train perplexity {r['curve'][-1]['train_ppl']:.0f} after "
                     f"{r['steps']} steps", f"speed probe only; 40 epochs ≈ {_hms(r['projected_full_s'])} here"))
    lines = ["| experiment | book | measured | run |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return lines + ["", "The book's Rnnlm (~136) and BetterRnnlm (~75.8) numbers are its published figures (see the data "
                    "README); the other book entries are read off its plots and are approximate.", ""]


def render(results: dict) -> str:
    lines = [BEGIN, "## Reproducing the book (bench/reproduce.py)", "",
             "Every figure below was measured by `bench/reproduce.py` through the engine's public API "
             "(`default_config` → `make_task` → `Trainer`), one BLAS thread, float32, on a 2-core machine shared "
             "with other work (the load average is given: a loaded machine is slower, not the code). "
             "Times are wall clock.", ""]
    lines += summary(results)
    for name in EXPERIMENTS:
        if name in results:
            lines += RENDER[name](results[name])
    lines.append(END)
    return "\n".join(lines) + "\n"


def write_docs(path: Path, block: str) -> None:
    """Put ``block`` between this script's markers in ``path`` (re-read just before writing; other
    sections stay as they are); create the file with a short header if needed."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Results\n\nMeasured figures of RNN Lab.\n\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1].lstrip("\n")
        text = head + block + ("\n" + tail if tail else "")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")


# ------------------------------------------------------------------------------------------- main
def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("experiments", nargs="*", metavar="EXPERIMENT",
                   help=f"what to run: {', '.join(EXPERIMENTS)} or all (default: all)")
    p.add_argument("--quick", action="store_true", help="shortened runs (a smoke test, not the book's figures)")
    p.add_argument("--budget", type=float, default=0.0, help="wall-clock seconds per training run (0 = none)")
    p.add_argument("--variants", nargs="+", choices=ADDITION_VARIANTS, help="addition variants (default: all four)")
    p.add_argument("--adder-steps", type=int, default=2000, help="step limit per adder run (default 2000)")
    p.add_argument("--better-steps", type=int, default=200, help="BetterRnnlm steps to time (default 200)")
    p.add_argument("--json", type=Path, help="write (and merge into) this JSON file after each experiment")
    p.add_argument("--markdown", type=Path, help="write the markdown of all results to this file")
    p.add_argument("--docs", type=Path, help="update this script's section of docs/results.md")
    p.add_argument("--render", nargs="+", type=Path, metavar="JSON", help="only render these JSON results")
    args = p.parse_args(argv)
    unknown = [e for e in args.experiments if e not in (*EXPERIMENTS, "all")]
    if unknown:
        p.error(f"unknown experiment(s) {', '.join(unknown)}; choose from {', '.join(EXPERIMENTS)} or all")

    results: dict = {}
    for src in args.render or []:
        results.update(json.loads(src.read_text(encoding="utf-8")))
    if not args.render:
        if args.json and args.json.exists():
            results.update(json.loads(args.json.read_text(encoding="utf-8")))
        todo = [e for e in EXPERIMENTS if not args.experiments or "all" in args.experiments or e in args.experiments]
        command = "python -m bench.reproduce " + " ".join(shlex.quote(a) for a in (sys.argv[1:] if argv is None
                                                                                   else argv))
        for name in todo:
            started, load0, t0 = time.strftime("%Y-%m-%d %H:%M"), load_avg(), time.monotonic()
            print(f"== {name} (load {load0})", flush=True)
            result = RUNNERS[name](args)
            results[name] = {"result": result, "meta": {"command": command, "started": started, "quick": args.quick,
                                                        "wall_s": round(time.monotonic() - t0, 1),
                                                        "load_start": load0, "load_end": load_avg()}}
            if args.json:
                args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    block = render(results)
    if args.markdown:
        args.markdown.write_text(block, encoding="utf-8")
    if args.docs:
        write_docs(args.docs, block)
    if not (args.markdown or args.docs):
        print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
