"""今日: what needs attention now, counted from the archive in the job runner
(figures.py); the cards say "正在统计…" until the first count arrives."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ...domain.duties import Duty, Level, backup_duty
from ...services.desk import Desk
from ..jobs import Job, Reloader
from ..widgets.alert_list import AlertList
from ..widgets.card import Card
from .figures import TodayFigures, gather

COUNTING = "正在统计…"

# where a warning leads: the page (its navigation label) and the list on it
AREAS = {"cases/overdue": ("办件", "overdue"), "cases/attention": ("办件", "attention"),
         "appointments": ("预约", ""), "complaints": ("投诉回访", ""),
         "supervision": ("督导", ""), "settings": ("设置", ""), "sync": ("同步", ""),
         "archive": ("档案", "")}


class TodayPage(QWidget):
    # (area, which list): the main window shows the list behind a card
    open_list = Signal(str, str)

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        layout.addWidget(self.heading)
        self.state = QLabel(self.tr(COUNTING))  # shown while a count runs
        layout.addWidget(self.state)
        self.alerts = AlertList({key: label for key, (label, _which) in AREAS.items()})
        self.alerts.opened.connect(self._open_area)
        layout.addWidget(self.alerts)
        grid = QGridLayout()
        self.received = Card(self.tr("今日收件"))
        self.completed = Card(self.tr("今日当场/当天办结"))
        self.open_cases = Card(self.tr("在办件"))
        self.overdue = Card(self.tr("已逾期"))
        self.due_soon = Card(self.tr("2 个工作日内到期"))
        for i, card in enumerate((self.received, self.completed, self.open_cases, self.overdue,
                                  self.due_soon)):
            grid.addWidget(card, 0, i)
        self.appointments = Card(self.tr("今日预约"))
        self.after_hours = Card(self.tr("本月延时服务"))
        self.complaints = Card(self.tr("在办投诉"))
        self.satisfaction = Card(self.tr("本月满意率（目标 98%）"))
        for i, card in enumerate((self.appointments, self.after_hours, self.complaints,
                                  self.satisfaction)):
            grid.addWidget(card, 1, i)
        self.records = Card(self.tr("今天记下的操作（登记、修改、出具等）"))
        self.catalogue = Card(self.tr("服务事项"))
        self.staff = Card(self.tr("在岗工作人员"))
        self.backup = Card(self.tr("最近一次备份"))
        for i, card in enumerate((self.records, self.catalogue, self.staff, self.backup)):
            grid.addWidget(card, 2, i)
        # town mode: how the villages stand, apart from the centre's own work above
        self.villages = Card(self.tr("各村（社区）站"))
        self.village_overdue = Card(self.tr("村站逾期办件"))
        self.village_proxy = Card(self.tr("村站代办逾期"))
        self.village_complaints = Card(self.tr("村站投诉 / 差评待整改"))
        self.village_cards = (self.villages, self.village_overdue, self.village_proxy,
                              self.village_complaints)
        for i, card in enumerate(self.village_cards):
            grid.addWidget(card, 3, i)
            card.hide()
        layout.addLayout(grid)
        layout.addStretch()
        links = ((self.received, "办件", "all"), (self.open_cases, "办件", "all"),
                 (self.overdue, "办件", "overdue"), (self.due_soon, "办件", "attention"),
                 (self.appointments, "预约", ""), (self.after_hours, "延时服务", ""),
                 (self.complaints, "投诉回访", ""), (self.satisfaction, "投诉回访", ""),
                 (self.catalogue, "服务事项", ""), (self.staff, "设置", ""),
                 (self.backup, "档案", ""), (self.villages, "同步", ""))
        for card, area, which in links:
            card.make_link(self.tr("打开“%1”").replace("%1", area))
            card.opened.connect(lambda a=area, w=which: self.open_list.emit(a, w))
        station = desk.station.current
        for card in self.village_cards:
            card.setVisible(station is not None and station.kind.is_town)
        self._show_day(date.today())
        self.cards: tuple[Card, ...] = tuple(self.findChildren(Card))
        for card in self.cards:
            card.show_value("…", self.tr(COUNTING))  # not a figure: none is counted yet
        self.loading: Reloader[TodayFigures] = Reloader(self, desk.store, "今日数据没有统计完")

    def refresh(self) -> Job[TodayFigures]:
        """Count again in the runner; the figures shown stay until the new ones come."""
        self.state.setText(self.tr(COUNTING))
        self.state.show()
        # at once: not queued behind the start-up backup or the audit check
        return self.loading.start(lambda _progress: gather(self.desk), self._show,
                                  failed=self._not_counted, at_once=True)

    def _not_counted(self, _exc: BaseException) -> None:
        self.state.setText(self.tr("今日数据没有统计完（原因见提示），请稍后再打开“今日”"))

    def _show_day(self, day: date) -> None:
        weekday = "一二三四五六日"[day.weekday()]
        self.heading.setText(self.tr("今日 %1 星期%2")
                             .replace("%1", day.strftime("%Y年%m月%d日"))
                             .replace("%2", weekday))

    def _show(self, f: TodayFigures) -> None:
        self.state.hide()
        s, counts = f.summary, f.counts
        self._show_day(s.day)
        alerts: list[Duty] = []
        if counts["overdue"]:
            alerts.append(Duty(Level.LATE, self.tr(
                "有 %1 件已超过承诺办结日期，请到“办件”页优先处理")
                .replace("%1", str(counts["overdue"])), "cases/overdue"))
        alerts += [Duty(Level.LATE, w, "cases/attention") for w in f.supplement_warnings]
        more = f.supplement_total - len(f.supplement_warnings)
        if more > 0:
            alerts.append(Duty(Level.LATE, self.tr(
                "另有 %1 件补正告知将到期或已逾期，请到“办件”页查看").replace("%1", str(more)),
                "cases/attention"))
        missed = f.missed
        if missed:
            alerts.append(Duty(Level.DUE, self.tr("错过的预约 %1 个，请电话联系改约：")
                               .replace("%1", str(len(missed)))
                               + "、".join(f"{a.at:%m-%d %H:%M} {a.applicant_name}"
                                          for a in missed[:5]), "appointments"))
        late = f.late_complaints
        if late:
            alerts.append(Duty(Level.LATE, self.tr("有 %1 件投诉超过办理时限")
                               .replace("%1", str(len(late))), "complaints"))
        callbacks = f.callbacks
        if callbacks:
            alerts.append(Duty(Level.DUE, self.tr("有 %1 个不满意评价待电话回访和整改")
                               .replace("%1", str(len(callbacks))), "complaints"))
        overdue_fixes = f.overdue_fixes
        if overdue_fixes:
            alerts.append(Duty(Level.LATE, self.tr("有 %1 个差评超过整改期限：").replace(
                "%1", str(len(overdue_fixes))) + "、".join(
                f"{r.case_no} {r.applicant}（{r.rectify_due:%m-%d}）" for r in overdue_fixes[:5]),
                "complaints"))
        alerts += self._show_villages(f.villages)
        if s.unstaffed_windows:
            alerts.append(Duty(Level.DUE, self.tr("窗口无人值守：") + "、".join(s.unstaffed_windows)
                               + self.tr("（手册要求窗口不得空缺，请到“设置”分配人员）"),
                               "settings"))
        alerts += f.duties  # sync and backup duties
        self.alerts.show_duties(alerts)
        self.received.show_value(str(counts["received"]),
                                 self.tr("其中帮办代办 %1 件").replace("%1", str(counts["proxy"])))
        self.completed.show_value(str(counts["completed"]))
        self.open_cases.show_value(str(counts["open"]))
        self.overdue.show_value(str(counts["overdue"]), danger=counts["overdue"] > 0)
        self.due_soon.show_value(str(counts["due_soon"]), warn=counts["due_soon"] > 0)
        todays = f.appointments
        self.appointments.show_value(
            str(len(todays)), "、".join(f"{a.at:%H:%M} {a.applicant_name}（{a.kind.value}）"
                                       for a in todays[:3]) + ("……" if len(todays) > 3 else ""))
        month = f.after_hours
        self.after_hours.show_value(
            self.tr("%1 次").replace("%1", str(month["sessions"])),
            self.tr("共 %1 分钟，服务 %2 人").replace("%1", str(month["minutes"]))
            .replace("%2", str(month["served"])))
        self.complaints.show_value(str(f.open_complaints), warn=bool(late))
        rate = f.satisfaction
        self.satisfaction.show_value(
            "—" if rate.rate is None else f"{rate.rate:.1%}",
            self.tr("暂无评价") if rate.rate is None else
            self.tr("%1 人评价").replace("%1", str(rate.rated)),
            warn=rate.rate is not None and rate.rate < rate.target)
        self.records.show_value(str(s.changes_today), self.tr("按审计记录统计"))
        self.catalogue.show_value(
            str(s.catalogue_total),
            self.tr("其中 %1 项办事指南要素待核实").replace("%1", str(s.catalogue_unverified)),
            warn=s.catalogue_unverified > 0)
        self.staff.show_value(str(s.staff_count))
        due = backup_duty(s.backup.days, s.backup.warn_days)
        if s.backup.last is None:
            self.backup.show_value(self.tr("尚无"), self.tr("请立即备份到U盘"), danger=True)
        else:
            self.backup.show_value(s.backup.last.strftime("%m-%d %H:%M"),
                                   self.tr("%1 天前").replace("%1", str(s.backup.days)),
                                   warn=due == Level.DUE, danger=due == Level.LATE)

    def _show_villages(self, v: dict[str, int] | None) -> list[Duty]:
        """Town mode: the supervision summary; the alerts it raises."""
        for card in self.village_cards:
            card.setVisible(v is not None)
        if v is None:
            return []
        self.villages.show_value(
            str(v["villages"]), self.tr("从未报送 %1 个，超期未报 %2 个，缺号 %3 个")
            .replace("%1", str(v["never"])).replace("%2", str(v["late"]))
            .replace("%3", str(v["missing"])),
            warn=bool(v["never"] or v["late"] or v["missing"]))
        self.village_overdue.show_value(str(v["overdue"]), self.tr("按工作日计，详见“督导”"),
                                        warn=v["overdue"] > 0)
        self.village_proxy.show_value(str(v["overdue_proxied"]), warn=v["overdue_proxied"] > 0)
        late_fixes = v["bad_ratings_overdue"]
        self.village_complaints.show_value(
            f"{v['complaints_open']} / {v['bad_ratings_open']}",
            self.tr("其中差评整改逾期 %1 个，详见“督导”").replace("%1", str(late_fixes))
            if late_fixes else "",
            warn=bool(v["complaints_open"] or v["bad_ratings_open"]), danger=late_fixes > 0)
        alerts = []
        if v["never"] or v["late"]:
            alerts.append(Duty(Level.LATE, self.tr(
                "有 %1 个村（社区）站没有按时报送同步包，请到“督导”页查看并督促")
                .replace("%1", str(v["never"] + v["late"])), "supervision"))
        if v["missing"]:
            alerts.append(Duty(Level.DUE, self.tr("有 %1 个村（社区）站的同步包缺号").replace(
                "%1", str(v["missing"])), "sync"))
        return alerts

    def _open_area(self, key: str) -> None:
        label, which = AREAS[key]
        self.open_list.emit(label, which)
