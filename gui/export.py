"""Writing what the window shows to files: plots as PNG/SVG/CSV, panels and the whole window as PNG.

A target is whatever a panel's ``export_targets()`` names: a pyqtgraph ``PlotItem`` (PNG, SVG,
CSV), another graphics item or a layout's scene (PNG, SVG), or a plain ``QWidget`` (PNG through
``QWidget.grab``). ``formats_for(target)`` says which formats apply; ``export(target, path, fmt)``
writes one. PNG widths are explicit: pyqtgraph exports in logical pixels, so HiDPI screens would
otherwise give a different size than asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyqtgraph as pg
import pyqtgraph.exporters as pgx
from PyQt6.QtWidgets import QGraphicsItem, QGraphicsScene, QWidget

FORMATS = ("PNG", "SVG", "CSV")
DEFAULT_PNG_WIDTH = 1600


class ExportError(OSError):
    """An export that could not be written; the message names the file and the reason."""


def formats_for(target: Any) -> list[str]:
    """The formats ``target`` can be written in, the best first."""
    if isinstance(target, pg.PlotItem):
        return ["PNG", "SVG", "CSV"]
    if isinstance(target, (QGraphicsItem, QGraphicsScene)):
        return ["PNG", "SVG"]
    if isinstance(target, pg.GraphicsView):  # e.g. a GraphicsLayoutWidget: export its scene
        return ["PNG", "SVG"]
    if isinstance(target, QWidget):
        return ["PNG"]
    return []


def export(target: Any, path: str | Path, fmt: str, width: int = DEFAULT_PNG_WIDTH) -> Path:
    """Write ``target`` to ``path`` as ``fmt`` ("PNG", "SVG" or "CSV"); returns the path written."""
    fmt = fmt.upper()
    path = Path(path)
    if fmt not in formats_for(target):
        raise ExportError(f"{type(target).__name__} cannot be exported as {fmt}")
    if isinstance(target, pg.GraphicsView):
        target = target.scene()
    try:
        if isinstance(target, (QGraphicsItem, QGraphicsScene)):
            _export_graphics(target, path, fmt, width)
        else:
            _grab(target, path, width)
    except ExportError:
        raise
    except Exception as exc:  # pyqtgraph raises bare Exceptions (e.g. zero-size images)
        raise ExportError(f"could not write {path}: {exc}") from exc
    if not path.is_file() or path.stat().st_size == 0:
        raise ExportError(f"could not write {path}: nothing was written")
    return path


def _export_graphics(target: Any, path: Path, fmt: str, width: int) -> None:
    if fmt == "PNG":
        ex = pgx.ImageExporter(target)
        src = ex.getSourceRect()
        if src.width() <= 0 or src.height() <= 0:
            raise ExportError(f"could not write {path}: the plot has no size (is it shown?)")
        ex.parameters()["width"] = int(width)  # sets the height too, keeping the aspect ratio
        ex.export(str(path))
    elif fmt == "SVG":
        try:
            pgx.SVGExporter(target).export(str(path))
        except ValueError:
            # pyqtgraph 0.14.0 cannot parse the closed paths ("... Z") newer Qt versions write
            # (pyqtgraph issue #3495); Qt's own SVG generator draws the same scene without that step.
            _render_svg(target, path)
    else:
        pgx.CSVExporter(target).export(str(path))


def _render_svg(target: Any, path: Path) -> None:
    from PyQt6.QtCore import QRectF, QSize
    from PyQt6.QtGui import QPainter
    from PyQt6.QtSvg import QSvgGenerator

    scene = target if isinstance(target, QGraphicsScene) else target.scene()
    source = scene.sceneRect() if isinstance(target, QGraphicsScene) else target.sceneBoundingRect()
    gen = QSvgGenerator()
    gen.setFileName(str(path))
    gen.setSize(QSize(int(source.width()), int(source.height())))
    gen.setViewBox(QRectF(0, 0, source.width(), source.height()))
    gen.setTitle("RNN Lab")
    view = scene.views()[0] if scene.views() else None
    gen.setResolution(view.logicalDpiX() if view is not None else 96)  # fonts in points scale as on screen
    painter = QPainter(gen)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if view is not None:  # the plot's own background, so a dark theme's light text stays readable
            painter.fillRect(QRectF(0, 0, source.width(), source.height()), view.backgroundBrush())
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        painter.end()


def _grab(widget: QWidget, path: Path, width: int | None = None) -> None:
    """A widget's pixels (its children included) to PNG, scaled to ``width`` when given."""
    pix = widget.grab()
    if pix.isNull() or pix.width() == 0:
        raise ExportError(f"could not write {path}: the widget has no size (is it shown?)")
    if width and pix.width() != width:
        from PyQt6.QtCore import Qt

        pix = pix.scaledToWidth(int(width), Qt.TransformationMode.SmoothTransformation)
    if not pix.save(str(path), "PNG"):
        raise ExportError(f"could not write {path}")


def grab_window(window: QWidget, path: str | Path) -> Path:
    """The whole window, at its own size, to PNG (File > Export > Whole window; ``--screenshot``)."""
    path = Path(path)
    _grab(window, path, None)
    return path
