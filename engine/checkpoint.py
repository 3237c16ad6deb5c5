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
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from .. import __version__
from .atomic import atomic_write, check_writable, write_target
from .config import Config
from .curves import COLUMNS
from .errors import CheckpointError, TaskError
from .i18n import QT_TRANSLATE_NOOP, Sentence, sentence_of
from .npz_reader import NpzError, NpzReader
from .rng import rng_state_from_array, rng_state_to_array
from .tasks.base import Task
from .tasks.registry import make_task
from .trainer import Trainer
from .user_files import UserFileError, json_depth, loads_json, open_regular

FORMAT = "rnnlab-checkpoint"
VERSION = 1
META_KEY = "meta.json"
_ZIP_MAGIC = b"PK\x03\x04"

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
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "cannot store the run's metadata as JSON: {reason}"),
                              reason=str(exc)) from None
    arrays[META_KEY] = np.frombuffer(text.encode("utf-8"), dtype=np.uint8).copy()
    for key, a in arrays.items():
        if a.dtype.hasobject:  # np.savez would pickle it, and loading refuses pickles
            raise CheckpointError(QT_TRANSLATE_NOOP("engine", "checkpoint entry {key!r} is an object array; only "
                                                    "numeric arrays can be saved"), key=key)
    return arrays


def save_checkpoint(path: str | os.PathLike, trainer, extra: dict[str, Any] | None = None) -> Path:
    """Write ``trainer``'s run to ``path`` atomically; returns the path. ``extra`` is any JSON-able dict
    kept in the metadata (the window stores its run name and colour there). Only a checkpoint is
    replaced (see ``check_save_target``)."""
    path = Path(path)
    check_save_target(path)
    arrays = checkpoint_arrays(trainer, extra)
    try:
        return atomic_write(path, lambda f: np.savez(f, **arrays))
    except OSError as exc:
        raise CheckpointError(str(exc).replace("cannot write", "cannot save", 1)) from None


def check_save_target(path: str | os.PathLike, writable: bool = False) -> Path:
    """The file a checkpoint saved to ``path`` would replace (a symbolic link's target); CheckpointError
    if what is there is not ours to replace: anything but a checkpoint, an empty file or a damaged
    archive (a text, someone's .npz or .zip, a folder, a device, a FIFO, a dangling link).
    ``writable``: also create and remove a temporary file there now (a long run checks before it starts)."""
    path = Path(path)
    try:
        target = check_writable(path) if writable else write_target(path)
    except OSError as exc:
        raise CheckpointError(str(exc).replace("cannot write", "cannot save to", 1)) from None
    if target.exists() and not _replaceable(target):
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} exists and is not an RNN Lab checkpoint, so a "
                                                "save would destroy it; choose another file name"), path=path)
    return target


def _replaceable(target: Path) -> bool:
    """True for an empty file, an RNN Lab checkpoint, or a damaged archive (ours, cut short)."""
    try:
        with open_regular(target) as f:
            head = f.read(4)
            if not head:
                return True
            if head != _ZIP_MAGIC:
                return False
            f.seek(0)
            with zipfile.ZipFile(f) as archive:
                return META_KEY + ".npy" in archive.namelist()
    except (zipfile.BadZipFile, EOFError, ValueError, RuntimeError, NotImplementedError):
        return True  # starts like a zip archive but is not one: a checkpoint whose write was cut short
    except (UserFileError, OSError):
        return False


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
MAX_META_BYTES = 256 * 2**20  # the metadata: config, vocabulary (a word corpus may have a million words), history
SMALL_ENTRY = 1 << 20  # scalars, random-generator states, schedule state
MAX_CURVE_ROWS = 1 << 17  # a run's curves keep 20,000 rows (engine.curves); far more is not a checkpoint of ours
MAX_STEP = 10**12  # steps, optimizer updates: more than any run could take
MAX_SECONDS = 10**10  # training time (three centuries)


def read_checkpoint_arrays(path: str | os.PathLike) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """All arrays of a checkpoint and its checked metadata, without building anything (for inspection:
    ``load_checkpoint`` reads only what it uses). No entry may declare more data than the file's size
    (RNN Lab stores entries uncompressed), so a small file never expands to gigabytes."""
    path = Path(path)
    _check_file(path)
    with _open(path) as archive:
        raw = _read(archive, META_KEY, MAX_META_BYTES, kinds="u") if META_KEY in archive else None
        meta = _parse_meta(path, raw)
        arrays = {key: _read(archive, key, max(archive.size, 1)) for key in archive.keys()}
    return arrays, meta


