"""Checkpoints: one ``.npz`` file (``np.savez``, never pickle) holding everything to resume a run exactly.

Layout of the archive (every entry a plain NumPy array, so ``np.load(allow_pickle=False)`` reads it):

    param.<name>          every model parameter, by ``model.names`` (a tied weight appears once)
    trainer.* optim.* schedule.* curves.*
                          ``trainer.state_dict()``: step, clock, lr, optimizer, schedule, curves
    task.<key>            ``task.state_dict()``: data cursor, hidden states, ...
    rng.task rng.sample   the task's training Generator and the trainer's display-sampling Generator
    best.<name>           the best validated parameters, when there are any
    meta.json             uint8 array of UTF-8 JSON: {"format": "rnnlab-checkpoint", "version": 1,
                          "config", "data_info" (the vocabulary!), "history", "best", "last", "step",
                          "extra" (e.g. the window's run name), "saved_at", "engine_version"}

Saving is atomic: the archive is written to a temporary file in the same folder, flushed and
fsync'ed, then ``os.replace``d over the target, so a crash mid-write leaves the previous file intact.
Loading rebuilds the Config, the task (with the saved vocabulary), the parameters, the task state and
the trainer state; continuing from a checkpoint saved at step k gives bit for bit the same
parameters, optimizer state, random streams and curves as a run that never stopped.
Every failure raises ``CheckpointError`` with one sentence a user can act on.

Threads: ``save_checkpoint`` reads the live model and optimizer, so while a run trains on a worker
it must run there, between steps (``host.TrainerHost`` does that); ``read_checkpoint_meta`` and
``load_checkpoint`` touch only the file and the objects they build.
"""

from __future__ import annotations

import datetime
import json
import math
import os
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from .. import __version__
from .atomic import atomic_write
from .config import Config
from .errors import CheckpointError, TaskError
from .i18n import QT_TRANSLATE_NOOP, Sentence, sentence_of
from .rng import rng_state_from_array, rng_state_to_array
from .tasks.base import Task
from .tasks.registry import make_task
from .trainer import Trainer

FORMAT = "rnnlab-checkpoint"
VERSION = 1
META_KEY = "meta.json"
_ZIP_MAGIC = b"PK\x03\x04"
# What zipfile and np.load raise on damaged bytes: besides BadZipFile, a flipped flag bit in a zip
# header reads as "encrypted" (RuntimeError) or an unsupported feature (NotImplementedError), a
# damaged .npy header as a huge shape (MemoryError); found by tests/engine/test_properties.py.
_DAMAGED = (zipfile.BadZipFile, EOFError, OSError, KeyError, RuntimeError, NotImplementedError, MemoryError,
            zlib.error)
_TRUNCATED = QT_TRANSLATE_NOOP("engine", "{path} is truncated or corrupt ({reason}); it cannot be loaded")

TaskFactory = Callable[..., Task]  # (config, vocab=...) -> Task, like tasks.registry.make_task


