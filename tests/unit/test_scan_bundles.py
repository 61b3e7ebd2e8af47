"""Scans in the sync bundles: a proxied case's scans travel to the town with it
(read from the village's store, written into the town's), the scans of cases the
village handles itself stay there, and a scan that did not arrive whole is held
back, never stored as a row without its picture."""

from __future__ import annotations

import hashlib
from pathlib import Path

from test_sync_roundtrip import (  # the round trip's own stations
    Station,
    register,
    stick,
    town,
    village,
)
from tests.unit.test_archive_register import jpeg_bytes, pdf_bytes

from station_desk.db.connection import ARCHIVE_NAME
from station_desk.db.scan_store import ScanStore

__all__ = ["stick", "town", "village"]  # fixtures


def _store_file(desk_root: Path, data: bytes) -> Path:
    sha = hashlib.sha256(data).hexdigest()
    return desk_root / "attachments" / sha[:2] / sha


def test_a_proxied_case_s_scans_travel_to_the_town(village: Station, town: Station,
                                                   stick: Path) -> None:
    proxied = register(village)
    own = register(village, n=2, name="陈德福", phone="13909151002", proxy=False)
    card, form = jpeg_bytes(), pdf_bytes("申请表")
    village.desk.archive.attach_data(proxied, "身份证.jpg", card)
    village.desk.archive.attach_data(proxied, "申请表.pdf", form)
    village.desk.archive.attach_data(own, "户口簿.pdf", pdf_bytes("户口簿"))

    out = village.sync.export_to(stick)
    assert out.counts["attachments"] == 2 and out.blobs == 2  # the village's own case's stays

    report = town.sync.import_bundle(out.path)
    assert report.quarantined == []
    got = town.desk.archive.attachments(proxied)
    assert [(a.name, town.desk.archive.attachment_data(a)) for a in got] == [
        ("身份证.jpg", card), ("申请表.pdf", form)]
    # kept in the town's own store, encrypted with the town's key, not in its rows
    town_root = town.desk.data_dir
    assert _store_file(town_root, card).is_file()
    assert town.desk.db.execute("SELECT MAX(length(data)) FROM attachments").fetchone()[0] == 0
    assert ScanStore.beside(town_root / ARCHIVE_NAME, town.desk.db.archive_key).get(
        hashlib.sha256(card).hexdigest()) == card
    assert town.desk.db.execute("SELECT COUNT(*) FROM attachments a JOIN cases c ON "
                                "c.id = a.case_id WHERE c.case_no = ?", [own]).fetchone()[0] == 0
    # the same bundle again changes nothing
    again = town.sync.import_bundle(out.path)
    assert again.new == 0


def test_a_scan_not_yet_moved_out_travels_too(village: Station, town: Station,
                                              stick: Path) -> None:
    case_no = register(village)
    card = jpeg_bytes()
    info = village.desk.archive.attach_data(case_no, "身份证.jpg", card)
    # as an archive before the store kept it: in the row, no file
    village.desk.db.execute("UPDATE attachments SET data = ? WHERE id = ?", [card, info.id])
    _store_file(village.desk.data_dir, card).unlink()

    report = town.sync.import_bundle(village.sync.export_to(stick).path)
    assert report.quarantined == []
    [got] = town.desk.archive.attachments(case_no)
    assert town.desk.archive.attachment_data(got) == card


def test_a_scan_lost_at_the_village_is_held_back_at_the_town(village: Station, town: Station,
                                                             stick: Path) -> None:
    case_no = register(village)
    card = jpeg_bytes()
    village.desk.archive.attach_data(case_no, "身份证.jpg", card)
    _store_file(village.desk.data_dir, card).unlink()

    out = village.sync.export_to(stick)
    assert out.counts["attachments"] == 1 and out.blobs == 0
    report = town.sync.import_bundle(out.path)
    assert [q["reason"] for q in report.quarantined] == ["附件（PDF 等）不在同步包里或已损坏"]
    assert town.desk.archive.attachments(case_no) == []
