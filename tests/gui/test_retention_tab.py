"""档案 → 保管期限: the head selects cases past their period and records 继续保存 or
同意销毁 in the dialog; the list shows the decision; a clerk cannot decide; a
refused answer keeps the dialog and what was typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel
from tests.unit.test_archive_register import register

from station_desk.db import cases_repo
from station_desk.domain.actor import Actor
from station_desk.domain.retention import Review
from station_desk.services.desk import Desk
from station_desk.services.retention import RetentionEnded
from station_desk.ui.archive import retention_tab
from station_desk.ui.archive.retention_decision import RetentionAnswer, RetentionDecisionDialog
from station_desk.ui.archive.retention_tab import RetentionTab
from station_desk.ui.jobs import wait_for

Fill = Callable[[RetentionDecisionDialog], None]


def _old_cases(desk: Desk, count: int) -> list[str]:
    """Finished cases made to have ended in 1990: their periods are over."""
    numbers = []
    for n in range(1, count + 1):
        case = register(desk, "08-01", serial=n, name=f"王秀{n}")
        cases_repo.update_case(desk.db, case.id, {"completed_at": "1990-06-01T10:00:00"},
                               Actor.system("测试"))
        numbers.append(case.case_no)
    return numbers


@pytest.fixture
def tab(qtbot, village: Desk) -> RetentionTab:
    village.session.sign_in("王建国", "123456")
    _old_cases(village, 3)
    t = RetentionTab(village)
    qtbot.addWidget(t)
    t.refresh()
    wait_for(t.reads.running)  # read in the runner
    return t


def _select(tab: RetentionTab, rows: Sequence[int]) -> None:
    selection = tab.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(tab.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def _answer_with(monkeypatch: pytest.MonkeyPatch, qtbot, fill: Fill,
                 seen: list[RetentionDecisionDialog]) -> None:
    """The dialog built as the tab builds it, filled in and saved (no blocking exec)."""
    def ask(parent, rows: Sequence[RetentionEnded],
            submit: Callable[[RetentionAnswer], bool]) -> bool:
        dialog = RetentionDecisionDialog(rows, submit, parent)
        qtbot.addWidget(dialog)
        seen.append(dialog)
        fill(dialog)
        dialog.save()
        return dialog.result() == RetentionDecisionDialog.DialogCode.Accepted
    monkeypatch.setattr(retention_tab, "ask_decision", ask)


def test_the_head_keeps_one_and_agrees_to_destroy_two(
        tab: RetentionTab, boxes, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    assert [r[8] for r in tab.model.texts()] == ["待审核"] * 3
    assert tab.model.is_marked(0, tab.model.COL_REVIEW)
    assert "待审核 3 件" in tab.count.text()
    seen: list[RetentionDecisionDialog] = []

    def keep(dialog: RetentionDecisionDialog) -> None:
        dialog.by_year.setChecked(True)
        dialog.until.setValue(date.today().year + 20)
        dialog.reason.setPlainText("有遗留纠纷")
    _answer_with(monkeypatch, qtbot, keep, seen)
    _select(tab, [0])
    assert tab.decide()
    wait_for(tab.reads.running)  # the list is read again in the runner
    assert seen[-1].years.isEnabled() is False and seen[-1].until.isEnabled()
    row = tab.model.texts()[0]
    assert row[8] == "继续保存" and row[9].startswith(
        f"继续保存至 {date.today().year + 20} 年：有遗留纠纷（王建国 ")
    assert not tab.model.is_marked(0, tab.model.COL_REVIEW)

    def destroy(dialog: RetentionDecisionDialog) -> None:
        dialog.destroy_choice.setChecked(True)
        dialog.reason.setPlainText("经鉴定无保存价值")
    _answer_with(monkeypatch, qtbot, destroy, seen)
    _select(tab, [1, 2])
    assert tab.decide()
    wait_for(tab.reads.running)
    assert not seen[-1].years.isEnabled() and not seen[-1].by_year.isEnabled()
    assert [r[8] for r in tab.model.texts()] == ["继续保存", "同意销毁", "同意销毁"]
    assert boxes.said[-1] == "已记录 2 件的审核决定：同意销毁"
    assert "待审核 0 件" in tab.count.text() and not tab.decide_button.isEnabled()
    tab.pending_only.setChecked(True)
    assert tab.model.rowCount() == 0
    tab.pending_only.setChecked(False)
    assert tab.model.rowCount() == 3  # nothing deleted, every decision shown
    assert all(r.review != Review.PENDING for r in tab.desk.retention.ended())


def test_a_refusal_keeps_the_dialog_open_with_what_was_typed(
        tab: RetentionTab, boxes, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[RetentionDecisionDialog] = []

    def no_reason(dialog: RetentionDecisionDialog) -> None:
        dialog.years.setValue(7)
    _answer_with(monkeypatch, qtbot, no_reason, seen)
    _select(tab, [0])
    assert not tab.decide()
    assert "审核意见" in boxes.warnings[-1]
    assert seen[-1].result() != RetentionDecisionDialog.DialogCode.Accepted
    assert seen[-1].years.value() == 7  # still there to correct
    assert [r[8] for r in tab.model.texts()] == ["待审核"] * 3


def test_only_the_head_decides(qtbot, village: Desk, boxes) -> None:
    village.session.sign_in("李明", "111111")
    _old_cases(village, 1)
    tab = RetentionTab(village)
    qtbot.addWidget(tab)
    tab.refresh()
    wait_for(tab.reads.running)
    _select(tab, [0])
    assert not tab.decide()
    assert "站长" in boxes.warnings[-1]
    assert [r[8] for r in tab.model.texts()] == ["待审核"]


def test_nothing_selected_says_so(tab: RetentionTab, boxes) -> None:
    tab.table.selectionModel().clearSelection()
    assert not tab.decide()
    assert "选中" in boxes.warnings[-1]
