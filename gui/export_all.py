"""``--export-plots DIR``: every plot of the task's views, written as File > Export (Ctrl+E) writes it.

Each view that applies to the task is brought to the front in turn (the views share tabs, and a view
behind a tab has no size to draw at), and each of its plots is written as PNG and SVG, and, when it
holds curves, as CSV too: the same ``export.export`` calls the Export dialog makes, with the dialog's
default width. For teachers' slides and for the tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PyQt6.QtTest import QTest

from .export import DEFAULT_PNG_WIDTH, export, formats_for
from .export_slide import data_items

SETTLE_MS = 250  # what a view brought to the front needs before its plots have their size and their data


def slug(label: str) -> str:
    """A file name from a target's label: "Curves: loss" -> "curves-loss"."""
    return re.sub(r"[^0-9a-z]+", "-", label.lower()).strip("-") or "plot"


def has_content(item) -> bool:
    """Whether a plot holds something to show (an empty bar chart, e.g. before a prompt, is not written)."""
    if not isinstance(item, pg.PlotItem):
        return True
    for i in item.items:
        if not i.isVisible():
            continue
        if isinstance(i, pg.ImageItem) and i.image is not None and i.image.size:
            return True
        if isinstance(i, pg.BarGraphItem) and len(np.atleast_1d(i.opts.get("height", []))):
            return True
        if isinstance(i, pg.ScatterPlotItem) and len(i.data):
            return True
    return bool(data_items(item))


def export_all_plots(window, folder: Path, width: int = DEFAULT_PNG_WIDTH) -> list[Path]:
    """Write every plot of the views for the current task into ``folder``, each view brought to the front
    while its own plots are written; returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    task = window.info["task"] if window.info else None
    written: list[Path] = []
    seen: set[str] = set()
    front = [d for d in window.right_docks if not d.isHidden() and not d.visibleRegion().isEmpty()]
    panels = [window.curves] + [p for p, d in window.docks.items()
                                if p is not window.curves and task in p.tasks and not d.isHidden()]
    for panel in panels:
        if panel is not window.curves:
            window.docks[panel].raise_()
            QTest.qWait(SETTLE_MS)  # the view's layout is made in several passes of the event loop
        redraw = getattr(panel, "redraw", None)  # (only the view being written: the others wait their turn)
        if callable(redraw):
            redraw()
        QTest.qWait(SETTLE_MS)  # and its plots draw on their timers
        for label, item in panel.export_targets():
            if label in seen or "SVG" not in formats_for(item) or not has_content(item):
                continue
            seen.add(label)
            name = slug(label)
            for fmt in ("PNG", "SVG"):
                written.append(export(item, folder / f"{name}.{fmt.lower()}", fmt, width))
            if isinstance(item, pg.PlotItem) and data_items(item):
                written.append(export(item, folder / f"{name}.csv", "CSV", width))
    for dock in front:  # the tabs in front as they were
        dock.raise_()
    return written


__all__ = ["export_all_plots", "has_content", "slug"]
