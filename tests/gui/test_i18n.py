"""The window in Japanese: every text it shows is translated, the language is chosen as the issue says,
the engine's sentences arrive translated with the locale's numbers, and a missing CJK font is reported.

The completeness test walks every widget, action, plot title, axis label and legend of fully built
windows (each task; the adder and the Japanese character model trained a few steps so their views hold
data) and of the dialogs, and fails on any English word left but the names the book keeps (LSTM,
Attention, ...) and identifiers (a setting's [name], a file's path).
"""

from __future__ import annotations

import re

import pyqtgraph as pg
import pytest
from PyQt6.QtCore import QLocale
from PyQt6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from rnn_lab.engine.errors import TaskError
from rnn_lab.engine.i18n import QT_TRANSLATE_NOOP, Sentence
from rnn_lab.engine.lessons import builtin_lessons
from rnn_lab.gui import fonts, i18n, language_menu
from rnn_lab.gui.panels.activations import arrays_of
from tests.gui.window_fixtures import *  # noqa: F403
from tests.gui.window_fixtures import WAIT_MS, open_window

# Latin words a Japanese window may show: names the book keeps, units, key names, formats, libraries
ALLOWED = set("""
LSTM GRU RNN RNNs Attention seq2seq Seq2seq Peeky SimpleRnnlm Rnnlm BetterRnnlm LM Lab PTB Penn Treebank Tiny
Shakespeare Top Dropout Inverted Gated Recurrent Unit Long Short Term Memory Gers Schmidhuber Xavier He
tanh sigmoid relu xavier he normal sgd momentum adagrad rmsprop adam float32 float64 utf latin Adam SGD
BPTT Truncated TensorBoard NumPy PyQt Qt pyqtgraph MIT UTC CSV PNG SVG JSON NaN Inf nats exp softmax
Ctrl Shift Space Enter Esc Wh Wx XOR PATH lr rnn lstm gru peephole data iters unk eos val txt npz json
Deep Learning from Scratch en ja px ptb train valid test
Language English
GIF APNG WebP MP PyAV av pip PCA word vec
stock buy bought sold
""".split())  # (formats and libraries by their names; example words of the English word-level data)  # (View > Language names each language in itself, and says "Language" in every language)
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z']+")


def identifiers_removed(text: str) -> str:
    """``text`` without markup and the identifiers a Japanese window shows as they are."""
    text = re.sub(r"<[^>]+>|&[a-z]+;", " ", text)  # markup
    text = re.sub(r"\bseq2seq\b|\bfloat(32|64)\b|\butf-8\b|\blatin-1\b", " ", text)  # names with digits
    text = re.sub(r"\[[a-z_]+\]", " ", text)  # a setting's name: [lr]
    text = re.sub(r"\S*[/\\]\S*|\S+\.(py|txt|npz|json|qm)\b", " ", text)  # paths and file names
    text = re.sub(r"--[a-z-]+", " ", text)  # command-line flags
    text = re.sub(r"\b[a-z]+\d+\b|\b[a-z]+_[a-z_]+\b", " ", text)  # layer names (lstm0), fields (val_fraction)
    text = re.sub(r"\bh_\(t-1\)|\bh_prev\b|\bx Wx\b", " ", text)  # the equations' symbols
    return text


