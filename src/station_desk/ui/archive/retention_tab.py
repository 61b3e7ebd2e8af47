"""档案 → 保管期限: the finished cases whose retention period has ended, and the
head's decision on one or a selection (继续保存 or 同意销毁, ui/archive/
retention_decision.py). Nothing is deleted: a case agreed for destruction is
marked and registered; the paper is destroyed outside the program."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.retention import Review
from ...services.desk import Desk
from ...services.retention import HEAD_ONLY, RetentionEnded
from ..jobs import Reloader
from ..widgets import prompts, status
from ..widgets.forms import rows_view
from .models import RetentionEndedModel
from .retention_decision import RetentionAnswer, RetentionDecisionDialog


def ask_decision(parent: QWidget, rows: Sequence[RetentionEnded],
                 submit: Callable[[RetentionAnswer], bool]) -> bool:
    """The decision dialog; True once `submit` took an answer (tests replace this)."""
    return bool(RetentionDecisionDialog(rows, submit, parent).exec())


class RetentionTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.rows: list[RetentionEnded] = []
        # read in the runner: a ten-year archive's ended cases are many
        self.reads: Reloader[list[RetentionEnded]] = Reloader(
            self, desk.store, self.tr("保管期限已满的办件没有读出来"))
        layout = QVBoxLayout(self)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        layout.addWidget(self.rule)
        top = QHBoxLayout()
        self.pending_only = QCheckBox(self.tr("只看待审核的"))
        self.pending_only.toggled.connect(self._show)
        top.addWidget(self.pending_only)
        top.addStretch()
        self.decide_button = QPushButton(self.tr("审核…"))
        self.decide_button.setToolTip(self.tr("站长审核选中的办件（可按住 Ctrl 或 Shift 多选）"))
        self.decide_button.clicked.connect(self.decide)
        top.addWidget(self.decide_button)
        layout.addLayout(top)
        self.model = RetentionEndedModel(self)
        self.table = rows_view(self.model, fit=True, stretch=(2, 9))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.doubleClicked.connect(lambda _index: self.decide())
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        note = QLabel(self.tr("请站长逐件审核：仍有保存价值的继续保存，写明保存到哪一年；确需销毁的"
                              "同意销毁，记入销毁登记，纸质档案按档案管理规定鉴定、报批后处理。"
                              "本程序不删除任何记录。"))
        note.setObjectName("muted")
        note.setWordWrap(True)
        layout.addWidget(note)

    def refresh(self) -> None:
        station = self.desk.station
        immediate = station.setting("retention_immediate_years")
        other = station.setting("retention_other_years")

        def period(years: int) -> str:
            return self.tr("永久") if years == 0 else self.tr("%1 年").replace("%1", str(years))

        self.rule.setText(self.tr(
            "保管期限从办结（归档）的次年 1 月 1 日起算。已归档的按档号上的期限；未归档的按"
            "设置：即办件 %1，承诺件、联办件、退回件 %2（设置 → 办理规则）。")
            .replace("%1", period(immediate)).replace("%2", period(other)))
        self.count.setText(self.tr("正在读取保管期限已满的办件…"))
        self.decide_button.setEnabled(False)
        self.reads.start(lambda _progress: self.desk.retention.ended(), self._read)

    def _read(self, rows: list[RetentionEnded]) -> None:
        self.rows = rows
        self._show()

    def _show(self) -> None:
        shown = ([r for r in self.rows if r.review == Review.PENDING]
                 if self.pending_only.isChecked() else self.rows)
        self.model.set_records(shown)
        waiting = sum(1 for r in self.rows if r.review == Review.PENDING)
        self.count.setText(
            self.tr("保管期限已满：%1 件，其中待审核 %2 件").replace("%1", str(len(self.rows)))
            .replace("%2", str(waiting)) if self.rows else self.tr("没有保管期限已满的办件。"))
        self.decide_button.setEnabled(waiting > 0)

    def selected(self) -> list[RetentionEnded]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.record_at(n) for n in rows) if r is not None]

    def decide(self) -> bool:
        """The head's decision on the selected cases; True when one was recorded."""
        if not prompts.succeeded(self, lambda: self.desk.session.require_head(HEAD_ONLY),
                                 self.tr("不能审核")):
            return False
        chosen = self.selected()
        if not chosen:
            prompts.warn(self, self.tr("保管期限审核"), self.tr("请先在列表里选中要审核的办件。"))
            return False
        decided: list[RetentionEnded] = []

        def submit(answer: RetentionAnswer) -> bool:
            done = prompts.attempt(self, lambda: self.desk.retention.decide(
                [r.case_no for r in chosen], answer.verdict, answer.reason,
                keep_years=answer.keep_years, keep_until=answer.keep_until),
                self.tr("不能记录审核决定"))
            decided.extend(done or [])
            return done is not None

        if not ask_decision(self, chosen, submit):
            return False
        self.refresh()
        status.say(self, self.tr("已记录 %1 件的审核决定：%2").replace("%1", str(len(decided)))
                   .replace("%2", decided[0].review.value if decided else ""))
        return True
