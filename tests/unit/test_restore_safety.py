"""Restore never loses saved work: refused while the archive is open anywhere,
a kill at any step leaves a whole archive, another station's backup needs a
yes, leftovers are swept on the next start, and odd paths work."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tests.keyed import raw

from station_desk.db import archive_key, backup, restore
from station_desk.db.connection import ARCHIVE_NAME, copy_aside
from station_desk.domain.errors import OtherStationBackup, StorageError
from station_desk.domain.station import Role, StationKind
from station_desk.services.desk import Desk, StaffInput

SRC = str(Path(__file__).resolve().parents[2] / "src")
ODD = "站点 #1?x=%41 数据"


def _windows(data_dir: Path) -> list[str]:
    desk = Desk.open(data_dir)
    try:
        return [w.name for w in desk.station.windows()]
    finally:
        desk.close()


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script), *args], env=env,
                          capture_output=True, text=True, timeout=120)


def _integrity(path: Path) -> str:
    conn = raw(path, read_only=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


# -- refused while open -----------------------------------------------------------

def test_restore_is_refused_while_another_instance_has_the_archive_open(
        village: Desk, data_dir: Path, tmp_path: Path) -> None:
    saved = backup.make_backup(village.db, tmp_path / "usb")
    village.station.add_window("后来的窗口")
    archive = data_dir / ARCHIVE_NAME
    with pytest.raises(StorageError) as exc:
        restore.restore(archive, saved)
    assert "不能恢复" in exc.value.message and "进程" in exc.value.message
    # the open instance keeps saving, and its saves are in the file
    village.station.add_window("恢复被拒之后")
    assert list(data_dir.glob("*.before-restore.*")) == []
    village.close()
    assert {"后来的窗口", "恢复被拒之后"} <= set(_windows(data_dir))


def test_window_restore_is_refused_while_a_command_has_the_archive_open(
        village: Desk, data_dir: Path, tmp_path: Path) -> None:
    saved = backup.make_backup(village.db, tmp_path / "usb")
    other = Desk.open(data_dir, program="命令行 import")
    try:
        with pytest.raises(StorageError) as exc:
            village.backups.restore_from(saved)
        assert "命令行 import" in exc.value.message
        village.station.add_window("仍能保存")  # the window reopened its archive
        other.station.add_window("另一个程序也能保存")
    finally:
        other.close()
    assert village.backups.restore_from(saved).aside.exists()
    assert "仍能保存" not in [w.name for w in village.station.windows()]


def test_a_killed_instance_does_not_block_restore(village: Desk, data_dir: Path,
                                                  tmp_path: Path) -> None:
    saved = backup.make_backup(village.db, tmp_path / "usb")
    village.close()
    killed = _run("""
        import os, sys
        from pathlib import Path
        from station_desk.services.desk import Desk
        desk = Desk.open(Path(sys.argv[1]))
        desk.station.add_window("被杀前保存")
        os._exit(9)
    """, str(data_dir))
    assert killed.returncode == 9, killed.stderr
    aside = restore.restore(data_dir / ARCHIVE_NAME, saved)
    # the killed program's committed save was in its WAL: it is in the kept-aside copy
    conn = raw(aside, read_only=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM windows")]
    finally:
        conn.close()
    assert "被杀前保存" in names
    assert "被杀前保存" not in _windows(data_dir)


# -- a kill at every step -----------------------------------------------------------

KILL_AT = """
    import os, sys
    from pathlib import Path
    from station_desk.db import restore
    step_to_die = sys.argv[3]
    def die(name):
        if name == step_to_die:
            os._exit(137)
    restore._step = die
    restore.restore(Path(sys.argv[1]), Path(sys.argv[2]))
    os._exit(0)
"""


@pytest.mark.parametrize("step", ["staged", "checkpointed", "kept-aside", "wal-removed",
                                  "swapped"])
def test_a_kill_at_any_step_of_a_restore_leaves_a_whole_archive(
        village: Desk, data_dir: Path, tmp_path: Path, step: str) -> None:
    saved = backup.make_backup(village.db, tmp_path / "usb")
    village.close()
    # committed work still only in the WAL, as after a window that was killed
    left = _run("""
        import os, sys
        from pathlib import Path
        from station_desk.services.desk import Desk
        desk = Desk.open(Path(sys.argv[1]))
        for n in range(50):
            desk.station.add_window(f"备份后第{n}个")
        os._exit(9)
    """, str(data_dir))
    assert left.returncode == 9, left.stderr
    archive = data_dir / ARCHIVE_NAME
    assert archive.with_name(ARCHIVE_NAME + "-wal").stat().st_size > 0

    killed = _run(KILL_AT, str(archive), str(saved), step)
    assert killed.returncode == 137, killed.stderr

    names = _windows(data_dir)  # opens, sweeps leftovers
    after_backup = [n for n in names if n.startswith("备份后")]
    assert len(after_backup) in (0, 50)  # the old archive whole, or the backup
    if step == "swapped":
        assert after_backup == []
    if step in ("staged", "checkpointed"):
        assert len(after_backup) == 50
    assert _integrity(archive) == "ok"
    leftovers = [p.name for p in data_dir.iterdir()
                 if p.name.endswith((".partial", ".restoring")) or ".restoring" in p.name]
    assert leftovers == []
    for aside in data_dir.glob("archive.before-restore.*.db"):
        assert _integrity(aside) == "ok"  # an official name only on a whole file
        conn = raw(aside, read_only=True)
        try:
            kept = conn.execute("SELECT COUNT(*) FROM windows WHERE name LIKE '备份后%'")
            assert kept.fetchone()[0] == 50
        finally:
            conn.close()


# -- another station's backup --------------------------------------------------------

def _town_backup(tmp_path: Path, *, key_of: Path | None = None) -> Path:
    """The town's backup; encrypted with the key of the data folder `key_of` if given
    (as if the PC had been moved between stations), else with the town's own."""
    if key_of is not None:
        archive_key.store(tmp_path / "town", archive_key.load(key_of) or b"")
    town = Desk.open(tmp_path / "town")
    try:
        town.station.setup(kind=StationKind.TOWN1, code="610922101000", name="城关镇便民服务中心",
                   staff=[StaffInput("刘主任", Role.HEAD, "123456")])
        return backup.make_backup(town.db, tmp_path / "usb", label="manual")
    finally:
        town.close()


