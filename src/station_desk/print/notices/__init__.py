"""The written notices the county rules demand (一次性告知制, manual §二.3.1, §四.3–四.4).

`render_notice(ctx)` turns a `NoticeContext` (plain domain objects, no storage)
into an A4 PDF: station heading, title, notice and case numbers, applicant (ID
masked), item, the body of the kind, signature lines, the seal place, a footer
and a QR code carrying the case number so the town can find the case from the
paper. The same context always gives the same bytes.

By job: `checks` (every refusal, before drawing), `styles` and `blocks` (the
page's type and the pieces every notice shares), one module per group of kinds
(`informing`: one-time, appointment; `decisions`: acceptance, supplement,
rejection; `delivery`: entrust, receipt) and `document` (page frame, build).
The kinds themselves are domain facts: `station_desk.domain.notices`.
"""

from __future__ import annotations

from .checks import check_context
from .context import NoticeContext
from .decisions import APPEAL_RIGHTS, SUPPLEMENT_NOTICE_DAYS
from .document import UNVERIFIED_NOTE, render_notice
from .informing import ONE_TIME_CLOSING

__all__ = [
    "APPEAL_RIGHTS", "ONE_TIME_CLOSING", "SUPPLEMENT_NOTICE_DAYS", "UNVERIFIED_NOTE",
    "NoticeContext", "check_context", "render_notice",
]
