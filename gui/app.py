"""Start the window: ``run(args) -> exit code``, called by ``main.py`` with the parsed ``gui`` arguments
(``task``, ``preset``, ``data``, ``checkpoint``, ``screenshot``, ``steps``, ``lang``; any may be None).

Sets up, once: the QApplication (``pg.mkQApp``), pyqtgraph's global options (row-major images,
antialiasing), the language (``gui/i18n.py``: ``--lang``, else View > Language's choice, else the
system's; a screenshot has fresh settings, so it follows ``--lang`` or the system), the theme, a log file in the user's data folder, an exception hook that logs an
unexpected error and shows it instead of letting PyQt abort the process, and the autosave
(``gui/autosave.py``: offered for restoring at start, written every few minutes and on close).

``--screenshot OUT.png [--steps N] [--size WxH] [--lesson NAME]`` builds the window offscreen at
1280x800 (or WxH), opens the lesson if one is named, trains N steps synchronously, grabs the whole
window to OUT.png and exits (0 when the picture was written). ``--export-plots DIR`` does the same,
then writes every plot of the task's views to DIR as Ctrl+E does (``gui/export_all.py``).

Qt and the window's modules are imported inside the functions, on purpose: ``run`` must choose the
Qt platform (offscreen for a screenshot) before anything imports Qt.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import signal
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from typing import Any

SCREENSHOT_SIZE = (1280, 800)
log = logging.getLogger("rnnlab")


def run(args: Any) -> int:
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PyQt6")
    screenshot = getattr(args, "screenshot", None) or getattr(args, "export_plots", None) \
        or getattr(args, "record", None)
    import PyQt6.QtWidgets  # noqa: F401  (PyQt6 before pyqtgraph: pyqtgraph binds to it)

    if screenshot and PyQt6.QtWidgets.QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture of known size, whatever the screen
    import pyqtgraph as pg

    from . import fonts, i18n, paths, theme
    from .controller import Controller
    from .main_window import MainWindow

    # Hand the GIL over more often than every 5 ms: with --worker thread the training loop shares it,
    # and even with a child process the reader thread that forwards its reports does.
    sys.setswitchinterval(0.002)
    app = pg.mkQApp(paths.APP_NAME)
    paths.name_application(app)
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
    log_path = setup_logging()
    errors = install_excepthook(log_path, interactive=not screenshot)

    settings = window_settings(bool(screenshot))
    language = i18n.choose_language(getattr(args, "lang", None), settings)
    i18n.install(app, language)
    if language == "ja":  # kanji in their Japanese shapes, not those of a Chinese font found first
        fonts.prefer_japanese_glyphs(app)
    theme_name = str(settings.value("theme", "light"))
    theme_name = theme_name if theme_name in theme.THEMES else "light"
    theme.apply_theme(app, theme_name)
    # Training in a child process: the window's thread then shares no interpreter lock with it.
    controller = Controller(process=getattr(args, "worker", "process") != "thread")
    window = MainWindow(controller, settings, theme_name)
    try:
        config = initial_config(args, window)
    except ValueError as exc:
        print(f"rnn-lab: error: {exc}", file=sys.stderr)
        return 2
    if getattr(args, "threads", None):  # --threads N: this session only (the menu's choice stays saved)
        from . import threads_menu

        threads_menu.choose(window, int(args.threads), save=False)
    window.show_panels_for(config.task)  # before showing: hidden docks don't stretch the window
    if screenshot:
        code = take_screenshot(app, window, controller, config, args)
        return 1 if errors else code

    return serve(app, window, controller, config, args)


def window_settings(screenshot: bool):
    """The QSettings the window uses: the user's (moved from an older version's place once), or for a
    screenshot fresh ones, never the user's saved layout: the same picture on every machine."""
    from PyQt6.QtCore import QSettings

    from . import paths

    if screenshot:
        return QSettings(str(Path(tempfile.mkdtemp(prefix="rnnlab-")) / "settings.ini"), QSettings.Format.IniFormat)
    settings = paths.user_settings()
    for what in paths.migrate_old_locations(settings):
        log.info("moved %s (an older version's location)", what)
    return settings


