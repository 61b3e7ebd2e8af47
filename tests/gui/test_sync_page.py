"""The 同步 page in a village and in its town: trust, export to the stick,
import, the villages table, overdue proxied cases, return bundles."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from stdnum.cn import ric

from station_desk.domain.cases import Applicant
from station_desk.domain.station import Role, StationKind
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk, StaffInput
from station_desk.services.sync import Cancelled
from station_desk.sync.keys import key_path
from station_desk.sync.writer import RecordWriter
from station_desk.ui.jobs import wait_for
from station_desk.ui.sync import page as sync_page
from station_desk.ui.sync.page import SyncPage

TOWN = "610922101000"
CLAIM_MATERIALS = ("居民身份证或户口簿", "《城乡居民基本养老保险待遇申领表》", "社会保障卡或银行卡")


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "stick"
    path.mkdir()
    monkeypatch.setattr(sync_page, "removable_volumes", lambda: [("测试U盘", path)])
    return path


@pytest.fixture
def village_desk(village: Desk) -> Desk:
    return village


@pytest.fixture
def town(tmp_path: Path) -> Iterator[Desk]:
    desk = Desk.open(tmp_path / "town")
    desk.station.setup(kind=StationKind.TOWN1, code=TOWN, name="城关镇便民服务中心",
                       staff=[StaffInput("赵红", Role.HEAD, "123456")])
    yield desk
    desk.close()


@pytest.fixture
def paired(village_desk: Desk, town: Desk, stick: Path) -> tuple[Desk, Desk]:
    town.sync.trust(village_desk.sync.export_identity(stick / "ids"))
    village_desk.sync.trust(town.sync.export_identity(stick / "ids"))
    return village_desk, town


def page_for(qtbot, desk: Desk) -> SyncPage:
    page = SyncPage(desk)
    qtbot.addWidget(page)
    page.show()
    wait_for(page.refresh())
    return page


def finish_jobs() -> None:
    """The page's export or import ran in the runner: let it end and deliver, and
    the page's reading of its tables after it."""
    for _ in range(3):
        QThreadPool.globalInstance().waitForDone(30_000)
        QApplication.processEvents()


def register(desk: Desk, name: str, n: int, days_ago: int = 60) -> str:
    body = f"61092219480312{n:03d}"
    return desk.cases.register(CaseInput(
        item="08-02", applicant=Applicant(name, body + ric.calc_check_digit(body + "0"),
                                          "13909151001"),
        first_ask="李明", proxy=True, proxy_agent="李明", received=CLAIM_MATERIALS,
        received_at=datetime.now().astimezone() - timedelta(days=days_ago))).case.case_no


def test_village_without_its_town_cannot_export(qtbot, village_desk: Desk, stick: Path) -> None:
    page = page_for(qtbot, village_desk)
    assert "还没有信任镇中心" in page.alert.text()
    assert not page.export_button.isEnabled()
    assert village_desk.sync.fingerprint() in page.fingerprint.text()
    assert not page.villages_box.isVisibleTo(page)


