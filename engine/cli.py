"""The command line: ``train``, ``sample`` and ``eval`` run headless; ``gui`` (the default) opens the window.

The training flags are built from ``engine.config``'s field metadata (type, bounds, choices, help),
so the CLI, the window's sliders and the checkpoints agree on every setting. The window itself is
opened by a function ``main.py`` passes in: the engine never imports the GUI.

Errors the user can fix (bad arguments, missing or unreadable data, an empty corpus, a corrupt
checkpoint, divergence) end with ONE line on stderr, ``rnn-lab: error: ...``, and exit code 2 for
usage errors, 1 otherwise. Ctrl+C (or SIGTERM) during ``train`` stops after the step in progress,
saves the checkpoint when ``--save`` (or ``--resume``) names one, says where, and exits with 130; a
second Ctrl+C quits at once. ``--debug`` shows tracebacks of unexpected errors. The run-loop pieces
(periodic saves, signals, the best model, the CSV log) are in ``engine/long_run.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from .. import __version__
from . import desktop_entry
from .checkpoint import check_save_target, load_checkpoint, read_checkpoint_meta
from .config import FIELDS, coerce, field_info
from .layers.cells import CELLS, cell_class
from .long_run import CsvLog, LongRun, best_path, parse_every
from .tasks.registry import PRESETS, TASKS, applies, default_config, make_task, model_names, tasks_using
from .threads import MAX_THREADS, choose_threads, set_threads
from .threads import describe as describe_threads
from .train_report import PROG, TrainReporter, final_metrics, jsonable, metrics_line
from .trainer import DIVERGED, Trainer
from .vectors import answer as vector_answer

COMMANDS = ("gui", "train", "sample", "eval", "neighbors", "install-desktop")
EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 130
# Config fields whose flag is not simply --name-with-dashes (the first flag is the main one).
FLAG_NAMES = {"max_steps": ("--iters", "--max-steps")}
METAVARS = {"data": "PATH"}
SKIP_FIELDS = ("task",)  # has its own flag, resolved together with --preset

OpenWindow = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """Wrong command-line arguments (exit code 2)."""


class CliError(Exception):
    """Any other problem the user can fix, with its one-line message (exit code 1)."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors become exceptions, so ``main`` prints them on one line."""

    def error(self, message: str):  # noqa: D401 - argparse's hook
        raise UsageError(f"{message} (see {self.prog} --help)")