def read_checkpoint_meta(path: str | os.PathLike) -> dict[str, Any]:
    """The metadata dict of a checkpoint (config, data_info, history, extra, ...), reading only that entry
    (at most ``MAX_META_BYTES``)."""
    path = Path(path)
    _check_file(path)
    with _open(path) as archive:
        raw = _read(archive, META_KEY, MAX_META_BYTES, kinds="u") if META_KEY in archive else None
    return _parse_meta(path, raw)


def _open(path: Path) -> NpzReader:
    try:
        return NpzReader(path, "checkpoint")
    except NpzError as exc:
        raise CheckpointError(exc.sentence) from None


def _read(archive: NpzReader, key: str, max_bytes: int, shape: tuple | None = None, kinds: str = "biuf") -> np.ndarray:
    try:
        return archive.read(key, max_bytes, shape, kinds)
    except NpzError as exc:
        raise CheckpointError(exc.sentence) from None
    except MemoryError:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path}: entry {key!r} does not fit in the memory "
                                                "available"), path=archive.path, key=key) from None


def _check_file(path: Path) -> None:
    if not path.exists():
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "no checkpoint at {path}: the file does not exist"),
                              path=path)
    if path.is_dir():
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} is a folder, not a checkpoint file"), path=path)
    try:  # a regular file only: a FIFO would block (the window reads metadata on its own thread)
        with open_regular(path, QT_TRANSLATE_NOOP("engine", "checkpoint")) as f:
            head = f.read(4)
    except UserFileError as exc:
        raise CheckpointError(exc.sentence) from None
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
        meta = loads_json(bytes(np.asarray(raw, dtype=np.uint8)).decode("utf-8"), what="the metadata")
    except (ValueError, TypeError) as exc:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} has corrupt metadata ({reason})"), path=path,
                              reason=exc) from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} is an .npz file but not an RNN Lab checkpoint "
                                                "(format is not {format!r})"), path=path, format=FORMAT)
    version = meta.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} has an invalid checkpoint version {version}"),
                              path=path, version=repr(version))
    if version > VERSION:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} is checkpoint version {version}, written by a "
                                                "newer RNN Lab (engine {engine}); this version reads version "
                                                "{known}"),
                              path=path, version=version, engine=str(meta.get("engine_version", "?")), known=VERSION)
    for key in ("config", "data_info"):
        if not isinstance(meta.get(key), dict):
            raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} has incomplete metadata: {key!r} is missing"),
                                  path=path, key=key)
    _check_meta_types(path, meta)
    return meta


def _check_meta_types(path: Path, meta: dict[str, Any]) -> None:
    """CheckpointError unless the parts a load reads have the types this module writes (a damaged or
    hand-edited file must not reach the task or the window as a TypeError)."""
    def bad(what: str, **args: Any) -> CheckpointError:
        return CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} has corrupt metadata: {what}"), path=path,
                               what=Sentence(what, **args))

    def is_number(v: Any) -> bool:
        return isinstance(v, (int, float)) and not isinstance(v, bool)

    vocab = meta["data_info"].get("vocab")
    if vocab is not None and not (isinstance(vocab, list) and all(isinstance(t, str) for t in vocab)):
        raise bad(QT_TRANSLATE_NOOP("engine", "the vocabulary is not a list of tokens"))
    history = meta.get("history") or {}
    if not isinstance(history, dict):
        raise bad(QT_TRANSLATE_NOOP("engine", "'history' is not a mapping"))
    for key in ("val_points", "changes"):
        entries = history.get(key) or []
        if not (isinstance(entries, list)
                and all(isinstance(e, dict) and is_number(e.get("step")) for e in entries)):
            raise bad(QT_TRANSLATE_NOOP("engine", "history {key!r} is not a list of records with a step"), key=key)
    last = meta.get("last") or {}
    if not (isinstance(last, dict) and all(v is None or is_number(v) for v in last.values())):
        raise bad(QT_TRANSLATE_NOOP("engine", "'last' is not a mapping of numbers"))
    best = meta.get("best")
    if best is not None and not (isinstance(best, dict) and isinstance(best.get("step"), int)
                                 and (best.get("metric") is None or is_number(best.get("metric")))):
        raise bad(QT_TRANSLATE_NOOP("engine", "'best' is not a step and a metric"))


