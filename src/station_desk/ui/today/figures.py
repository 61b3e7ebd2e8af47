"""What 今日 shows, read in one go in the job runner (on a connection of its
own), so the main window is on screen before any of it is counted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...domain.duties import Duty
from ...domain.feedback import RatingRecord
from ...domain.service import Appointment, Complaint
from ...services.complaints import Satisfaction
from ...services.desk import Desk
from ...services.today import TodaySummary

SHOWN_WARNINGS = 5  # one line each; the rest are counted (thousands in a big archive)


@dataclass(frozen=True)
class TodayFigures:
    summary: TodaySummary
    counts: dict[str, int]
    supplement_warnings: list[str]  # the earliest SHOWN_WARNINGS of them
    supplement_total: int
    missed: list[Appointment]
    late_complaints: list[Complaint]
    callbacks: list[dict[str, Any]]
    overdue_fixes: list[RatingRecord]
    villages: dict[str, int] | None  # a town centre's supervision summary
    duties: list[Duty]  # sync and backup duties
    appointments: list[Appointment]
    after_hours: dict[str, int]
    open_complaints: int
    satisfaction: Satisfaction


def gather(desk: Desk) -> TodayFigures:
    s = desk.today.summary()
    day = s.day
    station = desk.station.current
    town = station is not None and station.kind.is_town
    return TodayFigures(
        summary=s, counts=desk.cases.today_counts(day),
        supplement_warnings=desk.cases.supplement_warnings(day, at_most=SHOWN_WARNINGS),
        supplement_total=desk.cases.supplement_warning_count(day),
        missed=desk.appointments.missed(), late_complaints=desk.complaints.overdue(day),
        callbacks=desk.complaints.needing_callback(),
        overdue_fixes=desk.complaints.overdue_rectifications(day),
        villages=desk.supervision.summary(day) if town else None,
        duties=desk.duties.today(day), appointments=desk.appointments.day(day),
        after_hours=desk.after_hours.month(day.year, day.month),
        open_complaints=len(desk.complaints.open_complaints()),
        satisfaction=desk.complaints.satisfaction(day.replace(day=1), day))
