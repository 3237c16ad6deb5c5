"""Extract the window's texts into the catalogues and compile them: ``python i18n/update.py``.

1. ``pylupdate6`` (ships with PyQt6) reads every ``.py`` of ``gui/`` and ``engine/`` and merges what it
   finds into ``i18n/rnn_lab_ja.ts``: new texts appear as unfinished, texts gone from the code are
   dropped, translations already there are kept. The marks it reads: ``self.tr(...)``,
   ``translate("Context", ...)`` / ``QCoreApplication.translate(...)`` and ``QT_TRANSLATE_NOOP(...)``
   (the engine's own no-op of that name, in ``engine/i18n.py``: the engine never imports Qt).
2. ``i18n/rnn_lab_en.ts`` holds only the texts with a count (``tr("%n step(s)", "", n)``): English
   needs its singular and plural forms too. A new one gets forms made from its "(s)" ("step" /
   "steps"); check them, they are kept as written from then on.
3. Qt's ``lrelease`` compiles each ``.ts`` to ``assets/i18n/rnn_lab_<lang>.qm`` (package data).
   Debian/Ubuntu: ``sudo apt-get install qt6-l10n-tools`` (``/usr/lib/qt6/bin/lrelease``); or set
   ``LRELEASE``. ``--no-compile`` skips this step.

Translate by editing ``i18n/rnn_lab_ja.ts`` (a text file; Qt Linguist opens it too), then run this
again. ``tests/packaging/test_catalogue.py`` fails when a text has no translation, when a
translation's ``{fields}`` differ from its source's, or when a ``.qm`` is older than its ``.ts``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "i18n"
QM_DIR = ROOT / "assets" / "i18n"
SOURCES = ("gui", "engine")
LANGUAGES = ("ja",)  # full catalogues; English gets the plural forms only (rnn_lab_en.ts)
LRELEASE = ("lrelease", "/usr/lib/qt6/bin/lrelease", "/usr/lib/qt5/bin/lrelease", "lrelease-qt6")


def ts_path(lang: str) -> Path:
    return TS_DIR / f"rnn_lab_{lang}.ts"


def qm_path(lang: str) -> Path:
    return QM_DIR / f"rnn_lab_{lang}.qm"


def extract(lang: str) -> None:
    """Merge the texts of the sources into ``rnn_lab_<lang>.ts`` with pylupdate6."""
    pylupdate = shutil.which("pylupdate6") or str(Path(sys.executable).with_name("pylupdate6"))
    files = sorted(str(p.relative_to(ROOT)) for d in SOURCES for p in (ROOT / d).rglob("*.py"))
    subprocess.run([pylupdate, "--no-obsolete", "--no-summary", "--ts", str(ts_path(lang).relative_to(ROOT)),
                    *files], cwd=ROOT, check=True)


def english_forms(source: str) -> tuple[str, str]:
    """Singular and plural of a text with a count: "%n step(s)" -> ("%n step", "%n steps")."""
    return re.sub(r"\(s\)", "", source), re.sub(r"\(s\)", "s", source)


def update_english(template: Path, out: Path) -> int:
    """Write ``out`` with the texts with a count of ``template`` (a full catalogue), keeping the forms
    already in ``out``; returns how many were new."""
    kept: dict[tuple[str, str, str], list[str]] = {}
    if out.exists():
        for ctx in ET.parse(out).getroot().iter("context"):
            name = ctx.findtext("name")
            for msg in ctx.iter("message"):
                forms = [f.text or "" for f in msg.iter("numerusform")]
                if forms and msg.find("translation").get("type") != "unfinished":
                    kept[(name, msg.findtext("source"), msg.findtext("comment") or "")] = forms
    root = ET.Element("TS", version="2.1", language="en_US")
    new = 0
    for ctx in ET.parse(template).getroot().iter("context"):
        name = ctx.findtext("name")
        plural = [m for m in ctx.iter("message") if m.get("numerus") == "yes"]
        if not plural:
            continue
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = name
        for msg in plural:
            source, comment = msg.findtext("source"), msg.findtext("comment") or ""
            m = ET.SubElement(c, "message", numerus="yes")
            for loc in msg.iter("location"):
                ET.SubElement(m, "location", loc.attrib)
            ET.SubElement(m, "source").text = source
            if comment:
                ET.SubElement(m, "comment").text = comment
            forms = kept.get((name, source, comment))
            if forms is None:
                forms, new = list(english_forms(source)), new + 1
            t = ET.SubElement(m, "translation")
            for f in forms:
                ET.SubElement(t, "numerusform").text = f
    ET.indent(root, space="    ")
    out.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                   + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    return new


def find_lrelease() -> str | None:
    if os.environ.get("LRELEASE"):
        return os.environ["LRELEASE"]
    return next((p for p in (shutil.which(c) or (c if os.path.isabs(c) and os.access(c, os.X_OK) else None)
                             for c in LRELEASE) if p), None)


def compile_all(langs: list[str]) -> None:
    lrelease = find_lrelease()
    if lrelease is None:
        sys.exit("i18n/update.py: lrelease not found: sudo apt-get install qt6-l10n-tools, or set LRELEASE "
                 "(or run with --no-compile)")
    QM_DIR.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        subprocess.run([lrelease, "-silent", "-nounfinished", str(ts_path(lang)), "-qm", str(qm_path(lang))],
                       check=True)
        print(f"compiled {qm_path(lang).relative_to(ROOT)}")


def summary(lang: str) -> str:
    messages = list(ET.parse(ts_path(lang)).getroot().iter("message"))
    unfinished = [m for m in messages if m.find("translation").get("type") == "unfinished"]
    return f"{ts_path(lang).relative_to(ROOT)}: {len(messages)} texts, {len(unfinished)} not translated yet"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-compile", action="store_true", help="extract only; do not run lrelease")
    args = parser.parse_args(argv)
    for lang in LANGUAGES:
        extract(lang)
        print(summary(lang))
    new = update_english(ts_path(LANGUAGES[0]), ts_path("en"))
    print(f"{summary('en')}" + (f" ({new} new: check their English plural forms)" if new else ""))
    if not args.no_compile:
        compile_all([*LANGUAGES, "en"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
