"""What a page leaves until it is looked at (issue 12: no stall over 100 ms): the
reads a hidden tab or a closed menu needs wait until they are shown."""

from __future__ import annotations

import pytest

from station_desk.services.desk import Desk
from station_desk.ui.archive.page import ArchivePage


def test_the_retention_list_is_read_when_its_tab_is_shown(
        qtbot, village: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []
    ended = village.retention.ended
    monkeypatch.setattr(village.retention, "ended", lambda: reads.append(1) or ended())
    page = ArchivePage(village)
    qtbot.addWidget(page)
    page.refresh()
    assert reads == []  # 档案 opens on 备份: the ended cases are not walked
    page.tabs.setCurrentWidget(page.retention_tab)
    assert reads == [1]
    assert "没有保管期限已满的办件" in page.retention_tab.count.text()
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentWidget(page.retention_tab)
    assert reads == [1]  # nothing changed since: not read again
    page.refresh()  # the page opened again while on 保管期限: read again
    assert reads == [1, 1]
