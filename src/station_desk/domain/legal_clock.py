"""The legal clock of a case: every date the law gives it, with the rule behind it.

One place computes, from what happened to a case, the 补正 notice deadline
(行政许可法第三十二条), the acceptance date — deemed acceptance on the day of
receipt when the notice was not given in time —, the statutory (法定时限) and
promised (承诺时限) completion dates, §42 extensions and suspended periods.
Each date carries the sentence that explains it, shown in the case detail, the
history and on the notices, and whether it rests on a provisional calendar.
Working days are counted by `deadlines.promise` (the day that starts a period
is not counted); calendar-day periods roll over rest days (民法典第二百零三条).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from .cases import Case, Status
from .catalogue import CaseType
from .deadlines import Promise, promise, working_days_left
from .errors import UserError
from .workdays import HolidayCalendar

NOTICE_DAYS = 5  # 行政许可法第三十二条: 五日内一次告知
EXTENSION_CAP = 10  # 行政许可法第四十二条: 经本行政机关负责人批准，可以延长十日
JOINT_EXTENSION_CAP = 15  # 同法第二十六条 联合办理: 经本级人民政府负责人批准，可以延长十五日

_DAY = timedelta(days=1)


class ExtensionKind(StrEnum):
    LICENCE = "行政许可延期"  # §42: head of the authority approves, applicant told in writing
    CONSENT = "经申请人同意延期"  # other items: the station's 限时办结制, head approves


@dataclass(frozen=True)
class Extension:
    days: int
    kind: ExtensionKind
    reason: str
    approved_by: str
    on: date
    consent: str = ""


@dataclass(frozen=True)
class Suspension:
    """A period the clock does not run (e.g. 听证、检验检测、鉴定、专家评审, §45)."""

    start: date
    end: date | None  # None: still suspended
    reason: str


@dataclass(frozen=True)
class ClockDate:
    label: str
    day: date
    rule: str
    provisional: bool = False

    def text(self) -> str:
        mark = "（暂定）" if self.provisional else ""
        return f"{self.label}：{self.day:%Y-%m-%d}{mark}　{self.rule}"


@dataclass(frozen=True)
class ClockFacts:
    """What the clock needs to know about one case."""

    received: date
    promised_days: int
    statutory_days: int | None  # None: 法定时限 待核实
    licence: bool  # a 行政许可 item (the 行政许可法 applies in its own right)
    joint: bool = False  # 联办件 (§26 joint handling)
    needs_supplement: bool = False  # materials were incomplete at receipt
    notice_given: date | None = None  # the 补正 notice, if given
    complete: date | None = None  # the day the missing materials all arrived
    extensions: tuple[Extension, ...] = ()
    suspensions: tuple[Suspension, ...] = ()


@dataclass(frozen=True)
class CaseClock:
    notice_due: ClockDate | None
    acceptance: ClockDate | None  # None: waiting for the supplement after a timely notice
    deemed: bool
    statutory_due: ClockDate | None
    promised_due: ClockDate | None
    extensions: tuple[Extension, ...] = ()
    suspended_days: int = 0
    suspended_now: bool = False
    missing_years: tuple[int, ...] = field(default=())
    suspensions: tuple[Suspension, ...] = ()

    @property
    def provisional(self) -> bool:
        return bool(self.missing_years)

    def dates(self) -> list[ClockDate]:
        """Every date with its rule, in the order a clerk reads them."""
        found = (self.notice_due, self.acceptance, self.statutory_due, self.promised_due)
        return [d for d in found if d is not None]

    def summary(self) -> str:
        """The dates and their rules in one line, as the case history records them."""
        return "；".join(f"{d.label} {d.day:%Y-%m-%d}{'（暂定）' if d.provisional else ''}"
                        f"（{d.rule}）" for d in self.dates())


def facts_of_case(case: Case, extensions: tuple[Extension, ...] = (),
                  suspensions: tuple[Suspension, ...] = (), *,
                  item_days: int | None = None) -> ClockFacts:
    """The clock's inputs as the case recorded them at intake (`item_days` stands in
    for the promised limit of a case registered before the clock kept it)."""
    x = case.extra
    days = x.get("promised_days")
    if days is None:
        days = item_days or 0
    if case.case_type == CaseType.IMMEDIATE:
        days = 0
    notice = case.supplement_notice_at
    # before the clock kept it, the day the papers arrived was the acceptance
    complete = x.get("materials_complete_at") or (
        case.accepted_at if case.status != Status.SUPPLEMENT else None)
    return ClockFacts(
        received=case.received_at.date(), promised_days=int(days),
        statutory_days=x.get("statutory_days"), licence=bool(x.get("licence")),
        joint=case.case_type == CaseType.JOINT,
        needs_supplement=case.supplement_due is not None,
        notice_given=notice.date() if notice else None,
        complete=complete.date() if complete else None,
        extensions=extensions, suspensions=suspensions)


def _basis(licence: bool, article: str) -> str:
    return f"行政许可法{article}" if licence else f"参照行政许可法{article}"


def deemed_acceptance_rule(licence: bool) -> str:
    return f"视为受理：未在 5 个工作日内一次性告知补正（{_basis(licence, '第三十二条')}）"


def extension_cap(licence: bool, joint: bool) -> int:
    return JOINT_EXTENSION_CAP if joint else EXTENSION_CAP


def check_extension(facts: ClockFacts, days: int, *, reason: str, approved_by: str,
                    consent: str) -> ExtensionKind:
    """Refuse an extension the law (or the station's rule) does not allow."""
    cap = extension_cap(facts.licence, facts.joint)
    used = sum(e.days for e in facts.extensions)
    problems = []
    if days < 1:
        problems.append("延长的工作日数至少为 1")
    elif used + days > cap:
        basis = ("行政许可法第二十六条，联合办理最多延长 15 个工作日" if facts.joint
                 else "行政许可法第四十二条，最多延长 10 个工作日")
        left = f"还可延长 {cap - used} 个工作日" if cap > used else "已不能再延长"
        problems.append(f"延期总计不能超过 {cap} 个工作日（{basis}；已延长 {used} 个，{left}）")
    if not reason.strip():
        problems.append("请写明延期理由（将书面告知申请人）")
    if not approved_by.strip():
        problems.append("延期须经负责人（站长）批准")
    if not facts.licence and not consent.strip():
        problems.append("延期须经申请人同意：请写明申请人何时、以何种方式同意")
    if problems:
        raise UserError("；".join(problems), field="days")
    return ExtensionKind.LICENCE if facts.licence else ExtensionKind.CONSENT


def _merge(*promises: Promise) -> tuple[int, ...]:
    return tuple(sorted({y for p in promises for y in p.missing_years}))


def compute(calendar: HolidayCalendar, facts: ClockFacts, today: date) -> CaseClock:
    """The case's clock as of `today` (which decides whether the notice is late)."""
    missing: list[Promise] = []
    notice_due: ClockDate | None = None
    acceptance: ClockDate | None = None
    deemed = False
    if facts.needs_supplement:
        due = promise(calendar, facts.received, NOTICE_DAYS)
        missing.append(due)
        notice_due = ClockDate("补正告知期限", due.deadline,
                               "收到材料后 5 个工作日内一次性告知需补正的全部内容"
                               f"（{_basis(facts.licence, '第三十二条')}）", due.provisional)
        given_in_time = facts.notice_given is not None and facts.notice_given <= due.deadline
        # never told: late once the 5 days passed before the papers came in
        late = (facts.notice_given is not None and not given_in_time) or \
            (facts.notice_given is None and (facts.complete or today) > due.deadline)
        if late:
            deemed = True
            acceptance = ClockDate("受理日期", facts.received,
                                   deemed_acceptance_rule(facts.licence))
        elif facts.complete is not None:  # papers in before the notice was due
            acceptance = ClockDate("受理日期", facts.complete,
                                   "补正材料收齐之日受理"
                                   f"（{_basis(facts.licence, '第三十二条')}）")
    else:
        acceptance = ClockDate("受理日期", facts.received, "材料齐全，收到之日受理")
    if acceptance is None:
        return CaseClock(notice_due, None, False, None, None, facts.extensions,
                         missing_years=_merge(*missing), suspensions=facts.suspensions)

    suspended, suspended_now = _suspended_days(calendar, facts.suspensions, today)
    extended = sum(e.days for e in facts.extensions)
    additions = _additions(extended, suspended)
    start = acceptance.day
    statutory_due: ClockDate | None = None
    if facts.statutory_days is not None:
        p = promise(calendar, start, facts.statutory_days + extended + suspended)
        missing.append(p)
        basis = "行政许可法第四十二条" if facts.licence else "事项设定依据"
        statutory_due = ClockDate("法定办结期限", p.deadline,
                                  f"法定时限 {facts.statutory_days} 个工作日，自受理之日起算"
                                  f"（{basis}）{additions}", p.provisional)
    p = promise(calendar, start, facts.promised_days + extended + suspended)
    missing.append(p)
    limit = ("即办件，受理当日办结" if facts.promised_days == 0
             else f"承诺时限 {facts.promised_days} 个工作日，自受理之日起算")
    promised_due = ClockDate("承诺办结日期", p.deadline, limit + additions, p.provisional)
    return CaseClock(notice_due, acceptance, deemed, statutory_due, promised_due,
                     facts.extensions, suspended, suspended_now, _merge(*missing),
                     facts.suspensions)


def _additions(extended: int, suspended: int) -> str:
    parts = []
    if extended:
        parts.append(f"延长 {extended} 个工作日")
    if suspended:
        parts.append(f"中止 {suspended} 个工作日不计入")
    return "；" + "，".join(parts) if parts else ""


def _suspended_days(calendar: HolidayCalendar, suspensions: tuple[Suspension, ...],
                    today: date) -> tuple[int, bool]:
    """Working days on which the clock stood still; an open suspension counts to today."""
    total, open_now = 0, False
    for s in suspensions:
        end = s.end or today
        open_now = open_now or s.end is None
        if end > s.start:
            total += working_days_left(calendar, s.start, end)
    return total, open_now


def calendar_days_limit(calendar: HolidayCalendar, start: date, days: int) -> ClockDate:
    """A period of `days` calendar days from `start` (the first day not counted,
    民法典第二百零一条); a last day that is a rest day moves to the next working day
    (第二百零三条)."""
    if days < 0:
        raise ValueError("days must not be negative")
    end = start + days * _DAY
    rule = f"{days} 日，自次日起算（民法典第二百零一条）"
    last = end
    while not calendar.counting_schedule(last.year).is_workday(last):
        last += _DAY
    if last != end:
        rule += f"；{end:%Y-%m-%d} 为休息日，顺延至其后第一个工作日（民法典第二百零三条）"
    provisional = not all(calendar.knows(y) for y in range(end.year, last.year + 1))
    return ClockDate("期限", last, rule, provisional)
