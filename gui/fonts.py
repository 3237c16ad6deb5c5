"""Fonts for Japanese: whether the window can draw it, and saying so once when it cannot.

On a Linux desktop without a CJK font, Japanese text (the Japanese window, the Japanese built-in text,
a Japanese file) renders as empty boxes. ``draws_japanese`` asks Qt: the window's font has the glyphs
(``QFontMetrics.inFontUcs4``), or some installed font does (``QFontDatabase``'s Japanese writing
system: Qt falls back to it). When neither does, ``FontCheck`` says so once, in the banner, in
English (the reader may not be able to read anything else on that screen), naming the package.

``prefer_japanese_glyphs`` puts a Japanese CJK family behind the application's font, so that kanji
take their Japanese shapes rather than those of a Chinese font found first.
"""

from __future__ import annotations

from typing import Any

from PyQt6.QtGui import QFont, QFontDatabase, QFontMetrics, QGuiApplication

SAMPLE = "あア日本語"  # hiragana, katakana, kanji
APT_PACKAGE = "fonts-noto-cjk"
MESSAGE = (f"No font on this system can draw Japanese, so Japanese text shows as empty boxes. Install one "
           f"(Debian/Ubuntu: sudo apt-get install {APT_PACKAGE}) and start RNN Lab again.")
JAPANESE_FAMILIES = ("Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "IPAexGothic", "IPAGothic",
                     "TakaoGothic", "VL Gothic", "Hiragino Sans", "Yu Gothic UI", "Meiryo UI", "MS UI Gothic")


def draws_japanese(font: QFont | None = None) -> bool:
    """Whether Japanese text in ``font`` (default: the application's) shows as glyphs, not boxes."""
    metrics = QFontMetrics(font if font is not None else QGuiApplication.font())
    if all(metrics.inFontUcs4(ord(ch)) for ch in SAMPLE):
        return True
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.Japanese))


def prefer_japanese_glyphs(app: QGuiApplication) -> None:
    """Let the application's font fall back to an installed Japanese family (first of ``JAPANESE_FAMILIES``)."""
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.Japanese))
    extra = [f for f in JAPANESE_FAMILIES if f in installed]
    if extra:
        font = app.font()
        font.setFamilies([font.family(), *extra])
        app.setFont(font)


def shows_japanese(info: dict[str, Any], language: str) -> bool:
    """Whether the window (in ``language``) or the run ``info`` describes has Japanese text to show."""
    if language == "ja":
        return True
    vocab = (info.get("data_info") or {}).get("vocab") or []
    return any(isinstance(t, str) and any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in t)
               for t in vocab[:5000])


class FontCheck:
    """Says ``MESSAGE`` in ``window``'s banner the first time it has Japanese to show and no font for it."""

    def __init__(self, window, language: str) -> None:
        self.window = window
        self.language = language
        self.said = False

    def check(self, info: dict[str, Any]) -> bool:
        """Called after each build; True when it spoke (this time)."""
        if self.said or not shows_japanese(info, self.language) or draws_japanese():
            return False
        self.said = True
        self.window.banner.show_message("info", MESSAGE)
        return True


__all__ = ["APT_PACKAGE", "MESSAGE", "FontCheck", "draws_japanese", "prefer_japanese_glyphs", "shows_japanese"]
