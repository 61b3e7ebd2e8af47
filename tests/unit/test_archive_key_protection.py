"""How the archive key is kept: sealed for the machine on Windows, so every
clerk's login opens the one shared archive and no other PC does (issue 10,
point 4). DPAPI itself is faked here; the last test uses the real one on
Windows (the Windows workflow)."""

from __future__ import annotations

import hashlib
import json
import secrets
import sys
from pathlib import Path
from typing import Any

import pytest

from station_desk.db import archive_key, machine_seal
from station_desk.domain.errors import StorageError


class FakeDpapi:
    """Machine-scope DPAPI of one PC: its blobs open on that PC only."""

    def __init__(self) -> None:
        self.machine_secret = secrets.token_bytes(32)
        self.flags_seen: list[int] = []

    def _pad(self, n: int) -> bytes:
        return hashlib.shake_256(self.machine_secret).digest(n)

    def CryptProtectData(self, data: bytes, desc: str, entropy: bytes, *rest: Any) -> bytes:  # noqa: N802
        self.flags_seen.append(rest[-1])
        tag = hashlib.sha256(self.machine_secret + entropy + data).digest()[:8]
        return tag + bytes(a ^ b for a, b in zip(data, self._pad(len(data)), strict=True))

    def CryptUnprotectData(self, blob: bytes, entropy: bytes, *rest: Any) -> tuple[str, bytes]:  # noqa: N802
        tag, body = blob[:8], blob[8:]
        data = bytes(a ^ b for a, b in zip(body, self._pad(len(body)), strict=True))
        if hashlib.sha256(self.machine_secret + entropy + data).digest()[:8] != tag:
            raise RuntimeError("(-2146893813, 'CryptUnprotectData', '密钥无效')")
        return "Station Desk archive key", data


class FakeKeyring:
    """One Windows login's Credential Manager."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, user: str, value: str) -> None:
        self.entries[(service, user)] = value

    def get_password(self, service: str, user: str) -> str | None:
        return self.entries.get((service, user))


@pytest.fixture
def this_pc(monkeypatch: pytest.MonkeyPatch) -> FakeDpapi:
    dpapi = FakeDpapi()
    monkeypatch.setattr(machine_seal, "_win32crypt", lambda: dpapi)
    return dpapi


def _signed_in_as(monkeypatch: pytest.MonkeyPatch, login: FakeKeyring | None) -> None:
    monkeypatch.setattr(archive_key, "_keyring", lambda: login)


def _protection(data_dir: Path) -> str:
    return str(json.loads(archive_key.key_file(data_dir).read_text())["protection"])


def test_on_windows_the_key_is_sealed_for_the_machine_and_every_login_opens_it(
        tmp_path: Path, this_pc: FakeDpapi, monkeypatch: pytest.MonkeyPatch) -> None:
    _signed_in_as(monkeypatch, FakeKeyring())  # the clerk who set the station up
    key = archive_key.create(tmp_path)
    assert _protection(tmp_path) == "machine"
    assert key not in archive_key.key_file(tmp_path).read_bytes()
    assert this_pc.flags_seen == [machine_seal.CRYPTPROTECT_LOCAL_MACHINE
                                  | machine_seal.CRYPTPROTECT_UI_FORBIDDEN]
    _signed_in_as(monkeypatch, FakeKeyring())  # another clerk's Windows login
    assert archive_key.load(tmp_path) == key


def test_a_folder_copied_to_another_pc_does_not_open(
        tmp_path: Path, this_pc: FakeDpapi, monkeypatch: pytest.MonkeyPatch) -> None:
    archive_key.create(tmp_path)
    other_pc = FakeDpapi()
    monkeypatch.setattr(machine_seal, "_win32crypt", lambda: other_pc)
    with pytest.raises(StorageError) as refused:
        archive_key.load(tmp_path)
    assert "另一台电脑" in refused.value.message and "恢复码" in refused.value.message


def test_a_key_kept_for_one_login_by_an_earlier_version_is_sealed_for_the_machine(
        tmp_path: Path, this_pc: FakeDpapi, monkeypatch: pytest.MonkeyPatch) -> None:
    setup_login = FakeKeyring()
    _signed_in_as(monkeypatch, setup_login)
    monkeypatch.setattr(machine_seal, "_win32crypt", lambda: None)  # the earlier version
    key = archive_key.create(tmp_path)
    assert _protection(tmp_path) == "keyring"
    _signed_in_as(monkeypatch, FakeKeyring())
    with pytest.raises(StorageError, match="Windows 用户"):  # what a second login saw
        archive_key.load(tmp_path)

    monkeypatch.setattr(machine_seal, "_win32crypt", lambda: this_pc)  # this version
    _signed_in_as(monkeypatch, setup_login)
    assert archive_key.load(tmp_path) == key
    assert _protection(tmp_path) == "machine"
    _signed_in_as(monkeypatch, FakeKeyring())
    assert archive_key.load(tmp_path) == key


def test_without_machine_scope_the_key_stays_in_the_keyring_or_an_owner_only_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert not machine_seal.available()
    _signed_in_as(monkeypatch, FakeKeyring())
    archive_key.create(tmp_path / "a")
    assert _protection(tmp_path / "a") == "keyring"
    _signed_in_as(monkeypatch, None)
    archive_key.create(tmp_path / "b")
    assert _protection(tmp_path / "b") == "file"


def test_county_it_can_refuse_machine_sealing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv(machine_seal.NO_MACHINE_SEAL_ENV, "1")
    assert not machine_seal.available()


@pytest.mark.skipif(sys.platform != "win32", reason="real DPAPI only on Windows")
def test_real_dpapi_seals_and_unseals() -> None:  # pragma: no cover - Windows only
    assert machine_seal.available()
    secret = secrets.token_bytes(32)
    sealed = machine_seal.seal(secret)
    assert secret not in sealed and machine_seal.unseal(sealed) == secret
    with pytest.raises(OSError):
        machine_seal.unseal(sealed[:-1] + bytes([sealed[-1] ^ 1]))
