"""Every refusal before a notice is drawn (UserError, shown to the clerk):
- a one-time notice from an item whose guide elements are incomplete, unless
  `allow_incomplete` (then the gaps are printed visibly as "要素不全");
- any text with a character the font lacks (UnprintableText);
- a kind that needs a case (or a case in another state) without one.
"""

from __future__ import annotations

from station_desk.domain.cases import Status
from station_desk.domain.errors import UserError
from station_desk.domain.notices import NEEDS_CASE, NoticeKind

from ..fonts import check_printable
from .context import NoticeContext


def check_context(ctx: NoticeContext, *, allow_incomplete: bool = False) -> None:
    """Every refusal, before anything is drawn (also usable to grey out a print button)."""
    kind, case, item = ctx.kind, ctx.case, ctx.item
    title = ctx.title
    if kind in NEEDS_CASE and case is None:
        raise UserError(f"出具{title}需要先登记办件")
    if kind == NoticeKind.ONE_TIME and not allow_incomplete:
        missing = item.missing_elements()
        if missing:
            raise UserError(
                f"事项“{item.name}”的办事指南要素不全（缺：{'、'.join(missing)}），"
                "一次性告知书会有空项。请先补全事项要素；确需先打印的，请确认后打印"
                "（空项会印上“要素不全”）。", field="item")
    if case is not None:
        if kind == NoticeKind.SUPPLEMENT and not case.missing:
            raise UserError("该办件材料已齐全，不需要出具补正材料通知书", field="materials")
        if kind == NoticeKind.ENTRUST and not case.proxy:
            raise UserError("这件不是帮办代办件，不需要帮办代办委托书", field="proxy")
        if kind == NoticeKind.REJECTION:
            if case.status not in (Status.NOT_ACCEPTED, Status.RETURNED):
                raise UserError(f"办件状态为“{case.status.value}”，只有“不予受理”或“已退回”"
                                "的办件才能出具不予受理/退回告知书", field="status")
            if not case.reason.strip():
                raise UserError(f"{title}必须写明理由：请先在办件中填写理由", field="reason")
            unknown = [k for k, v in (("决定机关", item.authority),
                                      ("行政复议机关", item.review_body)) if not v.strip()]
            if unknown:
                raise UserError(f"{title}须写明由谁决定、向谁申请复议：事项“{item.name}”的"
                                f"{'、'.join(unknown)}待核实，请站长在服务事项中填写后再打印",
                                field="review_body")
        if kind == NoticeKind.EXTENSION:
            if ctx.extension is None or ctx.clock is None or ctx.clock.promised_due is None:
                raise UserError("该办件没有延期记录：延期告知书在批准延期时出具", field="days")
        if kind == NoticeKind.RECEIPT and case.status != Status.COMPLETED:
            raise UserError(f"办件状态为“{case.status.value}”，办结后才能出具办结（送达）回执",
                            field="status")
        if kind == NoticeKind.ACCEPTANCE and case.status not in (
                Status.ACCEPTED, Status.IN_PROGRESS, Status.COMPLETED):
            raise UserError(f"办件状态为“{case.status.value}”，尚未受理，不能出具受理通知书",
                            field="status")
    if kind == NoticeKind.APPOINTMENT and not (ctx.appointment or {}).get("at", "").strip():
        raise UserError("预约确认单需要预约时间", field="appointment")
    check_printable(_printed_fields(ctx))


def _printed_fields(ctx: NoticeContext) -> dict[str, str]:
    """Every variable text the notice may print, by the label a clerk knows it by."""
    st, item, case = ctx.station, ctx.item, ctx.case
    fields = {
        "申请人姓名": ctx.name,
        "经办人姓名": ctx.staff_name,
        f"{ctx.station_word}名称": st.name,
        f"{ctx.station_word}地址": st.address,
        f"{ctx.station_word}电话": st.phone,
        "告知书编号": ctx.notice_no,
        "事项名称": item.name,
        "设定依据": item.legal_basis,
        "实施部门": item.department,
        "受理窗口": item.window,
        "收费标准": item.fee,
        "办理结果": item.result,
        "决定机关": item.authority,
        "行政复议机关": item.review_body,
    }
    if ctx.extension is not None:
        fields.update({"延期理由": ctx.extension.reason, "批准人": ctx.extension.approved_by,
                       "申请人同意情况": ctx.extension.consent})
    for what, texts in (("办理流程", item.procedure), ("不予受理情形", item.non_acceptance),
                        ("申请材料", [m.name for m in item.materials]),
                        ("材料备注", [m.note for m in item.materials])):
        fields.update({f"{what}（第 {i} 项）": t for i, t in enumerate(texts, 1)})
    if case is not None:
        fields.update({
            "申请人住址": case.applicant.address,
            "申请人电话": case.applicant.phone,
            "不予受理/退回理由": case.reason,
            "帮办代办员姓名": case.proxy_agent_name,
            "首问责任人姓名": case.first_ask_name,
            "收费情况": case.fee,
        })
        fields.update({f"办件材料（第 {i} 项）": m.name
                       for i, m in enumerate(case.materials, 1)})
    for key, label in (("at", "预约时间"), ("kind", "预约方式"), ("staff", "预约服务人员"),
                       ("materials_told", "预约告知内容"), ("place", "预约服务地点")):
        if ctx.appointment and ctx.appointment.get(key):
            fields[label] = ctx.appointment[key]
    return fields
