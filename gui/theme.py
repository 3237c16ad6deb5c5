"""Colours and palettes shared by every panel, so a colour means the same thing everywhere.

Series colours come from the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies) and read on both the light and the dark background:

- ``TRAIN_COLOR``  training curves (raw step values drawn faint, the smoothed curve solid)
- ``VAL_COLOR``    validation points and lines, in every plot and panel
- ``GRAD_COLOR``   gradient norms;  ``LR_COLOR`` the learning rate
- ``DIVERGE_COLOR`` divergence markers and error banners; ``CHANGE_COLOR`` hyperparameter changes
- ``CORRECT_COLOR`` / ``WRONG_COLOR`` right and wrong answers (adder bits, seq2seq answers)

``apply_theme(app, "light" | "dark")`` sets the Qt palette and pyqtgraph's default background and
foreground; ``restyle_plots(widget, name)`` re-colours plots that already exist.
"""

from __future__ import annotations

from PyQt6.QtGui import QColor, QPalette
from PyQt6.QtWidgets import QApplication, QWidget

TRAIN_COLOR = "#3b8bd9"  # blue
VAL_COLOR = "#e69f00"  # orange
GRAD_COLOR = "#009e73"  # bluish green
LR_COLOR = "#cc79a7"  # reddish purple
DIVERGE_COLOR = "#d55e00"  # vermillion
CHANGE_COLOR = "#8c8c8c"  # grey: a neutral marker for "the user changed a setting here"
CORRECT_COLOR = "#009e73"
WRONG_COLOR = "#d55e00"

# Colour of the run's state in the status bar.
STATE_COLORS = {
    "running": "#1a9850",
    "paused": "#7f7f7f",
    "diverged": DIVERGE_COLOR,
    "finished": "#3b8bd9",
    "stopped": "#7f7f7f",
    "building": "#b8860b",
}

# Banner colours per event level (background, text) for light and dark themes.
BANNER_COLORS = {
    "light": {"info": ("#e4eefb", "#123a63"), "diverged": ("#fde7dc", "#7a2a00"), "error": ("#fde7dc", "#7a2a00")},
    "dark": {"info": ("#1e3347", "#d5e6f7"), "diverged": ("#4a2414", "#ffd9c7"), "error": ("#4a2414", "#ffd9c7")},
}

THEMES = {
    "light": {"window": "#f4f4f4", "base": "#ffffff", "alt": "#ececec", "text": "#1b1b1b", "button": "#e9e9e9",
              "highlight": "#3b8bd9", "highlighted_text": "#ffffff", "mid": "#bdbdbd", "disabled": "#9a9a9a",
              "plot_bg": "#ffffff", "plot_fg": "#3a3a3a", "grid_alpha": 0.25, "tooltip": "#ffffe1"},
    "dark": {"window": "#2b2b2b", "base": "#1f1f1f", "alt": "#303030", "text": "#e6e6e6", "button": "#3a3a3a",
             "highlight": "#3b8bd9", "highlighted_text": "#ffffff", "mid": "#555555", "disabled": "#7a7a7a",
             "plot_bg": "#1b1b1b", "plot_fg": "#c8c8c8", "grid_alpha": 0.2, "tooltip": "#3a3a3a"},
}


def theme_colors(name: str) -> dict:
    if name not in THEMES:
        raise ValueError(f"unknown theme {name!r}; known: {', '.join(THEMES)}")
    return THEMES[name]


def make_palette(name: str) -> QPalette:
    """A complete QPalette for theme ``name`` (Fusion style renders it faithfully on every platform)."""
    c = theme_colors(name)
    pal = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r, key in ((role.Window, "window"), (role.Base, "base"), (role.AlternateBase, "alt"),
                   (role.WindowText, "text"), (role.Text, "text"), (role.ButtonText, "text"),
                   (role.Button, "button"), (role.Highlight, "highlight"),
                   (role.HighlightedText, "highlighted_text"), (role.ToolTipBase, "tooltip"),
                   (role.ToolTipText, "text"), (role.PlaceholderText, "disabled"), (role.Mid, "mid")):
        pal.setColor(r, QColor(c[key]))
    pal.setColor(role.Link, QColor(c["highlight"]))
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(group.Disabled, r, QColor(c["disabled"]))
    return pal


def apply_theme(app: QApplication | None, name: str) -> None:
    """Set the Fusion style, the palette and pyqtgraph's defaults for plots created from now on
    (``app`` None: the running application)."""
    import pyqtgraph as pg

    app = app or QApplication.instance()
    c = theme_colors(name)
    app.setStyle("Fusion")
    app.setPalette(make_palette(name))
    pg.setConfigOptions(background=c["plot_bg"], foreground=c["plot_fg"])


def restyle_plots(root: QWidget, name: str) -> None:
    """Re-colour the backgrounds and axes of every pyqtgraph view under ``root`` (a live theme switch)."""
    import pyqtgraph as pg

    c = theme_colors(name)
    for view in root.findChildren(pg.GraphicsView):
        view.setBackground(c["plot_bg"])
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                item.setPen(c["plot_fg"])
                item.setTextPen(c["plot_fg"])
            elif isinstance(item, pg.LabelItem):
                item.setAttr("color", c["plot_fg"])
                item.setText(item.text)
