"""From a case to paper: pick a notice, confirm what must be confirmed, issue
(or fetch the archived copy), preview and print."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from ...domain.errors import UserError
from ...domain.notices import NoticeKind
from ...services.desk import Desk
from ...services.notices import IssuedNotice
from ..jobs import Job
from ..widgets import prompts
from .making import make_then_show

CASE_NOTICES = (NoticeKind.ONE_TIME, NoticeKind.ACCEPTANCE, NoticeKind.SUPPLEMENT,
                NoticeKind.REJECTION, NoticeKind.ENTRUST, NoticeKind.RECEIPT)


def show_preview(parent: QWidget, issued: IssuedNotice) -> None:
    """Replaceable in tests."""
    from .preview import NoticePreview

    NoticePreview(issued, parent).exec()


def show_pdf_preview(parent: QWidget, pdf: bytes, name: str, info: str) -> None:
    """Replaceable in tests: several notices printed together."""
    from .preview import PdfPreview

    PdfPreview(pdf, name, info, parent).exec()


def issue_and_preview(parent: QWidget, desk: Desk, case_no: str,
                      kind: NoticeKind, *, reissue: bool = False) -> Job[IssuedNotice] | None:
    """The questions asked here, the notice made in the runner, then its preview;
    the job (None when refused, answered no, or already being made)."""
    questions = prompts.attempt(parent, lambda: desk.notices.check(case_no, kind),
                                "不能出具")
    if questions is None:
        return None
    if questions and not prompts.confirm(parent, "请先确认",
                                         "\n".join(questions) + "\n\n仍然打印吗？"):
        return None
    issue = desk.notices.reissue if reissue else desk.notices.issue
    return make_then_show(parent, desk, f"{case_no} {kind.value}",
                          lambda: issue(case_no, kind, allow_incomplete=bool(questions)),
                          lambda issued: show_preview(parent, issued))


def fill_notice_menu(menu: QMenu, parent: QWidget, desk: Desk, case_no: str) -> None:
    """Only the notices the case's state allows; those issued before say so and
    offer a new version (after a correction)."""
    menu.clear()
    issued = {n.kind: v for n, v in desk.notices.versions(case_no)}
    reissues: list[NoticeKind] = []
    for kind in CASE_NOTICES:
        try:
            desk.notices.check(case_no, kind)
        except UserError:
            continue  # refused in this state: not offered
        before = issued.get(kind.value)
        label = kind.title + (parent.tr("（已出具，重印存档原件）") if before else "")
        action = menu.addAction(label)
        action.triggered.connect(
            lambda _checked=False, k=kind: issue_and_preview(parent, desk, case_no, k))
        if before:
            reissues.append(kind)
    if reissues:
        menu.addSeparator()
        for kind in reissues:
            action = menu.addAction(parent.tr("更正后重新出具：%1（第 %2 版）")
                                    .replace("%1", kind.title)
                                    .replace("%2", str(issued[kind.value] + 1)))
            action.triggered.connect(lambda _checked=False, k=kind: issue_and_preview(
                parent, desk, case_no, k, reissue=True))
    if menu.isEmpty():
        menu.addAction(parent.tr("这件现在没有可出具的告知书")).setEnabled(False)


def notice_button(parent: QWidget, desk: Desk, case_no: str) -> QPushButton:
    """A button whose menu is built when opened, from the case as it is then (only
    then: checking six notices cost 25-70 ms of every case opened)."""
    button = QPushButton(parent.tr("打印告知书…"))
    button.setToolTip(parent.tr("打印告知书（Ctrl+P）"))
    menu = QMenu(button)
    menu.aboutToShow.connect(lambda: fill_notice_menu(menu, parent, desk, case_no))
    button.setMenu(menu)
    return button
