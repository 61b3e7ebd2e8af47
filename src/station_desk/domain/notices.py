"""The written notices the county rules demand (一次性告知制, manual §二.3.1, §四.3–四.4):
which kinds there are, what each is called, and which need a registered case.

Pure facts shared by the renderer (print/notices), the services and the window
and command line (which list and name the kinds without importing reportlab).
"""

from __future__ import annotations

from enum import StrEnum

from .cases import Case, Status


class NoticeKind(StrEnum):
    ONE_TIME = "one-time"
    ACCEPTANCE = "acceptance"
    SUPPLEMENT = "supplement"
    REJECTION = "rejection"
    ENTRUST = "entrust"
    RECEIPT = "receipt"
    APPOINTMENT = "appointment"
    EXTENSION = "extension"

    @property
    def title(self) -> str:  # type: ignore[override]  # shadows str.title() on purpose
        """The printed title; for REJECTION see `notice_title` (depends on the case)."""
        return _TITLES[self]

    @property
    def code(self) -> str:
        """Two letters a caller may use as the notice number's suffix."""
        return _CODES[self]


_TITLES = {
    NoticeKind.ONE_TIME: "一次性告知书",
    NoticeKind.ACCEPTANCE: "受理通知书",
    NoticeKind.SUPPLEMENT: "补正材料通知书",
    NoticeKind.REJECTION: "不予受理/退回告知书",
    NoticeKind.ENTRUST: "帮办代办委托书",
    NoticeKind.RECEIPT: "办结（送达）回执",
    NoticeKind.APPOINTMENT: "预约确认单",
    NoticeKind.EXTENSION: "延期告知书",
}

_CODES = {
    NoticeKind.ONE_TIME: "GZ",
    NoticeKind.ACCEPTANCE: "SL",
    NoticeKind.SUPPLEMENT: "BZ",
    NoticeKind.REJECTION: "BY",
    NoticeKind.ENTRUST: "WT",
    NoticeKind.RECEIPT: "HZ",
    NoticeKind.APPOINTMENT: "YY",
    NoticeKind.EXTENSION: "YQ",
}

# kinds that speak of a registered case (refused without one)
NEEDS_CASE = frozenset({NoticeKind.ACCEPTANCE, NoticeKind.SUPPLEMENT, NoticeKind.REJECTION,
                        NoticeKind.ENTRUST, NoticeKind.RECEIPT, NoticeKind.EXTENSION})


def notice_title(kind: NoticeKind, case: Case | None) -> str:
    if kind == NoticeKind.REJECTION and case is not None:
        if case.status == Status.NOT_ACCEPTED:
            return "不予受理告知书"
        if case.status == Status.RETURNED:
            return "退回告知书"
    return kind.title
