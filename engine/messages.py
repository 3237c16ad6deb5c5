"""Everything that passes between a run and its front end (the window, over a pipe), typed in one place.

Messages are plain dicts (NumPy arrays for data), so they cross a process boundary and a panel reads
them without importing anything; each kind is described here by a ``TypedDict`` and made by the
function of its name, so the keys are spelled once. ``check(msg)`` says what is wrong with a message
(the tests run it on everything a real run sends).

Run -> front end (``kind``):
    progress      a snapshot of the run (throttled by ``live.LiveRun``; the trainer makes one per step)
    event         something to tell the user: level "info", "error" or "diverged"
    hparam        a live setting changed (by the user or the lr schedule)
    sample eval vectors   answers to the commands of the same name
    saved         a checkpoint was written
    building built loaded build_failed       a new run is being set up (``host.TrainerHost``)

(No ``from __future__ import annotations`` here: TypedDict must see ``NotRequired`` as it is.)

Front end -> run: ``COMMANDS`` (tuples ``(name, *args)``). The display settings travel as one
``Display``: the window keeps it, the host and the live run use the copy it last sent.
"""

from dataclasses import dataclass
from typing import Any, NotRequired, TypedDict

import numpy as np

from .i18n import Sentence, sentence_of

# name -> the arguments after it (what ``TrainerHost.command`` takes)
COMMANDS: dict[str, tuple[str, ...]] = {
    "build": ("config",), "load": ("path", "data"), "play": (), "pause": (), "step": ("n",),
    "set": ("name", "value"), "display": ("display",), "sample": ("prompt", "length", "tag"),
    "eval": ("split",), "save": ("path", "extra"), "threads": ("n",), "vectors": ("query",),
}


@dataclass(frozen=True)
class Display:
    """What the window currently shows, and so what the run must compute for it (nothing when off).

    ``speed``: steps per second at most (0 = full speed); ``trace``: the display example whose
    hidden states, gates and gradients reports carry (None = no traces); ``example``: the task's own
    picture of an example (None = none); ``weights``: the recurrent matrices and their spectral radii;
    ``pause_at``: step counts at which a running run pauses (an open lesson's; also for later runs);
    ``equations``: traces also carry every number of the cells' equations (the Equations view).
    """

    speed: float = 0.0
    trace: int | None = None
    example: int | None = None
    weights: bool = False
    pause_at: tuple[int, ...] = ()  # a lesson's step counts: a running run pauses on reaching each
    equations: bool = False


class Progress(TypedDict):
    kind: str  # "progress"
    state: str  # "running", "paused", "diverged", "finished", "stopped"
    step: int
    epoch: float
    elapsed_s: float  # training time, pauses excluded
    tokens_per_s: float
    lr: float
    metric_name: str  # "perplexity" or "accuracy": its value is under that key (and "loss", "grad_norm")
    points: dict[str, np.ndarray]  # every step since the last report: step, time, loss, metric, grad_norm, lr
    val: list[dict[str, Any]]  # validation points since the last report: {"step", "split", "loss", metric...}
    trace: dict[str, Any] | None  # Task.trace() of Display.trace, when due
    example: dict[str, Any] | None  # Task.display_example() of Display.example, when due
    weights: NotRequired[dict[str, dict[str, Any]]]  # {layer: {"Wh", "blocks", "radius"}}, when due
    # {layer: radius, or {gate: radius}} about once a second whatever is on screen (a series without gaps)
    radius: NotRequired[dict[str, Any]]


class Event(TypedDict):
    kind: str  # "event"
    level: str  # "info", "error", "diverged"
    message: str  # in English (what a log or the command line shows)
    sentence: NotRequired[dict[str, Any]]  # the same as ``i18n.Sentence.to_dict()``: the window translates it
    step: NotRequired[int]
    state: NotRequired[str]
    traceback: NotRequired[str]
    restored_step: NotRequired[int]
    solved: NotRequired[bool]  # the run paused itself because the task is solved (config.pause_when_solved)
    lesson_pause: NotRequired[bool]  # the run paused at one of Display.pause_at


