"""A page made in parts: what the clerk sees first now, the rest in event-loop turns
of its own after the first paint (issue 12: no stall over 100 ms; each table and
chart made under the program's style sheet costs its share of the opening)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget


def in_later_turn(owner: QWidget, step: Callable[[], object]) -> None:
    """Run `step` in a later turn, skipped if `owner` is gone by then. A timer, not a
    queued call: a zero timeout runs in the same turn as the paint it should follow.
    `step` must do nothing when its part is already made (code that needs the part
    sooner makes it itself)."""
    QTimer.singleShot(1, owner, step)
