"""The day's duties and warnings, each with how urgent it is: red for what is
late (overdue cases, 补正 deadlines, a report or backup past its time), amber for
what falls due now, neutral for what is only worth knowing."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Level(Enum):
    LATE = "late"      # red: past a deadline
    DUE = "due"        # amber: to do today or very soon
    NOTE = "note"      # neutral: nothing is late


@dataclass(frozen=True)
class Duty:
    level: Level
    text: str
    area: str = ""     # the page that deals with it: "cases", "sync", "archive", …


def report_duty(days_since: int | None, pending: int, period_days: int) -> Level | None:
    """A village's bundle to the town (every `period_days`): None while nothing is
    waiting or the period has not run out; due on its last day, late after it."""
    if pending <= 0:
        return None
    if days_since is None or days_since > period_days:
        return Level.LATE
    if days_since >= period_days - 1:
        return Level.DUE
    return None


def backup_duty(days_since: int | None, warn_days: int) -> Level | None:
    """The copy off this disk (a USB stick, another drive), every `warn_days`: due on
    its last day, late once the warning period has run out or when there is none."""
    if days_since is None or days_since >= warn_days:
        return Level.LATE
    if days_since >= warn_days - 1:
        return Level.DUE
    return None
