"""The rules for one incoming record: whether the sender may write it at all
(it must be the sender's own case, or — coming back — ours), and which fields
each side owns when an existing record is updated (the town keeps its own
status and dates once it has taken a case over; the proxy step only moves
forward)."""

from __future__ import annotations

from typing import Any

from ..domain.cases import parse_case_no
from .report import FIELD_LABELS
from .tables import (
    CASE_CHILDREN,
    SHARED_FIELDS,
    STAMPS,
    STATION_TABLES,
    TOWN_FIELDS,
    case_sort_key,
    check_case,
    furthest_step,
    town_has_it,
)

Row = dict[str, Any]


def check_record(table: str, row: Row, old: Row | None, version: tuple[str, int] | None,
                 ctx: dict[str, Any], *, sender: str, me_code: str, up: bool) -> str:
    """Why the record may not be written (empty if it may). `up`: a village's
    changes arriving at its town; else a return bundle arriving at a village."""
    owner = sender if up else me_code
    whose = "发件站" if up else "本站"
    if table == "cases":
        station = (old or row).get("station_code")
        if station != owner or (up and row.get("station_code") != owner):
            where = station or row.get("station_code")
            return f"办件属于站点 {where}，不是{whose}的办件"
        if up:
            parsed = parse_case_no(str(row.get("case_no", "")))
            if parsed is None or parsed[0] != owner:
                return f"办件编号“{row.get('case_no')}”与站点编码不符"
            problem = check_case({**(old or {}), **row})
            if problem:
                return problem
        elif old is None:
            return "本站没有这件办件（可能本站数据曾从备份恢复）"
    if up and table in STATION_TABLES and (old or row).get("station_code") != sender:
        return f"记录属于站点 {(old or row).get('station_code')}，不是发件站的记录"
    if table in CASE_CHILDREN:
        case_id = row.get("case_id")
        if case_id:
            station = ctx["case_station"].get(case_id)
            if station is None:
                return f"所属办件 {case_id} 尚未收到（可能缺少之前的同步包）"
            if station != owner:
                return "所属办件不是" + whose + "的办件"
    if up and old is not None and (version is None or version[0] != sender):
        return "本中心已有同一编号的记录，且不是从该站导入的，不能被覆盖"
    return ""


def for_insert(table: str, row: Row, cols: dict[str, bool], at: str) -> Row:
    """A new row as stored: missing time stamps filled in, cases sortable."""
    row = dict(row)
    for stamp in STAMPS:
        if stamp in cols and not row.get(stamp):
            row[stamp] = at
    if table == "cases":
        row["sort_key"] = case_sort_key(row)
    return row


def merged_changes(table: str, row: Row, old: Row, *, up: bool, mine: set[str],
                   kept: list[dict[str, Any]] | None) -> Row:
    """The incoming row after field ownership; only the fields to change.

    `mine`: cases whose status the town changed itself. Town-owned fields the
    town keeps are listed in `kept` (unless None).
    """
    if table == "cases" and up:
        new = dict(row)
        if old["id"] in mine or town_has_it(old):
            for f in TOWN_FIELDS:
                if f in new and new[f] != old[f]:
                    if f in FIELD_LABELS and kept is not None:
                        kept.append({
                            "case_no": old["case_no"], "field": f,
                            "field_label": FIELD_LABELS[f], "theirs": new[f],
                            "ours": old[f]})
                    new[f] = old[f]
        new["proxy_step"] = furthest_step(old.get("proxy_step"), row.get("proxy_step"))
        new["sort_key"] = case_sort_key({**old, **new})
    elif table == "cases":
        new = {f: row[f] for f in TOWN_FIELDS if f in row}
        for f in SHARED_FIELDS:
            if f in row:
                new[f] = furthest_step(old.get(f), row.get(f))
        new["sort_key"] = case_sort_key({**old, **new})
    else:
        new = {k: v for k, v in row.items() if k != "id"}
    return {k: v for k, v in new.items()
            if k not in STAMPS and k != "id" and old.get(k) != v}
