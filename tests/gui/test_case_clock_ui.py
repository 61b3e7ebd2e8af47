"""The case detail shows every date with its rule; extension, suspension and the
notification log from the detail window (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import datetime

import pytest
from stdnum.cn import ric

from station_desk.domain.cases import Applicant, Status
from station_desk.domain.notifications import NotifyChannel, NotifyResult, Purpose
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk
from station_desk.ui.cases import detail as case_detail
from station_desk.ui.cases import extension_dialog
from station_desk.ui.cases.detail import CaseDetailDialog
from station_desk.ui.cases.extension_dialog import ExtensionDialog
from station_desk.ui.cases.notify_dialog import NotifyDialog
from station_desk.ui.jobs import wait_for

HYGIENE = "03-07"  # 行政许可: 承诺 10, 法定 20 working days
SUBSIDY = "01-07"  # public service, 20 working days


def id_number(n: int = 4) -> str:
    base = f"61092219650312{n:03d}"
    return base + ric.calc_check_digit(base + "0")


def register(desk: Desk, code: str, when: datetime, *, complete: bool = True,
             n: int = 4) -> str:
    item = desk.catalogue.item(code)
    received = tuple(m.name for m in item.materials) if complete else \
        tuple(m.name for m in item.materials[1:])
    return desk.cases.register(CaseInput(
        item=code, applicant=Applicant("吴秀英", id_number(n), "13909151001", "西沟村三组"),
        received=received, received_at=when)).case.case_no


@pytest.fixture
def desk(village: Desk) -> Desk:
    village.session.sign_in("李明", "111111")  # the first-ask person at the window
    return village


def test_detail_shows_each_date_with_its_rule(qtbot, desk: Desk) -> None:
    no = register(desk, HYGIENE, datetime(2026, 11, 2, 10).astimezone())
    dialog = CaseDetailDialog(desk, no)
    qtbot.addWidget(dialog)
    text = dialog.header_text()
    for expected in ("受理日期", "2026-11-02", "材料齐全，收到之日受理",
                     "法定办结期限", "2026-11-30", "法定时限 20 个工作日", "行政许可法第四十二条",
                     "承诺办结日期", "2026-11-16", "承诺时限 10 个工作日"):
        assert expected in text, expected


def test_detail_shows_deemed_acceptance(qtbot, desk: Desk) -> None:
    no = register(desk, SUBSIDY, datetime(2026, 9, 21, 10).astimezone(), complete=False)
    desk.corrections.receive(no, desk.cases.get(no).missing)
    dialog = CaseDetailDialog(desk, no)
    qtbot.addWidget(dialog)
    text = dialog.header_text()
    assert "2026-09-21（视为受理）" in text
    assert "视为受理：未在 5 个工作日内一次性告知补正" in text
    assert "补正告知期限" in text and "2026-09-29" in text
    assert "2026-10-26" in text
    assert any("视为受理" in t for t in dialog.timeline_texts())


def test_extension_dialog_approves_and_shows_the_notice(qtbot, desk: Desk, boxes,
                                                       monkeypatch) -> None:
    no = register(desk, HYGIENE, datetime(2026, 11, 2, 10).astimezone())
    desk.session.sign_in("王建国", "123456")
    shown: list[object] = []
    monkeypatch.setattr(extension_dialog, "show_preview", lambda _p, issued: shown.append(issued))
    dialog = CaseDetailDialog(desk, no)
    qtbot.addWidget(dialog)
    assert not dialog.extend_button.isHidden()

    def drive(ext: ExtensionDialog) -> bool:
        assert ext.days.maximum() == 10  # §42
        ext.days.setValue(10)
        ext.accept()  # no reason yet: refused, nothing saved (in the runner)
        wait_for(ext.making.job)
        assert "延期理由" in boxes.warnings[-1] and not shown
        ext.reason.setPlainText("需现场核查经营场所")
        ext.accept()
        assert ext.making.busy  # saved with its notice in the runner; the dialog waits
        wait_for(ext.making.job)
        return ext.result() == ExtensionDialog.DialogCode.Accepted

    monkeypatch.setattr(case_detail, "open_dialog", drive)
    assert dialog.extend()
    assert len(shown) == 1
    assert desk.cases.get(no).deadline is not None
    text = dialog.header_text()
    assert "行政许可延期 10 个工作日" in text and "2026-11-30" in text
    assert any("延期告知书" in t for t in dialog.timeline_texts())


def test_suspend_and_resume_from_the_detail(qtbot, desk: Desk, monkeypatch) -> None:
    no = register(desk, SUBSIDY, datetime(2026, 11, 2, 10).astimezone())
    dialog = CaseDetailDialog(desk, no)
    qtbot.addWidget(dialog)
    assert dialog.suspend_button.text() == "中止计时…"
    monkeypatch.setattr(case_detail, "ask_text", lambda *_a: "等待县级鉴定结论")
    assert dialog.suspend_or_resume()
    assert dialog.suspend_button.text() == "恢复计时"
    assert "中止中" in dialog.header_text()
    assert dialog.suspend_or_resume()
    assert dialog.suspend_button.text() == "中止计时…"


def test_notify_dialog_records_and_offers_the_wording(qtbot, desk: Desk, monkeypatch) -> None:
    no = register(desk, SUBSIDY, datetime(2026, 11, 2, 10).astimezone())
    desk.cases.advance(no, Status.COMPLETED)
    desk.session.sign_in("张丽", "222222")
    dialog = CaseDetailDialog(desk, no)
    qtbot.addWidget(dialog)
    assert "办结：尚未告知申请人" in dialog.header_text()

    def drive(n: NotifyDialog) -> bool:
        assert n.purpose.currentData() == Purpose.COMPLETED
        assert "已办结" in n.wording.toPlainText() and no in n.wording.toPlainText()
        n.copy_wording()
        n.channel.setCurrentIndex(n.channel.findData(NotifyChannel.SMS))
        n.outcome.setCurrentIndex(n.outcome.findData(NotifyResult.TOLD))
        n.accept()
        return n.result() == NotifyDialog.DialogCode.Accepted

    monkeypatch.setattr(case_detail, "open_dialog", drive)
    assert dialog.notify()
    assert "办结：已于" in dialog.header_text() and "短信告知吴秀英" in dialog.header_text()
    from PySide6.QtGui import QGuiApplication
    assert no in QGuiApplication.clipboard().text()


def test_overdue_rectification_is_on_today(qtbot, desk: Desk) -> None:
    from station_desk.domain.service import Rating
    from station_desk.ui.main_window import MainWindow

    no = register(desk, SUBSIDY, datetime(2026, 11, 2, 10).astimezone())
    desk.cases.advance(no, Status.COMPLETED)
    desk.complaints.rate(no, Rating.UNSATISFIED, note="等了很久")
    w = MainWindow(desk)
    qtbot.addWidget(w)
    w.go_to("今日")
    wait_for(w.today.loading.running)  # counted in the runner
    assert "超过整改期限" not in w.today.alerts.text()
    # the deadline passes without a call-back
    desk.db.execute("UPDATE ratings SET rectify_due = '2026-11-20'")
    wait_for(w.today.refresh())
    assert "有 1 个差评超过整改期限" in w.today.alerts.text() and no in w.today.alerts.text()


def test_the_town_sees_a_villages_clock_records(qtbot, tmp_path) -> None:
    """At the town, a village's case shows the extension, the suspension and the
    telling the village recorded, from the imported bundle."""
    from town_stations import register as register_at
    from town_stations import town_with_village

    town, village, stick = town_with_village(tmp_path)
    try:
        v = village.desk
        licence = register_at(village, 1, item=HYGIENE)
        v.extensions.extend(licence, 4, "需现场核查经营场所", approved_by="王建国")
        v.extensions.suspend(licence, "等待县级检验检测结论")
        v.extensions.resume(licence)
        done = register_at(village, 2, "陈德福", proxy=False, item=SUBSIDY)
        v.cases.advance(done, Status.COMPLETED)
        v.notifications.record(done, Purpose.COMPLETED, NotifyChannel.PHONE, told_by="李明")
        town.desk.sync.import_bundle(v.sync.export_to(stick).path)
        dialog = CaseDetailDialog(town.desk, licence)
        qtbot.addWidget(dialog)
        text = dialog.header_text()
        assert "行政许可延期 4 个工作日" in text and "王建国批准" in text
        assert "需现场核查经营场所" in text
        assert "恢复计时" in text and "等待县级检验检测结论" in text
        assert "延长 4 个工作日" in text  # in the rule of the promised date
        # not handed over: the town only reads it, no clock or telling actions
        assert dialog.read_only is not None
        assert all(b.isHidden() for b in (dialog.extend_button, dialog.suspend_button,
                                          dialog.notify_button, dialog.attachments.add_button,
                                          dialog.attachments.camera_button))
        told = CaseDetailDialog(town.desk, done)
        qtbot.addWidget(told)
        assert "办结：已于" in told.header_text() and "电话告知陈德福（李明）" in told.header_text()
    finally:
        for p in (town, village):
            p.desk.close()
