"""Runs and their comparison: every training session is a run that can be kept, renamed, hidden,
overlaid on the same curves, and compared with one pinned baseline.

- ``Run``: name, colour, configuration, curves (step, time, wall, loss, metric, grad_norm, lr),
  validation points and live hyperparameter changes. ``Run.record(report)`` takes the trainer's
  reports as they come; memory stays bounded (rows are thinned by ``engine.curves.BoundedRows``).
- ``RunStore``: the session's runs; names are unique (they are the "run" column of the CSV).
- ``debiased_ema``, ``robust_range``: TensorBoard's smoothing and the "ignore outliers" y range.
- ``change_label``: "lr 20 -> 5" for the markers on the curves; ``write_long_csv``: all runs'
  curves in one long-format CSV (run, step, time, metric, value).

X axes (``Run.x``): "step"; "relative" = training seconds since the run started (the trainer's
clock, pauses excluded, so runs compare by compute time); "wall" = wall-clock time, seconds since
the epoch (for a date axis).
"""

from __future__ import annotations

import csv
import io
import math
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import numpy as np

from .atomic import atomic_write_text
from .curves import BoundedRows, back_date, thin_history
from .i18n import QT_TRANSLATE_NOOP, fill
from .tasks.registry import applies

Words = Callable[[str], str]  # translates a marked word (the window's language); English: as it is

# Twelve colours that stay apart (CIE76 distance > 22 between any two, and from the validation,
# gradient, learning-rate, change and divergence colours), mid-lightness so that each reads on the
# light and the dark plot background; the first is the training blue.
RUN_COLORS = ("#3b8bd9", "#66a61e", "#e7298a", "#17becf", "#fb8072", "#ca0020", "#8e6bc8", "#8c564b",
              "#a6761d", "#998ec3", "#b15928", "#56b4e9")
COLUMNS = ("step", "time", "wall", "loss", "metric", "grad_norm", "lr")
X_MODES = ("step", "relative", "wall")
VALUE_COLUMNS = ("loss", "metric", "grad_norm", "lr")  # what the CSV writes per step
_HEX = re.compile(r"#[0-9a-fA-F]{6}")


# ---------------------------------------------------------------------------- curve helpers
def debiased_ema(values: Sequence[float] | np.ndarray, weight: float) -> np.ndarray:
    """TensorBoard's smoothing: an exponential moving average divided by ``1 - weight**n`` (n = finite
    values seen so far), so the start is not pulled towards 0.

    ``values`` (n,) -> (n,) float64; ``weight`` in [0, 1) (0 = no smoothing). NaN-safe: a non-finite
    input gives NaN at its place (a gap) and does not enter the average. Vectorised in blocks:
    within a block the average is one product with a (B, B) matrix of powers of ``weight``.
    """
    x = np.asarray(values, dtype=np.float64)
    if x.ndim != 1:
        raise ValueError(f"values must be 1-D, got shape {x.shape}")
    if not 0.0 <= weight < 1.0:
        raise ValueError(f"smoothing weight must be in [0, 1), got {weight}")
    out = np.full(x.shape, np.nan)
    finite = np.isfinite(x)
    y = x[finite]
    if weight == 0.0 or y.size == 0:
        out[finite] = y
        return out
    B = min(256, y.size)
    powers = weight ** np.arange(B + 1, dtype=np.float64)  # tiny weights underflow to 0: harmless
    lag = np.arange(B)[:, None] - np.arange(B)[None, :]
    decay = np.where(lag >= 0, powers[np.clip(lag, 0, B)], 0.0)  # decay[k, j] = w**(k-j), j <= k
    ema = np.empty_like(y)
    prev = 0.0
    for s in range(0, y.size, B):
        block = y[s:s + B]
        b = block.size
        ema[s:s + b] = (1.0 - weight) * (decay[:b, :b] @ block) + powers[1:b + 1] * prev
        prev = ema[s + b - 1]
    count = np.arange(1, y.size + 1, dtype=np.float64)
    out[finite] = ema / -np.expm1(count * math.log(weight))  # 1 - w**n, accurate for w near 1
    return out


