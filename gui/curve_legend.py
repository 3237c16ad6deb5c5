"""A plot's legend as a strip under its x axis: it never covers a curve, and it goes with the plot
into an export.

pyqtgraph's ``LegendItem`` floats over the view box, where it hides whatever curve passes under it,
and with a dozen runs it covered most of the loss plot. ``LegendStrip`` is the same item placed in
the plot's own layout, in a row below the bottom axis, with as many columns as its widest entry
allows in the plot's width (re-flowed when the plot is resized).
"""

from __future__ import annotations

import pyqtgraph as pg
from PyQt6.QtCore import Qt

ROW = 5  # the PlotItem's layout uses rows 0-4 (title, top axis, view, bottom axis); this one is free
COLUMN_GAP = 60  # px per entry besides its text: the sample (20), the spacings around it and the label


class LegendStrip(pg.LegendItem):
    """``LegendStrip(plot)``: a legend in ``plot``'s layout under its x axis (``plot.legend`` is it)."""

    def __init__(self, plot: pg.PlotItem, text_size: str = "8pt") -> None:
        super().__init__(labelTextSize=text_size, colCount=1, horSpacing=14, verSpacing=-4)
        # LegendItem ignores transformations (it floats at a fixed pixel size over the view); laid out in
        # the plot, it must scale with it, or an export drawn at twice the size shows it half as big.
        self.setFlag(self.GraphicsItemFlag.ItemIgnoresTransformations, False)
        self.plot = plot
        plot.layout.addItem(self, ROW, 1)
        plot.legend = self  # PlotDataItem(name=...) added to the plot joins this legend
        plot.vb.sigResized.connect(lambda *_: self.reflow())

    def addItem(self, item, name) -> None:  # noqa: N802 - pyqtgraph's name
        super().addItem(item, name)
        self.reflow()

    def removeItem(self, item) -> None:  # noqa: N802 - pyqtgraph's name
        super().removeItem(item)
        self.reflow()

    def entry_texts(self) -> list[str]:
        return [label.text for _, label in self.items]

    def reflow(self) -> None:
        """As many columns as fit in the plot's width."""
        if not self.items:
            self.setColumnCount(1)
            self.updateSize()
            return
        widest = max(label.item.boundingRect().width() for _, label in self.items) + COLUMN_GAP
        width = self.plot.vb.width() or self.plot.width()
        self.setColumnCount(max(1, min(len(self.items), int(width // max(widest, 1)))))
        self.updateSize()

    def updateSize(self) -> None:  # noqa: N802 - pyqtgraph's name
        """LegendItem sizes itself with setGeometry(0, 0, w, h) from its entries' current heights, which
        would move it to the plot's top left corner, and which are 0 once a layout squeezed it: here the
        height comes from the entries' preferred sizes, and the plot's layout places the strip."""
        rows = self.layout.rowCount()
        height = 0.0
        for row in range(rows):
            row_height = 0.0
            for col in range(self.layout.columnCount()):
                item = self.layout.itemAt(row, col)
                if item is not None:
                    row_height = max(row_height, item.effectiveSizeHint(Qt.SizeHint.PreferredSize).height())
            height += row_height
        if self.items:
            height += max(0, rows - 1) * self.layout.verticalSpacing() + 4
        else:
            height = 0.0
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
        self.setPreferredHeight(height)
        self.updateGeometry()


__all__ = ["LegendStrip"]
