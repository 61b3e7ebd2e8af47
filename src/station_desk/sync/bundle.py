"""The bundle file: outer header, encrypted and signed body (docs/bundle-format.md).

    header (100 bytes, plain)   magic, format version, kind, sender, recipient,
                                seq range, ciphertext length and SHA-256, CRC32
    ciphertext                  SealedBox(recipient key, stream key)   80 bytes
                                secretstream header                    24 bytes
                                messages: u32 length + secretstream chunk

Plaintext messages, in order: one manifest (JSON), then blobs and record
chunks (each blob comes before the record chunk that names it), then the
signature as the final message (TAG_FINAL). The signature is Ed25519 over the
header's fixed fields and the SHA-256 of every plaintext message before it.

Everything here is libsodium through PyNaCl: SealedBox for the key, the
XChaCha20-Poly1305 secretstream for the body (chunked, truncation-proof),
Ed25519 for the signature. Nothing here knows the database.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import nacl.bindings as sodium
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox

from ..domain.errors import UserError, os_message
from ..schemas.base import parse_json
from ..schemas.records import MAX_RECORD_BYTES
from .keys import StationKeys, verify_signature

MAGIC = b"SDBUNDLE"
FORMAT_VERSION = 1
SUFFIX = ".sdsync"
PARTIAL = ".partial"

KIND_CHANGES = "U"  # a village's changes, for its town
KIND_RETURN = "R"   # a town's results, catalogue and holidays, for one village
KIND_NAMES = {KIND_CHANGES: "changes", KIND_RETURN: "return"}

# magic, version, header length, kind, reserved, sender, recipient, seq_from,
# seq_to, ciphertext length, ciphertext SHA-256; then CRC32 of those 96 bytes
_FIXED = struct.Struct(">8sHHc3s12s12sQQQ32s")
_CRC = struct.Struct(">I")
HEADER_SIZE = _FIXED.size + _CRC.size  # 100
_SIGNED_PART = 8 + 2 + 2 + 1 + 3 + 12 + 12 + 8 + 8  # up to and including seq_to

SEALED_KEY_SIZE = 32 + 48
_SS_HEADER = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
_ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
_TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
_TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
MAX_MESSAGE = 256 * 1024 * 1024
# a chunk of records unpacks to this at most (export writes 2,000 per chunk)
MAX_RECORDS_PLAIN = 96 * 1024 * 1024
MAX_RECORDS_PER_CHUNK = 5000

_SIG_CONTEXT = b"station-desk bundle signature v1\0"

MSG_MANIFEST = b"M"
MSG_RECORDS = b"R"
MSG_BLOB = b"B"
MSG_SIGNATURE = b"S"

READ_CHUNK = 1024 * 1024


class BundleRefused(UserError):
    """The bundle is refused whole; `reason` names why (for tests and the log)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Header:
    version: int
    kind: str
    sender: str
    recipient: str
    seq_from: int
    seq_to: int
    length: int
    sha256: bytes

    def fixed(self) -> bytes:
        return _FIXED.pack(MAGIC, self.version, HEADER_SIZE, self.kind.encode("ascii"),
                           b"\0\0\0", self.sender.encode("ascii"),
                           self.recipient.encode("ascii"), self.seq_from, self.seq_to,
                           self.length, self.sha256)

    def pack(self) -> bytes:
        fixed = self.fixed()
        return fixed + _CRC.pack(zlib.crc32(fixed))

    def signed_part(self) -> bytes:
        """The fields the signature and the stream bind (not length and hash)."""
        return self.fixed()[:_SIGNED_PART]

    @property
    def file_size(self) -> int:
        return HEADER_SIZE + self.length


def bundle_name(header: Header, stamp: str) -> str:
    """FAT32-safe: digits, letters, `-` and `.` only."""
    return (f"{header.sender}-to-{header.recipient}-{header.kind}"
            f"-{header.seq_from:08d}-{header.seq_to:08d}-{stamp}{SUFFIX}")