def robust_range(values: np.ndarray | Iterable[np.ndarray], lower: float = 0.01, upper: float = 0.99
                 ) -> tuple[float, float]:
    """The y range that "ignore outliers" shows: the ``lower`` and ``upper`` quantiles of the finite
    values (one array, or several, e.g. every visible run's curve, pooled).

    A flat curve gets a range of +-0.5 around its value (or +-5 %); no finite value at all gives
    (0.0, 1.0). Returns (low, high) with low < high.
    """
    if not 0.0 <= lower < upper <= 1.0:
        raise ValueError(f"quantiles must satisfy 0 <= lower < upper <= 1, got {lower}, {upper}")
    if isinstance(values, np.ndarray):
        flat = values.astype(np.float64, copy=False).ravel()
    else:
        parts = [np.asarray(v, dtype=np.float64).ravel() for v in values]
        flat = np.concatenate(parts) if parts else np.empty(0)
    flat = flat[np.isfinite(flat)]
    if flat.size == 0:
        return 0.0, 1.0
    lo, hi = (float(q) for q in np.quantile(flat, [lower, upper]))
    if hi <= lo:
        pad = max(0.5 if lo == 0 else 0.05 * abs(lo), 1e-12)
        return lo - pad, lo + pad
    return lo, hi


def format_number(value: Any) -> str:
    """A compact number for labels: 20.0 -> "20", 0.001 -> "0.001", 1e-05 -> "1e-5", 0.00316227 ->
    "0.003162", True -> "on"; anything else as ``str``."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        text = f"{float(value):.4g}"
        return re.sub(r"e([+-])0*(\d)", lambda m: "e" + ("-" if m[1] == "-" else "") + m[2], text)
    return str(value)


# Live settings whose changes don't change what the training curves show: never marked on them.
UNMARKED = ("temperature", "top_k", "eval_interval", "eval_batches", "max_steps", "epochs")


def is_marked(change: Mapping[str, Any]) -> bool:
    """Whether a live change is marked on the curves: the user's changes of training settings (a
    schedule's lr steps are the lr curve itself; sampling settings change samples, not curves)."""
    return change.get("source", "user") == "user" and change.get("name") not in UNMARKED


def change_label(change: Mapping[str, Any], words: Words | None = None) -> str:
    """The marker text of a live hyperparameter change ``{"name", "old", "new", ...}``: "lr 20 -> 5"
    (``words`` translates the setting's name)."""
    name = str(change["name"])
    if words is not None and name in _SHORT:
        name = words(_SHORT[name])
    return f"{name} {format_number(change['old'])} -> {format_number(change['new'])}"


# ---------------------------------------------------------------------------- run names
# A name's words are marked for the catalogue: the window's store translates them (``RunStore.words``);
# setting names (lr, dropout, ...) stay as they are, the identifiers the tooltips show in brackets.
MODEL_NAMES = {"rnn": "RNN", "simple": "RNN", "lstm": "LSTM", "gru": "GRU", "better": "LSTM",
               "plain": "seq2seq", "reversed": QT_TRANSLATE_NOOP("engine", "seq2seq reversed"),
               "peeky": QT_TRANSLATE_NOOP("engine", "peeky seq2seq"),
               "reversed_peeky": QT_TRANSLATE_NOOP("engine", "peeky seq2seq reversed"),
               "attention": QT_TRANSLATE_NOOP("engine", "attention seq2seq"),
               "bidirectional": QT_TRANSLATE_NOOP("engine", "bidirectional seq2seq")}
# Settings a run name never mentions: the task is the plots' own; these change what is shown or
# when training stops, not what is learnt.
_NOT_IN_NAMES = ("task", "model", "hidden", "temperature", "top_k", "eval_interval", "eval_batches", "max_steps",
                 "epochs", "encoding")
