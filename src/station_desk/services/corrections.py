"""`desk.corrections`: put right what was mistyped at intake, and take in part of a
supplement. Every change keeps the old value in the case history with its reason;
what the law fixes once done (a finished case, an issued notice) is never rewritten."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..db import cases_repo
from ..db.errors import storage_errors
from ..domain import pinyin
from ..domain.cases import Applicant, Case, Channel, Status
from ..domain.catalogue import CaseType
from ..domain.errors import UserError
from ..domain.idnumber import mask_id_numbers_in
from .cases import CaseDesk
from .catalogue import CatalogueDesk
from .intake import InvalidCase, check_applicant
from .session import Session
from .store import Store

CORRECTION = "更正"
APPLICANT_FIELDS = {"name": "申请人姓名", "id_number": "身份证号", "phone": "联系电话",
                    "address": "住址"}
FIELD_LABELS = {**{f"applicant.{k}": v for k, v in APPLICANT_FIELDS.items()},
                "item": "办理事项", "case_type": "办件类型", "channel": "来源渠道",
                "materials": "已收材料"}


@dataclass(frozen=True)
class CaseCorrection:
    """What to correct; fields left out stay as they are. `reason` is required."""
    reason: str
    applicant: dict[str, str] = field(default_factory=dict)
    item: str | None = None
    case_type: CaseType | None = None
    channel: Channel | None = None


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)


class CorrectionDesk:
    def __init__(self, store: Store, session: Session, catalogue: CatalogueDesk,
                 cases: CaseDesk) -> None:
        self._store = store
        self._session = session
        self._catalogue = catalogue
        self._cases = cases

    def _open_case(self, case_no: str) -> Case:
        case = self._cases.for_action(case_no)
        if not case.status.is_open:
            raise UserError(f"办件 {case.case_no} 已{case.status.value}，登记的内容不能再改；"
                            "如确有错误，请在备注中说明", field="case_no")
        return case

    def edit(self, case_no: str, correction: CaseCorrection) -> list[Change]:
        """Apply the correction; returns what changed (nothing: no change written)."""
        case = self._open_case(case_no)
        reason = correction.reason.strip()
        if not reason:
            raise UserError("请写明更正的原因（如：登记时姓名录错）", field="reason")
        unknown = set(correction.applicant) - set(APPLICANT_FIELDS)
        if unknown:
            raise UserError("不认识的申请人字段：" + "、".join(sorted(unknown))
                            + "；可改 " + "、".join(APPLICANT_FIELDS), field="applicant")
        changes, row = self._applicant_changes(case, correction.applicant)
        new_item = None
        if correction.item is not None:
            new_item = self._catalogue.item(correction.item)
            if new_item.code != case.item_code:
                changes.append(Change("item", case.item_name, new_item.name))
                received = {m.name for m in case.materials if m.received}
                row.update({
                    "item_code": new_item.code, "item_name": new_item.name,
                    "category": new_item.category, "window": new_item.window,
                    "promised_days": new_item.time_limit_days,
                    "statutory_days": new_item.statutory_days,
                    "licence": None if new_item.licence is None else int(new_item.licence),
                    "materials": json.dumps(
                        [{"name": m.name, "originals": m.originals, "copies": m.copies,
                          "received": m.name in received or not (m.originals or m.copies)}
                         for m in new_item.materials], ensure_ascii=False)})
        if correction.case_type == CaseType.RETURNED:
            raise UserError("退回件要写明书面退回理由：请用“退回”办理，不用更正",
                            field="case_type")
        if correction.case_type is not None and correction.case_type != case.case_type:
            changes.append(Change("case_type", case.case_type.value,
                                  correction.case_type.value))
            row["case_type"] = correction.case_type.value
        if correction.channel is not None and correction.channel != case.channel:
            changes.append(Change("channel", case.channel.value, correction.channel.value))
            row["channel"] = correction.channel.value
        if not changes:
            return []
        db, actor = self._store.db, self._session.actor
        with storage_errors(), db.atomic():
            cases_repo.update_case(db, case.id, row, actor)
            if "applicant_name" in row:
                cases_repo.replace_name_grams(db, case.id, row["applicant_name"])
            for c in changes:
                self._note(case, c, reason)
            if new_item is not None or "case_type" in row:
                self._cases.apply_clock(self._cases.get(case.case_no),
                                        "更正后重新计算期限")
        return changes

    def _applicant_changes(self, case: Case,
                           given: dict[str, str]) -> tuple[list[Change], dict[str, Any]]:
        if not given:
            return [], {}
        now = case.applicant
        merged = Applicant(given.get("name", now.name), given.get("id_number", now.id_number),
                           given.get("phone", now.phone), given.get("address", now.address),
                           now.groups)
        errors: dict[str, str] = {}
        checked = check_applicant(merged, errors)
        errors = {k: v for k, v in errors.items() if k in given}
        if errors:
            raise InvalidCase(errors)
        changes: list[Change] = []
        row: dict[str, Any] = {}
        for key in given:
            before, after = getattr(now, key), getattr(checked, key)
            if before != after:
                changes.append(Change(f"applicant.{key}", before, after))
                row["applicant_name" if key == "name" else key] = after
        if "applicant_name" in row:
            row["name_initials"] = pinyin.initials(checked.name)
            row["name_pinyin"] = pinyin.full(checked.name)
        return changes, row

    def _note(self, case: Case, change: Change, reason: str) -> None:
        # the timeline line is read on screen: ID numbers in it masked (the data keeps them)
        before, after = mask_id_numbers_in(change.before), mask_id_numbers_in(change.after)
        cases_repo.add_event(
            self._store.db, case.id, CORRECTION,
            f"{change.label}：“{before or '（空）'}”改为“{after or '（空）'}”"
            f"（原因：{reason}）", self._session.actor,
            data={"field": change.field, "before": change.before, "after": change.after,
                  "reason": reason})

    def receive(self, case_no: str, materials: list[str],
                at: datetime | None = None) -> Case:
        """Materials brought in for a supplement, all or part. The rest stays missing; when
        the last one arrives the case is accepted (dated as the legal clock says)."""
        case = self._open_case(case_no)
        if case.status != Status.SUPPLEMENT:
            raise UserError(f"办件 {case.case_no} 不在“待补正”，没有要补交的材料")
        wanted = [m.strip() for m in materials if m.strip()]
        if not wanted:
            raise UserError("请选择收到的材料", field="materials")
        strange = [m for m in wanted if m not in case.missing]
        if strange:
            raise UserError("这些不在待补正的材料里：" + "、".join(strange)
                            + "；还缺：" + "、".join(case.missing), field="materials")
        when = (at or datetime.now().astimezone()).astimezone()
        if when > datetime.now().astimezone():
            raise UserError("收到时间不能晚于现在", field="at")
        if when < case.received_at:
            raise UserError("收到时间不能早于收件时间（"
                            f"{case.received_at.astimezone():%Y-%m-%d %H:%M}）", field="at")
        still = [m for m in case.missing if m not in wanted]
        row = {"materials": json.dumps(
            [{**m.__dict__, "received": m.received or m.name in wanted}
             for m in case.materials], ensure_ascii=False)}
        db, actor = self._store.db, self._session.actor
        with storage_errors(), db.atomic():
            cases_repo.update_case(db, case.id, row, actor)
            cases_repo.add_event(
                db, case.id, CORRECTION,
                f"收到补正材料：{'、'.join(wanted)}（{when:%Y-%m-%d %H:%M}）"
                + (f"；还缺：{'、'.join(still)}" if still else "；材料已收齐"), actor,
                data={"field": "materials", "before": "、".join(case.missing),
                      "after": "、".join(still), "reason": "申请人补交材料"},
                at=when.isoformat(timespec="seconds"))
            if not still:  # the last material and the acceptance: one write, never half
                return self._cases.advance(case.case_no, Status.ACCEPTED, "补正材料已收齐",
                                           when)
        return self._cases.get(case.case_no)

    def history(self, case_no: str) -> list[dict[str, str]]:
        """[{"at","who","field","before","after","reason"}], oldest first."""
        case = self._cases.get(case_no)
        return [{"at": e["at"], "who": e["who"], "field": e["data"].get("field", ""),
                 "before": e["data"].get("before", ""), "after": e["data"].get("after", ""),
                 "reason": e["data"].get("reason", "")}
                for e in cases_repo.events_with_data(self._store.db, case.id, CORRECTION)]