# ---------------------------------------------------------------------------------------------- load
def load_checkpoint(path: str | os.PathLike, callback=None, data: str | os.PathLike | None = None, *,
                    task_factory: TaskFactory | None = None) -> Trainer:
    """Rebuild the run saved in ``path`` and return its ``Trainer`` (paused, ready to continue).

    ``data`` points to the data file or folder when it has moved since the run was saved.
    ``task_factory(config, vocab=...)`` replaces ``tasks.registry.make_task`` (tests use a fake task).

    Only the entries a run uses are read, each after its declared size, shape and kind of number are
    checked against what the rebuilt model and data give it; every number is checked too (finite
    weights and optimizer state, a step, a clock and a learning rate in range; the task checks its
    data cursor): a damaged or hand-made file is refused with one sentence, never half-loaded.
    """
    path = Path(path)
    _check_file(path)
    with _open(path) as archive:
        raw = _read(archive, META_KEY, MAX_META_BYTES, kinds="u") if META_KEY in archive else None
        meta = _parse_meta(path, raw)
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

        model = task.model
        _check_param_names(path, model, archive.keys())
        for name, p in zip(model.names, model.params):
            p[...] = _read_param(archive, "param.", name, p)
        trainer = Trainer(task, callback=callback)
        try:
            task_cap = _task_entry_limit(task)
            task_state = {k: _finite(path, "task." + k, _read(archive, "task." + k, task_cap))
                          for k in task.state_keys() if "task." + k in archive}
            task.load_state_dict(task_state)
            rng_state_from_array(task.rng, _rng_state(archive, "rng.task"))
            trainer.load_state_dict(_trainer_state(archive, trainer))
            if "rng.sample" in archive:
                rng_state_from_array(trainer.sample_rng, _rng_state(archive, "rng.sample"))
        except CheckpointError:
            raise
        except (ValueError, KeyError, TypeError) as exc:
            raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} does not match the {task} task it describes: "
                                                    "{error}"), path=path, task=config.task,
                                  error=sentence_of(exc)) from None

        history = meta.get("history") or {}
        trainer.val_points = list(history.get("val_points") or [])  # types checked by _check_meta_types
        trainer.changes = list(history.get("changes") or [])
        trainer.last = {k: (math.nan if v is None else v) for k, v in (meta.get("last") or {}).items()}
        best = meta.get("best")
        if best is not None:
            params = [_read_param(archive, "best.", n, p) for n, p in zip(model.names, model.params)]
            metric = math.nan if best.get("metric") is None else float(best["metric"])
            trainer.best = {"step": int(best["step"]), "metric": metric, "params": params}
    return trainer


def _check_param_names(path: Path, model, keys: list[str]) -> None:
    """The archive's parameter entries name exactly the model's parameters (nothing read yet)."""
    saved = {k[6:] for k in keys if k.startswith("param.")}
    missing = [n for n in model.names if n not in saved]
    if missing:
        if len(missing) > 1:
            raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} lacks parameter {name} of this model (and "
                                                    "{more} more)"), path=path, name=missing[0], more=len(missing) - 1)
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} lacks parameter {name} of this model"), path=path,
                              name=missing[0])
    unknown = sorted(saved - set(model.names))
    if unknown:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} has parameter {name}, which this model does not "
                                                "have"), path=path, name=unknown[0])


def _read_param(archive: NpzReader, prefix: str, name: str, like: np.ndarray) -> np.ndarray:
    """Parameter ``name`` (shape of ``like``, floating point, finite) from entry ``prefix + name``."""
    path, key = archive.path, prefix + name
    if key not in archive:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} is incomplete: entry {key!r} is missing"),
                              path=path, key=key)
    a = _read(archive, key, max(like.size * 8, SMALL_ENTRY), kinds="f")  # (shape compared below, by name)
    best = prefix != "param."
    if a.shape != like.shape:
        shape = (QT_TRANSLATE_NOOP("engine", "best parameter {name} in {path} has shape {found}, the model expects "
                                   "{expected}") if best else
                 QT_TRANSLATE_NOOP("engine", "parameter {name} in {path} has shape {found}, the model expects "
                                   "{expected}"))
        raise CheckpointError(shape, name=name, path=path, found=str(a.shape), expected=str(like.shape))
    if not np.isfinite(a).all():
        nan = (QT_TRANSLATE_NOOP("engine", "{path}: best parameter {name} holds NaN or infinite values (the run had "
                                 "diverged when it was saved, or the file is damaged); it cannot be loaded") if best else
               QT_TRANSLATE_NOOP("engine", "{path}: parameter {name} holds NaN or infinite values (the run had "
                                 "diverged when it was saved, or the file is damaged); it cannot be loaded"))
        raise CheckpointError(nan, path=path, name=name)
    return a


def _finite(path: Path, key: str, a: np.ndarray) -> np.ndarray:
    if a.dtype.kind == "f" and not np.isfinite(a).all():
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path}: entry {key!r} holds NaN or infinite values; it "
                                                "cannot be loaded"), path=path, key=key)
    return a


def _task_entry_limit(task) -> int:
    """Bytes a ``task.*`` entry may hold: data cursors, hidden states, a data order (8 bytes per example)."""
    sizes = [v for v in (task.data_info().get("sizes") or {}).values() if isinstance(v, int)]
    largest_param = max((p.size for p in task.model.params), default=0)
    return max(SMALL_ENTRY, 8 * max(sizes, default=0), 8 * largest_param)


