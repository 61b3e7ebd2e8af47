"""The legal clock in the case detail: every date with the rule that gave it
(受理日期, 补正告知期限, 法定办结期限, 承诺办结日期), extensions and suspensions."""

from __future__ import annotations

from html import escape

from ...domain.legal_clock import CaseClock
from ..widgets import palette


def _rule(text: str) -> str:
    return f"<br><span style='color:{palette.MUTED}'>{escape(text)}</span>"


def clock_rows(clock: CaseClock, days_left_html: str = "") -> list[tuple[str, str]]:
    """(label, html) rows; `days_left_html` is appended to the promised date."""
    rows: list[tuple[str, str]] = []
    for d in clock.dates():
        text = f"{d.day:%Y-%m-%d}" + ("（暂定）" if d.provisional else "")
        if d is clock.acceptance and clock.deemed:
            text = f"<b style='color:{palette.WARNING}'>{text}（视为受理）</b>"
        if d is clock.promised_due and days_left_html:
            text += " " + days_left_html
        rows.append((escape(d.label), text + _rule(d.rule)))
    if clock.acceptance is None and clock.notice_due is not None:
        rows.append(("受理日期", "补正材料收齐之日受理，期限自该日起算"))
    for e in clock.extensions:
        what = f"{e.kind.value} {e.days} 个工作日（{e.on:%Y-%m-%d}，{e.approved_by}批准）"
        rows.append(("延期", escape(what) + _rule(f"理由：{e.reason}"
                                                 + (f"；申请人同意：{e.consent}"
                                                    if e.consent else ""))))
    for s in clock.suspensions:  # each period, also one resumed the same day
        period = f"{s.start:%Y-%m-%d} 起" + (f"，{s.end:%Y-%m-%d} 恢复计时" if s.end
                                             else "，中止中，期限暂停计算")
        rows.append(("中止", escape(period) + _rule(f"理由：{s.reason}")))
    if clock.suspensions:
        rows.append(("中止合计", escape(f"已中止 {clock.suspended_days} 个工作日，不计入办理期限")))
    return rows


def days_left_html(left: int | None) -> str:
    """How the promised date stands today: overdue in red, due today in amber."""
    if left is None:
        return ""
    if left < 0:
        return (f"<b style='color:{palette.DANGER}'>"
                + f"逾期 {-left} 个工作日</b>")
    if left == 0:
        return f"<b style='color:{palette.WARNING}'>今天到期</b>"
    return f"还剩 {left} 个工作日"
