"""`desk.supervision`: the town centre's board of its villages (every trusted
village, reported or not, worst first), its own work apart from theirs, the
overdue proxied cases and the same person registered at two places."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..db import ratings_repo, supervision_repo, sync_log, sync_peers, sync_repo
from ..db.errors import storage_errors
from ..domain.cases import Case
from ..domain.errors import UserError
from ..domain.feedback import RatingRecord, RectificationState
from ..domain.periods import month_bounds
from ..domain.station import StationKind
from ..domain.supervision import Silence, VillageBoardRow, days_since, silence
from ..sync import ranges
from .case_work import CaseWorkDesk
from .files import write_atomically

CaseRef = supervision_repo.CaseRef  # one case of a person found at several places

CADENCE_KEY = "village_report_days"

# the board's figures that open a list of cases: key -> case-list filter
CASE_FIGURES = ("open", "overdue", "due_soon", "overdue_proxied")


@dataclass(frozen=True)
class OverdueCase:
    """An open proxied case past the date it is measured against (the 补正
    notice limit while waiting for a supplement), in working days."""

    case_no: str
    station_code: str
    station_name: str
    applicant: str
    phone: str
    item: str
    status: str
    deadline: str
    days_over: int
    agent: str
    proxy_step: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class DuplicatePair:
    id_number: str
    name: str
    item: str
    first: supervision_repo.CaseRef
    second: supervision_repo.CaseRef

    def to_json(self, names: dict[str, str]) -> dict[str, Any]:
        return {"id_number": self.id_number, "name": self.name, "item": self.item,
                "cases": [{"case_no": c.case_no, "station": c.station_code,
                           "station_name": names.get(c.station_code, c.station_code),
                           "status": c.status, "received_at": c.received_at}
                          for c in (self.first, self.second)]}


class SupervisionDesk(CaseWorkDesk):
    """`desk.supervision` (town mode)."""

    def _town(self) -> Any:
        me = self._station.station_or_refuse()
        if not me.kind.is_town:
            raise UserError("督导看板只在镇便民服务中心使用")
        return me

    def cadence_days(self) -> int:
        return self._station.setting(CADENCE_KEY)

    def village_names(self) -> dict[str, str]:
        """Every trusted village of this town: code -> name."""
        me = self._town()
        return {p.code: p.name for p in sync_peers.list_peers(self.db)
                if p.active and not StationKind(p.kind).is_town and p.town_code == me.code}

    # -- the board ------------------------------------------------------------
    def villages(self, today: date | None = None) -> list[VillageBoardRow]:
        """One row per trusted village, reported or not, worst first."""
        today = today or date.today()
        cadence = self.cadence_days()
        kinds = {p.code: p.kind for p in sync_peers.list_peers(self.db)}
        complaints = supervision_repo.complaints_open(self.db)
        fixes: dict[str, list[RatingRecord]] = {}
        for record in ratings_repo.open_rectifications(self.db):
            fixes.setdefault(record.station_code, []).append(record)
        first, last = month_bounds(f"{today:%Y-%m}")
        rated = supervision_repo.ratings(self.db, first.isoformat(),
                                         date.fromordinal(last.toordinal() + 1).isoformat())
        held: dict[str, int] = {}
        for q in sync_repo.held(self.db):
            held[q.from_code] = held.get(q.from_code, 0) + 1
        rows = []
        for code, name in self.village_names().items():
            got = sync_log.imported_ranges(self.db, code)
            latest = sync_log.list_imports(self.db, code, limit=1)
            exported = latest[0].bundle_created_at if latest else None
            days = days_since(exported, today)
            receipt = sync_log.last_receipt(self.db, code) or {}
            holds = receipt.get("holds")
            n, ok = rated.get(code, (0, 0))
            rows.append(VillageBoardRow(
                code=code, name=name, kind=kinds.get(code, ""),
                last_export_at=exported, last_import_at=latest[0].imported_at if latest else None,
                days_silent=days, silence=silence(days, cadence),
                received=ranges.merge(got), missing=ranges.gaps(got),
                open=self.count(code, "open", today), overdue=self.count(code, "overdue", today),
                due_soon=self.count(code, "due_soon", today),
                overdue_proxied=self.count(code, "overdue_proxied", today),
                complaints_open=complaints.get(code, 0),
                bad_ratings_open=len(fixes.get(code, [])),
                bad_ratings_overdue=sum(r.state(today) == RectificationState.OVERDUE
                                        for r in fixes.get(code, [])),
                ratings=n, ratings_satisfied=ok, quarantined=held.get(code, 0),
                holds=holds if isinstance(holds, dict) else {}))
        rows.sort(key=VillageBoardRow.worst_first_key)
        return rows

    def figure_filter(self, station: str, figure: str, today: date | None = None) -> Any:
        """The case-list filter behind one figure of the board (the same the
        case list uses, so the figure and the list agree)."""
        make = self._cases.make_filter
        if figure == "open":
            return make(station=station, open_only=True, today=today)
        if figure == "overdue":
            return make(station=station, overdue=True, today=today)
        if figure == "due_soon":
            return make(station=station, due_soon=True, today=today)
        if figure == "overdue_proxied":
            return make(station=station, overdue=True, proxy=True, today=today)
        raise UserError(f"看板上没有“{figure}”这一项")

    def count(self, station: str, figure: str, today: date | None = None) -> int:
        return self._cases.count(self.figure_filter(station, figure, today))

    def cases_behind(self, station: str, figure: str, today: date | None = None) -> list[Case]:
        f = self.figure_filter(station, figure, today)
        return self._cases.page(f, limit=max(1, self._cases.count(f)))

    def catalogue_holds(self) -> dict[str, Any]:
        """What the town holds, to compare each village's report against."""
        return supervision_repo.holdings(self.db)

    def open_complaints_of(self, station: str) -> list[dict[str, Any]]:
        return supervision_repo.open_complaints_of(self.db, station)

    def rectifications_of(self, station: str, *, overdue_only: bool = False,
                          today: date | None = None) -> list[RatingRecord]:
        """The 差评 of one village still awaiting call-back and rectification, as
        the town last heard (the figures 差评待整改 / 差评整改逾期 of the board)."""
        today = today or date.today()
        return [r for r in ratings_repo.open_rectifications(self.db, station)
                if not overdue_only or r.state(today) == RectificationState.OVERDUE]

    def summary(self, today: date | None = None) -> dict[str, int]:
        """For the town's 今日 page: how the villages stand."""
        rows = self.villages(today)
        return {"villages": len(rows),
                "never": sum(r.silence == Silence.NEVER for r in rows),
                "late": sum(r.silence in (Silence.LATE, Silence.SILENT) for r in rows),
                "missing": sum(bool(r.missing) for r in rows),
                "overdue": sum(r.overdue for r in rows),
                "overdue_proxied": sum(r.overdue_proxied for r in rows),
                "complaints_open": sum(r.complaints_open for r in rows),
                "bad_ratings_open": sum(r.bad_ratings_open for r in rows),
                "bad_ratings_overdue": sum(r.bad_ratings_overdue for r in rows)}

    def write_board(self, path: Path, today: date | None = None) -> Path:
        """The board for the county: .pdf (printable) or .xlsx."""
        me = self._town()
        today = today or date.today()
        rows = self.villages(today)
        title = f"{me.name} 村（社区）站督导看板（{today:%Y年%m月%d日}）"
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            from ..print.ledger import render_board

            data = render_board(me, title, rows, self.catalogue_holds())
        elif suffix == ".xlsx":
            from .town_workbook import board_workbook

            data = board_workbook(title, rows, self.catalogue_holds())
        else:
            raise UserError("看板文件名应以 .pdf 或 .xlsx 结尾")
        return write_atomically(path, data)

    # -- overdue proxied cases -----------------------------------------------------
    def overdue_proxied(self, today: date | None = None) -> list[OverdueCase]:
        """Open proxied cases of the villages past the date they are measured
        against, most overdue first, in working days as the case list counts."""
        today = today or date.today()
        names = self.village_names()
        out = []
        for code, name in names.items():
            for case in self.cases_behind(code, "overdue_proxied", today):
                due = self._cases.due_date(case)
                left = self._cases.days_left(case, today)
                out.append(OverdueCase(
                    case.case_no, code, name, case.applicant.name, case.applicant.phone,
                    case.item_name, case.status.value, due.isoformat() if due else "",
                    -left if left is not None else 0, case.proxy_agent_name,
                    case.proxy_step.value if case.proxy_step else ""))
        out.sort(key=lambda c: (-c.days_over, c.case_no))
        return out

    # -- the same person at two places ----------------------------------------------
    def duplicates(self) -> list[DuplicatePair]:
        """The same ID number with the same item open at two places (two villages,
        or a village and the town), except pairs marked as not a duplicate."""
        dismissed = supervision_repo.dismissed(self.db)
        return [DuplicatePair(a.id_number, a.applicant_name, a.item_name, a, b)
                for a, b in supervision_repo.same_item_open_twice(self.db)
                if supervision_repo.pair_key(a.id, b.id) not in dismissed]

    def people_across_stations(self) -> dict[str, list[supervision_repo.CaseRef]]:
        """ID number -> its cases, for people with cases at more than one station."""
        out: dict[str, list[supervision_repo.CaseRef]] = {}
        for ref in supervision_repo.people_at_several_stations(self.db):
            out.setdefault(ref.id_number, []).append(ref)
        return out

    def dismiss_duplicate(self, case_a: str, case_b: str, note: str = "") -> None:
        """The supervisor checked the pair: not one person registering twice."""
        self._town()
        a, b = self._cases.get(case_a), self._cases.get(case_b)
        if a.id == b.id:
            raise UserError("请选择两件不同的办件")
        if a.applicant.id_number != b.applicant.id_number:
            raise UserError(f"{a.case_no} 与 {b.case_no} 的身份证号不同，本来就不算重复")
        with storage_errors():
            supervision_repo.dismiss(self.db, a.id, b.id, note.strip(), self._session.actor)
