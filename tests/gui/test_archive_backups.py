"""档案's backups: the no-backup warning, backing up, restore (head only), its refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from archive_helpers import page, png_bytes, register

from station_desk.ui.archive import page as archive
from station_desk.ui.archive.page import ArchivePage
from station_desk.ui.jobs import wait_for
from station_desk.ui.widgets import prompts

__all__ = ["page"]  # fixtures, used by name


def test_no_backup_is_warned(page: ArchivePage, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    from station_desk.services import backups as backup_service

    assert "还没有备份" in page.last_backup.text()
    assert page.last_backup.property("stale") is True
    page.desk.backups.startup_backup()
    page.refresh()
    assert page.last_backup.property("stale") is True  # beside the archive: no backup
    assert page.list.count() == 1 and "archive-" in page.list.item(0).text()
    monkeypatch.setattr(backup_service, "_off_this_disk", lambda _copy, _data: True)
    (tmp_path / "U盘").mkdir()
    page.desk.backups.backup_to(tmp_path / "U盘")
    page.refresh()
    assert "最近一次备份" in page.last_backup.text()
    assert page.last_backup.property("stale") is False


def test_backup_now_to_a_chosen_folder(page: ArchivePage, boxes, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "U盘").mkdir()  # a folder dialog only offers folders that exist
    monkeypatch.setattr(archive, "choose_folder", lambda *_a: str(tmp_path / "U盘"))
    made = wait_for(page.backup_now())
    assert made is not None and made.parent == tmp_path / "U盘" and made.exists()
    assert str(made) in boxes.said[-1]


def test_head_restores_and_the_window_is_told(qtbot, page: ArchivePage, boxes, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    desk = page.desk
    (tmp_path / "U盘").mkdir()
    saved = desk.backups.backup_to(tmp_path / "U盘")
    register(desk, serial=1)  # after the backup: gone after the restore
    assert desk.cases.count(desk.cases.make_filter()) == 1
    questions: list[str] = []
    monkeypatch.setattr(archive, "choose_backup_file", lambda _p: str(saved))

    def confirm(_parent: object, _title: str, text: str) -> bool:
        questions.append(text)
        return True

    monkeypatch.setattr(prompts, "confirm", confirm)
    with qtbot.waitSignal(page.restored, timeout=2000) as signal:
        restored = wait_for(page.restore())
    assert restored is not None and restored.aside.exists() and not restored.scan_issues
    aside = restored.aside
    assert signal.args == [str(aside)]
    assert "不会删除" in questions[0] and str(saved) in questions[0]
    assert str(aside) in boxes.infos[-1]
    assert desk.cases.count(desk.cases.make_filter()) == 0
    assert desk.session.signed_in is not None and desk.session.signed_in.name == "王建国"


def test_a_restore_tells_which_scans_did_not_come_back(page: ArchivePage, boxes,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    desk = page.desk
    case_no = register(desk, serial=1, finish=False)
    info = desk.archive.attach_data(case_no, "户口簿.png", png_bytes())
    (tmp_path / "U盘").mkdir()
    saved = desk.backups.backup_to(tmp_path / "U盘")
    for root in (desk.data_dir, tmp_path / "U盘"):  # lost on the PC and on the stick
        (root / "attachments" / info.sha256[:2] / info.sha256).unlink()
    monkeypatch.setattr(archive, "choose_backup_file", lambda _p: str(saved))
    restored = wait_for(page.restore())
    assert restored is not None and len(restored.scan_issues) == 1
    assert f"{case_no} 户口簿.png（缺失）" in boxes.warnings[-1]


def test_restore_can_be_called_off(page: ArchivePage, boxes, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "U盘").mkdir()
    saved = page.desk.backups.backup_to(tmp_path / "U盘")
    register(page.desk, serial=1)
    monkeypatch.setattr(archive, "choose_backup_file", lambda _p: str(saved))
    boxes.answer = False
    assert page.restore() is None
    assert page.desk.cases.count(page.desk.cases.make_filter()) == 1
    monkeypatch.setattr(archive, "choose_backup_file", lambda _p: "")
    boxes.answer = True
    assert page.restore() is None and not boxes.infos


def test_a_bad_backup_file_is_refused(page: ArchivePage, boxes, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    junk = tmp_path / "archive-20260101-000000.db"
    junk.write_bytes(b"not a database at all" * 100)
    monkeypatch.setattr(archive, "choose_backup_file", lambda _p: str(junk))
    assert wait_for(page.restore()) is None
    assert boxes.warnings and page.desk.station.current is not None  # still working on the old file


def test_clerk_cannot_restore(page: ArchivePage, boxes, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    page.desk.session.sign_in("张丽", "222222")
    monkeypatch.setattr(archive, "choose_backup_file",
                        lambda _p: pytest.fail("a clerk is not even asked for a file"))
    assert page.restore() is None
    assert "只能由站长" in boxes.warnings[-1] and "张丽" in boxes.warnings[-1]
