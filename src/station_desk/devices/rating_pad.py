"""一事一评 at the window: the pad's keys and the reasons offered for a 差评.

Levels are GB/T 39734's five (非常满意 … 非常不满意). Rating pads and keypads
send the digits 1–5; 5 is the best, as on a star scale, and the screen shows
each digit on its button so a pad labelled either way is easy to check.
"""

from __future__ import annotations

from ..domain.service import Rating

PAD_SOURCE = "窗口评价器"

KEY_LEVELS: dict[str, Rating] = {
    "5": Rating.VERY_SATISFIED, "4": Rating.SATISFIED, "3": Rating.BASIC,
    "2": Rating.UNSATISFIED, "1": Rating.VERY_UNSATISFIED,
}
LEVEL_KEYS = {level: key for key, level in KEY_LEVELS.items()}

# what applicants most often mean by 不满意 (manual §五.1 效能投诉 grounds, shortened)
UNSATISFIED_REASONS = (
    "等候时间太长", "工作人员态度不好", "材料没有一次说清", "办理时间太长",
    "多次跑腿", "收费不合理",
)


def level_for_key(text: str) -> Rating | None:
    return KEY_LEVELS.get(text.strip())


def rating_note(reasons: list[str], other: str = "") -> str:
    return "；".join([*reasons, *([other.strip()] if other.strip() else [])])
