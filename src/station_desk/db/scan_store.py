"""The scans of the cases, outside the archive: a content-addressed store in the
folder beside each archive file (`attachments/ab/abcdef…`, by the SHA-256 of
the scan), so the daily backups and a stick share one copy of each scan.

Every file is encrypted with a key derived from the archive key
(XChaCha20-Poly1305, libsodium through PyNaCl, a random nonce per file); its
name is the SHA-256 of the *plaintext*, the value the archive, the change log
and the sync bundles already record. Reading checks both: the AEAD tag (no
byte changed, no file swapped under another name: the name is the associated
data) and the hash of what comes out. docs/architecture.md says why.

Writing is atomic (temp file, fsync, rename, fsync of the folder) and a scan
already there is never written again. Thumbnails are kept encrypted the same
way under `thumbs/` beside `attachments/`: they are made from the scan and are
never backed up.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import nacl.bindings as sodium
from nacl.encoding import RawEncoder
from nacl.exceptions import CryptoError
from nacl.hash import blake2b

from ..domain.errors import StorageError, os_message
from .files import STALE_SECONDS, private_dir, sweep, write_private

log = logging.getLogger("station_desk.scans")

STORE_DIR = "attachments"
THUMBS_DIR = "thumbs"
MAGIC = b"SDSCAN01"
THUMB_MAGIC = b"SDTHMB01"
_NONCE = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
_TAG = sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES
_TMP = ".tmp"


class ScanProblem(StrEnum):
    MISSING = "missing"
    DAMAGED = "damaged"

    @property
    def label(self) -> str:
        return {"missing": "缺失", "damaged": "已损坏"}[self.value]


class ScanUnreadable(StorageError):
    """A scan that is not in the store or does not match its hash."""

    def __init__(self, message: str, problem: ScanProblem) -> None:
        super().__init__(message)
        self.problem = problem


def file_key(archive_key: bytes) -> bytes:
    """The scans' own key: a keyed BLAKE2b of the archive key (as libsodium's
    crypto_kdf does), so a scan file never shares a key with the database pages."""
    return blake2b(b"", key=archive_key, person=b"sd-scan-files-v1", digest_size=32,
                   encoder=RawEncoder)


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _valid_digest(sha256: str) -> bool:
    return len(sha256) == 64 and all(c in "0123456789abcdef" for c in sha256)


@dataclass(frozen=True)
class ScanStore:
    """The store of one archive file (or of one backup folder)."""

    root: Path
    archive_key: bytes

    @classmethod
    def beside(cls, archive: Path, archive_key: bytes) -> ScanStore:
        """The store of the folder the archive (or backup) file `archive` lies in."""
        return cls.in_folder(archive.parent, archive_key)

    @classmethod
    def of_db(cls, db: object) -> ScanStore:
        """The store of an open archive (`connection.ArchiveDb`)."""
        path = getattr(db, "archive_path", None)
        key = getattr(db, "archive_key", b"")
        if not isinstance(path, Path) or not path.name or not key:
            raise StorageError("内部错误：数据文件连接不知道自己的文件和密钥，找不到附件")
        return cls.beside(path, key)

    @classmethod
    def in_folder(cls, folder: Path, archive_key: bytes) -> ScanStore:
        return cls(folder / STORE_DIR, archive_key)

    @property
    def thumbs_root(self) -> Path:
        return self.root.with_name(THUMBS_DIR)

    def path_of(self, sha256: str) -> Path:
        if not _valid_digest(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def looks_whole(self, sha256: str, size: int) -> bool:
        """The file is there with the length a scan of `size` bytes has (a stat, no
        reading): enough to show a cached thumbnail; opening the scan checks it all."""
        try:
            return self.path_of(sha256).stat().st_size == len(MAGIC) + _NONCE + size + _TAG
        except OSError:
            return False

    # -- writing ----------------------------------------------------------------
    def put(self, data: bytes) -> str:
        """Keep `data` (once); its SHA-256. Read back and checked before it counts."""
        sha256 = digest_of(data)
        path = self.path_of(sha256)
        if path.is_file() and self.problem(sha256) is None:
            return sha256
        self._write(path, MAGIC, _aad(MAGIC, sha256), data)
        if self.problem(sha256) is not None:  # what the disk gave back is what we wrote
            raise StorageError(f"附件写入 {self.root} 后读回校验不一致（磁盘可能有坏块），"
                               "这个附件没有保存，请重试。")
        return sha256

    def copy_from(self, other: ScanStore, sha256: str) -> None:
        """Take a scan over from another store of the same key (a backup or the
        archive's), as its encrypted bytes; checked here before it counts."""
        source = other.path_of(sha256)
        target = self.path_of(sha256)
        if target.is_file() and self.problem(sha256) is None:
            return
        sealed = source.read_bytes()
        self._write_raw(target, sealed)
        if self.problem(sha256) is not None:
            target.unlink(missing_ok=True)
            raise ScanUnreadable(f"附件 {sha256[:12]}… 复制后校验不一致", ScanProblem.DAMAGED)

    def _write(self, path: Path, magic: bytes, aad: bytes, data: bytes) -> None:
        nonce = secrets.token_bytes(_NONCE)
        sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
            data, aad, nonce, file_key(self.archive_key))
        self._write_raw(path, magic + nonce + sealed)

    def _write_raw(self, path: Path, body: bytes) -> None:
        """Temp file, flushed, renamed, folder flushed: a kill leaves a `.tmp` (swept
        later) or the whole file, never half a scan."""
        write_private(private_dir(path.parent) / path.name, body)

    # -- reading ----------------------------------------------------------------
    def get(self, sha256: str, name: str = "") -> bytes:
        """The scan, checked; ScanUnreadable (a Chinese message) if missing or damaged."""
        label = name or f"{sha256[:12]}…"
        try:
            raw = self.path_of(sha256).read_bytes()
        except FileNotFoundError:
            raise ScanUnreadable(f"附件 {label} 的文件不见了（{self.root} 里没有它）。"
                                 "请从备份恢复，或重新扫描原件。", ScanProblem.MISSING) from None
        except OSError as exc:
            raise ScanUnreadable(f"读不到附件 {label}：{os_message(exc)}",
                                 ScanProblem.MISSING) from None
        data = _open(raw, MAGIC, _aad(MAGIC, sha256), self.archive_key)
        if data is None or digest_of(data) != sha256:
            raise ScanUnreadable(f"附件 {label} 与存档时的校验值不一致，可能已损坏。"
                                 "请从备份恢复，或重新扫描原件。", ScanProblem.DAMAGED)
        return data

    def problem(self, sha256: str) -> ScanProblem | None:
        try:
            self.get(sha256)
        except ScanUnreadable as exc:
            return exc.problem
        return None

    # -- thumbnails ---------------------------------------------------------------
    def thumbnail(self, sha256: str, size: int, load: Callable[[], bytes],
                  make: Callable[[bytes], bytes]) -> bytes:
        """The cached thumbnail of a scan; made with `make(load())` when absent or
        unreadable. A damaged scan raises ScanUnreadable from `load` (nothing cached)."""
        path = self.thumbs_root / sha256[:2] / f"{self.path_of(sha256).name}-{int(size)}"
        aad = _aad(THUMB_MAGIC, f"{sha256}-{int(size)}")
        try:
            cached = _open(path.read_bytes(), THUMB_MAGIC, aad, self.archive_key)
        except OSError:
            cached = None
        if cached is not None:
            return cached
        picture = make(load())
        try:
            self._write(path, THUMB_MAGIC, aad, picture)
        except OSError as exc:  # a cache: failing to keep it costs only time
            log.warning("thumbnail not cached: %s", exc)
        return picture

    def sweep_leftovers(self) -> list[Path]:
        """Temp files of writers killed long ago."""
        removed: list[Path] = []
        for root in (self.root, self.thumbs_root):
            if root.is_dir():
                for sub in root.iterdir():
                    removed += sweep(sub, (f"*{_TMP}",), older_than=STALE_SECONDS)
        return removed


def _aad(magic: bytes, name: str) -> bytes:
    return magic + name.encode("ascii")


def _open(raw: bytes, magic: bytes, aad: bytes, archive_key: bytes) -> bytes | None:
    if raw[:len(magic)] != magic:
        return None
    nonce = raw[len(magic):len(magic) + _NONCE]
    try:
        return bytes(sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
            raw[len(magic) + _NONCE:], aad, nonce, file_key(archive_key)))
    except CryptoError:
        return None