def signing_message(header: Header, transcript: bytes) -> bytes:
    return _SIG_CONTEXT + header.signed_part() + transcript


# -- writing ------------------------------------------------------------------


class BundleWriter:
    """Writes one bundle to an open binary file (seekable: the header is filled
    in last). Call `manifest`, then `blob`/`records` any number of times, then
    `finish`."""

    def __init__(self, out: BinaryIO, *, kind: str, sender: str, recipient: str,
                 seq_from: int, seq_to: int, keys: StationKeys, recipient_box: bytes) -> None:
        self._out = out
        self._keys = keys
        self._header = Header(FORMAT_VERSION, kind, sender, recipient, seq_from, seq_to, 0,
                              bytes(32))
        out.write(bytes(HEADER_SIZE))
        self.stream_key = sodium.crypto_secretstream_xchacha20poly1305_keygen()
        self._hash = hashlib.sha256()
        self._length = 0
        self._transcript = hashlib.sha256()
        self._first = True
        self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
        stream_header = sodium.crypto_secretstream_xchacha20poly1305_init_push(
            self._state, self.stream_key)
        self._emit(SealedBox(PublicKey(recipient_box)).encrypt(self.stream_key)
                   + stream_header)

    def _emit(self, data: bytes) -> None:
        self._out.write(data)
        self._hash.update(data)
        self._length += len(data)

    def _push(self, plain: bytes, *, final: bool = False) -> None:
        ad = self._header.signed_part() if self._first else None
        self._first = False
        cipher = sodium.crypto_secretstream_xchacha20poly1305_push(
            self._state, plain, ad, _TAG_FINAL if final else _TAG_MESSAGE)
        self._emit(len(cipher).to_bytes(4, "big") + cipher)
        if not final:
            self._transcript.update(len(plain).to_bytes(8, "big") + plain)

    def manifest(self, data: dict[str, Any]) -> None:
        self._push(MSG_MANIFEST + json.dumps(data, ensure_ascii=False,
                                             sort_keys=True).encode("utf-8"))

    def records(self, lines: list[bytes]) -> None:
        self._push(MSG_RECORDS + zlib.compress(b"\n".join(lines), 6))

    def blob(self, data: bytes) -> None:
        self._push(MSG_BLOB + hashlib.sha256(data).digest() + data)

    def transcript(self) -> bytes:
        """SHA-256 over the plaintext messages written so far (what is signed)."""
        return self._transcript.digest()

    def finish(self) -> Header:
        signature = self._keys.signing.sign(
            signing_message(self._header, self._transcript.digest())).signature
        self._push(MSG_SIGNATURE + signature, final=True)
        h = self._header
        self._header = Header(h.version, h.kind, h.sender, h.recipient, h.seq_from, h.seq_to,
                              self._length, self._hash.digest())
        self._out.seek(0)
        self._out.write(self._header.pack())
        return self._header


# -- reading ------------------------------------------------------------------


def _refuse_damaged(path: Path, what: str) -> BundleRefused:
    return BundleRefused("damaged", f"同步包 {path.name} 已损坏（{what}），没有导入任何内容。"
                                    "请在发出的站点重新导出后再试。")


def read_header(path: Path) -> Header:
    """The outer header, checked on its own (magic, version, CRC)."""
    if path.name.endswith(PARTIAL):
        raise BundleRefused("partial", f"{path.name} 是没有写完的同步包（U盘可能在写入时被拔出），"
                                       "不能导入。请在发出的站点重新导出。")
    try:
        with open(path, "rb") as f:
            raw = f.read(HEADER_SIZE)
    except OSError as exc:
        raise BundleRefused("unreadable", f"无法读取 {path}：{os_message(exc)}") from exc
    return parse_header(raw, path)


