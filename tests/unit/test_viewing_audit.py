"""Least exposure (issue 15 item 7): a full ID number and a full-size scan are shown
only on purpose, and each showing is in the audit trail (who, when, which case,
which attachment) and in the case's 办理经过; thumbnails are not recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.unit.test_archive_register import png_bytes, register, write

from station_desk.domain.errors import UserError
from station_desk.domain.idnumber import mask_id_number
from station_desk.services.corrections import CaseCorrection
from station_desk.services.desk import Desk
from station_desk.services.viewing import VIEWING


@pytest.fixture
def clerk(village: Desk) -> Desk:
    village.session.sign_in("张丽", "222222")
    return village


def viewing_rows(desk: Desk) -> list[tuple[str, str, str, str, dict[str, str]]]:
    rows = desk.store.db.execute(
        "SELECT at, actor_name, record_id, action, after FROM audit_log "
        "WHERE table_name = 'viewing' ORDER BY id").fetchall()
    return [(at, who, rid, action, json.loads(after)) for at, who, rid, action, after in rows]


def test_revealing_the_number_is_audited_and_in_the_history(clerk: Desk) -> None:
    case = register(clerk, finish=False)
    assert viewing_rows(clerk) == []
    assert clerk.viewing.reveal_id_number(case.case_no) == case.applicant.id_number
    [(at, who, record, action, details)] = viewing_rows(clerk)
    assert (who, record, action) == ("张丽", case.id, "id_number_shown")
    assert details == {"case_no": case.case_no}
    assert at[:4].isdigit() and "T" in at
    last = clerk.viewing.timeline(case)[-1]
    assert (last.kind, last.actor_name, last.text) == (VIEWING, "张丽", "显示完整身份证号")
    # the audit chain still checks with the new rows in it
    assert not clerk.store.db.tamper.tampered


def test_a_case_without_a_number_reveals_nothing(clerk: Desk) -> None:
    case = register(clerk, finish=False)
    clerk.store.db.execute("UPDATE cases SET id_number = '' WHERE id = ?", [case.id])
    with pytest.raises(UserError, match="没有登记身份证号"):
        clerk.viewing.reveal_id_number(case.case_no)
    assert viewing_rows(clerk) == []


def test_a_full_size_scan_is_audited_a_thumbnail_is_not(clerk: Desk, tmp_path: Path) -> None:
    case = register(clerk, finish=False)
    data = png_bytes()
    info = clerk.archive.attach(case.case_no, write(tmp_path, "身份证正面.png", data))
    assert clerk.archive.attachment_data(info) == data  # what the thumbnail reads
    assert viewing_rows(clerk) == []
    assert clerk.viewing.open_scan(case.case_no, info) == data
    [(_at, who, record, action, details)] = viewing_rows(clerk)
    assert (who, record, action) == ("张丽", case.id, "scan_opened")
    assert details == {"case_no": case.case_no, "attachment": "身份证正面.png",
                       "attachment_id": info.id}
    assert clerk.viewing.timeline(case)[-1].text == "查看原图：身份证正面.png"


def test_a_scan_that_cannot_be_read_records_no_viewing(clerk: Desk, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    case = register(clerk, finish=False)
    info = clerk.archive.attach(case.case_no, write(tmp_path, "a.png", png_bytes()))

    def damaged(_info: object) -> bytes:
        raise UserError("附件 a.png 与存档时的校验值不一致，可能已损坏")

    monkeypatch.setattr(clerk.archive, "attachment_data", damaged)
    with pytest.raises(UserError):
        clerk.viewing.open_scan(case.case_no, info)
    assert viewing_rows(clerk) == []


def test_the_history_masks_numbers_a_correction_wrote(clerk: Desk) -> None:
    case = register(clerk, finish=False, serial=1)
    new_number = register(clerk, finish=False, serial=2).applicant.id_number
    clerk.corrections.edit(case.case_no, CaseCorrection(
        reason="登记时抄错", applicant={"id_number": new_number}))
    texts = " ".join(e.text for e in clerk.viewing.timeline(case))
    assert case.applicant.id_number not in texts and new_number not in texts
    assert mask_id_number(new_number) in texts
    # the machine-readable history keeps both (CLI.md `case history --json`)
    [row] = clerk.corrections.history(case.case_no)
    assert (row["before"], row["after"]) == (case.applicant.id_number, new_number)
