"""One case: who, what, until when, what happened so far, and what may happen next.

Only the moves the rules allow are offered (`offered_moves`); a written reason
is asked for where one is required, and every refusal is shown as the desk
words it. Each action is written to the case's timeline.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.cases import (
    NEEDS_REASON,
    Case,
    ProxyStep,
    Status,
    next_proxy_step,
    offered_moves,
)
from ...domain.catalogue import CaseType
from ...services.desk import Desk
from ..archive.attachments import AttachmentsPanel
from ..devices import rating_screen
from ..notices.actions import notice_button
from ..widgets import prompts
from ..widgets.screen_fit import fit_to_screen
from .clock_view import clock_rows, days_left_html
from .correction_dialog import correction_buttons, show_correction_buttons
from .detail_html import REVEAL_LINK, header_html, materials_html
from .extension_dialog import ExtensionDialog
from .full_number import FullNumberDialog
from .notify_dialog import NotifyDialog
from .timeline_view import TimelineBox

# -- replaceable questions (tests assign their own) ---------------------------


def _ask_choice(parent: QWidget | None, title: str, label: str,
                choices: list[str]) -> str | None:
    """Pick one of `choices` or type another (e.g. a department not yet listed)."""
    text, ok = QInputDialog.getItem(parent, title, label, choices, 0, True)
    return text.strip() if ok and text.strip() else None


def _open_dialog(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def _show_full_number(parent: QWidget, case_no: str, number: str) -> None:
    FullNumberDialog(case_no, number, parent).exec()


ask_text = prompts.ask_lines
ask_choice = _ask_choice
open_dialog = _open_dialog
show_full_number = _show_full_number

# What the button for a move says.
_MOVE_LABELS = {
    Status.ACCEPTED: "补正齐全，受理",
    Status.IN_PROGRESS: "开始办理（办理中）",
    Status.COMPLETED: "办结",
    Status.NOT_ACCEPTED: "不予受理…",
    Status.RETURNED: "退回…",
    Status.WITHDRAWN: "申请人撤回…",
}


class CaseDetailDialog(QDialog):
    def __init__(self, desk: Desk, case_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.case: Case = desk.cases.get(case_no)
        self.changed = False
        self.status_buttons: dict[Status, QPushButton] = {}
        fit_to_screen(self, 980, 720)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        self.split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        facts = QHBoxLayout(top)
        facts.setContentsMargins(0, 0, 0, 0)
        self.header = QTextBrowser()  # who, what, until when
        self.header.setOpenLinks(False)
        self.header.anchorClicked.connect(self._header_link)
        self.side = QTextBrowser()  # materials and departments
        self.side.setOpenLinks(False)
        facts.addWidget(self.header, 3)
        facts.addWidget(self.side, 2)
        self.split.addWidget(top)
        # 办理经过 and the scans are made in the turn after the dialog's first paint
        # (issue 12: made, polished and painted with the rest in one turn, opening a
        # case with 20 scans held the window 210-300 ms); asking for either makes them
        self._timeline_box: TimelineBox | None = None
        self._attachments: AttachmentsPanel | None = None
        layout.addWidget(self.split, 1)

        self.actions_row = QHBoxLayout()
        layout.addLayout(self.actions_row)
        self.extra_row = QHBoxLayout()
        layout.addLayout(self.extra_row)
        self.notice_button = QPushButton(self.tr("记录补正告知"))
        self.notice_button.setToolTip(self.tr("已向申请人一次性告知需补正的全部材料"))
        self.notice_button.clicked.connect(self.record_notice)
        self.proxy_button = QPushButton()
        self.proxy_button.clicked.connect(self.next_proxy_step)
        self.extend_button = QPushButton(self.tr("延期（须站长批准）…"))
        self.extend_button.clicked.connect(self.extend)
        self.suspend_button = QPushButton()
        self.suspend_button.clicked.connect(self.suspend_or_resume)
        self.notify_button = QPushButton(self.tr("告知申请人…"))
        self.notify_button.setToolTip(self.tr("记录补正、交费、办结的告知（书面、电话、短信、上门）"))
        self.notify_button.clicked.connect(self.notify)
        self.department_button = QPushButton(self.tr("联办部门进度…"))
        self.department_button.clicked.connect(self.department_step)
        self.print_button = notice_button(self, desk, case_no)
        QShortcut(QKeySequence.StandardKey.Print, self).activated.connect(
            self.print_button.showMenu)
        self.correct_button, self.receive_button = correction_buttons(
            self, desk, lambda: self.case, self._done)
        for b in (self.print_button, self.correct_button, self.receive_button,
                  self.notice_button, self.notify_button, self.proxy_button,
                  self.extend_button, self.suspend_button, self.department_button):
            self.extra_row.addWidget(b)
        self.extra_row.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        self.extra_row.addWidget(close)
        self.reload()

    # -- showing -----------------------------------------------------------
    def reload(self) -> None:
        self.case = self.desk.cases.get(self.case.case_no)
        case = self.case
        self.setWindowTitle(self.tr("办件 %1").replace("%1", case.case_no))
        self.title.setText(f"{case.case_no}　{case.applicant.name}　{case.item_name}")
        self.clock = self.desk.cases.clock(case)
        clock = clock_rows(self.clock, days_left_html(self.desk.cases.days_left(case)))
        self.header.setHtml(header_html(case, clock, self.desk.notifications.states(case.case_no),
                                        self.tr))
        self.side.setHtml(materials_html(case, self.tr))
        self._fill_timeline()
        self._rebuild_actions()

    def header_text(self) -> str:
        """Everything the header shows, as plain text (for tests)."""
        return self.header.toPlainText() + "\n" + self.side.toPlainText()

    def _header_link(self, url: QUrl) -> None:
        if url.toString() == REVEAL_LINK:
            self.reveal_id_number()

    def reveal_id_number(self) -> bool:
        """The full number in its own dialog, only while that is open; the viewing is
        recorded first (who, when, this case) and shows in 办理经过."""
        case_no = self.case.case_no
        number = prompts.attempt(self, lambda: self.desk.viewing.reveal_id_number(case_no),
                                 self.tr("不能显示"))
        if number is None:
            return False
        self._fill_timeline()
        show_full_number(self, case_no, number)
        return True

    # -- the lower half, made after the first paint --------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._attachments is None:
            # a timer, not a queued call: the window repaints and takes keys between
            # the parts (a zero timeout runs before them, in the same turn)
            QTimer.singleShot(1, self, self._make_timeline)

    def lower_half_made(self) -> bool:
        return self._attachments is not None

    def _make_timeline(self) -> None:
        if self._timeline_box is None:
            self._timeline_box = TimelineBox()
            self.split.insertWidget(1, self._timeline_box)
            self._fill_timeline()
        if self._attachments is None:
            QTimer.singleShot(1, self, self._make_attachments)

    def _make_attachments(self) -> None:
        if self._attachments is not None:
            return
        self._attachments = AttachmentsPanel(self.desk, self.case.case_no)
        self.split.addWidget(self._attachments)
        self._attachments.added.connect(self._done)
        if self.read_only is not None:
            self._attachments.add_button.setVisible(False)
            self._attachments.camera_button.setVisible(False)
        # no scans yet: the panel needs a line, the dates above need the room
        self.split.setSizes([300, 200, 220] if self._attachments.infos else [400, 240, 80])
        # Tab goes down the dialog as before: the history and scans, then the buttons
        assert self._timeline_box is not None
        chain = (self.side, self._timeline_box.view, self._attachments.camera_button,
                 self._attachments.add_button, self._attachments.list, self.print_button)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    @property
    def attachments(self) -> AttachmentsPanel:
        self._make_timeline()
        self._make_attachments()
        assert self._attachments is not None
        return self._attachments

    @property
    def timeline(self) -> TimelineBox:
        self._make_timeline()
        assert self._timeline_box is not None
        return self._timeline_box

    def _fill_timeline(self) -> None:
        if self._timeline_box is not None:  # not made yet: filled when made
            self._timeline_box.fill(self.desk.viewing.timeline(self.case))

    def timeline_texts(self) -> list[str]:
        return self.timeline.texts()

    def _rebuild_actions(self) -> None:
        while self.actions_row.count():
            entry = self.actions_row.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.deleteLater()
        self.status_buttons.clear()
        case = self.case
        # a village's case at the town, not handed over: read-only, no actions
        self.read_only = self.desk.cases.read_only_reason(case)
        if self.read_only is not None:
            note = QLabel(self.read_only)
            note.setObjectName("alerts")
            note.setWordWrap(True)
            self.actions_row.addWidget(note, 1)
            for b in (self.print_button, self.correct_button, self.receive_button,
                      self.notice_button, self.notify_button, self.proxy_button,
                      self.extend_button, self.suspend_button, self.department_button):
                b.setVisible(False)
            if self._attachments is not None:  # not made yet: hidden when made
                self._attachments.add_button.setVisible(False)
                self._attachments.camera_button.setVisible(False)
            return
        self.notify_button.setVisible(True)
        allowed = offered_moves(case)
        if allowed:
            self.actions_row.addWidget(QLabel(self.tr("办理：")))
        for target in allowed:
            button = QPushButton(self.tr(_MOVE_LABELS[target]))
            button.setToolTip(self.tr("状态改为“%1”").replace("%1", target.value))
            button.clicked.connect(lambda _c=False, t=target: self.advance(t))
            self.actions_row.addWidget(button)
            self.status_buttons[target] = button
        if not allowed:
            done = QLabel(self.tr("本件已结束（%1），不能再改变状态。").replace(
                "%1", case.status.value))
            done.setObjectName("muted")
            self.actions_row.addWidget(done)
        self.actions_row.addStretch()
        self.notice_button.setVisible(case.status == Status.SUPPLEMENT
                                      and case.supplement_notice_at is None)
        show_correction_buttons(case, self.correct_button, self.receive_button)
        step = next_proxy_step(case.proxy_step) if case.proxy else None
        self.proxy_button.setVisible(step is not None)
        if step is not None:
            self.proxy_button.setText(self.tr("代办下一步：%1").replace("%1", step.value))
        running = case.status.is_open and case.deadline is not None
        self.extend_button.setVisible(running)
        self.suspend_button.setVisible(running)
        self.suspend_button.setText(self.tr("恢复计时") if self.clock.suspended_now
                                    else self.tr("中止计时…"))
        self.department_button.setVisible(case.case_type == CaseType.JOINT
                                          and case.status.is_open)

    # -- actions -----------------------------------------------------------
    def _done(self) -> None:
        self.changed = True
        self.reload()

    def advance(self, target: Status) -> bool:
        note = ""
        if target in NEEDS_REASON:
            answer = ask_text(self, self.tr("改为“%1”").replace("%1", target.value),
                              self.tr("请写明书面理由（依据的法律、法规或政策），将存档备查："))
            if answer is None:
                return False
            note = answer
        elif target == Status.COMPLETED and not prompts.confirm(
                self, self.tr("办结"),
                self.tr("确认“%1”已办结？办结后不能再改变状态。").replace(
                    "%1", self.case.item_name)):
            return False
        case_no = self.case.case_no
        if prompts.attempt(self, lambda: self.desk.cases.advance(case_no, target, note),
                           self.tr("不能改变状态")) is None:
            return False
        self._done()
        if target == Status.COMPLETED:
            rating_screen.offer_rating(self, self.desk, case_no)
        return True

    def record_notice(self) -> bool:
        case_no = self.case.case_no
        if prompts.attempt(self, lambda: self.desk.cases.record_supplement_notice(case_no),
                           self.tr("不能记录")) is None:
            return False
        self._done()
        return True

    def next_proxy_step(self) -> bool:
        step: ProxyStep | None = next_proxy_step(self.case.proxy_step)
        if step is None:
            return False
        note = ask_text(self, self.tr("代办：%1").replace("%1", step.value),
                        self.tr("说明（可不填），如送达方式、回访情况："))
        if note is None:
            return False
        case_no = self.case.case_no
        if prompts.attempt(self, lambda: self.desk.cases.proxy_step(case_no, step, note),
                           self.tr("不能记录代办进度")) is None:
            return False
        self._done()
        return True

    def extend(self) -> bool:
        """§42 for 行政许可 items, the applicant's consent otherwise; the head approves
        and the 延期告知书 is issued in the same step."""
        case = self.case
        dialog = ExtensionDialog(self.desk, case.case_no, self.clock,
                                 licence=bool(case.extra.get("licence")),
                                 joint=case.case_type == CaseType.JOINT, parent=self)
        if not open_dialog(dialog):
            return False
        self._done()
        return True

    def suspend_or_resume(self) -> bool:
        case_no = self.case.case_no
        if self.clock.suspended_now:
            done = prompts.attempt(self, lambda: self.desk.extensions.resume(case_no),
                                   self.tr("不能恢复计时"))
        else:
            reason = ask_text(self, self.tr("中止计时"),
                              self.tr("中止的理由（如听证、检验检测、鉴定、专家评审），"
                                      "中止期间不计入办理期限："))
            if reason is None:
                return False
            done = prompts.attempt(self, lambda: self.desk.extensions.suspend(case_no, reason),
                                   self.tr("不能中止计时"))
        if done is None:
            return False
        self._done()
        return True

    def notify(self) -> bool:
        due = [t.purpose for t in self.desk.notifications.states(self.case.case_no)]
        if not open_dialog(NotifyDialog(self.desk, self.case.case_no, due, self)):
            return False
        self._done()
        return True

    def department_step(self) -> bool:
        names = [d.name for d in self.case.departments]
        department = ask_choice(self, self.tr("联办部门进度"), self.tr("哪个部门？"), names)
        if department is None:
            return False
        step = ask_text(self, self.tr("联办部门进度"),
                        self.tr("“%1”的办理进度：").replace("%1", department))
        if step is None:
            return False
        case_no = self.case.case_no
        if prompts.attempt(self, lambda: self.desk.cases.department_step(case_no, department,
                                                                         step),
                           self.tr("不能记录")) is None:
            return False
        self._done()
        return True

