"""The service-item picker shared by the intake and booking forms: a search box
(Chinese or pinyin initials) over a list of matching items, and the line that
sums up the chosen item."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem

from ...domain.catalogue import CatalogueItem
from ...services.desk import Desk
from . import palette

CODE_ROLE = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("ItemPicker", text)


def item_summary(item: CatalogueItem, unverified_note: str) -> str:
    """Rich text: the item, its type and time limit, whether the applicant must come
    in person; for an item the county has not verified, a warning with `unverified_note`."""
    limit = (_tr("当场办结") if item.time_limit_days == 0
             else _tr("承诺时限 %1 个工作日").replace("%1", str(item.time_limit_days)))
    parts = [f"<b>{item.name}</b>", item.case_type.value, limit]
    if item.in_person:
        parts.append(f"<span style='color:{palette.WARNING}'><b>" + _tr("须本人到场")
                     + "</b></span>")
    text = "　·　".join(parts)
    if not item.verified:
        text += (f"<br><span style='color:{palette.WARNING}'>" + item.status_label + "："
                 + unverified_note + "</span>")
    return text


class ItemListMixin:
    """For a dialog with `desk`, `item_search`, `item_list`, the chosen `_item`, and
    a `_choose(entry, item=None)` that reacts to a choice."""

    desk: Desk
    item_search: QLineEdit
    item_list: QListWidget
    _item: CatalogueItem | None

    def _choose(self, entry: QListWidgetItem | None,
                item: CatalogueItem | None = None) -> None:
        raise NotImplementedError

    def _fill_items(self) -> None:
        chosen = self._item.code if self._item else None
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for item in self.desk.find_items(self.item_search.text()):
            entry = QListWidgetItem(f"{item.name}　（{item.case_type.value}）")
            entry.setData(CODE_ROLE, item.code)
            entry.setToolTip(f"{item.code}　{item.category}")
            self.item_list.addItem(entry)
            if item.code == chosen:
                self.item_list.setCurrentItem(entry)
        self.item_list.blockSignals(False)
        if self.item_list.count() == 1 and self._item is None:
            self.item_list.setCurrentRow(0)

    def _choose_first(self) -> None:
        if self.item_list.count() and self.item_list.currentRow() < 0:
            self.item_list.setCurrentRow(0)

    def choose_item(self, code: str) -> None:
        """Pick an item by code (as clicking it in the list does)."""
        for i in range(self.item_list.count()):
            entry = self.item_list.item(i)
            if entry.data(CODE_ROLE) == code:
                self.item_list.setCurrentItem(entry)
                return
        self._choose(None, self.desk.item(code))
