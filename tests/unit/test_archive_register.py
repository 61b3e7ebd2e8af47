"""档案 through `desk.archive` and the desk's backup/restore: scanned attachments
(type, size, duplicates, hash check), archive numbers (DA/T 22 style, one
sequence per year and retention), the 查阅/复印 register only the head decides,
and a restore that brings all of it back after the live file is damaged."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas
from stdnum.cn import ric

from station_desk.db.connection import ARCHIVE_NAME
from station_desk.domain.archive import MAX_ATTACHMENT_BYTES, BorrowKind, Retention
from station_desk.domain.cases import Applicant, Case, Status
from station_desk.domain.errors import NotAllowed, UserError
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk

CODE = "610922101201"
YEAR = date.today().year


# -- small real files -------------------------------------------------------------------

def png_bytes(width: int = 3, height: int = 2, rgb: tuple[int, int, int] = (200, 30, 30)
              ) -> bytes:
    """A valid PNG written by hand (8-bit RGB, no filter)."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def pdf_bytes(text: str = "scan") -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    canvas.drawString(100, 700, text)
    canvas.rect(80, 400, 400, 250)
    canvas.save()
    return buf.getvalue()


def jpeg_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 6), (30, 120, 200)).save(buf, "JPEG")
    return buf.getvalue()


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def register(desk: Desk, code: str = "08-02", *, finish: bool = True, serial: int = 1,
             name: str = "王秀英") -> Case:
    base = f"61092219480312{serial:03d}"
    item = desk.catalogue.item(code)
    case = desk.cases.register(CaseInput(
        item=code, applicant=Applicant(name, base + ric.calc_check_digit(base + "0"),
                                       "13909151001", "西沟村三组"),
        received=tuple(m.name for m in item.materials),
        done_on_spot=finish and item.time_limit_days == 0)).case
    if finish and case.status.is_open:
        case = desk.cases.advance(case.case_no, Status.COMPLETED)
    return case


@pytest.fixture
def head(village: Desk) -> Desk:
    village.session.sign_in("王建国", "123456")
    return village


# -- attachments --------------------------------------------------------------------

def test_attachments_round_trip_with_their_hash(head: Desk, tmp_path: Path) -> None:
    case = register(head, finish=False)
    files = {"户口簿.png": png_bytes(), "身份证.jpg": jpeg_bytes(),
             "申请表.pdf": pdf_bytes()}
    for name, data in files.items():
        info = head.archive.attach(case.case_no, write(tmp_path / "scans", name, data))
        assert info.name == name
        assert info.size == len(data)
        assert info.sha256 == hashlib.sha256(data).hexdigest()
        assert info.added_by == "王建国"
    listed = head.archive.attachments(case.case_no)
    assert [(a.name, a.mime) for a in listed] == [
        ("户口簿.png", "image/png"), ("身份证.jpg", "image/jpeg"),
        ("申请表.pdf", "application/pdf")]
    for info in listed:
        assert head.archive.attachment_data(info) == files[info.name]
    texts = [e.text for e in head.cases.timeline(case) if e.kind == "附件"]
    assert len(texts) == 3 and "户口簿.png" in texts[0]


def test_attachment_that_no_longer_matches_its_hash_is_refused(head: Desk,
                                                               tmp_path: Path) -> None:
    case = register(head, finish=False)
    info = head.archive.attach(case.case_no, write(tmp_path, "a.png", png_bytes()))
    head.db.execute("UPDATE attachments SET data = ? WHERE id = ?",
                    [png_bytes(rgb=(0, 0, 0)), info.id])
    with pytest.raises(UserError, match="校验值不一致"):
        head.archive.attachment_data(info)


