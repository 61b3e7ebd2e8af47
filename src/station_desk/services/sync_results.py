"""What `desk.sync` answers with: trust and import outcomes, a village as the town
sees it, the state of exports. Plain values; the operations are in `sync.py`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..db.sync_log import ExportRecord
from ..db.sync_peers import Peer
from ..domain.cases import Status
from ..domain.errors import Cancelled
from ..sync import ranges
from ..sync.importer import ImportReport

__all__ = ["Cancelled", "ExportStatus", "ImportOutcome", "Pending", "Refused", "Trusted",
           "VillageStatus"]


@dataclass(frozen=True)
class Trusted:
    peer: Peer
    replaced: bool = False  # its keys changed (new PC, keys made again)
    already: bool = False   # the same identity was trusted before


@dataclass(frozen=True)
class Refused:
    """A bundle refused whole (nothing of it was written)."""

    path: Path
    message: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "refused": True, "reason": self.reason,
                "message": self.message}


@dataclass(frozen=True)
class VillageStatus:
    """One village as the town sees it."""

    code: str
    name: str
    kind: str
    fingerprint: str
    last_import_at: str | None
    last_seq: int  # the highest change number the village is known to have sent
    missing: list[tuple[int, int]]
    by_status: dict[str, int]
    overdue_proxied: int
    held: int
    last_return: ExportRecord | None
    received: list[tuple[int, int]] = field(default_factory=list)

    @property
    def open_cases(self) -> int:
        return sum(n for s, n in self.by_status.items() if Status(s).is_open)

    def missing_text(self) -> str:
        return "、".join(ranges.label(a, b) for a, b in self.missing)

    def received_text(self) -> str:
        """The change numbers that arrived (never "1–N" when some are missing)."""
        return ranges.received_text(self.received)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "kind": self.kind,
                "last_import_at": self.last_import_at, "last_seq": self.last_seq,
                "received": [list(r) for r in self.received],
                "missing": [{"from": a, "to": b, "message": ranges.missing_message(
                    self.name, a, b)} for a, b in self.missing],
                "cases_by_status": self.by_status, "open": self.open_cases,
                "overdue_proxied": self.overdue_proxied, "quarantined": self.held,
                "last_return": None if self.last_return is None else {
                    "seq_to": self.last_return.seq_to,
                    "at": self.last_return.created_at}}


@dataclass(frozen=True)
class ExportStatus:
    """One bundle we exported, and whether the other side confirmed it."""

    record: ExportRecord
    confirmed: bool
    confirmed_at: str | None = None


@dataclass(frozen=True)
class Pending:
    """What the next incremental export would carry."""

    seq_from: int
    seq_to: int
    last_export: ExportRecord | None
    peer: Peer | None

    @property
    def count(self) -> int:
        return max(0, self.seq_to - self.seq_from + 1)


@dataclass
class ImportOutcome:
    reports: list[ImportReport] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
