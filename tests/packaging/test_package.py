"""RNN Lab installs as one package, ``rnn_lab``, with its assets inside (issue: packaging).

The wheel itself is built, installed into a fresh venv and run from outside the checkout by ``.ci/run``;
these tests hold the pieces that make that work.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import rnn_lab
from rnn_lab.engine import desktop_entry
from rnn_lab.engine.data.builtin import builtin_text_path
from rnn_lab.engine.lessons import builtin_lessons, load_lesson
from rnn_lab.engine.resources import asset, asset_files

ROOT = Path(rnn_lab.__file__).parent  # the package's folder: in a checkout, the repository's root
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8")) \
    if (ROOT / "pyproject.toml").is_file() else None


def test_the_package_list_names_every_folder_of_code():
    """The explicit package list (package-dir maps rnn_lab to the root) must not forget a subpackage:
    a folder missing from it would be missing from the wheel, and only from the wheel."""
    if PYPROJECT is None:
        return  # an installed copy: nothing to compare against
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {"rnn_lab"} | {
        "rnn_lab." + ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("engine", "gui") for init in (ROOT / top).rglob("__init__.py")
    }
    assert listed == found
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {"rnn_lab": "."}


def test_one_version_in_one_place():
    if PYPROJECT is None:
        return
    assert "version" in PYPROJECT["project"]["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "rnn_lab.__version__"}
    from importlib.metadata import version

    assert version("rnn-lab") == rnn_lab.__version__


def test_user_dependencies_hold_no_developer_tools():
    if PYPROJECT is None:
        return
    users = " ".join(PYPROJECT["project"]["dependencies"])
    for tool in ("ruff", "torch", "pytest"):
        assert tool not in users
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert set(extras) == {"dev", "mp4"}  # mp4: a user's choice (PyAV for MP4 recordings), not a tool
    assert not any("torch" in d for d in extras["dev"])
    assert [d.split(">")[0] for d in extras["mp4"]] == ["av"]


def test_assets_are_read_as_package_resources():
    assert asset("icon.svg").is_file()
    assert asset("rnn-lab.desktop").is_file()
    assert builtin_text_path().is_file() and builtin_text_path().stat().st_size > 1000
    from rnn_lab.engine.data.builtin import builtin_texts

    texts = builtin_texts()  # the character task's corpus: the project's own texts, package data
    assert len(texts) >= 10 and sum(len(t) for _, t in texts) > 150_000
    shipped = builtin_lessons()
    assert len(shipped) == len(asset_files("lessons", ".json")) >= 5
    for path in shipped:
        assert load_lesson(path).title


def test_no_source_file_finds_assets_from_its_own_path():
    """Assets come through importlib.resources (engine/resources.py), never ``Path(__file__)`` arithmetic."""
    offenders = [str(p.relative_to(ROOT)) for top in ("engine", "gui") for p in (ROOT / top).rglob("*.py")
                 if "__file__" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_python_dash_m_rnn_lab_shows_the_window_options(tmp_path):
    result = subprocess.run([sys.executable, "-m", "rnn_lab", "--help"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for option in ("--screenshot", "--task", "--data", "--checkpoint", "--steps", "train", "sample", "eval"):
        assert option in result.stdout


def test_main_py_in_the_checkout_starts_the_same_program(tmp_path):
    if not (ROOT / "main.py").is_file():
        return
    a = subprocess.run([sys.executable, str(ROOT / "main.py"), "--version"], cwd=tmp_path, capture_output=True,
                       text=True, timeout=60)
    b = subprocess.run([sys.executable, "-m", "rnn_lab", "--version"], cwd=tmp_path, capture_output=True,
                       text=True, timeout=60)
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout == f"rnn-lab {rnn_lab.__version__}\n"


def test_main_py_runs_this_checkout_even_without_an_install(tmp_path):
    """``python main.py`` loads ``rnn_lab`` from the checkout it is in (with -S: no site-packages, so
    no editable install can help; NumPy is not needed for --version)."""
    if not (ROOT / "main.py").is_file():
        return
    code = (f"import runpy, sys; sys.argv = ['main.py', '--version']; "
            f"runpy.run_path({str(ROOT / 'main.py')!r}, run_name='__main__')")
    result = subprocess.run([sys.executable, "-S", "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            timeout=60)
    assert "rnn-lab " + rnn_lab.__version__ in result.stdout or "No module named 'numpy'" in result.stderr, \
        result.stderr[-1000:]
    assert "No module named 'rnn_lab'" not in result.stderr


def test_desktop_entry_install_and_remove(tmp_path):
    written = desktop_entry.install(base=tmp_path, command="/opt/venv/bin/rnn-lab")
    desktop, icon = written
    assert desktop == tmp_path / "applications" / "rnn-lab.desktop"
    text = desktop.read_text(encoding="utf-8")
    assert "Exec=/opt/venv/bin/rnn-lab\n" in text and "Icon=rnn-lab\n" in text
    assert "StartupWMClass=rnn-lab" in text  # the window's desktop file name, set in gui/paths.py
    assert icon.read_text(encoding="utf-8").lstrip().startswith("<svg")
    assert desktop_entry.remove(base=tmp_path) == written
    assert not desktop.exists() and not icon.exists()