# How a name calls a setting ("lr 0.003"): the setting's own name, or a short word (marked: a window in
# another language writes its own)
_SHORT = {"tie_weights": QT_TRANSLATE_NOOP("engine", "tied"), "val_fraction": QT_TRANSLATE_NOOP("engine", "val share"),
          "decay_steps": QT_TRANSLATE_NOOP("engine", "decay"), "init_std": QT_TRANSLATE_NOOP("engine", "init std"),
          "lr": QT_TRANSLATE_NOOP("engine", "lr"), "clip": QT_TRANSLATE_NOOP("engine", "clip"),
          "dropout": QT_TRANSLATE_NOOP("engine", "dropout"), "hidden": QT_TRANSLATE_NOOP("engine", "hidden"),
          "embed": QT_TRANSLATE_NOOP("engine", "embed"), "layers": QT_TRANSLATE_NOOP("engine", "layers"),
          "activation": QT_TRANSLATE_NOOP("engine", "activation"), "init": QT_TRANSLATE_NOOP("engine", "init"),
          "optimizer": QT_TRANSLATE_NOOP("engine", "optimizer"), "schedule": QT_TRANSLATE_NOOP("engine", "schedule"),
          "batch": QT_TRANSLATE_NOOP("engine", "batch"), "bptt": QT_TRANSLATE_NOOP("engine", "bptt"),
          "seed": QT_TRANSLATE_NOOP("engine", "seed"), "dtype": QT_TRANSLATE_NOOP("engine", "dtype"),
          "impl": QT_TRANSLATE_NOOP("engine", "impl"), "corpus": QT_TRANSLATE_NOOP("engine", "corpus"),
          "min_count": QT_TRANSLATE_NOOP("engine", "min_count"),
          "temperature": QT_TRANSLATE_NOOP("engine", "temperature"), "top_k": QT_TRANSLATE_NOOP("engine", "top_k"),
          "eval_interval": QT_TRANSLATE_NOOP("engine", "eval_interval"),
          "eval_batches": QT_TRANSLATE_NOOP("engine", "eval_batches"),
          "max_steps": QT_TRANSLATE_NOOP("engine", "max_steps"), "epochs": QT_TRANSLATE_NOOP("engine", "epochs"),
          "pause_when_solved": QT_TRANSLATE_NOOP("engine", "pause_when_solved")}
MAX_DIFFERENCES = 3


def _same(text: str) -> str:
    return text


def model_label(config: Mapping[str, Any], words: Words = _same) -> str:
    """The model in a few words: "LSTM 128", "RNN 16 tanh", "2-layer LSTM 650", "attention seq2seq 128"
    (``words`` translates the marked words)."""
    model = str(config.get("model", ""))
    text = f"{words(MODEL_NAMES.get(model, model))} {config.get('hidden', '')}".strip()
    if model in ("rnn", "simple"):
        text += f" {config.get('activation', '')}".rstrip()
    layers = int(config.get("layers", 1) or 1)
    if layers > 1 and config.get("task") in ("char", "lm"):
        text = fill(words(QT_TRANSLATE_NOOP("engine", "{layers}-layer {model}")), {"layers": layers, "model": text})
    return text


def _setting(name: str, value: Any, words: Words = _same) -> str:
    short = words(_SHORT[name]) if name in _SHORT else name
    if name == "data":
        return words(QT_TRANSLATE_NOOP("engine", "built-in data")) if not value else \
            fill(words(QT_TRANSLATE_NOOP("engine", "data {name}")), {"name": PurePath(str(value)).name or value})
    if isinstance(value, bool):
        return short if value else fill(words(QT_TRANSLATE_NOOP("engine", "not {setting}")), {"setting": short})
    if isinstance(value, str):
        return f"{short} {value}"
    return f"{short} {format_number(value)}"


def run_label(config: Mapping[str, Any], previous: Mapping[str, Any] | None = None, words: Words = _same) -> str:
    """A run's name that says what sets it apart: "LSTM 128 · lr 0.003" for a task's first run; for
    the next ones the model and up to three settings that differ from ``previous`` (the configuration
    of the task's run before), e.g. "LSTM 128 · lr 0.01 · dropout 0.2", or "… +2 more"."""
    base = model_label(config, words)
    if previous is None:
        return f"{base} · {_setting('lr', config.get('lr'), words)}" if "lr" in config else base
    diffs = [name for name in config if name not in _NOT_IN_NAMES and name in previous
             and config[name] != previous[name] and _applies(config, name)]
    diffs.sort(key=lambda n: n != "lr")  # the learning rate first: the setting tried most
    shown = [_setting(n, config[n], words) for n in diffs[:MAX_DIFFERENCES]]
    if len(diffs) > MAX_DIFFERENCES:
        shown.append(fill(words(QT_TRANSLATE_NOOP("engine", "+{n} more")), {"n": len(diffs) - MAX_DIFFERENCES}))
    return " · ".join([base, *shown])


def _applies(config: Mapping[str, Any], name: str) -> bool:
    """Whether setting ``name`` matters for a run of ``config`` (unknown names and tasks: yes)."""
    try:
        return applies(dict(config), name)
    except (ValueError, KeyError):
        return True


