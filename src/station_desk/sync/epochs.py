"""What a bundle's restore epoch means to its receiver (the marks themselves:
`db/epochs.py`; the rule in docs/bundle-format.md, "After a restore").

Epoch ids are ULIDs, so a later restore sorts later. Per sender:

- a bundle of a **newer** epoch than any seen: the states we hold numbered
  after its `base_seq` came from the history the restore undid; they count as
  numbered `base_seq` from now on, so every change of the new epoch replaces
  them although its number was seen before. Those no change has replaced yet
  are named in the report, for the clerk to check with the village;
- a bundle of an **older** epoch (made before a restore, found late): its
  changes numbered after the restore's `base_seq` are superseded, not taken;
- the chain heads remembered from before the restore, above its `base_seq`,
  belong to the undone history and are not compared (a restore is not tampering).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from ..db import epochs
from ..db.epochs import Epoch


@dataclass
class Standing:
    """How one bundle's records are taken, decided before any is written."""

    new: Epoch | None = None          # the first bundle of a newer epoch
    stale_above: int | None = None    # made before a restore: these numbers are superseded
    heads_ignored_above: int | None = None
    heads_ignored_from: set[str] = field(default_factory=set)
    undone: list[tuple[str, str]] = field(default_factory=list)

    @property
    def compare_heads(self) -> bool:
        return self.stale_above is None

    def ignores_head(self, seq: int, bundle_id: str) -> bool:
        return (self.heads_ignored_above is not None and seq > self.heads_ignored_above
                and bundle_id in self.heads_ignored_from)


def parse(raw: Any) -> Epoch | None:
    """The manifest's `epoch` (already checked by the schema), or None."""
    if not isinstance(raw, dict):
        return None
    return Epoch(str(raw["id"]), int(raw["base_seq"]), str(raw.get("restored_at", "")))


def standing(db: Database, sender: str, epoch: Epoch | None) -> Standing:
    seen = epochs.seen(db, sender)
    latest = seen[-1] if seen else None
    if epoch is not None and (latest is None or epoch.id > latest.epoch.id):
        return Standing(new=epoch, heads_ignored_above=epoch.base_seq,
                        heads_ignored_from=epochs.imports_before(db, sender, None),
                        undone=epochs.versions_above(db, sender, epoch.base_seq))
    if latest is None:
        return Standing()  # never restored, as far as we know
    if epoch is not None and epoch.id == latest.epoch.id:
        return Standing(heads_ignored_above=latest.epoch.base_seq,
                        heads_ignored_from=epochs.imports_before(db, sender,
                                                                 latest.bundle_id))
    later = [s.epoch.base_seq for s in seen if epoch is None or s.epoch.id > epoch.id]
    return Standing(stale_above=min(later))


def take_new(db: Database, sender: str, s: Standing, bundle_id: str) -> None:
    """Inside the import's transaction, before its records are written."""
    if s.new is not None:
        epochs.remember(db, sender, s.new, bundle_id)
        epochs.demote_versions(db, sender, s.new.base_seq)


def notes(db: Database, sender_name: str, sender: str, s: Standing, superseded: int
          ) -> list[str]:
    """What the report says about a restore (after the records are written)."""
    out: list[str] = []
    if s.new is not None:
        when = s.new.restored_at[:16].replace("T", " ")
        out.append(f"{sender_name}于 {when} 从备份恢复了数据，恢复后的变更从第 "
                   f"{s.new.base_seq + 1} 号起重新编号：本中心已按恢复后的变更更新，"
                   "恢复前收到的同号变更作废。")
        left = epochs.still_at(db, sender, s.new.base_seq, s.undone)
        if left:
            named = epochs.case_numbers(db, left)
            shown = "、".join(named[:10]) + ("……" if len(named) > 10 else "")
            out.append(f"本中心有 {len(left)} 条记录还是{sender_name}恢复备份前的内容"
                       "（那边恢复后已没有这些变更），请与该站核对是否要重新登记"
                       + (f"：{shown}" if shown else "") + "。")
    if s.stale_above is not None and superseded:
        out.append(f"这个同步包是{sender_name}恢复备份之前导出的：其中第 {s.stale_above + 1} "
                   f"号以后的 {superseded} 条变更已被恢复后的数据取代，没有采用。")
    return out
