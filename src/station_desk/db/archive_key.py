"""The archive key: random, kept in `<data dir>/keys/archive.key`, so the program
opens the archive at start-up on the station's own PC.

Three ways the file protects it (docs/privacy.md says what each gives):

- "machine" (Windows): the key sealed with DPAPI in machine scope
  (`machine_seal`): every Windows account of this PC opens it, no other PC
  does. A station PC is shared by its clerks' logins, and the data folder is
  machine-wide; a key sealed for one login would lock the others out.
- "keyring": the file holds the key sealed (XSalsa20-Poly1305, PyNaCl) with a
  random per-PC secret kept in the OS keyring (`keyring`: Windows Credential
  Manager, protected by DPAPI for the signed-in Windows user). A copy of the
  data folder alone does not open.
- "file": where no keyring works, the file holds the key itself, owner-only
  (0600). Whoever can read the data folder as that user can open the archive.

The recovery code (domain/recovery_code.py) is the same key for people; with it
a backup opens on a PC that has lost this folder.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import secrets
from pathlib import Path
from typing import Any

from nacl.exceptions import CryptoError
from nacl.secret import SecretBox

from ..domain.errors import StorageError, os_message
from ..domain.recovery_code import KEY_BYTES
from . import machine_seal
from .files import private_dir, write_private

log = logging.getLogger("station_desk.keys")

KEYS_DIR = "keys"
KEY_FILE = "archive.key"
FORMAT = "station-desk-archive-key"
KEYRING_SERVICE = "Station Desk archive"
# tests and county IT can refuse the OS keyring (a shared service account, say)
NO_KEYRING_ENV = "STATION_DESK_NO_KEYRING"


def key_file(data_dir: Path) -> Path:
    return data_dir / KEYS_DIR / KEY_FILE


def _keyring_user(data_dir: Path) -> str:
    """One keyring entry per data folder on this PC."""
    return "archive-" + hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:24]


def _keyring() -> Any | None:
    """The OS keyring if one really works here, else None."""
    if os.environ.get(NO_KEYRING_ENV):
        return None
    try:
        import keyring
        from keyring.backends import fail, null
        backend = keyring.get_keyring()
        if isinstance(backend, (fail.Keyring, null.Keyring)):
            return None
        return keyring
    except Exception:  # noqa: BLE001 - any broken backend means "no keyring"
        log.info("no usable OS keyring; the archive key is kept in a 0600 file")
        return None


def _seal_with_keyring(data_dir: Path, key: bytes) -> dict[str, str] | None:
    ring = _keyring()
    if ring is None:
        return None
    secret = secrets.token_bytes(SecretBox.KEY_SIZE)
    try:
        ring.set_password(KEYRING_SERVICE, _keyring_user(data_dir),
                          base64.b64encode(secret).decode("ascii"))
        stored = ring.get_password(KEYRING_SERVICE, _keyring_user(data_dir))
    except Exception:  # noqa: BLE001 - a keyring that fails to store is no keyring
        log.warning("OS keyring refused the archive secret; using a 0600 file")
        return None
    if stored is None or base64.b64decode(stored) != secret:
        return None
    sealed = SecretBox(secret).encrypt(key)
    return {"protection": "keyring", "sealed": base64.b64encode(sealed).decode("ascii")}


def _seal_for_machine(key: bytes) -> dict[str, str] | None:
    if not machine_seal.available():
        return None
    try:
        sealed = machine_seal.seal(key)
        if machine_seal.unseal(sealed) != key:
            return None
    except OSError:
        log.warning("DPAPI refused to seal the archive key for the machine")
        return None
    return {"protection": "machine", "sealed": base64.b64encode(sealed).decode("ascii")}


def store(data_dir: Path, key: bytes) -> Path:
    """Keep `key` for this data folder (replacing what was there)."""
    if len(key) != KEY_BYTES:
        raise ValueError("archive key must be 32 bytes")
    body = (_seal_for_machine(key) or _seal_with_keyring(data_dir, key)
            or {"protection": "file", "key": base64.b64encode(key).decode("ascii")})
    path = key_file(data_dir)
    try:
        private_dir(path.parent)
        write_private(path, (json.dumps({"format": FORMAT, "version": 1, **body},
                                        indent=2) + "\n").encode("ascii"))
    except OSError as exc:
        raise StorageError(f"无法保存数据文件密钥 {path}：{os_message(exc)}") from exc
    log.info("archive key stored in %s (%s)", path, body["protection"])
    return path


def create(data_dir: Path) -> bytes:
    key = secrets.token_bytes(KEY_BYTES)
    store(data_dir, key)
    return key


def load(data_dir: Path) -> bytes | None:
    """The archive key of this data folder; None if it has none yet."""
    path = key_file(data_dir)
    if not path.exists():
        return None
    lost = (f"数据文件密钥 {path} 无法读取或已损坏。数据文件没有被改动：请用设置时打印的"
            "恢复单上的恢复码恢复（station-desk restore 备份文件 --recovery-code 恢复码）。")
    try:
        data = json.loads(path.read_text("ascii"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise StorageError(lost)
        if data["protection"] == "file":
            key = base64.b64decode(data["key"], validate=True)
        elif data["protection"] == "machine":
            try:
                key = machine_seal.unseal(base64.b64decode(data["sealed"], validate=True))
            except OSError as exc:
                raise StorageError(
                    "本数据文件夹的密钥是为另一台电脑封存的（换了电脑？）。"
                    + lost[lost.index("数据文件没有"):]) from exc
        else:
            ring = _keyring()
            secret = (ring.get_password(KEYRING_SERVICE, _keyring_user(data_dir))
                      if ring is not None else None)
            if secret is None:
                raise StorageError(
                    "这台电脑的系统密钥库里没有本数据文件夹的密钥（换了电脑或 Windows 用户？）。"
                    + lost[lost.index("数据文件没有"):])
            key = SecretBox(base64.b64decode(secret)).decrypt(
                base64.b64decode(data["sealed"], validate=True))
    except StorageError:
        raise
    except (OSError, ValueError, KeyError, TypeError, CryptoError) as exc:
        raise StorageError(lost) from exc
    if len(key) != KEY_BYTES:
        raise StorageError(lost)
    if data["protection"] == "keyring" and machine_seal.available():
        # set up by an earlier version for one login: seal it for the machine now,
        # so the station's other Windows accounts open the shared archive too
        try:
            store(data_dir, bytes(key))
            log.info("archive key of %s now sealed for the machine", data_dir)
        except StorageError as exc:  # the keyring copy still opens; try again next start
            log.warning("could not seal the archive key for the machine: %s", exc)
    return bytes(key)


def load_or_create(data_dir: Path) -> bytes:
    return load(data_dir) or create(data_dir)
