"""The service-item picker shared by the intake and booking forms: a search box
(Chinese or pinyin initials) over a list of matching items, and the line that
sums up the chosen item."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem

from ...domain.catalogue import CatalogueItem
from ...services.desk import Desk
from . import palette
from .field_marks import FieldMarks

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
    """For a dialog with `desk` and `marks`: the item picker, the chosen `_item`, and
    a `_show_item(item)` that reacts to a choice."""

    desk: Desk
    marks: FieldMarks
    item_search: QLineEdit
    item_list: QListWidget
    item_info: QLabel
    _item: CatalogueItem | None

    def _add_item_picker(self, layout: QBoxLayout, marks: FieldMarks, list_height: int) -> None:
        """The search box over the matching items (the form's "item" field) and under it
        the summary of the chosen item, added to `layout`."""
        self.item_search = QLineEdit()
        self.item_search.setPlaceholderText(_tr("输入事项名称或拼音首字母，如 ylbx（养老保险）"))
        self.item_search.setClearButtonEnabled(True)
        self.item_list = QListWidget()
        self.item_list.setMinimumHeight(list_height)
        layout.addWidget(marks.field("item", self.item_search, self.item_list, grow=True), 3)
        self.item_info = QLabel(_tr("请先选择办理事项"))
        self.item_info.setObjectName("itemInfo")
        self.item_info.setWordWrap(True)
        self.item_info.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.item_info)
        self.item_search.textChanged.connect(lambda _t: self._fill_items())
        self.item_search.returnPressed.connect(self._choose_first)
        self.item_list.currentItemChanged.connect(lambda cur, _prev: self._choose(cur))

    def _show_item(self, item: CatalogueItem) -> None:
        """React to the item chosen (its materials, options)."""
        raise NotImplementedError

    def _choose(self, entry: QListWidgetItem | None,
                item: CatalogueItem | None = None) -> None:
        """The item of a list entry (or `item` itself) becomes the form's choice."""
        if item is None:
            if entry is None:
                return
            item = self.desk.catalogue.item(str(entry.data(CODE_ROLE)))
        self._item = item
        self.marks.clear("item")
        self._show_item(item)

    def _fill_items(self) -> None:
        chosen = self._item.code if self._item else None
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for item in self.desk.catalogue.find_items(self.item_search.text()):
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
        self._choose(None, self.desk.catalogue.item(code))
