"""Lesson mode of the main window: open a lesson (build its run, show only its panels, hide or lock
its controls, show its text in the "Lesson" dock), leave it (everything back as it was, the model
stays), and save the window's current set-up as a lesson file.

Lesson panel ids ("curves", "activations", "sampling", ...; see ``engine.lessons.PANELS``) map to the
window's dock panels through a panel's ``lesson_ids`` attribute or its class name (``PANEL_IDS``): a
panel is shown when the lesson lists any of its ids (the gradient-flow plot is part of "Inside the
network"; the unit-coloured text goes with the activations, the sample timeline with sampling); the
first id is what a saved lesson lists. Ids of panels this window doesn't have are ignored. The
training curves (centre), the task, the hyperparameter and the runs panels are always shown.
"""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import QCoreApplication, Qt
from PyQt6.QtWidgets import QDockWidget

from rnn_lab.engine.lessons import PANELS as LESSON_PANELS
from rnn_lab.engine.lessons import Lesson, load_lesson, save_lesson

from .i18n import current_language, message_text, sentence_text
from .panels.lesson import LessonPanel

LESSON_SHARE, LESSON_MIN_HEIGHT = 0.25, 150  # the lesson text's part of the window's height, and its least

PANEL_IDS = {"ActivationsPanel": ("activations", "gradient_flow"), "SamplingPanel": ("sampling",),
             "AdderPanel": ("adder",), "Seq2seqPanel": ("seq2seq",), "SaturationPanel": ("saturation",),
             "WeightsPanel": ("weights",), "CurvesPanel": ("curves",),
             "UnitTextPanel": (None, "activations"), "SampleTimelinePanel": (None, "sampling")}


def panel_ids(panel) -> tuple:
    """The lesson ids that show ``panel`` (empty: a panel lessons don't choose, always shown); the
    first is the one a saved lesson lists (None: it is not listed itself)."""
    ids = tuple(getattr(panel, "lesson_ids", None) or PANEL_IDS.get(type(panel).__name__, ()))
    return ids if any(i in LESSON_PANELS for i in ids) else ()


def panel_id(panel) -> str | None:
    """The lesson id a saved lesson lists for ``panel`` (None: none)."""
    ids = panel_ids(panel)
    return ids[0] if ids and ids[0] in LESSON_PANELS else None