# ---------------------------------------------------------------------------- one run
@dataclass(eq=False)
class Run:
    """One training session.

    ``curves``: {column: (n,) float64} for ``COLUMNS`` (given columns may be a subset; "step" is
    required when any is given; missing ones are NaN, and a missing "wall" is ``created + time``).
    After construction ``curves`` holds read-only views that each ``extend`` replaces: don't keep
    them across calls. ``val_points``: {"step", "split", "loss", <metric>: ...} as the trainer makes
    them. ``changes``: {"step", "name", "old", "new", "source"}. ``created``: wall time (seconds since
    the epoch). ``metric_name``: what the "metric" column is ("perplexity", "accuracy").
    At most ``max_rows`` curve rows are kept: when full, every second row goes and from then on one
    row in ``stride`` is kept, so old parts of a long run get coarser and memory stays bounded.
    """

    name: str
    color: str
    config: dict[str, Any]
    curves: dict[str, np.ndarray] = field(default_factory=dict)
    val_points: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    created: float = field(default_factory=time.time)
    hidden: bool = False
    baseline: bool = False
    metric_name: str = "metric"
    max_rows: int = 20_000

    def __post_init__(self) -> None:
        _check_name(self.name)
        if not isinstance(self.color, str) or not _HEX.fullmatch(self.color):
            raise ValueError(f"run colour must be '#RRGGBB', got {self.color!r}")
        if self.max_rows < 4 or self.max_rows % 2:
            raise ValueError(f"max_rows must be an even number >= 4, got {self.max_rows}")
        self.config = dict(self.config)
        self._rows = BoundedRows(COLUMNS, self.max_rows)
        given, self.curves = self.curves, {}
        self._publish()
        if given:
            if "wall" not in given and "time" in given:  # a finished run's curves: anchor at creation
                given = {**given, "wall": self.created + np.asarray(given["time"], dtype=np.float64)}
            self.extend(given)

    # -- recording -------------------------------------------------------------------------------
    def record(self, report: Mapping[str, Any], now: float | None = None) -> None:
        """Take one trainer report: "progress" (curve points, validation points), "hparam" (a live
        change) or "eval" (a requested evaluation); other kinds are ignored."""
        kind = report.get("kind")
        if kind == "progress":
            if report.get("metric_name"):
                self.metric_name = str(report["metric_name"])
            self.extend(report.get("points") or {}, now=now)
            self.val_points.extend(dict(p) for p in report.get("val") or ())
            thin_history(self.val_points)
        elif kind == "hparam":
            self.changes.append({k: report[k] for k in ("step", "name", "old", "new", "source") if k in report})

    def extend(self, points: Mapping[str, Sequence[float] | np.ndarray], now: float | None = None) -> None:
        """Append curve rows: ``points`` = {column: (k,)} with at least "step" (a trainer report's
        "points"). Without a "wall" column, wall time is back-dated from ``now`` (default: the
        clock) by the training time between each row and the chunk's last row."""
        if "step" not in points:
            if any(np.size(v) for v in points.values()):
                raise ValueError(f"curve points need a 'step' column, got {sorted(points)}")
            return
        unknown = set(points) - set(COLUMNS)
        if unknown:
            raise ValueError(f"unknown curve columns {sorted(unknown)}; known: {', '.join(COLUMNS)}")
        k = np.size(points["step"])
        rows = np.full((k, len(COLUMNS)), np.nan)
        for j, name in enumerate(COLUMNS):
            if name in points:
                col = np.asarray(points[name], dtype=np.float64)
                if col.shape != (k,):
                    raise ValueError(f"curve column {name!r} has shape {col.shape}, 'step' has ({k},)")
                rows[:, j] = col
        if k == 0:
            return
        if "wall" not in points:
            rows[:, 2] = back_date(rows[:, 1], time.time() if now is None else now)
        self._rows.extend(rows)
        self._publish()

    def _publish(self) -> None:
        view = self._rows.rows()
        view.flags.writeable = False
        self.curves = {name: view[:, j] for j, name in enumerate(COLUMNS)}

    # -- reading -----------------------------------------------------------------------------------
    @property
    def task(self) -> str | None:
        """The task the run trained ("adder", "char", ...): its curves belong to that task's plots."""
        task = self.config.get("task")
        return str(task) if task is not None else None

    def __len__(self) -> int:
        return len(self._rows)

    def series(self, metric: str, split: str = "train") -> tuple[np.ndarray, np.ndarray]:
        """(steps, values) of ``metric``: per-step curve columns for split "train" ("loss", "metric"
        or its name e.g. "perplexity", "grad_norm", "lr"); otherwise the validation points of that
        split ("val", "test") that have ``metric``. Both (n,) float64, in step order."""
        if split == "train":
            column = "metric" if metric == self.metric_name else metric
            if column not in VALUE_COLUMNS:
                raise ValueError(f"unknown curve {metric!r}; known: loss, {self.metric_name}, grad_norm, lr")
            return self.curves["step"].copy(), self.curves[column].copy()
        key = self.metric_name if metric == "metric" else metric
        pts = [p for p in self.val_points if p.get("split", "val") == split and key in p]
        steps = np.array([float(p["step"]) for p in pts], dtype=np.float64)
        values = np.array([float(p[key]) for p in pts], dtype=np.float64)
        order = np.argsort(steps, kind="stable")
        return steps[order], values[order]

    def value_at(self, metric: str, step: float, split: str = "train", smoothing: float = 0.0) -> float:
        """``metric`` at ``step``, linearly interpolated between the nearest finite points (smoothed
        first with ``debiased_ema`` when ``smoothing`` > 0). NaN outside the run's steps."""
        steps, values = self.series(metric, split)
        if smoothing > 0:
            values = debiased_ema(values, smoothing)
        ok = np.isfinite(values) & np.isfinite(steps)
        if not ok.any():
            return math.nan
        return float(np.interp(step, steps[ok], values[ok], left=np.nan, right=np.nan))

    def x(self, mode: str, steps: Sequence[float] | np.ndarray | None = None) -> np.ndarray:
        """X coordinates in ``mode`` ("step", "relative", "wall"): of every curve row, or of the
        given ``steps`` (validation points, change markers), mapped through the run's step -> time
        curve (clamped to its ends; NaN when the run has no rows yet)."""
        if mode not in X_MODES:
            raise ValueError(f"x mode must be one of {', '.join(X_MODES)}, got {mode!r}")
        column = {"step": "step", "relative": "time", "wall": "wall"}[mode]
        if steps is None:
            return self.curves[column].copy()
        s = np.asarray(steps, dtype=np.float64)
        if mode == "step":
            return s.copy()
        known, target = self.curves["step"], self.curves[column]
        ok = np.isfinite(known) & np.isfinite(target)
        if not ok.any():
            return np.full(s.shape, np.nan)
        return np.interp(s, known[ok], target[ok])

    def markers(self, mode: str = "step", words: Words | None = None) -> list[tuple[float, str]]:
        """(x, "lr 20 -> 5") for each marked live change (``is_marked``), at the step it happened."""
        changes = [c for c in self.changes if is_marked(c)]
        xs = self.x(mode, [c["step"] for c in changes])
        return [(float(x), change_label(c, words)) for x, c in zip(xs, changes)]


