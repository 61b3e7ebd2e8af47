"""Station-wide settings: one registry with types, defaults and Chinese labels.

Values live in the archive (`settings` table); per-PC preferences such as the
chosen printer live in QSettings on the UI side.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    default: int
    minimum: int
    maximum: int
    # when set, only these values are allowed (the window offers them as a list)
    choices: tuple[int, ...] = ()

    def allows(self, value: int) -> bool:
        if self.choices:
            return value in self.choices
        return self.minimum <= value <= self.maximum

    def choice_label(self, value: int) -> str:
        """How a value of a choice setting is shown (0 years is 永久)."""
        if self.key in RETENTION_KEYS:
            return "永久" if value == 0 else f"{value} 年"
        return str(value)


# 保管期限 (DA/T 22; 国家档案局令第8号): 10 years, 30 years or permanent (0).
RETENTION_KEYS = ("retention_immediate_years", "retention_other_years")
RETENTION_CHOICES = (10, 30, 0)


REGISTRY: dict[str, Setting] = {s.key: s for s in (
    # Manual 效能投诉制度: OCR reads "37天"; the county's general limit is 7 days.
    Setting("complaint_general_days", "一般投诉办理时限（天）", 7, 1, 30),
    Setting("complaint_major_days", "重大投诉办理时限（天）", 10, 1, 60),
    # 好差评 (国办发〔2019〕51号): a 差评 is put right within this many working days.
    Setting("rectification_days", "差评整改时限（工作日）", 5, 1, 30),
    Setting("backup_keep_days", "自动备份保留份数", 14, 3, 365),
    Setting("backup_warn_days", "超过几天没有备份时提醒", 7, 1, 90),
    # the town expects each village's bundle this often (weekly by default)
    Setting("village_report_days", "村（社区）站报送周期（天）", 7, 1, 60),
    # a shared PC: after this long without a key or a click, the next person signs in
    Setting("idle_lock_minutes", "多久没人操作就锁屏（分钟，0 为不锁）", 10, 0, 240),
    # what a finished case is kept for once filed; the retention list counts from here
    Setting("retention_immediate_years", "即办件档案保管期限", 10, 0, 30, RETENTION_CHOICES),
    Setting("retention_other_years", "承诺件、联办件、退回件档案保管期限", 30, 0, 30,
            RETENTION_CHOICES),
)}
