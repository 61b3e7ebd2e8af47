"""The proxy and hand-over papers: the 帮办代办委托书 and the 办结（送达）回执."""

from __future__ import annotations

from pathlib import Path

from notice_pdfs import context, item, needs_poppler, squeeze, station, text_of

from station_desk.domain.catalogue import CatalogueItem
from station_desk.domain.notices import NoticeKind
from station_desk.domain.service import Rating
from station_desk.domain.station import Station
from station_desk.print import render_notice

__all__ = ["item", "station"]  # fixtures, used by name


@needs_poppler
def test_entrust_names_the_agent_and_has_signature_lines(station: Station,
                                                         item: CatalogueItem,
                                                         tmp_path: Path) -> None:
    text = text_of(render_notice(context(NoticeKind.ENTRUST, station, item)), tmp_path)
    for expected in ("李明", "代为收取", "递交申请材料", "领取办理结果", "送达本人",
                     "一律免费", "委托人（签字/按指印）", "受托人（帮办代办员）",
                     "委托人、便民服务站各执一份"):
        assert expected in text, expected


@needs_poppler
def test_receipt_has_result_date_deliverer_and_sign_off(station: Station,
                                                        item: CatalogueItem,
                                                        tmp_path: Path) -> None:
    text = text_of(render_notice(context(NoticeKind.RECEIPT, station, item)), tmp_path)
    for expected in (squeeze(item.result), "2026年4月10日", "李明", "申请人签收"):
        assert expected in text, expected
    # the rating boxes are the five levels the program records, in its order
    boxes = text[text.index("满意度评价"):text.index("如对办理结果有异议")]
    assert boxes.split("□")[1:] == [level.value for level in Rating]
