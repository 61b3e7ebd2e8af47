"""What opens behind a figure of the board: the cases (the very list the case
page shows with the same filter) or the complaints and 差评 of one village."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...services.desk import Desk
from ..cases.model import CaseListModel
from ..widgets.forms import rows_view
from .model import DictRowsModel, RectificationsModel

FIGURE_TITLES = {"open": "在办件", "overdue": "逾期件", "due_soon": "2 个工作日内到期",
                 "overdue_proxied": "逾期的帮办代办件", "complaints_open": "在办投诉",
                 "bad_ratings_open": "待回访整改的差评",
                 "bad_ratings_overdue": "超过整改期限的差评"}


def open_case(parent: QWidget, desk: Desk, case_no: str) -> None:
    """Replaceable in tests: one case, read-only at the town unless handed over."""
    from ..cases.detail import CaseDetailDialog

    CaseDetailDialog(desk, case_no, parent).exec()


class FigureDialog(QDialog):
    """The records behind one figure of one village."""

    def __init__(self, desk: Desk, station: str, name: str, figure: str,
                 parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.resize(1100, 560)
        self.setWindowTitle(f"{name}：{FIGURE_TITLES[figure]}")
        layout = QVBoxLayout(self)
        title = QLabel(self.windowTitle())
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.model: Any
        if figure == "complaints_open":
            self.model = DictRowsModel(("投诉编号", "收到", "投诉人", "事项", "状态", "办理时限"),
                                       ("complaint_no", "received_at", "complainant", "matter",
                                        "status", "due"), self)
            self.model.set_rows(desk.supervision.open_complaints_of(station))
        elif figure in ("bad_ratings_open", "bad_ratings_overdue"):
            self.model = RectificationsModel(today, self)
            self.model.set_records(desk.supervision.rectifications_of(
                station, overdue_only=figure == "bad_ratings_overdue", today=today))
        else:
            self.model = CaseListModel(desk, self)
            self.model.set_filter(desk.supervision.figure_filter(station, figure, today), today)
        last = (self.model.columnCount() - 1,) if isinstance(self.model, RectificationsModel) \
            else ()
        self.view = rows_view(self.model, self, fit=True, stretch=last)  # 群众意见 takes the rest
        self.view.doubleClicked.connect(self._open)
        layout.addWidget(self.view, 1)
        hint = QLabel(self.tr("双击一件查看详情。未移交本中心的村站办件只能查看、督办。")
                      if isinstance(self.model, CaseListModel) else
                      self.tr("这些差评由村（社区）站回访整改；请电话督促，下次同步后复查。"
                              "双击一行查看办件。")
                      if isinstance(self.model, RectificationsModel) else
                      self.tr("这些记录由村（社区）站办理；请电话督促并在下次同步后复查。"))
        hint.setObjectName("muted")
        layout.addWidget(hint)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def _open(self, index: QModelIndex) -> None:
        if isinstance(self.model, CaseListModel):
            case = self.model.case_at(index.row())
            if case is not None:
                open_case(self, self.desk, case.case_no)
        elif isinstance(self.model, RectificationsModel):
            record = self.model.record_at(index.row())
            if record is not None:
                open_case(self, self.desk, record.case_no)
