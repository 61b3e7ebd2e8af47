"""Edit one service item's guide elements (head only; enforced by the desk too)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.catalogue import (
    ITEM_CASE_TYPES,
    UNVERIFIED,
    CaseType,
    CatalogueItem,
    Material,
)
from ...services.desk import Desk
from ..widgets import prompts
from ..widgets.delegates import CountDelegate, keep_editors_open
from ..widgets.forms import text_box
from ..widgets.screen_fit import fit_to_screen
from .materials_model import COL_COPIES, COL_NAME, COL_ORIGINALS, MAX_COPIES, MaterialsModel


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(s.strip() for s in edit.toPlainText().splitlines() if s.strip())


class ItemEditor(QDialog):
    def __init__(self, desk: Desk, item: CatalogueItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.item = item
        self.setWindowTitle(self.tr("编辑事项 — %1").replace("%1", item.name))
        fit_to_screen(self, 760, 720)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(item.name)
        self.case_type = QComboBox()
        for t in ITEM_CASE_TYPES:
            self.case_type.addItem(t.value, t)
        self.case_type.setCurrentIndex(list(ITEM_CASE_TYPES).index(item.case_type))
        self.limit = QSpinBox()
        self.limit.setRange(0, 365)
        self.limit.setSuffix(self.tr(" 个工作日"))
        self.limit.setValue(item.time_limit_days)
        # 法定时限: 0 shows 待核实 (the law never gives an item zero days)
        self.statutory = QSpinBox()
        self.statutory.setRange(0, 365)
        self.statutory.setSpecialValueText(UNVERIFIED)
        self.statutory.setSuffix(self.tr(" 个工作日"))
        self.statutory.setValue(item.statutory_days or 0)
        self.licence = QComboBox()
        for label, value in ((UNVERIFIED, None), (self.tr("行政许可"), True),
                             (self.tr("公共服务"), False)):
            self.licence.addItem(label, value)
        self.licence.setCurrentIndex([None, True, False].index(item.licence))
        self.authority = QLineEdit(item.authority)
        self.authority.setPlaceholderText(UNVERIFIED)
        self.review_body = QLineEdit(item.review_body)
        self.review_body.setPlaceholderText(UNVERIFIED)
        self.basis = text_box(item.legal_basis)
        self.basis.setMaximumHeight(60)
        self.department = QLineEdit(item.department)
        self.window_box = QLineEdit(item.window)
        self.fee = QLineEdit(item.fee)
        self.result_edit = QLineEdit(item.result)
        self.in_person = QCheckBox(self.tr("本人必须到场（不能全程代办）"))
        self.in_person.setChecked(item.in_person)
        self.procedure = text_box("\n".join(item.procedure))
        self.procedure.setMaximumHeight(80)
        self.refusals = text_box("\n".join(item.non_acceptance))
        self.refusals.setMaximumHeight(80)
        self.verified = QCheckBox(self.tr("已与县级办事指南核对无误"))
        self.verified.setChecked(item.verified)
        form.addRow(self.tr("事项名称"), self.name)
        form.addRow(self.tr("办件类型"), self.case_type)
        limits = QHBoxLayout()
        limits.addWidget(self.limit, 1)
        limits.addWidget(QLabel(self.tr("法定时限")))
        limits.addWidget(self.statutory, 1)
        limits.addWidget(QLabel(self.tr("事项性质")))
        limits.addWidget(self.licence, 1)
        form.addRow(self.tr("承诺时限"), limits)
        bodies = QHBoxLayout()
        bodies.addWidget(self.authority, 1)
        bodies.addWidget(QLabel(self.tr("行政复议机关")))
        bodies.addWidget(self.review_body, 1)
        form.addRow(self.tr("决定机关"), bodies)
        form.addRow(self.tr("设定依据"), self.basis)
        form.addRow(self.tr("实施部门"), self.department)
        form.addRow(self.tr("受理窗口"), self.window_box)
        form.addRow(self.tr("收费标准"), self.fee)
        form.addRow(self.tr("办理结果"), self.result_edit)
        form.addRow("", self.in_person)
        form.addRow(self.tr("办理流程（每行一步）"), self.procedure)
        form.addRow(self.tr("不予受理情形（每行一条）"), self.refusals)
        # the form scrolls on small screens so the materials and buttons stay in view
        facts = QWidget()
        facts.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(facts)
        layout.addWidget(scroll, 2)
        self.materials_model = MaterialsModel(item.materials, self)
        self.materials = QTableView()
        self.materials.setModel(self.materials_model)
        self.materials.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.materials.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (COL_ORIGINALS, COL_COPIES):
            self.materials.setItemDelegateForColumn(column, CountDelegate(MAX_COPIES, self))
        keep_editors_open(self.materials, (COL_ORIGINALS, COL_COPIES))
        layout.addWidget(self.materials, 1)
        row = QHBoxLayout()
        add = QPushButton(self.tr("添加材料"))
        add.clicked.connect(lambda: self.add_material(Material("", 1, 0, "")))
        remove = QPushButton(self.tr("删除所选材料"))
        remove.clicked.connect(self.remove_selected_material)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch()
        row.addWidget(self.verified)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def add_material(self, m: Material) -> None:
        """A new row, its name cell open for typing."""
        row = self.materials_model.add(m)
        index = self.materials_model.index(row, COL_NAME)
        self.materials.setCurrentIndex(index)
        self.materials.edit(index)

    def remove_selected_material(self) -> None:
        row = self.materials.currentIndex().row()
        if row >= 0:
            self.materials_model.removeRows(row, 1)

    def edited(self) -> CatalogueItem:
        materials = self.materials_model.materials()
        return replace(
            self.item, name=self.name.text().strip(),
            case_type=CaseType(self.case_type.currentData()),
            time_limit_days=self.limit.value(), legal_basis=self.basis.toPlainText().strip(),
            department=self.department.text().strip(), window=self.window_box.text().strip(),
            fee=self.fee.text().strip(), result=self.result_edit.text().strip(),
            in_person=self.in_person.isChecked(), procedure=_lines(self.procedure),
            non_acceptance=_lines(self.refusals), materials=tuple(materials),
            verified=self.verified.isChecked(),
            statutory_days=self.statutory.value() or None, licence=self.licence.currentData(),
            authority=self.authority.text().strip(),
            review_body=self.review_body.text().strip())

    def accept(self) -> None:
        if prompts.succeeded(self, lambda: self.desk.catalogue.save_item(self.edited()),
                             self.tr("未保存")):
            super().accept()
