"""Writing what the window shows to files: plots as PNG/SVG/CSV, panels and the whole window as PNG.

A target is whatever a panel's ``export_targets()`` names: a pyqtgraph ``PlotItem`` (PNG, SVG,
CSV), another graphics item or a layout's scene (PNG, SVG), or a plain ``QWidget`` (PNG through
``QWidget.grab``). ``formats_for(target)`` says which formats apply; ``export(target, path, fmt)``
writes one. PNG widths are explicit: pyqtgraph exports in logical pixels, so HiDPI screens would
otherwise give a different size than asked.

A plot of curves is redrawn for the export at the export's size (``export_slide.SlidePlot``: axes,
tick labels, legend and markers in proportion, both axes labelled). SVGs are drawn by Qt's SVG
generator with every item in export mode, so scatter symbols are vector paths (not pyqtgraph's
symbol atlas, which SVG viewers showed as the whole atlas squeezed into each point). A plot's CSV
has two columns per curve, named by run and series ("LSTM 128 · lr 0.003: validation loss (step)").
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pgx
from PyQt6.QtCore import QCoreApplication
from PyQt6.QtWidgets import QGraphicsItem, QGraphicsScene, QWidget

from .export_slide import SLIDE_WIDTH, SlidePlot, data_items, supports

FORMATS = ("PNG", "SVG", "CSV")
DEFAULT_PNG_WIDTH = 1600


class ExportError(OSError):
    """An export that could not be written; the message names the file and the reason (in the window's
    language: it is shown in the banner)."""


def _cannot_write(path: Path, reason: str | None = None) -> ExportError:
    if reason is None:
        return ExportError(QCoreApplication.translate("Export", "could not write {path}").format(path=path))
    return ExportError(QCoreApplication.translate("Export", "could not write {path}: {reason}").format(
        path=path, reason=reason))


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
        raise ExportError(QCoreApplication.translate("Export", "{what} cannot be exported as {format}").format(
            what=type(target).__name__, format=fmt))
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
        raise _cannot_write(path, str(exc)) from exc
    if not path.is_file() or path.stat().st_size == 0:
        raise _cannot_write(path, QCoreApplication.translate("Export", "nothing was written"))
    return path


def _export_graphics(target: Any, path: Path, fmt: str, width: int) -> None:
    if fmt == "CSV":
        write_plot_csv(target, path)
        return
    slide = SlidePlot(target, width if fmt == "PNG" else SLIDE_WIDTH) if supports(target) else None
    item = slide.plot if slide is not None else target
    try:
        if fmt == "PNG":
            ex = pgx.ImageExporter(item)
            src = ex.getSourceRect()
            if src.width() <= 0 or src.height() <= 0:
                raise _cannot_write(path, QCoreApplication.translate("Export", "the plot has no size (is it shown?)"))
            ex.parameters()["width"] = int(width)  # sets the height too, keeping the aspect ratio
            ex.export(str(path))
        else:
            # Qt's own SVG generator (pyqtgraph 0.14's SVG exporter cannot parse the closed paths "... Z"
            # that newer Qt versions write, pyqtgraph issue #3495), with the items in export mode.
            _render_svg(item, path)
    finally:
        if slide is not None:
            slide.close()


def write_plot_csv(plot: pg.PlotItem, path: Path) -> None:
    """Every curve of ``plot`` as two columns, "<series> (<x axis>)" and "<series>", named by run and
    series (``series_name``, else its legend entry); shorter curves end in empty cells."""
    x_name = plot.getAxis("bottom").labelText or getattr(plot, "x_label", "") or "x"
    legend = {id(sample.item): label.text for sample, label in (plot.legend.items if plot.legend else [])}
    columns: list[tuple[str, np.ndarray]] = []
    names: set[str] = set()
    for k, item in enumerate(data_items(plot)):
        name = getattr(item, "series_name", None) or legend.get(id(item)) or item.opts.get("name") \
            or f"series {k + 1}"
        base, n = name, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        names.add(name)
        x, y = item.getOriginalDataset()
        columns += [(f"{name} ({x_name})", np.asarray(x, dtype=np.float64)), (name, np.asarray(y, dtype=np.float64))]
    if not columns:
        raise _cannot_write(path, QCoreApplication.translate("Export", "the plot has no data yet"))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([c[0] for c in columns])
    for i in range(max(len(c[1]) for c in columns)):
        writer.writerow(["" if i >= len(v) or not np.isfinite(v[i]) else repr(float(v[i])) for _, v in columns])
    path.write_text(buf.getvalue(), encoding="utf-8")


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
    # Export mode: scatter symbols drawn as paths, one per point (not stamped from a pixmap atlas).
    exporter = pgx.SVGExporter(target)
    exporter.setExportMode(True, {"antialias": True, "background": view.backgroundBrush() if view else None,
                                  "painter": painter})
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if view is not None:  # the plot's own background, so a dark theme's light text stays readable
            painter.fillRect(QRectF(0, 0, source.width(), source.height()), view.backgroundBrush())
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        exporter.setExportMode(False)
        painter.end()
    path.write_text(flatten_transforms(path.read_text(encoding="utf-8")), encoding="utf-8")


_GROUP = re.compile(r'<g ([^>]*?)transform="matrix\(([^)]*)\)"([^>]*)>(.*?)</g>', re.S)
_PAIR = re.compile(r"(-?\d*\.?\d+(?:[eE][-+]?\d+)?),(-?\d*\.?\d+(?:[eE][-+]?\d+)?)")
_SHAPES_ONLY = re.compile(r"<(?!/?(?:path|polyline|polygon)\b)[a-zA-Z]")


def flatten_transforms(svg: str) -> str:
    """Apply each group's transform to the coordinates of the paths in it, and drop the transform.

    Qt's SVG generator draws a curve in data coordinates under a group transform that scales x and y
    very differently (e.g. by 2 and by -243), and keeps its stroke thin with ``vector-effect:
    non-scaling-stroke``, which librsvg (so ImageMagick and many previewers) ignores: the stroke became
    a band hundreds of pixels wide. With the coordinates mapped, the stroke width means pixels in every
    viewer. Groups that hold anything but paths and polylines (text, images) are left as they are."""
    def fix(m: re.Match) -> str:
        try:
            a, b, c, d, e, f = (float(v) for v in m.group(2).split(","))
        except ValueError:
            return m.group(0)
        body = m.group(4)
        if _SHAPES_ONLY.search(body):
            return m.group(0)

        def pair(pm: re.Match) -> str:
            x, y = float(pm.group(1)), float(pm.group(2))
            return f"{a * x + c * y + e:.3f},{b * x + d * y + f:.3f}"

        body = re.sub(r'(d|points)="([^"]*)"', lambda am: f'{am.group(1)}="{_PAIR.sub(pair, am.group(2))}"', body)
        return f"<g {m.group(1)}{m.group(3)}>{body}</g>"

    return _GROUP.sub(fix, svg)


def _grab(widget: QWidget, path: Path, width: int | None = None) -> None:
    """A widget's pixels (its children included) to PNG, scaled to ``width`` when given."""
    pix = widget.grab()
    if pix.isNull() or pix.width() == 0:
        raise _cannot_write(path, QCoreApplication.translate("Export", "the widget has no size (is it shown?)"))
    if width and pix.width() != width:
        from PyQt6.QtCore import Qt

        pix = pix.scaledToWidth(int(width), Qt.TransformationMode.SmoothTransformation)
    if not pix.save(str(path), "PNG"):
        raise _cannot_write(path)


def grab_window(window: QWidget, path: str | Path, width: int | None = None) -> Path:
    """The whole window to PNG, at its own size or scaled to ``width`` (File > Export > Whole window;
    ``--screenshot``)."""
    path = Path(path)
    _grab(window, path, width)
    return path
