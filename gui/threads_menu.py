"""Train > Threads: how many cores training uses while the window is open.

"Automatic" (the default) is every usable core but one (``engine.threads.default_threads(window=True)``,
affinity and cgroup quota counted): the window's own thread keeps a core, so drawing never waits for
training (docs/performance.md measures what that costs). A number is the user's choice, kept in the
settings (``threads``; 0 = automatic). ``rnn-lab --threads N`` picks N for this session without
saving it; so does a thread count in the environment (OPENBLAS_NUM_THREADS) while the choice is
automatic. A change applies from the next training step on.
"""

from __future__ import annotations

from PyQt6.QtCore import QCoreApplication
from PyQt6.QtGui import QAction, QActionGroup

from rnn_lab.engine.threads import choose_threads, default_threads, usable_cores

SETTING = "threads"


def choices(cores: int) -> list[int]:
    """Counts offered in the menu: 1, 2, 4, 8, ... up to the usable cores, and the cores themselves."""
    counts = {n for n in (1, 2, 4, 8, 16, 32, 64, 128) if n <= cores} | {cores, max(1, cores - 1)}
    return sorted(counts)


def resolve(choice: int) -> int:
    """Threads for a menu choice (0 = automatic)."""
    return choose_threads(choice or None, window=True)


def install(window, menu) -> None:
    """Add the Threads submenu to ``menu`` and apply the saved choice (or ``window``'s override)."""
    cores = usable_cores()
    sub = menu.addMenu(QCoreApplication.translate("Threads", "&Threads"))
    sub.setToolTipsVisible(True)
    group = QActionGroup(sub)
    group.setExclusive(True)
    window.thread_actions = {}
    auto_n = default_threads(window=True, cores=cores)
    auto = QAction(QCoreApplication.translate("Threads", "Automatic (%n: every core but one, left to the window)", None,
                                              auto_n), sub)
    items = [(0, auto)] + [(n, QAction(QCoreApplication.translate("Threads", "%n thread(s) (all cores)", None, n) if n == cores
                                       else QCoreApplication.translate("Threads", "%n thread(s)", None, n), sub)) for n in choices(cores)]
    for n, act in items:
        act.setCheckable(True)
        act.setToolTip(QCoreApplication.translate("Threads", "Training uses %n thread(s). Cores this machine lets RNN Lab "
                                                  "use: {cores}.", None, resolve(n)).format(cores=cores))
        act.triggered.connect(lambda _checked=False, n=n: choose(window, n))
        group.addAction(act)
        sub.addAction(act)
        window.thread_actions[n] = act
    saved = window.settings.value(SETTING, 0)
    try:
        saved = max(0, int(saved))
    except (TypeError, ValueError):
        saved = 0
    if saved > cores:  # settings from a bigger machine
        saved = cores
    _check(window, saved)
    window.controller.set_threads(resolve(saved))


def choose(window, choice: int, save: bool = True) -> int:
    """Use ``choice`` threads (0 = automatic) from the next step on; returns the thread count."""
    n = resolve(choice)
    if save:
        window.settings.setValue(SETTING, int(choice))
    _check(window, choice)
    window.controller.set_threads(n)
    window.statusBar().showMessage(QCoreApplication.translate(
        "Threads", "Training uses %n thread(s) from the next step on.", None, n), 5000)
    return n


def _check(window, choice: int) -> None:
    act = window.thread_actions.get(choice)
    if act is None:  # --threads N with an N the menu does not list: no item checked
        for a in window.thread_actions.values():
            a.setChecked(False)
    else:
        act.setChecked(True)
