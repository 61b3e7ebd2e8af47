"""First-run setup, windows per station kind, staff sign-in and what only the
head may do, settings, and catalogue search."""

from __future__ import annotations

import dataclasses
import re

import pytest

from station_desk.db import journal
from station_desk.domain.errors import NotAllowed, UserError
from station_desk.domain.settings import REGISTRY
from station_desk.domain.station import DEFAULT_WINDOWS, Role, StationKind
from station_desk.services.desk import Desk, StaffInput

CHINESE = re.compile(r"[\u4e00-\u9fff]")

# Manual §一.3.2.2–3.2.5, written out here on purpose (not read from the code).
PRESCRIBED_WINDOWS = {
    StationKind.VILLAGE: ["综合窗口", "帮办代办窗口"],
    StationKind.COMMUNITY: ["民政、退役军人、社保窗口", "卫健、医保、残联窗口",
                            "综合窗口（帮办代办窗口）"],
    StationKind.TOWN1: ["退役军人、民政窗口", "社保、残联窗口", "卫健、医保窗口", "综合窗口",
                        "帮办代办窗口"],
    StationKind.TOWN2: ["民政、社保、退役军人窗口", "卫健、医保、残联窗口",
                        "综合窗口（帮办代办窗口）"],
}

HEAD = StaffInput("王建国", Role.HEAD, "123456")


def _setup(desk: Desk, *, kind: StationKind = StationKind.VILLAGE, code: str = "610922101201",
           staff: list[StaffInput] | None = None) -> None:
    desk.station.setup(kind=kind, code=code, name="测试站点",
                       staff=staff if staff is not None else [HEAD])


def _audit_rows(desk: Desk) -> int:
    return int(desk.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0])


# -- setup --------------------------------------------------------------------

@pytest.mark.parametrize("kind", list(StationKind))
def test_setup_creates_the_prescribed_windows_in_order(desk: Desk, kind: StationKind) -> None:
    _setup(desk, kind=kind)
    windows = desk.station.windows()
    assert [w.name for w in windows] == PRESCRIBED_WINDOWS[kind]
    assert [w.position for w in windows] == list(range(1, len(windows) + 1))
    assert list(DEFAULT_WINDOWS[kind]) == PRESCRIBED_WINDOWS[kind]
    station = desk.station.current
    assert station is not None and station.kind == kind


def test_every_kind_is_covered() -> None:
    assert set(PRESCRIBED_WINDOWS) == set(StationKind)
    assert [len(PRESCRIBED_WINDOWS[k]) for k in StationKind] == [2, 3, 5, 3]


@pytest.mark.parametrize("code", ["12345", "61092210120", "6109221012011", "61092210120A", ""])
def test_setup_refuses_a_bad_station_code(desk: Desk, code: str) -> None:
    with pytest.raises(UserError) as exc:
        _setup(desk, code=code)
    assert exc.value.field == "code"
    assert "站点编码" in exc.value.message
    assert not desk.station.is_set_up
    assert _audit_rows(desk) == 0


def test_setup_refuses_without_a_head(desk: Desk) -> None:
    with pytest.raises(UserError) as exc:
        _setup(desk, staff=[StaffInput("李明", Role.AGENT, "111111"),
                            StaffInput("张丽", Role.CLERK, "222222")])
    assert exc.value.field == "head"
    assert CHINESE.search(exc.value.message)
    assert not desk.station.is_set_up
    assert _audit_rows(desk) == 0


def test_setup_refuses_duplicate_staff_names(desk: Desk) -> None:
    with pytest.raises(UserError) as exc:
        _setup(desk, staff=[HEAD, StaffInput(" 王建国 ", Role.CLERK, "222222")])
    assert exc.value.field == "staff"
    assert "重复" in exc.value.message
    assert not desk.station.is_set_up
    assert _audit_rows(desk) == 0


