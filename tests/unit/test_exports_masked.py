"""No xlsx or PDF paper the program writes for the town or the county carries a
full ID number: the ledger, the supervision board and the monthly report, at a
town holding its villages' cases and at a village (issue 15 item 7)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from station_desk.domain.idnumber import mask_id_number
from town_stations import Place, id_number, register, town_with_villages

MONTH = "2026-11"


@pytest.fixture
def places(tmp_path: Path) -> Iterator[tuple[Place, Place]]:
    town, villages, stick = town_with_villages(tmp_path)
    village = villages[0]
    register(village, 1)
    register(village, 2, "陈德福", proxy=False)
    town.desk.sync.import_bundle(village.desk.sync.export_to(stick).path)
    register(town, 3, "郑大姐", proxy=False)
    yield town, village
    for p in (town, *villages):
        p.desk.close()


def xlsx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


def papers(place: Place, folder: Path) -> list[Path]:
    desk = place.desk
    folder.mkdir(parents=True, exist_ok=True)
    out = [desk.reports.write(folder / "report.xlsx", date(2026, 11, 1), date(2026, 11, 30),
                              "2026年11月"),
           desk.ledger.write(folder / "ledger.xlsx", MONTH, today=date(2026, 11, 30))]
    station = desk.station.current
    assert station is not None
    if station.kind.is_town:
        out.append(desk.supervision.write_board(folder / "board.xlsx", date(2026, 11, 30)))
    return out


def test_no_export_carries_a_full_id_number(places: tuple[Place, Place],
                                            tmp_path: Path) -> None:
    town, village = places
    numbers = [id_number(n) for n in (1, 2, 3)]
    written = papers(town, tmp_path / "town") + papers(village, tmp_path / "village")
    assert len(written) == 5
    for path in written:
        text = xlsx_text(path)
        assert text, path
        for n in numbers:
            assert n not in text, f"{path.name} carries {mask_id_number(n)} in full"
            assert n[6:14] not in text, f"{path.name} carries a birth date"
    # the ledger does name the cases (masked people), so the test reads real rows
    assert "陈*福" in xlsx_text(tmp_path / "town" / "ledger.xlsx")
