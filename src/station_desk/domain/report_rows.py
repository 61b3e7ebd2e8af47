"""The report's tables as plain rows, shared by the PDF and the workbook."""

from __future__ import annotations

from .service import SATISFACTION_TARGET
from .stats import ON_SPOT_TARGET, ON_TIME_TARGET, Figures

Cell = str | int | float | None

SUMMARY_HEADERS = ("站点", "收件", "即办件", "当场办结", "当场办结率", "承诺件办结",
                   "按期办结", "按期办结率", "在办逾期", "帮办代办收件", "代办在办",
                   "代办送达", "满意率")


NOT_REPORTED = "未报送"


def summary_row(f: Figures) -> list[Cell]:
    """One station's line; a village that never reported is named as such and
    its figures left empty (not measured, never 0)."""
    if not f.reported:
        return [f"{f.station}（{NOT_REPORTED}）", *([None] * (len(SUMMARY_HEADERS) - 1))]
    return [f.station, f.received, f.immediate, f.immediate_on_spot, f.on_spot_rate,
            f.promised_done, f.promised_on_time, f.on_time_rate, f.overdue_open,
            f.proxy_received, f.proxy_open, f.proxy_delivered, f.satisfaction_rate]


def targets() -> list[tuple[str, float]]:
    return [("即办件当场办结率", ON_SPOT_TARGET), ("承诺件按期办结率", ON_TIME_TARGET),
            ("满意率", SATISFACTION_TARGET)]


SERVICE_HEADERS = ("项目", "数量")


def service_rows(f: Figures) -> list[list[Cell]]:
    return [["预约：已服务", f.appts_served], ["预约：未到", f.appts_missed],
            ["预约：申请人取消", f.appts_cancelled],
            ["延时服务：次数", f.after_hours_sessions],
            ["延时服务：分钟", f.after_hours_minutes],
            ["延时服务：服务人数", f.after_hours_served],
            ["投诉：受理", f.complaints_received], ["投诉：办结", f.complaints_closed],
            ["投诉：期末在办", f.complaints_open],
            ["满意度评价：人数", f.ratings],
            ["满意度评价：满意（含基本满意）", f.ratings_satisfied]]


def breakdown(counts: dict[str, int]) -> list[list[Cell]]:
    total = sum(counts.values())
    return [[k, v, (v / total) if total else None] for k, v in counts.items()]