# ------------------------------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="RNN Lab: watch recurrent neural networks learn. "
                     "Without a command, opens the window (the window's options below).",
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="{gui,train,sample,eval,neighbors,install-desktop}",
                                parser_class=_Parser)

    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.add_argument("--task", choices=list(TASKS), help="task to start with (default: adder)")
    gui.add_argument("--preset", choices=sorted(PRESETS), help="named settings (the book's models)")
    gui.add_argument("--data", metavar="PATH", help="data file or folder")
    gui.add_argument("--checkpoint", metavar="FILE", help="open this checkpoint")
    gui.add_argument("--screenshot", metavar="OUT.png", help="train headless-rendered, save a picture, exit")
    gui.add_argument("--steps", type=_nonneg_int, default=None,
                     help="steps to train before --screenshot or --export-plots")
    gui.add_argument("--export-plots", metavar="DIR", help="train headless-rendered like --screenshot, write every "
                     "plot of the task's views as PNG and SVG and every curve plot's data as CSV (what Ctrl+E "
                     "writes) into DIR, exit")
    gui.add_argument("--size", type=_size, default=None, metavar="WxH",
                     help="window size for --screenshot, --export-plots and --record (default 1280x800)")
    gui.add_argument("--record", metavar="FILE", help="train headless-rendered like --screenshot, record the window "
                     "while it trains --steps steps into an animated .gif, .png (APNG), .webp or .mp4, exit")
    gui.add_argument("--record-frames", type=_pos_int, default=None, metavar="N",
                     help="frames of --record, evenly spread over the steps, after the first (default: one per "
                     "step, at most 100), played at 10 per second")
    gui.add_argument("--record-view", metavar="NAME", help="record this view instead of the whole window "
                     "(its tab name, e.g. Inside, Adder, Vectors, or Curves)")
    gui.add_argument("--lesson", metavar="NAME|FILE", help="open a lesson: a built-in one by its number or file "
                     "name (e.g. 1 or 01-why-gradients-vanish), or a lesson file")
    gui.add_argument("--lang", choices=("en", "ja"), default=None,
                     help="the window's language: en (English) or ja (Japanese, 日本語); default: View > "
                          "Language's choice, else the system's")
    gui.add_argument("--worker", choices=("process", "thread"), default="process",
                     help="where training runs: a child process (default; the window keeps a core of its "
                     "own) or a thread of the window's process")
    _add_threads(gui, "training threads (default: the usable cores less one, left to the window; "
                 "the Train menu's Threads changes it)")
    _add_debug(gui)
    parser.epilog = _window_options_help(gui)

    _add_train(sub)

    sample = sub.add_parser("sample", help="generate text from a checkpoint (char, lm)")
    sample.add_argument("--checkpoint", required=True, metavar="CKPT.npz")
    sample.add_argument("--prompt", required=True, help="text to start from")
    sample.add_argument("--length", type=_pos_int, default=200, help="tokens to generate (default 200)")
    sample.add_argument("--temperature", type=_field_type("temperature"), default=None,
                        help="sampling temperature (default: the checkpoint's)")
    sample.add_argument("--top-k", type=_field_type("top_k"), default=None,
                        help="sample from the k most likely tokens, 0 = all (default: the checkpoint's)")
    sample.add_argument("--seed", type=_field_type("seed"), default=0, help="random seed of the sampling")
    sample.add_argument("--data", metavar="PATH", help="where the training data is now, if it moved")
    _add_debug(sample)

    ev = sub.add_parser("eval", help="evaluate a checkpoint on a split")
    ev.add_argument("--checkpoint", required=True, metavar="CKPT.npz")
    ev.add_argument("--data", metavar="PATH", help="where the data is now, if it moved")
    ev.add_argument("--split", choices=("train", "val", "test"), default="val", help="default: val")
    ev.add_argument("--eval-batches", type=_nonneg_int, default=0, metavar="N",
                    help="evaluate on the first N batches (default 0: the whole split)")
    ev.add_argument("--log-json", action="store_true", help="print the metrics as one JSON object")
    _add_threads(ev, "BLAS threads (default: every usable core)")
    _add_debug(ev)

    nb = sub.add_parser("neighbors", help="a word LM checkpoint's nearest words by cosine similarity",
                        description="The words whose embedding vectors point most nearly the same way as "
                        "WORD's (cosine similarity), and with --analogy the words nearest to A - B + C.")
    nb.add_argument("--checkpoint", required=True, metavar="CKPT.npz")
    nb.add_argument("--word", help="the word to find neighbours of")
    nb.add_argument("--analogy", nargs=3, metavar=("A", "B", "C"), help="the words nearest to A - B + C "
                    "(e.g. king man woman; in PTB buy bought sold)")
    nb.add_argument("--top", type=_pos_int, default=10, help="how many words to list (default 10)")
    nb.add_argument("--data", metavar="PATH", help="where the training data is now, if it moved")
    _add_debug(nb)

    desk = sub.add_parser("install-desktop", help="add RNN Lab to this Linux desktop's application menu",
                          description="Write rnn-lab.desktop and the icon into the user's "
                          "$XDG_DATA_HOME (~/.local/share), so the menu and the task bar show RNN Lab.")
    desk.add_argument("--remove", action="store_true", help="remove the entry and the icon again")
    _add_debug(desk)
    return parser


