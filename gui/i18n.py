"""The window's language: which one, Qt's translators for it, and the engine's sentences in it.

RNN Lab speaks English and Japanese. The language follows the system (``QLocale.system()``: a Japanese
desktop gets Japanese), unless View > Language chose one (remembered in the settings, key
``language``) or the command line says ``--lang ja|en``. It takes effect when the window starts:
``install(app, lang)`` loads the catalogue (``assets/i18n/rnn_lab_<lang>.qm``, compiled from
``i18n/rnn_lab_<lang>.ts`` by ``i18n/update.py``) and Qt's own (``qtbase_<lang>.qm``: the standard
buttons and dialogs), and makes the language's locale the default one, so that numbers are written
the user's way (``number``).

The window's own texts go through ``self.tr(...)`` or ``translate(context, ...)`` (Qt's system). What
the engine says reaches the window as English text marked ``QT_TRANSLATE_NOOP("engine", ...)``, or as
an ``engine.i18n.Sentence`` (a template and its values): ``engine_text`` and ``sentence_text``
translate those, ``message_text`` an engine message ("event", "build_failed").

A leaf module: Qt and the engine's leaf ``i18n`` only.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from rnn_lab.engine.config import Config
from rnn_lab.engine.i18n import CONTEXT, Sentence, is_sentence_dict
from rnn_lab.engine.resources import asset_path
from rnn_lab.engine.tasks.registry import PRESETS, TASKS
from rnn_lab.engine.tasks.registry import default_config as registry_default_config

LANGUAGES = {"en": "English", "ja": "日本語"}  # code -> its name in itself (the View > Language menu)
DEFAULT = "en"
SETTING = "language"  # the settings' key: a code of LANGUAGES, or "" to follow the system
LOCALES = {"en": "en_US", "ja": "ja_JP"}  # the locale a language formats numbers by when the system's differs
_PROPERTY = "rnnlab_language"  # the QCoreApplication property that records the language installed
log = logging.getLogger("rnnlab.gui")


def system_language(locale: QLocale | None = None) -> str:
    """The first language of the system's user-interface languages (``locale``'s: default, the system's)
    that RNN Lab speaks; English when the first one it names is a language RNN Lab does not speak."""
    for tag in (locale if locale is not None else QLocale.system()).uiLanguages():
        code = tag.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
        if code not in ("c", "posix", ""):  # a language RNN Lab does not speak: English, not the next one
            return DEFAULT
    return DEFAULT


def chosen_language(settings: QSettings | None) -> str:
    """What View > Language chose ("" = follow the system)."""
    value = str(settings.value(SETTING, "") or "") if settings is not None else ""
    return value if value in LANGUAGES else ""


def choose_language(asked: str | None = None, settings: QSettings | None = None) -> str:
    """The window's language: ``asked`` (the command line's ``--lang``), else the settings' choice,
    else the system's."""
    if asked in LANGUAGES:
        return asked
    return chosen_language(settings) or system_language()


def catalogue_path(lang: str) -> Path:
    """The compiled catalogue of ``lang`` (package data)."""
    return asset_path("i18n", f"rnn_lab_{lang}.qm")


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Speak ``lang`` from now on: RNN Lab's catalogue, Qt's own, the locale numbers follow. Returns the
    translators (kept on the application too). English has a catalogue as well: its plural forms."""
    for old in app.property("rnnlab_translators") or []:
        app.removeTranslator(old)
    translators: list[QTranslator] = []
    ours = QTranslator(app)  # (English too: its plural forms, "1 step" / "2 steps")
    if ours.load(str(catalogue_path(lang))):
        translators.append(ours)
    else:
        log.warning("no catalogue for %s at %s%s", lang, catalogue_path(lang),
                    "" if lang == DEFAULT else ": the window stays in English")
    qt = QTranslator(app)  # Qt's own: the standard buttons and dialogs
    if lang != DEFAULT and qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    for t in translators:
        app.installTranslator(t)
    app.setProperty("rnnlab_translators", translators)
    app.setProperty(_PROPERTY, lang)
    system = QLocale.system()
    same = system.name().split("_")[0] == LOCALES.get(lang, "en_US").split("_")[0]
    QLocale.setDefault(system if same else QLocale(LOCALES.get(lang, "en_US")))
    return translators


def current_language() -> str:
    """The language installed in this application ("en" before ``install``)."""
    app = QCoreApplication.instance()
    lang = app.property(_PROPERTY) if app is not None else None
    return lang if lang in LANGUAGES else DEFAULT


def default_corpus() -> str:
    """The character model's built-in texts for this window: Japanese in a Japanese window."""
    return "ja" if current_language() == "ja" else "en"


