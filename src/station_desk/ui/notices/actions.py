"""From a case to paper: pick a notice, confirm what must be confirmed, issue
(or fetch the archived copy), preview and print."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from ...domain.notices import NoticeKind
from ...services.desk import Desk
from ...services.notices import IssuedNotice
from ..widgets import prompts

CASE_NOTICES = (NoticeKind.ONE_TIME, NoticeKind.ACCEPTANCE, NoticeKind.SUPPLEMENT,
                NoticeKind.REJECTION, NoticeKind.ENTRUST, NoticeKind.RECEIPT)


def show_preview(parent: QWidget, issued: IssuedNotice) -> None:
    """Replaceable in tests."""
    from .preview import NoticePreview

    NoticePreview(issued, parent).exec()


def issue_and_preview(parent: QWidget, desk: Desk, case_no: str,
                      kind: NoticeKind) -> IssuedNotice | None:
    questions = prompts.attempt(parent, lambda: desk.notices.check(case_no, kind),
                                "不能出具")
    if questions is None:
        return None
    if questions and not prompts.confirm(parent, "请先确认",
                                         "\n".join(questions) + "\n\n仍然打印吗？"):
        return None
    issued = prompts.attempt(parent, lambda: desk.notices.issue(
        case_no, kind, allow_incomplete=bool(questions)), "不能出具")
    if issued is not None:
        show_preview(parent, issued)
    return issued


def notice_button(parent: QWidget, desk: Desk, case_no: str) -> QPushButton:
    """A button with one menu entry per notice kind; reprints say so."""
    button = QPushButton(parent.tr("打印告知书…"))
    menu = QMenu(button)
    for kind in CASE_NOTICES:
        action = menu.addAction(kind.title)
        action.triggered.connect(
            lambda _checked=False, k=kind: issue_and_preview(parent, desk, case_no, k))
    button.setMenu(menu)
    return button