def test_a_backup_under_another_key_is_refused_naming_the_recovery_code(
        village: Desk, tmp_path: Path) -> None:
    town_file = _town_backup(tmp_path)
    with pytest.raises(StorageError, match="恢复码"):
        village.backups.restore_from(town_file)
    assert village.station.current is not None and village.station.current.code == "610922101201"


def test_another_stations_backup_needs_a_yes(village: Desk, data_dir: Path,
                                             tmp_path: Path) -> None:
    town_file = _town_backup(tmp_path, key_of=data_dir)
    assert "-610922101000-" in town_file.name
    [listed] = backup.list_backups(town_file.parent)
    assert listed.station_code == "610922101000"
    with pytest.raises(OtherStationBackup) as exc:
        village.backups.restore_from(town_file)
    assert "610922101000" in exc.value.message and "610922101201" in exc.value.message
    assert village.station.current is not None and village.station.current.code == "610922101201"
    village.backups.restore_from(town_file, other_station=True)
    assert village.station.current is not None and village.station.current.code == "610922101000"


# -- leftovers and official names ------------------------------------------------------

def test_leftovers_of_killed_programs_are_swept_on_start(village: Desk, data_dir: Path,
                                                         tmp_path: Path) -> None:
    village.close()
    junk = [data_dir / "archive.db.restoring", data_dir / "archive.db.restoring-journal",
            data_dir / "archive.before-restore.20260101-000000-000000.db.partial",
            data_dir / "archive.before-0009_x.20260101-000000.db.123-abc.partial",
            data_dir / "archive.before-restore.20260101-000000-000001.db-wal"]
    for path in junk:
        path.write_bytes(b"half")
    stick_leftover = data_dir / "backups" / "archive-20260101-000000.db.9-aa.partial"
    stick_leftover.parent.mkdir(exist_ok=True)
    stick_leftover.write_bytes(b"half")
    os.utime(stick_leftover, (0, 0))  # long untouched: nobody is writing it
    desk = Desk.open(data_dir)
    desk.close()
    assert [p for p in junk if p.exists()] == []
    assert not stick_leftover.exists()


def test_a_failed_upgrade_copy_leaves_no_file_under_the_official_name(
        village: Desk, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from station_desk.db import connection

    def broken(path: Path, key: bytes, **_options: object) -> None:
        raise StorageError("校验未通过")

    monkeypatch.setattr(connection, "verify", broken)
    with pytest.raises(StorageError):
        copy_aside(village.db, data_dir / ARCHIVE_NAME, "before-0099_test")
    assert [p.name for p in data_dir.glob("archive.before-*")] == []


def test_a_failed_backup_leaves_no_partial_or_journal_on_the_stick(
        village: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path, key: bytes, **_options: object) -> None:
        raise StorageError("校验未通过")

    monkeypatch.setattr(backup, "_verify", broken)
    stick = tmp_path / "stick"
    with pytest.raises(StorageError):
        backup.make_backup(village.db, stick)
    assert list(stick.iterdir()) == []


def test_two_backups_in_the_same_second_both_survive(village: Desk, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    first = backup.make_backup(village.db, stick, label="manual")
    second = backup.make_backup(village.db, stick, label="manual")
    assert first != second and first.exists() and second.exists()
    assert len(backup.list_backups(stick)) == 2


# -- paths -------------------------------------------------------------------------------

def test_backup_and_restore_work_on_paths_with_odd_characters(tmp_path: Path) -> None:
    data_dir = tmp_path / ODD / "数据 目录#2"
    desk = Desk.open(data_dir)
    try:
        desk.station.setup(kind=StationKind.VILLAGE, code="610922101201", name="西沟村便民服务站",
                   staff=[StaffInput("王建国", Role.HEAD, "123456")])
        stick = tmp_path / "U盘 #?%41%" / "备份 ?#"
        stick.mkdir(parents=True)
        made = desk.backups.backup_to(stick)
        assert [b.path for b in backup.list_backups(stick)] == [made]
        assert desk.backups.startup_backup() is not None
        desk.station.add_window("备份之后")
        aside = desk.backups.restore_from(made).aside
        assert aside.exists() and _integrity(aside) == "ok"
        assert "备份之后" not in [w.name for w in desk.station.windows()]
    finally:
        desk.close()


# -- permissions ---------------------------------------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_archive_backups_and_keys_are_owner_only(village: Desk, data_dir: Path,
                                                 tmp_path: Path) -> None:
    made = backup.make_backup(village.db, tmp_path / "stick")
    village.backups.startup_backup()
    paths = [data_dir / ARCHIVE_NAME, data_dir / (ARCHIVE_NAME + "-wal"), made,
             *village.store.backups_dir.glob("*.db")]
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in (data_dir, village.store.backups_dir, data_dir / "keys"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
