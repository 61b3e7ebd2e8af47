"""档案: scanned materials on cases, archive numbers, the borrow/copy register."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from ..db import archive_repo
from ..db.archive_repo import AttachmentInfo
from ..db.errors import storage_errors
from ..domain.archive import (
    ArchiveFile,
    Borrowing,
    BorrowKind,
    Retention,
    archive_number,
    check_size,
)
from ..domain.errors import UserError, os_message
from ..domain.ids import new_id
from ..domain.progress import Progress
from .case_work import CaseWorkDesk
from .content_check import checked_type, clean_name
from .retention import configured_retention


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class ArchiveDesk(CaseWorkDesk):
    """`desk.archive`."""

    # -- attachments -------------------------------------------------------
    def attach(self, case_no: str, path: Path) -> AttachmentInfo:
        try:
            check_size(path.stat().st_size)
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(f"读不到文件 {path.name}：{os_message(exc)}", field="file") from None
        return self.attach_data(case_no, path.name, data)

    def attach_several(self, case_no: str, scans: Sequence[Path | tuple[str, bytes]],
                       progress: Progress | None = None) -> tuple[int, list[str]]:
        """Files (paths) or scans (name, bytes), each attached on its own: a refusal
        stops only that one. How many were attached, and each refusal with its
        name ("户口簿.png：…", unless the message already names it)."""
        attached, refused = 0, []
        for done, scan in enumerate(scans):
            if progress is not None:
                progress(done, len(scans))
            name = scan.name if isinstance(scan, Path) else scan[0]
            try:
                if isinstance(scan, Path):
                    self.attach(case_no, scan)
                else:
                    self.attach_data(case_no, *scan)
                attached += 1
            except UserError as exc:
                refused.append(exc.message if name in exc.message else f"{name}：{exc.message}")
        return attached, refused

    def attach_data(self, case_no: str, name: str, data: bytes) -> AttachmentInfo:
        """A scan that never was a file (the document camera, the card's photo)."""
        case = self._cases.for_action(case_no)
        size = len(data)
        check_size(size)
        name = clean_name(name)
        mime = checked_type(name, data)
        digest = hashlib.sha256(data).hexdigest()
        if any(a.sha256 == digest for a in self.attachments(case_no)):
            raise UserError(f"{name} 已经附加在这件上了", field="file")
        with storage_errors():
            # the file first: a kill before the row leaves only an unnamed file
            self._store.scans.put(data)
        with storage_errors(), self.db.atomic():
            archive_repo.add(self.db, "attachments", {
                "id": new_id(), "case_id": case.id, "name": name, "mime": mime,
                "size": size, "sha256": digest, "data": b"",
                "added_by": self._session.actor.name}, self._session.actor)
            self._cases.note_event(case.id, "附件", f"附加 {name}（{size // 1024} KB）")
        return self.attachments(case_no)[-1]

    def attachments(self, case_no: str) -> list[AttachmentInfo]:
        return archive_repo.attachments(self.db, self._cases.get(case_no).id)

    def attachment_data(self, attachment: AttachmentInfo) -> bytes:
        """The scan at full size, checked against its hash; a UserError (Chinese)
        when it is missing or damaged."""
        return archive_repo.scan_bytes(self.db, self._store.scans, attachment.id,
                                       attachment.name)

    def thumbnail(self, attachment: AttachmentInfo, size: int,
                  make: Callable[[bytes, str], bytes]) -> bytes:
        """A small picture of the scan, cached (encrypted) in `thumbs/`; made with
        `make(scan bytes, mime)` -> PNG bytes when not cached yet. Safe to call from a
        worker thread. A missing or damaged scan raises UserError, nothing cached."""
        scans = self._store.scans
        if not scans.looks_whole(attachment.sha256, attachment.size):
            self.attachment_data(attachment)  # in the row still, or says what is wrong
        return scans.thumbnail(
            attachment.sha256, size, lambda: self.attachment_data(attachment),
            lambda data: make(data, attachment.mime))

    # -- archive numbers ---------------------------------------------------
    def file_case(self, case_no: str, retention: Retention | None = None,
                  location: str = "") -> ArchiveFile:
        """Give a finished case its archive number (归档)."""
        case = self._cases.for_action(case_no)
        if case.status.is_open:
            raise UserError("办件还没有办结，不能归档")
        existing = archive_repo.archive_file_of(self.db, case.id)
        if existing is not None:
            raise UserError(f"这件已归档，档号 {existing.archive_no}")
        retention = retention or configured_retention(self._station, case.case_type)
        year = (case.completed_at or case.received_at).year
        station = self._station.station_or_refuse()
        with storage_errors(), self.db.atomic():
            seq = archive_repo.next_archive_seq(self.db, year, retention)
            number = archive_number(station.code, year, retention, seq)
            archive_repo.add(self.db, "archive_files", {
                "id": new_id(), "case_id": case.id, "archive_no": number, "year": year,
                "retention": retention.value, "seq": seq, "location": location.strip(),
                "filed_by": self._session.actor.name}, self._session.actor)
            self._cases.note_event(case.id, "归档",
                                   f"归档，档号 {number}（保管期限 {retention.label}）")
        found = archive_repo.get_file(self.db, number)
        assert found is not None
        return found

    def archive_file_of(self, case_no: str) -> ArchiveFile | None:
        return archive_repo.archive_file_of(self.db, self._cases.get(case_no).id)

    def search(self, text: str = "", year: int | None = None) -> list[ArchiveFile]:
        return archive_repo.search_files(self.db, text, year)

    # -- borrow / copy register -------------------------------------------
    def request(self, archive_no: str, borrower: str, purpose: str,
                kind: BorrowKind) -> Borrowing:
        found = archive_repo.get_file(self.db, archive_no.strip())
        if found is None:
            raise UserError(f"没有档号为“{archive_no}”的档案")
        if not borrower.strip() or not purpose.strip():
            raise UserError("请写明查阅/复印人和用途（手册：须经负责人同意并登记）")
        row_id = new_id()
        with storage_errors():
            archive_repo.add(self.db, "borrowings", {
                "id": row_id, "archive_id": found.id, "borrower": borrower.strip(),
                "purpose": purpose.strip(), "kind": kind.value, "requested_at": _now(),
                "approved_by": None, "approved_at": None, "refused_reason": "",
                "returned_at": None}, self._session.actor)
        return self._borrowing(row_id)

    def decide(self, borrow_id: str, approve: bool, reason: str = "") -> Borrowing:
        """Only the head approves (manual §五.2.3)."""
        self._session.require_head("审批档案查阅/复印")
        b = self._borrowing(borrow_id)
        if b.approved_at or b.refused_reason:
            raise UserError("这条登记已经审批过了")
        if not approve and not reason.strip():
            raise UserError("不同意时请写明理由", field="reason")
        changes = ({"approved_by": self._session.actor.name, "approved_at": _now()} if approve
                   else {"refused_reason": reason.strip()})
        with storage_errors():
            archive_repo.update(self.db, "borrowings", borrow_id, changes, self._session.actor)
        return self._borrowing(borrow_id)

    def returned(self, borrow_id: str) -> Borrowing:
        b = self._borrowing(borrow_id)
        if b.approved_at is None:
            raise UserError("未经批准的登记不能登记归还")
        if b.kind == BorrowKind.COPY:
            raise UserError("复印登记不需要归还（档案原件不出站）")
        if b.returned_at:
            raise UserError("已经登记归还了")
        with storage_errors():
            archive_repo.update(self.db, "borrowings", borrow_id, {"returned_at": _now()},
                                self._session.actor)
        return self._borrowing(borrow_id)

    def borrowings(self, *, pending_only: bool = False) -> list[Borrowing]:
        return archive_repo.borrowings(self.db, pending_only=pending_only)

    def _borrowing(self, borrow_id: str) -> Borrowing:
        found = archive_repo.get_borrowing(self.db, borrow_id)
        if found is None:
            raise UserError("没有这条查阅登记")
        return found
