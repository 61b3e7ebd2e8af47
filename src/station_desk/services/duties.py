"""`desk.duties`: what today asks of the clerk beyond the cases — the bundle to the
town, the town's results to bring in, the copy off this disk."""

from __future__ import annotations

from datetime import date, datetime

from ..domain.duties import Duty, Level, backup_duty, report_duty
from .backups import BackupDesk
from .station import StationDesk
from .sync import SyncDesk


def _days_since(stamp: str | None, today: date) -> int | None:
    if not stamp:
        return None
    return (today - datetime.fromisoformat(stamp).astimezone().date()).days


class DutyDesk:
    def __init__(self, station: StationDesk, sync: SyncDesk, backups: BackupDesk) -> None:
        self._station = station
        self._sync = sync
        self._backups = backups

    def today(self, day: date | None = None) -> list[Duty]:
        day = day or date.today()
        station = self._station.current
        if station is None:
            return []
        sync = self._town_duties(day) if station.kind.is_town else self._village_duties(day)
        return sync + self._backup_duties()

    def _village_duties(self, day: date) -> list[Duty]:
        pending = self._sync.pending()
        if pending.peer is None:
            return [Duty(Level.DUE, "还没有信任镇中心的身份文件，同步包交不出去：请向镇中心要身份"
                                    "文件，电话核对指纹后在“同步”页信任它", "sync")]
        period = self._station.setting("village_report_days")
        last = pending.last_export
        since = _days_since(last.created_at if last else None, day)
        duties = []
        level = report_duty(since, pending.count, period)
        if level is not None:
            when = "从未报送" if since is None else f"上次报送在 {since} 天前"
            duties.append(Duty(level, f"报送同步包：{when}（每 {period} 天一次），"
                                      f"有 {pending.count} 条变更待报送，请在“同步”页导出到U盘"
                                      "交镇中心", "sync"))
        waiting = [s for s in self._sync.exports() if not s.confirmed]
        if waiting:
            oldest = _days_since(waiting[-1].record.created_at, day) or 0
            duties.append(Duty(
                Level.DUE if oldest >= period else Level.NOTE,
                f"导入镇中心回传包：已报送的 {len(waiting)} 个同步包镇中心尚未确认收到，"
                "拿到镇中心的回传包后请在“同步”页导入（办理结果随之带回）", "sync"))
        return duties

    def _town_duties(self, day: date) -> list[Duty]:
        owed = [v.name for v in self._sync.villages(day)
                if v.last_import_at and (v.last_return is None
                                         or v.last_return.created_at < v.last_import_at)]
        if not owed:
            return []
        return [Duty(Level.DUE, f"生成回传包：{len(owed)} 个站的同步包已导入，请在“同步”页"
                                "生成回传包带回（" + "、".join(owed[:5])
                     + ("等" if len(owed) > 5 else "") + "）", "sync")]

    def _backup_duties(self) -> list[Duty]:
        age = self._backups.age()
        level = backup_duty(age.days, age.warn_days)
        if level is None:
            return []
        when = "还没有备份过" if age.days is None else f"上次在 {age.days} 天前"
        return [Duty(level, f"备份到U盘：数据只在这台电脑上，{when}（每 {age.warn_days} 天"
                            "至少一次），请在“档案”页备份到U盘或另一块硬盘", "archive")]
