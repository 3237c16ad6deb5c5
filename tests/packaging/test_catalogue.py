"""The translation catalogues: complete, up to date with the code, consistent, and compiled as shipped.

``i18n/rnn_lab_<lang>.ts`` are the reviewable sources, ``assets/i18n/rnn_lab_<lang>.qm`` what the window
loads (compiled by ``python i18n/update.py``; CI has no lrelease, so a test holds each .qm equal to its
.ts). Extracting again from the code (pylupdate6, as ``i18n/update.py`` does) must find nothing new: a
text shown in the window without a translation fails here, naming it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "i18n"))
import update  # noqa: E402  (i18n/update.py: the extraction the catalogue must match)

LANGUAGES = ("ja", "en")
FIELD = re.compile(r"\{[^{}]*\}")  # str.format fields: "{step}", "{p:.3f}"
TAG = re.compile(r"</?(?![ib]>)[a-zA-Z]+[^>]*>|&[a-z]+;")  # markup and entities (italics and bold may go)


def messages(path: Path) -> list[dict]:
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        for m in ctx.iter("message"):
            t = m.find("translation")
            forms = [f.text or "" for f in t.iter("numerusform")]
            out.append({"context": ctx.findtext("name"), "source": m.findtext("source"),
                        "comment": m.findtext("comment"), "numerus": m.get("numerus") == "yes",
                        "unfinished": t.get("type") in ("unfinished", "vanished", "obsolete"),
                        "forms": forms, "text": t.text or "",
                        "where": [f"{loc.get('filename')}:{loc.get('line')}" for loc in m.iter("location")]})
    return out


def test_every_text_of_the_window_has_a_japanese_translation(tmp_path):
    """Extract the code's texts again into a copy of the catalogue: nothing may be new or untranslated,
    and nothing the code no longer has may linger (run ``python i18n/update.py`` and translate)."""
    if shutil.which("pylupdate6") is None and not Path(sys.executable).with_name("pylupdate6").exists():
        pytest.skip("pylupdate6 (part of PyQt6) is not on the PATH")
    committed = update.ts_path("ja")
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    pylupdate = shutil.which("pylupdate6") or str(Path(sys.executable).with_name("pylupdate6"))
    files = sorted(str(p) for d in update.SOURCES for p in (ROOT / d).rglob("*.py"))
    subprocess.run([pylupdate, "--no-obsolete", "--no-summary", "--ts", str(copy), *files], check=True,
                   capture_output=True)
    fresh = messages(copy)
    missing = [f"{m['context']}: {m['source']!r} ({', '.join(m['where'])})" for m in fresh if m["unfinished"]]
    assert not missing, "texts without a Japanese translation (python i18n/update.py, then translate):\n" + \
        "\n".join(missing)
    key = lambda m: (m["context"], m["source"], m["comment"])  # noqa: E731
    assert {key(m) for m in fresh} == {key(m) for m in messages(committed)}, \
        "i18n/rnn_lab_ja.ts is not up to date with the code: run python i18n/update.py"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_their_fields_markup_and_counts(lang):
    """A translation has the same {fields} as its source (the code fills them in by name), the same HTML
    tags and entities, %n where the source counts, and one form per plural of its language."""
    bad = []
    for m in messages(update.ts_path(lang)):
        if m["unfinished"]:
            continue
        texts = m["forms"] if m["numerus"] else [m["text"]]
        for text in texts:
            if sorted(FIELD.findall(text)) != sorted(FIELD.findall(m["source"])):
                bad.append(("fields", m["source"], text))
            if sorted(TAG.findall(text)) != sorted(TAG.findall(m["source"])):
                bad.append(("markup", m["source"], text))
            if re.search(r"%L?n", m["source"]) and not re.search(r"%L?n", text):
                bad.append(("count", m["source"], text))
        if m["numerus"] and len(texts) != {"ja": 1, "en": 2}[lang]:
            bad.append(("plural forms", m["source"], texts))
        mnemonic = re.compile(r"&(?=\w)")  # a menu's "&File" (not "&&", an entity, or "Apply & reset")
        if mnemonic.search(re.sub(r"&&|&[a-z]+;", "", m["source"])) and not m["numerus"]:
            if not mnemonic.search(re.sub(r"&&|&[a-z]+;", "", m["text"])):
                bad.append(("mnemonic", m["source"], m["text"]))
    assert not bad, "\n".join(map(str, bad))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalogue_holds_every_translation_of_its_source(lang, qapp):
    """assets/i18n/rnn_lab_<lang>.qm answers every message of i18n/rnn_lab_<lang>.ts with its translation
    (so the shipped .qm is never older than the reviewed .ts: recompile with python i18n/update.py)."""
    from PyQt6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(update.qm_path(lang))), update.qm_path(lang)
    qapp.installTranslator(translator)  # asked through the application: the last one installed answers first
    try:
        wrong = []
        for m in messages(update.ts_path(lang)):
            if m["unfinished"]:
                continue
            if m["numerus"]:
                for n, form in zip((1, 2) if lang == "en" else (1,), m["forms"]):
                    got = QCoreApplication.translate(m["context"], m["source"], m["comment"], n)
                    if got != re.sub(r"%L?n", str(n), form):
                        wrong.append((m["context"], m["source"], n, got, form))
            else:
                got = QCoreApplication.translate(m["context"], m["source"], m["comment"])
                if got != m["text"]:
                    wrong.append((m["context"], m["source"], got, m["text"]))
    finally:
        qapp.removeTranslator(translator)
    assert not wrong, f"{update.qm_path(lang).name} is older than its .ts: python i18n/update.py\n" + \
        "\n".join(map(str, wrong[:20]))


def test_catalogues_are_package_data():
    """The compiled catalogues live under assets/ (the wheel's package data), read with importlib.resources."""
    from rnn_lab.engine.resources import asset_path

    for lang in LANGUAGES:
        assert asset_path("i18n", f"rnn_lab_{lang}.qm").is_file()


def test_english_plural_forms_read_right():
    """The English catalogue gives "1 step", "2 steps": its forms are made from "(s)" and checked by hand."""
    for m in messages(update.ts_path("en")):
        one, many = m["forms"]
        assert "(s)" not in one + many, m["source"]
    assert update.english_forms("%n run(s)") == ("%n run", "%n runs")