def test_too_large_a_file_is_refused_before_it_is_read(head: Desk, tmp_path: Path) -> None:
    case = register(head, finish=False)
    big = tmp_path / "扫描.pdf"
    with open(big, "wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: no 20 MB written to the disk
    with pytest.raises(UserError, match="文件太大") as refused:
        head.archive.attach(case.case_no, big)
    assert refused.value.field == "file"
    assert "20 MB" in refused.value.message
    exactly = tmp_path / "刚好.pdf"
    real = pdf_bytes()  # a whole PDF, padded after its end to the limit exactly
    exactly.write_bytes(real + b"\n" * (MAX_ATTACHMENT_BYTES - len(real)))
    assert head.archive.attach(case.case_no, exactly).size == MAX_ATTACHMENT_BYTES
    assert [a.name for a in head.archive.attachments(case.case_no)] == ["刚好.pdf"]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("照片.gif", b"GIF89a" + b"\x00" * 40, "只能附加"),
    ("假的.jpg", b"this is text, not a photo", "只能附加"),
    ("说明.docx", b"PK\x03\x04" + b"\x00" * 40, "只能附加"),
    # the right first bytes, the wrong content: a real check opens the file
    ("网页.pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>", "打不开"),
    ("截断.png", png_bytes()[:30], "打不开"),
    ("伪装.jpg", b"\xff\xd8\xff\xe0" + b"<html></html>" * 20, "打不开"),
    ("空.pdf", b"", "文件是空的"),
])
def test_wrong_type_or_empty_is_refused(head: Desk, tmp_path: Path, name: str, data: bytes,
                                        message: str) -> None:
    case = register(head, finish=False)
    with pytest.raises(UserError, match=message):
        head.archive.attach(case.case_no, write(tmp_path, name, data))
    assert head.archive.attachments(case.case_no) == []


def test_names_lose_control_and_bidi_characters(head: Desk, tmp_path: Path) -> None:
    case = register(head, finish=False)
    info = head.archive.attach_data(case.case_no, "a\u202egnp.exe\x07", png_bytes())
    assert info.name == "agnp.exe"  # what it really is, not “aexe.png”
    [listed] = head.archive.attachments(case.case_no)
    assert listed.name == "agnp.exe"


def test_the_same_file_twice_is_refused_even_renamed(head: Desk, tmp_path: Path) -> None:
    case = register(head, finish=False)
    other = register(head, finish=False, serial=2, name="陈德福")
    head.archive.attach(case.case_no, write(tmp_path, "户口簿.png", png_bytes()))
    with pytest.raises(UserError, match="已经附加在这件上了"):
        head.archive.attach(case.case_no, write(tmp_path, "户口簿（第二次）.png", png_bytes()))
    # the same scan on another case is fine (a household register serves two applications)
    head.archive.attach(other.case_no, tmp_path / "户口簿.png")
    assert len(head.archive.attachments(case.case_no)) == 1


def test_missing_file_or_case_is_refused(head: Desk, tmp_path: Path) -> None:
    case = register(head, finish=False)
    with pytest.raises(UserError, match="读不到文件"):
        head.archive.attach(case.case_no, tmp_path / "不存在.png")
    with pytest.raises(UserError, match="没有找到办件"):
        head.archive.attach("610922101201-2026-99999", write(tmp_path, "a.png", png_bytes()))


# -- archive numbers ----------------------------------------------------------------

def test_only_finished_cases_are_filed(head: Desk) -> None:
    case = register(head, finish=False)
    with pytest.raises(UserError, match="还没有办结"):
        head.archive.file_case(case.case_no)
    assert head.archive.archive_file_of(case.case_no) is None
    head.cases.advance(case.case_no, Status.WITHDRAWN, "申请人撤回")
    # withdrawn is finished too: its papers are kept
    assert head.archive.file_case(case.case_no).archive_no.endswith("-D30-0001")


