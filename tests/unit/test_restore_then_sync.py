"""A village that restores a backup goes on numbering its changes from the
backup's last number; the numbers it used after the backup (and already sent)
come round again for other changes. The restore marks a new epoch in the
archive; the town takes the new epoch's changes although it has seen their
numbers, and says what happened (never a silent "未变")."""

from __future__ import annotations

from pathlib import Path

from station_desk.db import audit_chain
from station_desk.services.corrections import CaseCorrection
from station_desk.sync import bundle
from town_stations import VILLAGES, Place, register, town_with_village

VILLAGE = VILLAGES[0][0]


def _phone(place: Place, case_no: str, phone: str) -> None:
    place.desk.corrections.edit(case_no, CaseCorrection("电话打错了", {"phone": phone}))


def _phone_at(place: Place, case_no: str) -> str:
    return place.desk.cases.get(case_no).applicant.phone


def _trip(village: Place, town: Place, stick: Path):  # type: ignore[no-untyped-def]
    out = village.desk.sync.export_to(stick)
    return out, town.desk.sync.import_bundle(out.path)


def test_changes_after_a_restore_reach_the_town(tmp_path: Path) -> None:
    town, village, stick = town_with_village(tmp_path)
    case_a, case_b = register(village, 1), register(village, 2, "李桂兰")
    _trip(village, town, stick)
    village.desk.session.sign_in("王建国", "123456")
    saved = village.desk.backups.backup_to(tmp_path / "stick")

    _phone(village, case_a, "13900000001")
    lost, _ = _trip(village, town, stick)
    assert _phone_at(town, case_a) == "13900000001"

    village.desk.backups.restore_from(saved)
    village.desk.session.sign_in("王建国", "123456")
    assert _phone_at(village, case_a) == "13909151001"  # the backup's state
    assert not audit_chain.check(village.desk.db).tampered  # the epoch mark is the program's
    # the same numbers again, for other changes: the case the clerk redoes, and another
    _phone(village, case_a, "13900000002")
    _phone(village, case_b, "13900000003")
    out, report = _trip(village, town, stick)
    assert out.seq_from <= lost.seq_to  # the numbers really came round again

    assert _phone_at(town, case_a) == "13900000002"
    assert _phone_at(town, case_b) == "13900000003"
    assert report.updated >= 2 and report.unchanged == 0
    said = "\n".join(report.notes)
    assert "从备份恢复" in said and "不一致" not in said  # a restore, not tampering

    # the next trip is an ordinary one: nothing said, nothing taken twice
    _phone(village, case_b, "13900000004")
    _, after = _trip(village, town, stick)
    assert _phone_at(town, case_b) == "13900000004"
    assert after.notes == [] and after.unchanged == 0
    assert not audit_chain.check(town.desk.db).tampered


def test_a_second_restore_marks_a_later_epoch(tmp_path: Path) -> None:
    town, village, stick = town_with_village(tmp_path)
    case_a = register(village, 1)
    village.desk.session.sign_in("王建国", "123456")
    first = village.desk.backups.backup_to(stick)
    _phone(village, case_a, "13900000001")
    _trip(village, town, stick)
    village.desk.backups.restore_from(first)
    village.desk.session.sign_in("王建国", "123456")
    second = village.desk.backups.backup_to(stick)  # a backup of the restored archive
    _phone(village, case_a, "13900000002")
    _trip(village, town, stick)
    village.desk.backups.restore_from(second)
    village.desk.session.sign_in("王建国", "123456")
    assert not audit_chain.check(village.desk.db).tampered
    _phone(village, case_a, "13900000003")
    _, report = _trip(village, town, stick)
    assert _phone_at(town, case_a) == "13900000003"
    assert any("从备份恢复" in n for n in report.notes)


def test_a_bundle_from_before_the_restore_arriving_late_changes_nothing(
        tmp_path: Path) -> None:
    town, village, stick = town_with_village(tmp_path)
    case_a = register(village, 1)
    _trip(village, town, stick)
    village.desk.session.sign_in("王建国", "123456")
    saved = village.desk.backups.backup_to(tmp_path / "stick")
    _phone(village, case_a, "13900000001")
    drawer = tmp_path / "drawer"
    drawer.mkdir()
    stale = village.desk.sync.export_to(drawer)  # never taken to the town in time

    village.desk.backups.restore_from(saved)
    village.desk.session.sign_in("王建国", "123456")
    _phone(village, case_a, "13900000002")
    _trip(village, town, stick)
    late = town.desk.sync.import_bundle(stale.path)
    assert _phone_at(town, case_a) == "13900000002"
    assert late.updated == 0
    assert any("恢复备份之前" in n for n in late.notes)


def test_the_town_resends_everything_to_a_restored_village(tmp_path: Path) -> None:
    town, village, stick = town_with_village(tmp_path)
    register(village, 1)
    _trip(village, town, stick)
    first_return = town.desk.sync.export_to(stick, for_code=VILLAGE)
    village.desk.sync.import_bundle(first_return.path)
    village.desk.session.sign_in("王建国", "123456")
    saved = village.desk.backups.backup_to(tmp_path / "stick")
    village.desk.backups.restore_from(saved)
    register(village, 2, "李桂兰")
    _trip(village, town, stick)
    # the village lost whatever came back after its backup: the town starts again at 1
    again = town.desk.sync.export_to(stick, for_code=VILLAGE)
    assert again.seq_from == 1 and again.full
    assert "从备份恢复" in again.notes[0]
    header = bundle.read_header(again.path)
    assert header.seq_from == 1


def test_after_a_restore_only_the_bundle_itself_is_confirmed(tmp_path: Path) -> None:
    town, village, stick = town_with_village(tmp_path)
    case_a = register(village, 1)
    _trip(village, town, stick)
    village.desk.session.sign_in("王建国", "123456")
    saved = village.desk.backups.backup_to(stick)
    _phone(village, case_a, "13900000001")
    _trip(village, town, stick)  # the town has these numbers, from the undone history
    village.desk.backups.restore_from(saved)
    village.desk.session.sign_in("王建国", "123456")
    _phone(village, case_a, "13900000002")
    pending = village.desk.sync.export_to(stick)  # not taken to the town yet
    back = town.desk.sync.export_to(stick, for_code=VILLAGE)
    village.desk.sync.import_bundle(back.path)
    [status] = [s for s in village.desk.sync.exports() if s.record.id == pending.bundle_id]
    assert not status.confirmed  # the town's ranges cover the number, not this bundle
    town.desk.sync.import_bundle(pending.path)
    village.desk.sync.import_bundle(town.desk.sync.export_to(stick, for_code=VILLAGE).path)
    [status] = [s for s in village.desk.sync.exports() if s.record.id == pending.bundle_id]
    assert status.confirmed
