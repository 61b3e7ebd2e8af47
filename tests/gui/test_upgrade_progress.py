"""The first start of a new version copies the archive aside before migrating it:
the clerk sees a window saying so, not minutes of nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from station_desk.db.connection import open_database
from station_desk.db.migrations import known_names
from station_desk.services.store import archive_file
from station_desk.ui import app
from station_desk.ui.setup import upgrade_progress
from station_desk.ui.setup.upgrade_progress import UpgradeProgress


def _shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, str, int, int]]:
    seen: list[tuple[bool, str, int, int]] = []
    real = UpgradeProgress.__call__

    def call(self: UpgradeProgress, done: int, total: int) -> None:
        real(self, done, total)
        assert self.dialog is not None
        seen.append((self.dialog.isVisible(), self.dialog.labelText(),
                     self.dialog.value(), self.dialog.maximum()))

    monkeypatch.setattr(UpgradeProgress, "__call__", call)
    return seen


def test_an_archive_to_migrate_shows_the_copy_then_closes_it(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_database(archive_file(tmp_path), stop_before=known_names()[-1]).close()
    seen = _shown(monkeypatch)
    desk = app.open_desk(tmp_path)
    assert desk is not None
    try:
        assert seen and all(visible for visible, *_ in seen)
        assert seen[0][1] == upgrade_progress.COPYING
        _, label, value, maximum = seen[-1]
        assert label == upgrade_progress.UPGRADING and value == maximum > 1
        assert not any(isinstance(w, upgrade_progress.QProgressDialog) and w.isVisible()
                       for w in app.QApplication.topLevelWidgets())
    finally:
        desk.close()


def test_an_up_to_date_archive_shows_nothing(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_database(archive_file(tmp_path)).close()
    seen = _shown(monkeypatch)
    desk = app.open_desk(tmp_path)
    assert desk is not None
    desk.close()
    assert seen == []