def default_config(task: str = "adder", preset: str | None = None, **overrides: Any) -> Config:
    """``tasks.registry.default_config`` for this window: the character model reads the built-in texts
    of the window's language (``config.corpus``) unless told otherwise."""
    name = PRESETS[preset]["task"] if preset in PRESETS else task
    if name in TASKS and "corpus" in TASKS[name].settings and "corpus" not in (PRESETS.get(preset) or {}):
        overrides.setdefault("corpus", default_corpus())
    return registry_default_config(task, preset, **overrides)


# ---------------------------------------------------------------------------- translating
# The metrics' names as the window writes them (a task's ``metric_name`` and the other keys of its evaluation)
METRICS = {"loss": QT_TRANSLATE_NOOP("Metrics", "loss"), "perplexity": QT_TRANSLATE_NOOP("Metrics", "perplexity"),
           "accuracy": QT_TRANSLATE_NOOP("Metrics", "accuracy"),
           "bit_accuracy": QT_TRANSLATE_NOOP("Metrics", "bit accuracy"),
           "char_accuracy": QT_TRANSLATE_NOOP("Metrics", "character accuracy"),
           "metric": QT_TRANSLATE_NOOP("Metrics", "metric")}


def metric_label(name: str, capital: bool = False) -> str:
    """A metric's name in the window's language ("perplexity"; ``capital``: "Perplexity")."""
    text = QCoreApplication.translate("Metrics", METRICS[name]) if name in METRICS else name.replace("_", " ")
    return text[:1].upper() + text[1:] if capital else text


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language (Qt's ``QCoreApplication.translate``). A call of this name with a
    literal context and text is what the extractor finds (``i18n/update.py``)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def engine_text(text: str) -> str:
    """A text the engine marked with ``QT_TRANSLATE_NOOP("engine", ...)`` (a task's title, a gate's name,
    a setting's help), translated; anything else as it is."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def number(n: int) -> str:
    """A whole number as the user's locale writes it ("12,345"); thousands separators even where the
    system's locale is C (a test, a bare container)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return f"{n:,}"
    return locale.toString(int(n))


class _Formatter(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if not format_spec and isinstance(value, int) and not isinstance(value, bool):
            return number(value)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def sentence_text(value: Any) -> str:
    """An engine ``Sentence`` (or its ``to_dict()``), translated and filled in with the user's numbers;
    a plain string is translated if the catalogue has it (a marked constant), else shown as it is."""
    if isinstance(value, Sentence):
        template, args = value.template, value.args
    elif is_sentence_dict(value):
        template, args = str(value["template"]), dict(value.get("args") or {})
    else:
        return engine_text(str(value)) if value is not None else ""
    filled = {k: sentence_text(v) if isinstance(v, Sentence) or is_sentence_dict(v) else v for k, v in args.items()}
    translated = engine_text(template)
    if not filled:
        return translated
    for candidate in (translated, template):  # a broken translation never hides the message
        try:
            return _FORMATTER.vformat(candidate, (), filled)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            log.warning("cannot fill %r with %r", candidate, sorted(filled))
    return str(value) if isinstance(value, str) else template


def message_text(msg: Mapping[str, Any]) -> str:
    """What an engine message (an "event", a "build_failed") says, in the window's language."""
    sentence = msg.get("sentence")
    return sentence_text(sentence) if sentence else str(msg.get("message", ""))


def info_text(info: Mapping[str, Any], key: str) -> str:
    """One of a built run's texts (``host.task_info``'s "sentences": "description", "note", "source"),
    translated; the English text when the run did not send one (an older front end's fake)."""
    sentence = (info.get("sentences") or {}).get(key)
    if sentence:
        return sentence_text(sentence)
    if key == "source":
        return sentence_text(str((info.get("data_info") or {}).get("source", "")))
    return sentence_text(str(info.get(key) or ""))


__all__ = ["DEFAULT", "LANGUAGES", "SETTING", "catalogue_path", "choose_language", "chosen_language",
           "current_language", "default_config", "default_corpus", "engine_text", "info_text", "install", "message_text", "metric_label", "number", "sentence_text",
           "system_language", "translate"]
