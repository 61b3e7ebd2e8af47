"""A town and its villages in real data directories, keys exchanged (the
helpers of the town-supervision tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from stdnum.cn import ric

from station_desk.domain.cases import Applicant
from station_desk.domain.station import Role, StationKind
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk, StaffInput
from station_desk.sync.keys import ensure_station_keys

TOWN = "610922101000"
CLAIM = "08-02"


def id_number(n: int) -> str:
    body = f"61092219480312{n:03d}"
    return body + ric.calc_check_digit(body + "0")


@dataclass
class Place:
    desk: Desk

    @property
    def code(self) -> str:
        station = self.desk.station.current
        assert station is not None
        return station.code


def open_station(root: Path, kind: StationKind, code: str, name: str, town: str = "") -> Place:
    desk = Desk.open(root)
    desk.station.setup(kind=kind, code=code, name=name, town_code=town,
               town_name="城关镇便民服务中心" if town else "",
               staff=[StaffInput("王建国", Role.HEAD, "123456", None),
                      StaffInput("李明", Role.AGENT, "111111", None)])
    ensure_station_keys(root)
    return Place(desk)


def exchange(village: Place, town: Place, stick: Path) -> None:
    town.desk.sync.trust(village.desk.sync.export_identity(stick / "ids"))
    village.desk.sync.trust(town.desk.sync.export_identity(stick / "ids"))


def register(place: Place, n: int, name: str = "王秀英", *, proxy: bool = True,
             item: str = CLAIM, received: tuple[str, ...] | None = None,
             at: datetime | None = None, on_spot: bool = False) -> str:
    """A case; `received` defaults to every material of the item."""
    if received is None:
        received = tuple(m.name for m in place.desk.catalogue.item(item).materials)
    return place.desk.cases.register(CaseInput(
        item=item, applicant=Applicant(name, id_number(n), "13909151001", "三组"),
        first_ask="李明", received=received, proxy=proxy, proxy_agent="李明" if proxy else None,
        done_on_spot=on_spot,
        received_at=(at or datetime(2026, 11, 2, 9, 30)).astimezone())).case.case_no


VILLAGES = (("610922101201", "西沟村便民服务站"), ("610922101202", "东岭村便民服务站"),
            ("610922101203", "南坪村便民服务站"))


def town_with_villages(root: Path) -> tuple[Place, list[Place], Path]:
    """A town and its three villages, every pair trusting each other, and a stick."""
    stick = root / "stick"
    stick.mkdir()
    town = open_station(root / "town", StationKind.TOWN1, TOWN, "城关镇便民服务中心")
    places = [open_station(root / code, StationKind.VILLAGE, code, name, TOWN)
              for code, name in VILLAGES]
    for p in places:
        exchange(p, town, stick)
    return town, places, stick


def town_with_village(root: Path) -> tuple[Place, Place, Path]:
    """A town and one village (西沟村), trusting each other, and a stick."""
    stick = root / "stick"
    stick.mkdir()
    town = open_station(root / "town", StationKind.TOWN1, TOWN, "城关镇便民服务中心")
    code, name = VILLAGES[0]
    village = open_station(root / code, StationKind.VILLAGE, code, name, TOWN)
    exchange(village, town, stick)
    return town, village, stick
