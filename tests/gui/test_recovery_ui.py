"""Recovery in the window: the first-run screen restores a stick backup with the
recovery code (a wrong code or a damaged file is said in Chinese and the dialog
stays open to correct it), and the head prints the recovery sheet from 档案."""

from __future__ import annotations

from pathlib import Path

import pytest

from station_desk.services.desk import Desk
from station_desk.services.recovery import CODE_DOES_NOT_OPEN
from station_desk.ui.archive.page import ArchivePage
from station_desk.ui.archive.recovery_sheet import show_recovery_sheet
from station_desk.ui.jobs import wait_for
from station_desk.ui.setup import recovery
from station_desk.ui.setup.wizard import SetupWizard


@pytest.fixture
def stick_backup(village: Desk, tmp_path: Path) -> tuple[Path, str]:
    stick = tmp_path / "U盘"
    stick.mkdir()
    made = village.backups.backup_to(stick)
    village.session.sign_in("王建国", "123456")
    return made, village.backups.recovery_code()


@pytest.fixture
def first_start(tmp_path: Path) -> Desk:
    desk = Desk.open(tmp_path / "new-pc")
    yield desk  # type: ignore[misc]
    desk.close()


def _dialog(qtbot, desk: Desk, monkeypatch: pytest.MonkeyPatch, backup: Path
            ) -> tuple[SetupWizard, recovery.RecoveryDialog]:
    wizard = SetupWizard(desk)
    qtbot.addWidget(wizard)
    wizard.show()
    monkeypatch.setattr(recovery, "choose_backup", lambda _parent: str(backup))
    dialog = wizard.restore_from_backup()
    dialog.pick_file()
    assert dialog.file.text() == str(backup)
    return wizard, dialog


def test_the_first_start_restores_with_the_code(qtbot, first_start: Desk, boxes,
                                               stick_backup: tuple[Path, str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    backup, code = stick_backup
    wizard, dialog = _dialog(qtbot, first_start, monkeypatch, backup)
    dialog.code.setText(code.lower())
    wait_for(dialog.restore())
    assert "西沟村便民服务站" in boxes.infos[-1] and "密码" in boxes.infos[-1]
    assert first_start.station.is_set_up
    assert wizard.result() == 1 and not wizard.isVisible()  # on to the sign-in, no setup
    first_start.session.sign_in("王建国", "123456")


def test_a_wrong_code_or_a_damaged_file_is_said_and_nothing_changes(
        qtbot, first_start: Desk, boxes, stick_backup: tuple[Path, str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    backup, code = stick_backup
    wizard, dialog = _dialog(qtbot, first_start, monkeypatch, backup)
    dialog.code.setText(("A" if code[0] != "A" else "B") + code[1:])
    wait_for(dialog.restore())
    assert "恢复码不对" in boxes.warnings[-1]
    assert dialog.isVisible() and dialog.restore_button.isEnabled()

    dialog.code.setText("BAAAA" * 11)  # well formed, but another archive's
    wait_for(dialog.restore())
    assert "恢复码" in boxes.warnings[-1]

    damaged = tmp_path / "archive-damaged.db"
    data = bytearray(backup.read_bytes())
    data[len(data) // 2:len(data) // 2 + 64] = bytes(64)
    damaged.write_bytes(bytes(data))
    dialog.file.setText(str(damaged))
    dialog.code.setText(code)
    wait_for(dialog.restore())
    assert "已损坏" in boxes.warnings[-1] and "archive-damaged.db" in boxes.warnings[-1]
    assert not first_start.station.is_set_up and wizard.isVisible()


def test_another_stations_code_names_the_two_causes(qtbot, first_start: Desk, boxes,
                                                    stick_backup: tuple[Path, str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from station_desk.domain import recovery_code

    backup, _ = stick_backup
    _, dialog = _dialog(qtbot, first_start, monkeypatch, backup)
    dialog.code.setText(recovery_code.encode(bytes(32)))
    wait_for(dialog.restore())
    assert boxes.warnings[-1] == CODE_DOES_NOT_OPEN


def test_the_head_prints_the_recovery_sheet_from_the_archive_page(
        qtbot, village: Desk, boxes) -> None:
    village.session.sign_in("王建国", "123456")
    page = ArchivePage(village)
    qtbot.addWidget(page)
    preview = show_recovery_sheet(page, village)
    assert preview is not None and preview.document.pageCount() == 1
    assert preview.save_button.isHidden() and not preview.print_button.isHidden()
    preview.close()
    village.session.sign_in("张丽", "222222")
    assert show_recovery_sheet(page, village) is None
    assert "站长" in boxes.warnings[-1]
