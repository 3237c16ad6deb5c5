"""RNN Lab: ``python main.py`` opens the window; ``train``, ``sample``, ``eval`` run headless.

See ``python main.py --help`` and ``engine/cli.py`` (the engine never imports the GUI; the window is
imported here, lazily, only when it is asked for).
"""

from __future__ import annotations

import os
import sys

# One BLAS thread unless the user asks otherwise: the recurrence is a chain of small matrix products,
# for which OpenBLAS's second thread costs more in hand-offs than it gains, and the window's thread
# needs the other core (measured in docs/performance.md). Must be set before NumPy is imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def open_window(args) -> int:
    """Check that Qt can show a window here, then hand over to ``gui.app.run(args)``."""
    from gui.system_check import check_qt_platform

    if args.screenshot and not (os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY")
                                or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    problem = check_qt_platform()
    if problem:
        print(f"rnn-lab: error: {problem}", file=sys.stderr)
        return 1
    try:
        import gui.app
    except ImportError as exc:
        if not (exc.name or "").startswith(("PyQt6", "pyqtgraph")):
            raise
        print(f"rnn-lab: error: the window needs PyQt6 and pyqtgraph ({exc}); "
              "install them with: pip install -e .", file=sys.stderr)
        return 1
    return int(gui.app.run(args) or 0)


def main(argv: list[str] | None = None) -> int:
    from engine.cli import main as cli_main

    return cli_main(argv, open_window=open_window)


if __name__ == "__main__":
    sys.exit(main())
