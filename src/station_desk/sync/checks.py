"""Opening a bundle before anything is written: refuse it whole unless it is
intact, addressed to us, from a station we trust, decrypts and is signed by
that station, and its manifest agrees with its header."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..db import sync_peers
from ..db.sync_peers import Peer
from ..domain.errors import UserError
from ..domain.progress import Progress
from ..domain.station import Station
from ..schemas.base import parse_json
from ..schemas.sync import Manifest, problem
from . import bundle
from .bundle import BundleRefused, Header
from .keys import StationKeys, unb64


@dataclass(frozen=True)
class Verified:
    """A bundle that passed every check before import."""

    path: Path
    header: Header
    manifest: dict[str, Any]
    peer: Peer
    stream_key: bytes
    transcript: bytes

    @property
    def bundle_id(self) -> str:
        return str(self.manifest["bundle_id"])

    def to_json(self) -> dict[str, Any]:
        m = self.manifest
        return {"path": str(self.path), "ok": True, "bundle_id": self.bundle_id,
                "kind": m["kind"], "station": self.header.sender, "station_name": self.peer.name,
                "to": self.header.recipient, "seq_from": self.header.seq_from,
                "seq_to": self.header.seq_to, "full": bool(m.get("full")),
                "records": m["records"], "counts": m["counts"],
                "created_at": m["created_at"], "app_version": m["app_version"],
                "signed_by": self.peer.fingerprint}


def _check_address(db: Database, header: Header, me: Station, path: Path) -> Peer:
    if header.recipient != me.code:
        other = sync_peers.get_peer(db, header.recipient)
        who = f"{other.name}（{header.recipient}）" if other else header.recipient
        raise BundleRefused("wrong_recipient",
                            f"同步包 {path.name} 是发给 {who} 的，"
                            f"不是本站（{me.name}，{me.code}）。没有导入任何内容。"
                            "请把它交给收件的站点。")
    if header.kind == bundle.KIND_CHANGES and not me.kind.is_town:
        raise BundleRefused("wrong_recipient", f"{path.name} 是村（社区）站交给镇中心的同步包，"
                                               "本站不是镇便民服务中心，不能导入。")
    if header.kind == bundle.KIND_RETURN and me.kind.is_town:
        raise BundleRefused("wrong_recipient", f"{path.name} 是镇中心发回村站的回传包，"
                                               "不能在镇中心导入。")
    peer = sync_peers.get_peer(db, header.sender)
    if peer is None or not peer.active:
        raise BundleRefused(
            "untrusted", f"同步包 {path.name} 来自站点 {header.sender}，该站不在本站的信任名单中，"
                         "没有导入任何内容。如确属本镇站点，请先导入它的身份文件（信任身份文件），"
                         "并电话核对指纹。")
    if header.kind == bundle.KIND_RETURN and peer.code != me.town_code:
        raise BundleRefused("untrusted", f"同步包 {path.name} 来自 {peer.name}，不是本站所属的"
                                         "镇中心，不能导入。")
    if header.kind == bundle.KIND_CHANGES and peer.town_code != me.code:
        raise BundleRefused("untrusted", f"{peer.name}不属于本中心，不能导入它的同步包。")
    return peer


def _check_manifest(path: Path, header: Header, manifest: dict[str, Any], me: Station) -> None:
    try:
        ok = (manifest["format"] == "station-desk-bundle"
              and manifest["station"]["code"] == header.sender
              and manifest["to"]["code"] == header.recipient
              and manifest["seq_from"] == header.seq_from
              and manifest["seq_to"] == header.seq_to
              and manifest["kind"] == bundle.KIND_NAMES[header.kind]
              and isinstance(manifest["bundle_id"], str)
              and isinstance(manifest["records"], int)
              and isinstance(manifest["counts"], dict))
        if header.kind == bundle.KIND_CHANGES:
            ok = ok and manifest["town"]["code"] == me.code
    except (KeyError, TypeError):
        ok = False
    if not ok:
        raise BundleRefused("tampered",
                            f"同步包 {path.name} 的清单与文件头不符，没有导入任何内容。")


def verify(db: Database, path: Path, *, me: Station, keys: StationKeys,
           progress: Progress | None = None) -> Verified:
    """Every check, nothing written: integrity, address, trust, decryption,
    signature, manifest."""
    header = bundle.check_integrity(path, progress)
    peer = _check_address(db, header, me, path)
    stream_key = bundle.open_stream_key(path, keys.box)
    digest = hashlib.sha256()
    manifest: dict[str, Any] | None = None
    signature = b""
    for n, message in enumerate(bundle.iter_messages(path, header, stream_key)):
        if message.kind == bundle.MSG_SIGNATURE:
            signature = message.body
            break
        if n == 0:
            if message.kind != bundle.MSG_MANIFEST:
                raise BundleRefused("tampered", f"同步包 {path.name} 缺少清单")
            try:
                manifest = parse_json(message.body, "清单", max_bytes=4 * 1024 * 1024)
            except UserError:
                raise BundleRefused("tampered", f"同步包 {path.name} 的清单无法解读") from None
        bundle.transcript_update(digest, message)
    transcript = digest.digest()
    bundle.check_signature(path, header, unb64(peer.verify_key, "签名公钥"), transcript,
                           signature, peer.name)
    if not isinstance(manifest, dict):
        raise BundleRefused("tampered", f"同步包 {path.name} 缺少清单")
    wrong = problem(Manifest, manifest, "清单")
    if wrong:  # signed, but not what this program writes: refused whole
        raise BundleRefused("tampered", f"同步包 {path.name} 的{wrong}。没有导入任何内容。")
    _check_manifest(path, header, manifest, me)
    return Verified(path, header, manifest, peer, stream_key, transcript)
