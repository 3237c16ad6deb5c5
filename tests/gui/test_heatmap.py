"""The reusable heatmap: explicit levels, NaN-safe images, token ticks, hover readout, synced cursor."""

import math

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pgx
import pytest
from PyQt6.QtCore import QPoint, QPointF, Qt

from rnn_lab.gui.widgets.heatmap import (
    ColorScale,
    Heatmap,
    HeatmapWidget,
    TimeCursor,
    display_token,
    finite_for_display,
    nice_ceil,
    tick_levels,
)


@pytest.fixture(autouse=True, scope="module")
def row_major():
    pg.setConfigOptions(imageAxisOrder="row-major")  # what gui/app.py sets for the whole window


@pytest.fixture
def layout(qtbot):
    view = pg.GraphicsLayoutWidget()
    view.resize(600, 400)
    qtbot.addWidget(view)
    return view


def test_display_token_makes_whitespace_visible_and_shortens():
    assert display_token(" ") == "␣"
    assert display_token("\n") == "↵"
    assert display_token("") == "∅"
    assert display_token("cat") == "cat"
    assert display_token("internationalisation") == "internation…"


@pytest.mark.parametrize("x, want", [(0.3, 0.5), (1.0, 1.0), (1.01, 2.0), (3.0, 5.0), (7.0, 10.0),
                                     (0.0, 1.0), (math.nan, 1.0), (120.0, 200.0)])
def test_nice_ceil(x, want):
    assert nice_ceil(x) == pytest.approx(want)


def test_finite_for_display_replaces_and_counts():
    shown, n_bad = finite_for_display(np.array([[1.0, np.nan], [np.inf, -np.inf]]))
    assert n_bad == 3 and shown.dtype == np.float32 and shown.flags.c_contiguous
    np.testing.assert_array_equal(shown, [[1, 0], [0, 0]])


def test_tick_levels_thin_labels_to_what_fits():
    labels = [f"w{i}" for i in range(20)]
    every = tick_levels(labels, px_per_item=50, text_size=lambda s: 20)
    assert [t for t, _ in every[0]] == list(range(20)) and every[1] == []
    thin = tick_levels(labels, px_per_item=10, text_size=lambda s: 20)  # 26 px needed: every 3rd
    assert [t for t, _ in thin[0]] == [0, 3, 6, 9, 12, 15, 18]
    assert all(s == "" for _, s in thin[1]) and len(thin[0]) + len(thin[1]) == 20


def test_heatmap_shape_levels_and_nan(layout):
    hm = Heatmap(layout.addPlot(), "h", "tanh")
    data = np.linspace(-0.1, 0.1, 12, dtype=np.float32).reshape(3, 4)
    data[1, 2] = np.nan
    assert hm.set_data(data, list("abcd")) == 1
    img = hm.image.image
    assert img.shape == (3, 4) and np.isfinite(img).all() and img[1, 2] == 0
    assert tuple(hm.image.getLevels()) == (-1.0, 1.0)  # explicit levels, not the data's range
    assert hm.image.mapRectToParent(hm.image.boundingRect()).getRect() == (-0.5, -0.5, 4.0, 3.0)
    assert "nan" in hm.readout(2, 1)  # the readout tells the truth about the raw value


def test_heatmap_rejects_non_2d(layout):
    hm = Heatmap(layout.addPlot(), "h")
    with pytest.raises(ValueError, match="2-D"):
        hm.set_data(np.zeros(5))


def test_readout_names_token_unit_and_value(layout):
    hm = Heatmap(layout.addPlot(), "h (hidden state)", "tanh")
    data = np.zeros((4, 3), dtype=np.float32)
    data[2, 1] = 0.734
    hm.set_data(data, ["the", "cat", " "])
    text = hm.readout(1, 2)
    assert "t = 1" in text and "“cat”" in text and "unit 2" in text and "+0.7340" in text
    assert "“␣”" in hm.readout(2, 0)


