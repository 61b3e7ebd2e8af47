"""The archive page's small forms: 归档 a finished case, register a 查阅/复印 request,
and the head's answer to one; each gives back what was filled in."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.archive import Borrowing, BorrowKind, Retention
from ..widgets.forms import either_or, ok_cancel_buttons, text_box


@dataclass(frozen=True)
class FilingInput:
    case_no: str
    retention: Retention | None  # None: by the case type (即办件 10 年, others 30 年)
    location: str = ""


@dataclass(frozen=True)
class BorrowInput:
    archive_no: str
    borrower: str
    purpose: str
    kind: BorrowKind


@dataclass(frozen=True)
class Decision:
    approve: bool
    reason: str = ""


class FilingDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("归档"))
        self.resize(520, 0)
        form = QFormLayout(self)
        self.case_no = QLineEdit()
        self.case_no.setPlaceholderText(self.tr("已办结的办件编号"))
        self.retention = QComboBox()
        self.retention.addItem(self.tr("按办件类型（设置 → 办理规则里的保管期限）"), "")
        for r in Retention:
            self.retention.addItem(r.label, r.value)
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("如：档案柜1 第2层"))
        form.addRow(self.tr("办件编号"), self.case_no)
        form.addRow(self.tr("保管期限"), self.retention)
        form.addRow(self.tr("存放位置"), self.location)
        form.addRow(ok_cancel_buttons(self, self.tr("归档")))

    def result_input(self) -> FilingInput:
        code = str(self.retention.currentData() or "")  # Qt hands StrEnum data back as str
        return FilingInput(self.case_no.text().strip(), Retention(code) if code else None,
                           self.location.text().strip())


class BorrowDialog(QDialog):
    def __init__(self, archive_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记查阅/复印"))
        self.resize(520, 0)
        form = QFormLayout(self)
        self.archive_no = QLineEdit(archive_no)
        self.borrower = QLineEdit()
        self.borrower.setPlaceholderText(self.tr("姓名及单位"))
        self.purpose = QLineEdit()
        self.purpose.setPlaceholderText(self.tr("如：办理继承公证需要"))
        self.kind = QComboBox()
        for k in BorrowKind:
            self.kind.addItem(k.value, k.value)
        note = QLabel(self.tr("查阅、复印档案须经站长同意（登记后由站长审批）。"))
        note.setObjectName("muted")
        form.addRow(self.tr("档号"), self.archive_no)
        form.addRow(self.tr("查阅/复印人"), self.borrower)
        form.addRow(self.tr("用途"), self.purpose)
        form.addRow(self.tr("方式"), self.kind)
        form.addRow(note)
        form.addRow(ok_cancel_buttons(self, self.tr("登记")))

    def result_input(self) -> BorrowInput:
        return BorrowInput(self.archive_no.text().strip(), self.borrower.text().strip(),
                           self.purpose.text().strip(), BorrowKind(str(self.kind.currentData())))


class DecisionDialog(QDialog):
    def __init__(self, borrowing: Borrowing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("审批查阅/复印"))
        self.resize(520, 0)
        layout = QVBoxLayout(self)
        facts = QLabel(self.tr("%1 申请%2档案 %3\n用途：%4")
                       .replace("%1", borrowing.borrower).replace("%2", borrowing.kind.value)
                       .replace("%3", borrowing.archive_no).replace("%4", borrowing.purpose))
        facts.setWordWrap(True)
        layout.addWidget(facts)
        self.approve, self.refuse = either_or(self, self.tr("同意"), self.tr("不同意"))
        row = QHBoxLayout()
        row.addWidget(self.approve)
        row.addWidget(self.refuse)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("不同意的理由：")))
        self.reason = text_box()
        self.reason.setFixedHeight(70)
        self.reason.setEnabled(False)
        self.refuse.toggled.connect(self.reason.setEnabled)
        layout.addWidget(self.reason)
        layout.addWidget(ok_cancel_buttons(self, self.tr("确定")))

    def result_input(self) -> Decision:
        approve = self.approve.isChecked()
        return Decision(approve, "" if approve else self.reason.toPlainText().strip())


# -- what the page asks (replaceable in tests, by the page's own names) ------

def ask_filing(parent: QWidget) -> FilingInput | None:
    """Replaceable in tests: which finished case to file, and for how long."""
    dialog = FilingDialog(parent)
    return dialog.result_input() if dialog.exec() == 1 else None


def ask_borrow(parent: QWidget, archive_no: str) -> BorrowInput | None:
    """Replaceable in tests: a 查阅/复印 request (`archive_no` is a suggestion)."""
    dialog = BorrowDialog(archive_no, parent)
    return dialog.result_input() if dialog.exec() == 1 else None


def ask_decision(parent: QWidget, borrowing: Borrowing) -> Decision | None:
    """Replaceable in tests: the head's answer to a request."""
    dialog = DecisionDialog(borrowing, parent)
    return dialog.result_input() if dialog.exec() == 1 else None
