"""The papers of the proxy service and of handing over: the entrustment that lets
the station's agent act (帮办代办委托书) and the receipt when the result is
delivered (办结（送达）回执)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from station_desk.domain.idnumber import mask_id_number
from station_desk.domain.service import Rating

from .blocks import applied_on, case_of, closing, label_rows, salutation
from .context import NoticeContext
from .styles import S_ITEM, S_PROSE, cn_date, or_gap, para


def entrust_body(ctx: NoticeContext) -> list[Flowable]:
    case, item, st = case_of(ctx), ctx.item, ctx.station
    a = case.applicant
    agent = case.proxy_agent_name.strip()
    agent_text = agent or "＿＿＿＿＿＿"
    rows = [
        ("委托人", f"{a.name}（身份证号 {mask_id_number(a.id_number)}）"),
        ("委托人电话", a.phone or "　"),
        ("委托人住址", a.address or "　"),
        ("受托人", f"{agent_text}（{st.name}帮办代办员）"),
        ("委托事项", f"{item.name}（{case.case_type.value}）"),
    ]
    story: list[Flowable] = [Spacer(1, 4 * mm), label_rows(rows)]
    story.append(Spacer(1, 6))
    story.append(para(f"本人自愿委托{st.name}帮办代办员{agent_text}代为办理“{item.name}”事项，"
                    "委托权限如下：", S_PROSE))
    items = [
        "代为收取、核对并递交申请材料；",
        "代为跟踪办理进度，向本人及时反馈；",
        "代为领取办理结果，并送达本人。",
    ]
    story += [para(f"{i}. {t}", S_ITEM) for i, t in enumerate(items, 1)]
    fee = case.fee.strip() or "免费"
    story.append(para("除法律、法规明确规定缴纳的费用外，帮办代办服务一律免费。"
                    f"本事项收费：{fee}。", S_PROSE))
    if item.in_person:
        story.append(para("本事项须申请人本人到场办理的环节，仍须本人到场，帮办代办员负责陪同、"
                        "协助。", S_PROSE))
    story.append(para("委托期限：自签字之日起至办理结果送达之日止。", S_PROSE))
    story.append(closing(ctx, ("委托人（签字/按指印）：", ""),
                          ("受托人（帮办代办员）：", "")))
    return story


def receipt_body(ctx: NoticeContext) -> list[Flowable]:
    case, item = case_of(ctx), ctx.item
    done = case.completed_at or ctx.issued_at
    if case.proxy:
        how = "帮办代办员送达"
    elif case.door_to_door:
        how = "上门送达"
    else:
        how = "窗口领取"
    deliverer = (case.proxy_agent_name if case.proxy and case.proxy_agent_name
                 else ctx.staff_name)
    story = salutation(ctx)
    story.append(para(f"您于{applied_on(case)}申请办理的“{item.name}”事项已办结，"
                    "办理结果如下，请核对后签收。", S_PROSE))
    rows = [
        ("办理事项", item.name),
        ("办理结果", or_gap(item.result)),
        ("办结日期", cn_date(done)),
        ("送达方式", how),
        ("送达人", deliverer),
        ("收费情况", case.fee.strip() or "免费"),
        # the same five levels the program records (好差评), so the paper can be typed in
        ("满意度评价", "　".join(f"□ {level.value}" for level in Rating)),
    ]
    story += [Spacer(1, 3), label_rows(rows)]
    story.append(Spacer(1, 6))
    story.append(para(f"如对办理结果有异议，可向{ctx.here}反映，或拨打 12345 便民服务热线。",
                    S_PROSE))
    story.append(closing(ctx, ("送达人（签字）：", ""), ("申请人签收（签字/按指印）：", "")))
    return story
