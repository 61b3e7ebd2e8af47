"""The village's side of the sync page: what is waiting to be exported, and the
bundles exported so far with whether the town has confirmed them."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...services.sync import ExportStatus, Pending, SyncDesk, range_label
from .base import SyncPageBase
from .models import ExportsModel
from .widgets import make_table, when


def build_exports_tab(page: SyncPageBase) -> None:
    """The village's tab: our bundles and whether the town confirmed them."""
    page.exports_model = ExportsModel(page)
    page.exports_box = page.tabs.add_lazy(page.tr("已导出的同步包"), lambda: _exports(page))


def _exports(page: SyncPageBase) -> QWidget:
    box_widget = QWidget()
    box = QVBoxLayout(box_widget)
    box.setContentsMargins(0, 0, 0, 0)
    page.exports = make_table(page.exports_model)
    box.addWidget(page.exports)
    return box_widget


def read_village(sync: SyncDesk) -> tuple[Pending, list[ExportStatus]]:
    """What the village's tab shows (read off the UI thread)."""
    return sync.pending(), sync.exports()


def refresh_village(page: SyncPageBase, read: tuple[Pending, list[ExportStatus]]) -> list[str]:
    """Fill the village's texts, buttons and table from `read`; the alerts to show."""
    page.intro.setText(page.tr(
        "把本站的办件变更加密导出到U盘，交镇便民服务中心导入；镇中心的办理结果、"
        "事项目录和节假日安排用回传包带回。U盘丢失也不会泄露群众信息。"))
    page.export_button.setText(page.tr("导出到U盘"))
    page.import_button.setText(page.tr("从U盘导入镇中心回传包"))
    pending, statuses = read
    alerts = []
    if pending.peer is None:
        alerts.append(page.tr("还没有信任镇中心的身份文件，不能导出。请向镇中心要身份文件，"
                              "电话核对指纹后点“信任对方身份文件…”。"))
        page.pending.setText("")
    else:
        last = pending.last_export
        text = page.tr("镇中心：") + f"{pending.peer.name}　"
        text += page.tr("待导出：") + (
            range_label(pending.seq_from, pending.seq_to) + f"（{pending.count} 条变更）"
            if pending.count else page.tr("无新变更"))
        if last is not None:
            text += page.tr("　上次导出：") + f"{when(last.created_at)}，" + range_label(
                last.seq_from, last.seq_to)
        page.pending.setText(text)
    page.export_button.setEnabled(pending.peer is not None)
    page.again_button.setEnabled(pending.last_export is not None)
    unconfirmed = [s for s in statuses if not s.confirmed]
    page.exports_model.set_records(statuses)
    if statuses and unconfirmed:
        alerts.append(page.tr("有 %1 个同步包镇中心尚未确认收到（以镇中心回传包为准）")
                      .replace("%1", str(len(unconfirmed))))
    return alerts