def _check_name(name: Any) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"a run needs a non-empty name, got {name!r}")
    return name.strip()


# ---------------------------------------------------------------------------- the session's runs
class RunStore:
    """The runs of a session, in creation order. Names are unique; at most one run is the baseline.
    Methods take a run or its name."""

    def __init__(self, palette: Sequence[str] = RUN_COLORS) -> None:
        if not palette:
            raise ValueError("the palette needs at least one colour")
        self.palette = tuple(palette)
        self.runs: list[Run] = []
        self._made = 0
        self.words: Words = _same  # translates the words of new runs' names (the window's language)

    def __iter__(self):
        return iter(self.runs)

    def __len__(self) -> int:
        return len(self.runs)

    def names(self) -> list[str]:
        return [r.name for r in self.runs]

    def get(self, run: Run | str) -> Run:
        if isinstance(run, Run):
            if run not in self.runs:
                raise ValueError(f"run {run.name!r} is not in this store")
            return run
        for r in self.runs:
            if r.name == run:
                return r
        raise ValueError(f"no run named {run!r}; runs: {', '.join(self.names()) or 'none'}")

    def next_color(self) -> str:
        """The first palette colour no run uses, else the palette again in turn."""
        used = {r.color.lower() for r in self.runs}
        for c in self.palette:
            if c.lower() not in used:
                return c
        return self.palette[self._made % len(self.palette)]

    def new_run(self, config: Mapping[str, Any] | Any, name: str | None = None, **fields: Any) -> Run:
        """Add a run with the next colour. ``config`` is a dict or a ``Config``; the default name says
        what sets the run apart (``run_label``: against the last run of the same task), made unique
        with " (2)", " (3)"... ``fields`` are other ``Run`` fields, e.g. the ``curves``,
        ``val_points`` and ``changes`` of a trainer loaded from a checkpoint."""
        cfg = dict(config.to_dict() if hasattr(config, "to_dict") else config)
        if name is None:
            same = [r for r in self.runs if r.config.get("task") == cfg.get("task")]
            base = run_label(cfg, same[-1].config if same else None, self.words)
            if same and base == model_label(cfg, self.words) == model_label(same[-1].config, self.words):
                base = re.sub(r" \(\d+\)$", "", same[-1].name)  # the same settings again: "<its name> (2)"
            name, n = base, 2
            while name in self.names():
                name, n = f"{base} ({n})", n + 1
        fields.setdefault("color", self.next_color())
        return self.add(Run(name=name, config=cfg, **fields))

    def add(self, run: Run) -> Run:
        if run.name in self.names():
            raise ValueError(f"a run named {run.name!r} already exists")
        if run.baseline:
            for r in self.runs:
                r.baseline = False
        self.runs.append(run)
        self._made += 1
        return run

    def rename(self, run: Run | str, new_name: str) -> Run:
        r = self.get(run)
        new_name = _check_name(new_name)
        if new_name != r.name and new_name in self.names():
            raise ValueError(f"a run named {new_name!r} already exists")
        r.name = new_name
        return r

    def remove(self, run: Run | str) -> Run:
        r = self.get(run)
        self.runs.remove(r)
        return r

    def hide(self, run: Run | str, hidden: bool = True) -> None:
        self.get(run).hidden = bool(hidden)

    def visible(self) -> list[Run]:
        return [r for r in self.runs if not r.hidden]

    def of_task(self, task: str | None) -> list[Run]:
        """The runs of ``task``: the only ones whose curves share a plot (None: every run)."""
        return [r for r in self.runs if task is None or r.task == task]

    def set_baseline(self, run: Run | str | None) -> None:
        """Pin ``run`` as the baseline (None: no baseline); any other baseline is unpinned."""
        target = None if run is None else self.get(run)
        for r in self.runs:
            r.baseline = r is target

    @property
    def baseline(self) -> Run | None:
        return next((r for r in self.runs if r.baseline), None)

    def difference_to_baseline(self, run: Run | str, metric: str, step: float, split: str = "train",
                               smoothing: float = 0.0) -> float:
        """``run``'s ``metric`` minus the baseline's at ``step`` (each interpolated on its own steps,
        see ``Run.value_at``). NaN without a baseline or where either run has no value there."""
        r, base = self.get(run), self.baseline
        if base is None:
            return math.nan
        mine = r.value_at(metric, step, split, smoothing)
        if r is base:
            return 0.0 if math.isfinite(mine) else math.nan
        return mine - base.value_at(metric, step, split, smoothing)