def serve(app, window, controller, config, args) -> int:
    """The interactive window: training off the GUI thread, the autosave, Ctrl+C; returns the exit code."""
    from PyQt6.QtCore import QTimer

    from .autosave import Autosave

    signal.signal(signal.SIGINT, lambda *_: window.close())  # Ctrl+C in the terminal closes the window
    tick = QTimer()
    tick.timeout.connect(lambda: None)  # lets Python see the signal while Qt's loop runs
    tick.start(250)
    controller.start()
    autosave = Autosave(window, controller)  # saves every few minutes and on close
    if getattr(args, "checkpoint", None):
        controller.load(args.checkpoint, data=getattr(args, "data", None))
    elif getattr(args, "lesson", None):
        try:
            path = lesson_path(args.lesson)
        except ValueError as exc:
            print(f"rnn-lab: error: {exc}", file=sys.stderr)
            return 2
        controller.build(config)  # under the lesson's run, if its file turns out to be broken
        window.lessons.open_path(path)
    else:
        restore = autosave.offer_restore()
        if restore:
            autosave.restore()  # (an autosave that fails to load is moved aside, with a message)
        else:
            if restore is False:  # "Start fresh": not the last session's task and settings either
                window.task_configs.clear()
                config = initial_config(args, window, fresh=True)
                window.show_panels_for(config.task)
            controller.build(config)
    window.show()
    code = app.exec()
    controller.close()
    return int(code)


def initial_config(args: Any, window, fresh: bool = False) -> Any:
    """The run to start with: the task/preset/data asked for, else the task and settings of last time
    (``fresh``: the adder, with its defaults)."""
    from rnn_lab.engine.tasks.registry import PRESETS, TASKS

    from .i18n import default_config

    task, preset, data = (getattr(args, k, None) for k in ("task", "preset", "data"))
    if preset:
        task = task or PRESETS[preset].get("task")
        return default_config(task, preset, data=data)
    if task is None:
        task = "adder" if fresh else str(window.settings.value("task", "adder"))
        if task not in TASKS:
            task = "adder"
    config = window.config_for(task) if not getattr(args, "task", None) else default_config(task)
    return config.replace(data=data) if data else config


def lesson_path(name: str) -> Path:
    """A built-in lesson by its number ("1") or file name ("01-why-gradients-vanish"), or a lesson file."""
    from rnn_lab.engine.lessons import builtin_lessons

    for p in builtin_lessons():
        if name in (p.name, p.stem) or name.isdigit() and p.name.startswith(f"{int(name):02d}-"):
            return p
    path = Path(name).expanduser()
    if path.is_file():
        return path
    known = ", ".join(p.stem for p in builtin_lessons())
    raise ValueError(f"no lesson {name!r}: give a lesson file, or one of {known}")


def take_screenshot(app, window, controller, config, args) -> int:
    from PyQt6.QtTest import QTest

    from .export import grab_window

    window.resize(*(getattr(args, "size", None) or SCREENSHOT_SIZE))
    window.show()
    lesson = getattr(args, "lesson", None)
    if getattr(args, "checkpoint", None):
        controller.load(args.checkpoint, data=getattr(args, "data", None))
    elif lesson:
        try:
            path = lesson_path(lesson)
        except ValueError as exc:
            print(f"rnn-lab: error: {exc}", file=sys.stderr)
            return 2
        if not window.lessons.open_path(path):
            print(f"rnn-lab: error: {window.banner.label.text()}", file=sys.stderr)
            return 1
    else:
        controller.build(config)
    if window.info is None:
        print(f"rnn-lab: error: {window.start_error or 'the model could not be built; see the log'}",
              file=sys.stderr)
        return 1
    QTest.qWait(100)  # docks become visible: the panels that draw traces ask for them
    if getattr(args, "record", None):
        code = record_offscreen(app, window, controller, args)
        controller.close()
        window.close()
        return code
    export_dir = getattr(args, "export_plots", None)
    if export_dir:  # every view will be drawn, not only the tabs in front: each asks for its data
        controller.set_trace(0)
        controller.set_example(0)
        controller.set_weights(True)
    controller.run_steps(int(getattr(args, "steps", None) or 0))
    QTest.qWait(300)  # panels draw on their timers
    for p in window.panels:
        redraw = getattr(p, "redraw", None)
        if callable(redraw):
            redraw()
    app.processEvents()
    if args.screenshot:
        path = grab_window(window, args.screenshot)
        print(f"rnn-lab: wrote {path} (step {window.step:,}, {window.state})")
    if export_dir:
        from .export_all import export_all_plots

        written = export_all_plots(window, Path(export_dir))
        print(f"rnn-lab: wrote {len(written)} files to {export_dir} (step {window.step:,})")
    controller.close()
    window.close()
    if window.start_error:  # the picture shows the error banner; the exit code says it too
        print(f"rnn-lab: error: {window.start_error}", file=sys.stderr)
        return 1
    return 0


