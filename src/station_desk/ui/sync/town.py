"""The town's side of the sync page: each trusted village's state (with the
buttons that write return bundles) and the proxied cases that are overdue."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.sync import OverdueCase, SyncDesk, VillageStatus, missing_message
from .base import SyncPageBase
from .models import OverdueModel, VillagesModel
from .widgets import make_table


def build_town_tabs(page: SyncPageBase) -> None:
    """The town's two tabs (villages, overdue proxied cases), added to the page's
    tabs: their models now, their tables when first shown."""
    page.villages_model = VillagesModel(page)
    page.overdue_model = OverdueModel(page)
    page.return_buttons = []
    page.villages_box = page.tabs.add_lazy(page.tr("各村（社区）站"), lambda: _villages(page))
    page.overdue_box = page.tabs.add_lazy(page.tr("逾期的帮办代办件"), lambda: _overdue(page))


def _villages(page: SyncPageBase) -> QWidget:
    villages_box = QWidget()
    box = QVBoxLayout(villages_box)
    box.setContentsMargins(0, 0, 0, 0)
    page.villages = make_table(page.villages_model)
    page.villages.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    box.addWidget(page.villages)
    returns = QHBoxLayout()
    page.return_selected_button = QPushButton(page.tr("为选中的站生成回传包"))
    page.return_selected_button.clicked.connect(page.export_returns_selected)
    page.return_all_button = QPushButton(page.tr("为全部村（社区）站生成回传包"))
    page.return_all_button.clicked.connect(page.export_returns_all)
    page.return_buttons = [page.return_selected_button, page.return_all_button]
    for button in page.return_buttons:
        button.setEnabled(page.villages_model.rowCount() > 0)
        returns.addWidget(button)
    returns.addStretch()
    box.addLayout(returns)
    return villages_box


def _overdue(page: SyncPageBase) -> QWidget:
    overdue_box = QWidget()
    box = QVBoxLayout(overdue_box)
    box.setContentsMargins(0, 0, 0, 0)
    page.overdue = make_table(page.overdue_model)
    # most overdue first (as the case list counts, in working days); a double
    # click opens the case (read-only unless it was handed to the town)
    page.overdue.doubleClicked.connect(
        lambda index: _open_overdue(page, page.overdue_model, index.row()))
    box.addWidget(page.overdue)
    hint = QLabel(page.tr("按逾期工作日数排列，逾期最多的在前；双击查看办件。"))
    hint.setObjectName("muted")
    box.addWidget(hint)
    return overdue_box


def read_town(sync: SyncDesk) -> tuple[list[VillageStatus], list[OverdueCase]]:
    """What the town's tabs show (off the UI thread: at ten years of cases the
    counts by status take a while)."""
    return sync.villages(), sync.overdue_proxied()


def refresh_town(page: SyncPageBase,
                 read: tuple[list[VillageStatus], list[OverdueCase]]) -> list[str]:
    """Fill the town's texts, buttons and tables from `read`; the alerts to show."""
    page.intro.setText(page.tr(
        "导入各村（社区）站交来的同步包（可一次选多个），查看各站情况和逾期的帮办代办件，"
        "再为各站生成回传包（办理结果、事项目录、节假日安排和收件回执）。"))
    page.export_button.setText(page.tr("为全部村（社区）站生成回传包"))
    page.import_button.setText(page.tr("从U盘导入村站同步包"))
    villages, overdue = read
    page.villages_model.set_records(villages)
    page.overdue_model.set_records(overdue)
    page.tabs.setTabText(page.tabs.indexOf(page.overdue_box),
                         page.tr("逾期的帮办代办件（%1）").replace("%1", str(len(overdue))))
    for button in (page.export_button, *page.return_buttons):
        button.setEnabled(bool(villages))
    page.pending.setText(
        page.tr("已信任 %1 个村（社区）站。").replace("%1", str(len(villages))))
    alerts = []
    if not villages:
        alerts.append(page.tr("还没有信任任何村（社区）站：请导入各站的身份文件，"
                              "电话核对指纹后点“信任对方身份文件…”。"))
    for v in villages:
        if v.missing:
            alerts += [missing_message(v.name, a, b) for a, b in v.missing]
    if overdue:
        alerts.append(page.tr("有 %1 件帮办代办件已超过承诺办结日期").replace(
            "%1", str(len(overdue))))
    return alerts


def selected_villages(table: QTableView, model: VillagesModel) -> list[str]:
    """The station codes of the selected rows of the villages table."""
    rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
    return [v.code for v in (model.record_at(r) for r in rows) if v is not None]


def _open_overdue(page: SyncPageBase, model: OverdueModel, row: int) -> None:
    record = model.record_at(row)
    if record is not None:
        from ..supervision.dialogs import open_case

        open_case(page, page.desk, record.case_no)
