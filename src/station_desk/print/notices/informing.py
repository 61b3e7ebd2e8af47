"""The notices that inform before (or without) a case: the one-time notice
(一次性告知书) of everything an item needs, and the appointment confirmation
(预约确认单)."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from .blocks import (
    item_materials,
    label_rows,
    material_table,
    salutation,
    staff_closing,
    time_limit_text,
)
from .context import NoticeContext
from .styles import (
    GAP,
    S_HEAD,
    S_ITEM,
    S_PROSE,
    S_STRONG,
    label_value,
    numbered_heading,
    or_gap,
    para,
)

ONE_TIME_CLOSING = "以上内容一次性告知，请妥善保管。"


def one_time_body(ctx: NoticeContext) -> list[Flowable]:
    item, st = ctx.item, ctx.station
    story: list[Flowable] = salutation(ctx)
    story.append(para(f"您咨询（申请）办理的“{item.name}”事项，现将办理依据、时限、程序、"
                    "所需的全部材料和不予受理情形等一次性告知如下：", S_PROSE))
    n = 0

    def head(text: str, value: str | None = None) -> None:
        nonlocal n
        n += 1
        story.append(numbered_heading(n, text, value))

    head("设定依据", or_gap(item.legal_basis))
    head("办理时限", time_limit_text(item.case_type, item.time_limit_days))
    head("办理流程", " → ".join(item.procedure) if item.procedure else GAP)
    head(f"申请材料（共 {len(item.materials)} 项）", None if item.materials else GAP)
    if item.materials:
        story.append(material_table(item_materials(item)))
    head("收费标准", or_gap(item.fee))
    head("办理地点和时间")
    story.append(para(f"{st.name}（{or_gap(st.address)}），{or_gap(item.window)}；"
                    f"实施部门：{or_gap(item.department)}。", S_ITEM))
    story.append(para(f"办公时间：{st.office_hours.text()}。"
                    + (f"咨询电话：{st.phone}。" if st.phone else ""), S_ITEM))
    head("办理结果", or_gap(item.result))
    head("是否须本人到场", "须申请人本人到场办理。" if item.in_person
         else f"不须本人到场，可委托他人或{ctx.here}帮办代办员代为办理（帮办代办免费）。")
    head("不予受理情形", None if item.non_acceptance else GAP)
    story += [para(f"{i}. {t}", S_ITEM) for i, t in enumerate(item.non_acceptance, 1)]
    story.append(para(ONE_TIME_CLOSING, S_STRONG))
    story.append(staff_closing(ctx))
    return story


def appointment_body(ctx: NoticeContext) -> list[Flowable]:
    item, st = ctx.item, ctx.station
    appt = ctx.appointment or {}
    kind = appt.get("kind", "").strip()
    place = appt.get("place", "").strip()
    if not place and "上门" in kind:
        address = ctx.case.applicant.address if ctx.case is not None else ""
        place = f"上门服务：{address or '＿＿＿＿＿＿＿＿＿＿＿＿'}"
    if not place:
        place = f"{st.name}（{st.address}）" if st.address else st.name
    story = salutation(ctx)
    story.append(para(f"您预约办理的“{item.name}”事项已登记，预约情况如下：", S_PROSE))
    rows = [
        ("预约时间", appt.get("at", "").strip()),
        ("预约方式", kind or "窗口"),
        ("服务人员", appt.get("staff", "").strip() or ctx.staff_name),
        ("服务地点", place),
        ("联系电话", st.phone or "　"),
        ("办公时间", st.office_hours.text()),
    ]
    story += [Spacer(1, 3), label_rows(rows)]
    story.append(numbered_heading(1, f"请携带以下材料（共 {len(item.materials)} 项）",
                          None if item.materials else GAP))
    if item.materials:
        story.append(material_table(item_materials(item)))
    told = appt.get("materials_told", "").strip()
    if told:
        story.append(label_value("其他告知", told))
    if item.in_person:
        story.append(para("本事项须申请人本人到场办理。", S_STRONG))
    story.append(para("如需改约或取消，请提前致电告知。", S_HEAD))
    story.append(staff_closing(ctx))
    return story