class LessonMode:
    """Create it before the window's other right-hand docks: its dock then sits above them."""

    def __init__(self, window) -> None:
        self.window = window
        self.lesson: Lesson | None = None
        self.path: Path | None = None
        self._closed: set[str] = set()  # docks the user had closed before the lesson (stay closed after it)
        self.panel = LessonPanel()
        self.dock = QDockWidget(QCoreApplication.translate("Panel", "Lesson"), window)
        self.dock.setObjectName("dock_LessonPanel")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.panel.leaveRequested.connect(self.leave)

    @property
    def active(self) -> bool:
        return self.lesson is not None

    # ------------------------------------------------------------------ opening and leaving
    def open_path(self, path: str | Path) -> bool:
        """Load the lesson at ``path`` and open it; a bad file is reported in the banner."""
        try:
            lesson = load_lesson(path)
        except ValueError as exc:
            self.window.banner.show_message("error", QCoreApplication.translate(
                "LessonMode", "Could not open the lesson: {error}").format(
                    error=sentence_text(getattr(exc, "sentence", str(exc)))))
            return False
        if self.open(lesson):
            self.path = Path(path)
            return True
        return False

    def open(self, lesson: Lesson) -> bool:
        """Build the lesson's run (asking first if a trained model would be lost) and apply it."""
        w = self.window
        if not w.confirm_discard(QCoreApplication.translate("LessonMode", "Opening a lesson starts a fresh model.")):
            return False
        if self.lesson is None:  # closed by the user, not hidden because they don't apply to the task
            self._closed = {d.objectName() for d in w.docks.values()
                            if d.isHidden() and d.objectName() not in w.auto_hidden}
        self.lesson = lesson
        w.hyper.set_restrictions(lesson.hidden, lesson.locked)
        w.task_panel.set_restrictions(lesson.hidden, lesson.locked)
        self.panel.show_lesson(lesson)
        self.dock.setWindowTitle(QCoreApplication.translate("LessonMode", "Lesson — {title}").format(
            title=lesson.title_in(current_language())))
        self.dock.show()
        self._building = True  # (set first: a synchronous controller answers within build())
        w.controller.pause_at(lesson.pause_at)  # training stops where the text asks the learner to look
        w.controller.build(lesson.to_config())
        self.apply_panels()
        return True

    def build_answered(self, msg: dict) -> None:
        """The window's controller answered a build ("built" or "build_failed"): a lesson whose own run
        could not be built is left (its text and restrictions would describe a run that is not there)."""
        if not getattr(self, "_building", False):
            return
        self._building = False
        if msg.get("kind") == "build_failed" and self.lesson is not None:
            title = self.lesson.title
            self.leave()
            self.window.banner.show_message("error", QCoreApplication.translate(
                "LessonMode", "Could not open the lesson “{title}”: its run could not be built: {error}").format(
                title=title, error=message_text(msg)))

    def apply_panels(self) -> None:
        """Show only the lesson's panels (called again after each build: a task switch re-shows)."""
        if self.lesson is None:
            return
        w, wanted = self.window, self.lesson.panels
        task = w.info["task"] if w.info else self.lesson.task
        first = None
        for p, dock in w.docks.items():
            ids = [i for i in panel_ids(p) if i in wanted]
            if not panel_ids(p):
                continue
            show = bool(ids) and task in p.tasks
            dock.setVisible(show)
            rank = wanted.index(ids[0]) if show else len(wanted)
            if show and (first is None or rank < first[0]):
                first = (rank, dock)
        if first is not None:
            first[1].raise_()
        self._place_dock(first[1] if first else None)

    def _place_dock(self, view: QDockWidget | None) -> None:
        """Show the lesson's text above the views (the dock was added to the right area before them, so
        it sits above their tabs), with at most a quarter of the window's height: the view under it keeps
        the rest (the views also have minimum sizes, so a long text scrolls instead of squeezing them)."""
        w = self.window
        self.dock.show()
        if view is not None and not self.dock.isFloating():
            text = max(LESSON_MIN_HEIGHT, int(w.height() * LESSON_SHARE))
            w.resizeDocks([self.dock, view], [text, max(1, w.height() - text)], Qt.Orientation.Vertical)

    def leave(self) -> None:
        """Everything back as before the lesson; the model and its training stay."""
        if self.lesson is None:
            return
        w = self.window
        self.lesson, self.path = None, None
        w.controller.pause_at([])
        w.hyper.set_restrictions()
        w.task_panel.set_restrictions()
        self.panel.show_lesson(None)
        self.dock.hide()
        # Every panel of the task on screen again, but those the user had closed before the lesson.
        task = w.info["task"] if w.info else None
        for p, dock in w.docks.items():
            name = dock.objectName()
            if task is not None and task in p.tasks:
                dock.setVisible(name not in self._closed)
                w.auto_hidden.discard(name)
            elif not dock.isHidden():
                dock.hide()
                w.auto_hidden.add(name)
        if task is not None:
            w.show_panels_for(task)

    # ------------------------------------------------------------------ saving
    def shown_panels(self) -> list[str]:
        """Lesson ids of the panels shown now ("curves" first: it is always there)."""
        w = self.window
        ids = ["curves"]
        for p, dock in w.docks.items():
            pid = panel_id(p)
            if pid and pid not in ids and not dock.isHidden() and (w.info is None or w.info["task"] in p.tasks):
                ids.append(pid)
        return ids

    def make_lesson(self, title: str, text: str, hidden=(), locked=(), lang: str | None = None) -> Lesson:
        """The current task, settings, seed, data and shown panels as a lesson whose title and text in
        ``lang`` (default: the window's language) are ``title`` and ``text``; the open lesson's texts in
        other languages are kept."""
        lang = lang or current_language()
        config = self.window.hyper.current_config()
        hint = self.lesson.steps_hint if self.lesson else None
        pauses = self.lesson.pause_at if self.lesson else []
        titles = dict(self.lesson.titles) if self.lesson else {}
        texts = dict(self.lesson.texts) if self.lesson else {}
        titles[lang], texts[lang] = title, text
        return Lesson.from_config(config, title=titles, text=texts, panels=self.shown_panels(),
                                  hidden=list(hidden), locked=list(locked), steps_hint=hint, pause_at=pauses)

    def save(self, path: str | Path, title: str, text: str, hidden=(), locked=(), lang: str | None = None) -> Path:
        return save_lesson(path, self.make_lesson(title, text, hidden, locked, lang))
