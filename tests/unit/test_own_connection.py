"""A job's own connection: every service on its thread uses it, read-only unless
asked to write, and a restore waits until no job holds one."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from station_desk.db import cipher
from station_desk.domain.errors import UserError
from station_desk.services.desk import Desk


def test_a_job_thread_reads_through_its_own_connection(village: Desk) -> None:
    window_db = village.store.db
    seen: dict[str, object] = {}

    def job() -> None:
        with village.store.own_connection():
            seen["own"] = village.store.db is not window_db
            seen["station"] = village.station.current.name  # a service, unchanged
            seen["running"] = village.store.jobs_running
            try:
                village.store.db.execute("CREATE TABLE x (y)")
            except cipher.OperationalError as exc:
                seen["write"] = str(exc)
        seen["after"] = village.store.db is window_db

    worker = threading.Thread(target=job)
    worker.start()
    worker.join(20)
    assert seen["own"] and seen["after"] and seen["running"] == 1
    assert seen["station"] == "西沟村便民服务站"
    assert "readonly" in str(seen["write"]).replace(" ", "").lower()
    assert village.store.db is window_db and village.store.jobs_running == 0


def test_a_writing_job_commits_what_the_window_then_sees(village: Desk) -> None:
    def job() -> None:
        with village.store.own_connection(writes=True):
            village.station.add_window("便民窗口二")

    worker = threading.Thread(target=job)
    worker.start()
    worker.join(20)
    assert "便民窗口二" in [w.name for w in village.station.windows()]


def test_a_restore_waits_for_the_jobs(village: Desk, tmp_path: Path) -> None:
    village.session.sign_in("王建国", "123456")
    backup = village.backups.backup_to(tmp_path)
    with village.store.own_connection(), pytest.raises(UserError, match="后台还有工作"):
        village.backups.restore_from(backup)
    assert village.station.current is not None  # the window's archive still open
