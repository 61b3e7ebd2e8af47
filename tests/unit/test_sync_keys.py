"""Station keys, the public identity file, and whom a station may trust."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from station_desk.db import sync_peers
from station_desk.domain.errors import NotAllowed, StorageError, UserError
from station_desk.domain.station import Role, StationKind
from station_desk.services.desk import Desk, StaffInput
from station_desk.sync.keys import (
    KEY_FILE,
    KEYS_DIR,
    ensure_station_keys,
    fingerprint,
    parse_identity,
)

VILLAGE, TOWN, OTHER_TOWN = "610922101201", "610922101000", "610922102000"


def _station(root: Path, kind: StationKind, code: str, name: str, town: str = "") -> Desk:
    desk = Desk.open(root)
    desk.station.setup(kind=kind, code=code, name=name, town_code=town,
                               staff=[StaffInput("王建国", Role.HEAD, "123456"),
                                                      StaffInput("张丽", Role.CLERK, "222222")])
    return desk


@pytest.fixture
def stations(tmp_path: Path) -> Iterator[dict[str, Desk]]:
    out = {"village": _station(tmp_path / "v", StationKind.VILLAGE, VILLAGE, "西沟村便民服务站",
                               TOWN),
           "town": _station(tmp_path / "t", StationKind.TOWN1, TOWN, "城关镇便民服务中心"),
           "other": _station(tmp_path / "o", StationKind.TOWN2, OTHER_TOWN, "池河镇便民服务中心"),
           "neighbour": _station(tmp_path / "n", StationKind.VILLAGE, "610922101202",
                                 "东沟村便民服务站", TOWN)}
    yield out
    for s in out.values():
        s.close()


def test_keys_are_made_once_private_and_kept(tmp_path: Path) -> None:
    keys = ensure_station_keys(tmp_path)
    path = tmp_path / KEYS_DIR / KEY_FILE
    assert keys.path == path
    assert path.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / KEYS_DIR).stat().st_mode & 0o777 == 0o700
    again = ensure_station_keys(tmp_path)
    assert again.fingerprint == keys.fingerprint
    assert bytes(again.signing) == bytes(keys.signing)
    assert [p.name for p in path.parent.iterdir()] == [KEY_FILE]  # no temp file left


def test_loose_key_file_mode_is_tightened(tmp_path: Path) -> None:
    keys = ensure_station_keys(tmp_path)
    os.chmod(keys.path, 0o644)
    ensure_station_keys(tmp_path)
    assert keys.path.stat().st_mode & 0o777 == 0o600


def test_damaged_key_file_is_refused_never_replaced(tmp_path: Path) -> None:
    keys = ensure_station_keys(tmp_path)
    keys.path.write_text("{broken", encoding="utf-8")
    with pytest.raises(StorageError, match="密钥文件"):
        ensure_station_keys(tmp_path)
    assert keys.path.read_text(encoding="utf-8") == "{broken"


def test_fingerprint_is_six_groups_of_five_digits(tmp_path: Path) -> None:
    keys = ensure_station_keys(tmp_path)
    groups = keys.fingerprint.split(" ")
    assert len(groups) == 6 and all(len(g) == 5 and g.isdigit() for g in groups)
    assert fingerprint(keys.verify_key, keys.box_public) == keys.fingerprint
    assert fingerprint(keys.box_public, keys.verify_key) != keys.fingerprint


def test_identity_file_round_trip(stations: dict[str, Desk], tmp_path: Path) -> None:
    village = stations["village"]
    path = village.sync.export_identity(tmp_path / "stick")
    assert path.name == f"identity-{VILLAGE}.json"
    data = json.loads(path.read_text("utf-8"))
    assert {"code", "name", "kind", "town_code", "verify_key", "box_key", "fingerprint"} <= set(
        data)
    assert "secret" not in path.read_text("utf-8") and "seed" not in path.read_text("utf-8")
    identity = parse_identity(path.read_text("utf-8"))
    assert (identity.code, identity.name, identity.town_code) == (VILLAGE, "西沟村便民服务站",
                                                                  TOWN)
    assert identity.fingerprint == village.sync.fingerprint()


@pytest.mark.parametrize("field", ["name", "town_code", "fingerprint", "box_key"])
def test_altered_identity_file_is_refused(stations: dict[str, Desk], tmp_path: Path,
                                          field: str) -> None:
    path = stations["village"].sync.export_identity(tmp_path)
    data = json.loads(path.read_text("utf-8"))
    neighbour = stations["neighbour"].sync.export_identity(tmp_path / "n")
    other = json.loads(neighbour.read_text("utf-8"))
    data[field] = other[field] if field in ("box_key", "fingerprint") else data[field] + "0"
    with pytest.raises(UserError, match="身份文件"):
        parse_identity(json.dumps(data))
    with pytest.raises(UserError, match="身份文件"):
        parse_identity("not json at all")


def test_village_trusts_its_town_only(stations: dict[str, Desk], tmp_path: Path) -> None:
    village = stations["village"]
    town_id = stations["town"].sync.export_identity(tmp_path / "t")
    result = village.sync.trust(town_id)
    assert result.peer.code == TOWN and not result.replaced and not result.already
    assert village.sync.trust(town_id).already
    with pytest.raises(UserError, match="不是本站所属的镇中心"):
        village.sync.trust(stations["other"].sync.export_identity(tmp_path / "o"))
    with pytest.raises(UserError, match="不是镇便民服务中心"):
        village.sync.trust(stations["neighbour"].sync.export_identity(tmp_path / "n"))
    with pytest.raises(UserError, match="本站自己"):
        village.sync.trust(village.sync.export_identity(tmp_path / "v"))


def test_town_trusts_its_villages_only(stations: dict[str, Desk], tmp_path: Path) -> None:
    town, other = stations["town"], stations["other"]
    village_id = stations["village"].sync.export_identity(tmp_path / "v")
    assert town.sync.trust(village_id).peer.kind == "village"
    with pytest.raises(UserError, match="不是本中心"):
        other.sync.trust(stations["village"].sync.export_identity(tmp_path / "v"))
    with pytest.raises(UserError, match="镇中心只需信任"):
        town.sync.trust(other.sync.export_identity(tmp_path / "o"))


def test_checked_fingerprint_must_match(stations: dict[str, Desk], tmp_path: Path) -> None:
    village, town = stations["village"], stations["town"]
    path = town.sync.export_identity(tmp_path)
    with pytest.raises(UserError, match="指纹不符"):
        village.sync.trust(path, expect="00000 00000 00000 00000 00000 00000")
    assert sync_peers.list_peers(village.db) == []
    village.sync.trust(path, expect=town.sync.fingerprint().replace(" ", ""))
    assert [p.code for p in village.sync.peers()] == [TOWN]


def test_changed_keys_need_an_explicit_replace(stations: dict[str, Desk],
                                               tmp_path: Path) -> None:
    village, town = stations["village"], stations["town"]
    village.sync.trust(town.sync.export_identity(tmp_path / "old"))
    # the town's PC is replaced: its keys are lost, and the head makes new ones on purpose
    (town.data_dir / KEYS_DIR / KEY_FILE).rename(tmp_path / "lost.key")
    with pytest.raises(StorageError, match="keys new"):
        town.sync.export_identity(tmp_path / "new")
    town.sync.new_identity()
    new = town.sync.export_identity(tmp_path / "new")
    with pytest.raises(UserError, match="密钥已变化"):
        village.sync.trust(new)
    result = village.sync.trust(new, replace=True)
    assert result.replaced and result.peer.fingerprint == town.sync.fingerprint()
    history = village.backups.history("sync_peers", TOWN)
    assert [h["action"] for h in history] == ["insert", "update"]


def test_only_the_head_trusts(stations: dict[str, Desk], tmp_path: Path) -> None:
    village = stations["village"]
    village.session.sign_in("张丽", "222222")
    with pytest.raises(NotAllowed, match="站长"):
        village.sync.trust(stations["town"].sync.export_identity(tmp_path))


def test_trust_is_audited_but_never_exported(stations: dict[str, Desk],
                                             tmp_path: Path) -> None:
    village = stations["village"]
    village.session.sign_in("王建国", "123456")
    before = village.db.execute("SELECT MAX(seq) FROM change_log").fetchone()[0]
    village.sync.trust(stations["town"].sync.export_identity(tmp_path))
    after = village.db.execute("SELECT MAX(seq) FROM change_log").fetchone()[0]
    assert before == after
    [entry] = village.backups.history("sync_peers", TOWN)
    assert entry["actor"] == "王建国"
