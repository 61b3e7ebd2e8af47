"""Station key pairs and the public identity two stations exchange once.

Each station has an Ed25519 signing key (it signs its bundles) and a
Curve25519 key (bundles for it are encrypted to it), both from PyNaCl. They
live in `<data dir>/keys/station.key` (mode 0600), never in the archive
database; a backup to a stick carries them beside it, sealed with the archive
key (`seal_station_keys`), so the recovery code restores the sync identity.

The identity file is public: station code, name, kind, town code and the two
public keys, self-signed. Its fingerprint (30 digits in six groups) is read out
by phone before the other side trusts the file.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, PublicKey
from nacl.secret import SecretBox
from nacl.signing import SigningKey, VerifyKey

from ..db.files import private_dir, write_private
from ..domain.errors import StorageError, UserError, os_message
from ..domain.station import StationKind
from ..schemas.base import parse_json, validate
from ..schemas.sync import IdentityFile

log = logging.getLogger("station_desk.sync")

KEYS_DIR = "keys"
KEY_FILE = "station.key"
IDENTITY_FORMAT = "station-desk-identity"
IDENTITY_VERSION = 1
_FINGERPRINT_CONTEXT = b"station-desk fingerprint v1\0"
_IDENTITY_CONTEXT = b"station-desk identity v1\0"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise UserError(f"{what}格式不对（不是有效的 base64）") from None


def fingerprint(verify_key: bytes, box_key: bytes) -> str:
    """30 digits in groups of five, easy to read out on the phone.

    Each group is five bytes of a SHA-256 over both public keys, reduced to
    five digits (the scheme of Signal's safety numbers): about 100 bits.
    """
    digest = hashlib.sha256(_FINGERPRINT_CONTEXT + verify_key + box_key).digest()
    groups = [int.from_bytes(digest[i:i + 5], "big") % 100_000 for i in range(0, 30, 5)]
    return " ".join(f"{g:05d}" for g in groups)


@dataclass(frozen=True)
class StationKeys:
    """This station's private keys (never leave `keys/`)."""

    signing: SigningKey
    box: PrivateKey
    path: Path

    @property
    def verify_key(self) -> bytes:
        return bytes(self.signing.verify_key)

    @property
    def box_public(self) -> bytes:
        return bytes(self.box.public_key)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.verify_key, self.box_public)


def key_path(data_dir: Path) -> Path:
    return data_dir / KEYS_DIR / KEY_FILE


WAY_BACK = ("同步导出和导入已停止，以免用新的身份冒充本站。找回的办法（二选一）：\n"
            "1. 用设置时打印的恢复单：station-desk restore U盘上的备份 --recovery-code 恢复码"
            "（在新的数据目录里做；备份旁的 .keys 文件会一并找回本站密钥，镇中心照常认得本站）；\n"
            "2. 建立新身份：站长在“同步”页点“建立本站新身份…”（命令行：station-desk keys new），"
            "把新指纹电话告知镇中心，镇中心核对后重新信任本站"
            "（命令行：keys trust --replace --fingerprint 新指纹）。")


class StationKeysLost(StorageError):
    """keys/station.key is missing or damaged: no sync until the way back is taken."""


def _load(path: Path) -> StationKeys:
    try:
        data = json.loads(path.read_text("utf-8"))
        signing = SigningKey(unb64(data["signing_seed"], "签名密钥"))
        box = PrivateKey(unb64(data["box_secret"], "加密密钥"))
    except (OSError, ValueError, KeyError, TypeError, UserError, CryptoError) as exc:
        raise StationKeysLost(f"本站密钥文件 {path} 已损坏或无法读取。" + WAY_BACK) from exc
    return StationKeys(signing, box, path)


def load_station_keys(data_dir: Path) -> StationKeys:
    """This station's keys; never made here (see `ensure_station_keys`, `new_station_keys`)."""
    path = key_path(data_dir)
    if not path.exists():
        raise StationKeysLost(f"本站密钥文件 {path} 不见了（keys 文件夹被删除或没有拷过来）。"
                              + WAY_BACK)
    _tighten(path)
    return _load(path)


