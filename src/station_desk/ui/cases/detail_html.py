"""The case detail's two text blocks, as HTML: the applicant, item, dates and
proxy details on top; the materials checklist (and 联办 steps) beside them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from ...domain.cases import Case, Status
from ...domain.catalogue import CaseType
from ...domain.idnumber import mask_id_number
from ...services.notifications import TellingState
from ..widgets import palette

_SEP = f"<span style='color:{palette.FAINT}'> | </span>"
REVEAL_LINK = "reveal:id_number"  # the header's "显示完整号码" (recorded, services/viewing)


def _table(rows: list[tuple[str, str]], label_width: int = 90) -> str:
    body = "".join(f"<tr><th align='left' valign='top' width='{label_width}'>{k}</th>"
                   f"<td>{v}</td></tr>" for k, v in rows)
    return f"<table cellspacing='4'>{body}</table>"


def header_html(case: Case, clock: list[tuple[str, str]], told: Sequence[TellingState],
                tr: Callable[[str], str]) -> str:
    """Who, what, until when: the case's top block."""
    a = case.applicant
    person = escape(a.name)
    if a.id_number:
        person += (_SEP + escape(mask_id_number(a.id_number))
                   + f"　<a href='{REVEAL_LINK}'>" + tr("显示完整号码") + "</a>")
    contact = _SEP.join(escape(x) for x in (a.phone, a.address) if x)
    rows: list[tuple[str, str]] = [(tr("申请人"), person)]
    if contact:
        rows.append((tr("联系方式"), contact))
    if a.groups:
        rows.append((tr("特殊群体"), escape("、".join(a.groups))))
    rows += [
        (tr("事项"), escape(f"{case.item_name}（{case.item_code}，{case.category}）")),
        (tr("办件类型"), escape(case.case_type.value) + _SEP
         + tr("来源：") + escape(case.channel.value)),
        (tr("状态"), "<b>" + escape(case.status.value) + "</b>"),
        (tr("收件时间"), f"{case.received_at:%Y-%m-%d %H:%M}"),
    ]
    rows += clock
    rows.append((tr("首问责任人"), escape(case.first_ask_name)))
    if told:
        rows.append((tr("告知申请人"), "<br>".join(
            (f"<span style='color:{palette.OK}'>✔ </span>" if t.told else
             f"<span style='color:{palette.WARNING}'>✘ </span>") + escape(t.text())
            for t in told)))
    if case.status == Status.SUPPLEMENT and case.supplement_due is not None:
        if case.supplement_notice_at is None:
            notice = tr("尚未出具补正材料通知书，须在 %1 前告知").replace(
                "%1", f"{case.supplement_due:%Y-%m-%d}")
            notice = f"<b style='color:{palette.WARNING}'>" + notice + "</b>"
        else:
            notice = tr("已于 %1 一次性告知").replace(
                "%1", f"{case.supplement_notice_at:%Y-%m-%d %H:%M}")
        rows.append((tr("补正告知"), notice))
    if case.proxy:
        proxy = [escape(case.proxy_agent_name), tr("进度：") + escape(
            case.proxy_step.value if case.proxy_step else "—")]
        if case.door_to_door:
            proxy.append(tr("上门服务"))
        rows.append((tr("帮办代办"), _SEP.join(proxy)))
    if case.reason:
        rows.append((tr("理由"), escape(case.reason)))
    if case.fee:
        rows.append((tr("收费"), escape(case.fee)))
    if case.note:
        rows.append((tr("备注"), escape(case.note)))
    return _table(rows)

def materials_html(case: Case, tr: Callable[[str], str]) -> str:
    """The materials checklist and, for a joint case, each department's step."""
    side: list[tuple[str, str]] = []
    marks = "<br>".join(
        (f"<span style='color:{palette.OK}'>✔ </span>" if m.received
         else f"<span style='color:{palette.DANGER}'>✘ " + tr("缺") + " </span>")
        + escape(m.name) for m in case.materials)
    side.append((tr("材料"), marks or "—"))
    if case.case_type == CaseType.JOINT:
        deps = "<br>".join(escape(f"{d.name}：{d.step}") + (
            f" <span style='color:{palette.MUTED}'>{escape(d.at[:16].replace('T', ' '))}</span>"
            if d.at else "") for d in case.departments)
        side.append((tr("联办部门"), deps or "—"))
    return _table(side, 72)
