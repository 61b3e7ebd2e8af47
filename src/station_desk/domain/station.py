"""Station kinds, their prescribed windows, staff roles (manual §一.3.2, §三.1)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum

from .errors import UserError


class StationKind(StrEnum):
    VILLAGE = "village"
    COMMUNITY = "community"
    TOWN1 = "town1"
    TOWN2 = "town2"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def is_town(self) -> bool:
        return self in (StationKind.TOWN1, StationKind.TOWN2)

    @property
    def default_windows(self) -> tuple[str, ...]:
        return DEFAULT_WINDOWS[self]


_KIND_LABELS = {
    StationKind.VILLAGE: "村便民服务站",
    StationKind.COMMUNITY: "社区便民服务站",
    StationKind.TOWN1: "一类镇便民服务中心",
    StationKind.TOWN2: "二类镇便民服务中心",
}

# Manual §一.3.2.2–3.2.5, names exactly as prescribed.
DEFAULT_WINDOWS: dict[StationKind, tuple[str, ...]] = {
    StationKind.TOWN1: (
        "退役军人、民政窗口",
        "社保、残联窗口",
        "卫健、医保窗口",
        "综合窗口",
        "帮办代办窗口",
    ),
    StationKind.TOWN2: (
        "民政、社保、退役军人窗口",
        "卫健、医保、残联窗口",
        "综合窗口（帮办代办窗口）",
    ),
    StationKind.COMMUNITY: (
        "民政、退役军人、社保窗口",
        "卫健、医保、残联窗口",
        "综合窗口（帮办代办窗口）",
    ),
    StationKind.VILLAGE: ("综合窗口", "帮办代办窗口"),
}

# Manual §一.3.2.1: which towns of the county are class 1 and class 2.
TOWN_CLASS_1 = ("城关镇", "池河镇", "后柳镇", "中池镇", "喜河镇")
TOWN_CLASS_2 = ("饶峰镇", "两河镇", "曾溪镇", "云雾山镇", "熨斗镇", "迎丰镇")


class Role(StrEnum):
    HEAD = "head"
    AGENT = "agent"
    CLERK = "clerk"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.HEAD: "站长/中心主任",
    Role.AGENT: "帮办代办员",
    Role.CLERK: "窗口工作人员",
}


def parse_kind(text: str) -> StationKind:
    try:
        return StationKind(text)
    except ValueError:
        raise UserError(
            f"站点类型“{text}”不认识：应为 village（村）、community（社区）、"
            "town1（一类镇）或 town2（二类镇）",
            field="kind",
        ) from None


def parse_role(text: str) -> Role:
    for role in Role:
        if text in (role.value, role.label):
            return role
    raise UserError(
        f"岗位“{text}”不认识：应为 head（站长）、agent（帮办代办员）或 clerk（窗口工作人员）",
        field="role",
    )


_CODE = re.compile(r"^\d{12}$")


def check_station_code(code: str) -> str:
    """The 12-digit administrative-division code style, e.g. 610922100201."""
    code = code.strip()
    if not _CODE.match(code):
        raise UserError(
            f"站点编码“{code}”不对：应为 12 位数字的行政区划代码，例如 610922100201",
            field="code",
        )
    return code


def check_town_code(code: str) -> str:
    """A township is known by its 9-digit code (610922100) or the 12-digit form
    (610922100000); both mean the same town, stored as the 12-digit form."""
    code = code.strip()
    if re.fullmatch(r"\d{9}", code):
        return code + "000"
    if re.fullmatch(r"\d{12}", code):
        return code
    raise UserError(f"所属镇中心编码“{code}”不对：应为 9 位乡镇代码（如 610922100）"
                    "或 12 位编码（如 610922100000）", field="town_code")


def check_name(name: str, what: str, field_name: str) -> str:
    name = name.strip()
    if not name:
        raise UserError(f"{what}不能为空", field=field_name)
    if len(name) > 40:
        raise UserError(f"{what}太长（最多 40 个字）", field=field_name)
    return name


def default_station_name(kind: StationKind, place: str) -> str:
    """`XX村便民服务站` / `XX社区便民服务站` / `XX镇便民服务中心` (manual §一.1.1)."""
    suffix = "便民服务中心" if kind.is_town else "便民服务站"
    return place if place.endswith(suffix) else place + suffix


@dataclass(frozen=True)
class OfficeHours:
    """工作时间公示: a morning and an afternoon session on working days."""

    morning_start: time = time(8, 30)
    morning_end: time = time(12, 0)
    afternoon_start: time = time(14, 0)
    afternoon_end: time = time(17, 30)

    @property
    def closing(self) -> time:
        return self.afternoon_end

    def has_closed(self, at: time) -> bool:
        """Closing time has come: 延时服务 can start."""
        return at >= self.closing

    def text(self) -> str:
        def f(t: time) -> str:
            return t.strftime("%H:%M")

        return (
            f"工作日 上午 {f(self.morning_start)}–{f(self.morning_end)}，"
            f"下午 {f(self.afternoon_start)}–{f(self.afternoon_end)}"
        )

    def to_dict(self) -> dict[str, str]:
        return {k: getattr(self, k).strftime("%H:%M") for k in self.__dataclass_fields__}

    @classmethod
    def parse(cls, text: str) -> OfficeHours:
        """"08:30-12:00,14:00-17:30": the morning and the afternoon session."""
        sessions = [part.strip().split("-") for part in text.replace("，", ",").split(",")]
        if len(sessions) != 2 or any(len(pair) != 2 for pair in sessions):
            raise UserError("工作时间应写成“上午开始-上午结束,下午开始-下午结束”，"
                            "例如 08:30-12:00,14:00-17:30", field="office_hours")
        (ms, me), (as_, ae) = sessions
        return cls.from_dict({"morning_start": ms.strip(), "morning_end": me.strip(),
                              "afternoon_start": as_.strip(), "afternoon_end": ae.strip()})

    def short(self) -> str:
        """The form `parse` reads."""
        d = self.to_dict()
        return (f"{d['morning_start']}-{d['morning_end']},"
                f"{d['afternoon_start']}-{d['afternoon_end']}")

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> OfficeHours:
        try:
            hours = cls(**{k: time.fromisoformat(v) for k, v in data.items()})
        except (TypeError, ValueError):
            raise UserError("工作时间格式不对：应为 HH:MM，例如 08:30",
                            field="office_hours") from None
        if not (
            hours.morning_start < hours.morning_end
            <= hours.afternoon_start < hours.afternoon_end
        ):
            raise UserError("工作时间先后顺序不对：上午开始 < 上午结束 ≤ 下午开始 < 下午结束",
                            field="office_hours")
        return hours


@dataclass(frozen=True)
class Station:
    id: str
    code: str
    name: str
    kind: StationKind
    town_code: str
    town_name: str
    address: str
    phone: str
    office_hours: OfficeHours = field(default_factory=OfficeHours)


@dataclass(frozen=True)
class Window:
    id: str
    name: str
    position: int
    active: bool = True


@dataclass(frozen=True)
class Staff:
    id: str
    name: str
    role: Role
    window_id: str | None
    phone: str
    training_date: str | None
    has_pin: bool
    active: bool = True