def test_hover_emits_readout_of_cell_under_mouse(layout, qtbot):
    plot = layout.addPlot()
    hm = Heatmap(plot, "g")
    hm.set_data(np.arange(12, dtype=np.float32).reshape(3, 4), list("wxyz"))
    layout.show()
    qtbot.waitExposed(layout)
    scene_pos = plot.vb.mapViewToScene(QPointF(3.2, 1.1))  # cell col 3, row 1 (value 7)
    with qtbot.waitSignal(hm.hovered) as sig:
        layout.scene().sigMouseMoved.emit(scene_pos)
    assert "“z”" in sig.args[0] and "unit 1" in sig.args[0] and "+7.0000" in sig.args[0]
    assert hm.cell_at(plot.vb.mapViewToScene(QPointF(9, 1))) is None


def test_y_labels_and_mismatched_labels(layout):
    hm = Heatmap(layout.addPlot(), "attention", "prob", "output")
    hm.set_data(np.full((2, 3), 0.5), list("abc"), list("xy"))
    assert hm.y_labels == ["x", "y"] and "output y" in hm.readout(0, 1)
    hm.set_data(np.full((2, 3), 0.5), list("ab"), list("xyz"))  # wrong lengths: numbers, not misaligned
    assert hm.x_labels == ["0", "1", "2"] and hm.y_labels is None


def test_cursor_lines_move_together_snapped_and_clamped(layout, qtbot):
    cursor = TimeCursor()
    cursor.count = 10
    plots = [layout.addPlot(row=r, col=0) for r in range(3)]
    lines = [cursor.attach(p) for p in plots]
    with qtbot.waitSignal(cursor.moved) as sig:
        lines[1].setValue(4.4)  # what dragging one line does
    assert sig.args == [4]
    assert [line.value() for line in lines] == [4, 4, 4]
    assert [s.value() for s in cursor.shadows] == [4, 4, 4]
    cursor.set_position(25)
    assert cursor.position == 9 and all(line.value() == 9 for line in lines)


def test_click_in_heatmap_moves_shared_cursor(layout, qtbot):
    cursor = TimeCursor()
    cursor.count = 6
    p1, p2 = layout.addPlot(row=0, col=0), layout.addPlot(row=1, col=0)
    h1, h2 = Heatmap(p1, "h", cursor=cursor), Heatmap(p2, "c", cursor=cursor)
    for hm, plot in ((h1, p1), (h2, p2)):
        hm.set_data(np.zeros((5, 6)))
        cursor.attach(plot)
    layout.show()
    qtbot.waitExposed(layout)
    target = layout.mapFromScene(p2.vb.mapViewToScene(QPointF(2.1, 3.0)))
    with qtbot.waitSignal(cursor.moved) as sig:
        qtbot.mouseClick(layout.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(target.x(), target.y()))
    assert sig.args == [2] and all(line.value() == 2 for line in cursor.lines)


def test_fixed_scale_never_changes_and_cell_scale_adapts_rarely():
    tanh = ColorScale("tanh")
    assert not tanh.fit([np.full((2, 2), 7.0)]) and tanh.levels == (-1.0, 1.0)
    cell = ColorScale("cell")
    assert cell.fit([np.array([[0.5, -3.2]])]) and cell.levels == (-5.0, 5.0)
    assert not cell.fit([np.array([[2.0]])])  # inside, and uses more than a quarter: no change
    assert cell.fit([np.array([[0.3, np.nan]])]) and cell.levels == (-1.0, 1.0)  # NaN ignored
    relu = ColorScale("relu")
    assert relu.fit([np.array([[0.0, 17.0]])]) and relu.levels == (0.0, 20.0)
    with pytest.raises(ValueError, match="unknown colour scale"):
        ColorScale("rainbow")


def test_heatmap_widget_exports_png(qtbot, tmp_path):
    w = HeatmapWidget("attention", "prob", "output", bar_label="weight")
    qtbot.addWidget(w)
    w.resize(500, 400)
    w.show()
    assert w.set_data(np.array([[0.2, 0.8, np.nan]]), list("ab "), ["x"]) == 1
    assert "non-finite" in w.readout.text()
    exporter = pgx.ImageExporter(w.plot)
    exporter.parameters()["width"] = 400
    path = tmp_path / "attention.png"
    exporter.export(str(path))
    assert path.stat().st_size > 1000
