"""Going around the program with plain sqlite3 is refused, and what gets through
(triggers dropped first) is noticed on the next start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.keyed import raw

from station_desk.db import audit_chain, cipher
from station_desk.db.connection import ARCHIVE_NAME
from station_desk.domain.station import Role
from station_desk.services.desk import Desk, StaffInput


def _shell(data_dir: Path) -> Any:
    """What a local user has: the sqlite3 shell, without the program's functions."""
    return raw(data_dir / ARCHIVE_NAME, isolation_level=None)


def _reopened(data_dir: Path) -> audit_chain.TamperReport:
    desk = Desk.open(data_dir, full_check=True)
    try:
        return desk.db.tamper
    finally:
        desk.close()


def test_a_clean_archive_passes_the_check(village: Desk, data_dir: Path) -> None:
    village.station.add_staff(StaffInput("赵强", Role.AGENT, None))
    village.close()
    report = _reopened(data_dir)
    assert not report.tampered, report.problems


@pytest.mark.parametrize("sql", [
    "UPDATE staff SET role = 'head' WHERE name = '张丽'",
    "INSERT INTO windows (id, name, position, created_at, updated_at) "
    "VALUES ('x', '暗窗', 9, '2026', '2026')",
    "UPDATE sync_versions SET seq = 0",
], ids=["clerk-made-head", "insert", "sync-table"])
def test_plain_sqlite3_cannot_change_a_table(village: Desk, data_dir: Path, sql: str) -> None:
    village.close()
    shell = _shell(data_dir)
    try:
        with pytest.raises(cipher.OperationalError, match="sd_writer"):
            shell.execute(sql)
    finally:
        shell.close()


def test_a_row_rewritten_after_dropping_the_guard_is_noticed(village: Desk,
                                                             data_dir: Path) -> None:
    village.close()
    shell = _shell(data_dir)
    try:
        shell.execute("DROP TRIGGER guard_update_staff")
        shell.execute("UPDATE staff SET role = 'head' WHERE name = '张丽'")
    finally:
        shell.close()
    report = _reopened(data_dir)
    assert report.tampered
    text = report.message()
    assert "guard_update_staff" in text and "被删除" in text
    assert "staff" in text and "被直接改写" in text


def test_a_rewritten_history_breaks_the_chain(village: Desk, data_dir: Path) -> None:
    village.station.add_staff(StaffInput("赵强", Role.AGENT, None))
    village.close()
    shell = _shell(data_dir)
    try:
        # drop every guard, rewrite one audit row, put the triggers back as they were
        saved = shell.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                              "AND tbl_name = 'audit_log'").fetchall()
        for name, _ in saved:
            shell.execute(f"DROP TRIGGER {name}")
        shell.execute("UPDATE audit_log SET actor_name = '王建国' WHERE id = "
                      "(SELECT MAX(id) FROM audit_log WHERE table_name = 'staff')")
        for _, sql in saved:
            shell.execute(sql)
    finally:
        shell.close()
    report = _reopened(data_dir)
    assert report.tampered
    assert any("被改写" in p and "校验链" in p for p in report.problems)


def test_a_deleted_audit_row_is_noticed(village: Desk, data_dir: Path) -> None:
    village.close()
    shell = _shell(data_dir)
    try:
        for name in ("no_delete_audit_log", "guard_delete_audit_log"):
            shell.execute(f"DROP TRIGGER {name}")
        shell.execute("DELETE FROM audit_log WHERE id = 3")
    finally:
        shell.close()
    problems = _reopened(data_dir).problems
    assert any("被删除" in p for p in problems)


def test_every_table_is_guarded_and_sync_tables_are_audited(village: Desk) -> None:
    tables = set(audit_chain.guardable_tables(village.db))
    assert {"cases", "staff", "sync_imports", "sync_versions", "audit_log",
            "change_log", "intake_requests"} <= tables
    assert audit_chain.guarded(village.db) == tables
    village.db.execute("INSERT INTO sync_versions (table_name, record_id, station_code, seq) "
                       "VALUES ('cases', 'x', '610922101000', 5)")
    [(action, after)] = village.db.execute(
        "SELECT action, after FROM audit_log WHERE table_name = 'sync_versions'").fetchall()
    assert action == "insert" and '"seq":5' in after
