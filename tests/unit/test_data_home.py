"""One archive per PC: the default folder, and the once-only move of a login's
old archive into the machine-wide folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from station_desk import paths
from station_desk.cli import main
from station_desk.services.data_home import NOTE_NAME, adopt_user_archive
from station_desk.services.demo import make_demo
from station_desk.services.desk import Desk


@pytest.fixture
def old_login(tmp_path: Path) -> Path:
    """A per-login folder as earlier versions left it: the demo station, closed."""
    folder = tmp_path / "user" / "StationDesk"
    desk = Desk.open(folder)
    make_demo(desk)
    desk.close()
    return folder


@pytest.fixture
def machine_default(tmp_path: Path, old_login: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    machine = tmp_path / "ProgramData" / "StationDesk"
    machine.mkdir(parents=True)
    monkeypatch.delenv(paths.ENV_HOME, raising=False)
    monkeypatch.setattr(paths, "machine_data_dir", lambda: machine)
    monkeypatch.setattr(paths, "user_data_dir", lambda: old_login)
    monkeypatch.setattr(sys, "platform", "win32")
    return machine


def test_windows_defaults_to_programdata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.ENV_HOME, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(paths.platformdirs, "site_data_dir",
                        lambda app, appauthor: f"C:\\ProgramData\\{app}")
    assert paths.data_dir() == Path("C:\\ProgramData\\StationDesk")


def test_linux_uses_the_machine_folder_only_when_installed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.ENV_HOME, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(paths, "LINUX_MACHINE_DIR", tmp_path / "var-lib-station-desk")
    monkeypatch.setattr(paths, "user_data_dir", lambda: tmp_path / "home")
    assert paths.data_dir() == tmp_path / "home"
    (tmp_path / "var-lib-station-desk").mkdir()
    assert paths.data_dir() == tmp_path / "var-lib-station-desk"


def test_data_dir_and_env_still_win(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.ENV_HOME, str(tmp_path / "env"))
    assert paths.data_dir() == tmp_path / "env"
    assert paths.data_dir(tmp_path / "flag") == tmp_path / "flag"


def test_the_login_archive_moves_once_with_a_message(
        machine_default: Path, old_login: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["staff", "list"]) == 0
    out = capsys.readouterr()
    assert "已把原来的数据" in out.err and str(machine_default) in out.err
    assert "王建国" in out.out and "张丽" in out.out
    assert (machine_default / "archive.db").is_file() and (machine_default / "keys").is_dir()
    assert not (machine_default / ".迁移中").exists()
    assert (old_login / "archive.db").is_file() and (old_login / NOTE_NAME).is_file()

    assert main(["staff", "list"]) == 0
    assert "迁移" not in capsys.readouterr().err  # once only


def test_an_existing_machine_archive_is_never_overwritten(tmp_path: Path, old_login: Path) -> None:
    machine = tmp_path / "machine"
    desk = Desk.open(machine)
    make_demo(desk)
    desk.close()
    before = (machine / "archive.db").read_bytes()
    message = adopt_user_archive(machine, old_login)
    assert message is not None and "没有合并" in message and str(old_login) in message
    assert (machine / "archive.db").read_bytes() == before
    assert adopt_user_archive(machine, old_login) is None  # told once


def test_nothing_to_move(tmp_path: Path) -> None:
    assert adopt_user_archive(tmp_path / "machine", tmp_path / "empty-login") is None
    assert not (tmp_path / "machine").exists()


def test_a_folder_this_account_may_not_write_is_a_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another login's owner-only archive (the tests run as root, so faked)."""
    from station_desk.db import lock
    from station_desk.domain.errors import UserError

    def denied(path: Path, mode: str = "ab") -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(lock, "open_private", denied)
    with pytest.raises(UserError, match="没有权限"):
        Desk.open(tmp_path / "station")
