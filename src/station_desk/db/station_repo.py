"""The station itself, its windows and its staff."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from ..domain.actor import Actor
from ..domain.ids import new_id
from ..domain.station import OfficeHours, Role, Staff, Station, StationKind, Window
from . import journal
from .rows import fetch_rows as _rows


def get_station(db: Database) -> Station | None:
    rows = _rows(db, "SELECT * FROM station LIMIT 1")
    if not rows:
        return None
    r = rows[0]
    return Station(
        id=r["id"], code=r["code"], name=r["name"], kind=StationKind(r["kind"]),
        town_code=r["town_code"], town_name=r["town_name"], address=r["address"],
        phone=r["phone"], office_hours=OfficeHours.from_dict(json.loads(r["office_hours"])),
    )


def create_station(db: Database, *, code: str, name: str, kind: StationKind, town_code: str,
                   town_name: str, address: str, phone: str, office_hours: OfficeHours,
                   windows: list[str], actor: Actor) -> Station:
    station_id = new_id()
    with db.atomic():
        journal.insert(db, "station", {
            "id": station_id, "code": code, "name": name, "kind": kind.value,
            "town_code": town_code, "town_name": town_name, "address": address,
            "phone": phone, "office_hours": json.dumps(office_hours.to_dict()),
        }, actor)
        for position, window in enumerate(windows, start=1):
            add_window(db, window, position, actor)
    station = get_station(db)
    assert station is not None
    return station


def update_station(db: Database, station_id: str, changes: dict[str, Any], actor: Actor) -> None:
    if "office_hours" in changes and isinstance(changes["office_hours"], OfficeHours):
        changes = {**changes, "office_hours": json.dumps(changes["office_hours"].to_dict())}
    if "kind" in changes and isinstance(changes["kind"], StationKind):
        changes = {**changes, "kind": changes["kind"].value}
    journal.update(db, "station", station_id, changes, actor)


def add_window(db: Database, name: str, position: int, actor: Actor) -> Window:
    window_id = new_id()
    journal.insert(db, "windows", {"id": window_id, "name": name, "position": position,
                                   "active": 1}, actor)
    return Window(window_id, name, position)


def update_window(db: Database, window_id: str, changes: dict[str, Any], actor: Actor) -> None:
    journal.update(db, "windows", window_id, changes, actor)


def list_windows(db: Database, *, include_retired: bool = False) -> list[Window]:
    where = "" if include_retired else "WHERE active = 1"
    return [Window(r["id"], r["name"], r["position"], bool(r["active"]))
            for r in _rows(db, f"SELECT * FROM windows {where} ORDER BY position, name")]


def _staff(r: dict[str, Any]) -> Staff:
    return Staff(id=r["id"], name=r["name"], role=Role(r["role"]), window_id=r["window_id"],
                 phone=r["phone"], training_date=r["training_date"],
                 has_pin=bool(r["pin_hash"]), active=bool(r["active"]))


def add_staff(db: Database, *, name: str, role: Role, pin_hash: str | None,
              window_id: str | None, phone: str, training_date: str | None,
              actor: Actor) -> Staff:
    row = {"id": new_id(), "name": name, "role": role.value, "window_id": window_id,
           "phone": phone, "training_date": training_date, "pin_hash": pin_hash, "active": 1}
    return _staff(journal.insert(db, "staff", row, actor))


def list_staff(db: Database, *, include_retired: bool = False) -> list[Staff]:
    where = "" if include_retired else "WHERE active = 1"
    return [_staff(r) for r in _rows(db, f"SELECT * FROM staff {where} ORDER BY rowid")]


def find_staff(db: Database, name: str) -> Staff | None:
    rows = _rows(db, "SELECT * FROM staff WHERE name = ? AND active = 1", [name])
    return _staff(rows[0]) if rows else None


def get_staff(db: Database, staff_id: str) -> Staff | None:
    rows = _rows(db, "SELECT * FROM staff WHERE id = ?", [staff_id])
    return _staff(rows[0]) if rows else None


def pin_hash(db: Database, staff_id: str) -> str | None:
    row = db.execute("SELECT pin_hash FROM staff WHERE id = ?", [staff_id]).fetchone()
    return None if row is None else row[0]


def update_staff(db: Database, staff_id: str, changes: dict[str, Any], actor: Actor) -> Staff:
    if isinstance(changes.get("role"), Role):
        changes = {**changes, "role": changes["role"].value}
    return _staff(journal.update(db, "staff", staff_id, changes, actor))


def get_setting(db: Database, key: str) -> Any:
    row = db.execute("SELECT value FROM settings WHERE id = ?", [key]).fetchone()
    return None if row is None else json.loads(row[0])


def set_setting(db: Database, key: str, value: Any, actor: Actor) -> None:
    text = json.dumps(value, ensure_ascii=False)
    with db.atomic():
        if db.execute("SELECT 1 FROM settings WHERE id = ?", [key]).fetchone() is None:
            journal.insert(db, "settings", {"id": key, "value": text}, actor)
        else:
            journal.update(db, "settings", key, {"value": text}, actor)
