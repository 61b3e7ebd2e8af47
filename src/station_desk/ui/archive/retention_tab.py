"""档案 → 保管期限: the finished cases whose retention period has ended, for the
head to review. Only a list: the program deletes nothing (the decision, and any
destruction after an appraisal, is the head's and the archive office's)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...services.desk import Desk
from ...services.retention import RetentionEnded
from ..widgets.forms import rows_view
from .models import RetentionEndedModel


class RetentionTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.rows: list[RetentionEnded] = []
        layout = QVBoxLayout(self)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        layout.addWidget(self.rule)
        self.model = RetentionEndedModel(self)
        self.table = rows_view(self.model, fit=True, stretch=(2,))
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        note = QLabel(self.tr("请站长逐件审核：仍有保存价值的可延长保管期限；确需销毁的，按档案管理"
                              "规定鉴定、登记并报批后处理纸质档案。本程序只列出，不删除任何记录。"))
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
        self.rows = self.desk.retention.ended()
        self.model.set_records(self.rows)
        self.count.setText(self.tr("保管期限已满：%1 件").replace("%1", str(len(self.rows)))
                           if self.rows else self.tr("没有保管期限已满的办件。"))
