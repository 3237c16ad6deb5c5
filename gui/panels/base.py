"""What every panel of the window shares: how it hears about the run and how it asks for things.

A panel is a QWidget shown in a dock of the main window. It never touches the engine: the main
window forwards it the plain-data reports of the trainer (see ``engine/trainer.py``), and the panel
asks for things by emitting ``request(name, payload)``, which the main window passes to the
controller (e.g. ``("sample", {"prompt": "the", "length": 40})``, ``("set", {"name": "temperature",
"value": 0.8})``, ``("trace_index", {"index": 3})``).
"""

from __future__ import annotations

from typing import Any

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, pyqtSignal
from PyQt6.QtWidgets import QWidget

from rnn_lab.engine.tasks.registry import TASKS

SAMPLING_TASKS = tuple(name for name, cls in TASKS.items() if cls.has_sampling)  # the language models


# Layer names a trace may carry that are words, not identifiers ("lstm0" stays as it is)
LAYER_WORDS = {"encoder": QT_TRANSLATE_NOOP("Layers", "encoder"), "decoder": QT_TRANSLATE_NOOP("Layers", "decoder")}


def layer_label(name: str) -> str:
    """How the window names a recurrent layer of a trace: "lstm0", or "encoder" in the window's language."""
    return QCoreApplication.translate("Layers", LAYER_WORDS[name]) if name in LAYER_WORDS else name


def symbol(key: str) -> str:
    """How the window writes a gate or array name: h_tilde is h̃."""
    return key[:-len("_tilde")] + "\u0303" if key.endswith("_tilde") else key


class Panel(QWidget):
    """Base class of all dock panels.

    Class attributes:
      title       the view's title (its title bar, the guide), marked ``QT_TRANSLATE_NOOP("Panel", ...)``:
                  ``display_title()`` is it in the window's language
      tab_title   a short name for its tab and the View menu (default: the title); six tabs share the
                  right column and must all fit at 1280x800 (in every language)
      tasks       the task names the panel applies to (hidden for the others)
      uses_trace  True if the panel draws ``report["trace"]`` (traces are only recorded while such a
                  panel is visible: they cost a forward+backward pass)
      uses_example True if it draws ``report["example"]`` (the task's display example)
      uses_weights True if it draws ``report["weights"]`` (Wh and its spectral radii, once a second)
      first_view  False if it should not be the view in front on a task's first build even when it is
                  the most specific one (the word LM shows its samples first, its word vectors on request)
    """

    title = "Panel"
    tab_title = ""
    tasks: tuple[str, ...] = tuple(TASKS)  # the tasks it is shown for: all of them, unless it says otherwise
    uses_trace = False
    uses_example = False
    uses_weights = False
    first_view = True

    request = pyqtSignal(str, object)  # (command name, payload dict) for the controller

    def display_title(self) -> str:
        """The title in the window's language."""
        return QCoreApplication.translate("Panel", self.title)

    def display_tab_title(self) -> str:
        """The tab's name in the window's language."""
        return QCoreApplication.translate("Panel", self.tab_title or self.title)

    def set_task(self, info: dict[str, Any]) -> None:
        """A new task was built (or loaded). ``info`` (``engine.host.task_info``): {"task", "title",
        "metric_name", "model", "cell" (a name of the cell registry), "unit" ("character", "word" or None),
        "hidden", "layers", "has_sampling", "config": dict, "description": str}. Clear old drawings."""

    def on_progress(self, report: dict[str, Any]) -> None:
        """A throttled progress report of the trainer (``kind == "progress"``)."""

    def on_message(self, msg: dict[str, Any]) -> None:
        """Any other message of the trainer: "sample", "eval", "hparam", "event", "saved"."""

    def export_targets(self) -> list[tuple[str, Any]]:
        """``(label, item)`` pairs that File > Export can write: a pyqtgraph PlotItem (PNG, SVG, CSV),
        a GraphicsLayout/scene or an ImageItem's view (PNG, SVG), or a QWidget (PNG via grab())."""
        return []
