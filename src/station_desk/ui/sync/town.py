"""The town's side of the sync page: each trusted village's state (with the
buttons that write return bundles) and the proxied cases that are overdue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.sync import missing_message, range_label
from .widgets import fill_table, make_table, status_text, when

if TYPE_CHECKING:
    from .page import SyncPage


@dataclass
class TownTabs:
    villages_box: QWidget
    villages: QTableWidget
    return_selected_button: QPushButton
    return_all_button: QPushButton
    overdue_box: QWidget
    overdue: QTableWidget


def build_town_tabs(page: SyncPage) -> TownTabs:
    """The town's two tabs, added to the page's tab widget."""
    # town: villages and overdue proxied cases
    villages_box = QWidget()
    box = QVBoxLayout(villages_box)
    villages = make_table([page.tr("站点"), page.tr("最近导入"), page.tr("已收到至"),
                           page.tr("缺号"), page.tr("办件（按状态）"), page.tr("代办逾期"),
                           page.tr("隔离"), page.tr("最近回传")])
    villages.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    box.addWidget(villages)
    returns = QHBoxLayout()
    return_selected_button = QPushButton(page.tr("为选中的站生成回传包"))
    return_selected_button.clicked.connect(page.export_returns_selected)
    return_all_button = QPushButton(page.tr("为全部村（社区）站生成回传包"))
    return_all_button.clicked.connect(page.export_returns_all)
    returns.addWidget(return_selected_button)
    returns.addWidget(return_all_button)
    returns.addStretch()
    box.addLayout(returns)
    page.tabs.addTab(villages_box, page.tr("各村（社区）站"))
    overdue_box = QWidget()
    box = QVBoxLayout(overdue_box)
    overdue = make_table([page.tr("办件编号"), page.tr("村（社区）"), page.tr("申请人"),
                          page.tr("事项"), page.tr("状态"), page.tr("承诺办结"),
                          page.tr("逾期（工作日）"), page.tr("代办员"), page.tr("代办进度")])
    box.addWidget(overdue)
    page.tabs.addTab(overdue_box, page.tr("逾期的帮办代办件"))
    return TownTabs(villages_box, villages, return_selected_button, return_all_button,
                    overdue_box, overdue)


def refresh_town(page: SyncPage) -> list[str]:
    """Fill the town's texts, buttons and tables; the alerts to show."""
    page.intro.setText(page.tr(
        "导入各村（社区）站交来的同步包（可一次选多个），查看各站情况和逾期的帮办代办件，"
        "再为各站生成回传包（办理结果、事项目录、节假日安排和收件回执）。"))
    page.export_button.setText(page.tr("为全部村（社区）站生成回传包"))
    page.import_button.setText(page.tr("从U盘导入村站同步包"))
    villages = page.sync.villages()
    overdue = page.sync.overdue_proxied()
    fill_table(page.villages, [[
        v.name, when(v.last_import_at),
        range_label(1, v.last_seq) if v.last_seq else page.tr("尚未收到"),
        v.missing_text() or "", status_text(v.by_status), str(v.overdue_proxied),
        str(v.held),
        when(v.last_return.created_at) if v.last_return else "—"]
        for v in villages], data=[v.code for v in villages],
        warn={(r, c) for r, v in enumerate(villages)
              for c, bad in ((3, bool(v.missing)), (5, v.overdue_proxied > 0),
                             (6, v.held > 0)) if bad})
    fill_table(page.overdue, [[c.case_no, c.station_name, c.applicant, c.item, c.status,
                               c.deadline, str(c.days_over), c.agent, c.proxy_step]
                              for c in overdue], warn={(r, 6) for r in range(len(overdue))})
    page.tabs.setTabText(page.tabs.indexOf(page.overdue_box),
                         page.tr("逾期的帮办代办件（%1）").replace("%1", str(len(overdue))))
    page.export_button.setEnabled(bool(villages))
    page.return_all_button.setEnabled(bool(villages))
    page.return_selected_button.setEnabled(bool(villages))
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


def selected_villages(table: QTableWidget) -> list[str]:
    """The station codes of the selected rows of the villages table."""
    rows = sorted({i.row() for i in table.selectedIndexes()})
    return [str(table.model().index(r, 0).data(Qt.ItemDataRole.UserRole)) for r in rows]
