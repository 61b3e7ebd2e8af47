"""办件 screens: intake, the paged case list, the cases page and one case's detail."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from stdnum.cn import ric

from station_desk.domain.cases import Applicant, ProxyStep, Status
from station_desk.domain.catalogue import CaseType
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk
from station_desk.ui.cases import correction_dialog
from station_desk.ui.cases import detail as case_detail
from station_desk.ui.cases import model as case_model
from station_desk.ui.cases import page as cases_page
from station_desk.ui.cases.correction_dialog import ReceiveDialog
from station_desk.ui.cases.detail import CaseDetailDialog
from station_desk.ui.cases.intake import IntakeDialog
from station_desk.ui.cases.model import CaseListModel
from station_desk.ui.cases.page import CasesPage
from station_desk.ui.jobs import wait_for

PENSION = "08-02"  # 城乡居民养老保险待遇申领, 承诺件, 10 working days
PENSION_NAME = "城乡居民养老保险待遇申领"
LONG_AGO = datetime(2026, 10, 8, 9, 0).astimezone()


def id_number(serial: int = 4) -> str:
    base = f"61092219650312{serial % 1000:03d}"
    return base + ric.calc_check_digit(base + "0")


@pytest.fixture
def desk(village: Desk) -> Desk:
    village.session.sign_in("张丽", "222222")
    return village


def register(desk: Desk, name: str, *, serial: int = 4, when: datetime | None = None,
             code: str = PENSION, complete: bool = True, proxy: bool = False) -> str:
    item = desk.catalogue.item(code)
    received = tuple(m.name for m in item.materials) if complete else ()
    result = desk.cases.register(CaseInput(
        item=code, applicant=Applicant(name, id_number(serial), "13909151001", "西沟村三组"),
        received=received, proxy=proxy, proxy_agent="李明" if proxy else None,
        received_at=when or datetime.now().astimezone() - timedelta(minutes=5)))
    return result.case.case_no


def recent(minutes: int = 5) -> datetime:
    return datetime.now().astimezone() - timedelta(minutes=minutes)


def all_cases(desk: Desk) -> int:
    return desk.cases.count(desk.cases.make_filter())


def pick_item(dialog: IntakeDialog, query: str, name: str) -> None:
    """Type into the item search and click the item in the list, as a clerk does."""
    dialog.item_search.setText(query)
    matches = [dialog.item_list.item(i) for i in range(dialog.item_list.count())]
    entry = next(e for e in matches if e.text().startswith(name))
    dialog.item_list.setCurrentItem(entry)


def tick_materials(dialog: IntakeDialog, count: int | None = None) -> None:
    for i in range(dialog.materials.count() if count is None else count):
        dialog.materials.item(i).setCheckState(Qt.CheckState.Checked)


# -- intake ----------------------------------------------------------------------


def test_intake_registers_a_case_by_pinyin_initials(qtbot, desk: Desk, boxes) -> None:
    dialog = IntakeDialog(desk)
    qtbot.addWidget(dialog)
    assert dialog.first_ask.text() == "张丽" and dialog.first_ask.isReadOnly()
    dialog.channel.setCurrentIndex(dialog.channel.findData("来电"))
    dialog.name.setText("王秀英")
    dialog.id_number.setText(id_number())
    dialog.phone.setText("13909151001")
    dialog.address.setText("西沟村三组")
    dialog.groups["高龄老人"].setChecked(True)
    pick_item(dialog, "ylbx", PENSION_NAME)
    assert dialog.case_type.currentData() == CaseType.PROMISED.value
    assert "承诺时限 10 个工作日" in dialog.item_info.text()
    assert "（原件1份，复印件1份）" in dialog.materials.item(0).text()
    tick_materials(dialog)
    dialog.save()

    assert not boxes.warnings
    assert dialog.result() == 1 and dialog.registered is not None
    case = desk.cases.get(dialog.registered.case.case_no)
    assert case.applicant.name == "王秀英" and case.applicant.groups == ("高龄老人",)
    assert case.first_ask_name == "张丽"
    assert case.item_code == PENSION and case.status == Status.ACCEPTED
    assert case.channel.value == "来电"
    assert case.case_no in boxes.infos[-1] and "已受理" in boxes.infos[-1]
    assert f"{case.deadline:%Y-%m-%d}" in boxes.infos[-1]


def test_intake_by_chinese_fragment_with_missing_materials(qtbot, desk: Desk, boxes) -> None:
    dialog = IntakeDialog(desk)
    qtbot.addWidget(dialog)
    dialog.name.setText("陈德福")
    dialog.id_number.setText(id_number(5))
    pick_item(dialog, "待遇申领", PENSION_NAME)
    tick_materials(dialog, 1)
    dialog.save()
    assert dialog.registered is not None
    case = desk.cases.get(dialog.registered.case.case_no)
    assert case.status == Status.SUPPLEMENT
    assert "补正" in boxes.infos[-1]  # the supplement warning is shown with the number


def test_bad_fields_are_refused_one_by_one_and_kept(qtbot, desk: Desk, boxes) -> None:
    dialog = IntakeDialog(desk)
    qtbot.addWidget(dialog)
    bad_id = id_number()[:-1] + ("0" if id_number()[-1] != "0" else "1")
    dialog.id_number.setText(bad_id)
    dialog.phone.setText("12345")
    dialog.address.setText("西沟村三组")
    pick_item(dialog, "ylbx", PENSION_NAME)
    tick_materials(dialog)
    dialog.save()

    assert dialog.result() != 1 and dialog.registered is None
    assert all_cases(desk) == 0
    assert len(boxes.warnings) == 1
    for key in ("name", "id_number", "phone"):
        assert dialog.is_marked(key), key
        assert dialog.error_text(key), key
    assert not dialog.is_marked("address") and not dialog.is_marked("item")
    assert "姓名" in dialog.error_text("name")
    assert "姓名" in boxes.warnings[0] and "身份证" in boxes.warnings[0]
    # nothing typed is lost
    assert dialog.id_number.text() == bad_id
    assert dialog.phone.text() == "12345"
    assert dialog.address.text() == "西沟村三组"
    assert len(dialog.received()) == dialog.materials.count()
    # fixing a field clears its mark; saving again goes through
    dialog.name.setText("刘桂兰")
    assert not dialog.is_marked("name")
    dialog.id_number.setText(id_number())
    dialog.phone.setText("13909151003")
    dialog.save()
    assert dialog.result() == 1 and all_cases(desk) == 1


def test_no_item_chosen_says_so(qtbot, desk: Desk, boxes) -> None:
    dialog = IntakeDialog(desk)
    qtbot.addWidget(dialog)
    dialog.name.setText("刘桂兰")
    dialog.id_number.setText(id_number())
    dialog.save()
    assert dialog.is_marked("item")
    assert "请选择办理事项" in dialog.error_text("item")
    assert all_cases(desk) == 0


def test_returned_case_needs_a_reason(qtbot, desk: Desk, boxes) -> None:
    dialog = IntakeDialog(desk)
    qtbot.addWidget(dialog)
    dialog.name.setText("张志平")
    dialog.id_number.setText(id_number())
    pick_item(dialog, "ylbx", PENSION_NAME)
    dialog.case_type.setCurrentIndex(dialog.case_type.findData(CaseType.RETURNED.value))
    dialog.save()
    assert dialog.is_marked("reason") and "退回理由" in dialog.error_text("reason")
    assert all_cases(desk) == 0 and dialog.registered is None

    dialog.reason.setPlainText("不符合政策：未满 60 周岁")
    dialog.save()
    assert dialog.registered is not None
    case = desk.cases.get(dialog.registered.case.case_no)
    assert case.status == Status.RETURNED and case.reason == "不符合政策：未满 60 周岁"


def test_rare_character_name_round_trips(qtbot, desk: Desk, boxes) -> None:
    name = "\U00020bb7王"
    dialog = IntakeDialog(desk)
    qtbot.addWidget(dialog)
    dialog.name.setText(name)
    assert dialog.name.text() == name
    dialog.id_number.setText(id_number())
    pick_item(dialog, "ylbx", PENSION_NAME)
    tick_materials(dialog)
    dialog.save()
    assert dialog.registered is not None
    case = desk.cases.get(dialog.registered.case.case_no)
    assert case.applicant.name == name

    page = CasesPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    page.search.setText(name)
    page.apply_filter()
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, CaseListModel.COL_NAME)) == name


def test_a_character_the_print_font_lacks_is_said_while_typing(qtbot, desk: Desk,
                                                              boxes) -> None:
    dialog = IntakeDialog(desk)
    qtbot.addWidget(dialog)
    dialog.name.setText("王秀英")
    assert dialog.rare_hint.isHidden()
    dialog.name.setText("王\U0002A6A5")  # 𪚥, not in the embedded font
    assert not dialog.rare_hint.isHidden() and "\U0002A6A5" in dialog.rare_hint.text()
    assert dialog.registered is None  # before anything is saved
    assert "手写" in dialog.rare_hint.text()
    dialog.name.setText("王秀英")
    assert dialog.rare_hint.isHidden()


def test_done_on_spot_only_for_immediate_with_everything(qtbot, desk: Desk, boxes) -> None:
    dialog = IntakeDialog(desk)
    qtbot.addWidget(dialog)
    pick_item(dialog, "ylbx", "城乡居民养老保险参保登记")  # 即办件
    assert dialog.case_type.currentData() == CaseType.IMMEDIATE.value
    assert not dialog.done_on_spot.isEnabled()
    tick_materials(dialog)
    assert dialog.done_on_spot.isEnabled()
    dialog.done_on_spot.setChecked(True)
    dialog.name.setText("杨春梅")
    dialog.id_number.setText(id_number())
    dialog.save()
    assert dialog.registered is not None
    assert dialog.registered.case.status == Status.COMPLETED


def test_proxy_case_defaults_to_the_agent(qtbot, desk: Desk, boxes) -> None:
    dialog = IntakeDialog(desk)
    qtbot.addWidget(dialog)
    assert not dialog.agent.isEnabled()
    dialog.proxy.setChecked(True)
    assert dialog.agent.isEnabled() and dialog.agent.currentData() == "李明"
    dialog.door_to_door.setChecked(True)
    dialog.name.setText("吴秀英")
    dialog.id_number.setText(id_number())
    pick_item(dialog, "ylbx", PENSION_NAME)
    tick_materials(dialog)
    dialog.save()
    assert dialog.registered is not None
    case = dialog.registered.case
    assert case.proxy and case.proxy_agent_name == "李明" and case.door_to_door
    assert case.first_ask_name == "张丽"


def test_enter_does_not_register_and_picks_the_first_item(qtbot, desk: Desk, boxes) -> None:
    dialog = IntakeDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("黄玲")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and not boxes.warnings and all_cases(desk) == 0
    dialog.item_search.setText("个体工商户")
    qtbot.keyClick(dialog.item_search, Qt.Key.Key_Return)
    assert not boxes.warnings and dialog.isVisible()
    assert dialog.case_input().item == "03-01"
    assert "须本人到场" in dialog.item_info.text()
    assert "待核实" in dialog.item_info.text()
    # Esc on a filled form asks first
    boxes.answer = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.name.text() == "黄玲"
    boxes.answer = True
    dialog.reject()
    assert not dialog.isVisible()


# -- the paged model -----------------------------------------------------------------


@pytest.fixture
def many(desk: Desk) -> Desk:
    """250 cases: 40 received long ago (overdue), the rest today."""
    for i in range(250):
        old = i % 6 == 0 and i < 240
        register(desk, f"王{'秀英建国志平春梅'[i % 8]}{i}", serial=i,
                 when=LONG_AGO + timedelta(minutes=i) if old else recent(300 - i))
    return desk


def test_model_counts_pages_and_puts_overdue_first(qtbot, many: Desk, monkeypatch) -> None:
    monkeypatch.setattr(case_model, "PAGE_SIZE", 30)
    monkeypatch.setattr(case_model, "MAX_PAGES", 3)
    calls: list[tuple[object, int]] = []
    real_page = many.cases.page

    def recording_page(f, *, limit, after=None, offset=0):
        calls.append((after, offset))
        return real_page(f, limit=limit, after=after, offset=offset)

    monkeypatch.setattr(many.cases, "page", recording_page)
    model = CaseListModel(many)
    model.set_filter(many.cases.make_filter())
    total = many.cases.count(many.cases.make_filter())
    assert model.rowCount() == total == 250
    assert model.columnCount() == 10
    assert calls == []  # nothing read until a row is looked at

    overdue = many.cases.count(many.cases.make_filter(overdue=True))
    assert overdue == 40
    for row in range(overdue):
        assert model.data(model.index(row, CaseListModel.COL_LEFT)).startswith("逾期")
        assert model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole) \
            is case_model.OVERDUE_TINT
    assert model.data(model.index(overdue, CaseListModel.COL_LEFT)).endswith("个工作日")
    assert model.data(model.index(overdue, 0), Qt.ItemDataRole.BackgroundRole) is None
    # the second page followed the first by keyset, not by offset
    assert calls[0] == (None, 0) and calls[1][0] is not None

    last = model.case_at(total - 1)
    assert last is not None
    # a jump: from just after the last page read (page 1), the pages between skipped
    assert calls[-1] == (many.cases.paging_key(model.case_at(59)), (total - 1) // 30 * 30 - 60)
    assert model.data(model.index(total - 1, 0)) == last.case_no
    assert len(model.cached_pages()) <= 3  # the cache is capped
    assert model.cached_pages()[-1] == (total - 1) // 30
    assert model.case_at(total) is None
    # every case appears exactly once walking down
    seen = [model.data(model.index(r, 0)) for r in range(total)]
    assert len(set(seen)) == total


def test_model_passes_the_qt_model_tester(qtbot, qtmodeltester, many: Desk) -> None:
    model = CaseListModel(many)
    model.set_filter(many.cases.make_filter())
    qtmodeltester.check(model)


def test_a_long_list_shows_its_first_rows_and_is_counted_in_the_runner(
        qtbot, qtmodeltester, many: Desk, monkeypatch) -> None:
    """Counting a million cases took 90 ms of the UI thread on every opening."""
    monkeypatch.setattr(case_model, "QUICK_COUNT", 100)
    on_ui_thread: list[object] = []
    real_count = many.cases.count

    def recording_count(f, *, at_most=None):
        on_ui_thread.append(at_most)
        return real_count(f, at_most=at_most)

    page = CasesPage(many)
    qtbot.addWidget(page)
    monkeypatch.setattr(many.cases, "count", recording_count)
    page.apply_filter()
    assert on_ui_thread == [101]  # stopped after 101: not all 250 walked here
    assert page.model.rowCount() == 100 and not page.model.exact
    assert page.count.text() == "100 件以上，正在统计…"
    assert page.counting is None  # not beside the first paint: after it
    qtbot.waitUntil(lambda: page.counting is not None or page.model.exact)
    wait_for(page.counting)
    assert page.model.exact and page.model.rowCount() == 250
    assert page.count.text() == "共 250 件"
    assert page.model.case_at(249) is not None
    qtmodeltester.check(page.model)
    # a short list is counted at once, as before
    page.search.setText("王秀")
    page.apply_filter()
    assert page.model.exact and page.counting is None and 0 < page.model.rowCount() < 100


def test_model_texts(qtbot, desk: Desk) -> None:
    no = register(desk, "黄玲", when=LONG_AGO, proxy=True)
    register(desk, "孙强", serial=7, complete=False)
    model = CaseListModel(desk)
    model.set_filter(desk.cases.make_filter())
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[0] == no and row[1] == "黄玲" and row[2] == PENSION_NAME
    assert row[3] == "承诺件" and row[4] == "已受理" and row[7] == "是"
    assert row[8] == "张丽" and row[9] == "2026-10-08"
    assert row[6].startswith("逾期 ") and row[6].endswith(" 个工作日")
    assert model.data(model.index(0, 6), Qt.ItemDataRole.ForegroundRole) \
        is case_model.OVERDUE_TEXT
    second = [model.data(model.index(1, c)) for c in range(model.columnCount())]
    assert second[4] == "待补正" and second[5].startswith("告知期限")
    assert second[7] == "—"
    assert model.headerData(5, Qt.Orientation.Horizontal) == "承诺日期"


# -- the page --------------------------------------------------------------------------


def names_shown(page: CasesPage) -> set[str]:
    return {page.model.data(page.model.index(r, CaseListModel.COL_NAME))
            for r in range(page.model.rowCount())}


def test_page_search_by_two_character_name(qtbot, desk: Desk) -> None:
    for i, name in enumerate(("王芳", "王芳芳", "王小芳", "李芳", "王方", "张王芳")):
        register(desk, name, serial=i)
    page = CasesPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    assert page.model.rowCount() == 6 and "6" in page.count.text()
    page.search.setText("王芳")
    page.apply_filter()
    assert names_shown(page) == {"王芳", "王芳芳", "张王芳"}
    assert "3" in page.count.text()
    # typing is debounced: the list follows shortly after the last key
    page.search.setText("李芳")
    qtbot.waitUntil(lambda: names_shown(page) == {"李芳"}, timeout=2000)
    page.search.setText("没有这个人")
    page.apply_filter()
    assert page.model.rowCount() == 0 and "没有" in page.count.text()


def test_page_quick_filters(qtbot, desk: Desk) -> None:
    register(desk, "周建华", when=LONG_AGO)
    register(desk, "赵海涛", serial=2, proxy=True)
    register(desk, "吴秀英", serial=3)
    register(desk, "孙强", serial=4, code="08-01")  # 即办件 not finished: due today
    page = CasesPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    assert page.model.rowCount() == 4
    model = page.model
    assert [model.data(model.index(r, 1)) for r in (0, 1)] == ["周建华", "孙强"]
    assert model.data(model.index(1, CaseListModel.COL_LEFT)) == "今天到期"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) \
        is case_model.DUE_SOON_TINT
    page.quick.setCurrentIndex(page.quick.findData(cases_page.QUICK_OVERDUE))
    assert names_shown(page) == {"周建华"}
    page.quick.setCurrentIndex(page.quick.findData(cases_page.QUICK_ATTENTION))
    assert names_shown(page) == {"周建华", "孙强"}
    page.quick.setCurrentIndex(page.quick.findData(cases_page.QUICK_PROXY))
    assert names_shown(page) == {"赵海涛"}
    page.quick.setCurrentIndex(page.quick.findData(cases_page.QUICK_ALL))
    page.status.setCurrentIndex(page.status.findData(Status.SUPPLEMENT.value))
    assert page.model.rowCount() == 0
    page.status.setCurrentIndex(0)
    page.case_type.setCurrentIndex(page.case_type.findData(CaseType.PROMISED.value))
    assert page.model.rowCount() == 3


def test_page_shows_supplement_warnings(qtbot, desk: Desk) -> None:
    no = register(desk, "刘桂兰", when=LONG_AGO, complete=False)
    page = CasesPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    assert not page.alerts.isHidden()
    assert no in page.alerts.text() and "补正" in page.alerts.text()
    desk.cases.record_supplement_notice(no)
    page.refresh()
    assert page.alerts.isHidden()


def test_page_opens_intake_and_detail(qtbot, desk: Desk, monkeypatch) -> None:
    page = CasesPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    assert page.model.rowCount() == 0

    register(desk, "李桂兰", serial=7)

    def fake_intake(p: CasesPage) -> str:
        return register(desk, "杨帆")

    monkeypatch.setattr(cases_page, "open_intake", fake_intake)
    page.new_button.click()
    assert page.model.rowCount() == 1  # landed on the new case, selected
    assert page.selected_case_no() == page.model.case_at(0).case_no  # type: ignore[union-attr]
    assert page.model.case_at(0).applicant.name == "杨帆"  # type: ignore[union-attr]
    opened: list[str] = []
    monkeypatch.setattr(cases_page, "open_detail", lambda p, no: opened.append(no))
    page.table.doubleClicked.emit(page.model.index(0, 2))
    first = page.model.case_at(0)
    assert first is not None and opened == [first.case_no]


# -- the detail ------------------------------------------------------------------------


def test_detail_advances_and_records_the_timeline(qtbot, qtmodeltester, desk: Desk,
                                                  boxes) -> None:
    no = register(desk, "陈秀兰")
    dialog = CaseDetailDialog(desk, no)
    qtbot.addWidget(dialog)
    assert "610***********" in dialog.header_text()
    assert id_number() not in dialog.header_text()
    assert set(dialog.status_buttons) == {Status.IN_PROGRESS, Status.COMPLETED,
                                          Status.RETURNED, Status.WITHDRAWN}
    before = len(dialog.timeline_texts())
    dialog.status_buttons[Status.IN_PROGRESS].click()
    assert desk.cases.get(no).status == Status.IN_PROGRESS
    assert any("已受理 → 办理中" in t for t in dialog.timeline_texts())
    assert Status.IN_PROGRESS not in dialog.status_buttons
    dialog.status_buttons[Status.COMPLETED].click()
    assert desk.cases.get(no).status == Status.COMPLETED
    texts = dialog.timeline_texts()
    assert len(texts) == before + 2 and "办理中 → 已办结" in texts[-1]
    assert dialog.status_buttons == {} and dialog.changed
    qtmodeltester.check(dialog.timeline.model)
    assert not boxes.warnings


def test_detail_demands_a_reason_to_return(qtbot, desk: Desk, boxes, monkeypatch) -> None:
    no = register(desk, "赵德胜")
    dialog = CaseDetailDialog(desk, no)
    qtbot.addWidget(dialog)
    answers = iter(["", "不符合政策"])
    monkeypatch.setattr(case_detail, "ask_text", lambda *_a: next(answers))
    dialog.status_buttons[Status.RETURNED].click()
    assert "理由" in boxes.warnings[-1]
    assert desk.cases.get(no).status == Status.ACCEPTED
    dialog.status_buttons[Status.RETURNED].click()
    case = desk.cases.get(no)
    assert case.status == Status.RETURNED and case.reason == "不符合政策"
    assert "不符合政策" in dialog.timeline_texts()[-1]
    # cancelling the question changes nothing
    other = register(desk, "黄小燕", serial=8)
    dialog2 = CaseDetailDialog(desk, other)
    qtbot.addWidget(dialog2)
    monkeypatch.setattr(case_detail, "ask_text", lambda *_a: None)
    assert not dialog2.advance(Status.WITHDRAWN)
    assert desk.cases.get(other).status == Status.ACCEPTED


def test_detail_supplement_proxy_and_extension(qtbot, desk: Desk, boxes,
                                               monkeypatch) -> None:
    no = register(desk, "吴秀英", complete=False, proxy=True)
    dialog = CaseDetailDialog(desk, no)
    qtbot.addWidget(dialog)
    assert not dialog.notice_button.isHidden()
    assert dialog.proxy_button.text() == "代办下一步：" + ProxyStep.COLLECTED.value
    assert dialog.extend_button.isHidden()  # no promised date while waiting for materials
    assert "缺" in dialog.header_text()
    dialog.notice_button.click()
    assert desk.cases.get(no).supplement_notice_at is not None
    assert dialog.notice_button.isHidden()
    monkeypatch.setattr(case_detail, "ask_text", lambda *_a: "申请人已补齐")
    dialog.proxy_button.click()
    assert desk.cases.get(no).proxy_step == ProxyStep.COLLECTED
    assert Status.ACCEPTED not in dialog.status_buttons  # materials still missing

    def tick_all(receive: ReceiveDialog) -> bool:
        for box in receive.boxes:
            box.setChecked(True)
        receive.accept()
        return bool(receive.result())

    monkeypatch.setattr(correction_dialog, "open_dialog", tick_all)
    dialog.receive_button.click()  # the last material in: accepted
    case = desk.cases.get(no)
    assert case.status == Status.ACCEPTED and case.deadline is not None
    assert not dialog.extend_button.isHidden()

    # the extension is its own dialog (tests/gui/test_case_clock_ui.py)
    opened: list[object] = []
    monkeypatch.setattr(case_detail, "open_dialog", lambda d: opened.append(d) or False)
    assert not dialog.extend()
    assert type(opened[-1]).__name__ == "ExtensionDialog"


def test_detail_joint_case_department_progress(qtbot, desk: Desk, boxes,
                                               monkeypatch) -> None:
    no = register(desk, "刘洋", code="05-02")  # 个人创业担保贷款申请, 联办件
    dialog = CaseDetailDialog(desk, no)
    qtbot.addWidget(dialog)
    assert not dialog.department_button.isHidden()
    department = desk.cases.get(no).departments[0].name
    monkeypatch.setattr(case_detail, "ask_choice", lambda *_a: department)
    monkeypatch.setattr(case_detail, "ask_text", lambda *_a: "已受理，审核中")
    dialog.department_button.click()
    assert desk.cases.get(no).departments[-1].step == "已受理，审核中"
    assert "已受理，审核中" in dialog.header_text()
