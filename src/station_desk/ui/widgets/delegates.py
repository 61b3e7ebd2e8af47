"""Cell editors for tables edited in place: a drop-down of choices, a secret typed
as dots, a small count; and keeping them open so a grid reads like a form."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from .table_models import Index

Choices = Callable[[], Sequence[tuple[str, Any]]]  # (label, value) pairs


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of (label, value) choices; a choice is saved as soon as it is made."""

    def __init__(self, choices: Choices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        box = QComboBox(parent)
        for label, value in self._choices():
            box.addItem(label, value)
        box.activated.connect(lambda _i, box=box: self.commitData.emit(box))
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class SecretDelegate(QStyledItemDelegate):
    """A secret (a PIN) typed as dots, at most `length` characters, saved as typed."""

    def __init__(self, length: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._length = length

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        edit = QLineEdit(parent)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(self._length)
        edit.textEdited.connect(lambda _t, edit=edit: self.commitData.emit(edit))
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QLineEdit)
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if editor.text() != text:
            editor.setText(text)


class CountDelegate(QStyledItemDelegate):
    """A whole number from 0 to `most` in a spin box, saved as soon as it changes."""

    def __init__(self, most: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._most = most

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(0, self._most)
        spin.valueChanged.connect(lambda _v, spin=spin: self.commitData.emit(spin))
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QSpinBox)
        value = int(index.data(Qt.ItemDataRole.EditRole) or 0)
        if editor.value() != value:
            editor.blockSignals(True)  # showing the value is not an edit to save
            editor.setValue(value)
            editor.blockSignals(False)


def keep_editors_open(view: QTableView, columns: Iterable[int]) -> None:
    """The editors of `columns` stay open on every row, now and as rows are added."""
    model = view.model()
    wanted = tuple(columns)

    def open_editors(_parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            for column in wanted:
                index = model.index(row, column)
                view.openPersistentEditor(index)
                editor = view.indexWidget(index)
                if isinstance(editor, QSpinBox):
                    editor.lineEdit().deselect()  # the view selects what it opens

    model.rowsInserted.connect(open_editors)
    if model.rowCount():
        open_editors(QModelIndex(), 0, model.rowCount() - 1)
