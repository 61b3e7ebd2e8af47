"""统计 and 档案 in the window: rates against targets, report export, backup and
restore (head only), filing, the 查阅/复印 register, and a case's attachments.
Every file dialog and question is replaced; message boxes are recorded (`boxes`)."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView
from reportlab.pdfgen.canvas import Canvas
from stdnum.cn import ric

from station_desk.domain.archive import Borrowing, BorrowKind, Retention
from station_desk.domain.cases import Applicant, Status
from station_desk.domain.service import Rating
from station_desk.domain.station import Role, StationKind
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk, StaffInput
from station_desk.ui.archive import attachments
from station_desk.ui.archive import models as archive_models
from station_desk.ui.archive import page as archive
from station_desk.ui.archive.attachments import AttachmentsPanel, FullView
from station_desk.ui.archive.dialogs import (
    BorrowDialog,
    BorrowInput,
    Decision,
    FilingDialog,
    FilingInput,
)
from station_desk.ui.archive.page import ArchivePage
from station_desk.ui.jobs import wait_for
from station_desk.ui.statistics import page as statistics
from station_desk.ui.statistics.model import FiguresModel
from station_desk.ui.statistics.page import StatisticsPage
from station_desk.ui.widgets import palette, prompts

NO_DATA = "—（无数据）"


def png_bytes(width: int = 40, height: int = 30) -> bytes:
    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\x30\x60\x90" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def pdf_bytes() -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    canvas.rect(80, 400, 400, 250, fill=1)
    canvas.save()
    return buf.getvalue()


def register(desk: Desk, code: str = "08-01", *, serial: int = 1, finish: bool = True) -> str:
    base = f"61092219650312{serial:03d}"
    item = desk.catalogue.item(code)
    case = desk.cases.register(CaseInput(
        item=code, applicant=Applicant(f"村民{serial}", base + ric.calc_check_digit(base + "0")),
        received=tuple(m.name for m in item.materials),
        done_on_spot=finish and item.time_limit_days == 0)).case
    if finish and case.status.is_open:
        desk.cases.advance(case.case_no, Status.COMPLETED)
    return case.case_no


def cell(table: QTableView, row: int, column: int) -> str:
    return str(table.model().index(row, column).data() or "")


# -- 统计 ----------------------------------------------------------------------------

def test_no_cases_means_no_rates_not_zero(qtbot, stats: StatisticsPage) -> None:
    wait_for(stats.set_period(statistics.PERIOD_TODAY))
    qtbot.waitUntil(lambda: not stats.chart_pending)  # drawn in the turn after
    for card in (stats.on_spot, stats.on_time, stats.satisfaction):
        assert card.value.text() == NO_DATA
        assert not card.below
    assert stats.received.value.text() == "0"
    assert stats.chart_data() == {}
    assert "没有收件" in stats.chart.title()
    assert stats.per_station.isHidden()  # a village: no per-village table


def test_rates_and_their_targets(qtbot, stats: StatisticsPage, qtmodeltester) -> None:
    desk = stats.desk
    on_spot = register(desk, "08-01", serial=1)
    register(desk, "05-01", serial=2)
    desk.complaints.rate(on_spot, Rating.UNSATISFIED)
    wait_for(stats.set_period(statistics.PERIOD_TODAY))
    qtbot.waitUntil(lambda: not stats.chart_pending)
    assert stats.on_spot.value.text() == "100.0%" and not stats.on_spot.below
    assert "当场办结 2 件" in stats.on_spot.note.text()
    assert stats.on_time.value.text() == NO_DATA  # nothing promised was finished
    assert stats.satisfaction.value.text() == "0.0%"
    assert stats.satisfaction.below and "b91c1c" in stats.satisfaction.value.styleSheet()
    assert stats.received.value.text() == "2"
    assert stats.chart_data() == {"养老保障": 1, "创业就业": 1}
    assert stats.table_texts(stats.by_type) == [["即办件", "2", "100.0%"]]
    assert stats.table_texts(stats.by_status) == [["已办结", "2", "100.0%"]]
    qtmodeltester.check(stats.model_of(stats.by_type))


def test_rates_below_their_target_are_red_and_the_total_bold(qtbot, qtmodeltester) -> None:
    model = FiguresModel()
    model.set_table(["站点", "满意率", "件数"], [["甲站", 0.5, 3], ["合计", 1.0, None]],
                    total_row=True)
    assert model.texts() == [["甲站", "50.0%", "3"], ["合计", "100.0%", "—"]]
    assert model.is_marked(0, 1) and not model.is_marked(1, 1) and not model.is_marked(0, 2)
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole) is None
    qtmodeltester.check(model)


def test_periods(stats: StatisticsPage) -> None:
    register(stats.desk, serial=1)
    wait_for(stats.set_period(statistics.PERIOD_LAST_MONTH))
    assert stats.figures is not None and stats.figures.received == 0
    assert not stats.first_edit.isEnabled()
    first, last = stats.bounds()
    assert first.day == 1 and last < date.today().replace(day=1)
    wait_for(stats.set_period(statistics.PERIOD_MONTH))
    assert stats.bounds() == (date.today().replace(day=1), date.today())
    assert stats.figures is not None and stats.figures.received == 1
    wait_for(stats.set_period(statistics.PERIOD_CUSTOM, date(2026, 1, 1), date.today()))
    assert stats.first_edit.isEnabled()
    assert stats.bounds() == (date(2026, 1, 1), date.today())
    # an end before the start moves the start along, never a refusal box
    stats.last_edit.setDate(stats.first_edit.date().addDays(-1))
    first, last = stats.bounds()
    assert first == last == date(2025, 12, 31)


def test_export_reports_through_the_chosen_path(stats: StatisticsPage, boxes, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    register(stats.desk, serial=1)
    asked: list[str] = []

    def choose(_parent: object, caption: str, suggested: str) -> str:
        asked.append(caption + "|" + suggested)
        return str(tmp_path / ("月报.xlsx" if "月度" in caption else "日报.pdf"))

    monkeypatch.setattr(statistics, "choose_report_path", choose)
    wait_for(stats.set_period(statistics.PERIOD_MONTH))
    written = wait_for(stats.export_month())
    assert written == tmp_path / "月报.xlsx" and written.exists()
    assert str(written) in boxes.said[-1] and not boxes.warnings
    assert "月度工作报表" in asked[-1] and asked[-1].endswith(f"{date.today():%Y-%m}.pdf")
    wb = load_workbook(written)
    assert wb.sheetnames[0] == "概况" and wb["概况"]["B3"].value == 1
    day = wait_for(stats.export_day())
    assert day == tmp_path / "日报.pdf" and day.read_bytes().startswith(b"%PDF-")
    assert "每日办件统计表" in asked[-1]
    # cancelled: nothing written, nothing said
    monkeypatch.setattr(statistics, "choose_report_path", lambda *_a: "")
    count = len(boxes.said)
    assert stats.export_day() is None and len(boxes.said) == count


def test_export_refusal_is_shown(stats: StatisticsPage, boxes, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statistics, "choose_report_path",
                        lambda *_a: str(tmp_path / "no-such-dir" / "x" / "报表.pdf"))
    wait_for(stats.set_period(statistics.PERIOD_TODAY))
    assert wait_for(stats.export_day()) is None
    assert boxes.warnings  # the storage error, in words


def test_town_shows_each_station_and_the_total(qtbot, qtmodeltester, desk: Desk) -> None:
    desk.station.setup(kind=StationKind.TOWN1, code="610922101000", name="城关镇便民服务中心",
               staff=[StaffInput("王建国", Role.HEAD, "123456")])
    desk.session.sign_in("王建国", "123456")
    register(desk, serial=1)
    page = StatisticsPage(desk)
    qtbot.addWidget(page)
    wait_for(page.set_period(statistics.PERIOD_TODAY))
    assert not page.per_station.isHidden()
    rows = page.table_texts(page.per_station)
    assert [r[0] for r in rows] == ["城关镇便民服务中心", "合计"]
    assert rows[-1][1] == "1" and rows[-1][4] == "100.0%"
    model = page.model_of(page.per_station)
    assert model.data(model.index(len(rows) - 1, 0), Qt.ItemDataRole.FontRole).bold()
    qtmodeltester.check(model)


# -- 档案: backups -------------------------------------------------------------------------

@pytest.fixture
def page(qtbot, village: Desk) -> ArchivePage:
    village.session.sign_in("王建国", "123456")
    p = ArchivePage(village)
    qtbot.addWidget(p)
    p.refresh()
    return p


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


# -- 档案: filing and the register ------------------------------------------------------

def test_filing_from_the_page(page: ArchivePage, boxes, qtmodeltester,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    case_no = register(page.desk, "08-02", serial=1)
    open_case = register(page.desk, "08-02", serial=2, finish=False)
    monkeypatch.setattr(archive, "ask_filing",
                        lambda _p: FilingInput(open_case, None, ""))
    assert page.file_case() is None and "还没有办结" in boxes.warnings[-1]
    monkeypatch.setattr(archive, "ask_filing",
                        lambda _p: FilingInput(case_no, Retention.PERMANENT, "档案柜1"))
    number = page.file_case()
    assert number is not None and number.endswith("-Y-0001")
    assert number in boxes.said[-1]
    assert page.files_table.model().rowCount() == 1
    assert cell(page.files_table, 0, 0) == number
    assert cell(page.files_table, 0, 6) == "档案柜1"
    qtmodeltester.check(page.files_model)
    page.search.setText("没有这个")
    page.refresh_files()
    assert page.files_table.model().rowCount() == 0


@pytest.fixture
def request_made(page: ArchivePage, monkeypatch: pytest.MonkeyPatch) -> Borrowing:
    number = page.desk.archive.file_case(register(page.desk, "08-02", serial=1)).archive_no
    page.refresh()
    page.tabs.show_tab(page.register_page)  # made when first shown
    page.files_table.selectRow(0)
    suggested: list[str] = []

    def ask(_p: object, archive_no: str) -> BorrowInput:
        suggested.append(archive_no)
        return BorrowInput(archive_no, "刘桂兰", "低保复核", BorrowKind.READ)

    monkeypatch.setattr(archive, "ask_borrow", ask)
    made = page.request_borrow()
    assert made is not None and suggested == [number]  # the selected file is suggested
    assert page.tabs.currentIndex() == 2
    assert page.selected_borrowing() == made
    return made


def test_clerk_cannot_approve(page: ArchivePage, request_made: Borrowing, boxes,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    page.desk.session.sign_in("张丽", "222222")
    monkeypatch.setattr(archive, "ask_decision",
                        lambda *_a: pytest.fail("a clerk is not asked to decide"))
    page.select_borrowing(request_made.id)
    assert page.decide() is None
    assert "只能由站长" in boxes.warnings[-1]
    assert page.desk.archive.borrowings(pending_only=True)[0].id == request_made.id


def test_head_approves_and_it_is_returned(page: ArchivePage, request_made: Borrowing, boxes,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "ask_decision", lambda *_a: Decision(True))
    done = page.decide()
    assert done is not None and done.state == "借阅中" and not boxes.warnings
    states = [cell(page.borrow_table, r, 5) for r in range(page.borrow_table.model().rowCount())]
    assert states == ["借阅中"]
    assert "王建国同意" in cell(page.borrow_table, 0, 6)
    assert page.decide() is None and "已经审批过了" in boxes.warnings[-1]
    back = page.mark_returned()
    assert back is not None and back.state == "已归还"
    assert cell(page.borrow_table, 0, 7)


def test_head_refuses_with_a_reason(page: ArchivePage, request_made: Borrowing, boxes,
                                    qtmodeltester, monkeypatch: pytest.MonkeyPatch) -> None:
    model = page.borrow_model
    assert model.is_marked(0, model.COL_STATE)  # waiting for the head: amber
    assert model.data(model.index(0, model.COL_STATE), Qt.ItemDataRole.ForegroundRole) \
        == archive_models.WAITING_BRUSH
    monkeypatch.setattr(archive, "ask_decision", lambda *_a: Decision(False, ""))
    assert page.decide() is None and "理由" in boxes.warnings[-1]
    monkeypatch.setattr(archive, "ask_decision", lambda *_a: Decision(False, "与本人无关"))
    done = page.decide()
    assert done is not None and done.state == "未批准"
    assert model.data(model.index(0, model.COL_STATE), Qt.ItemDataRole.ForegroundRole) \
        == archive_models.DANGER_BRUSH
    qtmodeltester.check(model)
    assert page.mark_returned() is None and "未经批准" in boxes.warnings[-1]
    page.pending_only.setChecked(True)
    assert page.borrow_table.model().rowCount() == 0


def test_nothing_selected_is_said(page: ArchivePage, boxes) -> None:
    assert page.mark_returned() is None
    assert "选中" in boxes.warnings[-1]


def test_dialogs_hand_back_enums(qtbot) -> None:
    filing = FilingDialog()
    qtbot.addWidget(filing)
    filing.case_no.setText(" 610922101201-2026-00001 ")
    assert filing.result_input() == FilingInput("610922101201-2026-00001", None, "")
    filing.retention.setCurrentIndex(filing.retention.findData("D10"))
    assert filing.result_input().retention is Retention.YEARS_10
    borrow = BorrowDialog("X-1")
    qtbot.addWidget(borrow)
    borrow.kind.setCurrentIndex(1)
    assert borrow.result_input().kind is BorrowKind.COPY


# -- a case's attachments -------------------------------------------------------------------

@pytest.fixture
def panel(qtbot, village: Desk) -> AttachmentsPanel:
    village.session.sign_in("张丽", "222222")
    p = AttachmentsPanel(village, register(village, "08-02", serial=1, finish=False))
    qtbot.addWidget(p)
    return p


def test_adding_scans_shows_thumbnails(qtbot, panel: AttachmentsPanel, boxes, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert panel.list.count() == 0 and not panel.empty.isHidden()
    (tmp_path / "户口簿.png").write_bytes(png_bytes())
    (tmp_path / "申请表.pdf").write_bytes(pdf_bytes())
    monkeypatch.setattr(attachments, "choose_files",
                        lambda _p: [str(tmp_path / "户口簿.png"), str(tmp_path / "申请表.pdf")])
    with qtbot.waitSignal(panel.added, timeout=2000):
        assert panel.add_files() == 2
    assert not boxes.warnings
    assert panel.list.count() == 2 and panel.empty.isHidden()
    wait_for(panel.thumbnails_job)  # made in the runner
    for row in range(2):
        item = panel.list.item(row)
        assert not item.icon().isNull()
        assert not item.icon().pixmap(attachments.THUMB).isNull()
    assert panel.list.item(0).text().startswith("户口簿.png")
    timeline = panel.desk.cases.timeline(panel.desk.cases.get(panel.case_no))
    assert [e.kind for e in timeline].count("附件") == 2


def test_thumbnails_are_cached_in_the_store_and_a_lost_scan_shows_a_tile(
        qtbot, panel: AttachmentsPanel, monkeypatch: pytest.MonkeyPatch) -> None:
    desk = panel.desk
    kept = desk.archive.attach_data(panel.case_no, "户口簿.png", png_bytes())
    lost = desk.archive.attach_data(panel.case_no, "身份证.png", png_bytes(20, 10))
    wait_for(panel.refresh())
    assert len(list((desk.data_dir / "thumbs").glob("*/*"))) == 2
    decoded: list[bytes] = []
    real = attachments.image_thumbnail
    monkeypatch.setattr(attachments, "image_thumbnail",
                        lambda data, *a: decoded.append(data) or real(data, *a))
    (desk.data_dir / "attachments" / lost.sha256[:2] / lost.sha256).unlink()
    again = AttachmentsPanel(desk, panel.case_no)
    qtbot.addWidget(again)
    wait_for(again.thumbnails_job)
    assert decoded == []  # the kept one came from the cache, the lost one was not decoded
    assert not again.list.item(0).icon().isNull()
    tile = again.list.item(1).icon().pixmap(attachments.THUMB).toImage()
    assert tile.pixelColor(0, 0).name() == QColor(palette.DANGER).name()  # the warning tile
    assert kept.sha256 != lost.sha256


def test_thumbnails_are_made_in_the_runner(qtbot, panel: AttachmentsPanel,
                                           runs_in_job) -> None:
    desk = panel.desk
    desk.archive.attach_data(panel.case_no, "户口簿.png", png_bytes())
    seen = runs_in_job(desk, desk.archive, "thumbnail")
    job = panel.refresh()
    assert job is not None
    waiting = panel.list.item(0).icon().pixmap(attachments.THUMB).toImage()
    assert waiting.pixelColor(0, 0).name() == QColor(palette.MUTED).name()  # 正在载入…
    wait_for(job)
    assert seen == [True]
    shown = panel.list.item(0).icon().pixmap(attachments.THUMB).toImage()
    assert shown.pixelColor(0, 0).name() != QColor(palette.MUTED).name()
    assert panel.refresh() is None  # made once: the next showing needs no job


def test_refusals_are_shown_together(panel: AttachmentsPanel, boxes, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "户口簿.png").write_bytes(png_bytes())
    (tmp_path / "户口簿2.png").write_bytes(png_bytes())
    (tmp_path / "说明.txt").write_text("不是扫描件", "utf-8")
    monkeypatch.setattr(attachments, "choose_files", lambda _p: [
        str(tmp_path / "户口簿.png"), str(tmp_path / "户口簿2.png"), str(tmp_path / "说明.txt")])
    assert panel.add_files() == 1
    [message] = boxes.warnings
    assert "户口簿2.png 已经附加" in message and "说明.txt：只能附加" in message
    assert panel.list.count() == 1


def test_double_click_shows_the_full_file(qtbot, panel: AttachmentsPanel, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    data = png_bytes()
    (tmp_path / "户口簿.png").write_bytes(data)
    monkeypatch.setattr(attachments, "choose_files", lambda _p: [str(tmp_path / "户口簿.png")])
    panel.add_files()
    shown: list[tuple[str, str, bytes]] = []
    monkeypatch.setattr(attachments, "show_full",
                        lambda _p, name, mime, d: shown.append((name, mime, d)))
    panel.list.itemDoubleClicked.emit(panel.list.item(0))
    assert shown == [("户口簿.png", "image/png", data)]


def test_full_view_of_an_image_and_a_pdf(qtbot) -> None:
    image = FullView("a.png", "image/png", png_bytes())
    qtbot.addWidget(image)
    assert not image.pixmap.isNull() and image.pixmap.width() == 40
    pdf = FullView("b.pdf", "application/pdf", pdf_bytes())
    qtbot.addWidget(pdf)
    assert pdf.document is not None and pdf.document.pageCount() == 1
