"""What an import did, for the clerk, the printer and `--json`: counts per
table, records held back (quarantined) or released, fields the town kept,
and the gaps left in the sender's numbering."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import bundle, ranges

# a row taken aside for a problem (kept, not applied), in plain words
HELD = "未导入（有问题）"


@dataclass
class ImportReport:
    path: Path
    bundle_id: str
    kind: str
    station: str
    station_name: str
    seq_from: int
    seq_to: int
    created_at: str
    dry_run: bool = False
    already: str | None = None  # when this very bundle was imported before
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    superseded: int = 0  # made before the sender's restore and undone there
    by_table: dict[str, dict[str, int]] = field(default_factory=dict)
    quarantined: list[dict[str, Any]] = field(default_factory=list)
    released: list[dict[str, Any]] = field(default_factory=list)
    missing: list[dict[str, Any]] = field(default_factory=list)
    kept: list[dict[str, Any]] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    receipt: dict[str, Any] | None = None
    holiday_years: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def count(self, table: str, outcome: str) -> None:
        per = self.by_table.setdefault(table, {"new": 0, "updated": 0, "unchanged": 0,
                                               "quarantined": 0})
        per[outcome] = per.get(outcome, 0) + 1
        if outcome in ("new", "updated", "unchanged", "superseded"):
            setattr(self, outcome, getattr(self, outcome) + 1)

    def to_json(self) -> dict[str, Any]:
        return {"station": self.station, "station_name": self.station_name,
                "bundle_id": self.bundle_id, "kind": bundle.KIND_NAMES[self.kind],
                "seq_from": self.seq_from, "seq_to": self.seq_to, "new": self.new,
                "updated": self.updated, "unchanged": self.unchanged,
                "superseded": self.superseded,
                "quarantined": self.quarantined, "missing": self.missing,
                "released": self.released, "kept": self.kept, "by_table": self.by_table,
                "skipped": self.skipped, "already_imported": self.already,
                "notes": self.notes,
                "dry_run": self.dry_run, "report": self.text()}

    def text(self) -> str:
        """The import report in Chinese, for the clerk and the printer."""
        head = f"{self.station_name}（{self.station}）{ranges.label(self.seq_from, self.seq_to)}"
        lines = [("【试导入，未写入】" if self.dry_run else "") + f"导入报告：{head}"]
        if self.already:
            lines.append(f"这个同步包已于 {self.already[:16].replace('T', ' ')} 导入过，"
                         "本次没有任何改动。")
        else:
            lines.append(f"新增 {self.new} 条，更新 {self.updated} 条，未变 {self.unchanged} 条，"
                         f"{HELD} {len(self.quarantined)} 条。")
            for table, per in sorted(self.by_table.items()):
                lines.append(f"  {TABLE_LABELS.get(table, table)}：新增 {per['new']}，"
                             f"更新 {per['updated']}，未变 {per['unchanged']}，"
                             f"{HELD} {per['quarantined']}")
        for q in self.quarantined:
            lines.append(f"{HELD}：{TABLE_LABELS.get(q['table'], q['table'])} {q['label']}"
                         f"（第 {q['seq']} 号）——{q['reason']}")
        for r in self.released:
            lines.append(f"此前{HELD}的 {TABLE_LABELS.get(r['table'], r['table'])} {r['label']} "
                         "本次已导入")
        for k in self.kept[:20]:
            lines.append(f"办件 {k['case_no']} 已由本中心接手：{k['field_label']}以本中心为准"
                         f"（村站为“{k['theirs']}”，本中心为“{k['ours']}”）")
        if len(self.kept) > 20:
            lines.append(f"……另有 {len(self.kept) - 20} 件同样以本中心为准")
        for table, n in sorted(self.skipped.items()):
            lines.append(f"本程序不导入“{table}”的记录，已跳过 {n} 条（可能对方程序版本较新）")
        for m in self.missing:
            lines.append("⚠ " + m["message"])
        lines += ["注意：" + n for n in self.notes]
        if not self.missing and not self.already:
            lines.append("之前的同步包都已收到，没有缺号。")
        return "\n".join(lines)


TABLE_LABELS = {"cases": "办件", "case_events": "办理记录", "notices": "告知书",
                "after_hours": "延时服务", "ratings": "满意度评价", "appointments": "预约",
                "complaints": "投诉", "case_extensions": "延期记录",
                "case_suspensions": "中止计时记录", "notifications": "告知申请人记录",
                "catalogue_items": "服务事项", "holiday_schedules": "节假日安排"}
FIELD_LABELS = {"status": "办件状态", "completed_at": "办结时间", "reason": "理由",
                "deadline": "承诺办结日期", "departments": "联办进度", "materials": "材料",
                "accepted_at": "受理时间", "supplement_notice_at": "补正告知",
                "supplement_due": "补正期限", "extended_days": "延期天数"}


def record_label(table: str, data: dict[str, Any]) -> str:
    """The number a clerk knows a record by (case number, notice number, …)."""
    for key in ("case_no", "notice_no", "appt_no", "complaint_no", "code", "year", "case_id",
                "id"):
        if data.get(key):
            return str(data[key])
    return ""
