"""Official holiday schedules imported for years the built-in table lacks."""

from __future__ import annotations

from sqlite_utils import Database

from ..domain.actor import Actor
from ..domain.schedule_file import parse_schedule, schedule_to_json
from ..domain.workdays import YearSchedule
from . import journal


def imported(db: Database) -> dict[int, YearSchedule]:
    rows = db.execute("SELECT year, schedule FROM holiday_schedules").fetchall()
    return {int(year): parse_schedule(text) for year, text in rows}


def save(db: Database, schedule: YearSchedule, actor: Actor) -> None:
    text = schedule_to_json(schedule)
    row = db.execute("SELECT id FROM holiday_schedules WHERE year = ?",
                     [schedule.year]).fetchone()
    if row is None:
        journal.insert(db, "holiday_schedules", {
            "id": f"holidays-{schedule.year}", "year": schedule.year, "schedule": text,
            "source": schedule.notice}, actor)
    else:
        journal.update(db, "holiday_schedules", row[0],
                       {"schedule": text, "source": schedule.notice}, actor)