def test_numbers_run_per_year_and_retention(head: Desk) -> None:
    promised = [register(head, "08-02", serial=n) for n in range(1, 4)]
    immediate = register(head, "08-01", serial=9, name="孙强")
    assert immediate.status == Status.COMPLETED
    first = head.archive.file_case(promised[0].case_no, location="  档案柜1 第2层 ")
    second = head.archive.file_case(promised[1].case_no)
    short = head.archive.file_case(immediate.case_no)
    kept = head.archive.file_case(promised[2].case_no, Retention.PERMANENT)
    assert first.archive_no == f"{CODE}-WS·{YEAR}-D30-0001"
    assert second.archive_no == f"{CODE}-WS·{YEAR}-D30-0002"
    assert short.archive_no == f"{CODE}-WS·{YEAR}-D10-0001"  # 即办件: 10 years by default
    assert kept.archive_no == f"{CODE}-WS·{YEAR}-Y-0001"
    assert (first.retention, short.retention, kept.retention) == (
        Retention.YEARS_30, Retention.YEARS_10, Retention.PERMANENT)
    assert first.location == "档案柜1 第2层" and first.year == YEAR
    assert (first.applicant, first.item) == ("王秀英", "城乡居民养老保险待遇申领")
    with pytest.raises(UserError, match="已归档.*D30-0001"):
        head.archive.file_case(promised[0].case_no)
    assert head.archive.archive_file_of(promised[1].case_no) == second
    events = [e.text for e in head.cases.timeline(promised[0]) if e.kind == "归档"]
    assert events == [f"归档，档号 {first.archive_no}（保管期限 30年）"]


def test_search_by_number_person_item_and_year(head: Desk) -> None:
    a = head.archive.file_case(register(head, "08-02", serial=1, name="王秀英").case_no)
    b = head.archive.file_case(register(head, "08-01", serial=2, name="孙强").case_no)
    assert {f.archive_no for f in head.archive.search()} == {a.archive_no, b.archive_no}
    assert [f.archive_no for f in head.archive.search("D10")] == [b.archive_no]
    assert [f.archive_no for f in head.archive.search("王秀英")] == [a.archive_no]
    assert [f.archive_no for f in head.archive.search("参保登记")] == [b.archive_no]
    assert [f.archive_no for f in head.archive.search(a.case_no)] == [a.archive_no]
    assert len(head.archive.search("", YEAR)) == 2
    assert head.archive.search("", YEAR - 1) == []
    assert head.archive.search("没有这个人") == []


# -- the 查阅/复印 register -----------------------------------------------------------

@pytest.fixture
def filed(head: Desk) -> str:
    return head.archive.file_case(register(head).case_no).archive_no


def test_request_needs_a_real_number_a_person_and_a_purpose(head: Desk, filed: str) -> None:
    with pytest.raises(UserError, match="没有档号"):
        head.archive.request("610922101201-WS·2026-D30-9999", "刘桂兰", "复核", BorrowKind.READ)
    with pytest.raises(UserError, match="用途"):
        head.archive.request(filed, "  ", "复核", BorrowKind.READ)
    with pytest.raises(UserError, match="用途"):
        head.archive.request(filed, "刘桂兰", "", BorrowKind.READ)
    b = head.archive.request(f" {filed} ", " 刘桂兰 ", " 低保复核 ", BorrowKind.READ)
    assert (b.archive_no, b.borrower, b.purpose, b.state) == (filed, "刘桂兰", "低保复核",
                                                             "待站长审批")


def test_only_the_head_decides(village: Desk, head: Desk, filed: str) -> None:
    b = head.archive.request(filed, "刘桂兰", "低保复核", BorrowKind.READ)
    village.session.sign_in("张丽", "222222")
    with pytest.raises(NotAllowed, match="只能由站长"):
        village.archive.decide(b.id, True)
    village.session.sign_in("李明", "111111")
    with pytest.raises(NotAllowed):
        village.archive.decide(b.id, False, "不行")
    assert village.archive.borrowings(pending_only=True)[0].id == b.id
    village.session.sign_in("王建国", "123456")
    done = village.archive.decide(b.id, True)
    assert done.state == "借阅中" and done.approved_by == "王建国" and done.approved_at
    assert village.archive.borrowings(pending_only=True) == []
    history = village.backups.history("borrowings", b.id)
    assert history[-1]["actor"] == "王建国"