def record_offscreen(app, window, controller, args) -> int:
    """``--record FILE --steps N``: a frame of the window (or ``--record-view``) before training and after
    each of F equal shares of the N steps (F: ``--record-frames``, default min(N, 100)), 10 frames a
    second. Prints what it wrote; returns the exit code."""
    from PyQt6.QtTest import QTest

    from .recorder import describe
    from .recording import FPS

    target = window
    view = getattr(args, "record_view", None)
    if view:
        wanted = view.strip().lower()
        names = {p: {p.title.lower(), (p.tab_title or p.title).lower(), type(p).__name__.lower()} for p in window.panels}
        found = [p for p, n in names.items() if wanted in n or (wanted == "curves" and p is window.curves)]
        if not found:
            known = ", ".join(sorted({p.tab_title or p.title for p in window.active}))
            print(f"rnn-lab: error: no view {view!r} for this task; choose one of {known}", file=sys.stderr)
            return 2
        target = found[0]
        if target is not window.curves:
            window.docks[target].show()
            window.docks[target].raise_()
        QTest.qWait(50)
    steps = int(getattr(args, "steps", None) or 0)
    frames = int(getattr(args, "record_frames", None) or min(max(steps, 1), 100))
    try:
        window.recorder.start(target, args.record, timed=False)
    except (ValueError, OSError) as exc:
        print(f"rnn-lab: error: {exc}", file=sys.stderr)
        return 2

    def frame(k: int) -> None:
        QTest.qWait(20)
        for p in window.panels:
            redraw = getattr(p, "redraw", None)
            if callable(redraw):
                redraw()
        app.processEvents()
        window.recorder.capture(t=k / FPS, wait=True)

    frame(0)
    done = 0
    for k in range(1, frames + 1):
        goal = round(k * steps / frames)
        controller.run_steps(goal - done)
        done = goal
        frame(k)
    window.recorder.stop(end=(frames + 1) / FPS)
    result = window.recorder.wait(600)
    if result is None or result.error:
        print(f"rnn-lab: error: the recording could not be written: {result.error if result else 'timeout'}",
              file=sys.stderr)
        return 1
    print(f"rnn-lab: {describe(result)} (step {window.step:,}, {result.captured} frames captured)")
    return 0


def setup_logging() -> Path:
    """Log warnings and errors to ``rnn-lab.log`` in the user's state folder (or a temp folder)."""
    from . import paths

    for folder in (paths.state_folder(), Path(tempfile.gettempdir()) / paths.APP_ID):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "rnn-lab.log"
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2,
                                                           encoding="utf-8")
            break
        except OSError:
            continue
    else:
        return Path(os.devnull)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in log.handlers):
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def install_excepthook(log_path: Path, interactive: bool = True) -> list[str]:
    """Uncaught exceptions (e.g. in a slot, where PyQt6 would abort) are logged and shown; the window
    keeps running. Returns the list the hook appends each error's text to."""
    showing = threading.Event()
    errors: list[str] = []

    def hook(etype, value, tb) -> None:
        text = "".join(traceback.format_exception(etype, value, tb))
        errors.append(text)
        log.error("uncaught exception\n%s", text)
        print(text, file=sys.__stderr__)
        from PyQt6.QtCore import QCoreApplication, Qt
        from PyQt6.QtWidgets import QApplication, QMessageBox

        if issubclass(etype, KeyboardInterrupt):
            QApplication.quit()
            return
        if not interactive or QApplication.instance() is None or showing.is_set() \
                or threading.current_thread() is not threading.main_thread():
            return
        showing.set()
        try:
            box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "RNN Lab: unexpected error"),
                              QCoreApplication.translate("App", "{error}\n\nThe window keeps running. The details were written to "
                                        "{log}.").format(error=f"{etype.__name__}: {value}", log=log_path))
            box.setTextFormat(Qt.TextFormat.PlainText)  # an error's text may name a file: text, never markup
            box.setDetailedText(text)
            box.exec()
        finally:
            showing.clear()

    sys.excepthook = hook
    return errors
