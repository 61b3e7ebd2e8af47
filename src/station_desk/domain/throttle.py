"""Wrong PINs: five tries free, then a pause that doubles with each further miss,
so guessing a PIN at the desk or on the command line takes days, not seconds."""

from __future__ import annotations

from datetime import timedelta

FREE_TRIES = 5
FIRST_PAUSE = timedelta(seconds=30)
LONGEST_PAUSE = timedelta(minutes=30)


def pause_after(failures: int) -> timedelta:
    """How long the next try must wait after `failures` misses in a row."""
    if failures < FREE_TRIES:
        return timedelta(0)
    doublings = min(failures - FREE_TRIES, 16)  # 30 s × 2^16 is far past the cap
    pause: timedelta = FIRST_PAUSE * (2 ** doublings)
    return min(pause, LONGEST_PAUSE)


def wait_text(left: timedelta) -> str:
    seconds = max(1, int(left.total_seconds() + 0.999))
    return f"{seconds} 秒" if seconds < 120 else f"{(seconds + 59) // 60} 分钟"
