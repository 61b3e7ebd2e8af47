"""Opening the archive: new files get every migration, old files are migrated
after a copy aside, files from a newer program version are refused untouched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from tests.keyed import raw

from station_desk.db import connection, station_repo
from station_desk.db.connection import open_database
from station_desk.db.migrations import (
    MIGRATION_SET,
    RECORD_TABLES,
    known_names,
    latest_name,
    migrations,
)
from station_desk.domain.actor import Actor
from station_desk.domain.errors import StorageError
from station_desk.domain.station import OfficeHours, StationKind

ACTOR = Actor.system("测试")
JOURNAL_TABLES = ("audit_log", "change_log")


def _applied(path: Path) -> list[str]:
    """Migration names recorded in the file, read with a plain sqlite3 connection."""
    conn = raw(path)
    try:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET]).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


def _tables(conn: Any) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _copies_aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.before-*.db"))


def _make_station(db: Database) -> None:
    station_repo.create_station(
        db, code="610922101201", name="西沟村便民服务站", kind=StationKind.VILLAGE,
        town_code="", town_name="", address="西沟村村委会", phone="",
        office_hours=OfficeHours(), windows=["综合窗口", "帮办代办窗口"], actor=ACTOR)


def test_migration_names_are_unique_and_ordered() -> None:
    names = known_names()
    assert len(names) >= 3
    assert len(set(names)) == len(names)
    assert names == sorted(names)  # numbered: 0001_…, 0002_…
    assert latest_name() == names[-1]


def test_new_file_gets_every_migration_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    db = open_database(path)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = _tables(db.conn)
    finally:
        db.close()
    assert _applied(path) == known_names()
    for table in (*RECORD_TABLES, *JOURNAL_TABLES, "case_name_grams"):
        assert table in tables, table
    # WAL is a property of the file, not only of that connection
    conn = raw(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    finally:
        conn.close()
    # nothing to keep a copy of when the file is brand new
    assert _copies_aside(path) == []


def test_previous_schema_is_migrated_keeping_data_and_a_copy_aside(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    db = open_database(path, stop_before=latest_name())
    try:
        assert latest_name() in {m.name for m in migrations.pending(db)}
        _make_station(db)
    finally:
        db.close()
    before = _applied(path)
    assert before == known_names()[:-1]

    db = open_database(path)
    try:
        station = station_repo.get_station(db)
        assert station is not None
        assert (station.code, station.name) == ("610922101201", "西沟村便民服务站")
        assert [w.name for w in station_repo.list_windows(db)] == ["综合窗口", "帮办代办窗口"]
    finally:
        db.close()
    assert _applied(path) == known_names()

    copies = _copies_aside(path)
    assert len(copies) == 1, copies
    assert copies[0].name.startswith(f"archive.before-{latest_name()}.")
    # the copy is a sound SQLite file holding the state before the migration
    conn = raw(copies[0], read_only=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT code FROM station").fetchall() == [("610922101201",)]
        names = [r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET])]
    finally:
        conn.close()
    assert names == before


def test_up_to_date_file_is_reopened_without_copy_aside(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    open_database(path).close()
    db = open_database(path)
    try:
        _make_station(db)
    finally:
        db.close()
    open_database(path).close()
    assert _copies_aside(path) == []
    assert _applied(path) == known_names()


def _add_future_migration(path: Path, journal_mode: str) -> None:
    conn = raw(path, isolation_level=None)
    try:
        assert conn.execute(f"PRAGMA journal_mode={journal_mode}").fetchone()[0] == journal_mode
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [MIGRATION_SET, "9999_future", "2099-01-01 00:00:00.000000+00:00"])
    finally:
        conn.close()


@pytest.mark.parametrize(("older_schema", "journal_mode"), [
    (False, "wal"),
    (True, "wal"),
    # e.g. a backup (make_backup leaves them in rollback mode) from a newer version
    (False, "delete"),
], ids=["up-to-date", "older-schema", "rollback-journal"])
def test_file_from_a_newer_version_is_refused_untouched(tmp_path: Path, older_schema: bool,
                                                        journal_mode: str) -> None:
    """A newer program wrote 9999_future; even if our own steps are pending, touch nothing."""
    path = tmp_path / "archive.db"
    db = open_database(path, stop_before=latest_name() if older_schema else None)
    try:
        _make_station(db)
    finally:
        db.close()
    _add_future_migration(path, journal_mode)
    applied_before = _applied(path)
    assert applied_before[-1] == "9999_future"
    content, mtime = path.read_bytes(), path.stat().st_mtime_ns

    with pytest.raises(StorageError) as exc:
        open_database(path)
    assert "更新版本" in exc.value.message
    assert "9999_future" in exc.value.message

    assert path.read_bytes() == content
    assert path.stat().st_mtime_ns == mtime
    assert _applied(path) == applied_before
    assert _copies_aside(path) == []
    # and the connection was closed: the file can be opened exclusively
    conn = raw(path, isolation_level=None)
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def test_the_copy_before_migrating_reports_its_progress(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The window shows how far the copy is (minutes at a million cases); it is
    checked by quick_check, as the daily copy is, not the full integrity_check."""
    path = tmp_path / "archive.db"
    db = open_database(path, stop_before=latest_name())
    try:
        _make_station(db)
    finally:
        db.close()
    checks: list[bool] = []
    real_verify = connection.verify

    def verify(target: Path, key: bytes, *, full: bool = True) -> str | None:
        checks.append(full)
        return real_verify(target, key, full=full)

    monkeypatch.setattr(connection, "verify", verify)
    heard: list[tuple[int, int]] = []
    open_database(path, upgrade_progress=lambda done, total: heard.append((done, total))).close()
    assert heard[0] == (0, 1)  # said before the first page is copied
    done, total = heard[-1]
    assert total > 1 and done == total
    assert checks == [False]
    assert len(_copies_aside(path)) == 1

    heard.clear()
    open_database(path, upgrade_progress=lambda done, total: heard.append((done, total))).close()
    assert heard == []  # nothing to migrate: no copy, nothing shown


def test_a_command_says_once_that_it_upgrades(capsys: pytest.CaptureFixture[str]) -> None:
    from station_desk.cli.commands import say_upgrade_once

    say = say_upgrade_once()
    for done in range(0, 5):
        say(done, 4)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "正在留一份副本再升级" in err
