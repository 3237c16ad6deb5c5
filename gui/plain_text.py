"""Showing a user's text (a file name, a corpus's words) where Qt would read markup: tooltips.

A QLabel takes ``setTextFormat(Qt.TextFormat.PlainText)``; a tooltip has no such switch and is rendered
as rich text whenever it looks like markup (``Qt.mightBeRichText``), so a file named ``<b>x.txt`` would
show a bold "x". ``plain_tooltip`` escapes the text and wraps it in a paragraph that keeps its line
breaks: Qt then renders exactly the characters given.
"""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows its characters, never markup ('' stays '': no tooltip)."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"
