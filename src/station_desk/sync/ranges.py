"""Sequence ranges: what arrived, what is missing, and how to say it."""

from __future__ import annotations

from collections.abc import Iterable


def merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of inclusive ranges, sorted; empty ranges (b < a) are dropped."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(r for r in ranges if r[1] >= r[0]):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def high_water(ranges: Iterable[tuple[int, int]]) -> int:
    """The highest seq the sender has reached, as far as we know: an empty
    bundle (a..a-1) still tells us that everything before `a` was sent."""
    return max((max(b, a - 1) for a, b in ranges), default=0)


def gaps(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """What is missing between 1 and the sender's high water mark."""
    ranges = list(ranges)
    out: list[tuple[int, int]] = []
    expected = 1
    for a, b in merge(ranges):
        if a > expected:
            out.append((expected, a - 1))
        expected = b + 1
    top = high_water(ranges)
    if top >= expected:
        out.append((expected, top))
    return out


def received_text(ranges: Iterable[tuple[int, int]]) -> str:
    """What arrived, as ranges (`第 71–73 号`), never implying what did not."""
    merged = merge(ranges)
    return "、".join(label(a, b) for a, b in merged) if merged else "尚未收到"


def covered(ranges: Iterable[tuple[int, int]], a: int, b: int) -> bool:
    """Whether every seq of a..b is inside the ranges (an empty a..b is)."""
    if b < a:
        return True
    return any(x <= a and b <= y for x, y in merge(ranges))


def label(a: int, b: int) -> str:
    """`第 17–23 号` / `第 17 号` / `无新变更` for an empty range."""
    if b < a:
        return "无新变更"
    return f"第 {a} 号" if a == b else f"第 {a}–{b} 号"


def missing_message(station_name: str, a: int, b: int) -> str:
    return f"{station_name} 的{label(a, b)}变更尚未收到"