def test_trust_after_checking_the_fingerprint_then_export(
        qtbot, village_desk: Desk, town: Desk, stick: Path, boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    identity = town.sync.export_identity(stick / "ids")
    monkeypatch.setattr(sync_page, "choose_files", lambda *a: [str(identity)])
    page = page_for(qtbot, village_desk)
    boxes.answer = False  # the fingerprint read out on the phone did not match
    page.trust_button.click()
    assert village_desk.sync.peers() == []
    boxes.answer = True
    page.trust_button.click()
    finish_jobs()
    assert [p.code for p in village_desk.sync.peers()] == [TOWN]
    assert page.export_button.isEnabled()

    register(village_desk, "王秀英", 1)
    wait_for(page.refresh())
    assert "条变更" in page.pending.text()
    page.export_button.click()
    finish_jobs()
    assert not boxes.warnings, boxes.warnings
    assert "可以安全拔出U盘" in boxes.said[-1]
    assert page.exports_model.rowCount() == 1
    assert page.exports_model.text(0, 3) == "尚未确认"
    assert page.exports_model.is_marked(0, 3)
    assert [p.suffix for p in stick.iterdir() if p.is_file()] == [".sdsync"]
    assert "无新变更" in page.pending.text()


def test_only_the_head_may_trust(qtbot, village_desk: Desk, stick: Path) -> None:
    village_desk.session.sign_in("张丽", "222222")
    page = page_for(qtbot, village_desk)
    assert not page.trust_button.isEnabled()


def test_town_imports_from_the_stick_and_sees_its_villages(
        qtbot, qtmodeltester, paired: tuple[Desk, Desk], stick: Path, boxes,
        runs_in_job) -> None:
    village, town = paired
    seen = runs_in_job(town, town.sync, "villages")
    late = register(village, "王秀英", 1)
    village.sync.export_to(stick)
    page = page_for(qtbot, town)
    assert page.villages_model.rowCount() == 1 and seen == [True]  # read in the runner
    assert page.villages_model.text(0, 1) == "—"
    page.import_button.click()
    finish_jobs()
    assert not boxes.warnings, boxes.warnings
    assert "导入完成" in boxes.said[-1] and not boxes.infos
    assert "新增 3 条" in page.report.toPlainText()
    assert "西沟村便民服务站" in page.villages_model.text(0, 0)
    assert "已受理 1" in page.villages_model.text(0, 4)
    assert page.overdue_model.rowCount() == 1
    assert page.overdue_model.text(0, 0) == late
    assert page.overdue_model.text(0, 1) == "西沟村便民服务站"
    assert "已超过承诺办结日期" in page.alert.text()
    qtmodeltester.check(page.villages_model)
    qtmodeltester.check(page.overdue_model)


def test_town_writes_a_return_bundle_for_the_selected_village(
        qtbot, qtmodeltester, paired: tuple[Desk, Desk], stick: Path, boxes) -> None:
    village, town = paired
    register(village, "王秀英", 1)
    sent = village.sync.export_to(stick)
    town.sync.import_bundle(sent.path)
    page = page_for(qtbot, town)
    page.return_selected_button.click()
    finish_jobs()
    assert "请先" in boxes.warnings[-1]
    page.villages.selectRow(0)
    page.return_selected_button.click()
    finish_jobs()
    assert "西沟村便民服务站" in boxes.said[-1]
    [back] = [p for p in stick.iterdir() if "-R-" in p.name]
    # the village imports it on its page and sees its bundle confirmed
    vpage = page_for(qtbot, village)
    assert vpage.exports_model.text(0, 3) == "尚未确认"
    vpage.import_button.click()
    finish_jobs()
    assert "城关镇便民服务中心" in vpage.report.toPlainText()
    assert vpage.exports_model.text(0, 3).startswith("已收到")
    assert not vpage.exports_model.is_marked(0, 3)
    qtmodeltester.check(vpage.exports_model)
    assert back.exists()


def test_refused_bundle_is_shown_with_its_reason(
        qtbot, paired: tuple[Desk, Desk], stick: Path, boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    village, town = paired
    register(village, "王秀英", 1)
    path = village.sync.export_to(stick).path
    data = bytearray(path.read_bytes())
    data[-5] ^= 1
    path.write_bytes(bytes(data))
    monkeypatch.setattr(sync_page, "choose_files", lambda *a: [str(path)])
    page = page_for(qtbot, town)
    page.import_files_button.click()
    finish_jobs()
    assert "损坏" in boxes.warnings[-1] and "未导入" in boxes.warnings[-1]
    assert town.sync.villages()[0].last_seq == 0


def press_cancel(page: SyncPage) -> None:
    """取消 in the page's progress dialog, as the clerk would."""
    [dialog] = page.findChildren(QProgressDialog)
    [button] = dialog.findChildren(QPushButton)
    assert button.text() == "取消"
    button.click()


def test_export_runs_in_the_runner_and_a_cancel_leaves_no_bundle(
        qtbot, paired: tuple[Desk, Desk], stick: Path, boxes, runs_in_job,
        monkeypatch: pytest.MonkeyPatch) -> None:
    village, _town = paired
    register(village, "王秀英", 1)
    page = page_for(qtbot, village)
    reached, go = threading.Event(), threading.Event()
    real = village.sync.export_to

    def held(folder: Path, **kwargs: Any) -> object:
        progress = kwargs.pop("progress")

        def hold(done: int, total: int) -> None:
            reached.set()  # part of the bundle is written by now
            assert go.wait(10)
            progress(done, total)

        return real(folder, progress=hold, **kwargs)

    monkeypatch.setattr(village.sync, "export_to", held)
    seen = runs_in_job(village, village.sync, "export_to")
    job = page.export_now()
    assert job is not None
    qtbot.waitUntil(reached.is_set)
    assert list(stick.glob("*.partial"))  # written as it goes, under a temporary name
    press_cancel(page)
    go.set()
    wait_for(job)
    assert seen == [True]
    assert isinstance(job.error, Cancelled) and not boxes.warnings and not boxes.said
    assert [p for p in stick.iterdir() if p.is_file()] == []
    assert village.sync.exports() == []
    go.clear()
    monkeypatch.setattr(village.sync, "export_to", real)
    wait_for(page.export_now())  # afterwards the same export goes through
    assert [p.suffix for p in stick.iterdir() if p.is_file()] == [".sdsync"]


def test_import_runs_in_the_runner_and_a_cancel_keeps_nothing(
        qtbot, paired: tuple[Desk, Desk], stick: Path, boxes, runs_in_job,
        monkeypatch: pytest.MonkeyPatch) -> None:
    village, town = paired
    register(village, "王秀英", 1)
    sent = village.sync.export_to(stick).path
    page = page_for(qtbot, town)
    reached, go = threading.Event(), threading.Event()
    real_apply = RecordWriter.apply

    def held(writer: RecordWriter, records: Any, checks: Any = None) -> None:
        real_apply(writer, records, checks)  # the records are in, the transaction still open
        reached.set()
        assert go.wait(10)

    monkeypatch.setattr(RecordWriter, "apply", held)
    seen = runs_in_job(town, town.sync, "import_many")
    cases_before = town.db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    job = page.import_paths([sent])
    qtbot.waitUntil(reached.is_set)
    press_cancel(page)
    go.set()
    wait_for(job)
    assert seen == [True]
    assert isinstance(job.error, Cancelled) and not boxes.warnings and not boxes.said
    assert town.db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == cases_before
    assert town.db.execute("SELECT COUNT(*) FROM sync_imports").fetchone()[0] == 0
    monkeypatch.setattr(RecordWriter, "apply", real_apply)
    wait_for(page.import_paths([sent]))
    assert "导入完成" in boxes.said[-1] and "新增 3 条" in page.report.toPlainText()
    assert town.db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == cases_before + 1


def test_removable_volumes_lists_without_error() -> None:
    for label, root in sync_page.removable_volumes():
        assert label and root.is_absolute()


def test_the_head_makes_a_new_identity_in_the_window_only_when_the_keys_are_lost(
        qtbot, village_desk: Desk, boxes) -> None:
    page = page_for(qtbot, village_desk)
    assert page.new_identity_button.isHidden()  # good keys: never replaced from here
    old = village_desk.sync.fingerprint()
    key_path(village_desk.data_dir).unlink()

    village_desk.session.sign_in("张丽", "222222")
    wait_for(page.refresh())
    assert not page.new_identity_button.isHidden()
    assert not page.new_identity_button.isEnabled() and not page.identity_button.isEnabled()
    assert "建立本站新身份…" in boxes.warnings[-1]  # the way back names the button

    village_desk.session.sign_in("王建国", "123456")
    wait_for(page.refresh())
    assert page.new_identity_button.isEnabled()
    boxes.answer = False
    page.new_identity_button.click()
    assert not key_path(village_desk.data_dir).exists()
    boxes.answer = True
    page.new_identity_button.click()
    finish_jobs()
    new = village_desk.sync.fingerprint()
    assert new != old and new in boxes.infos[-1] and "导出本站身份文件" in boxes.infos[-1]
    assert page.new_identity_button.isHidden() and new in page.fingerprint.text()
    assert page.identity_button.isEnabled()


def test_each_side_makes_only_the_tables_it_shows(qtbot, village_desk: Desk, town: Desk) -> None:
    village = page_for(qtbot, village_desk)
    assert village.tabs.is_built(village.exports_box)
    assert not any(village.tabs.is_built(t) for t in (village.villages_box, village.overdue_box))
    centre = page_for(qtbot, town)
    assert centre.tabs.is_built(centre.villages_box)
    assert not any(centre.tabs.is_built(t) for t in (centre.exports_box, centre.overdue_box))
    assert centre.selected_villages() == [] and not centre.return_all_button.isEnabled()
    centre.tabs.setCurrentWidget(centre.overdue_box)
    assert centre.tabs.is_built(centre.overdue_box) and centre.overdue.model().rowCount() == 0
