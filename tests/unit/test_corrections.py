"""Corrections after intake: old values kept with a reason, nothing final rewritten."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from station_desk.domain.cases import Applicant, Channel, Status
from station_desk.domain.catalogue import CaseType
from station_desk.domain.errors import UserError
from station_desk.domain.notices import NoticeKind
from station_desk.services.cases import CaseInput
from station_desk.services.corrections import CaseCorrection
from station_desk.services.desk import Desk
from station_desk.services.intake import InvalidCase

PENSION = "08-02"  # 城乡居民养老保险待遇申领, 承诺件
PENSION_MATERIALS = ["居民身份证或户口簿", "《城乡居民基本养老保险待遇申领表》",
                     "社会保障卡或银行卡"]


ID_NUMBER = "610922196503120046"


def register(desk: Desk, name: str, *, code: str = PENSION, complete: bool = True) -> str:
    item = desk.catalogue.item(code)
    received = tuple(m.name for m in item.materials) if complete else ()
    return desk.cases.register(CaseInput(
        item=code, applicant=Applicant(name, ID_NUMBER, "13909151001", "西沟村三组"),
        received=received, received_at=datetime.now().astimezone() - timedelta(minutes=5),
    )).case.case_no


@pytest.fixture
def desk(village: Desk) -> Desk:
    village.session.sign_in("张丽", "222222")
    return village


def test_applicant_fields_corrected_with_the_old_value_in_the_history(desk: Desk) -> None:
    case_no = register(desk, "王秀央")
    changes = desk.corrections.edit(case_no, CaseCorrection(
        reason="登记时姓名录错", applicant={"name": "王秀英", "phone": "13909151002"}))
    assert {c.field for c in changes} == {"applicant.name", "applicant.phone"}
    case = desk.cases.get(case_no)
    assert case.applicant.name == "王秀英" and case.applicant.phone == "13909151002"
    history = desk.corrections.history(case_no)
    name = next(h for h in history if h["field"] == "applicant.name")
    assert (name["before"], name["after"], name["reason"], name["who"]) == (
        "王秀央", "王秀英", "登记时姓名录错", "张丽")
    found = desk.cases.page(desk.cases.make_filter(search="秀英"), limit=10)
    assert [c.case_no for c in found] == [case_no]
    assert desk.cases.page(desk.cases.make_filter(search="秀央"), limit=10) == []


def test_a_correction_needs_a_reason_and_valid_values(desk: Desk) -> None:
    case_no = register(desk, "王秀英")
    with pytest.raises(UserError) as no_reason:
        desk.corrections.edit(case_no, CaseCorrection(reason=" ", applicant={"phone": "1"}))
    assert no_reason.value.field == "reason"
    with pytest.raises(InvalidCase) as bad:
        desk.corrections.edit(case_no, CaseCorrection(reason="x", applicant={"phone": "12"}))
    assert "phone" in bad.value.errors
    assert desk.corrections.history(case_no) == []


def test_item_type_and_channel_corrected_and_the_deadline_follows(desk: Desk) -> None:
    case_no = register(desk, "王秀英")
    before = desk.cases.get(case_no)
    desk.corrections.edit(case_no, CaseCorrection(
        reason="选错事项", item="08-01", case_type=CaseType.JOINT, channel=Channel.PHONE))
    after = desk.cases.get(case_no)
    assert after.item_code == "08-01" and after.item_name != before.item_name
    assert after.channel == Channel.PHONE
    fields = [h["field"] for h in desk.corrections.history(case_no)]
    assert "item" in fields and "channel" in fields
    assert any(e.kind == "期限" for e in desk.cases.timeline(after))


def test_a_finished_case_is_never_rewritten(desk: Desk) -> None:
    case_no = register(desk, "王秀英")
    desk.cases.advance(case_no, Status.COMPLETED)
    with pytest.raises(UserError) as refused:
        desk.corrections.edit(case_no, CaseCorrection(reason="x", applicant={"name": "李四"}))
    assert "不能再改" in refused.value.message
    assert desk.cases.get(case_no).applicant.name == "王秀英"


def test_part_of_a_supplement_received_the_rest_stays_missing(desk: Desk) -> None:
    case_no = register(desk, "王秀英", complete=False)
    case = desk.cases.get(case_no)
    assert case.status == Status.SUPPLEMENT
    due = case.supplement_due
    case = desk.corrections.receive(case_no, [PENSION_MATERIALS[0]])
    assert case.status == Status.SUPPLEMENT
    assert case.missing == PENSION_MATERIALS[1:]
    assert case.supplement_due == due  # the notice clock runs from receipt, unchanged
    with pytest.raises(UserError):
        desk.corrections.receive(case_no, [PENSION_MATERIALS[0]])  # already in
    case = desk.corrections.receive(case_no, PENSION_MATERIALS[1:])
    assert case.status == Status.ACCEPTED and case.missing == []
    assert [h["field"] for h in desk.corrections.history(case_no)] == ["materials"] * 2


def test_the_last_material_and_the_acceptance_are_written_together(
        desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    case_no = register(desk, "王秀英", complete=False)

    def power_cut(*args: object, **kwargs: object) -> None:
        raise OSError("the PC went off between the two writes")

    monkeypatch.setattr(desk.cases, "advance", power_cut)
    with pytest.raises(OSError):
        desk.corrections.receive(case_no, PENSION_MATERIALS)
    case = desk.cases.get(case_no)
    assert case.status == Status.SUPPLEMENT and case.missing == PENSION_MATERIALS
    assert desk.corrections.history(case_no) == []


def test_a_notice_reissued_as_a_new_version_beside_the_first(desk: Desk) -> None:
    case_no = register(desk, "王秀央", code=PENSION)
    first = desk.notices.issue(case_no, NoticeKind.ONE_TIME)
    with pytest.raises(UserError):
        desk.notices.reissue(case_no, NoticeKind.ACCEPTANCE)
    desk.corrections.edit(case_no, CaseCorrection(reason="姓名录错",
                                                  applicant={"name": "王秀英"}))
    second = desk.notices.reissue(case_no, NoticeKind.ONE_TIME)
    assert not second.reprint
    assert second.notice.notice_no != first.notice.notice_no
    assert second.pdf != first.pdf
    versions = desk.notices.versions(case_no)
    assert [(n.notice_no, v) for n, v in versions] == [
        (first.notice.notice_no, 1), (second.notice.notice_no, 2)]
    assert desk.notices.pdf(first.notice) == first.pdf  # the first stays as printed


def test_search_by_short_number_and_id_or_phone_tail(desk: Desk) -> None:
    first = register(desk, "王秀英")
    second = register(desk, "李桂兰")
    seq = int(second.rsplit("-", 1)[1])
    year = second.split("-")[1]

    def found(text: str) -> list[str]:
        return [c.case_no for c in desk.cases.page(desk.cases.make_filter(search=text),
                                                   limit=10)]

    assert found(f"{seq:05d}") == [second]
    assert found(f"{year}-{seq:05d}") == [second]
    assert sorted(found("1001")) == sorted([first, second])  # the phone's last 4 digits
    assert sorted(found(ID_NUMBER[-4:])) == sorted([first, second])
    assert found("9999") == []


def test_tail_search_uses_an_index(desk: Desk) -> None:
    plan = desk.db.execute("EXPLAIN QUERY PLAN SELECT id FROM cases "
                           "WHERE substr(phone, -4) = '1001'").fetchall()
    assert any("cases_phone_tail" in str(row) for row in plan)
