"""The station's desk: one open archive, the signed-in staff member, and the
named operations the window and the command line call."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..db import backup as backups
from ..db import catalogue_repo, journal, station_repo
from ..db import restore as restoring
from ..db.connection import ARCHIVE_NAME, open_database
from ..db.errors import storage_errors
from ..db.errors import translate as translate_storage
from ..domain import pinyin
from ..domain.actor import Actor
from ..domain.catalogue import CaseType, CatalogueItem, check_legal_elements, item_from_dict
from ..domain.errors import NotAllowed, UserError, os_message
from ..domain.pin import hash_pin, verify_pin
from ..domain.settings import REGISTRY
from ..domain.station import (
    OfficeHours,
    Role,
    Staff,
    Station,
    StationKind,
    Window,
    check_name,
    check_station_code,
)
from ..paths import resource
from .after_hours import AfterHoursDesk
from .appointments import ApptDesk
from .archive import ArchiveDesk
from .cases import CaseDesk
from .complaints import ComplaintDesk
from .ledger import LedgerDesk
from .notices import NoticeDesk
from .reports import ReportDesk
from .supervision import SupervisionDesk
from .sync import SyncDesk, ensure_station_keys

log = logging.getLogger("station_desk.desk")

CLI_ACTOR = Actor.system("命令行")
MANUAL_LOG = "manual-backups.txt"


@dataclass(frozen=True)
class StaffInput:
    name: str
    role: Role
    pin: str | None = None
    window: str | None = None  # window name
    phone: str = ""
    training_date: str | None = None


@dataclass(frozen=True)
class TodaySummary:
    day: date
    changes_today: int
    catalogue_total: int
    catalogue_unverified: int
    staff_count: int
    unstaffed_windows: list[str]
    last_backup: datetime | None
    backup_warn_days: int


def load_shipped_catalogue() -> list[CatalogueItem]:
    path = resource("catalogue", "catalogue.json")
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"程序文件不完整：事项目录 {path} 缺失或已损坏，请重新安装程序") from exc
    return [item_from_dict(i) for i in data["items"]]


def explain_failure(exc: BaseException) -> UserError | None:
    """A storage or OS failure that escaped a service, in Chinese (None: a real bug)."""
    if isinstance(exc, MemoryError):
        return UserError("内存不足，操作没有完成；已保存的数据不受影响。")
    if isinstance(exc, OSError):
        return UserError(os_message(exc))
    return translate_storage(exc)


def restore_archive(data_dir: Path, backup: Path, *, other_station: bool = False) -> Path:
    """Restore while no program has the archive open (the command line's `restore`)."""
    return restoring.restore(data_dir / ARCHIVE_NAME, backup, other_station=other_station)


class Desk:
    """Open with `Desk.open(data_dir)`; close when done."""

    def __init__(self, data_dir: Path, db: Any) -> None:
        self.data_dir = data_dir
        self.db = db
        self.signed_in: Staff | None = None
        self.cases = CaseDesk(self)
        self.notices = NoticeDesk(self)
        self.appointments = ApptDesk(self)
        self.after_hours = AfterHoursDesk(self)
        self.complaints = ComplaintDesk(self)
        self.reports = ReportDesk(self)
        self.archive = ArchiveDesk(self)
        self.sync = SyncDesk(self)
        self.supervision = SupervisionDesk(self)
        self.ledger = LedgerDesk(self)

    # -- opening -----------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path, *, program: str | None = None) -> Desk:
        """`program` names this instance to others who find the archive busy."""
        return cls(data_dir, open_database(data_dir / ARCHIVE_NAME, program=program))

    @property
    def archive_path(self) -> Path:
        return self.data_dir / ARCHIVE_NAME

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    def close(self) -> None:
        self.db.close()

    # -- who is acting -----------------------------------------------------
    @property
    def actor(self) -> Actor:
        if self.signed_in is None:
            return CLI_ACTOR
        return Actor(self.signed_in.id, self.signed_in.name)

    def require_head(self, what: str) -> None:
        """Only the head may do what the manual reserves for the head.

        The command line is the town IT administrator's tool and acts as head.
        """
        if self.signed_in is not None and self.signed_in.role != Role.HEAD:
            raise NotAllowed(f"“{what}”只能由站长（中心主任）操作，"
                             f"当前登录的是{self.signed_in.role.label}{self.signed_in.name}")

    def sign_in(self, name: str, pin: str) -> Staff:
        staff = station_repo.find_staff(self.db, name.strip())
        if staff is None:
            raise UserError(f"没有名为“{name}”的在岗工作人员", field="name")
        if not verify_pin(station_repo.pin_hash(self.db, staff.id), pin):
            raise UserError("PIN 不对，请重新输入", field="pin")
        self.signed_in = staff
        log.info("signed in: %s", staff.name)
        return staff

    def sign_out(self) -> None:
        self.signed_in = None

    # -- station -----------------------------------------------------------
    @property
    def station(self) -> Station | None:
        return station_repo.get_station(self.db)

    @property
    def is_set_up(self) -> bool:
        return self.station is not None

    def setup(self, *, kind: StationKind, code: str, name: str, town_code: str = "",
              town_name: str = "", address: str = "", phone: str = "",
              office_hours: OfficeHours | None = None, windows: list[str] | None = None,
              staff: list[StaffInput]) -> Station:
        """First-run setup: station, windows, staff (one head at least), catalogue."""
        if self.is_set_up:
            raise UserError("本站已经设置过了；如需修改请到“设置”页面")
        code = check_station_code(code)
        name = check_name(name, "站点名称", "name")
        if town_code:
            check_station_code(town_code)
        windows = [w.strip() for w in (windows or list(kind.default_windows)) if w.strip()]
        if not windows:
            raise UserError("至少要有一个窗口", field="windows")
        if not any(s.role == Role.HEAD for s in staff):
            raise UserError("请填写站长（中心主任）", field="head")
        names = [check_name(s.name, "工作人员姓名", "staff") for s in staff]
        if len(set(names)) != len(names):
            raise UserError("工作人员姓名有重复，请区分（如加上小名或编号）", field="staff")
        for s in staff:
            if s.window and s.window not in windows:
                raise UserError(f"{s.name}的窗口“{s.window}”不在本站窗口中", field="staff")
        items = load_shipped_catalogue()
        hashes = [hash_pin(s.pin) if s.pin else None for s in staff]
        # before the transaction: an unwritable keys folder stops setup cleanly
        ensure_station_keys(self.data_dir)
        with storage_errors(), self.db.atomic():
            station_repo.create_station(
                self.db, code=code, name=name, kind=kind, town_code=town_code.strip(),
                town_name=town_name.strip(), address=address.strip(), phone=phone.strip(),
                office_hours=office_hours or OfficeHours(), windows=windows, actor=self.actor)
            by_name = {w.name: w.id for w in station_repo.list_windows(self.db)}
            for s, h in zip(staff, hashes, strict=True):
                station_repo.add_staff(
                    self.db, name=s.name.strip(), role=s.role, pin_hash=h,
                    window_id=by_name.get(s.window) if s.window else None, phone=s.phone,
                    training_date=s.training_date, actor=self.actor)
            catalogue_repo.load(self.db, items, self.actor)
        station = self.station
        assert station is not None
        return station

    def update_station(self, **changes: Any) -> None:
        self.require_head("修改站点信息")
        station = self.station_or_refuse()
        with storage_errors():
            station_repo.update_station(self.db, station.id, changes, self.actor)

    def station_or_refuse(self) -> Station:
        station = self.station
        if station is None:
            raise UserError("本站还没有设置。请先运行首次设置（station-desk init）")
        return station

    # -- windows and staff -------------------------------------------------
    def windows(self) -> list[Window]:
        return station_repo.list_windows(self.db)

    def add_window(self, name: str) -> Window:
        self.require_head("增设窗口")
        name = check_name(name, "窗口名称", "window")
        if name in [w.name for w in self.windows()]:
            raise UserError(f"已经有“{name}”了", field="window")
        with storage_errors():
            return station_repo.add_window(self.db, name, len(self.windows()) + 1, self.actor)

    def staff(self) -> list[Staff]:
        return station_repo.list_staff(self.db)

    def add_staff(self, new: StaffInput) -> Staff:
        self.require_head("添加工作人员")
        self.station_or_refuse()
        name = check_name(new.name, "工作人员姓名", "name")
        if station_repo.find_staff(self.db, name):
            raise UserError(f"已经有在岗的“{name}”了", field="name")
        window_id = None
        if new.window:
            match = [w for w in self.windows() if w.name == new.window]
            if not match:
                raise UserError(f"没有名为“{new.window}”的窗口", field="window")
            window_id = match[0].id
        if new.training_date:
            try:
                date.fromisoformat(new.training_date)
            except ValueError:
                raise UserError("培训日期格式应为 YYYY-MM-DD", field="training_date") from None
        with storage_errors():
            return station_repo.add_staff(
                self.db, name=name, role=new.role,
                pin_hash=hash_pin(new.pin) if new.pin else None, window_id=window_id,
                phone=new.phone.strip(), training_date=new.training_date, actor=self.actor)

    def set_pin(self, staff_id: str, pin: str) -> None:
        """A staff member sets their own PIN; the head may reset anyone's."""
        if self.signed_in is not None and self.signed_in.id != staff_id:
            self.require_head("重置他人 PIN")
        with storage_errors():
            station_repo.update_staff(self.db, staff_id, {"pin_hash": hash_pin(pin)},
                                      self.actor)

    def set_first_pin(self, staff_id: str, pin: str) -> None:
        """First sign-in on the shared PC: a staff member without a PIN sets one."""
        staff = station_repo.get_staff(self.db, staff_id)
        if staff is None or not staff.active:
            raise UserError("这位工作人员已不在岗")
        if staff.has_pin:
            raise NotAllowed(f"{staff.name}已经设置过 PIN；忘记 PIN 请站长重置")
        with storage_errors():
            station_repo.update_staff(self.db, staff_id, {"pin_hash": hash_pin(pin)},
                                      Actor(staff.id, staff.name))

    def retire_staff(self, staff_id: str) -> None:
        self.require_head("工作人员离岗")
        with storage_errors():
            station_repo.update_staff(self.db, staff_id, {"active": 0}, self.actor)

    def unstaffed_windows(self) -> list[str]:
        """Windows with nobody assigned: the manual says a window is never left empty."""
        staffed = {s.window_id for s in self.staff()}
        return [w.name for w in self.windows() if w.id not in staffed]

    # -- catalogue ---------------------------------------------------------
    def catalogue(self) -> list[CatalogueItem]:
        return catalogue_repo.list_items(self.db)

    def find_items(self, query: str) -> list[CatalogueItem]:
        return [i for i in self.catalogue()
                if pinyin.matches(query, i.name + i.category + i.code,
                                  i.pinyin_initials, i.pinyin_full)]

    def item(self, code_or_name: str) -> CatalogueItem:
        found = catalogue_repo.get(self.db, code_or_name.strip())
        if found is None:
            raise UserError(f"事项目录里没有“{code_or_name}”", field="item")
        return found

    def save_item(self, item: CatalogueItem) -> CatalogueItem:
        self.require_head("修改事项目录")
        check_name(item.name, "事项名称", "name")
        if item.case_type == CaseType.IMMEDIATE and item.time_limit_days != 0:
            raise UserError("即办件当场办结，承诺时限应为 0", field="time_limit_days")
        if item.case_type != CaseType.IMMEDIATE and item.time_limit_days <= 0:
            raise UserError(f"{item.case_type.value}须填写承诺时限（工作日）",
                            field="time_limit_days")
        check_legal_elements(item)
        if item.verified and item.missing_elements():
            raise UserError("要素不全，不能标记为“已核实”：缺少"
                            + "、".join(item.missing_elements()), field="verified")
        with storage_errors():
            return catalogue_repo.save(self.db, item, self.actor)

    # -- settings ----------------------------------------------------------
    def setting(self, key: str) -> int:
        value = station_repo.get_setting(self.db, key)
        return REGISTRY[key].default if value is None else int(value)

    def set_setting(self, key: str, value: int) -> None:
        self.require_head("修改设置")
        spec = REGISTRY[key]
        if not spec.minimum <= value <= spec.maximum:
            raise UserError(f"{spec.label}应在 {spec.minimum} 到 {spec.maximum} 之间", field=key)
        with storage_errors():
            station_repo.set_setting(self.db, key, value, self.actor)

    # -- archive -----------------------------------------------------------
    def history(self, table: str, record_id: str) -> list[dict[str, Any]]:
        return journal.history(self.db, table, record_id)

    def startup_backup(self) -> Path | None:
        """Once a day at start-up; a failure is logged and shown, never fatal."""
        return backups.daily_backup(self.db, self.backups_dir,
                                    keep=self.setting("backup_keep_days"))

    def backup_to(self, folder: Path) -> Path:
        """On demand, e.g. to the USB stick; remembered so the window knows the
        last good backup even when it is not on this PC. The folder must exist: an
        unplugged stick or a mistyped drive must not become a folder on this disk."""
        if not folder.is_dir():
            raise UserError(f"备份位置 {folder} 不存在。请检查U盘是否插好、盘符和路径是否写对"
                            "（程序不会替你新建这个文件夹）")
        made = backups.make_backup(self.db, folder, label="manual")
        with storage_errors():
            self.backups_dir.mkdir(parents=True, exist_ok=True)
            with open(self.backups_dir / MANUAL_LOG, "a", encoding="utf-8") as log_file:
                log_file.write(f"{datetime.now().isoformat(timespec='seconds')}\t{made}\n")
        return made

    def backups(self) -> list[backups.BackupFile]:
        """This PC's automatic backups, newest first."""
        return backups.list_backups(self.backups_dir)

    def restore_from(self, backup: Path, *, other_station: bool = False) -> Path:
        """Put a backup in place of the archive (head only); the current file is kept
        aside first. Returns where it was kept. Refused while another program has
        the archive open; `OtherStationBackup` until `other_station` confirms."""
        self.require_head("从备份恢复")
        backups.verify(backup)  # a bad file is refused before this window lets go
        program = self.db.instance_lock.program if self.db.instance_lock else None
        self.db.close()
        try:
            aside = restoring.restore(self.archive_path, backup, other_station=other_station)
        finally:
            self.db = open_database(self.archive_path, program=program)
            self.cases._calendar = None
        if self.signed_in is not None:
            self.signed_in = station_repo.get_staff(self.db, self.signed_in.id)
        return aside

    def last_backup(self) -> datetime | None:
        """Newest verified backup: automatic ones here, or one made to a stick."""
        times = [b.made_at for b in self.backups()]
        try:
            lines = (self.backups_dir / MANUAL_LOG).read_text("utf-8").splitlines()
            times += [datetime.fromisoformat(line.split("\t")[0]) for line in lines if line]
        except (OSError, ValueError):
            pass
        return max(times, default=None)

    def today(self, day: date | None = None) -> TodaySummary:
        day = day or date.today()
        changes = journal.count_on(self.db, day.isoformat())
        items = self.catalogue()
        return TodaySummary(
            day=day, changes_today=changes, catalogue_total=len(items),
            catalogue_unverified=sum(1 for i in items if i.status_label != "已核实"),
            staff_count=len(self.staff()), unstaffed_windows=self.unstaffed_windows(),
            last_backup=self.last_backup(), backup_warn_days=self.setting("backup_warn_days"))
