"""A case's attachments: adding scans, thumbnails (cached, in the runner), refusals, full view."""

from __future__ import annotations

from pathlib import Path

import pytest
from archive_helpers import pdf_bytes, png_bytes, register
from PySide6.QtGui import QColor

from station_desk.services.desk import Desk
from station_desk.ui.archive import attachments
from station_desk.ui.archive.attachments import AttachmentsPanel, FullView
from station_desk.ui.jobs import wait_for
from station_desk.ui.widgets import palette


@pytest.fixture
def panel(qtbot, village: Desk) -> AttachmentsPanel:
    village.session.sign_in("张丽", "222222")
    p = AttachmentsPanel(village, register(village, "08-02", serial=1, finish=False))
    qtbot.addWidget(p)
    return p


def test_adding_scans_shows_thumbnails(qtbot, panel: AttachmentsPanel, boxes, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert panel.list.count() == 0 and not panel.empty.isHidden()
    (tmp_path / "户口簿.png").write_bytes(png_bytes())
    (tmp_path / "申请表.pdf").write_bytes(pdf_bytes())
    monkeypatch.setattr(attachments, "choose_files",
                        lambda _p: [str(tmp_path / "户口簿.png"), str(tmp_path / "申请表.pdf")])
    with qtbot.waitSignal(panel.added, timeout=5000):
        adding = panel.add_files()
        assert adding is not None and not panel.add_button.isEnabled()  # in the runner
        assert wait_for(adding) == 2
    assert panel.add_button.isEnabled()
    assert not boxes.warnings
    assert panel.list.count() == 2 and panel.empty.isHidden()
    wait_for(panel.thumbnails_job)  # made in the runner
    for row in range(2):
        item = panel.list.item(row)
        assert not item.icon().isNull()
        assert not item.icon().pixmap(attachments.THUMB).isNull()
    assert panel.list.item(0).text().startswith("户口簿.png")
    timeline = panel.desk.cases.timeline(panel.desk.cases.get(panel.case_no))
    assert [e.kind for e in timeline].count("附件") == 2


def test_thumbnails_are_cached_in_the_store_and_a_lost_scan_shows_a_tile(
        qtbot, panel: AttachmentsPanel, monkeypatch: pytest.MonkeyPatch) -> None:
    desk = panel.desk
    kept = desk.archive.attach_data(panel.case_no, "户口簿.png", png_bytes())
    lost = desk.archive.attach_data(panel.case_no, "身份证.png", png_bytes(20, 10))
    wait_for(panel.refresh())
    assert len(list((desk.data_dir / "thumbs").glob("*/*"))) == 2
    decoded: list[bytes] = []
    real = attachments.image_thumbnail
    monkeypatch.setattr(attachments, "image_thumbnail",
                        lambda data, *a: decoded.append(data) or real(data, *a))
    (desk.data_dir / "attachments" / lost.sha256[:2] / lost.sha256).unlink()
    again = AttachmentsPanel(desk, panel.case_no)
    qtbot.addWidget(again)
    wait_for(again.thumbnails_job)
    assert decoded == []  # the kept one came from the cache, the lost one was not decoded
    assert not again.list.item(0).icon().isNull()
    tile = again.list.item(1).icon().pixmap(attachments.THUMB).toImage()
    assert tile.pixelColor(0, 0).name() == QColor(palette.DANGER).name()  # the warning tile
    assert kept.sha256 != lost.sha256


def test_thumbnails_are_made_in_the_runner(qtbot, panel: AttachmentsPanel,
                                           runs_in_job) -> None:
    desk = panel.desk
    desk.archive.attach_data(panel.case_no, "户口簿.png", png_bytes())
    seen = runs_in_job(desk, desk.archive, "thumbnail")
    job = panel.refresh()
    assert job is not None
    waiting = panel.list.item(0).icon().pixmap(attachments.THUMB).toImage()
    assert waiting.pixelColor(0, 0).name() == QColor(palette.MUTED).name()  # 正在载入…
    wait_for(job)
    assert seen == [True]
    shown = panel.list.item(0).icon().pixmap(attachments.THUMB).toImage()
    assert shown.pixelColor(0, 0).name() != QColor(palette.MUTED).name()
    assert panel.refresh() is None  # made once: the next showing needs no job


def test_refusals_are_shown_together(panel: AttachmentsPanel, boxes, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "户口簿.png").write_bytes(png_bytes())
    (tmp_path / "户口簿2.png").write_bytes(png_bytes())
    (tmp_path / "说明.txt").write_text("不是扫描件", "utf-8")
    monkeypatch.setattr(attachments, "choose_files", lambda _p: [
        str(tmp_path / "户口簿.png"), str(tmp_path / "户口簿2.png"), str(tmp_path / "说明.txt")])
    assert wait_for(panel.add_files()) == 1
    [message] = boxes.warnings
    assert "户口簿2.png 已经附加" in message and "说明.txt：只能附加" in message
    assert panel.list.count() == 1


def test_double_click_shows_the_full_file(qtbot, panel: AttachmentsPanel, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    data = png_bytes()
    (tmp_path / "户口簿.png").write_bytes(data)
    monkeypatch.setattr(attachments, "choose_files", lambda _p: [str(tmp_path / "户口簿.png")])
    wait_for(panel.add_files())
    shown: list[tuple[str, str, bytes]] = []
    monkeypatch.setattr(attachments, "show_full",
                        lambda _p, name, mime, d: shown.append((name, mime, d)))
    panel.list.itemDoubleClicked.emit(panel.list.item(0))
    qtbot.waitUntil(lambda: bool(shown))  # read in the runner, then shown
    assert shown == [("户口簿.png", "image/png", data)]


def test_full_view_of_an_image_and_a_pdf(qtbot) -> None:
    image = FullView("a.png", "image/png", png_bytes())
    qtbot.addWidget(image)
    assert not image.pixmap.isNull() and image.pixmap.width() == 40
    pdf = FullView("b.pdf", "application/pdf", pdf_bytes())
    qtbot.addWidget(pdf)
    assert pdf.document is not None and pdf.document.pageCount() == 1
