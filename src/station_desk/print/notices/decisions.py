"""The notices of the decision on an application: accepted (受理通知书), to be
supplemented (补正材料通知书), not accepted or returned (不予受理/退回告知书), and
the time limit extended (延期告知书, 行政许可法第四十二条). Dates come from the
case's legal clock with the rule that gave each."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from station_desk.domain.cases import Status
from station_desk.domain.catalogue import CaseType
from station_desk.domain.legal_clock import NOTICE_DAYS, ExtensionKind

from .blocks import (
    applied_on,
    case_materials,
    case_of,
    enquiries,
    grid,
    label_rows,
    material_table,
    salutation,
    staff_closing,
    time_limit_text,
)
from .context import NoticeContext
from .styles import (
    S_BODY,
    S_NOTE,
    S_PROSE,
    S_STRONG,
    WIDTH,
    cn_date,
    numbered_heading,
    or_gap,
    para,
)

APPEAL_RIGHTS = ("如对本决定不服，可以自收到本告知书之日起六十日内依法申请行政复议，"
                 "或者在六个月内依法向人民法院提起行政诉讼。")


def appeal_rights(review_body: str) -> str:
    """行政复议法 (2023) 第二十条、行政诉讼法第四十六条, naming the review body."""
    return (f"如对本决定不服，可以自收到本告知书之日起六十日内向{review_body}申请行政复议，"
            "或者在六个月内依法向人民法院提起行政诉讼。")


def _dated(ctx: NoticeContext, label: str) -> tuple[str, str] | None:
    """A clock date as a row: the date (暂定 marked) — its rule goes in the notes."""
    if ctx.clock is None:
        return None
    for d in ctx.clock.dates():
        if d.label == label:
            return label, cn_date(d.day) + ("（暂定）" if d.provisional else "")
    return None


def _rules(ctx: NoticeContext, labels: tuple[str, ...]) -> list[Flowable]:
    """期限依据: each printed date and the rule behind it."""
    if ctx.clock is None:
        return []
    lines = [f"{d.label}{cn_date(d.day)}：{d.rule}" for d in ctx.clock.dates()
             if d.label in labels]
    return [para("期限依据：" + "；".join(lines) + "。", S_NOTE)] if lines else []

SUPPLEMENT_NOTICE_DAYS = NOTICE_DAYS  # 行政许可法第三十二条


def acceptance_body(ctx: NoticeContext) -> list[Flowable]:
    case, item, st = case_of(ctx), ctx.item, ctx.station
    accepted = case.accepted_at or case.received_at
    story = salutation(ctx)
    if ctx.clock is not None and ctx.clock.deemed:  # §32: not "齐全" — the notice was late
        story.append(para(f"您于{applied_on(case)}申请办理的“{item.name}”事项，因{ctx.here}未在"
                        f"收到申请材料之日起 {SUPPLEMENT_NOTICE_DAYS} 个工作日内一次性告知需要"
                        "补正的全部内容，依法自收到申请材料之日起即为受理。"
                        "现将有关事项告知如下：", S_PROSE))
    else:
        story.append(para(f"您于{applied_on(case)}申请办理的“{item.name}”事项，申请材料齐全，"
                        f"符合法定形式，{ctx.here}已予受理。现将有关事项告知如下：", S_PROSE))
    # the promise the case was given at intake, not the item's limit as it is today
    promised = case.extra.get("promised_days")
    days = item.time_limit_days if promised is None else int(promised)
    if case.case_type == CaseType.IMMEDIATE:
        due = "当场办结（即办件）"
    elif case.deadline is not None:
        due = cn_date(case.deadline)
        if case.extra.get("deadline_provisional"):
            due += "（暂定）"
    else:
        due = "　"
    rows = [
        _dated(ctx, "受理日期") or ("受理日期", cn_date(accepted)),
        ("承诺时限", time_limit_text(case.case_type, days)),
        _dated(ctx, "承诺办结日期") or ("承诺办结日期", due),
        ("办理结果", or_gap(item.result)),
        ("结果领取", f"由帮办代办员{case.proxy_agent_name}送达" if case.proxy
         and case.proxy_agent_name else f"办结后电话通知您到{st.name}领取"),
        ("首问责任人", case.first_ask_name),
        ("联系电话", st.phone or "　"),
    ]
    statutory = _dated(ctx, "法定办结期限")
    if statutory is not None:
        rows.insert(3, statutory)
    story.append(Spacer(1, 3))
    story.append(label_rows(rows))
    story += _rules(ctx, ("受理日期", "法定办结期限", "承诺办结日期"))
    if case.extra.get("deadline_provisional"):
        story.append(para("注：“暂定”是因本年度法定节假日安排尚未公布（录入），承诺办结日期可能"
                        "顺延，确定后另行告知。", S_NOTE))
    received = [m for m in case.materials if m.received]
    story.append(numbered_heading(1, f"已收材料（共 {len(received)} 项）",
                          None if received else "无"))
    if received:
        story.append(material_table(case_materials(ctx, received)))
    story.append(para("请保管好本通知书，凭此查询办理进度或领取办理结果。", S_STRONG))
    story.append(staff_closing(ctx))
    return story


def supplement_body(ctx: NoticeContext) -> list[Flowable]:
    case, item = case_of(ctx), ctx.item
    missing = [m for m in case.materials if not m.received]
    story = salutation(ctx)
    story.append(para(f"您于{applied_on(case)}申请办理的“{item.name}”事项，经审查，申请材料"
                    "不齐全或者不符合法定形式。现一次性告知您需要补正的全部材料"
                    f"（共 {len(missing)} 项）如下：", S_PROSE))
    story.append(Spacer(1, 3))
    story.append(material_table(case_materials(ctx, missing)))
    story.append(Spacer(1, 4))
    story.append(para(f"请按上述要求一次补齐全部材料后，送交{ctx.here}"
                    f"（{or_gap(item.window)}），也可交{ctx.here}帮办代办员代为递交。"
                    f"材料补齐后，{ctx.here}即予受理，并按承诺时限办理。", S_PROSE))
    when = cn_date(case.received_at)
    notice_due = _dated(ctx, "补正告知期限")  # the clock's date, 暂定 in a provisional year
    due = (f"（即 {notice_due[1]} 前）" if notice_due else
           f"（即 {cn_date(case.supplement_due)} 前）" if case.supplement_due else "")
    story.append(para(f"说明：{ctx.here}收到您的申请材料之日为{when}。按照规定，需要补正的全部内容应当在"
                    f"收到申请材料之日起 {SUPPLEMENT_NOTICE_DAYS} 个工作日内{due}一次性告知；"
                    "逾期不告知的，自收到申请材料之日起即为受理。", S_PROSE))
    story += enquiries(ctx)
    story.append(staff_closing(ctx))
    return story


def rejection_body(ctx: NoticeContext) -> list[Flowable]:
    case, item = case_of(ctx), ctx.item
    story = salutation(ctx)
    if case.status == Status.RETURNED:
        decision = (f"经审查，该申请依据国家法律、法规和政策不能批准，{item.authority}"
                    "决定作退回处理。")
    else:
        decision = f"经审查，{item.authority}决定不予受理。"
    story.append(para(f"您于{applied_on(case)}申请办理的“{item.name}”事项，{decision}"
                    "理由如下：", S_PROSE))
    story.append(Spacer(1, 2))
    story.append(grid([[para(case.reason.strip(), S_BODY)]], [WIDTH]))
    story.append(Spacer(1, 4))
    story.append(label_rows([("作出决定的机关", item.authority),
                             ("行政复议机关", item.review_body),
                             ("告知送达", f"{ctx.station.name}（受理、代办点，不是决定机关）")]))
    story.append(Spacer(1, 2))
    story.append(para(appeal_rights(item.review_body), S_PROSE))
    story += enquiries(ctx)
    story.append(staff_closing(ctx, "申请人（签收）："))
    return story


def extension_body(ctx: NoticeContext) -> list[Flowable]:
    """延期告知书: why, how long, approved by whom, and the new dates with their rules."""
    case, item = case_of(ctx), ctx.item
    ext, clock = ctx.extension, ctx.clock
    assert ext is not None and clock is not None  # check_context refused it otherwise
    story = salutation(ctx)
    story.append(para(f"您于{applied_on(case)}申请办理的“{item.name}”事项，因{ext.reason.strip()}，"
                    "不能在原定期限内办结。", S_PROSE))
    if ext.kind == ExtensionKind.LICENCE:
        article = "第二十六条" if case.case_type == CaseType.JOINT else "第四十二条"
        basis = f"依据《中华人民共和国行政许可法》{article}"
        story.append(para(f"{basis}，经{ext.approved_by}批准，办理期限延长 {ext.days} 个工作日。"
                        "现将延期理由和延长后的期限书面告知如下：", S_PROSE))
    else:
        story.append(para(f"经您同意（{ext.consent.strip()}），并经{ext.approved_by}批准，"
                        f"办理期限延长 {ext.days} 个工作日。现告知如下：", S_PROSE))
    rows = [("延长工作日数", f"{ext.days} 个工作日"), ("批准人", ext.approved_by),
            ("批准日期", cn_date(ext.on))]
    for label in ("法定办结期限", "承诺办结日期"):
        found = _dated(ctx, label)
        if found is not None:
            rows.append(("延长后" + found[0], found[1]))
    story.append(Spacer(1, 3))
    story.append(label_rows(rows))
    story += _rules(ctx, ("受理日期", "法定办结期限", "承诺办结日期"))
    story += enquiries(ctx)
    story.append(staff_closing(ctx, "申请人（签收）："))
    return story