# ---------------------------------------------------------------------------------------------- save
def checkpoint_arrays(trainer, extra: dict[str, Any] | None = None) -> dict[str, np.ndarray]:
    """Every array a checkpoint of ``trainer`` holds, ``meta.json`` included (see the module docstring)."""
    task = trainer.task
    model = task.model
    arrays: dict[str, np.ndarray] = {f"param.{n}": np.array(p, copy=True) for n, p in zip(model.names, model.params)}
    arrays.update(trainer.state_dict())
    arrays.update({f"task.{k}": np.asarray(v) for k, v in task.state_dict().items()})
    arrays["rng.task"] = rng_state_to_array(task.rng)
    arrays["rng.sample"] = rng_state_to_array(trainer.sample_rng)
    best = None
    if trainer.best is not None:
        arrays.update({f"best.{n}": np.array(p, copy=True) for n, p in zip(model.names, trainer.best["params"])})
        best = {"step": int(trainer.best["step"]), "metric": _json_float(trainer.best["metric"])}
    meta = {
        "format": FORMAT,
        "version": VERSION,
        "config": trainer.config.to_dict(),
        "data_info": task.data_info(),
        "history": trainer.history(),
        "best": best,
        "last": {k: _json_float(v) for k, v in trainer.last.items()},
        "step": int(trainer.step_count),
        "num_params": int(model.num_params()),
        "extra": extra,
        "saved_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "engine_version": __version__,
    }
    try:
        text = json.dumps(meta, sort_keys=True, default=_json_default)
    except (TypeError, ValueError) as exc:
        raise CheckpointError(f"cannot store the run's metadata as JSON: {exc}") from None
    arrays[META_KEY] = np.frombuffer(text.encode("utf-8"), dtype=np.uint8).copy()
    for key, a in arrays.items():
        if a.dtype.hasobject:  # np.savez would pickle it, and loading refuses pickles
            raise CheckpointError(f"checkpoint entry {key!r} is an object array; only numeric arrays can be saved")
    return arrays


def save_checkpoint(path: str | os.PathLike, trainer, extra: dict[str, Any] | None = None) -> Path:
    """Write ``trainer``'s run to ``path`` atomically; returns the path. ``extra`` is any JSON-able dict
    kept in the metadata (the window stores its run name and colour there)."""
    path = Path(path)
    arrays = checkpoint_arrays(trainer, extra)
    try:
        return atomic_write(path, lambda f: np.savez(f, **arrays))
    except OSError as exc:
        raise CheckpointError(str(exc).replace("cannot write", "cannot save", 1)) from None


def _json_float(v: Any) -> Any:
    """Numbers as JSON-safe Python values (NaN/Inf become None); anything else unchanged."""
    if isinstance(v, (float, np.floating)):
        v = float(v)
        return v if math.isfinite(v) else None
    if isinstance(v, np.integer):
        return int(v)
    return v


def _json_default(o: Any) -> Any:
    if isinstance(o, np.generic):
        return o.item()
    if isinstance(o, np.ndarray):
        return o.tolist()
    if isinstance(o, Path):
        return str(o)
    raise TypeError(f"{type(o).__name__} is not JSON serialisable")


# ---------------------------------------------------------------------------------------------- read
def read_checkpoint_arrays(path: str | os.PathLike) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """All arrays of a checkpoint and its checked metadata, without building anything."""
    path = Path(path)
    _check_file(path)
    try:  # open the file ourselves: np.load leaks its handle when the zip is corrupt
        with open(path, "rb") as f, np.load(f, allow_pickle=False) as npz:
            arrays = {key: npz[key] for key in npz.files}
    except ValueError as exc:
        if "allow_pickle" in str(exc) or "bject arrays" in str(exc):
            raise CheckpointError(f"{path} contains object arrays (pickled Python objects); "
                                  "RNN Lab never writes those and refuses to load them") from None
        raise CheckpointError(f"{path} is corrupt: {exc}") from None
    except _DAMAGED as exc:
        raise CheckpointError(_TRUNCATED, path=path, reason=str(exc)) from None
    return arrays, _parse_meta(path, arrays.get(META_KEY))


def read_checkpoint_meta(path: str | os.PathLike) -> dict[str, Any]:
    """The metadata dict of a checkpoint (config, data_info, history, extra, ...), reading only that entry."""
    path = Path(path)
    _check_file(path)
    try:
        with open(path, "rb") as f, np.load(f, allow_pickle=False) as npz:
            raw = npz[META_KEY] if META_KEY in npz.files else None
    except ValueError as exc:
        raise CheckpointError(f"{path} has unreadable metadata: {exc}") from None
    except _DAMAGED as exc:
        raise CheckpointError(_TRUNCATED, path=path, reason=str(exc)) from None
    return _parse_meta(path, raw)


