"""登记新办件: the intake form (manual §二.3 首问负责、一次性告知).

Everything the clerk typed stays in the form when the desk refuses it: each
field at fault is outlined in red with its own message beside it, and the
whole list is shown once, so it is fixed in one go.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...devices.idcard import IdCard
from ...domain.cases import SPECIAL_GROUPS, Applicant, Channel, Status
from ...domain.catalogue import CaseType, CatalogueItem
from ...domain.errors import UserError
from ...domain.ids import new_id
from ...domain.station import Role
from ...services.cases import CaseInput, InvalidCase, Registered
from ...services.desk import Desk
from ...services.intake import rare_character_warning
from ..devices import capture, rating_screen
from ..devices.card_reading import CardReaderBar
from ..devices.pending_scans import PendingScans, say_not_attached
from ..jobs import report_failure
from ..widgets import prompts
from ..widgets.dialog_job import DialogJob
from ..widgets.field_marks import INVALID_STYLE, FieldMarks
from ..widgets.forms import EnterDoesNotSubmit, form_group, line_edit, save_cancel_buttons, text_box
from ..widgets.item_picker import CODE_ROLE, ItemListMixin, item_summary
from ..widgets.screen_fit import fit_to_screen
from . import after_intake


class IntakeDialog(ItemListMixin, EnterDoesNotSubmit):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.registered: Registered | None = None
        # one per form: a save retried after a crash or a "busy" refusal registers once
        self.request_id = new_id()
        self._item: CatalogueItem | None = None
        self.marks = FieldMarks()
        self.scans = PendingScans()
        self.setWindowTitle(self.tr("登记新办件"))
        self.setStyleSheet(INVALID_STYLE)
        fit_to_screen(self, 1080, 680)

        outer = QVBoxLayout(self)
        outer.addWidget(self.marks.general)
        columns = QHBoxLayout()
        outer.addLayout(columns, 1)
        columns.addWidget(self._applicant_box(), 5)
        columns.addWidget(self._item_box(), 6)

        self.saving_scans = DialogJob(self, desk.store,
                                      busy_text=self.tr("已登记，正在保存扫描件…"))
        outer.addWidget(self.saving_scans.label)
        buttons = save_cancel_buttons(self, self.tr("登记"))
        buttons.accepted.connect(self.save)
        outer.addWidget(buttons)

        self._fill_items()
        self._update_case_options()

    def has_input(self) -> bool:
        return bool(self.name.text().strip() or self.id_number.text().strip()
                    or self.phone.text().strip() or self._item is not None
                    or self.reason.toPlainText().strip() or self.note.text().strip()
                    or bool(self.scans))

    def reject(self) -> None:
        """Esc, 取消 or closing the window: ask before throwing a filled form away."""
        if (self.registered is None and self.has_input()
                and not prompts.confirm(self, self.tr("放弃登记"),
                                        self.tr("已填写的内容不会保存。确定放弃这次登记？"))):
            return
        super().reject()

    # -- building ----------------------------------------------------------
    def _applicant_box(self) -> QWidget:
        group, form = form_group(self.tr("申请人与办理方式"))
        self.channel = QComboBox()
        for c in Channel:
            self.channel.addItem(c.value, c.value)
        self.name = line_edit(self.tr("与身份证一致；生僻字可用输入法手写输入"))
        self.id_number = line_edit(self.tr("18 位公民身份号码"), max_length=18)
        self.phone = line_edit(self.tr("手机 11 位，座机如 0915-6321234"))
        self.address = line_edit(self.tr("如 西沟村三组"))
        groups = QWidget()
        grid = QGridLayout(groups)
        grid.setContentsMargins(0, 0, 0, 0)
        self.groups: dict[str, QCheckBox] = {}
        for i, name in enumerate(SPECIAL_GROUPS):
            box = QCheckBox(name)
            self.groups[name] = box
            grid.addWidget(box, i // 4, i % 4)

        self.case_type = QComboBox()
        for t in CaseType:
            self.case_type.addItem(t.value, t.value)
        self.reason = text_box()
        self.reason.setPlaceholderText(
            self.tr("退回件必填：写明依据的法律、法规或政策，将存档备查"))
        self.reason.setFixedHeight(56)
        self.done_on_spot = QCheckBox(self.tr("当场办结"))
        self.done_on_spot.setToolTip(self.tr("只有即办件、材料齐全时可以当场办结"))
        self.proxy = QCheckBox(self.tr("帮办代办"))
        self.agent = QComboBox()
        signed = self.desk.session.signed_in
        staff = self.desk.station.staff()
        for person in staff:
            self.agent.addItem(f"{person.name}（{person.role.label}）", person.name)
        # the signed-in person if they are an agent, else the station's agent
        agents = [p for p in staff if p.role == Role.AGENT]
        default = (signed if signed is not None and signed.role == Role.AGENT
                   else agents[0] if agents else signed)
        if default is not None:
            self.agent.setCurrentIndex(max(0, self.agent.findData(default.name)))
        self.door_to_door = QCheckBox(self.tr("上门服务"))
        proxy_row = QWidget()
        row = QHBoxLayout(proxy_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.proxy)
        row.addWidget(QLabel(self.tr("代办员")))
        row.addWidget(self.agent, 1)
        row.addWidget(self.door_to_door)
        self.first_ask = QLineEdit()
        if signed is not None:
            self.first_ask.setText(signed.name)
            self.first_ask.setReadOnly(True)
            self.first_ask.setToolTip(self.tr("首问责任人是当前登录的工作人员"))
        else:
            self.first_ask.setPlaceholderText(self.tr("请填写经办工作人员姓名"))
        self.note = QLineEdit()

        self.card_bar = CardReaderBar(self.desk.data_dir)
        self.card_bar.card_read.connect(self.fill_from_card)
        form.addRow(self.tr("来源渠道"), self.marks.field("channel", self.channel))
        form.addRow(self.tr("身份证"), self.card_bar)
        form.addRow(self.tr("申请人姓名"), self.marks.field("name", self.name))
        # a character the print font lacks is said as it is typed, not only after saving
        self.rare_hint = QLabel()
        self.rare_hint.setObjectName("alertDue")
        self.rare_hint.setWordWrap(True)
        self.rare_hint.hide()
        form.addRow("", self.rare_hint)
        form.addRow(self.tr("身份证号"), self.marks.field("id_number", self.id_number))
        form.addRow(self.tr("联系电话"), self.marks.field("phone", self.phone))
        form.addRow(self.tr("住址/村组"), self.marks.field("address", self.address))
        form.addRow(self.tr("特殊群体"), self.marks.field("groups", groups))
        form.addRow(self.tr("办件类型"), self.marks.field("case_type", self.case_type))
        form.addRow(self.tr("退回/不予受理理由"), self.marks.field("reason", self.reason))
        form.addRow("", self.marks.field("done_on_spot", self.done_on_spot))
        form.addRow(self.tr("帮办代办"), self.marks.field("proxy_agent", proxy_row))
        form.addRow(self.tr("首问责任人"), self.marks.field("first_ask", self.first_ask))
        form.addRow(self.tr("备注"), self.marks.field("note", self.note))
        self.marks.widgets["proxy_agent"] = [self.agent]  # outline the name, not the row

        self.marks.clear_when_edited(name=self.name, id_number=self.id_number, phone=self.phone,
                                     reason=self.reason)
        self.name.textChanged.connect(lambda _t: self.check_rare_characters())
        self.address.textChanged.connect(lambda _t: self.check_rare_characters())
        self.case_type.currentIndexChanged.connect(lambda _i: self._update_case_options())
        self.proxy.toggled.connect(lambda _on: self._update_case_options())
        return group

    def check_rare_characters(self) -> None:
        warning = rare_character_warning(self.name.text(), self.address.text())
        self.rare_hint.setText("⚠ " + warning if warning else "")
        self.rare_hint.setVisible(warning is not None)

    def _item_box(self) -> QWidget:
        group = QGroupBox(self.tr("办理事项与收件材料"))
        layout = QVBoxLayout(group)
        self._add_item_picker(layout, self.marks, list_height=150)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("收件材料（收到的请打勾；未收齐即为待补正）")), 1)
        self.capture_button = QPushButton(self.tr("拍照收件…"))
        self.capture_button.setToolTip(
            self.tr("用高拍仪拍下所选材料（可拍多页），拍好后自动打勾"))
        self.capture_button.clicked.connect(self.capture_selected)
        head.addWidget(self.capture_button)
        self.all_received = QPushButton(self.tr("全部收齐"))
        self.all_received.clicked.connect(self.tick_all_materials)
        head.addWidget(self.all_received)
        layout.addLayout(head)
        self.materials = QListWidget()
        self.materials.setMinimumHeight(140)
        layout.addWidget(self.marks.field("materials", self.materials, grow=True), 4)
        self.materials.itemChanged.connect(lambda _i: self._update_case_options())
        self.materials.itemDoubleClicked.connect(lambda _i: self.capture_selected())
        return group

    # -- item and materials ------------------------------------------------
    def _show_item(self, item: CatalogueItem) -> None:
        self.marks.clear("materials")
        self.materials.blockSignals(True)
        self.materials.clear()
        for m in item.materials:
            if m.originals + m.copies == 0:
                text = self.tr("%1（无需提交）").replace("%1", m.name)
            else:
                text = (self.tr("%1（原件%2份，复印件%3份）").replace("%1", m.name)
                        .replace("%2", str(m.originals)).replace("%3", str(m.copies)))
            entry_m = QListWidgetItem(text)
            entry_m.setData(CODE_ROLE, m.name)
            entry_m.setToolTip(m.note or m.name)
            if m.originals + m.copies == 0:
                entry_m.setFlags(Qt.ItemFlag.ItemIsEnabled)
                entry_m.setCheckState(Qt.CheckState.Checked)
            else:
                entry_m.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                entry_m.setCheckState(Qt.CheckState.Unchecked)
            self.materials.addItem(entry_m)
        self.materials.blockSignals(False)
        self.case_type.setCurrentIndex(self.case_type.findData(item.case_type.value))
        self.item_info.setText(item_summary(
            item, self.tr("办事指南要素尚未经县级核实，一次性告知前请与镇中心核对")))
        self._update_case_options()

    # -- devices -----------------------------------------------------------
    def fill_from_card(self, card: IdCard) -> None:
        """What the reader gives goes into the fields; the clerk still checks them."""
        self.name.setText(card.name)
        self.id_number.setText(card.id_number)
        self.address.setText(card.address)
        if self.channel.currentData() != Channel.VISIT.value:
            self.channel.setCurrentIndex(self.channel.findData(Channel.VISIT.value))

    def capture_selected(self) -> None:
        """拍照 the selected material; its pages wait here until the case is registered."""
        entry = self.materials.currentItem()
        if entry is None or not entry.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            prompts.warn(self, self.tr("拍照收件"), self.tr("请先在收件材料里选中要拍的那一项"))
            return
        material = str(entry.data(CODE_ROLE))
        scan = capture.capture_material(self, self.desk.data_dir, material)
        if scan is None:
            return
        self.scans.add(material, scan)
        entry.setCheckState(Qt.CheckState.Checked)
        entry.setToolTip(self.tr("已拍照：%1").replace("%1", scan.name))
        entry.setText(entry.text().split("　📷")[0] + "　📷 " + scan.name)

    def tick_all_materials(self) -> None:
        for i in range(self.materials.count()):
            self.materials.item(i).setCheckState(Qt.CheckState.Checked)

    def set_received(self, names: list[str]) -> None:
        """Tick exactly these materials (by name)."""
        for i in range(self.materials.count()):
            entry = self.materials.item(i)
            if entry.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                entry.setCheckState(Qt.CheckState.Checked if entry.data(CODE_ROLE) in names
                                    else Qt.CheckState.Unchecked)

    def received(self) -> tuple[str, ...]:
        return tuple(str(self.materials.item(i).data(CODE_ROLE))
                     for i in range(self.materials.count())
                     if self.materials.item(i).checkState() == Qt.CheckState.Checked)

    def _all_received(self) -> bool:
        return all(self.materials.item(i).checkState() == Qt.CheckState.Checked
                   for i in range(self.materials.count()))

    def _update_case_options(self) -> None:
        self.marks.clear("materials")
        immediate = self.case_type.currentData() == CaseType.IMMEDIATE.value
        can_finish = immediate and self._item is not None and self._all_received()
        self.done_on_spot.setEnabled(can_finish)
        if not can_finish:
            self.done_on_spot.setChecked(False)
        on = self.proxy.isChecked()
        self.agent.setEnabled(on)
        self.door_to_door.setEnabled(on)
        if not on:
            self.door_to_door.setChecked(False)

    # -- errors ------------------------------------------------------------
    def clear_errors(self) -> None:
        self.marks.clear_all()

    def is_marked(self, key: str) -> bool:
        """True when the field is shown as wrong (for tests and screen checks)."""
        return self.marks.is_marked(key)

    def error_text(self, key: str) -> str:
        return self.marks.text(key)

    def show_errors(self, errors: dict[str, str]) -> None:
        self.marks.show(errors)

    # -- saving ------------------------------------------------------------
    def case_input(self) -> CaseInput:
        groups = tuple(name for name, box in self.groups.items() if box.isChecked())
        return CaseInput(
            item=self._item.code if self._item else "",
            applicant=Applicant(self.name.text(), self.id_number.text(), self.phone.text(),
                                self.address.text(), groups),
            channel=str(self.channel.currentData()),
            case_type=str(self.case_type.currentData()),
            first_ask=self.first_ask.text().strip() or None,
            received=self.received(),
            proxy=self.proxy.isChecked(),
            proxy_agent=str(self.agent.currentData()) if self.proxy.isChecked() else None,
            door_to_door=self.door_to_door.isChecked(),
            reason=self.reason.toPlainText(),
            done_on_spot=self.done_on_spot.isChecked() and self.done_on_spot.isEnabled(),
            note=self.note.text(),
            request_id=self.request_id,
        )

    def save(self) -> None:
        self.clear_errors()
        try:
            result = self.desk.cases.register(self.case_input())
        except InvalidCase as exc:
            errors = dict(exc.errors)
            if "item" in errors and self._item is None:
                errors["item"] = self.tr("请选择办理事项（可输入名称或拼音首字母查找）")
            self.show_errors(errors)
            prompts.warn(self, self.tr("还不能登记"),
                         self.tr("请按红框处的提示改正后再登记：") + "\n"
                         + "\n".join("· " + m for m in errors.values()))
            return
        except UserError as exc:
            prompts.warn(self, self.tr("还不能登记"), exc.message)
            return
        self.registered = result
        case_no = result.case.case_no
        photo = self.card_bar.photo_to_keep()
        self.card_bar.stop()
        if not self.scans and not photo:
            self._offer_then_close(result)
            return

        def attached(failed: list[str]) -> None:
            say_not_attached(self, case_no, failed)
            self._offer_then_close(result)

        def not_attached(exc: BaseException) -> None:  # the case stands all the same
            report_failure(self, self.tr("扫描件没有保存"), exc)
            self._offer_then_close(result)

        # in the runner: seconds for several pages; the form waits, greyed
        self.saving_scans.start(lambda _progress: self.scans.attach_each(
            self.desk, case_no, photo), failed_title=self.tr("扫描件没有保存"),
            on_done=attached, on_failed=not_attached)

    def _offer_then_close(self, result: Registered) -> None:
        after_intake.offer_notices(self, self.desk, result, self._summary(result))
        if result.case.status == Status.COMPLETED:
            rating_screen.offer_rating(self, self.desk, result.case.case_no)
        self.accept()

    def _summary(self, result: Registered) -> str:
        case = result.case
        lines = [self.tr("办件编号：") + case.case_no,
                 self.tr("申请人：") + case.applicant.name,
                 self.tr("事项：") + case.item_name,
                 self.tr("状态：") + case.status.value]
        if case.deadline is not None:
            due = f"{case.deadline:%Y-%m-%d}"
            if case.extra.get("deadline_provisional"):
                due += self.tr("（暂定）")
            lines.append(self.tr("承诺办结日期：") + due)
        elif case.supplement_due is not None:
            lines.append(self.tr("补正告知期限：") + f"{case.supplement_due:%Y-%m-%d}")
        if result.warnings:
            lines.append("")
            lines.append(self.tr("请注意："))
            lines.extend("· " + w for w in result.warnings)
        return "\n".join(lines)
