"""No silent traps: a mistyped data folder, demo data into a real station, a
backup to a stick that is not there. Each refuses with a message and leaves
nothing behind."""

from __future__ import annotations

from pathlib import Path

from cli import Station

# opening an archive notes how far its audit chain was verified: bookkeeping, not data
OPENING_BOOKKEEPING = {"audit-checked.json"}


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in OPENING_BOOKKEEPING}


def test_a_data_dir_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    typo = Station(tmp_path, "西沟村-typo")
    for command in (["case", "list"], ["staff", "list"], ["catalogue", "list"],
                    ["backup", "--to", str(tmp_path)],
                    ["restore", str(tmp_path / "x.db"), "--yes"]):
        message = typo.refused(*command)
        assert str(typo.data) in message and "不存在" in message and "--data-dir" in message
    assert not typo.data.exists()


def test_init_and_demo_still_make_their_folder(tmp_path: Path) -> None:
    fresh = Station(tmp_path, "new")
    fresh.ok("demo")
    assert (fresh.data / "archive.db").is_file()


def test_deadline_needs_no_folder_and_makes_none(tmp_path: Path) -> None:
    bare = Station(tmp_path, "nowhere")
    assert bare.json("deadline", "--from", "2025-09-30", "--days", "3")["deadline"] == "2025-10-11"
    assert not bare.data.exists()


def test_demo_refuses_a_real_station(station: Station) -> None:
    before = files_under(station.data)
    message = station.refused("demo")
    assert "演示数据不会写进去" in message and "西沟村便民服务站" in message
    assert files_under(station.data) == before
    assert [s["name"] for s in station.json("staff", "list")] == ["王建国"]


def test_backup_to_a_missing_folder_is_refused(station: Station, tmp_path: Path) -> None:
    stick = tmp_path / "E盘"
    message = station.refused("backup", "--to", str(stick))
    assert str(stick) in message and "不存在" in message and "U盘" in message
    assert not stick.exists()
    stick.mkdir()
    made = Path(station.json("backup", "--to", str(stick))["path"])
    assert made.parent == stick and made.is_file()