def _add_train(sub) -> None:
    """The ``train`` command: a flag per Config field, plus what only the command line has."""
    train = sub.add_parser("train", help="train without the window",
                           description="Train a model headless. Unset flags take the task's defaults "
                           "(then the preset's).")
    train.add_argument("--task", choices=list(TASKS), help="what to learn (or implied by --preset)")
    train.add_argument("--preset", choices=sorted(PRESETS), help="named settings: "
                       + "; ".join(f"{k}: {v.get('task')} {v.get('model')}" for k, v in sorted(PRESETS.items())))
    train.add_argument("--cell", choices=CELLS, help="recurrent cell (alias of --model): "
                       + "; ".join(f"{c}: {cell_class(c).about}" for c in CELLS))
    for name in FIELDS:
        if name not in SKIP_FIELDS:
            _add_field_flag(train, name)
    train.add_argument("--save", metavar="CKPT.npz", help="save a checkpoint when training ends, and when "
                       "Ctrl+C or SIGTERM stops it (the destination is checked before the first step)")
    train.add_argument("--resume", metavar="CKPT.npz", help="continue the run saved in CKPT exactly (as if it "
                       "had never stopped); saves back to CKPT unless --save names another file. Only live "
                       "settings (--lr, --clip, --iters, --epochs, ...) may change, and --data if it moved")
    train.add_argument("--save-every", metavar="N", type=_every, help="also save during training: every N steps "
                       "(500) or every so long (90s, 30m, 2h); each save replaces the last, atomically")
    train.add_argument("--keep-best", action="store_true", help="write the model with the best validation "
                       "metric beside the checkpoint (CKPT.best.npz), whenever validation finds a better one")
    train.add_argument("--log-csv", metavar="FILE.csv", help="append step,time,metric,value rows (train_loss, "
                       "train_<metric>, grad_norm, lr every step; val_* at each validation); a resumed run "
                       "continues the same file")
    train.add_argument("--log-json", action="store_true", help="one JSON object per line on stdout: "
                       "progress every ~1 s and at each validation (train_loss, train_<metric>, val_*), the "
                       "final metrics last")
    train.add_argument("--quiet", action="store_true", help="no progress bar or notes on stderr")
    _add_threads(train, "BLAS threads of training (default: every usable core: CPU affinity and cgroup quota)")
    _add_debug(train)


def _add_threads(p: argparse.ArgumentParser, help_: str) -> None:
    p.add_argument("--threads", type=_threads_type, default=None, metavar="N", help=help_)


def _threads_type(text: str) -> int:
    value = _pos_int(text)
    if value > MAX_THREADS:
        raise argparse.ArgumentTypeError(f"expected at most {MAX_THREADS} threads, got {value}")
    return value


def apply_threads(requested: int | None, window: bool = False) -> int:
    """Set the BLAS threads of this process (``threads.choose_threads``); returns the count."""
    return set_threads(choose_threads(requested, window=window))


def _add_debug(p: argparse.ArgumentParser) -> None:
    p.add_argument("--debug", action="store_true", help="show the traceback of unexpected errors")


def _add_field_flag(parser: argparse.ArgumentParser, name: str) -> None:
    """One flag per Config field: type, bounds and choices checked by ``config.coerce``."""
    info = field_info(name)
    flags = FLAG_NAMES.get(name, ("--" + name.replace("_", "-"),))
    help_ = info["help"]
    if name == "model":
        info["choices"] = sorted({m for t in TASKS for m in model_names(t)})
        help_ += " (" + "; ".join(f"{t}: {', '.join(model_names(t))}" for t in TASKS) + ")"
    if info["min"] is not None or info["max"] is not None:
        help_ += f" [{info['min']}..{info['max']}]"
    if len(tasks_using(name)) < len(TASKS):
        help_ += f" ({', '.join(tasks_using(name))})"
    if info["type"] == "bool":
        parser.add_argument(*flags, dest=name, action=argparse.BooleanOptionalAction, default=None, help=help_)
        return
    metavar = "{" + ",".join(info["choices"]) + "}" if info["choices"] else METAVARS.get(name, info["type"].upper())
    checked = {"choices": info["choices"]} if name == "model" else {}  # (config.coerce checks the others)
    parser.add_argument(*flags, dest=name, type=_field_type(name), default=None, metavar=metavar, help=help_,
                        **checked)