def parse_header(raw: bytes, path: Path) -> Header:
    """The header from the first `HEADER_SIZE` bytes of a file named `path`."""
    if raw[:len(MAGIC)] != MAGIC:
        raise BundleRefused("not_bundle", f"{path.name} 不是 Station Desk 的同步包")
    if len(raw) < HEADER_SIZE:
        raise BundleRefused("truncated", f"同步包 {path.name} 不完整（连文件头都不全），"
                                         "可能U盘在写入时被拔出。请在发出的站点重新导出。")
    fixed, (crc,) = raw[:_FIXED.size], _CRC.unpack(raw[_FIXED.size:HEADER_SIZE])
    (_magic, version, size, kind, _r, sender, recipient, seq_from, seq_to, length,
     digest) = _FIXED.unpack(fixed)
    if version > FORMAT_VERSION:
        raise BundleRefused("version", f"同步包 {path.name} 由更新版本的程序生成（格式版本 "
                                       f"{version}），本程序只认识到版本 {FORMAT_VERSION}。"
                                       "请先升级本程序。")
    if zlib.crc32(fixed) != crc or size != HEADER_SIZE:
        raise _refuse_damaged(path, "文件头校验不符")
    try:
        header = Header(version, kind.decode("ascii"), sender.decode("ascii"),
                        recipient.decode("ascii"), seq_from, seq_to, length, digest)
    except UnicodeDecodeError:
        raise _refuse_damaged(path, "文件头内容不对") from None
    if header.kind not in KIND_NAMES:
        raise _refuse_damaged(path, "文件头内容不对")
    return header


def check_integrity(path: Path, progress: Callable[[int, int], None] | None = None) -> Header:
    """Header, then length and SHA-256 of the ciphertext: damaged or truncated
    files are named as such before any decryption."""
    header = read_header(path)
    try:
        actual = path.stat().st_size
        if actual < header.file_size:
            raise BundleRefused(
                "truncated", f"同步包 {path.name} 不完整：应有 {header.file_size:,} 字节，实际只有 "
                             f"{actual:,} 字节（可能U盘在写入时被拔出）。没有导入任何内容，"
                             "请在发出的站点重新导出。")
        if actual > header.file_size:
            raise _refuse_damaged(path, f"文件末尾多出 {actual - header.file_size:,} 字节")
        digest = hashlib.sha256()
        done = 0
        with open(path, "rb") as f:
            f.seek(HEADER_SIZE)
            while chunk := f.read(READ_CHUNK):
                digest.update(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, header.length)
    except OSError as exc:
        raise BundleRefused("unreadable", f"无法读取 {path}：{os_message(exc)}") from exc
    if digest.digest() != header.sha256:
        raise _refuse_damaged(path, "内容与校验值不符")
    return header


@dataclass(frozen=True)
class Message:
    kind: bytes  # MSG_*
    body: bytes


def open_stream_key(path: Path, box: PrivateKey) -> bytes:
    with open(path, "rb") as f:
        f.seek(HEADER_SIZE)
        sealed = f.read(SEALED_KEY_SIZE)
    try:
        key = SealedBox(box).decrypt(sealed)
    except CryptoError:
        raise BundleRefused(
            "undecryptable", f"无法解密同步包 {path.name}：它不是用本站当前的密钥加密的。"
                             "可能本站重新生成过密钥，请把本站新的身份文件交给对方并重新导出。"
        ) from None
    if len(key) != sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES:
        raise _refuse_damaged(path, "密钥块内容不对")
    return bytes(key)


