"""Service items and their guide elements (办事指南要素, manual §二.1–二.2).

The manual lists the items but gives no guide elements; the shipped data fills
them from public guides and marks each item unverified (待核实) until the town
or county confirms it. An item with any element empty is "incomplete": notices
must not be printed from it with blanks.

The legal-clock elements — 法定时限, whether the item is a 行政许可, the deciding
authority (决定机关) and its 行政复议机关 — are shipped where known and left
unset (shown 待核实) otherwise; unset they do not block printing, except that a
不予受理/退回 notice needs the authority and the review body.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .errors import UserError


class CaseType(StrEnum):
    IMMEDIATE = "即办件"
    PROMISED = "承诺件"
    JOINT = "联办件"
    RETURNED = "退回件"


ITEM_CASE_TYPES = (CaseType.IMMEDIATE, CaseType.PROMISED, CaseType.JOINT)
UNVERIFIED = "待核实"


@dataclass(frozen=True)
class Material:
    name: str
    originals: int = 1
    copies: int = 0
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "originals": self.originals, "copies": self.copies,
                "note": self.note}


@dataclass(frozen=True)
class CatalogueItem:
    code: str
    category: str
    name: str
    case_type: CaseType
    time_limit_days: int
    legal_basis: str
    materials: tuple[Material, ...]
    procedure: tuple[str, ...]
    department: str
    window: str
    in_person: bool
    fee: str
    result: str
    non_acceptance: tuple[str, ...]
    verified: bool
    statutory_days: int | None = None  # 法定时限 (working days); None: 待核实
    licence: bool | None = None  # 行政许可 (True) or public service (False); None: 待核实
    authority: str = ""  # the department that decides (决定机关)
    review_body: str = ""  # where to seek administrative review (行政复议机关)
    id: str = ""
    pinyin_initials: str = ""
    pinyin_full: str = ""
    retired: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def status_label(self) -> str:
        if self.missing_elements():
            return "要素不全"
        return "已核实" if self.verified else "待核实"

    def legal_labels(self) -> dict[str, str]:
        """The legal-clock elements as shown to people (待核实 where unset)."""
        return {
            "法定时限": UNVERIFIED if self.statutory_days is None
            else f"{self.statutory_days} 个工作日",
            "承诺时限": "即办" if self.case_type == CaseType.IMMEDIATE
            else f"{self.time_limit_days} 个工作日",
            "事项性质": UNVERIFIED if self.licence is None
            else ("行政许可" if self.licence else "公共服务"),
            "决定机关": self.authority or UNVERIFIED,
            "复议机关": self.review_body or UNVERIFIED,
        }

    def missing_elements(self) -> list[str]:
        """Names of the guide elements that are empty (in Chinese)."""
        missing = []
        if not self.legal_basis.strip():
            missing.append("设定依据")
        if not self.materials or any(not m.name.strip() for m in self.materials):
            missing.append("申请材料")
        if not self.procedure:
            missing.append("办理流程")
        if self.case_type != CaseType.IMMEDIATE and self.time_limit_days <= 0:
            missing.append("承诺时限")
        if not self.department.strip():
            missing.append("实施部门")
        if not self.window.strip():
            missing.append("受理窗口")
        if not self.fee.strip():
            missing.append("收费标准")
        if not self.result.strip():
            missing.append("办理结果")
        if not self.non_acceptance:
            missing.append("不予受理情形")
        return missing

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code, "category": self.category, "name": self.name,
            "case_type": self.case_type.value, "time_limit_days": self.time_limit_days,
            "legal_basis": self.legal_basis,
            "materials": [m.to_dict() for m in self.materials],
            "procedure": list(self.procedure), "department": self.department,
            "window": self.window, "in_person": self.in_person, "fee": self.fee,
            "result": self.result, "non_acceptance": list(self.non_acceptance),
            "verified": self.verified, "statutory_days": self.statutory_days,
            "licence": self.licence, "authority": self.authority,
            "review_body": self.review_body,
        }


def item_from_dict(data: dict[str, Any]) -> CatalogueItem:
    """Build and check an item from its JSON form; Chinese message on bad data."""
    name = str(data.get("name", "")).strip()
    label = name or str(data.get("code", "?"))
    try:
        case_type = CaseType(data["case_type"])
        if case_type not in ITEM_CASE_TYPES:
            raise ValueError
        limit = int(data.get("time_limit_days", 0))
        if limit < 0 or (case_type == CaseType.IMMEDIATE and limit != 0):
            raise UserError(f"事项“{label}”的承诺时限不对：即办件为 0，其余为正的工作日数",
                            field="time_limit_days")
        statutory = data.get("statutory_days")
        statutory = None if statutory is None or statutory == "" else int(statutory)
        licence = data.get("licence")
        if licence is not None and not isinstance(licence, bool):
            licence = bool(int(licence))
        materials = tuple(
            Material(str(m["name"]).strip(), int(m.get("originals", 1)),
                     int(m.get("copies", 0)), str(m.get("note", "")))
            for m in data.get("materials", [])
        )
    except (KeyError, ValueError, TypeError):
        raise UserError(f"事项“{label}”的数据不完整或格式不对（办件类型、时限或材料）") from None
    if not name:
        raise UserError("事项名称不能为空", field="name")
    if any(m.originals < 0 or m.copies < 0 for m in materials):
        raise UserError(f"事项“{label}”的材料份数不能为负数", field="materials")
    item = CatalogueItem(
        code=str(data["code"]).strip(),
        category=str(data.get("category", "")).strip(),
        name=name,
        case_type=case_type,
        time_limit_days=limit,
        legal_basis=str(data.get("legal_basis", "")).strip(),
        materials=materials,
        procedure=tuple(str(s).strip() for s in data.get("procedure", []) if str(s).strip()),
        department=str(data.get("department", "")).strip(),
        window=str(data.get("window", "")).strip(),
        in_person=bool(data.get("in_person", False)),
        fee=str(data.get("fee", "")).strip(),
        result=str(data.get("result", "")).strip(),
        non_acceptance=tuple(str(s).strip() for s in data.get("non_acceptance", [])
                             if str(s).strip()),
        verified=bool(data.get("verified", False)),
        statutory_days=statutory,
        licence=licence,
        authority=str(data.get("authority") or "").strip(),
        review_body=str(data.get("review_body") or "").strip(),
    )
    check_legal_elements(item)
    return item


def check_legal_elements(item: CatalogueItem) -> None:
    """The promise may not exceed the law: 承诺时限 ≤ 法定时限 when both are known."""
    if item.statutory_days is not None and (item.statutory_days < 0
                                            or item.statutory_days < item.time_limit_days):
        raise UserError(f"事项“{item.name}”的法定时限不对：应为不小于承诺时限"
                        f"（{item.time_limit_days} 个工作日）的工作日数，不清楚时留空（待核实）",
                        field="statutory_days")