def _field_type(name: str) -> Callable[[str], Any]:
    def convert(text: str) -> Any:
        try:
            return coerce(name, text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    convert.__name__ = FIELDS[name].type if isinstance(FIELDS[name].type, str) else FIELDS[name].type.__name__
    return convert


def _pos_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, got {value}")
    return value


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a size like 1280x800, got {text!r}") from None
    if not (320 <= w <= 8000 and 240 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"the size must be between 320x240 and 8000x8000, got {text}")
    return w, h


def _nonneg_int(text: str) -> int:
    return 0 if text.strip() == "0" else _pos_int(text)


def _every(text: str) -> tuple[int | None, float | None]:
    try:
        return parse_every(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _window_options_help(gui: argparse.ArgumentParser) -> str:
    """The ``gui`` command's options as a section of the top-level help: ``rnn-lab --screenshot ...``
    is how most people call them, so ``rnn-lab --help`` must show them, not only ``rnn-lab gui --help``."""
    text = gui.format_help()
    body = text[text.index("options:"):].split("\n", 1)[1] if "options:" in text else text
    body = "\n".join(line for line in body.splitlines() if not line.lstrip().startswith("-h, --help"))
    return ("window options (rnn-lab [options], or rnn-lab gui [options]):\n" + body.rstrip()
            + "\n\nheadless: rnn-lab train|sample|eval --help; menu entry: rnn-lab install-desktop")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``argv``; without a command (or with options only) the command is ``gui``."""
    argv = list(argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv = ["gui", *argv]
    return build_parser().parse_args(argv)


# ------------------------------------------------------------------------------------------- main
def main(argv: Sequence[str] | None = None, open_window: OpenWindow | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run one command; return the process exit code. Never lets a traceback reach the user unless
    ``--debug`` asks for it."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    argv = sys.argv[1:] if argv is None else argv
    debug = "--debug" in argv
    try:
        args = parse_args(argv)
        if args.command == "gui":
            resolve_task(args.task, args.preset)  # before the window opens: the flags must agree
            if open_window is None:
                raise CliError("the window is opened by main.py (python main.py gui)")
            return int(open_window(args) or 0)
        commands = {"train": cmd_train, "sample": cmd_sample, "eval": cmd_eval, "neighbors": cmd_neighbors,
                    "install-desktop": cmd_desktop}
        return commands[args.command](args, out, err)
    except UsageError as exc:
        _fail(err, str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=err, flush=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `train --log-json | head -1`: the reader left; nothing more to say
        if out is sys.stdout:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so Python's exit-time flush does not complain
        return EXIT_ERROR
    except UnicodeDecodeError as exc:
        _fail(err, f"the data is not UTF-8 text (byte {exc.start}: {exc.reason}); save it as UTF-8")
        return EXIT_ERROR
    except (CliError, ValueError, OSError) as exc:  # TaskError and CheckpointError are ValueErrors
        _fail(err, _one_line(exc))
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, not a traceback
        if debug:
            raise
        _fail(err, f"unexpected {type(exc).__name__}: {_one_line(exc)} (run with --debug for the traceback)")
        return EXIT_ERROR


def _fail(err: TextIO, message: str) -> None:
    print(f"{PROG}: error: {message}", file=err, flush=True)


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror and exc.filename:
        return f"{exc.filename}: {exc.strerror}"
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


# ------------------------------------------------------------------------------------------- train
def config_from_args(args: argparse.Namespace):
    """The Config the flags describe: the task's defaults, then the preset, then the flags given."""
    overrides = {name: getattr(args, name, None) for name in FIELDS if name not in SKIP_FIELDS}
    overrides = {k: v for k, v in overrides.items() if v is not None}
    if args.cell is not None:
        if "model" in overrides and overrides["model"] != args.cell:
            raise UsageError(f"--cell {args.cell} contradicts --model {overrides['model']}")
        overrides["model"] = args.cell
    task = resolve_task(args.task, args.preset)
    if task is None:
        raise UsageError("say what to train: --task {" + ",".join(TASKS) + "} (or --preset)")
    if overrides.get("data"):
        data = Path(overrides["data"]).expanduser()
        if data.exists():  # absolute, so a checkpoint finds it from any folder; else a name ("addition")
            overrides["data"] = str(data.resolve())
    config = default_config(task, args.preset, **overrides)
    if not config.max_steps and not config.epochs:
        raise UsageError("say how long to train: --iters N or --epochs X")
    ignored = [n for n in overrides if not applies(config, n) and n != "data"]
    return config, ignored


def resolve_task(task: str | None, preset: str | None) -> str | None:
    """The task ``--task`` and ``--preset`` name together (None: neither does); UsageError when the preset
    is for another task (the window and ``train`` refuse the same flags alike)."""
    if preset is not None:
        preset_task = PRESETS[preset].get("task")
        if task is not None and preset_task is not None and task != preset_task:
            raise UsageError(f"preset {preset} is for the {preset_task} task, not {task}")
        task = task or preset_task
    return task


def cmd_train(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if (args.save_every or args.keep_best) and not (args.save or args.resume):
        raise UsageError(f"{'--save-every' if args.save_every else '--keep-best'} needs --save CKPT.npz "
                         "(where to write the checkpoint)")
    save = Path(args.save or args.resume).expanduser() if (args.save or args.resume) else None
    if args.resume:
        if save == Path(args.resume).expanduser() and _is_best_file(read_checkpoint_meta(_existing(args.resume))):
            raise UsageError(f"{args.resume} holds a run's best model (--keep-best); to continue from it, say "
                             "where to save with --save CKPT.npz (so the run's own file is not overwritten)")
    if save is not None:  # fail now, not after an hour of training: the folder, its permissions, what is there
        _check_targets(save, args.keep_best)
    trainer, reporter, note_ignored = _start_run(args, out, err)
    config = trainer.config
    csv_log = None
    if args.log_csv:
        try:
            csv_log = CsvLog(Path(args.log_csv).expanduser(), trainer.task.metric_name,
                             resume_step=trainer.step_count if args.resume else None, note=reporter.note)
        except (ValueError, OSError) as exc:
            reporter.close()
            raise CliError(str(exc)) from None
    callbacks = [reporter] + ([csv_log.on_report] if csv_log else [])
    trainer.callback = lambda report: [cb(report) for cb in callbacks]
    every_steps, every_seconds = args.save_every or (None, None)
    run = LongRun(trainer, save, every_steps, every_seconds, args.keep_best, note=reporter.note,
                  before_save=csv_log.flush if csv_log else (lambda: None))
    if not args.quiet:
        note_ignored()
        if "val" not in trainer.task.splits():
            reporter.note(f"note: the data holds out no validation examples (val_fraction {config.val_fraction:g}"
                          + (" and --keep-best has nothing to compare" if args.keep_best else "")
                          + "): the final metrics are the training batches'")
    try:
        outcome = run.run(max_steps=config.max_steps, epochs=config.epochs)
    finally:
        reporter.close()
        if csv_log:
            csv_log.flush()
    if outcome == DIVERGED:
        raise CliError(reporter.diverged or f"training diverged at step {trainer.step_count + 1}")
    if reporter.error:
        raise CliError(reporter.error)
    if outcome == "interrupted":
        return _interrupted(run, trainer, save, err)
    if save is not None:  # saved before the final evaluation: a Ctrl+C during it loses nothing
        run.save_last()
        if not args.quiet:
            print(f"{PROG}: saved {save} (step {trainer.step_count:,})", file=err)
    if run.saved_best and not args.quiet:
        best = run.saved_best
        print(f"{PROG}: best model: {run.best_path} (step {best['step']:,}, "
              f"val_{trainer.task.metric_name} {best['metric']:.6g})", file=err)
    final = final_metrics(trainer)
    if args.log_json:
        reporter.write_json(final)
    elif not args.quiet:
        print(metrics_line(final), file=out)
    return 0


def _is_best_file(meta: dict[str, Any]) -> bool:
    extra = meta.get("extra")
    return isinstance(extra, dict) and extra.get("model") == "best"


def _check_targets(save: Path, keep_best: bool) -> None:
    """The checkpoint (and best-model) destinations, before the first step: the folder exists and takes
    a new file now, and nothing there but a checkpoint would be replaced."""
    folder = save.resolve().parent
    if not folder.is_dir():
        raise CliError(f"cannot save to {save}: the folder {folder} does not exist")
    check_save_target(save, writable=True)
    if keep_best:
        check_save_target(best_path(save), writable=True)


def _start_run(args: argparse.Namespace, out: TextIO, err: TextIO):
    """(trainer, reporter, note_ignored): a new run from the flags, or the run of ``--resume`` with the
    flags it may change (live settings and the limits) applied; the BLAS threads set."""
    if args.resume:
        trainer = _resumed(args)
        config = trainer.config
        reporter = TrainReporter(trainer.task, config, out, err, log_json=args.log_json, quiet=args.quiet,
                                 start_step=trainer.step_count)
        trainer.callback = reporter

        def note() -> None:
            reporter.note(f"resuming {args.resume} at step {trainer.step_count:,} "
                          f"(epoch {trainer.task.epoch:.2f} of the {config.task} run)")
    else:
        config, ignored = config_from_args(args)
        try:
            task = make_task(config)
        except ValueError:
            if config.data and not Path(config.data).exists():
                raise CliError(f"data path not found: {config.data}") from None
            raise
        reporter = TrainReporter(task, config, out, err, log_json=args.log_json, quiet=args.quiet)
        trainer = Trainer(task, callback=reporter)  # a message after every step; the reporter throttles

        def note() -> None:
            if ignored:
                flags = ", ".join(FLAG_NAMES.get(n, ("--" + n.replace("_", "-"),))[0] for n in ignored)
                reporter.note(f"note: {flags} do(es) not apply to the {config.task} task and are ignored")
            if task.note:
                reporter.note(f"note: {task.note}")
    n_threads = apply_threads(args.threads)
    if not args.quiet:
        print(f"{PROG}: training on {describe_threads(n_threads)}", file=err)
    return trainer, reporter, note


def _resumed(args: argparse.Namespace):
    """The Trainer of the checkpoint ``--resume`` names, with the settings given that may change."""
    if args.preset is not None:
        raise UsageError("--preset describes a new run; --resume continues the run saved in the checkpoint")
    given = {name: getattr(args, name) for name in FIELDS if name not in SKIP_FIELDS and name != "data"
             and getattr(args, name, None) is not None}
    if args.cell is not None:
        given["model"] = args.cell
    data = str(Path(args.data).expanduser().resolve()) if args.data else None
    trainer = load_checkpoint(_existing(args.resume), data=data)
    config = trainer.config
    if args.task is not None and args.task != config.task:
        raise UsageError(f"{args.resume} is a run of the {config.task} task, not {args.task}")
    fixed = [n for n, v in given.items() if not FIELDS[n].metadata["live"] and getattr(config, n) != v]
    if fixed:
        name = fixed[0]
        flag = FLAG_NAMES.get(name, ("--" + name.replace("_", "-"),))[0]
        raise UsageError(f"{flag} cannot change when resuming: the saved model was built with "
                         f"{name} {getattr(config, name)!r} (leave it out, or start a new run)")
    for name, value in given.items():
        if FIELDS[name].metadata["live"]:
            trainer.apply_setting(name, value)
    if trainer.limits_reached():
        raise CliError(f"the run in {args.resume} is already finished ({trainer.step_count:,} steps, "
                       f"{trainer.task.epoch:.2f} epochs): raise --iters or --epochs to train on")
    return trainer


def _interrupted(run, trainer, save: Path | None, err: TextIO) -> int:
    """Ctrl+C or SIGTERM stopped the run between two steps: save the last step, say where, exit 130."""
    why = "interrupted" if run.stopped_by == "SIGINT" else f"stopped by {run.stopped_by}"
    if save is None:
        print(f"{PROG}: {why} at step {trainer.step_count:,}; nothing saved (--save CKPT.npz keeps a run)",
              file=err, flush=True)
        return EXIT_INTERRUPTED
    run.save_last()
    print(f"{PROG}: {why} at step {trainer.step_count:,}; saved {save} "
          f"(continue with: {PROG} train --resume {save})", file=err, flush=True)
    return EXIT_INTERRUPTED


# ------------------------------------------------------------------------------------------- sample, eval
def cmd_sample(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    trainer = load_checkpoint(_existing(args.checkpoint), data=args.data)
    task, cfg = trainer.task, trainer.config
    if not task.has_sampling:
        raise CliError(f"the {task.title} task does not generate text; sample needs a char or lm checkpoint")
    temperature = cfg.temperature if args.temperature is None else args.temperature
    top_k = cfg.top_k if args.top_k is None else args.top_k
    result = task.sample(args.prompt, args.length, temperature, top_k, np.random.default_rng(args.seed))
    if result.get("unknown"):
        unk = result.get("unknown_as")  # a word model reads them as <unk>; a character model skips them
        what = f"read as {unk}" if unk else "left out"
        shown = " ".join(repr(u) if task.name == "char" else u for u in result["unknown"])
        print(f"{PROG}: note: not in the vocabulary, {what}: {shown}", file=err)
    print(result["text"], file=out)
    return 0


def cmd_eval(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    path = _existing(args.checkpoint)
    trainer = load_checkpoint(path, data=args.data)
    apply_threads(args.threads)
    task = trainer.task
    splits = task.splits() + (["train"] if "train" not in task.splits() else [])
    if args.split not in splits:
        raise CliError(f"the {task.title} task has no {args.split} split; choose one of {', '.join(splits)}")
    model = "best" if _is_best_file(read_checkpoint_meta(path)) else "last"
    metrics = {f"{args.split}_{k}": float(v) for k, v in task.evaluate(args.split, args.eval_batches).items()}
    if args.log_json:
        obj = {"split": args.split, "step": trainer.step_count, "model": model, **metrics,
               "eval_batches": args.eval_batches}
        out.write(json.dumps({k: jsonable(v) for k, v in obj.items()}) + "\n")
    else:
        which = ("the best model of its run (--keep-best)" if model == "best" else "the model of its last step")
        print(f"{args.split} split, {which}, step {trainer.step_count:,}: "
              + "  ".join(f"{k} {v:.6g}" for k, v in metrics.items()), file=out)
    return 0


def cmd_neighbors(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if not args.word and not args.analogy:
        raise UsageError("say what to look up: --word WORD and/or --analogy A B C")
    trainer = load_checkpoint(_existing(args.checkpoint), data=args.data)
    task = trainer.task
    try:
        W, tokens, counts = task.word_vectors()
    except ValueError:
        raise CliError(f"the {task.title} task has no word vectors; neighbors needs a word LM checkpoint") from None
    result = vector_answer(W, tokens, counts, {"word": args.word or "", "analogy": args.analogy, "k": args.top,
                                               "map": False})
    if result["unknown"]:
        raise CliError(f"not in the vocabulary of {len(tokens):,} words: {', '.join(result['unknown'])}")
    width = max((len(t) for t, _ in result["nearest"] + result["analogy_result"]), default=4)
    if args.word:
        print(f"nearest to {result['word']!r} by cosine similarity (step {trainer.step_count:,}):", file=out)
        for rank, (token, score) in enumerate(result["nearest"], 1):
            print(f"{rank:3d}  {token:<{width}}  {score:+.3f}", file=out)
    if args.analogy:
        a, b, c = result["analogy"]
        print(f"{a} - {b} + {c} (step {trainer.step_count:,}):", file=out)
        for rank, (token, score) in enumerate(result["analogy_result"], 1):
            print(f"{rank:3d}  {token:<{width}}  {score:+.3f}", file=out)
    return 0


def cmd_desktop(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.remove:
        removed = desktop_entry.remove()
        print("\n".join(f"removed {p}" for p in removed) or "nothing to remove", file=out)
        return 0
    for path in desktop_entry.install():
        print(f"wrote {path}", file=out)
    return 0


def _existing(path: str) -> str:
    p = Path(path).expanduser()
    if not p.exists():
        raise CliError(f"checkpoint not found: {p}")
    return str(p)


def namespace_defaults() -> dict[str, Any]:
    """The attributes ``gui.app.run(args)`` may read, with their defaults (for callers building args)."""
    return {"task": None, "preset": None, "data": None, "checkpoint": None, "screenshot": None, "steps": None,
            "export_plots": None, "size": None, "lesson": None, "worker": "process", "threads": None, "debug": False,
            "command": "gui", "record": None, "record_frames": None, "record_view": None}


__all__ = ["main", "build_parser", "parse_args", "config_from_args", "final_metrics", "CliError", "UsageError",
           "namespace_defaults"]