def iter_messages(path: Path, header: Header, stream_key: bytes) -> Generator[Message, None, None]:
    """Decrypt message by message; the last one yielded is the signature.

    Any failed authentication, a missing final message or bytes after it is a
    refusal (`BundleRefused`), never a partial result the caller could mistake
    for a whole one.
    """
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    end = header.file_size
    with open(path, "rb") as f:
        f.seek(HEADER_SIZE + SEALED_KEY_SIZE)
        stream_header = f.read(_SS_HEADER)
        try:
            sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, stream_header,
                                                                   stream_key)
        except (CryptoError, ValueError):
            raise _refuse_damaged(path, "加密流的开头不对") from None
        first = True
        while True:
            if f.tell() >= end:
                raise _refuse_damaged(path, "加密内容在结尾前中断")
            size = int.from_bytes(f.read(4), "big")
            if not _ABYTES < size <= MAX_MESSAGE + _ABYTES or f.tell() + size > end:
                raise _refuse_damaged(path, "分段长度不对")
            cipher = f.read(size)
            try:
                plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(
                    state, cipher, header.signed_part() if first else None)
            except (CryptoError, ValueError):
                raise BundleRefused(
                    "tampered", f"同步包 {path.name} 的内容没有通过校验：文件被改动过或文件头"
                                "与内容不符。没有导入任何内容。") from None
            first = False
            if not plain:
                raise _refuse_damaged(path, "空的分段")
            message = Message(plain[:1], plain[1:])
            if tag == _TAG_FINAL:
                if message.kind != MSG_SIGNATURE or f.tell() != end:
                    raise _refuse_damaged(path, "结尾不对")
                yield message
                return
            if message.kind == MSG_SIGNATURE:
                raise _refuse_damaged(path, "签名不在结尾")
            yield message


def transcript_update(transcript: Any, message: Message) -> None:
    plain = message.kind + message.body
    transcript.update(len(plain).to_bytes(8, "big") + plain)


def decode_records(body: bytes) -> list[dict[str, Any]]:
    return read_records(body)[0]


def read_records(body: bytes) -> tuple[list[dict[str, Any]], list[int]]:
    """One chunk of records, decompressed within a limit (a zlib bomb of a few MB
    would otherwise unpack to gigabytes); each line within the record limit.
    With each record's line length in bytes (it bounds the record's size)."""
    try:
        inflater = zlib.decompressobj()
        text = inflater.decompress(body, MAX_RECORDS_PLAIN)
        if inflater.unconsumed_tail or not inflater.eof:
            raise UserError(f"同步包内的一段记录解压后超过 {MAX_RECORDS_PLAIN // 2**20} MB，"
                            "不是本程序写的同步包，已拒绝导入。")
    except zlib.error:
        raise UserError("同步包内的记录无法解读（解压失败）") from None
    lines = [line for line in text.split(b"\n") if line]
    if len(lines) > MAX_RECORDS_PER_CHUNK:
        raise UserError("同步包内的一段记录条数过多，已拒绝导入。")
    records = []
    for line in lines:
        record = parse_json(line, "同步包内的记录", max_bytes=4 * MAX_RECORD_BYTES, max_depth=8)
        if b"\\ud" in line.lower() and _has_lone_surrogate(record):
            raise UserError("同步包内的记录含有无效字符，已拒绝导入。")
        if not isinstance(record, dict):
            raise UserError("同步包内的记录格式不对，已拒绝导入。")
        records.append(record)
    return records, [len(line) for line in lines]


def _has_lone_surrogate(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def decode_blob(body: bytes) -> tuple[str, bytes]:
    digest, data = body[:32], body[32:]
    if hashlib.sha256(data).digest() != digest:
        raise UserError("同步包内的附件校验不符")
    return digest.hex(), data


def check_signature(path: Path, header: Header, verify_key: bytes, transcript: bytes,
                    signature: bytes, sender_name: str) -> None:
    if not verify_signature(verify_key, signing_message(header, transcript), signature):
        raise BundleRefused(
            "bad_signature", f"同步包 {path.name} 的签名与“{sender_name}”（{header.sender}）"
                             "的身份不符：它不是该站签发的，可能被冒充或篡改。没有导入任何内容。"
                             "（如果该站更换了电脑或重新生成了密钥，请重新交换身份文件并电话核对指纹。）")