# ---------------------------------------------------------------------------- CSV export
CSV_HEADER = ("run", "step", "time", "metric", "value")


def long_rows(run: Run) -> list[tuple[str, str, str, str, str]]:
    """A run's curves in long format: per-step "loss", its metric (e.g. "perplexity"), "grad_norm",
    "lr", then validation points as "<split>_<key>" (e.g. "val_loss"). ``time`` is training seconds
    (validation points: interpolated from the step curve). Non-finite values are left out."""
    rows: list[tuple[str, str, str, str, str]] = []
    steps, times = run.curves["step"], run.curves["time"]
    for column in VALUE_COLUMNS:
        label = run.metric_name if column == "metric" else column
        values = run.curves[column]
        for s, t, v in zip(steps.tolist(), times.tolist(), values.tolist()):
            if math.isfinite(v):
                rows.append((run.name, _num(s), _num(t), label, repr(v)))
    for point in run.val_points:
        split = point.get("split", "val")
        (t,) = run.x("relative", [float(point["step"])]).tolist()
        for key, v in point.items():
            if key in ("step", "split") or not isinstance(v, (int, float)) or not math.isfinite(v):
                continue
            rows.append((run.name, _num(float(point["step"])), _num(t), f"{split}_{key}", repr(float(v))))
    return rows


def _num(x: float) -> str:
    if not math.isfinite(x):
        return ""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def write_long_csv(path, runs: Iterable[Run]) -> None:
    """All ``runs``' curves in one CSV, columns run, step, time, metric, value (see ``long_rows``),
    written atomically (a temporary file replaced over ``path``)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for run in runs:
        writer.writerows(long_rows(run))
    atomic_write_text(path, buf.getvalue())