def _check_file(path: Path) -> None:
    if not path.exists():
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "no checkpoint at {path}: the file does not exist"),
                              path=path)
    if path.is_dir():
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} is a folder, not a checkpoint file"), path=path)
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError as exc:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "cannot read {path}: {reason}"), path=path,
                              reason=exc.strerror or str(exc)) from None
    if not head:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} is empty; it is not a checkpoint"), path=path)
    if head != _ZIP_MAGIC:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} is not an RNN Lab checkpoint (not an .npz "
                                                "archive)"), path=path)


def _parse_meta(path: Path, raw: np.ndarray | None) -> dict[str, Any]:
    if raw is None:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} is an .npz file but not an RNN Lab checkpoint (it "
                                                "has no {key})"), path=path, key=META_KEY)
    try:
        meta = json.loads(bytes(np.asarray(raw, dtype=np.uint8)).decode("utf-8"))
    except (ValueError, TypeError) as exc:
        raise CheckpointError(f"{path} has corrupt metadata ({exc})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} is an .npz file but not an RNN Lab checkpoint "
                                                "(format is not {format!r})"), path=path, format=FORMAT)
    version = meta.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CheckpointError(f"{path} has an invalid checkpoint version {version!r}")
    if version > VERSION:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} is checkpoint version {version}, written by a "
                                                "newer RNN Lab (engine {engine}); this version reads version "
                                                "{known}"),
                              path=path, version=version, engine=str(meta.get("engine_version", "?")), known=VERSION)
    for key in ("config", "data_info"):
        if not isinstance(meta.get(key), dict):
            raise CheckpointError(f"{path} has incomplete metadata: {key!r} is missing")
    _check_meta_types(path, meta)
    return meta


def _check_meta_types(path: Path, meta: dict[str, Any]) -> None:
    """CheckpointError unless the parts a load reads have the types this module writes (a damaged or
    hand-edited file must not reach the task or the window as a TypeError)."""
    def bad(what: str) -> CheckpointError:
        return CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} has corrupt metadata: {what}"), path=path,
                               what=what)

    def is_number(v: Any) -> bool:
        return isinstance(v, (int, float)) and not isinstance(v, bool)

    vocab = meta["data_info"].get("vocab")
    if vocab is not None and not (isinstance(vocab, list) and all(isinstance(t, str) for t in vocab)):
        raise bad("the vocabulary is not a list of tokens")
    history = meta.get("history") or {}
    if not isinstance(history, dict):
        raise bad("'history' is not a mapping")
    for key in ("val_points", "changes"):
        entries = history.get(key) or []
        if not (isinstance(entries, list)
                and all(isinstance(e, dict) and is_number(e.get("step")) for e in entries)):
            raise bad(f"history {key!r} is not a list of records with a step")
    last = meta.get("last") or {}
    if not (isinstance(last, dict) and all(v is None or is_number(v) for v in last.values())):
        raise bad("'last' is not a mapping of numbers")
    best = meta.get("best")
    if best is not None and not (isinstance(best, dict) and isinstance(best.get("step"), int)
                                 and (best.get("metric") is None or is_number(best.get("metric")))):
        raise bad("'best' is not a step and a metric")


