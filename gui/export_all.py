"""``--export-plots DIR``: every plot of the task's views, written as File > Export (Ctrl+E) writes it.

Each view that applies to the task is brought to the front in turn (the views share tabs, and a view
behind a tab has no size to draw at), and each of its plots is written as PNG and SVG, and, when it
holds curves, as CSV too: the same ``export.export`` calls the Export dialog makes, with the dialog's
default width. For teachers' slides and for the tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyqtgraph as pg
from PyQt6.QtWidgets import QApplication

from .export import DEFAULT_PNG_WIDTH, export, formats_for
from .export_slide import data_items


def slug(label: str) -> str:
    """A file name from a target's label: "Curves: loss" -> "curves-loss"."""
    return re.sub(r"[^0-9a-z]+", "-", label.lower()).strip("-") or "plot"


def export_all_plots(window, folder: Path, width: int = DEFAULT_PNG_WIDTH) -> list[Path]:
    """Write every plot of the views on screen for the current task into ``folder``; returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    task = window.info["task"] if window.info else None
    written: list[Path] = []
    seen: set[str] = set()
    front = [d for d in window.right_docks if not d.isHidden() and not d.visibleRegion().isEmpty()]
    docks = [None] + [d for p, d in window.docks.items() if task in p.tasks and not d.isHidden()]
    for dock in docks:
        if dock is not None:
            dock.raise_()
            QApplication.processEvents()
        for panel in window.panels:
            redraw = getattr(panel, "redraw", None)
            if callable(redraw):
                redraw()
        QApplication.processEvents()
        for label, item in window.export_targets():
            if label in seen or "SVG" not in formats_for(item):
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


__all__ = ["export_all_plots", "slug"]
