"""Correcting a case from its detail window; the notice menu follows the case."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.gui.test_cases_ui import register

from station_desk.domain.cases import Status, offered_moves
from station_desk.domain.notices import NoticeKind
from station_desk.services.desk import Desk
from station_desk.ui.cases import correction_dialog
from station_desk.ui.cases.correction_dialog import CorrectionDialog, ReceiveDialog
from station_desk.ui.cases.detail import CaseDetailDialog
from station_desk.ui.notices import actions


@pytest.fixture
def desk(village: Desk) -> Desk:
    village.session.sign_in("张丽", "222222")
    return village


def menu_texts(detail: CaseDetailDialog) -> list[str]:
    menu = detail.print_button.menu()
    actions.fill_notice_menu(menu, detail, detail.desk, detail.case.case_no)
    return [a.text() for a in menu.actions() if a.text()]


def test_name_corrected_from_the_detail_with_a_reason(qtbot, desk: Desk, boxes,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    case_no = register(desk, "王秀央")
    detail = CaseDetailDialog(desk, case_no)
    qtbot.addWidget(detail)

    def correct(dialog: CorrectionDialog) -> bool:
        dialog.name.setText("王秀英")
        dialog.accept()  # no reason yet: refused, the form stays
        assert "原因" in boxes.warnings[-1]
        dialog.reason.setText("姓名录错")
        dialog.accept()
        return bool(dialog.result())

    monkeypatch.setattr(correction_dialog, "open_dialog", correct)
    detail.correct_button.click()
    assert "王秀英" in detail.title.text()
    assert any("王秀央" in t and "姓名录错" in t for t in detail.timeline_texts())


def test_part_of_a_supplement_ticked_off(qtbot, desk: Desk, boxes,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    case_no = register(desk, "王秀英", complete=False)
    detail = CaseDetailDialog(desk, case_no)
    qtbot.addWidget(detail)
    assert not detail.receive_button.isHidden()

    def tick_first(dialog: ReceiveDialog) -> bool:
        dialog.boxes[0].setChecked(True)
        dialog.accept()
        return bool(dialog.result())

    monkeypatch.setattr(correction_dialog, "open_dialog", tick_first)
    missing = list(detail.case.missing)
    detail.receive_button.click()
    assert detail.case.missing == missing[1:]
    assert detail.case.status == Status.SUPPLEMENT
    # 补正齐全 is not offered while something is still missing
    assert Status.ACCEPTED not in detail.status_buttons
    assert Status.NOT_ACCEPTED in detail.status_buttons


def test_accept_after_supplement_only_once_nothing_is_missing(desk: Desk) -> None:
    waiting = desk.cases.get(register(desk, "王秀英", complete=False))
    assert waiting.status == Status.SUPPLEMENT and waiting.missing
    assert offered_moves(waiting) == [Status.NOT_ACCEPTED, Status.WITHDRAWN]
    complete = replace(waiting, materials=tuple(
        replace(m, received=True) for m in waiting.materials))
    assert offered_moves(complete) == [Status.ACCEPTED, Status.NOT_ACCEPTED, Status.WITHDRAWN]


def test_menu_offers_what_the_state_allows_and_shows_what_was_issued(qtbot, desk: Desk) -> None:
    plain = CaseDetailDialog(desk, register(desk, "王秀英"))
    qtbot.addWidget(plain)
    texts = menu_texts(plain)
    assert not any(NoticeKind.ENTRUST.title in t for t in texts)  # no proxy: no 委托书
    assert not any(NoticeKind.SUPPLEMENT.title in t for t in texts)  # nothing missing
    desk.notices.issue(plain.case.case_no, NoticeKind.ONE_TIME)
    texts = menu_texts(plain)
    assert any(NoticeKind.ONE_TIME.title in t and "已出具" in t for t in texts)
    assert any("重新出具" in t and "第 2 版" in t for t in texts)
    proxy = CaseDetailDialog(desk, register(desk, "李秀兰", serial=5, proxy=True))
    qtbot.addWidget(proxy)
    assert any(NoticeKind.ENTRUST.title in t for t in menu_texts(proxy))


def test_a_finished_case_offers_no_correction(qtbot, desk: Desk) -> None:
    case_no = register(desk, "王秀英")
    desk.cases.advance(case_no, Status.COMPLETED)
    detail = CaseDetailDialog(desk, case_no)
    qtbot.addWidget(detail)
    assert detail.correct_button.isHidden() and detail.receive_button.isHidden()
