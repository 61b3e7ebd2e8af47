"""The village desk with the agent 李明 signed in, open cases and computed days, shared
by the test_service_*.py files (services/appointments.py, after_hours.py,
complaints.py on a real archive).

Appointments must lie in the future, so they are booked on the next working day
(computed, never hard-coded); after-hours sessions and complaints that need a
fixed day use days in the past.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from stdnum.cn import ric

from station_desk.domain.cases import Applicant
from station_desk.domain.workdays import HolidayCalendar
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk

CAL = HolidayCalendar()
PENSION_CLAIM = "08-02"  # 承诺件
PENSION_CLAIM_MATERIALS = ("居民身份证或户口簿", "《城乡居民基本养老保险待遇申领表》",
                           "社会保障卡或银行卡")


def is_workday(d: date) -> bool:
    return CAL.is_workday(d) if CAL.knows(d.year) else d.weekday() < 5


def next_workday(after: date | None = None) -> date:
    d = (after or date.today()) + timedelta(days=1)
    while not is_workday(d):
        d += timedelta(days=1)
    return d


def on(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm)).astimezone()


def id_number(serial: int = 4) -> str:
    base = f"61092219650312{serial % 1000:03d}"
    return base + ric.calc_check_digit(base + "0")


@pytest.fixture
def desk(village: Desk) -> Desk:
    village.session.sign_in("李明", "111111")
    return village


def open_case(desk: Desk, name: str = "王秀英", serial: int = 4,
              when: datetime | None = None) -> str:
    result = desk.cases.register(CaseInput(
        item=PENSION_CLAIM, applicant=Applicant(name, id_number(serial), "13909151001"),
        received=PENSION_CLAIM_MATERIALS,
        received_at=when or datetime.now().astimezone() - timedelta(minutes=10)))
    return result.case.case_no
