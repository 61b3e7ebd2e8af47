"""`station-desk demo`: a realistic village station so a first look is never empty.

Every record is made through the same operations a clerk uses, so the demo
also exercises the audit trail, the change log and the case rules. Grows with
each capability.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Protocol

from stdnum.cn import ric

from ..domain.cases import Applicant, ProxyStep, Status
from ..domain.service import Rating
from ..domain.station import Role, Station, StationKind
from .after_hours import AfterHoursDesk
from .appointments import ApptDesk, ApptInput
from .calendar import Calendar
from .cases import CaseDesk, CaseInput
from .catalogue import CatalogueDesk
from .complaints import ComplaintDesk
from .session import Session
from .station import StaffInput, StationDesk

DEMO_PINS = {"王建国": "123456", "李明": "111111", "张丽": "222222"}


class Services(Protocol):
    """The services the demo drives (the desk has them all, built on first use)."""

    @property
    def session(self) -> Session: ...

    @property
    def calendar(self) -> Calendar: ...

    @property
    def catalogue(self) -> CatalogueDesk: ...

    @property
    def station(self) -> StationDesk: ...

    @property
    def cases(self) -> CaseDesk: ...

    @property
    def appointments(self) -> ApptDesk: ...

    @property
    def after_hours(self) -> AfterHoursDesk: ...

    @property
    def complaints(self) -> ComplaintDesk: ...


def _id(birth: str, serial: str) -> str:
    """A well-formed (check digit right) but made-up ID number of 石泉县."""
    body = f"610922{birth}{serial}"
    return body + ric.calc_check_digit(body + "0")


# (name, birth, phone, address, groups, item, days ago, proxy, received materials: all/some)
_PEOPLE = [
    ("王秀英", "19480312", "13909151001", "西沟村三组", ("高龄老人",), "08-02", 16, True, "all"),
    ("陈德福", "19560708", "13909151002", "西沟村一组", ("残疾人",), "07-01", 9, True, "all"),
    ("刘桂兰", "19620115", "13909151003", "西沟村二组", ("低保对象",), "07-08", 6, False, "some"),
    ("张志平", "19850921", "13909151004", "西沟村四组", (), "05-05", 3, False, "all"),
    ("杨春梅", "19900304", "13909151005", "西沟村二组", (), "08-01", 0, False, "all"),
    ("赵海涛", "19780612", "13909151006", "西沟村五组", ("退役军人",), "06-05", 1, True, "all"),
    ("黄玲", "19951120", "13909151007", "西沟村一组", (), "03-02", 2, True, "some"),
    ("周建华", "19700827", "13909151008", "西沟村三组", (), "02-01", 12, True, "all"),
    ("吴秀英", "19400202", "13909151009", "西沟村四组", ("高龄老人", "行动不便"), "01-08", 4,
     True, "all"),
    ("孙强", "19880511", "13909151010", "西沟村五组", (), "04-02", 0, False, "all"),
]


def _working_day_back(days: int) -> datetime:
    d = date.today() - timedelta(days=days)
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    now = datetime.now().astimezone()
    return min(datetime.combine(d, time(9, 30)).astimezone(), now - timedelta(minutes=5))


def make_demo(desk: Services) -> Station:
    station = desk.station.setup(
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
    _demo_cases(desk)
    _demo_service(desk)
    return station


def _demo_cases(desk: Services) -> None:
    for n, (name, birth, phone, address, groups, code, ago, proxy, got) in enumerate(_PEOPLE):
        item = desk.catalogue.item(code)
        materials = [m.name for m in item.materials]
        received = tuple(materials if got == "all" else materials[:1])
        clerk = "李明" if proxy else ("张丽" if n % 2 else "王建国")
        desk.session.sign_in(clerk, DEMO_PINS[clerk])  # each case is recorded as its clerk's work
        result = desk.cases.register(CaseInput(
            item=code, applicant=Applicant(name, _id(birth, f"{n:02d}1"), phone, address,
                                           groups),
            channel="来电" if n % 4 == 3 else "来访", first_ask=clerk, received=received,
            proxy=proxy, door_to_door=bool(groups) and proxy,
            done_on_spot=ago == 0 and item.time_limit_days == 0,
            received_at=_working_day_back(ago)))
        case = result.case
        if case.status == Status.SUPPLEMENT:
            desk.cases.record_supplement_notice(case.case_no)
        if proxy and case.status == Status.ACCEPTED:
            desk.cases.proxy_step(case.case_no, ProxyStep.COLLECTED, "申请人材料已收齐")
            if ago >= 9:
                desk.cases.advance(case.case_no, Status.IN_PROGRESS, "送镇便民服务中心")
                desk.cases.proxy_step(case.case_no, ProxyStep.SUBMITTED, "已送镇中心")
        if ago == 12 and case.status.is_open:
            desk.cases.advance(case.case_no, Status.COMPLETED, "审核通过")
    desk.session.sign_out()


def _demo_service(desk: Services) -> None:
    """Appointments, an after-hours evening, a complaint and ratings."""
    desk.session.sign_in("李明", DEMO_PINS["李明"])
    tomorrow = desk.calendar.next_open_day(date.today())
    desk.appointments.book(ApptInput(
        applicant=Applicant("吴秀英", _id("19400202", "081"), "13909151009", "西沟村四组"),
        item="01-08", at=datetime.combine(tomorrow, time(9, 30)).astimezone(), kind="上门",
        staff="李明", note="行动不便，上门采集信息"))
    desk.appointments.book(ApptInput(
        applicant=Applicant("马建军", "", "13909151011", "西沟村一组"), item="05-05",
        at=datetime.combine(tomorrow, time(15, 0)).astimezone(), kind="窗口",
        channel="平台", staff="张丽"))
    evening = _working_day_back(1).date()
    desk.after_hours.record(evening, "17:30", "18:25", ["李明", "张丽"], 3,
                            "村民务工回来办理社保")
    desk.session.sign_in("王建国", DEMO_PINS["王建国"])
    complaint = desk.complaints.receive(
        complainant="刘桂兰", phone="13909151003", matter="低保申请材料被要求补了两次",
        concerning="综合窗口", channel="电话")
    desk.complaints.advance(complaint.complaint_no, "已调查核实，窗口未一次性告知，已批评教育")
    finished = [c for c in desk.cases.page(desk.cases.make_filter(status=Status.COMPLETED),
                                           limit=10)]
    for case, level in zip(finished, (Rating.VERY_SATISFIED, Rating.SATISFIED,
                                      Rating.UNSATISFIED), strict=False):
        desk.complaints.rate(case.case_no, level, "窗口评价器")
    desk.session.sign_out()
