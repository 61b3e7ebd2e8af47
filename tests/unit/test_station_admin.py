"""After setup: the head corrects the station, its windows and its staff, audited."""

from __future__ import annotations

import pytest

from station_desk.domain.errors import NotAllowed, UserError
from station_desk.domain.station import OfficeHours, Role, check_town_code
from station_desk.services.desk import Desk
from station_desk.services.station import StaffChange, StationChange


def test_town_code_nine_or_twelve_digits_mean_the_same_town() -> None:
    assert check_town_code("610922100") == "610922100000"
    assert check_town_code(" 610922100000 ") == "610922100000"
    with pytest.raises(UserError) as refused:
        check_town_code("6109221")
    assert refused.value.field == "town_code"


def test_office_hours_read_from_short_text() -> None:
    hours = OfficeHours.parse("08:00-11:30,14:30-18:00")
    assert hours.closing.strftime("%H:%M") == "18:00"
    assert hours.short() == "08:00-11:30,14:30-18:00"
    with pytest.raises(UserError):
        OfficeHours.parse("08:00-11:30")
    with pytest.raises(UserError):
        OfficeHours.parse("12:00-11:30,14:30-18:00")


def test_station_details_corrected_and_audited(village: Desk) -> None:
    village.session.sign_in("王建国", "123456")
    station = village.station.edit_station(StationChange(
        town_code="610922102", address="西沟村村委会一楼", phone="0915-1234567",
        hours=OfficeHours.parse("08:00-12:00,14:30-18:00")))
    assert station.town_code == "610922102000"
    assert station.address == "西沟村村委会一楼"
    assert station.office_hours.closing.strftime("%H:%M") == "18:00"
    history = village.backups.history("station", station.id)
    last = history[-1]
    assert last["actor"] == "王建国"
    assert last["before"]["address"] == "" and last["after"]["address"] == "西沟村村委会一楼"


def test_a_town_centre_edits_its_own_details_but_has_no_town_code(desk: Desk) -> None:
    from tests.conftest import StaffInput

    from station_desk.domain.station import StationKind
    desk.station.setup(kind=StationKind.TOWN1, code="610922101000", name="城关镇便民服务中心",
                       staff=[StaffInput("赵主任", Role.HEAD, "123456")])
    station = desk.station.edit_station(StationChange(address="城关镇人民路 1 号",
                                                      phone="0915-7654321"))
    assert station.address == "城关镇人民路 1 号"
    with pytest.raises(UserError):
        desk.station.edit_station(StationChange(town_code="610922100"))


def test_only_the_head_corrects(village: Desk) -> None:
    village.session.sign_in("张丽", "222222")
    with pytest.raises(NotAllowed):
        village.station.edit_station(StationChange(address="x"))
    with pytest.raises(NotAllowed):
        village.station.reset_pin("李明", "567890")
    with pytest.raises(NotAllowed):
        village.station.rename_window("综合窗口", "一号窗口")


def test_windows_added_renamed_retired(village: Desk) -> None:
    village.session.sign_in("王建国", "123456")
    village.station.add_window("社保窗口")
    village.station.rename_window("社保窗口", "社保医保窗口")
    assert "社保医保窗口" in [w.name for w in village.station.windows()]
    with pytest.raises(UserError) as staffed:
        village.station.retire_window("综合窗口")
    assert "张丽" in staffed.value.message
    village.station.retire_window("社保医保窗口")
    assert "社保医保窗口" not in [w.name for w in village.station.windows()]
    with pytest.raises(UserError):
        village.station.rename_window("综合窗口", "帮办代办窗口")


def test_staff_moved_retrained_and_retired(village: Desk) -> None:
    village.session.sign_in("王建国", "123456")
    moved = village.station.edit_staff("张丽", StaffChange(window="帮办代办窗口",
                                                          training_date="2026-11-02"))
    windows = {w.name: w.id for w in village.station.windows()}
    assert moved.window_id == windows["帮办代办窗口"]
    assert moved.training_date == "2026-11-02"
    promoted = village.station.edit_staff("李明", StaffChange(role=Role.HEAD))
    assert promoted.role == Role.HEAD
    village.station.retire("张丽")
    assert village.station.staff_named("张丽") is None
    with pytest.raises(UserError):
        village.station.edit_staff("张丽", StaffChange(phone="1"))
    with pytest.raises(UserError):
        village.station.edit_staff("李明", StaffChange(training_date="明天"))


def test_the_only_head_is_kept(village: Desk) -> None:
    with pytest.raises(UserError) as refused:
        village.station.edit_staff("王建国", StaffChange(role=Role.CLERK))
    assert refused.value.field == "role"
    with pytest.raises(UserError):
        village.station.retire("王建国")


def test_head_resets_a_forgotten_pin(village: Desk) -> None:
    village.session.sign_in("王建国", "123456")
    village.station.reset_pin("张丽", "864200")
    village.session.sign_out()
    with pytest.raises(UserError):
        village.session.sign_in("张丽", "222222")
    assert village.session.sign_in("张丽", "864200").name == "张丽"
    with pytest.raises(UserError):
        village.station.reset_pin("张丽", "12")
