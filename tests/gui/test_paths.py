"""The user's folders are named once, ``rnn-lab``; an older version's settings and autosave move over."""

from __future__ import annotations

from pathlib import Path

import pytest
from PyQt6.QtCore import QSettings

from rnn_lab.gui import paths


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh home: Qt's standard locations and QSettings' files all under tmp_path."""
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "share"), ("XDG_STATE_HOME", "state")):
        monkeypatch.setenv(var, str(tmp_path / sub))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield tmp_path
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(Path.home() / ".config"))


def test_every_folder_is_named_rnn_lab(home, qapp):
    assert paths.data_folder() == home / "share" / "rnn-lab"
    assert paths.state_folder() == home / "state" / "rnn-lab"
    settings = paths.user_settings()
    settings.setValue("theme", "dark")
    settings.sync()
    assert Path(settings.fileName()) == home / "config" / "rnn-lab" / "settings.conf"


def test_an_older_versions_settings_and_autosave_move_once(home, qapp):
    old = QSettings("RNN Lab", "RNN Lab")
    old.setValue("theme", "dark")
    old.setValue("task", "char")
    old.sync()
    old_autosave = home / "share" / "RNN Lab" / "RNN Lab" / "autosave.npz"
    old_autosave.parent.mkdir(parents=True)
    old_autosave.write_bytes(b"PK the old run")

    settings = paths.user_settings()
    moved = paths.migrate_old_locations(settings)
    assert len(moved) == 2
    assert settings.value("theme") == "dark" and settings.value("task") == "char"
    assert (paths.data_folder() / "autosave.npz").read_bytes() == b"PK the old run"
    assert not old_autosave.exists()

    settings.setValue("theme", "light")  # the user changes something: a second start moves nothing back
    assert paths.migrate_old_locations(settings) == []
    assert settings.value("theme") == "light"


def test_the_application_is_named_for_the_desktop(qapp):
    paths.name_application(qapp)
    assert qapp.applicationName() == "rnn-lab"
    assert qapp.desktopFileName() == "rnn-lab"
