"""Test-wide settings: Qt renders offscreen, and the reference data comes from RNNLAB_DATA."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# One BLAS thread for the suite: tests are small and share 2 cores with each other's processes. The app
# itself counts the machine's cores (engine/threads.py) and honours this variable when a user sets it.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PyQt6")


@pytest.fixture
def data_dir() -> Path:
    """The folder of reference data sets (PTB, Tiny Shakespeare, seq2seq), or skip with the reason."""
    root = os.environ.get("RNNLAB_DATA")
    if not root:
        pytest.skip("RNNLAB_DATA is not set: the reference data sets (see ../shared/data/README.md) are not available")
    path = Path(root)
    if not path.is_dir():
        pytest.skip(f"RNNLAB_DATA={root} is not a folder")
    return path


@pytest.fixture
def rng():
    import numpy as np

    return np.random.default_rng(0)


@pytest.fixture(autouse=True)
def no_modal_dialogs(request, monkeypatch):
    """A modal dialog nobody answers would hang the suite: in a GUI test, opening one fails the test
    instead (tests that expect a dialog replace ``exec`` or the method that asks)."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from PyQt6.QtWidgets import QDialog, QMessageBox

    def refuse(self, *args, **kwargs):
        pytest.fail(f"a modal dialog opened during the test: {self.windowTitle()!r} {getattr(self, 'text', lambda: '')()!r}")

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    monkeypatch.setattr(QDialog, "exec", refuse)


@pytest.fixture(autouse=True)
def _delete_closed_widgets(request):
    """After a GUI test (and after qtbot has closed its widgets: this fixture is set up first, so it is
    torn down last), the widgets closed for deletion are deleted now, and their Python side collected,
    so that none is painted or deleted later, in the middle of another test's event processing. (Two of
    eight CI runs on 2026-12-08 crashed in pyqtgraph's ImageItem.paint during the event processing that
    follows a test; not reproduced since, neither alone nor under gdb.)"""
    yield
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        import gc

        from PyQt6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture(autouse=True)
def _window_language(request):
    """Tests that make widgets see the window as it starts in English (its catalogue gives the plural
    forms: "1 step", "2 steps"); the ``japanese`` fixture switches, and English comes back after it."""
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        from rnn_lab.gui import i18n

        app = request.getfixturevalue("qapp")
        if app.property("rnnlab_language") != "en":
            i18n.install(app, "en")
    yield


@pytest.fixture
def japanese(qapp):
    """The window's language is Japanese for this test (``gui/i18n.install``), English again after it."""
    from rnn_lab.gui import i18n

    i18n.install(qapp, "ja")
    yield
    i18n.install(qapp, "en")
