"""A lost or damaged keys/station.key stops export and import with the way back;
never a silent new identity."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sync_roundtrip import Station, register, stick, town, village

from station_desk.domain.errors import NotAllowed, StorageError, UserError
from station_desk.sync.keys import key_path

__all__ = ["stick", "town", "village"]  # fixtures, used by name


@pytest.mark.parametrize("damage", ["missing", "damaged"])
def test_export_and_import_stop_with_the_way_back(village: Station, town: Station,
                                                  stick: Path, damage: str) -> None:
    register(village, 1)
    town.sync.import_bundle(village.sync.export_to(stick).path)
    town_bundle = town.sync.export_to(stick, for_code=village.code).path  # the return bundle
    path = key_path(village.desk.data_dir)
    before = path.read_bytes()
    if damage == "missing":
        path.unlink()
    else:
        path.write_text("{not json", "utf-8")
    with pytest.raises(StorageError) as exc:
        village.sync.export_to(stick)
    assert "--recovery-code" in exc.value.message and "keys new" in exc.value.message
    with pytest.raises(StorageError, match="keys new"):
        village.sync.import_bundle(town_bundle)
    assert not path.exists() if damage == "missing" else path.read_bytes() != before
    assert town.sync.fingerprint()  # the town is not affected


def test_a_new_identity_needs_the_head_and_keeps_a_damaged_file(village: Station) -> None:
    old = village.sync.fingerprint()
    with pytest.raises(UserError, match="完好"):
        village.sync.new_identity()
    path = key_path(village.desk.data_dir)
    path.write_text("{not json", "utf-8")
    village.desk.session.sign_in("李明", "111111")
    with pytest.raises(NotAllowed):
        village.sync.new_identity()
    village.desk.session.sign_in("王建国", "123456")
    assert village.sync.new_identity().fingerprint != old
    assert [p.name for p in path.parent.glob("station.key.damaged-*")]


def test_cases_go_on_without_keys(village: Station) -> None:
    key_path(village.desk.data_dir).unlink()
    register(village, 3)  # only sync stops
