"""The audit trail and the change log: every write journaled, nothing deleted,
nothing rewritten, `seq` gap-free, ids ULIDs."""

from __future__ import annotations

import dataclasses
import json
import re
import time
from datetime import UTC, datetime, timedelta

import pytest

from station_desk.db import cipher, journal
from station_desk.db.migrations import RECORD_TABLES
from station_desk.domain.ids import new_id
from station_desk.domain.station import Role
from station_desk.services.demo import make_demo
from station_desk.services.desk import Desk, StaffInput

KEY = "complaint_general_days"  # default 7, range 1..30
FAKE_2099 = {
    "year": 2099, "source": "测试用虚构安排",
    "holidays": [{"name": "国庆节", "dates": [f"2099-10-0{d}" for d in range(1, 8)]}],
    "workdays": ["2099-09-26", "2099-10-10"],
}
CROCKFORD = re.compile(r"^[0-9A-HJKMNP-TV-Z]{26}$")


def _count(desk: Desk, table: str) -> int:
    return int(desk.db.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0])


def _seqs(desk: Desk) -> list[int]:
    return [r[0] for r in desk.db.execute("SELECT seq FROM change_log ORDER BY seq")]


# -- every write leaves who / when / before / after ------------------------

def test_insert_is_journaled_with_actor_and_after(village: Desk) -> None:
    village.session.sign_in("王建国", "123456")
    staff = village.station.add_staff(StaffInput("赵强", Role.AGENT, None, "帮办代办窗口"))
    history = village.backups.history("staff", staff.id)
    assert len(history) == 1
    entry = history[0]
    assert entry["actor"] == "王建国"
    assert entry["action"] == "insert"
    assert entry["before"] is None
    assert entry["after"]["id"] == staff.id
    assert entry["after"]["name"] == "赵强"
    assert entry["after"]["role"] == "agent"
    assert entry["after"]["created_at"] == entry["at"]
    datetime.fromisoformat(entry["at"])  # a real timestamp
    # and it goes out in the change log
    last = journal.changes_since(village.db, journal.last_seq(village.db) - 1)
    assert [(c["table"], c["record_id"], c["action"]) for c in last] == [
        ("staff", staff.id, "insert")]
    assert last[0]["data"]["name"] == "赵强"


def test_setting_insert_then_update_keeps_before_and_after(village: Desk) -> None:
    village.session.sign_in("王建国", "123456")
    village.station.set_setting(KEY, 10)
    village.station.set_setting(KEY, 12)
    history = village.backups.history("settings", KEY)
    assert [h["action"] for h in history] == ["insert", "update"]
    assert all(h["actor"] == "王建国" for h in history)
    assert history[0]["before"] is None
    assert json.loads(history[0]["after"]["value"]) == 10
    assert json.loads(history[1]["before"]["value"]) == 10
    assert json.loads(history[1]["after"]["value"]) == 12
    assert village.station.setting(KEY) == 12


def test_item_edit_is_journaled(village: Desk) -> None:
    item = village.catalogue.item("08-01")
    old_name = item.name
    village.session.sign_in("王建国", "123456")
    saved = village.catalogue.save_item(dataclasses.replace(item, name=old_name + "（试）"))
    assert saved.name == old_name + "（试）"
    history = village.backups.history("catalogue_items", item.id)
    assert [h["action"] for h in history] == ["insert", "update"]
    assert history[0]["actor"] == "系统"  # loaded at setup, nobody signed in yet
    last = history[-1]
    assert last["actor"] == "王建国"
    assert last["before"]["name"] == old_name
    assert last["after"]["name"] == old_name + "（试）"
    assert last["after"]["pinyin_initials"] != last["before"]["pinyin_initials"]
    assert last["before"]["code"] == last["after"]["code"] == "08-01"


def test_no_op_update_writes_nothing(village: Desk) -> None:
    village.session.sign_in("王建国", "123456")
    village.station.set_setting(KEY, 9)
    audit, seq = _count(village, "audit_log"), journal.last_seq(village.db)
    village.station.set_setting(KEY, 9)
    village.catalogue.save_item(village.catalogue.item("08-01"))
    staff = village.station.staff()[1]  # the repo-level no-op too
    journal.update(village.db, "staff", staff.id, {"name": staff.name}, village.session.actor)
    assert _count(village, "audit_log") == audit
    assert journal.last_seq(village.db) == seq
    assert len(village.backups.history("settings", KEY)) == 1


# -- nothing is deleted, the journal is append-only --------------------------

def _ensure_a_row(desk: Desk, table: str) -> None:
    """A record table no operation above filled (e.g. one added later): put a plain
    row in, NOT NULL columns filled by type, foreign keys pointing at real rows."""
    if _count(desk, table):
        return
    refs = {r[3]: (r[2], r[4]) for r in desk.db.execute(f"PRAGMA foreign_key_list([{table}])")}
    row: dict[str, object] = {}
    for _, name, kind, notnull, default, pk in desk.db.execute(f"PRAGMA table_info([{table}])"):
        if name in refs and (notnull or pk):
            other, column = refs[name]
            row[name] = desk.db.execute(f"SELECT [{column}] FROM [{other}] LIMIT 1").fetchone()[0]
        elif pk or (notnull and default is None):
            kind = kind.upper()
            row[name] = 0 if "INT" in kind else b"" if "BLOB" in kind else f"test-{name}"
    cols = ", ".join(f"[{c}]" for c in row)
    desk.db.execute(f"INSERT INTO [{table}] ({cols}) VALUES ({', '.join('?' * len(row))})",
                    list(row.values()))


