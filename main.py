"""RNN Lab: ``rnn-lab`` (or ``python -m rnn_lab``, or ``python main.py`` in a checkout) opens the window;
``train``, ``sample`` and ``eval`` run headless.

See ``rnn-lab --help`` and ``engine/cli.py`` (the engine never imports the GUI; the window is imported
here, lazily, only when it is asked for). Installed, this file is the module ``rnn_lab.main``.
"""

from __future__ import annotations

import os
import sys

# Threads are not fixed here: engine/threads.py counts the usable cores and sets the BLAS pool at run
# time (--threads, the window's Train > Threads; headless uses every core, the window leaves one to the
# UI). See docs/performance.md.


def _use_this_checkout() -> None:
    """``python main.py`` in a checkout: import ``rnn_lab`` from this folder, whatever else is installed.

    The repository's root is the package's folder, but its name is not ``rnn_lab``, so without an
    install Python would not find the package; and with another version installed it would find that.
    """
    import importlib.util

    folder = os.path.dirname(os.path.abspath(__file__))
    loaded = sys.modules.get("rnn_lab")
    if loaded is not None and os.path.normcase(os.path.abspath(next(iter(loaded.__path__), ""))) \
            == os.path.normcase(folder):
        return
    spec = importlib.util.spec_from_file_location("rnn_lab", os.path.join(folder, "__init__.py"),
                                                  submodule_search_locations=[folder])
    package = importlib.util.module_from_spec(spec)
    sys.modules["rnn_lab"] = package
    spec.loader.exec_module(package)


if not __package__:  # run as a script (also as multiprocessing's __mp_main__ in a spawned child)
    _use_this_checkout()


def open_window(args) -> int:
    """Check that Qt can show a window here, then hand over to ``rnn_lab.gui.app.run(args)``."""
    from rnn_lab.gui.system_check import check_qt_platform

    headless = args.screenshot or getattr(args, "export_plots", None) or getattr(args, "record", None)
    if headless and not (os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY")
                         or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot or an export needs no screen
    problem = check_qt_platform()
    if problem:
        print(f"rnn-lab: error: {problem}", file=sys.stderr)
        return 1
    try:
        import rnn_lab.gui.app
    except ImportError as exc:
        if not (exc.name or "").startswith(("PyQt6", "pyqtgraph")):
            raise
        print(f"rnn-lab: error: the window needs PyQt6 and pyqtgraph ({exc}); "
              "install them with: pip install rnn-lab (or pip install PyQt6 pyqtgraph)", file=sys.stderr)
        return 1
    return int(rnn_lab.gui.app.run(args) or 0)


def main(argv: list[str] | None = None) -> int:
    from rnn_lab.engine.cli import main as cli_main

    return cli_main(argv, open_window=open_window)


if __name__ == "__main__":
    sys.exit(main())
