"""Walk the first-run setup in the window, sign in, land on the main window."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit

from station_desk.domain.station import Role
from station_desk.services.desk import Desk
from station_desk.ui import app as ui_app
from station_desk.ui.jobs import wait_for
from station_desk.ui.setup.sign_in import SignInDialog
from station_desk.ui.setup.staff_grid import COL_NAME, COL_PIN, COL_ROLE, COL_WINDOW
from station_desk.ui.setup.wizard import SetupWizard


def to_staff_page(wizard: SetupWizard, *, code: str = "610922101201") -> None:
    page = wizard.station_page
    page.kind.setCurrentIndex(0)  # 村便民服务站
    page.place.setText("西沟村")
    page.code.setText(code)
    page.town_name.setText("城关镇便民服务中心")
    wizard.next()
    assert wizard.windows_page.window_names() == ["综合窗口", "帮办代办窗口"]
    wizard.next()


def fill_wizard(wizard: SetupWizard, *, code: str = "610922101201") -> None:
    to_staff_page(wizard, code=code)
    model = wizard.staff_page.model
    model.setData(model.index(0, COL_NAME), "王建国")
    model.setData(model.index(0, COL_PIN), "123456")
    model.setData(model.index(1, COL_NAME), "李明")


def test_wizard_refuses_bad_code_and_keeps_what_was_typed(qtbot, desk: Desk, boxes) -> None:
    wizard = SetupWizard(desk)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.station_page.place.setText("西沟村")
    wizard.station_page.code.setText("6109")
    wizard.next()
    assert wizard.currentPage() is wizard.station_page
    assert "12 位" in boxes.warnings[-1]
    assert wizard.station_page.place.text() == "西沟村"
    assert not desk.station.is_set_up


def test_first_run_setup_sign_in_and_main_window(qtbot, desk: Desk, boxes,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def run_wizard(wizard: SetupWizard) -> int:
        qtbot.addWidget(wizard)
        wizard.show()
        fill_wizard(wizard)
        wizard.accept()
        wait_for(wizard.saving.job)  # the PINs are hashed in the runner
        return int(wizard.result())

    def run_sign_in(dialog: SignInDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.who.setCurrentIndex(1)  # 李明 has no PIN yet: first sign-in sets it
        assert dialog.confirm_pin.isVisibleTo(dialog)
        dialog.pin.setText("567890")
        dialog.confirm_pin.setText("567890")
        dialog.accept()
        wait_for(dialog.checking)  # the PIN is set and checked in the runner
        return int(dialog.result())

    monkeypatch.setattr(SetupWizard, "exec", run_wizard)
    monkeypatch.setattr(SignInDialog, "exec", run_sign_in)
    window = ui_app.start(desk)
    assert window is not None, boxes.warnings
    qtbot.addWidget(window)
    # what start-up made is frozen: full collections no longer walk it (a stall each)
    assert gc.get_freeze_count() > 10_000
    assert desk.station.is_set_up and desk.station.current is not None
    assert desk.station.current.name == "西沟村便民服务站"
    assert desk.session.signed_in is not None and desk.session.signed_in.name == "李明"
    assert desk.session.signed_in.role == Role.AGENT
    assert window.station_label.text() == "西沟村便民服务站"
    assert "李明" in window.clerk_label.text()
    assert window.area_names() == ["今日", "办件", "预约", "延时服务", "投诉回访", "服务事项",
                                   "统计", "同步", "档案", "设置"]
    assert window.backup_job is not None
    wait_for(window.backup_job)
    assert desk.backups.automatic(), "the first start makes the day's backup"
    assert "今日自动备份已完成" in window.statusBar().currentMessage()
    # the today page counts from the archive: setup wrote the station, windows, staff...
    wait_for(window.today.loading.running)
    assert int(window.today.records.value.text()) > 60
    assert window.today.catalogue.value.text() == str(len(desk.catalogue.items()))


def test_sign_in_wrong_pin_is_refused(qtbot, village: Desk, boxes) -> None:
    dialog = SignInDialog(village)
    qtbot.addWidget(dialog)
    dialog.who.setCurrentIndex(0)
    dialog.pin.setText("9999")
    dialog.accept()
    wait_for(dialog.checking)
    assert dialog.result() == 0  # not accepted
    assert village.session.signed_in is None
    assert "密码不对" in boxes.warnings[-1]


def test_the_staff_grid_takes_what_is_typed_and_chosen(qtbot, qtmodeltester, desk: Desk) -> None:
    wizard = SetupWizard(desk)
    qtbot.addWidget(wizard)
    wizard.show()
    to_staff_page(wizard)
    page = wizard.staff_page
    model, grid = page.model, page.table
    # each row starts at the window of its place: the head at the first
    assert [model.data(model.index(r, COL_WINDOW)) for r in (0, 1)] == [
        "综合窗口", "帮办代办窗口"]
    model.setData(model.index(0, COL_NAME), "王建国")
    pin = grid.indexWidget(model.index(0, COL_PIN))
    assert isinstance(pin, QLineEdit) and pin.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(pin, "1234567890123")  # at most 12 digits
    assert model.data(model.index(0, COL_PIN)) == "●" * 12
    page.add_row(Role.AGENT)
    model.setData(model.index(2, COL_NAME), "张丽")
    role = grid.indexWidget(model.index(2, COL_ROLE))
    window = grid.indexWidget(model.index(2, COL_WINDOW))
    assert isinstance(role, QComboBox) and isinstance(window, QComboBox)
    role.setCurrentIndex(role.findData(Role.CLERK))
    role.activated.emit(role.currentIndex())
    window.setCurrentIndex(0)  # （不固定窗口）
    window.activated.emit(0)
    assert not model.setData(model.index(2, COL_WINDOW), "没有这个窗口")
    qtmodeltester.check(model)
    staff = page.staff()
    assert [(s.name, s.role, s.pin, s.window) for s in staff] == [
        ("王建国", Role.HEAD, "123456789012", "综合窗口"),
        ("张丽", Role.CLERK, None, None)]
