"""Opening checks only the audit links added since the last verified one; the
full check (the window runs it in the background once a day) still finds a
rewrite of older rows, and moves the mark to the end."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.keyed import raw

from station_desk.db import audit_mark
from station_desk.db.connection import ARCHIVE_NAME
from station_desk.domain.station import Role
from station_desk.services.desk import Desk, StaffInput


def _rewrite_audit_row(data_dir: Path, where: str) -> None:
    """What someone with the sqlite3 shell can do: guards off, one row changed, guards
    back as they were."""
    shell = raw(data_dir / ARCHIVE_NAME, isolation_level=None)
    try:
        saved = shell.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                              "AND tbl_name = 'audit_log'").fetchall()
        for name, _ in saved:
            shell.execute(f"DROP TRIGGER {name}")
        shell.execute(f"UPDATE audit_log SET actor_name = '王建国' WHERE id = ({where})")
        for _, sql in saved:
            shell.execute(sql)
    finally:
        shell.close()


def _open_tamper(data_dir: Path) -> list[str]:
    desk = Desk.open(data_dir)
    try:
        return desk.db.tamper.problems
    finally:
        desk.close()


def test_opening_moves_the_mark_to_the_end_of_the_chain(village: Desk, data_dir: Path) -> None:
    archive = data_dir / ARCHIVE_NAME
    first = audit_mark.load(archive)
    assert first is not None and first.holds(village.db)
    village.station.add_staff(StaffInput("赵强", Role.AGENT, None))
    village.close()
    assert _open_tamper(data_dir) == []
    later = audit_mark.load(archive)
    assert later is not None and later.link > first.link


def test_a_rewrite_after_the_mark_is_found_at_opening(village: Desk, data_dir: Path) -> None:
    village.close()
    reopened = Desk.open(data_dir)  # the mark: the end of the chain now
    reopened.station.add_staff(StaffInput("赵强", Role.AGENT, None))
    reopened.close()
    _rewrite_audit_row(data_dir, "SELECT MAX(id) FROM audit_log")
    assert any("校验链" in p for p in _open_tamper(data_dir))


def test_a_rewrite_before_the_mark_is_left_to_the_full_check(village: Desk,
                                                             data_dir: Path) -> None:
    archive = data_dir / ARCHIVE_NAME
    village.station.add_staff(StaffInput("赵强", Role.AGENT, None))
    village.close()
    Desk.open(data_dir).close()
    _rewrite_audit_row(data_dir, "SELECT MIN(id) FROM audit_log")
    desk = Desk.open(data_dir)
    try:
        assert not desk.db.tamper.tampered  # opening looked only after the mark
        assert desk.audit.full_check_due()
        report = desk.audit.full_check()
        assert report.tampered and any("校验链" in p for p in report.problems)
        assert desk.audit.full_check_due()  # a finding is not remembered as checked
    finally:
        desk.close()
    assert audit_mark.load(archive) is not None


def test_a_clean_full_check_is_remembered_for_the_day(village: Desk) -> None:
    assert village.audit.full_check_due()
    assert not village.audit.full_check().tampered
    assert not village.audit.full_check_due()
    assert village.audit.full_check_due(date.today() + timedelta(days=1))


def test_a_mark_that_no_longer_holds_makes_the_full_check_due(village: Desk,
                                                              data_dir: Path) -> None:
    archive = data_dir / ARCHIVE_NAME
    village.audit.full_check()
    mark = audit_mark.load(archive)
    assert mark is not None
    audit_mark.mark_path(archive).write_text(
        f'{{"link": {mark.link}, "hash": "{"0" * 64}", "full_on": "{date.today()}"}}')
    village.close()
    assert _open_tamper(data_dir) == []  # the last 1,000 links instead
    desk = Desk.open(data_dir)
    try:
        assert desk.audit.full_check_due()
    finally:
        desk.close()


def test_a_damaged_mark_only_means_checking_again(tmp_path: Path) -> None:
    archive = tmp_path / ARCHIVE_NAME
    for damaged in ("[]", '"x"', "{}", '{"link": "a", "hash": 1}', "{not json"):
        audit_mark.mark_path(archive).write_text(damaged, "utf-8")
        assert audit_mark.load(archive) is None
        assert audit_mark.full_check_due(archive, date.today())