class Hparam(TypedDict):
    kind: str  # "hparam"
    step: int
    name: str
    old: Any
    new: Any
    source: str  # "user" or "schedule"


class Sample(TypedDict):
    kind: str  # "sample"
    step: int
    prompt_tokens: list[str]
    unknown: list[str]
    unknown_as: str | None  # what the model read the unknown pieces as (a word model: <unk>), or None: left out
    tokens: list[str]
    probs: list[float]
    top: list[tuple[str, float]]
    text: str
    tag: NotRequired[str]  # which panel asked


class Eval(TypedDict):  # besides these, every metric of the split: "loss", "perplexity", ...
    kind: str  # "eval"
    split: str
    step: int


class Vectors(TypedDict):  # the answer to a "vectors" command: engine.vectors.answer's keys too
    kind: str  # "vectors"
    step: int
    word: str
    nearest: list[tuple[str, float]]
    analogy: list[str] | None
    analogy_result: list[tuple[str, float]]
    unknown: list[str]
    map: dict[str, Any] | None
    query: dict[str, Any]  # what was asked


class Saved(TypedDict):
    kind: str  # "saved"
    path: str
    step: int


class Building(TypedDict):
    kind: str  # "building"
    what: str  # "Building model" or "Loading checkpoint" (marked for the catalogue)
    config: dict[str, Any] | None


class Built(TypedDict):
    kind: str  # "built"
    info: dict[str, Any]  # host.task_info


class Loaded(TypedDict):
    kind: str  # "loaded"
    info: dict[str, Any]
    path: str
    step: int
    curves: dict[str, np.ndarray]
    val_points: list[dict[str, Any]]
    changes: list[dict[str, Any]]


class BuildFailed(TypedDict):
    kind: str  # "build_failed"
    message: str
    sentence: NotRequired[dict[str, Any]]


KINDS: dict[str, type] = {"progress": Progress, "event": Event, "hparam": Hparam, "sample": Sample, "eval": Eval,
                          "vectors": Vectors,
                          "saved": Saved, "building": Building, "built": Built, "loaded": Loaded,
                          "build_failed": BuildFailed}
OPEN_KINDS = {"progress", "eval"}  # they also carry the task's metrics, under the metrics' names


def event(level: str, message: str | Sentence | BaseException, **extra: Any) -> Event:
    """An event; a Sentence (or an error that carries one) also travels as data the window translates."""
    sentence = sentence_of(message)
    return Event(kind="event", level=level, message=str(sentence), sentence=sentence.to_dict(), **extra)


def hparam(step: int, name: str, old: Any, new: Any, source: str = "user") -> Hparam:
    return Hparam(kind="hparam", step=step, name=name, old=old, new=new, source=source)


def saved(path: str, step: int) -> Saved:
    return Saved(kind="saved", path=str(path), step=int(step))


def building(what: str, config: dict[str, Any] | None) -> Building:
    return Building(kind="building", what=what, config=config)


def build_failed(message: str | Sentence | BaseException) -> BuildFailed:
    sentence = sentence_of(message)
    return BuildFailed(kind="build_failed", message=str(sentence) or type(message).__name__,
                       sentence=sentence.to_dict())


def check(msg: dict[str, Any]) -> list[str]:
    """What is wrong with ``msg`` by its kind's TypedDict: missing keys, and unknown ones (for kinds
    that carry no metrics). An empty list: nothing."""
    kind = msg.get("kind")
    if kind not in KINDS:
        return [f"unknown kind {kind!r}"]
    spec = KINDS[kind]
    problems = [f"{kind}: missing {k!r}" for k in sorted(spec.__required_keys__) if k not in msg]
    if kind not in OPEN_KINDS:
        known = spec.__required_keys__ | spec.__optional_keys__
        problems += [f"{kind}: unknown {k!r}" for k in sorted(set(msg) - known)]
    return problems