def new_station_keys(data_dir: Path) -> StationKeys:
    """A new identity after the old keys were lost: a damaged key file is kept aside
    (never deleted), then new keys are made."""
    path = key_path(data_dir)
    if path.exists():
        try:
            _load(path)
        except StationKeysLost:
            aside = path.with_name(f"{KEY_FILE}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
            os.replace(path, aside)
        else:
            raise UserError("本站密钥完好，不需要新身份（换密钥会让镇中心不再认得本站）")
    return ensure_station_keys(data_dir)


def _tighten(path: Path) -> None:
    """Private key readable by the owner only (no-op where modes mean little)."""
    if os.name != "posix":
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        log.warning("key file %s had mode %o; set to 600", path, mode)
        os.chmod(path, 0o600)


def ensure_station_keys(data_dir: Path) -> StationKeys:
    """This station's keys, created on first use (at setup); never overwritten.

    Written to a temporary file (0600), flushed, then linked to its final name
    so a power cut leaves either no key file or a whole one.
    """
    path = key_path(data_dir)
    if path.exists():
        _tighten(path)
        return _load(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(path.parent, 0o700)
        signing, box = SigningKey.generate(), PrivateKey.generate()
        text = json.dumps({
            "format": "station-desk-keys", "version": 1,
            "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "signing_seed": b64(bytes(signing)), "box_secret": b64(bytes(box)),
        }, indent=2) + "\n"
        tmp = path.with_name(f"{KEY_FILE}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, text.encode("ascii"))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)  # fails if another process got there first: keep theirs
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise StorageError(f"无法在 {path.parent} 建立本站密钥：{os_message(exc)}") from exc
    log.info("station keys created in %s", path.parent)
    _tighten(path)
    return _load(path)


@dataclass(frozen=True)
class Identity:
    """A station's public identity, as exchanged on a stick or by e-mail."""

    code: str
    name: str
    kind: StationKind
    town_code: str
    verify_key: bytes
    box_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.verify_key, self.box_key)

    def _signed_part(self) -> dict[str, Any]:
        return {"format": IDENTITY_FORMAT, "version": IDENTITY_VERSION, "code": self.code,
                "name": self.name, "kind": self.kind.value, "town_code": self.town_code,
                "verify_key": b64(self.verify_key), "box_key": b64(self.box_key)}

    def _message(self) -> bytes:
        return _IDENTITY_CONTEXT + json.dumps(self._signed_part(), ensure_ascii=False,
                                              sort_keys=True).encode("utf-8")

    def to_json(self, keys: StationKeys) -> str:
        signature = keys.signing.sign(self._message()).signature
        data = {**self._signed_part(), "fingerprint": self.fingerprint,
                "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
                "signature": b64(signature)}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def verifier(self) -> VerifyKey:
        return VerifyKey(self.verify_key)

    def public_key(self) -> PublicKey:
        return PublicKey(self.box_key)


def own_identity(keys: StationKeys, *, code: str, name: str, kind: StationKind,
                 town_code: str) -> Identity:
    return Identity(code, name, kind, town_code, keys.verify_key, keys.box_public)


def parse_identity(text: str) -> Identity:
    """Read an identity file; refuse anything damaged, altered or not one.

    Every field is checked (schemas/sync.py) before the signature is: a
    self-signed file with a hostile name or code is refused, not trusted."""
    bad = "这不是 Station Desk 的身份文件，或文件已损坏"
    try:
        data = parse_json(text, "身份文件", max_bytes=64 * 1024, max_depth=3)
    except UserError:
        raise UserError(bad) from None
    if not isinstance(data, dict) or data.get("format") != IDENTITY_FORMAT:
        raise UserError(bad)
    if data.get("version") != IDENTITY_VERSION:
        version = data.get("version")
        shown = version if isinstance(version, int) and not isinstance(version, bool) else "?"
        raise UserError(f"身份文件版本 {shown} 不认识：请升级本程序")
    checked = validate(IdentityFile, data, "身份文件")
    try:
        identity = Identity(
            code=checked.code, name=checked.name, kind=StationKind(checked.kind),
            town_code=checked.town_code,
            verify_key=unb64(checked.verify_key, "签名公钥"),
            box_key=unb64(checked.box_key, "加密公钥"))
        signature = unb64(checked.signature, "签名")
        identity.verifier().verify(identity._message(), signature)
        identity.public_key()
    except (ValueError, TypeError, CryptoError):
        raise UserError(bad + "（内容不完整或签名不符）") from None
    if checked.fingerprint != identity.fingerprint:
        raise UserError(bad + "（指纹与密钥不符）")
    return identity


def verify_signature(verify_key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        VerifyKey(verify_key).verify(message, signature)
    except (BadSignatureError, CryptoError, ValueError):
        return False
    return True


SEALED_SUFFIX = ".keys"


def seal_station_keys(data_dir: Path, archive_key: bytes) -> bytes:
    """This station's key file sealed with the archive key: it travels next to a backup
    on a stick so that the recovery code also brings back the sync identity."""
    return SecretBox(archive_key).encrypt(key_path(data_dir).read_bytes())


def unseal_station_keys(data_dir: Path, sealed: bytes, archive_key: bytes) -> StationKeys:
    """Put the sealed key file back into a data folder that has none (never overwrites)."""
    path = key_path(data_dir)
    if path.exists():
        return _load(path)
    try:
        text = SecretBox(archive_key).decrypt(sealed)
    except CryptoError as exc:
        raise UserError("备份旁的本站密钥文件打不开（恢复码不对，或文件已损坏）") from exc
    try:
        private_dir(path.parent)
        write_private(path, text)
    except OSError as exc:
        raise StorageError(f"无法在 {path.parent} 写回本站密钥：{os_message(exc)}") from exc
    return _load(path)