def english_words(text: str) -> list[str]:
    return [w for w in LATIN_WORD.findall(identifiers_removed(text)) if w not in ALLOWED]


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything ``root`` and its children say to the user (not the data they show)."""
    out: list[tuple[str, str]] = []

    def add(where, *texts):
        out.extend((where, t) for t in texts if t)

    for w in [root, *root.findChildren(QWidget)]:
        name = f"{type(w).__name__}"
        add(f"{name} tooltip", w.toolTip())
        if isinstance(w, QLabel) and not w.property("data"):
            add(name, w.text())
        elif isinstance(w, QAbstractButton):
            add(name, w.text())
        elif isinstance(w, QGroupBox):
            add(name, w.title())
        elif isinstance(w, QComboBox):
            add(name, *(w.itemText(i) for i in range(w.count())))
        elif isinstance(w, QTabBar):
            add(name, *(w.tabText(i) for i in range(w.count())))
        elif isinstance(w, QDockWidget):
            add(name, w.windowTitle())
        elif isinstance(w, QMenu):
            add(name, w.title())
        elif isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
            add(f"{name} placeholder", w.placeholderText())
        elif isinstance(w, QSpinBox):
            add(name, w.suffix(), w.specialValueText())
        if isinstance(w, QTableWidget):
            for axis in (w.horizontalHeaderItem, w.verticalHeaderItem):
                add(f"{name} header", *(axis(i).text() for i in range(max(w.columnCount(), w.rowCount()))
                                        if axis(i) is not None))
        for a in w.actions():
            add(f"{name} action", a.text(), a.toolTip() if a.toolTip() != a.text().replace("&", "") else "")
        if isinstance(w, pg.GraphicsView):
            for item in w.scene().items():
                if isinstance(item, pg.LabelItem):
                    add("plot title or legend", item.text)
                elif isinstance(item, pg.AxisItem):
                    add("axis label", item.labelText)
                elif isinstance(item, pg.TextItem) and item.parentItem() is not None \
                        and isinstance(item.parentItem(), pg.InfiniteLine):
                    add("line label", item.toPlainText())
    return out


def assert_japanese(widget: QWidget, skip: tuple[str, ...] = ()) -> None:
    left = [(where, text, words) for where, text in shown_texts(widget)
            if (words := english_words(text)) and not any(s in text for s in skip)]
    assert not left, "English left in the Japanese window:\n" + "\n".join(
        f"  {where}: {text[:120]!r} -> {words}" for where, text, words in left)


# ---------------------------------------------------------------------------- the Japanese window
@pytest.mark.parametrize("task, steps", [("adder", 30), ("char", 3), ("lm", 0), ("seq2seq", 0)])
def test_the_japanese_window_shows_no_english(qtbot, settings, japanese, task, steps):
    """Every view of every task, its menus, toolbar, status bar and tooltips: in Japanese."""
    win, controller = open_window(qtbot, settings, i18n.default_config(task), threaded=False)
    try:
        for panel, dock in win.docks.items():  # the views behind other tabs too
            dock.setVisible(task in panel.tasks)
        if steps:  # (synchronous, as --screenshot trains)
            controller.set_trace(0)
            controller.set_example(0)
            controller.set_weights(True)
            controller.run_steps(steps)
            qtbot.waitUntil(lambda: win.step >= steps, timeout=WAIT_MS)
            qtbot.wait(300)
        if task == "char":  # the Japanese built-in texts: its data is Japanese too
            assert win.info["config"]["corpus"] == "ja"
            assert "内蔵（日本語）" in win.task_panel.data_label.text()
        assert_japanese(win)
        for menu in win.menuBar().findChildren(QMenu):
            assert_japanese(menu)
    finally:
        win.close()
        controller.close(timeout=2.0)


def test_the_japanese_dialogs_show_no_english(qtbot, japanese, window):
    from rnn_lab.gui import dialogs, guide
    from rnn_lab.gui.session_menu import SaveLessonDialog

    for dlg in (dialogs.ShortcutsDialog(window), dialogs.ExportDialog(window.export_targets(), window),
                SaveLessonDialog(window), guide.GuideDialog(window)):
        qtbot.addWidget(dlg)
        assert_japanese(dlg)
    text = guide.guide_html()
    assert "忘却ゲート" in text and "勾配消失" in text and "パープレキシティ" in text
    # the book's own words for the gates (forget ゲート) and layers (Time レイヤ), and top-k, may stay
    left = [w for w in english_words(text) if w not in ("forget", "input", "output", "Time", "top")]
    assert not left


def test_the_japanese_window_uses_the_books_terms(qtbot, settings, japanese):
    win, controller = open_window(qtbot, settings, i18n.default_config("char"))
    try:
        texts = " ".join(t for _, t in shown_texts(win))
        for term in ("隠れユニット数", "クリッピング", "学習率", "ドロップアウト", "パープレキシティ", "重み共有",
                     "損失", "エポック", "バッチサイズ", "BPTT"):
            assert term in texts, term
        names = {k: v[1] for k, v in arrays_of("lstm").items()}
        assert names == {"h": "隠れ状態", "g": "新しい記憶", "c": "記憶セル", "f": "忘却ゲート", "i": "入力ゲート",
                         "o": "出力ゲート"}
        assert {k: v[1] for k, v in arrays_of("gru").items()}["z"] == "更新ゲート"
        assert win.windowTitle() == "RNN Lab — 文字単位の言語モデル"
    finally:
        win.close()
        controller.close(timeout=2.0)


def test_a_lesson_opens_in_japanese_and_in_english(qtbot, japanese, window, qapp):
    path = next(p for p in builtin_lessons() if p.stem.startswith("02-"))
    assert window.lessons.open_path(path)
    qtbot.waitUntil(lambda: window.info is not None and window.info["task"] == "adder", timeout=WAIT_MS)
    shown = window.lessons.panel.text.toPlainText()
    assert "2進数の足し算で繰り上がりを学ぶ" in shown and "繰り上がり" in shown
    assert "学習はおよそ" in shown and window.lessons.dock.windowTitle().startswith("レッスン — ")
    menu = next(a.menu() for m in window.menuBar().findChildren(QMenu) for a in m.actions()
                if a.menu() is not None and a.text() == "レッスン")
    assert "2進数の足し算で繰り上がりを学ぶ" in [a.text() for a in menu.actions()]
    i18n.install(qapp, "en")
    window.lessons.panel.show_lesson(window.lessons.lesson)
    assert "The binary adder learns to carry" in window.lessons.panel.text.toPlainText()


# ---------------------------------------------------------------------------- choosing the language
def test_the_language_follows_the_command_line_then_the_menu_then_the_system(settings):
    assert i18n.system_language(QLocale("ja_JP")) == "ja"
    assert i18n.system_language(QLocale("en_GB")) == "en"
    assert i18n.system_language(QLocale("de_DE")) == "en"  # a language RNN Lab does not speak: English
    assert i18n.system_language(QLocale("C")) == "en"
    assert i18n.choose_language("ja", settings) == "ja"
    settings.setValue(i18n.SETTING, "ja")
    assert i18n.choose_language(None, settings) == "ja" and i18n.choose_language("en", settings) == "en"
    settings.setValue(i18n.SETTING, "xx")  # a value from elsewhere: ignored
    assert i18n.chosen_language(settings) == ""


def test_view_language_remembers_the_choice_and_says_when_it_applies(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(language_menu.QMessageBox, "information", lambda *a: shown.append(a[2]))
    entries = {a.data(): a for a in window.language_menu.actions()}
    assert set(entries) == {"", "en", "ja"} and entries[""].isChecked()
    assert entries["ja"].text() == "日本語" and window.language_menu.title() == "Language"
    entries["ja"].trigger()
    assert window.settings.value(i18n.SETTING) == "ja" and entries["ja"].isChecked()
    assert shown and "日本語" in shown[0] and "next start" in shown[0]
    entries[""].trigger()
    assert window.settings.value(i18n.SETTING) == ""


def test_install_speaks_the_language_and_formats_numbers_its_way(qapp):
    try:
        i18n.install(qapp, "ja")
        assert i18n.current_language() == "ja" and i18n.default_corpus() == "ja"
        assert i18n.translate("MainWindow", "&File") == "ファイル(&F)"
        assert i18n.translate("QPlatformTheme", "Cancel") != "Cancel"  # Qt's own buttons, from qtbase_ja.qm
        assert i18n.number(1234567) == "1,234,567"
        assert i18n.default_config("char").corpus == "ja" and i18n.default_config("char", corpus="en").corpus == "en"
    finally:
        i18n.install(qapp, "en")
    assert i18n.current_language() == "en" and i18n.default_config("char").corpus == "en"
    assert i18n.translate("RunsPanel", "current run: %Ln step(s)", "", 1) == "current run: 1 step"


def test_the_window_command_line_takes_lang():
    from rnn_lab.engine.cli import build_parser, parse_args

    assert parse_args(["--lang", "ja", "--screenshot", "x.png"]).lang == "ja"
    assert parse_args(["gui", "--lang", "en"]).lang == "en"
    assert "--lang" in build_parser().format_help()


# ---------------------------------------------------------------------------- the engine's sentences
def test_engine_sentences_arrive_translated_with_the_locales_numbers(qapp, japanese):
    err = TaskError(QT_TRANSLATE_NOOP("engine", "The text contains {char!r} (line {line}), which is not among "
                                                "the model's {n} characters."), char="龍", line=12345, n=861)
    assert str(err) == "The text contains '龍' (line 12,345), which is not among the model's 861 characters."
    from rnn_lab.engine import messages

    event = messages.event("error", err)
    assert i18n.message_text(event) == "文章に、モデルの 861 文字にない文字 '龍' があります（12,345 行目）。"
    nested = Sentence(QT_TRANSLATE_NOOP("engine", "Training stopped: {error}"), error=err)
    assert i18n.sentence_text(nested.to_dict()).startswith("学習が止まりました: 文章に")
    assert i18n.sentence_text("LSTM") == "LSTM" and i18n.engine_text("forget gate") == "忘却ゲート"
    assert i18n.sentence_text(Sentence("not in the catalogue {x}", x=1)) == "not in the catalogue 1"


def test_a_broken_translation_never_hides_the_message(qapp, japanese, monkeypatch):
    monkeypatch.setattr(i18n, "engine_text", lambda text: "壊れた {nope}")
    assert i18n.sentence_text(Sentence("Step {step}", step=3)) == "Step 3"


# ---------------------------------------------------------------------------- fonts
def test_a_missing_japanese_font_is_said_once_in_english(qtbot, settings, japanese, monkeypatch):
    monkeypatch.setattr(fonts, "draws_japanese", lambda font=None: False)
    win, controller = open_window(qtbot, settings)
    try:
        banner = win.banner.label.text()
        assert "fonts-noto-cjk" in banner and "Japanese" in banner and not win.banner.isHidden()
        win.banner.hide()
        controller.build(i18n.default_config("adder"))
        qtbot.wait(300)
        assert win.banner.isHidden()  # once
    finally:
        win.close()
        controller.close(timeout=2.0)


def test_the_font_check_asks_qt(qapp):
    assert fonts.draws_japanese()  # fonts-noto-cjk is installed on the test machine
    assert fonts.shows_japanese({"data_info": {"vocab": list("あいう")}}, "en")
    assert not fonts.shows_japanese({"data_info": {"vocab": list("abc")}}, "en")
    assert fonts.shows_japanese({}, "ja")


# ---------------------------------------------------------------------------- the Japanese built-in text
def test_the_built_in_menu_switches_the_character_model_to_the_japanese_texts(qtbot, settings):
    win, controller = open_window(qtbot, settings, i18n.default_config("char", hidden=16, embed=8))
    try:
        panel = win.task_panel
        assert panel.builtin_button.menu() is panel.builtin_menu and panel.builtin_button.isEnabled()
        entries = {a.data(): a for a in panel.builtin_menu.actions()}
        assert entries["en"].isChecked() and not entries["ja"].isChecked()
        entries["ja"].trigger()  # nothing trained yet: no question asked
        qtbot.waitUntil(lambda: win.info["config"]["corpus"] == "ja", timeout=WAIT_MS)
        assert win.info["config"]["dropout"] == 0.5  # the corpus's defaults follow it...
        assert win.info["config"]["embed"] == 8  # ...unless the user changed them
        assert entries["ja"].isChecked() and "Japanese" in win.task_panel.data_label.text()
        assert len(win.info["data_info"]["vocab"]) > 800
        win.hyper.editors["dropout"].valueCommitted.emit(0.2)  # a choice of the user's stays when switching back
        assert win.hyper.current_config().dropout == 0.2
        entries["en"].trigger()
        qtbot.waitUntil(lambda: win.info["config"]["corpus"] == "en", timeout=WAIT_MS)
        assert win.info["config"]["dropout"] == 0.2
    finally:
        win.close()
        controller.close(timeout=2.0)


def test_the_japanese_window_starts_the_character_model_on_the_japanese_texts(qtbot, settings, japanese):
    from rnn_lab.gui.panels.timeline import SampleTimelinePanel

    win, controller = open_window(qtbot, settings, i18n.default_config("char", hidden=16, embed=8))
    try:
        assert win.info["config"]["corpus"] == "ja" and win.info["config"]["dropout"] == 0.5
        timeline = next(p for p in win.panels if isinstance(p, SampleTimelinePanel))
        assert timeline.prompt.text() == "川の"  # a prompt the model can read
    finally:
        win.close()
        controller.close(timeout=2.0)
