"""The printed notices (R-NOTICE) and rules boards, checked on the PDF itself.

Contexts are built from the real domain dataclasses and the shipped catalogue; the
PDFs are read back with poppler (pdftotext, pdffonts, pdfinfo). No Qt, no storage.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from station_desk.domain.cases import (
    Applicant,
    Case,
    Channel,
    MaterialCheck,
    ProxyStep,
    Status,
)
from station_desk.domain.catalogue import CatalogueItem, Material, item_from_dict
from station_desk.domain.errors import UserError
from station_desk.domain.legal_clock import (
    CaseClock,
    ClockFacts,
    Extension,
    ExtensionKind,
    compute,
)
from station_desk.domain.notices import NoticeKind
from station_desk.domain.service import Rating
from station_desk.domain.station import Station, StationKind
from station_desk.domain.workdays import HolidayCalendar
from station_desk.paths import resource
from station_desk.print import (
    NoticeContext,
    UnprintableText,
    check_printable,
    load_rules,
    missing_glyphs,
    render_notice,
    render_rules_board,
)
from station_desk.print.fonts import BODY, BOLD, _missing, bold_font_for, break_positions
from station_desk.print.notices import APPEAL_RIGHTS, ONE_TIME_CLOSING, UNVERIFIED_NOTE
from station_desk.print.notices.decisions import appeal_rights

POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdfinfo"))
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (pdftotext, pdffonts, pdfinfo) not installed: "
                        "apt-get install poppler-utils")

RARE = "\U00020BB7"  # 𠮷, CJK Extension B: not in Noto Sans SC
ID_NUMBER = "61092219580312002X"
CASE_NO = "610922101201-2026-00001"
ISSUED = datetime(2026, 3, 5, 10, 15)


# -- building real domain objects -----------------------------------------------------

def _items() -> list[CatalogueItem]:
    data = json.loads(resource("catalogue", "catalogue.json").read_text("utf-8"))
    return [item_from_dict(d) for d in data["items"]]


@pytest.fixture(scope="module")
def item() -> CatalogueItem:
    """The shipped item with the most materials (all of them must print)."""
    items = [i for i in _items() if not i.missing_elements()]
    return max(items, key=lambda i: len(i.materials))


@pytest.fixture(scope="module")
def station() -> Station:
    return Station(id="s1", code="610922101201", name="西沟村便民服务站",
                   kind=StationKind.VILLAGE, town_code="610922101000", town_name="城关镇",
                   address="石泉县城关镇西沟村村委会一楼", phone="0915-6321234")


def make_case(item: CatalogueItem, **changes: Any) -> Case:
    """A case of `item`; every other material received (so some are missing)."""
    materials = tuple(MaterialCheck(m.name, m.originals, m.copies, i % 2 == 1)
                      for i, m in enumerate(item.materials))
    fields: dict[str, Any] = dict(
        id="c1", case_no=CASE_NO, channel=Channel.VISIT,
        applicant=Applicant("王秀兰", ID_NUMBER, "13900001234", "石泉县城关镇西沟村三组"),
        item_code=item.code, item_name=item.name, category=item.category,
        case_type=item.case_type, status=Status.ACCEPTED, window=item.window,
        first_ask_name="张丽", received_at=datetime(2026, 3, 5, 9, 30),
        accepted_at=datetime(2026, 3, 5, 9, 40), deadline=date(2026, 4, 17),
        materials=materials, proxy=True, proxy_agent_name="李明",
        proxy_step=ProxyStep.ENTRUSTED, door_to_door=False, fee="免费", reason="",
        supplement_notice_at=None, supplement_due=date(2026, 3, 12), departments=(),
        completed_at=None, note="")
    fields.update(changes)
    return Case(**fields)


def all_received(item: CatalogueItem) -> tuple[MaterialCheck, ...]:
    return tuple(MaterialCheck(m.name, m.originals, m.copies, True) for m in item.materials)


CASE_FOR: dict[NoticeKind, Callable[[CatalogueItem], Case]] = {
    NoticeKind.ONE_TIME: lambda i: make_case(i),
    NoticeKind.ACCEPTANCE: lambda i: make_case(i, materials=all_received(i),
                                               extra={"deadline_provisional": 1}),
    NoticeKind.SUPPLEMENT: lambda i: make_case(i, status=Status.SUPPLEMENT, accepted_at=None,
                                               deadline=None),
    NoticeKind.REJECTION: lambda i: make_case(
        i, status=Status.NOT_ACCEPTED, reason="家庭人均收入高于本县最低生活保障标准"),
    NoticeKind.ENTRUST: lambda i: make_case(i, materials=all_received(i)),
    NoticeKind.RECEIPT: lambda i: make_case(i, status=Status.COMPLETED,
                                            materials=all_received(i),
                                            completed_at=datetime(2026, 4, 10, 15, 0)),
    NoticeKind.APPOINTMENT: lambda i: make_case(i),
    NoticeKind.EXTENSION: lambda i: make_case(i, materials=all_received(i)),
}

EXTENSION = Extension(10, ExtensionKind.LICENCE, "需现场核查经营场所", "王建国（站长）",
                      date(2026, 4, 10))


def clock_for(case: Case, *, extension: Extension | None = None, **facts: Any) -> CaseClock:
    """The case's clock: 20 working days promised, 20 statutory, a 行政许可."""
    base = ClockFacts(received=case.received_at.date(), promised_days=20, statutory_days=20,
                      licence=True, extensions=(extension,) if extension else ())
    return compute(HolidayCalendar(), dataclasses.replace(base, **facts),
                   today=case.received_at.date() + timedelta(days=30))

