"""The recovery sheet and restoring on a new PC with its code, as the window does
it (`desk.recovery`): a fresh data folder that the program has just opened (an
empty archive under a new key) takes a stick backup with the code; a mistyped
code, another station's code and a damaged file are each refused by name and
leave the folder as it was."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from tests.unit.test_cases_service import new_case

from station_desk.db import archive_key, epochs
from station_desk.domain import recovery_code
from station_desk.domain.errors import StorageError, UserError
from station_desk.services.desk import Desk
from station_desk.services.recovery import CODE_DOES_NOT_OPEN

NAME = "王秀英"
POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdffonts"))


@pytest.fixture
def stick_backup(village: Desk, tmp_path: Path) -> tuple[Path, str, str]:
    village.session.sign_in("李明", "111111")
    new_case(village, NAME, idn=7)
    stick = tmp_path / "stick"
    stick.mkdir()
    made = village.backups.backup_to(stick)
    village.session.sign_in("王建国", "123456")
    return made, village.backups.recovery_code(), village.sync.fingerprint()


@pytest.fixture
def new_pc(tmp_path: Path) -> Iterator[Desk]:
    desk = Desk.open(tmp_path / "new-pc")  # what the window does on a first start
    yield desk
    desk.close()


def test_the_first_start_restores_a_backup_with_the_code(
        stick_backup: tuple[Path, str, str], new_pc: Desk) -> None:
    backup, code, fingerprint = stick_backup
    done = new_pc.recovery.restore_new_pc(backup, code.lower().replace("-", " "))
    assert (done.station_name, done.sync_keys_back, done.scan_message) == (
        "西沟村便民服务站", True, "")
    assert new_pc.station.is_set_up
    assert NAME in [c.applicant.name for c in new_pc.cases.page(
        new_pc.cases.make_filter(), limit=10)]
    assert new_pc.sync.fingerprint() == fingerprint  # the town keeps trusting it
    new_pc.session.sign_in("王建国", "123456")  # the old staff and PINs came back
    assert new_pc.backups.recovery_code() == code
    # its change numbers start a new epoch there too (see test_restore_then_sync)
    assert epochs.current(new_pc.db) is not None
    # it opens again next time: the folder now keeps the backup's key
    assert archive_key.load(new_pc.data_dir) == recovery_code.decode(code)


def _unchanged(desk: Desk, before_key: bytes | None) -> None:
    assert not desk.station.is_set_up
    assert archive_key.load(desk.data_dir) == before_key


def test_a_mistyped_code_is_named(stick_backup: tuple[Path, str, str], new_pc: Desk) -> None:
    backup, code, _ = stick_backup
    key = archive_key.load(new_pc.data_dir)
    typo = ("A" if code[0] != "A" else "B") + code[1:]
    with pytest.raises(UserError, match="恢复码不对"):
        new_pc.recovery.restore_new_pc(backup, typo)
    with pytest.raises(UserError, match="恢复码长度不对"):
        new_pc.recovery.restore_new_pc(backup, code[:-3])
    _unchanged(new_pc, key)


def test_another_stations_code_is_told_apart(stick_backup: tuple[Path, str, str],
                                             new_pc: Desk) -> None:
    backup, _, _ = stick_backup
    key = archive_key.load(new_pc.data_dir)
    with pytest.raises(UserError) as info:
        new_pc.recovery.restore_new_pc(backup, recovery_code.encode(bytes(32)))
    assert info.value.message == CODE_DOES_NOT_OPEN
    _unchanged(new_pc, key)


def test_a_damaged_backup_is_named(stick_backup: tuple[Path, str, str], new_pc: Desk,
                                   tmp_path: Path) -> None:
    backup, code, _ = stick_backup
    key = archive_key.load(new_pc.data_dir)
    damaged = tmp_path / "damaged.db"
    data = bytearray(backup.read_bytes())
    data[len(data) // 2:len(data) // 2 + 64] = bytes(64)
    damaged.write_bytes(bytes(data))
    with pytest.raises(StorageError, match=r"damaged.db 已损坏.*恢复码是对的"):
        new_pc.recovery.restore_new_pc(damaged, code)
    half = tmp_path / "half.db"
    half.write_bytes(backup.read_bytes()[:4096])
    with pytest.raises((StorageError, UserError)):
        new_pc.recovery.restore_new_pc(half, code)
    _unchanged(new_pc, key)


def test_a_station_with_data_is_not_overwritten_by_the_code(
        stick_backup: tuple[Path, str, str], village: Desk) -> None:
    backup, code, _ = stick_backup
    with pytest.raises(UserError, match="已经有站点数据"):
        village.recovery.restore_new_pc(backup, code)


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_the_sheet_embeds_every_font_and_shows_the_code(village: Desk,
                                                        tmp_path: Path) -> None:
    village.session.sign_in("王建国", "123456")
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(village.recovery.sheet_pdf(date(2026, 12, 1)))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(row.split()[-5] == "yes" for row in fonts), fonts
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    code = village.backups.recovery_code()
    assert code.split("-")[0] in text.replace(" ", "") and "恢复码" in text
    village.session.sign_in("李明", "111111")
    with pytest.raises(UserError):
        village.recovery.sheet_pdf()
