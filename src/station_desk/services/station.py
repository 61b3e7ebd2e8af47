"""`desk.station`: the station itself, its windows, its staff and its settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..db import station_repo
from ..db.errors import storage_errors
from ..domain.actor import Actor
from ..domain.errors import NotAllowed, UserError
from ..domain.pin import hash_pin
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
from ..sync.keys import ensure_station_keys
from .catalogue import CatalogueDesk, load_shipped_catalogue
from .session import Session
from .store import Store


@dataclass(frozen=True)
class StaffInput:
    name: str
    role: Role
    pin: str | None = None
    window: str | None = None  # window name
    phone: str = ""
    training_date: str | None = None


class StationDesk:
    def __init__(self, store: Store, session: Session, catalogue: CatalogueDesk) -> None:
        self._store = store
        self._session = session
        self._catalogue = catalogue

    # -- the station -------------------------------------------------------
    @property
    def current(self) -> Station | None:
        return station_repo.get_station(self._store.db)

    @property
    def is_set_up(self) -> bool:
        return self.current is not None

    def station_or_refuse(self) -> Station:
        station = self.current
        if station is None:
            raise UserError("本站还没有设置。请先运行首次设置（station-desk init）")
        return station

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
        ensure_station_keys(self._store.data_dir)
        db, actor = self._store.db, self._session.actor
        with storage_errors(), db.atomic():
            station_repo.create_station(
                db, code=code, name=name, kind=kind, town_code=town_code.strip(),
                town_name=town_name.strip(), address=address.strip(), phone=phone.strip(),
                office_hours=office_hours or OfficeHours(), windows=windows, actor=actor)
            by_name = {w.name: w.id for w in station_repo.list_windows(db)}
            for s, h in zip(staff, hashes, strict=True):
                station_repo.add_staff(
                    db, name=s.name.strip(), role=s.role, pin_hash=h,
                    window_id=by_name.get(s.window) if s.window else None, phone=s.phone,
                    training_date=s.training_date, actor=actor)
            self._catalogue.load(items)
        return self.station_or_refuse()

    def update_station(self, **changes: Any) -> None:
        self._session.require_head("修改站点信息")
        station = self.station_or_refuse()
        with storage_errors():
            station_repo.update_station(self._store.db, station.id, changes,
                                        self._session.actor)

    # -- windows and staff -------------------------------------------------
    def windows(self) -> list[Window]:
        return station_repo.list_windows(self._store.db)

    def add_window(self, name: str) -> Window:
        self._session.require_head("增设窗口")
        name = check_name(name, "窗口名称", "window")
        if name in [w.name for w in self.windows()]:
            raise UserError(f"已经有“{name}”了", field="window")
        with storage_errors():
            return station_repo.add_window(self._store.db, name, len(self.windows()) + 1,
                                           self._session.actor)

    def staff(self) -> list[Staff]:
        return station_repo.list_staff(self._store.db)

    def staff_named(self, name: str) -> Staff | None:
        """The active staff member called `name`, if any."""
        return next((s for s in self.staff() if s.name == name.strip()), None)

    def add_staff(self, new: StaffInput) -> Staff:
        self._session.require_head("添加工作人员")
        self.station_or_refuse()
        name = check_name(new.name, "工作人员姓名", "name")
        if station_repo.find_staff(self._store.db, name):
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
                self._store.db, name=name, role=new.role,
                pin_hash=hash_pin(new.pin) if new.pin else None, window_id=window_id,
                phone=new.phone.strip(), training_date=new.training_date,
                actor=self._session.actor)

    def set_pin(self, staff_id: str, pin: str) -> None:
        """A staff member sets their own PIN; the head may reset anyone's."""
        signed = self._session.signed_in
        if signed is not None and signed.id != staff_id:
            self._session.require_head("重置他人 PIN")
        with storage_errors():
            station_repo.update_staff(self._store.db, staff_id, {"pin_hash": hash_pin(pin)},
                                      self._session.actor)

    def set_first_pin(self, staff_id: str, pin: str) -> None:
        """First sign-in on the shared PC: a staff member without a PIN sets one."""
        staff = station_repo.get_staff(self._store.db, staff_id)
        if staff is None or not staff.active:
            raise UserError("这位工作人员已不在岗")
        if staff.has_pin:
            raise NotAllowed(f"{staff.name}已经设置过 PIN；忘记 PIN 请站长重置")
        with storage_errors():
            station_repo.update_staff(self._store.db, staff_id, {"pin_hash": hash_pin(pin)},
                                      Actor(staff.id, staff.name))

    def retire_staff(self, staff_id: str) -> None:
        self._session.require_head("工作人员离岗")
        with storage_errors():
            station_repo.update_staff(self._store.db, staff_id, {"active": 0},
                                      self._session.actor)

    def unstaffed_windows(self) -> list[str]:
        """Windows with nobody assigned: the manual says a window is never left empty."""
        staffed = {s.window_id for s in self.staff()}
        return [w.name for w in self.windows() if w.id not in staffed]

    # -- settings ----------------------------------------------------------
    def setting(self, key: str) -> int:
        value = station_repo.get_setting(self._store.db, key)
        return REGISTRY[key].default if value is None else int(value)

    def set_setting(self, key: str, value: int) -> None:
        self._session.require_head("修改设置")
        spec = REGISTRY[key]
        if not spec.minimum <= value <= spec.maximum:
            raise UserError(f"{spec.label}应在 {spec.minimum} 到 {spec.maximum} 之间", field=key)
        with storage_errors():
            station_repo.set_setting(self._store.db, key, value, self._session.actor)
