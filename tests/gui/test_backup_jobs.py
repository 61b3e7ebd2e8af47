"""The backups the window starts run as jobs on a connection of their own: they
never read the window's connection from the pool thread, and a restore asked for
while one is still copying is refused instead of swapping the file under it."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from station_desk.domain.errors import UserError
from station_desk.services.desk import Desk
from station_desk.services.store import BUSY_WITH_JOBS
from station_desk.ui.archive import page as archive
from station_desk.ui.archive.page import ArchivePage
from station_desk.ui.jobs import wait_for
from station_desk.ui.main_window import MainWindow


def _held(real: Any, seen: list[bool], desk: Desk, started: threading.Event,
          release: threading.Event) -> Any:
    window_db = desk.store.db

    def waiting(*args: Any, **kwargs: Any) -> Any:
        seen.append(desk.store.jobs_running > 0 and desk.store.db is not window_db)
        started.set()
        assert release.wait(20), "the test never released the backup"
        return real(*args, **kwargs)

    return waiting


def test_the_daily_backup_is_a_job_and_a_restore_waits_for_it(
        qtbot, village: Desk, boxes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    village.session.sign_in("王建国", "123456")
    (tmp_path / "U盘").mkdir()
    saved = village.backups.backup_to(tmp_path / "U盘")
    seen: list[bool] = []
    started, release = threading.Event(), threading.Event()
    monkeypatch.setattr(village.backups, "startup_backup",
                        _held(village.backups.startup_backup, seen, village, started, release))
    window = MainWindow(village)
    qtbot.addWidget(window)
    job = window.start_daily_backup()
    try:
        assert started.wait(5)
        with pytest.raises(UserError, match=BUSY_WITH_JOBS):
            village.backups.restore_from(saved)
    finally:
        release.set()
    assert wait_for(job) is not None
    assert seen == [True]


def test_a_backup_to_the_stick_is_a_job(qtbot, village: Desk, boxes, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    village.session.sign_in("王建国", "123456")
    page = ArchivePage(village)
    qtbot.addWidget(page)
    (tmp_path / "U盘").mkdir()
    monkeypatch.setattr(archive, "choose_folder", lambda *_a: str(tmp_path / "U盘"))
    seen: list[bool] = []
    started, release = threading.Event(), threading.Event()
    release.set()
    monkeypatch.setattr(village.backups, "backup_to",
                        _held(village.backups.backup_to, seen, village, started, release))
    made = wait_for(page.backup_now())
    assert made is not None and made.exists()
    assert seen == [True]
