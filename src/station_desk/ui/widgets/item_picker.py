"""The service-item picker shared by the intake and booking forms: a search box
(Chinese or pinyin initials) over a list of matching items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem

from ...domain.catalogue import CatalogueItem
from ...services.desk import Desk

CODE_ROLE = Qt.ItemDataRole.UserRole


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
