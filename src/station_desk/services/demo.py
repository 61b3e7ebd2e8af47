"""`station-desk demo`: a realistic village station so a first look is never empty.

Every record is made through the same operations a clerk uses, so the demo
also exercises the audit trail and the change log. Grows with each capability.
"""

from __future__ import annotations

from ..domain.station import Role, Station, StationKind
from .desk import Desk, StaffInput

DEMO_PINS = {"王建国": "1234", "李明": "1111", "张丽": "2222"}


def make_demo(desk: Desk) -> Station:
    return desk.setup(
        kind=StationKind.VILLAGE,
        code="610922101201",
        name="西沟村便民服务站",
        town_code="610922101000",
        town_name="城关镇便民服务中心",
        address="石泉县城关镇西沟村村委会一楼",
        phone="0915-6321234",
        staff=[
            StaffInput("王建国", Role.HEAD, DEMO_PINS["王建国"], "综合窗口",
                       "13909150001", "2026-03-02"),
            StaffInput("李明", Role.AGENT, DEMO_PINS["李明"], "帮办代办窗口",
                       "13909150002", "2026-03-02"),
            StaffInput("张丽", Role.CLERK, DEMO_PINS["张丽"], "综合窗口",
                       "13909150003", "2026-05-18"),
        ],
    )