# ---------------------------------------------------------------------------------------------- load
def load_checkpoint(path: str | os.PathLike, callback=None, data: str | os.PathLike | None = None, *,
                    task_factory: TaskFactory | None = None) -> Trainer:
    """Rebuild the run saved in ``path`` and return its ``Trainer`` (paused, ready to continue).

    ``data`` points to the data file or folder when it has moved since the run was saved.
    ``task_factory(config, vocab=...)`` replaces ``tasks.registry.make_task`` (tests use a fake task).
    """
    path = Path(path)
    arrays, meta = read_checkpoint_arrays(path)
    try:
        config = Config.from_dict(meta["config"])
        if data is not None:
            config = config.replace(data=str(data))
    except ValueError as exc:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} holds an invalid configuration: {error}"),
                              path=path, error=sentence_of(exc)) from None
    task_factory = task_factory or make_task
    vocab = meta["data_info"].get("vocab")
    try:
        task = task_factory(config, vocab=vocab)
    except (TaskError, ValueError, OSError) as exc:
        if config.data and not _exists(config.data):  # not a path any more (or a name like "addition")
            hint = QT_TRANSLATE_NOOP("engine", "the path given does not exist") if data is not None else \
                QT_TRANSLATE_NOOP("engine", "point to where it is now (--data PATH, or the window's data field)")
            raise CheckpointError(QT_TRANSLATE_NOOP("engine", "the data of this checkpoint is missing: {data} "
                                                    "({hint})"), data=config.data, hint=Sentence(hint)) from None
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "cannot rebuild the {task} task of {path}: {error}"),
                              task=config.task, path=path, error=sentence_of(exc)) from None

    _load_params(path, task.model, arrays, "param.")
    try:
        task_state = {k[5:]: v for k, v in arrays.items() if k.startswith("task.")}
        task.load_state_dict(task_state)
        rng_state_from_array(task.rng, _need(path, arrays, "rng.task"))
        trainer = Trainer(task, callback=callback)
        trainer.load_state_dict(arrays)
        if "rng.sample" in arrays:
            rng_state_from_array(trainer.sample_rng, arrays["rng.sample"])
    except CheckpointError:
        raise
    except (ValueError, KeyError, TypeError) as exc:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} does not match the {task} task it describes: "
                                                "{error}"), path=path, task=config.task, error=sentence_of(exc)) from None

    history = meta.get("history") or {}
    trainer.val_points = list(history.get("val_points") or [])  # types checked by _check_meta_types
    trainer.changes = list(history.get("changes") or [])
    trainer.last = {k: (math.nan if v is None else v) for k, v in (meta.get("last") or {}).items()}
    best = meta.get("best")
    if best is not None:
        params = [np.array(_need(path, arrays, f"best.{n}"), copy=True) for n in task.model.names]
        for name, p, b in zip(task.model.names, task.model.params, params):
            if b.shape != p.shape:
                raise CheckpointError(f"{path}: best parameter {name} has shape {b.shape}, "
                                      f"the model expects {p.shape}")
        metric = math.nan if best.get("metric") is None else float(best["metric"])
        trainer.best = {"step": int(best["step"]), "metric": metric, "params": params}
    return trainer


def _need(path: Path, arrays: dict[str, np.ndarray], key: str) -> np.ndarray:
    if key not in arrays:
        raise CheckpointError(f"{path} is incomplete: entry {key!r} is missing")
    return arrays[key]


def _load_params(path: Path, model, arrays: dict[str, np.ndarray], prefix: str) -> None:
    """Copy saved parameters into the model; names and shapes must match exactly."""
    saved = {k[len(prefix):]: v for k, v in arrays.items() if k.startswith(prefix)}
    missing = [n for n in model.names if n not in saved]
    if missing:
        raise CheckpointError(f"{path} lacks parameter {missing[0]} of this model"
                              + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
    unknown = sorted(set(saved) - set(model.names))
    if unknown:
        raise CheckpointError(f"{path} has parameter {unknown[0]}, which this model does not have")
    for name, p in zip(model.names, model.params):
        a = saved[name]
        if a.shape != p.shape:
            raise CheckpointError(f"parameter {name} in {path} has shape {a.shape}, the model expects {p.shape}")
        if not np.issubdtype(a.dtype, np.floating):
            raise CheckpointError(f"parameter {name} in {path} has dtype {a.dtype}, expected floating point")
        p[...] = a


def _exists(path: str) -> bool:
    """``Path.exists`` that also says False for a string no file system accepts as a name
    (too long, say: Python 3.11's ``exists`` raises for that)."""
    try:
        return Path(path).exists()
    except (OSError, ValueError):
        return False
