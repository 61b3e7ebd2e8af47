"""The rules boards (规章制度上墙): one rule a page, A4 and A3, clean text, bad kinds refused."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from notice_pdfs import fonts_of, needs_poppler, pages_of, run_poppler, squeeze, text_of

from station_desk.domain.errors import UserError
from station_desk.print import load_rules, render_rules_board


@needs_poppler
@pytest.mark.parametrize(("kind", "pages"), [("village", 3), ("town", 5)])
def test_rules_boards_one_rule_per_page(kind: Any, pages: int, tmp_path: Path) -> None:
    pdf = render_rules_board(kind, "A4", station_name="西沟村便民服务站")
    assert pages_of(pdf, tmp_path) == pages
    text = text_of(pdf, tmp_path)
    rules = load_rules(kind)
    assert len(rules) == pages
    for rule in rules:
        assert squeeze(rule.title) in text
        for paragraph in rule.paragraphs:
            assert squeeze(paragraph) in text
    assert "西沟村便民服务站" in text
    assert all(row[-5:-3] == ["yes", "yes"] for row in fonts_of(pdf, tmp_path))
    assert pdf == render_rules_board(kind, "A4", station_name="西沟村便民服务站")


@needs_poppler
def test_a3_board(tmp_path: Path) -> None:
    pdf = render_rules_board("town", "A3")
    info = run_poppler("pdfinfo", pdf, tmp_path)
    assert re.search(r"Page size:\s+841\.89 x 1190\.55", info), info
    assert pages_of(pdf, tmp_path) == 5


def test_rules_text_is_clean() -> None:
    town = [r.title for r in load_rules("town")]
    village = [r.title for r in load_rules("village")]
    assert town == ["帮办代办工作制度", "首问责任制", "一次性告知制", "限时办结制", "效能投诉制度"]
    assert village == ["帮办代办工作制度", "首问责任制", "一次性告知制"]
    texts = [t for r in (*load_rules("town"), *load_rules("village"))
             for t in (r.title, *r.paragraphs)]
    assert not any("37天" in t for t in texts)
    assert any("7天内处理完毕" in t for t in texts)
    for t in texts:
        assert not re.search(r'[(),;:"]', t), f"half-width punctuation left from the OCR: {t}"
    for rule in (*load_rules("town"), *load_rules("village")):
        top = [p[0] for p in rule.paragraphs if re.match("^[一二三四五六七八九十]、", p)]
        assert top == list("一二三四五六七八九十")[:len(top)], (rule.title, top)


def test_unknown_board_kind_or_size_is_refused() -> None:
    with pytest.raises(UserError):
        render_rules_board("city", "A4")  # type: ignore[arg-type]
    with pytest.raises(UserError):
        render_rules_board("town", "B5")  # type: ignore[arg-type]