@pytest.fixture
def full(desk: Desk) -> Desk:
    """A demo station (cases, events) plus an imported holiday schedule and a setting;
    every record table has rows."""
    make_demo(desk)
    desk.station.set_setting(KEY, 8)
    desk.holidays.import_holidays(json.dumps(FAKE_2099, ensure_ascii=False))
    for table in RECORD_TABLES:
        _ensure_a_row(desk, table)
    return desk


def test_every_record_table_has_rows_to_delete(full: Desk) -> None:
    for table in (*RECORD_TABLES, "audit_log", "change_log"):
        assert _count(full, table) > 0, table


def test_every_record_table_is_protected_by_a_trigger(desk: Desk) -> None:
    """Each table in RECORD_TABLES exists and has its no-delete trigger."""
    triggers = {r[0]: r[1] for r in desk.db.execute(
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'")}
    for table in (*RECORD_TABLES, "audit_log", "change_log"):
        assert triggers.get(f"no_delete_{table}") == table, table


@pytest.mark.parametrize("table", [*RECORD_TABLES, "audit_log", "change_log"])
def test_delete_is_refused(full: Desk, table: str) -> None:
    before = _count(full, table)
    with pytest.raises(cipher.DatabaseError, match="never deleted"):
        full.db.execute(f"DELETE FROM [{table}]")
    with pytest.raises(cipher.DatabaseError, match="never deleted"), full.db.atomic():
        full.db.execute(f"DELETE FROM [{table}] WHERE rowid = (SELECT MIN(rowid) FROM [{table}])")
    assert _count(full, table) == before


@pytest.mark.parametrize("table", ["audit_log", "change_log"])
def test_journal_rows_cannot_be_rewritten(village: Desk, table: str) -> None:
    column = "actor_name" if table == "audit_log" else "action"
    rows = village.db.execute(f"SELECT {column} FROM {table} ORDER BY rowid").fetchall()
    with pytest.raises(cipher.DatabaseError, match="append-only"):
        village.db.execute(f"UPDATE {table} SET {column} = 'forged'")
    assert village.db.execute(f"SELECT {column} FROM {table} ORDER BY rowid").fetchall() == rows


# -- the change log: seq 1..N without gaps ------------------------------------

def test_seq_is_gap_free_across_many_writes_and_a_rollback(village: Desk) -> None:
    village.session.sign_in("王建国", "123456")
    start = journal.last_seq(village.db)
    assert start == 1 + 2 + 3 + len(village.catalogue.items())  # station, windows, staff, items
    for n in range(240):
        village.station.set_setting(KEY, 1 + n % 30)  # 1, 2, …, 30, 1, …: never a no-op
    for n in range(60):
        village.station.add_staff(StaffInput(f"工作人员{n:02d}", Role.CLERK, None, "综合窗口"))
    seqs = _seqs(village)
    assert len(seqs) == start + 300
    assert seqs == list(range(1, len(seqs) + 1))
    audit = _count(village, "audit_log")

    # a transaction that fails after writing: nothing of it stays, not even its seq
    with pytest.raises(RuntimeError, match="power cut"), village.db.atomic():
        village.station.set_setting(KEY, 25)
        village.station.add_staff(StaffInput("回滚者", Role.CLERK, None))
        assert journal.last_seq(village.db) == len(seqs) + 2
        raise RuntimeError("power cut")
    assert journal.last_seq(village.db) == len(seqs)
    assert _count(village, "audit_log") == audit
    assert village.station.setting(KEY) != 25
    assert "回滚者" not in [s.name for s in village.station.staff()]

    village.station.set_setting(KEY, 25)
    village.station.add_staff(StaffInput("回滚者", Role.CLERK, None))
    after = _seqs(village)
    assert after == list(range(1, len(seqs) + 3))
    changes = journal.changes_since(village.db, len(seqs))
    assert [(c["table"], c["action"]) for c in changes] == [
        ("settings", "update"), ("staff", "insert")]


# -- ids ---------------------------------------------------------------------

def _ulid_ms(text: str) -> int:
    """The 48-bit millisecond timestamp in the first 10 Crockford base-32 characters."""
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    value = 0
    for ch in text[:10]:
        value = value * 32 + alphabet.index(ch)
    return value


def test_new_ids_are_ulids_sortable_by_time() -> None:
    ids = []
    for _ in range(5):
        ids.append(new_id())
        time.sleep(0.002)
    assert all(CROCKFORD.match(i) for i in ids), ids
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    now = datetime.now(UTC)
    made = datetime.fromtimestamp(_ulid_ms(ids[0]) / 1000, UTC)
    assert now - timedelta(seconds=5) < made <= now
    many = {new_id() for _ in range(2000)}
    assert len(many) == 2000


def test_record_ids_are_ulids(village: Desk) -> None:
    ids: list[str] = []
    for table in ("station", "windows", "staff", "catalogue_items"):
        ids += [r[0] for r in village.db.execute(f"SELECT id FROM {table}")]
    assert len(ids) > 60
    assert all(CROCKFORD.match(i) for i in ids), [i for i in ids if not CROCKFORD.match(i)]
    assert len(set(ids)) == len(ids)
    time.sleep(0.002)
    later = village.station.add_staff(StaffInput("赵强", Role.AGENT, None))
    assert later.id > max(ids)


def test_pin_hash_never_reaches_the_audit_trail_or_change_log(village) -> None:
    """The change log leaves on a USB stick: a 4-digit PIN's hash must not."""
    rows = village.db.execute(
        "SELECT after FROM audit_log WHERE table_name = 'staff' "
        "UNION ALL SELECT data FROM change_log WHERE table_name = 'staff'").fetchall()
    assert rows
    for (text,) in rows:
        assert "$argon2" not in text
        assert json.loads(text)["pin_hash"] in ("（已设置）", None)
