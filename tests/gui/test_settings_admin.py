"""设置 after setup: the head corrects the station, windows and staff from the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTime

from station_desk.services.desk import Desk
from station_desk.ui.jobs import wait_for
from station_desk.ui.settings import page as settings_page
from station_desk.ui.settings.dialogs import NewPasswordDialog, StaffDialog, StationDialog
from station_desk.ui.settings.page import SettingsPage


@pytest.fixture
def head(village: Desk) -> Desk:
    village.session.sign_in("王建国", "123456")
    return village


def select(page: SettingsPage, name: str) -> None:
    page.tabs.show_tab(page.staff_page)  # made when first shown
    row = next(r for r, (s, _w) in enumerate(page.staff_model.records()) if s.name == name)
    page.staff_table.setCurrentIndex(page.staff_model.index(row, 0))


def test_station_details_saved_from_the_dialog(qtbot, head: Desk, boxes,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    page = SettingsPage(head)
    qtbot.addWidget(page)
    page.refresh()

    def fill(dialog: StationDialog) -> bool:
        dialog.town_code.setText("610922102")
        dialog.address.setText("西沟村村委会一楼")
        dialog.hours["afternoon_end"].setTime(QTime(18, 0))
        dialog.accept()
        return bool(dialog.result())

    monkeypatch.setattr(settings_page, "open_dialog", fill)
    page.edit_station_button.click()
    station = head.station.current
    assert station is not None
    assert station.town_code == "610922102000"
    assert station.office_hours.closing.strftime("%H:%M") == "18:00"
    assert "西沟村村委会一楼" in page.station_info.text()
    assert boxes.warnings == []


def test_bad_town_code_is_explained_and_nothing_saved(qtbot, head: Desk, boxes) -> None:
    station = head.station.current
    assert station is not None
    dialog = StationDialog(head, station)
    qtbot.addWidget(dialog)
    dialog.town_code.setText("123")
    dialog.accept()
    assert "镇中心编码" in boxes.warnings[-1]
    assert head.station.current.town_code == station.town_code  # type: ignore[union-attr]


def test_staff_moved_and_password_reset(qtbot, head: Desk, boxes,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    page = SettingsPage(head)
    qtbot.addWidget(page)
    page.refresh()
    select(page, "张丽")

    def move(dialog: StaffDialog | NewPasswordDialog) -> bool:
        if isinstance(dialog, StaffDialog):
            dialog.window_box.setCurrentIndex(dialog.window_box.findData("帮办代办窗口"))
        else:
            dialog.first.setText("864200")
            dialog.second.setText("864200")
        dialog.accept()
        if isinstance(dialog, NewPasswordDialog):
            wait_for(dialog.saving.job)  # the PIN is hashed in the runner
        return bool(dialog.result())

    monkeypatch.setattr(settings_page, "open_dialog", move)
    page.edit_staff_button.click()
    assert [w for s, w in page.staff_model.records() if s.name == "张丽"] == ["帮办代办窗口"]
    select(page, "张丽")
    page.reset_pin_button.click()
    head.session.sign_out()
    assert head.session.sign_in("张丽", "864200").name == "张丽"


def test_windows_added_renamed_retired(qtbot, head: Desk, boxes,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    page = SettingsPage(head)
    qtbot.addWidget(page)
    page.refresh()
    answers = iter(["社保窗口", "社保医保窗口"])
    monkeypatch.setattr(settings_page, "ask_text", lambda *_a: next(answers))
    page.add_window_button.click()
    monkeypatch.setattr(settings_page, "ask_choice", lambda *_a: "社保窗口")
    page.rename_window_button.click()
    assert "社保医保窗口" in page.station_info.text()
    monkeypatch.setattr(settings_page, "ask_choice", lambda *_a: "社保医保窗口")
    page.retire_window_button.click()
    assert "社保医保窗口" not in page.station_info.text()
    monkeypatch.setattr(settings_page, "ask_choice", lambda *_a: "综合窗口")
    page.retire_window_button.click()
    assert "还有工作人员" in boxes.warnings[-1]


def test_a_clerk_sees_the_buttons_disabled(qtbot, village: Desk) -> None:
    village.session.sign_in("张丽", "222222")
    page = SettingsPage(village)
    qtbot.addWidget(page)
    page.refresh()
    assert not page.edit_station_button.isEnabled()
    page.tabs.show_tab(page.staff_page)
    assert not page.reset_pin_button.isEnabled()


def test_only_the_front_tab_is_made_when_the_page_opens(qtbot, head: Desk) -> None:
    """Issue 12: the other groups are made when their tab is first shown."""
    page = SettingsPage(head)
    qtbot.addWidget(page)
    page.refresh()
    later = (page.staff_page, page.rules_page, page.board_page, page.display_page,
             page.devices_page)
    assert not any(page.tabs.is_built(tab) for tab in later)
    assert not page.spins and not hasattr(page, "staff_table")
    assert not hasattr(page, "zoom") and not hasattr(page, "devices_box")
    for tab in later:
        page.tabs.setCurrentWidget(tab)  # as a click or Ctrl+Tab does
        assert page.tabs.is_built(tab) and tab.isVisibleTo(page)
    assert page.devices_box.isVisibleTo(page) and page.board_button.isEnabled()
    assert page.zoom.currentData() == 100


def test_rules_tab_is_filled_and_saves_when_first_shown(qtbot, head: Desk) -> None:
    page = SettingsPage(head)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    head.station.set_setting("rectification_days", 9)  # changed since the page opened
    page.tabs.setCurrentWidget(page.staff_page)
    qtbot.keyClick(page.tabs.tabBar(), Qt.Key.Key_Right)  # the tab bar has the keys too
    assert page.tabs.currentWidget() is page.rules_page
    spin = page.spins["rectification_days"]
    assert spin.value() == 9 and spin.isEnabled()
    assert page.choices["retention_other_years"].currentData() == 30
    spin.setValue(12)
    spin.editingFinished.emit()
    assert head.station.setting("rectification_days") == 12


def test_a_clerk_cannot_change_the_rules(qtbot, village: Desk) -> None:
    village.session.sign_in("张丽", "222222")
    page = SettingsPage(village)
    qtbot.addWidget(page)
    page.refresh()
    page.tabs.show_tab(page.rules_page)
    assert not any(spin.isEnabled() for spin in page.spins.values())
    assert not any(box.isEnabled() for box in page.choices.values())
