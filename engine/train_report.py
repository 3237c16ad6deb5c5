"""What ``rnn-lab train`` prints: a progress bar on stderr (tqdm), throttled JSON lines on stdout
(``--log-json``), and the metrics a run ends with, every number named by its split (``train_loss``,
``val_perplexity``, ``test_accuracy``)."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from typing import Any, TextIO

from tqdm import tqdm

PROG = "rnn-lab"  # the program's name, at the start of every line it writes to stderr
JSON_INTERVAL = 1.0  # seconds between --log-json progress lines (validations are always logged)
BAR_INTERVAL = 0.1  # seconds between progress-bar updates
SHORT_NAMES = {"perplexity": "ppl", "accuracy": "acc"}  # in the progress bar


def final_metrics(trainer) -> dict[str, Any]:
    """What a run reached, every key naming its split: ``train_loss`` (mean over the last 100 recorded
    steps) and ``train_<metric>`` (for perplexity: exp of that loss), then every metric on each evaluation
    split (``val_loss``, ``val_perplexity``, ``test_accuracy``, ...), measured on ``eval_batches`` batches
    (the whole split when 0), as the run's validations are."""
    task = trainer.task
    name = task.metric_name
    losses = trainer.curves.last("loss", 100)
    train_loss = float(losses.mean()) if losses.size else math.nan
    if name == "perplexity":
        train_metric = math.exp(train_loss) if train_loss < 700 else math.inf
    else:
        values = trainer.curves.last("metric", 100)
        train_metric = float(values.mean()) if values.size else math.nan
    final: dict[str, Any] = {"final": True, "step": trainer.step_count, "epoch": task.epoch,
                             "elapsed_s": trainer.elapsed, "train_loss": train_loss, f"train_{name}": train_metric}
    batches = trainer.config.eval_batches
    for split in [s for s in ("val", "test") if s in task.splits()]:  # never the (large) training split
        metrics = task.evaluate(split, batches)
        final.update({f"{split}_{k}": float(v) for k, v in metrics.items()})
    final["eval_batches"] = batches
    return final


def metrics_line(final: dict[str, Any]) -> str:
    keys = [k for k in final if k not in ("final",)]
    return "  ".join(f"{k} {_fmt(final[k])}" for k in keys)


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.6g}"
    return str(v)


def jsonable(v: Any) -> Any:
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, int):
        return v
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    return f if math.isfinite(f) else None


class TrainReporter:
    """The trainer's callback for ``train``: a tqdm bar on stderr and throttled JSON lines on stdout.

    Every number says which split it comes from: ``train_loss`` and ``train_<metric>`` are the last
    training batch's, ``val_*`` the last validation's (the bar shows them as "train_loss", "train_ppl",
    "val_ppl")."""

    def __init__(self, task, config, out: TextIO, err: TextIO, log_json: bool, quiet: bool,
                 clock: Callable[[], float] = time.monotonic, start_step: int = 0) -> None:
        self.task, self.out, self.err = task, out, err
        self.log_json, self.quiet, self.clock = log_json, quiet, clock
        self.by_steps = bool(config.max_steps)
        self.diverged: str | None = None
        self.error: str | None = None
        self._last_json = self._last_bar = -math.inf
        self._last_step_logged = -1
        self._val: dict[str, float] = {}  # the last validation's numbers (for the bar)
        self.bar = None
        if not quiet:
            total = config.max_steps if self.by_steps else config.epochs
            self.bar = tqdm(total=total, file=err, unit="step" if self.by_steps else "epoch",
                            dynamic_ncols=True, leave=False, desc=config.task,
                            initial=start_step if self.by_steps else 0,
                            bar_format=None if self.by_steps else "{desc}: {percentage:3.0f}%|{bar}| "
                            "{n:.2f}/{total:g} epochs [{elapsed}<{remaining}{postfix}]")

    def __call__(self, report: dict[str, Any]) -> None:
        kind = report.get("kind")
        if kind == "progress":
            self._progress(report)
        elif kind == "event":
            if report.get("level") == "diverged":
                self.diverged = report["message"]
            elif report.get("level") == "error":
                self.error = report["message"]
        elif kind == "hparam" and not self.quiet:
            self.note(f"{report['name']} {report['old']:g} -> {report['new']:g} at step {report['step']} "
                      f"({report.get('source', 'user')})" if isinstance(report.get("new"), float)
                      else f"{report['name']} changed at step {report['step']}")

    def _progress(self, report: dict[str, Any]) -> None:
        """Called after every step (the trainer sends a progress message per step): throttle the bar to
        ``BAR_INTERVAL`` and the JSON lines to ``JSON_INTERVAL``, but log every validation at its step."""
        step, now = report["step"], self.clock()
        vals = [v for v in report["val"] if v.get("split") == "val" and v.get("step") == step]
        if vals:
            self._val = {k: v for k, v in vals[-1].items() if k not in ("step", "split")}
        final = report["state"] != "running"  # the report that ends the run
        if self.bar is not None and (final or now - self._last_bar >= BAR_INTERVAL):
            self._last_bar = now
            self._update_bar(report)
        if not self.log_json or step == 0 or step == self._last_step_logged:
            return
        if not (vals or final or now - self._last_json >= JSON_INTERVAL):
            return
        self._last_json, self._last_step_logged = now, step
        name = report["metric_name"]
        line = {"step": step, "epoch": report["epoch"], "train_loss": report.get("loss"),
                f"train_{name}": report.get(name), "grad_norm": report.get("grad_norm"), "lr": report.get("lr"),
                "tokens_per_s": report.get("tokens_per_s"), "elapsed_s": report.get("elapsed_s")}
        if vals:
            line.update({f"val_{k}": v for k, v in self._val.items()})
        self.write_json(line)

    def _update_bar(self, report: dict[str, Any]) -> None:
        target = report["step"] if self.by_steps else min(report["epoch"], self.bar.total)
        if target == self.bar.n:
            return
        self.bar.n = target
        name = report["metric_name"]
        short = SHORT_NAMES.get(name, name[:4])
        postfix = {"train_loss": f"{report.get('loss', math.nan):.4g}"}
        metric = report.get(name)
        if metric is not None:
            postfix[f"train_{short}"] = f"{metric:.4g}"
        if name in self._val:
            postfix[f"val_{short}"] = f"{self._val[name]:.4g}"
        self.bar.set_postfix(postfix, refresh=False)
        self.bar.refresh()

    def write_json(self, obj: dict[str, Any]) -> None:
        if self.bar is not None:
            self.bar.clear()
        self.out.write(json.dumps({k: jsonable(v) for k, v in obj.items()}) + "\n")
        self.out.flush()

    def note(self, text: str) -> None:
        """One line on stderr (above the bar), unless --quiet."""
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.write(f"{PROG}: {text}", file=self.err)
        else:
            print(f"{PROG}: {text}", file=self.err)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