def test_setup_refuses_a_second_time(village: Desk) -> None:
    audit = _audit_rows(village)
    with pytest.raises(UserError) as exc:
        _setup(village, kind=StationKind.TOWN1, code="610922100000")
    assert CHINESE.search(exc.value.message)
    assert _audit_rows(village) == audit
    station = village.station.current
    assert station is not None and station.code == "610922101201"
    assert [w.name for w in village.station.windows()] == ["综合窗口", "帮办代办窗口"]


def test_setup_loads_the_catalogue(village: Desk) -> None:
    items = village.catalogue.items()
    assert len(items) >= 60
    assert len({i.code for i in items}) == len(items)


# -- sign-in and PINs ---------------------------------------------------------

def test_sign_in_with_the_right_pin(village: Desk) -> None:
    staff = village.session.sign_in("李明", "111111")
    assert (staff.name, staff.role) == ("李明", Role.AGENT)
    assert village.session.signed_in == staff
    assert village.session.actor.name == "李明"
    village.session.sign_out()
    assert village.session.signed_in is None


@pytest.mark.parametrize(("name", "pin", "field"), [
    ("李明", "222222", "pin"),      # someone else's PIN
    ("李明", "11111", "pin"),
    ("李明", "", "pin"),
    ("赵六", "111111", "name"),     # nobody of that name
])
def test_sign_in_refused(village: Desk, name: str, pin: str, field: str) -> None:
    with pytest.raises(UserError) as exc:
        village.session.sign_in(name, pin)
    assert exc.value.field == field
    assert CHINESE.search(exc.value.message)
    assert village.session.signed_in is None


def test_pin_is_stored_hashed(village: Desk) -> None:
    rows = dict(village.db.execute("SELECT name, pin_hash FROM staff").fetchall())
    assert set(rows) == {"王建国", "李明", "张丽"}
    for name, pin in (("王建国", "123456"), ("李明", "111111"), ("张丽", "222222")):
        stored = rows[name]
        assert stored != pin
        assert stored.startswith("$argon2")
    assert len(set(rows.values())) == 3  # salted


# -- what only the head may do -------------------------------------------------

@pytest.mark.parametrize("who", [("李明", "111111"), ("张丽", "222222")])
def test_non_head_may_not_change_staff_items_or_settings(village: Desk,
                                                        who: tuple[str, str]) -> None:
    village.session.sign_in(*who)
    audit, seq = _audit_rows(village), journal.last_seq(village.db)
    item = village.catalogue.item("08-01")
    with pytest.raises(NotAllowed) as exc:
        village.station.add_staff(StaffInput("赵强", Role.AGENT, "567890"))
    assert "站长" in exc.value.message and who[0] in exc.value.message
    with pytest.raises(NotAllowed):
        village.catalogue.save_item(dataclasses.replace(item, name="改过的名称"))
    with pytest.raises(NotAllowed):
        village.station.set_setting("complaint_general_days", 9)
    assert _audit_rows(village) == audit
    assert journal.last_seq(village.db) == seq
    assert village.catalogue.item("08-01").name == item.name
    assert village.station.setting("complaint_general_days") == 7
    assert "赵强" not in [s.name for s in village.station.staff()]


def test_head_may_change_staff_items_and_settings(village: Desk) -> None:
    village.session.sign_in("王建国", "123456")
    item = village.catalogue.item("08-01")
    added = village.station.add_staff(StaffInput("赵强", Role.AGENT, "567890", "帮办代办窗口"))
    assert added.has_pin
    village.catalogue.save_item(dataclasses.replace(item, name=item.name + "（新）"))
    village.station.set_setting("complaint_general_days", 9)
    assert "赵强" in [s.name for s in village.station.staff()]
    assert village.catalogue.item("08-01").name == item.name + "（新）"
    assert village.station.setting("complaint_general_days") == 9
    # the new staff member can sign in with their PIN
    assert village.session.sign_in("赵强", "567890").role == Role.AGENT


def test_services_called_with_nobody_signed_in_record_the_system(village: Desk) -> None:
    village.station.set_setting("complaint_general_days", 11)
    assert village.station.setting("complaint_general_days") == 11
    assert village.backups.history("settings", "complaint_general_days")[0]["actor"] == "系统"


