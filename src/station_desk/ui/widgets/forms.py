"""Small pieces the dialogs and pages share."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .text_size import follow_text_size


def ok_cancel_buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (labelled `ok_text`) accepts `dialog`, 取消 rejects it."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("取消"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def save_cancel_buttons(dialog: QDialog, save_text: str) -> QDialogButtonBox:
    """Save (labelled `save_text`) and 取消. The caller connects `accepted` to its own
    save, which closes the dialog only when the record was taken."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Cancel)
    save = box.button(QDialogButtonBox.StandardButton.Save)
    save.setText(save_text)
    save.setShortcut(QKeySequence.StandardKey.Save)
    save.setToolTip(dialog.tr("%1（Ctrl+S）").replace("%1", save_text))
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("取消"))
    box.rejected.connect(dialog.reject)
    return box


class EnterDoesNotSubmit(QDialog):
    """A long form: Enter in a field must not save it half-filled; only a focused
    button reacts to Enter."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not isinstance(self.focusWidget(), QPushButton)):
            event.accept()
            return
        super().keyPressEvent(event)


def either_or(owner: QWidget, first: str, second: str) -> tuple[QRadioButton, QRadioButton]:
    """Two radio buttons of one choice, the first chosen."""
    one, other = QRadioButton(first), QRadioButton(second)
    one.setChecked(True)
    group = QButtonGroup(owner)
    group.addButton(one)
    group.addButton(other)
    return one, other


def page_top(title: str, button_text: str) -> tuple[QHBoxLayout, QPushButton]:
    """A page's title on the left and its main action button on the right."""
    row = QHBoxLayout()
    label = QLabel(title)
    label.setObjectName("pageTitle")
    row.addWidget(label)
    row.addStretch()
    button = QPushButton(button_text)
    button.setMinimumHeight(34)
    row.addWidget(button)
    return row, button


def text_box(text: str = "") -> QPlainTextEdit:
    """A several-line box that Tab leaves (a tab character is never wanted in a reason)."""
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    return box


def line_edit(placeholder: str = "", *, max_length: int = 0) -> QLineEdit:
    """A one-line field with its grey hint (and a length limit when given)."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    if max_length:
        edit.setMaxLength(max_length)
    return edit


def form_group(title: str) -> tuple[QGroupBox, QFormLayout]:
    """A titled box holding a form (labels left and top-aligned, fields growing),
    with the room left below it."""
    group = QGroupBox(title)
    column = QVBoxLayout(group)
    form = QFormLayout()
    column.addLayout(form)
    column.addStretch(1)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return group, form


def rows_view(model: QAbstractItemModel, parent: QWidget | None = None, *,
              fit: bool = False, stretch: Sequence[int] = ()) -> QTableView:
    """A read-only table of whole-row selections, no row numbers, no wrapping;
    `fit`: columns as wide as their contents, `stretch` ones share the room left."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    view.ensurePolished()
    if fit:
        fit_per_filling(view)
    return view


def fit_per_filling(view: QTableView) -> None:
    """Columns as wide as their contents, measured when the rows change and after a
    zoom (a ResizeToContents header asked every cell again at each layout: a third
    of 督导's first opening)."""
    fitter = _ColumnFitter(view)
    model = view.model()
    for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                   model.rowsRemoved):
        signal.connect(fitter.fit)
    follow_text_size(view, fitter.fit)


class _ColumnFitter(QObject):
    """A child of the view: its connections end with the view (a model may outlive it)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view

    def fit(self, *_changed: object) -> None:
        self._view.ensurePolished()  # the style sheet's text size
        self._view.resizeColumnsToContents()
