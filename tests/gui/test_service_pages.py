"""预约, 延时服务 and 投诉回访 screens: booking, outcomes, after-hours sessions,
complaints through to 办结, ratings and call-backs. Dialogs that would block are
replaced (module functions and `boxes`), never waited for."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from stdnum.cn import ric

from station_desk.db import service_repo
from station_desk.domain.cases import Applicant, Status
from station_desk.domain.service import ApptStatus, ComplaintStatus, Rating
from station_desk.domain.workdays import HolidayCalendar
from station_desk.services.appointments import ApptInput
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk
from station_desk.ui.after_hours import page as after_hours_page
from station_desk.ui.after_hours.page import AfterHoursPage
from station_desk.ui.appointments import page as appointments_page
from station_desk.ui.appointments.dialog import AppointmentDialog, to_qt
from station_desk.ui.appointments.page import AppointmentsPage, DayModel, prefill_intake
from station_desk.ui.cases.intake import IntakeDialog
from station_desk.ui.complaints import page as complaints_page
from station_desk.ui.complaints.page import ComplaintDialog, ComplaintsPage, RatingDialog
from station_desk.ui.jobs import wait_for

CAL = HolidayCalendar()
PENSION_CLAIM = "08-02"
PENSION_CLAIM_NAME = "城乡居民养老保险待遇申领"
PENSION_REG = "08-01"


def is_workday(d: date) -> bool:
    return CAL.is_workday(d) if CAL.knows(d.year) else d.weekday() < 5


def next_workday() -> date:
    d = date.today() + timedelta(days=1)
    while not is_workday(d):
        d += timedelta(days=1)
    return d


def on(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm))


def id_number(serial: int = 4) -> str:
    base = f"61092219650312{serial % 1000:03d}"
    return base + ric.calc_check_digit(base + "0")


@pytest.fixture
def desk(village: Desk) -> Desk:
    village.session.sign_in("张丽", "222222")
    return village


def book(desk: Desk, name: str, at: datetime, staff: str = "李明") -> str:
    return desk.appointments.book(ApptInput(
        applicant=Applicant(name, "", "13909151001", "西沟村三组"), item=PENSION_CLAIM,
        at=at, staff=staff)).appointment.appt_no


def fill_booking(dialog: AppointmentDialog, at: datetime) -> None:
    dialog.name.setText("王秀英")
    dialog.phone.setText("13909151001")
    dialog.item_search.setText("ylbx")
    entry = next(dialog.item_list.item(i) for i in range(dialog.item_list.count())
                 if dialog.item_list.item(i).text().startswith(PENSION_CLAIM_NAME))
    dialog.item_list.setCurrentItem(entry)
    dialog.at.setDateTime(to_qt(at))
    dialog.staff.setCurrentIndex(dialog.staff.findData("李明"))


def day_rows(page: AppointmentsPage) -> list[list[str]]:
    model = page.model
    return [[str(model.data(model.index(r, c))) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


# -- appointments --------------------------------------------------------------------


def test_booking_through_the_dialog_shows_in_the_day_and_week(qtbot, desk: Desk, boxes,
                                                              monkeypatch) -> None:
    day = next_workday()
    told: list[list[str]] = []

    def booking(page: AppointmentsPage) -> bool:
        dialog = AppointmentDialog(page.desk, page)
        qtbot.addWidget(dialog)
        fill_booking(dialog, on(day, 10, 30))
        told.append(dialog.told())
        dialog.save()
        return dialog.booked is not None

    monkeypatch.setattr(appointments_page, "open_booking", booking)
    page = AppointmentsPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert boxes.warnings == []
    [info] = boxes.said
    assert boxes.infos == []  # a booking is a success: said in the status bar
    [appt] = desk.appointments.day(day)
    assert appt.appt_no in info and appt.staff_name == "李明" and "李明" in info
    materials = [m.name for m in desk.catalogue.item(PENSION_CLAIM).materials]
    assert list(appt.materials_told) == materials  # 一次性告知: every material, once
    assert len(told[0]) == len(materials)
    page.go_to(day)
    [row] = day_rows(page)
    assert row[DayModel.COL_TIME] == "10:30–11:00"
    assert row[DayModel.COL_NAME] == "王秀英" and row[DayModel.COL_STATUS] == "已预约"
    assert row[DayModel.COL_ITEM] == PENSION_CLAIM_NAME
    page.tabs.setCurrentIndex(1)
    assert any("王秀英" in chip and "10:30" in chip for chip in page.chips_of(day))
    chips = page.week.lists[day.weekday()]
    chips.itemClicked.emit(chips.item(0))  # a chip opens its day, the booking selected
    assert page.tabs.currentIndex() == 0 and page.selected_no() == appt.appt_no


def test_a_refused_booking_keeps_what_was_typed(qtbot, desk: Desk, boxes) -> None:
    dialog = AppointmentDialog(desk)
    qtbot.addWidget(dialog)
    dialog.name.setText("陈德福")
    dialog.id_number.setText("610922195607080000")
    dialog.kind.setCurrentIndex(dialog.kind.findData("上门"))
    dialog.at.setDateTime(to_qt(datetime.now() - timedelta(days=1)))
    dialog.note.setText("行动不便")
    dialog.save()
    assert dialog.booked is None and len(boxes.warnings) == 1
    for key in ("item", "phone", "address", "id_number", "at"):
        assert dialog.is_marked(key), key
        assert dialog.error_text(key)
    assert not dialog.is_marked("name")
    assert "上门服务须填写地址" in dialog.error_text("address")
    assert (dialog.name.text(), dialog.note.text()) == ("陈德福", "行动不便")
    assert dialog.kind.currentData() == "上门"
    # fixing a field clears its mark at once
    dialog.phone.setText("13909151002")
    assert not dialog.is_marked("phone")
    assert desk.appointments.day(next_workday()) == []


def test_a_clash_is_flagged_in_its_row(qtbot, qtmodeltester, desk: Desk) -> None:
    day = next_workday()
    book(desk, "王秀英", on(day, 9, 30))
    book(desk, "陈德福", on(day, 9, 45))
    book(desk, "刘桂兰", on(day, 9, 45), staff="张丽")
    page = AppointmentsPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    page.go_to(day)
    hints = {r[DayModel.COL_NAME]: r[DayModel.COL_HINT] for r in day_rows(page)}
    assert "冲突" in hints["王秀英"] and "陈德福" in hints["王秀英"]
    assert "冲突" in hints["陈德福"] and "王秀英" in hints["陈德福"]
    assert "冲突" not in hints["刘桂兰"]
    qtmodeltester.check(page.model)


def test_a_missed_appointment_is_in_the_banner(qtbot, desk: Desk) -> None:
    appt_no = book(desk, "王秀英", on(next_workday(), 9, 30))
    appt = desk.appointments.get(appt_no)
    earlier = (datetime.now().astimezone() - timedelta(days=2)).replace(hour=9, minute=30)
    service_repo.update(desk.db, "appointments", appt.id,
                        {"at": earlier.isoformat(timespec="minutes")}, desk.session.actor)
    page = AppointmentsPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    assert not page.missed_label.isHidden()
    assert "错过的预约 1 个" in page.missed_label.text() and "王秀英" in page.missed_label.text()
    page.missed_label.linkActivated.emit(appt_no)
    assert page.chosen_day() == earlier.date() and page.selected_no() == appt_no
    assert "已过预约时间" in day_rows(page)[0][DayModel.COL_HINT]


def test_outcomes_of_the_selected_appointment(qtbot, desk: Desk, boxes, monkeypatch) -> None:
    day = next_workday()
    first = book(desk, "王秀英", on(day, 9, 0))
    second = book(desk, "陈德福", on(day, 10, 0))
    third = book(desk, "刘桂兰", on(day, 11, 0))
    page = AppointmentsPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    page.open_appointment(first)
    monkeypatch.setattr(appointments_page, "ask_note", lambda *_a: "电话未接通")
    qtbot.mouseClick(page.no_show_button, Qt.MouseButton.LeftButton)
    assert desk.appointments.get(first).status == ApptStatus.NO_SHOW
    assert "电话未接通" in desk.appointments.get(first).note
    assert not page.no_show_button.isEnabled()  # still selected, no longer open

    page.open_appointment(second)
    monkeypatch.setattr(appointments_page, "ask_note", lambda *_a: None)  # thought better
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert desk.appointments.get(second).status == ApptStatus.BOOKED
    monkeypatch.setattr(appointments_page, "ask_note", lambda *_a: "")
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert desk.appointments.get(second).status == ApptStatus.CANCELLED

    page.open_appointment(third)
    new_at = on(day, 15, 0)
    monkeypatch.setattr(appointments_page, "ask_new_time", lambda *_a: new_at)
    qtbot.mouseClick(page.reschedule_button, Qt.MouseButton.LeftButton)
    assert desk.appointments.get(third).status == ApptStatus.RESCHEDULED
    [new] = [a for a in desk.appointments.day(day) if a.status == ApptStatus.BOOKED]
    assert new.applicant_name == "刘桂兰" and new.at.astimezone().time() == time(15, 0)
    assert page.selected_no() == new.appt_no
    assert new.appt_no in boxes.said[-1]
    assert boxes.warnings == []


def test_rescheduling_into_the_past_is_refused(qtbot, desk: Desk, boxes,
                                              monkeypatch) -> None:
    appt_no = book(desk, "王秀英", on(next_workday(), 9, 0))
    page = AppointmentsPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    page.open_appointment(appt_no)
    monkeypatch.setattr(appointments_page, "ask_new_time",
                        lambda *_a: datetime.now() - timedelta(days=1))
    qtbot.mouseClick(page.reschedule_button, Qt.MouseButton.LeftButton)
    assert len(boxes.warnings) == 1
    assert desk.appointments.get(appt_no).status == ApptStatus.BOOKED


def test_served_registers_the_case_from_the_booking(qtbot, desk: Desk, boxes,
                                                   monkeypatch) -> None:
    appt_no = book(desk, "王秀英", on(next_workday(), 9, 0))

    def register(page: AppointmentsPage, appt) -> str | None:
        dialog = IntakeDialog(page.desk, page)
        qtbot.addWidget(dialog)
        prefill_intake(dialog, appt)
        assert dialog.name.text() == "王秀英" and dialog.phone.text() == "13909151001"
        assert appt_no in dialog.note.text()
        dialog.id_number.setText(id_number())
        dialog.tick_all_materials()
        dialog.save()
        return dialog.registered.case.case_no if dialog.registered else None

    monkeypatch.setattr(appointments_page, "ask_served", lambda *_a: ("register", ""))
    monkeypatch.setattr(appointments_page, "register_case", register)
    page = AppointmentsPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    page.open_appointment(appt_no)
    qtbot.mouseClick(page.served_button, Qt.MouseButton.LeftButton)
    done = desk.appointments.get(appt_no)
    assert done.status == ApptStatus.SERVED and done.case_no
    case = desk.cases.get(done.case_no)
    assert case.applicant.name == "王秀英" and case.item_code == PENSION_CLAIM
    assert boxes.warnings == []


def test_served_links_a_case_registered_before(qtbot, desk: Desk, boxes,
                                               monkeypatch) -> None:
    appt_no = book(desk, "王秀英", on(next_workday(), 9, 0))
    case_no = desk.cases.register(CaseInput(
        item=PENSION_CLAIM, applicant=Applicant("王秀英", id_number(), "13909151001"),
        received_at=datetime.now().astimezone() - timedelta(minutes=5))).case.case_no
    page = AppointmentsPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    page.open_appointment(appt_no)
    monkeypatch.setattr(appointments_page, "ask_served", lambda *_a: ("link", "没有这件"))
    qtbot.mouseClick(page.served_button, Qt.MouseButton.LeftButton)
    assert len(boxes.warnings) == 1
    assert desk.appointments.get(appt_no).status == ApptStatus.BOOKED
    monkeypatch.setattr(appointments_page, "ask_served", lambda *_a: ("link", case_no))
    qtbot.mouseClick(page.served_button, Qt.MouseButton.LeftButton)
    assert desk.appointments.get(appt_no).case_no == case_no
    assert case_no in day_rows(page)[0][DayModel.COL_HINT]


# -- after-hours ---------------------------------------------------------------------


def at_clock(monkeypatch, hour: int, minute: int) -> None:
    monkeypatch.setattr(after_hours_page, "clock",
                        lambda: datetime.combine(date.today(), time(hour, minute)))


def test_after_hours_button_only_after_closing_time(qtbot, desk: Desk, boxes,
                                                    monkeypatch) -> None:
    at_clock(monkeypatch, 8, 0)
    page = AfterHoursPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    assert page.start_button.isHidden() and "17:30" in page.not_yet.text()
    assert not page.not_yet.isHidden()
    at_clock(monkeypatch, 17, 30)
    page.refresh()
    assert not page.start_button.isHidden() and page.not_yet.isHidden()


def test_after_hours_started_by_mistake_is_withdrawn(qtbot, desk: Desk, boxes,
                                                     monkeypatch) -> None:
    at_clock(monkeypatch, 17, 40)
    page = AfterHoursPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert desk.after_hours.open_now() is not None and not page.cancel_button.isHidden()
    monkeypatch.setattr(after_hours_page, "ask_reason", lambda *_a: None)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert desk.after_hours.open_now() is not None  # the clerk thought better of it
    monkeypatch.setattr(after_hours_page, "ask_reason", lambda *_a: "误点了开始")
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert desk.after_hours.open_now() is None and boxes.said[-1] == "今天的延时服务已撤销"
    [row] = page.session_rows()
    assert row[1] == "已撤销" and row[-1] == "已撤销：误点了开始"
    assert "0</b> 次" in page.totals.text() and not page.idle.isHidden()


def test_after_hours_start_and_finish_from_the_page(qtbot, desk: Desk, boxes,
                                                    monkeypatch) -> None:
    at_clock(monkeypatch, 17, 45)
    page = AfterHoursPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    assert page.running.isHidden() and not page.idle.isHidden()
    assert page.chosen_staff() == ["张丽"]  # the signed-in clerk
    page.staff_boxes["李明"].setChecked(True)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    session = desk.after_hours.open_now()
    assert session is not None and session.staff == ("李明", "张丽")
    assert page.idle.isHidden() and not page.running.isHidden()
    assert "17:30" in page.running_label.text() and "李明" in page.running_label.text()
    assert [r[1] for r in page.session_rows()] == ["17:30–进行中"]

    asked = []

    def finish(_page: AfterHoursPage, s, cases: list[str]) -> tuple[int, str, str]:
        asked.append((s.id, cases))
        return 3, "23:59", "务工群众下班后来办"

    monkeypatch.setattr(after_hours_page, "ask_finish", finish)
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    assert asked == [(session.id, [])]
    assert desk.after_hours.open_now() is None and boxes.warnings == []
    assert "389 分钟" in boxes.said[-1]
    assert not page.idle.isHidden()
    [row] = page.session_rows()
    assert row[1:5] == ["17:30–23:59", "389 分钟", "李明、张丽", "3"]
    assert "1</b> 次，共 <b>389</b> 分钟" in page.totals.text()


def test_after_hours_needs_someone_ticked(qtbot, desk: Desk, boxes, monkeypatch) -> None:
    at_clock(monkeypatch, 18, 0)
    page = AfterHoursPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    page.staff_boxes["张丽"].setChecked(False)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert desk.after_hours.open_now() is None and len(boxes.warnings) == 1


def test_the_month_chooser_shows_that_months_sessions(qtbot, qtmodeltester,
                                                     desk: Desk) -> None:
    desk.after_hours.record(date(2026, 10, 12), "17:30", "18:25", ["李明", "张丽"], 3, "社保")
    desk.after_hours.record(date(2026, 10, 20), "17:30", "18:00", ["张丽"], 1)
    page = AfterHoursPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    page.month.setDate(QDate(2026, 10, 1))
    assert [r[0][:10] for r in page.session_rows()] == ["2026-10-12", "2026-10-20"]
    assert "2026年10月" in page.totals.text() and "<b>85</b> 分钟" in page.totals.text()
    qtmodeltester.check(page.model)
    page.previous.click()
    assert page.session_rows() == [] and "<b>0</b> 次" in page.totals.text()


# -- complaints ----------------------------------------------------------------------


def fill_complaint(dialog: ComplaintDialog) -> None:
    dialog.complainant.setText("刘桂兰")
    dialog.phone.setText("13909151003")
    dialog.matter.setPlainText("低保申请材料被要求补了两次")
    dialog.concerning.setCurrentText("综合窗口")


def test_a_complaint_is_closed_through_the_page(qtbot, desk: Desk, boxes,
                                               monkeypatch) -> None:
    def receive(page: ComplaintsPage) -> bool:
        dialog = ComplaintDialog(page.desk, page)
        qtbot.addWidget(dialog)
        fill_complaint(dialog)
        dialog.save()
        return dialog.received is not None

    monkeypatch.setattr(complaints_page, "open_complaint_form", receive)
    page = ComplaintsPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    assert not page.advance_button.isEnabled()
    qtbot.mouseClick(page.receive_button, Qt.MouseButton.LeftButton)
    [c] = desk.complaints.all_complaints()
    assert c.status == ComplaintStatus.ACCEPTED and c.complaint_no in boxes.said[-1]
    assert page.model.rowCount() == 1
    page.select(c.complaint_no)
    answers = iter(["已调查核实，窗口未一次性告知", "已电话告知投诉人", "投诉人表示满意"])
    monkeypatch.setattr(complaints_page, "ask_text", lambda *_a: next(answers))
    for expected in ("办理", "反馈", "办结"):
        assert expected in page.advance_button.text()
        qtbot.mouseClick(page.advance_button, Qt.MouseButton.LeftButton)
        assert desk.complaints.get(c.complaint_no).status.value == expected
    assert not page.advance_button.isEnabled()
    assert "投诉人表示满意" in page.detail.toPlainText()
    page.open_only.setChecked(True)
    assert page.model.rowCount() == 0
    assert boxes.warnings == []


def test_overdue_complaints_are_red(qtbot, qtmodeltester, desk: Desk) -> None:
    c = desk.complaints.receive(complainant="刘桂兰", phone="13909151003", matter="态度生硬")
    service_repo.update(desk.db, "complaints", c.id,
                        {"due": (date.today() - timedelta(days=2)).isoformat()}, desk.session.actor)
    page = ComplaintsPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    index = page.model.index(0, page.model.COL_DUE)
    assert "超期 2 天" in page.model.data(index)
    brush = page.model.data(index, Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color().name() == "#b91c1c"
    assert not page.complaint_alerts.isHidden()
    qtmodeltester.check(page.model)


def test_a_refused_complaint_form_keeps_its_text(qtbot, desk: Desk, boxes) -> None:
    dialog = ComplaintDialog(desk)
    qtbot.addWidget(dialog)
    fill_complaint(dialog)
    dialog.severity.setCurrentIndex(dialog.severity.findData("重大"))
    assert not dialog.severity_hint.isHidden()
    dialog.save()
    assert dialog.received is None and "书面" in boxes.warnings[-1]
    assert dialog.matter.toPlainText() == "低保申请材料被要求补了两次"
    assert desk.complaints.all_complaints() == []
    dialog.channel.setCurrentIndex(dialog.channel.findData("书面"))
    dialog.save()
    assert dialog.received is not None
    assert dialog.received.due == date.today() + timedelta(days=10)


def test_not_accepted_on_a_ground(qtbot, desk: Desk, boxes) -> None:
    dialog = ComplaintDialog(desk)
    qtbot.addWidget(dialog)
    fill_complaint(dialog)
    assert not dialog.ground.isEnabled()
    dialog.not_accepted.setChecked(True)
    dialog.ground.setCurrentIndex(2)
    dialog.save()
    assert dialog.received is not None
    assert dialog.received.status == ComplaintStatus.NOT_ACCEPTED
    assert dialog.received.reason == "投诉事项已经进入行政复议、仲裁或司法程序"


# -- satisfaction --------------------------------------------------------------------


def finished_case(desk: Desk) -> str:
    item = desk.catalogue.item(PENSION_REG)
    result = desk.cases.register(CaseInput(
        item=PENSION_REG, applicant=Applicant("杨春梅", id_number(7), "13909151005"),
        received=tuple(m.name for m in item.materials), done_on_spot=True,
        received_at=datetime.now().astimezone() - timedelta(minutes=10)))
    assert result.case.status == Status.COMPLETED
    return result.case.case_no


def test_no_ratings_shows_no_rate(qtbot, desk: Desk) -> None:
    page = ComplaintsPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    page.tabs.setCurrentIndex(1)
    text = page.rate_label.text()
    assert "暂无评价" in text and "%" not in text
    assert page.callback_cases() == [] and not page.callback_button.isEnabled()


def test_ratings_call_backs_and_the_rate(qtbot, qtmodeltester, desk: Desk, boxes,
                                        monkeypatch) -> None:
    first, second = finished_case(desk), finished_case(desk)  # one rating per case
    turns = iter([(first, Rating.VERY_SATISFIED), (second, Rating.UNSATISFIED)])

    def rate(page: ComplaintsPage) -> bool:
        case_no, level = next(turns)
        dialog = RatingDialog(page.desk, page)
        qtbot.addWidget(dialog)
        dialog.case_no.setCurrentIndex(dialog.case_no.findData(case_no))
        assert dialog.chosen_case() == case_no and "已办结" in dialog.case_info.text()
        dialog.level.setCurrentIndex(dialog.level.findData(level.value))
        dialog.save()
        return dialog.rated

    monkeypatch.setattr(complaints_page, "open_rating_form", rate)
    page = ComplaintsPage(desk)
    qtbot.addWidget(page)
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.rate_button, Qt.MouseButton.LeftButton)
    assert "100.0%" in page.rate_label.text() and "达标" in page.rate_label.text()
    qtbot.mouseClick(page.rate_button, Qt.MouseButton.LeftButton)
    assert "50.0%" in page.rate_label.text() and "未达标" in page.rate_label.text()
    assert "回访" in boxes.said[-1]  # told to call back
    assert page.callback_cases() == [second]
    assert page.callback_model.is_marked(0, page.callback_model.COL_LEVEL)
    qtmodeltester.check(page.callback_model)
    view = page.callbacks
    for column in range(page.callback_model.columnCount() - 1):  # the last one stretches
        header = page.callback_model.headerData(column, Qt.Orientation.Horizontal)
        assert view.sizeHintForColumn(column) <= view.columnWidth(column), header  # not cut
    assert page.callback_button.isEnabled()
    monkeypatch.setattr(complaints_page, "ask_choice", lambda *_a: "有效")
    monkeypatch.setattr(complaints_page, "ask_text", lambda *_a: "已电话致歉，增设取号提醒")
    qtbot.mouseClick(page.callback_button, Qt.MouseButton.LeftButton)
    assert page.callback_cases() == [] and desk.complaints.needing_callback() == []
    # another period: nobody rated then
    page.set_period(date.today() - timedelta(days=60), date.today() - timedelta(days=31))
    assert "暂无评价" in page.rate_label.text()
    assert boxes.warnings == []


def test_an_open_case_cannot_be_rated(qtbot, desk: Desk, boxes) -> None:
    case_no = desk.cases.register(CaseInput(
        item=PENSION_CLAIM, applicant=Applicant("王秀英", id_number(), "13909151001"),
        received_at=datetime.now().astimezone() - timedelta(minutes=5))).case.case_no
    dialog = RatingDialog(desk)
    qtbot.addWidget(dialog)
    dialog.case_no.setCurrentText(case_no)
    assert "不能评价" in dialog.case_info.text()
    assert dialog.level.currentData() == ""  # starts empty: the person chooses
    dialog.save()
    assert not dialog.rated and "请选择" in boxes.warnings[-1]
    dialog.level.setCurrentIndex(dialog.level.findData(Rating.SATISFIED.value))
    dialog.save()
    assert not dialog.rated and "不能评价" in boxes.warnings[-1]


def test_the_confirmation_slip_is_archived_then_reprinted(qtbot, desk: Desk, boxes,
                                                          monkeypatch) -> None:
    from station_desk.ui.notices import actions as notice_actions

    shown = []
    monkeypatch.setattr(notice_actions, "show_preview", lambda _p, issued: shown.append(issued))
    appt_no = book(desk, "王秀英", on(next_workday(), 9, 0))
    page = AppointmentsPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    page.open_appointment(appt_no)
    wait_for(page.print_confirmation())  # made in the runner, then shown
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert [s.reprint for s in shown] == [False, True]
    assert shown[0].notice.notice_no.startswith(appt_no) and shown[0].pdf.startswith(b"%PDF")
    assert boxes.warnings == []


def test_an_empty_today_points_to_the_next_appointment(qtbot, desk: Desk) -> None:
    day = next_workday()
    appt_no = book(desk, "王秀英", on(day, 9, 30))
    page = AppointmentsPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    text = page.today_label.text()
    assert "今天没有预约" in text and "下一个预约" in text and "王秀英" in text
    page.today_label.linkActivated.emit(appt_no)
    assert page.chosen_day() == day and page.selected_no() == appt_no


# -- settings ------------------------------------------------------------------------

def test_settings_lists_the_staff_and_their_windows(qtbot, qtmodeltester, desk: Desk) -> None:
    from station_desk.ui.settings.page import SettingsPage

    page = SettingsPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    rows = page.staff_model.texts()
    assert sorted(r[0] for r in rows) == sorted(s.name for s in desk.station.staff())
    windows = {w.id: w.name for w in desk.station.windows()}
    for row, staff in zip(rows, desk.station.staff(), strict=True):
        assert row[1] == staff.role.label
        assert row[2] == windows.get(staff.window_id or "", "—")
    qtmodeltester.check(page.staff_model)