def test_where_sign_in_is_required_the_head_must_have_signed_in(village: Desk) -> None:
    village.session.sign_in_required = True  # what the command line sets
    with pytest.raises(NotAllowed, match="--as"):
        village.station.set_setting("complaint_general_days", 11)


def test_add_staff_refuses_duplicates_and_unknown_windows(village: Desk) -> None:
    with pytest.raises(UserError) as exc:
        village.station.add_staff(StaffInput("李明", Role.CLERK))
    assert exc.value.field == "name"
    with pytest.raises(UserError) as exc:
        village.station.add_staff(StaffInput("赵强", Role.CLERK, None, "不存在的窗口"))
    assert exc.value.field == "window"


# -- windows nobody sits at ------------------------------------------------------

def test_unstaffed_windows(desk: Desk) -> None:
    _setup(desk, staff=[StaffInput("王建国", Role.HEAD, "123456", "综合窗口")])
    assert desk.station.unstaffed_windows() == ["帮办代办窗口"]
    desk.station.add_staff(StaffInput("李明", Role.AGENT, None, "帮办代办窗口"))
    assert desk.station.unstaffed_windows() == []
    desk.station.add_window("党群服务窗口")
    assert desk.station.unstaffed_windows() == ["党群服务窗口"]
    li = next(s for s in desk.station.staff() if s.name == "李明")
    desk.station.retire_staff(li.id)
    assert desk.station.unstaffed_windows() == ["帮办代办窗口", "党群服务窗口"]


def test_fully_staffed_village_has_no_unstaffed_windows(village: Desk) -> None:
    assert village.station.unstaffed_windows() == []


# -- settings ------------------------------------------------------------------

def test_settings_defaults(village: Desk) -> None:
    for key, spec in REGISTRY.items():
        assert village.station.setting(key) == spec.default
    assert village.station.setting("complaint_general_days") == 7
    assert village.station.setting("backup_keep_days") == 14


def test_settings_range_check(village: Desk) -> None:
    spec = REGISTRY["complaint_general_days"]
    for bad in (spec.minimum - 1, spec.maximum + 1, -5):
        with pytest.raises(UserError) as exc:
            village.station.set_setting("complaint_general_days", bad)
        assert exc.value.field == "complaint_general_days"
        assert f"{spec.minimum} 到 {spec.maximum}" in exc.value.message
    assert village.station.setting("complaint_general_days") == 7
    for good in (spec.minimum, spec.maximum):
        village.station.set_setting("complaint_general_days", good)
        assert village.station.setting("complaint_general_days") == good


# -- catalogue search ----------------------------------------------------------

def test_pinyin_initials_find_the_pension_items(village: Desk) -> None:
    """`ylbx` is typed for 养老保险. 医疗保险 (yi liao bao xian) has the same
    initials, so those items come up too; nothing else may."""
    found = [i.name for i in village.catalogue.find_items("ylbx")]
    assert "城乡居民养老保险参保登记" in found
    assert all("养老保险" in n or "医疗保险" in n for n in found), found
    every_pension = {i.name for i in village.catalogue.items() if "养老保险" in i.name}
    assert every_pension <= set(found)
    assert village.catalogue.find_items("YLBX") == village.catalogue.find_items("ylbx")


def test_full_pinyin_finds_only_the_pension_items(village: Desk) -> None:
    found = [i.name for i in village.catalogue.find_items("yanglaobaoxian")]
    assert found
    assert all("养老保险" in n for n in found), found
    assert set(found) == {i.name for i in village.catalogue.items() if "养老保险" in i.name}


def test_chinese_text_search(village: Desk) -> None:
    found = [i.name for i in village.catalogue.find_items("残疾人证")]
    assert "残疾人证新办理" in found
    assert all("残疾人证" in n for n in found), found
    assert set(found) == {i.name for i in village.catalogue.items() if "残疾人证" in i.name}
    assert village.catalogue.find_items("不存在的事项") == []
    assert len(village.catalogue.find_items("  ")) == len(village.catalogue.items())