def _rng_state(archive: NpzReader, key: str) -> np.ndarray:
    """A random generator's state: a short JSON text as uint8 (nesting limited before it is parsed)."""
    raw = _read(archive, key, SMALL_ENTRY, kinds="u")
    if raw.ndim != 1 or json_depth(raw.tobytes()) > 4:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path}: entry {key!r} is not a random-generator state"),
                              path=archive.path, key=key)
    return raw


def _trainer_state(archive: NpzReader, trainer) -> dict[str, np.ndarray]:
    """``trainer.* optim.* schedule.* curves.*`` for ``Trainer.load_state_dict``: only the entries this
    trainer's optimizer and schedule have, each of its expected shape, every number checked."""
    path = archive.path
    params = trainer.task.model.params

    def number(key: str, kinds: str, lo: float, hi: float, shape: tuple = ()) -> np.ndarray:
        a = _read(archive, key, SMALL_ENTRY, shape=shape, kinds=kinds)
        if not (np.isfinite(a).all() and (a >= lo).all() and (a <= hi).all()):
            if kinds in ("iu", "i"):
                raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path}: entry {key!r} is {value}, not a whole "
                                                        "number between {lo:g} and {hi:g}; the file is damaged"),
                                      path=path, key=key, value=str(a.tolist()), lo=lo, hi=hi)
            raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path}: entry {key!r} is {value}, not a finite number "
                                                    "between {lo:g} and {hi:g}; the file is damaged"),
                                  path=path, key=key, value=str(a.tolist()), lo=lo, hi=hi)
        return a

    state = {"trainer.step": number("trainer.step", "iu", 0, MAX_STEP),
             "trainer.elapsed": number("trainer.elapsed", "f", 0.0, MAX_SECONDS),
             "trainer.lr": number("trainer.lr", "f", 0.0, 1e6, shape=(2,))}
    opt = trainer.optimizer
    for name in opt.hyperparams:
        state[f"optim.{name}"] = number(f"optim.{name}", "f", 0.0, 1e6)
    state["optim.iter"] = number("optim.iter", "iu", 0, MAX_STEP)
    for slot in opt.slots:
        keys = [f"optim.{slot}.{i}" for i in range(len(params))]
        present = [k in archive for k in keys]
        if any(present) and not all(present):
            raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path} is incomplete: optimizer state {slot!r} lacks "
                                                    "{key!r}"), path=path, slot=slot, key=keys[present.index(False)])
        for k, p in zip(keys, params) if all(present) else ():
            state[k] = _finite(path, k, _read(archive, k, p.size * 8, shape=p.shape, kinds="f"))
    if trainer.schedule is not None:
        for name in trainer.schedule.state_dict():
            a = _read(archive, f"schedule.{name}", SMALL_ENTRY, shape=(), kinds="fiu")
            if np.isnan(a).any():
                raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path}: entry {key!r} is NaN; the file is "
                                                        "damaged"), path=path, key=f"schedule.{name}")
            state[f"schedule.{name}"] = a
    meta = number("curves.meta", "iu", 0, MAX_STEP, shape=(3,))
    capacity, stride = int(meta[0]), int(meta[1])
    if not (4 <= capacity <= MAX_CURVE_ROWS and capacity % 2 == 0 and stride >= 1):
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path}: entry 'curves.meta' ({value}) is not a curve "
                                                "store's state; the file is damaged"), path=path, value=str(meta.tolist()))
    rows = _read(archive, "curves.rows", capacity * len(COLUMNS) * 8, kinds="f")
    if rows.ndim != 2 or rows.shape[1] != len(COLUMNS) or rows.shape[0] > capacity:
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path}: entry 'curves.rows' has shape {found}, expected "
                                                "at most {expected}; the file is damaged"),
                              path=path, found=str(rows.shape), expected=str((capacity, len(COLUMNS))))
    must_be_finite = [i for i, c in enumerate(COLUMNS) if c != "metric"]  # (a metric may be NaN or inf)
    if not np.isfinite(rows[:, must_be_finite]).all():
        raise CheckpointError(QT_TRANSLATE_NOOP("engine", "{path}: entry 'curves.rows' holds NaN or infinite steps, "
                                                "times, losses, gradient norms or learning rates; the file is "
                                                "damaged"), path=path)
    state.update({"curves.meta": meta, "curves.rows": rows})
    return state


def _exists(path: str) -> bool:
    """``Path.exists`` that also says False for a string no file system accepts as a name
    (too long, say: Python 3.11's ``exists`` raises for that)."""
    try:
        return Path(path).exists()
    except (OSError, ValueError):
        return False
