"""`desk.sync`: keys and trust, export to the stick, import from it, and the
town's view of its villages. The window and the command line call these."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from ..db import epochs, journal, sync_log, sync_peers, sync_repo
from ..db.connection import ArchiveDb
from ..db.errors import storage_errors
from ..db.files import write_private as write_file
from ..db.sync_peers import Peer
from ..db.sync_repo import Quarantined
from ..domain.errors import UserError, os_message
from ..domain.progress import Progress
from ..domain.station import Station, StationKind
from ..schemas.base import decode_text
from ..sync import bundle, ranges
from ..sync.bundle import BundleRefused, Header
from ..sync.export import ExportResult, export_bundle
from ..sync.importer import (
    ImportReport,
    Verified,
    import_bundle,
    list_bundles,
    missing_after,
    verify,
)
from ..sync.keys import (
    Identity,
    StationKeys,
    b64,
    ensure_station_keys,
    load_station_keys,
    new_station_keys,
    own_identity,
    parse_identity,
)
from ..sync.ranges import label as range_label
from ..sync.ranges import missing_message
from ..sync.volumes import is_removable_root
from .calendar import Calendar
from .holidays import HolidayDesk
from .session import Session
from .station import StationDesk
from .store import Store
from .supervision import OverdueCase, SupervisionDesk
from .sync_results import (
    Cancelled,
    ExportStatus,
    ImportOutcome,
    Pending,
    Refused,
    Trusted,
    VillageStatus,
)

log = logging.getLogger("station_desk.sync")

MAX_IDENTITY_BYTES = 64 * 1024


__all__ = ["Cancelled", "ExportResult", "ExportStatus", "ImportOutcome", "ImportReport",
           "OverdueCase", "Pending", "Refused", "SyncDesk", "Trusted", "VillageStatus",
           "ensure_station_keys", "is_removable_root", "missing_message", "range_label"]


class SyncDesk:
    """`desk.sync`."""

    def __init__(self, store: Store, session: Session, station: StationDesk,
                 calendar: Calendar, holidays: HolidayDesk, supervision: SupervisionDesk) -> None:
        self._store = store
        self._session = session
        self._station = station
        self._calendar = calendar
        self._holidays = holidays
        self._supervision = supervision

    @property
    def db(self) -> ArchiveDb:
        return self._store.db

    def _me(self) -> Station:
        return self._station.station_or_refuse()

    # -- keys and identities ---------------------------------------------------
    def keys(self) -> StationKeys:
        """This station's keys; a lost or damaged key file stops here with the way
        back (never silently replaced: the town would see a stranger)."""
        return load_station_keys(self._store.data_dir)

    def new_identity(self) -> StationKeys:
        """New keys after the old ones were lost (head); the town must re-trust them."""
        self._session.require_head("建立本站新身份")
        with storage_errors():
            return new_station_keys(self._store.data_dir)

    def identity(self) -> Identity:
        s = self._me()
        return own_identity(self.keys(), code=s.code, name=s.name, kind=s.kind,
                            town_code=s.town_code)

    def fingerprint(self) -> str:
        return self.keys().fingerprint

    def export_identity(self, out: Path) -> Path:
        """Write this station's public identity: into a folder (one that exists,
        or a new name without an extension) as `identity-CODE.json`, else to
        exactly the file named, whatever its extension (`v.key`)."""
        identity = self.identity()
        folder = out.is_dir() or not out.suffix
        path = out / f"identity-{identity.code}.json" if folder else out
        with storage_errors():
            path.parent.mkdir(parents=True, exist_ok=True)
            write_file(path, identity.to_json(self.keys()).encode("utf-8"))
        return path

    def read_identity(self, path: Path) -> Identity:
        try:
            with open(path, "rb") as f:
                raw = f.read(MAX_IDENTITY_BYTES + 1)
        except OSError as exc:
            raise UserError(f"无法读取身份文件 {path}：{os_message(exc)}") from None
        if len(raw) > MAX_IDENTITY_BYTES:
            raise UserError(f"{path.name} 太大，不是身份文件")
        return parse_identity(decode_text(raw, "身份文件"))

    def check_identity(self, identity: Identity) -> None:
        """Refuse an identity that is not our town (village) or our village (town)."""
        me = self._me()
        if identity.code == me.code:
            raise UserError("这是本站自己的身份文件。请导入对方站点的身份文件。")
        if me.kind.is_town:
            if identity.kind.is_town:
                raise UserError(f"{identity.name}是镇中心，镇中心只需信任本镇的村（社区）站。")
            if identity.town_code != me.code:
                raise UserError(f"{identity.name}（{identity.code}）登记的所属镇中心编码是 "
                                f"{identity.town_code or '（未填写）'}，不是本中心 {me.code}。"
                                "请对方在“设置”中改正所属镇中心后重新导出身份文件。")
        else:
            if not identity.kind.is_town:
                raise UserError(f"{identity.name}不是镇便民服务中心。"
                                "村（社区）站只需信任所属镇中心。")
            if not me.town_code:
                raise UserError("本站还没有填写所属镇中心编码，请先在“设置”中填写，再信任镇中心。")
            if identity.code != me.town_code:
                raise UserError(f"{identity.name}（{identity.code}）不是本站所属的镇中心"
                                f"（{me.town_name or me.town_code}，{me.town_code}）。")

    def trust(self, path: Path, *, replace: bool = False,
              expect: str | None = None) -> Trusted:
        """Accept the other side's identity (head only; fingerprint checked by phone)."""
        self._session.require_head("信任身份文件")
        identity = self.read_identity(path)
        return self.trust_identity(identity, replace=replace, expect=expect)

    def trust_identity(self, identity: Identity, *, replace: bool = False,
                       expect: str | None = None) -> Trusted:
        self._session.require_head("信任身份文件")
        self.check_identity(identity)
        if expect is not None and "".join(expect.split()) != "".join(
                identity.fingerprint.split()):
            raise UserError(f"指纹不符：文件中是 {identity.fingerprint}，"
                            f"与电话核对的 {expect} 不一致。请勿信任这个文件，联系对方重新发送。")
        known = sync_peers.get_peer(self.db, identity.code)
        same_keys = known is not None and known.fingerprint == identity.fingerprint
        if known is not None and not same_keys and not replace:
            raise UserError(
                f"本站已信任过 {known.name}（{known.code}），指纹为 {known.fingerprint}；"
                f"这个文件的指纹是 {identity.fingerprint}，密钥已变化。只有在确认对方更换了电脑或"
                "重新生成了密钥（并电话核对了新指纹）时，才可选择“替换”。")
        peer = Peer(identity.code, identity.name, identity.kind.value, identity.town_code,
                    b64(identity.verify_key), b64(identity.box_key), identity.fingerprint,
                    journal.now_iso())
        if known is not None and same_keys and (known.name, known.kind, known.town_code) == (
                peer.name, peer.kind, peer.town_code) and known.active:
            return Trusted(known, already=True)
        if same_keys and known is not None:
            peer = Peer(**{**peer.__dict__, "trusted_at": known.trusted_at})
        with storage_errors():
            sync_peers.save_peer(self.db, peer, self._session.actor)
        log.info("trusted %s (%s) %s", peer.name, peer.code, peer.fingerprint)
        return Trusted(peer, replaced=known is not None and not same_keys)

    def peers(self) -> list[Peer]:
        return sync_peers.list_peers(self.db)

    def town(self) -> Peer | None:
        me = self._me()
        if me.kind.is_town or not me.town_code:
            return None
        return sync_peers.get_peer(self.db, me.town_code)

    def _target(self, for_code: str | None) -> Peer:
        me = self._me()
        if not me.kind.is_town:
            town = self.town()
            if town is None:
                raise UserError("还没有信任镇中心的身份文件，不能导出（同步包要加密给镇中心）。"
                                "请先向镇中心要身份文件，电话核对指纹后在本页“信任身份文件”。")
            if for_code and for_code != town.code:
                raise UserError(f"村（社区）站的同步包只能交给所属镇中心（{town.code}）")
            return town
        if not for_code:
            raise UserError("镇中心导出回传包时请指定村（社区）站：--for 站点编码")
        peer = sync_peers.get_peer(self.db, for_code.strip())
        if peer is None or peer.kind not in (StationKind.VILLAGE, StationKind.COMMUNITY) \
                or peer.town_code != me.code:
            raise UserError(f"站点 {for_code} 不是本中心已信任的村（社区）站。"
                            "请先导入它的身份文件。")
        return peer

    # -- export ------------------------------------------------------------------
    def pending(self, for_code: str | None = None) -> Pending:
        """Village: what the next export to the town carries. Town: to `for_code`."""
        me = self._me()
        code = for_code if me.kind.is_town else me.town_code
        peer = sync_peers.get_peer(self.db, code) if code else None
        last = sync_log.last_export(self.db, code) if code else None
        start = sync_log.exported_up_to(self.db, code) + 1 if code else 1
        return Pending(start, journal.last_seq(self.db), last, peer)

    def export_to(self, folder: Path, *, full: bool = False, again: bool = False,
                  for_code: str | None = None,
                  progress: Progress | None = None) -> ExportResult:
        """Write a bundle into `folder` (the stick); returns once it is read back whole."""
        me = self._me()
        peer = self._target(for_code)
        keys = self.keys()
        with storage_errors():
            return export_bundle(self.db, me=me, keys=keys, peer=peer, folder=folder,
                                 full=full, again=again, actor_name=self._session.actor.name,
                                 progress=progress)

    def export_returns(self, folder: Path, codes: list[str] | None = None,
                       progress: Progress | None = None) -> list[ExportResult]:
        """Town: one return bundle per village (all trusted villages by default)."""
        me = self._me()
        if not me.kind.is_town:
            raise UserError("只有镇中心生成回传包")
        codes = codes or [p.code for p in self.peers() if p.town_code == me.code
                          and not StationKind(p.kind).is_town]
        if not codes:
            raise UserError("还没有信任任何村（社区）站的身份文件")
        return [self.export_to(folder, for_code=c, progress=progress) for c in codes]

    def exports(self) -> list[ExportStatus]:
        """Our exports, newest first, each with the other side's confirmation."""
        out = []
        receipts: dict[str, dict[str, Any] | None] = {}
        # numbers after a restore's base came round again: the peer's ranges may
        # be of the undone history, only the bundle's own id confirms it
        epoch = epochs.current(self.db)
        renumbered_after = epoch.base_seq if epoch else None
        for e in sync_log.list_exports(self.db):
            if e.to_code not in receipts:
                receipts[e.to_code] = sync_log.last_receipt(self.db, e.to_code)
            receipt = receipts[e.to_code] or {}
            when = next((b.get("imported_at") for b in receipt.get("bundles", [])
                         if b.get("id") == e.id), None)
            got = [tuple(r) for r in receipt.get("ranges", []) if len(r) == 2]
            by_range = renumbered_after is None or e.seq_to <= renumbered_after
            confirmed = when is not None or (
                by_range and e.seq_to >= e.seq_from
                and ranges.covered(got, e.seq_from, e.seq_to))
            out.append(ExportStatus(e, confirmed, when))
        return out

    # -- import ------------------------------------------------------------------
    def verify(self, path: Path) -> dict[str, Any]:
        """Integrity and origin without importing. Our own bundles (only the
        recipient can decrypt them) are checked for integrity only."""
        me = self._me()
        with storage_errors():
            header = bundle.read_header(path)
            if header.sender == me.code:
                header = bundle.check_integrity(path)
                return {"path": str(path), "ok": True, "decrypted": False,
                        "kind": bundle.KIND_NAMES[header.kind], "station": header.sender,
                        "to": header.recipient, "seq_from": header.seq_from,
                        "seq_to": header.seq_to,
                        "note": "本站发出的同步包：文件完整；只有收件方能解密核对签名"}
            v: Verified = verify(self.db, path, me=me, keys=self.keys())
            found = sync_log.find_import(self.db, v.bundle_id)
        return {**v.to_json(), "decrypted": True,
                "already_imported": found.imported_at if found else None}

    def import_bundle(self, path: Path, *, dry_run: bool = False,
                      progress: Progress | None = None) -> ImportReport:
        me = self._me()
        keys = self.keys()
        with storage_errors():
            report = import_bundle(self.db, path, me=me, keys=keys, dry_run=dry_run,
                                   actor_name=self._session.actor.name, progress=progress)
        if report.holiday_years and not dry_run:
            self._redate(report)
        return report

    def _redate(self, report: ImportReport) -> None:
        """New holiday schedules from the town: correct provisional deadlines."""
        for year in sorted(set(report.holiday_years)):
            fixed = self._holidays.redate_for_schedules(year)
            if fixed:
                log.info("%d cases re-dated after the %d holiday schedule", fixed, year)

    def import_many(self, paths: list[Path], *, dry_run: bool = False,
                    progress: Progress | None = None) -> ImportOutcome:
        """Import several bundles, each whole or not at all, oldest range first
        per station; one refused bundle does not stop the others."""
        outcome = ImportOutcome()
        ordered: list[tuple[tuple[str, int], Path]] = []
        for p in paths:
            try:
                h: Header = bundle.read_header(p)
                ordered.append(((h.sender, h.seq_from), p))
            except BundleRefused as exc:
                outcome.refused.append(Refused(p, exc.message, exc.reason))
        for _, p in sorted(ordered, key=lambda x: x[0]):
            try:
                outcome.reports.append(self.import_bundle(p, dry_run=dry_run,
                                                          progress=progress))
            except Cancelled:
                raise
            except BundleRefused as exc:
                outcome.refused.append(Refused(p, exc.message, exc.reason))
            except UserError as exc:
                outcome.refused.append(Refused(p, exc.message, "error"))
        if not dry_run:
            # every report names what is still missing after all of them, so
            # the reports of one import agree with each other and the board
            for report in outcome.reports:
                peer = sync_peers.get_peer(self.db, report.station)
                if peer is not None:
                    report.missing = missing_after(self.db, peer)
        return outcome

    def bundles_in(self, folder: Path) -> list[tuple[Path, Header | None, str]]:
        """Bundle files found in a folder; those addressed to us first."""
        return list_bundles(folder, self._me().code)

    # -- the town's views -------------------------------------------------------
    def villages(self, today: date | None = None) -> list[VillageStatus]:
        me = self._me()
        today = today or date.today()
        by_station = sync_repo.cases_by_status(self.db)
        overdue = self.overdue_proxied(today)
        held: dict[str, int] = {}
        for q in sync_repo.held(self.db):
            held[q.from_code] = held.get(q.from_code, 0) + 1
        out = []
        for p in self.peers():
            if StationKind(p.kind).is_town or p.town_code != me.code:
                continue
            got = sync_log.imported_ranges(self.db, p.code)
            last = sync_log.list_imports(self.db, p.code, limit=1)
            out.append(VillageStatus(
                p.code, p.name, p.kind, p.fingerprint,
                last[0].imported_at if last else None,
                ranges.high_water(got), ranges.gaps(got),
                by_station.get(p.code, {}),
                sum(1 for c in overdue if c.station_code == p.code), held.get(p.code, 0),
                sync_log.last_export(self.db, p.code), ranges.merge(got)))
        return out

    def overdue_proxied(self, today: date | None = None) -> list[OverdueCase]:
        """Open proxied cases of the villages past their date (see supervision)."""
        return self._supervision.overdue_proxied(today)

    def held(self) -> list[Quarantined]:
        """Records held back in quarantine, waiting for what they lack."""
        return sync_repo.held(self.db)

    def imports(self, limit: int = 50) -> list[sync_log.ImportRecord]:
        return sync_log.list_imports(self.db, limit=limit)