APPOINTMENT = {"at": "2026年3月7日（星期六）上午 9:00", "kind": "上门", "staff": "李明",
               "materials_told": "已电话告知需携带全部材料原件"}


def context(kind: NoticeKind, station: Station, item: CatalogueItem, *,
            case: Case | None | bool = True, **changes: Any) -> NoticeContext:
    the_case = CASE_FOR[kind](item) if case is True else (case or None)
    extension = EXTENSION if kind == NoticeKind.EXTENSION else None
    clock = (clock_for(the_case, extension=extension) if the_case is not None
             and kind == NoticeKind.EXTENSION else None)
    ctx = NoticeContext(kind=kind, station=station, item=item,
                        notice_no=f"{CASE_NO}-{kind.code}", staff_name="张丽",
                        issued_at=ISSUED, case=the_case, applicant_name="王秀兰",
                        appointment=APPOINTMENT if kind == NoticeKind.APPOINTMENT else None,
                        clock=clock, extension=extension)
    return dataclasses.replace(ctx, **changes) if changes else ctx


# -- reading the PDF back --------------------------------------------------------------

def _run(tool: str, pdf: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / f"{tool}-{abs(hash(pdf))}.pdf"
    path.write_bytes(pdf)
    done = subprocess.run([tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
                          capture_output=True, text=True, check=True)
    return done.stdout


def text_of(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text in content order, all whitespace removed (wrapped table cells
    and lines join up again)."""
    return "".join(_run("pdftotext", pdf, tmp_path, "-raw", "-enc", "UTF-8").split())


def cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def squeeze(text: str) -> str:
    return "".join(text.split())


def pages_of(pdf: bytes, tmp_path: Path) -> int:
    m = re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", pdf, tmp_path), re.M)
    assert m, "pdfinfo shows no page count"
    return int(m.group(1))


def fonts_of(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    lines = _run("pdffonts", pdf, tmp_path).splitlines()[2:]
    return [line.split() for line in lines if line.strip()]


# -- every kind ----------------------------------------------------------------------------

@needs_poppler
@pytest.mark.parametrize("kind", list(NoticeKind))
def test_every_kind_prints_what_the_rules_require(kind: NoticeKind, station: Station,
                                                  item: CatalogueItem, tmp_path: Path) -> None:
    ctx = context(kind, station, item)
    pdf = render_notice(ctx)
    assert pdf.startswith(b"%PDF-")
    text = text_of(pdf, tmp_path)
    for expected in (CASE_NO, ctx.notice_no, "王秀兰", squeeze(item.name), ctx.title,
                     station.name, "610***********002X", "（盖章）", "经办人"
                     if kind not in (NoticeKind.ENTRUST, NoticeKind.RECEIPT) else "申请人",
                     "一式两份"):
        assert squeeze(expected) in text, f"{kind}: “{expected}” not printed"
    assert ID_NUMBER not in text, "the full ID number must never be printed"
    assert UNVERIFIED_NOTE in text  # the shipped items are all unverified


@needs_poppler
@pytest.mark.parametrize("kind", list(NoticeKind))
def test_the_font_is_embedded_as_a_subset(kind: NoticeKind, station: Station,
                                          item: CatalogueItem, tmp_path: Path) -> None:
    fonts = fonts_of(render_notice(context(kind, station, item)), tmp_path)
    assert fonts, "no fonts listed"
    assert any("NotoSansSC" in f[0] for f in fonts)
    for row in fonts:
        # name type encoding emb sub uni object ID
        assert row[-5:-3] == ["yes", "yes"], f"font not embedded+subset: {row}"
        assert row[1] == "TrueType", row


@pytest.mark.parametrize("kind", list(NoticeKind))
def test_rendering_is_deterministic(kind: NoticeKind, station: Station,
                                    item: CatalogueItem) -> None:
    ctx = context(kind, station, item)
    assert render_notice(ctx) == render_notice(ctx)


def test_the_date_inside_the_pdf_is_the_issue_time(station: Station,
                                                   item: CatalogueItem) -> None:
    pdf = render_notice(context(NoticeKind.ONE_TIME, station, item))
    assert b"D:20260305101500+08'00'" in pdf
    later = render_notice(context(NoticeKind.ONE_TIME, station, item,
                                  issued_at=datetime(2026, 3, 6, 8, 0)))
    assert b"D:20260306080000+08'00'" in later


# -- per kind --------------------------------------------------------------------------------

@needs_poppler
def test_one_time_notice_lists_every_element(station: Station, item: CatalogueItem,
                                             tmp_path: Path) -> None:
    text = text_of(render_notice(context(NoticeKind.ONE_TIME, station, item)), tmp_path)
    for m in item.materials:
        assert squeeze(m.name) in text, f"material “{m.name}” missing"
        if m.note:
            assert squeeze(m.note) in text
    for reason in item.non_acceptance:
        assert squeeze(reason) in text
    for step in item.procedure:
        assert squeeze(step) in text
    for element in (item.legal_basis, item.fee, item.result, item.window, item.department,
                    station.address, station.phone, station.office_hours.text(),
                    f"{item.time_limit_days}个工作日", "自受理之日的次日起计算",
                    ONE_TIME_CLOSING):
        assert squeeze(element) in text, element
    assert f"申请材料（共{len(item.materials)}项）" in text


@needs_poppler
def test_one_time_notice_without_a_case_carries_the_notice_number(
        station: Station, item: CatalogueItem, tmp_path: Path) -> None:
    ctx = context(NoticeKind.ONE_TIME, station, item, case=False)
    assert ctx.qr_value == ctx.notice_no
    text = text_of(render_notice(ctx), tmp_path)
    assert ctx.notice_no in text and "王秀兰" in text and "尚未登记" in text


@needs_poppler
def test_immediate_item_says_done_on_the_spot(station: Station, tmp_path: Path) -> None:
    immediate = next(i for i in _items() if i.case_type.value == "即办件"
                     and not i.missing_elements())
    text = text_of(render_notice(context(NoticeKind.ONE_TIME, station, immediate,
                                         case=False)), tmp_path)
    assert "当场办结" in text


@needs_poppler
def test_supplement_lists_everything_missing_at_once(station: Station, item: CatalogueItem,
                                                     tmp_path: Path) -> None:
    ctx = context(NoticeKind.SUPPLEMENT, station, item)
    assert ctx.case is not None
    missing = ctx.case.missing
    assert len(missing) >= 2
    text = text_of(render_notice(ctx), tmp_path)
    for name in missing:
        assert squeeze(name) in text, f"missing material “{name}” not listed"
    assert f"全部材料（共{len(missing)}项）" in text
    assert "5个工作日" in text and "2026年3月12日" in text  # supplement_due
    assert "即予受理" in text


@needs_poppler
def test_acceptance_gives_the_promised_date_marked_provisional(
        station: Station, item: CatalogueItem, tmp_path: Path) -> None:
    ctx = context(NoticeKind.ACCEPTANCE, station, item)
    text = text_of(render_notice(ctx), tmp_path)
    assert "2026年4月17日（暂定）" in text
    assert station.phone in text
    for m in item.materials:
        assert squeeze(m.name) in text
    firm = context(NoticeKind.ACCEPTANCE, station, item,
                   case=make_case(item, materials=all_received(item)))
    assert "（暂定）" not in text_of(render_notice(firm), tmp_path)


@needs_poppler
@pytest.mark.parametrize(("status", "title"), [(Status.NOT_ACCEPTED, "不予受理告知书"),
                                                (Status.RETURNED, "退回告知书")])
def test_rejection_states_reason_and_appeal_rights(status: Status, title: str,
                                                   station: Station, item: CatalogueItem,
                                                   tmp_path: Path) -> None:
    case = make_case(item, status=status, reason="不符合认定条件：家庭人均收入超标")
    ctx = context(NoticeKind.REJECTION, station, item, case=case)
    assert ctx.title == title
    text = text_of(render_notice(ctx), tmp_path)
    assert title in text
    assert "不符合认定条件：家庭人均收入超标" in text
    # who decided and where to seek review (行政复议法 2023), not the village station
    assert "作出决定的机关" in text and "石泉县卫生健康局决定" in text
    assert squeeze(appeal_rights("石泉县人民政府")) in text
    assert squeeze(APPEAL_RIGHTS) not in text


@needs_poppler
def test_acceptance_prints_each_date_with_its_rule(station: Station, item: CatalogueItem,
                                                   tmp_path: Path) -> None:
    """Deemed acceptance (§32): accepted on the day of receipt, and the paper says why."""
    case = make_case(item, materials=all_received(item), status=Status.ACCEPTED)
    clock = clock_for(case, needs_supplement=True, statutory_days=30)
    ctx = context(NoticeKind.ACCEPTANCE, station, item, case=case, clock=clock)
    text = text_of(render_notice(ctx), tmp_path)
    assert clock.acceptance is not None and clock.deemed
    assert clock.promised_due is not None and clock.statutory_due is not None
    for expected in ("受理日期", "2026年3月5日", "法定办结期限", cn(clock.statutory_due.day),
                     "承诺办结日期", cn(clock.promised_due.day), "期限依据",
                     "视为受理：未在5个工作日内一次性告知补正（行政许可法第三十二条）",
                     "法定时限30个工作日"):
        assert squeeze(expected) in text, expected
    # not "材料齐全": accepted because the 补正 notice came too late
    assert "依法自收到申请材料之日起即为受理" in text and "申请材料齐全" not in text


@needs_poppler
def test_extension_notice_gives_reason_approval_and_new_dates(
        station: Station, item: CatalogueItem, tmp_path: Path) -> None:
    ctx = context(NoticeKind.EXTENSION, station, item)
    assert ctx.clock is not None and ctx.clock.promised_due is not None
    text = text_of(render_notice(ctx), tmp_path)
    for expected in ("延期告知书", "需现场核查经营场所", "行政许可法》第四十二条",
                     "王建国（站长）", "延长10个工作日", "延长后承诺办结日期",
                     cn(ctx.clock.promised_due.day), "延长后法定办结期限"):
        assert squeeze(expected) in text, expected
    with pytest.raises(UserError, match="没有延期记录"):
        render_notice(dataclasses.replace(ctx, extension=None))


@pytest.mark.parametrize(("authority", "review_body", "named"), [
    ("", "石泉县人民政府", "决定机关"), ("县残疾人联合会", "", "行政复议机关")])
def test_rejection_refused_while_review_body_unverified(
        authority: str, review_body: str, named: str, station: Station,
        item: CatalogueItem) -> None:
    unknown = dataclasses.replace(item, authority=authority, review_body=review_body)
    case = make_case(unknown, status=Status.NOT_ACCEPTED, reason="不属于本辖区")
    with pytest.raises(UserError, match=named) as exc:
        render_notice(context(NoticeKind.REJECTION, station, unknown, case=case))
    assert "待核实" in exc.value.message


@needs_poppler
def test_entrust_names_the_agent_and_has_signature_lines(station: Station,
                                                         item: CatalogueItem,
                                                         tmp_path: Path) -> None:
    text = text_of(render_notice(context(NoticeKind.ENTRUST, station, item)), tmp_path)
    for expected in ("李明", "代为收取", "递交申请材料", "领取办理结果", "送达本人",
                     "一律免费", "委托人（签字/按指印）", "受托人（帮办代办员）",
                     "委托人、便民服务站各执一份"):
        assert expected in text, expected


@needs_poppler
def test_receipt_has_result_date_deliverer_and_sign_off(station: Station,
                                                        item: CatalogueItem,
                                                        tmp_path: Path) -> None:
    text = text_of(render_notice(context(NoticeKind.RECEIPT, station, item)), tmp_path)
    for expected in (squeeze(item.result), "2026年4月10日", "李明", "申请人签收"):
        assert expected in text, expected
    # the rating boxes are the five levels the program records, in its order
    boxes = text[text.index("满意度评价"):text.index("如对办理结果有异议")]
    assert boxes.split("□")[1:] == [level.value for level in Rating]


@needs_poppler
def test_appointment_lists_time_kind_staff_and_all_materials(
        station: Station, item: CatalogueItem, tmp_path: Path) -> None:
    ctx = context(NoticeKind.APPOINTMENT, station, item, case=False)
    text = text_of(render_notice(ctx), tmp_path)
    for expected in (squeeze(APPOINTMENT["at"]), "上门", "李明",
                     squeeze(APPOINTMENT["materials_told"]), station.phone):
        assert expected in text, expected
    for m in item.materials:
        assert squeeze(m.name) in text


@needs_poppler
def test_a_town_centre_calls_itself_so(station: Station, item: CatalogueItem,
                                       tmp_path: Path) -> None:
    town = dataclasses.replace(station, name="城关镇便民服务中心", kind=StationKind.TOWN1)
    text = text_of(render_notice(context(NoticeKind.SUPPLEMENT, town, item)), tmp_path)
    assert "城关镇便民服务中心" in text and "便民服务中心各执一份" in text
    assert "本中心" in text and "本站" not in text
    with pytest.raises(UnprintableText, match="便民服务中心名称"):
        render_notice(context(NoticeKind.ONE_TIME,
                              dataclasses.replace(town, name=f"{RARE}镇便民服务中心"), item))


@needs_poppler
def test_verified_item_has_no_pending_note(station: Station, item: CatalogueItem,
                                           tmp_path: Path) -> None:
    verified = dataclasses.replace(item, verified=True)
    text = text_of(render_notice(context(NoticeKind.ONE_TIME, station, verified)), tmp_path)
    assert UNVERIFIED_NOTE not in text


@needs_poppler
def test_one_page_for_the_largest_shipped_item(station: Station, item: CatalogueItem,
                                               tmp_path: Path) -> None:
    for kind in NoticeKind:
        assert pages_of(render_notice(context(kind, station, item)), tmp_path) == 1, kind


@needs_poppler
def test_a_long_notice_flows_onto_more_pages_with_numbers(station: Station,
                                                          item: CatalogueItem,
                                                          tmp_path: Path) -> None:
    many = dataclasses.replace(item, materials=item.materials * 6)
    pdf = render_notice(context(NoticeKind.ONE_TIME, station, many, case=False))
    pages = pages_of(pdf, tmp_path)
    assert pages >= 2
    assert f"第{pages}页共{pages}页" in text_of(pdf, tmp_path)


# -- refusals ----------------------------------------------------------------------------------

def test_font_lacks_the_rare_character() -> None:
    assert missing_glyphs(RARE) == [RARE]
    assert missing_glyphs("王秀兰 \t\n张丽（0915）") == []
    assert missing_glyphs(f"{RARE}王{RARE}") == [RARE]  # once each


def test_rare_character_in_a_name_is_refused(station: Station, item: CatalogueItem) -> None:
    case = make_case(item, applicant=Applicant(f"{RARE}王", ID_NUMBER))
    ctx = context(NoticeKind.ACCEPTANCE, station, item,
                  case=dataclasses.replace(case, materials=all_received(item)))
    with pytest.raises(UnprintableText) as err:
        render_notice(ctx)
    assert err.value.characters == (RARE,)
    assert f"申请人姓名“{RARE}王”中的“{RARE}”字体中没有" in err.value.message
    assert "手写" in err.value.message
    assert isinstance(err.value, UserError)


@pytest.mark.parametrize(("field", "change"), [
    ("申请人姓名", {"applicant_name": f"李{RARE}"}),
    ("经办人姓名", {"staff_name": f"张{RARE}"}),
])
def test_rare_characters_in_other_printed_fields_are_refused(
        field: str, change: dict[str, str], station: Station, item: CatalogueItem) -> None:
    ctx = context(NoticeKind.ONE_TIME, station, item, case=False, **change)
    with pytest.raises(UnprintableText, match=field):
        render_notice(ctx)


def test_rare_characters_in_station_or_reason_are_refused(station: Station,
                                                          item: CatalogueItem) -> None:
    odd_station = dataclasses.replace(station, name=f"{RARE}村便民服务站")
    with pytest.raises(UnprintableText, match="便民服务站名称"):
        render_notice(context(NoticeKind.ONE_TIME, odd_station, item))
    odd_address = dataclasses.replace(station, address=f"石泉县{RARE}村")
    with pytest.raises(UnprintableText, match="便民服务站地址"):
        render_notice(context(NoticeKind.ONE_TIME, odd_address, item))
    case = make_case(item, status=Status.NOT_ACCEPTED, reason=f"户籍不在{RARE}村")
    with pytest.raises(UnprintableText, match="理由"):
        render_notice(context(NoticeKind.REJECTION, station, item, case=case))


def test_rare_character_in_the_item_is_refused_naming_the_material(
        station: Station, item: CatalogueItem) -> None:
    odd = dataclasses.replace(item, materials=(Material(f"{RARE}证明"), *item.materials[1:]))
    with pytest.raises(UnprintableText, match="申请材料（第 1 项）"):
        render_notice(context(NoticeKind.ONE_TIME, station, odd, case=False))


def test_check_printable_names_the_field() -> None:
    check_printable({"申请人姓名": "王秀兰", "住址": ""})
    with pytest.raises(UnprintableText) as err:
        check_printable({"申请人姓名": "王秀兰", "住址": f"西沟村{RARE}组"})
    assert err.value.field == "住址"


@needs_poppler
def test_incomplete_item_refuses_one_time_unless_allowed(station: Station,
                                                         item: CatalogueItem,
                                                         tmp_path: Path) -> None:
    gappy = dataclasses.replace(item, legal_basis="", non_acceptance=())
    assert gappy.missing_elements() == ["设定依据", "不予受理情形"]
    ctx = context(NoticeKind.ONE_TIME, station, gappy)
    with pytest.raises(UserError) as err:
        render_notice(ctx)
    assert "设定依据" in err.value.message and "不予受理情形" in err.value.message
    text = text_of(render_notice(ctx, allow_incomplete=True), tmp_path)
    assert "（要素不全：设定依据、不予受理情形）" in text
    # other kinds do not depend on the guide elements being complete
    render_notice(context(NoticeKind.ACCEPTANCE, station, gappy))


@pytest.mark.parametrize(("kind", "case_changes", "match"), [
    (NoticeKind.SUPPLEMENT, {"materials": "all"}, "已齐全"),
    (NoticeKind.REJECTION, {"status": Status.ACCEPTED, "reason": "x"}, "不予受理"),
    (NoticeKind.REJECTION, {"status": Status.NOT_ACCEPTED, "reason": " "}, "理由"),
    (NoticeKind.RECEIPT, {"status": Status.IN_PROGRESS}, "办结后"),
    (NoticeKind.ACCEPTANCE, {"status": Status.SUPPLEMENT}, "尚未受理"),
])
def test_notices_that_do_not_fit_the_case_are_refused(
        kind: NoticeKind, case_changes: dict[str, Any], match: str, station: Station,
        item: CatalogueItem) -> None:
    if case_changes.get("materials") == "all":
        case_changes = {**case_changes, "materials": all_received(item)}
    case = make_case(item, **case_changes)
    with pytest.raises(UserError, match=match):
        render_notice(context(kind, station, item, case=case))


@pytest.mark.parametrize("kind", sorted(k for k in NoticeKind if k not in (
    NoticeKind.ONE_TIME, NoticeKind.APPOINTMENT)))
def test_case_notices_need_a_case(kind: NoticeKind, station: Station,
                                  item: CatalogueItem) -> None:
    with pytest.raises(UserError, match="先登记办件"):
        render_notice(context(kind, station, item, case=False))


def test_appointment_needs_a_time(station: Station, item: CatalogueItem) -> None:
    with pytest.raises(UserError, match="预约时间"):
        render_notice(context(NoticeKind.APPOINTMENT, station, item, appointment={}))


def test_titles() -> None:
    assert [k.title for k in NoticeKind] == [
        "一次性告知书", "受理通知书", "补正材料通知书", "不予受理/退回告知书",
        "帮办代办委托书", "办结（送达）回执", "预约确认单", "延期告知书"]
    assert [k.value for k in NoticeKind] == [
        "one-time", "acceptance", "supplement", "rejection", "entrust", "receipt",
        "appointment", "extension"]


# -- fonts and line breaking -------------------------------------------------------------------

def test_fixed_text_is_in_both_fonts() -> None:
    """Every Chinese character written in the print code (labels are bold) is in
    the regular font and in the subset bold one."""
    package = Path(__file__).resolve().parents[2] / "src" / "station_desk"
    sources = [*(package / "print").rglob("*.py"), package / "domain" / "notices.py"]
    text = "".join(p.read_text("utf-8") for p in sources)
    chars = "".join(sorted({ch for ch in text if not ch.isascii()}))
    assert _missing(chars, BODY) == []
    assert _missing(chars, BOLD) == []


def test_bold_falls_back_to_regular_for_characters_outside_its_subset() -> None:
    assert bold_font_for("西沟村便民服务站") == BOLD
    assert bold_font_for("堃村便民服务站") == BODY  # 堃: in the full regular font only
    assert missing_glyphs("堃") == []


def _lines(text: str, per_line: int) -> list[str]:
    ends = break_positions(text, [1.0] * len(text), [float(per_line)])
    starts = [0, *ends[:-1]]
    return [text[a:b] for a, b in zip(starts, ends, strict=True)]


def test_line_breaks_follow_chinese_rules() -> None:
    # a closing mark never starts a line: it hangs on the previous one
    lines = _lines("甲乙丙丁，戊己", 4)
    assert lines[0] == "甲乙丙丁，"
    # two closing marks: the last character goes down with them
    lines = _lines("甲乙丙丁）。戊己", 4)
    assert lines == ["甲乙丙", "丁）。戊", "己"]
    # an opening mark never ends a line
    assert _lines("甲乙丙（丁）", 4)[0] == "甲乙丙"
    # a number is not split
    assert _lines("拨打12345热线", 5) == ["拨打", "12345", "热线"]
    assert "".join(_lines("一二三四五六七八九十" * 3, 7)) == "一二三四五六七八九十" * 3


# -- boards --------------------------------------------------------------------------------------

@needs_poppler
@pytest.mark.parametrize(("kind", "pages"), [("village", 3), ("town", 5)])
def test_rules_boards_one_rule_per_page(kind: Any, pages: int, tmp_path: Path) -> None:
    pdf = render_rules_board(kind, "A4", station_name="西沟村便民服务站")
    assert pages_of(pdf, tmp_path) == pages
    text = text_of(pdf, tmp_path)
    rules = load_rules(kind)
    assert len(rules) == pages
    for rule in rules:
        assert squeeze(rule.title) in text
        for paragraph in rule.paragraphs:
            assert squeeze(paragraph) in text
    assert "西沟村便民服务站" in text
    assert all(row[-5:-3] == ["yes", "yes"] for row in fonts_of(pdf, tmp_path))
    assert pdf == render_rules_board(kind, "A4", station_name="西沟村便民服务站")


@needs_poppler
def test_a3_board(tmp_path: Path) -> None:
    pdf = render_rules_board("town", "A3")
    info = _run("pdfinfo", pdf, tmp_path)
    assert re.search(r"Page size:\s+841\.89 x 1190\.55", info), info
    assert pages_of(pdf, tmp_path) == 5


def test_rules_text_is_clean() -> None:
    town = [r.title for r in load_rules("town")]
    village = [r.title for r in load_rules("village")]
    assert town == ["帮办代办工作制度", "首问责任制", "一次性告知制", "限时办结制", "效能投诉制度"]
    assert village == ["帮办代办工作制度", "首问责任制", "一次性告知制"]
    texts = [t for r in (*load_rules("town"), *load_rules("village"))
             for t in (r.title, *r.paragraphs)]
    assert not any("37天" in t for t in texts)
    assert any("7天内处理完毕" in t for t in texts)
    for t in texts:
        assert not re.search(r'[(),;:"]', t), f"half-width punctuation left from the OCR: {t}"
    for rule in (*load_rules("town"), *load_rules("village")):
        top = [p[0] for p in rule.paragraphs if re.match("^[一二三四五六七八九十]、", p)]
        assert top == list("一二三四五六七八九十")[:len(top)], (rule.title, top)


def test_unknown_board_kind_or_size_is_refused() -> None:
    with pytest.raises(UserError):
        render_rules_board("city", "A4")  # type: ignore[arg-type]
    with pytest.raises(UserError):
        render_rules_board("town", "B5")  # type: ignore[arg-type]


# -- layering --------------------------------------------------------------------------------------

def test_print_layer_imports_only_domain_and_reportlab() -> None:
    folder = Path(__file__).resolve().parents[2] / "src" / "station_desk" / "print"
    forbidden = ("PySide6", "shiboken6", "sqlite3", "sqlite_utils", "station_desk.db",
                 "station_desk.services", "station_desk.ui", "station_desk.cli")
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(forbidden), f"{path.name} imports {name}"
