"""预约登记: an appointment taken by phone or from the platform (manual §四.4).

While the caller is still on the line the clerk picks the item and reads out
every material to bring (一次性告知); the materials shown are exactly the ones
the booking stores as told. As in the intake form, nothing typed is lost when
the desk refuses: each field at fault is outlined in red with its message.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...devices.idcard import IdCard
from ...domain.cases import Applicant
from ...domain.catalogue import CatalogueItem, Material
from ...domain.errors import UserError
from ...domain.service import ApptChannel, ApptKind
from ...domain.station import Role
from ...services.appointments import ApptInput, Booked
from ...services.cases import InvalidCase
from ...services.desk import Desk
from ..devices.card_reading import CardReaderBar
from ..widgets import palette, prompts, status
from ..widgets.field_marks import INVALID_STYLE, FieldMarks
from ..widgets.forms import EnterDoesNotSubmit, form_group, line_edit, save_cancel_buttons
from ..widgets.item_picker import ItemListMixin, item_summary
from ..widgets.screen_fit import fit_to_screen

CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
WEEKDAYS = "一二三四五六日"


def weekday(d: date) -> str:
    return "周" + WEEKDAYS[d.weekday()]


def to_qt(moment: datetime) -> QDateTime:
    """A wall-clock time for a QDateTimeEdit (local time, no zone conversion)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return QDateTime(QDate(moment.year, moment.month, moment.day),
                     QTime(moment.hour, moment.minute))


def material_text(m: Material) -> str:
    if m.originals + m.copies == 0:
        return f"{m.name}（无需提交）"
    parts = []
    if m.originals:
        parts.append(f"原件{m.originals}份")
    if m.copies:
        parts.append(f"复印件{m.copies}份")
    return f"{m.name}（{'，'.join(parts)}）"


