"""The holiday-schedule file a station head imports for a year the built-in
table lacks (the State Council's notice typed in; format in
docs/holiday-schedule.md): read, checked entry by entry, and written back."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from station_desk.domain.errors import UserError
from station_desk.domain.workdays import (
    IMPORTED,
    MAX_YEAR,
    MIN_YEAR,
    YearSchedule,
)
from station_desk.schemas.base import bad_character, parse_json

_KEYS = {"year", "source", "holidays", "workdays"}

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WEEKDAYS = "一二三四五六日"


def _refuse(message: str) -> UserError:
    return UserError("节假日安排文件有误：" + message, field="holidays")


def _parse_date(raw: object, year: int, what: str) -> date:
    if not isinstance(raw, str) or not _ISO_DATE.fullmatch(raw):
        raise _refuse(f"{what} {json.dumps(raw, ensure_ascii=False)} 不是 YYYY-MM-DD 格式的日期")
    try:
        d = date.fromisoformat(raw)
    except ValueError:
        raise _refuse(f"{what} {raw} 不是真实存在的日期") from None
    if d.year != year:
        raise _refuse(f"{what} {raw} 不在 {year} 年内")
    return d


def parse_schedule(text: str) -> YearSchedule:
    """Read and check an imported schedule (JSON, see docs/holiday-schedule.md).

    Every problem is a UserError in Chinese naming the entry at fault, so the
    station head can correct the file rather than guess.
    """
    try:  # the validation layer's limits: size, nesting, numbers, no NaN
        data: Any = parse_json(text, "文件", max_bytes=1024 * 1024, max_depth=6)
    except UserError as exc:
        raise _refuse(exc.message.removeprefix("文件")) from None
    if not isinstance(data, dict):
        raise _refuse("最外层应是一个 {…} 对象")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        allowed = "year、source、holidays、workdays"
        raise _refuse(f"不认识的字段 {'、'.join(unknown)}（只允许 {allowed}）")
    for key in ("year", "holidays", "workdays"):
        if key not in data:
            raise _refuse(f"缺少字段 {key}")

    year = data["year"]
    if isinstance(year, bool) or not isinstance(year, int):
        raise _refuse("year 应是一个整数年份，如 2027")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _refuse(f"年份 {year} 不在 {MIN_YEAR}–{MAX_YEAR} 之间")

    notice = data.get("source", "")
    if not isinstance(notice, str):
        raise _refuse("source 应是文字（通知的标题和文号）")
    if len(notice) > 500 or bad_character(notice, multiline=False):
        raise _refuse("source " + (bad_character(notice, multiline=False) or "太长（最多 500 字）"))

    groups = data["holidays"]
    if not isinstance(groups, list) or not groups:
        raise _refuse("holidays 中没有列出任何放假日期")
    holidays: dict[date, str] = {}
    for gi, group in enumerate(groups, start=1):
        if not isinstance(group, dict) or "dates" not in group:
            raise _refuse(f"第 {gi} 组节假日应是 {{\"name\": …, \"dates\": […]}} 的形式")
        extra = sorted(set(group) - {"name", "dates"})
        if extra:
            raise _refuse(f"第 {gi} 组节假日有不认识的字段 {'、'.join(extra)}")
        name = group.get("name", "")
        if not isinstance(name, str):
            raise _refuse(f"第 {gi} 组节假日的 name 应是文字")
        if len(name) > 40 or bad_character(name, multiline=False):
            raise _refuse(f"第 {gi} 组节假日的 name "
                          + (bad_character(name, multiline=False) or "太长（最多 40 字）"))
        label = f"第 {gi} 组节假日（{name}）" if name else f"第 {gi} 组节假日"
        dates = group["dates"]
        if not isinstance(dates, list) or not dates:
            raise _refuse(f"{label}没有列出日期")
        for di, raw in enumerate(dates, start=1):
            d = _parse_date(raw, year, f"{label}第 {di} 个日期")
            if d in holidays:
                raise _refuse(f"放假日期 {d.isoformat()} 重复出现")
            holidays[d] = name

    raw_workdays = data["workdays"]
    if not isinstance(raw_workdays, list):
        raise _refuse("workdays 应是日期列表（没有调休上班日时写 []）")
    workdays: list[date] = []
    for wi, raw in enumerate(raw_workdays, start=1):
        what = f"第 {wi} 个调休上班日期"
        d = _parse_date(raw, year, what)
        if d in holidays:
            raise _refuse(f"{what} {d.isoformat()} 同时被列为放假日期")
        if d in workdays:
            raise _refuse(f"{what} {d.isoformat()} 重复出现")
        if d.weekday() < 5:
            raise _refuse(
                f"{what} {d.isoformat()} 不是周末（是星期{_WEEKDAYS[d.weekday()]}），"
                "调休上班日只会是周六或周日"
            )
        workdays.append(d)

    return YearSchedule(
        year=year,
        holidays=frozenset(holidays),
        workdays=frozenset(workdays),
        source=IMPORTED,
        notice=notice,
        names=tuple(sorted((d, n) for d, n in holidays.items() if n)),
    )


def schedule_to_json(s: YearSchedule) -> str:
    """The schedule as import-file JSON, for storing; parse_schedule reads it back.

    Holiday dates are grouped by festival name in date order; make-up days are
    stored as a plain list (their names are not part of the file format).
    """
    named = dict(s.names)
    groups: list[dict[str, Any]] = []
    by_name: dict[str, dict[str, Any]] = {}
    for d in sorted(s.holidays):
        name = named.get(d, "")
        group = by_name.get(name)
        if group is None:
            group = {"name": name, "dates": []}
            by_name[name] = group
            groups.append(group)
        group["dates"].append(d.isoformat())
    data = {
        "year": s.year,
        "source": s.notice,
        "holidays": groups,
        "workdays": [d.isoformat() for d in sorted(s.workdays)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
