"""Storage of the USB sync's trusted peers (their keys, names and roles)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from ..domain.actor import Actor
from . import journal
from .rows import Row
from .rows import fetch_rows as _rows


@dataclass(frozen=True)
class Peer:
    code: str
    name: str
    kind: str
    town_code: str
    verify_key: str  # base64
    box_key: str  # base64
    fingerprint: str
    trusted_at: str
    active: bool = True


def _peer(r: Row) -> Peer:
    return Peer(r["id"], r["name"], r["kind"], r["town_code"], r["verify_key"], r["box_key"],
                r["fingerprint"], r["trusted_at"], bool(r["active"]))


def get_peer(db: Database, code: str) -> Peer | None:
    rows = _rows(db, "SELECT * FROM sync_peers WHERE id = ?", [code])
    return _peer(rows[0]) if rows else None


def list_peers(db: Database) -> list[Peer]:
    return [_peer(r) for r in _rows(db, "SELECT * FROM sync_peers WHERE active = 1 ORDER BY id")]


def save_peer(db: Database, peer: Peer, actor: Actor) -> None:
    """Trust a peer or replace its keys (audited, never in the outgoing log)."""
    row = {"id": peer.code, "name": peer.name, "kind": peer.kind, "town_code": peer.town_code,
           "verify_key": peer.verify_key, "box_key": peer.box_key,
           "fingerprint": peer.fingerprint, "trusted_at": peer.trusted_at,
           "active": int(peer.active)}
    with db.atomic():
        if get_peer(db, peer.code) is None:
            journal.insert(db, "sync_peers", row, actor, outgoing=False)
        else:
            journal.update(db, "sync_peers", peer.code, {k: v for k, v in row.items()
                                                         if k != "id"}, actor,
                           outgoing=False)