class AppointmentDialog(ItemListMixin, EnterDoesNotSubmit):
    def __init__(self, desk: Desk, parent: QWidget | None = None,
                 when: datetime | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.booked: Booked | None = None
        self._item: CatalogueItem | None = None
        self.setWindowTitle(self.tr("新预约"))
        self.setStyleSheet(INVALID_STYLE + f"QLabel#dayInfo {{ color: {palette.SECONDARY}; }}")
        fit_to_screen(self, 1040, 640)

        outer = QVBoxLayout(self)
        self.marks = FieldMarks()
        outer.addWidget(self.marks.general)
        columns = QHBoxLayout()
        outer.addLayout(columns, 1)
        columns.addWidget(self._who_box(when), 5)
        columns.addWidget(self._item_box(), 6)
        buttons = save_cancel_buttons(self, self.tr("预约"))
        buttons.accepted.connect(self.save)
        outer.addWidget(buttons)
        self._fill_items()
        self._kind_changed()
        self._day_changed()

    def has_input(self) -> bool:
        return bool(self.name.text().strip() or self.phone.text().strip()
                    or self.id_number.text().strip() or self._item is not None)

    def reject(self) -> None:
        if (self.booked is None and self.has_input()
                and not prompts.confirm(self, self.tr("放弃预约"),
                                        self.tr("已填写的内容不会保存。确定放弃这次预约？"))):
            return
        super().reject()

    # -- building ----------------------------------------------------------
    def _who_box(self, when: datetime | None) -> QWidget:
        group, form = form_group(self.tr("预约人与时间"))
        f = self.marks.field

        self.channel = QComboBox()
        for c in ApptChannel:
            self.channel.addItem(c.value, c.value)
        self.kind = QComboBox()
        for k in ApptKind:
            self.kind.addItem(self.tr(k.value + "服务") if k != ApptKind.WINDOW
                              else self.tr("窗口办理"), k.value)
        self.kind_hint = QLabel()
        self.kind_hint.setObjectName("dayInfo")
        self.kind_hint.setWordWrap(True)

        self.name = line_edit(self.tr("预约人姓名"))
        self.id_number = line_edit(self.tr("可不填；办理时再核对"), max_length=18)
        self.phone = line_edit(self.tr("必填：提前联系或改期用"))
        self.address = line_edit()

        self.at = QDateTimeEdit()
        self.at.setLocale(CHINESE)
        self.at.setCalendarPopup(True)
        self.at.setDisplayFormat("yyyy-MM-dd ddd HH:mm")
        self.at.setDateTime(to_qt(when or self._default_time()))
        self.day_info = QLabel()
        self.day_info.setObjectName("dayInfo")
        self.day_info.setWordWrap(True)
        self.minutes = QSpinBox()
        self.minutes.setRange(10, 480)
        self.minutes.setSingleStep(10)
        self.minutes.setValue(30)
        self.minutes.setSuffix(self.tr(" 分钟"))

        self.staff = QComboBox()
        signed = self.desk.session.signed_in
        for person in self.desk.station.staff():
            self.staff.addItem(f"{person.name}（{person.role.label}）", person.name)
        if signed is not None:
            self.staff.setCurrentIndex(max(0, self.staff.findData(signed.name)))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("如：行动不便，需上门采集信息"))

        form.addRow(self.tr("预约渠道"), f("channel", self.channel))
        form.addRow(self.tr("服务方式"), f("kind", self.kind))
        form.addRow("", self.kind_hint)
        self.card_bar = CardReaderBar(self.desk.data_dir, offer_photo=False)
        self.card_bar.card_read.connect(self._fill_from_card)
        form.addRow(self.tr("身份证"), self.card_bar)
        form.addRow(self.tr("预约人姓名"), f("name", self.name))
        form.addRow(self.tr("身份证号"), f("id_number", self.id_number))
        form.addRow(self.tr("联系电话"), f("phone", self.phone))
        self.address_label = QLabel(self.tr("住址/村组"))
        form.addRow(self.address_label, f("address", self.address))
        form.addRow(self.tr("预约时间"), f("at", self.at))
        form.addRow("", self.day_info)
        form.addRow(self.tr("预计时长"), f("minutes", self.minutes))
        form.addRow(self.tr("负责工作人员"), f("staff", self.staff))
        form.addRow(self.tr("备注"), f("note", self.note))
        self.marks.widgets["kind"] = [self.kind, self.channel]  # the desk names both "kind"

        self.marks.clear_when_edited(name=self.name, id_number=self.id_number, phone=self.phone,
                                     address=self.address)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.at.dateTimeChanged.connect(lambda _d: self._day_changed())
        self.staff.currentIndexChanged.connect(lambda _i: self.marks.clear("staff"))
        return group

    def _fill_from_card(self, card: IdCard) -> None:
        self.name.setText(card.name)
        self.id_number.setText(card.id_number)
        self.address.setText(card.address)

    def _item_box(self) -> QWidget:
        group = QGroupBox(self.tr("办理事项与一次性告知"))
        layout = QVBoxLayout(group)
        self._add_item_picker(layout, self.marks, list_height=140)
        self.materials_title = QLabel(self.tr("请告知预约人带齐以下全部材料（一次性告知）："))
        layout.addWidget(self.materials_title)
        self.materials = QListWidget()
        self.materials.setMinimumHeight(120)
        self.materials.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        layout.addWidget(self.materials, 3)
        return group

    def _default_time(self) -> datetime:
        """The next open day at 09:00: a phone booking is rarely for the same day."""
        return datetime.combine(self.desk.calendar.next_open_day(date.today()), time(9, 0))

    # -- reacting ------------------------------------------------------------
    def _kind_changed(self) -> None:
        self.marks.clear("kind")
        self.marks.clear("address")
        kind = ApptKind(self.kind.currentData())
        home = kind == ApptKind.HOME
        self.address_label.setText(self.tr("上门地址 *") if home else self.tr("住址/村组"))
        self.address.setPlaceholderText(self.tr("上门服务必填，如 西沟村四组12号") if home
                                        else self.tr("如 西沟村三组"))
        self.kind_hint.setText({
            ApptKind.WINDOW: self.tr("在工作日到窗口办理，按约定时间优先接待。"),
            ApptKind.HOME: self.tr("对行动不便等特殊群体上门服务，一般由帮办代办员前往。"),
            ApptKind.HOLIDAY: self.tr("法定节假日、休息日预约办理，须安排人员值班。"),
        }[kind])
        signed = self.desk.session.signed_in
        if home and (signed is None or signed.role != Role.AGENT):
            agent = next((s for s in self.desk.station.staff() if s.role == Role.AGENT), None)
            if agent is not None:
                self.staff.setCurrentIndex(max(0, self.staff.findData(agent.name)))
        self._day_changed()

    def _day_changed(self) -> None:
        self.marks.clear("at")
        moment = self.at.dateTime().toPython()
        assert isinstance(moment, datetime)
        d = moment.date()
        open_day = self.desk.calendar.is_open_day(d)
        if open_day is None:
            text = self.tr("缺少 %1 年放假安排，无法核对当天是否上班").replace("%1", str(d.year))
        elif open_day:
            text = self.tr("%1 工作日").replace("%1", weekday(d))
        else:
            text = self.tr("%1 休息日：只能约“节假日服务”或“上门服务”").replace("%1", weekday(d))
        self.day_info.setText(text)

    # -- item and materials --------------------------------------------------
    def _show_item(self, item: CatalogueItem) -> None:
        self.materials.clear()
        for n, m in enumerate(item.materials, 1):
            line = QListWidgetItem(f"{n}. {material_text(m)}")
            line.setToolTip(m.note or m.name)
            self.materials.addItem(line)
        self.item_info.setText(item_summary(
            item, self.tr("材料清单尚未经县级核实，告知前请与镇中心核对")))

    def told(self) -> list[str]:
        """The materials as read out to the caller."""
        return [self.materials.item(i).text() for i in range(self.materials.count())]

    # -- errors ----------------------------------------------------------------
    def is_marked(self, key: str) -> bool:
        return self.marks.is_marked(key)

    def error_text(self, key: str) -> str:
        return self.marks.text(key)

    # -- saving ----------------------------------------------------------------
    def appt_input(self) -> ApptInput:
        moment = self.at.dateTime().toPython()
        assert isinstance(moment, datetime)
        return ApptInput(
            applicant=Applicant(self.name.text(), self.id_number.text(), self.phone.text(),
                                self.address.text()),
            item=self._item.code if self._item else "",
            at=moment.replace(second=0, microsecond=0),
            kind=ApptKind(self.kind.currentData()).value,
            channel=ApptChannel(self.channel.currentData()).value,
            staff=str(self.staff.currentData() or "") or None,
            minutes=self.minutes.value(),
            note=self.note.text())

    def save(self) -> None:
        self.marks.clear_all()
        try:
            result = self.desk.appointments.book(self.appt_input())
        except InvalidCase as exc:
            errors = dict(exc.errors)
            if "item" in errors and self._item is None:
                errors["item"] = self.tr("请选择办理事项（可输入名称或拼音首字母查找）")
            self.marks.show(errors)
            prompts.warn(self, self.tr("还不能预约"),
                         self.tr("请按红框处的提示改正后再预约：") + "\n"
                         + "\n".join("· " + m for m in errors.values()))
            return
        except UserError as exc:
            if exc.field:
                self.marks.show({exc.field: exc.message})
            prompts.warn(self, self.tr("还不能预约"), exc.message)
            return
        self.booked = result
        if result.warnings:  # something to act on: the whole booking in a box
            prompts.warn(self, self.tr("已预约，请注意"), self.summary(result))
        else:
            a = result.appointment
            status.say(self.parentWidget(), self.tr("已预约 %1：%2 %3，%4 负责").replace(
                "%1", a.appt_no).replace("%2", a.applicant_name)
                .replace("%3", f"{a.at.astimezone():%m-%d %H:%M}").replace("%4", a.staff_name))
        self.accept()

    def summary(self, result: Booked) -> str:
        a = result.appointment
        local = a.at.astimezone()
        lines = [self.tr("预约编号：") + a.appt_no,
                 self.tr("预约人：") + f"{a.applicant_name}　{a.phone}",
                 self.tr("时间：") + f"{local:%Y-%m-%d} {weekday(local.date())} "
                 f"{local:%H:%M}–{a.end.astimezone():%H:%M}",
                 self.tr("方式：") + f"{a.kind.value}（{a.channel.value}预约）"
                 + (f"　{a.address}" if a.kind == ApptKind.HOME else ""),
                 self.tr("事项：") + a.item_name,
                 self.tr("负责：") + a.staff_name,
                 "",
                 self.tr("已告知预约人带齐以下材料：")]
        lines += [f"{n}. {m}" for n, m in enumerate(a.materials_told, 1)]
        if result.warnings:
            lines += ["", self.tr("请注意：")]
            lines += ["· " + w for w in result.warnings]
        return "\n".join(lines)
