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
    check_town_code,
)
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


@dataclass(frozen=True)
class StationChange:
    """What the head corrects after setup; None leaves a field as it is."""
    name: str | None = None
    town_code: str | None = None
    town_name: str | None = None
    address: str | None = None
    phone: str | None = None
    hours: OfficeHours | None = None


@dataclass(frozen=True)
class StaffChange:
    """None leaves a field as it is; window "" takes the person off any window."""
    role: Role | None = None
    window: str | None = None
    training_date: str | None = None
    phone: str | None = None


def check_training_date(text: str) -> str | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise UserError("培训日期格式应为 YYYY-MM-DD", field="training_date") from None


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
            town_code = check_town_code(town_code)
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
        from ..sync.keys import ensure_station_keys  # pydantic: only at set-up

        ensure_station_keys(self._store.data_dir)
        # nobody can be signed in before the first staff exist
        db, actor = self._store.db, Actor.system("首次设置")
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

    def edit_station(self, change: StationChange) -> Station:
        """After setup: the head corrects the station's own details (every change journaled)."""
        changes: dict[str, Any] = {}
        if change.name is not None:
            changes["name"] = check_name(change.name, "站点名称", "name")
        if change.town_code is not None:
            if self.station_or_refuse().kind.is_town:
                raise UserError("镇（街道）便民服务中心没有上级镇中心编码", field="town_code")
            changes["town_code"] = check_town_code(change.town_code)
        for key in ("town_name", "address", "phone"):
            value = getattr(change, key)
            if value is not None:
                changes[key] = value.strip()
        if change.hours is not None:
            changes["office_hours"] = change.hours
        if changes:
            self.update_station(**changes)
        return self.station_or_refuse()

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

    def _window_named(self, name: str) -> Window:
        found = next((w for w in self.windows() if w.name == name.strip()), None)
        if found is None:
            raise UserError(f"没有名为“{name}”的窗口", field="window")
        return found

    def rename_window(self, old: str, new: str) -> Window:
        self._session.require_head("窗口改名")
        window = self._window_named(old)
        new = check_name(new, "窗口名称", "window")
        if new != window.name and new in [w.name for w in self.windows()]:
            raise UserError(f"已经有“{new}”了", field="window")
        with storage_errors():
            station_repo.update_window(self._store.db, window.id, {"name": new},
                                       self._session.actor)
        return self._window_named(new)

    def retire_window(self, name: str) -> None:
        """A window nobody staffs any more; its old cases keep their window name."""
        self._session.require_head("撤销窗口")
        window = self._window_named(name)
        on_it = [s.name for s in self.staff() if s.window_id == window.id]
        if on_it:
            raise UserError(f"“{window.name}”还有工作人员：{'、'.join(on_it)}。"
                            "请先把他们调到别的窗口", field="window")
        if len(self.windows()) == 1:
            raise UserError("至少要保留一个窗口", field="window")
        with storage_errors():
            station_repo.update_window(self._store.db, window.id, {"active": 0},
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
            check_training_date(new.training_date)
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
            self._session.require_head("重置他人的密码")
        with storage_errors():
            station_repo.update_staff(self._store.db, staff_id, {"pin_hash": hash_pin(pin)},
                                      self._session.actor)
        if signed is not None and signed.id == staff_id:
            self._session.pin_changed()

    def change_own_pin(self, pin: str) -> None:
        """The signed-in person chooses a new PIN (due when theirs is under 6 digits)."""
        signed = self._session.signed_in
        if signed is None:
            raise NotAllowed("请先登录，再修改自己的密码")
        self.set_pin(signed.id, pin)

    def set_first_pin(self, staff_id: str, pin: str) -> None:
        """First sign-in on the shared PC: a staff member without a PIN sets one."""
        staff = station_repo.get_staff(self._store.db, staff_id)
        if staff is None or not staff.active:
            raise UserError("这位工作人员已不在岗")
        if staff.has_pin:
            raise NotAllowed(f"{staff.name}已经设置过密码；忘记密码请站长重置")
        with storage_errors():
            station_repo.update_staff(self._store.db, staff_id, {"pin_hash": hash_pin(pin)},
                                      Actor(staff.id, staff.name))

    def _staff_or_refuse(self, name: str) -> Staff:
        found = self.staff_named(name)
        if found is None:
            raise UserError(f"没有名为“{name}”的在岗工作人员", field="name")
        return found

    def edit_staff(self, name: str, change: StaffChange) -> Staff:
        """The head moves someone to another window, changes a role or a training date."""
        self._session.require_head("修改工作人员")
        person = self._staff_or_refuse(name)
        changes: dict[str, Any] = {}
        if change.role is not None and change.role != person.role:
            if person.role == Role.HEAD:
                self._keep_a_head(person)
            changes["role"] = change.role
        if change.window is not None:
            changes["window_id"] = self._window_named(change.window).id if change.window \
                else None
        if change.training_date is not None:
            changes["training_date"] = check_training_date(change.training_date)
        if change.phone is not None:
            changes["phone"] = change.phone.strip()
        if not changes:
            return person
        with storage_errors():
            return station_repo.update_staff(self._store.db, person.id, changes,
                                             self._session.actor)

    def reset_pin(self, name: str, pin: str) -> None:
        """A forgotten PIN: the head gives the person a new one (they may change it later)."""
        self._session.require_head("重置他人密码")
        self.set_pin(self._staff_or_refuse(name).id, pin)

    def retire(self, name: str) -> None:
        person = self._staff_or_refuse(name)
        if person.role == Role.HEAD:
            self._keep_a_head(person)
        signed = self._session.signed_in
        if signed is not None and signed.id == person.id:
            raise UserError("不能让自己离岗；请由另一位站长操作", field="name")
        self.retire_staff(person.id)

    def _keep_a_head(self, person: Staff) -> None:
        if not [s for s in self.staff() if s.role == Role.HEAD and s.id != person.id]:
            raise UserError(f"{person.name}是本站唯一的站长；请先把另一位工作人员设为站长",
                            field="role")

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
        if spec.choices and not spec.allows(value):
            raise UserError(f"{spec.label}只能是" + "、".join(
                spec.choice_label(c) for c in spec.choices), field=key)
        if not spec.allows(value):
            raise UserError(f"{spec.label}应在 {spec.minimum} 到 {spec.maximum} 之间", field=key)
        with storage_errors():
            station_repo.set_setting(self._store.db, key, value, self._session.actor)
