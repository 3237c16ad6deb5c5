"""Colours of the "text coloured by a unit" view: a unit's value on the diverging tanh scale, text
that stays readable on it, probability shades, and the token grid with the model's top-5 guesses."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QCoreApplication
from PyQt6.QtGui import QBrush, QColor
from PyQt6.QtWidgets import QTableWidget, QTableWidgetItem

from ..plain_text import plain_tooltip
from ..theme import TRAIN_COLOR

CMAP = pg.colormap.get("CET-D1")  # the same diverging map as the tanh heatmaps: blue -1, white 0, red +1
TINT = QColor(TRAIN_COLOR)  # probabilities: this colour, more opaque = likelier (as in the sampling panel)


def unit_color(value: float) -> QColor:
    """The colour of a hidden value on the tanh scale -1..1 (clipped; non-finite: grey)."""
    if not np.isfinite(value):
        return QColor(160, 160, 160)
    x = min(max((float(value) + 1.0) / 2.0, 0.0), 1.0)
    return CMAP.map(np.array([x]), mode="qcolor")[0]


def ink_for(background: QColor) -> QColor:
    """Black or white text, whichever reads on ``background``."""
    return QColor("black") if background.lightnessF() > 0.55 else QColor("white")


def prob_color(prob: float) -> QColor:
    """``TINT`` with opacity 0.08 (prob 0) to 0.9 (prob 1)."""
    c = QColor(TINT)
    p = float(prob) if np.isfinite(prob) else 0.0
    c.setAlphaF(0.08 + 0.82 * min(max(p, 0.0), 1.0))
    return c


def legend_html() -> str:
    """A one-line legend: the unit colour scale from -1 to +1, and what the shades below mean."""
    stops = "".join(f'<span style="background-color:{unit_color(v).name()};">&nbsp;&nbsp;</span>'
                    for v in np.linspace(-1, 1, 9))
    return QCoreApplication.translate("UnitColors", "unit’s h: −1 {stops} +1 &nbsp;·&nbsp; rows 1st–5th: the "
                                                    "model’s next-token guesses, darker = likelier").format(stops=stops)


def fill_top5_grid(grid: QTableWidget, labels: Sequence[str], values: np.ndarray,
                   top5: Sequence[Sequence[tuple[str, float]]]) -> None:
    """One column per position: row 0 the token read, tinted by ``values[t]``; rows 1-5 the 5 most
    likely next tokens ``top5[t]`` shaded by probability (empty where the trace has none)."""
    grid.setColumnCount(len(labels))
    for t, label in enumerate(labels):
        item = QTableWidgetItem(label)
        bg = unit_color(values[t])
        item.setBackground(QBrush(bg))
        item.setForeground(QBrush(ink_for(bg)))
        item.setToolTip(f"t = {t}: h = {float(values[t]):+.3f}")
        grid.setItem(0, t, item)
        row = top5[t] if t < len(top5) else []
        for k in range(5):
            tok, p = row[k] if k < len(row) else ("", 0.0)
            cell = QTableWidgetItem(str(tok))
            cell.setBackground(QBrush(prob_color(p)))
            cell.setToolTip(plain_tooltip(QCoreApplication.translate(
                "UnitColors", "after “{read}”: P(“{next}”) = {p:.3f}").format(read=label, next=tok, p=float(p))))
            grid.setItem(k + 1, t, cell)
    grid.resizeColumnsToContents()