def test_refusal_needs_a_reason_and_is_final(head: Desk, filed: str) -> None:
    b = head.archive.request(filed, "张三", "好奇", BorrowKind.COPY)
    with pytest.raises(UserError, match="理由") as refused:
        head.archive.decide(b.id, False, "  ")
    assert refused.value.field == "reason"
    done = head.archive.decide(b.id, False, "与本人无关")
    assert (done.state, done.refused_reason, done.approved_at) == ("未批准", "与本人无关", None)
    with pytest.raises(UserError, match="已经审批过了"):
        head.archive.decide(b.id, True)
    with pytest.raises(UserError, match="未经批准"):
        head.archive.returned(b.id)


def test_returned_only_after_approval_and_once(head: Desk, filed: str) -> None:
    read = head.archive.request(filed, "刘桂兰", "低保复核", BorrowKind.READ)
    with pytest.raises(UserError, match="未经批准"):
        head.archive.returned(read.id)
    head.archive.decide(read.id, True)
    back = head.archive.returned(read.id)
    assert back.state == "已归还" and back.returned_at
    with pytest.raises(UserError, match="已经登记归还"):
        head.archive.returned(read.id)
    copy = head.archive.request(filed, "县民政局", "抽查", BorrowKind.COPY)
    assert head.archive.decide(copy.id, True).state == "已复印"
    with pytest.raises(UserError, match="没有这条"):
        head.archive.returned("nope")


# -- backup and restore --------------------------------------------------------------

def _snapshot(desk: Desk) -> dict[str, object]:
    infos = [a for f in desk.archive.search() for a in desk.archive.attachments(f.case_no)]
    return {
        "files": desk.archive.search(),
        "borrowings": desk.archive.borrowings(),
        "attachments": [(a.name, a.sha256, desk.archive.attachment_data(a)) for a in infos],
        "cases": desk.cases.count(desk.cases.make_filter()),
    }


def test_restore_after_damage_brings_the_archive_back(head: Desk, data_dir: Path,
                                                      tmp_path: Path) -> None:
    case = register(head)
    for n in range(6):  # enough pages that damage in the middle hits real data
        head.archive.attach(case.case_no, write(tmp_path, f"第{n}页.pdf", pdf_bytes(f"page {n}")))
    archive_no = head.archive.file_case(case.case_no).archive_no
    b = head.archive.request(archive_no, "刘桂兰", "低保复核", BorrowKind.READ)
    head.archive.decide(b.id, True)
    expected = _snapshot(head)
    (tmp_path / "U盘").mkdir()
    saved = head.backups.backup_to(tmp_path / "U盘")
    assert saved.parent == tmp_path / "U盘" and saved.name.endswith("-manual.db")
    # work after the backup: lost by the restore, as the head is told
    late = head.archive.request(archive_no, "陈德福", "核对", BorrowKind.COPY)

    head.close()
    archive = data_dir / ARCHIVE_NAME
    data = bytearray(archive.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle:middle + 4096] = b"\xde\xad\xbe\xef" * 1024
    archive.write_bytes(bytes(data))

    aside = head.backups.restore_from(saved).aside

    assert aside.parent == data_dir and aside.name.startswith("archive.before-restore.")
    assert b"\xde\xad\xbe\xef" * 1024 in aside.read_bytes()  # the damaged file, kept as it was
    assert head.session.signed_in is not None and head.session.signed_in.name == "王建国"
    assert _snapshot(head) == expected
    assert late.id not in [x.id for x in head.archive.borrowings()]
    # the desk works on the restored file
    assert head.archive.request(archive_no, "陈德福", "核对", BorrowKind.COPY).state == \
        "待站长审批"


def test_only_the_head_restores(village: Desk, data_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "U盘").mkdir()
    saved = village.backups.backup_to(tmp_path / "U盘")
    village.session.sign_in("张丽", "222222")
    register(village, finish=False)
    before = village.cases.count(village.cases.make_filter())
    with pytest.raises(NotAllowed, match="只能由站长"):
        village.backups.restore_from(saved)
    assert village.cases.count(village.cases.make_filter()) == before  # still open, untouched
    assert not list(data_dir.glob("archive.before-restore.*"))
