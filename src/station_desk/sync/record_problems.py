"""Why a bundle record is held back (quarantined), in the Chinese the import
report shows: its shape, its columns, or what the database refused."""

from __future__ import annotations

from typing import Any

from ..schemas.records import row_problem
from .merge import Row


def valid_seq(seq: Any) -> bool:
    """A change number as bundles carry it: a positive integer JSON can hold exactly."""
    return isinstance(seq, int) and not isinstance(seq, bool) and 0 < seq < 2**53


def safe_seq(seq: Any) -> int:
    """The record's change number for the quarantine, 0 where it is not one."""
    return seq if valid_seq(seq) else 0


def shape_problem(rec: Row) -> str:
    """Why a record cannot even be matched against what is stored (checked before
    its version). The record id must be the row's own id: the version check reads
    one and the write uses the other, so a record claiming its own id while
    carrying another station's row id could overwrite that station's row."""
    data, seq = rec.get("data"), rec.get("seq")
    if not isinstance(data, dict) or not isinstance(rec.get("id"), str) or not valid_seq(seq):
        return "记录格式不对"
    if data.get("id") != rec["id"]:
        return "记录编号与记录内容里的编号不符"
    return ""


def content_problem(table: str, data: Row, line_bytes: int | None = None) -> str:
    """Why a record's row may not be stored (its columns, by the table's schema).
    `line_bytes`: the length of the bundle line it was read from, if known."""
    for key, value in data.items():
        if type(value) is str or value is None:
            continue  # most columns: nothing to see here
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 2**63:
            return f"字段 {key} 的数值太大"
        if isinstance(value, dict | list) and not (isinstance(value, dict)
                                                   and set(value) <= {"sha256", "bytes"}):
            return f"字段 {key} 的格式不对"
    return row_problem(table, data, line_bytes=line_bytes)


def integrity_reason(exc: Exception, row: Row) -> str:
    text = str(exc)
    if "cases.case_no" in text:
        return f"办件编号“{row.get('case_no')}”已被本中心另一件办件使用"
    if "UNIQUE" in text:
        return f"与已有记录重复（{text.split(':')[-1].strip()}）"
    if "FOREIGN KEY" in text:
        return "所指的记录尚未收到（可能缺少之前的同步包）"
    if "NOT NULL" in text:
        return f"缺少必填字段（{text.split(':')[-1].strip()}）"
    return f"数据库拒绝写入：{text}"
